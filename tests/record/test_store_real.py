"""The built store answers the acceptance questions (real data)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.data


def test_s_2024_239(store) -> None:
    d = store.decision("S/2024/239")
    assert d is not None
    assert (d["yes"], d["no"], d["abstain"]) == (11, 3, 1)
    by_vote = {}
    for v in d["votes"]:
        by_vote.setdefault(v["vote"], set()).add(v["member"])
    assert by_vote["N"] == {"CHN", "RUS", "DZA"}
    assert by_vote["A"] == {"GUY"}
    assert len(by_vote["Y"]) == 11
    assert d["adopted"] is False
    assert sorted(d["vetoed_by"]) == ["CHN", "RUS"]
    assert d["meeting"] == "S/PV.9584"
    assert d["rule_agrees"] is True


@pytest.mark.parametrize("symbol", ["S/RES/2728 (2024)", "2728 (2024)", "S/RES/2728(2024)", "Resolution 2728 (2024)"])
def test_res_2728_spellings(store, symbol: str) -> None:
    d = store.decision(symbol)
    assert d is not None and d["resolution_number"] == 2728
    assert (d["yes"], d["no"], d["abstain"]) == (14, 0, 1)
    assert [v["member"] for v in d["votes"] if v["vote"] == "A"] == ["USA"]
    assert d["adopted"] is True


def test_every_resolution_1_to_2617_once(store) -> None:
    df = store.sql("SELECT resolution_number FROM decisions WHERE resolution_number BETWEEN 1 AND 2617")
    assert sorted(df["resolution_number"]) == list(range(1, 2618))


def test_known_kinds_agree(store) -> None:
    df = store.sql(
        "SELECT resolution_number, kind, rule_agrees FROM decisions WHERE resolution_number IN "
        "(34, 87, 88, 110, 119, 120, 132, 157, 462, 2623)"
    )
    assert len(df) == 10
    assert df["rule_agrees"].all()
    assert "draft_resolution" not in set(df["kind"])


def test_no_unexplained(store) -> None:
    v = store.validation()
    assert (v["category"] == "unexplained").sum() == 0, v[v["category"] == "unexplained"].to_string()


def test_cli_show_json(built_store) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from unsc.cli import main; main()",
            "show",
            "S/2024/239",
            "--json",
            "--store",
            str(built_store),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    d = json.loads(out.stdout)
    assert d["vetoed_by"] == ["CHN", "RUS"] and d["yes"] == 11


def test_cli_missing_store(tmp_path) -> None:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from unsc.cli import main; main()",
            "show",
            "S/2024/239",
            "--store",
            str(tmp_path / "none.duckdb"),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "unsc build" in out.stderr and "Traceback" not in out.stderr


def test_cli_validate_fits_80_columns(built_store) -> None:
    from typer.testing import CliRunner

    from unsc.cli import app

    runner = CliRunner()
    r = runner.invoke(app, ["validate", "--store", str(built_store)], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    assert max(len(line) for line in lines) <= 80
    header = next(line for line in lines if "decision" in line)
    assert "category" in header and "reason" in header and "recorded" not in header
    # one line per row: the whole id, the date and the category on the row's line
    row = next(line for line in lines if "S/PV.202#1" in line)
    assert "1947-09-15" in row and "shared_draft" in row
    wide = runner.invoke(app, ["validate", "--wide", "--store", str(built_store)], env={"COLUMNS": "200"})
    assert wide.exit_code == 0 and "recorded" in wide.output and "rules" in wide.output
    assert row.rstrip(" │").endswith("…")  # the long reason is cut to the width
    # --wide shows the whole reason
    assert "preliminary question" in wide.output and "preliminary question" not in r.output


def test_gaps_in_the_resolution_numbers_are_reported(store) -> None:
    # every number from 1 to the highest recorded resolution is either a decision or a reported gap
    numbers = {int(n) for n in store.decisions()["resolution_number"].dropna()}
    v = store.validation()
    gaps = {int(d.split("/")[-1]) for d in v.loc[v["category"] == "missing_from_sources", "decision_id"]}
    assert not numbers & gaps
    assert numbers | gaps == set(range(1, max(numbers) + 1))
