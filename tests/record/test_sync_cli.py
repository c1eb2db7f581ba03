"""The ``unsc sync`` command, run through Typer against the loopback mirror (tests/record/sync_mirror.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.record.sync_mirror import MEMBERSHIP, SUBSET, WPDL, Mirror, snapshot
from unsc.cli import app
from unsc.record import sync as S

runner = CliRunner()


def only_args(names: list[str]) -> list[str]:
    return [arg for name in names for arg in ("--only", name)]


def test_sync_json_then_cached(mirror: Mirror, home: Path, data_dir: Path) -> None:
    args = ["sync", "--base-url", mirror.url, *only_args(SUBSET), "--no-build", "--json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["ok"] is True and data["built"] is False
    assert data["counts"] == {"downloaded": len(SUBSET)}
    by_name = {f["name"]: f for f in data["files"]}
    assert by_name[WPDL]["sha256"] == S.file_sha256(data_dir / WPDL)
    assert by_name[WPDL]["bytes"] == (data_dir / WPDL).stat().st_size

    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["counts"] == {"cached": len(SUBSET)}


def test_sync_table_and_env_base_url(
    mirror: Mirror, home: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("UNSC_SYNC_BASE_URL", mirror.url)
    result = runner.invoke(app, ["sync", "--only", f"{MEMBERSHIP},{WPDL}", "--no-build"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "downloaded" in out and S.file_sha256(data_dir / WPDL)[:12] in out
    assert "2 files: 2 downloaded" in out
    assert (home / "sources" / MEMBERSHIP).read_bytes() == (data_dir / MEMBERSHIP).read_bytes()


def test_sync_failure_exits_nonzero_naming_the_file_and_changes_nothing(mirror: Mirror, home: Path) -> None:
    ok = runner.invoke(app, ["sync", "--base-url", mirror.url, *only_args(SUBSET), "--no-build"])
    assert ok.exit_code == 0, ok.output
    before = snapshot(home)
    mirror.faults[MEMBERSHIP] = "404"
    result = runner.invoke(app, ["sync", "--base-url", mirror.url, *only_args(SUBSET), "--no-build", "--force"])
    assert result.exit_code == 1
    assert f"sync failed: {MEMBERSHIP}: required file not found" in " ".join(result.stderr.split())
    assert "Nothing was changed" in result.stderr
    assert snapshot(home) == before


def test_sync_failure_json(mirror: Mirror, home: Path) -> None:
    mirror.faults[MEMBERSHIP] = "truncate"
    result = runner.invoke(
        app, ["sync", "--base-url", mirror.url, "--only", MEMBERSHIP, "--no-build", "--json", "--retries", "0"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["file"] == MEMBERSHIP and "truncated" in data["error"]
    assert not (home / "sources").exists()


def test_unknown_only_name_is_an_error(home: Path) -> None:
    result = runner.invoke(app, ["sync", "--base-url", "http://127.0.0.1:9", "--only", "nope.csv", "--no-build"])
    assert result.exit_code == 1
    assert "nope.csv" in result.stderr


def test_list_prints_the_manifest() -> None:
    result = runner.invoke(app, ["sync", "--list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    names = {r["name"] for r in rows}
    assert {"dhl_html/scact_veto_table_en.html", MEMBERSHIP, WPDL} <= names
    assert all(r["licence"] for r in rows)


def test_list_table_reads_in_80_columns() -> None:
    # file names were cut ("2026_02_06_sc_votin…") and every row repeated its licence over a dozen lines
    rows = json.loads(runner.invoke(app, ["sync", "--list", "--json"]).stdout)
    result = runner.invoke(app, ["sync", "--list"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "…" not in out and max(len(line) for line in out.splitlines()) <= 80
    assert all(f"│ {r['name']} " in out for r in rows if len(r["name"]) <= 30)
    flat = " ".join(out.split())
    for text in {r["licence"] for r in rows}:  # each licence once, in full, under the table
        assert flat.count(" ".join(text.split())) == 1, text
