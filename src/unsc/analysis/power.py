"""A priori voting power, exact: Shapley-Shubik, Banzhaf, Coleman, Holler and Deegan-Packel.

Every index is an exact :class:`fractions.Fraction`, computed without listing coalitions:

* :class:`TypedGame`: players come in a few *types* of interchangeable players (the Council has
  two: veto holders and the others). Coalitions are counted by how many players of each type
  they hold, with binomial coefficients, so the work is the product of ``count + 1`` over the
  types (36 count vectors for today's Council, 630 for a 25-seat reform model).
* :class:`WeightedGame`: ``[quota; w1, ..., wn]`` with integer weights. Few distinct weights go
  through the typed method; otherwise generating functions over the weights: Banzhaf and
  Coleman in O(n*q), Shapley-Shubik in O(n*s*q) (counts by size and weight, s the largest size
  of a losing coalition), both in NumPy modulo primes below 2^63 and rebuilt exactly by the
  Chinese remainder theorem; Holler by a forward/backward pass in O(n*q), Deegan-Packel in
  O(n^2*q) memory and time (refused above a size limit), over Python integers.
* :func:`monte_carlo`: an estimate with a 95% confidence interval where exact is too costly.
* :class:`TernaryCouncil`: the yes/abstain/no model of the Council's practice, in which an
  abstaining permanent member does not block (the binary model treats "not yes" as "no").

Index codes used across unsc: ``ss`` Shapley-Shubik, ``bz`` normalised Banzhaf, ``pb`` Penrose
(absolute) Banzhaf, ``coleman`` (power of the collectivity to act, to prevent, to initiate),
``holler`` (public good index) and ``dp`` Deegan-Packel.

>>> from unsc.rules import Council
>>> p = council_game(Council.on("2024-03-22")).power()
>>> p.value("ss", "permanent"), p.value("ss", "elected")
(Fraction(421, 2145), Fraction(4, 2145))
>>> str(WeightedGame(39, [7] * 5 + [1] * 10).power(["bz"]).per_player("bz")[0])
'106/635'
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import accumulate, product
from typing import Any

import numpy as np

from unsc.rules import Council

__all__ = [
    "ALL_INDICES",
    "INDEX_NAMES",
    "MonteCarloResult",
    "PowerIndices",
    "TernaryCouncil",
    "TypedGame",
    "WeightedGame",
    "council_game",
    "monte_carlo",
    "naive_indices",
]

#: Index codes, in display order.
ALL_INDICES: tuple[str, ...] = ("ss", "bz", "pb", "coleman", "holler", "dp", "johnston")
#: Human names of the index codes (``coleman`` expands to three values).
INDEX_NAMES: dict[str, str] = {
    "ss": "Shapley-Shubik",
    "bz": "Banzhaf (normalised)",
    "pb": "Penrose-Banzhaf (absolute)",
    "coleman": "Coleman",
    "coleman_prevent": "Coleman power to prevent action",
    "coleman_initiate": "Coleman power to initiate action",
    "holler": "Holler public good index",
    "dp": "Deegan-Packel",
    "johnston": "Johnston",
}
_PER_PLAYER = ("ss", "bz", "pb", "coleman_prevent", "coleman_initiate", "holler", "dp", "johnston")
#: Typed enumeration is used while the number of count vectors stays below this.
TYPED_LIMIT = 400_000
#: Deegan-Packel by dynamic programming keeps n*n*q integers; refused above this.
DP_TABLE_LIMIT = 30_000_000


def _parse_indices(indices: Iterable[str] | str | None) -> tuple[str, ...]:
    if indices is None or indices == "all":
        return ALL_INDICES
    if isinstance(indices, str):
        indices = [indices]
    out = []
    for code in indices:
        c = code.strip().lower()
        if c == "all":
            return ALL_INDICES
        if c not in ALL_INDICES:
            raise ValueError(f"unknown power index {code!r}: expected one of {', '.join(ALL_INDICES)} or all")
        out.append(c)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class PowerIndices:
    """Exact power indices of a game, per player type (every player of a type has the same value).

    ``values[code]`` holds one :class:`~fractions.Fraction` per type for the per-player indices
    (``ss``, ``bz``, ``pb``, ``coleman_prevent``, ``coleman_initiate``, ``holler``, ``dp``);
    ``coleman_act`` is the game's power to act, ``|W| / 2^n``.
    """

    game: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    values: dict[str, tuple[Fraction, ...]]
    winning: int
    swings: tuple[int, ...]
    minimal_winning: int | None = None
    player_types: tuple[int, ...] | None = None  # type index of each player, in player order

    @property
    def n(self) -> int:
        """Number of players."""
        return sum(self.counts)

    @property
    def coleman_act(self) -> Fraction:
        """Coleman's power of the collectivity to act: the share of coalitions that win."""
        return Fraction(self.winning, 2**self.n)

    def value(self, index: str, label: str) -> Fraction:
        """The value of one index for one player of the type named ``label``.

        >>> WeightedGame(3, [2, 1, 1], names=["a", "b", "c"]).power(["ss"]).value("ss", "w=2")
        Fraction(2, 3)
        """
        return self.values[index][self.labels.index(label)]

    def per_player(self, index: str) -> list[Fraction]:
        """One value per player, in the order the players were given.

        >>> council_game(Council.on("1950-01-01")).power(["ss"]).per_player("ss")[:2]
        [Fraction(76, 385), Fraction(76, 385)]
        """
        vals = self.values[index]
        if self.player_types is None:
            return [v for v, c in zip(vals, self.counts, strict=True) for _ in range(c)]
        return [vals[t] for t in self.player_types]

    def to_dict(self, indices: Iterable[str] | str | None = None) -> dict[str, Any]:
        """A JSON-ready dict: each value as an exact string (``"421/2145"``) and a float.

        >>> d = council_game(Council.on("2024-03-22")).power(["ss"]).to_dict()
        >>> d["groups"][0]["ss"]
        {'exact': '421/2145', 'float': 0.19627039627039627}
        """
        codes = _parse_indices(indices)
        keys = [k for c in codes for k in (("coleman_prevent", "coleman_initiate") if c == "coleman" else (c,))]
        groups = []
        for t, (label, count) in enumerate(zip(self.labels, self.counts, strict=True)):
            g: dict[str, Any] = {"label": label, "seats": count}
            for k in keys:
                if k in self.values:
                    g[k] = _fr(self.values[k][t])
            groups.append(g)
        out: dict[str, Any] = {
            "game": self.game,
            "players": self.n,
            "winning_coalitions": self.winning,
            "groups": groups,
        }
        if "coleman" in codes:
            out["coleman_act"] = _fr(self.coleman_act)
        if self.minimal_winning is not None and ("holler" in codes or "dp" in codes):
            out["minimal_winning_coalitions"] = self.minimal_winning
        return out


