"""Reader for the official UNDL "Security Council Voting Data" CSV (version 6, 2026; source ``undl_csv``).

Long format, one row per member per adopted resolution, 20 columns (see the data dictionary):
undl_id, ms_code, ms_name, permanent_member, ms_vote, date, resolution, draft, meeting,
description, agenda, subjects, vote_note, total_yes, total_no, total_abstentions,
total_non_voting, total_ms, modality, undl_link. A resolution adopted without a vote is coded
``Y`` for every member with the modality column saying so: it becomes modality ``without_vote``
with no member votes and zero tallies.

Rows whose member code and name are both unknown, whose vote is not Y/N/A/X, or that disagree
with the other rows of their resolution (date, totals) are quarantined; a file without the
columns, or whose totals disagree with its member rows, raises :class:`SourceError`.

>>> modality_of("Voting"), modality_of("Adopted without vote"), modality_of("consensus")
('recorded', 'without_vote', 'without_vote')
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue, read_csv_checked, records
from unsc.record.sources.normalize import (
    format_resolution,
    member_code,
    parse_date,
    parse_draft,
    parse_meeting,
    parse_resolution,
)

__all__ = ["COLUMNS", "SOURCE", "modality_of", "read_undl_csv"]

SOURCE = "undl_csv"
COLUMNS = (
    "undl_id",
    "ms_code",
    "ms_name",
    "permanent_member",
    "ms_vote",
    "date",
    "resolution",
    "draft",
    "meeting",
    "description",
    "agenda",
    "subjects",
    "vote_note",
    "total_yes",
    "total_no",
    "total_abstentions",
    "total_non_voting",
    "total_ms",
    "modality",
    "undl_link",
)
_TOTALS = ("total_yes", "total_no", "total_abstentions", "total_non_voting", "total_ms")


def modality_of(text: str) -> str:
    """``recorded`` or ``without_vote`` from the modality wording; ``ValueError`` if unknown."""
    t = text.strip().casefold()
    if any(w in t for w in ("without", "no vote", "consensus", "acclamation")):
        return "without_vote"
    if not t or "vot" in t or "record" in t:
        return "recorded"
    raise ValueError(f"unknown modality {text!r}")


def read_undl_csv(path: str | Path) -> SourceFrame:
    """Read the official long-format CSV: one decision per resolution, one vote per member row."""
    path = Path(path)
    raw = read_csv_checked(path, COLUMNS)
    issues: list[SourceIssue] = []
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, rec in enumerate(records(raw), start=1):
        row = _member_row(path, i, rec, issues)
        if row is not None:
            groups.setdefault(row["res"][0], []).append(row)
    decisions, votes = [], []
    for number, rows in sorted(groups.items()):
        first = rows[0]
        ok = _consistent_rows(path, number, rows, issues)
        if first["modality"] != "without_vote":
            _check_totals(path, number, first, ok)
        key = f"res{number}"
        decisions.append(_decision_row(number, first, key))
        # without a vote: v6 codes all Y; there was no vote, so no member votes are kept, but the
        # rows count as used (they support the decision)
        votes += [
            {
                "source": SOURCE,
                "source_row": r["row"],
                "key": key,
                "member": r["code"],
                "member_name": r["rec"]["ms_name"].strip(),
                "vote": r["vote"],
            }
            for r in ok
        ]
    frame = SourceFrame.build(SOURCE, decisions, votes, issues)
    frame.rows_in = len(raw)
    return frame


def _member_row(path: Path, i: int, rec: dict[str, Any], issues: list[SourceIssue]) -> dict[str, Any] | None:
    """One member's row parsed, or None (an issue naming the row and field); a truncated row is an error."""
    res = parse_resolution(rec["resolution"])
    if res is None:
        issues.append(
            SourceIssue(SOURCE, str(path), i, "resolution", f"not a resolution symbol: {rec['resolution']!r}", rec)
        )
        return None
    date = parse_date(rec["date"])
    if date is None:
        issues.append(SourceIssue(SOURCE, str(path), i, "date", f"not a date: {rec['date']!r}", rec))
        return None
    vote = rec["ms_vote"].strip().upper()
    if vote not in ("Y", "N", "A", "X"):
        issues.append(SourceIssue(SOURCE, str(path), i, "ms_vote", f"vote {rec['ms_vote']!r} is not Y/N/A/X", rec))
        return None
    code = member_code(rec["ms_code"], date) or member_code(rec["ms_name"], date)
    if code is None:
        raise SourceError(path, f"unknown member {rec['ms_code']!r} / {rec['ms_name']!r}", row=i, field="ms_code")
    totals = {}
    for c in _TOTALS:
        t = rec[c].strip()
        if not t.isdigit():
            raise SourceError(path, f"{c} {t!r} is not a number (truncated row?)", row=i, field=c)
        totals[c] = int(t)
    try:
        modality = modality_of(rec["modality"])
    except ValueError as e:
        issues.append(SourceIssue(SOURCE, str(path), i, "modality", str(e), rec))
        return None
    return {
        "row": i,
        "res": res,
        "date": date,
        "vote": vote,
        "code": code,
        "totals": totals,
        "modality": modality,
        "rec": rec,
    }


