"""Benchmark the record build and ``unsc show`` latency.

* ``build``: a full ``unsc.record.build`` from ../shared/data (or UNSC_DATA_DIR) into a temporary
  store, median over repeats; baseline: reading the same files with pandas in the same script
  (the wide CSV, the two workbooks, the two CSVs and the DHL pages as text), no parsing beyond that.
* ``show_cold``: ``unsc show S/2024/239 --json`` in a fresh process, median over repeats;
  baseline: ``python -c pass``.

``--quick`` uses fewer repeats. Prints one JSON line per measurement. Exits 0 with a note on
stderr where the data is absent.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def median(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def data_dir() -> Path | None:
    for c in (os.environ.get("UNSC_DATA_DIR"), ROOT.parent / "shared" / "data"):
        if c and (Path(c) / "SOURCES.md").exists():
            return Path(c)
    return None


def read_with_pandas(d: Path) -> None:
    import pandas as pd

    pd.read_csv(d / "un_ga_sc_votes_wide_1946_2021_un_data.csv", dtype=str)
    pd.read_excel(d / "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx", dtype=str)
    pd.read_excel(d / "unsc_meetings_outcomes_1946_2019_tong.xlsx", dtype=str)
    pd.read_excel(d / "unsc_failed_drafts_member_votes_sample_1947_2022_tong.xlsx", dtype=str)
    pd.read_csv(d / "unsc_vetoes_1946_2022_wpdl.csv", dtype=str)
    pd.read_csv(d / "unsc_membership_by_year_1946_2027_dppa.csv", dtype=str)
    for p in (d / "dhl_html").glob("*.html"):
        p.read_text(errors="replace")


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    d = data_dir()
    if d is None:
        print("bench_record: real data not found; nothing measured", file=sys.stderr)
        return 0
    from unsc.record.build import build

    repeats = 2 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "unsc.duckdb"
        base = median(lambda: read_with_pandas(d), repeats)
        t = median(lambda: build(d, store), repeats)
        print(
            json.dumps(
                {
                    "name": "build",
                    "median_s": round(t, 3),
                    "baseline": "pandas_read_same_files",
                    "baseline_s": round(base, 3),
                    "ratio": round(t / base, 2),
                    "repeats": repeats,
                }
            )
        )
        unsc = [sys.executable, "-c", "from unsc.cli import main; main()"]
        env = os.environ | {"UNSC_STORE": str(store)}
        n = 3 if quick else 7
        show = median(
            lambda: subprocess.run([*unsc, "show", "S/2024/239", "--json"], env=env, check=True, capture_output=True), n
        )
        py = median(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True), n)
        print(
            json.dumps(
                {
                    "name": "show_cold",
                    "median_s": round(show, 3),
                    "baseline": "python -c pass",
                    "baseline_s": round(py, 3),
                    "ratio": round(show / py, 2),
                    "repeats": n,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
