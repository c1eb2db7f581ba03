"""What every source reader returns, and how it reports bad rows.

A reader turns one real file format into two tidy frames and a list of issues:

* ``decisions``: one row per vote (or decision without a vote) the source reports, columns
  :data:`DECISION_COLUMNS` (missing values are ``None``/``NA``);
* ``votes``: one row per member per decision, columns :data:`VOTE_COLUMNS`; ``key`` joins it to
  the ``key`` of ``decisions`` within the same reader's output;
* ``issues``: :class:`SourceIssue` for every row or field the reader could not trust. A bad row
  is reported and kept out of the frames, never silently dropped; the build puts issues in the
  ``quarantine`` table;
* ``calendar`` (optional): one row per meeting the source lists, with or without a vote, columns
  :data:`CALENDAR_COLUMNS` (the DHL yearly tables give it; the build stores it as ``meetings``).

A file that cannot be read at all (missing, truncated, wrong columns) raises
:class:`SourceError`, which names the file, and the row and field where it knows them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "CALENDAR_COLUMNS",
    "DECISION_COLUMNS",
    "VOTE_COLUMNS",
    "SourceError",
    "SourceFrame",
    "SourceIssue",
    "frame_records",
    "read_xlsx",
    "records",
]

DECISION_COLUMNS: tuple[str, ...] = (
    "source",  # source id, e.g. "undl_wide"
    "source_row",  # 1-based data row in the file (header excluded), or a locator like "table 2 row 14"
    "key",  # join key to votes within this source
    "date",  # datetime.date or None
    "date_from",  # first day when the source gives the date as a range ("7-9 January 1980"), else None
    "meeting",  # "S/PV.9584" or None
    "draft",  # "S/2024/239" or None
    "resolution",  # "2728 (2024)" or None
    "resolution_number",  # int or None
    "title",  # agenda item / subject
    "topic",  # short topic, if the source has one
    "sponsors",  # "Submitted by", if the source has it
    "kind",  # unsc.rules.Kind value, "draft_resolution" unless the source says otherwise
    "modality",  # "recorded", "without_vote" or "acclamation"
    "adopted",  # bool or None (unknown)
    "failure_reason",  # "none" / "insufficient_votes" / "veto" / None
    "yes",
    "no",
    "abstain",
    "non_voting",  # ints or None
    "vetoed_by",  # list of member codes (permanent members casting the veto), [] if none
    "link",  # URL of the record, if any
    "note",  # free text the reader wants to keep (e.g. "preliminary question")
    "not_participating",  # member codes the source names as present but not participating, [] if none
)

VOTE_COLUMNS: tuple[str, ...] = ("source", "source_row", "key", "member", "member_name", "vote")

CALENDAR_COLUMNS: tuple[str, ...] = (
    "meeting",  # "S/PV.1360"
    "date",  # datetime.date: the day the source gives (the first day of a range)
    "end_date",  # datetime.date: the last day of a range, else the same as date
    "year",  # int
    "topic",  # the agenda item as the source words it (several, joined with " | ")
    "source",  # source id, e.g. "dhl_meetings"
    "source_row",  # locator of the (first) row, e.g. "1967 row 61"
    "note",  # e.g. "date given as '22-23 November'"
)


@dataclass(frozen=True, slots=True)
class SourceIssue:
    """One row or field of a source that the reader did not trust, and why."""

    source: str
    file: str
    row: int | str | None
    field: str | None
    reason: str
    raw: dict[str, Any] | None = None

    def __str__(self) -> str:
        where = Path(self.file).name
        if self.row is not None:
            where += f", row {self.row}"
        if self.field:
            where += f", field {self.field!r}"
        return f"{where}: {self.reason}"

    def as_record(self) -> dict[str, Any]:
        """A dict for the quarantine table (``raw`` as JSON text)."""
        return {
            "source": self.source,
            "file": Path(self.file).name,
            "row": None if self.row is None else str(self.row),
            "field": self.field,
            "reason": self.reason,
            "raw": None if self.raw is None else json.dumps(self.raw, default=str, ensure_ascii=False),
        }


class SourceError(ValueError):
    """A source file cannot be read at all. The message names the file (and row/field if known)."""

    def __init__(self, file: str | Path, reason: str, row: int | str | None = None, field: str | None = None):
        self.file, self.reason, self.row, self.field = str(file), reason, row, field
        where = str(file)
        if row is not None:
            where += f", row {row}"
        if field:
            where += f", field {field!r}"
        super().__init__(f"{where}: {reason}")


@dataclass
class SourceFrame:
    """A reader's output: tidy decisions and votes, plus the issues it found."""

    source: str
    decisions: pd.DataFrame
    votes: pd.DataFrame
    issues: list[SourceIssue] = field(default_factory=list)
    #: data rows in the file (``None`` if the reader does not count them)
    rows_in: int | None = None
    #: rows outside the record's scope (e.g. General Assembly rows), counted, not read
    out_of_scope: int = 0
    #: mapping decisions and other remarks, each reported once (e.g. a header quirk read as a code)
    notes: list[str] = field(default_factory=list)
    #: corrections the reader made itself, as rows of the ``conflicts`` table (entity, field,
    #: source_a, value_a, source_b, value_b, chosen, reason)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    #: one row per meeting the source lists (columns :data:`CALENDAR_COLUMNS`), if it has a calendar
    calendar: pd.DataFrame | None = None

    def accounting(self) -> dict[str, int | None]:
        """Rows in, out of scope, emitted (used in decisions or votes) and quarantined (not used at all).

        ``rows_in == out_of_scope + emitted + quarantined`` for every reader that counts its rows.

        >>> f = SourceFrame.build("x", [{"source_row": 1}], [{"source_row": 1}], [SourceIssue("x", "f", 2, None, "bad")])
        >>> f.rows_in = 2; f.accounting()
        {'rows_in': 2, 'out_of_scope': 0, 'emitted': 1, 'quarantined': 1, 'issues': 1}
        """
        emitted = {str(r) for r in self.decisions["source_row"].dropna()} | {
            str(r) for r in self.votes["source_row"].dropna()
        }
        quarantined = {str(i.row) for i in self.issues if i.row is not None} - emitted
        return {
            "rows_in": self.rows_in,
            "out_of_scope": self.out_of_scope,
            "emitted": len(emitted),
            "quarantined": len(quarantined),
            "issues": len(self.issues),
        }

    @classmethod
    def build(
        cls,
        source: str,
        decisions: list[dict[str, Any]],
        votes: list[dict[str, Any]],
        issues: list[SourceIssue] | None = None,
    ) -> SourceFrame:
        """Make the frames from lists of row dicts, with the standard columns in order."""
        d = pd.DataFrame(decisions, columns=list(DECISION_COLUMNS))
        v = pd.DataFrame(votes, columns=list(VOTE_COLUMNS))
        return cls(source, d, v, list(issues or []))


