"""One recorded decision as a typed value: what `unsc show`, the web pages, the JSON API and the news check render.

A :class:`RecordedDecision` is built once from a store row and its member votes. Its invariants are
checked when it is built (:meth:`RecordedDecision.problems`): the counts equal the member rows,
a veto names its vetoers and they voted no, the draft symbol's year fits the vote's, and the
recorded outcome equals the rules engine's re-decision of the same member votes unless a cited
exception says otherwise. The explanation and the President's announcement come from
:func:`unsc.rules.decide` on the same object (:attr:`RecordedDecision.ruling`), so a page can
never put an "Adopted" headline next to a "Not adopted" explanation.

>>> d = RecordedDecision.from_row(
...     {"decision_id": "S/2024/239", "date": dt.date(2024, 3, 22), "draft": "S/2024/239", "adopted": False,
...      "failure_reason": "veto", "yes": 11, "no": 3, "abstain": 1, "non_voting": 0, "vetoed_by": ["CHN", "RUS"],
...      "kind": "draft_resolution", "modality": "recorded"},
...     [{"member": m, "vote": "Y"} for m in "USA GBR FRA JPN KOR MLT CHE SVN ECU MOZ SLE".split()]
...     + [{"member": m, "vote": "N"} for m in ("RUS", "CHN", "DZA")] + [{"member": "GUY", "vote": "A"}])
>>> d.headline, d.tally, d.problems()
('Not adopted (vetoed by China and the Russian Federation)', '11-3-1', [])
>>> d.explanation.startswith("Not adopted: vetoed by China and the Russian Federation")
True
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from unsc.record.sources.normalize import draft_fits_date
from unsc.rules import Ballot, Council, Decision, FailureReason, Kind, Modality, NonVoting, Vote, VotingClass, decide
from unsc.rules.wording import tally_text

__all__ = ["MemberVote", "Modality", "RecordInvariantError", "RecordedDecision"]


#: the opening of the Library's resolution titles: "Security Council resolution 1839 (2008) [on ...]"
_TITLE_RESOLUTION = re.compile(r"Security Council resolution (\d+) ?\((\d{4})\)")


#: a meeting record symbol, as the record stores it (a letter of the 2020 written procedure is not one)
_MEETING_RECORD = re.compile(r"S/PV\.\d+")

#: what a source writes in a sponsors cell that is not a sponsor: placeholders, doubt, escaped control characters
_SPONSOR_PLACEHOLDERS = frozenset({"-none-", "none", "n/a", "na", "-", "?", "unknown", "missing"})
_SPONSOR_JUNK = re.compile(r"\?|_x000[0-9A-Fa-f]_|[\r\n\t]")


class RecordInvariantError(ValueError):
    """A recorded decision contradicts itself (counts vs rows, outcome vs rule without a cited reason)."""


@dataclass(frozen=True)
class MemberVote:
    """One seat's recorded vote."""

    member: str
    vote: Vote
    name: str | None = None
    permanent: bool = False
    non_voting: NonVoting | None = None
    source: str | None = None


_PLAIN = frozenset({str, int, bool})
#: the votes as the store writes them ("Y", "N", "A", "X"), each to its member of Vote
_VOTE_OF: dict[Any, Vote] = {v.value: v for v in Vote}
#: the decisions columns that are fields of their own (the others go to ``extra``)
_ROW_FIELDS = frozenset(
    {"decision_id", "date", "kind", "modality", "adopted", "failure_reason", "yes", "no", "abstain"}
)


def _none(v: Any) -> Any:
    if type(v) in _PLAIN:  # most values: nothing to convert
        return v
    if v is None or (isinstance(v, float) and v != v):
        return None
    pd = sys.modules.get("pandas")  # a value from a DataFrame: pandas is loaded; never import it here (`unsc show`)
    if pd is not None and (v is pd.NA or v is pd.NaT):
        return None
    if hasattr(v, "tolist") and not isinstance(v, str):
        return v.tolist()
    return v


def _int(v: Any) -> int | None:
    v = _none(v)
    return None if v is None else int(v)


def _names(codes: Iterable[str], when: dt.date | None = None) -> str:
    # the rules engine's own wording of member names ("China and the Russian Federation"), one place for it
    from unsc.rules.decide import _the

    return _the(sorted(codes), when)


