"""Reader for the World Politics Datalab veto file (``unsc_vetoes_1946_2022_wpdl.csv``).

A scrape of the DHL veto list: one row per vetoed draft (or meeting), 1946-2022, who vetoed in
``member_veto1..3``; no member votes. The P5 dummy columns are wrong in 17 rows (all 0 although
``member_veto1`` names the vetoer): the named members are used and every such row becomes a
conflicts entry. The exact duplicate row (S/PV.49, 1946-06-26) is quarantined.

>>> _DUMMIES["USSR"], _DUMMIES["UK"]
('SUN', 'GBR')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue, read_csv_checked, records
from unsc.record.sources.normalize import member_code, parse_date, parse_draft, parse_meeting

__all__ = ["FILE", "SOURCE", "read_wpdl"]

SOURCE = "wpdl_veto"
FILE = "unsc_vetoes_1946_2022_wpdl.csv"
_DUMMIES = {"China": "CHN", "France": "FRA", "Russia": "RUS", "USSR": "SUN", "USA": "USA", "UK": "GBR"}
_REQUIRED = ("date", "draft", "meeting_record", "agenda_item", "member_veto1", "member_veto2", "member_veto3")


def read_wpdl(path: str | Path) -> SourceFrame:
    """Read the WPDL veto rows: one decision per row (not adopted, vetoed by the named members).

    Raises :class:`SourceError` naming file, row and field for a missing column, an unreadable
    date or a vetoer that is no permanent member.
    """
    path = Path(path)
    raw = read_csv_checked(path, _REQUIRED)
    decisions, issues, conflicts = [], [], []
    seen: dict[tuple[Any, ...], int] = {}
    for i, rec in enumerate(records(raw), start=1):
        key_tuple = tuple(rec.values())
        if key_tuple in seen:
            issues.append(SourceIssue(SOURCE, str(path), i, None, f"exact duplicate of row {seen[key_tuple]}", rec))
            continue
        seen[key_tuple] = i
        date = parse_date(rec["date"])
        if date is None:
            raise SourceError(path, f"date {rec['date']!r} is not a date", row=i, field="date")
        vetoers = []
        for col in ("member_veto1", "member_veto2", "member_veto3"):
            name = rec[col].strip()
            if not name:
                continue
            code = member_code(name, date)
            if code not in ("CHN", "FRA", "GBR", "USA", "SUN", "RUS"):
                raise SourceError(path, f"vetoer {name!r} is not a permanent member", row=i, field=col)
            vetoers.append(code)
        if not vetoers:
            issues.append(SourceIssue(SOURCE, str(path), i, "member_veto1", "no vetoing member named", rec))
            continue
        dummies = sorted(
            member_code(col, date) or code
            for col, code in _DUMMIES.items()
            if col in rec and rec[col].strip() not in ("", "0", "0.0")
        )
        if dummies != sorted(set(vetoers)):
            conflicts.append(
                {
                    "entity": f"{FILE} row {i} ({rec['draft'].strip()}, {date})",
                    "field": "vetoed_by",
                    "source_a": SOURCE,
                    "value_a": "member_veto: " + ", ".join(vetoers),
                    "source_b": SOURCE,
                    "value_b": "P5 dummy columns: " + (", ".join(dummies) or "none"),
                    "chosen": ", ".join(vetoers),
                    "reason": "the P5 dummy columns disagree with member_veto1..3 (they undercount); the named "
                    "members are used",
                }
            )
        draft = parse_draft(rec["draft"])
        decisions.append(
            {
                "source": SOURCE,
                "source_row": i,
                "key": f"wpdl{i}",
                "date": date,
                "meeting": parse_meeting(rec["meeting_record"]),
                "draft": draft,
                "resolution": None,
                "resolution_number": None,
                "title": rec["agenda_item"].strip() or None,
                "topic": rec.get("crisis_topic", "").strip() or None,
                "sponsors": None,
                "kind": "draft_resolution",
                "modality": "recorded",
                "adopted": False,
                "failure_reason": "veto",
                "yes": None,
                "no": None,
                "abstain": None,
                "non_voting": None,
                "vetoed_by": sorted(set(vetoers)),
                "link": None,
                "note": None if draft else f"draft given as {rec['draft'].strip()!r}",
            }
        )
    frame = SourceFrame.build(SOURCE, decisions, [], issues)
    frame.rows_in = len(raw)
    frame.conflicts = conflicts
    return frame
