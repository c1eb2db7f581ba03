"""Merge the readers' frames into one record: decisions, votes, vetoes, conflicts.

Each source decision is matched to a record entity by resolution number, then exact draft symbol,
then base symbol (without ``/Rev.N``) on the same date and meeting, then (meeting, vetoing
members), then, for a row without a meeting (``tong_meetings``), (date, outcome, tally, vetoers,
order within the meeting), then (date, tally) for an adopted draft whose source gives no
resolution number. Every candidate must fit: same kind (amendments and preliminary questions
are their own votes), no other resolution number, outcome and failure reason, and for the weaker
keys the same date and tally.

A draft symbol is voted on once (a re-vote gets a new symbol or a ``/Rev.``), so after matching,
entities that share an exact draft symbol, or a base symbol on one date, are consolidated into one
proposal (:func:`consolidate`); a source that lists the same vote twice keeps one entry and the
other becomes a ``conflicts`` row. The symbols that name more than one vote are listed, each with
its reason, in :data:`SHARED_DRAFTS`.

Each field is then chosen from the sources in the order of :data:`PRECEDENCE`; every other source
that gives a different value becomes a ``conflicts`` row naming both values, the chosen one and why.

>>> PRECEDENCE["votes"][:2]
('undl_csv', 'undl_wide')
>>> pick("tally", {"voting_agent": (12, 2, 1), "undl_wide": (13, 1, 1)})
('undl_wide', (13, 1, 1))
>>> base_symbol("S/3713/Rev.1"), base_symbol("S/3188/Corr.1"), base_symbol("S/2024/239")
('S/3713', 'S/3188', 'S/2024/239')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from unsc.record.reconcile import reconcile
from unsc.record.sources.frame import CALENDAR_COLUMNS, SourceFrame, records
from unsc.record.sources.normalize import draft_fits_date, is_permanent, resolution_id
from unsc.rules import Council

if TYPE_CHECKING:  # typing.TypeIs is Python 3.13; typing_extensions is needed only by the checker
    from typing_extensions import TypeIs

__all__ = [
    "MEETING_DATE_TOLERANCE",
    "PRECEDENCE",
    "SHARED_DRAFTS",
    "Entity",
    "MergeResult",
    "base_symbol",
    "consolidate",
    "draft_fits_date",
    "explain_vetoes",
    "meetings_by_symbol",
    "merge",
    "pick",
    "span_text",
]

#: One order for the date and the outcome of a vote: the official files, then the Library's tables, then the rest.
_DATE_AND_OUTCOME = (
    "undl_csv",
    "undl_wide",
    "dhl_veto",
    "dhl_meetings",
    "voting_agent",
    "wpdl_veto",
    "tong_failed",
    "tong_meetings",
)

#: Which source wins for each field, best first. A source not listed for a field never sets it.
PRECEDENCE: dict[str, tuple[str, ...]] = {
    "votes": ("undl_csv", "undl_wide", "voting_agent", "tong_failed"),
    "vetoed_by": ("dhl_veto", "dhl_meetings", "voting_agent", "wpdl_veto", "tong_failed", "tong_meetings"),
    "tally": ("undl_csv", "dhl_meetings", "tong_meetings", "undl_wide", "voting_agent", "tong_failed"),
    "adopted": _DATE_AND_OUTCOME,
    "date": _DATE_AND_OUTCOME,
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
    "modality": ("errata", "undl_csv", "dhl_meetings", "undl_wide", "tong_meetings", "voting_agent"),
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

#: Draft symbols that name more than one decision in the record, and why. A draft symbol is voted
#: on once, so any other pair of decisions sharing an exact symbol (or a base symbol on one date)
#: is merged into one proposal; these are kept apart, and each gets a ``conflicts`` row (field
#: ``draft``) quoting its reason.
SHARED_DRAFTS: dict[str, str] = {
    "S/552": "two votes at S/PV.202 on 15 Sep 1947, both vetoed by the USSR and both on the DHL veto list: the "
    "preliminary question whether the vote on S/552 was procedural (8-2-1) and the draft itself (9-2-0)",
    "S/1076": "voted in parts at S/PV.381 (16 Nov 1948): tong_failed gives three votes (paragraphs 1-4, paragraph 5, "
    "last paragraph, each 2-0-9); the DHL 1948 table records the draft as not adopted with the first of them",
    "S/4733/Rev.1": "the DHL 1961 table gives two votes on this draft on 20 Feb 1961 with different tallies: 4-0-7 at "
    "S/PV.941 and 6-0-5 at S/PV.942; no other source in the data covers them, so both are kept",
    "S/2006/372": "voting_agent gives this draft symbol to two resolutions adopted on 13 June 2006, 1684 (2006) at "
    "S/PV.5455 and 1685 (2006) at S/PV.5456; one of its draft cells is wrong and no other source in the data gives "
    "the drafts of 2006, so both keep it",
    "S/2017/962": "tong_failed (row 22) gives, under this symbol at S/PV.8105, a failed vote of 3-7-5 besides the veto "
    "of 11-2-2 (its row 23); no other source has a 3-7-5 vote at that meeting (the other vote there, S/2017/968, was "
    "4-7-4 and is tong_failed row 24), so it is kept as its own decision",
    "S/2020/24": "voting_agent gives an amendment to S/2020/24 (3-7-5, not adopted) voted at S/PV.8700 before the "
    "draft became resolution 2504 (2020); an amendment is its own vote",
    "S/2020/667": "voting_agent gives a second vote under this symbol (2-7-6, failed for lack of votes, dated "
    "2020-09-07) besides the veto of 10 July 2020 (13-2-0); the DHL tables do not list it (apparently a vote on an "
    "amendment, which the source does not say), so it is kept as its own decision",
    "S/2020/684": "voting_agent gives a second vote under this symbol (5-6-4, failed for lack of votes) besides its "
    "adoption as resolution 2533 (2020) (12-0-3) on 11 July 2020; the DHL tables do not list it (apparently a vote "
    "on an amendment, which the source does not say), so it is kept as its own decision",
}

_REV = re.compile(r"/(?:Rev|Corr)\.\d+.*$", re.I)


def base_symbol(draft: str) -> str:
    """The draft symbol without its revision or corrigendum suffix (``/Rev.N``, ``/Corr.N``)."""
    return _REV.sub("", draft)


def pick(field_name: str, values: dict[str, Any]) -> tuple[str | None, Any]:
    """The (source, value) that wins for a field among the sources' non-missing values; ``(None, None)``
    when none has one."""
    for s in PRECEDENCE[field_name]:
        if s in values and not _missing(values[s]):
            return s, values[s]
    for s, v in values.items():  # a source not in the list: only when nobody else has it
        if not _missing(v) and s not in PRECEDENCE[field_name]:
            return s, v
    return None, None


_NA, _NAT = pd.NA, pd.NaT


def _missing(v: Any) -> TypeIs[None]:
    """None, NaN, NA/NaT or a blank string.

    Typed ``TypeIs[None]`` so that mypy knows a value is not None after ``not _missing(v)``; a NaN or a
    blank is missing too, which the type cannot say (nothing relies on the narrowing when it is true).
    """
    if v is None:
        return True
    t = type(v)
    if t is str:  # the common case first: one type check, no pandas call
        return not v.strip()
    if t is float or isinstance(v, float):
        return bool(v != v)  # NaN
    if v is _NA or v is _NAT:
        return True
    return isinstance(v, str) and not v.strip()


@dataclass
class Entity:
    """One vote taken: the source records matched to it and their member votes.

    ``extra`` holds further entries of a source already in ``records`` (a source that lists the
    same vote twice); they support the decision but never set a field.
    """

    n: int
    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    votes: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    decision_id: str | None = None
    extra: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    merged_into: int | None = None
    date_fix: tuple[dt.date, str] | None = None
    #: where a fixed date comes from: "record" (the other decisions) or the meeting calendar's source
    date_fix_source: str = "record"
    #: why the date is uncertain (a meeting over several days, a date from the meeting calendar)
    date_note: str | None = None

    def values(self, col: str) -> dict[str, Any]:
        return {s: r.get(col) for s, r in self.records.items()}

    def first(self, col: str) -> Any:
        for r in self.records.values():
            v = r.get(col)
            if not _missing(v):
                return v
        return None

    def all_records(self) -> list[tuple[str, dict[str, Any]]]:
        return list(self.records.items()) + self.extra

    def known(self, col: str) -> set[Any]:
        return {r.get(col) for _, r in self.all_records() if not _missing(r.get(col))}


@dataclass
class MergeResult:
    """The merged tables (before validation) and the bookkeeping."""

    decisions: pd.DataFrame
    votes: pd.DataFrame
    vetoes: pd.DataFrame
    conflicts: list[dict[str, Any]]
    merged_rows: dict[str, int]
    #: the meeting calendar (columns :data:`unsc.record.sources.frame.CALENDAR_COLUMNS`), one row per meeting
    meetings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CALENDAR_COLUMNS)))


def _clean(v: Any) -> Any:
    return None if _missing(v) else v


#: value types that :func:`_missing` never finds missing (None itself is kept as it is)
_NEVER_MISSING = frozenset({int, bool, dt.date, dt.datetime, type(None)})


def _column(df: pd.DataFrame, c: str) -> list[Any]:
    """A column's values as :func:`records` gives them (``pd.NA`` as None)."""
    col = df[c]
    vals: list[Any] = col.tolist()
    if getattr(col.dtype, "na_value", None) is pd.NA:
        vals = [None if v is _NA else v for v in vals]
    return vals


