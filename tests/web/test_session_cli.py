"""`unsc session`: the terminal roll call, fed through stdin with Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from unsc.cli import app
from unsc.rules import Ballot, Council, decide
from unsc.sessions import roll_call_order, seat_name

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
S_2024_239 = dict.fromkeys(["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"], "Y") | {
    "RUS": "N",
    "CHN": "N",
    "DZA": "N",
    "GUY": "A",
}


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("UNSC_STORE", str(tmp_path / "absent.duckdb"))  # no store: the chair types the roster
    return CliRunner()


def answers(order: list[str], votes: dict[str, str]) -> str:
    return "".join(votes.get(code, "X") + "\n" for code in order)


def order_2024(first: str) -> list[str]:
    names = {c: seat_name(c) for c in ["CHN", "FRA", "RUS", "GBR", "USA", *ELECTED_2024]}
    return roll_call_order(names, first)


def test_roll_call_of_s_2024_239(runner):
    order = order_2024("MLT")
    stdin = ",".join(ELECTED_2024) + "\n" + answers(order, S_2024_239)
    r = runner.invoke(
        app, ["session", "--date", "2024-03-22", "--title", "Draft resolution S/2024/239", "--first", "Malta", "--json"],
        input=stdin,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout[r.stdout.index("{") :])
    assert out["order"] == order and out["order"][0] == "MLT"
    d = out["decision"]
    assert (d["adopted"], d["vetoed_by"], d["tally"]) == (False, ["CHN", "RUS"], "11-3-1")
    assert out["president"].endswith("owing to the negative vote of a permanent member of the Council.")
    direct = decide(Ballot.from_mapping("2024-03-22", S_2024_239), Council.on("2024-03-22", elected=ELECTED_2024))
    assert d["explanation"] == direct.explanation
    # the roll call itself (on stderr with --json): the lot, the running tally, the veto state, the result
    text = " ".join(r.stderr.split())
    assert "Malta was chosen by the President to be called first" in text
    assert "show of hands" in text and "Model UN convention" in text
    assert "Tally: 11 yes of 9 required, 3 no, 1 abstaining; 0 still to be called. Veto:" in text
    assert "elected membership checked against the rules' own roster" in text  # no store: said so, then asked


def test_lot_is_reproducible_and_procedural_no_is_not_a_veto(runner):
    elected = ",".join(ELECTED_2024)
    votes = dict.fromkeys(["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU"], "Y") | {"RUS": "N"}
    runs = []
    for _ in range(2):
        probe = runner.invoke(app, ["session", "--date", "2024-03-22", "--kind", "procedural", "--seed", "7",
                                    "--elected", elected, "--json"], input="\n" * 15)  # fmt: skip
        runs.append(json.loads(probe.stdout[probe.stdout.index("{") :])["order"])
    assert runs[0] == runs[1]
    order = runs[0]
    r = runner.invoke(app, ["session", "--date", "2024-03-22", "--kind", "procedural", "--seed", "7",
                            "--elected", elected], input=answers(order, votes))  # fmt: skip
    assert r.exit_code == 0, r.output
    text = " ".join(r.output.split())
    assert "drawn by lot to be called first" in text
    assert "Procedural vote (Art. 27(2)): nobody has a veto" in text
    assert (
        "9 votes in favour, 1 against and no abstentions; 5 members did not vote. The proposal has been adopted."
        in text
    )


def test_1950_without_the_ussr(runner):
    elected = "CUB,ECU,EGY,IND,NOR,YUG"
    votes = dict.fromkeys(["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"], "Y") | dict.fromkeys(
        ["EGY", "IND", "YUG"], "A"
    )
    names = {c: seat_name(c, __import__("datetime").date(1950, 7, 7)) for c in
             ["CHN", "FRA", "SUN", "GBR", "USA", *elected.split(",")]}  # fmt: skip
    order = roll_call_order(names, "CHN")
    r = runner.invoke(app, ["session", "--date", "1950-07-07", "--elected", elected, "--first", "China", "--json"],
                      input=answers(order, votes))  # fmt: skip
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout[r.stdout.index("{") :])
    assert out["votes"]["SUN"] == "absent" and out["decision"]["adopted"] and out["decision"]["tally"] == "7-0-3"
    assert "Republic of China (permanent)" in r.stderr and "USSR (permanent)" in r.stderr


def test_bad_answers_are_asked_again_and_eof_stops_without_result(runner):
    elected = ",".join(ELECTED_2024)
    r = runner.invoke(app, ["session", "--date", "2024-03-22", "--elected", elected, "--first", "DZA"],
                      input="maybe\nY\n")  # fmt: skip
    assert r.exit_code == 1
    assert "'maybe' is not a vote" in r.output
    assert "Roll call interrupted: no result was announced." in r.output
    assert "The President announces" not in r.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "1900-01-01"], "no Security Council on 1900-01-01"),
        (["--date", "2024-03-22", "--kind", "lottery"], "unknown kind 'lottery'"),
        (["--date", "2024-03-22", "--elected", "DZA,ECU"], "10 elected seats, 2 given"),
        (["--scenario", "atlantis"], "unknown scenario"),
        ([], "give --date"),
        (["--date", "2024-03-22", "--elected", ",".join(ELECTED_2024), "--first", "Brazil"], "does not sit"),
    ],
)
def test_errors_exit_2_with_the_reason(runner, args, message):
    r = runner.invoke(app, ["session", *args], input="")
    assert r.exit_code == 2 and message in r.stderr


def test_roster_from_a_store_when_one_exists(runner, monkeypatch, tmp_path):
    import unsc.cli.rules as rules_cli

    monkeypatch.setattr(rules_cli, "roster_council", lambda date, store: (Council.on(date, elected=ELECTED_2024), None))
    r = runner.invoke(app, ["session", "--date", "2024-03-22", "--first", "USA", "--json"], input="Y\n" * 15)
    assert r.exit_code == 0, r.output
    assert "Elected members: from the record store." in " ".join(r.stderr.split())
    out = json.loads(r.stdout[r.stdout.index("{") :])
    assert out["president"].endswith("The draft resolution has been adopted unanimously.")


def test_serve_runs_workers_from_an_import_string_and_prints_the_room_address(runner, monkeypatch, tmp_path):
    import os

    import unsc.cli.web as web_cli

    served = {}
    monkeypatch.setattr(web_cli, "run_server", lambda app_, **kw: served.update(app=app_, **kw))
    for name in ("UNSC_LIVE_DB", "UNSC_PUBLIC_URL", "UNSC_STORE"):
        monkeypatch.delenv(name, raising=False)
    db = tmp_path / "live.sqlite3"
    r = runner.invoke(app, ["serve", "--db", str(db), "--workers", "2", "--host", "0.0.0.0", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert served["app"] == "unsc.web.live:app_from_env" and served["workers"] == 2
    room = os.environ["UNSC_PUBLIC_URL"]
    assert room.startswith("http://") and room.endswith(":8123") and "0.0.0.0" not in room
    assert f"room address for phones on this network: {room}/live" in " ".join(r.stderr.split())
    assert os.environ["UNSC_LIVE_DB"] == str(db) and db.exists() and (db.stat().st_mode & 0o077) == 0
    monkeypatch.setenv("UNSC_PUBLIC_URL", "https://mun.example.org")
    web = served["app"].rsplit(":", 1)
    factory = getattr(__import__(web[0], fromlist=["x"]), web[1])
    assert factory().state.live_public_url == "https://mun.example.org"


def test_serve_refuses_a_bad_db(runner, monkeypatch, tmp_path):
    import unsc.cli.web as web_cli

    monkeypatch.setattr(web_cli, "run_server", lambda app_, **kw: None)
    r = runner.invoke(app, ["serve", "--db", "mysql://nowhere/x"])
    assert r.exit_code == 2 and "postgresql://" in r.stderr
    broken = tmp_path / "not-a-db.sqlite3"
    broken.write_text("this is not a database" * 100)
    r = runner.invoke(app, ["serve", "--db", str(broken)])
    assert r.exit_code == 2 and "--db" in r.stderr
