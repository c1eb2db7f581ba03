"""Decide many ballots at once with NumPy: the same Article 27 rules as :func:`unsc.rules.decide`, in bulk.

Votes are a 2-D array, one row per ballot and one column per seat, with the codes
``0 = Y``, ``1 = N``, ``2 = A``, ``3 = X`` (:func:`encode` turns letters into them). The batch form
covers Art. 27(2) (procedural), Art. 27(3) (practice or charter_literal, with ``vetoes_needed`` for
reform Councils) and the fixed majorities of Art. 109 and the ICJ Statute. It does not apply the
Art. 27(3) proviso (R10) or decisions without a vote (R12): use :func:`~unsc.rules.decide` for those.
This module alone in :mod:`unsc.rules` uses NumPy.

>>> from unsc.rules import Council
>>> c = Council.on("2024-03-22", elected=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"])
>>> votes = encode(["NYNYY" + "NYYYYYYYAY", "YYYYA" + "YYYYYYYYYY"])  # CHN FRA RUS GBR USA, then the elected
>>> out = decide_many(votes, c)
>>> out.adopted.tolist(), out.vetoed_by_codes(0), out.shortfall.tolist()
([False, True], ('CHN', 'RUS'), [0, 0])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from unsc.rules.council import Council
from unsc.rules.decide import required_votes
from unsc.rules.votes import FailureReason, Kind, VotingClass

__all__ = ["ABSTAIN", "NO", "NON_VOTING", "YES", "BatchDecisions", "decide_many", "encode", "random_ballots"]

YES, NO, ABSTAIN, NON_VOTING = 0, 1, 2, 3
_LETTER = {"Y": YES, "N": NO, "A": ABSTAIN, "X": NON_VOTING}
_FAILURES = (
    FailureReason.NONE,
    FailureReason.INSUFFICIENT_VOTES,
    FailureReason.VETO,
    FailureReason.NO_CONCURRENCE,
)


def encode(rows: Iterable[str | Sequence[str]] | np.ndarray) -> np.ndarray:
    """Turn vote letters (one string or sequence of letters per ballot) into an ``int8`` code array.

    >>> encode(["YNAX", "YYYY"]).tolist()
    [[0, 1, 2, 3], [0, 0, 0, 0]]
    """
    if isinstance(rows, np.ndarray) and rows.dtype.kind in "iu":
        return rows.astype(np.int8, copy=False)
    table = np.full(256, -1, dtype=np.int8)
    for letter, code in _LETTER.items():
        table[ord(letter)] = table[ord(letter.lower())] = code
    lines = ["".join(r) for r in rows]
    if not lines:
        return np.zeros((0, 0), dtype=np.int8)
    width = len(lines[0])
    bad = [i for i, r in enumerate(lines) if len(r) != width]
    if bad:
        raise ValueError(f"ballot {bad[0]} has {len(lines[bad[0]])} votes, ballot 0 has {width}")
    raw = np.frombuffer("".join(lines).encode("ascii", "replace"), dtype=np.uint8).reshape(len(lines), width)
    out = table[raw]
    if (out < 0).any():
        i, j = (int(x) for x in np.argwhere(out < 0)[0])
        raise ValueError(f"ballot {i}, seat {j}: unknown vote {lines[i][j]!r} (expected Y, N, A or X)")
    return out


@dataclass(frozen=True, eq=False)
class BatchDecisions:
    """The outcomes of many ballots, as arrays (one entry per ballot).

    ``vetoed_by`` is a boolean array (ballots x permanent seats): which permanent members' negative
    votes vetoed each ballot. ``failure`` holds indexes into :data:`FailureReason` order
    ``(none, insufficient_votes, veto, no_concurrence)``.
    """

    seats: tuple[str, ...]
    permanent: tuple[str, ...]
    threshold: int
    voting_class: VotingClass
    adopted: np.ndarray
    yes: np.ndarray
    no: np.ndarray
    abstain: np.ndarray
    non_voting: np.ndarray
    vetoed_by: np.ndarray
    shortfall: np.ndarray
    failure: np.ndarray

    def __len__(self) -> int:
        return int(self.adopted.shape[0])

    @property
    def vetoed(self) -> np.ndarray:
        """Whether each ballot was vetoed (R11)."""
        return self.vetoed_by.any(axis=1) if self.vetoed_by.size else np.zeros(len(self), dtype=bool)

    def vetoed_by_codes(self, i: int) -> tuple[str, ...]:
        """The vetoing members of ballot ``i``, in seat order."""
        return tuple(p for p, hit in zip(self.permanent, self.vetoed_by[i], strict=True) if hit)

    def failure_reason(self, i: int) -> FailureReason:
        """The failure reason of ballot ``i``."""
        return _FAILURES[int(self.failure[i])]


def decide_many(
    votes: np.ndarray | Iterable[str],
    council: Council,
    *,
    seats: Sequence[str] | None = None,
    kind: Kind | str = Kind.DRAFT_RESOLUTION,
    voting_class: VotingClass | str | None = None,
    interpretation: str = "practice",
    date: dt.date | None = None,
) -> BatchDecisions:
    """Decide every row of ``votes`` on ``council`` (Art. 27; R5-R7, R11, R21, R22).

    ``seats`` names the columns (default: the Council's members, permanent first; without a roster,
    the permanent seats then ``E1``, ``E2``, ...). ``kind`` / ``voting_class`` apply to every row, as
    in :func:`~unsc.rules.decide`.

    >>> c = Council.custom(5, 3, permanent=["P1", "P2"])
    >>> decide_many(encode(["YYYNN", "NYYYY", "AYYYN"]), c).adopted.tolist()
    [True, False, True]
    """
    arr = encode(votes) if not isinstance(votes, np.ndarray) else votes.astype(np.int8, copy=False)
    if arr.ndim != 2:
        raise ValueError(f"votes must be a 2-D array (ballots x seats), not {arr.ndim}-D")
    if seats is None:
        seats = council.members or (
            *council.permanent,
            *(f"E{i + 1}" for i in range(council.size - len(council.permanent))),
        )
    seats = tuple(seats)
    if len(seats) != council.size:
        raise ValueError(f"{len(seats)} seats named, but the Council has {council.size}")
    if arr.shape[1] != len(seats):
        raise ValueError(f"each ballot needs {len(seats)} votes (one per seat), got {arr.shape[1]}")
    if arr.size and (arr.min() < 0 or arr.max() > 3):
        raise ValueError("vote codes must be 0 (Y), 1 (N), 2 (A) or 3 (X)")
    kind = Kind.parse(kind) if isinstance(kind, str) else kind
    cls = VotingClass(voting_class) if voting_class is not None else kind.default_class
    if cls is VotingClass.SPECIAL and kind not in (Kind.ART109_1_CONFERENCE, Kind.ART109_3_CONFERENCE, Kind.ICJ_BALLOT):
        raise ValueError(f"{kind.value} has no fixed majority to decide in bulk")
    threshold = required_votes(council, kind, date or council.date)

    yes = np.count_nonzero(arr == YES, axis=1).astype(np.int16)
    no = np.count_nonzero(arr == NO, axis=1).astype(np.int16)
    abstain = np.count_nonzero(arr == ABSTAIN, axis=1).astype(np.int16)
    non_voting = (len(seats) - yes - no - abstain).astype(np.int16)
    passes = yes >= threshold
    perm_idx = [seats.index(p) for p in council.permanent if p in seats]
    permanent = tuple(seats[i] for i in perm_idx)
    failure = np.where(passes, 0, 1).astype(np.int8)
    vetoed_by = np.zeros((arr.shape[0], len(perm_idx)), dtype=bool)
    adopted = passes
    if cls is VotingClass.NON_PROCEDURAL and perm_idx:
        pv = arr[:, perm_idx]
        p_no = pv == NO
        if interpretation == "charter_literal":
            blocked = passes & (pv != YES).any(axis=1)
            vetoed_by = p_no & blocked[:, None]
            failure = np.where(blocked, np.where(p_no.any(axis=1), 2, 3), failure).astype(np.int8)
        elif interpretation == "practice":
            blocked = passes & (np.count_nonzero(p_no, axis=1) >= council.vetoes_needed)
            vetoed_by = p_no & blocked[:, None]
            failure = np.where(blocked, 2, failure).astype(np.int8)
        else:
            raise ValueError(f"interpretation must be 'practice' or 'charter_literal', not {interpretation!r}")
        adopted = passes & ~blocked
    shortfall = np.maximum(0, threshold - yes).astype(np.int16)
    return BatchDecisions(
        seats, permanent, threshold, cls, adopted, yes, no, abstain, non_voting, vetoed_by, shortfall, failure
    )


def random_ballots(n: int, seats: int, *, seed: int = 0, p: Sequence[float] = (0.55, 0.15, 0.2, 0.1)) -> np.ndarray:
    """``n`` random ballots of ``seats`` votes each (codes), with probabilities ``p`` for Y, N, A, X.

    >>> random_ballots(3, 15, seed=1).shape
    (3, 15)
    """
    rng = np.random.default_rng(seed)
    return rng.choice(np.arange(4, dtype=np.int8), size=(n, seats), p=np.asarray(p) / sum(p))
