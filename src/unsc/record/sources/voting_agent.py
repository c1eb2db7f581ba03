"""Reader for the Voting-Agent file (``unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx``).

One row per member per draft put to a vote, 1994-2025, adopted and failed drafts alike (the only
source of member votes on failed drafts after 1993). Columns: Year, ``Date,``, Resolution, Meeting,
Draft, Agenda item, Category, Region, Submitted by, Outcome results, Vote, Member State, ID,
Membership_Status, Topic. Members that did not vote have no row.

Known problems, each handled visibly (SOURCES.md):

* the corrupt 1995 block: drafts labelled "Adopted unanimously" whose rows carry No/Abstain
  votes. Every row of such a draft is quarantined (its votes cannot be trusted);
* vetoed drafts that appear a second time labelled "Adopted": the adopted copy is quarantined;
* duplicated (ID, member) pairs: both rows are quarantined when they disagree, the second when
  they agree;
* day/month swaps: a date that breaks the order of its neighbours, and fits it with day and
  month swapped, is corrected, with a conflicts entry;
* Resolution and Draft written in each other's column (2025): swapped back, with a conflicts entry;
* resolution format variants and non-ISO member names ("Ethipia") are read by the shared parsers.

Other disagreements (adopted drafts with a permanent member's No) are left to the merge and the
validation, which compare them with the UN Digital Library data.

>>> outcome("Not adopted - veto"), outcome("Adopted by acclamation")
((False, 'veto', 'recorded'), (True, 'none', 'without_vote'))
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from unsc.record.sources.frame import SourceError, SourceFrame, SourceIssue, read_xlsx, records
from unsc.record.sources.normalize import (
    DRAFT_UNCERTAIN,
    format_resolution,
    is_permanent,
    member_code,
    parse_date,
    parse_draft,
    parse_drafts,
    parse_meeting,
    parse_resolution,
    repair_draft_year,
)

__all__ = ["FILE", "SOURCE", "outcome", "read_voting_agent"]

SOURCE = "voting_agent"
FILE = "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx"
COLUMNS = ("Date,", "Resolution", "Meeting", "Draft", "Outcome results", "Vote", "Member State", "ID")
_YEAR_NUMBER = re.compile(r"^S/(\d{4})/(\d+)$")
_VOTES = {"yes": "Y", "no": "N", "abstain": "A", "abstention": "A"}


def outcome(text: str) -> tuple[bool, str, str]:
    """(adopted, failure_reason, modality) from the ``Outcome results`` wording; ``ValueError`` if unknown."""
    t = text.strip().casefold()
    if t.startswith("adopted"):
        without = "consensus" in t or "acclamation" in t or "without" in t
        return True, "none", "without_vote" if without else "recorded"
    if "veto" in t:
        return False, "veto", "recorded"
    if t.startswith("not adopted"):
        return False, "insufficient_votes", "recorded"
    raise ValueError(f"unknown outcome {text!r}")


def _text(v: Any) -> str:
    if type(v) is str:  # nearly every cell
        return v.strip()
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return ""
    return str(v).strip()


_NO_NAME = re.compile(r"^-*\s*none\s*-*$|\?$", re.IGNORECASE)
_LINE_BREAK = re.compile(r"\s*(?:_x000D_)?\r?\n\s*|\s*_x000D_\s*")


def sponsors_cell(v: Any) -> str | None:
    r"""A 'Submitted by' cell as a list of names: placeholders ('-none-', a doubtful 'President?') are no
    sponsors, and the spreadsheet's line breaks (escaped ``_x000D_``) inside a long list are spaces.

    >>> sponsors_cell("-none-"), sponsors_cell("President?"), sponsors_cell("  ")
    (None, None, None)
    >>> sponsors_cell('"Albania, Angola,_x000D_\nChad"')
    'Albania, Angola, Chad'
    """
    text = _text(v)
    if not text or _NO_NAME.search(text):
        return None
    return _LINE_BREAK.sub(" ", text).strip('"').strip() or None


def read_voting_agent(path: str | Path) -> SourceFrame:
    """Read the Voting-Agent workbook into decisions (one per draft ID) and member votes.

    Raises :class:`SourceError` naming file, row and field for a missing column, an unreadable
    date, an unknown outcome or vote wording, or a member name that is no state.
    """
    path = Path(path)
    if not path.exists():
        raise SourceError(path, "file not found")
    try:
        if path.suffix in (".xlsx", ".xls"):
            # python-calamine reads the workbook ~5x faster than openpyxl, with the same cells but
            # one: it decodes the OOXML escape _x000D_ (a carriage return) that openpyxl leaves as
            # text. The record has always carried the escape (in sponsor lists); kept as it was.
            # The cells are those of pd.read_excel(dtype=str, engine="calamine"), read without the frame.
            columns, rows = read_xlsx(path, dtype=str, cr="_x000D_")
        else:
            raw = pd.read_csv(path, dtype=str)
            columns, rows = list(raw.columns), records(raw)
    except Exception as e:
        raise SourceError(path, f"cannot be read: {e}") from None
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise SourceError(path, f"missing columns {missing}")
    book = _Workbook(path)
    heads = book.heads(book.parse_rows(rows))
    book.drop_vetoed_duplicates(heads)
    book.drop_corrupt_unanimous(heads)
    book.drop_duplicate_pairs(heads)
    order = book.fix_day_month_swaps(heads)
    frame = book.emit(heads, order)
    frame.rows_in = len(rows)
    return frame


@dataclass
class _Workbook:
    """The Voting-Agent rows read in steps: parse, group by draft ID, quarantine, fix swapped dates, emit."""

    path: Path
    issues: list[SourceIssue] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    bad_rows: dict[int, str] = field(default_factory=dict)

    def quarantine(self, p: dict[str, Any], fld: str | None, reason: str) -> None:
        if p["row"] not in self.bad_rows:
            self.bad_rows[p["row"]] = reason
            self.issues.append(SourceIssue(SOURCE, str(self.path), p["row"], fld, reason, p["rec"]))

    def parse_rows(self, recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """1. Every row parsed; an error names the row and field. Each distinct cell text is read once."""
        path = self.path
        dates: dict[str, dt.date | None] = {}
        outcomes: dict[str, tuple[bool, str, str]] = {}
        codes: dict[tuple[str, dt.date], str | None] = {}
        parsed: list[dict[str, Any]] = []
        for i, rec in enumerate(recs, start=1):
            date_text = _text(rec["Date,"])
            date = dates[date_text] if date_text in dates else dates.setdefault(date_text, parse_date(date_text))
            if date is None:
                raise SourceError(path, f"date {rec['Date,']!r} is not a date", row=i, field="Date,")
            outcome_text = _text(rec["Outcome results"])
            said = outcomes.get(outcome_text)
            if said is None:
                try:
                    said = outcomes[outcome_text] = outcome(outcome_text)
                except ValueError as e:
                    raise SourceError(path, str(e), row=i, field="Outcome results") from None
            vote = _VOTES.get(_text(rec["Vote"]).casefold())
            if vote is None:
                raise SourceError(path, f"unknown vote {rec['Vote']!r}", row=i, field="Vote")
            name = _text(rec["Member State"])
            code = (
                codes[(name, date)]
                if (name, date) in codes
                else codes.setdefault((name, date), member_code(name, date))
            )
            if code is None:
                raise SourceError(path, f"unknown member {name!r}", row=i, field="Member State")
            ident = _text(rec["ID"])
            if not ident:
                raise SourceError(path, "blank draft ID", row=i, field="ID")
            adopted, failure, modality = said
            parsed.append(
                {
                    "row": i,
                    "id": ident,
                    "date": date,
                    "adopted": adopted,
                    "failure": failure,
                    "modality": modality,
                    "vote": vote,
                    "member": code,
                    "name": name,
                    "rec": rec,
                }
            )
        return parsed

    def heads(self, parsed: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """2. Per draft ID: the fields its rows share; IDs whose rows disagree on date or outcome are quarantined."""
        by_id: dict[str, list[dict[str, Any]]] = {}
        for p in parsed:
            by_id.setdefault(p["id"], []).append(p)
        heads: dict[str, dict[str, Any]] = {}
        for ident, rows in by_id.items():
            first = rows[0]["rec"]
            res_text, draft_text = _text(first["Resolution"]), _text(first["Draft"])
            res, draft = self.symbols(ident, res_text, draft_text)
            dates = {r["date"] for r in rows}
            outcomes = {(r["adopted"], r["failure"], r["modality"]) for r in rows}
            if len(dates) > 1 or len(outcomes) > 1:
                for r in rows:
                    fld = "Date," if len(dates) > 1 else "Outcome results"
                    self.quarantine(r, fld, f"draft ID {ident}: rows disagree")
                continue
            adopted, failure, modality = outcomes.pop()
            draft = self.repaired_draft(ident, draft, draft_text, rows[0]["date"])
            draft, cell_note = self.draft_among_several(ident, draft, draft_text)
            heads[ident] = {
                "rows": rows,
                "date": rows[0]["date"],
                "adopted": adopted,
                "failure": failure,
                "modality": modality,
                "res": res if adopted else None,
                "draft": draft,
                "draft_text": draft_text,
                "draft_note": cell_note,
                "kind": "amendment" if "amendment" in draft_text.casefold() else "draft_resolution",
                "meeting": parse_meeting(_text(first["Meeting"])),
                "first": first,
            }
            if not adopted and res is not None:
                self.notes.append(
                    f"{self.path.name}: draft ID {ident} is not adopted but names resolution {res_text!r}; ignored"
                )
        return heads

    def conflict(self, ident: str, field: str, read: str, other: str | None, chosen: str, reason: str) -> None:
        """A ``conflicts`` row for a cell of ID ``ident`` read otherwise than it stands (both sides are this source)."""
        self.conflicts.append(
            {
                "entity": f"voting_agent ID {ident}",
                "field": field,
                "source_a": SOURCE,
                "value_a": read,
                "source_b": SOURCE,
                "value_b": other,
                "chosen": chosen,
                "reason": reason,
            }
        )

    def symbols(self, ident: str, res_text: str, draft_text: str) -> tuple[Any, str | None]:
        """The resolution and draft of an ID, read back the right way round where the columns are swapped."""
        res = parse_resolution(res_text)
        draft = parse_draft(draft_text)
        res_in_draft = parse_resolution(draft_text)
        if res is None and parse_draft(res_text) and res_in_draft:
            res, draft = res_in_draft, parse_draft(res_text)
            self.conflict(
                ident,
                "resolution/draft",
                f"Resolution={res_text!r}, Draft={draft_text!r}",
                f"Resolution={draft_text!r}, Draft={res_text!r}",
                f"resolution {format_resolution(*res_in_draft)}, draft {draft}",
                "the two columns are swapped in this row group (a draft symbol in Resolution, "
                "a resolution symbol in Draft); read back the right way round",
            )
        return res, draft

    def repaired_draft(self, ident: str, draft: str | None, draft_text: str, date: Any) -> str | None:
        """A draft cell with one digit of its year dropped or doubled (``S/206/381`` on a vote of 2016) is read
        as that year's symbol (:func:`~unsc.record.sources.normalize.repair_draft_year`), with a ``conflicts`` row;
        the cell stays in the decision's ``note``."""
        fixed = repair_draft_year(draft_text, date if isinstance(date, dt.date) else None)
        if fixed is None or fixed == draft:
            return draft
        self.conflict(
            ident,
            "draft",
            draft_text,
            draft,
            fixed,
            f"the Draft cell {draft_text!r} on a vote of {date.year} is the year's symbol with a digit of "
            "its year dropped or doubled (symbols carry their year since 1994); read as such",
        )
        return fixed

    def draft_among_several(self, ident: str, draft: str | None, draft_text: str) -> tuple[str | None, str | None]:
        """A Draft cell naming several documents: the latest-numbered is served as the draft, marked uncertain.

        Nine cells list the reports a resolution considers before its draft ("S/2018/1088; S/2018/1143":
        res. 2450 (2018) cites S/2018/1088 as the Secretary-General's report on UNDOF), so the first symbol,
        which :func:`parse_draft` gives, is a report; a draft is circulated after the reports it considers,
        so the latest-numbered symbol of the year is served, with a ``conflicts`` row and a ``note`` saying
        the choice is uncertain (an erratum settles it from the resolution's text).
        """
        found = [d for d in parse_drafts(draft_text) if _YEAR_NUMBER.match(d)]
        if draft is None or len(found) < 2 or len({_YEAR_NUMBER.match(d)[1] for d in found}) != 1:  # type: ignore[index]
            return draft, None
        latest = max(found, key=lambda d: int(_YEAR_NUMBER.match(d)[2]))  # type: ignore[index]
        self.conflict(
            ident,
            "draft",
            draft_text,
            draft,
            latest,
            f"the Draft cell names {len(found)} documents; the first is, where checked, a report the "
            "resolution considers (res. 2450 (2018), 2477 (2019)), and a draft follows the reports it "
            "considers, so the latest-numbered is taken as the draft; uncertain",
        )
        note = (
            f"{DRAFT_UNCERTAIN}: the source's Draft cell names {draft_text!r}; the latest-numbered, {latest}, is "
            "served (the others are, where checked, reports the resolution considers)"
        )
        return latest, note

    def drop_vetoed_duplicates(self, heads: dict[str, dict[str, Any]]) -> None:
        """3. A vetoed draft also listed as "Adopted": the adopted copy is quarantined."""
        by_draft: dict[str, list[str]] = {}
        for ident, h in heads.items():
            if h["draft"]:
                by_draft.setdefault(h["draft"], []).append(ident)
        for draft, idents in by_draft.items():
            vetoed = [d for d in idents if heads[d]["failure"] == "veto"]
            if not vetoed or len(idents) < 2:
                continue
            for d in idents:
                if heads[d]["adopted"]:
                    for r in heads[d]["rows"]:
                        self.quarantine(
                            r,
                            "Outcome results",
                            f"draft {draft} appears twice: as vetoed (ID {vetoed[0]}) and as adopted (ID {d}); "
                            "the adopted copy is a duplicate of the vetoed draft",
                        )
                    heads.pop(d)

    def drop_corrupt_unanimous(self, heads: dict[str, dict[str, Any]]) -> None:
        """4. Drafts labelled "Adopted unanimously" with No/Abstain rows: their votes cannot be trusted."""
        for ident, h in list(heads.items()):
            label = _text(h["first"]["Outcome results"]).casefold()
            if label == "adopted unanimously" and any(r["vote"] != "Y" for r in h["rows"]):
                n_other = sum(1 for r in h["rows"] if r["vote"] != "Y")
                for r in h["rows"]:
                    self.quarantine(
                        r,
                        "Vote",
                        f"draft ID {ident} is labelled 'Adopted unanimously' but {n_other} of its rows are No/Abstain "
                        "(the corrupt 1995 block): its member votes cannot be trusted",
                    )
                heads.pop(ident)

    def drop_duplicate_pairs(self, heads: dict[str, dict[str, Any]]) -> None:
        """5. A member twice on one draft: the copy is quarantined, or both rows where the votes differ."""
        for ident, h in heads.items():
            seen: dict[str, dict[str, Any]] = {}
            for r in h["rows"]:
                if r["row"] in self.bad_rows:
                    continue
                other = seen.get(r["member"])
                if other is None:
                    seen[r["member"]] = r
                    continue
                if other["vote"] == r["vote"]:
                    self.quarantine(r, "Member State", f"duplicate of row {other['row']} (same draft, member and vote)")
                else:
                    reason = f"draft ID {ident}: {r['name']} has two rows with different votes ({other['vote']}, {r['vote']})"
                    self.quarantine(other, "Vote", reason)
                    self.quarantine(r, "Vote", reason)

    def fix_day_month_swaps(self, heads: dict[str, dict[str, Any]]) -> list[str]:
        """6. Drafts ordered by ID; a date out of order whose day/month swap fits is corrected. Returns the order."""
        order = sorted(heads, key=lambda i: (int(i) if i.isdigit() else 10**9, i))
        for n, ident in enumerate(order):
            h = heads[ident]
            d = h["date"]
            if d.day > 12 or d.day == d.month:
                continue
            prev = heads[order[n - 1]]["date"] if n > 0 else None
            nxt = heads[order[n + 1]]["date"] if n + 1 < len(order) else None
            if prev is None or nxt is None or prev > nxt or prev <= d <= nxt:
                continue
            swapped = dt.date(d.year, d.day, d.month)
            if prev <= swapped <= nxt:
                h["date"] = swapped
                self.conflict(
                    ident,
                    "date",
                    d.isoformat(),
                    swapped.isoformat(),
                    swapped.isoformat(),
                    f"day and month swapped: {d} is out of order between IDs {order[n - 1]} ({prev}) "
                    f"and {order[n + 1]} ({nxt}); the swapped date fits",
                )
        return order

    def emit(self, heads: dict[str, dict[str, Any]], order: list[str]) -> SourceFrame:
        """7. One decisions row per draft ID and its member votes, without the quarantined rows."""
        decisions, votes = [], []
        for ident in order:
            h = heads[ident]
            rows = [r for r in h["rows"] if r["row"] not in self.bad_rows]
            if not rows:
                continue
            key = f"va{ident}"
            decisions.append(_decision_row(h, rows, key))
            raw = _text(h["first"].get("Submitted by"))
            if raw and decisions[-1]["sponsors"] is None:
                self.notes.append(
                    f"{self.path.name}: row {rows[0]['row']} (draft ID {ident}), field 'Submitted by': {raw!r} names "
                    "no sponsor; read as none"
                )
            votes += [
                {
                    "source": SOURCE,
                    "source_row": r["row"],
                    "key": key,
                    "member": r["member"],
                    "member_name": r["name"],
                    "vote": r["vote"],
                }
                for r in rows
            ]
        frame = SourceFrame.build(SOURCE, decisions, votes, self.issues)
        frame.notes = self.notes
        frame.conflicts = self.conflicts
        return frame


