"""Rules engine speed: decisions per second, one JSON line per measurement.

* ``decide_single``: :func:`unsc.rules.decide` called once per ballot (full Decision with explanation).
* ``decide_many``: the NumPy batch form on 1,000,000 random ballots (100,000 with ``--quick``).

Each is compared with a naive baseline measured in the same run: a plain-Python loop that counts
each ballot's yes votes and looks for a permanent member's no (the bare Art. 27(3) rule, no
explanation, no checks). ``ratio`` = engine rate / baseline rate.

Usage: ``.venv/bin/python benchmarks/bench_rules.py [--quick]``
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable

import numpy as np

from unsc.rules import Ballot, Council, decide
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

    # the batch form on a million ballots
    n_batch = 100_000 if quick else 1_000_000
    codes = random_ballots(n_batch, council.size, seed=2)
    rows = codes.tolist()
    batch, _ = rate(lambda: decide_many(codes, council), n_batch, repeats)
    base_batch, _ = rate(lambda: naive_loop(rows, permanent, council.threshold), n_batch, max(1, repeats - 2))
    out = decide_many(codes, council)
    sample = slice(0, 50_000)
    assert out.adopted[sample].tolist() == naive_loop(rows[sample], permanent, council.threshold)
    print(json.dumps({
        "name": "decide_many", "unit": "decisions/s", "n": n_batch, "repeats": repeats,
        "median": round(batch), "baseline": "naive_python_loop", "baseline_median": round(base_batch),
        "ratio": round(batch / base_batch, 2), "meets_1M_per_s": batch >= 1_000_000,
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
