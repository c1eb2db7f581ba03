"""Readers for the two workbooks of Emily Tong's ``unsc_for_us`` repository.

* :func:`read_failed_drafts_sample` reads ``unsc_failed_drafts_member_votes_sample_1947_2022_tong.xlsx``
  (source id ``tong_failed``): 53 failed drafts entered by hand from meeting records, with the
  members who voted for, abstained and voted against (Python-literal lists, read with
  :func:`ast.literal_eval`).
* :func:`read_meetings_outcomes` reads ``unsc_meetings_outcomes_1946_2019_tong.xlsx`` (source id
  ``tong_meetings``): a scrape of the DHL yearly tables with a free-text ``result``, parsed with
  :func:`unsc.record.sources.dhl_html.parse_outcomes`.

>>> parse_list("['China', 'Russian Federation']", "f.xlsx", 3, "In Favor")
['China', 'Russian Federation']
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any

from unsc.record.sources.dhl_html import (
    _check_resolution_numbers,
    _outcome_fields,
    parse_date_span,
    parse_outcomes,
)
from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue, read_xlsx
from unsc.record.sources.normalize import council_of_year, is_permanent, member_named

__all__ = ["parse_list", "read_failed_drafts_sample", "read_meetings_outcomes", "resolve_member"]

FAILED_SOURCE = "tong_failed"
MEETINGS_SOURCE = "tong_meetings"

_FAILED_COLUMNS = ("Meeting Number", "Voting On", "Year", "Submitted By", "In Favor", "Abstain", "Against")
_MEETINGS_COLUMNS = ("year", "date", "topics", "result")


def _read_excel(path: str | Path, columns: tuple[str, ...]) -> list[dict[str, Any]]:
    """The workbook's rows as dicts (cells as ``pd.read_excel(dtype=object)`` gives them)."""
    p = Path(path)
    if not p.exists():
        raise SourceError(p, "file not found")
    try:
        found, rows = read_xlsx(p, dtype=object)
    except Exception as exc:  # calamine raises many types on garbage
        raise SourceError(p, f"cannot read workbook: {exc}") from exc
    missing = [c for c in columns if c not in found]
    if missing:
        raise SourceError(p, f"missing columns {missing}; found {found}", field=missing[0])
    return rows


def parse_list(text: Any, file: str, row: int, field: str) -> list[str]:
    """A Python-literal list of names (``"['A', 'B']"``), read safely; ``[]`` for a blank cell.

    Raises :class:`ValueError` naming file, row and field if the cell is not a list of strings.

    >>> parse_list("[]", "f.xlsx", 1, "Against")
    []
    >>> parse_list("__import__('os')", "f.xlsx", 2, "Against")
    Traceback (most recent call last):
    ...
    ValueError: f.xlsx, row 2, field 'Against': not a list of names: "__import__('os')"
    """
    if text is None or (isinstance(text, float) and text != text):
        return []
    try:
        value = ast.literal_eval(str(text))
    except (ValueError, SyntaxError):
        value = None
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{Path(file).name}, row {row}, field {field!r}: not a list of names: {text!r}")
    return [v.strip() for v in value]


def resolve_member(name: str, year: int | None) -> str | None:
    """The member code for a name as these workbooks write it, by year.

    The workbooks use today's names for the past: "Russian Federation" in 1947 means the USSR seat.

    >>> resolve_member("Russian Federation", 1948), resolve_member("Russian Federation", 2018)
    ('SUN', 'RUS')
    >>> resolve_member("Atlantis", 2000) is None
    True
    """
    m = member_named(name)
    if m is None:
        return None
    if m.code == "RUS" and year is not None and year <= 1991:
        return "SUN"
    return m.code


def _required_yes(year: int | None) -> int:
    return council_of_year(year).threshold


