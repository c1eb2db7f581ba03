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
    assert d["counts"].get("source_error", 0) >= 1


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
