"""Elections of judges of the International Court of Justice (ICJ Statute Arts. 4-14; rule 61; spec R21).

The General Assembly and the Council vote independently. In the Council a candidate needs an
*absolute majority*, ``size // 2 + 1`` votes (8 of 15, 6 of 11), with no distinction between
permanent and elected members: there is no veto. A candidate is elected with an absolute majority
in both organs. A ballot that gives more candidates a majority than there are seats is not
conclusive and is repeated; of two nationals of one State who both obtain majorities, only the
elder is elected; after the third meeting with seats unfilled a joint conference may be asked for.

>>> r = icj_round({"Greenwood": 9, "Bhandari": 5}, {"Bhandari": 121, "Greenwood": 68}, seats=1)
>>> r.council_majority, r.ga_majority, r.elected
(('Greenwood',), ('Bhandari',), ())
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from unsc.rules.council import Council

__all__ = [
    "GA_MEMBERS_2024",
    "Candidate",
    "IcjRound",
    "absolute_majority",
    "icj_round",
    "joint_conference_possible",
    "tally_ballots",
]

#: UN Member States since South Sudan's admission (2011): the GA's absolute majority is 97.
GA_MEMBERS_2024 = 193


def absolute_majority(members: int) -> int:
    """More than half of all members, whoever votes (ICJ Statute Art. 10).

    >>> absolute_majority(15), absolute_majority(11), absolute_majority(193)
    (8, 6, 97)
    """
    if members < 1:
        raise ValueError(f"an organ needs at least one member, not {members}")
    return members // 2 + 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """A person nominated by a national group: name, nationality (alpha-3) and date of birth (for Art. 10(3))."""

    name: str
    nationality: str | None = None
    born: dt.date | None = None


@dataclass(frozen=True, slots=True)
class IcjRound:
    """One simultaneous round of balloting in the Council and the General Assembly (R21).

    * ``council_majority`` / ``ga_majority``: candidates with an absolute majority in each organ.
    * ``council_repeat`` / ``ga_repeat``: the organ's ballot gave more majorities than seats and must
      be repeated (then it elects nobody).
    * ``elected``: candidates with a majority in both conclusive ballots, after Art. 10(3).
    * ``set_aside``: younger nationals of a State whose elder national was also elected.
    """

    seats: int
    council_needed: int
    ga_needed: int
    council_majority: tuple[str, ...]
    ga_majority: tuple[str, ...]
    council_repeat: bool
    ga_repeat: bool
    elected: tuple[str, ...]
    set_aside: tuple[str, ...]
    seats_remaining: int
    explanation: str


def tally_ballots(ballots: Mapping[str, Iterable[str]], seats: int, council: Council | None = None) -> dict[str, int]:
    """Count Council members' ballots, each naming up to ``seats`` candidates once (R21(9), practice).

    With a ``council`` that knows its roster, only its members may vote.

    >>> tally_ballots({"USA": ["A"], "FRA": ["A"], "BRA": ["B"]}, seats=1)
    {'A': 2, 'B': 1}
    >>> tally_ballots({"USA": ["A", "B"]}, seats=1)
    Traceback (most recent call last):
    ...
    ValueError: USA named 2 candidates, but only 1 seat(s) are to be filled
    """
    counts: Counter[str] = Counter()
    roster = None if council is None else council.members
    if council is not None and len(ballots) > council.size:
        raise ValueError(f"{len(ballots)} ballots, but the Council has {council.size} members")
    for voter, names in ballots.items():
        chosen = list(names)
        if roster is not None and council is not None and council.canonical(voter) not in roster:
            raise ValueError(f"{voter} is not a member of the Council")
        if len(chosen) > seats:
            raise ValueError(f"{voter} named {len(chosen)} candidates, but only {seats} seat(s) are to be filled")
        if len(set(chosen)) != len(chosen):
            raise ValueError(f"{voter} named a candidate twice: {', '.join(chosen)}")
        counts.update(chosen)
    return dict(counts)


def icj_round(
    council_votes: Mapping[str, int],
    ga_votes: Mapping[str, int],
    *,
    seats: int = 1,
    council: Council | int = 15,
    ga_members: int = GA_MEMBERS_2024,
    candidates: Iterable[Candidate] = (),
) -> IcjRound:
    """Decide one round of an ICJ election from each organ's votes per candidate (R21).

    ``council`` is a :class:`Council` or its size (15; 11 before 1966). ``candidates`` give
    nationality and date of birth where two nationals of one State might both be elected.

    >>> icj_round({"X": 8}, {"X": 100}, council=15).elected
    ('X',)
    >>> icj_round({"X": 6}, {"X": 45}, council=11, ga_members=82).elected
    ('X',)
    >>> icj_round({"X": 8, "Y": 8, "Z": 8}, {"X": 100}, seats=2).council_repeat  # 3 majorities, 2 seats
    True
    """
    size = council.size if isinstance(council, Council) else int(council)
    if seats < 1:
        raise ValueError(f"seats must be at least 1, not {seats}")
    for organ, votes, total in (("Council", council_votes, size), ("General Assembly", ga_votes, ga_members)):
        for name, n in votes.items():
            if not 0 <= n <= total:
                raise ValueError(f"{name} has {n} votes in the {organ}, which has {total} members")
        if sum(votes.values()) > total * seats:
            raise ValueError(f"{sum(votes.values())} votes in the {organ}: more than {total} members x {seats} seats")
    c_need, g_need = absolute_majority(size), absolute_majority(ga_members)
    c_maj = tuple(sorted((n for n, v in council_votes.items() if v >= c_need), key=lambda n: -council_votes[n]))
    g_maj = tuple(sorted((n for n, v in ga_votes.items() if v >= g_need), key=lambda n: -ga_votes[n]))
    c_repeat, g_repeat = len(c_maj) > seats, len(g_maj) > seats
    both = [n for n in c_maj if n in g_maj] if not (c_repeat or g_repeat) else []
    elected, set_aside = _elder_national(both, {c.name: c for c in candidates})
    notes = [
        f"The Council's absolute majority is {c_need} of {size}, with no distinction between permanent and elected "
        f"members, so no veto (Statute Art. 10(2)); the General Assembly's is {g_need} of {ga_members}."
    ]
    notes.append(
        f"Council majority: {', '.join(c_maj) or 'nobody'}; General Assembly majority: {', '.join(g_maj) or 'nobody'}."
    )
    if c_repeat:
        notes.append(
            f"The Council ballot gave {len(c_maj)} majorities for {seats} seat(s): not conclusive, repeated (rule 61)."
        )
    if g_repeat:
        notes.append(f"The General Assembly ballot gave {len(g_maj)} majorities for {seats} seat(s): repeated.")
    if set_aside:
        notes.append(
            f"Only the elder of two nationals of one State is elected (Art. 10(3)): set aside {', '.join(set_aside)}."
        )
    notes.append(
        f"Elected (a majority in both organs, Art. 10(1)): {', '.join(elected)}."
        if elected
        else "Nobody is elected in this round: no candidate has a majority in both organs."
    )
    remaining = seats - len(elected)
    return IcjRound(
        seats, c_need, g_need, c_maj, g_maj, c_repeat, g_repeat, tuple(elected), tuple(set_aside), remaining,
        " ".join(notes) + " (R21)",
    )  # fmt: skip


def _elder_national(names: list[str], info: Mapping[str, Candidate]) -> tuple[list[str], list[str]]:
    by_state: dict[str, list[str]] = {}
    for n in names:
        c = info.get(n)
        if c is not None and c.nationality:
            by_state.setdefault(c.nationality.upper(), []).append(n)
    set_aside: list[str] = []
    for state, group in by_state.items():
        if len(group) < 2:
            continue
        missing = [n for n in group if info[n].born is None]
        if missing:
            raise ValueError(f"nationals of {state} both elected; give the dates of birth of {', '.join(missing)}")
        elder = min(group, key=lambda n: info[n].born or dt.date.max)
        set_aside += [n for n in group if n != elder]
    return [n for n in names if n not in set_aside], set_aside


def joint_conference_possible(meetings_held: int, seats_remaining: int) -> bool:
    """Whether either organ may ask for a joint conference: seats still empty after the third meeting (Art. 12).

    The Council's request is treated as procedural (nine votes; reported in 2017, not verified).

    >>> joint_conference_possible(3, 1), joint_conference_possible(2, 1), joint_conference_possible(4, 0)
    (True, False, False)
    """
    return meetings_held >= 3 and seats_remaining > 0