def read_failed_drafts_sample(path: str | Path) -> SourceFrame:
    """Read the hand-entered sample of failed drafts with member votes (``tong_failed``).

    One decisions row per draft (meeting ``S/PV.<n>``, draft symbol from "Voting On", year only:
    ``date`` is None) and one votes row per member named in In Favor (Y) / Abstain (A) /
    Against (N). Members in no list are left out. A tally tuple that disagrees with the lists is
    reported as an issue with both values; the row keeps the lists' votes and the tuple's tally.
    Votes on parts of a draft ("Paragraphs 1-4") get kind ``part``. ``failure_reason`` is derived
    from the lists: ``veto`` if a permanent member voted against a draft with enough votes, else
    ``insufficient_votes``.

    >>> read_failed_drafts_sample("/nonexistent/tong.xlsx")
    Traceback (most recent call last):
    ...
    unsc.record.sources.frame.SourceError: /nonexistent/tong.xlsx: file not found
    """
    file = str(path)
    df = _read_excel(path, _FAILED_COLUMNS)
    decisions: list[dict[str, Any]] = []
    votes: list[dict[str, Any]] = []
    issues: list[SourceIssue] = []
    for i, rec in enumerate(df, start=1):
        row = _failed_draft(file, i, rec, votes, issues)
        if row is not None:
            decisions.append(row)
    frame = SourceFrame.build(FAILED_SOURCE, decisions, votes, issues)
    frame.rows_in = len(df)
    frame.notes.append(
        f"{Path(file).name}: names are today's ('Russian Federation' for the USSR seat before 1992: read as SUN)"
    )
    return frame


def _failed_draft(
    file: str, i: int, rec: dict[str, Any], votes: list[dict[str, Any]], issues: list[SourceIssue]
) -> dict[str, Any] | None:
    """The decisions row of one failed draft (its member votes appended to ``votes``), or None if unreadable."""
    raw = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
    try:
        meeting_no = int(rec["Meeting Number"])
        year = int(rec["Year"])
    except (TypeError, ValueError):
        issues.append(SourceIssue(FAILED_SOURCE, file, i, "Meeting Number", "meeting number or year missing", raw))
        return None
    cells: dict[str, list[str]] = {}
    for name in ("In Favor", "Abstain", "Against", "Submitted By", "Members"):
        try:
            cells[name] = parse_list(rec.get(name), file, i, name)
        except ValueError as exc:
            issues.append(SourceIssue(FAILED_SOURCE, file, i, name, str(exc), raw))
            return None
    key = f"{FAILED_SOURCE}:{i}"
    draft, kind, notes = _voting_on(rec["Voting On"])
    if raw.get("Note"):
        notes.append(str(raw["Note"]).strip())
    codes = _listed_votes(file, i, key, cells, year, raw, votes, issues)
    for name in cells["Submitted By"]:
        if resolve_member(name, year) is None:
            issues.append(SourceIssue(FAILED_SOURCE, file, i, "Submitted By", f"unknown sponsor {name!r}", raw))
    listed = (len(cells["In Favor"]), len(cells["Against"]), len(cells["Abstain"]))
    tally = _stated_tally(file, i, raw, listed, notes, issues)
    non_voting = None
    if cells["Members"]:  # the "Members" column names the whole Council (in other spellings than the lists)
        seats = {resolve_member(n, year) for n in cells["Members"]}
        voted = {c for cs in codes.values() for c in cs}
        if None not in seats and voted <= seats:
            non_voting = len(seats) - len(voted)
    vetoers = [c for c in codes["N"] if is_permanent(c)]
    if tally[0] >= _required_yes(year) and vetoers:
        failure, vetoed_by = "veto", vetoers
    elif tally[0] < _required_yes(year):
        failure, vetoed_by = "insufficient_votes", []
    else:
        failure, vetoed_by = None, []
        notes.append("enough votes and no permanent member against: failure not explained by the lists")
    return {
        "source": FAILED_SOURCE,
        "source_row": i,
        "key": key,
        "date": None,
        "meeting": f"S/PV.{meeting_no}",
        "draft": draft,
        "resolution": None,
        "resolution_number": None,
        "title": None,
        "topic": None,
        "sponsors": ", ".join(cells["Submitted By"]) or None,
        "kind": kind,
        "modality": "recorded",
        "adopted": False,
        "failure_reason": failure,
        "yes": tally[0],
        "no": tally[1],
        "abstain": tally[2],
        "non_voting": non_voting,
        "vetoed_by": vetoed_by,
        "link": None,
        "note": "; ".join([f"year {year} (no date in the source)", *notes]),
    }