def _consistent_rows(
    path: Path, number: int, rows: list[dict[str, Any]], issues: list[SourceIssue]
) -> list[dict[str, Any]]:
    """The rows of a resolution that agree with its first row, each member once; the others are issues."""
    first = rows[0]
    ok: list[dict[str, Any]] = []
    for r in rows:
        if r["date"] != first["date"] or r["totals"] != first["totals"] or r["modality"] != first["modality"]:
            issues.append(
                SourceIssue(
                    SOURCE,
                    str(path),
                    r["row"],
                    "date" if r["date"] != first["date"] else "total_yes",
                    f"resolution {number}: disagrees with row {first['row']} of the same resolution",
                    r["rec"],
                )
            )
        elif any(o["code"] == r["code"] for o in ok):
            issues.append(SourceIssue(SOURCE, str(path), r["row"], "ms_code", f"{r['code']} listed twice", r["rec"]))
        else:
            ok.append(r)
    return ok


def _check_totals(path: Path, number: int, first: dict[str, Any], ok: list[dict[str, Any]]) -> None:
    """The total columns must equal the member rows of a recorded vote."""
    t = first["totals"]
    counted = {v: sum(1 for r in ok if r["vote"] == v) for v in "YNAX"}
    for col, v in zip(("total_yes", "total_no", "total_abstentions", "total_non_voting"), "YNAX", strict=True):
        if counted[v] != t[col]:
            raise SourceError(
                path,
                f"resolution {number}: {col} is {t[col]} but the member rows give {counted[v]}",
                row=first["row"],
                field=col,
            )


def _decision_row(number: int, first: dict[str, Any], key: str) -> dict[str, Any]:
    rec, t = first["rec"], first["totals"]
    without = first["modality"] == "without_vote"
    year = first["res"][1] or first["date"].year
    return {
        "source": SOURCE,
        "source_row": first["row"],
        "key": key,
        "date": first["date"],
        "meeting": parse_meeting(rec["meeting"]),
        "draft": parse_draft(rec["draft"]),
        "resolution": format_resolution(number, year),
        "resolution_number": number,
        "title": rec["agenda"].strip() or rec["description"].strip() or None,
        "topic": rec["subjects"].strip() or None,
        "sponsors": None,
        "kind": "draft_resolution",
        "modality": first["modality"],
        "adopted": True,
        "failure_reason": "none",
        "yes": 0 if without else t["total_yes"],
        "no": 0 if without else t["total_no"],
        "abstain": 0 if without else t["total_abstentions"],
        "non_voting": 0 if without else t["total_non_voting"],
        "vetoed_by": [],
        "link": rec["undl_link"].strip() or None,
        "note": rec["vote_note"].strip() or None,
    }
