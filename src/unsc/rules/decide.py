"""Decide a Security Council vote as the Charter and the Council's practice decide it.

The Charter's voting rule is Article 27:

* 27(2), procedural matters: an affirmative vote of nine members (seven before 1966), no veto;
  see :func:`article_27_2_procedural`.
* 27(3), all other matters: nine affirmative votes *including the concurring votes of the
  permanent members*; in practice a permanent member's abstention or absence does not block,
  only its negative vote does (the veto); see :func:`article_27_3_concurring_votes`.
* 27(3), proviso: a party to a dispute abstains in decisions under Chapter VI and Art. 52(3);
  see :func:`article_27_3_obligatory_abstention`.

>>> d = decide(Ballot.of("2024-03-22", yes=["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"],
...                      no=["RUS", "CHN", "DZA"], abstain=["GUY"]))
>>> d.adopted, d.vetoed_by, d.shortfall
(False, ('CHN', 'RUS'), 0)
>>> print(d.explanation)  # doctest: +ELLIPSIS
Not adopted: vetoed by China and the Russian Federation. ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from unsc.rules.council import ART109_1_AMENDMENT_IN_FORCE, Council, RosterError, as_date, permanent_government
from unsc.rules.members import find_member
from unsc.rules.votes import FailureReason, Kind, Modality, NonVoting, Vote, VotingClass

__all__ = [
    "PRESIDENTIAL_RULING_PRACTICE",
    "Ballot",
    "Decision",
    "Mode",
    "article_27_2_procedural",
    "article_27_3_concurring_votes",
    "article_27_3_obligatory_abstention",
    "decide",
    "required_votes",
    "voting_class",
]

#: From the 29 Sep 1950 meeting (S/PV.506-507) the preliminary question was settled by a
#: presidential ruling, not by a vetoable vote (R16). Before it, the 1945 four-power statement.
PRESIDENTIAL_RULING_PRACTICE = dt.date(1950, 9, 29)


@dataclass(frozen=True, slots=True)
class Mode:
    """How to read the Charter where readings differ (spec 0.4).

    * ``interpretation``: ``"practice"`` (default: abstention or absence of a permanent member does
      not block, R7-R9) or ``"charter_literal"`` (every permanent member must vote yes).
    * ``enforce_27_3``: ``"off"`` (default: votes as cast, warn if a party voted) or ``"strict"``
      (a party to a Chapter VI dispute is recoded as an obligatory abstention, R10).
    * ``preliminary_question``: ``"four_power_1945"``, ``"presidential_ruling"`` or ``None``
      (by date: 1945 statement before 29 Sep 1950, ruling after; R16).
    """

    interpretation: str = "practice"
    enforce_27_3: str = "off"
    preliminary_question: str | None = None

    def __post_init__(self) -> None:
        if self.interpretation not in ("practice", "charter_literal"):
            raise ValueError(f"interpretation must be 'practice' or 'charter_literal', not {self.interpretation!r}")
        if self.enforce_27_3 not in ("off", "strict"):
            raise ValueError(f"enforce_27_3 must be 'off' or 'strict', not {self.enforce_27_3!r}")
        if self.preliminary_question not in (None, "four_power_1945", "presidential_ruling"):
            raise ValueError(
                f"preliminary_question must be 'four_power_1945' or 'presidential_ruling', "
                f"not {self.preliminary_question!r}"
            )


@dataclass(frozen=True, slots=True)
class Ballot:
    """One vote of the Council: who voted how, on what kind of decision, on what date.

    Build it with :meth:`of`. ``votes`` maps state codes to :class:`Vote`; seats of a known roster
    that are not named count as absent. ``voting_class`` overrides the kind's default class (how
    a historical ruling is reproduced); ``parent_class`` is the class of the text that an
    amendment or a separately voted part belongs to (R27, R28).

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

        Raises :class:`RosterError` if a member is named twice, and
        :class:`~unsc.rules.members.UnknownMemberError` for a name that is no state.
        """
        votes: dict[str, Vote] = {}
        reasons: dict[str, NonVoting] = {}
        groups: list[tuple[Iterable[str], Vote, NonVoting | None]] = [
            (yes, Vote.YES, None),
            (no, Vote.NO, None),
            (abstain, Vote.ABSTAIN, None),
            (absent, Vote.NON_VOTING, NonVoting.ABSENT),
            (not_participating, Vote.NON_VOTING, NonVoting.NOT_PARTICIPATING),
            (obligatory_abstention, Vote.NON_VOTING, NonVoting.OBLIGATORY_ABSTENTION),
        ]
        for names, vote, reason in groups:
            for name in names:
                code = _code(name)
                if code in votes:
                    raise RosterError(f"{name} ({code}) is named twice: as {_WORD[votes[code]]} and as {_WORD[vote]}")
                votes[code] = vote
                if reason is not None:
                    reasons[code] = reason
        return cls(
            votes=tuple(votes.items()),
            date=None if date is None else as_date(date),
            kind=Kind.parse(kind) if isinstance(kind, str) else kind,
            voting_class=None if voting_class is None else VotingClass(voting_class),
            parent_class=None if parent_class is None else VotingClass(parent_class),
            modality=Modality(modality),
            reasons=tuple(reasons.items()),
            parties=frozenset(_code(p) for p in parties),
            chapter_vi=chapter_vi,
            private_meeting=private_meeting,
            symbol=symbol,
        )

    @classmethod
    def from_mapping(cls, date: dt.date | str | None, votes: Mapping[str, Vote | str], **kwargs: Any) -> Ballot:
        """Build a ballot from ``{member: vote}``; ``X`` votes count as absences.

        >>> Ballot.from_mapping("2016-12-23", {"USA": "A", "Egypt": "Y"}).count(Vote.ABSTAIN)
        1
        """
        lists: dict[str, list[str]] = {"yes": [], "no": [], "abstain": [], "absent": []}
        key = {Vote.YES: "yes", Vote.NO: "no", Vote.ABSTAIN: "abstain", Vote.NON_VOTING: "absent"}
        for name, v in votes.items():
            lists[key[v if isinstance(v, Vote) else Vote.parse(v)]].append(name)
        return cls.of(date, **lists, **kwargs)

    @property
    def vote_map(self) -> dict[str, Vote]:
        """The votes as a dict, code -> :class:`Vote`."""
        return dict(self.votes)

    def count(self, vote: Vote) -> int:
        """How many named seats cast ``vote``."""
        return sum(1 for _, v in self.votes if v is vote)

    def reason(self, code: str) -> NonVoting | None:
        """Why a seat did not vote, if it is ``X``."""
        return dict(self.reasons).get(code)


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of a ballot, with the counts and the reasons (spec 0.5).

    ``vetoed_by`` lists the permanent members whose negative vote alone defeated a decision that
    had the affirmative votes; ``p5_negative_votes`` lists every permanent member's negative vote,
    veto or not. ``shortfall`` is the number of affirmative votes missing.
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

    @property
    def veto_cast(self) -> bool:
        """Whether a permanent member's negative vote defeated the decision (R11)."""
        return bool(self.vetoed_by)

    @property
    def tally(self) -> str:
        """The tally as the UN writes it: yes-no-abstentions.

        >>> decide(Ballot.of("2016-12-23", yes=["FRA"], abstain=["USA"])).tally
        '1-0-1'
        """
        return f"{self.yes}-{self.no}-{self.abstain}"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the decision (enum values as strings).

        >>> decide(Ballot.of("2024-03-25", yes=["FRA"])).to_dict()["adopted"]
        False
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
            "shortfall": self.shortfall,
            "dhl_veto_list_entry": self.dhl_veto_list_entry,
            "announcement": self.announcement,
            "explanation": self.explanation,
            "warnings": list(self.warnings),
            "rules": list(self.rules),
            "votes": dict(self.votes),
            "date": None if self.date is None else self.date.isoformat(),
        }


