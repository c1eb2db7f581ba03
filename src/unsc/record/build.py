"""Build the store: read every source in a directory, merge, validate, write one DuckDB file.

The write is atomic: the store is built into a temporary file in the same directory and moved
onto the store path with :func:`os.replace`, so a failed build leaves the previous store usable.

>>> SCHEMA["vetoes"][:3]
(('decision_id', 'VARCHAR'), ('date', 'DATE'), ('draft', 'VARCHAR'))
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pandas as pd

from unsc.record import config
from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue

__all__ = ["READERS", "SCHEMA", "STEPS", "BuildError", "BuildReport", "SourceReader", "build", "find_sources"]

Progress = Callable[[str, int, int], None]

SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "decisions": (
        ("decision_id", "VARCHAR PRIMARY KEY"),
        ("date", "DATE"),
        ("year", "INTEGER"),
        ("meeting", "VARCHAR"),
        ("draft", "VARCHAR"),
        ("resolution", "VARCHAR"),
        ("resolution_number", "INTEGER"),
        ("title", "VARCHAR"),
        ("topic", "VARCHAR"),
        ("sponsors", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("voting_class", "VARCHAR"),
        ("modality", "VARCHAR"),
        ("adopted", "BOOLEAN"),
        ("failure_reason", "VARCHAR"),
        ("yes", "INTEGER"),
        ("no", "INTEGER"),
        ("abstain", "INTEGER"),
        ("non_voting", "INTEGER"),
        ("vetoed_by", "VARCHAR[]"),
        ("rule_adopted", "BOOLEAN"),
        ("rule_agrees", "BOOLEAN"),
        ("explanation", "VARCHAR"),
        ("sources", "VARCHAR[]"),
        ("link", "VARCHAR"),
        ("note", "VARCHAR"),
        ("votes_source", "VARCHAR"),
        ("date_note", "VARCHAR"),
    ),
    "votes": (
        ("decision_id", "VARCHAR"),
        ("member", "VARCHAR"),
        ("member_name", "VARCHAR"),
        ("permanent", "BOOLEAN"),
        ("vote", "VARCHAR"),
        ("source", "VARCHAR"),
        ("non_voting_reason", "VARCHAR"),
    ),
    "members": (
        ("code", "VARCHAR PRIMARY KEY"),
        ("name", "VARCHAR"),
        ("names", "VARCHAR[]"),
        ("permanent", "BOOLEAN"),
        ("first_year", "INTEGER"),
        ("last_year", "INTEGER"),
        ("years", "INTEGER[]"),
    ),
    "meetings": (
        ("meeting", "VARCHAR PRIMARY KEY"),
        ("date", "DATE"),
        ("end_date", "DATE"),
        ("year", "INTEGER"),
        ("topic", "VARCHAR"),
        ("source", "VARCHAR"),
        ("source_row", "VARCHAR"),
        ("note", "VARCHAR"),
    ),
    "terms": (("year", "INTEGER"), ("member", "VARCHAR"), ("permanent", "BOOLEAN"), ("source_name", "VARCHAR")),
    "vetoes": (
        ("decision_id", "VARCHAR"),
        ("date", "DATE"),
        ("draft", "VARCHAR"),
        ("meeting", "VARCHAR"),
        ("title", "VARCHAR"),
        ("member", "VARCHAR"),
        ("member_name", "VARCHAR"),
        ("in_dhl_list", "BOOLEAN"),
        ("sources", "VARCHAR[]"),
        ("note", "VARCHAR"),
    ),
    "conflicts": (
        ("entity", "VARCHAR"),
        ("field", "VARCHAR"),
        ("source_a", "VARCHAR"),
        ("value_a", "VARCHAR"),
        ("source_b", "VARCHAR"),
        ("value_b", "VARCHAR"),
        ("chosen", "VARCHAR"),
        ("reason", "VARCHAR"),
    ),
    "quarantine": (
        ("source", "VARCHAR"),
        ("file", "VARCHAR"),
        ("row", "VARCHAR"),
        ("field", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("raw", "VARCHAR"),
    ),
    "validation": (
        ("decision_id", "VARCHAR"),
        ("date", "DATE"),
        ("recorded_adopted", "BOOLEAN"),
        ("rule_adopted", "BOOLEAN"),
        ("category", "VARCHAR"),
        ("reason", "VARCHAR"),
    ),
    "build_sources": (
        ("source", "VARCHAR"),
        ("file", "VARCHAR"),
        ("rows_in", "INTEGER"),
        ("out_of_scope", "INTEGER"),
        ("emitted", "INTEGER"),
        ("quarantined", "INTEGER"),
        ("issues", "INTEGER"),
        ("decisions_merged", "INTEGER"),
    ),
    "build_notes": (("source", "VARCHAR"), ("note", "VARCHAR")),
    "build_info": (("key", "VARCHAR"), ("value", "VARCHAR")),
}


class BuildError(RuntimeError):
    """The build cannot go on (a source cannot be read); the message names file, row and field."""


@dataclass
class BuildReport:
    """What a build read, merged, quarantined and found, per source."""

    store_path: Path
    sources: list[dict[str, Any]] = field(default_factory=list)
    tables: dict[str, int] = field(default_factory=dict)
    validation: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the report.

        >>> BuildReport(Path("x.duckdb")).to_dict()["tables"]
        {}
        """
        return {
            "store_path": str(self.store_path),
            "sources": self.sources,
            "tables": self.tables,
            "validation": self.validation,
            "missing": self.missing,
            "seconds": round(self.seconds, 2),
        }


