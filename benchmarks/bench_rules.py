"""Rules engine speed: decisions per second, one JSON line per measurement.

* ``decide_single``: :func:`unsc.rules.decide` called once per ballot (full Decision with explanation),
  against a plain-Python loop that counts each ballot's yes votes and looks for a permanent member's
  no (the bare Art. 27(3) rule, no explanation, no checks). ``ratio`` = engine rate / baseline rate.
* ``decide_many``: the NumPy batch form on 10,000,000 random ballots (1,000,000 with ``--quick``),
  one line per decision kind, against a bare NumPy adopted-and-veto check over the same array
  (``count_nonzero(votes == Y) >= 9`` and no permanent ``N``: exact for a draft resolution). Runs are
  interleaved (baseline, engine, baseline, ...) so load on the machine hits both alike.
  ``time_ratio`` = engine median time / baseline median time; the goal (issue 14) is at most 1.5.
  The engine computes more than the baseline (all four counts, who vetoed, the failure reason, the
  shortfall) and its answers are checked against the baseline's where both apply.

Usage: ``.venv/bin/python benchmarks/bench_rules.py [--quick]``
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np

from unsc.rules import Ballot, Council, Kind, decide
from unsc.rules.batch import decide_many, random_ballots

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]


def naive_loop(rows: list[list[int]], permanent: list[int], threshold: int) -> list[bool]:
    """The baseline: per ballot, count the yes votes (code 0) and look for a permanent no (code 1)."""
    out = []
    for row in rows:
        yes = 0
        for v in row:
            if v == 0:
                yes += 1
        vetoed = False
        for i in permanent:
            if row[i] == 1:
                vetoed = True
        out.append(yes >= threshold and not vetoed)
    return out


def rate(fn: Callable[[], object], n: int, repeats: int) -> tuple[float, list[float]]:
    """Median decisions per second over ``repeats`` runs of ``fn`` (which decides ``n`` ballots)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    return n / med, times


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    repeats = 3 if quick else 5
    council = Council.on("2024-03-22", elected=ELECTED_2024)
    seats = council.members or ()
    permanent = [seats.index(p) for p in council.permanent]
    letters = np.array(["yes", "no", "abstain", "absent"])

    # single decide() calls, on pre-built ballots
    n_single = 2_000 if quick else 20_000
    codes = random_ballots(n_single, council.size, seed=1)
    ballots = []
    for row in codes:
        groups: dict[str, list[str]] = {"yes": [], "no": [], "abstain": [], "absent": []}
        for seat, word in zip(seats, letters[row], strict=True):
            groups[str(word)].append(seat)
        ballots.append(Ballot.of("2024-03-22", **groups))
    rows = codes.tolist()
    single, _ = rate(lambda: [decide(b, council) for b in ballots], n_single, repeats)
    base_single, _ = rate(lambda: naive_loop(rows, permanent, council.threshold), n_single, repeats)
    check = [decide(b, council).adopted for b in ballots]
    assert check == naive_loop(rows, permanent, council.threshold), "decide() disagrees with the baseline"
    print(json.dumps({
        "name": "decide_single", "unit": "decisions/s", "n": n_single, "repeats": repeats,
        "median": round(single), "baseline": "naive_python_loop", "baseline_median": round(base_single),
        "ratio": round(single / base_single, 4),
    }))  # fmt: skip

    # the batch form on ten million ballots, every kind, against a bare NumPy check
    n_batch = 1_000_000 if quick else 10_000_000
    codes = random_ballots(n_batch, council.size, seed=2)
    threshold = council.threshold

    def bare_numpy() -> np.ndarray:
        yes = np.count_nonzero(codes == 0, axis=1)
        vetoed = (codes[:, permanent] == 1).any(axis=1)
        return (yes >= threshold) & ~vetoed

    expected = bare_numpy()
    assert np.array_equal(decide_many(codes, council).adopted, expected), "decide_many disagrees with bare NumPy"
    kinds = [k for k in Kind if k not in (Kind.SG_STRAW_POLL, Kind.ART44_CONTINGENTS)]
    for kind in kinds:
        engine_t: list[float] = []
        base_t: list[float] = []
        for _ in range(max(3, repeats - 2)):
            t0 = time.perf_counter()
            bare_numpy()
            base_t.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            out = decide_many(codes, council, kind=kind)
            engine_t.append(time.perf_counter() - t0)
        if out.voting_class.value == "non_procedural":
            assert np.array_equal(out.adopted, expected), kind
        ratio = statistics.median(engine_t) / statistics.median(base_t)
        row = {
            "name": "decide_many", "kind": kind.value, "unit": "decisions/s", "n": n_batch,
            "repeats": len(engine_t), "median": round(n_batch / statistics.median(engine_t)),
            "baseline": "bare_numpy_adopted_and_veto", "baseline_median": round(n_batch / statistics.median(base_t)),
            "time_ratio": round(ratio, 3), "goal": "time_ratio <= 1.5", "goal_met": ratio <= 1.5,
            "load_avg_1m": round(os.getloadavg()[0], 1),
        }  # fmt: skip
        if ratio > 1.5:
            row["reason"] = (
                f"{kind.value}: the engine also counts all four votes, finds who vetoed, the failure reason and "
                f"the shortfall ({len(engine_t)} interleaved runs of {n_batch:,} ballots on a shared {os.cpu_count()}-core machine)"
            )
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
