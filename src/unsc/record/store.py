"""Query the record store (read-only DuckDB): decisions, votes, vetoes, members, reports.

>>> normalize_symbol("S/RES/2728 (2024)"), normalize_symbol("2728 (2024)"), normalize_symbol(" s/2024/239 ")
(('resolution', 2728, 2024), ('resolution', 2728, 2024), ('draft', 'S/2024/239', None))
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from unsc.record import config
from unsc.record.dates import parse_date

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from unsc.record.decision import RecordedDecision

__all__ = ["Lookup", "Store", "StoreMissingError", "lookup_path", "normalize_symbol", "open_store", "write_lookup"]


class StoreMissingError(FileNotFoundError):
    """There is no store yet; the message says how to build one."""


def normalize_symbol(symbol: str) -> tuple[str, Any, Any]:
    """Classify a symbol: ``('resolution', number, year)``, ``('draft', symbol, None)``,
    ``('meeting', symbol, n)`` or ``('id', text, None)``."""
    # imported here: the sources' parsers load the rules engine, which a point look-up in the
    # lookup file (``unsc show``) does without
    from unsc.record.sources.normalize import parse_draft, parse_meeting, parse_resolution

    s = symbol.strip()
    if re.match(r"^(S\s*/\s*RES|resolution\b|\d{1,4}\s*(\(|$))", s, re.I):
        r = parse_resolution(s) if "(" in s or "/" in s[6:] else None
        if r is None and re.match(r"^\d{1,4}$", s):
            return ("resolution", int(s), None)
        if r is None and re.match(r"^S\s*/\s*RES\s*/\s*\d+\s*$", s, re.I):
            return ("resolution", int(re.findall(r"\d+", s)[0]), None)
        if r is not None:
            return ("resolution", r[0], r[1])
    if re.match(r"^S\s*/\s*PV", s, re.I):
        m = re.match(r"^(.*?)(?:#(\d+))?$", s)
        return ("meeting", parse_meeting(m.group(1)) if m else s, int(m.group(2)) if m and m.group(2) else None)
    d = parse_draft(s)
    if d is not None and re.match(r"^\s*S\s*/", s, re.I):
        return ("draft", d, None)
    return ("id", s, None)


def open_store(path: str | Path | None = None) -> Store:
    """Open the store read-only (default: :func:`unsc.record.config.store_path`).

    >>> open_store("/nonexistent/unsc.duckdb")
    Traceback (most recent call last):
    ...
    unsc.record.store.StoreMissingError: no store at /nonexistent/unsc.duckdb: run `unsc build --from DIR` (or `unsc sync`) first
    """
    p = Path(path) if path is not None else config.store_path()
    if not p.exists():
        raise StoreMissingError(f"no store at {p}: run `unsc build --from DIR` (or `unsc sync`) first")
    return Store(p)


def _date(value: Any) -> dt.date | None:
    """A period's start: a year or a month at its first day (:func:`unsc.record.dates.parse_date`)."""
    return parse_date(value)


def _until(value: Any) -> dt.date | None:
    """A period's end: a year or a month at its last day."""
    return parse_date(value, end=True)


def _period(
    where: list[str], params: list[Any], since: Any, until: Any, start: str = "date", end: str | None = None
) -> None:
    """Add the ``since``/``until`` conditions (a year or an ISO date) on the given columns.

    >>> w, p = [], []; _period(w, p, 2020, "2021"); w, p
    (['date >= ?', 'date <= ?'], [datetime.date(2020, 1, 1), datetime.date(2021, 12, 31)])
    """
    if since is not None:
        where.append(f"{end or start} >= ?")
        params.append(_date(since))
    if until is not None:
        where.append(f"{start} <= ?")
        params.append(_until(until))


class _Connection:
    """What a store file and its lookup file share: an open connection, closed by ``close()`` or ``with``."""

    _con: Any

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def roster(self, date: Any) -> list[str]:
        """Codes seated on a date (USSR/Russia, Zaire/DR Congo, ... as the state of that date), from the
        ``terms`` table the store and its lookup file both hold."""
        from unsc.rules.charter import code_of_the_time

        d = _date(date)
        if d is None:
            raise ValueError("roster needs a date (a year or YYYY-MM-DD), not None")
        rows = self._con.execute("SELECT member FROM terms WHERE year = ?", [d.year]).fetchall()
        return sorted({code_of_the_time(r[0], d) for r in rows})