@dataclass(frozen=True)
class RecordedDecision:
    """A vote the Council took (or a decision adopted without a vote), as the record serves it."""

    decision_id: str
    date: dt.date | None
    kind: Kind
    modality: Modality
    adopted: bool | None
    failure_reason: FailureReason | None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    vetoed_by: tuple[str, ...] = ()
    votes: tuple[MemberVote, ...] = ()
    meeting: str | None = None
    draft: str | None = None
    resolution: str | None = None
    resolution_number: int | None = None
    title: str | None = None
    topic: str | None = None
    sponsors: str | None = None
    sources: tuple[str, ...] = ()
    votes_source: str | None = None
    link: str | None = None
    note: str | None = None
    date_note: str | None = None
    #: why the recorded outcome may differ from the rules' (a cited source error or kind), if any
    exception: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False)

    # ------------------------------------------------------------------ building

    @classmethod
    def from_row(
        cls, row: Mapping[str, Any], votes: Iterable[Mapping[str, Any]] = (), *, exception: str | None = None
    ) -> RecordedDecision:
        """Build from a ``decisions`` row and its ``votes`` rows (dicts of Python values)."""
        mv = []
        for v in votes:
            nv = _none(v.get("non_voting_reason"))
            code = v["vote"]
            mv.append(
                MemberVote(
                    member=str(v["member"]),
                    vote=_VOTE_OF.get(code) or Vote(code),  # the enum's own lookup for anything else
                    name=_none(v.get("member_name")),
                    permanent=bool(_none(v.get("permanent"))),
                    non_voting=NonVoting(nv) if nv else None,
                    source=_none(v.get("source")),
                )
            )
        fr = _none(row.get("failure_reason"))
        adopted = _none(row.get("adopted"))
        known = _ROW_FIELDS
        return cls(
            decision_id=str(row["decision_id"]),
            date=_none(row.get("date")),
            kind=Kind.parse(_none(row.get("kind")) or "draft_resolution"),
            modality=Modality(_none(row.get("modality")) or "recorded"),
            adopted=None if adopted is None else bool(adopted),
            failure_reason=FailureReason(fr) if fr else None,
            yes=_int(row.get("yes")),
            no=_int(row.get("no")),
            abstain=_int(row.get("abstain")),
            non_voting=_int(row.get("non_voting")),
            vetoed_by=tuple(sorted(_none(row.get("vetoed_by")) or ())),
            votes=tuple(mv),
            meeting=_none(row.get("meeting")),
            draft=_none(row.get("draft")),
            resolution=_none(row.get("resolution")),
            resolution_number=_int(row.get("resolution_number")),
            title=_none(row.get("title")),
            topic=_none(row.get("topic")),
            sponsors=_none(row.get("sponsors")),
            sources=tuple(_none(row.get("sources")) or ()),
            votes_source=_none(row.get("votes_source")),
            link=_none(row.get("link")),
            note=_none(row.get("note")),
            date_note=_none(row.get("date_note")),
            exception=exception,
            extra={k: v for k, v in row.items() if k not in known},
        )

    # ------------------------------------------------------------------ the rules' view of the same object

    @property
    def without_vote(self) -> bool:
        """Adopted without a vote (no tally, no veto: R12)."""
        return self.modality is not Modality.RECORDED

    def ballot(self) -> Ballot | None:
        """The member votes as a :class:`unsc.rules.Ballot`, or ``None`` when there is nothing to re-decide."""
        if self.date is None:
            return None
        if self.without_vote:
            return Ballot.of(self.date, kind=self.kind, modality="without_vote")
        if not self.votes:
            return None
        lists: dict[str, list[str]] = {
            k: [] for k in ("yes", "no", "abstain", "absent", "not_participating", "not_voting")
        }
        for v in self.votes:
            if v.vote is Vote.NON_VOTING:
                key = {NonVoting.NOT_PARTICIPATING: "not_participating", NonVoting.ABSENT: "absent"}.get(
                    v.non_voting,  # type: ignore[arg-type]
                    "not_voting",  # the source does not say why: "did not vote", never "was absent"
                )
            else:
                key = {Vote.YES: "yes", Vote.NO: "no", Vote.ABSTAIN: "abstain"}[v.vote]
            lists[key].append(v.member)
        for names in lists.values():
            names.sort()  # one ballot for one set of votes, whatever order the rows came in
        return Ballot.of(
            self.date,
            yes=lists["yes"],
            no=lists["no"],
            abstain=lists["abstain"],
            absent=lists["absent"],
            not_participating=lists["not_participating"],
            not_voting=lists["not_voting"],
            kind=self.kind,
        )

    @cached_property
    def ruling(self) -> Decision | None:
        """:func:`unsc.rules.decide` on these member votes (``None`` without votes or date)."""
        b = self.ballot()
        return None if b is None else _ruling_of(b)

    # ------------------------------------------------------------------ what pages show

    @property
    def tally(self) -> str:
        """``"11-3-1"``, ``"without a vote"``, ``"by acclamation"`` or ``"unknown"``."""
        if self.modality is Modality.ACCLAMATION:
            return "by acclamation"
        if self.without_vote:
            return "without a vote"
        if self.yes is None or self.no is None or self.abstain is None:
            return "unknown"
        return tally_text(self.yes, self.no, self.abstain)

    @property
    def headline(self) -> str:
        """``Adopted``, ``Not adopted (vetoed by ...)``, ``Not adopted (short of the votes)``, ``Outcome unknown``."""
        if self.adopted is None:
            return "Outcome unknown"
        if self.adopted:
            return "Adopted"
        if self.vetoed_by:
            return f"Not adopted (vetoed by {_names(self.vetoed_by, self.date)})"
        if self.failure_reason is FailureReason.INSUFFICIENT_VOTES:
            return "Not adopted (short of the votes)"
        return "Not adopted"

    @property
    def not_participating(self) -> tuple[str, ...]:
        """Members present that did not participate in the vote."""
        return tuple(v.member for v in self.votes if v.non_voting is NonVoting.NOT_PARTICIPATING)

    @property
    def explanation(self) -> str:
        """Why the outcome is what it is, in words, by the rules engine from these member votes."""
        r = self.ruling
        if r is not None and r.adopted == self.adopted:
            return r.explanation
        if r is not None:
            return (
                f"Recorded as {'adopted' if self.adopted else 'not adopted'}; the member votes "
                f"({self.tally}) give '{r.explanation}' under the rules. "
                + (f"Why they differ: {self.exception}" if self.exception else "Unexplained.")
            )
        base = self.headline + (f", vote {self.tally}" if self.tally not in ("unknown",) else "")
        return f"{base}. The sources give no member votes, so the rules engine cannot re-decide it."

    @property
    def announcement(self) -> str | None:
        """The President's announcement of the result, by :mod:`unsc.rules`, when the votes are known."""
        r = self.ruling
        return r.announcement if r is not None else None

    # ------------------------------------------------------------------ invariants

    def problems(self) -> list[str]:
        """Every invariant this decision breaks (empty when it agrees with itself)."""
        out: list[str] = []
        if self.votes and not self.without_vote:
            counted = (
                sum(v.vote is Vote.YES for v in self.votes),
                sum(v.vote is Vote.NO for v in self.votes),
                sum(v.vote is Vote.ABSTAIN for v in self.votes),
            )
            if counted != (self.yes, self.no, self.abstain):
                out.append(
                    f"counts_vs_rows: the tally {self.tally} differs from the member rows {'-'.join(map(str, counted))}"
                )
            for m in self.vetoed_by:
                if not any(v.member == m and v.vote is Vote.NO for v in self.votes):
                    out.append(f"veto_vs_rows: vetoed by {m}, whose recorded vote is not no")
        if self.failure_reason is FailureReason.VETO and not self.vetoed_by:
            out.append("veto_without_vetoer: failure reason veto but no vetoing member")
        if self.vetoed_by and self.adopted:
            out.append("adopted_with_veto: adopted but vetoed_by is set")
        if self.draft and self.date and not draft_fits_date(self.draft, self.date):
            out.append(f"draft_year: the symbol {self.draft} cannot be the draft of a vote of {self.date}")
        out += self._identity_problems()
        out += self._title_problems()
        out += self._sponsor_problems()
        if self.meeting and not _MEETING_RECORD.fullmatch(self.meeting):
            out.append(f"meeting_not_a_record: {self.meeting!r} is not a meeting record (S/PV.<number>)")
        r = self.ruling
        if r is None and not self.votes and not self.exception:
            out += self._tally_problems()
        if r is not None and self.adopted is not None and r.adopted != self.adopted and not self.exception:
            out.append(
                f"outcome_vs_rule: recorded {'adopted' if self.adopted else 'not adopted'}, rules say "
                f"{'adopted' if r.adopted else 'not adopted'}"
            )
        return out

    def _identity_problems(self) -> list[str]:
        """A resolution is an adopted draft resolution: an adopted draft without a number, or a number on a
        text not adopted, means the vote is misidentified (an amendment typed as a draft, a duplicate)."""
        if self.kind is not Kind.DRAFT_RESOLUTION or self.adopted is None:
            return []
        if self.adopted and self.resolution_number is None:
            return ["adopted_without_resolution: an adopted draft resolution has no resolution number"]
        if not self.adopted and self.resolution_number is not None:
            return [f"resolution_not_adopted: resolution {self.resolution} recorded as not adopted"]
        return []

    def _title_problems(self) -> list[str]:
        """A title that opens "Security Council resolution N (YEAR)" must name this decision's resolution:
        another number or year there is a title from (or typed for) another resolution."""
        if not self.title:
            return []
        m = _TITLE_RESOLUTION.match(self.title)
        if m is None:
            return []
        named = (int(m[1]), int(m[2]))
        year = self.date.year if self.date else None
        if self.resolution_number is None or named != (self.resolution_number, year):
            return [
                f"title_vs_resolution: the title names resolution {named[0]} ({named[1]}), the record "
                f"{self.resolution or 'no resolution'}"
            ]
        return []

    def _sponsor_problems(self) -> list[str]:
        """Sponsors are names of states (or the President, the E10): a source's placeholder, a question mark
        or a spreadsheet's escaped line break is not one, and must not be served as if it were."""
        if not self.sponsors:
            return []
        text = self.sponsors
        if _SPONSOR_JUNK.search(text) or text.strip().casefold() in _SPONSOR_PLACEHOLDERS:
            return [f"sponsors_text: the sponsors {text[:60]!r} are not names"]
        return []

    def _tally_problems(self) -> list[str]:
        """Without member votes, the tally must still allow the recorded outcome under Article 27: a
        non-procedural text not adopted with the required majority needs a vetoer, and an adopted one
        needs the majority (R3, R7)."""
        if self.modality is not Modality.RECORDED or self.date is None or self.adopted is None:
            return []
        if self.yes is None or self.kind.default_class is not VotingClass.NON_PROCEDURAL:
            return []
        needed = Council.on(self.date).threshold
        if not self.adopted and self.yes >= needed and not self.vetoed_by:
            return [
                f"tally_vs_outcome: not adopted with {self.tally} ({needed} required) and no permanent member's "
                "negative vote recorded"
            ]
        if self.adopted and self.yes < needed:
            return [f"tally_vs_outcome: adopted with {self.tally}, short of the {needed} votes required"]
        return []

    def check(self) -> RecordedDecision:
        """Raise :class:`RecordInvariantError` if any invariant is broken; return self otherwise."""
        p = self.problems()
        if p:
            raise RecordInvariantError(f"{self.decision_id}: " + "; ".join(p))
        return self

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the row, the member votes, and headline/explanation/announcement from this object."""
        out: dict[str, Any] = dict(self.extra)
        out.update(
            decision_id=self.decision_id,
            date=self.date,
            kind=self.kind.value,
            modality=self.modality.value,
            adopted=self.adopted,
            failure_reason=self.failure_reason.value if self.failure_reason else None,
            yes=self.yes,
            no=self.no,
            abstain=self.abstain,
            non_voting=self.non_voting,
            vetoed_by=list(self.vetoed_by),
            meeting=self.meeting,
            draft=self.draft,
            resolution=self.resolution,
            resolution_number=self.resolution_number,
            title=self.title,
            topic=self.topic,
            sponsors=self.sponsors,
            sources=list(self.sources),
            votes_source=self.votes_source,
            link=self.link,
            note=self.note,
            date_note=self.date_note,
            tally=self.tally,
            headline=self.headline,
            explanation=self.explanation,
            announcement=self.announcement,
            not_participating=list(self.not_participating),
            votes=[
                {
                    "member": v.member,
                    "member_name": v.name,
                    "permanent": v.permanent,
                    "vote": v.vote.value,
                    "non_voting_reason": v.non_voting.value if v.non_voting else None,
                    "source": v.source,
                }
                for v in self.votes
            ],
        )
        return out


@functools.lru_cache(maxsize=8192)
def _ruling_of(ballot: Ballot) -> Decision | None:
    """:func:`unsc.rules.decide` on a ballot, the Council of its date when the ballot names none.

    Ballots and decisions are immutable values, so the build's passes over the same record (validation,
    then the lookup file) decide each vote once.
    """
    try:
        return decide(ballot)
    except ValueError:
        if ballot.date is None:
            return None
        try:
            return decide(ballot, Council.on(ballot.date))
        except ValueError:
            return None