# --------------------------------------------------------------------------------------------
# The rules, by article


def required_votes(council: Council, kind: Kind, when: dt.date | None) -> int:
    """Affirmative votes a decision needs (R1, R21, R22).

    >>> required_votes(Council.on("1967-06-01"), Kind.ART109_1_CONFERENCE, dt.date(1967, 6, 1))
    7
    >>> required_votes(Council.on("2020-11-12"), Kind.ICJ_BALLOT, None)
    8
    """
    if kind is Kind.ART109_1_CONFERENCE and when is not None:
        return 7 if when < ART109_1_AMENDMENT_IN_FORCE else 9  # "any seven", then "any nine"
    if kind is Kind.ART109_3_CONFERENCE:
        return 7  # Art. 109(3) was never amended
    if kind is Kind.ICJ_BALLOT:
        return council.size // 2 + 1  # ICJ Statute Art. 10: absolute majority, no distinction
    return council.threshold


def voting_class(ballot: Ballot, mode: Mode = Mode()) -> VotingClass:
    """The class that governs a ballot: explicit override, parent text, preliminary question, kind.

    >>> voting_class(Ballot.of(kind="amendment", parent_class="procedural"))
    <VotingClass.PROCEDURAL: 'procedural'>
    """
    if ballot.voting_class is not None:
        return ballot.voting_class
    if ballot.kind in (Kind.AMENDMENT, Kind.PART):
        return ballot.parent_class or VotingClass.NON_PROCEDURAL  # R27(3), R28(2)
    if ballot.kind is Kind.PRELIMINARY_QUESTION:
        return (
            VotingClass.NON_PROCEDURAL
            if _preliminary_mode(ballot, mode) == "four_power_1945"
            else VotingClass.PROCEDURAL
        )
    return ballot.kind.default_class


