"""The Charter rules engine: decide any Security Council vote and say why.

Pure Python: no I/O and no third-party imports (the optional batch form in
:mod:`unsc.rules.batch` uses NumPy and is imported on its own).

* :func:`decide` a :class:`Ballot` on the :class:`Council` of its date -> :class:`Decision`
  (Article 27, in :mod:`unsc.rules.decide`).
* Sequences of votes: :func:`decide_preliminary_question` (double veto), :func:`challenge_ruling`,
  :func:`decide_amendments`, :func:`decide_parts` (:mod:`unsc.rules.procedure`).
* ICJ elections: :func:`icj_round` (:mod:`unsc.rules.elections`); Secretary-General straw polls:
  :func:`read_poll` (:mod:`unsc.rules.straw_polls`).
* States by ISO alpha-3 code or common name: :func:`member` (:func:`member_on` for a date).
* Charter facts every other layer takes from here (:mod:`unsc.rules.charter`): the Council's dates,
  size and threshold by date, the permanent seats and their successions, UN membership by date, the
  elected members of every year, and the R3 roster warnings.
* Order of voting (rules 32-38): :func:`voting_order`.

>>> from unsc.rules import Ballot, decide
>>> decide(Ballot.of("1950-07-07", yes=["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"],
...                  abstain=["EGY", "IND", "YUG"], absent=["SUN"])).adopted
True
"""

from unsc.rules.ballot import Ballot, Decision, Mode
from unsc.rules.charter import (
    ELECTED_BY_YEAR,
    FIRST_MEETING,
    OBSERVER_STATES,
    PERMANENT_SEATS,
    SUCCESSIONS,
    council_size_on,
    elected_members_on,
    is_un_member,
    not_a_member_reason,
    permanent_members_on,
    roster_on,
    roster_warnings,
    threshold_on,
    un_members_on,
)
from unsc.rules.council import Council, RosterError, as_date, permanent_government, permanent_seat
from unsc.rules.decide import (
    ImpossibleVoteError,
    article_27_2_procedural,
    article_27_3_concurring_votes,
    article_27_3_obligatory_abstention,
    decide,
    preliminary_question_mode,
    required_votes,
    special_majority,
    voting_class,
)
from unsc.rules.elections import Candidate, IcjRound, absolute_majority, icj_round, joint_conference_possible
from unsc.rules.members import (
    Member,
    NameOutOfPeriodError,
    UnknownMemberError,
    all_members,
    find_member,
    member,
    member_on,
)
from unsc.rules.procedure import (
    PreliminaryQuestion,
    Proposal,
    RulingChallenge,
    TextVote,
    VotingOrder,
    challenge_ruling,
    decide_amendments,
    decide_parts,
    decide_preliminary_question,
    voting_order,
)
from unsc.rules.straw_polls import StrawPollReading, read_poll
from unsc.rules.votes import FailureReason, Interpretation, Kind, Modality, NonVoting, Vote, VotingClass
from unsc.rules.wording import name_list, tally_text, with_article

__all__ = [
    "ELECTED_BY_YEAR",
    "FIRST_MEETING",
    "OBSERVER_STATES",
    "PERMANENT_SEATS",
    "SUCCESSIONS",
    "Ballot",
    "Candidate",
    "Council",
    "Decision",
    "FailureReason",
    "IcjRound",
    "ImpossibleVoteError",
    "Interpretation",
    "Kind",
    "Member",
    "Modality",
    "Mode",
    "NameOutOfPeriodError",
    "NonVoting",
    "PreliminaryQuestion",
    "Proposal",
    "RosterError",
    "RulingChallenge",
    "StrawPollReading",
    "TextVote",
    "UnknownMemberError",
    "Vote",
    "VotingClass",
    "VotingOrder",
    "absolute_majority",
    "all_members",
    "article_27_2_procedural",
    "article_27_3_concurring_votes",
    "article_27_3_obligatory_abstention",
    "as_date",
    "challenge_ruling",
    "council_size_on",
    "decide",
    "decide_amendments",
    "decide_parts",
    "decide_preliminary_question",
    "elected_members_on",
    "find_member",
    "icj_round",
    "is_un_member",
    "joint_conference_possible",
    "member",
    "member_on",
    "name_list",
    "not_a_member_reason",
    "permanent_government",
    "permanent_members_on",
    "permanent_seat",
    "preliminary_question_mode",
    "read_poll",
    "required_votes",
    "roster_on",
    "roster_warnings",
    "special_majority",
    "tally_text",
    "threshold_on",
    "un_members_on",
    "voting_class",
    "voting_order",
    "with_article",
]