#: file name patterns of the sources, by source id
FILES = {
    "dppa_membership": "unsc_membership_by_year_1946_2027_dppa.csv",
    "undl_wide": "un_ga_sc_votes_wide_1946_2021_un_data.csv",
    "voting_agent": "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx",
    "wpdl_veto": "unsc_vetoes_1946_2022_wpdl.csv",
    "tong_failed": "unsc_failed_drafts_member_votes_sample_1947_2022_tong.xlsx",
    "tong_meetings": "unsc_meetings_outcomes_1946_2019_tong.xlsx",
}


def find_sources(from_dir: Path) -> dict[str, Path]:
    """The source files present in a directory, by source id.

    >>> find_sources(Path("/nonexistent"))
    {}
    """
    found: dict[str, Path] = {}
    if not from_dir.is_dir():
        return found
    for sid, name in FILES.items():
        p = from_dir / name
        if p.exists():
            found[sid] = p
    csvs = sorted(p for p in from_dir.glob("*sc_voting*.csv") if "dictionary" not in p.name)
    if csvs:
        found["undl_csv"] = csvs[-1]
    for d in (from_dir / "dhl_html", from_dir):
        if (d / "scact_veto_table_en.html").exists():
            found["dhl_veto"] = d / "scact_veto_table_en.html"
        if any(d.glob("scact19*_table_en.html")) or any(d.glob("scact20*_table_en.html")):
            found.setdefault("dhl_meetings", d)
    return found


def _default_from_dir() -> Path:
    env = config.data_dir_from_env()
    return env if env is not None else config.sources_dir()


def build(
    from_dir: str | Path | None = None, store_path: str | Path | None = None, progress: Progress | None = None
) -> BuildReport:
    """Build the store from the source files in ``from_dir`` (default ``UNSC_DATA_DIR``, else the synced sources).

    Raises :class:`BuildError` (the message names file, row and field) if a source cannot be
    read; the previous store, if any, is left untouched.

    >>> build("/nonexistent/dir", "/tmp/never.duckdb")
    Traceback (most recent call last):
    ...
    unsc.record.build.BuildError: /nonexistent/dir: no source files found (expected e.g. un_ga_sc_votes_wide_1946_2021_un_data.csv); run `unsc sync` or pass --from DIR
    """
    t0 = time.perf_counter()
    src_dir = Path(from_dir) if from_dir is not None else _default_from_dir()
    target = Path(store_path) if store_path is not None else config.store_path()
    found = find_sources(src_dir)
    if not ({"undl_wide", "undl_csv", "voting_agent"} & set(found)):
        raise BuildError(
            f"{src_dir}: no source files found (expected e.g. {FILES['undl_wide']}); run `unsc sync` or pass --from DIR"
        )
    n = len(STEPS)

    def step(i: int, name: str) -> None:
        if progress is not None:
            progress(name, i, n)

    from unsc.record.errata import ErrataError

    try:
        tables, report = _build_tables(found, step)
    except (SourceError, ErrataError) as e:  # a bad source, or an erratum the sources found do not fit
        raise BuildError(str(e)) from e
    step(STEPS.index("write"), "write")
    report.store_path = target
    _write(target, tables)
    from unsc.record.store import write_lookup  # the point-lookup file beside the store (`unsc show`)

    write_lookup(target)
    report.tables = {k: len(v) for k, v in tables.items()}
    report.missing = sorted((set(FILES) | {"undl_csv", "dhl_veto", "dhl_meetings"}) - set(found))
    report.seconds = time.perf_counter() - t0
    step(n, "done")
    return report


