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
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue, read_csv_checked
from unsc.record.sources.normalize import format_resolution, member_code, member_named, parse_date, parse_resolution

__all__ = ["FILE", "META_COLUMNS", "SOURCE", "column_code", "decode_accents", "read_undl_wide", "without_stray_tail"]

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


#: The scrape writes an accented letter of the Library's catalogue as ``@`` + letter + a digit naming
#: the accent ("r@e1gime", "C@o3te d'Ivoire", "Hammarskj@o4ld"): the digits seen in the Council rows.
_ACCENTS = {"1": "\u0301", "3": "\u0302", "4": "\u0308"}
_ESCAPE = re.compile(r"@([A-Za-z])([134])")


#: A record title followed by a cut-off fragment of another row's title after its closing bracket
#: ("... [on extension of the mandate of the International Independent Investigation Commission]
#: technologies in suppor[...]" on res. 1748 (2007), the words of res. 1747's title): the scrape's leftover.
_TAIL = re.compile(r"^(Security Council resolution \d+ \(\d{4}\) \[[^\]]*\])\s+[^\[\]]+\[\.\.\.\]$")


def without_stray_tail(text: str) -> str:
    """The title without a fragment of another title left after its closing bracket.

    >>> without_stray_tail("Security Council resolution 2170 (2014) [on threats by Al-Qaida] andate of the UN Assista[...]")
    'Security Council resolution 2170 (2014) [on threats by Al-Qaida]'
    >>> without_stray_tail("Security Council resolution 25 (1947) [referring the application of Hungary to theUnite[...]")
    'Security Council resolution 25 (1947) [referring the application of Hungary to theUnite[...]'
    """
    m = _TAIL.match(text)
    return m.group(1) if m else text


def decode_accents(text: str) -> str:
    """The title with the scrape's accent escapes read as the letters they stand for.

    >>> decode_accents("Union des transports a@e1riens"), decode_accents("C@o3te d'Ivoire (Hammarskj@o4ld)")
    ('Union des transports aériens', "Côte d'Ivoire (Hammarskjöld)")
    >>> decode_accents("info@un.org 2")
    'info@un.org 2'
    """
    return unicodedata.normalize("NFC", _ESCAPE.sub(lambda m: m.group(1) + _ACCENTS[m.group(2)], text))


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
    sc = raw[raw["Council"].str.strip() == "Security Council"]
    notes: list[str] = []
    # every member cell of the Council rows stripped once, column by column (plain str methods: the
    # pandas .str accessor costs more per column than the strip of its 2,617 cells)
    stripped = {c: [v.strip() for v in sc[c].tolist()] for c in raw.columns if c not in META_COLUMNS}
    codes = _member_columns(path, sc, stripped, notes)
    reader = _WideRows(path, sc, codes, roster, notes, stripped)
    for i, idx in enumerate(sc.index.tolist()):
        reader.row(i, int(idx) + 1)
    frame = SourceFrame.build(SOURCE, reader.decisions, reader.votes, reader.issues)
    frame.rows_in = len(raw)
    frame.out_of_scope = len(raw) - len(sc)
    frame.notes = notes
    return frame


def _member_columns(
    path: Path, sc: pd.DataFrame, stripped: dict[str, list[str]], notes: list[str]
) -> dict[str, str | None]:
    """The member columns with a vote in a Council row, each with its code (``None``: DONOTKNOW); quirks noted.

    ``stripped``: the member columns' cells in the Council rows, stripped, by column name.
    """
    codes: dict[str, str | None] = {}
    for c, cells in stripped.items():
        first = next((i for i, v in enumerate(cells) if v != ""), None)
        if first is None:
            continue
        code = column_code(c)
        codes[c] = code
        if code is None and c.strip() != "DONOTKNOW":
            bad = sc.index[first]
            raise SourceError(path, f"member column {c!r} names no known state", row=int(bad) + 1, field=c)
        if code is None:
            notes.append(
                f"{path.name}: column {c!r} names no state; resolved per row by elimination against the roster"
            )
        elif member_named(c.strip()) is None or c != c.strip():
            notes.append(f"{path.name}: column {c!r} read as {code} (header quirk)")
    return codes