class Store(_Connection):
    """A read-only view of one store file. Every query returns a pandas DataFrame (or dict)."""

    def __init__(self, path: Path):
        import duckdb

        self.path = Path(path)
        try:
            self._con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as e:
            raise StoreMissingError(f"cannot open the store {self.path}: {e}; rebuild it with `unsc build`") from None

    def sql(self, query: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run a read-only SQL query against the store."""
        return self._con.execute(query, params or []).df()

    # ------------------------------------------------------------------ decisions
    def decisions(
        self,
        since: Any = None,
        until: Any = None,
        member: str | None = None,
        outcome: str | None = None,
        kind: str | None = None,
        text: str | None = None,
        vetoed_by: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> pd.DataFrame:
        """Decisions, newest first, filtered.

        ``outcome``: ``adopted``, ``failed``/``not_adopted``, ``vetoed``, ``insufficient_votes``
        or ``without_vote`` (adopted without a vote, by acclamation too). ``member`` keeps decisions the member voted on; ``text`` searches
        title, topic, draft and resolution; ``vetoed_by`` a member code or name.
        """
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        _period(where, params, since, until)
        if member:
            where.append("decision_id IN (SELECT decision_id FROM votes WHERE member = ?)")
            params.append(_code(member))
        if outcome:
            from unsc.rules.votes import Modality

            o = outcome.strip().casefold().replace("-", "_").replace(" ", "_")
            without = ", ".join(f"'{m.value}'" for m in Modality if m.is_without_vote)  # acclamation too
            cond = {
                "adopted": "adopted",
                "failed": "NOT adopted",
                "not_adopted": "NOT adopted",
                "rejected": "NOT adopted",
                "vetoed": "failure_reason = 'veto'",
                "veto": "failure_reason = 'veto'",
                "insufficient_votes": "failure_reason = 'insufficient_votes'",
                "without_vote": f"modality IN ({without})",
            }.get(o)
            if cond is None:
                raise ValueError(
                    f"unknown outcome {outcome!r}: adopted, failed, vetoed, insufficient_votes, without_vote"
                )
            where.append(cond)
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if text:
            where.append(
                "(title ILIKE ? OR topic ILIKE ? OR draft ILIKE ? OR resolution ILIKE ? OR decision_id ILIKE ?)"
            )
            params += [f"%{text}%"] * 5
        if vetoed_by:
            where.append("list_contains(vetoed_by, ?)")
            params.append(_code(vetoed_by))
        q = f"SELECT * FROM decisions WHERE {' AND '.join(where)} ORDER BY date DESC NULLS LAST, decision_id DESC"
        if limit is not None:
            q += f" LIMIT {int(limit)}"
        if offset:
            q += f" OFFSET {int(offset)}"
        return self.sql(q, params)

    def find(self, symbol: str) -> str | None:
        """The decision id a symbol denotes, or ``None``.

        A revised draft is found by its own symbol (``S/3713/Rev.1``, also ``/Corr.N``, ``/Add.N``)
        and, where no decision has the base symbol itself, by the base symbol (``S/3713``, as the
        WPDL list gives it).
        """
        exact = re.sub(r"\s+", "", symbol)
        if re.search(r"/(Rev|Corr|Add)\.\d+", exact, re.I):
            rows = self._con.execute(
                "SELECT decision_id FROM decisions WHERE upper(decision_id) = upper(?) OR upper(draft) = upper(?) "
                "ORDER BY upper(decision_id) = upper(?) DESC, decision_id",
                [exact, exact, exact],
            ).fetchall()
            if rows:
                return str(rows[0][0])
        kind, a, b = normalize_symbol(symbol)
        if kind == "resolution":
            q = "SELECT decision_id FROM decisions WHERE resolution_number = ?"
            params: list[Any] = [a]
            if b is not None:
                q += " AND year = ?"
                params.append(b)
            rows = self._con.execute(q, params).fetchall()
            return rows[0][0] if rows else None
        if kind == "draft":
            rows = self._con.execute(
                "SELECT decision_id FROM decisions WHERE decision_id = ? OR draft = ? ORDER BY decision_id = ? DESC",
                [a, a, a],
            ).fetchall()
            if not rows:  # only a revision or corrigendum of it was voted
                rows = self._con.execute(
                    "SELECT decision_id FROM decisions WHERE draft LIKE ? OR draft LIKE ? ORDER BY decision_id",
                    [f"{a}/Rev.%", f"{a}/Corr.%"],
                ).fetchall()
            return rows[0][0] if rows else None
        if kind == "meeting":
            if b is not None:
                rows = self._con.execute(
                    "SELECT decision_id FROM decisions WHERE decision_id = ?", [f"{a}#{b}"]
                ).fetchall()
            else:
                rows = self._con.execute(
                    "SELECT decision_id FROM decisions WHERE meeting = ? ORDER BY decision_id", [a]
                ).fetchall()
            return rows[0][0] if rows else None
        rows = self._con.execute("SELECT decision_id FROM decisions WHERE decision_id = ?", [a]).fetchall()
        return rows[0][0] if rows else None

    def recorded(self, symbol: str) -> RecordedDecision | None:
        """One decision as a typed :class:`~unsc.record.decision.RecordedDecision`; ``None`` if unknown.

        Every page renders this one object: its headline, tally, explanation and announcement are
        made from the same member votes.
        """
        from unsc.record.decision import RecordedDecision

        did = self.find(symbol)
        if did is None:
            return None
        # plain DuckDB rows (no pandas): `unsc show` starts faster
        rec = self._rows("SELECT * FROM decisions WHERE decision_id = ?", [did])[0]
        votes = self._rows("SELECT * FROM votes WHERE decision_id = ? ORDER BY permanent DESC, member", [did])
        cited = self._rows("SELECT reason FROM validation WHERE decision_id = ? AND category = 'source_error'", [did])
        return RecordedDecision.from_row(rec, votes, exception=cited[0]["reason"] if cited else None)

    def decision(self, symbol: str) -> dict[str, Any] | None:
        """One decision with its member votes, by draft, resolution or id; ``None`` if unknown.

        The dict of :meth:`recorded` (``headline``, ``tally``, ``explanation`` from one object).
        """
        rd = self.recorded(symbol)
        return None if rd is None else rd.to_dict()

    def _rows(self, query: str, params: list[Any]) -> list[dict[str, Any]]:
        """Rows as dicts of Python values (DATE as ``datetime.date``, lists as lists, NULL as ``None``)."""
        cur = self._con.execute(query, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def votes(
        self, decision_id: str | None = None, member: str | None = None, since: Any = None, until: Any = None
    ) -> pd.DataFrame:
        """Member votes (joined with the decision's date), filtered."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if decision_id:
            did = self.find(decision_id) or decision_id
            where.append("v.decision_id = ?")
            params.append(did)
        if member:
            where.append("v.member = ?")
            params.append(_code(member))
        _period(where, params, since, until, start="d.date")
        return self.sql(
            "SELECT v.*, d.date, d.adopted FROM votes v JOIN decisions d USING (decision_id) "
            f"WHERE {' AND '.join(where)} ORDER BY d.date, v.decision_id, v.member",
            params,
        )

    def vetoes(self, member: str | None = None, since: Any = None, until: Any = None) -> pd.DataFrame:
        """One row per vetoing member per vetoed proposal, oldest first."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        if member:
            codes = _seat_codes(member)
            where.append(f"member IN ({', '.join('?' * len(codes))})")
            params += codes
        _period(where, params, since, until)
        return self.sql(f"SELECT * FROM vetoes WHERE {' AND '.join(where)} ORDER BY date, decision_id, member", params)

    def meetings(self, since: Any = None, until: Any = None, text: str | None = None) -> pd.DataFrame:
        """The meeting calendar (one row per meeting the DHL yearly tables list, votes or not), oldest first.

        ``text`` matches the topic (case-insensitive).

        >>> open_store().meetings(since="1967-06-14", until="1967-06-14")["meeting"].tolist()  # doctest: +SKIP
        ['S/PV.1360', 'S/PV.1361']
        """
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        _period(where, params, since, until, end="end_date")
        if text:
            where.append("topic ILIKE ?")
            params.append(f"%{text}%")
        order = "date, CAST(regexp_extract(meeting, '\\d+') AS INTEGER)"
        return self.sql(f"SELECT * FROM meetings WHERE {' AND '.join(where)} ORDER BY {order}", params)

    def members(self) -> pd.DataFrame:
        """Every state that ever sat, with the years."""
        return self.sql("SELECT * FROM members ORDER BY code")

    def terms(self) -> pd.DataFrame:
        """Members per year (the DPPA membership file, blanks filled where justified)."""
        return self.sql("SELECT * FROM terms ORDER BY year, member")

    def conflicts(self) -> pd.DataFrame:
        """Every disagreement between sources, with the chosen value and why."""
        return self.sql("SELECT * FROM conflicts")

    def quarantine(self) -> pd.DataFrame:
        """Source rows not trusted, with the reason and the raw row."""
        return self.sql("SELECT * FROM quarantine")

    def validation(self) -> pd.DataFrame:
        """Decisions whose recorded and rule outcomes disagree, or that cannot be re-decided."""
        return self.sql("SELECT * FROM validation ORDER BY date, decision_id")

    def build_report(self) -> pd.DataFrame:
        """Per source: rows in, out of scope, emitted, quarantined, decisions merged."""
        return self.sql("SELECT * FROM build_sources")

    def table(self, name: str) -> pd.DataFrame:
        """A whole table by name."""
        names = {r[0] for r in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if name not in names:
            raise KeyError(f"no table {name!r}; tables: {', '.join(sorted(names))}")
        return self.sql(f'SELECT * FROM "{name}"')

    def tables(self) -> list[str]:
        """Names of the tables in the store."""
        return sorted(r[0] for r in self._con.execute("SELECT table_name FROM information_schema.tables").fetchall())


def _record(d: dict[str, Any]) -> dict[str, Any]:
    """A DataFrame row as Python values: dates as ``datetime.date``, arrays as lists, missing as ``None``.

    >>> _record({"n": float("nan"), "d": dt.date(2024, 3, 22)})
    {'n': None, 'd': datetime.date(2024, 3, 22)}
    """
    pd = sys.modules.get("pandas")  # a row from a DataFrame: pandas is loaded; never import it here
    out = {}
    for k, v in d.items():
        if hasattr(v, "tolist") and not isinstance(v, str):
            v = v.tolist()
        if pd is not None:
            if isinstance(v, pd.Timestamp):
                v = v.date()
            if v is pd.NA or v is pd.NaT:
                v = None
        if isinstance(v, float) and v != v:
            v = None
        out[k] = v
    return out


def _code(name: str) -> str:
    from unsc.rules import member

    return member(name).code


def _seat_codes(name: str) -> list[str]:
    return [_code(name)]  # SUN and RUS stay apart, as in the DHL list


# ---------------------------------------------------------------------------------------------------
# The lookup file: one decision or one year's roster without DuckDB (issue 14: a cold `unsc show`)
#
# Opening DuckDB costs more than the rest of `unsc show` together (its import and connect are about
# 10x Python's start), and building a decision's explanation loads the rules engine. The build
# therefore writes, beside the store and from the same rows, a small SQLite file: every decision's
# dict exactly as :meth:`Store.decision` returns it, the symbols that name each decision for certain,
# and the roster table. It is trusted only while it matches the store file (size and modification
# time) and the code that made the dicts (a digest of ``unsc.rules`` and the record's decision and
# store modules); otherwise readers fall back to the store. tests/record/test_lookup.py checks that
# both agree on every decision, every symbol the file knows and every year of the roster.

LOOKUP_FORMAT = "2"


def lookup_path(store: str | Path) -> Path:
    """The lookup file beside a store file.

    >>> lookup_path("/data/unsc.duckdb").name
    'unsc.duckdb.lookup'
    """
    p = Path(store)
    return p.with_name(p.name + ".lookup")


def _code_digest() -> str | None:
    """A checksum of the code whose output the lookup file holds, or ``None`` if it cannot be read.

    CRC-32 per file (``zlib``, a fraction of ``hashlib``'s import time, which ``unsc show`` would pay):
    it tells an edited file from the one that wrote the lookup file; it guards against no adversary,
    who could as well edit the store.
    """
    import zlib

    here = Path(__file__).resolve().parent
    files = [*sorted((here.parent / "rules").glob("*.py")), here / "decision.py", here / "store.py"]
    try:
        return ",".join(f"{f.name}:{zlib.crc32(f.read_bytes()):08x}" for f in files)
    except OSError:
        return None


def _store_stamp(store: Path) -> str:
    st = store.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _dumps(value: Any) -> str:
    """JSON with dates tagged, so that :func:`_loads` gives back ``datetime.date`` values.

    >>> _loads(_dumps({"date": dt.date(2024, 3, 22), "v": [1, None]}))
    {'date': datetime.date(2024, 3, 22), 'v': [1, None]}
    """
    import json

    def tag(v: Any) -> Any:
        if isinstance(v, dt.date) and not isinstance(v, dt.datetime):
            return {"$date": v.isoformat()}
        raise TypeError(f"cannot write {type(v).__name__} {v!r} to the lookup file")

    return json.dumps(value, default=tag, ensure_ascii=False, separators=(",", ":"))


def _loads(text: str) -> Any:
    import json

    def untag(d: dict[str, Any]) -> Any:
        return dt.date.fromisoformat(d["$date"]) if len(d) == 1 and "$date" in d else d

    return json.loads(text, object_hook=untag)


class _Symbols:
    """The symbols that name one decision for certain, as :meth:`Store.find` would resolve them,
    found from the decisions rows without a query (the build's side of the lookup file)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.ids = {str(r["decision_id"]) for r in rows}
        self.by_draft: dict[str, list[str]] = {}
        self.by_resolution: dict[tuple[int, Any], list[str]] = {}
        self.by_upper: dict[str, set[str]] = {}  # upper(decision_id) or upper(draft) -> ids
        for r in rows:
            did = str(r["decision_id"])
            self.by_upper.setdefault(did.upper(), set()).add(did)
            if r.get("draft"):
                self.by_upper.setdefault(str(r["draft"]).upper(), set()).add(did)
            if r.get("draft"):
                self.by_draft.setdefault(str(r["draft"]), []).append(did)
            n = r.get("resolution_number")
            if n is not None:
                self.by_resolution.setdefault((int(n), r.get("year")), []).append(did)
                self.by_resolution.setdefault((int(n), "*"), []).append(did)

    def find(self, symbol: str) -> str | None:
        """``Store.find(symbol)`` where only one answer is possible, else ``None``."""
        exact = re.sub(r"\s+", "", symbol)
        if re.search(r"/(Rev|Corr|Add)\.\d+", exact, re.I):
            up = exact.upper()
            ranked = sorted((did.upper() != up, did) for did in self.by_upper.get(up, ()))
            if ranked:
                return ranked[0][1]
        kind, a, b = normalize_symbol(symbol)
        if kind == "resolution":
            hits = self.by_resolution.get((a, b if b is not None else "*"), [])
            return hits[0] if len(hits) == 1 else None
        if kind == "draft":
            if a in self.ids:
                return str(a)
            hits = self.by_draft.get(a, [])
            return hits[0] if len(hits) == 1 else None
        if kind == "meeting" and b is not None:  # one vote of a meeting: S/PV.4164#1
            return f"{a}#{b}" if f"{a}#{b}" in self.ids else None
        if kind == "id":
            return str(a) if a in self.ids else None
        return None

    def names(self, row: dict[str, Any]) -> set[str]:
        """The everyday names of a decision: its id, draft, resolution (``2728 (2024)``, ``S/RES/2728 (2024)``)."""
        out = {str(row["decision_id"])}
        if row.get("draft"):
            out.add(str(row["draft"]))
        if row.get("resolution"):
            out |= {str(row["resolution"]), f"S/RES/{row['resolution']}"}
        return out


def write_lookup(store_path: str | Path) -> Path:
    """Write the lookup file of the store at ``store_path`` (atomically, beside it) and return its path.

    The build calls this after writing the store; every decision's dict is made by
    :class:`~unsc.record.decision.RecordedDecision` from the store's rows, as :meth:`Store.decision` makes it.
    """
    import os
    import sqlite3
    import tempfile

    from unsc.record.decision import RecordedDecision

    store = Path(store_path)
    target = lookup_path(store)
    with Store(store) as s:
        stamp = _store_stamp(store)
        rows = s._rows("SELECT * FROM decisions", [])
        votes: dict[str, list[dict[str, Any]]] = {}
        for v in s._rows("SELECT * FROM votes", []):
            votes.setdefault(str(v["decision_id"]), []).append(v)
        cited: dict[str, str] = {}
        for did, reason in s._con.execute(
            "SELECT decision_id, reason FROM validation WHERE category = 'source_error'"
        ).fetchall():
            cited.setdefault(str(did), reason)
        terms = s._con.execute("SELECT year, member FROM terms").fetchall()
    symbols = _Symbols(rows)
    keys: dict[str, str] = {}
    bodies = []
    for row in rows:
        did = str(row["decision_id"])
        vs = sorted(votes.get(did, []), key=lambda v: (not v.get("permanent"), str(v.get("member"))))
        rd = RecordedDecision.from_row(row, vs, exception=cited.get(did))
        bodies.append((did, _dumps(rd.to_dict())))
        for name in symbols.names(row):
            found = symbols.find(name)
            if found is not None:
                keys[name] = found
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(
                "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
                "CREATE TABLE symbols (symbol TEXT PRIMARY KEY, decision_id TEXT NOT NULL) WITHOUT ROWID;"
                # a rowid table: bodies of a few kB are read by one integer key (WITHOUT ROWID suits small rows)
                "CREATE TABLE decisions (decision_id TEXT PRIMARY KEY, body TEXT NOT NULL);"
                "CREATE TABLE terms (year INTEGER, member TEXT);"
                "CREATE INDEX terms_year ON terms (year);"
            )
            meta = {"format": LOOKUP_FORMAT, "store": stamp, "code": _code_digest() or ""}
            con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            con.executemany("INSERT INTO symbols VALUES (?, ?)", sorted(keys.items()))
            con.executemany("INSERT INTO decisions VALUES (?, ?)", bodies)
            con.executemany("INSERT INTO terms VALUES (?, ?)", terms)
            con.commit()
        finally:
            con.close()
        os.chmod(tmp, store.stat().st_mode & 0o777)  # readable by whoever may read the store
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return target


class Lookup(_Connection):
    """The lookup file of a store, opened only when it still matches the store and the code.

    >>> Lookup.open("/nonexistent/unsc.duckdb") is None
    True
    """

    def __init__(self, con: Any) -> None:
        self._con = con

    @classmethod
    def open(cls, store_path: str | Path | None = None, threads: bool = False) -> Lookup | None:
        """The lookup file of the store (default location if ``None``), or ``None`` when it is missing,
        unreadable, or out of date (the store was rebuilt or copied, or the code changed).

        ``threads``: the connection may be used from any thread (SQLite serializes the calls), as a
        server's event loop and thread pool do."""
        import sqlite3

        store = Path(store_path) if store_path is not None else config.store_path()
        path = lookup_path(store)
        try:
            stamp = _store_stamp(store)
            con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=not threads)
        except (OSError, ValueError, sqlite3.Error):
            return None
        try:
            meta = dict(con.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.Error:
            con.close()
            return None
        if meta.get("format") != LOOKUP_FORMAT or meta.get("store") != stamp or meta.get("code") != _code_digest():
            con.close()
            return None
        return cls(con)

    def decision(self, symbol: str) -> dict[str, Any] | None:
        """:meth:`Store.decision` of ``symbol`` when the file knows the symbol (exactly as typed), else ``None``:
        ``None`` says nothing about the store, which the caller then asks."""
        body = self.body(symbol)
        return None if body is None else _loads(body)

    def body(self, symbol: str) -> str | None:
        """The text of :meth:`decision` (JSON, dates tagged ``{"$date": "YYYY-MM-DD"}``), or ``None``."""
        row = self._con.execute(
            "SELECT body FROM decisions WHERE decision_id = (SELECT decision_id FROM symbols WHERE symbol = ?)",
            [symbol],
        ).fetchone()
        return None if row is None else str(row[0])
