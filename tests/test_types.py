"""The package type-checks: mypy runs with the ``[tool.mypy]`` config in pyproject.toml (strict for
``unsc.rules`` and ``unsc.record``), so CI fails on the first type error, as tests/test_lint.py does for ruff."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _mypy() -> list[str]:
    exe = Path(sys.executable).with_name("mypy")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("mypy")
    if found is None:
        pytest.skip("mypy is not installed (pip install -e '.[dev]')")
    return [found]


def test_mypy_reports_no_errors() -> None:
    # the files to check come from [tool.mypy] files = ["src/unsc"]; --no-incremental: no stale cache
    proc = subprocess.run([*_mypy(), "--no-incremental"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Success: no issues found" in proc.stdout, proc.stdout


def test_mypy_would_catch_an_error(tmp_path: Path) -> None:
    """The config really checks bodies (check_untyped_defs): a wrong call inside an unannotated function fails."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    return len(3)\n")
    proc = subprocess.run(
        [*_mypy(), "--no-incremental", "--config-file", str(ROOT / "pyproject.toml"), str(bad)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "[arg-type]" in proc.stdout
