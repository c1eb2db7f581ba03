"""The Charter rules engine: decide any Security Council vote and say why.

Pure Python: no I/O and no third-party imports (the optional batch form in
:mod:`unsc.rules.batch` uses NumPy and is imported on its own).

* :func:`decide` a :class:`Ballot` on the :class:`Council` of its date -> :class:`Decision`
  (Article 27, in :mod:`unsc.rules.decide`).
* Sequences of votes: :func:`decide_preliminary_question` (double veto), :func:`challenge_ruling`,
  :func:`decide_amendments`, :func:`decide_parts` (:mod:`unsc.rules.procedure`).
* ICJ elections: :func:`icj_round` (:mod:`unsc.rules.elections`); Secretary-General straw polls:
  :func:`read_poll` (:mod:`unsc.rules.straw_polls`).
* States by ISO alpha-3 code or common name: :func:`member`.

>>> from unsc.rules import Ballot, decide
>>> decide(Ballot.of("1950-07-07", yes=["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"],
...                  abstain=["EGY", "IND", "YUG"], absent=["SUN"])).adopted
True
"""

from unsc.rules.ballot import Ballot, Decision, Mode
from unsc.rules.council import Council, RosterError, as_date, permanent_government, permanent_seat
from unsc.rules.decide import (
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
from unsc.rules.members import Member, UnknownMemberError, all_members, find_member, member
from unsc.rules.procedure import (
    PreliminaryQuestion,
    RulingChallenge,
    TextVote,
    challenge_ruling,
    decide_amendments,
    decide_parts,
    decide_preliminary_question,
)
from unsc.rules.straw_polls import StrawPollReading, read_poll
from unsc.rules.votes import FailureReason, Kind, Modality, NonVoting, Vote, VotingClass

__all__ = [
    "Ballot",
    "Candidate",
    "Council",
    "Decision",
    "FailureReason",
    "IcjRound",
    "Kind",
    "Member",
    "Modality",
    "Mode",
    "NonVoting",
    "PreliminaryQuestion",
    "RosterError",
    "RulingChallenge",
    "StrawPollReading",
    "TextVote",
    "UnknownMemberError",
    "Vote",
    "VotingClass",
    "absolute_majority",
    "all_members",
    "article_27_2_procedural",
    "article_27_3_concurring_votes",
    "article_27_3_obligatory_abstention",
    "as_date",
    "challenge_ruling",
    "decide",
    "decide_amendments",
    "decide_parts",
    "decide_preliminary_question",
    "find_member",
    "icj_round",
    "joint_conference_possible",
    "member",
    "permanent_government",
    "permanent_seat",
    "preliminary_question_mode",
    "read_poll",
    "required_votes",
    "special_majority",
    "voting_class",
]
