"""The record commands on the session's built store (real data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unsc.cli import app

pytestmark = pytest.mark.data
runner = CliRunner()


def test_vetoes_json_filters(built_store: Path) -> None:
    r = runner.invoke(app, ["vetoes", "--member", "USA", "--since", "2020", "--json", "--store", str(built_store)])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and {x["member"] for x in rows} == {"USA"}
    assert min(x["date"] for x in rows) >= "2020-01-01"


def test_vetoes_unknown_member(built_store: Path) -> None:
    r = runner.invoke(app, ["vetoes", "--member", "Atlantis", "--store", str(built_store)])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_validate_json(built_store: Path) -> None:
    r = runner.invoke(app, ["validate", "--json", "--store", str(built_store)])
    assert r.exit_code == 0, r.output
    d = json.loads(r.output)
    assert d["unexplained"] == 0
    assert all(row["reason"] for row in d["rows"])
    assert d["counts"].get("shared_draft", 0) >= 1 and set(d["counts"]) <= {
        "no_member_votes",
        "shared_draft",
        "source_error",
        "roster",
        "missing_from_sources",
    }


def test_export_csv(built_store: Path, tmp_path: Path) -> None:
    r = runner.invoke(app, ["export", "--format", "csv", "--out", str(tmp_path), "--store", str(built_store)])
    assert r.exit_code == 0, r.output
    names = {p.stem for p in tmp_path.glob("*.csv")}
    assert {"decisions", "votes", "vetoes", "conflicts", "quarantine", "validation", "members", "terms"} <= names


def test_show_unknown_symbol(built_store: Path) -> None:
    r = runner.invoke(app, ["show", "S/1800/1", "--store", str(built_store)])
    assert r.exit_code == 1


def test_build_bad_dir(tmp_path: Path) -> None:
    r = runner.invoke(app, ["build", "--from", str(tmp_path), "--store", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 1 and "no source files" in r.output


@pytest.mark.parametrize("option", ["--since", "--until"])
@pytest.mark.parametrize("value", ["abc", "2024-13-01"])
def test_vetoes_bad_date_names_the_value(built_store: Path, option: str, value: str) -> None:
    # was "error: Invalid isoformat string: 'abc'" / a bare "month must be in 1..12"
    r = runner.invoke(app, ["vetoes", option, value, "--store", str(built_store)])
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"bad date '{value}'" in r.output and "YYYY-MM-DD" in r.output


@pytest.mark.parametrize(
    ("date", "code", "says"),
    [
        ("1945-01-01", 2, "Charter entered into force"),
        ("2100-01-01", 1, "no roster for 2100-01-01"),
        ("2024-13-01", 2, "bad date '2024-13-01'"),
    ],
)
def test_members_date_without_a_roster_is_an_error(built_store: Path, date: str, code: int, says: str) -> None:
    # an empty line with exit code 0 used to say "nobody sat on the Council" on these dates
    r = runner.invoke(app, ["members", "--date", date, "--json", "--store", str(built_store)])
    assert r.exit_code == code and says in r.output, r.output


def test_members_date_roster(built_store: Path) -> None:
    r = runner.invoke(app, ["members", "--date", "1971-12-13", "--json", "--store", str(built_store)])
    assert r.exit_code == 0, r.output
    codes = json.loads(r.output)
    assert len(codes) == 15 and {"CHN", "FRA", "GBR", "SUN", "USA"} <= set(codes)


@pytest.mark.parametrize("command", [["show", "S/2024/239"], ["vetoes"], ["validate"], ["members"]])
def test_store_option_naming_a_directory(built_store: Path, command: list[str]) -> None:
    # `--store ""` (= ".") or the data directory gave DuckDB's 'Could not read from file ...: Is a directory'
    r = runner.invoke(app, [*command, "--store", str(built_store.parent)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "is a directory, not a store file" in r.output
    if built_store.name == "unsc.duckdb":
        assert f"did you mean {built_store}" in r.output
