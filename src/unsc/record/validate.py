"""Re-decide every recorded vote with the rules engine and explain each disagreement.

Decisions are re-decided from their member votes with :func:`unsc.rules.decide`, on the Council
of the date with its elected members from the membership file where that roster is complete and
holds every member that voted. The kind of a decision comes from the sources, or from
:data:`KNOWN_KINDS` for the adopted resolutions whose kind the sources do not say but the Charter
practice does (R13, R14, R22): the procedural and Art. 109(3) decisions that carry a permanent
member's negative vote. They are encoded as kinds, never as exceptions to the rules.

Each decision whose recorded outcome and rule outcome disagree, or which cannot be re-decided,
gets a ``validation`` row with a category:

* ``no_member_votes``: no source gives member votes (failed drafts before 1994 known only from
  veto lists or tallies);
* ``source_error``: a source row that the other sources or a documented fact contradicts
  (:data:`KNOWN_SOURCE_ERRORS`);
* ``no_date``: member votes but no date (no source dates the vote, no other decision of its
  meeting gives one and the meeting calendar does not list its meeting), so there is no Council
  to re-decide it on (none in a build with the DHL yearly tables);
* ``roster``: a member voted that the membership file does not seat that year;
* ``missing_from_sources``: a resolution number inside the covered range that no source has
  (:func:`resolution_gaps`), so the record says where it is incomplete;
* ``unexplained``: anything else, including a decision dated before the first day of its meeting
  in the Library's calendar (:func:`meeting_date_rows`: a vote cannot precede the meeting that
  took it). ``unsc validate`` must show none.

>>> KNOWN_KINDS[2623][0]
'convene_gaess_377'
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

from unsc.record.sources.frame import records
from unsc.record.sources.normalize import parse_drafts
from unsc.rules import Ballot, Council, RosterError, decide
from unsc.rules.members import UnknownMemberError

__all__ = [
    "KNOWN_KINDS",
    "KNOWN_SOURCE_ERRORS",
    "calendar_order_rows",
    "check_invariants",
    "draft_order_rows",
    "meeting_date_rows",
    "resolution_gaps",
    "split_meeting_rows",
    "validate",
    "variant_rows",
]

#: resolution number -> (kind, why). Decisions the Council took by a procedural (or Art. 109(3))
#: vote although a permanent member voted no (spec R13 regression list, R14, R15, R22).
KNOWN_KINDS: dict[int, tuple[str, str]] = {
    34: ("remove_item", "removal of the Greek question from the list of matters seized (R13, R24)"),
    87: ("invite_rule39", "invitation to the People's Republic of China under rule 39 (R15)"),
    88: ("invite_rule39", "invitation to the People's Republic of China under rule 39 (R15)"),
    110: ("art109_3_conference", "General Conference to review the Charter, Art. 109(3): any seven (R22)"),
    119: ("convene_gaess_377", "emergency special session of the GA, Suez (R14)"),
    120: ("convene_gaess_377", "emergency special session of the GA, Hungary (R14)"),
    129: ("convene_gaess_377", "emergency special session of the GA, Lebanon and Jordan (R14)"),
    132: ("procedural", "Laos subcommittee (subsidiary organ, Art. 29), ruled procedural (R13, R16)"),
    157: ("convene_gaess_377", "emergency special session of the GA, Congo (R14)"),
    303: ("convene_gaess_377", "referral to the GA, India-Pakistan (R14)"),
    462: ("convene_gaess_377", "emergency special session of the GA, Afghanistan (R14)"),
    500: ("convene_gaess_377", "emergency special session of the GA, occupied Arab territories (R14)"),
    2623: ("convene_gaess_377", "emergency special session of the GA, Ukraine (R14)"),
}

#: decision_id -> reason: rows a source gets wrong, checked against public facts.
KNOWN_SOURCE_ERRORS: dict[str, str] = {}


def _ballot_for(date: dt.date, votes: list[tuple[str, str]], kind: str, modality: str) -> Ballot:
    lists: dict[str, list[str]] = {"yes": [], "no": [], "abstain": [], "not_voting": []}
    key = {"Y": "yes", "N": "no", "A": "abstain", "X": "not_voting"}  # X without a reason: "did not vote"
    for m, v in votes:
        lists[key[v]].append(m)
    return Ballot.of(
        date,
        yes=lists["yes"],
        no=lists["no"],
        abstain=lists["abstain"],
        not_voting=lists["not_voting"],
        kind=kind,
        modality="recorded" if modality == "recorded" else "without_vote",
    )


def validate(
    decisions: pd.DataFrame,
    votes: pd.DataFrame,
    roster: Callable[[dt.date], list[str]] | None = None,
    meetings: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Fill ``rule_adopted``, ``rule_agrees`` and ``explanation``; return them and the validation rows.

    With the meeting calendar (``meetings``), a decision dated before its meeting is a row too
    (:func:`meeting_date_rows`).
    """
    out = decisions.copy()
    rule_adopted: list[bool | None] = []
    agrees: list[bool | None] = []
    explanation: list[str | None] = []
    kinds: list[str] = []
    rows: list[dict[str, Any]] = []
    by_decision: dict[str, list[tuple[str, str]]] = {}
    for did, m, v in votes[["decision_id", "member", "vote"]].itertuples(index=False):
        by_decision.setdefault(did, []).append((m, v))
    for rec in records(out):
        did = rec["decision_id"]
        kind = rec.get("kind") or "draft_resolution"
        rn: Any = rec.get("resolution_number")
        if rn is not None and not pd.isna(rn) and int(rn) in KNOWN_KINDS and kind == "draft_resolution":
            kind = KNOWN_KINDS[int(rn)][0]
        kinds.append(kind)
        date: Any = rec.get("date")
        recorded = rec.get("adopted")
        recorded = None if recorded is None or pd.isna(recorded) else bool(recorded)
        member_votes = by_decision.get(did, [])
        base = {"decision_id": did, "date": date, "recorded_adopted": recorded}
        if rec.get("modality") in ("without_vote", "acclamation"):
            d = decide(_ballot_for(date, [], kind, "without_vote"))
            rule_adopted.append(d.adopted)
            agrees.append(d.adopted == recorded if recorded is not None else None)
            explanation.append(d.explanation)
            continue
        if member_votes and (date is None or pd.isna(date)):
            rule_adopted.append(None)
            agrees.append(None)
            explanation.append(None)
            rows.append(
                base
                | {
                    "date": None,
                    "rule_adopted": None,
                    "category": "no_date",
                    "reason": f"{rec.get('votes_source')} gives member votes but no date ({rec.get('note') or 'no note'}); "
                    "no other source has this vote, no other decision of its meeting "
                    f"({rec.get('meeting') or 'unknown'}) is dated and the meeting calendar does not list it, so it "
                    "cannot be re-decided on the Council of its date",
                }
            )
            continue
        if not member_votes or date is None:
            rule_adopted.append(None)
            agrees.append(None)
            explanation.append(None)
            srcs = ", ".join(rec.get("sources") or [])
            tally: tuple[Any, Any, Any] = (rec.get("yes"), rec.get("no"), rec.get("abstain"))
            known = (
                "tally " + "-".join(str(int(x)) for x in tally) if not any(pd.isna(x) for x in tally) else "no tally"
            )
            rows.append(
                base
                | {
                    "rule_adopted": None,
                    "category": "no_member_votes",
                    "reason": f"no source gives member votes (sources: {srcs}; {known}; vetoed by "
                    f"{', '.join(rec.get('vetoed_by') or []) or 'none recorded'})",
                }
            )
            continue
        council, roster_note = _council(date, member_votes, roster)
        try:
            d = decide(_ballot_for(date, member_votes, kind, "recorded"), council)
        except (RosterError, UnknownMemberError) as e:
            council = Council.on(date)
            try:
                d = decide(_ballot_for(date, member_votes, kind, "recorded"), council)
            except (RosterError, UnknownMemberError) as e2:
                rule_adopted.append(None)
                agrees.append(None)
                explanation.append(None)
                rows.append(
                    base | {"rule_adopted": None, "category": "roster", "reason": f"cannot seat the votes: {e2}"}
                )
                continue
            roster_note = f"roster check failed ({e}); re-decided without the elected roster"
        rule_adopted.append(d.adopted)
        ok = None if recorded is None else d.adopted == recorded
        agrees.append(ok)
        expl = d.explanation
        if kind != (rec.get("kind") or "draft_resolution"):
            expl += f" Kind {kind}: {KNOWN_KINDS[int(rn)][1]}."
        explanation.append(expl)
        if roster_note:
            rows.append(base | {"rule_adopted": d.adopted, "category": "roster", "reason": roster_note})
        if ok is False:
            if did in KNOWN_SOURCE_ERRORS:
                cat, reason = "source_error", KNOWN_SOURCE_ERRORS[did]
            else:
                cat = "unexplained"
                reason = (
                    f"recorded {'adopted' if recorded else 'not adopted'}, rules say "
                    f"{'adopted' if d.adopted else 'not adopted'} ({d.tally}, votes from {rec.get('votes_source')}): "
                    f"{d.explanation}"
                )
            rows.append(base | {"rule_adopted": d.adopted, "category": cat, "reason": reason})
    out["kind"] = kinds
    out["voting_class"] = [_class(k) for k in kinds]
    out["rule_adopted"] = pd.array(rule_adopted, dtype="boolean")
    out["rule_agrees"] = pd.array(agrees, dtype="boolean")
    out["explanation"] = explanation
    explanation_by_id, invariant_rows = check_invariants(out, votes, rows)
    out["explanation"] = [explanation_by_id.get(d, e) for d, e in zip(out["decision_id"], explanation, strict=True)]
    invariant_rows += _served_text_and_date_rows(out, votes, meetings)
    return out, rows + invariant_rows


