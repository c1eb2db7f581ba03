"""Straw polls for the Secretary-General (R18): informal, no legal effect, read as a forecast.

Members mark each candidate "encourage", "discourage" or "no opinion expressed". From the sixth poll
of 2016 the ballots were colour-coded, so a "discourage" from a permanent member could be seen. The
engine's reading (a design choice the spec allows): a candidate is *viable* if the encouragements
reach the threshold and no permanent member discourages. Without colour coding, a discourage might
be a permanent member's, so viability is unknown unless there is none.

>>> read_poll("Guterres", encourage=13, discourage=0, no_opinion=2, permanent_discourage=0, date="2016-10-05").viable
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unsc.rules.council import Council, as_date

__all__ = ["StrawPollReading", "read_poll"]


@dataclass(frozen=True, slots=True)
class StrawPollReading:
    """One candidate's result in one straw poll, and what it forecasts.

    ``viable`` is ``True``/``False``, or ``None`` when it cannot be told (a plain poll with
    discourages that may include a permanent member's).
    """

    candidate: str
    encourage: int
    discourage: int
    no_opinion: int
    permanent_discourage: int | None
    threshold: int
    viable: bool | None
    explanation: str
    date: dt.date | None = None


def read_poll(
    candidate: str,
    *,
    encourage: int,
    discourage: int,
    no_opinion: int = 0,
    permanent_discourage: int | None = None,
    date: dt.date | str | None = None,
    council: Council | None = None,
) -> StrawPollReading:
    """Read one candidate's straw-poll result (R18). Informal: it decides nothing.

    ``permanent_discourage`` is the number of permanent members discouraging, known only from a
    colour-coded poll; leave it ``None`` for a plain one.

    >>> read_poll("A", encourage=10, discourage=4, no_opinion=1, permanent_discourage=1, date="2016-10-05").viable
    False
    >>> read_poll("B", encourage=11, discourage=3, date="2016-08-05").viable is None
    True
    """
    if council is None:
        if date is None:
            raise ValueError("give the poll's date or a Council")
        council = Council.on(date)
    when = as_date(date) if date is not None else council.date
    counts = {"encourage": encourage, "discourage": discourage, "no_opinion": no_opinion}
    for name, n in counts.items():
        if n < 0:
            raise ValueError(f"{name} must not be negative, got {n}")
    if sum(counts.values()) > council.size:
        raise ValueError(f"{sum(counts.values())} marks for {candidate!r}, but the Council has {council.size} members")
    if permanent_discourage is not None and not 0 <= permanent_discourage <= min(discourage, len(council.permanent)):
        raise ValueError(
            f"permanent_discourage {permanent_discourage} must be between 0 and "
            f"{min(discourage, len(council.permanent))} (discourages and permanent members)"
        )
    t = council.threshold
    if encourage < t:
        viable: bool | None = False
        why = f"{encourage} encourage, short of the {t} a recommendation would need"
    elif permanent_discourage is not None:
        viable = permanent_discourage == 0
        why = (
            f"{encourage} encourage (at least {t}) and no permanent member discourages"
            if viable
            else f"{encourage} encourage, but {permanent_discourage} permanent member(s) discourage: a likely veto"
        )
    elif discourage == 0:
        viable = True
        why = f"{encourage} encourage (at least {t}) and nobody discourages"
    else:
        viable = None
        why = (
            f"{encourage} encourage (at least {t}), but the poll was not colour-coded, so whether any of the "
            f"{discourage} discourage(s) came from a permanent member cannot be told"
        )
    explanation = (
        f"Straw poll for {candidate}: {why}. Straw polls have no legal effect; the recommendation itself is a "
        f"non-procedural decision under Art. 97 and Art. 27(3) (R18)."
    )
    return StrawPollReading(
        candidate, encourage, discourage, no_opinion, permanent_discourage, t, viable, explanation, when
    )
