"""unsc.rules passes `mypy --strict` (issue 15): the rules engine is pure, typed Python."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_rules_pass_mypy_strict() -> None:
    exe = Path(sys.executable).with_name("mypy")
    cmd = [str(exe)] if exe.exists() else [shutil.which("mypy") or ""]
    if not cmd[0]:
        pytest.skip("mypy is not installed (pip install -e '.[dev]')")
    # --follow-imports=silent: only unsc.rules is reported (it imports nothing else from unsc)
    proc = subprocess.run(
        [*cmd, "--strict", "--no-incremental", "--follow-imports=silent", "src/unsc/rules"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success: no issues found" in proc.stdout