@dataclass(frozen=True)
class SourceReader:
    """How the build reads one source: the progress step it belongs to and its reader function.

    The reader is named (``module:function``) and imported when a build reads the source, so that
    importing the build (``unsc show`` reads its schema) does not import every reader.

    >>> READERS[1].function.__name__
    'read_undl_wide'
    """

    source: str
    step: str
    reader: str
    #: whether the reader takes ``roster=`` (who sat on a date)
    takes_roster: bool = False
    #: how the build's ``files`` record names what was read (the directory's tables, for the Library's pages)
    label: Callable[[Path], str] = field(default=lambda p: p.name)

    @property
    def function(self) -> Callable[..., SourceFrame]:
        """The reader function itself."""
        module, name = self.reader.split(":")
        return cast("Callable[..., SourceFrame]", getattr(importlib.import_module(module), name))

    def read(self, path: Path, roster: Callable[[dt.date], list[str]] | None) -> SourceFrame:
        """The source's frame."""
        return self.function(path, roster=roster) if self.takes_roster else self.function(path)


_SOURCES = "unsc.record.sources"
#: the sources of votes, in the order they are read and merged (the membership is read first, apart)
READERS: tuple[SourceReader, ...] = (
    SourceReader("undl_csv", "undl_csv", f"{_SOURCES}.undl_csv:read_undl_csv"),
    SourceReader("undl_wide", "undl_wide", f"{_SOURCES}.undl_wide:read_undl_wide", takes_roster=True),
    SourceReader("voting_agent", "voting_agent", f"{_SOURCES}.voting_agent:read_voting_agent"),
    SourceReader("wpdl_veto", "wpdl_veto", f"{_SOURCES}.wpdl:read_wpdl"),
    SourceReader("dhl_veto", "dhl", f"{_SOURCES}.dhl_html:read_veto_list"),
    SourceReader(
        "dhl_meetings",
        "dhl",
        f"{_SOURCES}.dhl_html:read_meetings_tables",
        label=lambda p: p.name + "/scact*_table_en.html",
    ),
    SourceReader("tong_failed", "tong", f"{_SOURCES}.tong:read_failed_drafts_sample"),
    SourceReader("tong_meetings", "tong", f"{_SOURCES}.tong:read_meetings_outcomes"),
)
#: the progress steps of a build, in order
STEPS: tuple[str, ...] = ("membership", *dict.fromkeys(r.step for r in READERS), "merge", "validate", "write")


@dataclass
class _Read:
    """What the build read: the membership (if found), the roster from it, the frames and the files by source."""

    terms: Any = None
    roster: Any = None
    frames: list[SourceFrame] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)

    @property
    def who_sat(self) -> Callable[[dt.date], list[str]] | None:
        """The roster's lookup, or None without a membership file."""
        return self.roster.of if self.terms is not None else None


def _read_sources(found: dict[str, Path], step: Callable[[int, str], None]) -> _Read:
    """Every source found, read by its reader of :data:`READERS`, with one progress step per step name."""
    from unsc.record.sources.membership import read_membership

    read = _Read()
    step(0, "membership")
    if "dppa_membership" in found:
        read.terms = read_membership(found["dppa_membership"])
    read.roster = _Roster(read.terms.terms if read.terms is not None else None)
    for i, name in enumerate(STEPS[1:-3], start=1):
        step(i, name)
        for reader in READERS:
            if reader.step == name and reader.source in found:
                read.frames.append(reader.read(found[reader.source], read.who_sat))
                read.files[reader.source] = reader.label(found[reader.source])
    return read