def read_csv_checked(path: str | Path, required: Iterable[str]) -> pd.DataFrame:
    """A CSV as text cells (nothing turned into NA), or :class:`SourceError` naming the file when it is
    missing, unreadable or lacks a required column.

    >>> read_csv_checked("/nonexistent.csv", ["a"])
    Traceback (most recent call last):
    unsc.record.sources.frame.SourceError: /nonexistent.csv: file not found
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(path, "file not found")
    try:
        # object columns of Python str: the same text as dtype=str, without building Arrow string
        # arrays that the readers turn straight back into Python strings (3x the parse, for the wide file)
        raw = pd.read_csv(path, dtype=object, keep_default_na=False)
    except Exception as e:  # pandas raises many kinds
        raise SourceError(path, f"cannot be read as CSV: {e}") from None
    missing = [c for c in required if c not in raw.columns]
    if missing:
        raise SourceError(path, f"missing columns {missing}", field=missing[0])
    return raw


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts, equal to ``df.to_dict("records")`` but built from whole columns.

    ``to_dict`` boxes each cell on its own, which is the build's costliest pandas call; the values
    are the same: Python scalars, NaN/NaT as they are, and the ``pd.NA`` of nullable columns as None.

    >>> df = pd.DataFrame({"a": ["x", "y"], "b": pd.array([True, None], dtype="boolean")})
    >>> records(df) == df.to_dict("records")
    True
    >>> records(df)[1]
    {'a': 'y', 'b': None}
    """
    columns = list(df.columns)
    if not columns:
        return [{} for _ in range(len(df))]
    values = []
    for c in columns:
        col = df[c]
        vals = col.tolist()
        if getattr(col.dtype, "na_value", None) is pd.NA:
            vals = [None if v is pd.NA else v for v in vals]
        values.append(vals)
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def read_xlsx(path: str | Path, dtype: type = str, cr: str | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """The first sheet of a workbook: its column names and its rows as dicts, equal to those of
    ``df = pd.read_excel(path, dtype=dtype, engine="calamine")`` (``list(df.columns)``,
    ``records(df)``) without the DataFrame.

    python-calamine reads the cells; they are converted as pandas converts them (a whole float to
    ``int``, a date to a datetime at midnight, pandas' NA strings and blanks to NaN, and, for
    ``dtype=str``, every other value to its text), column by column. Building the frame only to
    turn it back into dicts cost the build more than reading the file. A header pandas would
    rename (blank or repeated names) falls back to pandas itself. Errors are python-calamine's.
    ``cr``, if given, replaces every carriage return in a text cell (looked for once per column).

    >>> import tempfile, openpyxl
    >>> book = Path(tempfile.mkdtemp()) / "votes.xlsx"
    >>> wb = openpyxl.Workbook(); wb.active.append(["Year", "Vote"]); wb.active.append([1994, "Yes"]); wb.save(book)
    >>> read_xlsx(book)
    (['Year', 'Vote'], [{'Year': '1994', 'Vote': 'Yes'}])
    >>> read_xlsx(book, dtype=object)[1]
    [{'Year': 1994, 'Vote': 'Yes'}]
    """
    from python_calamine import CalamineWorkbook

    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    header = rows[0] if rows else []
    width = len(header)
    body = rows[1:]
    if (
        not header
        or any(not isinstance(h, str) or not h for h in header)
        or len(set(header)) != width
        or any(len(r) != width or r.count("") == width for r in body)
    ):  # pandas renames such a header, pads such rows, keeps or drops blank ones: its own reading, not an imitation
        df = pd.read_excel(path, dtype=dtype, engine="calamine")
        rows_read = records(df)
        if cr is not None:
            for r in rows_read:
                for c, v in r.items():
                    if type(v) is str and "\r" in v:
                        r[c] = v.replace("\r", cr)
        return [str(c) for c in df.columns], rows_read
    na = _na_strings()
    nan = float("nan")
    columns: list[list[Any]] = []
    for col in zip(*body, strict=True) if body else [() for _ in header]:
        kinds = set(map(type, col))
        if kinds == {str}:
            if cr is not None and "\r" in "".join(col):
                col = tuple(v.replace("\r", cr) for v in col)
            columns.append([nan if v in na else v for v in col])
        else:  # numbers and dates repeat (years, dates, meetings): each distinct cell converted once
            memo: dict[tuple[type, Any], Any] = {}
            out: list[Any] = []
            for v in col:
                k = (type(v), v)
                c = memo.get(k, memo)
                if c is memo:
                    c = _cell(v, dtype, na)
                    if cr is not None and type(c) is str and "\r" in c:
                        c = c.replace("\r", cr)
                    memo[k] = c
                out.append(c)
            columns.append(out)
    names = [str(h) for h in header]  # all text (checked above)
    return names, [dict(zip(names, vals, strict=True)) for vals in zip(*columns, strict=True)]


def _cell(v: Any, dtype: type, na: frozenset[str]) -> Any:
    """One cell as ``pd.read_excel(dtype=dtype, engine="calamine")`` gives it."""
    to_text = dtype is str
    t = type(v)
    if t is str:
        return float("nan") if v in na else v
    if t is float:
        if v.is_integer():
            return str(int(v)) if to_text else int(v)
        return str(v) if to_text else v
    if t is dt.date:
        v = dt.datetime(v.year, v.month, v.day)
        return str(v) if to_text else v
    if t is dt.datetime:
        return str(v) if to_text else v
    if t is bool:
        return str(v) if to_text else v
    return pd.Series([v], dtype=dtype).iloc[0]  # times, durations: rare; pandas' own conversion


def _na_strings() -> frozenset[str]:
    from pandas._libs.parsers import STR_NA_VALUES

    return frozenset(STR_NA_VALUES)


def frame_records(rows: list[dict[str, Any]], columns: Iterable[str]) -> list[dict[str, Any]]:
    """``records(pd.DataFrame(rows, columns=columns))`` without building the frame.

    The values come back as the frame would give them: a column of whole numbers with a gap
    becomes floats with NaN, a text column with a gap has NaN for the gap, a key a row lacks is
    NaN; every other column keeps its values (``None``, dates, lists). A reader that reads many
    small tables keeps the values it had when each table was a frame of its own.

    >>> rows = [{"n": 1, "s": "a", "d": None}, {"n": None, "s": None}]
    >>> frame_records(rows, ["n", "s", "d"])
    [{'n': 1.0, 's': 'a', 'd': nan}, {'n': nan, 's': nan, 'd': nan}]
    """
    columns = list(columns)
    nan = float("nan")
    out_cols = []
    for c in columns:
        vals = [r.get(c, nan) if c in r else nan for r in rows]
        gap = any(v is None or (type(v) is float and v != v) for v in vals)
        present = {type(v) for v in vals if not (v is None or (type(v) is float and v != v))}
        if present == {str} and gap:
            vals = [nan if v is None or (type(v) is float) else v for v in vals]
        elif present and present <= {int, float} and (gap or present == {int, float}):
            vals = [nan if v is None else float(v) for v in vals]
        elif not present and any(type(v) is float for v in vals):
            vals = [nan] * len(vals)
        out_cols.append(vals)
    return [dict(zip(columns, vals, strict=True)) for vals in zip(*out_cols, strict=True)] if rows else []