def _voting_on(cell: Any) -> tuple[str | None, str, list[str]]:
    """The draft symbol of a "Voting On" cell, the kind (``part`` for paragraphs) and a note of the wording."""
    voting_on = " ".join(str(cell or "").split())
    m = re.search(r"S/\d+(?:/\d+)?(?:/(?:Rev|Corr|Add)\.\d+)*", voting_on)
    draft = m.group(0) if m else None
    rest = voting_on.replace(draft, "", 1).strip() if draft else voting_on
    kind, notes = "draft_resolution", []
    if rest:
        notes.append(f"voting on: {voting_on}")
        if re.search(r"paragraph", rest, re.IGNORECASE):
            kind = "part"
    return draft, kind, notes


def _listed_votes(
    file: str,
    i: int,
    key: str,
    cells: dict[str, list[str]],
    year: int,
    raw: dict[str, Any],
    votes: list[dict[str, Any]],
    issues: list[SourceIssue],
) -> dict[str, list[str]]:
    """The codes of the members in In Favor / Abstain / Against, by vote letter; their rows go to ``votes``."""
    codes: dict[str, list[str]] = {}
    for field_name, vote in (("In Favor", "Y"), ("Abstain", "A"), ("Against", "N")):
        codes[vote] = []
        for name in cells[field_name]:
            code = resolve_member(name, year)
            if code is None:
                issues.append(SourceIssue(FAILED_SOURCE, file, i, field_name, f"unknown member {name!r}", raw))
                continue
            codes[vote].append(code)
            votes.append(
                {
                    "source": FAILED_SOURCE,
                    "source_row": i,
                    "key": key,
                    "member": code,
                    "member_name": name,
                    "vote": vote,
                }
            )
    return codes


def _stated_tally(
    file: str, i: int, raw: dict[str, Any], listed: tuple[int, int, int], notes: list[str], issues: list[SourceIssue]
) -> tuple[int, int, int]:
    """The tally of the "For,Abstain,Against" cell where it can be read (as yes-no-abstain), else the lists'."""
    tuple_text = raw.get("For,Abstain,Against")
    if not tuple_text:
        return listed
    try:
        f_, a_, n_ = (int(x) for x in ast.literal_eval(str(tuple_text)))
    except (ValueError, SyntaxError, TypeError):
        issues.append(
            SourceIssue(FAILED_SOURCE, file, i, "For,Abstain,Against", f"cannot read tally {tuple_text!r}", raw)
        )
        return listed
    stated = (f_, n_, a_)
    if stated != listed:
        issues.append(
            SourceIssue(
                FAILED_SOURCE,
                file,
                i,
                "For,Abstain,Against",
                f"tally {tuple_text} (for, abstain, against) disagrees with the member lists"
                f" ({listed[0]}, {listed[2]}, {listed[1]}): the row keeps both",
                raw,
            )
        )
        notes.append(
            f"member lists give {listed[0]}-{listed[1]}-{listed[2]}, tally column {stated[0]}-{stated[1]}-{stated[2]}"
        )
    return stated


