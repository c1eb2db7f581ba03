"""Benchmark: exact Shapley-Shubik and Banzhaf for random weighted games of 15, 50, 200 and 1000
players, against plain enumeration (up to 20 players) and the PyPI packages ``powerindex`` and
``powerindices`` on the same games in the same run.

Games: integer weights drawn uniformly from 1..10 (seeded), quota = half the total weight + 1.
Prints one JSON line per (index, size, baseline): our median time, the baseline's median time,
``speedup`` = baseline / ours, and the baseline's largest absolute error against our exact values
(``powerindices`` counts in int64 and overflows past about 60 players; ``powerindex`` turns n!
into a float, which fails past 170 players). Baselines that cannot run (too slow by their own
complexity, or failing) are reported with the reason instead of a time.

``--quick`` runs 15, 50 and 200 players with one repetition.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from unsc.analysis.power import WeightedGame, naive_indices


def timed(fn: Callable[[], Any], reps: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(reps):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), out


def game(n: int, seed: int = 2024) -> tuple[int, list[int]]:
    rng = random.Random(seed + n)
    w = [rng.randint(1, 10) for _ in range(n)]
    return sum(w) // 2 + 1, w


def max_err(a: list[float], exact: list[float]) -> float:
    return max(abs(float(x) - y) for x, y in zip(a, exact, strict=True))


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    sizes = [15, 50, 200] if quick else [15, 50, 200, 1000]
    import powerindex
    import powerindices

    versions = {"powerindex": "0.3.5", "powerindices": "1.0.2"}
    try:
        from importlib.metadata import version

        versions = {k: version(k) for k in versions}
    except Exception:  # pragma: no cover
        pass
    warnings.simplefilter("ignore")
    for n in sizes:
        quota, w = game(n)
        reps = 1 if quick or n >= 200 else 5
        for index in ("ss", "bz"):
            ours_t, ours = timed(
                lambda index=index, quota=quota, w=w: WeightedGame(quota, w).power([index], method="dp"), reps
            )
            exact = [float(x) for x in ours.per_player(index)]
            baselines: list[tuple[str, Callable[[], list[float]] | None, str]] = []
            if n <= 20:
                key = "ss" if index == "ss" else "pb"

                def naive(key: str = key, quota: int = quota, w: list[int] = w) -> list[float]:
                    vals = naive_indices(quota, w)[key]
                    if key == "pb":
                        tot = sum(vals)
                        return [float(v / tot) for v in vals]
                    return [float(v) for v in vals]

                baselines.append(("naive enumeration", naive, ""))
            else:
                baselines.append(("naive enumeration", None, f"2^{n} coalitions: not run"))

            def px(index: str = index, quota: int = quota, w: list[int] = w) -> list[float]:
                g = powerindex.Game(quota, list(w))
                if index == "ss":
                    g.calc_shapley_shubik()
                    return g.shapley_shubik
                g.calc_banzhaf()
                return g.banzhaf

            def pis(index: str = index, quota: int = quota, w: list[int] = w) -> list[float]:
                if index == "ss":
                    return list(powerindices.compute_ssi(quota, list(w)))
                pb = powerindices.compute_pbi(quota, list(w))
                tot = sum(pb)
                return [x / tot for x in pb]

            if index == "ss" and n > 200:
                baselines.append((f"powerindex {versions['powerindex']}", None, "n! does not fit a float (n > 170)"))
                baselines.append(
                    (
                        f"powerindices {versions['powerindices']}",
                        None,
                        "O(n^2 W) pure-Python loops: about 125x its n=200 time; not run",
                    )
                )
            else:
                baselines.append((f"powerindex {versions['powerindex']}", px, ""))
                baselines.append((f"powerindices {versions['powerindices']}", pis, ""))
            for name, fn, reason in baselines:
                row: dict[str, Any] = {
                    "index": "shapley_shubik" if index == "ss" else "banzhaf_normalised",
                    "players": n,
                    "quota": quota,
                    "total_weight": sum(w),
                    "median_s": round(ours_t, 6),
                    "method": "unsc exact (generating functions, Python ints)",
                    "baseline": name,
                }
                if fn is None:
                    row.update({"baseline_median_s": None, "speedup": None, "note": reason})
                else:
                    try:
                        bt, vals = timed(fn, 1 if n >= 200 else reps)
                        row.update(
                            {
                                "baseline_median_s": round(bt, 6),
                                "speedup": round(bt / ours_t, 2) if ours_t > 0 else None,
                                "baseline_max_abs_error": float(f"{max_err(vals, exact):.3g}"),
                            }
                        )
                    except Exception as e:
                        row.update({"baseline_median_s": None, "speedup": None, "note": f"{type(e).__name__}: {e}"})
                print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
