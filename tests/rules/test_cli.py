"""`unsc decide` end to end through Typer: the issue's acceptance cases, bad input, and both roster paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.rules.rosters import ELECTED
from unsc.cli import app

runner = CliRunner()
S2024_239 = [
    "--date", "2024-03-22",
    "--yes", "USA,GBR,FRA,JPN,KOR,MLT,CHE,SVN,ECU,MOZ,SLE",
    "--no", "RUS,CHN,DZA",
    "--abstain", "GUY",
]  # fmt: skip


@pytest.fixture
def no_store(tmp_path: Path) -> list[str]:
    """Options pointing the command at a store that does not exist: the Charter-only fallback."""
    return ["--store", str(tmp_path / "missing.duckdb")]


def run(*args: str) -> Any:
    return runner.invoke(app, ["decide", *args])


def run_json(*args: str) -> dict[str, Any]:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_s_2024_239_vetoed_by_china_and_russia(no_store: list[str]) -> None:
    out = run_json(*S2024_239, *no_store)
    assert out["adopted"] is False
    assert out["vetoed_by"] == ["CHN", "RUS"]
    assert out["shortfall"] == 0
    assert (out["yes"], out["no"], out["abstain"], out["absent"], out["threshold"]) == (11, 3, 1, 0, 9)
    assert "vetoed by China and the Russian Federation" in out["explanation"]


def test_res_2728_adopted_with_us_abstaining(no_store: list[str]) -> None:
    yes = "DZA,CHN,ECU,FRA,GUY,JPN,MLT,MOZ,KOR,RUS,SLE,SVN,CHE,GBR"
    out = run_json("--date", "2024-03-25", "--yes", yes, "--abstain", "USA", *no_store)
    assert out["adopted"] is True and out["vetoed_by"] == [] and out["yes"] == 14 and out["abstain"] == 1


def test_1950_seven_yes_ussr_absent_adopted(no_store: list[str]) -> None:
    out = run_json(
        "--date",
        "1950-07-07",
        "--yes",
        "USA,GBR,FRA,CHN,CUB,ECU,NOR",
        "--abstain",
        "EGY,IND,YUG",
        "--absent",
        "SUN",
        *no_store,
    )
    assert out["adopted"] is True and out["threshold"] == 7 and out["absent"] == 1
    assert "p5_absent" in out["warnings"]


def test_procedural_nine_yes_and_a_permanent_no_adopted(no_store: list[str]) -> None:
    out = run_json(
        "--date", "2024-06-03", "--kind", "procedural",
        "--yes", "USA,GBR,FRA,JPN,KOR,MLT,CHE,SVN,ECU", "--no", "RUS", "--abstain", "CHN,DZA", *no_store,
    )  # fmt: skip
    assert out["adopted"] is True and out["vetoed_by"] == [] and out["voting_class"] == "procedural"


def test_eight_yes_with_a_permanent_no_is_short_not_a_veto(no_store: list[str]) -> None:
    out = run_json("--date", "2014-12-30", "--yes", "ARG,TCD,CHL,CHN,FRA,JOR,LUX,RUS", "--no", "USA,AUS",
                   "--abstain", "LTU,NGA,RWA,KOR,GBR", *no_store)  # fmt: skip
    assert out["adopted"] is False
    assert out["shortfall"] == 1
    assert out["vetoed_by"] == [] and out["failure_reason"] == "insufficient_votes"
    assert out["p5_negative_votes"] == ["USA"] and out["dhl_veto_list_entry"] is False


def test_names_accepted_and_repeated_options(no_store: list[str]) -> None:
    out = run_json("--date", "2024-03-22", "--yes", "United States,Britain", "--yes", "France", "--no", "Russia",
                   *no_store)  # fmt: skip
    assert out["votes"]["RUS"] == "N" and out["yes"] == 3 and out["non_voting"] == 11
    assert out["absent"] == 0  # the seats not named did not vote; nobody said they were absent


def test_human_output(no_store: list[str]) -> None:
    result = runner.invoke(app, ["decide", *S2024_239, *no_store], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    assert "NOT ADOPTED: vetoed by China and the Russian Federation" in result.stdout
    assert "Art. 27(3)" in result.stdout


def test_fallback_prints_one_note(no_store: list[str]) -> None:
    result = run(*S2024_239, *no_store, "--json")
    notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and "elected membership checked against the rules' own roster (no store" in notes[0]
    council = json.loads(result.stdout)["council"]
    assert council["roster_checked"] is True and council["roster_source"] == "rules"


@pytest.mark.parametrize(
    ("args", "offender"),
    [
        (["--yes", "USA,XYZ"], "XYZ"),
        (["--yes", "USA", "--no", "USA"], "USA"),
        (["--yes", "Russia", "--abstain", "RUS"], "RUS"),
        (["--yes", "USA,GBR,FRA,CHN,RUS", "--no", ",".join(ELECTED[2024]) + ",DEU"], "DEU"),
        (["--yes", "YUG"], "YUG"),
    ],
    ids=["unknown-code", "named-twice", "name-and-code", "too-many-votes", "state-dissolved"],
)
def test_bad_input_exit_2_names_the_code(args: list[str], offender: str, no_store: list[str]) -> None:
    result = run("--date", "2024-03-22", *args, *no_store)
    assert result.exit_code == 2
    assert offender in result.stderr and "error:" in result.stderr


def test_bad_date_and_kind(no_store: list[str]) -> None:
    assert run("--date", "2024-13-40", "--yes", "USA", *no_store).exit_code == 2
    bad_kind = run("--date", "2024-03-22", "--kind", "vibes", *no_store)
    assert bad_kind.exit_code == 2 and "unknown kind 'vibes'" in bad_kind.stderr
    assert run("--date", "1900-01-01", *no_store).exit_code == 2


class FakeStore:
    """Stands in for :class:`unsc.record.Store` (the contract in docs/record-schema.md)."""

    closed = False

    def roster(self, date: Any) -> list[str]:
        return sorted(["CHN", "FRA", "RUS", "GBR", "USA", *ELECTED[int(str(date)[:4])]])

    def close(self) -> None:
        FakeStore.closed = True


def test_roster_from_store_rejects_a_non_member(monkeypatch: pytest.MonkeyPatch) -> None:
    import unsc.record

    monkeypatch.setattr(unsc.record, "open_store", lambda path=None: FakeStore(), raising=False)
    result = run("--date", "2024-03-22", "--yes", "USA,DEU", "--json")
    assert result.exit_code == 2
    assert "not a member of the Council on 2024-03-22: DEU" in result.stderr
    ok = run(*S2024_239, "--json")
    assert ok.exit_code == 0 and "note:" not in ok.stderr
    assert json.loads(ok.stdout)["council"]["roster_checked"] is True
    assert FakeStore.closed


def test_incomplete_store_roster_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    import unsc.record

    class Partial(FakeStore):
        def roster(self, date: Any) -> list[str]:
            return [c for c in super().roster(date) if c != "SVN"]

    monkeypatch.setattr(unsc.record, "open_store", lambda path=None: Partial(), raising=False)
    result = run(*S2024_239, "--json")
    assert result.exit_code == 0
    assert "rules' own roster (the store lists 9 elected members for 2024-03-22" in result.stderr


def test_chapter_vi_and_strict_27_3(no_store: list[str]) -> None:
    args = ["--date", "2014-03-15", "--yes", "USA,GBR,FRA,ARG,AUS,CHL,TCD,JOR,LTU,LUX,NGA,KOR,RWA", "--no", "RUS",
            "--abstain", "CHN", "--chapter-vi", "--parties", "Russia,Ukraine", *no_store]  # fmt: skip
    as_cast = run_json(*args)
    assert as_cast["vetoed_by"] == ["RUS"] and "art27_3_not_observed" in as_cast["warnings"]
    strict = run_json(*args, "--strict-27-3")
    assert strict["adopted"] is True and strict["no"] == 0


def test_charter_literal_mode(no_store: list[str]) -> None:
    yes = "USA,GBR,FRA,CHN,DZA,ECU,GUY,JPN,MLT,MOZ,KOR,SLE,SVN,CHE"
    out = run_json("--date", "2024-03-25", "--yes", yes, "--abstain", "RUS", "--mode", "charter_literal", *no_store)
    assert out["adopted"] is False and out["failure_reason"] == "no_concurrence" and out["vetoed_by"] == []
    assert out["not_concurring"] == ["RUS"]
    assert run("--date", "2024-03-25", "--mode", "literal", *no_store).exit_code == 2
