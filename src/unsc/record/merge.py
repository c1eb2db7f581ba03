"""Merge the readers' frames into one record: decisions, votes, vetoes, conflicts.

Each source decision is matched to a record entity by resolution number, then draft symbol, then
(meeting, vetoing members), then (date, tally) for an adopted draft whose source gives no
resolution number. Each field is then chosen from the sources in the order of
:data:`PRECEDENCE`; every other source that gives a different value becomes a ``conflicts`` row
naming both values, the chosen one and why.

>>> PRECEDENCE["votes"][:2]
('undl_csv', 'undl_wide')
>>> pick("tally", {"voting_agent": (12, 2, 1), "undl_wide": (13, 1, 1)})
('undl_wide', (13, 1, 1))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from unsc.record.sources.base import SourceFrame
from unsc.record.sources.common import resolution_id

__all__ = ["PRECEDENCE", "Entity", "MergeResult", "merge", "pick"]

#: Which source wins for each field, best first. A source not listed for a field never sets it.
PRECEDENCE: dict[str, tuple[str, ...]] = {
    "votes": ("undl_csv", "undl_wide", "voting_agent", "tong_failed"),
    "vetoed_by": ("dhl_veto", "dhl_meetings", "voting_agent", "wpdl_veto", "tong_failed", "tong_meetings"),
    "tally": ("undl_csv", "undl_wide", "dhl_meetings", "voting_agent", "tong_failed", "tong_meetings"),
    "adopted": (
        "undl_csv",
        "undl_wide",
        "dhl_veto",
        "dhl_meetings",
        "voting_agent",
        "wpdl_veto",
        "tong_failed",
        "tong_meetings",
    ),
    "date": (
        "undl_csv",
        "undl_wide",
        "dhl_veto",
        "dhl_meetings",
        "voting_agent",
        "wpdl_veto",
        "tong_failed",
        "tong_meetings",
    ),
    "meeting": ("undl_csv", "dhl_veto", "dhl_meetings", "voting_agent", "wpdl_veto", "tong_failed", "tong_meetings"),
    "draft": ("undl_csv", "voting_agent", "dhl_veto", "dhl_meetings", "wpdl_veto", "tong_failed", "tong_meetings"),
    "resolution": ("undl_csv", "undl_wide", "dhl_meetings", "voting_agent", "tong_meetings"),
    "title": (
        "undl_csv",
        "undl_wide",
        "dhl_meetings",
        "dhl_veto",
        "voting_agent",
        "wpdl_veto",
        "tong_failed",
        "tong_meetings",
    ),
    "topic": ("voting_agent", "wpdl_veto", "undl_csv", "dhl_meetings", "tong_meetings"),
    "sponsors": ("voting_agent", "tong_failed", "dhl_meetings", "undl_csv"),
    "modality": ("undl_csv", "undl_wide", "dhl_meetings", "voting_agent", "tong_meetings"),
    "kind": ("dhl_veto", "dhl_meetings", "voting_agent", "undl_csv", "undl_wide", "wpdl_veto", "tong_failed"),
    "link": ("undl_csv", "undl_wide", "dhl_meetings", "dhl_veto"),
}

#: The order in which sources are matched (the first creates entities; later ones join them).
MATCH_ORDER: tuple[str, ...] = (
    "undl_csv",
    "undl_wide",
    "voting_agent",
    "dhl_meetings",
    "dhl_veto",
    "wpdl_veto",
    "tong_failed",
    "tong_meetings",
)


def pick(field_name: str, values: dict[str, Any]) -> tuple[str, Any] | tuple[None, None]:
    """The (source, value) that wins for a field among the sources' non-missing values."""
    for s in PRECEDENCE[field_name]:
        if s in values and not _missing(values[s]):
            return s, values[s]
    for s, v in values.items():  # a source not in the list: only when nobody else has it
        if not _missing(v) and s not in PRECEDENCE[field_name]:
            return s, v
    return None, None


def _missing(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and pd.isna(v):
        return True
    if v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, str) and not v.strip()


