"""What the web layer reads: the record store.

Everything here is loaded once per process and shared by all requests. The store is opened
read-only on first use and guarded by a lock (one query at a time); the answers the pages need
most (one decision, its roll call) are cached per symbol, so a hot page costs a dictionary
look-up. A store that has not been built (or cannot be opened) raises :class:`Unavailable`, which
the app turns into HTTP 503 with the reason: the web layer never makes data up.

>>> to_jsonable({"d": __import__("datetime").date(2024, 3, 22), "x": float("nan"), "l": ("CHN", "RUS")})
{'d': '2024-03-22', 'x': None, 'l': ['CHN', 'RUS']}
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from unsc.record.decision import RecordedDecision

__all__ = [
    "LRU",
    "BadInput",
    "DecisionIndex",
    "NotFound",
    "StoreCache",
    "Unavailable",
    "decision_json",
    "decision_json_of",
    "python_rows",
    "to_jsonable",
]


class Unavailable(Exception):
    """A feature cannot answer: the store is missing or cannot be opened (HTTP 503).

    >>> str(Unavailable("the record store", "no store at /tmp/x.duckdb"))
    'the record store is unavailable: no store at /tmp/x.duckdb'
    """

    def __init__(self, feature: str, reason: str) -> None:
        super().__init__(f"{feature} is unavailable: {reason}")
        self.feature = feature
        self.reason = reason


class BadInput(ValueError):
    """The request asks for something that cannot be (HTTP 422); the message says what and why."""


class NotFound(LookupError):
    """Nothing in the record by that name (HTTP 404)."""


def to_jsonable(value: Any) -> Any:
    """Turn store values (numpy scalars and arrays, pandas NA and timestamps, dates) into JSON types."""
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dt.datetime):
        if value != value:  # pandas NaT is a datetime that equals nothing
            return None
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    tolist = getattr(value, "tolist", None)  # numpy arrays and scalars
    if callable(tolist):
        return to_jsonable(tolist())
    to_pydatetime = getattr(value, "to_pydatetime", None)  # pandas Timestamp
    if callable(to_pydatetime):
        return to_jsonable(to_pydatetime())
    import pandas as pd

    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # pd.isna of a value it cannot judge
        pass
    return str(value)


def records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a DataFrame (or a list of dicts) as JSON-ready dicts."""
    if frame is None:
        return []
    if isinstance(frame, list):
        return [to_jsonable(r) for r in frame]
    return [to_jsonable(r) for r in frame.to_dict(orient="records")]


class LRU:
    """A small thread-safe least-recently-used cache.

    >>> c = LRU(2); c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
    1
    >>> c.get("b") is None, c.get("c")
    (True, 3)
    """

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._data: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any) -> Any:
        """The cached value, or ``None``."""
        with self._lock:
            value = self._data.get(key)
            if value is not None:
                self._data.move_to_end(key)
            return value

    def put(self, key: Any, value: Any) -> None:
        """Cache ``value`` under ``key``, evicting the oldest entry when full."""
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._data.clear()


