"""The CLI fits shell habits: lists and searches, pipes into head, --version, completion, readable help,
one exit-code policy (2 usage and input errors, 1 failures)."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from unsc import cli
from unsc.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]


def _unsc(*args: str, env: dict | None = None, shell: str | None = None) -> subprocess.CompletedProcess:
    e = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    if shell:
        return subprocess.run(["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, env=e)
    return subprocess.run(
        [sys.executable, "-c", "from unsc.cli import main; main()", *args], capture_output=True, text=True, env=e
    )


def test_command_map_names_every_command() -> None:
    full = typer.main.get_command(cli.build_app())
    assert set(full.commands) - {"version"} == set(cli.COMMANDS)
    for name, area in cli.COMMANDS.items():  # each command is found in the area the map names
        one = typer.main.get_command(cli.build_app([name]))
        assert name in one.commands, (name, area)


def test_version_fast_and_through_typer() -> None:
    r = _unsc("--version")
    assert r.returncode == 0 and r.stdout.strip().startswith("unsc ")
    assert runner.invoke(app, ["--version"]).output.strip() == r.stdout.strip()


def test_completion_is_on() -> None:
    r = _unsc(env={"_UNSC_COMPLETE": "complete_bash", "COMP_WORDS": "unsc decisions --outcome v", "COMP_CWORD": "3"})
    assert r.stdout.split() == ["vetoed"]
    r = _unsc(env={"_UNSC_COMPLETE": "complete_bash", "COMP_WORDS": "unsc dec", "COMP_CWORD": "1"})
    assert set(r.stdout.split()) == {"decide", "decisions"}
    assert "--install-completion" in runner.invoke(app, ["--help"]).output


def test_help_shows_metavars_and_choices_without_markup() -> None:
    text = runner.invoke(app, ["decisions", "--help"], env={"COLUMNS": "200"}).output
    assert "<str>" not in text and "<bool>" not in text and "``" not in text
    assert "adopted|failed|vetoed|insufficient_votes|without_vote" in text and "YEAR|DATE" in text
    text = runner.invoke(app, ["stats", "vetoes", "--help"], env={"COLUMNS": "200"}).output
    assert "member|year|decade|period|topic" in text and "<str>" not in text
    for cmd in (["decide"], ["show"], ["stats", "agreement"], ["plot", "rollcall"], ["votes"], ["validate"]):
        text = runner.invoke(app, [*cmd, "--help"]).output
        assert "<str>" not in text and "<list[str]>" not in text and "<path>" not in text, cmd
        assert "``" not in text and ":func:" not in text, cmd


def test_usage_errors_exit_2_with_a_suggestion() -> None:
    r = runner.invoke(app, ["decisions", "--kind", "procedurl", "--store", "/nonexistent.duckdb"])
    assert r.exit_code in (1, 2)  # the store is checked first when it is missing
    r = runner.invoke(app, ["decisions", "--csv", "--json"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["stats", "vetoes", "--by", "decad"])
    assert r.exit_code == 2 and "decade" in r.output


@pytest.mark.data
def test_decisions_search_on_the_real_store(built_store: Path) -> None:
    s = ["--store", str(built_store)]
    r = runner.invoke(app, ["decisions", "--text", "Syria", "--outcome", "vetoed", "--since", "2011", "--csv", *s])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert len(rows) >= 10 and all(x["failure_reason"] == "veto" for x in rows)
    assert [x["date"] for x in rows] == sorted(x["date"] for x in rows)
    assert rows[0]["date"] >= "2011-01-01" and "RUS" in rows[0]["vetoed_by"]
    r = runner.invoke(app, ["decisions", "--since", "2024", "--until", "2024", "--outcome", "vetoed", "--json", *s])
    ids = [x["decision_id"] for x in json.loads(r.output)]
    assert "S/2024/239" in ids
    r = runner.invoke(app, ["decisions", "--kind", "procedurl", *s])
    assert r.exit_code == 2 and "did you mean 'procedural'" in r.output
    r = runner.invoke(app, ["decisions", "--member", "Rusia", *s])
    assert r.exit_code == 2 and "Russian Federation" in r.output
    r = runner.invoke(app, ["decisions", "--issue", "terrorism", "--limit", "3", *s], env={"COLUMNS": "80"})
    assert r.exit_code == 0 and "3 decisions" in r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    r = runner.invoke(app, ["votes", "S/2024/239", "--csv", *s])
    votes = list(csv.DictReader(io.StringIO(r.output)))
    assert len(votes) == 15 and {v["vote"] for v in votes if v["member"] in ("CHN", "RUS")} == {"N"}
    out = built_store.parent / "d.parquet"
    r = runner.invoke(app, ["decisions", "--since", "2020", "--parquet", str(out), *s])
    import pandas as pd

    assert r.exit_code == 0 and len(pd.read_parquet(out)) > 50
    # every procedural vote, whatever its kind (agenda votes, the 2022 call for a GA emergency session)
    r = runner.invoke(app, ["decisions", "--class", "procedural", "--since", "2000", "--csv", *s])
    procedural = {x["decision_id"]: x["kind"] for x in csv.DictReader(io.StringIO(r.output))}
    assert r.exit_code == 0 and "S/PV.7353#1" in procedural and "S/2022/160" in procedural
    assert "draft_resolution" not in set(procedural.values()) - {procedural["S/2022/160"]}
    r = runner.invoke(app, ["decisions", "--kind", "procedural", "--since", "2000", *s])
    assert r.exit_code == 0 and "--class procedural" in r.output
    # a query that matches nothing writes a header (CSV) or an empty list (JSON), never a traceback
    r = runner.invoke(app, ["decisions", "--since", "2024-03-23", "--until", "2024-03-23", "--csv", *s])
    assert r.exit_code == 0 and r.output.startswith("decision_id,date,") and len(r.output.splitlines()) == 1
    r = runner.invoke(app, ["decisions", "--since", "2024-03-23", "--until", "2024-03-23", "--json", *s])
    assert r.exit_code == 0 and json.loads(r.output) == []


@pytest.mark.data
def test_piping_into_head_exits_0(built_store: Path, tmp_path: Path) -> None:
    store = str(built_store)
    r = _unsc(
        shell=f"{sys.executable} -c 'from unsc.cli import main; main()' decisions --since 2024 "
        f"--outcome vetoed --csv --store {store} | head -3"
    )
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 3 and lines[0].startswith("decision_id,") and "Traceback" not in r.stderr
    r = _unsc(
        shell=f"{sys.executable} -c 'from unsc.cli import main; main()' export --format csv "
        f"--out {tmp_path / 'x'} --store {store} | head -1"
    )
    assert r.returncode == 0, r.stderr
    exported = {p.stem for p in (tmp_path / "x").glob("*.csv")}
    assert len(exported) >= 10  # every table, although the reader left after one line
    r = _unsc(shell=f"{sys.executable} -c 'from unsc.cli import main; main()' validate --store {store} | head -2")
    assert r.returncode == 0 and "Exception ignored" not in r.stderr


@pytest.mark.data
@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_fast_show_prints_what_the_show_command_prints(built_store: Path, extra: list[str]) -> None:
    args = ["show", "S/2024/239", *extra, "--store", str(built_store)]
    full = runner.invoke(app, args, env={"COLUMNS": "100"})
    fast = _unsc(*args, env={"COLUMNS": "100"})
    assert full.exit_code == fast.returncode == 0
    assert fast.stdout == full.stdout
    missing = _unsc("show", "S/1800/1", "--store", str(built_store))
    assert missing.returncode == runner.invoke(app, ["show", "S/1800/1", "--store", str(built_store)]).exit_code == 1
    assert "no decision" in missing.stderr


def test_cheap_commands_load_no_heavy_module(tmp_path: Path) -> None:
    """`unsc --version` loads neither Typer nor pandas; `unsc show --json` neither Typer, pydantic, Rich nor pandas."""
    probe = (
        "import sys, runpy; sys.argv = ['unsc', *sys.argv[1:]]\n"
        "from unsc.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('LOADED', sorted(m for m in ('typer', 'pydantic', 'rich', 'pandas', 'matplotlib') if m in sys.modules),"
        " file=sys.stderr)"
    )
    e = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-c", probe, "--version"], capture_output=True, text=True, env=e)
    assert "LOADED []" in r.stderr
    r = subprocess.run(
        [sys.executable, "-c", probe, "show", "S/2024/239", "--json", "--store", str(tmp_path / "none.duckdb")],
        capture_output=True,
        text=True,
        env=e,
    )
    assert "LOADED []" in r.stderr and "no store" in r.stderr
