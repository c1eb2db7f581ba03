"""Benchmark cold CLI commands against ``python -c pass`` (issue 14: cold commands at most 10x).

Each command runs in a fresh process, as a user runs it: the ``unsc`` console script of this
interpreter's environment (or ``python -c 'from unsc.cli import main; main()'`` where there is
none), with this checkout's ``src`` first on the path, output to a pipe, the store the user's
(``UNSC_STORE``/``UNSC_HOME``; built into a temporary directory from ../shared/data if absent).
The runs are interleaved (pass, cmd1, cmd2, ..., pass, cmd1, ...) so that the machine's load
falls on all of them alike; each figure is the median of the runs, with its ratio to the median
of ``python -c pass`` measured in the same loop. The goal (<= 10x) is printed beside each figure
with ``met`` true or false, and a reason beside each miss. ``lookup_file`` says whether the store's
lookup file (written by the build beside the store) was up to date: ``unsc show`` and ``unsc decide``
read it instead of opening DuckDB; a store built before it existed is read through DuckDB.

``--quick`` uses 5 rounds instead of 15. Prints one JSON line per command.
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

GOAL = 10.0
COMMANDS: dict[str, list[str]] = {
    "version": ["--version"],
    "show": ["show", "S/2024/239"],
    "show_json": ["show", "S/2024/239", "--json"],
    "decide": [
        "decide",
        "--date",
        "2024-03-22",
        "--yes",
        "USA,GBR,FRA,JPN,KOR,MLT,CHE,SVN,ECU,MOZ,SLE",
        "--no",
        "RUS,CHN,DZA",
        "--abstain",
        "GUY",
    ],
    "help": ["--help"],
    "decisions_csv": ["decisions", "--since", "2024", "--outcome", "vetoed", "--csv"],
}


def unsc_command() -> list[str]:
    script = Path(sys.executable).parent / "unsc"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from unsc.cli import main; main()"]


def ensure_store(env: dict[str, str], tmp: str) -> bool:
    from unsc.record import config

    if config.store_path().exists():
        try:
            from unsc.record.store import Lookup
        except ImportError:  # a version of unsc before the lookup file (comparing versions)
            return True
        found = Lookup.open(config.store_path())
        if found is not None:
            found.close()
            return True
        # a store built by another version of unsc: users of this version get the lookup file from their
        # `unsc build` / `unsc sync`, so measure the store this version builds
    data = next(
        (
            Path(c)
            for c in (os.environ.get("UNSC_DATA_DIR"), ROOT.parent / "shared" / "data")
            if c and (Path(c) / "SOURCES.md").exists()
        ),
        None,
    )
    if data is None:
        return False
    from unsc.record.build import build

    store = Path(tmp) / "unsc.duckdb"
    build(data, store)
    env["UNSC_STORE"] = str(store)
    return True


def reason(name: str, runs: dict[str, list[float]], base: float) -> str:
    """Why a command misses the goal, in the figures of this run."""
    floor = statistics.median(runs["duckdb_import_and_connect"]) / base
    if name in ("show", "show_json", "decide", "help", "version"):
        return (
            f"Python's start is {base * 1000:.1f} ms; what the command imports (python -X importtime) costs the "
            f"rest (DuckDB's import and connect alone: {floor:.1f}x, not paid where the lookup file is in use)"
        )
    return f"reads the store with DuckDB and pandas (DuckDB's import and connect alone: {floor:.1f}x)"


def run_once(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, capture_output=True, check=True)
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    rounds = 5 if "--quick" in argv else 15
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env["COLUMNS"] = "100"
    # as installed (pip compiles the bytecode) or run once before: Python may keep its bytecode cache
    # (an environment that forbids it would recompile every unsc module on every run, which users do not)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        if not ensure_store(env, tmp):
            print("bench_cli: no store and no data to build one; nothing measured", file=sys.stderr)
            return 0
        unsc = unsc_command()
        runs: dict[str, list[float]] = {"python -c pass": [], **{k: [] for k in COMMANDS}}
        for (
            name,
            args,
        ) in COMMANDS.items():  # warm the OS file cache (and bytecode) once, as a user's second run would be
            subprocess.run([*unsc, *args], env=env, capture_output=True, check=True)
            del name
        # the same show through the Typer app (the path every command took before the fast path), for comparison
        via_typer = [
            sys.executable,
            "-c",
            "import typer.main; from unsc.cli import build_app; "
            "typer.main.get_command(build_app(['show']))(['show', 'S/2024/239', '--json'], prog_name='unsc')",
        ]
        # the floor under any command that reads the store: importing DuckDB and opening the file
        from unsc.record import config

        store = env.get("UNSC_STORE") or str(config.store_path())
        duckdb_only = [sys.executable, "-c", f"import duckdb; duckdb.connect({store!r}, read_only=True)"]
        runs["show_json_via_typer"] = []
        runs["duckdb_import_and_connect"] = []
        for _ in range(rounds):
            runs["python -c pass"].append(run_once([sys.executable, "-c", "pass"], env))
            for name, args in COMMANDS.items():
                runs[name].append(run_once([*unsc, *args], env))
            runs["show_json_via_typer"].append(run_once(via_typer, env))
            runs["duckdb_import_and_connect"].append(run_once(duckdb_only, env))
        base = statistics.median(runs["python -c pass"])
        try:
            from unsc.record.store import Lookup
        except ImportError:  # a version of unsc before the lookup file (comparing versions)
            found, lookup = None, "none in this version"
        else:
            found = Lookup.open(store)
            lookup = "in use" if found is not None else "absent or out of date: show and decide read DuckDB"
        if found is not None:
            found.close()
        extra = [
            ("show_json_via_typer", ["show", "S/2024/239", "--json", "(through the Typer app)"]),
            ("duckdb_import_and_connect", ["(python -c 'import duckdb; duckdb.connect(store)': the floor)"]),
        ]
        for name, args in [*COMMANDS.items(), *extra]:
            med = statistics.median(runs[name])
            ratio = med / base
            print(
                json.dumps(
                    {
                        "name": f"cold_{name}",
                        "command": "unsc " + " ".join(args),
                        "median_s": round(med, 4),
                        "baseline": "python -c pass",
                        "baseline_s": round(base, 4),
                        "ratio": round(ratio, 1),
                        "goal": f"<= {GOAL:g}x python -c pass",
                        "met": ratio <= GOAL,
                        "runs": rounds,
                        "lookup_file": lookup,
                        "bytecode": "cached",
                        "load_avg_1m": round(os.getloadavg()[0], 1),
                    }
                    | ({} if ratio <= GOAL else {"reason": reason(name, runs, base)})
                )
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
