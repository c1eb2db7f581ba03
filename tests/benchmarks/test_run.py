"""benchmarks/run.py: the summary of issue 14's goals is built from the benchmark rows, says
met / NOT met from the figure itself, and gives a reason for every goal missed or not measured;
``--quick`` runs end to end (a smoke test: no timing is asserted)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_module():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = mod
    spec.loader.exec_module(mod)
    return mod


run = _run_module()

# rows as the scripts print them (typed here, figures invented for the test)
ROWS = [
    {"benchmark": "record", "name": "build", "ratio": 1.3, "goal_met": False},
    {"benchmark": "cli", "name": "cold_show", "ratio": 9.0, "met": True},
    {"benchmark": "web", "name": "json_decision_uncached", "ratio": 0.7, "goal_met": True},
    {"benchmark": "web", "name": "decide", "ratio": 0.4, "goal_met": False},
    {"benchmark": "rules", "name": "decide_many", "kind": "draft_resolution", "time_ratio": 1.1},
    {"benchmark": "rules", "name": "decide_many", "kind": "art109_1_conference", "time_ratio": 1.6},
    {
        "benchmark": "power",
        "index": "banzhaf_normalised",
        "game": "1000 x 1..100",
        "median_s": 0.4,
        "goal": "< 1 s",
        "goal_met": True,
    },
    {  # a baseline row of the same game: not the figure
        "benchmark": "power",
        "index": "banzhaf_normalised",
        "game": "1000 x 1..100",
        "median_s": 0.4,
        "baseline": "unsc bigint (Python ints, exact)",
        "baseline_median_s": 3.0,
    },
    {
        "benchmark": "power",
        "index": "shapley_shubik",
        "game": "200 x 1..100",
        "median_s": 1.2,
        "goal": "< 1 s",
        "goal_met": False,
        "reason": "O(n*s*q) table",
        "load_avg_1m": 5.1,
    },
]


def by_label(summary):
    return {r["goal"].split(" <")[0].split(" >")[0]: r for r in summary}


def test_every_done_when_goal_is_summarised_in_order():
    summary = run.summarize(ROWS, {"record", "cli", "web", "rules", "power"})
    assert [r["goal"].split(" ")[0] for r in summary] == [g.label.split(" ")[0] for g in run.GOALS]
    assert len(summary) == 7


def test_figures_are_judged_against_the_goal_not_copied():
    s = by_label(run.summarize(ROWS, {"record", "cli", "web", "rules", "power"}))
    assert s["build / pandas reading the same files"]["met"] is False
    assert s["cold `unsc show` / python -c pass"]["met"] is True
    assert s["uncached decision endpoint / static route"]["met"] is True
    assert s["decide endpoint / static route"]["met"] is False
    assert s["Banzhaf exact, 1,000 players x weights 1..100"]["figure"] == 0.4
    ss = s["Shapley-Shubik exact, 200 players x weights 1..100"]
    assert ss["met"] is False and "O(n*s*q) table" in ss["reason"] and "5.1" in ss["reason"]


def test_batch_goal_takes_the_worst_kind():
    s = by_label(run.summarize(ROWS, {"rules"}))
    batch = s["batch rules / bare NumPy check (every kind)"]
    assert batch["figure"] == 1.6 and batch["worst"] == "art109_1_conference" and batch["met"] is False


def test_missing_figures_say_why():
    s = by_label(run.summarize([], {"record"}, {"web": "exit 1: boom"}))
    assert "printed no such row" in s["build / pandas reading the same files"]["reason"]
    assert s["decide endpoint / static route"]["reason"] == "bench_web.py failed: exit 1: boom"
    assert s["cold `unsc show` / python -c pass"]["reason"] == "bench_cli.py was not run"
    assert not any(r["met"] for r in s.values())


def test_summary_rebuilt_from_saved_lines(tmp_path):
    saved = tmp_path / "run.jsonl"
    saved.write_text("\n".join(json.dumps(r) for r in ROWS) + "\nnot json\n")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--from", str(saved)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [r["benchmark"] for r in lines] == ["summary"] * 7
    assert "run.jsonl:10: not a JSON line" in proc.stderr
    assert "NOT met" in proc.stderr and "5 of 7" not in proc.stderr


@pytest.mark.timeout(300)
def test_quick_run_of_the_rules_benchmark_end_to_end():
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "rules"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(x) for x in proc.stdout.splitlines()]
    batch = [r for r in rows if r.get("name") == "decide_many"]
    assert len(batch) >= 30 and all(r["benchmark"] == "rules" and r["time_ratio"] > 0 for r in batch)
    summary = [r for r in rows if r["benchmark"] == "summary"]
    assert len(summary) == 7
    # the goals of scripts not run are reported as not measured, with that reason
    assert any(r.get("reason") == "bench_power.py was not run" for r in summary)
    assert "issue 14, Done when:" in proc.stderr
