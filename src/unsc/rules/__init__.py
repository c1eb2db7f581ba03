"""The Charter rules engine: decide any Security Council vote and say why.

Pure Python: no I/O and no third-party imports (the optional batch form in
:mod:`unsc.rules.batch` uses NumPy).

>>> from unsc.rules import Ballot, decide
>>> decide(Ballot.of("1950-07-07", yes=["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"],
...                  abstain=["EGY", "IND", "YUG"], absent=["SUN"])).adopted
True
"""

from unsc.rules.council import Council, RosterError, as_date, permanent_government, permanent_seat
from unsc.rules.decide import (
    Ballot,
    Decision,
    Mode,
    article_27_2_procedural,
    article_27_3_concurring_votes,
    article_27_3_obligatory_abstention,
    decide,
    required_votes,
    voting_class,
)
from unsc.rules.members import Member, UnknownMemberError, all_members, find_member, member
from unsc.rules.votes import FailureReason, Kind, Modality, NonVoting, Vote, VotingClass

__all__ = [
    "Ballot",
    "Council",
    "Decision",
    "FailureReason",
    "Kind",
    "Member",
    "Modality",
    "Mode",
    "NonVoting",
    "RosterError",
    "UnknownMemberError",
    "Vote",
    "VotingClass",
    "all_members",
    "article_27_2_procedural",
    "article_27_3_concurring_votes",
    "article_27_3_obligatory_abstention",
    "as_date",
    "decide",
    "find_member",
    "member",
    "permanent_government",
    "permanent_seat",
    "required_votes",
    "voting_class",
]