def _clean_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a source's decisions, each missing value None and ``vetoed_by`` a list: column by column.

    Equal to ``[{k: _clean(v) ...} for rec in records(df)]`` (``vetoed_by`` not a list -> ``[]``), with
    each column's values checked in one pass, the type of the column's values looked at once.
    """
    columns = list(df.columns)
    cleaned: list[list[Any]] = []
    for c in columns:
        vals = _column(df, c)
        if c == "vetoed_by":
            cleaned.append([v if isinstance(v, list) else [] for v in vals])
            continue
        kinds = set(map(type, vals))
        if kinds <= {str, type(None)}:
            cleaned.append([v if v is not None and v.strip() else None for v in vals])
        elif kinds <= _NEVER_MISSING:  # None, whole numbers, booleans, dates: nothing to clean
            cleaned.append(vals)
        elif kinds <= {float, int, type(None)}:
            cleaned.append([None if v is None or v != v else v for v in vals])
        else:
            cleaned.append([None if _missing(v) else v for v in vals])
    if not columns:
        return [{} for _ in range(len(df))]
    return [dict(zip(columns, row, strict=True)) for row in zip(*cleaned, strict=True)]


def _as_int(v: Any) -> int | None:
    return None if _missing(v) else int(v)


class _Index:
    """Where to find entities by resolution number, draft, base symbol, meeting and date."""

    def __init__(self) -> None:
        self.res: dict[int, Entity] = {}
        self.draft: dict[str, list[Entity]] = {}
        self.base: dict[str, list[Entity]] = {}
        self.meeting: dict[str, list[Entity]] = {}
        self.date: dict[dt.date, list[Entity]] = {}

    @staticmethod
    def _add(d: dict[Any, list[Entity]], k: Any, e: Entity) -> None:
        lst = d.setdefault(k, [])
        if e not in lst:
            lst.append(e)

    def add(self, e: Entity, rec: dict[str, Any]) -> None:
        rn = _clean(rec.get("resolution_number"))
        if rn is not None:
            self.res.setdefault(int(rn), e)
        d = _clean(rec.get("draft"))
        if d is not None:
            self._add(self.draft, d, e)
            self._add(self.base, base_symbol(d), e)
        m = _clean(rec.get("meeting"))
        if m is not None:
            self._add(self.meeting, m, e)
        dd = _clean(rec.get("date"))
        if dd is not None:
            self._add(self.date, dd, e)


def merge(
    frames: Iterable[SourceFrame],
    roster: Callable[[dt.date], list[str]] | None = None,
    council_size: Callable[[dt.date], int] | None = None,
) -> MergeResult:
    """Match, consolidate, choose and compare: the merged decisions, votes and vetoes, and every conflict."""
    by_source: dict[str, SourceFrame] = {}
    for f in frames:
        by_source[f.source] = f
    calendar = meetings_by_symbol(by_source.values())
    entities: list[Entity] = []
    idx = _Index()
    conflicts: list[dict[str, Any]] = []
    merged_rows: dict[str, int] = {}

    order = [s for s in MATCH_ORDER if s in by_source] + [s for s in by_source if s not in MATCH_ORDER]
    for source in order:
        f = by_source[source]
        votes_by_key: dict[Any, dict[str, tuple[str, str]]] = {}
        vcols = [_column(f.votes, c) for c in ("key", "member", "member_name", "vote")]
        for key, member, name, vote in zip(*vcols, strict=True):
            votes_by_key.setdefault(key, {})[member] = (name, vote)
        merged_rows[source] = 0
        for rec in _clean_records(f.decisions):
            _not_a_veto(rec)
            e = _match(rec, source, idx)
            if e is None:
                e = Entity(len(entities))
                entities.append(e)
            e.records[source] = rec
            if rec["key"] in votes_by_key:
                e.votes[source] = votes_by_key[rec["key"]]
            idx.add(e, rec)
            merged_rows[source] += 1

    entities = consolidate(entities, conflicts, calendar)
    _drop_misdated_drafts(entities, conflicts)
    spans = _meeting_spans(entities, calendar)

    # ids: draft symbol if unique, else resolution, else meeting#n, else source key
    used: set[str] = set()
    meeting_n: dict[str, int] = {}
    draft_owner: dict[str, int] = {}
    # a shared symbol is the id of the draft itself (not an amendment or preliminary question), best supported
    for e in sorted(
        entities, key=lambda x: (_kind_class(pick("kind", x.values("kind"))[1]) != "draft", -len(x.records), x.n)
    ):
        _, draft = pick("draft", e.values("draft"))
        if draft and draft not in draft_owner:
            draft_owner[draft] = e.n
    for e in entities:
        _, draft = pick("draft", e.values("draft"))
        rn = e.first("resolution_number")
        date = e.date_fix[0] if e.date_fix else pick("date", e.values("date"))[1]
        meeting = pick("meeting", e.values("meeting"))[1]
        did = None
        if draft and draft_owner.get(draft) == e.n and draft not in used:
            did = draft
        elif rn is not None:
            did = resolution_id(int(rn), date.year if date else None)
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
    for c in conflicts:
        if "_entity" in c:
            c["entity"] = c.pop("_entity").decision_id
    conflicts.extend(_shared_draft_rows(entities))

    decisions, votes, vetoes = [], [], []
    for e in entities:
        row, vrows, vetorows = _resolve(e, conflicts, roster, council_size, calendar, spans)
        decisions.append(row)
        votes.extend(vrows)
        vetoes.extend(vetorows)
    dec = pd.DataFrame(decisions)
    vot = pd.DataFrame(
        votes, columns=["decision_id", "member", "member_name", "permanent", "vote", "source", "non_voting_reason"]
    )
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
    list_end = None
    if "dhl_veto" in by_source and not by_source["dhl_veto"].decisions.empty:
        list_end = max(d for d in by_source["dhl_veto"].decisions["date"] if isinstance(d, dt.date))
    conflicts.extend(explain_vetoes(vet, list_end))
    for fr in by_source.values():
        conflicts.extend(fr.conflicts)
    meetings = pd.DataFrame(list(calendar.values()), columns=list(CALENDAR_COLUMNS))
    return MergeResult(dec, vot, vet, conflicts, merged_rows, meetings)


_PRIVATE = re.compile(r"appointment of the Secretary-General|Secretary-General.*appoint", re.I)


def explain_vetoes(vetoes: pd.DataFrame, list_end: dt.date | None) -> list[dict[str, Any]]:
    """Why each veto row is not on the DHL veto list: its ``note`` says it, and a ``conflicts`` row (field ``veto:<member>``).

    ``list_end`` is the last date of the DHL veto list in the data (``None`` when the build has no list).

    >>> v = pd.DataFrame([{"decision_id": "S/1996/952", "date": dt.date(1996, 11, 19), "member": "USA",
    ...     "in_dhl_list": False, "sources": ["voting_agent"], "note": None,
    ...     "title": "Consideration of the question of the appointment of the Secretary-General"}])
    >>> explain_vetoes(v, dt.date(2022, 5, 26))[0]["reason"][:40]
    'vote at a private meeting (recommendatio'
    """
    out = []
    notes = list(vetoes["note"]) if "note" in vetoes else []
    for i, r in enumerate(records(vetoes)):
        if r["in_dhl_list"]:
            continue
        named = ", ".join(r["sources"] or [])
        if list_end is None:
            why = f"no DHL veto list in this build; named by {named}"
        elif r["date"] is not None and r["date"] > list_end:
            why = f"after the last entry of the DHL veto list in the data ({list_end.isoformat()}); named by {named}"
        elif _PRIVATE.search(str(r.get("title") or "")):
            why = (
                "vote at a private meeting (recommendation for the appointment of the Secretary-General): the DHL veto "
                f"list gives public meetings only (spec R11, R18); named by {named}"
            )
        else:
            why = f"not on the DHL veto list; named only by {named}"
        notes[i] = f"{notes[i]}; {why}" if isinstance(notes[i], str) and notes[i] else why
        out.append(
            {
                "entity": r["decision_id"],
                "field": f"veto:{r['member']}",
                "source_a": "dhl_veto",
                "value_a": "not listed",
                "source_b": named,
                "value_b": f"vetoed by {r['member']}",
                "chosen": f"vetoed by {r['member']}",
                "reason": why,
            }
        )
    if len(vetoes):
        vetoes["note"] = notes
    return out


def _label(e: Entity) -> str:
    rn = e.first("resolution_number")
    return f"resolution {rn}" if rn is not None else str(e.first("draft") or e.first("meeting"))


def _threshold(date: dt.date) -> int:
    """Affirmative votes a decision needs on the Council of the date (Art. 27, from :class:`unsc.rules.Council`)."""
    return Council.on(date).threshold


def _not_a_veto(rec: dict[str, Any]) -> None:
    """A row labelled vetoed whose own tally lacks the required majority failed for lack of votes (spec R11).

    The vetoers the source named are kept in ``claimed_veto`` for the ``conflicts`` row.
    """
    if rec.get("failure_reason") != "veto" or rec.get("date") is None or _missing(rec.get("yes")):
        return
    if int(rec["yes"]) < _threshold(rec["date"]):
        rec["claimed_veto"] = list(rec.get("vetoed_by") or [])
        rec["failure_reason"] = "insufficient_votes"
        rec["vetoed_by"] = []


def _kind_class(kind: Any) -> str:
    """Amendments and preliminary questions are votes of their own; a part goes with its draft."""
    return kind if kind in ("amendment", "preliminary_question") else "draft"


def _tally(r: dict[str, Any]) -> tuple[int, int, int] | None:
    yes, no, abstain = r.get("yes"), r.get("no"), r.get("abstain")
    if _missing(yes) or _missing(no) or _missing(abstain):
        return None
    return int(yes), int(no), int(abstain)


def _swap(d: dt.date) -> dt.date | None:
    """The date with day and month swapped (a Voting-Agent error), if that is a date."""
    try:
        return dt.date(d.year, d.day, d.month) if d.day <= 12 and d.day != d.month else None
    except ValueError:
        return None


def _item(key: Any) -> str | None:
    """The position of an outcome within its meetings-table row (``...:40:3`` -> ``3``)."""
    return str(key).rsplit(":", 1)[-1] if isinstance(key, str) and ":" in key else None


def _fit(e: Entity, rec: dict[str, Any], how: str) -> float | None:
    """How well a source row fits an entity (higher is better), or ``None`` if it cannot be the same vote.

    ``how`` is the key that found the candidate: ``draft`` (exact symbol: dates and tallies may
    differ between sources), ``base`` (base symbol: same date), ``order`` (no symbol or meeting:
    same date, tally and vetoers).
    """
    recs = e.all_records()
    if _kind_class(rec.get("kind")) not in {_kind_class(r.get("kind")) for _, r in recs}:
        return None
    rn = rec.get("resolution_number")
    ern = {int(r["resolution_number"]) for _, r in recs if not _missing(r.get("resolution_number"))}
    if rn is not None and ern and int(rn) not in ern:
        return None
    adopted = {bool(r["adopted"]) for _, r in recs if r.get("adopted") is not None}
    if rec.get("adopted") is not None and adopted and bool(rec["adopted"]) not in adopted:
        return None
    fails = {r.get("failure_reason") for _, r in recs} & {"veto", "insufficient_votes"}
    if rec.get("failure_reason") in ("veto", "insufficient_votes") and fails and rec["failure_reason"] not in fails:
        return None
    score = 0.0
    t = _tally(rec)
    by_tally = _agreement(t, {x for x in (_tally(r) for _, r in recs) if x is not None}, how)
    if by_tally is None:
        return None
    d = rec.get("date")
    dates = {r["date"] for _, r in recs if r.get("date") is not None}
    by_date = _agreement(d, dates, how, near=_swap(d) if d is not None else None)
    if by_date is None:
        return None
    score += by_tally + by_date
    m = rec.get("meeting")
    meetings = {r["meeting"] for _, r in recs if r.get("meeting") is not None}
    if m is not None and meetings:
        if m in meetings:
            score += 1
        elif how == "base":
            return None
    v = set(rec.get("vetoed_by") or [])
    ev = set(_all_vetoers(e))
    if v and ev:
        if v & ev:
            score += 1
        elif how == "order":
            return None
    if how == "order_any" and v and ev and not v & ev:
        return None
    if how == "order":
        dr = rec.get("draft")
        drafts = {base_symbol(r["draft"]) for _, r in recs if r.get("draft") is not None}
        if dr is not None and drafts and base_symbol(dr) not in drafts:
            return None
        if any(s == "dhl_meetings" and _item(r.get("key")) == _item(rec.get("key")) for s, r in recs):
            score += 0.5
    return score


def _best(cands: Iterable[Entity], rec: dict[str, Any], source: str, how: str) -> Entity | None:
    best, best_score = None, None
    for e in cands:
        if source in e.records:
            continue
        sc = _fit(e, rec, how)
        if sc is not None and (best_score is None or sc > best_score):
            best, best_score = e, sc
    return best


def _agreement(value: Any, known: set[Any], how: str, near: Any = None) -> float | None:
    """What a tally or date adds to a match's score: 2 if an entity's records have it, 1 if they have
    ``near`` (the day/month swap of a date), 0 if either side has none; a mismatch costs 1 when matching
    by draft symbol and rules the match out otherwise (None).

    >>> _agreement((9, 1, 0), {(9, 1, 0)}, "res"), _agreement((9, 1, 0), {(8, 1, 0)}, "draft"), _agreement(1, {2}, "res")
    (2, -1, None)
    """
    if value is None or not known:
        return 0
    if value in known:
        return 2
    if near is not None and near in known:
        return 1
    return -1 if how == "draft" else None


def _match(rec: dict[str, Any], source: str, idx: _Index) -> Entity | None:
    rn = rec.get("resolution_number")
    if rn is not None:
        e = idx.res.get(int(rn))
        if e is not None and _years_apart(e, rec):
            # resolution numbers run with time: a number whose year is not the row's is a typo in the row
            # (voting_agent "425 (2002)" for 1425 (2002)); match the row by its other keys
            rec["_resolution_typo"] = int(rn)
            rec["resolution_number"] = rn = None
        elif e is not None and source not in e.records:
            return e
        else:
            return None
    draft = rec.get("draft")
    if draft is not None:
        if draft in idx.draft:
            # the symbol is known: the same proposal if any entity with it fits, else a vote of its own
            return _best(idx.draft[draft], rec, source, "draft")
        if rec.get("date") is not None and draft not in SHARED_DRAFTS:
            same_day = [
                e
                for e in idx.base.get(base_symbol(draft), [])
                if rec["date"] in e.known("date") and draft not in e.known("draft")
            ]
            e = _best(same_day, rec, source, "base")
            if e is not None:
                return e
    meeting = rec.get("meeting")
    if meeting is not None and rec.get("adopted") is False:
        cands = [
            e
            for e in idx.meeting.get(meeting, [])
            if source not in e.records
            and e.first("adopted") is False
            and (not rec.get("vetoed_by") or set(rec["vetoed_by"]) & set(_all_vetoers(e)))
            and (draft is None or e.first("draft") is None)
        ]
        if len(cands) >= 1:
            return cands[0]
    if (
        draft is not None
        and meeting is not None
        and rec.get("adopted") is False
        and _tally(rec) is not None
        and base_symbol(draft) not in idx.base
    ):
        # a symbol no other source knows, at a meeting where exactly one failed vote has the same tally: one source
        # mistyped the symbol (tong_failed S/25997 vs the DHL table's S/25977, 6-0-9 at S/PV.3247)
        cands = [
            e
            for e in idx.meeting.get(meeting, [])
            if source not in e.records
            and e.first("adopted") is False
            and _tally(rec) in {_tally(r) for _, r in e.all_records()}
            and _fit(e, rec, "order_any") is not None
        ]
        if len(cands) == 1:
            rec["_typo"] = True
            return cands[0]
    if meeting is None and rec.get("adopted") is False and rec.get("date") is not None:
        # a meetings-table row without the meeting symbol (tong_meetings): same date, outcome, tally, vetoers, order
        cands = [e for e in idx.date.get(rec["date"], []) if e.first("adopted") is False]
        e = _best(cands, rec, source, "order")
        if e is not None:
            return e
    if rec.get("adopted") and rec.get("date") is not None and rn is None:
        tally = (rec.get("yes"), rec.get("no"), rec.get("abstain"))
        cands = [
            e
            for e in idx.date.get(rec["date"], [])
            if source not in e.records
            and e.first("resolution_number") is not None
            and e.first("draft") is None
            and (
                rec.get("modality") in ("without_vote", "acclamation")
                or (e.first("yes"), e.first("no"), e.first("abstain")) == tally
            )
        ]
        if len(cands) == 1:
            return cands[0]
    return None


def _drop_misdated_drafts(entities: list[Entity], conflicts: list[dict[str, Any]]) -> None:
    """Drop draft symbols whose year cannot be that of the vote (:func:`draft_fits_date`), with a ``conflicts`` row."""
    for e in entities:
        date = e.date_fix[0] if e.date_fix else pick("date", e.values("date"))[1]
        if date is None:
            continue
        for s_, r in e.all_records():
            d_ = r.get("draft")
            if _missing(d_) or draft_fits_date(str(d_), date):
                continue
            conflicts.append(
                {
                    "_entity": e,
                    "field": "draft",
                    "source_a": "record",
                    "value_a": "not this vote's draft",
                    "source_b": s_,
                    "value_b": str(d_),
                    "chosen": "none from this source",
                    "reason": f"the symbol {d_} dates its draft to a year in which a vote of {date.isoformat()} cannot "
                    "have been taken on it (a draft is issued in the year of its vote, or in December before a "
                    "January vote): the source's symbol is wrong and is not used",
                }
            )
            r["draft"] = None


def _years_apart(e: Entity, rec: dict[str, Any]) -> bool:
    """Whether a row's date lies more than a year from every date of an entity (so they cannot be one vote)."""
    d = rec.get("date")
    dates = e.known("date")
    return d is not None and bool(dates) and all(abs((d - x).days) > 366 for x in dates)