def article_27_2_procedural(yes: int, threshold: int) -> bool:
    """Art. 27(2): a procedural decision needs ``threshold`` affirmative votes; nobody has a veto.

    >>> article_27_2_procedural(9, 9), article_27_2_procedural(8, 9)
    (True, False)
    """
    return yes >= threshold


def article_27_3_concurring_votes(
    yes: int,
    threshold: int,
    permanent_votes: Mapping[str, Vote],
    interpretation: str = "practice",
    vetoes_needed: int = 1,
) -> tuple[bool, tuple[str, ...]]:
    """Art. 27(3): ``threshold`` affirmative votes including the concurring votes of the permanent members.

    Returns ``(adopted, blocking_members)``. In practice (the default, confirmed by the ICJ in the
    Namibia opinion, 1971) only a negative vote blocks: abstention and absence do not (R7-R9). A
    negative vote blocks only when the decision had the votes without it; otherwise the decision
    fails for lack of votes and no veto is cast (R11). ``charter_literal`` reads "concurring" as
    "voting yes". ``vetoes_needed`` > 1 models reform proposals in which it takes several
    permanent members to block.

    >>> article_27_3_concurring_votes(11, 9, {"CHN": Vote.NO, "RUS": Vote.NO, "USA": Vote.YES})
    (False, ('CHN', 'RUS'))
    >>> article_27_3_concurring_votes(14, 9, {"USA": Vote.ABSTAIN})
    (True, ())
    >>> article_27_3_concurring_votes(8, 9, {"USA": Vote.NO})
    (False, ())
    """
    if yes < threshold:
        return False, ()
    if interpretation == "charter_literal":
        blockers = tuple(c for c, v in permanent_votes.items() if v is not Vote.YES)
        return not blockers, blockers
    blockers = tuple(c for c, v in permanent_votes.items() if v is Vote.NO)
    if len(blockers) >= vetoes_needed:
        return False, blockers
    return True, ()