def _build_tables(
    found: dict[str, Path], step: Callable[[int, str], None]
) -> tuple[dict[str, pd.DataFrame], BuildReport]:
    from unsc.record.crosscheck import (
        align_vetoes,
        check_topics,
        correct_typos,
        flag_calendar_order,
        flag_drafts_out_of_order,
        flag_split_meetings,
        fold_duplicate_adoptions,
        names_of_the_time,
        one_spelling,
        sponsors_of_the_time,
    )
    from unsc.record.errata import apply_errata
    from unsc.record.merge import merge
    from unsc.record.validate import resolution_gaps, validate

    read = _read_sources(found, step)
    tf, roster, frames = read.terms, read.roster, read.frames
    # fill blank membership names from the votes of that year (each fill is a conflicts row)
    fill_conflicts = roster.fill_blanks(tf.issues, frames) if tf is not None else []

    step(STEPS.index("merge"), "merge")
    result = merge(frames, roster=read.who_sat, council_size=_size)
    result.decisions, result.votes, folded = fold_duplicate_adoptions(result.decisions, result.votes)
    result.decisions, topic_rows = check_topics(result.decisions, result.meetings)
    result.conflicts += folded + topic_rows
    result.decisions, result.votes, result.vetoes, errata_rows = apply_errata(
        result.decisions, result.votes, result.vetoes, council_size=_size
    )
    result.conflicts += errata_rows
    # a decision an erratum renamed (its id was a wrong draft symbol) keeps the sources' conflicts rows
    renamed = {r["value_b"]: r["chosen"] for r in errata_rows if r["field"] == "errata:decision_id"}
    result.conflicts = [
        c | {"entity": renamed[c["entity"]]} if c.get("entity") in renamed else c for c in result.conflicts
    ]
    result.decisions, order_rows = flag_drafts_out_of_order(result.decisions)
    result.meetings, calendar_rows = flag_calendar_order(result.meetings)
    dated_by_errata = {r["entity"] for r in errata_rows if r["field"] == "errata:date"}
    result.decisions, split_rows = flag_split_meetings(result.decisions, dated_by_errata)
    result.conflicts += order_rows + calendar_rows + split_rows
    result.votes, name_rows = names_of_the_time(result.votes, result.decisions)
    result.decisions, sponsor_rows = sponsors_of_the_time(result.decisions)
    result.conflicts += name_rows + sponsor_rows
    result.decisions, result.meetings, result.vetoes, spelling_rows = correct_typos(
        result.decisions, result.meetings, result.vetoes
    )
    result.conflicts += spelling_rows
    result.decisions, result.meetings, one_form_rows = one_spelling(result.decisions, result.meetings, result.vetoes)
    result.conflicts += one_form_rows
    result.vetoes = align_vetoes(result.decisions, result.vetoes)
    step(STEPS.index("validate"), "validate")
    decisions, validation_rows = validate(result.decisions, result.votes, roster=read.who_sat, meetings=result.meetings)
    # the Voting-Agent rows its reader quarantined stay in `quarantine` (they are not disagreements of the record)
    validation_rows += resolution_gaps(decisions)

    issues: list[SourceIssue] = list(tf.issues) if tf is not None else []
    notes: list[tuple[str, str]] = [("dppa_membership", n) for n in tf.notes] if tf is not None else []
    for f in frames:
        issues += f.issues
        notes += [(f.source, n) for n in f.notes]
    source_rows = _source_rows(found, read, result.merged_rows)
    validation = pd.DataFrame(validation_rows, columns=[c for c, _ in SCHEMA["validation"]])
    terms = roster.terms[["year", "member", "permanent", "source_name"]] if tf is not None else pd.DataFrame()
    vetoes = result.vetoes.copy()
    if not vetoes.empty:
        vetoes["member_name"] = [_gov_name(m, d) for m, d in zip(vetoes["member"], vetoes["date"], strict=True)]
    tables = {
        "decisions": decisions,
        "votes": result.votes,
        "members": _members(terms, result.votes),
        "terms": terms,
        "vetoes": vetoes,
        "meetings": result.meetings,
        "conflicts": pd.DataFrame(fill_conflicts + result.conflicts, columns=[c for c, _ in SCHEMA["conflicts"]]),
        "quarantine": pd.DataFrame([i.as_record() for i in issues], columns=[c for c, _ in SCHEMA["quarantine"]]),
        "validation": validation,
        "build_sources": pd.DataFrame(source_rows),
        "build_notes": pd.DataFrame(notes, columns=["source", "note"]),
        "build_info": pd.DataFrame(
            [
                ("built_at", dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
                ("files", json.dumps(read.files)),
            ],
            columns=["key", "value"],
        ),
    }
    report = BuildReport(Path())
    report.sources = source_rows
    report.validation = validation["category"].value_counts().to_dict() if len(validation) else {}
    return tables, report


def _source_rows(found: dict[str, Path], read: _Read, merged_rows: dict[str, int]) -> list[dict[str, Any]]:
    """One ``build_sources`` row per source read: rows in, out of scope, emitted, quarantined, merged."""
    rows: list[dict[str, Any]] = []
    tf = read.terms
    if tf is not None:
        rows.append(
            {
                "source": "dppa_membership",
                "file": found["dppa_membership"].name,
                "rows_in": tf.rows_in,
                "out_of_scope": 0,
                "emitted": len(tf.terms),
                "quarantined": len(tf.issues),
                "issues": len(tf.issues),
                "decisions_merged": 0,
            }
        )
    for f in read.frames:
        rows.append(
            {"source": f.source, "file": read.files.get(f.source, "")}
            | f.accounting()
            | {"decisions_merged": merged_rows.get(f.source, 0)}
        )
    return rows


@functools.lru_cache(maxsize=4096)
def _size(date: dt.date) -> int:
    from unsc.rules import Council

    return Council.on(date).size


def _gov_name(code: str, date: Any) -> str:
    from unsc.rules import member, permanent_government

    try:
        return permanent_government(code, date)[1] if date is not None else member(code).name
    except (KeyError, ValueError):
        return member(code).name


class _Roster:
    """Who sat on a date, from the terms (filled where a blank name can be justified)."""

    def __init__(self, terms: pd.DataFrame | None):
        self.terms = (
            terms.copy() if terms is not None else pd.DataFrame(columns=["year", "member", "permanent", "source_name"])
        )
        self._cache: dict[int, list[str]] = {}
        self._on: dict[dt.date, tuple[str, ...]] = {}
        self._sets: dict[dt.date, frozenset[str]] = {}

    def of(self, when: dt.date) -> list[str]:
        """The seat codes of the members sitting on ``when``, as the states of that day, sorted."""
        seated = self._on.get(when)
        if seated is None:
            from unsc.rules.charter import code_of_the_time

            if not self._cache:  # every year's members in one pass over the terms
                for y, m in zip(self.terms["year"].tolist(), self.terms["member"].tolist(), strict=True):
                    self._cache.setdefault(int(y), []).append(m)
            year = self._cache.get(when.year, [])
            seated = tuple(sorted({code_of_the_time(c, when) for c in year}))
            self._on[when] = seated
        return list(seated)

    def _seated(self, when: dt.date) -> frozenset[str]:
        """:meth:`of` as a set, remembered per date."""
        on = self._sets.get(when)
        if on is None:
            on = self._sets[when] = frozenset(self.of(when))
        return on

    def fill_blanks(self, issues: list[SourceIssue], frames: list[SourceFrame]) -> list[dict[str, Any]]:
        """Fill a blank name of a year with the one state that voted that year but is not listed.

        Votes are compared with the roster on their own date (so the seat of Democratic Yemen in
        1990 or the USSR/Russia seat count as seated); the UN Digital Library sources are used
        where they cover the year, else the Voting-Agent rows.
        """
        strangers: dict[str, dict[int, set[str]]] = {}
        for f in frames:
            if f.votes.empty or f.source not in ("undl_csv", "undl_wide", "voting_agent"):
                continue
            dates = dict(zip(f.decisions["key"].tolist(), f.decisions["date"].tolist(), strict=False))
            per_year = strangers.setdefault(f.source, {})
            # each (key, member) pair once: a decision's members are checked against its date's roster
            for k, m in dict.fromkeys(zip(f.votes["key"].tolist(), f.votes["member"].tolist(), strict=True)):
                d = dates.get(k)
                if d is None or pd.isna(d):
                    continue
                per_year.setdefault(d.year, set())
                if m not in self._seated(d):
                    per_year[d.year].add(m)
        out = []
        added = []
        for issue in issues:
            if issue.field != "security_council_member" or not issue.raw:
                continue
            year = int(issue.raw["year"])
            extra: list[str] = []
            for src in ("undl_csv", "undl_wide", "voting_agent"):
                if year in strangers.get(src, {}):
                    extra = sorted(strangers[src][year])
                    break
            how = "votes"
            if not extra:  # nobody voted that year (yet): the rules' own roster of elected members says who sat
                from unsc.rules.charter import ELECTED_BY_YEAR

                listed = set(self.terms.loc[self.terms["year"] == year, "member"])
                extra = sorted(set(ELECTED_BY_YEAR.get(year, ())) - listed)
                how = "rules"
            if len(extra) == 1:
                added.append({"year": year, "member": extra[0], "permanent": False, "source_name": None})
                out.append(
                    {
                        "entity": extra[0],
                        "field": f"terms {year}",
                        "source_a": "dppa_membership",
                        "value_a": f"blank name (row {issue.row})",
                        "source_b": how,
                        "value_b": f"{extra[0]} voted in {year} but is not listed"
                        if how == "votes"
                        else f"{extra[0]} is the one elected member of {year} in unsc.rules.charter not listed",
                        "chosen": extra[0],
                        "reason": "the one blank name of the year is filled with the only state that cast votes that "
                        "year and is missing from the list"
                        if how == "votes"
                        else "no votes of the year in the data; the one blank name is filled from the rules' roster "
                        "of elected members (unsc.rules.charter.ELECTED_BY_YEAR)",
                    }
                )
        if added:
            self.terms = pd.concat([self.terms, pd.DataFrame(added)], ignore_index=True)
            self._cache.clear()
            years = {a["year"] for a in added}  # only the dates of the years filled change
            for cache in (self._on, self._sets):
                for d in [d for d in cache if d.year in years]:
                    del cache[d]
        return out


def _members(terms: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    from unsc.record.sources.normalize import is_permanent
    from unsc.rules import find_member

    names: dict[str, set[str]] = {}
    for m, n in set(zip(votes["member"].tolist(), votes["member_name"].tolist(), strict=True)):
        if isinstance(n, str) and n:
            names.setdefault(m, set()).add(n)
    # each member's years and names in the terms, in one pass (not one filter of the table per member)
    term_years: dict[str, list[int]] = {}
    term_names: dict[str, set[str]] = {}
    if len(terms):
        for m, y, n in zip(
            terms["member"].tolist(), terms["year"].tolist(), terms["source_name"].tolist(), strict=True
        ):
            term_years.setdefault(m, []).append(int(y))
            if isinstance(n, str):
                term_names.setdefault(m, set()).add(n)
    rows = []
    codes = set(term_years) | set(names) | set(votes["member"].tolist())
    for code in sorted(codes):
        years = sorted(term_years.get(code, []))
        src_names = term_names.get(code, set())
        found = find_member(code)
        rows.append(
            {
                "code": code,
                "name": found.name if found else code,
                "names": sorted(names.get(code, set()) | src_names),
                "permanent": is_permanent(code),
                "first_year": years[0] if years else None,
                "last_year": years[-1] if years else None,
                "years": years,
            }
        )
    return pd.DataFrame(rows, columns=[c for c, _ in SCHEMA["members"]])


def _write(target: Path, tables: dict[str, pd.DataFrame]) -> None:
    import duckdb

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)  # duckdb wants to create the file itself
    try:
        con = duckdb.connect(tmp)
        try:
            for name, cols in SCHEMA.items():
                con.execute(f"CREATE TABLE {name} ({', '.join(f'{c} {t}' for c, t in cols)})")
                df = tables.get(name)
                if df is None or df.empty:
                    continue
                names = [c for c, _ in cols]
                df = df.reindex(columns=names)
                con.register("incoming", df)
                casts = ", ".join(f"CAST({c} AS {t.split()[0]})" for c, t in cols)
                con.execute(f"INSERT INTO {name} SELECT {casts} FROM incoming")
                con.unregister("incoming")
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(tmp, target)
    except BaseException:
        for p in (tmp, tmp + ".wal"):
            if os.path.exists(p):
                os.unlink(p)
        raise
