"""Votes that come in sequences: the preliminary question (R16), challenges to a President's ruling (R17),
amendments (R27) and separate votes on parts (R28).

Each function takes plain :class:`~unsc.rules.ballot.Ballot` values, decides them with
:func:`~unsc.rules.decide.decide`, and returns a small frozen result saying what happened in order.

>>> q = Ballot.of("1948-05-24", yes=["ARG", "BEL", "CAN", "CHN", "COL", "SYR", "GBR", "USA"],
...               no=["SUN", "UKR"], abstain=["FRA"])
>>> pq = decide_preliminary_question(q)
>>> pq.voting_class, pq.question.vetoed_by
(<VotingClass.NON_PROCEDURAL: 'non_procedural'>, ('SUN',))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unsc.rules.ballot import Ballot, Decision, Mode
from unsc.rules.council import Council
from unsc.rules.decide import check_class, decide, member_names, preliminary_question_mode, voting_class
from unsc.rules.votes import Kind, VotingClass

__all__ = [
    "PRECEDENCE_MOTIONS",
    "PreliminaryQuestion",
    "Proposal",
    "RulingChallenge",
    "TextVote",
    "VotingOrder",
    "challenge_ruling",
    "decide_amendments",
    "decide_parts",
    "decide_preliminary_question",
    "voting_order",
]


def _other(cls: VotingClass) -> VotingClass:
    return VotingClass.NON_PROCEDURAL if cls is VotingClass.PROCEDURAL else VotingClass.PROCEDURAL


# --------------------------------------------------------------------------------------------
# R16: the preliminary question and the double veto


@dataclass(frozen=True, slots=True)
class PreliminaryQuestion:
    """How the question "is this matter procedural?" was settled, and the vote on the proposal itself.

    * ``mode``: ``"four_power_1945"`` or ``"presidential_ruling"``.
    * ``question``: the vote on the preliminary question (or on overruling the President's ruling).
    * ``voting_class``: the class the proposal is then decided under.
    * ``ruling`` / ``overruled``: the President's ruling, if one was given, and whether it fell (R17).
    * ``main``: the decision on the proposal, if its ballot was given.
    * ``double_veto``: permanent members that vetoed the preliminary question and then the proposal.
    """

    mode: str
    question: Decision
    voting_class: VotingClass
    ruling: VotingClass | None
    overruled: bool
    main: Decision | None
    double_veto: tuple[str, ...]
    explanation: str


def decide_preliminary_question(
    question: Ballot,
    main: Ballot | None = None,
    *,
    ruling: VotingClass | str | None = None,
    council: Council | None = None,
    mode: Mode = Mode(),
) -> PreliminaryQuestion:
    """Settle whether a matter is procedural, then decide the proposal under that class (R16, R17).

    * ``four_power_1945`` (default before 29 Sep 1950): ``question`` is the vote on the proposition
      "the matter is procedural", decided as a non-procedural question (R7). If it fails, by a veto
      or for lack of votes, the proposal is non-procedural, and the same permanent member can veto it
      again: the double veto.
    * ``presidential_ruling`` (default from 29 Sep 1950): without a ``ruling``, ``question`` is an
      indicative procedural vote (no veto) on the same proposition and the President rules by it;
      with a ``ruling``, ``question`` is the vote to overrule it, which needs the procedural majority
      (R17), and the ruling stands otherwise.

    >>> laos_q = Ballot.of("1959-09-07", yes=["ARG", "CAN", "CHN", "FRA", "ITA", "JPN", "PAN", "TUN", "GBR", "USA"],
    ...                    no=["SUN"])
    >>> laos = Ballot.of("1959-09-07", yes=["ARG", "CAN", "CHN", "FRA", "ITA", "JPN", "PAN", "TUN", "GBR", "USA"],
    ...                  no=["SUN"])
    >>> r = decide_preliminary_question(laos_q, laos)
    >>> r.mode, r.voting_class.value, r.main.adopted, r.double_veto
    ('presidential_ruling', 'procedural', True, ())
    """
    pq_mode = preliminary_question_mode(question.date, mode)
    ruling_cls = None if ruling is None else VotingClass(ruling)
    if pq_mode == "four_power_1945":
        if ruling_cls is not None:
            raise ValueError(
                "under the 1945 four-power statement the Council votes on the preliminary question; "
                "a President's ruling settles it only in presidential_ruling mode"
            )
        q = decide(
            question.replace(kind=Kind.PRELIMINARY_QUESTION, voting_class=VotingClass.NON_PROCEDURAL), council, mode
        )
        cls = VotingClass.PROCEDURAL if q.adopted else VotingClass.NON_PROCEDURAL
        overruled = False
        why = (
            "Under the 1945 four-power statement the preliminary question is decided by the non-procedural "
            f"rule; {'it was adopted, so the matter is procedural' if q.adopted else _failed(q)} (R16)."
        )
    elif ruling_cls is None:
        q = decide(question.replace(kind=Kind.PRELIMINARY_QUESTION, voting_class=VotingClass.PROCEDURAL), council, mode)
        cls = VotingClass.PROCEDURAL if q.adopted else VotingClass.NON_PROCEDURAL
        overruled = False
        why = (
            f"The Council's indicative vote ({q.tally}) is procedural, with no veto, and the President rules by it: "
            f"the matter is {cls.value.replace('_', '-')} (R16, rule 30)."
        )
    else:
        q = decide(question.replace(kind=Kind.RULING_CHALLENGE, voting_class=VotingClass.PROCEDURAL), council, mode)
        overruled = q.adopted
        cls = _other(ruling_cls) if overruled else ruling_cls
        why = (
            f"The President ruled the matter {ruling_cls.value.replace('_', '-')}; the motion to overrule got "
            f"{q.tally} with {q.threshold} needed and no veto, so the ruling "
            f"{'was overruled' if overruled else 'stands'} (R16, R17, rule 30)."
        )
    decided = None if main is None else decide(main.replace(voting_class=cls), council, mode)
    double = tuple(c for c in q.vetoed_by if decided is not None and c in decided.vetoed_by)
    if decided is not None:
        why += f" The proposal is then decided as {cls.value.replace('_', '-')}: {decided.explanation}"
    if double:
        why += f" Double veto by {member_names(double, question.date)}."
    return PreliminaryQuestion(pq_mode, q, cls, ruling_cls, overruled, decided, double, why)


def _failed(q: Decision) -> str:
    if q.vetoed_by:
        return f"it was vetoed by {member_names(q.vetoed_by, q.date)}, so the matter is non-procedural"
    return f"it failed ({q.tally}), so the matter is non-procedural"


# --------------------------------------------------------------------------------------------
# R17: challenges to a President's ruling


@dataclass(frozen=True, slots=True)
class RulingChallenge:
    """The fate of a President's ruling under rule 30: ``stands`` unless overruled by a procedural vote."""

    stands: bool
    vote: Decision
    form: str
    explanation: str


def challenge_ruling(
    ballot: Ballot, *, form: str = "overrule", council: Council | None = None, mode: Mode = Mode()
) -> RulingChallenge:
    """Decide a challenge to a President's ruling (rule 30; R17). Procedural: no veto.

    * ``form="overrule"``: the question put is "to overrule"; the ruling falls iff the yes votes reach
      the threshold.
    * ``form="uphold"``: a historical President put the ruling itself to the vote; it stands unless
      at least threshold members voted against it (the spec's conversion, a design choice).

    >>> challenge_ruling(Ballot.of("2025-01-10", yes=["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"],
    ...                            no=["E9", "E10", "FRA", "GBR", "USA"], abstain=["CHN", "RUS"]),
    ...                  council=Council.custom(15, 9, ["CHN", "FRA", "RUS", "GBR", "USA"])).stands
    True
    """
    if form not in ("overrule", "uphold"):
        raise ValueError(f"form must be 'overrule' or 'uphold', not {form!r}")
    d = decide(ballot.replace(kind=Kind.RULING_CHALLENGE, voting_class=VotingClass.PROCEDURAL), council, mode)
    if form == "overrule":
        stands = not d.adopted
        why = (
            f"The motion to overrule got {d.tally}; it needs {d.threshold} affirmative votes and nobody has a veto, "
            f"so the ruling {'stands' if stands else 'is overruled'} (rule 30; Art. 27(2); R17)."
        )
    else:
        stands = d.no < d.threshold
        why = (
            f"The ruling was put to the vote and got {d.tally}; it stands unless {d.threshold} members vote "
            f"against it, so it {'stands' if stands else 'is overruled'} (rule 30; R17)."
        )
    return RulingChallenge(stands, d, form, why)


# --------------------------------------------------------------------------------------------
# R27 and R28: amendments and separate votes


@dataclass(frozen=True, slots=True)
class TextVote:
    """A text voted in steps: amendments first (R27) or parts separately (R28), then the whole.

    ``final`` alone decides adoption. ``amendments`` and ``parts`` are the step decisions in
    order; ``deleted_parts`` the labels of parts that failed and were taken out of the text;
    ``separate_vote_held`` is ``False`` when the mover objected to a separate vote (rule 32(2)).
    """

    final: Decision
    amendments: tuple[Decision, ...] = ()
    parts: tuple[tuple[str, Decision], ...] = ()
    deleted_parts: tuple[str, ...] = ()
    separate_vote_held: bool = True
    explanation: str = ""

    @property
    def adopted(self) -> bool:
        """Whether the text (as amended, without deleted parts) was adopted."""
        return self.final.adopted

    @property
    def adopted_amendments(self) -> tuple[int, ...]:
        """Indexes of the amendments that were adopted and so changed the text."""
        return tuple(i for i, d in enumerate(self.amendments) if d.adopted)


def decide_amendments(
    draft: Ballot, amendments: Sequence[Ballot], *, council: Council | None = None, mode: Mode = Mode()
) -> TextVote:
    """Vote the amendments (each inheriting the draft's class), then the draft as amended (R27).

    An adopted amendment changes the text; a rejected one leaves it. Either way the draft is then
    voted, and that vote alone decides it. A permanent member's no on an amendment to a
    non-procedural text, with enough votes in favour, is a veto of the amendment.

    >>> elected = ["ALB", "BRA", "ECU", "GAB", "GHA", "JPN", "MLT", "MOZ", "CHE", "ARE"]
    >>> amendment = Ballot.of("2023-12-22", yes=["RUS", "CHN", *elected[1:9]], no=["USA"],
    ...                       abstain=["FRA", "GBR", "ALB", "ARE"])  # 10-1-4, as in 2023 (who abstained: illustrative)
    >>> draft = Ballot.of("2023-12-22", yes=["CHN", "FRA", "GBR", *elected], abstain=["RUS", "USA"])
    >>> tv = decide_amendments(draft, [amendment])
    >>> tv.amendments[0].vetoed_by, tv.adopted_amendments, tv.adopted
    (('USA',), (), True)
    """
    parent = voting_class(draft, mode)
    check_class(Kind.AMENDMENT, None, parent=parent)
    steps = tuple(
        decide(a.replace(kind=Kind.AMENDMENT, parent_class=parent, date=a.date or draft.date), council, mode)
        for a in amendments
    )
    final = decide(draft, council, mode)
    changed = [i + 1 for i, d in enumerate(steps) if d.adopted]
    vetoed = [f"{i + 1} (vetoed by {member_names(d.vetoed_by, d.date)})" for i, d in enumerate(steps) if d.vetoed_by]
    n = len(steps)
    why = (
        f"{'One amendment was' if n == 1 else f'{n} amendments were'} voted first, "
        f"{'as' if n == 1 else 'each as'} {parent.value.replace('_', '-')} like the draft (R27)."
    )
    if changed:
        why += f" Adopted, so the text was changed: {', '.join(map(str, changed))}."
    if vetoed:
        why += f" Vetoed: {'; '.join(vetoed)}."
    why += f" The draft{' as amended' if changed else ''} was then voted: {final.explanation}"
    return TextVote(final=final, amendments=steps, explanation=why)


def decide_parts(
    whole: Ballot,
    parts: Iterable[tuple[str, Ballot]],
    *,
    mover_objects: bool = False,
    council: Council | None = None,
    mode: Mode = Mode(),
) -> TextVote:
    """Separate votes on parts of a text (rule 32(2); R28), then the whole.

    If the original mover objects, there is no separate vote: only the whole is voted. Otherwise
    each part needs the same majority as the text (a permanent member can veto a paragraph of a
    non-procedural draft); a part that fails is deleted; the remaining text is then voted as a whole,
    and that vote alone decides adoption.

    >>> yes = ["CHN", "SUN", "BOL", "CIV", "JOR", "MYS", "URY"]  # res. 218 (1965): 7-0-4
    >>> whole = Ballot.of("1965-11-23", yes=yes, abstain=["FRA", "NLD", "GBR", "USA"])
    >>> para_8 = Ballot.of("1965-11-23", yes=yes[3:], abstain=["FRA", "NLD", "GBR", "USA", *yes[:3]])  # 4-0-7
    >>> tv = decide_parts(whole, [("operative paragraph 8", para_8)])
    >>> tv.deleted_parts, tv.adopted
    (('operative paragraph 8',), True)
    """
    parent = voting_class(whole, mode)
    labelled = list(parts)
    if mover_objects:
        final = decide(whole, council, mode)
        why = (
            "The mover objected to a separate vote, so none was taken (rule 32(2); R28); "
            f"the text was voted as a whole: {final.explanation}"
        )
        return TextVote(final=final, separate_vote_held=False, explanation=why)
    steps = tuple(
        (label, decide(b.replace(kind=Kind.PART, parent_class=parent, date=b.date or whole.date), council, mode))
        for label, b in labelled
    )
    deleted = tuple(label for label, d in steps if not d.adopted)
    final = decide(whole, council, mode)
    n = len(steps)
    why = (
        f"{'One part was' if n == 1 else f'{n} parts were'} voted separately, "
        f"{'needing' if n == 1 else 'each needing'} the same majority as the text (rule 32(2); R28)."
    )
    if deleted:
        why += f" Failed and deleted: {', '.join(deleted)}."
    why += f" The {'remaining ' if deleted else ''}text was then voted as a whole, which alone decides: {final.explanation}"
    return TextVote(final=final, parts=steps, deleted_parts=deleted, explanation=why)


# --------------------------------------------------------------------------------------------
# R26: order of voting (rules 32, 33, 35, 36, 38)

#: Rule 33's precedence motions, in the rule's own order; they are voted before principal motions.
PRECEDENCE_MOTIONS: tuple[str, ...] = (
    "suspend",  # 33(1) to suspend the meeting
    "adjourn",  # 33(2) to adjourn the meeting
    "adjourn_to_date",  # 33(3) to adjourn to a certain day or hour
    "refer_to_committee",  # 33(4) to refer a matter to a committee, the Secretary-General or a rapporteur
    "postpone",  # 33(5) to postpone discussion to a certain day or indefinitely
    "introduce_amendment",  # 33(6) to introduce an amendment
)


@dataclass(frozen=True, slots=True)
class Proposal:
    """A text or motion before the Council, in the order it was submitted (rule 32(1)).

    * ``motion``: ``"principal"`` (a draft resolution or principal motion), ``"amendment"`` (to
      ``amends``), or one of :data:`PRECEDENCE_MOTIONS`.
    * ``by_council_member``: ``False`` for a proposal by a State invited under Art. 31/32 or rule 37;
      it is voted only if a Council member asks (``requested_by``; rule 38).
    * ``withdrawn``: withdrawn before the vote (rule 35(1)); ``retaken_by`` names a member that
      seconded it and requires that it still be put to the vote as its own, with the same precedence
      (rule 35(2), as with res. 2334 (2016)).
    """

    symbol: str
    motion: str = "principal"
    amends: str | None = None
    by_council_member: bool = True
    requested_by: str | None = None
    withdrawn: bool = False
    retaken_by: str | None = None


@dataclass(frozen=True, slots=True)
class VotingOrder:
    """The order in which proposals are put to the vote, and those that are not, with the reason for each."""

    order: tuple[str, ...]
    not_voted: tuple[tuple[str, str], ...]
    explanation: str


def voting_order(proposals: Sequence[Proposal], *, council_decided: Sequence[str] | None = None) -> VotingOrder:
    """Put proposals in the order rules 32-38 give them (R26).

    Precedence motions first, in rule 33's order; then each principal text in order of submission
    (rule 32(1)), its amendments voted before it (rule 36) in the order submitted (the President may
    rule otherwise, usually taking the amendment furthest removed in substance first). A withdrawn
    text is not voted unless retaken under rule 35(2); a non-member's proposal only at a Council
    member's request (rule 38). ``council_decided`` is an order of principal texts the Council chose by
    a procedural vote instead (rule 32(1), as on 28 Sep 1950).

    >>> r = voting_order([Proposal("S/2016/1010", withdrawn=True, retaken_by="NZL"),
    ...                   Proposal("adjourn", motion="adjourn"),
    ...                   Proposal("S/2016/1011", by_council_member=False)])
    >>> r.order, r.not_voted
    (('adjourn', 'S/2016/1010'), (('S/2016/1011', 'proposed by a State not a member of the Council, and no member asked for a vote (rule 38)'),))
    """
    known = {p.symbol for p in proposals}
    if len(known) != len(proposals):
        raise ValueError("a proposal is listed twice")
    skipped: list[tuple[str, str]] = []
    notes: list[str] = []
    live: list[Proposal] = []
    for p in proposals:
        if p.motion not in ("principal", "amendment", *PRECEDENCE_MOTIONS):
            raise ValueError(f"{p.symbol}: unknown motion {p.motion!r}")
        if p.motion == "amendment" and p.amends not in known:
            raise ValueError(f"{p.symbol}: an amendment must name the text it amends (amends=...)")
        if p.withdrawn and p.retaken_by is None:
            skipped.append((p.symbol, "withdrawn before the vote (rule 35(1))"))
            continue
        if p.withdrawn:
            notes.append(f"{p.symbol} was withdrawn and put to the vote at the request of {p.retaken_by} (rule 35(2))")
        if not p.by_council_member and p.requested_by is None:
            skipped.append(
                (p.symbol, "proposed by a State not a member of the Council, and no member asked for a vote (rule 38)")
            )
            continue
        live.append(p)
    alive = {p.symbol for p in live}
    for p in list(live):
        if p.motion == "amendment" and p.amends not in alive:
            live.remove(p)
            skipped.append((p.symbol, f"amends {p.amends}, which is not put to the vote"))
    precedence = sorted(
        (p for p in live if p.motion in PRECEDENCE_MOTIONS), key=lambda p: PRECEDENCE_MOTIONS.index(p.motion)
    )
    principals = [p for p in live if p.motion == "principal"]
    if council_decided is not None:
        rank = {s: i for i, s in enumerate(council_decided)}
        missing = [p.symbol for p in principals if p.symbol not in rank]
        if missing:
            raise ValueError(f"the Council's order leaves out {', '.join(missing)}")
        principals.sort(key=lambda p: rank[p.symbol])
        notes.append("the Council decided the order of the texts by a procedural vote (rule 32(1))")
    order: list[str] = [p.symbol for p in precedence]
    for p in principals:
        order += [a.symbol for a in live if a.motion == "amendment" and a.amends == p.symbol]
        order.append(p.symbol)
    why = "Precedence motions first (rule 33), then each text in order of submission (rule 32(1)) after its amendments (rule 36)"
    why += ("; " + "; ".join(notes)) if notes else ""
    why += "." if not skipped else "; not voted: " + "; ".join(f"{s} ({r})" for s, r in skipped) + "."
    return VotingOrder(tuple(order), tuple(skipped), why + " (R26)")
