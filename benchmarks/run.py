"""Run every benchmark: ``.venv/bin/python benchmarks/run.py [--quick] [name ...]``.

Each ``benchmarks/bench_*.py`` is a script that prints JSON lines, each with a median and its
ratio to a baseline measured in the same run. This runs them one after another and passes the
lines through, with a ``benchmark`` field naming the script, then prints the goals of issue 14's
"Done when" from those same lines: one JSON line each (``"benchmark": "summary"``) and a readable
table on stderr, every goal with its figure and ``met`` / ``NOT met`` and, where missed or not
measured, the reason.

``--quick``: the scripts' short forms (fewer repeats, smaller inputs; CI smoke-tests it).
``--from FILE``: no benchmark is run; the summary is rebuilt from the JSON lines of an earlier run.
``name ...``: only these scripts (``power``, ``rules``, ...).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

Row = dict[str, Any]


@dataclass(frozen=True)
class Goal:
    """One "Done when" goal: which rows carry its figure and how the figure is judged."""

    label: str
    benchmark: str  # bench_<benchmark>.py
    select: Callable[[Row], bool]  # the rows that carry the figure
    field: str  # the figure in those rows
    op: str  # "<=", ">=" or "<"
    target: float
    unit: str = ""
    worst_of_all: bool = False  # several rows (one per kind): the worst one is the figure

    def judge(self, value: float) -> bool:
        """Whether ``value`` meets the goal.

        >>> Goal("x", "b", lambda r: True, "ratio", "<=", 1.0).judge(0.9)
        True
        """
        return {"<=": value <= self.target, ">=": value >= self.target, "<": value < self.target}[self.op]


def _is(**want: Any) -> Callable[[Row], bool]:
    return lambda row: all(row.get(k) == v for k, v in want.items())


#: Issue 14, "Done when": the figures ``run.py`` must print from one run.
GOALS: tuple[Goal, ...] = (
    Goal("build / pandas reading the same files", "record", _is(name="build"), "ratio", "<=", 1.0, "x"),
    Goal("cold `unsc show` / python -c pass", "cli", _is(name="cold_show"), "ratio", "<=", 10.0, "x"),
    Goal("uncached decision endpoint / static route", "web", _is(name="json_decision_uncached"), "ratio", ">=", 0.5, "x"),
    Goal("decide endpoint / static route", "web", _is(name="decide"), "ratio", ">=", 0.5, "x"),
    Goal(
        "batch rules / bare NumPy check (every kind)",
        "rules",
        _is(name="decide_many"),
        "time_ratio",
        "<=",
        1.5,
        "x",
        worst_of_all=True,
    ),
    Goal(
        "Banzhaf exact, 1,000 players x weights 1..100",
        "power",
        lambda r: r.get("index") == "banzhaf_normalised" and r.get("game") == "1000 x 1..100" and "goal" in r
        and "baseline" not in r,
        "median_s",
        "<",
        1.0,
        " s",
    ),
    Goal(
        "Shapley-Shubik exact, 200 players x weights 1..100",
        "power",
        lambda r: r.get("index") == "shapley_shubik" and r.get("game") == "200 x 1..100" and "goal" in r
        and "baseline" not in r,
        "median_s",
        "<",
        1.0,
        " s",
    ),
)  # fmt: skip


def _reason(goal: Goal, rows: list[Row], value: float | None, ran: set[str], failed: dict[str, str]) -> str:
    if goal.benchmark in failed:
        return f"bench_{goal.benchmark}.py failed: {failed[goal.benchmark]}"
    if goal.benchmark not in ran:
        return f"bench_{goal.benchmark}.py was not run"
    if value is None:
        return f"bench_{goal.benchmark}.py printed no such row (missing data or tool? see its stderr)"
    given = [str(r[k]) for r in rows for k in ("reason", "note") if r.get(k)]
    load = [r["load_avg_1m"] for r in rows if "load_avg_1m" in r]
    out = "; ".join(dict.fromkeys(given)) or f"bench_{goal.benchmark}.py gives no reason"
    return out + (f" (load average {max(load)})" if load and "load average" not in out else "")


def summarize(rows: Iterable[Row], ran: set[str], failed: dict[str, str] | None = None) -> list[Row]:
    """One row per goal: the figure, the goal, met or not, and the reason where not met.

    >>> s = summarize([{"benchmark": "record", "name": "build", "ratio": 1.4, "reason": "openpyxl"}], {"record"})
    >>> s[0]["figure"], s[0]["met"], s[0]["reason"]
    (1.4, False, 'openpyxl')
    >>> s[1]["met"], s[1]["reason"]
    (False, 'bench_cli.py was not run')
    """
    failed = failed or {}
    rows = list(rows)
    out = []
    for goal in GOALS:
        mine = [r for r in rows if r.get("benchmark") == goal.benchmark and goal.select(r) and goal.field in r]
        values = [float(r[goal.field]) for r in mine if r[goal.field] is not None]
        value: float | None = None
        which = ""
        if values:
            if goal.worst_of_all:
                worst = max if goal.op.startswith("<") else min
                value = worst(values)
                which = str(mine[values.index(value)].get("kind", ""))
            else:
                value = statistics.median(values)
        met = value is not None and goal.judge(value)
        row: Row = {
            "benchmark": "summary",
            "goal": f"{goal.label} {goal.op} {goal.target:g}{goal.unit}",
            "figure": value,
            "met": met,
            "source": f"bench_{goal.benchmark}.py {goal.field}",
        }
        if which:
            row["worst"] = which
        if not met:
            row["reason"] = _reason(goal, mine, value, ran, failed)
        out.append(row)
    return out


def print_summary(summary: list[Row]) -> None:
    """The summary as JSON lines on stdout and a table on stderr."""
    for row in summary:
        print(json.dumps(row))
    print("\nissue 14, Done when:", file=sys.stderr)
    for row in summary:
        fig = "not measured" if row["figure"] is None else f"{row['figure']:g}"
        worst = f" (worst: {row['worst']})" if "worst" in row else ""
        verdict = "met" if row["met"] else "NOT met"
        line = f"  {verdict:8} {row['goal']}: {fig}{worst}"
        if not row["met"]:
            line += f"\n           reason: {row['reason']}"
        print(line, file=sys.stderr)
    missed = sum(not r["met"] for r in summary)
    print(f"  {len(summary) - missed} of {len(summary)} goals met", file=sys.stderr)


def run_all(quick: bool, wanted: list[str]) -> tuple[list[Row], set[str], dict[str, str]]:
    """Run the scripts, pass their lines through, and return the rows, the scripts run and the failures."""
    rows: list[Row] = []
    ran: set[str] = set()
    failed: dict[str, str] = {}
    for script in sorted(HERE.glob("bench_*.py")):
        name = script.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        ran.add(name)
        cmd = [sys.executable, str(script)] + (["--quick"] if quick else [])
        # lines are passed through as the script prints them (a full run takes many minutes)
        with tempfile.TemporaryFile("w+") as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True)
            assert proc.stdout is not None
            for line in proc.stdout:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    print(line.rstrip("\n"), file=sys.stderr)
                    continue
                row = {"benchmark": name, **row}
                rows.append(row)
                print(json.dumps(row), flush=True)
            code = proc.wait()
            err.seek(0)
            stderr = err.read()
        if stderr.strip():
            print(f"{script.name} (stderr):\n{stderr.rstrip()}", file=sys.stderr)
        if code != 0:
            last = (stderr.strip().splitlines() or ["no message"])[-1]
            failed[name] = f"exit {code}: {last}"
            print(f"{script.name} failed ({code})", file=sys.stderr)
    return rows, ran, failed


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    source = None
    if "--from" in argv:
        i = argv.index("--from")
        if i + 1 >= len(argv):
            print("--from needs a file of JSON lines", file=sys.stderr)
            return 2
        source = Path(argv[i + 1])
        argv = argv[:i] + argv[i + 2 :]
    wanted = [a for a in argv if not a.startswith("--")]
    if source is not None:
        rows = []
        for n, line in enumerate(source.read_text().splitlines(), 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                print(f"{source}:{n}: not a JSON line ({e}); skipped", file=sys.stderr)
        rows = [r for r in rows if r.get("benchmark") != "summary"]
        ran, failed = {str(r.get("benchmark")) for r in rows}, {}
    else:
        rows, ran, failed = run_all(quick, wanted)
    print_summary(summarize(rows, ran, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