def _entity_fit(a: Entity, b: Entity) -> bool:
    """Whether two entities can be one vote (their sources may overlap: a source listing a vote twice)."""
    ra, rb = a.all_records(), b.all_records()
    if not {_kind_class(r.get("kind")) for _, r in ra} & {_kind_class(r.get("kind")) for _, r in rb}:
        return False
    for col in ("resolution_number", "adopted"):
        va, vb = a.known(col), b.known(col)
        if va and vb and not va & vb:
            return False
    fa, fb = (x.known("failure_reason") & {"veto", "insufficient_votes"} for x in (a, b))
    if fa and fb and not fa & fb:
        return False
    ta = {x for x in (_tally(r) for _, r in ra) if x is not None}
    tb = {x for x in (_tally(r) for _, r in rb) if x is not None}
    return not (ta and tb and not ta & tb)


def _date_rank(e: Entity) -> tuple[int, int, int]:
    ranks = [PRECEDENCE["date"].index(s) for s, r in e.records.items() if s in PRECEDENCE["date"] and r.get("date")]
    return (min(ranks) if ranks else 99, -len(e.records), e.n)


def consolidate(
    entities: list[Entity], conflicts: list[dict[str, Any]], calendar: dict[str, dict[str, Any]] | None = None
) -> list[Entity]:
    """Merge entities that are one proposal: the same exact draft symbol, or the same base symbol on one date.

    The entity whose date comes from the best source keeps its records; a record of the other
    from a source it already has becomes an ``extra`` entry, with a ``conflicts`` row. Symbols in
    :data:`SHARED_DRAFTS` are never merged. Returns the remaining entities, in their order, with
    the dates the sources lack or swap fixed (:func:`_fix_dates`, using ``calendar``).

    >>> a, b = Entity(0, {"dhl_veto": {"draft": "S/1", "date": dt.date(1950, 1, 2)}}), Entity(1, {"wpdl_veto": {"draft": "S/1"}})
    >>> [sorted(e.records) for e in consolidate([a, b], [])]
    [['dhl_veto', 'wpdl_veto']]
    """
    groups: dict[Any, list[Entity]] = {}
    for e in entities:
        for d in e.known("draft"):
            if d in SHARED_DRAFTS:
                continue
            groups.setdefault(("draft", d), []).append(e)
            for day in e.known("date"):
                groups.setdefault(("base", base_symbol(d), day), []).append(e)
    alive = {e.n: e for e in entities}
    for key in list(groups):
        members = [alive[e.n] for e in groups[key] if e.n in alive]
        members = list({e.n: e for e in members}.values())
        if len(members) < 2:
            continue
        members.sort(key=_date_rank)
        host = members[0]
        for other in members[1:]:
            if other.n not in alive or other is host or not _entity_fit(host, other):
                continue
            if key[0] == "base":
                ma, mb = host.known("meeting"), other.known("meeting")
                if ma and mb and not ma & mb:
                    continue
            _absorb(host, other, conflicts, key)
            del alive[other.n]
            for g in groups.values():  # the absorbed entity's other keys now lead to the host
                for i, x in enumerate(g):
                    if x is other:
                        g[i] = host
    out = [e for e in entities if e.n in alive]
    _fix_dates(out, conflicts, calendar or {})
    return out