def article_27_3_obligatory_abstention(ballot: Ballot, cls: VotingClass, mode: Mode) -> tuple[Ballot, list[str]]:
    """Art. 27(3), proviso: in decisions under Chapter VI and Art. 52(3) a party to a dispute abstains (R10).

    Applies only to non-procedural decisions flagged ``chapter_vi`` with named ``parties``. With
    ``enforce_27_3="off"`` (modern practice) votes stay as cast and a warning says the proviso was
    not observed; with ``"strict"`` the parties' votes are recoded as obligatory abstentions.
    Returns the ballot to count and the warnings.
    """
    if cls is not VotingClass.NON_PROCEDURAL or not ballot.chapter_vi or not ballot.parties:
        return ballot, []
    votes = ballot.vote_map
    voting_parties = sorted(p for p in ballot.parties if votes.get(p, Vote.NON_VOTING) is not Vote.NON_VOTING)
    if not voting_parties:
        return ballot, []
    if mode.enforce_27_3 == "off":
        return ballot, ["art27_3_not_observed"]
    for p in voting_parties:
        votes[p] = Vote.NON_VOTING
    reasons = dict(ballot.reasons) | {p: NonVoting.OBLIGATORY_ABSTENTION for p in voting_parties}
    recoded = Ballot(
        tuple(votes.items()),
        ballot.date,
        ballot.kind,
        ballot.voting_class,
        ballot.parent_class,
        ballot.modality,
        tuple(reasons.items()),
        ballot.parties,
        ballot.chapter_vi,
        ballot.private_meeting,
        ballot.symbol,
    )
    return recoded, ["art27_3_enforced"]


# --------------------------------------------------------------------------------------------


