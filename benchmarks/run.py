"""Run every benchmark: ``.venv/bin/python benchmarks/run.py [--quick] [name ...]``.

Each ``benchmarks/bench_*.py`` is a script that prints JSON lines, each with a median and its
ratio to a baseline measured in the same run. This runs them one after another and passes the
lines through, with a ``benchmark`` field naming the script.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        name = script.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        cmd = [sys.executable, str(script)] + (["--quick"] if quick else [])
        proc = subprocess.run(cmd, capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                print(line, file=sys.stderr)
                continue
            print(json.dumps({"benchmark": name, **row}))
        if proc.returncode != 0:
            failed += 1
            print(f"{script.name} failed ({proc.returncode}):\n{proc.stderr}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