def _absorb(host: Entity, other: Entity, conflicts: list[dict[str, Any]], key: tuple[Any, ...]) -> None:
    why = (
        f"same draft symbol {key[1]}" if key[0] == "draft" else f"same base symbol {key[1]} on {_fmt(key[2])}"
    ) + " and the same outcome: one proposal"
    for s, r in other.all_records():
        if s not in host.records:
            host.records[s] = r
            if s in other.votes:
                host.votes[s] = other.votes[s]
            continue
        mine = host.records[s]
        diffs = [
            (c, mine.get(c), r.get(c))
            for c in ("date", "meeting", "draft")
            if not _missing(r.get(c)) and not _missing(mine.get(c)) and r.get(c) != mine.get(c)
        ]
        host.extra.append((s, r))
        conflicts.append(
            {
                "entity": None,  # filled with the decision id by _resolve
                "field": "duplicate:" + ",".join(c for c, _, _ in diffs) if diffs else "duplicate",
                "source_a": s,
                "value_a": f"{mine.get('source_row')}: " + "; ".join(_fmt(x) for _, x, _ in diffs)
                if diffs
                else str(mine.get("source_row")),
                "source_b": s,
                "value_b": f"{r.get('source_row')}: " + "; ".join(_fmt(x) for _, _, x in diffs)
                if diffs
                else str(r.get("source_row")),
                "chosen": str(mine.get("source_row")),
                "reason": f"{s} lists this vote twice ({why}); the entry that agrees with the best source for the date "
                "is used, the other is kept as a duplicate",
                "_entity": host,
            }
        )