class _WideRows:
    """The Council rows of the wide file, read column-wise: every member cell is stripped in one pass per
    column and only the non-blank cells of a row are visited, in (row, column) order."""

    def __init__(
        self,
        path: Path,
        sc: pd.DataFrame,
        codes: dict[str, str | None],
        roster: Callable[[dt.date], Iterable[str]] | None,
        notes: list[str],
        stripped: dict[str, list[str]],
    ) -> None:
        self.path, self.codes, self.roster, self.notes = path, codes, roster, notes
        self.used_cols = list(codes)
        self.stripped_cols = [c.strip() for c in self.used_cols]
        self.meta = {c: sc[c].tolist() for c in ("Date", "Resolution", "Title", "Link", *_COUNTS)}
        if self.used_cols:
            self.block = np.column_stack([np.array(stripped[c], dtype=object) for c in self.used_cols])
            self.filled = self.block != ""
        self.decisions: list[dict[str, Any]] = []
        self.votes: list[dict[str, Any]] = []
        self.issues: list[SourceIssue] = []

    def row(self, i: int, row: int) -> None:
        """The ``i``-th Council row (line ``row`` of the file): its decision and member votes."""
        path = self.path
        rec = {c: self.meta[c][i] for c in self.meta}
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
        cells, unknown = self.cells(i, row, date)
        self.place_unknown(cells, unknown, row, date, format_resolution(number, year), rec["Resolution"])
        self.check_counts(cells, unknown, counts, row)
        without_vote = counts["YES COUNT"] == 0 and counts["NO COUNT"] == 0 and counts["ABSENT COUNT"] == 0
        key = f"res{number}"
        self.decisions.append(
            {
                "source": SOURCE,
                "source_row": row,
                "key": key,
                "date": date,
                "meeting": None,
                "draft": None,
                "resolution": format_resolution(number, year),
                "resolution_number": number,
                "title": self.title(rec["Title"], row),
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
        if not without_vote:
            self.votes += [
                {"source": SOURCE, "source_row": row, "key": key, "member": code, "member_name": name, "vote": v}
                for code, (name, v) in cells.items()
            ]

    def title(self, text: str, row: int) -> str | None:
        """The row's title, its accent escapes decoded (each decoded title a note naming its row)."""
        raw = text.strip()
        cut = without_stray_tail(raw)
        if cut != raw:
            self.notes.append(
                f"row {row}, field Title: a fragment of another title after the closing bracket dropped "
                f"({raw[len(cut) :].strip()!r})"
            )
        title = decode_accents(cut)
        if title != cut:
            found = sorted(set(_ESCAPE.findall(cut)))
            self.notes.append(
                f"row {row}, field Title: accent escapes {', '.join('@' + a + b for a, b in found)} read as "
                f"{', '.join(unicodedata.normalize('NFC', a + _ACCENTS[b]) for a, b in found)}"
            )
        return title or None

    def cells(self, i: int, row: int, date: dt.date) -> tuple[dict[str, tuple[str, str]], list[tuple[str, str]]]:
        """The member votes of a row by code (with the column's name), and the votes of the DONOTKNOW column."""
        cells: dict[str, tuple[str, str]] = {}
        unknown: list[tuple[str, str]] = []
        if not self.used_cols:
            return cells, unknown
        for j in np.flatnonzero(self.filled[i]).tolist():
            c = self.used_cols[j]
            v = self.block[i, j]
            if v not in ("Y", "N", "A", "X"):
                raise SourceError(self.path, f"vote {v!r} is not one of Y/N/A/X", row=row, field=c)
            code = self.codes[c]
            if code is None:
                unknown.append((c, v))
                continue
            code = member_code(code, date) or code
            if code in cells and cells[code][1] != v:
                raise SourceError(
                    self.path, f"{code} has two different votes ({cells[code][1]}, {v})", row=row, field=c
                )
            cells[code] = (self.stripped_cols[j], v)
        return cells, unknown

    def place_unknown(
        self,
        cells: dict[str, tuple[str, str]],
        unknown: list[tuple[str, str]],
        row: int,
        date: dt.date,
        resolution: str,
        resolution_cell: str,
    ) -> None:
        """A DONOTKNOW vote goes to the one seated member with no other column, else it is quarantined."""
        for c, v in unknown:
            seated = set(self.roster(date)) if self.roster else None
            missing_seats = sorted(seated - set(cells)) if seated else []
            if len(missing_seats) == 1:
                cells[missing_seats[0]] = (c, v)
                self.notes.append(
                    f"{self.path.name}: row {row} ({resolution}): column {c!r} = {v} "
                    f"assigned to {missing_seats[0]}, the only member of {date.year} with no other column"
                )
            else:
                self.issues.append(
                    SourceIssue(
                        SOURCE,
                        str(self.path),
                        row,
                        c,
                        "column names no state and the roster does not resolve it",
                        {"Resolution": resolution_cell, c: v},
                    )
                )

    def check_counts(
        self, cells: dict[str, tuple[str, str]], unknown: list[tuple[str, str]], counts: dict[str, int], row: int
    ) -> None:
        """The count columns must equal the member columns (unless a DONOTKNOW vote stayed unplaced)."""
        placed_unknown = {u for u, _ in unknown}
        if unknown and len(cells) != len(unknown) + len([1 for c in cells.values() if c[0] not in placed_unknown]):
            return
        tally = {k: sum(1 for _, v in cells.values() if v == letter) for k, letter in _COUNTS.items()}
        for col, n in tally.items():
            if n != counts[col]:
                raise SourceError(
                    self.path, f"{col} is {counts[col]} but the member columns give {n}", row=row, field=col
                )