def _decision_row(h: dict[str, Any], rows: list[dict[str, Any]], key: str) -> dict[str, Any]:
    res = h["res"]
    first = h["first"]
    counts = {v: sum(1 for r in rows if r["vote"] == v) for v in "YNA"}
    without = h["modality"] == "without_vote"
    vetoed_by = []
    if h["failure"] == "veto":
        vetoed_by = sorted(r["member"] for r in rows if r["vote"] == "N" and is_permanent(r["member"]))
    return {
        "source": SOURCE,
        "source_row": rows[0]["row"],
        "key": key,
        "date": h["date"],
        "meeting": h["meeting"],
        "draft": h["draft"],
        "resolution": format_resolution(res[0], res[1] or h["date"].year) if res else None,
        "resolution_number": res[0] if res else None,
        "title": _text(first.get("Agenda item")) or None,
        "topic": _text(first.get("Topic")) or None,
        "sponsors": sponsors_cell(first.get("Submitted by")),
        "kind": h["kind"],
        "modality": h["modality"],
        "adopted": h["adopted"],
        "failure_reason": h["failure"],
        "yes": 0 if without else counts["Y"],
        "no": 0 if without else counts["N"],
        "abstain": 0 if without else counts["A"],
        "non_voting": 0 if without else None,
        "vetoed_by": vetoed_by,
        "link": None,
        "note": h["draft_note"] or (h["draft_text"] if h["draft_text"] and h["draft_text"] != h["draft"] else None),
    }