#: How far a decision's date may lie outside its meeting's days before it is reported (``conflicts``,
#: field ``meeting_date``): one day either side. The DHL yearly tables give the day a meeting opened
#: (resumed meetings on several days appear as one date before the 1990s), a meeting that runs past
#: midnight adopts on the next day, and UNDL and the tables then differ by one day (27 such decisions
#: in the data, e.g. resolution 338 (1973), adopted at 00:50 on 22 October at the meeting of 21
#: October). The meeting's days are those of the calendar, widened by any range a source gives for
#: a vote at that meeting (the veto list's "7-9 January 1980" for S/PV.2190). Beyond one day the
#: dates are day/month swaps or wrong months (resolution 727 (1992) dated 1 August for the meeting
#: of 8 January): the Library's calendar, the official record of dates, wins and the source's date
#: becomes a ``conflicts`` row.
MEETING_DATE_TOLERANCE = dt.timedelta(days=1)

#: Sources whose date is the date of the meeting row in the DHL yearly tables (the first day of a
#: meeting held over several days), not the day of the vote.
MEETING_DATED: frozenset[str] = frozenset({"dhl_meetings", "tong_meetings"})


def span_text(first: dt.date, last: dt.date) -> str:
    """A meeting's days in words: ``"7-9 January 1980"``, ``"30 June - 1 July 1960"``, ``"14 June 1967"``.

    >>> span_text(dt.date(1980, 1, 7), dt.date(1980, 1, 9)), span_text(dt.date(1967, 6, 14), dt.date(1967, 6, 14))
    ('7-9 January 1980', '14 June 1967')
    >>> span_text(dt.date(1960, 6, 30), dt.date(1960, 7, 1))
    '30 June - 1 July 1960'
    """
    if first == last:
        return f"{last.day} {last:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {last:%B %Y}"
    if first.year == last.year:
        return f"{first.day} {first:%B} - {last.day} {last:%B %Y}"
    return f"{first.day} {first:%B %Y} - {last.day} {last:%B %Y}"


def meetings_by_symbol(frames: Iterable[SourceFrame]) -> dict[str, dict[str, Any]]:
    """The meetings the sources list (their ``calendar`` frames), by meeting symbol; the first source wins.

    >>> f = SourceFrame.build("dhl_meetings", [], [])
    >>> f.calendar = pd.DataFrame([{"meeting": "S/PV.1360", "date": dt.date(1967, 6, 14),
    ...     "end_date": dt.date(1967, 6, 14), "year": 1967, "topic": "Middle East", "source": "dhl_meetings"}])
    >>> meetings_by_symbol([f])["S/PV.1360"]["topic"]
    'Middle East'
    """
    out: dict[str, dict[str, Any]] = {}
    for f in frames:
        if f.calendar is None:
            continue
        for rec in _clean_records(f.calendar.reindex(columns=list(CALENDAR_COLUMNS))):
            if rec["meeting"] and rec["date"] is not None:
                rec["end_date"] = rec["end_date"] or rec["date"]
                out.setdefault(rec["meeting"], rec)
    return out


def _meeting_spans(
    entities: list[Entity], calendar: dict[str, dict[str, Any]]
) -> dict[str, tuple[dt.date, dt.date, str]]:
    """Each calendar meeting's first and last day, widened by the ranges sources give for its votes."""
    spans = {
        m: (c["date"], c["end_date"], f"{c['source']} {c.get('source_row') or ''}".strip()) for m, c in calendar.items()
    }
    for e in entities:
        for s, r in e.all_records():
            m, first, last = r.get("meeting"), r.get("date_from"), r.get("date")
            if m not in spans or _missing(first) or _missing(last):
                continue
            lo, hi, how = spans[m]
            if first < lo or last > hi:
                spans[m] = (min(lo, first), max(hi, last), f"{how}; {s} gives {span_text(first, last)}")
    return spans


def _fix_dates(entities: list[Entity], conflicts: list[dict[str, Any]], calendar: dict[str, dict[str, Any]]) -> None:
    """Dates the sources lack or swap, from the other decisions of the same meeting or draft, or the calendar.

    A decision no source dates (the tong_failed sample gives only the year) takes the one date of
    the other decisions at its meeting, else the date of its meeting in the meeting ``calendar``
    (the last day if the meeting ran over several days; ``date_note`` says so); a
    Voting-Agent-only date whose day/month swap is the date of the same draft or meeting
    elsewhere is swapped back.
    """
    by_key: dict[str, set[dt.date]] = {}
    #: the entities that give each draft or meeting symbol (dated or not), for _others
    holders: dict[str, list[Entity]] = {}
    for e in entities:
        d = pick("date", e.values("date"))[1]
        for k in e.known("draft") | e.known("meeting"):
            holders.setdefault(k, []).append(e)
            if d is not None:
                by_key.setdefault(k, set()).add(d)
    for e in entities:
        src, d = pick("date", e.values("date"))
        if d is None:
            for m in sorted(e.known("meeting")):
                days = by_key.get(m, set())
                if len(days) == 1:
                    day = next(iter(days))
                    e.date_fix = (
                        day,
                        f"no source dates this vote; the other decisions at {m} are dated {day.isoformat()}",
                    )
                    e.date_note = f"date of the other decisions at {m}; no source dates this vote itself"
                    break
            else:
                for m in sorted(e.known("meeting")):
                    cal = calendar.get(m)
                    if cal is None:
                        continue
                    held = span_text(cal["date"], cal["end_date"])
                    e.date_fix = (
                        cal["end_date"],
                        f"no source dates this vote; the meeting calendar ({cal['source']}, "
                        f"{cal.get('source_row') or 'meetings table'}) gives its meeting {m} on {held}",
                    )
                    e.date_fix_source = f"{cal['source']} calendar"
                    e.date_note = f"date of its meeting {m} in the meeting calendar ({cal['source']}); no source " + (
                        "dates the vote itself"
                        if cal["date"] == cal["end_date"]
                        else f"dates the vote itself: meeting held {held}; day of the vote not given by the sources"
                    )
                    break
            continue
        if src != "voting_agent":
            continue
        sw = _swap(d)
        if sw is None:
            continue
        if any(
            sw in by_key.get(k, set()) and d not in _others(e, k, entities, holders)
            for k in e.known("draft") | e.known("meeting")
        ):
            e.date_fix = (
                sw,
                f"voting_agent date {d.isoformat()} is the day/month swap of {sw.isoformat()}, the date the "
                "other sources give for the same draft or meeting",
            )


def _date_note(e: Entity, date_src: str | None, date: dt.date | None) -> str | None:
    """Why the chosen date is uncertain: the date source gives a range of days (the meeting's)."""
    if e.date_note is not None or e.date_fix is not None or date_src is None or date is None:
        return e.date_note
    first = e.records[date_src].get("date_from")
    if _missing(first) or first >= date:
        return None
    note = f"meeting held {span_text(first, date)} ({date_src})"
    others: dict[dt.date, list[str]] = {}
    for s, r in e.records.items():
        d = r.get("date")
        if s == date_src or s in MEETING_DATED or _missing(d) or not _missing(r.get("date_from")):
            continue
        if first <= d < date:
            others.setdefault(d, []).append(s)
    if not others:
        return f"{note}; day of the vote not given by the sources"
    given = "; ".join(
        f"{', '.join(ss)} give{'s' if len(ss) == 1 else ''} {d.isoformat()}" for d, ss in sorted(others.items())
    )
    return f"{note}; {given}: the day of the vote is uncertain"