def decide(ballot: Ballot, council: Council | None = None, mode: Mode = Mode()) -> Decision:
    """Decide a ballot: adopted or not, and why.

    ``council`` defaults to the Charter Council on the ballot's date (:meth:`Council.on`); pass
    one with its elected members to have every vote checked against the roster, or a custom one
    for reform scenarios.

    >>> decide(Ballot.of("2024-03-25", yes=["DZA", "CHN", "ECU", "FRA", "GUY", "JPN", "MLT", "MOZ", "KOR",
    ...                                     "RUS", "SLE", "SVN", "CHE", "GBR"], abstain=["USA"])).adopted
    True
    >>> d = decide(Ballot.of("2022-02-27", yes=list("ALB BRA FRA GAB GHA IRL KEN MEX NOR GBR USA".split()),
    ...                      no=["RUS"], abstain=["CHN", "IND", "ARE"], kind="convene_gaess_377"))
    >>> d.adopted, d.vetoed_by
    (True, ())
    """
    if council is None:
        if ballot.date is None:
            raise ValueError("a ballot needs a date, or pass a Council")
        council = Council.on(ballot.date)
    when = ballot.date
    kind = ballot.kind
    cls = voting_class(ballot, mode)
    threshold = required_votes(council, kind, when)
    warnings: list[str] = []
    rules: list[str] = []
    if council.seated_size_note and kind not in (Kind.ART109_1_CONFERENCE, Kind.ART109_3_CONFERENCE):
        warnings.append("threshold_follows_seated_council")

    votes, reasons, roster_warnings = _seat_votes(ballot, council)
    warnings += roster_warnings

    if ballot.modality is Modality.WITHOUT_VOTE:
        return Decision(
            adopted=True,
            failure_reason=FailureReason.NONE,
            threshold=threshold,
            voting_class=cls,
            kind=kind,
            yes=0,
            no=0,
            abstain=0,
            non_voting=0,
            absent=0,
            vetoed_by=(),
            p5_negative_votes=(),
            p5_concurring_count=0,
            shortfall=0,
            dhl_veto_list_entry=False,
            announcement="adopted without a vote",
            explanation="Adopted without a vote: the President declared it adopted and no member asked for a vote "
            "(R12). There is no tally and no veto.",
            warnings=tuple(warnings),
            rules=("R12",),
            votes=(),
            date=when,
        )

    counted = Ballot(
        tuple(votes.items()),
        ballot.date,
        kind,
        ballot.voting_class,
        ballot.parent_class,
        ballot.modality,
        tuple(reasons.items()),
        ballot.parties,
        ballot.chapter_vi,
        ballot.private_meeting,
        ballot.symbol,
    )
    counted, w = article_27_3_obligatory_abstention(counted, cls, mode)
    warnings += w
    votes, reasons = counted.vote_map, dict(counted.reasons)

    yes = sum(1 for v in votes.values() if v is Vote.YES)
    no = sum(1 for v in votes.values() if v is Vote.NO)
    abstain = sum(1 for v in votes.values() if v is Vote.ABSTAIN)
    non_voting = council.size - yes - no - abstain
    absent = sum(
        1 for c, v in votes.items() if v is Vote.NON_VOTING and reasons.get(c, NonVoting.ABSENT) is NonVoting.ABSENT
    )
    absent += council.size - len(votes)  # seats nobody named
    permanent_votes = {p: votes.get(p, Vote.NON_VOTING) for p in council.permanent}
    p5_no = tuple(p for p, v in permanent_votes.items() if v is Vote.NO)
    p5_yes = sum(1 for v in permanent_votes.values() if v is Vote.YES)

    if cls is VotingClass.NON_PROCEDURAL:
        adopted, blockers = article_27_3_concurring_votes(
            yes, threshold, permanent_votes, mode.interpretation, council.vetoes_needed
        )
        rules.append("Art. 27(3)")
    else:
        adopted, blockers = article_27_2_procedural(yes, threshold), ()
        rules.append({VotingClass.PROCEDURAL: "Art. 27(2)"}.get(cls, _special_article(kind)))
    vetoed_by = _in_seat_order(blockers, council) if not adopted and blockers else ()
    failure = FailureReason.NONE if adopted else (FailureReason.VETO if vetoed_by else FailureReason.INSUFFICIENT_VOTES)
    shortfall = max(0, threshold - yes)
    dhl_entry = bool(vetoed_by) and any(votes.get(p) is Vote.NO for p in vetoed_by) and not ballot.private_meeting

    # warnings about permanent members that did not vote (R8, R9) and presence (R5)
    if cls is VotingClass.NON_PROCEDURAL and council.permanent:
        for p, v in permanent_votes.items():
            if v is Vote.NON_VOTING:
                r = reasons.get(p, NonVoting.ABSENT)
                if r is NonVoting.ABSENT:
                    warnings.append("p5_absent")
                elif r is NonVoting.NOT_PARTICIPATING:
                    warnings.append("p5_not_participating")
        if p5_yes == 0:
            warnings.append("no_p5_concurring")
    if yes + no + abstain < threshold:
        warnings.append("fewer_present_than_required")
    if kind is Kind.ADVISORY_OPINION_REQUEST and ballot.voting_class is None:
        warnings.append("classification_unsettled")
    if kind is Kind.PRELIMINARY_QUESTION:
        rules.append("R16")
    if p5_no and not vetoed_by and cls is VotingClass.NON_PROCEDURAL and yes < threshold:
        rules.append("R11")

    announcement = _announcement(adopted, failure, yes, no, abstain, council)
    explanation = _explain(
        adopted,
        failure,
        cls,
        kind,
        threshold,
        yes,
        no,
        abstain,
        vetoed_by,
        p5_no,
        permanent_votes,
        reasons,
        council,
        when,
        shortfall,
        mode,
    )
    return Decision(
        adopted=adopted,
        failure_reason=failure,
        threshold=threshold,
        voting_class=cls,
        kind=kind,
        yes=yes,
        no=no,
        abstain=abstain,
        non_voting=non_voting,
        absent=absent,
        vetoed_by=vetoed_by,
        p5_negative_votes=_in_seat_order(p5_no, council),
        p5_concurring_count=p5_yes,
        shortfall=shortfall,
        dhl_veto_list_entry=dhl_entry,
        announcement=announcement,
        explanation=explanation,
        warnings=tuple(warnings),
        rules=tuple(rules),
        votes=tuple((c, v.value) for c, v in votes.items()),
        date=when,
    )