class StoreCache:
    """The store (opened once, read-only, used under a lock) and the caches built on it.

    ``store`` may be given directly (an object with the ``unsc.record.Store`` methods, as tests do);
    otherwise it is opened from ``store_path`` (default: ``unsc.record.config.store_path()``) with
    ``unsc.record.open_store`` on first use. A missing store is retried on the next request, so a
    server started before ``unsc build`` picks the store up once it exists.

    >>> StoreCache(store_path="/nonexistent/unsc.duckdb").call("decision", "S/2024/239")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    unsc.web.store_cache.Unavailable: the record store is unavailable: ...
    """

    def __init__(self, store_path: str | Path | None = None, store: Any = None) -> None:
        self.store_path = None if store_path is None else Path(store_path)
        self._store = store
        self._lock = threading.RLock()
        self._index: DecisionIndex | None = None
        self._lookup: Any = False  # not looked for yet; then the store's Lookup, or None
        self.cache = LRU(8192)  # decisions, pages, members: small entries
        self.big = LRU(64)  # search results and member histories: large entries

    # -- the store ------------------------------------------------------------------------------

    def _open(self) -> Any:
        if self._store is not None:
            return self._store
        path = self.store_path
        if path is None:
            from unsc.record.config import store_path as default_path

            path = default_path()
        if not Path(path).exists():
            raise Unavailable(
                "the record store",
                f"no store at {path}: run 'unsc build --from DIR' (or 'unsc sync') first, or pass --store PATH",
            )
        from unsc.record import open_store

        try:
            self._store = open_store(path)
        except Exception as exc:  # StoreMissingError, a corrupt file, a store of an older schema
            raise Unavailable("the record store", f"cannot open {path}: {exc}") from exc
        return self._store

    @property
    def has_store(self) -> bool:
        """Whether the store can be opened (without raising)."""
        try:
            with self._lock:
                self._open()
        except Unavailable:
            return False
        return True

    def call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call ``Store.<method>`` under the lock; a missing method is :class:`Unavailable`."""
        with self._lock:
            store = self._open()
            fn: Callable[..., Any] | None = getattr(store, method, None)
            if fn is None:
                raise Unavailable(method, f"the store has no {method}() (unsc.record not complete yet)")
            return fn(*args, **kwargs)

    def with_store(self, fn: Callable[[Any], Any]) -> Any:
        """Run ``fn(store)`` under the lock; ``store`` is ``None`` when there is no store."""
        with self._lock:
            try:
                store = self._open()
            except Unavailable:
                store = None
            return fn(store)

    # -- one decision ---------------------------------------------------------------------------

    def index(self) -> DecisionIndex:
        """The decisions, their member votes and cited exceptions, read from the store once per process."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = DecisionIndex.load(self._open())
        return self._index

    def recorded(self, symbol: str) -> RecordedDecision:
        """One decision as the record's typed :class:`~unsc.record.decision.RecordedDecision`.

        The symbol is resolved in the index where the answer is certain (an id, a draft, a resolution
        with its year), else by ``Store.find``; the row, votes and exception are the store's.
        """
        index = self.index()
        did = index.find(symbol)
        if did is None:
            did = self.call("find", symbol)
        found = index.recorded(did) if did is not None else None
        if found is None:
            raise NotFound(f"no decision {symbol!r} in the record (try a draft symbol like S/2024/239 or 2728 (2024))")
        return found

    def lookup(self) -> Any:
        """The store's lookup file (:class:`unsc.record.store.Lookup`), opened once per process, or
        ``None`` (a store given as an object, no file, or one that no longer matches the store)."""
        if self._lookup is False:
            with self._lock:
                if self._lookup is False:
                    from unsc.record.config import store_path as default_path
                    from unsc.record.store import Lookup

                    path = self.store_path if self.store_path is not None else default_path()
                    found = None if self._store is not None else Lookup.open(path, threads=True)
                    if found is not None or self._store is not None or Path(path).exists():
                        self._lookup = found  # else no store yet: look again on the next request
                    return found
        return self._lookup

    def decision_body_now(self, symbol: str) -> bytes | None:
        """The JSON body of a decision the lookup file names for certain, else ``None`` (then the
        decisions index answers). One SQLite read per request; nothing is kept for the symbol.

        The file holds each decision's :meth:`RecordedDecision.to_dict` as the build made it from the
        store's rows; here it is shaped as :func:`decision_json` shapes it (votes sorted and named,
        document links). tests/web/test_lookup_json.py checks both bodies are the same bytes for every
        decision.
        """
        lookup = self.lookup()
        body = lookup.body(symbol) if lookup is not None else None
        if body is None:
            return None
        import orjson

        return orjson.dumps(_shape(_untagged(orjson.loads(body))))

    def recorded_now(self, symbol: str) -> RecordedDecision | None:
        """The decision, if the index is loaded and sure of the symbol (no I/O, no lock); else ``None``."""
        index = self._index
        did = index.find(symbol) if index is not None else None
        return index.recorded(did) if index is not None and did is not None else None

    def decision(self, symbol: str) -> dict[str, Any]:
        """One decision with its member votes and document links, JSON-ready (not cached)."""
        return decision_json(self.recorded(symbol))

    def cached(self, key: Any, compute: Callable[[], Any], big: bool = False) -> Any:
        """``compute()`` once per ``key`` (member lists, statistics, searches with ``big=True``)."""
        cache = self.big if big else self.cache
        hit = cache.get(key)
        if hit is None:
            hit = compute()
            cache.put(key, hit)
        return hit