def _fr(x: Fraction) -> dict[str, Any]:
    return {"exact": f"{x.numerator}/{x.denominator}" if x.denominator != 1 else str(x.numerator), "float": float(x)}


def _safe_div(a: int, b: int) -> Fraction:
    return Fraction(a, b) if b else Fraction(0)


# --------------------------------------------------------------------------------------------
# Typed games: count coalitions by how many players of each type they hold


@dataclass(frozen=True)
class TypedGame:
    """A simple game whose players come in types of interchangeable players.

    ``wins(k)`` says whether a coalition holding ``k[t]`` players of type ``t`` wins. The game is
    assumed monotone (adding a player never turns a win into a loss), as every voting rule here is.

    >>> g = TypedGame("majority of 3", ("voter",), (3,), lambda k: k[0] >= 2)
    >>> g.power(["ss", "pb"]).values["pb"]
    (Fraction(1, 2),)
    """

    name: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    wins: Callable[[tuple[int, ...]], bool] = field(compare=False)

    @property
    def n(self) -> int:
        """Number of players."""
        return sum(self.counts)

    def power(self, indices: Iterable[str] | str | None = None) -> PowerIndices:
        """Exact indices by enumerating count vectors (not coalitions), weighted by binomials.

        >>> council_game(Council.custom(15, 9, permanent=["CHN", "FRA", "RUS", "GBR", "USA"])).power(
        ...     ["holler"]).minimal_winning
        210
        """
        codes = _parse_indices(indices)
        counts, n = self.counts, self.n
        ntypes = len(counts)
        binom = [[math.comb(m, k) for k in range(m + 1)] for m in counts]
        fact = [math.factorial(i) for i in range(n + 1)]
        winning = 0
        swings = [0] * ntypes
        ss_num = [0] * ntypes
        mwc = 0
        holler = [0] * ntypes
        lcm = math.lcm(*range(1, n + 1)) if n else 1
        dp_num = [0] * ntypes
        johnston_num = [0] * ntypes
        for k in product(*(range(m + 1) for m in counts)):
            if not self.wins(k):
                continue
            s = sum(k)
            total = math.prod(binom[t][k[t]] for t in range(ntypes))
            winning += total
            minimal = True
            critical_types = []
            for t in range(ntypes):
                if k[t] == 0:
                    continue
                km = (*k[:t], k[t] - 1, *k[t + 1 :])
                if self.wins(km):
                    minimal = False
                    continue
                critical_types.append(t)
                # coalitions of this vector that contain one given player of type t
                with_i = total * k[t] // counts[t]
                swings[t] += with_i
                ss_num[t] += with_i * fact[s - 1] * fact[n - s]
            # Johnston: each critical member of a coalition gets 1 / (number of critical members)
            critical = sum(k[t] for t in critical_types)
            for t in critical_types:
                johnston_num[t] += (total * k[t] // counts[t]) * (lcm // critical)
            if minimal and s > 0:
                mwc += total
                for t in range(ntypes):
                    if k[t]:
                        with_i = total * k[t] // counts[t]
                        holler[t] += with_i
                        dp_num[t] += with_i * (lcm // s)
        values: dict[str, tuple[Fraction, ...]] = {}
        _fill(values, codes, n, counts, swings, winning, fact[n] if n else 1, ss_num)
        if "holler" in codes:
            denom = sum(h * c for h, c in zip(holler, counts, strict=True))
            values["holler"] = tuple(_safe_div(h, denom) for h in holler)
        if "dp" in codes:
            values["dp"] = tuple(_safe_div(d, lcm * mwc) for d in dp_num)
        if "johnston" in codes:
            denom = sum(j * c for j, c in zip(johnston_num, counts, strict=True))
            values["johnston"] = tuple(_safe_div(j, denom) for j in johnston_num)
        return PowerIndices(self.name, self.labels, counts, values, winning, tuple(swings), mwc)


def _fill(
    values: dict[str, tuple[Fraction, ...]],
    codes: tuple[str, ...],
    n: int,
    counts: Sequence[int],
    swings: Sequence[int],
    winning: int,
    n_fact: int,
    ss_num: Sequence[int] | None,
) -> None:
    """The swing-based indices, shared by every method."""
    total_swings = sum(s * c for s, c in zip(swings, counts, strict=True))
    if "ss" in codes and ss_num is not None:
        values["ss"] = tuple(Fraction(s, n_fact) for s in ss_num)
    if "bz" in codes:
        values["bz"] = tuple(_safe_div(s, total_swings) for s in swings)
    if "pb" in codes:
        values["pb"] = tuple(Fraction(s, 2 ** (n - 1)) for s in swings)
    if "coleman" in codes:
        values["coleman_prevent"] = tuple(_safe_div(s, winning) for s in swings)
        values["coleman_initiate"] = tuple(_safe_div(s, 2**n - winning) for s in swings)


def council_game(council: Council, labels: Sequence[tuple[str, int, bool]] | None = None) -> TypedGame:
    """The binary (yes / not yes) game of a Council: it wins with ``threshold`` yes votes unless
    ``vetoes_needed`` veto holders are outside the coalition.

    ``labels`` may split the seats into named groups ``(label, count, veto)`` (for reform models);
    by default veto holders are ``permanent`` and the rest ``elected``.

    >>> p = council_game(Council.on("1950-06-27")).power(["ss", "bz"])
    >>> p.value("ss", "elected"), p.value("bz", "permanent")
    (Fraction(1, 462), Fraction(19, 105))
    """
    veto = len(council.permanent)
    if labels is None:
        groups = [("permanent", veto, True), ("elected", council.size - veto, False)] if veto else []
        if not veto:
            groups = [("member", council.size, False)]
    else:
        groups = [(lab, c, v) for lab, c, v in labels if c > 0]
        if sum(c for _, c, _ in groups) != council.size:
            raise ValueError(f"seat groups add up to {sum(c for _, c, _ in groups)}, not {council.size}")
        if sum(c for _, c, v in groups if v) != veto:
            raise ValueError(f"seat groups name {sum(c for _, c, v in groups if v)} veto holders, not {veto}")
    groups = [g for g in groups if g[1] > 0]
    is_veto = tuple(v for _, _, v in groups)
    threshold, needed = council.threshold, council.vetoes_needed

    def wins(k: tuple[int, ...]) -> bool:
        if sum(k) < threshold:
            return False
        outside = sum(veto_t - kt for kt, veto_t, v in zip(k, (g[1] for g in groups), is_veto, strict=True) if v)
        return outside < needed if veto else True

    return TypedGame(council.name, tuple(g[0] for g in groups), tuple(g[1] for g in groups), wins)


# --------------------------------------------------------------------------------------------
# Weighted games: generating functions over the weights


@dataclass(frozen=True)
class WeightedGame:
    """The weighted game ``[quota; w1, ..., wn]``: a coalition wins iff its weight reaches the quota.

    Weights are non-negative integers (Python ints: any size). ``names`` label the players.

    >>> g = WeightedGame(6, [4, 3, 2, 1])
    >>> [str(x) for x in g.power(["ss"]).per_player("ss")]
    ['5/12', '1/4', '1/4', '1/12']
    >>> g.power(["ss"], method="dp").per_player("ss") == g.power(["ss"], method="typed").per_player("ss")
    True
    """

    quota: int
    weights: tuple[int, ...]
    names: tuple[str, ...] | None = None

    def __init__(self, quota: int, weights: Iterable[int], names: Iterable[str] | None = None) -> None:
        w = tuple(int(x) for x in weights)
        if any(x < 0 for x in w):
            raise ValueError("weights must be non-negative integers")
        if int(quota) < 1:
            raise ValueError(f"quota must be a positive integer, not {quota}")
        object.__setattr__(self, "quota", int(quota))
        object.__setattr__(self, "weights", w)
        nm = None if names is None else tuple(names)
        if nm is not None and len(nm) != len(w):
            raise ValueError(f"{len(nm)} names for {len(w)} weights")
        object.__setattr__(self, "names", nm)

    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.weights)

    def wins(self, coalition: Iterable[int]) -> bool:
        """Whether a coalition (player indices) wins.

        >>> WeightedGame(39, [7] * 5 + [1] * 10).wins(range(9))
        True
        """
        return sum(self.weights[i] for i in coalition) >= self.quota

    def _types(self) -> tuple[list[int], list[int], list[int]]:
        distinct = sorted(set(self.weights), reverse=True)
        index = {w: i for i, w in enumerate(distinct)}
        counts = [0] * len(distinct)
        for w in self.weights:
            counts[index[w]] += 1
        return distinct, counts, [index[w] for w in self.weights]

    def power(self, indices: Iterable[str] | str | None = None, method: str = "auto") -> PowerIndices:
        """Exact indices. ``method``: ``typed`` (count vectors over distinct weights), ``dp``
        (generating functions in NumPy, modulo primes, rebuilt exactly by the Chinese remainder
        theorem), ``bigint`` (the same generating functions over Python integers: slower, kept as
        an independent exact reference) or ``auto`` (typed when there are few distinct weights).

        >>> g = WeightedGame(51, [10, 20, 30, 40])
        >>> g.power(["ss", "bz"], method="dp").values == g.power(["ss", "bz"], method="bigint").values
        True

        >>> WeightedGame(5, [1] * 9).power(["pb"], method="dp").values["pb"]
        (Fraction(35, 128),)
        """
        codes = _parse_indices(indices)
        distinct, counts, player_types = self._types()
        labels = tuple(f"w={w}" for w in distinct)
        vectors = math.prod(c + 1 for c in counts)
        if method == "auto":
            method = "typed" if vectors <= TYPED_LIMIT else "dp"
        if method == "typed":
            q = self.quota
            tg = TypedGame(
                f"[{q}; weights]",
                labels,
                tuple(counts),
                lambda k: sum(kt * w for kt, w in zip(k, distinct, strict=True)) >= q,
            )
            res = tg.power(codes)
            return PowerIndices(
                res.game,
                labels,
                res.counts,
                res.values,
                res.winning,
                res.swings,
                res.minimal_winning,
                tuple(player_types),
            )
        if method not in ("dp", "bigint"):
            raise ValueError(f"unknown method {method!r}: expected auto, typed, dp or bigint")
        implicit = indices is None or indices == "all" or (not isinstance(indices, str) and "all" in indices)
        if "johnston" in codes and implicit:
            codes = tuple(c for c in codes if c != "johnston")  # "all" means all that scale to this game
        if "johnston" in codes:
            raise ValueError(
                f"the Johnston index is computed exactly by typed enumeration only, and this game has "
                f"{vectors} count vectors (limit {TYPED_LIMIT}): use fewer distinct weights or monte_carlo()"
            )
        engine = "modular" if method == "dp" else "bigint"
        return self._power_dp(codes, distinct, counts, player_types, labels, engine)

    # -- generating functions ----------------------------------------------------------------

    def _power_dp(
        self,
        codes: tuple[str, ...],
        distinct: list[int],
        counts: list[int],
        player_types: list[int],
        labels: tuple[str, ...],
        engine: str = "modular",
    ) -> PowerIndices:
        n = self.n
        total = sum(self.weights)
        q = self.quota
        if q > total:  # nobody can win
            zero = tuple(Fraction(0) for _ in distinct)
            values: dict[str, tuple[Fraction, ...]] = {k: zero for k in _PER_PLAYER}
            return PowerIndices(
                f"[{q}; weights]", labels, tuple(counts), values, 0, (0,) * len(distinct), 0, tuple(player_types)
            )
        # Swings and |W| are the same in the dual game with quota total - q + 1 (complements), so
        # the tables are cut at the smaller of the two quotas.
        qd = min(q, total - q + 1)
        dual = qd != q
        swings: list[int] = []
        ss_num: list[int] | None = None
        if "ss" in codes:
            ss_fn = _ss_modular if engine == "modular" else _ss_by_size
            ss_num, swings, below = ss_fn(self.weights, distinct, qd)
        else:
            sw_fn = _swings_modular if engine == "modular" else _swings_by_weight
            swings, below = sw_fn(self.weights, distinct, qd)
        # ``below`` counts coalitions of weight < qd: losing ones, or in the dual winning ones
        winning = below if dual else 2**n - below
        values = {}
        _fill(values, codes, n, counts, swings, winning, math.factorial(n), ss_num)
        mwc = None
        if "holler" in codes or "dp" in codes:
            order = sorted(range(n), key=lambda i: -self.weights[i])
            ws = [self.weights[i] for i in order]
            if "holler" in codes:
                mwc, h = _holler_dp(ws, q)
                per_type = _per_type(h, order, player_types, len(distinct))
                denom = sum(per_type[t] * counts[t] for t in range(len(distinct)))
                values["holler"] = tuple(_safe_div(x, denom) for x in per_type)
            if "dp" in codes:
                mwc, d, lcm = _deegan_packel_dp(ws, q)
                per_type = _per_type(d, order, player_types, len(distinct))
                values["dp"] = tuple(_safe_div(x, lcm * mwc) for x in per_type)
        return PowerIndices(
            f"[{q}; weights]", labels, tuple(counts), values, winning, tuple(swings), mwc, tuple(player_types)
        )


def _per_type(vals: list[int], order: list[int], player_types: list[int], ntypes: int) -> list[int]:
    out: list[int | None] = [None] * ntypes
    for pos, i in enumerate(order):
        t = player_types[i]
        if out[t] is None:
            out[t] = vals[pos]
    return [x or 0 for x in out]


def _obj_zeros(*shape: int) -> np.ndarray:
    a = np.empty(shape, dtype=object)
    a.fill(0)
    return a


def _swings_by_weight(weights: Sequence[int], distinct: Sequence[int], q: int) -> tuple[list[int], int]:
    """Swings per distinct weight and the number of coalitions of weight < q, in O(n*q)."""
    c = _obj_zeros(q)
    c[0] = 1
    for w in weights:
        if w == 0:
            c = c * 2
        elif w < q:
            c[w:] = c[w:] + c[: q - w]
    swings = []
    for w in distinct:
        d = _deconvolve(c, w, q)
        lo = max(0, q - w)
        swings.append(int(d[lo:q].sum()) if w > 0 else 0)
    return swings, int(c.sum())


def _deconvolve(c: np.ndarray, w: int, q: int) -> np.ndarray:
    """Divide a generating function (cut at degree q) by (1 + x^w): remove one player of weight w."""
    if w == 0:
        return c // 2
    if w >= q:
        return c.copy()
    d = c.copy()
    for b in range(w, q, w):
        e = min(b + w, q)
        d[b:e] = c[b:e] - d[b - w : e - w]
    return d


def _ss_by_size(weights: Sequence[int], distinct: Sequence[int], q: int) -> tuple[list[int], list[int], int]:
    """Shapley-Shubik numerators (times n!), swings per distinct weight and #coalitions of weight < q.

    Counts coalitions by size and weight (O(n^2*q)), then removes one player of each distinct
    weight by deconvolution (O(n*q) each).
    """
    n = len(weights)
    t = _obj_zeros(n + 1, q)
    t[0, 0] = 1
    for k, w in enumerate(weights):
        if w == 0:
            t[1 : k + 2] = t[1 : k + 2] + t[0 : k + 1]
        elif w < q:
            t[1 : k + 2, w:] = t[1 : k + 2, w:] + t[0 : k + 1, : q - w]
    fact = [math.factorial(i) for i in range(n + 1)]
    ss_num, swings = [], []
    for w in distinct:
        lo = max(0, q - w)
        num = 0
        sw = 0
        if w > 0:
            prev = t[0].copy()  # others, size 0
            rows = [prev]
            for s in range(1, n):
                row = t[s].copy()
                if w < q:
                    row[w:] = row[w:] - prev[: q - w]
                else:
                    row = row.copy()
                rows.append(row)
                prev = row
            for s, row in enumerate(rows):
                cnt = int(row[lo:q].sum())
                if cnt:
                    sw += cnt
                    num += cnt * fact[s] * fact[n - 1 - s]
        ss_num.append(num)
        swings.append(sw)
    return ss_num, swings, int(t.sum())


# --------------------------------------------------------------------------------------------
# Multi-modular generating functions: exact integers from NumPy uint64 arithmetic
#
# The coalition counts of a weighted game reach 2^n, far beyond 64 bits. Instead of Python
# integers (one object per table cell), the tables are computed modulo several primes just
# below 2^63 in NumPy uint64 arrays (a sum of two residues stays below 2^64; one conditional
# subtraction reduces it), one prime at a time so that a table stays in cache, and every count
# the indices need is rebuilt exactly by the Chinese remainder theorem from a bound on its size.
# Nothing is rounded: the result equals the Python-integer computation (``method="bigint"``).
#
# The tables hold *cumulative* counts (coalitions of weight <= x), obtained by starting from
# all ones instead of a single 1: the update x -> x + w commutes with prefix sums. Removing one
# player of weight w (dividing by 1 + x^w) then needs no pass over the table: the number of
# coalitions of the others with weight in [q - w, q) is an alternating sum of the cumulative
# counts at q-1, q-1-w, q-1-2w, ... (Uno's removal trick without the O(q) deconvolution).


def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in small:  # deterministic below 3.3e24
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


_PRIMES: dict[int, list[int]] = {}


def _moduli(bound: int, bits: int = 63) -> list[int]:
    """Primes just below ``2^bits`` whose product exceeds ``bound`` (so their residues determine
    any integer in ``[0, bound]``).

    >>> [p.bit_length() for p in _moduli(2**100)]
    [63, 63]
    """
    primes = _PRIMES.setdefault(bits, [])
    out, prod, i = [], 1, 0
    while prod <= bound:
        while i >= len(primes):
            c = (primes[-1] if primes else 2**bits + 1) - 2
            while not _is_prime(c):
                c -= 2
            primes.append(c)
        out.append(primes[i])
        prod *= primes[i]
        i += 1
    return out


def _crt(residues: Sequence[Sequence[int]], moduli: Sequence[int]) -> list[int]:
    """Rebuild integers from their residues: ``residues[i][j]`` is value ``j`` modulo ``moduli[i]``.

    >>> _crt([[2, 0], [3, 4]], [5, 7])
    [17, 25]
    """
    m = math.prod(moduli)
    coef = []
    for p in moduli:
        mi = m // p
        coef.append(mi * pow(mi % p, -1, p))
    if len(moduli) == 1:
        return [int(r) % m for r in residues[0]]
    # one pass per modulus over all values (not one generator per value): the rebuild is linear
    acc = [int(r) * coef[0] for r in residues[0]]
    for rs, c in zip(residues[1:], coef[1:], strict=True):
        acc = [a + int(r) * c for a, r in zip(acc, rs, strict=True)]
    return [a % m for a in acc]


def _per_modulus(fn: Callable[[int], Any], moduli: Sequence[int]) -> list[Any]:
    """``[fn(p) for p in moduli]``. (Threads over the moduli were tried: on this project's shared
    2-core benchmark machine they were slower, so the tables are computed one after another.)"""
    return [fn(p) for p in moduli]


def _cumulative_dp(weights: Sequence[int], q: int, p: int, lazy: int) -> np.ndarray:
    """Cumulative counts ``c[x]`` = #coalitions of weight <= x, x < q, modulo p (weights in 1..q-1,
    sorted ascending; ``p * 2^lazy < 2^64`` and ``p * q < 2^64``).

    Exact counts by weight go back and forth between two arrays (one NumPy add per player, no
    overlapping in-place update), only up to the heaviest coalition so far, reduced every
    ``lazy`` players; the prefix sums come last.

    >>> _cumulative_dp([1, 2, 2], 5, 101, 4).tolist()  # weights 0, 1, 2, 2, 3, 3, 4, 5
    [1, 2, 4, 6, 7]
    """
    pu = np.uint64(p)
    a = np.zeros(q, dtype=np.uint64)
    b = np.zeros(q, dtype=np.uint64)
    a[0] = 1
    heaviest = 0  # of a coalition so far, capped at q - 1
    for k, w in enumerate(weights):
        new = min(heaviest + w, q - 1)
        np.add(a[w : new + 1], a[: new + 1 - w], out=b[w : new + 1])
        b[:w] = a[:w]
        a, b = b, a
        heaviest = new
        if k % lazy == lazy - 1:
            np.remainder(a[: heaviest + 1], pu, out=a[: heaviest + 1])
    np.remainder(a, pu, out=a)
    np.cumsum(a, out=a)
    np.remainder(a, pu, out=a)
    return a


def _swings_modular(weights: Sequence[int], distinct: Sequence[int], q: int) -> tuple[list[int], int]:
    """Swings per distinct weight and #coalitions of weight < q (exact), in O(n*q) per modulus."""
    n = len(weights)
    zeros = sum(1 for w in weights if w == 0)
    live = sorted(w for w in weights if 0 < w < q)  # heavier players: in no coalition of weight < q
    bits = min(62, 63 - q.bit_length())  # the prefix sums stay below q * p < 2^64
    moduli = _moduli(2 ** (n - zeros), bits)

    # swing(w) = sum_j (-1)^j (C[q-1-jw] - C[q-1-(j+1)w]) = C[q-1] + 2 * sum_{j>=1} (-1)^j C[q-1-jw]:
    # the points q-1-jw (j >= 1) of every distinct weight, odd j first then even j, in one index
    # array, summed per segment (the low and high 32-bit halves apart, so nothing overflows)
    pos = [w for w in distinct if w > 0]
    parts, starts = [], []
    n_idx = 0
    for w in pos:
        idx = np.arange(q - 1 - w, -1, -w)
        for half in (idx[0::2], idx[1::2]):
            starts.append(n_idx)
            parts.append(half)
            n_idx += len(half)
    gather = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
    # a trailing 0 keeps every start in range for reduceat; empty segments are zeroed after
    gather = np.append(gather, 0)
    seg_len = np.diff(np.array([*starts, n_idx]))
    seg_starts = np.array(starts, dtype=np.int64)
    mask32 = np.uint64(0xFFFFFFFF)

    def one(p: int) -> tuple[list[int], list[int]]:
        c = _cumulative_dp(live, q, p, 63 - bits)
        top = int(c[q - 1])
        sums: list[int] = []
        if n_idx:
            vals = c[gather]
            vals[-1] = 0
            lo = np.add.reduceat(np.bitwise_and(vals, mask32), seg_starts)
            hi = np.add.reduceat(np.right_shift(vals, np.uint64(32)), seg_starts)
            lo[seg_len == 0] = 0
            hi[seg_len == 0] = 0
            sums = [((h << 32) + lo_) % p for h, lo_ in zip(hi.tolist(), lo.tolist(), strict=True)]
        by_w = {w: (top + 2 * (sums[2 * k + 1] - sums[2 * k])) % p for k, w in enumerate(pos)}
        return [by_w.get(w, 0) for w in distinct], [top]

    res = _per_modulus(one, moduli)
    res_sw = [r[0] for r in res]
    res_below = [r[1] for r in res]
    swings = _crt(res_sw, moduli)
    below = _crt(res_below, moduli)[0]
    scale = 2**zeros
    return [s * scale for s in swings], below * scale


def _ss_modular(weights: Sequence[int], distinct: Sequence[int], q: int) -> tuple[list[int], list[int], int]:
    """Shapley-Shubik numerators (times n!), swings per distinct weight and #coalitions of
    weight < q, exact, from counts by size and weight (see :func:`_size_weight_table`), one table
    per modulus, and the removal trick per distinct weight (see :func:`_removal_by_size`).
    """
    n = len(weights)
    live = sorted(w for w in weights if w < q)  # heavier players are in no coalition lighter than q
    pre = list(accumulate(live, initial=0))
    # sizes s with some s-coalition lighter than q; larger coalitions all weigh >= q
    rows = max(s for s in range(len(live) + 1) if pre[s] < q) + 1
    # residues times max(q, rows) (cumulative sums, removal sums) must stay below 2^64
    bits = min(52, 63 - max(q, rows).bit_length())
    moduli = _moduli(math.comb(n, n // 2), bits)
    ws = [w for w in distinct if w > 0]

    def one(p: int) -> list[int]:
        t = _size_weight_table(live, pre, q, rows, p, 63 - bits)
        flat = [int(x) for x in t[:rows, q - 1]]  # coalitions lighter than q, by size
        for w in ws:
            flat.extend(_removal_by_size(t, w, q, rows, p))
        return flat

    # every count rebuilt in one CRT pass: rows of ``below``, then ``rows`` values per weight
    exact = _crt(_per_modulus(one, moduli), moduli)
    below = sum(exact[:rows])
    fact = [math.factorial(i) for i in range(n + 1)]
    by_w = {w: exact[rows * (i + 1) : rows * (i + 2)] for i, w in enumerate(ws)}
    ss_num, swings = [], []
    for w in distinct:
        g = by_w.get(w, [])
        swings.append(sum(g))
        ss_num.append(sum(x * fact[s] * fact[n - 1 - s] for s, x in enumerate(g) if x))
    return ss_num, swings, below


def _size_weight_table(live: Sequence[int], pre: Sequence[int], q: int, rows: int, p: int, lazy: int) -> np.ndarray:
    """Cumulative counts modulo ``p``: ``t[s, x]`` = #coalitions of size s and weight <= x, for
    x < q and s < rows (``live``: the weights below q, sorted ascending; ``pre``: their prefix sums).

    Players are added lightest first, so a coalition of size s weighs at least ``pre[s]`` and at
    most the sum of the s heaviest added so far: each row is touched only inside that band (about
    a third of the table for weights 1..100), in blocks of rows, heaviest rows first so that each
    block reads rows not yet updated (through one preallocated buffer, not a fresh temporary per
    block). Residues below ``2^(64 - lazy)`` leave ``lazy`` doublings of headroom, so the band is
    reduced only every ``lazy`` players; the cumulative sums along the weights stay below
    ``q * p < 2^64``.

    >>> t = _size_weight_table([1, 2, 3], [0, 1, 3, 6], 5, 3, 101, 8)
    >>> t[:3, :5].tolist()  # size 0: {}; size 1: {1}, {2}, {3}; size 2: {1,2}, {1,3}
    [[1, 1, 1, 1, 1], [0, 1, 2, 3, 3], [0, 0, 0, 1, 2]]
    """
    smax = rows - 1
    band = max(4, rows // 16)
    pu = np.uint64(p)
    t = np.zeros((rows + 1, q + 1), dtype=np.uint64)  # one zero row and column of padding
    buf = np.empty((band, q), dtype=np.uint64)
    t[0, 0] = 1
    for k, w in enumerate(live):
        # rows s = 1..top gain the coalitions of row s-1 with player k added
        top = min(k + 1, smax)
        for s1 in range(top, 0, -band):
            s0 = max(1, s1 - band + 1)
            lo = pre[s0 - 1]  # lightest coalition of size s0-1
            hi = min(pre[k] - pre[k - (s1 - 1)], q - 1 - w)  # heaviest of size s1-1 so far
            if hi < lo:
                continue
            src = buf[: s1 - s0 + 1, : hi - lo + 1]
            np.copyto(src, t[s0 - 1 : s1, lo : hi + 1])
            dst = t[s0 : s1 + 1, lo + w : hi + w + 1]
            np.add(dst, src, out=dst)
        if k % lazy == lazy - 1:
            _reduce_band(t, pre, q, top, min(pre[k + 1], q - 1), band, pu)
    np.remainder(t, pu, out=t)
    np.cumsum(t[:rows, :q], axis=1, out=t[:rows, :q])  # below q*p < 2^64
    np.remainder(t, pu, out=t)
    return t


def _reduce_band(t: np.ndarray, pre: Sequence[int], q: int, top: int, heaviest: int, band: int, pu: np.uint64) -> None:
    """Reduce modulo ``pu`` the cells of rows 0..top that can be non-zero (weight from the
    lightest coalition of the row's size up to ``heaviest``), block by block."""
    for s0 in range(0, top + 1, band):
        s1 = min(top, s0 + band - 1)
        lo = pre[s0]
        if lo > heaviest:
            break
        reg = t[s0 : s1 + 1, lo : heaviest + 1]
        np.remainder(reg, pu, out=reg)


def _removal_by_size(t: np.ndarray, w: int, q: int, rows: int, p: int) -> list[int]:
    """From the cumulative table of all players (modulo p), the coalitions of the *others* of a
    player of weight ``w`` by size s < rows whose weight lies in ``[q - w, q)`` (where that
    player is pivotal): dividing by ``1 + y x^w`` gives, with ``D_j[r] = T[r, q-1-jw] -
    T[r, q-1-(j+1)w]``, ``g(s) = sum_j (-1)^j D_j[s - j]``.

    >>> t = _size_weight_table([1, 2, 3], [0, 1, 3, 6], 5, 3, 101, 8)
    >>> _removal_by_size(t, 3, 5, 3, 101)  # others of the weight-3 player weighing 2..4: {2}, {1, 2}
    [0, 1, 1]
    """
    pu = np.uint64(p)
    jn = min((q - 1) // w + 1, rows)  # j <= s < rows
    cols = q - 1 - w * np.arange(jn + 1)
    cols[cols < 0] = q  # the zero column
    d = t[:rows, cols[:-1]] + (pu - t[:rows, cols[1:]])
    d[:, 1::2] = (pu + pu) - d[:, 1::2]  # odd j: negated (d < 2p)
    # shift column j down by j rows: z[s, j] = d[s - j, j]
    z = np.zeros((rows + jn) * jn, dtype=np.uint64)
    view = np.lib.stride_tricks.as_strided(z, shape=(rows, jn), strides=(jn * 8, (jn + 1) * 8))
    view[...] = d % pu
    g = z.reshape(rows + jn, jn)[:rows].sum(axis=1, dtype=np.uint64) % pu
    return [int(x) for x in g.tolist()]


def _holler_dp(ws: Sequence[int], q: int) -> tuple[int, list[int]]:
    """Minimal winning coalitions: total and how many contain each player (weights sorted
    descending). A coalition is minimal winning iff its weight reaches q and drops below q without
    its lightest member; count by the lightest (last) member, forward and backward, in O(n*q)."""
    n = len(ws)
    back = [_obj_zeros(q) for _ in range(n + 1)]
    for k in range(n - 1, -1, -1):
        w = ws[k]
        f = back[k + 1].copy()
        if 0 < w < q:
            f[: q - w] = f[: q - w] + back[k + 1][w:]
        lo = max(0, q - w)
        if w > 0:
            f[lo:q] = f[lo:q] + 1
        back[k] = f
    total = int(back[0][0])
    prefix = _obj_zeros(q)
    prefix[0] = 1
    per = []
    for k in range(n):
        w = ws[k]
        lo = max(0, q - w)
        cnt = int(prefix[lo:q].sum()) if w > 0 else 0
        if 0 < w < q:
            cnt += int(np.dot(prefix[: q - w], back[k + 1][w:]))
        per.append(cnt)
        if w == 0:
            prefix = prefix * 2
        elif w < q:
            prefix[w:] = prefix[w:] + prefix[: q - w]
    return total, per


def _deegan_packel_dp(ws: Sequence[int], q: int) -> tuple[int, list[int], int]:
    """Deegan-Packel numerators, scaled by lcm(1..n): sum over minimal winning coalitions containing
    each player of lcm/|S|. Tables by size and weight, O(n^2*q) memory."""
    n = len(ws)
    if n * (n + 1) * q > DP_TABLE_LIMIT:
        raise ValueError(
            f"exact Deegan-Packel for {n} players and quota {q} needs {n * (n + 1) * q:,} table cells "
            f"(limit {DP_TABLE_LIMIT:,}); give the game as player types or use fewer distinct weights"
        )
    lcm = math.lcm(*range(1, n + 1))
    scale = np.array([lcm // (a + 1) for a in range(n + 1)], dtype=object)
    back = [_obj_zeros(n + 2, q) for _ in range(n + 1)]
    for k in range(n - 1, -1, -1):
        w = ws[k]
        nxt = back[k + 1]
        f = nxt.copy()
        if 0 < w < q:
            f[: n + 1, : q - w] = f[: n + 1, : q - w] + nxt[1 : n + 2, w:]
        lo = max(0, q - w)
        if w > 0:
            f[: n + 1, lo:q] = f[: n + 1, lo:q] + scale[:, None]
        back[k] = f
    mwc_total = int(_holler_dp(ws, q)[0])
    prefix = _obj_zeros(n + 1, q)
    prefix[0, 0] = 1
    per = []
    for k in range(n):
        w = ws[k]
        lo = max(0, q - w)
        cnt = 0
        if w > 0:
            cnt += int((prefix[:, lo:q].sum(axis=1) * scale).sum())
        if 0 < w < q:
            cnt += int((prefix[:n, : q - w] * back[k + 1][1 : n + 1, w:]).sum())
        per.append(cnt)
        if w == 0:
            prefix[1:] = prefix[1:] + prefix[:-1]
        elif w < q:
            prefix[1:, w:] = prefix[1:, w:] + prefix[:-1, : q - w]
    return mwc_total, per, lcm


# --------------------------------------------------------------------------------------------
# Reference: plain enumeration (for tests and the benchmark's baseline)


def naive_indices(quota: int, weights: Sequence[int]) -> dict[str, list[Fraction]]:
    """Shapley-Shubik, Penrose-Banzhaf and Johnston by listing all 2^n coalitions (small games only).

    >>> [str(x) for x in naive_indices(6, [4, 3, 2, 1])["ss"]]
    ['5/12', '1/4', '1/4', '1/12']
    """
    n = len(weights)
    if n > 25:
        raise ValueError("naive enumeration is for at most 25 players")
    fact = [math.factorial(i) for i in range(n + 1)]
    ss = [0] * n
    sw = [0] * n
    jo = [Fraction(0)] * n
    for mask in range(1 << n):
        wt = 0
        size = 0
        for i in range(n):
            if mask >> i & 1:
                wt += weights[i]
                size += 1
        if wt < quota:
            continue
        crit = [i for i in range(n) if mask >> i & 1 and wt - weights[i] < quota]
        for i in crit:
            sw[i] += 1
            ss[i] += fact[size - 1] * fact[n - size]
            jo[i] += Fraction(1, len(crit))
    total_jo = sum(jo)
    return {
        "ss": [Fraction(x, fact[n]) for x in ss],
        "pb": [Fraction(x, 2 ** (n - 1)) for x in sw],
        "johnston": [x / total_jo if total_jo else Fraction(0) for x in jo],
    }


# --------------------------------------------------------------------------------------------
# Monte Carlo


@dataclass(frozen=True)
class MonteCarloResult:
    """Estimates per player with standard errors and 95% confidence intervals."""

    index: str
    samples: int
    estimate: tuple[float, ...]
    stderr: tuple[float, ...]

    def interval(self, i: int, z: float = 1.959964) -> tuple[float, float]:
        """The normal-approximation confidence interval of player ``i`` (95% by default)."""
        return self.estimate[i] - z * self.stderr[i], self.estimate[i] + z * self.stderr[i]


def monte_carlo(
    game: WeightedGame | Callable[[frozenset[int]], bool],
    index: str = "ss",
    samples: int = 20_000,
    n: int | None = None,
    seed: int | None = 0,
) -> MonteCarloResult:
    """Estimate Shapley-Shubik (random orderings: who is pivotal) or Penrose-Banzhaf (random
    coalitions: who is critical) for a weighted game or any ``wins(coalition)`` predicate.

    >>> mc = monte_carlo(WeightedGame(39, [7] * 5 + [1] * 10), "ss", samples=4000)
    >>> lo, hi = mc.interval(0)
    >>> lo < 421 / 2145 < hi
    True
    """
    rng = random.Random(seed)
    if isinstance(game, WeightedGame):
        weights, quota, size = game.weights, game.quota, game.n
        wins = None
    else:
        if n is None:
            raise ValueError("give n, the number of players, with a wins() predicate")
        weights, quota, size, wins = None, 0, n, game
    hits = [0] * size
    if index == "ss":
        players = list(range(size))
        for _ in range(samples):
            rng.shuffle(players)
            if weights is not None:
                acc = 0
                for p in players:
                    acc += weights[p]
                    if acc >= quota:
                        hits[p] += 1
                        break
            else:
                coal: set[int] = set()
                for p in players:
                    coal.add(p)
                    if wins(frozenset(coal)):  # type: ignore[misc]
                        hits[p] += 1
                        break
    elif index == "pb":
        for _ in range(samples):
            coal_l = [i for i in range(size) if rng.random() < 0.5]
            if weights is not None:
                wt = sum(weights[i] for i in coal_l)
                if wt >= quota:
                    for i in coal_l:
                        if wt - weights[i] < quota:
                            hits[i] += 1
                else:
                    for i in range(size):
                        if i not in coal_l and wt + weights[i] >= quota:
                            hits[i] += 1
            else:
                cs = frozenset(coal_l)
                w0 = wins(cs)  # type: ignore[misc]
                for i in range(size):
                    other = cs - {i} if i in cs else cs | {i}
                    if w0 != wins(other):  # type: ignore[misc]
                        hits[i] += 1
    else:
        raise ValueError(f"Monte Carlo supports ss and pb, not {index!r}")
    est = tuple(h / samples for h in hits)
    se = tuple(math.sqrt(max(p * (1 - p), 0.0) / samples) for p in est)
    return MonteCarloResult(index, samples, est, se)


# --------------------------------------------------------------------------------------------
# The ternary model of the Council's practice


@dataclass(frozen=True)
class TernaryCouncil:
    """Yes / abstain / no voting, as the Council practises it (R7-R8): a decision passes iff it
    has ``threshold`` yes votes and fewer than ``vetoes_needed`` veto holders vote no. An abstaining
    (or absent) permanent member does not block. With ``interpretation="charter_literal"`` every
    veto holder must vote yes (the binary game's reading).

    Each member votes Y, A, N independently with probabilities ``p`` (default 1/3 each).

    >>> t = TernaryCouncil.of(Council.on("1950-01-01"))
    >>> t.p_pass()
    Fraction(2503, 177147)
    >>> TernaryCouncil.of(Council.on("2024-03-22")).p_pass()
    Fraction(48932, 4782969)
    """

    groups: tuple[tuple[str, int, bool], ...]
    threshold: int
    vetoes_needed: int = 1
    interpretation: str = "practice"
    p: tuple[Fraction, Fraction, Fraction] = (Fraction(1, 3), Fraction(1, 3), Fraction(1, 3))

    @classmethod
    def of(
        cls,
        council: Council,
        groups: Sequence[tuple[str, int, bool]] | None = None,
        interpretation: str = "practice",
        p: tuple[Fraction, Fraction, Fraction] | None = None,
    ) -> TernaryCouncil:
        """The ternary model of a :class:`~unsc.rules.Council` (optionally with named seat groups)."""
        veto = len(council.permanent)
        if groups is None:
            groups = [("permanent", veto, True), ("elected", council.size - veto, False)]
        gs = tuple((lab, c, v) for lab, c, v in groups if c > 0)
        if p is not None and sum(p) != 1:
            raise ValueError("vote probabilities must add up to 1")
        return cls(gs, council.threshold, council.vetoes_needed, interpretation, p or cls.p)

    def _dist(self, skip: int | None = None) -> dict[tuple[int, int], Fraction]:
        """Distribution of (yes votes, blocking votes of veto holders) over all seats but one of group ``skip``."""
        py, pa, pn = self.p
        dist = {(0, 0): Fraction(1)}
        for g, (_, count, veto) in enumerate(self.groups):
            m = count - (1 if g == skip else 0)
            step: dict[tuple[int, int], Fraction] = {}
            for y in range(m + 1):
                if not veto:  # only the yes votes of other seats matter
                    step[(y, 0)] = math.comb(m, y) * py**y * (1 - py) ** (m - y)
                    continue
                for nn in range(m - y + 1):
                    a = m - y - nn
                    pr = math.comb(m, y) * math.comb(m - y, nn) * py**y * pa**a * pn**nn
                    block = nn if self.interpretation == "practice" else nn + a
                    step[(y, block)] = step.get((y, block), Fraction(0)) + pr
            new: dict[tuple[int, int], Fraction] = {}
            for (y0, b0), p0 in dist.items():
                for (y1, b1), p1 in step.items():
                    key = (y0 + y1, b0 + b1)
                    new[key] = new.get(key, Fraction(0)) + p0 * p1
            dist = new
        return dist

    def _passes(self, yes: int, block: int) -> bool:
        return yes >= self.threshold and block < self.vetoes_needed

    def p_pass(self) -> Fraction:
        """Probability that a decision passes (the ternary analogue of Coleman's power to act)."""
        return sum((pr for (y, b), pr in self._dist().items() if self._passes(y, b)), Fraction(0))

    def decisiveness(self) -> dict[str, dict[str, Fraction]]:
        """Per seat group, the probability that one member's vote changes the outcome: between
        yes and no (``yes_no``), yes and abstain (``yes_abstain``), abstain and no (``abstain_no``).

        >>> d = TernaryCouncil.of(Council.on("2024-03-22")).decisiveness()
        >>> d["permanent"]["abstain_no"] > 0, d["elected"]["abstain_no"]
        (True, Fraction(0, 1))
        """
        out = {}
        for g, (label, _count, veto) in enumerate(self.groups):
            dist = self._dist(skip=g)
            res = {}
            for vote in "YAN":
                tot = Fraction(0)
                for (y, b), pr in dist.items():
                    yy = y + (vote == "Y")
                    bb = b + (veto and (vote == "N" or (vote == "A" and self.interpretation != "practice")))
                    if self._passes(yy, bb):
                        tot += pr
                res[vote] = tot
            out[label] = {
                "yes_no": res["Y"] - res["N"],
                "yes_abstain": res["Y"] - res["A"],
                "abstain_no": res["A"] - res["N"],
            }
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary (exact strings and floats)."""
        return {
            "model": "ternary",
            "interpretation": self.interpretation,
            "p_pass": _fr(self.p_pass()),
            "decisiveness": {g: {k: _fr(v) for k, v in d.items()} for g, d in self.decisiveness().items()},
        }
