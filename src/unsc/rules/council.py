"""Who sits on the Council and how many affirmative votes a decision needs (R1-R4).

>>> c = Council.on("1950-06-27")
>>> c.size, c.threshold, c.permanent
(11, 7, ('CHN', 'FRA', 'SUN', 'GBR', 'USA'))
>>> Council.on("2024-03-22").threshold
9
>>> Council.on("1992-01-01").permanent[2]
'RUS'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from unsc.rules.charter import (
    AMENDMENT_IN_FORCE,
    ART109_1_AMENDMENT_IN_FORCE,
    CHARTER_IN_FORCE,
    ENLARGED_COUNCIL_SEATED,
    FIRST_MEETING,
    PERMANENT_SEATS,
    PRC_SEATED,
    RENAMED_SEATS,
    RUSSIA_CONTINUES_USSR,
    as_date,
    council_size_on,
    elected_members_on,
    not_a_member_reason,
    roster_warnings,
    roster_years,
    threshold_on,
)
from unsc.rules.members import find_member, member

__all__ = [
    "AMENDMENT_IN_FORCE",
    "ART109_1_AMENDMENT_IN_FORCE",
    "CHARTER_IN_FORCE",
    "ENLARGED_COUNCIL_SEATED",
    "FIRST_MEETING",
    "PRC_SEATED",
    "RUSSIA_CONTINUES_USSR",
    "Council",
    "RosterError",
    "as_date",
    "permanent_government",
    "permanent_seat",
]

_SEATS = PERMANENT_SEATS  # seat keys, in Charter order


class RosterError(ValueError):
    """A vote was given for a seat that is not on the Council, or twice, or too many votes."""


def permanent_seat(code: str) -> str | None:
    """The permanent seat a state's code belongs to (``SUN`` and ``RUS`` share one), or ``None``.

    >>> permanent_seat("SUN"), permanent_seat("RUS"), permanent_seat("DZA")
    ('RUS', 'RUS', None)
    """
    code = code.upper()
    if code == "SUN":
        return "RUS"
    return code if code in _SEATS else None


def permanent_government(seat: str, when: dt.date | str) -> tuple[str, str]:
    """Code and name of the government holding a permanent seat on a date (R2).

    >>> permanent_government("CHN", "1960-01-01")
    ('CHN', 'Republic of China')
    >>> permanent_government("RUS", "1960-01-01")
    ('SUN', 'USSR')
    """
    d = as_date(when)
    seat = permanent_seat(seat) or seat
    if seat == "CHN":
        return "CHN", ("Republic of China" if d < PRC_SEATED else "People's Republic of China")
    if seat == "RUS":
        return ("SUN", "USSR") if d < RUSSIA_CONTINUES_USSR else ("RUS", "Russian Federation")
    if seat not in _SEATS:
        raise KeyError(f"{seat!r} is not a permanent seat")
    return seat, member(seat).name


@dataclass(frozen=True, slots=True)
class Council:
    """The Council that votes: its size, affirmative-vote threshold, veto holders and members.

    Build it for a date with :meth:`on`; that follows the Charter as amended (R1, R2). The
    elected members come from data (the record layer passes them in); without them
    ``elected`` is ``None`` and membership of elected seats is not checked.

    A Council can also describe a reform model (:meth:`custom`): any size, threshold and set of
    veto holders, and how many of their negative votes it takes to block (``vetoes_needed``).
    """

    size: int
    threshold: int
    permanent: tuple[str, ...]
    elected: tuple[str, ...] | None = None
    date: dt.date | None = None
    vetoes_needed: int = 1
    name: str = "Security Council"
    seated_size_note: str | None = field(default=None, compare=False)

    @classmethod
    def on(cls, when: dt.date | str, elected: Iterable[str] | None = None) -> Council:
        """The Charter Council on a date: 11 seats / 7 votes until 1965, 15 / 9 from 1966.

        >>> Council.on("1965-11-23").threshold  # amendment in force, but 11 still seated (R1)
        7
        >>> Council.on("1971-12-13", elected=["ARG", "BEL", "BDI", "ITA", "JPN", "NIC", "POL", "SOM", "SYR", "SLE"]).size
        15
        """
        d = as_date(when)
        el = None if elected is None else tuple(elected)
        if cls is Council:
            return _charter_council(d, el)  # a Council is immutable: one per date and roster
        return cls._build(d, el)

    @classmethod
    def _build(cls, d: dt.date, elected: tuple[str, ...] | None) -> Council:
        if d < CHARTER_IN_FORCE:
            raise ValueError(f"no Security Council on {d}: the Charter entered into force on 24 Oct 1945")
        size = council_size_on(d)
        threshold = threshold_on(d)
        permanent = tuple(permanent_government(s, d)[0] for s in _SEATS)
        note = None
        if AMENDMENT_IN_FORCE <= d < ENLARGED_COUNCIL_SEATED:
            note = (
                "amended Art. 27 (nine votes) had been in force since 31 Aug 1965, but the Council still had 11 "
                "members and applied seven, as in res. 218 (1965); that the threshold follows the seated Council "
                "is an inference from practice"
            )
        el = None
        if elected is not None:
            el = tuple(_canonical(c, d, permanent) for c in elected)
            el = tuple(c for c in el if c not in permanent)
            if len(set(el)) != len(el):
                raise RosterError(f"elected members listed twice: {sorted(el)}")
            if len(el) != size - 5:
                raise RosterError(f"the Council of {d} has {size - 5} elected seats, {len(el)} given: {', '.join(el)}")
            for c in el:
                why = not_a_member_reason(c, d)
                if why:
                    raise RosterError(f"{why}, so it cannot hold an elected seat")
        return cls(size, threshold, permanent, el, d, 1, "Security Council", note)

    @classmethod
    def seated(cls, when: dt.date | str) -> Council:
        """The Charter Council on a date with its elected members from the rules' own roster
        (:data:`unsc.rules.charter.ELECTED_BY_YEAR`), so every vote is checked against it.

        Raises :class:`RosterError` for a year the roster does not cover (say so, never skip).

        >>> Council.seated("2026-02-10").elected[:3]
        ('BHR', 'COD', 'COL')
        >>> Council.seated("1950-06-27").members
        ('CHN', 'FRA', 'SUN', 'GBR', 'USA', 'CUB', 'ECU', 'EGY', 'IND', 'NOR', 'YUG')
        """
        d = as_date(when)
        return _seated_council(d) if cls is Council else cls._seated(d)

    @classmethod
    def _seated(cls, d: dt.date) -> Council:
        elected = elected_members_on(d)
        if elected is None:
            years = roster_years()
            raise RosterError(
                f"no roster of elected members for {d}: the rules' roster covers {years[0]}-{years[-1]} "
                f"(from {FIRST_MEETING:%d %b %Y}, the first meeting); pass the elected members, or use Council.on()"
            )
        return cls.on(d, elected=elected)

    @classmethod
    def custom(
        cls,
        size: int,
        threshold: int,
        permanent: Iterable[str] = (),
        elected: Iterable[str] | None = None,
        vetoes_needed: int = 1,
        name: str = "custom council",
    ) -> Council:
        """A Council of any shape, for reform scenarios and teaching.

        >>> c = Council.custom(25, 15, permanent=["CHN", "FRA", "RUS", "GBR", "USA"], vetoes_needed=2)
        >>> c.size, c.vetoes_needed
        (25, 2)
        """
        perm = tuple(_canonical(p, None, ()) for p in permanent)
        el = None if elected is None else tuple(_canonical(e, None, ()) for e in elected)
        if len(set(perm + (el or ()))) != len(perm) + len(el or ()):
            raise RosterError(f"a seat is listed twice: {', '.join(perm + (el or ()))}")
        if not 1 <= threshold <= size:
            raise ValueError(f"threshold {threshold} must be between 1 and the size {size}")
        if len(perm) > size or (el is not None and len(perm) + len(el) != size):
            raise ValueError(f"{len(perm)} permanent and {len(el or ())} elected seats do not make {size}")
        if perm and not 1 <= vetoes_needed <= len(perm):
            raise ValueError(f"vetoes_needed must be between 1 and {len(perm)}")
        return cls(size, threshold, perm, el, None, vetoes_needed, name)

    @property
    def members(self) -> tuple[str, ...] | None:
        """All seats, permanent first, or ``None`` if the elected members are unknown.

        >>> Council.on("2024-01-01").members is None
        True
        """
        return None if self.elected is None else self.permanent + self.elected

    @property
    def elected_seats(self) -> int:
        """How many seats are not permanent (R1: 6 until 1965, 10 from 1966).

        >>> Council.on("1965-12-31").elected_seats, Council.on("1966-01-01").elected_seats
        (6, 10)
        """
        return self.size - len(self.permanent)

    def canonical(self, code: str) -> str:
        """The code under which this Council seats a state (``RUS`` -> ``SUN`` before 24 Dec 1991).

        >>> Council.on("1950-01-13").canonical("Russia")
        'SUN'
        """
        return _canonical(code, self.date, self.permanent)

    @property
    def roster_warnings(self) -> tuple[str, ...]:
        """R3 warnings in words about the elected members (regional pattern, immediate re-election); empty
        for a custom Council or an unknown roster.

        >>> Council.seated("2024-03-22").roster_warnings
        ()
        """
        if self.date is None or self.elected is None or self.name != "Security Council":
            return ()
        return _roster_warnings(self.date, self.elected)

    def is_permanent(self, code: str) -> bool:
        """Whether the seat holds a veto in this Council.

        >>> Council.on("1960-01-01").is_permanent("Soviet Union"), Council.on("1960-01-01").is_permanent("IND")
        (True, False)
        """
        return self.canonical(code) in self.permanent


@functools.lru_cache(maxsize=1024)
def _roster_warnings(d: dt.date, elected: tuple[str, ...]) -> tuple[str, ...]:
    return roster_warnings(d, elected)


@functools.lru_cache(maxsize=8192)
def _canonical(code: str, d: dt.date | None, permanent: tuple[str, ...]) -> str:
    if d is None:  # a custom Council may name abstract seats ("AFR1"); real states still resolve
        found = find_member(code)
        return found.code if found is not None else code.strip().upper()
    c = member(code).code
    for current, other, start, end in RENAMED_SEATS:  # one seat under two codes (COD / ZAR, YEM / YMD)
        if c in (current, other):
            if start <= d <= end:
                return other
            if d > end:
                return current
    if permanent_seat(c) == "RUS":
        return permanent[2] if len(permanent) == 5 else c
    return c


@functools.lru_cache(maxsize=4096)
def _seated_council(d: dt.date) -> Council:
    """:meth:`Council.seated`, remembered: a Council is immutable and the roster is fixed, so one per day."""
    return Council._seated(d)


@functools.lru_cache(maxsize=4096)
def _charter_council(d: dt.date, elected: tuple[str, ...] | None) -> Council:
    """:meth:`Council.on`, remembered: deciding many votes of one day builds its Council once."""
    return Council._build(d, elected)
