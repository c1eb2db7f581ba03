"""Benchmark the record build, its two largest readers and ``unsc show`` latency.

* ``build``: ``unsc build --from DIR --store TMP`` as users run it, a fresh process each time (cold
  imports, a new store file each time, its output on a pseudo-terminal so that the progress display
  is drawn as in a user's terminal), median over repeats; baseline: a fresh process in which
  pandas merely reads every file that build reads (the files :func:`unsc.record.build.find_sources`
  finds in the same directory), each as a pandas user would read it, with pandas' defaults and the
  fastest engine: ``read_csv`` for the CSVs, ``read_excel(engine="calamine")`` for the workbooks,
  ``read_html`` (lxml) for the Library's HTML tables. Goal (issue 14): ratio <= 1.0. Where the
  goal is missed, ``reason`` gives the time of each step of one more build run in this process
  (its own progress steps), largest first.
* ``build (html as text)``: the same build against a stricter baseline that reads the HTML pages
  only as text (no table parsing at all), printed so the choice of baseline flatters nothing.
* ``reader undl_wide`` / ``reader voting_agent``: each reader alone against pandas reading its file.
* ``show_cold``: ``unsc show S/2024/239 --json`` in a fresh process, median over repeats;
  baseline: ``python -c pass``. Goal (issue 14): ratio <= 10.

``--quick`` uses fewer repeats. Prints one JSON line per measurement, with its goal and whether it
is met. Exits 0 with a note on stderr where the data is absent. Every process runs this checkout's
``src`` (``PYTHONPATH``), not whatever ``unsc`` the interpreter has installed.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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


def read_with_pandas(paths: list[Path], html_as_text: bool = False) -> None:
    """What pandas does to read the files: each with the engine a pandas user would use."""
    import pandas as pd

    for p in paths:
        if p.suffix == ".csv":  # pandas' defaults: faster than dtype=str (no Arrow text for number columns)
            pd.read_csv(p, low_memory=False)
        elif p.suffix == ".xlsx":
            pd.read_excel(p, engine="calamine")
        elif html_as_text:
            p.read_text(errors="replace")
        else:
            pd.read_html(p, flavor="lxml")


def files_the_build_reads(d: Path) -> list[Path]:
    """Every file ``unsc build --from d`` reads (the Library's pages: every yearly table in their directory)."""
    from unsc.record.build import find_sources

    out: list[Path] = []
    for sid, p in find_sources(d).items():
        if sid == "dhl_meetings":
            out += sorted(q for q in p.glob("scact*_table_en.html") if q.name[5:9].isdigit())
        else:
            out.append(p)
    return out


def in_terminal(cmd: list[str], env: dict[str, str]) -> None:
    """Run ``cmd`` with stdout and stderr on a pseudo-terminal (read and dropped), as in a user's terminal."""
    import pty

    master, slave = pty.openpty()
    env = env | {"TERM": env.get("TERM", "xterm-256color"), "COLUMNS": "100", "LINES": "40"}
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave)
    os.close(slave)
    try:
        while True:
            try:
                if not os.read(master, 65536):
                    break
            except OSError:  # EIO: the child closed the terminal
                break
    finally:
        os.close(master)
    if proc.wait() != 0:
        raise subprocess.CalledProcessError(proc.returncode, cmd)


def build_steps(d: Path, store: Path) -> dict[str, float]:
    """Seconds of each progress step of one build in this process (the steps ``unsc build`` shows)."""
    from unsc.record.build import build

    steps: dict[str, float] = {}
    current = {"step": "start", "t": time.perf_counter()}

    def progress(step: str, _i: int, _n: int) -> None:
        now = time.perf_counter()
        steps[current["step"]] = steps.get(current["step"], 0.0) + now - current["t"]
        current.update(step=step, t=now)

    build(d, store, progress=progress)
    steps.pop("start", None)
    return {k: round(v, 3) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])}


def row(name: str, t: float, baseline: str, base: float, repeats: int, goal: float | None, **extra: object) -> str:
    out: dict[str, object] = {
        "name": name,
        "median_s": round(t, 3),
        "baseline": baseline,
        "baseline_s": round(base, 3),
        "ratio": round(t / base, 2),
        "repeats": repeats,
    }
    if goal is not None:
        out |= {"goal": f"ratio <= {goal:g}", "goal_met": t / base <= goal}
    return json.dumps(out | extra)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--read-only"]:  # the baseline's own fresh process
        text = "--html-as-text" in argv
        read_with_pandas([Path(a) for a in argv[1:] if not a.startswith("--")], html_as_text=text)
        return 0
    quick = "--quick" in argv
    d = data_dir()
    if d is None:
        print("bench_record: real data not found; nothing measured", file=sys.stderr)
        return 0
    import pandas as pd

    from unsc.record.sources.membership import read_membership
    from unsc.record.sources.undl_wide import read_undl_wide
    from unsc.record.sources.voting_agent import read_voting_agent
    from unsc.rules.charter import code_of_the_time

    repeats = 2 if quick else 3
    env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
    unsc = [sys.executable, "-c", "from unsc.cli import main; main()"]
    files = [str(p) for p in files_the_build_reads(d)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "unsc.duckdb"

        def cold_build() -> None:  # no store before it, as a first build writes
            store.unlink(missing_ok=True)
            in_terminal([*unsc, "build", "--from", str(d), "--store", str(store)], env)

        def cold_read(*flags: str) -> Callable[[], None]:
            cmd = [sys.executable, str(Path(__file__).resolve()), "--read-only", *flags, *files]
            return lambda: subprocess.run(cmd, env=env, check=True, capture_output=True)

        # interleaved, so that a change in the machine's load touches all three alike
        times: dict[str, list[float]] = {"build": [], "tables": [], "text": []}
        for _ in range(repeats):
            for name, fn in (("tables", cold_read()), ("build", cold_build), ("text", cold_read("--html-as-text"))):
                t0 = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t0)
        t, base, text = (statistics.median(times[k]) for k in ("build", "tables", "text"))
        extra: dict[str, object] = {}
        if t / base > 1.0:  # where the time goes: the build's own steps, one more run in this process
            steps = build_steps(d, Path(tmp) / "steps.duckdb")
            shown = ", ".join(f"{k} {v:.2f} s" for k, v in steps.items())
            extra = {
                "steps_s": steps,
                "reason": f"the build's steps (one run in this process, imports warm), largest first: {shown}; "
                f"pandas reads the same files in {base:.2f} s (fresh process)",
            }
        print(
            row(
                "build",
                t,
                f"pandas reading the same {len(files)} files with its defaults (read_csv, read_excel "
                "calamine, read_html lxml), fresh process",
                base,
                repeats,
                1.0,
                **extra,
            ),
            flush=True,
        )
        print(
            row("build (html as text)", t, "the same, the HTML pages read as text only", text, repeats, 1.0), flush=True
        )

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

        env = env | {"UNSC_STORE": str(store)}
        n = 3 if quick else 7
        show = median(
            lambda: subprocess.run([*unsc, "show", "S/2024/239", "--json"], env=env, check=True, capture_output=True), n
        )
        py = median(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True, capture_output=True), n)
        print(row("show_cold", show, "python -c pass", py, n, 10.0))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