@dataclass
class Entity:
    """One vote taken: the source records matched to it and their member votes."""

    n: int
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    votes: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    decision_id: str | None = None

    def values(self, col: str) -> dict[str, Any]:
        return {s: r.get(col) for s, r in self.records.items()}

    def first(self, col: str) -> Any:
        for r in self.records.values():
            v = r.get(col)
            if not _missing(v):
                return v
        return None


@dataclass
class MergeResult:
    """The merged tables (before validation) and the bookkeeping."""

    decisions: pd.DataFrame
    votes: pd.DataFrame
    vetoes: pd.DataFrame
    conflicts: list[dict[str, Any]]
    merged_rows: dict[str, int]


def _clean(v: Any) -> Any:
    return None if _missing(v) else v


def _as_int(v: Any) -> int | None:
    return None if _missing(v) else int(v)


def merge(
    frames: Iterable[SourceFrame],
    roster: Callable[[dt.date], list[str]] | None = None,
    council_size: Callable[[dt.date], int] | None = None,
) -> MergeResult:
    """Match, choose and compare: the merged decisions, votes and vetoes, and every conflict."""
    by_source: dict[str, SourceFrame] = {}
    for f in frames:
        by_source[f.source] = f
    entities: list[Entity] = []
    by_res: dict[int, Entity] = {}
    by_draft: dict[str, Entity] = {}
    by_meeting: dict[str, list[Entity]] = {}
    by_date: dict[dt.date, list[Entity]] = {}
    conflicts: list[dict[str, Any]] = []
    merged_rows: dict[str, int] = {}

    def index(e: Entity, rec: dict[str, Any]) -> None:
        rn = _clean(rec.get("resolution_number"))
        if rn is not None:
            by_res.setdefault(int(rn), e)
        d = _clean(rec.get("draft"))
        if d is not None and d not in by_draft:
            by_draft[d] = e
        m = _clean(rec.get("meeting"))
        if m is not None:
            lst = by_meeting.setdefault(m, [])
            if e not in lst:
                lst.append(e)
        dd = _clean(rec.get("date"))
        if dd is not None:
            lst = by_date.setdefault(dd, [])
            if e not in lst:
                lst.append(e)

    order = [s for s in MATCH_ORDER if s in by_source] + [s for s in by_source if s not in MATCH_ORDER]
    for source in order:
        f = by_source[source]
        votes_by_key: dict[Any, dict[str, tuple[str, str]]] = {}
        for v in f.votes.to_dict("records"):
            votes_by_key.setdefault(v["key"], {})[v["member"]] = (v["member_name"], v["vote"])
        merged_rows[source] = 0
        for rec in f.decisions.to_dict("records"):
            rec = {k: _clean(v) if k != "vetoed_by" else (v if isinstance(v, list) else []) for k, v in rec.items()}
            e = _match(rec, source, by_res, by_draft, by_meeting, by_date)
            if e is None:
                e = Entity(len(entities))
                entities.append(e)
            e.records[source] = rec
            if rec["key"] in votes_by_key:
                e.votes[source] = votes_by_key[rec["key"]]
            index(e, rec)
            merged_rows[source] += 1

    # ids: draft symbol if unique, else resolution, else meeting#n, else source key
    used: set[str] = set()
    meeting_n: dict[str, int] = {}
    draft_owner: dict[str, int] = {}
    for e in entities:
        _, draft = pick("draft", e.values("draft"))
        if draft and draft not in draft_owner:
            draft_owner[draft] = e.n
    for e in entities:
        _, draft = pick("draft", e.values("draft"))
        rn = e.first("resolution_number")
        date = pick("date", e.values("date"))[1]
        meeting = pick("meeting", e.values("meeting"))[1]
        did = None
        if draft and draft_owner.get(draft) == e.n and draft not in used:
            did = draft
        elif rn is not None:
            did = resolution_id(int(rn), date.year if date else None)
            if draft:
                conflicts.append(
                    {
                        "entity": did,
                        "field": "draft",
                        "source_a": ",".join(s for s, r in e.records.items() if r.get("draft") == draft),
                        "value_a": draft,
                        "source_b": "record",
                        "value_b": f"draft also given for {draft_owner.get(draft) is not None and _label(entities[draft_owner[draft]])}",
                        "chosen": draft,
                        "reason": "two decisions name the same draft symbol; the id falls back to the resolution",
                    }
                )
        if did is None and meeting:
            k = meeting_n.get(meeting, 0) + 1
            meeting_n[meeting] = k
            did = f"{meeting}#{k}"
        if did is None:
            s, r = next(iter(e.records.items()))
            did = f"{s}:{r['key']}"
        while did in used:
            did += "'"
        used.add(did)
        e.decision_id = did

    decisions, votes, vetoes = [], [], []
    for e in entities:
        row, vrows, vetorows = _resolve(e, conflicts, roster, council_size)
        decisions.append(row)
        votes.extend(vrows)
        vetoes.extend(vetorows)
    dec = pd.DataFrame(decisions)
    vot = pd.DataFrame(votes, columns=["decision_id", "member", "member_name", "permanent", "vote", "source"])
    vet = pd.DataFrame(
        vetoes,
        columns=[
            "decision_id",
            "date",
            "draft",
            "meeting",
            "title",
            "member",
            "member_name",
            "in_dhl_list",
            "sources",
            "note",
        ],
    )
    for fr in by_source.values():
        conflicts.extend(fr.conflicts)
    return MergeResult(dec, vot, vet, conflicts, merged_rows)


