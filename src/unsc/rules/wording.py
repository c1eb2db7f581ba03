"""How the Council's facts are said in English: one place for names with their article, lists of
members, tallies and the President's announcement of a result, so the rules' explanations, the
record's pages, the news check and live sessions say them alike.

>>> with_article("Russian Federation"), with_article("China"), with_article("United Kingdom")
('the Russian Federation', 'China', 'the United Kingdom')
>>> name_list(["China", "the Russian Federation"]), name_list(["France"]), name_list([])
('China and the Russian Federation', 'France', '')
>>> tally_text(11, 3, 1)
'11-3-1'
"""

from __future__ import annotations

from collections.abc import Iterable

from unsc.rules.votes import FailureReason, Kind, VotingClass

__all__ = ["announcement", "name_list", "plural", "proposal_name", "tally_text", "with_article"]

_WITH_THE_WORDS = ("Republic", "Islands", "Emirates", "Kingdom", "States", "Federation")
_WITH_THE_NAMES = frozenset(
    {"Bahamas", "Comoros", "Congo", "Gambia", "Maldives", "Netherlands", "Niger", "Philippines", "Sudan", "USSR",
     "Holy See", "United Kingdom", "United States"}
)  # fmt: skip


def with_article(name: str) -> str:
    """A state's name as running text says it, with "the" where English (and the UN) uses it.

    >>> with_article("Democratic Republic of the Congo"), with_article("USSR"), with_article("Algeria")
    ('the Democratic Republic of the Congo', 'the USSR', 'Algeria')
    """
    if name in _WITH_THE_NAMES or name.split(" ")[-1] in _WITH_THE_WORDS or " of " in name or "Republic" in name:
        return "the " + name
    return name


def name_list(names: Iterable[str]) -> str:
    """Names joined as a list: "A", "A and B", "A, B and C".

    >>> name_list(["France", "the United Kingdom", "the United States"])
    'France, the United Kingdom and the United States'
    """
    out = list(names)
    if len(out) <= 1:
        return "".join(out)
    return ", ".join(out[:-1]) + " and " + out[-1]


def tally_text(yes: int, no: int, abstain: int) -> str:
    """A tally as the UN writes it: in favour, against, abstentions.

    >>> tally_text(13, 0, 2)
    '13-0-2'
    """
    return f"{yes}-{no}-{abstain}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the word, in the plural unless ``n`` is 1.

    >>> plural(1, "vote"), plural(0, "abstention"), plural(2, "member")
    ('1 vote', '0 abstentions', '2 members')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


# What is put to the vote, by kind: (as an explanation names it, as the President announces it).
_PROPOSAL_NAMES: dict[Kind, tuple[str, str]] = {
    Kind.DRAFT_RESOLUTION: ("the draft", "the draft resolution"),
    Kind.AMENDMENT: ("the amendment", "the amendment"),
    Kind.PART: ("the part", "the paragraph"),
    Kind.PRELIMINARY_QUESTION: ("the proposition that the matter is procedural", "the proposal"),
    Kind.RULING_CHALLENGE: ("the motion to overrule the President's ruling", "the proposal"),
    Kind.ICJ_BALLOT: ("the candidate", "the draft resolution"),
    Kind.ADMISSION_REC: ("the recommendation", "the recommendation"),
    Kind.SG_APPOINTMENT_REC: ("the recommendation", "the recommendation"),
    Kind.SUSPENSION_REC: ("the recommendation", "the recommendation"),
    Kind.EXPULSION_REC: ("the recommendation", "the recommendation"),
}


def proposal_name(kind: Kind, *, formal: bool = False) -> str:
    """What is put to the vote, as an explanation names it, or (``formal``) as the President announces it.

    Procedural kinds are "the motion" (announced as "the proposal"); other substantive kinds are
    "the proposal" (announced as "the draft resolution").

    >>> proposal_name(Kind.PART), proposal_name(Kind.PART, formal=True)
    ('the part', 'the paragraph')
    >>> proposal_name(Kind.ADJOURN), proposal_name(Kind.ADJOURN, formal=True)
    ('the motion', 'the proposal')
    """
    names = _PROPOSAL_NAMES.get(kind)
    if names is None:
        procedural = kind.default_class is VotingClass.PROCEDURAL
        names = ("the motion", "the proposal") if procedural else ("the proposal", "the draft resolution")
    return names[1] if formal else names[0]


def _outcome(adopted: bool, failure: FailureReason, unanimous: bool) -> str:
    if adopted:
        return "adopted unanimously" if unanimous else "adopted"
    if failure is FailureReason.VETO:
        return "not adopted, owing to the negative vote of a permanent member"
    if failure is FailureReason.NO_CONCURRENCE:
        return "not adopted under the literal reading of Art. 27(3): a permanent member did not concur"
    return "not adopted, having failed to obtain the required number of votes"


def _count(yes: int, no: int, abstain: int, non_voting: int, unanimous: bool) -> str:
    if unanimous:
        return plural(yes, "vote") + " in favour"
    count = (
        f"{plural(yes, 'vote')} in favour, {f'{no} against' if no else 'none against'} and "
        f"{plural(abstain, 'abstention') if abstain else 'no abstentions'}"
    )
    return count + (f"; {plural(non_voting, 'member')} did not vote" if non_voting else "")


def announcement(
    adopted: bool,
    failure: FailureReason,
    yes: int,
    no: int,
    abstain: int,
    non_voting: int,
    kind: Kind = Kind.PROCEDURAL,
    *,
    formal: bool = False,
) -> str:
    """The President's announcement of a result (spec 0.5): the short form a record gives
    (``Decision.announcement``), or with ``formal`` the words said in the chamber, count first
    (``Decision.statement``; live sessions). Both take the outcome from the same branches: the vote
    is unanimous only when every member of the Council (``yes + no + abstain + non_voting``) voted yes.

    >>> from unsc.rules.votes import FailureReason as F
    >>> announcement(True, F.NONE, 13, 0, 2, 0, Kind.DRAFT_RESOLUTION)
    'adopted by 13 votes to 0, with 2 abstentions'
    >>> announcement(False, F.VETO, 13, 1, 1, 0, Kind.DRAFT_RESOLUTION, formal=True)
    'The result of the voting is as follows: 13 votes in favour, 1 against and 1 abstention. The draft resolution has not been adopted, owing to the negative vote of a permanent member of the Council.'
    >>> announcement(True, F.NONE, 15, 0, 0, 0, Kind.AMENDMENT, formal=True)
    'The result of the voting is as follows: 15 votes in favour. The amendment has been adopted unanimously.'
    """
    size = yes + no + abstain + non_voting
    if kind is Kind.ICJ_BALLOT:
        got = "obtained" if adopted else "did not obtain"
        short = f"the candidate {got} an absolute majority ({plural(yes, 'vote')}; {size // 2 + 1} required)"
        return f"The result of the voting is as follows: {plural(yes, 'vote')}. T{short[1:]}." if formal else short
    unanimous = adopted and yes == size
    outcome = _outcome(adopted, failure, unanimous)
    if not formal:
        return (
            f"adopted by {yes} votes to {no}, with {plural(abstain, 'abstention')}" if outcome == "adopted" else outcome
        )
    said = "has been " + outcome if adopted else "has not been " + outcome.removeprefix("not ")
    if failure is FailureReason.VETO and not adopted:
        said += " of the Council"  # the words of the S/PV records
    subject = proposal_name(kind, formal=True)
    return f"The result of the voting is as follows: {_count(yes, no, abstain, non_voting, unanimous)}. {subject[0].upper()}{subject[1:]} {said}."