_VOTE_ORDER = {"Y": 0, "N": 1, "A": 2, "X": 3}


def _cased(vote: dict[str, Any]) -> dict[str, Any]:
    """A vote row with its member's name as recorded, in normal case ("CHINA" -> "China"), as
    ``unsc.votes()`` gives it; the pages name permanent seats by the government of the date.

    >>> _cased({"member": "AUS", "member_name": "AUSTRALIA"})["member_name"]
    'Australia'
    """
    name = vote.get("member_name")
    return vote | {"member_name": _proper_name(name) if isinstance(name, str) else name}


@functools.lru_cache(maxsize=4096)
def _proper_name(name: str) -> str:
    """:func:`unsc.analysis.stats.proper_name`, once per name (a few hundred names, 40,000 vote rows)."""
    from unsc.analysis.stats import proper_name

    return str(proper_name(name))


def sort_votes(votes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Permanent members first, then by name (the order the UN prints a roll call in is alphabetical).

    >>> [v["member"] for v in sort_votes([{"member": "DZA", "member_name": "Algeria", "permanent": False},
    ...                                   {"member": "USA", "member_name": "United States", "permanent": True}])]
    ['USA', 'DZA']
    """
    return sorted(votes, key=lambda v: (not v.get("permanent"), str(v.get("member_name") or v.get("member"))))


DOCS = "https://documents.un.org/symbol-explorer?s="
LIBRARY = "https://digitallibrary.un.org/search?ln=en&p="


def document_links(row: dict[str, Any]) -> list[dict[str, str]]:
    """Links to the official documents: meeting record, draft, resolution, library record.

    >>> [d["label"] for d in document_links({"meeting": "S/PV.9584", "draft": "S/2024/239"})]
    ['Meeting record S/PV.9584', 'Draft S/2024/239', 'Digital Library: S/2024/239']
    """
    from urllib.parse import quote

    links: list[dict[str, str]] = []
    if row.get("meeting"):
        links.append({"label": f"Meeting record {row['meeting']}", "url": DOCS + quote(row["meeting"], safe="/")})
    if row.get("draft"):
        links.append({"label": f"Draft {row['draft']}", "url": DOCS + quote(row["draft"], safe="/")})
    if row.get("resolution"):
        sym = f"S/RES/{row['resolution']}"
        links.append({"label": f"Resolution {sym}", "url": DOCS + quote(sym.replace(" ", ""), safe="/()")})
    if row.get("link"):
        links.append({"label": "Digital Library record", "url": str(row["link"])})
    else:
        target = row.get("draft") or (f"S/RES/{row['resolution']}" if row.get("resolution") else row.get("meeting"))
        if target:
            links.append({"label": f"Digital Library: {target}", "url": LIBRARY + quote(str(target), safe="/")})
    return links


def decision_json(d: RecordedDecision) -> dict[str, Any]:
    """The JSON of one decision: the record's own dict (:meth:`RecordedDecision.to_dict`), its votes
    sorted and named as ``unsc.votes()`` names them, and links to the official documents."""
    return decision_json_of(d.to_dict())


def decision_json_of(record: dict[str, Any]) -> dict[str, Any]:
    """:func:`decision_json` from the decision's dict (``RecordedDecision.to_dict``)."""
    return _shape({k: v if k == "votes" else to_jsonable(v) for k, v in record.items()})


def _shape(out: dict[str, Any]) -> dict[str, Any]:
    """Votes sorted and named as ``unsc.votes()`` names them, and links to the official documents."""
    out["votes"] = sort_votes([_cased(v) for v in out["votes"]])  # plain values already (MemberVote's)
    out["documents"] = document_links(out)
    return out


def _untagged(record: dict[str, Any]) -> dict[str, Any]:
    """A decision's dict from the lookup file with its tagged dates as ISO strings (what :func:`to_jsonable`
    makes of a date). Dates are fields of the decision itself (``date``), never inside its votes or lists.

    >>> _untagged({"date": {"$date": "2024-03-22"}, "yes": 11})
    {'date': '2024-03-22', 'yes': 11}
    """
    return {k: v["$date"] if type(v) is dict and "$date" in v else v for k, v in record.items()}


def python_rows(frame: Any) -> list[dict[str, Any]]:
    """A store frame's rows as Python values, as ``Store.recorded`` reads them (a DATE as a date, NULL as None)."""
    import pandas as pd

    columns = {}
    for c in frame.columns:
        col = frame[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            col = col.dt.date
        columns[c] = col.astype(object).where(col.notna(), None).tolist()
    names = list(columns)
    return [dict(zip(names, vals, strict=True)) for vals in zip(*columns.values(), strict=True)]


class DecisionIndex:
    """Every decision row, its member votes and its cited exception, loaded from the store in three
    queries; one decision is then a :class:`~unsc.record.decision.RecordedDecision` built from them,
    with no query (issue 14: a query per request cost 17 ms).

    :meth:`find` answers only where its answer is certain to be ``Store.find``'s (a decision id, a
    draft voted once, a resolution with its year); for anything else it answers ``None`` and the
    caller asks the store. tests/web/test_store_cache.py checks both agree on every decision.
    """

    def __init__(
        self,
        rows: list[dict[str, Any]],
        votes: list[dict[str, Any]],
        exceptions: dict[str, str],
    ) -> None:
        self.rows = {str(r["decision_id"]): r for r in rows}
        self.votes: dict[str, list[dict[str, Any]]] = {}
        for v in votes:
            self.votes.setdefault(str(v["decision_id"]), []).append(v)
        for vs in self.votes.values():  # Store.recorded's order
            vs.sort(key=lambda v: (not v.get("permanent"), str(v.get("member"))))
        self.exceptions = exceptions
        drafts: dict[str, list[str]] = {}
        resolutions: dict[tuple[int, int], list[str]] = {}
        for did, r in self.rows.items():
            if r.get("draft"):
                drafts.setdefault(str(r["draft"]), []).append(did)
            if r.get("resolution_number") is not None and r.get("year") is not None:
                resolutions.setdefault((int(r["resolution_number"]), int(r["year"])), []).append(did)
        self._drafts = {k: v[0] for k, v in drafts.items() if len(v) == 1}
        self._resolutions = {k: v[0] for k, v in resolutions.items() if len(v) == 1}

    @classmethod
    def load(cls, store: Any) -> DecisionIndex:
        """Read the ``decisions``, ``votes`` and ``validation`` tables of an ``unsc.record.Store``."""
        rows = python_rows(store.decisions())
        votes = python_rows(store.votes().drop(columns=["date", "adopted"], errors="ignore"))
        checks = store.validation()
        cited = checks[checks["category"] == "source_error"]
        exceptions: dict[str, str] = {}
        for did, reason in zip(cited["decision_id"], cited["reason"], strict=True):
            exceptions.setdefault(str(did), str(reason))
        return cls(rows, votes, exceptions)

    def find(self, symbol: str) -> str | None:
        """The decision id of ``symbol`` where the index is sure; ``None`` means: ask ``Store.find``.

        >>> ix = DecisionIndex([{"decision_id": "S/2024/239", "draft": "S/2024/239"},
        ...     {"decision_id": "S/RES/2728(2024)", "resolution_number": 2728, "year": 2024}], [], {})
        >>> ix.find(" S/2024/239"), ix.find("2728 (2024)"), ix.find("S/RES/2728 (2024)"), ix.find("S/2024/254")
        ('S/2024/239', 'S/RES/2728(2024)', 'S/RES/2728(2024)', None)
        """
        from unsc.record.store import normalize_symbol

        if re.search(r"/(Rev|Corr|Add)\.\d+", symbol, re.I):
            return None
        kind, a, b = normalize_symbol(symbol)
        if kind == "resolution":
            return self._resolutions.get((a, b)) if b is not None else None
        if kind == "draft":
            return a if a in self.rows else self._drafts.get(a)
        if kind == "id":
            return a if a in self.rows else None
        return None

    def recorded(self, decision_id: str) -> RecordedDecision | None:
        """The decision with this id as the record's typed value, or ``None``."""
        from unsc.record.decision import RecordedDecision

        row = self.rows.get(decision_id)
        if row is None:
            return None
        return RecordedDecision.from_row(
            row, self.votes.get(decision_id, ()), exception=self.exceptions.get(decision_id)
        )
