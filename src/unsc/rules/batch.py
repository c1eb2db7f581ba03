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

from unsc.rules.ballot import Ballot, Mode
from unsc.rules.council import Council, as_date
from unsc.rules.decide import FAILURE_ORDER, failure_code, outcome, required_votes
from unsc.rules.decide import voting_class as decide_voting_class
from unsc.rules.votes import FailureReason, Interpretation, Kind, VotingClass

__all__ = ["ABSTAIN", "NO", "NON_VOTING", "YES", "BatchDecisions", "decide_many", "encode", "random_ballots"]

YES, NO, ABSTAIN, NON_VOTING = 0, 1, 2, 3
_LETTER = {"Y": YES, "N": NO, "A": ABSTAIN, "X": NON_VOTING}
_FAILURES = FAILURE_ORDER


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
        return np.asarray(self.vetoed_by.any(axis=1)) if self.vetoed_by.size else np.zeros(len(self), dtype=bool)

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
    parent_class: VotingClass | str | None = None,
    interpretation: str = "practice",
    mode: Mode | None = None,
    date: dt.date | str | None = None,
) -> BatchDecisions:
    """Decide every row of ``votes`` on ``council`` (Art. 27; R5-R7, R11, R16, R21, R22, R27, R28).

    ``seats`` names the columns (default: the Council's members, permanent first; without a roster,
    the permanent seats then ``E1``, ``E2``, ...). ``kind``, ``voting_class``, ``parent_class`` and
    ``mode`` (or just ``interpretation``) apply to every row, as in :func:`~unsc.rules.decide`: the
    class comes from the same :func:`~unsc.rules.decide.voting_class` (the preliminary question's
    1950 switch, an amendment's parent class, the override checks), the threshold from
    :func:`~unsc.rules.decide.required_votes`, and adoption and failure from
    :func:`~unsc.rules.decide.outcome` and :func:`~unsc.rules.decide.failure_code`, applied to arrays.

    >>> c = Council.custom(5, 3, permanent=["P1", "P2"])
    >>> decide_many(encode(["YYYNN", "NYYYY", "AYYYN"]), c).adopted.tolist()
    [True, False, True]
    >>> c1948 = Council.on("1948-05-24")
    >>> decide_many(encode(["YYNYY" + "YYYYNA"]), c1948, kind="preliminary_question").voting_class.value
    'non_procedural'
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
    if len(seats) >= 16:  # the packed counts below hold up to 15 per field
        return _decide_many_wide(arr, council, seats, kind, voting_class, parent_class, interpretation, mode, date)
    if mode is None:
        mode = Mode(interpretation=Interpretation.parse(interpretation))
    when = None if date is None else as_date(date)
    when = when or council.date
    ballot = Ballot(votes=(), date=when, kind=Kind.parse(kind) if isinstance(kind, str) else kind).replace(
        voting_class=voting_class, parent_class=parent_class
    )
    if ballot.kind in (Kind.SG_STRAW_POLL, Kind.ART44_CONTINGENTS):
        raise ValueError(f"{ballot.kind.value} is not decided by a vote count: see unsc.rules.decide")
    cls = decide_voting_class(ballot, mode)  # the same rule as decide()
    threshold = required_votes(council, ballot.kind, when)

    n = arr.shape[0]
    perm_idx = [seats.index(p) for p in council.permanent if p in seats]
    permanent = tuple(seats[i] for i in perm_idx)
    other_idx = [i for i in range(len(seats)) if i not in perm_idx]
    n_perm = len(perm_idx)
    adopted = np.empty(n, dtype=bool)
    yes = np.empty(n, dtype=np.int16)
    no = np.empty(n, dtype=np.int16)
    abstain = np.empty(n, dtype=np.int16)
    vetoed_by = np.zeros((n, n_perm), dtype=bool)
    failure = np.empty(n, dtype=np.int8)
    one = np.uint16(1)
    for start in range(0, n, _CHUNK):
        block = arr[start : start + _CHUNK]
        if block.size and (block.min() < 0 or block.max() > 3):
            bad = np.argwhere((block < 0) | (block > 3))[0]
            raise ValueError(
                f"ballot {start + int(bad[0])}, seat {int(bad[1])}: bad vote code {int(block[tuple(bad)])}; "
                "vote codes must be 0 (Y), 1 (N), 2 (A) or 3 (X)"
            )
        # one-hot counts packed in 4-bit fields: bits 0-3 yes, 4-7 no, 8-11 abstain, 12-15 not voting
        t = np.ascontiguousarray(block.T).astype(np.uint16)
        t <<= 2
        np.left_shift(one, t, out=t)
        p5 = t[perm_idx].sum(axis=0, dtype=np.uint16) if n_perm else np.zeros(block.shape[0], np.uint16)
        total = p5 + t[other_idx].sum(axis=0, dtype=np.uint16)
        y = (total & 15).astype(np.int16)
        p5_no = (p5 >> 4) & 15
        p5_yes = p5 & 15
        ok, blocked = outcome(cls, y, threshold, p5_no, n_perm - p5_yes, mode.interpretation, council.vetoes_needed)
        stop = start + block.shape[0]
        adopted[start:stop] = ok
        yes[start:stop] = y
        no[start:stop] = (total >> 4) & 15
        abstain[start:stop] = (total >> 8) & 15
        failure[start:stop] = failure_code(ok, blocked, p5_no)
        if n_perm and blocked.any():
            vetoed_by[start:stop] = (t[perm_idx] == 16).T & blocked[:, None]
    non_voting = (len(seats) - yes - no - abstain).astype(np.int16)
    shortfall = np.maximum(0, threshold - yes).astype(np.int16)
    return BatchDecisions(
        seats, permanent, threshold, cls, adopted, yes, no, abstain, non_voting, vetoed_by, shortfall, failure
    )


#: Ballots per block: the transposed block and its one-hot codes stay in the CPU cache.
_CHUNK = 1 << 14


def _decide_many_wide(
    arr: np.ndarray,
    council: Council,
    seats: tuple[str, ...],
    kind: Kind | str,
    voting_class: VotingClass | str | None,
    parent_class: VotingClass | str | None,
    interpretation: str,
    mode: Mode | None,
    date: dt.date | str | None,
) -> BatchDecisions:
    """Councils of 16 seats or more (reform models): the same rules, with plain counts."""
    if mode is None:
        mode = Mode(interpretation=Interpretation.parse(interpretation))
    when = (None if date is None else as_date(date)) or council.date
    ballot = Ballot(votes=(), date=when, kind=Kind.parse(kind) if isinstance(kind, str) else kind).replace(
        voting_class=voting_class, parent_class=parent_class
    )
    cls = decide_voting_class(ballot, mode)
    threshold = required_votes(council, ballot.kind, when)
    if arr.size and (arr.min() < 0 or arr.max() > 3):
        raise ValueError("vote codes must be 0 (Y), 1 (N), 2 (A) or 3 (X)")
    yes = np.count_nonzero(arr == YES, axis=1).astype(np.int16)
    no = np.count_nonzero(arr == NO, axis=1).astype(np.int16)
    abstain = np.count_nonzero(arr == ABSTAIN, axis=1).astype(np.int16)
    perm_idx = [seats.index(p) for p in council.permanent if p in seats]
    pv = arr[:, perm_idx]
    p_no = pv == NO
    p5_no = np.count_nonzero(p_no, axis=1)
    p5_yes = np.count_nonzero(pv == YES, axis=1)
    adopted, blocked = outcome(
        cls, yes, threshold, p5_no, len(perm_idx) - p5_yes, mode.interpretation, council.vetoes_needed
    )
    failure = np.asarray(failure_code(adopted, blocked, p5_no), dtype=np.int8)
    return BatchDecisions(
        seats,
        tuple(seats[i] for i in perm_idx),
        threshold,
        cls,
        np.asarray(adopted, dtype=bool),
        yes,
        no,
        abstain,
        (len(seats) - yes - no - abstain).astype(np.int16),
        p_no & np.asarray(blocked)[:, None],
        np.maximum(0, threshold - yes).astype(np.int16),
        failure,
    )


def random_ballots(n: int, seats: int, *, seed: int = 0, p: Sequence[float] = (0.55, 0.15, 0.2, 0.1)) -> np.ndarray:
    """``n`` random ballots of ``seats`` votes each (codes), with probabilities ``p`` for Y, N, A, X.

    >>> random_ballots(3, 15, seed=1).shape
    (3, 15)
    """
    rng = np.random.default_rng(seed)
    return rng.choice(np.arange(4, dtype=np.int8), size=(n, seats), p=np.asarray(p) / sum(p))