# --------------------------------------------------------------------------------------------
# helpers

_WORD = {Vote.YES: "yes", Vote.NO: "no", Vote.ABSTAIN: "abstention", Vote.NON_VOTING: "not voting"}


def _code(name: str) -> str:
    from unsc.rules.members import member

    found = find_member(name)
    if found is None:
        stripped = name.strip().upper()
        if stripped.isalnum() and 2 <= len(stripped) <= 6 and not stripped.isalpha():
            return stripped  # abstract seat of a custom Council, e.g. "E1"
        return member(name).code  # raises UnknownMemberError
    return found.code


def _preliminary_mode(ballot: Ballot, mode: Mode) -> str:
    if mode.preliminary_question is not None:
        return mode.preliminary_question
    if ballot.date is not None and ballot.date < PRESIDENTIAL_RULING_PRACTICE:
        return "four_power_1945"
    return "presidential_ruling"


def _special_article(kind: Kind) -> str:
    return {
        Kind.ART109_1_CONFERENCE: "Art. 109(1)",
        Kind.ART109_3_CONFERENCE: "Art. 109(3)",
        Kind.ICJ_BALLOT: "ICJ Statute Art. 10",
    }.get(kind, "special majority")


def _seat_votes(ballot: Ballot, council: Council) -> tuple[dict[str, Vote], dict[str, NonVoting], list[str]]:
    """Map every vote onto the Council's seats; check the roster (R4)."""
    votes: dict[str, Vote] = {}
    reasons: dict[str, NonVoting] = {}
    given = dict(ballot.reasons)
    for code, vote in ballot.votes:
        seat = council.canonical(code)
        if seat in votes:
            raise RosterError(f"{code} is named twice (as the seat {seat})")
        votes[seat] = vote
        if code in given:
            reasons[seat] = given[code]
    warnings: list[str] = []
    roster = council.members
    if roster is not None:
        strangers = [c for c in votes if c not in roster]
        if strangers:
            when = f" on {council.date}" if council.date else ""
            raise RosterError(f"not a member of the Council{when}: {', '.join(strangers)}")
        for c in roster:
            if c not in votes:
                votes[c] = Vote.NON_VOTING
                reasons[c] = NonVoting.ABSENT
    else:
        if len(votes) > council.size:
            raise RosterError(f"{len(votes)} members named, but the Council has {council.size} seats")
        named_elected = [c for c in votes if c not in council.permanent]
        if len(named_elected) > council.size - len(council.permanent):
            raise RosterError(
                f"{len(named_elected)} elected members named, but the Council has "
                f"{council.size - len(council.permanent)} elected seats: {', '.join(named_elected)}"
            )
        for p in council.permanent:
            if p not in votes:
                votes[p] = Vote.NON_VOTING
                reasons[p] = NonVoting.ABSENT
    for c, v in votes.items():
        if v is Vote.NON_VOTING:
            reasons.setdefault(c, NonVoting.ABSENT)
    return votes, reasons, warnings


def _in_seat_order(codes: Iterable[str], council: Council) -> tuple[str, ...]:
    s = set(codes)
    order = {c: i for i, c in enumerate(council.permanent)}
    return tuple(sorted(s, key=lambda c: (order.get(c, len(order)), c)))


def _name(code: str, when: dt.date | None) -> str:
    from unsc.rules.council import permanent_seat

    if when is not None and permanent_seat(code):
        name = permanent_government(code, when)[1]
        return "China" if name.endswith("Republic of China") and when >= dt.date(1971, 10, 25) else name
    m = find_member(code)
    return m.name if m else code