def _others(e: Entity, k: str, entities: list[Entity], holders: dict[str, list[Entity]] | None = None) -> set[dt.date]:
    """The dates of the other entities that give the draft or meeting symbol ``k``."""
    among = entities if holders is None else holders.get(k, [])
    return {
        pick("date", x.values("date"))[1]
        for x in among
        if x is not e and (k in x.known("draft") or k in x.known("meeting"))
    }


def _shared_draft_rows(entities: list[Entity]) -> list[dict[str, Any]]:
    """A ``conflicts`` row for every decision whose draft symbol also names another decision."""
    owners: dict[str, list[Entity]] = {}
    for e in entities:
        d = pick("draft", e.values("draft"))[1]
        if d:
            owners.setdefault(d, []).append(e)
    out = []
    for d, es in owners.items():
        if len(es) < 2:
            continue
        for e in es:
            others = ", ".join(str(x.decision_id) for x in es if x is not e)
            out.append(
                {
                    "entity": e.decision_id,
                    "field": "draft",
                    "source_a": ",".join(s for s, r in e.records.items() if r.get("draft") == d),
                    "value_a": d,
                    "source_b": "record",
                    "value_b": f"also the draft of {others}",
                    "chosen": d,
                    "reason": SHARED_DRAFTS.get(
                        d,
                        "two decisions name the same draft symbol but cannot be one vote "
                        "(different resolution, kind, outcome or tally)",
                    ),
                }
            )
    return out


def _all_vetoers(e: Entity) -> list[str]:
    return [m for _, r in e.all_records() for m in (r.get("vetoed_by") or [])]


_SPONSOR_SPLIT = re.compile(r"(\s*,\s*|\s+and\s+)")


def sponsor_names(text: str) -> list[str]:
    """The names in a sponsors cell, split at commas and "and".

    >>> sponsor_names("Belarus, China and Syrian Arab Republic")
    ['Belarus', 'China', 'Syrian Arab Republic']
    """
    return [n.strip() for n in _SPONSOR_SPLIT.split(text)[::2] if n.strip()]


def sponsor_codes(text: Any) -> frozenset[str]:
    """The states a sponsors cell names, as codes (a name that is no state, "President", as itself).

    >>> sorted(sponsor_codes("the United States and Albania"))
    ['ALB', 'USA']
    """
    from unsc.rules import find_member

    out = set()
    for name in sponsor_names(str(text)):
        bare = name[4:] if name.casefold().startswith("the ") else name
        m = find_member(bare)
        out.add(m.code if m is not None else bare)
    return frozenset(out)


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
    calendar: dict[str, dict[str, Any]] | None = None,
    spans: dict[str, tuple[dt.date, dt.date, str]] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """One entity's decisions row, member-vote rows and veto rows; every disagreement settled is a conflicts row."""
    return _Resolution(e, conflicts, roster, council_size, calendar or {}, spans or {}).rows()