def read_meetings_outcomes(path: str | Path) -> SourceFrame:
    """Read the Tong scrape of the DHL meetings tables (``tong_meetings``), 1946-2019.

    One decisions row per vote outcome in ``result`` (same parser as the DHL tables); rows that
    are not votes ("--", presidential statements) are counted as out of scope. Exact duplicate
    rows and rows with a blank date become issues (a duplicate names the row it repeats).
    ``source_row`` is the 1-based data row; several outcomes of one row share it (``key`` differs).

    >>> read_meetings_outcomes("/nonexistent/sample.xlsx")
    Traceback (most recent call last):
    ...
    unsc.record.sources.frame.SourceError: /nonexistent/sample.xlsx: file not found
    """
    file = str(path)
    df = _read_excel(path, _MEETINGS_COLUMNS)
    return _meetings_frame(df, file)


def _meetings_frame(df: list[dict[str, Any]], file: str) -> SourceFrame:
    decisions: list[dict[str, Any]] = []
    issues: list[SourceIssue] = []
    seen: dict[tuple[Any, ...], int] = {}
    no_votes: set[tuple[str, int]] = set()
    out_of_scope = 0
    for i, rec in enumerate(df, start=1):
        raw: dict[str, Any] = {k: (None if isinstance(v, float) and v != v else v) for k, v in rec.items()}
        sig = tuple(raw.get(c) for c in _MEETINGS_COLUMNS)
        if sig in seen:
            blank = "" if str(raw.get("date") or "").strip() else " (its date is blank too)"
            issues.append(
                SourceIssue(MEETINGS_SOURCE, file, i, None, f"exact duplicate of row {seen[sig]}: dropped{blank}", raw)
            )
            continue
        seen[sig] = i
        result = str(raw.get("result") or "")
        try:
            year = int(raw["year"])
        except (TypeError, ValueError):
            issues.append(SourceIssue(MEETINGS_SOURCE, file, i, "year", f"bad year {raw.get('year')!r}", raw))
            continue
        date_text = str(raw.get("date") or "").strip()
        # a result that holds no vote ("--", statements) is read once per year, however often it repeats
        if (result, year) in no_votes:
            outcomes = []
        else:
            outcomes = [o for o in parse_outcomes(result, year) if o.what not in ("prst", "document", "other")]
            if not outcomes:
                no_votes.add((result, year))
        if not outcomes:
            if not date_text:
                issues.append(SourceIssue(MEETINGS_SOURCE, file, i, "date", "blank date", raw))
            else:
                out_of_scope += 1
            continue
        date: dt.date | None = None
        date_from: dt.date | None = None
        date_note = None
        if date_text:  # read only for rows with a vote
            date_from, date, date_note = parse_date_span(date_text.replace("/", "-").replace("+", "-"), year)
        if date is None:
            why = "blank date" if not date_text else f"cannot read date {date_text!r}"
            issues.append(SourceIssue(MEETINGS_SOURCE, file, i, "date", why, raw))
            continue
        for k, o in enumerate(outcomes, start=1):
            if o.problem is not None or o.what == "orphan":
                issues.append(
                    SourceIssue(MEETINGS_SOURCE, file, i, "result", f"cannot read outcome #{k}: {o.problem}", raw)
                )
                continue
            values = _outcome_fields(o, year)
            note = "; ".join(x for x in (date_note, values.pop("note")) if x) or None
            decisions.append(
                {
                    "source": MEETINGS_SOURCE,
                    "source_row": i,
                    "key": f"{MEETINGS_SOURCE}:{i}:{k}",
                    "date": date,
                    "date_from": date_from if date_from != date else None,
                    "meeting": None,
                    "title": (str(raw.get("topics")).strip() or None) if raw.get("topics") else None,
                    "topic": None,
                    "sponsors": None,
                    "link": None,
                    "note": note,
                    **values,
                }
            )
    decisions = _check_resolution_numbers(decisions, issues, file, MEETINGS_SOURCE)
    frame = SourceFrame.build(MEETINGS_SOURCE, decisions, [], issues)
    frame.rows_in = len(df)
    frame.out_of_scope = out_of_scope
    frame.notes.append(f"{Path(file).name}: rows whose result is not a vote ('--', statements) counted as out of scope")
    return frame
