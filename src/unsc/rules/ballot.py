"""The engine's value types: a :class:`Ballot` goes in, a :class:`Decision` comes out, a :class:`Mode` says how
to read the Charter where readings differ (spec sections 0.1-0.5).

All three are frozen: build a changed copy with :meth:`Ballot.replace`.

>>> b = Ballot.of("2016-12-23", yes=["Egypt", "France"], abstain=["USA"])
>>> b.count(Vote.YES), b.replace(kind="agenda").kind
(2, <Kind.AGENDA: 'agenda'>)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from unsc.rules.council import RosterError, as_date
from unsc.rules.members import find_member, member, member_on, seat_name_period
from unsc.rules.votes import FailureReason, Interpretation, Kind, Modality, NonVoting, Vote, VotingClass
from unsc.rules.wording import announcement, tally_text

__all__ = ["INTERPRETATIONS", "PRELIMINARY_QUESTION_MODES", "Ballot", "Decision", "Mode", "seat_code"]

INTERPRETATIONS = tuple(i.value for i in Interpretation)
PRELIMINARY_QUESTION_MODES = ("four_power_1945", "presidential_ruling")


@dataclass(frozen=True, slots=True)
class Mode:
    """How to read the Charter where readings differ (spec 0.4).

    * ``interpretation``: an :class:`~unsc.rules.votes.Interpretation` (or its value):
      ``"practice"`` (default: abstention or absence of a permanent member does not block, R7-R9)
      or ``"charter_literal"`` (every permanent member must vote yes).
    * ``enforce_27_3``: ``"off"`` (default: votes as cast, warn if a party voted) or ``"strict"``
      (a party to a Chapter VI dispute is recoded as an obligatory abstention, R10).
    * ``preliminary_question``: ``"four_power_1945"``, ``"presidential_ruling"`` or ``None``
      (by date: 1945 statement before 29 Sep 1950, ruling after; R16).

    >>> Mode(interpretation="charter_literal").interpretation
    <Interpretation.CHARTER_LITERAL: 'charter_literal'>
    >>> Mode(enforce_27_3="always")
    Traceback (most recent call last):
    ...
    ValueError: enforce_27_3 must be 'off' or 'strict', not 'always'
    """

    interpretation: Interpretation = Interpretation.PRACTICE
    enforce_27_3: str = "off"
    preliminary_question: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "interpretation", Interpretation.parse(self.interpretation))  # a str: the enum
        if self.enforce_27_3 not in ("off", "strict"):
            raise ValueError(f"enforce_27_3 must be 'off' or 'strict', not {self.enforce_27_3!r}")
        if self.preliminary_question not in (None, *PRELIMINARY_QUESTION_MODES):
            raise ValueError(
                f"preliminary_question must be 'four_power_1945' or 'presidential_ruling', "
                f"not {self.preliminary_question!r}"
            )


_WORD = {Vote.YES: "yes", Vote.NO: "no", Vote.ABSTAIN: "abstention", Vote.NON_VOTING: "not voting"}


def seat_code(name: str, when: dt.date | None = None) -> str:
    """The code for a state name or code; abstract seats of a custom Council ("E1", "AFR2") pass as they are.

    With ``when``, a name of one government of the China seat ("ROC", "PRC") is accepted only while it
    held the seat (:func:`~unsc.rules.members.member_on`).

    >>> seat_code("Russia"), seat_code("e1")
    ('RUS', 'E1')
    >>> seat_code("XXX")
    Traceback (most recent call last):
    ...
    unsc.rules.members.UnknownMemberError: unknown member 'XXX': give an ISO 3166 alpha-3 code (e.g. USA, RUS, SUN) or a state name
    """
    code = _code_of(name)
    if when is not None and code == "CHN" and seat_name_period(name) is not None:
        member_on(name, when)  # raises for a government's name outside its period
    return code


@functools.lru_cache(maxsize=8192)
def _code_of(name: str) -> str:
    """:func:`seat_code` without the date: a pure function of the name, cached (every ballot names its seats)."""
    found = find_member(name)
    if found is not None:
        return found.code
    stripped = name.strip().upper()
    if stripped.isalnum() and 2 <= len(stripped) <= 6 and not stripped.isalpha():
        return stripped  # abstract seat of a custom Council, e.g. "E1"
    return member(name).code  # raises UnknownMemberError


@dataclass(frozen=True, slots=True)
class Ballot:
    """One vote of the Council: who voted how, on what kind of decision, on what date.

    Build it with :meth:`of`. ``votes`` maps state codes to :class:`Vote`; seats that are not named
    cast no vote, for a reason the ballot does not give (:attr:`NonVoting.UNSPECIFIED`). ``voting_class`` overrides the kind's default class (how a historical ruling is
    reproduced); ``parent_class`` is the class of the text that an amendment or a separately voted
    part belongs to (R27, R28). ``chapter_vi`` and ``parties`` describe a dispute for the Art. 27(3)
    proviso (R10); ``private_meeting`` keeps a veto off the public DHL list (R11, R18).

    >>> b = Ballot.of("1950-06-27", yes=["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"], no=["YUG"],
    ...               not_participating=["EGY", "IND"], absent=["SUN"])
    >>> b.count(Vote.YES), b.reason("SUN")
    (7, <NonVoting.ABSENT: 'absent'>)
    """

    votes: tuple[tuple[str, Vote], ...]
    date: dt.date | None = None
    kind: Kind = Kind.DRAFT_RESOLUTION
    voting_class: VotingClass | None = None
    parent_class: VotingClass | None = None
    modality: Modality = Modality.RECORDED
    reasons: tuple[tuple[str, NonVoting], ...] = ()
    parties: frozenset[str] = frozenset()
    chapter_vi: bool = False
    private_meeting: bool = False
    symbol: str | None = None

    @classmethod
    def of(
        cls,
        date: dt.date | str | None = None,
        *,
        yes: Iterable[str] = (),
        no: Iterable[str] = (),
        abstain: Iterable[str] = (),
        absent: Iterable[str] = (),
        not_participating: Iterable[str] = (),
        obligatory_abstention: Iterable[str] = (),
        not_voting: Iterable[str] = (),
        kind: Kind | str = Kind.DRAFT_RESOLUTION,
        voting_class: VotingClass | str | None = None,
        parent_class: VotingClass | str | None = None,
        modality: Modality | str = Modality.RECORDED,
        parties: Iterable[str] = (),
        chapter_vi: bool = False,
        private_meeting: bool = False,
        symbol: str | None = None,
    ) -> Ballot:
        """Build a ballot from lists of members (codes or names) per vote.

        ``absent``, ``not_participating`` and ``obligatory_abstention`` say why a seat cast no vote;
        ``not_voting`` is a seat that cast none without the record saying why (and so is any seat not
        named). With a ``date``, a name of one government of a permanent seat ("ROC", "PRC") is
        accepted only while it held the seat.

        Raises :class:`~unsc.rules.council.RosterError` if a member is named twice, and
        :class:`~unsc.rules.members.UnknownMemberError` for a name that is no state.

        >>> Ballot.of("2024-03-22", yes=["USA"], no=["United States"])
        Traceback (most recent call last):
        ...
        unsc.rules.council.RosterError: United States (USA) is named twice: as yes and as no
        """
        when = None if date is None else as_date(date)
        votes: dict[str, Vote] = {}
        reasons: dict[str, NonVoting] = {}
        groups: list[tuple[Iterable[str], Vote, NonVoting | None]] = [
            (yes, Vote.YES, None),
            (no, Vote.NO, None),
            (abstain, Vote.ABSTAIN, None),
            (absent, Vote.NON_VOTING, NonVoting.ABSENT),
            (not_participating, Vote.NON_VOTING, NonVoting.NOT_PARTICIPATING),
            (obligatory_abstention, Vote.NON_VOTING, NonVoting.OBLIGATORY_ABSTENTION),
            (not_voting, Vote.NON_VOTING, NonVoting.UNSPECIFIED),
        ]
        for names, vote, reason in groups:
            if isinstance(names, str):
                raise TypeError(f"give a list of members, not the string {names!r}")
            for name in names:
                code = seat_code(name, when)
                if code in votes:
                    raise RosterError(f"{name} ({code}) is named twice: as {_WORD[votes[code]]} and as {_WORD[vote]}")
                votes[code] = vote
                if reason is not None:
                    reasons[code] = reason
        return cls(
            votes=tuple(votes.items()),
            date=when,
            kind=Kind.parse(kind) if isinstance(kind, str) else kind,
            voting_class=None if voting_class is None else VotingClass(voting_class),
            parent_class=None if parent_class is None else VotingClass(parent_class),
            modality=modality if isinstance(modality, Modality) else Modality(modality),
            reasons=tuple(reasons.items()),
            parties=frozenset(seat_code(p, when) for p in parties) if parties else frozenset(),
            chapter_vi=chapter_vi,
            private_meeting=private_meeting,
            symbol=symbol,
        )

    @classmethod
    def from_mapping(cls, date: dt.date | str | None, votes: Mapping[str, Vote | str], **kwargs: Any) -> Ballot:
        """Build a ballot from ``{member: vote}``; an ``X`` says no more than that the seat did not vote.

        >>> Ballot.from_mapping("2016-12-23", {"USA": "A", "Egypt": "Y"}).count(Vote.ABSTAIN)
        1
        >>> Ballot.from_mapping("1950-06-27", {"SUN": "X"}).reason("SUN")
        <NonVoting.UNSPECIFIED: 'not_voting'>
        """
        lists: dict[str, list[str]] = {"yes": [], "no": [], "abstain": [], "not_voting": []}
        key = {Vote.YES: "yes", Vote.NO: "no", Vote.ABSTAIN: "abstain", Vote.NON_VOTING: "not_voting"}
        for name, v in votes.items():
            lists[key[v if isinstance(v, Vote) else Vote.parse(v)]].append(name)
        return cls.of(
            date, yes=lists["yes"], no=lists["no"], abstain=lists["abstain"], not_voting=lists["not_voting"], **kwargs
        )

    def replace(self, **changes: Any) -> Ballot:
        """A copy with some fields changed; ``kind``, ``voting_class`` and ``parent_class`` may be strings.

        >>> Ballot.of("2020-01-10", yes=["FRA"]).replace(voting_class="procedural").voting_class
        <VotingClass.PROCEDURAL: 'procedural'>
        """
        if isinstance(changes.get("kind"), str):
            changes["kind"] = Kind.parse(changes["kind"])
        for name in ("voting_class", "parent_class"):
            if isinstance(changes.get(name), str):
                changes[name] = VotingClass(changes[name])
        if "date" in changes and changes["date"] is not None:
            changes["date"] = as_date(changes["date"])
        return dataclasses.replace(self, **changes)

    @property
    def vote_map(self) -> dict[str, Vote]:
        """The votes as a dict, code -> :class:`Vote`."""
        return dict(self.votes)

    def count(self, vote: Vote) -> int:
        """How many named seats cast ``vote``.

        >>> Ballot.of(yes=["FRA", "GBR"], no=["SUN"]).count(Vote.NO)
        1
        """
        return sum(1 for _, v in self.votes if v is vote)

    def reason(self, code: str) -> NonVoting | None:
        """Why a seat did not vote, if it is ``X``."""
        return dict(self.reasons).get(code)


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of a ballot, with the counts and the reasons (spec 0.5).

    * ``vetoed_by``: the permanent members whose negative vote defeated a decision that had the
      affirmative votes (R11); always a subset of the permanent members that voted no.
    * ``p5_negative_votes``: every permanent member's negative vote, veto or not.
    * ``not_concurring``: in ``charter_literal`` mode, the permanent members that did not vote yes.
    * ``shortfall``: affirmative votes missing, ``max(0, threshold - yes)``.
    * ``explanation``: one paragraph saying why, citing the Article and the spec rule.
    * ``absent``: seats recorded as absent; ``non_voting_reasons`` gives, for every seat that cast no
      vote, why (``absent``, ``present_not_participating``, ``obligatory_abstention`` or ``not_voting``
      when the ballot does not say).
    """

    adopted: bool
    failure_reason: FailureReason
    threshold: int
    voting_class: VotingClass
    kind: Kind
    yes: int
    no: int
    abstain: int
    non_voting: int
    absent: int
    vetoed_by: tuple[str, ...]
    p5_negative_votes: tuple[str, ...]
    p5_concurring_count: int
    shortfall: int
    dhl_veto_list_entry: bool
    announcement: str
    explanation: str
    warnings: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    votes: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    date: dt.date | None = None
    not_concurring: tuple[str, ...] = ()
    interpretation: Interpretation = Interpretation.PRACTICE
    non_voting_reasons: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def veto_cast(self) -> bool:
        """Whether a permanent member's negative vote defeated the decision (R11)."""
        return bool(self.vetoed_by)

    @property
    def tally(self) -> str:
        """The tally as the UN writes it: yes-no-abstentions.

        >>> from unsc.rules import decide
        >>> decide(Ballot.of("2016-12-23", yes=["FRA"], abstain=["USA"])).tally
        '1-0-1'
        """
        return tally_text(self.yes, self.no, self.abstain)

    @property
    def statement(self) -> str:
        """The President's announcement as said in the chamber: the count, then the outcome
        (:func:`unsc.rules.wording.announcement`, the same branches as :attr:`announcement`).

        >>> from unsc.rules import decide
        >>> decide(Ballot.of("2024-03-22", yes=["FRA"])).statement
        'The result of the voting is as follows: 1 vote in favour, none against and no abstentions; 14 members did not vote. The draft resolution has not been adopted, having failed to obtain the required number of votes.'
        """
        return announcement(
            self.adopted, self.failure_reason, self.yes, self.no, self.abstain, self.non_voting, self.kind, formal=True
        )

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the decision (enum values as strings).

        >>> from unsc.rules import decide
        >>> d = decide(Ballot.of("2024-03-25", yes=["FRA"])).to_dict()
        >>> d["adopted"], d["shortfall"], d["failure_reason"]
        (False, 8, 'insufficient_votes')
        """
        return {
            "adopted": self.adopted,
            "failure_reason": self.failure_reason.value,
            "threshold": self.threshold,
            "voting_class": self.voting_class.value,
            "kind": self.kind.value,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "non_voting": self.non_voting,
            "absent": self.absent,
            "vetoed_by": list(self.vetoed_by),
            "veto_cast": self.veto_cast,
            "p5_negative_votes": list(self.p5_negative_votes),
            "p5_concurring_count": self.p5_concurring_count,
            "not_concurring": list(self.not_concurring),
            "shortfall": self.shortfall,
            "dhl_veto_list_entry": self.dhl_veto_list_entry,
            "announcement": self.announcement,
            "explanation": self.explanation,
            "warnings": list(self.warnings),
            "rules": list(self.rules),
            "interpretation": str(self.interpretation),
            "votes": dict(self.votes),
            "non_voting_reasons": dict(self.non_voting_reasons),
            "date": None if self.date is None else self.date.isoformat(),
        }
