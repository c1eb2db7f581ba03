"""Every code block of the README runs as written, in every section.

* Python blocks are executed (with the store built from the real data as the default store).
* Each line of a bash block is run by bash, as a reader would paste it (``unsc`` is this checkout's
  CLI; pipes and comments are bash's), from a scratch directory in which ``docs/`` is this
  checkout's, with the exit status checked (``pipefail`` on). Commands that would not return or
  need the network (``build``, ``sync``, ``serve``, ``session``) are parsed by the CLI's own parser
  instead, which catches what fails as written: usage brackets, ``a|b`` alternatives, unknown options.
* Other shell lines (``bash scripts/setup.sh``, ``.venv/bin/python -m pytest``) name files that must exist.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import typer

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PARSE_ONLY = {"build", "sync", "serve", "session"}


def blocks(lang: str) -> list[tuple[int, str]]:
    text = README.read_text(encoding="utf-8")
    return [(text[: m.start()].count("\n") + 1, m.group(1)) for m in re.finditer(rf"```{lang}\n(.*?)```", text, re.S)]


def bash_lines() -> list[tuple[str, str]]:
    out = []
    for start, block in blocks("bash"):
        for i, line in enumerate(block.splitlines(), 1):
            if line.strip() and not line.lstrip().startswith("#"):
                out.append((f"README.md:{start + i}", line))
    return out


def _words(line: str) -> list[str]:
    words = shlex.split(line, comments=True)
    if words and words[0].endswith("/unsc"):
        words[0] = "unsc"
    return words


def test_the_readme_has_examples_in_every_section() -> None:
    text = README.read_text(encoding="utf-8")
    for section in ("rules", "record", "analysis", "web"):
        part = text[text.index(f"<!-- section:{section} -->") : text.index(f"<!-- /section:{section} -->")]
        assert "```bash" in part or "```python" in part, section
    assert len(bash_lines()) >= 25 and len(blocks("python")) >= 5


@pytest.fixture()
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").symlink_to(ROOT / "docs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.data
@pytest.mark.parametrize(("where", "code"), blocks("python"), ids=lambda x: f"line {x}" if isinstance(x, int) else "")
def test_python_blocks_run(where: int, code: str, built_store: Path, scratch: Path, monkeypatch) -> None:
    monkeypatch.setenv("UNSC_STORE", str(built_store))
    exec(compile(code, f"README.md:{where}", "exec"), {"__name__": "readme"})


@pytest.mark.data
@pytest.mark.parametrize(("where", "line"), bash_lines(), ids=[w for w, _ in bash_lines()])
def test_bash_lines_run(where: str, line: str, built_store: Path, scratch: Path) -> None:
    words = _words(line)
    if words[0] != "unsc":  # setup and test commands: the files they name exist
        for w in words:
            if "/" in w and not w.startswith(("-", ".venv/")):  # .venv is what scripts/setup.sh creates
                assert (ROOT / w).exists() or (ROOT / w).parent.exists(), f"{where}: {w} does not exist"
        return
    if words[1] in PARSE_ONLY:
        from unsc.cli import build_app

        group = typer.main.get_command(build_app())
        ctx = group.make_context("unsc", [words[1]], resilient_parsing=True)
        command = group.get_command(ctx, words[1])
        assert command is not None, f"{where}: no command {words[1]!r}"
        command.make_context(words[1], words[2:], parent=ctx)  # raises a UsageError for what fails as written
        return
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src"),
        "UNSC_STORE": str(built_store),
        "COLUMNS": "100",
        "MPLBACKEND": "Agg",
    }
    unsc = f"unsc() {{ {shlex.quote(sys.executable)} -c 'from unsc.cli import main; main()' \"$@\"; }}"
    line = re.sub(r"^\S*/unsc\b", "unsc", line)
    r = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"{unsc}\n{line}"], capture_output=True, text=True, env=env, cwd=scratch
    )
    assert r.returncode == 0, f"{where}: {line}\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}"
    assert "Traceback" not in r.stderr, f"{where}: {r.stderr[-2000:]}"