def _label(e: Entity) -> str:
    rn = e.first("resolution_number")
    return f"resolution {rn}" if rn is not None else str(e.first("draft") or e.first("meeting"))


def _match(
    rec: dict[str, Any],
    source: str,
    by_res: dict[int, Entity],
    by_draft: dict[str, Entity],
    by_meeting: dict[str, list[Entity]],
    by_date: dict[dt.date, list[Entity]],
) -> Entity | None:
    rn = rec.get("resolution_number")
    if rn is not None:
        e = by_res.get(int(rn))
        if e is not None and source not in e.records:
            return e
        return None
    draft = rec.get("draft")
    if draft is not None:
        e = by_draft.get(draft)
        if e is not None and source not in e.records and _same_kind(e, rec):
            return e
        if e is not None:
            return None
    meeting = rec.get("meeting")
    if meeting is not None and rec.get("adopted") is False:
        cands = [
            e
            for e in by_meeting.get(meeting, [])
            if source not in e.records
            and e.first("adopted") is False
            and (not rec.get("vetoed_by") or set(rec["vetoed_by"]) & set(_all_vetoers(e)))
            and (draft is None or e.first("draft") is None)
        ]
        if len(cands) >= 1:
            return cands[0]
    if rec.get("adopted") and rec.get("date") is not None and rn is None:
        tally = (rec.get("yes"), rec.get("no"), rec.get("abstain"))
        cands = [
            e
            for e in by_date.get(rec["date"], [])
            if source not in e.records
            and e.first("resolution_number") is not None
            and e.first("draft") is None
            and (rec.get("modality") == "without_vote" or (e.first("yes"), e.first("no"), e.first("abstain")) == tally)
        ]
        if len(cands) == 1:
            return cands[0]
    return None


def _same_kind(e: Entity, rec: dict[str, Any]) -> bool:
    kinds = {r.get("kind") for r in e.records.values()}
    return rec.get("kind") in kinds or not ({"amendment"} & (kinds | {rec.get("kind")}))


def _all_vetoers(e: Entity) -> list[str]:
    return [m for r in e.records.values() for m in (r.get("vetoed_by") or [])]


_P5 = {"CHN", "FRA", "GBR", "USA", "RUS", "SUN"}