def _served_text_and_date_rows(
    decisions: pd.DataFrame, votes: pd.DataFrame, meetings: pd.DataFrame | None
) -> list[dict[str, Any]]:
    """The invariants over the whole record beyond one decision's counts: dates against the calendar, names, text."""
    out = meeting_date_rows(decisions, meetings) + calendar_order_rows(meetings) if meetings is not None else []
    out += variant_rows(decisions, meetings) + split_meeting_rows(decisions)
    return (
        out
        + member_name_rows(decisions, votes)
        + spelling_rows(decisions)
        + sponsor_rows(decisions, votes)
        + draft_order_rows(decisions)
    )


def draft_order_rows(decisions: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each draft symbol the record serves as certain although it is not: out of the
    order of its year's numbering (``draft_out_of_order``), or one of several documents the source's cell
    names (``draft_among_several``).

    A draft out of order (:func:`unsc.record.crosscheck.drafts_out_of_order`) is either confirmed by a
    record (:data:`~unsc.record.crosscheck.DRAFTS_VOTED_LATE`), corrected by an erratum, or served with a
    note that it is uncertain (:func:`~unsc.record.crosscheck.flag_drafts_out_of_order`); anything else is
    a symbol taken from another document without a word of doubt.

    >>> import datetime as dt
    >>> days = [dt.date(2015, m, 1) for m in (2, 3, 4, 5, 6, 8)]
    >>> dec = pd.DataFrame({"decision_id": list("abcdef"), "date": days, "adopted": [True] * 6, "note": [None] * 6,
    ...     "draft": ["S/2015/80", "S/2015/150", "S/2015/250", "S/2015/350", "S/2015/450", "S/2015/138"]})
    >>> [(r["decision_id"], r["reason"].split(":")[0]) for r in draft_order_rows(dec)]
    [('f', 'draft_out_of_order')]
    >>> dec.loc[0, "note"] = "S/2015/80; S/2015/95"
    >>> [(r["decision_id"], r["reason"].split(":")[0]) for r in draft_order_rows(dec)]
    [('f', 'draft_out_of_order'), ('a', 'draft_among_several')]
    """
    from unsc.record.crosscheck import DRAFT_ORDER_NOTE, DRAFTS_VOTED_LATE, drafts_out_of_order

    if "draft" not in decisions or decisions.empty:
        return []
    found = drafts_out_of_order(decisions)
    out_of_order: list[dict[str, Any]] = []
    among_several: list[dict[str, Any]] = []
    notes = decisions["note"] if "note" in decisions else [None] * len(decisions)
    for did, draft, day, adopted, note in zip(
        decisions["decision_id"], decisions["draft"], decisions["date"], decisions["adopted"], notes, strict=True
    ):
        noted = isinstance(note, str) and note.startswith(DRAFT_ORDER_NOTE)
        if did in found and draft not in DRAFTS_VOTED_LATE and not noted:
            reason = f"draft_out_of_order: {found[did]}; served without a note that the symbol is uncertain"
            out_of_order.append(_unexplained(did, day, adopted, reason))
        if isinstance(note, str) and _SYMBOL_LIST.fullmatch(note) and len(parse_drafts(note)) > 1:
            reason = (
                f"draft_among_several: the source's cell {note!r} names several documents and {draft} is served "
                "as the draft without a note that the choice is uncertain"
            )
            among_several.append(_unexplained(did, day, adopted, reason))
    return out_of_order + among_several


#: a note that is nothing but a source's list of document symbols ("S/2018/1088; S/2018/1143")
_SYMBOL_LIST = re.compile(r"\s*S/\d{4}/\d+(?:\s*[;,]\s*S/\d{4}/\d+)+\s*")


def _unexplained(did: Any, date: Any, adopted: Any, reason: str, rule_adopted: bool | None = None) -> dict[str, Any]:
    """A validation row of category ``unexplained``: a decision that breaks an invariant, with why."""
    recorded = None if adopted is None or pd.isna(adopted) else bool(adopted)
    return {"decision_id": did, "date": date, "recorded_adopted": recorded, "rule_adopted": rule_adopted,
            "category": "unexplained", "reason": reason}  # fmt: skip


def spelling_rows(decisions: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each decision whose title or topic keeps a misspelling the record knows.

    >>> import datetime as dt
    >>> dec = pd.DataFrame({"decision_id": ["S/2023/64"], "date": [dt.date(2023, 1, 30)], "adopted": [True],
    ...     "title": ["The sitution in Cyprus"], "topic": ["Cyprus"]})
    >>> [r["reason"] for r in spelling_rows(dec)]
    ["misspelt_text: title 'sitution' (crosscheck.TYPOS)"]
    """
    from unsc.record.crosscheck import misspellings

    out: list[dict[str, Any]] = []
    cols = [c for c in ("title", "topic") if c in decisions]
    for rec in records(decisions[["decision_id", "date", "adopted", *cols]]):
        found = [f"{c} {w!r}" for c in cols for w in misspellings(rec.get(c))]
        if found:
            reason = f"misspelt_text: {', '.join(found)} (crosscheck.TYPOS)"
            out.append(_unexplained(rec["decision_id"], rec.get("date"), rec.get("adopted"), reason))
    return out


def member_name_rows(decisions: pd.DataFrame, votes: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each decision serving a member under a name its state did not bear that day.

    A vote of Zaire served as "Democratic Republic of the Congo", of the USSR as "Russian Federation",
    or under no name of its state at all: :func:`unsc.rules.members.name_fits` says which.

    >>> import datetime as dt
    >>> dec = pd.DataFrame({"decision_id": ["S/RES/688(1991)"], "date": [dt.date(1991, 4, 5)], "adopted": [True]})
    >>> v = pd.DataFrame({"decision_id": ["S/RES/688(1991)"] * 2, "member": ["ZAR", "CUB"],
    ...     "member_name": ["Democratic Republic of the Congo", "Cuba"]})
    >>> [r["reason"].split(":")[0] for r in member_name_rows(dec, v)]
    ['member_name_of_another_time']
    """
    from unsc.rules.members import name_fits

    if votes.empty or "member_name" not in votes:
        return []
    info = {
        did: (None if d is None or pd.isna(d) else pd.Timestamp(d).date(), a)
        for did, d, a in zip(decisions["decision_id"], decisions["date"], decisions["adopted"], strict=True)
    }
    wrong: dict[str, list[str]] = {}
    for did, code, name in zip(votes["decision_id"], votes["member"], votes["member_name"], strict=True):
        when = info.get(did, (None, None))[0]
        if not name_fits(code, name, when):
            wrong.setdefault(did, []).append(f"{code} as {name!r}")
    out: list[dict[str, Any]] = []
    for did, items in sorted(wrong.items()):
        when, adopted = info.get(did, (None, None))
        reason = (
            f"member_name_of_another_time: {', '.join(items)} on {when}, a name the state did not bear that day "
            "(unsc.rules.members.NAMES_OF_THE_TIME)"
        )
        out.append(_unexplained(did, when, adopted, reason))
    return out


def sponsor_rows(decisions: pd.DataFrame, votes: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each decision whose sponsors contradict the rest of the record.

    * ``sponsor_name_of_another_time``: a sponsor named by a name it did not bear on the day of the
      vote (:func:`unsc.record.crosscheck.sponsor_of_the_time`), such as the Russian Federation for the
      USSR's drafts;
    * ``sponsor_voted_against``: a sponsor that voted against its own text. A sponsor may abstain or
      stay away, but a Council member does not submit a text and vote it down: the row names a vote
      on something else filed under the text's symbol, or sponsors copied from another draft.

    >>> import datetime as dt
    >>> dec = pd.DataFrame({"decision_id": ["d"], "date": [dt.date(2017, 11, 16)], "adopted": [False],
    ...     "sponsors": ["United States"]})
    >>> v = pd.DataFrame({"decision_id": ["d", "d"], "member": ["USA", "RUS"], "vote": ["N", "Y"]})
    >>> [r["reason"].split(":")[0] for r in sponsor_rows(dec, v)]
    ['sponsor_voted_against']
    """
    from unsc.record.crosscheck import sponsor_names, sponsor_of_the_time
    from unsc.record.merge import sponsor_codes

    if "sponsors" not in decisions or decisions.empty:
        return []
    against: dict[str, set[str]] = {}
    has_votes = not votes.empty and {"decision_id", "member", "vote"} <= set(votes.columns)
    for did, code, vote in (
        zip(*(votes[c] for c in ("decision_id", "member", "vote")), strict=True) if has_votes else ()
    ):
        if vote == "N":
            against.setdefault(did, set()).add(code)
    out: list[dict[str, Any]] = []
    for did, day, adopted, text in zip(
        decisions["decision_id"], decisions["date"], decisions["adopted"], decisions["sponsors"], strict=True
    ):
        if not isinstance(text, str) or not text.strip() or day is None or pd.isna(day):
            continue
        when = pd.Timestamp(day).date()
        names = sponsor_names(text)
        problems = [f"sponsor_name_of_another_time: {n!r} on {when}" for n in names if sponsor_of_the_time(n, when)]
        voted_no = sorted(sponsor_codes(text) & against.get(did, set()))
        if voted_no:
            problems.append(f"sponsor_voted_against: {', '.join(voted_no)}, listed as sponsor, voted against the text")
        out += [_unexplained(did, when, adopted, problem) for problem in problems]
    return out


def variant_rows(decisions: pd.DataFrame, meetings: pd.DataFrame | None = None) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each decision whose title or topic is one of two spellings of an agenda item
    the record serves (:func:`unsc.record.crosscheck.spelling_variants`): one item, one spelling.

    >>> import datetime as dt
    >>> dec = pd.DataFrame({"decision_id": ["a", "b"], "date": [dt.date(1950, 1, 1)] * 2, "adopted": [True] * 2,
    ...     "title": ["Admission of new Members", "Admission of new members"], "topic": [None, None]})
    >>> [(r["decision_id"], r["reason"].split(":")[0]) for r in variant_rows(dec)]
    [('a', 'agenda_spelled_two_ways'), ('b', 'agenda_spelled_two_ways')]
    """
    from unsc.record.crosscheck import agenda_key, spelling_variants

    variants = spelling_variants(decisions, meetings)
    if not variants:
        return []
    out: list[dict[str, Any]] = []
    cols = [c for c in ("title", "topic") if c in decisions]
    for rec in records(decisions[["decision_id", "date", "adopted", *cols]]):
        keys = {agenda_key(rec.get(c)) for c in cols} - {None}
        for k in sorted(k for k in keys if k in variants):
            reason = f"agenda_spelled_two_ways: the record spells this agenda item {' / '.join(map(repr, variants[k]))}"
            out.append(_unexplained(rec["decision_id"], rec.get("date"), rec.get("adopted"), reason))
    return out


def split_meeting_rows(decisions: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each vote of a meeting the record dates on several days that is served on a
    day no one has checked: without a ``date_note`` and without a cited erratum (``errata`` among its sources).

    >>> import datetime as dt
    >>> dec = pd.DataFrame({"decision_id": ["a", "b"], "meeting": ["S/PV.942"] * 2, "adopted": [True, False],
    ...     "date": [dt.date(1961, 2, 21), dt.date(1961, 2, 20)], "date_note": [None, None],
    ...     "sources": [["undl_wide", "errata"], ["dhl_meetings"]]})
    >>> [(r["decision_id"], r["reason"].split(":")[0]) for r in split_meeting_rows(dec)]
    [('b', 'meeting_on_two_days')]
    """
    from unsc.record.crosscheck import split_meetings

    if "meeting" not in decisions or decisions.empty:
        return []
    split = split_meetings(decisions)
    out: list[dict[str, Any]] = []
    notes = decisions["date_note"] if "date_note" in decisions else [None] * len(decisions)
    srcs = decisions["sources"] if "sources" in decisions else [[]] * len(decisions)
    for did, m, day, adopted, note, src in zip(
        decisions["decision_id"],
        decisions["meeting"],
        decisions["date"],
        decisions["adopted"],
        notes,
        srcs,
        strict=True,
    ):
        if m not in split or (isinstance(note, str) and note) or "errata" in list(src if src is not None else []):
            continue
        days = ", ".join(x.isoformat() for x in split[m])
        reason = f"meeting_on_two_days: {m} has votes dated {days}; this one is served without a note or a citation"
        out.append(_unexplained(did, pd.Timestamp(day).date(), adopted, reason))
    return out


def calendar_order_rows(meetings: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row (named by the meeting) for each meeting of the calendar dated out of the order of
    the meeting numbers (:func:`unsc.record.crosscheck.meetings_out_of_order`) without a note saying so.

    >>> import datetime as dt
    >>> cal = pd.DataFrame({"meeting": ["S/PV.3310", "S/PV.3311", "S/PV.3312"], "note": [None] * 3,
    ...     "date": [dt.date(1993, 11, 10), dt.date(1993, 10, 30), dt.date(1993, 11, 11)]})
    >>> [(r["decision_id"], r["reason"].split(":")[0]) for r in calendar_order_rows(cal)]
    [('S/PV.3311', 'meeting_out_of_order')]
    """
    from unsc.record.crosscheck import CALENDAR_ORDER_NOTE, meetings_out_of_order

    if meetings.empty or "meeting" not in meetings:
        return []
    found = meetings_out_of_order(meetings)
    notes = dict(zip(meetings["meeting"], meetings["note"], strict=True)) if "note" in meetings else {}
    days = dict(zip(meetings["meeting"], meetings["date"], strict=True))
    out: list[dict[str, Any]] = []
    for m, why in sorted(found.items()):
        note = notes.get(m)
        if isinstance(note, str) and note.startswith(CALENDAR_ORDER_NOTE):
            continue
        reason = f"meeting_out_of_order: the calendar's {m} is {why}; served without a note that the day is uncertain"
        out.append(_unexplained(m, pd.Timestamp(days[m]).date(), None, reason))
    return out


def meeting_date_rows(decisions: pd.DataFrame, meetings: pd.DataFrame) -> list[dict[str, Any]]:
    """An ``unexplained`` row for each decision dated before the first day of its meeting in the calendar.

    A meeting that runs past midnight may adopt on the day after it opened (resolution 338 (1973)),
    but no vote is taken before its meeting opens: such a date is wrong, whichever source gave it.

    >>> import datetime as dt
    >>> cal = pd.DataFrame({"meeting": ["S/PV.5040"], "date": [dt.date(2004, 9, 18)], "end_date": [None]})
    >>> dec = pd.DataFrame({"decision_id": ["S/2004/744", "S/2004/745"], "meeting": ["S/PV.5040", "S/PV.5040"],
    ...     "date": [dt.date(2004, 9, 17), dt.date(2004, 9, 19)], "adopted": [True, True]})
    >>> [(r["decision_id"], r["reason"].split(",")[0]) for r in meeting_date_rows(dec, cal)]
    [('S/2004/744', 'date_before_meeting: dated 2004-09-17')]
    """
    first: dict[str, dt.date] = {}
    for m, d in zip(meetings["meeting"], meetings["date"], strict=True):
        if isinstance(m, str) and d is not None and not pd.isna(d):
            day = pd.Timestamp(d).date()
            first[m] = min(first.get(m, day), day)
    out: list[dict[str, Any]] = []
    for did, m, d, adopted in zip(
        decisions["decision_id"], decisions["meeting"], decisions["date"], decisions["adopted"], strict=True
    ):
        if not isinstance(m, str) or m not in first or d is None or pd.isna(d):
            continue
        day = pd.Timestamp(d).date()
        if day < first[m]:
            reason = (
                f"date_before_meeting: dated {day.isoformat()}, before its meeting {m} opened on "
                f"{first[m].isoformat()} (the Library's meeting calendar); a vote cannot precede its meeting"
            )
            out.append(_unexplained(did, day, adopted, reason))
    return out


def check_invariants(
    decisions: pd.DataFrame, votes: pd.DataFrame, rows: list[dict[str, Any]] | None = None
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Every decision as a :class:`~unsc.record.decision.RecordedDecision`: its explanation, and a row per broken invariant.

    The invariants are those of :meth:`RecordedDecision.problems` (counts vs member rows, vetoers
    voted no, draft year vs vote year, outcome vs rule) and, over the whole record, no two
    decisions sharing a draft symbol unless :data:`unsc.record.merge.SHARED_DRAFTS` cites why. A
    problem with a cited reason (a ``source_error`` row, a :data:`KNOWN_KINDS` kind) is not
    repeated; anything else is ``unexplained``.
    """
    from unsc.record.decision import RecordedDecision
    from unsc.record.merge import SHARED_DRAFTS

    cited = {r["decision_id"]: r["reason"] for r in rows or [] if r["category"] == "source_error"}
    by_decision: dict[str, list[dict[str, Any]]] = {}
    cols = [c for c in ("member", "member_name", "permanent", "vote", "source", "non_voting_reason") if c in votes]
    for v in records(votes[["decision_id", *cols]]):
        by_decision.setdefault(v["decision_id"], []).append(v)
    expl: dict[str, str] = {}
    out: list[dict[str, Any]] = []
    for rec in records(decisions):
        did = rec["decision_id"]
        rd = RecordedDecision.from_row(rec, by_decision.get(did, []), exception=cited.get(did))
        expl[did] = rd.explanation
        for problem in rd.problems():
            if problem.startswith("outcome_vs_rule") and any(
                r["decision_id"] == did and r["category"] == "unexplained" for r in rows or []
            ):
                continue  # already reported with the rules' reasoning
            ruled = rd.ruling.adopted if rd.ruling is not None else None
            out.append(_unexplained(did, rd.date, rd.adopted, problem, ruled))
    dates = dict(zip(decisions["decision_id"], decisions["date"], strict=True))
    by_draft: dict[str, list[str]] = {}
    for draft, did in zip(decisions["draft"], decisions["decision_id"], strict=True):
        if isinstance(draft, str):
            by_draft.setdefault(draft, []).append(did)
    for draft, ids in sorted(by_draft.items()):
        if len(ids) < 2:
            continue
        for did in ids:
            reason = SHARED_DRAFTS.get(str(draft))
            out.append(
                {
                    "decision_id": did,
                    "date": dates.get(did),
                    "recorded_adopted": None,
                    "rule_adopted": None,
                    "category": "shared_draft" if reason else "unexplained",
                    "reason": f"the draft symbol {draft} also names {', '.join(x for x in ids if x != did)}: "
                    + (reason or "shared_draft: no cited reason"),
                }
            )
    return expl, out


def resolution_gaps(decisions: pd.DataFrame) -> list[dict[str, Any]]:
    """Validation rows for resolution numbers between 1 and the highest recorded that no source has.

    >>> rows = resolution_gaps(pd.DataFrame({"resolution_number": [1, 2, 4], "adopted": [True] * 3}))
    >>> [(r["decision_id"], r["category"]) for r in rows]
    [('S/RES/3', 'missing_from_sources')]
    """
    numbers = {int(n) for n in decisions["resolution_number"].dropna()}
    if not numbers:
        return []
    top = max(numbers)
    return [
        {
            "decision_id": f"S/RES/{n}",
            "date": None,
            "recorded_adopted": None,
            "rule_adopted": None,
            "category": "missing_from_sources",
            "reason": f"resolution {n} is in the numbered range 1-{top} but no source in the data has it "
            "(the record is incomplete here; the official UNDL voting data would fill it)",
        }
        for n in sorted(set(range(1, top + 1)) - numbers)
    ]


def _class(kind: str) -> str:
    from unsc.rules import Kind

    try:
        return Kind.parse(kind).default_class.value
    except ValueError:
        return "non_procedural"


def _council(
    date: dt.date, member_votes: list[tuple[str, str]], roster: Callable[[dt.date], list[str]] | None
) -> tuple[Council, str | None]:
    base = _charter_council(date)
    if roster is None:
        return base, None
    seated = roster(date)
    elected = [c for c in seated if c not in base.permanent]
    if len(elected) != base.size - 5:
        return base, None  # incomplete roster (a blank name in the membership file): no roster check
    voters = {m for m, _ in member_votes}
    strangers = sorted(voters - set(seated))
    if strangers:
        return base, f"voted but not seated in the membership file for {date.year}: {', '.join(strangers)}"
    return _charter_council(date, tuple(elected)), None


@functools.lru_cache(maxsize=4096)
def _charter_council(date: dt.date, elected: tuple[str, ...] | None = None) -> Council:
    """:meth:`Council.on`, once per date and roster (a Council is an immutable value)."""
    return Council.on(date, elected=elected)
