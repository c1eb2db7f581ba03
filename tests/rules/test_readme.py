"""The examples in the README's rules section really run: each Python block is executed, each
``unsc decide`` line is invoked through the CLI."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unsc.cli import app

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start, end = text.index("<!-- section:rules -->"), text.index("<!-- /section:rules -->")
    return text[start:end]


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", section(), flags=re.S)


@pytest.mark.parametrize("code", blocks("python"), ids=lambda c: c.splitlines()[0][:40])
def test_python_examples_run(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    exec(compile(code, str(README), "exec"), {})


def test_there_are_examples() -> None:
    assert len(blocks("python")) >= 3 and any("unsc decide" in b for b in blocks("bash"))


@pytest.mark.parametrize("line", [ln for b in blocks("bash") for ln in b.splitlines() if ln.startswith("unsc decide")])
def test_cli_examples_run(line: str, tmp_path: Path) -> None:
    args = [*shlex.split(line)[1:], "--store", str(tmp_path / "none.duckdb")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