def _names(codes: Iterable[str], when: dt.date | None) -> str:
    names = [_name(c, when) for c in codes]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _the(codes: Iterable[str], when: dt.date | None) -> str:
    names = [_name(c, when) for c in codes]
    names = [
        ("the " + n) if n.startswith(("United", "Russian", "USSR", "Republic of", "Netherlands")) else n for n in names
    ]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _announcement(adopted: bool, failure: FailureReason, yes: int, no: int, abstain: int, council: Council) -> str:
    if adopted:
        if yes == council.size:
            return "adopted unanimously"
        return f"adopted by {yes} votes to {no}, with {abstain} abstention{'s' if abstain != 1 else ''}"
    if failure is FailureReason.VETO:
        return "not adopted, owing to the negative vote of a permanent member"
    return "not adopted, having failed to obtain the required number of votes"


def _explain(
    adopted: bool,
    failure: FailureReason,
    cls: VotingClass,
    kind: Kind,
    threshold: int,
    yes: int,
    no: int,
    abstain: int,
    vetoed_by: tuple[str, ...],
    p5_no: tuple[str, ...],
    permanent_votes: Mapping[str, Vote],
    reasons: Mapping[str, NonVoting],
    council: Council,
    when: dt.date | None,
    shortfall: int,
    mode: Mode,
) -> str:
    article = {VotingClass.PROCEDURAL: "Art. 27(2), procedural", VotingClass.NON_PROCEDURAL: "Art. 27(3)"}.get(
        cls, _special_article(kind)
    )
    tally = f"{yes} in favour, {no} against, {abstain} abstaining"
    verb_pl = "vote" if yes == 1 else "votes"
    parts: list[str] = []
    if adopted:
        parts.append(f"Adopted: {yes} affirmative {verb_pl} ({tally}); {threshold} required ({article}).")
    elif failure is FailureReason.VETO:
        if mode.interpretation == "charter_literal" and not p5_no:
            parts.append(
                f"Not adopted under the literal reading of Art. 27(3): {_the(vetoed_by, when)} did not "
                f"concur (vote yes), although the draft had {yes} affirmative votes of the {threshold} "
                f"required. In practice this would have been adopted."
            )
        else:
            whom = _the(vetoed_by, when)
            parts.append(
                f"Not adopted: vetoed by {whom}. The draft had {yes} affirmative votes ({tally}), "
                f"enough to pass ({threshold} required), but the negative vote of a permanent member "
                f"defeats a non-procedural decision ({article})."
            )
    else:
        parts.append(
            f"Not adopted: {yes} affirmative {verb_pl} ({tally}), {shortfall} short of the {threshold} "
            f"required ({article})."
        )
        if p5_no and cls is VotingClass.NON_PROCEDURAL:
            parts.append(
                f"The negative vote of {_the(p5_no, when)} was not a veto, since the draft lacked the "
                f"votes to pass without it (R11)."
            )
    if cls is VotingClass.PROCEDURAL and p5_no:
        parts.append(
            f"The decision is procedural, so there is no veto: the negative vote of {_the(p5_no, when)} "
            f"counted like any other (Art. 27(2))."
        )
    if cls is VotingClass.SPECIAL:
        parts.append("This special majority makes no distinction between permanent and elected members: no veto.")
    if cls is VotingClass.NON_PROCEDURAL and mode.interpretation == "practice":
        abst = [p for p, v in permanent_votes.items() if v is Vote.ABSTAIN]
        away = [p for p, v in permanent_votes.items() if v is Vote.NON_VOTING]
        if abst and (adopted or failure is FailureReason.VETO):
            parts.append(
                f"The abstention of {_the(abst, when)} does not block: in the Council's settled practice "
                f"a permanent member's abstention is not a veto (R8)."
            )
        if away and (adopted or failure is FailureReason.VETO):
            parts.append(
                f"{_the(away, when)[0].upper()}{_the(away, when)[1:]} did not vote, which does not block either (R9)."
            )
    if council.seated_size_note and kind not in (Kind.ART109_1_CONFERENCE, Kind.ART109_3_CONFERENCE):
        parts.append(f"Threshold {threshold}: the {council.seated_size_note}.")
    return " ".join(parts)
