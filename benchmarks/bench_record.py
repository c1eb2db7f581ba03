"""Benchmark the record build, its two largest readers and ``unsc show`` latency.

* ``build``: a full ``unsc.record.build`` from ../shared/data (or UNSC_DATA_DIR) into a temporary
  store, median over repeats; baseline: pandas merely reading the same files in the same script
  (the wide CSV, the three workbooks with python-calamine, pandas' fastest Excel engine, the two
  CSVs and the DHL pages as text), no parsing beyond that. Goal (issue 14): ratio <= 1.0.
* ``reader undl_wide`` / ``reader voting_agent``: each reader alone against pandas reading its file.
* ``show_cold``: ``unsc show S/2024/239 --json`` in a fresh process, median over repeats;
  baseline: ``python -c pass``. Goal (issue 14): ratio <= 10.

``--quick`` uses fewer repeats. Prints one JSON line per measurement, with its goal and whether it
is met. Exits 0 with a note on stderr where the data is absent.
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

WIDE = "un_ga_sc_votes_wide_1946_2021_un_data.csv"
AGENT = "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx"
MEMBERSHIP = "unsc_membership_by_year_1946_2027_dppa.csv"


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

    pd.read_csv(d / WIDE, dtype=str)
    pd.read_excel(d / AGENT, dtype=str, engine="calamine")
    pd.read_excel(d / "unsc_meetings_outcomes_1946_2019_tong.xlsx", dtype=str, engine="calamine")
    pd.read_excel(d / "unsc_failed_drafts_member_votes_sample_1947_2022_tong.xlsx", dtype=str, engine="calamine")
    pd.read_csv(d / "unsc_vetoes_1946_2022_wpdl.csv", dtype=str)
    pd.read_csv(d / MEMBERSHIP, dtype=str)
    for p in (d / "dhl_html").glob("*.html"):
        p.read_text(errors="replace")


def row(name: str, t: float, baseline: str, base: float, repeats: int, goal: float | None) -> str:
    out = {
        "name": name,
        "median_s": round(t, 3),
        "baseline": baseline,
        "baseline_s": round(base, 3),
        "ratio": round(t / base, 2),
        "repeats": repeats,
    }
    if goal is not None:
        out |= {"goal": f"ratio <= {goal:g}", "goal_met": t / base <= goal}
    return json.dumps(out)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    d = data_dir()
    if d is None:
        print("bench_record: real data not found; nothing measured", file=sys.stderr)
        return 0
    import pandas as pd

    from unsc.record.build import build
    from unsc.record.sources.membership import read_membership
    from unsc.record.sources.undl_wide import read_undl_wide
    from unsc.record.sources.voting_agent import read_voting_agent
    from unsc.rules.charter import code_of_the_time

    repeats = 2 if quick else 3
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "unsc.duckdb"
        base = median(lambda: read_with_pandas(d), repeats)
        t = median(lambda: build(d, store), repeats)
        print(row("build", t, "pandas_read_same_files", base, repeats, 1.0), flush=True)

        terms = read_membership(d / MEMBERSHIP).terms
        by_year: dict[int, list[str]] = {}
        for year, member in zip(terms["year"], terms["member"], strict=True):
            by_year.setdefault(int(year), []).append(member)

        def roster(when):  # who sat on a date, as the build gives it to the wide reader
            return sorted({code_of_the_time(c, when) for c in by_year.get(when.year, [])})

        wide_base = median(lambda: pd.read_csv(d / WIDE, dtype=str, keep_default_na=False), repeats)
        wide = median(lambda: read_undl_wide(d / WIDE, roster=roster), repeats)
        print(row("reader undl_wide", wide, "pandas read_csv of its file", wide_base, repeats, None), flush=True)
        agent_base = median(lambda: pd.read_excel(d / AGENT, dtype=str, engine="calamine"), repeats)
        agent = median(lambda: read_voting_agent(d / AGENT), repeats)
        print(row("reader voting_agent", agent, "pandas read_excel (calamine)", agent_base, repeats, None), flush=True)

        unsc = [sys.executable, "-c", "from unsc.cli import main; main()"]
        env = os.environ | {"UNSC_STORE": str(store)}
        n = 3 if quick else 7
        show = median(
            lambda: subprocess.run([*unsc, "show", "S/2024/239", "--json"], env=env, check=True, capture_output=True), n
        )
        py = median(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True), n)
        print(row("show_cold", show, "python -c pass", py, n, 10.0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
