"""Decide a Security Council vote as the Charter and the Council's practice decide it: Article 27.

The Charter's voting rule is Article 27 (spec rules R5-R11):

* **27(1)** each member has one vote (R4).
* **27(2)**, procedural matters: an affirmative vote of nine members (seven before 1966), nobody has
  a veto; see :func:`article_27_2_procedural` (R6).
* **27(3)**, all other matters: nine affirmative votes *including the concurring votes of the
  permanent members*. In the Council's settled practice (confirmed by the ICJ in the Namibia opinion,
  1971) a permanent member's abstention or absence does not block; only its negative vote does, and
  only when the decision had the affirmative votes without it: that is the veto. See
  :func:`article_27_3_concurring_votes` (R7-R9, R11).
* **27(3), proviso**: in decisions under Chapter VI and Art. 52(3) a party to a dispute abstains;
  see :func:`article_27_3_obligatory_abstention` (R10).

Other fixed majorities (Art. 109 "any seven/nine", the ICJ Statute's absolute majority) are in
:func:`required_votes`; which paragraph governs a ballot is :func:`voting_class`.

>>> d = decide(Ballot.of("2024-03-22", yes=["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"],
...                      no=["RUS", "CHN", "DZA"], abstain=["GUY"]))
>>> d.adopted, d.vetoed_by, d.shortfall
(False, ('CHN', 'RUS'), 0)
>>> print(d.explanation)  # doctest: +ELLIPSIS
Not adopted: vetoed by China and the Russian Federation. The draft had 11 votes in favour, ...
>>> decide(Ballot.of("2014-12-30", yes=["FRA", "GBR", "RUS", "CHN", "ARG", "CHL", "JOR", "LUX"], no=["USA", "AUS"],
...                   abstain=["KOR", "LTU", "NGA", "RWA", "TCD"])).failure_reason  # 8 yes: short, not a veto
<FailureReason.INSUFFICIENT_VOTES: 'insufficient_votes'>
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from unsc.rules.ballot import Ballot, Decision, Mode
from unsc.rules.charter import FIRST_MEETING, PERMANENT_SEATS, USSR_LABEL_LAST_DAY, not_a_member_reason, roster_years
from unsc.rules.council import (
    ART109_1_AMENDMENT_IN_FORCE,
    PRC_SEATED,
    Council,
    RosterError,
    permanent_government,
    permanent_seat,
)
from unsc.rules.members import find_member
from unsc.rules.votes import FailureReason, Kind, NonVoting, Vote, VotingClass
from unsc.rules.wording import announcement, name_list, proposal_name, with_article

__all__ = [
    "FAILURE_ORDER",
    "NAMIBIA_OPINION",
    "PRESIDENTIAL_RULING_PRACTICE",
    "Ballot",
    "Decision",
    "ImpossibleVoteError",
    "Mode",
    "article_27_2_procedural",
    "article_27_3_concurring_votes",
    "article_27_3_obligatory_abstention",
    "check_class",
    "decide",
    "failure_code",
    "member_names",
    "outcome",
    "preliminary_question_mode",
    "required_votes",
    "special_majority",
    "voting_class",
]

#: From the 29 Sep 1950 meeting (S/PV.506-507) the preliminary question was settled by a
#: presidential ruling, not by a vetoable vote (R16). Before it, the 1945 four-power statement.
PRESIDENTIAL_RULING_PRACTICE = dt.date(1950, 9, 29)
#: The ICJ's Namibia advisory opinion (21 Jun 1971, para. 22) confirmed that a permanent member's
#: abstention does not block; before it the rule was the Council's practice alone (R8).
NAMIBIA_OPINION = dt.date(1971, 6, 21)


class ImpossibleVoteError(ValueError):
    """A ballot the Charter cannot produce: a class the kind cannot have, a vote before the Council met,
    a kind that has never operated."""


# The counts are ``int`` or NumPy integer arrays (the batch form); rules imports no NumPy, hence ``Any``.
def outcome(
    cls: VotingClass,
    yes: Any,
    threshold: Any,
    p5_no: Any,
    p5_not_concurring: Any,
    interpretation: str = "practice",
    vetoes_needed: Any = 1,
) -> tuple[Any, Any]:
    """The one rule of adoption, from counts: ``(adopted, blocked)``; works on ints and NumPy arrays alike.

    ``p5_no`` is the number of permanent members voting no; ``p5_not_concurring`` the number that
    neither voted yes nor were excused by the Art. 27(3) proviso. ``blocked`` means the decision had
    the affirmative votes but a permanent member stopped it (a veto, or in ``charter_literal`` mode a
    missing concurring vote). Both :func:`decide` and :func:`unsc.rules.batch.decide_many` call it.

    >>> outcome(VotingClass.NON_PROCEDURAL, 11, 9, 2, 2)
    (False, True)
    >>> outcome(VotingClass.NON_PROCEDURAL, 14, 9, 0, 1), outcome(VotingClass.NON_PROCEDURAL, 14, 9, 0, 1, "charter_literal")
    ((True, False), (False, True))
    >>> outcome(VotingClass.PROCEDURAL, 9, 9, 1, 1), outcome(VotingClass.NON_PROCEDURAL, 8, 9, 1, 1)
    ((True, False), (False, False))
    """
    passes = yes >= threshold
    if cls is VotingClass.NON_PROCEDURAL:
        if interpretation == "charter_literal":
            blocked = passes & (p5_not_concurring > 0)
        elif interpretation == "practice":
            blocked = passes & (p5_no >= vetoes_needed)
        else:
            raise ValueError(f"interpretation must be 'practice' or 'charter_literal', not {interpretation!r}")
    else:  # Art. 27(2) and the fixed majorities: no veto
        blocked = passes & False
    return passes ^ blocked, blocked


def failure_code(adopted: Any, blocked: Any, p5_no: Any) -> Any:
    """The one rule for why a decision failed, as an index into ``(none, insufficient_votes, veto,
    no_concurrence)``; works on ints and NumPy arrays alike (shared with the batch form).

    A blocked decision with a permanent member's no is a veto (R11); blocked without one can only
    be the literal reading's missing concurring vote; not blocked and not adopted is too few votes.

    >>> failure_code(True, False, 0), failure_code(False, False, 1), failure_code(False, True, 1), failure_code(False, True, 0)
    (0, 1, 2, 3)
    """
    return (1 - adopted) * (1 + blocked * (1 + (p5_no == 0)))


#: :func:`failure_code` order.
FAILURE_ORDER = (FailureReason.NONE, FailureReason.INSUFFICIENT_VOTES, FailureReason.VETO, FailureReason.NO_CONCURRENCE)


def check_class(kind: Kind, cls: VotingClass | None, *, parent: VotingClass | None = None) -> None:
    """Refuse a class the kind cannot have (an override, or an amendment's parent class), naming both.

    >>> check_class(Kind.DRAFT_RESOLUTION, VotingClass.SPECIAL)
    Traceback (most recent call last):
    ...
    unsc.rules.decide.ImpossibleVoteError: a draft_resolution cannot be decided as special: the fixed majorities without veto (Art. 109, ICJ Statute Art. 10) apply only to art109_1_conference, art109_3_conference and icj_ballot; a draft_resolution is procedural (Art. 27(2)) or non_procedural (Art. 27(3))
    >>> check_class(Kind.ICJ_BALLOT, VotingClass.NON_PROCEDURAL)
    Traceback (most recent call last):
    ...
    unsc.rules.decide.ImpossibleVoteError: an icj_ballot cannot be decided as non_procedural: ICJ Statute Art. 10(2) elects by an absolute majority of the Council with no distinction between permanent and elected members, so it is only special
    """
    if cls is not None and cls not in kind.possible_classes:
        a = "an" if kind.value[0] in "aeiou" else "a"
        if kind is Kind.ICJ_BALLOT:
            why = (
                "ICJ Statute Art. 10(2) elects by an absolute majority of the Council with no distinction "
                "between permanent and elected members, so it is only special"
            )
        elif kind in (Kind.ART109_1_CONFERENCE, Kind.ART109_3_CONFERENCE):
            why = f"Art. {'109(1)' if kind is Kind.ART109_1_CONFERENCE else '109(3)'} needs the votes of any seven or nine members, with no veto, so it is only special"
        else:
            why = (
                "the fixed majorities without veto (Art. 109, ICJ Statute Art. 10) apply only to "
                f"art109_1_conference, art109_3_conference and icj_ballot; {a} {kind.value} is procedural "
                "(Art. 27(2)) or non_procedural (Art. 27(3))"
            )
        raise ImpossibleVoteError(f"{a} {kind.value} cannot be decided as {cls.value}: {why}")
    if parent is not None and parent is VotingClass.SPECIAL:
        raise ImpossibleVoteError(
            f"the text {'an amendment' if kind is Kind.AMENDMENT else 'a part'} belongs to must be procedural "
            "or non_procedural, not special: Art. 109 and ICJ votes are not amended or divided"
        )


# --------------------------------------------------------------------------------------------
# The rules, by article


def article_27_2_procedural(yes: int, threshold: int) -> bool:
    """Art. 27(2): a procedural decision needs ``threshold`` affirmative votes; nobody has a veto (R6).

    >>> article_27_2_procedural(9, 9), article_27_2_procedural(8, 9)
    (True, False)
    """
    return bool(outcome(VotingClass.PROCEDURAL, yes, threshold, 0, 0)[0])


def article_27_3_concurring_votes(
    yes: int,
    threshold: int,
    permanent_votes: Mapping[str, Vote],
    interpretation: str = "practice",
    vetoes_needed: int = 1,
    excused: Iterable[str] = (),
) -> tuple[bool, tuple[str, ...]]:
    """Art. 27(3): ``threshold`` affirmative votes including the concurring votes of the permanent members.

    Returns ``(adopted, blocking_members)``.

    * ``"practice"`` (the default, R7-R9): only a permanent member's negative vote blocks; its
      abstention or absence does not. A negative vote blocks only when the decision had the
      affirmative votes without it; otherwise the decision fails for lack of votes and no veto is
      cast (R11).
    * ``"charter_literal"`` reads "concurring" as "voting yes": every permanent member that did not
      vote yes blocks (for comparison only; the record contradicts it).

    ``vetoes_needed`` > 1 models reform proposals in which it takes several permanent members to block.
    ``excused`` are permanent members obliged to abstain as parties to a dispute (the proviso of
    Art. 27(3), R10): the Charter itself takes their concurring vote out, so even the literal reading
    does not count them as withholding it.

    >>> article_27_3_concurring_votes(11, 9, {"CHN": Vote.NO, "RUS": Vote.NO, "USA": Vote.YES})
    (False, ('CHN', 'RUS'))
    >>> article_27_3_concurring_votes(14, 9, {"USA": Vote.ABSTAIN})
    (True, ())
    >>> article_27_3_concurring_votes(14, 9, {"USA": Vote.ABSTAIN}, "charter_literal")
    (False, ('USA',))
    >>> article_27_3_concurring_votes(8, 9, {"USA": Vote.NO})
    (False, ())
    >>> article_27_3_concurring_votes(9, 7, {"GBR": Vote.NON_VOTING, "USA": Vote.YES}, "charter_literal", excused=["GBR"])
    (True, ())
    """
    out = set(excused)
    negative = tuple(c for c, v in permanent_votes.items() if v is Vote.NO)
    withheld = tuple(c for c, v in permanent_votes.items() if v is not Vote.YES and c not in out)
    adopted, blocked = outcome(
        VotingClass.NON_PROCEDURAL, yes, threshold, len(negative), len(withheld), interpretation, vetoes_needed
    )
    if not blocked:
        return adopted, ()
    return False, (withheld if interpretation == "charter_literal" else negative)


def article_27_3_obligatory_abstention(ballot: Ballot, cls: VotingClass, mode: Mode) -> tuple[Ballot, list[str]]:
    """Art. 27(3), proviso: in decisions under Chapter VI and Art. 52(3) a party to a dispute abstains (R10).

    The proviso applies only to a non-procedural decision flagged ``chapter_vi`` (a dispute, not a
    mere situation) and only to the ``parties`` named. It binds permanent and elected members alike
    and never lowers the threshold.

    * ``enforce_27_3="off"`` (default, modern practice): votes stay as cast; if a party voted, the
      warning ``art27_3_not_observed`` says so.
    * ``enforce_27_3="strict"`` (a what-if): the parties' votes are recoded as obligatory
      abstentions (``X``) before counting, with the warning ``art27_3_enforced``.

    Returns the ballot to count and the warnings.

    >>> b = Ballot.of("2014-03-15", yes=["USA"], no=["RUS"], chapter_vi=True, parties=["RUS", "UKR"])
    >>> article_27_3_obligatory_abstention(b, VotingClass.NON_PROCEDURAL, Mode())[1]
    ['art27_3_not_observed']
    >>> strict, warnings = article_27_3_obligatory_abstention(b, VotingClass.NON_PROCEDURAL, Mode(enforce_27_3="strict"))
    >>> strict.vote_map["RUS"], strict.reason("RUS"), warnings
    (<Vote.NON_VOTING: 'X'>, <NonVoting.OBLIGATORY_ABSTENTION: 'obligatory_abstention'>, ['art27_3_enforced'])
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
    return ballot.replace(votes=tuple(votes.items()), reasons=tuple(reasons.items())), ["art27_3_enforced"]


def special_majority(yes: int, required: int) -> bool:
    """A fixed number of votes from any members, with no veto: Art. 109 ("any seven/nine", R22) and the
    ICJ Statute's absolute majority (Art. 10(2), R21).

    >>> special_majority(8, 7), special_majority(6, 7)
    (True, False)
    """
    return bool(outcome(VotingClass.SPECIAL, yes, required, 0, 0)[0])


def required_votes(council: Council, kind: Kind, when: dt.date | None) -> int:
    """Affirmative votes a decision needs (R1, R21, R22).

    * Art. 27: the Council's threshold (7 while 11 members sat, 9 from 1966).
    * Art. 109(1): "any seven" until 11 June 1968, "any nine" from 12 June 1968.
    * Art. 109(3): "any seven" (never amended).
    * ICJ Statute Art. 10: an absolute majority of the Council, ``size // 2 + 1``.

    >>> required_votes(Council.on("1967-06-01"), Kind.ART109_1_CONFERENCE, dt.date(1967, 6, 1))
    7
    >>> required_votes(Council.on("2020-11-12"), Kind.ICJ_BALLOT, None)
    8
    >>> required_votes(Council.on("1960-11-16"), Kind.ICJ_BALLOT, None)
    6
    """
    if kind is Kind.ART109_1_CONFERENCE and when is not None:
        return 7 if when < ART109_1_AMENDMENT_IN_FORCE else 9  # "any seven", then "any nine"
    if kind is Kind.ART109_3_CONFERENCE:
        return 7  # Art. 109(3) was never amended
    if kind is Kind.ICJ_BALLOT:
        return council.size // 2 + 1  # ICJ Statute Art. 10: absolute majority, no distinction
    return council.threshold


def preliminary_question_mode(when: dt.date | None, mode: Mode = Mode()) -> str:
    """How the preliminary question "is this matter procedural?" is settled (R16).

    An explicit ``mode.preliminary_question`` wins; otherwise by date: ``"four_power_1945"`` (a
    vetoable vote: the double veto) before 29 Sep 1950, ``"presidential_ruling"`` from then on.

    >>> preliminary_question_mode(dt.date(1948, 5, 24)), preliminary_question_mode(dt.date(1959, 9, 7))
    ('four_power_1945', 'presidential_ruling')
    """
    if mode.preliminary_question is not None:
        return mode.preliminary_question
    if when is not None and when < PRESIDENTIAL_RULING_PRACTICE:
        return "four_power_1945"
    return "presidential_ruling"


def voting_class(ballot: Ballot, mode: Mode = Mode()) -> VotingClass:
    """The class that governs a ballot: explicit override, parent text, preliminary question, kind (R13-R16).

    >>> voting_class(Ballot.of(kind="amendment", parent_class="procedural"))
    <VotingClass.PROCEDURAL: 'procedural'>
    >>> voting_class(Ballot.of("1948-05-24", kind="preliminary_question"))
    <VotingClass.NON_PROCEDURAL: 'non_procedural'>
    """
    check_class(ballot.kind, ballot.voting_class, parent=ballot.parent_class)
    if ballot.voting_class is not None:
        return ballot.voting_class
    if ballot.kind in (Kind.AMENDMENT, Kind.PART):
        return ballot.parent_class or VotingClass.NON_PROCEDURAL  # R27(3), R28(2)
    if ballot.kind is Kind.PRELIMINARY_QUESTION:
        if preliminary_question_mode(ballot.date, mode) == "four_power_1945":
            return VotingClass.NON_PROCEDURAL
        return VotingClass.PROCEDURAL
    return ballot.kind.default_class


# --------------------------------------------------------------------------------------------


def decide(
    ballot: Ballot,
    council: Council | None = None,
    mode: Mode = Mode(),
    *,
    kind: Kind | str | None = None,
    voting_class: VotingClass | str | None = None,
) -> Decision:
    """Decide a ballot: adopted or not, and why.

    ``council`` defaults to the Council seated on the ballot's date, with the elected members of the
    rules' own roster (:meth:`Council.seated`), so a vote from a state not on the Council is an
    error; for a year the roster does not cover, the Charter Council (:meth:`Council.on`) with the
    warning ``elected_members_not_checked``. Pass ``Council.on(date)`` for a hypothetical membership,
    or a custom Council for reform scenarios. Whatever the Council, a state that was not a UN Member
    on the date (not yet admitted, dissolved, an observer) cannot vote, and nothing is decided
    before the Council's first meeting (17 Jan 1946). ``kind`` and ``voting_class`` override the
    ballot's own; a class the kind cannot have raises :class:`ImpossibleVoteError`.

    >>> decide(Ballot.of("2024-03-25", yes=["DZA", "CHN", "ECU", "FRA", "GUY", "JPN", "MLT", "MOZ", "KOR",
    ...                                     "RUS", "SLE", "SVN", "CHE", "GBR"], abstain=["USA"])).adopted
    True
    >>> d = decide(Ballot.of("2022-02-27", yes="ALB BRA FRA GAB GHA IRL KEN MEX NOR GBR USA".split(),
    ...                      no=["RUS"], abstain=["CHN", "IND", "ARE"]), kind="convene_gaess_377")
    >>> d.adopted, d.vetoed_by, d.voting_class
    (True, (), <VotingClass.PROCEDURAL: 'procedural'>)
    """
    ballot = _with_overrides(ballot, kind, voting_class)
    warnings: list[str] = []
    council = _council_for(ballot, council, warnings)
    when = ballot.date or council.date
    if council.date is not None:
        _check_council_existed(council.date)
    kind = ballot.kind
    cls = _voting_class(ballot, mode)
    threshold = required_votes(council, kind, when)
    from_council = kind not in _FIXED_MAJORITY  # Art. 27's threshold, which follows the seated Council (R1)
    rules: list[str] = ["R1"] if from_council else []
    if council.seated_size_note and from_council:
        warnings.append("threshold_follows_seated_council")
    for said in council.roster_warnings:  # R3: warn, never fail
        warnings.append("roster_regional_pattern" if said.startswith("regional") else "roster_immediate_reelection")

    # R4: one vote per seat, only Council members vote; seats not named are absent
    votes, reasons = _seat_votes(ballot, council)

    if ballot.modality.is_without_vote:
        return _without_vote(ballot, council, cls, threshold, warnings, when)

    counted = ballot.replace(
        votes=tuple(votes.items()),
        reasons=tuple(reasons.items()),
        parties=frozenset(_canonical_or_self(council, p) for p in ballot.parties),
    )
    # Art. 27(3), proviso: a party to a Chapter VI dispute abstains (R10)
    counted, w = article_27_3_obligatory_abstention(counted, cls, mode)
    warnings += w
    f = _tally(ballot, council, mode, cls, threshold, from_council, counted.vote_map, dict(counted.reasons))
    rules.append(f.rule)
    rules += _rule_notes(ballot, cls, f.yes, threshold, f.permanent_votes, f.p5_no, f.reasons, f.adopted)
    warnings += _practice_warnings(f)
    return Decision(
        adopted=f.adopted,
        failure_reason=f.failure,
        threshold=threshold,
        voting_class=cls,
        kind=kind,
        yes=f.yes,
        no=f.no,
        abstain=f.abstain,
        non_voting=f.non_voting,
        absent=f.absent,
        vetoed_by=f.vetoed_by,
        p5_negative_votes=_in_seat_order(f.p5_no, council),
        p5_concurring_count=f.p5_yes,
        shortfall=f.shortfall,
        dhl_veto_list_entry=bool(f.vetoed_by) and not ballot.private_meeting,
        announcement=announcement(f.adopted, f.failure, f.yes, f.no, f.abstain, f.non_voting, kind),
        explanation=_explain(f),
        warnings=tuple(warnings),
        rules=tuple(sorted(set(rules), key=_rule_number)),
        votes=tuple(zip(f.votes, map(_VOTE_CODE.__getitem__, f.votes.values()), strict=True)),
        date=when,
        not_concurring=f.not_concurring,
        interpretation=mode.interpretation,
        non_voting_reasons=tuple((c, f.reasons[c].value) for c, v in f.votes.items() if v is Vote.NON_VOTING),
    )


# --------------------------------------------------------------------------------------------
# the steps of decide()


def _with_overrides(ballot: Ballot, kind: Kind | str | None, voting_class: VotingClass | str | None) -> Ballot:
    """The ballot with ``kind`` / ``voting_class`` overridden; kinds the engine does not decide are refused."""
    if kind is not None or voting_class is not None:
        changes: dict[str, object] = {}
        if kind is not None:
            changes["kind"] = kind
        if voting_class is not None:
            changes["voting_class"] = voting_class
        ballot = ballot.replace(**changes)
    if ballot.kind is Kind.SG_STRAW_POLL:
        raise ValueError("a straw poll is informal and decides nothing: read it with unsc.rules.straw_polls.read_poll")
    if ballot.kind is Kind.ART44_CONTINGENTS:
        raise ImpossibleVoteError(
            "Art. 44 (a non-member contributing forces takes part in the decision on its contingents) has never "
            "operated, since no Art. 43 agreement was ever concluded; the engine does not decide it (R4)"
        )
    return ballot


def _council_for(ballot: Ballot, council: Council | None, warnings: list[str]) -> Council:
    """The Council given, else the one seated on the ballot's date (the Charter Council, with a
    warning, for a year the roster does not cover)."""
    if council is not None:
        return council
    if ballot.date is None:
        raise ValueError("a ballot needs a date, or pass a Council")
    _check_council_existed(ballot.date)
    if ballot.date.year in roster_years():
        return Council.seated(ballot.date)
    warnings.append("elected_members_not_checked")
    return Council.on(ballot.date)


@dataclass(slots=True)
class _Facts:
    """What decide() established about one ballot: the input, the counts and the outcome (never changed
    once made; not a frozen dataclass only because freezing costs a guarded set per field on every decision)."""

    ballot: Ballot
    council: Council
    mode: Mode
    cls: VotingClass
    threshold: int
    from_council: bool
    votes: Mapping[str, Vote]
    reasons: Mapping[str, NonVoting]
    yes: int
    no: int
    abstain: int
    non_voting: int
    absent: int
    permanent_votes: Mapping[str, Vote]
    p5_no: tuple[str, ...]
    p5_yes: int
    adopted: bool
    vetoed_by: tuple[str, ...]
    not_concurring: tuple[str, ...]
    rule: str  # the spec rule the outcome follows: R6, R7, R21 or R22
    failure: FailureReason
    shortfall: int

    @property
    def when(self) -> dt.date | None:
        return self.ballot.date or self.council.date


def _tally(
    ballot: Ballot,
    council: Council,
    mode: Mode,
    cls: VotingClass,
    threshold: int,
    from_council: bool,
    votes: Mapping[str, Vote],
    reasons: Mapping[str, NonVoting],
) -> _Facts:
    """Count the votes (R5) and apply Art. 27(3) (R7, R11), Art. 27(2) (R6) or a fixed majority
    without veto (R21, R22)."""
    # R5: only affirmative votes count, against a fixed number; abstentions and absences never lower it
    counts = Counter(votes.values())
    yes, no, abstain = counts[Vote.YES], counts[Vote.NO], counts[Vote.ABSTAIN]
    non_voting = council.size - yes - no - abstain  # X: absent, not participating, obligatory abstention
    absent = sum(1 for c, r in reasons.items() if r is NonVoting.ABSENT and votes.get(c) is Vote.NON_VOTING)
    permanent_votes = {p: votes.get(p, Vote.NON_VOTING) for p in council.permanent}
    p5_no = tuple(p for p, v in permanent_votes.items() if v is Vote.NO)
    p5_yes = sum(1 for v in permanent_votes.values() if v is Vote.YES)
    not_concurring: tuple[str, ...] = ()
    if cls is VotingClass.NON_PROCEDURAL:
        excused = [p for p in council.permanent if reasons.get(p) is NonVoting.OBLIGATORY_ABSTENTION]
        adopted, blockers = article_27_3_concurring_votes(
            yes, threshold, permanent_votes, mode.interpretation, council.vetoes_needed, excused
        )
        vetoed_by = _in_seat_order((b for b in blockers if permanent_votes[b] is Vote.NO), council)
        if mode.interpretation == "charter_literal":
            not_concurring = _in_seat_order(blockers, council)
        rule = "R7"
    elif cls is VotingClass.PROCEDURAL:
        adopted, vetoed_by = article_27_2_procedural(yes, threshold), ()
        rule = "R6"
    else:
        adopted, vetoed_by = special_majority(yes, threshold), ()
        rule = "R21" if ballot.kind is Kind.ICJ_BALLOT else "R22"
    failure = FAILURE_ORDER[failure_code(adopted, bool(vetoed_by) or bool(not_concurring), len(vetoed_by))]
    return _Facts(
        ballot, council, mode, cls, threshold, from_council, votes, reasons, yes, no, abstain, non_voting, absent,
        permanent_votes, p5_no, p5_yes, adopted, vetoed_by, not_concurring, rule, failure, max(0, threshold - yes),
    )  # fmt: skip


def _practice_warnings(f: _Facts) -> list[str]:
    """Warnings about how the vote was taken: permanent members away, too few present, an unsettled class."""
    out: list[str] = []
    if f.cls is VotingClass.NON_PROCEDURAL and f.council.permanent:
        for p, v in f.permanent_votes.items():
            if v is Vote.NON_VOTING:
                r = f.reasons.get(p, NonVoting.UNSPECIFIED)
                if r is NonVoting.ABSENT:
                    out.append("p5_absent")
                elif r is NonVoting.NOT_PARTICIPATING:
                    out.append("p5_not_participating")
        if f.p5_yes == 0:
            out.append("no_p5_concurring")
    if f.yes + f.no + f.abstain < f.threshold:
        out.append("fewer_present_than_required")
    if f.ballot.kind is Kind.ADVISORY_OPINION_REQUEST and f.ballot.voting_class is None:
        out.append("classification_unsettled")
    if f.vetoed_by and f.ballot.private_meeting:
        out.append("private_meeting_not_in_dhl_list")
    return out


# --------------------------------------------------------------------------------------------
# helpers


def _rule_number(rule: str) -> int:
    """The spec rule's number, to list rules in the spec's order: "R11" -> 11."""
    return int(rule[1:])


#: each vote's code, read once (``Vote.value`` is a descriptor call per seat in every decision)
_VOTE_CODE = {v: v.value for v in Vote}

_FIXED_MAJORITY = (Kind.ART109_1_CONFERENCE, Kind.ART109_3_CONFERENCE, Kind.ICJ_BALLOT)


def _voting_class(ballot: Ballot, mode: Mode) -> VotingClass:
    return voting_class(ballot, mode)  # inside decide() the name voting_class is its keyword argument


def _canonical_or_self(council: Council, code: str) -> str:
    try:
        return council.canonical(code)
    except (KeyError, ValueError):
        return code


def _check_council_existed(d: dt.date) -> None:
    if d < FIRST_MEETING:
        raise ImpossibleVoteError(
            f"no Security Council decision on {d}: the Council first met on 17 Jan 1946 (its elected members "
            "were seated from 12 Jan 1946)"
        )


@functools.lru_cache(maxsize=8192)
def _member_problem(code: str, seat: str, d: dt.date) -> str | None:
    if code == "SUN" and seat == "RUS" and d <= USSR_LABEL_LAST_DAY:
        return None  # the UN's own records still say "USSR" for the last week of 1991
    if not_a_member_reason(seat, d) is None:
        if code == seat or code in PERMANENT_SEATS:  # "RUS" for the USSR's seat before 1991: the seat's present code
            return None
        if not_a_member_reason(code, d) is None:
            return None
    found = find_member(code)
    name = f"{code} ({found.name})" if found else code
    if found and found.dissolved and d >= dt.date.fromisoformat(found.dissolved):
        heir = " (the Russian Federation, RUS, continues its seat)" if code == "SUN" else ""
        if code == "ZAR":
            heir = " (the Democratic Republic of the Congo, COD, under its present name)"
        return f"{name} no longer existed on {d}{heir}"
    why = not_a_member_reason(code if code != seat and code not in PERMANENT_SEATS else seat, d)
    return f"{why or code + ' was not a UN Member on ' + str(d)}: it cannot vote in the Council"


def _seat_votes(ballot: Ballot, council: Council) -> tuple[dict[str, Vote], dict[str, NonVoting]]:
    """Map every vote onto the Council's seats and check the roster (R4); seats not named cast no vote."""
    votes: dict[str, Vote] = {}
    reasons: dict[str, NonVoting] = {}
    given = dict(ballot.reasons)
    problems: list[str] = []
    seated_members = frozenset(council.members or ())  # already checked as UN Members by Council.on
    for code, vote in ballot.votes:
        # a code the Council seats is already its seat's code; only others ("RUS" for the USSR's seat) need mapping
        seat = code if code in seated_members else council.canonical(code)
        if seat in votes:
            raise RosterError(f"{code} is named twice (as the seat {seat})")
        if council.date is not None and (code not in seated_members or seat != code):
            problem = _member_problem(code, seat, council.date)
            if problem is not None:
                problems.append(problem)
        votes[seat] = vote
        if code in given:
            reasons[seat] = given[code]
    if problems:  # every state that could not vote, not just the first
        raise RosterError("; ".join(problems))
    roster = council.members
    if roster is not None:
        seated = set(roster)
        strangers = [c for c in votes if c not in seated]
        if strangers:
            when = f" on {council.date}" if council.date else ""
            raise RosterError(f"not a member of the Council{when}: {', '.join(strangers)}")
        for c in roster:
            votes.setdefault(c, Vote.NON_VOTING)
    else:
        named_elected = [c for c in votes if c not in council.permanent]
        if len(named_elected) > council.elected_seats:
            raise RosterError(
                f"{len(named_elected)} elected members named, but the Council has "
                f"{council.elected_seats} elected seats: {', '.join(named_elected)}"
            )
        if len(votes) > council.size:  # only abstract seats of a custom Council get here
            raise RosterError(f"{len(votes)} members named, but the Council has {council.size} seats")
        for p in council.permanent:
            votes.setdefault(p, Vote.NON_VOTING)
    for c, v in votes.items():
        if v is Vote.NON_VOTING:
            reasons.setdefault(c, NonVoting.UNSPECIFIED)
        else:
            reasons.pop(c, None)
    return votes, reasons


def _without_vote(
    ballot: Ballot, council: Council, cls: VotingClass, threshold: int, warnings: list[str], when: dt.date | None
) -> Decision:
    return Decision(
        adopted=True,
        failure_reason=FailureReason.NONE,
        threshold=threshold,
        voting_class=cls,
        kind=ballot.kind,
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
        explanation=f"Adopted without a vote: the President declared {proposal_name(ballot.kind)} adopted and no member "
        "asked for a vote, so there is no tally and no veto (the Council's practice of adoption by consensus; R12).",
        warnings=tuple(warnings),
        rules=("R12",),
        votes=(),
        date=when,
    )


_KIND_RULE = {  # the spec rule of a kind that has its own (R14-R28)
    Kind.PRELIMINARY_QUESTION: "R16",
    Kind.RULING_CHALLENGE: "R17",
    Kind.SG_APPOINTMENT_REC: "R18",
    Kind.ADMISSION_REC: "R19",
    Kind.SUSPENSION_REC: "R20",
    Kind.EXPULSION_REC: "R20",
    Kind.RESTORATION: "R20",
    Kind.ADVISORY_OPINION_REQUEST: "R23",
    Kind.AMENDMENT: "R27",
    Kind.PART: "R28",
    Kind.CONVENE_GAESS_377: "R14",
    Kind.REMOVE_ITEM: "R24",
    Kind.ART12_REQUEST_TO_GA: "R24",
    Kind.REQUEST_GA_SPECIAL_SESSION: "R24",
}


def _rule_notes(
    ballot: Ballot,
    cls: VotingClass,
    yes: int,
    threshold: int,
    permanent_votes: Mapping[str, Vote],
    p5_no: tuple[str, ...],
    reasons: Mapping[str, NonVoting],
    adopted: bool,
) -> list[str]:
    """The spec rules (beyond the class's own) that the outcome turned on."""
    notes = ["R5"]
    if ballot.voting_class is not None:
        notes.append("R13")
    if cls is VotingClass.NON_PROCEDURAL:
        if any(v is Vote.ABSTAIN for v in permanent_votes.values()):
            notes.append("R8")
        if any(v is Vote.NON_VOTING for v in permanent_votes.values()):
            notes.append("R9")
        if p5_no:
            notes.append("R11")
    if ballot.chapter_vi or any(r is NonVoting.OBLIGATORY_ABSTENTION for r in reasons.values()):
        notes.append("R10")
    kind_rule = _KIND_RULE.get(ballot.kind)
    if kind_rule is not None:
        notes.append(kind_rule)
    if ballot.kind.default_class is VotingClass.PROCEDURAL and ballot.kind is not Kind.RULING_CHALLENGE:
        notes.append("R15" if ballot.kind.value.startswith(("agenda", "invite", "adjourn", "suspend")) else "R13")
    return notes


def _in_seat_order(codes: Iterable[str], council: Council) -> tuple[str, ...]:
    s = set(codes)
    order = {c: i for i, c in enumerate(council.permanent)}
    return tuple(sorted(s, key=lambda c: (order.get(c, len(order)), c)))


@functools.lru_cache(maxsize=4096)
def _name(code: str, when: dt.date | None) -> str:
    """A state's name on a day (pure, so cached: the same few pairs are asked for on every decision)."""
    if when is not None and permanent_seat(code):
        name = permanent_government(code, when)[1]
        return "China" if code == "CHN" and when >= PRC_SEATED else name
    m = find_member(code)
    return m.name if m else code


def _the(codes: Iterable[str], when: dt.date | None) -> str:
    """Names, with "the" where English (and the UN) uses it, joined as a list: "China and the Russian Federation".

    >>> _the(["CHN", "RUS"], dt.date(2024, 3, 22)), _the(["SUN"], dt.date(1950, 6, 27))
    ('China and the Russian Federation', 'the USSR')
    """
    return name_list(with_article(_name(c, when)) for c in codes)


_NOT_VOTING = {
    NonVoting.ABSENT: "was absent",
    NonVoting.NOT_PARTICIPATING: "was present and did not participate in the vote",
    NonVoting.OBLIGATORY_ABSTENTION: "abstained as a party to the dispute",
    NonVoting.UNSPECIFIED: "did not vote",
}
#: The USSR stayed away from 13 Jan 1950 (S/PV.461) until it took the presidency on 1 Aug 1950.
_SOVIET_BOYCOTT = (dt.date(1950, 1, 13), dt.date(1950, 7, 31))


def _abstention_practice(when: dt.date | None) -> str:
    """Period-true wording of R8: the ICJ confirmed the practice only in 1971 (Namibia, para. 22)."""
    if when is not None and when < NAMIBIA_OPINION:
        return "since 1946 the Council has not treated a permanent member's voluntary abstention as a veto"
    return "in the Council's settled practice, confirmed by the ICJ in 1971 (Namibia), a permanent member's abstention is not a veto"


def member_names(codes: Iterable[str], when: dt.date | None) -> str:
    """Members' names as the explanations write them, in a list ("China and the Russian Federation").

    >>> member_names(["SUN"], dt.date(1948, 5, 24)), member_names(["CHN", "RUS"], dt.date(2024, 3, 22))
    ('the USSR', 'China and the Russian Federation')
    """
    return _the(codes, when)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _explain(f: _Facts) -> str:
    """One paragraph: the outcome, the rule it follows (Article and spec rule), and what did not count."""
    parts = _outcome_sentences(f) + _no_veto_notes(f) + _permanent_absence_notes(f) + _proviso_notes(f)
    return " ".join(parts + _kind_notes(f))


def _rule_sentence(f: _Facts) -> str:
    """The rule the outcome follows, in words, with its Article and spec rule."""
    threshold, kind = f.threshold, f.ballot.kind
    if f.cls is VotingClass.PROCEDURAL:
        return f"a procedural decision needs {threshold} affirmative votes (Art. 27(2); R6)"
    if f.cls is VotingClass.NON_PROCEDURAL:
        return (
            f"a non-procedural decision needs {threshold} affirmative votes and no negative vote of a "
            f"permanent member (Art. 27(3); R7)"
            if f.mode.interpretation == "practice"
            else f"read literally, Art. 27(3) needs {threshold} affirmative votes including a yes from every "
            f"permanent member (charter_literal mode; R7)"
        )
    if kind is Kind.ICJ_BALLOT:
        return (
            f"an absolute majority of the Council is {threshold} of {f.council.size} members, with no distinction "
            f"between permanent and elected members (ICJ Statute Art. 10; R21)"
        )
    if kind is Kind.ART109_3_CONFERENCE:
        return "Art. 109(3) needs the votes of any seven members, with no veto (R22)"
    words = {7: "seven", 9: "nine"}.get(threshold, str(threshold))
    return f"Art. 109(1) needs the votes of any {words} members, with no veto (R22)"


def _outcome_sentences(f: _Facts) -> list[str]:
    """Adopted or not, with the tally and the rule; a veto, a missing concurrence or the shortfall."""
    when, threshold, obj, rule = f.when, f.threshold, proposal_name(f.ballot.kind), _rule_sentence(f)
    tally = f"{_plural(f.yes, 'vote')} in favour, {f.no} against, {_plural(f.abstain, 'abstention')}"
    if f.non_voting:
        tally += f", {f.non_voting} not voting"
    if f.ballot.kind is Kind.ICJ_BALLOT:
        got = "obtained" if f.adopted else "did not obtain"
        return [f"The candidate {got} the Council's absolute majority with {_plural(f.yes, 'vote')}: {rule}."]
    if f.adopted:
        return [f"Adopted: {tally}; {rule}."]
    if f.failure is FailureReason.VETO:
        return [
            f"Not adopted: vetoed by {_the(f.vetoed_by, when)}. {_cap(obj)} had {tally}, enough to pass "
            f"({threshold} required), but the negative vote of a permanent member defeats a non-procedural "
            f"decision (Art. 27(3); R7, R11)."
        ]
    if f.failure is FailureReason.NO_CONCURRENCE:
        return [
            f"Not adopted under the literal reading of Art. 27(3): {_the(f.not_concurring, when)} did not concur "
            f"(vote yes), although {obj} had {tally} ({threshold} required). In the Council's practice, "
            f"which does not count an abstention or absence as a veto, it would have been adopted (R7, R8)."
        ]
    parts = [f"Not adopted: {tally}, {f.shortfall} short of the {threshold} required; {rule}."]
    if f.p5_no and f.cls is VotingClass.NON_PROCEDURAL:
        parts.append(
            f"The negative vote of {_the(f.p5_no, when)} was not a veto, since {obj} lacked the votes to pass "
            f"without it (R11)."
        )
    return parts


def _no_veto_notes(f: _Facts) -> list[str]:
    """A permanent member's no that is no veto: procedural matters and fixed majorities."""
    if f.cls is VotingClass.PROCEDURAL and f.p5_no:
        return [
            f"On a procedural matter there is no veto: the negative vote of {_the(f.p5_no, f.when)} counted like "
            "any other."
        ]
    if f.cls is VotingClass.SPECIAL and f.p5_no and f.ballot.kind is not Kind.ICJ_BALLOT:
        return [f"The negative vote of {_the(f.p5_no, f.when)} counted like any other."]
    return []


def _obliged(f: _Facts) -> list[str]:
    return [p for p in f.council.permanent if f.reasons.get(p) is NonVoting.OBLIGATORY_ABSTENTION]


def _permanent_absence_notes(f: _Facts) -> list[str]:
    """Permanent members abstaining or away do not block, in the Council's practice (R8, R9)."""
    if f.cls is not VotingClass.NON_PROCEDURAL or not (f.adopted or f.vetoed_by or f.not_concurring):
        return []
    if f.mode.interpretation == "charter_literal":
        return []
    when, obliged, parts = f.when, _obliged(f), []
    abst = [p for p, v in f.permanent_votes.items() if v is Vote.ABSTAIN]
    away = [p for p, v in f.permanent_votes.items() if v is Vote.NON_VOTING and p not in obliged]
    if abst:
        head = "The abstention of" if len(abst) == 1 else "The abstentions of"
        verb = "does" if len(abst) == 1 else "do"
        parts.append(f"{head} {_the(abst, when)} {verb} not block: {_abstention_practice(when)} (R8).")
    if away:
        said = "; ".join(f"{_the([p], when)} {_NOT_VOTING[f.reasons.get(p, NonVoting.UNSPECIFIED)]}" for p in away)
        parts.append(
            f"{_cap(said)}, which does not block{' either' if abst else ''}: in the Council's practice, a "
            f"permanent member that does not vote casts no veto (R9)."
        )
        if when is not None and "SUN" in away and _SOVIET_BOYCOTT[0] <= when <= _SOVIET_BOYCOTT[1]:
            parts.append(
                "The USSR, which stayed away from the Council from 13 January to 1 August 1950, contested the "
                "validity of decisions taken in its absence; the Council and its other members held them valid."
            )
    return parts


def _proviso_notes(f: _Facts) -> list[str]:
    """The proviso of Art. 27(3): parties to a Chapter VI dispute abstain (R10)."""
    if f.cls is not VotingClass.NON_PROCEDURAL:
        return []
    when, obliged, ballot = f.when, _obliged(f), f.ballot
    if ballot.chapter_vi and ballot.parties:
        parties = sorted(ballot.parties)
        voted = [p for p in parties if f.votes.get(p, Vote.NON_VOTING) is not Vote.NON_VOTING]
        abstained = [p for p in parties if f.reasons.get(p) is NonVoting.OBLIGATORY_ABSTENTION]
        text = (
            "Under the proviso of Art. 27(3), in decisions under Chapter VI and Art. 52(3) a party to a dispute "
            "abstains from voting"
        )
        if abstained:
            text += (
                f": {_the(abstained, when)}, {'parties' if len(abstained) > 1 else 'a party'} to the dispute, "
                "abstained as it requires"
            )
            if set(abstained) & set(f.council.permanent):
                text += ", and that abstention is no veto and no missing concurring vote"
        if voted:
            text += (
                f"{'; ' if abstained else ': '}{_the(voted, when)} voted nonetheless, and "
                f"{'its vote is' if len(voted) == 1 else 'their votes are'} counted as cast"
            )
        return [text + " (R10)."]
    if obliged:
        return [
            f"{_cap(_the(obliged, when))} abstained as {'a party' if len(obliged) == 1 else 'parties'} to the "
            "dispute, as the proviso of Art. 27(3) requires; that abstention is no veto and no missing concurring "
            "vote (R10)."
        ]
    return []


def _kind_notes(f: _Facts) -> list[str]:
    """What the kind of decision adds: the double veto, an unsettled class, the seated Council's threshold."""
    parts = []
    kind = f.ballot.kind
    if kind is Kind.PRELIMINARY_QUESTION:
        if f.cls is VotingClass.NON_PROCEDURAL:
            parts.append(
                "Under the 1945 four-power statement the preliminary question is itself non-procedural, so a "
                "permanent member can veto it and then veto the proposal too: the double veto (R16)."
            )
        else:
            parts.append("Since 1950 the preliminary question is settled by a procedural vote or ruling (R16, R17).")
    if kind is Kind.ADVISORY_OPINION_REQUEST and f.ballot.voting_class is None:
        parts.append(
            "Whether a request for an advisory opinion is procedural is unsettled; taken as non-procedural (R23)."
        )
    if f.council.seated_size_note and f.from_council:
        parts.append(f"Threshold {f.threshold}: the {f.council.seated_size_note} (R1).")
    return parts