@dataclass
class _Resolution:
    """Settles one vote's fields from the sources matched to it, step by step (see :meth:`rows`)."""

    e: Entity
    conflicts: list[dict[str, Any]]
    roster: Callable[[dt.date], list[str]] | None
    council_size: Callable[[dt.date], int] | None
    calendar: dict[str, dict[str, Any]]
    spans: dict[str, tuple[dt.date, dt.date, str]]
    date_src: str | None = None
    date: Any = None
    date_note: str | None = None
    meeting: Any = None
    title: Any = None
    extra_notes: list[str] = field(default_factory=list)
    modality_src: str | None = None
    modality: Any = None
    tallies: dict[str, tuple[Any, Any, Any]] = field(default_factory=dict)
    tally_src: str | None = None
    tally: Any = None
    vote_src: str | None = None
    chosen_votes: Any = None
    vote_rows: list[dict[str, Any]] = field(default_factory=list)

    def rows(self) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
        """The decisions row, member votes and vetoes, in the order the fields depend on each other."""
        self.settle_date()
        _, self.meeting = self.choose("meeting")
        _, draft = self.choose("draft")
        self.note_resolution_typos()
        _, resolution = self.choose("resolution")
        _, self.title = self.choose("title", compare=False)
        self.title_from_calendar()
        self.date_within_meeting()
        _, topic = self.choose("topic", compare=False)
        sponsors = self.settle_sponsors()
        _, link = self.choose("link", compare=False)
        self.settle_modality()
        _, adopted = self.choose("adopted")
        _, kind = self.choose("kind")
        kind = kind or "draft_resolution"
        self.modality = self.modality or "recorded"
        non_voting = self.settle_tally()
        self.settle_member_votes()
        vetoers, vetoed_by = self.settle_vetoers()
        return (
            self.decision_row(draft, resolution, topic, sponsors, link, adopted, kind, non_voting, vetoed_by),
            self.vote_rows,
            self.veto_rows(draft, kind, vetoers, vetoed_by),
        )

    # ------------------------------------------------------------------ helpers
    def conflict(
        self, fld: str, a: str | None, value_a: Any, b: str | None, value_b: Any, chosen: Any, reason: str
    ) -> None:
        self.conflicts.append(
            {
                "entity": self.e.decision_id,
                "field": fld,
                "source_a": a,
                "value_a": value_a,
                "source_b": b,
                "value_b": value_b,
                "chosen": chosen,
                "reason": reason,
            }
        )

    def choose(self, fieldname: str, col: str | None = None, compare: bool = True) -> tuple[str | None, Any]:
        """The value of the source that wins for a field (:data:`PRECEDENCE`); each other value is a conflict."""
        e = self.e
        key = col or fieldname
        vals = {s: v for s, r in e.records.items() if (v := r.get(key)) is not None and not _missing(v)}
        s, v = pick(fieldname, vals)
        if not compare or s is None:
            return s, v
        for other, ov in vals.items():
            if other == s or ov == v:
                continue
            reason = f"precedence for {fieldname}: {' > '.join(x for x in PRECEDENCE[fieldname] if x in vals)}"
            if fieldname == "draft" and any(r.get("_typo") for r in e.records.values()):
                reason = (
                    "same meeting, outcome and tally, and no other vote at the meeting fits: one vote whose "
                    f"symbol one source mistypes (which one, the data cannot tell); {reason}"
                )
            elif fieldname == "draft" and base_symbol(str(ov)) == base_symbol(str(v)):
                reason = (
                    "same date, meeting and base symbol: one proposal; the symbol of the best source "
                    f"(the revision actually voted, as the DHL sources give it) is kept; {reason}"
                )
            self.conflict(col or fieldname, s, _fmt(v), other, _fmt(ov), _fmt(v), reason)
        return s, v

    def settle_sponsors(self) -> Any:
        """The sponsors of the best source (:data:`PRECEDENCE`), unless another source names every one of them
        and more: a list that leaves out names another source gives is incomplete (Voting-Agent's cells leave
        out a text's Council drafters: S/2017/962 without the United States and Italy), so the fuller list is
        served. Every other disagreement is a conflicts row, never dropped silently."""
        vals = {s: v for s, r in self.e.records.items() if (v := r.get("sponsors")) is not None and not _missing(v)}
        s, v = pick("sponsors", vals)
        if s is None:
            return v
        chosen_source, chosen = s, v
        for other, ov in vals.items():
            if other == s or sponsor_codes(ov) == sponsor_codes(chosen):
                continue
            if sponsor_codes(ov) > sponsor_codes(chosen):
                self.conflict(
                    "sponsors", chosen_source, _fmt(chosen), other, _fmt(ov), _fmt(ov),
                    f"{other} names every sponsor {chosen_source} names and more: the fuller list is served",
                )  # fmt: skip
                chosen_source, chosen = other, ov
            else:
                self.conflict(
                    "sponsors", s, _fmt(v), other, _fmt(ov), _fmt(v),
                    f"precedence for sponsors: {' > '.join(x for x in PRECEDENCE['sponsors'] if x in vals)}",
                )  # fmt: skip
        return chosen

    # ------------------------------------------------------------------ date, symbols, title
    def settle_date(self) -> None:
        """The date by precedence, unless the matching fixed it (a conflicts row says why)."""
        e = self.e
        self.date_src, self.date = self.choose("date")
        if e.date_fix is not None:
            self.conflict(
                "date",
                e.date_fix_source,
                e.date_fix[0].isoformat(),
                self.date_src or ",".join(e.records),
                _fmt(self.date) if self.date is not None else "no date",
                e.date_fix[0].isoformat(),
                e.date_fix[1],
            )
            self.date = e.date_fix[0]
        self.date_note = _date_note(e, self.date_src, self.date)

    def note_resolution_typos(self) -> None:
        e = self.e
        for s_, r in e.records.items():
            if r.get("_resolution_typo") is not None:
                first = str(e.first("resolution_number"))
                self.conflict(
                    "resolution_number",
                    "record",
                    first,
                    s_,
                    str(r["_resolution_typo"]),
                    first,
                    f"{s_} gives resolution number {r['_resolution_typo']}, which was adopted more than a "
                    "year away from this row's date; resolution numbers run with time, so the number is a typo and "
                    "the row was matched by its date, meeting and tally",
                )

    def title_from_calendar(self) -> None:
        meeting = self.meeting
        cal = self.calendar.get(meeting) if meeting else None
        if self.title is None and cal is not None and cal.get("topic"):
            self.title = cal["topic"]
            self.extra_notes.append(f"title: the agenda item of {meeting} in the meeting calendar ({cal['source']})")

    def date_within_meeting(self) -> None:
        """A date outside the days of its meeting (the Library's calendar) is moved into them; a date the
        day after them that a source disputes is kept as uncertain (``date_note``)."""
        meeting, date = self.meeting, self.date
        span = self.spans.get(meeting) if meeting else None
        if span is None or date is None or self.e.date_fix is not None:
            return
        first, last, how = span
        if date == first + MEETING_DATE_TOLERANCE:
            self.note_after_midnight(first, date)
        if first <= date <= last + MEETING_DATE_TOLERANCE:
            return  # a vote may come after midnight, never before its meeting began
        off = (first - date) if date < first else (date - last)
        swap = _swap(date)
        if swap is not None and first <= swap <= last:
            fixed, how_fixed = swap, f"it is the day/month swap of {swap.isoformat()}, a day of the meeting"
        elif first == last:
            fixed, how_fixed = first, "the meeting was held on one day"
        else:
            fixed, how_fixed = last, f"the meeting was held {span_text(first, last)}; its last day is used"
            self.date_note = (
                f"date of its meeting {meeting} in the meeting calendar: meeting held {span_text(first, last)}; "
                f"{self.date_src} gives {date.isoformat()}, outside the meeting"
            )
        self.conflict(
            "meeting_date",
            "meeting calendar",
            fixed.isoformat(),
            self.date_src,
            date.isoformat(),
            fixed.isoformat(),
            f"the date {self.date_src} gives is {off.days} days "
            + ("before" if date < first else "after")
            + f" the days of its meeting {meeting} ({span_text(first, last)}, {how}; tolerance "
            f"{MEETING_DATE_TOLERANCE.days} day after it for a meeting past midnight, none before): the Library's meeting calendar "
            f"is the official record of dates and wins; {how_fixed}",
        )
        self.date = fixed

    def note_after_midnight(self, first: dt.date, date: dt.date) -> None:
        """The day after the meeting began, while a source gives the day it began: the vote may have come after
        midnight, or a source is a day off (the Digital Library's dates are, both ways, on ordinary one-day
        meetings). Both days stay possible and ``date_note`` says so, with the span the news check and the
        pages read ("meeting held 21-22 April 1994"); an erratum citing the document settles the day."""
        given = {s: d for s, d in self.e.values("date").items() if isinstance(d, dt.date)}
        if self.date_note is not None or first not in given.values():
            return
        late = ", ".join(sorted(s for s, d in given.items() if d == date)) or "the merge"
        early = ", ".join(sorted(s for s, d in given.items() if d == first))
        self.date_note = (
            f"meeting held {span_text(first, date)} by the sources; {early} give{'s' if ',' not in early else ''} "
            f"{first.isoformat()}, the day the meeting began, {late} {date.isoformat()}: the vote may have come "
            "after midnight or a source is a day off, so the day of the vote is uncertain"
        )

    # ------------------------------------------------------------------ how it was decided
    def settle_modality(self) -> None:
        """Recorded or without a vote: an explicit "without a vote" beats a unanimous tally."""
        e = self.e
        self.modality_src, self.modality = self.choose("modality")
        said = {r.get("modality") for r in e.records.values()} & {"without_vote", "acclamation"}
        if self.modality != "recorded" or not said:
            return
        split = [
            s_
            for s_, r in e.records.items()
            if not any(_missing(r.get(c)) for c in ("no", "abstain")) and (int(r["no"]) or int(r["abstain"]))
        ]
        if split:
            return
        # an official source says "without vote"; the other gives a unanimous tally, the form tables and
        # scrapes use for such adoptions: the positive statement wins (res. 726 (1992), 1733 (2006))
        said_by = sorted(s_ for s_, r in e.records.items() if r.get("modality") in said)
        how = "acclamation" if "acclamation" in said else "without_vote"
        self.conflict(
            "modality",
            ",".join(said_by),
            how,
            self.modality_src,
            "recorded (unanimous tally)",
            how,
            f"{', '.join(said_by)} say adopted without a vote; no source gives a vote against or an "
            "abstention, and a unanimous tally is how the tables write such adoptions: the explicit "
            "statement wins",
        )
        self.modality_src, self.modality = said_by[0], how

    def settle_tally(self) -> Any:
        """The tally by precedence (one tuple per source, compared whole); returns the non-voting count."""
        e = self.e
        self.tallies = {
            s: (r.get("yes"), r.get("no"), r.get("abstain"))
            for s, r in e.records.items()
            if not any(_missing(x) for x in (r.get("yes"), r.get("no"), r.get("abstain")))
        }
        self.tally_src, self.tally = pick("tally", self.tallies)
        tally_src, tally = self.tally_src, self.tally
        for other, t in self.tallies.items():
            if other == tally_src or tuple(map(int, t)) == tuple(map(int, tally)):
                continue
            if self.modality != "recorded" or e.records[other].get("modality") in ("without_vote", "acclamation"):
                continue  # a without-vote adoption coded as all Y by one source, all X by another
            chosen = "-".join(str(int(x)) for x in tally)
            order = " > ".join(x for x in PRECEDENCE["tally"] if x in self.tallies)
            self.conflict(
                "tally",
                tally_src,
                chosen,
                other,
                "-".join(str(int(x)) for x in t),
                chosen,
                f"precedence for tallies: {order}",
            )
        non_voting = None
        if tally_src is not None:
            non_voting = e.records[tally_src].get("non_voting")
            size = self.council_size
            if _missing(non_voting) and self.date is not None and size is not None and self.modality != "without_vote":
                non_voting = size(self.date) - sum(int(x) for x in tally)
        return non_voting

    # ------------------------------------------------------------------ member votes
    def settle_member_votes(self) -> None:
        """The member votes of the best source whose members sat that day, reconciled with the official tally."""
        self.choose_votes()
        if self.chosen_votes and self.modality == "recorded":
            self.note_vote_conflicts()
            self.vote_rows = self.serve_votes()
            self.reconcile_votes()
        elif self.chosen_votes and self.modality != "recorded":
            self.conflict(
                "modality",
                self.modality_src,
                self.modality,
                self.vote_src,
                f"{len(self.chosen_votes)} member votes",
                self.modality,
                "adopted without a vote (precedence for modality): the member rows of "
                f"{self.vote_src}, which code such adoptions as votes, are not served",
            )

    def choose_votes(self) -> None:
        candidates = {s: v for s, v in self.e.votes.items() if v}
        self.vote_src, self.chosen_votes = pick("votes", candidates)
        date, roster, size = self.date, self.roster, self.council_size
        if not self.chosen_votes or roster is None or date is None:
            return
        seated = set(roster(date))
        if len(seated) != (size(date) if size else len(seated)):
            return
        fits = {s: v for s, v in candidates.items() if set(v) <= seated}
        strangers = sorted(set(self.chosen_votes) - seated)
        if strangers and fits:
            better, better_votes = pick("votes", fits)
            self.conflict(
                "votes",
                self.vote_src,
                f"names members not on the Council in {date.year}: {', '.join(strangers)}",
                better,
                f"{len(better_votes)} member votes, all seated",
                better,
                "the member votes of the preferred source name states that did not sit that year; "
                "the next source whose votes fit the membership is used",
            )
            self.vote_src, self.chosen_votes = better, better_votes

    def note_vote_conflicts(self) -> None:
        for other, ov in self.e.votes.items():
            if other == self.vote_src:
                continue
            for m, (_name, v) in ov.items():
                mine = self.chosen_votes.get(m)
                if mine is not None and mine[1] != v:
                    self.conflict(
                        f"vote:{m}",
                        self.vote_src,
                        mine[1],
                        other,
                        v,
                        mine[1],
                        f"precedence for member votes: {self.vote_src} > {other}",
                    )

    def serve_votes(self) -> list[dict[str, Any]]:
        """One row per member vote; for sources that list only who voted, the other seated members as X."""
        did, date = self.e.decision_id, self.date

        def vote_row(m: str, name: str | None, v: str, source: str | None) -> dict[str, Any]:
            return {
                "decision_id": did,
                "member": m,
                "member_name": name,
                "permanent": is_permanent(m),
                "vote": v,
                "source": source,
                "non_voting_reason": None,
            }

        rows = [vote_row(m, name, v, self.vote_src) for m, (name, v) in sorted(self.chosen_votes.items())]
        if self.roster is not None and date is not None and self.vote_src in ("voting_agent", "tong_failed"):
            rows += [vote_row(m, None, "X", "terms") for m in self.roster(date) if m not in self.chosen_votes]
        return rows

    def reconcile_votes(self) -> None:
        """Member votes against the official tally (:func:`unsc.record.reconcile.reconcile`), each change a conflict."""
        e, date, size, vote_src = self.e, self.date, self.council_size, self.vote_src
        official_src = next((x for x in ("dhl_meetings", "tong_meetings") if x in self.tallies), None)
        official = tuple(int(x) for x in self.tallies[official_src]) if official_src else None
        named_np = sorted({m for r in e.records.values() for m in (r.get("not_participating") or [])})
        named_veto = sorted({m for s_, r in e.records.items() if s_ in MEETING_DATED for m in r.get("vetoed_by") or []})
        rec = reconcile(
            {r["member"]: r["vote"] for r in self.vote_rows},
            official,  # type: ignore[arg-type]
            size=size(date) if size is not None and date is not None else len(self.vote_rows),
            official_source=official_src,
            votes_source=vote_src,
            date=date or dt.date.today(),
            filled=[r["member"] for r in self.vote_rows if r["source"] == "terms"],
            named_not_participating=named_np,
            named_vetoers=named_veto,
        )
        for fld, before, after, why in rec.changes:
            self.conflict(f"reconcile:{fld}", official_src, after, vote_src, before, after, why)
        if rec.disagreement:
            mine = "-".join(map(str, rec.tally))
            theirs = "-".join(map(str, official or ()))
            self.conflict("tally_vs_votes", vote_src, mine, official_src, theirs, mine, rec.disagreement)
        if rec.withheld:
            for m, v in sorted(rec.extra.items()):
                self.conflict(
                    f"withheld:{m}",
                    official_src,
                    "not served",
                    vote_src,
                    v,
                    "not served",
                    "member vote withheld: the rows do not add up to the official tally (see the reconcile:votes row)",
                )
            self.vote_rows = []
        else:
            by_member = {r["member"]: r for r in self.vote_rows}
            for m, v in rec.votes.items():
                by_member[m]["vote"] = v
                if m in rec.not_participating:
                    by_member[m]["non_voting_reason"] = "present_not_participating"
        self.tally, self.tally_src = rec.tally, (official_src if rec.withheld else vote_src)

    # ------------------------------------------------------------------ vetoes and the rows
    def settle_vetoers(self) -> tuple[dict[str, list[str]], list[str]]:
        """Who vetoed, by precedence; a veto claimed on a tally short of the votes is no veto (R11)."""
        e = self.e
        for src_, r in e.records.items():
            if r.get("claimed_veto"):
                self.conflict(
                    "vetoed_by",
                    "rules",
                    "none (insufficient votes)",
                    src_,
                    _fmt(r["claimed_veto"]),
                    "none",
                    f"{src_} says vetoed, but its own tally has {int(r['yes'])} affirmative votes, fewer than the "
                    f"{_threshold(r['date'])} required: a permanent member's no is then not a veto (spec R11) and the "
                    "DHL veto list does not list it",
                )
        vetoers = {
            s: sorted(r.get("vetoed_by") or []) for s, r in e.records.items() if r.get("failure_reason") == "veto"
        }
        veto_src, chosen = pick("vetoed_by", {s: v for s, v in vetoers.items() if v})
        vetoed_by = list(chosen or [])
        for other, theirs in vetoers.items():
            if other != veto_src and theirs and theirs != vetoed_by:
                order = " > ".join(x for x in PRECEDENCE["vetoed_by"] if x in vetoers)
                self.conflict(
                    "vetoed_by",
                    veto_src,
                    _fmt(vetoed_by),
                    other,
                    _fmt(theirs),
                    _fmt(vetoed_by),
                    f"precedence for vetoers: {order}",
                )
        return vetoers, vetoed_by

    def decision_row(
        self,
        draft: Any,
        resolution: Any,
        topic: Any,
        sponsors: Any,
        link: Any,
        adopted: Any,
        kind: str,
        non_voting: Any,
        vetoed_by: list[str],
    ) -> dict[str, Any]:
        e, date, tally, modality, size = self.e, self.date, self.tally, self.modality, self.council_size
        failure = "none" if adopted else ("veto" if vetoed_by else None)
        if not adopted and failure is None:
            reasons = {r.get("failure_reason") for r in e.records.values()} - {None}
            failure = "insufficient_votes" if "insufficient_votes" in reasons else (reasons.pop() if reasons else None)
        notes = [str(r.get("note")) for r in e.records.values() if not _missing(r.get("note"))] + self.extra_notes
        recorded = modality == "recorded"
        return {
            "decision_id": e.decision_id,
            "date": date,
            "year": date.year if date else None,
            "meeting": self.meeting,
            "draft": draft,
            "resolution": resolution if adopted else None,
            "resolution_number": _as_int(e.first("resolution_number")) if adopted else None,
            "title": self.title,
            "topic": topic,
            "sponsors": sponsors,
            "kind": kind,
            "modality": modality,
            "adopted": None if adopted is None else bool(adopted),
            "failure_reason": failure,
            "yes": 0 if not recorded else (_as_int(tally[0]) if tally else None),
            "no": 0 if not recorded else (_as_int(tally[1]) if tally else None),
            "abstain": 0 if not recorded else (_as_int(tally[2]) if tally else None),
            "non_voting": 0
            if not recorded
            else (
                size(date) - sum(int(x) for x in tally)
                if tally and date is not None and size is not None
                else _as_int(non_voting)
            ),
            "vetoed_by": vetoed_by,
            "sources": sorted(e.records),
            "link": link,
            "note": "; ".join(dict.fromkeys(notes)) or None,
            "votes_source": self.vote_src if self.vote_rows else None,
            "date_note": self.date_note,
        }

    def veto_rows(
        self, draft: Any, kind: str, vetoers: dict[str, list[str]], vetoed_by: list[str]
    ) -> list[dict[str, Any]]:
        rows = []
        for m in vetoed_by:
            named_by = sorted(s for s, v in vetoers.items() if m in v)
            rows.append(
                {
                    "decision_id": self.e.decision_id,
                    "date": self.date,
                    "draft": draft,
                    "meeting": self.meeting,
                    "title": self.title,
                    "member": m,
                    "member_name": None,
                    "in_dhl_list": "dhl_veto" in named_by,
                    "sources": named_by,
                    "note": kind if kind not in ("draft_resolution",) else None,
                }
            )
        return rows
