"""Reader for the DPPA Council membership file (``unsc_membership_by_year_1946_2027_dppa.csv``).

One row per member per year (columns ``id, year, security_council_member, last_update``). The file
uses *current* names for past members ("Democratic Republic of the Congo" for Zaire, "Czechia"
for Czechoslovakia); :data:`HISTORICAL_CODES` maps those back to the state that sat, by year, so
that rosters match the names in the voting data (:func:`~unsc.rules.charter.code_of_the_time`,
applied per date by the store's roster). Blank names are reported as issues and kept out
of the terms; :func:`fill_blank_terms` may fill them later from votes cast that year.

>>> code_of_the_time("COD", dt.date(1982, 7, 1))
'ZAR'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from unsc.record.sources.frame import SourceError, SourceIssue, read_csv_checked, records
from unsc.record.sources.normalize import is_permanent, member_named
from unsc.rules.charter import code_of_the_time

__all__ = ["FILE", "SOURCE", "TermsFrame", "read_membership"]

SOURCE = "dppa_membership"
FILE = "unsc_membership_by_year_1946_2027_dppa.csv"


@dataclass
class TermsFrame:
    """Terms per year (``year, member, permanent, source_name, source_row``) and the issues."""

    terms: pd.DataFrame
    issues: list[SourceIssue] = field(default_factory=list)
    rows_in: int = 0
    notes: list[str] = field(default_factory=list)

    def roster(self, when: dt.date) -> list[str]:
        """Codes seated on a date (blanks left out), each as the state of that date."""
        return sorted({code_of_the_time(c, when) for c in self.terms.loc[self.terms["year"] == when.year, "member"]})


def read_membership(path: str | Path) -> TermsFrame:
    """Read the DPPA membership file into terms, one row per member per year.

    Raises :class:`SourceError` if the file is missing or lacks its columns; an unknown member
    name is an error naming the row (every name in the real file is known).

    >>> import io, tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), FILE)
    >>> _ = open(p, "w").write("id,year,security_council_member,last_update\\n1,1982,Democratic Republic of the Congo,x\\n2,1982,,x\\n")
    >>> tf = read_membership(p)
    >>> tf.terms[["year", "member"]].values.tolist(), len(tf.issues)
    ([[1982, 'ZAR']], 1)
    """
    path = Path(path)
    raw = read_csv_checked(path, ("year", "security_council_member"))
    rows, issues, notes = [], [], []
    mapped: set[tuple[str, str]] = set()
    for i, rec in enumerate(records(raw), start=1):
        year_text = rec["year"].strip()
        if not year_text.isdigit():
            raise SourceError(path, f"year {year_text!r} is not a year", row=i, field="year")
        year = int(year_text)
        name = rec["security_council_member"].strip()
        if not name:
            issues.append(
                SourceIssue(SOURCE, str(path), i, "security_council_member", f"blank member name for {year}", rec)
            )
            continue
        m = member_named(name)
        if m is None:
            raise SourceError(path, f"unknown member {name!r}", row=i, field="security_council_member")
        code = code_of_the_time(m.code, dt.date(year, 7, 1))
        if code != m.code and (name, code) not in mapped:
            mapped.add((name, code))
            notes.append(f"{path.name}: {name!r} read as {code} for the years it sat under that state")
        rows.append(
            {"year": year, "member": code, "permanent": is_permanent(code), "source_name": name, "source_row": i}
        )
    terms = pd.DataFrame(rows, columns=["year", "member", "permanent", "source_name", "source_row"])
    return TermsFrame(terms, issues, len(raw), notes)