def _fmt(v: Any) -> str:
    if isinstance(v, list | tuple):
        return ", ".join(str(x) for x in v) if v else "none"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _resolve(
    e: Entity,
    conflicts: list[dict[str, Any]],
    roster: Callable[[dt.date], list[str]] | None,
    council_size: Callable[[dt.date], int] | None,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    did = e.decision_id

    def choose(fieldname: str, col: str | None = None, compare: bool = True) -> tuple[str | None, Any]:
        vals = {s: v for s, v in e.values(col or fieldname).items() if not _missing(v)}
        s, v = pick(fieldname, vals)
        if compare and s is not None:
            for other, ov in vals.items():
                if other != s and ov != v:
                    conflicts.append(
                        {
                            "entity": did,
                            "field": col or fieldname,
                            "source_a": s,
                            "value_a": _fmt(v),
                            "source_b": other,
                            "value_b": _fmt(ov),
                            "chosen": _fmt(v),
                            "reason": f"precedence for {fieldname}: {' > '.join(x for x in PRECEDENCE[fieldname] if x in vals)}",
                        }
                    )
        return s, v

    _, date = choose("date")
    _, meeting = choose("meeting")
    _, draft = choose("draft")
    _, resolution = choose("resolution")
    _, title = choose("title", compare=False)
    _, topic = choose("topic", compare=False)
    _, sponsors = choose("sponsors", compare=False)
    _, link = choose("link", compare=False)
    _, modality = choose("modality")
    _, adopted = choose("adopted")
    _, kind = choose("kind")
    kind = kind or "draft_resolution"
    modality = modality or "recorded"

    # tallies: one tuple per source, compared as a whole
    tallies = {
        s: (r.get("yes"), r.get("no"), r.get("abstain"))
        for s, r in e.records.items()
        if not any(_missing(x) for x in (r.get("yes"), r.get("no"), r.get("abstain")))
    }
    tally_src, tally = pick("tally", tallies)
    for other, t in tallies.items():
        if other != tally_src and tuple(map(int, t)) != tuple(map(int, tally)):
            if modality == "without_vote" or e.records[other].get("modality") == "without_vote":
                continue  # a without-vote adoption coded as all Y by one source, all X by another
            conflicts.append(
                {
                    "entity": did,
                    "field": "tally",
                    "source_a": tally_src,
                    "value_a": "-".join(str(int(x)) for x in tally),
                    "source_b": other,
                    "value_b": "-".join(str(int(x)) for x in t),
                    "chosen": "-".join(str(int(x)) for x in tally),
                    "reason": f"precedence for tallies: {' > '.join(x for x in PRECEDENCE['tally'] if x in tallies)}",
                }
            )
    non_voting = None
    if tally_src is not None:
        non_voting = e.records[tally_src].get("non_voting")
        if _missing(non_voting) and date is not None and council_size is not None and modality != "without_vote":
            non_voting = council_size(date) - sum(int(x) for x in tally)

    # member votes
    candidates = {s: v for s, v in e.votes.items() if v}
    vote_src, chosen_votes = pick("votes", candidates)
    if chosen_votes and roster is not None and date is not None:
        seated = set(roster(date))
        if len(seated) == (council_size(date) if council_size else len(seated)):
            fits = {s: v for s, v in candidates.items() if set(v) <= seated}
            strangers = sorted(set(chosen_votes) - seated)
            if strangers and fits:
                better, better_votes = pick("votes", fits)
                conflicts.append(
                    {
                        "entity": did,
                        "field": "votes",
                        "source_a": vote_src,
                        "value_a": f"names members not on the Council in {date.year}: {', '.join(strangers)}",
                        "source_b": better,
                        "value_b": f"{len(better_votes)} member votes, all seated",
                        "chosen": better,
                        "reason": "the member votes of the preferred source name states that did not sit that year; "
                        "the next source whose votes fit the membership is used",
                    }
                )
                vote_src, chosen_votes = better, better_votes
    vote_rows: list[dict[str, Any]] = []
    if chosen_votes and modality != "without_vote":
        for other, ov in e.votes.items():
            if other == vote_src:
                continue
            for m, (_name, v) in ov.items():
                mine = chosen_votes.get(m)
                if mine is not None and mine[1] != v:
                    conflicts.append(
                        {
                            "entity": did,
                            "field": f"vote:{m}",
                            "source_a": vote_src,
                            "value_a": mine[1],
                            "source_b": other,
                            "value_b": v,
                            "chosen": mine[1],
                            "reason": f"precedence for member votes: {vote_src} > {other}",
                        }
                    )
        for m, (name, v) in sorted(chosen_votes.items()):
            vote_rows.append(
                {
                    "decision_id": did,
                    "member": m,
                    "member_name": name,
                    "permanent": m in _P5,
                    "vote": v,
                    "source": vote_src,
                }
            )
        if roster is not None and date is not None and vote_src in ("voting_agent", "tong_failed"):
            for m in roster(date):
                if m not in chosen_votes:  # the source lists only members that voted
                    vote_rows.append(
                        {
                            "decision_id": did,
                            "member": m,
                            "member_name": None,
                            "permanent": m in _P5,
                            "vote": "X",
                            "source": "terms",
                        }
                    )
        counted = tuple(sum(1 for r in vote_rows if r["vote"] == x) for x in "YNA")
        if tally is not None and counted != tuple(int(x) for x in tally):
            conflicts.append(
                {
                    "entity": did,
                    "field": "tally_vs_votes",
                    "source_a": tally_src,
                    "value_a": "-".join(str(int(x)) for x in tally),
                    "source_b": vote_src,
                    "value_b": "-".join(map(str, counted)),
                    "chosen": "-".join(str(int(x)) for x in tally),
                    "reason": "the tally does not equal the count of the member votes",
                }
            )
        if tally is None:
            tally, tally_src = counted, vote_src

    # vetoers
    vetoers = {s: sorted(r.get("vetoed_by") or []) for s, r in e.records.items() if r.get("failure_reason") == "veto"}
    veto_src, vetoed_by = pick("vetoed_by", {s: v for s, v in vetoers.items() if v})
    vetoed_by = list(vetoed_by or [])
    for other, v in vetoers.items():
        if other != veto_src and v and v != vetoed_by:
            conflicts.append(
                {
                    "entity": did,
                    "field": "vetoed_by",
                    "source_a": veto_src,
                    "value_a": _fmt(vetoed_by),
                    "source_b": other,
                    "value_b": _fmt(v),
                    "chosen": _fmt(vetoed_by),
                    "reason": f"precedence for vetoers: {' > '.join(x for x in PRECEDENCE['vetoed_by'] if x in vetoers)}",
                }
            )
    failure = "none" if adopted else ("veto" if vetoed_by else None)
    if not adopted and failure is None:
        reasons = {r.get("failure_reason") for r in e.records.values()} - {None}
        failure = "insufficient_votes" if "insufficient_votes" in reasons else (reasons.pop() if reasons else None)
    notes = [str(r.get("note")) for r in e.records.values() if not _missing(r.get("note"))]
    row = {
        "decision_id": did,
        "date": date,
        "year": date.year if date else None,
        "meeting": meeting,
        "draft": draft,
        "resolution": resolution if adopted else None,
        "resolution_number": _as_int(e.first("resolution_number")) if adopted else None,
        "title": title,
        "topic": topic,
        "sponsors": sponsors,
        "kind": kind,
        "modality": modality,
        "adopted": None if adopted is None else bool(adopted),
        "failure_reason": failure,
        "yes": 0 if modality == "without_vote" else (_as_int(tally[0]) if tally else None),
        "no": 0 if modality == "without_vote" else (_as_int(tally[1]) if tally else None),
        "abstain": 0 if modality == "without_vote" else (_as_int(tally[2]) if tally else None),
        "non_voting": 0 if modality == "without_vote" else _as_int(non_voting),
        "vetoed_by": vetoed_by,
        "sources": sorted(e.records),
        "link": link,
        "note": "; ".join(dict.fromkeys(notes)) or None,
        "votes_source": vote_src if vote_rows else None,
    }
    veto_rows = []
    for m in vetoed_by:
        named_by = sorted(s for s, v in vetoers.items() if m in v)
        veto_rows.append(
            {
                "decision_id": did,
                "date": date,
                "draft": draft,
                "meeting": meeting,
                "title": title,
                "member": m,
                "member_name": None,
                "in_dhl_list": "dhl_veto" in named_by,
                "sources": named_by,
                "note": kind if kind not in ("draft_resolution",) else None,
            }
        )
    return row, vote_rows, veto_rows
