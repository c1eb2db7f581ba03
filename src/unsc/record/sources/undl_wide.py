"""Reader for the wide UN Digital Library scrape (``un_ga_sc_votes_wide_1946_2021_un_data.csv``).

One row per resolution (General Assembly and Security Council; only the Council rows are kept),
one column per member state with Y/N/A/X, blank when the state was not on the Council.
``ABSENT COUNT`` counts *abstentions*, ``NO-VOTE COUNT`` the non-voting members. A resolution
adopted without a vote is coded X for every member with yes = 0 (R12): it gets modality
``without_vote`` and no member votes.

Header quirks are mapped by :func:`column_code` (reported once each in the frame's notes):
leading blanks (" UNITED KINGDOM"), vote letters glued to the name ("Aa UNITED STATES",
"AY DENMARK"), a trailing typo ("CHILEs "). The one column named ``DONOTKNOW`` is resolved per
row by elimination against the membership of that year when it is known, else quarantined.

>>> column_code("Aa UNITED STATES"), column_code(" UNITED KINGDOM"), column_code("CHILEs "), column_code("DONOTKNOW")
('USA', 'GBR', 'CHL', None)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np

from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue, read_csv_checked
from unsc.record.sources.normalize import format_resolution, member_code, member_named, parse_date, parse_resolution

__all__ = ["FILE", "META_COLUMNS", "SOURCE", "column_code", "read_undl_wide"]

SOURCE = "undl_wide"
FILE = "un_ga_sc_votes_wide_1946_2021_un_data.csv"
META_COLUMNS = (
    "Council",
    "Date",
    "Title",
    "Resolution",
    "TOTAL VOTES",
    "NO-VOTE COUNT",
    "ABSENT COUNT",
    "NO COUNT",
    "YES COUNT",
    "Link",
    "token",
)
_COUNTS = {"YES COUNT": "Y", "NO COUNT": "N", "ABSENT COUNT": "A", "NO-VOTE COUNT": "X"}


def column_code(column: str) -> str | None:
    """The member code a header names, after the known quirks; ``None`` if it names no state."""
    name = column.strip()
    m = member_named(name)
    if m is None:
        name = re.sub(r"^(?:Aa|AY|Ay|aA)\s+", "", name)  # a vote letter pair glued to the name
        name = re.sub(r"(?<=[A-Z])[a-z]+$", "", name).strip()  # "CHILEs" -> "CHILE"
        m = member_named(name)
    return None if m is None else m.code


def read_undl_wide(path: str | Path, roster: Callable[[dt.date], Iterable[str]] | None = None) -> SourceFrame:
    """Read the Council rows of the wide file: one decision per resolution, member votes Y/N/A/X.

    ``roster(date)`` (codes seated on that date, from the membership file) lets the ``DONOTKNOW``
    column be resolved; without it those cells are quarantined.

    Raises :class:`SourceError` naming file, row and field for a truncated file, a count that is
    not a number, a vote code other than Y/N/A/X, a member column that names no state, or a count
    column that disagrees with the member columns.
    """
    path = Path(path)
    raw = read_csv_checked(path, META_COLUMNS)
    rows_in = len(raw)
    member_cols = [c for c in raw.columns if c not in META_COLUMNS]
    sc = raw[raw["Council"].str.strip() == "Security Council"]
    notes: list[str] = []
    codes: dict[str, str | None] = {}
    used_cols = [c for c in member_cols if (sc[c].str.strip() != "").any()]
    for c in used_cols:
        code = column_code(c)
        codes[c] = code
        m = member_named(c.strip())
        if code is None and c.strip() != "DONOTKNOW":
            bad = sc.index[sc[c].str.strip() != ""][0]
            raise SourceError(path, f"member column {c!r} names no known state", row=int(bad) + 1, field=c)
        if code is None:
            notes.append(
                f"{path.name}: column {c!r} names no state; resolved per row by elimination against the roster"
            )
        elif m is None or c != c.strip():
            notes.append(f"{path.name}: column {c!r} read as {code} (header quirk)")

    decisions: list[dict[str, Any]] = []
    votes: list[dict[str, Any]] = []
    issues: list[SourceIssue] = []
    # Column-wise, not cell by cell: every member cell is stripped in one pass per column and the
    # table is read as plain Python lists; the loop below visits only the non-blank cells, in the
    # same (row, column) order as before, so errors and output are unchanged.
    meta = {c: sc[c].tolist() for c in ("Date", "Resolution", "Title", "Link", *_COUNTS)}
    if used_cols:
        strip = np.frompyfunc(lambda v: v.strip() if isinstance(v, str) else v, 1, 1)
        block = strip(sc[used_cols].to_numpy(dtype=object))
        filled = block != ""
    else:
        block = filled = None
    stripped_cols = [c.strip() for c in used_cols]
    for i, idx in enumerate(sc.index.tolist()):
        row = int(idx) + 1
        rec = {c: meta[c][i] for c in meta}
        date = parse_date(rec["Date"])
        if date is None:
            raise SourceError(path, f"date {rec['Date']!r} is not a date", row=row, field="Date")
        res = parse_resolution(rec["Resolution"])
        if res is None:
            raise SourceError(
                path, f"resolution {rec['Resolution']!r} is not a resolution symbol", row=row, field="Resolution"
            )
        number, year = res[0], res[1] or date.year
        counts = {}
        for col in _COUNTS:
            text = rec[col].strip()
            if not text.lstrip("-").isdigit():
                raise SourceError(path, f"count {text!r} is not a number (truncated row?)", row=row, field=col)
            counts[col] = int(text)
        cells: dict[str, tuple[str, str]] = {}
        unknown: list[tuple[str, str]] = []
        nonblank = [] if block is None else np.flatnonzero(filled[i]).tolist()
        for j in nonblank:
            c = used_cols[j]
            v = block[i, j]
            if v not in ("Y", "N", "A", "X"):
                raise SourceError(path, f"vote {v!r} is not one of Y/N/A/X", row=row, field=c)
            code = codes[c]
            if code is None:
                unknown.append((c, v))
                continue
            code = member_code(code, date) or code
            if code in cells and cells[code][1] != v:
                raise SourceError(path, f"{code} has two different votes ({cells[code][1]}, {v})", row=row, field=c)
            cells[code] = (stripped_cols[j], v)
        for c, v in unknown:
            seated = set(roster(date)) if roster else None
            missing_seats = sorted(seated - set(cells)) if seated else []
            if len(missing_seats) == 1:
                cells[missing_seats[0]] = (c, v)
                notes.append(
                    f"{path.name}: row {row} ({format_resolution(number, year)}): column {c!r} = {v} "
                    f"assigned to {missing_seats[0]}, the only member of {date.year} with no other column"
                )
            else:
                issues.append(
                    SourceIssue(
                        SOURCE,
                        str(path),
                        row,
                        c,
                        "column names no state and the roster does not resolve it",
                        {"Resolution": rec["Resolution"], c: v},
                    )
                )
        tally = {k: sum(1 for _, v in cells.values() if v == letter) for k, letter in _COUNTS.items()}
        if len(unknown) == 0 or len(cells) == len(unknown) + len(
            [1 for c in cells.values() if c[0] not in {u for u, _ in unknown}]
        ):
            for col, n in tally.items():
                if n != counts[col]:
                    raise SourceError(
                        path, f"{col} is {counts[col]} but the member columns give {n}", row=row, field=col
                    )
        without_vote = counts["YES COUNT"] == 0 and counts["NO COUNT"] == 0 and counts["ABSENT COUNT"] == 0
        key = f"res{number}"
        decisions.append(
            {
                "source": SOURCE,
                "source_row": row,
                "key": key,
                "date": date,
                "meeting": None,
                "draft": None,
                "resolution": format_resolution(number, year),
                "resolution_number": number,
                "title": rec["Title"].strip() or None,
                "topic": None,
                "sponsors": None,
                "kind": "draft_resolution",
                "modality": "without_vote" if without_vote else "recorded",
                "adopted": True,
                "failure_reason": "none",
                "yes": counts["YES COUNT"],
                "no": counts["NO COUNT"],
                "abstain": counts["ABSENT COUNT"],
                "non_voting": 0 if without_vote else counts["NO-VOTE COUNT"],
                "vetoed_by": [],
                "link": rec["Link"].strip() or None,
                "note": "adopted without a vote (coded X for all, yes = 0)" if without_vote else None,
            }
        )
        if without_vote:
            continue
        for code, (name, v) in cells.items():
            votes.append(
                {"source": SOURCE, "source_row": row, "key": key, "member": code, "member_name": name, "vote": v}
            )
    frame = SourceFrame.build(SOURCE, decisions, votes, issues)
    frame.rows_in = rows_in
    frame.out_of_scope = rows_in - len(sc)
    frame.notes = notes
    return frame
