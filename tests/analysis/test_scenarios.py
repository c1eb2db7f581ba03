"""Reform scenarios: presets, spec files, counterfactual replay."""

from __future__ import annotations

import json
from fractions import Fraction

import pandas as pd
import pytest

from unsc.analysis.scenarios import (
    PRESETS,
    ScenarioError,
    get_scenario,
    load_scenario,
    replay,
    replay_rule_for,
    replay_summary,
)


def test_presets_are_consistent():
    for s in PRESETS.values():
        c = s.council()
        assert c.size == s.size and c.threshold == s.threshold
        assert len(c.permanent) == s.veto_holders
        assert s.description and s.source
        p = s.power(["ss", "bz"])
        assert sum(p.per_player("ss")) == 1
        assert sum(p.per_player("bz")) == 1


def test_charter_presets_reproduce_spec():
    assert get_scenario("charter-1946").power(["ss"]).value("ss", "permanent") == Fraction(76, 385)
    assert get_scenario("charter-today").power(["bz"]).value("bz", "elected") == Fraction(21, 1270)


def test_reform_presets_shapes():
    g4 = get_scenario("g4")
    assert (g4.size, g4.threshold, g4.veto_holders) == (25, 14, 5)
    ez = get_scenario("ezulwini")
    assert (ez.size, ez.veto_holders) == (26, 11)
    assert any("African" in g.label and g.veto and g.count == 2 for g in ez.groups)
    assert all(s.assumptions for s in (g4, ez, get_scenario("uniting-for-consensus")))
    p = g4.power(["ss"])
    # new permanent seats without veto vote like elected seats
    assert p.value("ss", "new permanent (no veto)") == p.value("ss", "elected")
    assert get_scenario("no-veto").power(["ss"]).values["ss"][0] == Fraction(1, 15)


def test_spec_files(tmp_path):
    j = tmp_path / "s.json"
    j.write_text(json.dumps({"name": "eu", "seats": 15, "threshold": 9, "veto_holders": ["CHN", "RUS", "USA"]}))
    s = load_scenario(j)
    assert s.veto_holders == 3 and s.size == 15
    t = tmp_path / "g.toml"
    t.write_text(
        'name = "groups"\nthreshold = 12\n[[groups]]\nlabel = "big"\ncount = 4\nveto = true\n'
        '[[groups]]\nlabel = "small"\ncount = 16\n'
    )
    g = get_scenario(str(t))
    assert g.size == 20 and g.power(["ss"]).value("ss", "big") > g.power(["ss"]).value("ss", "small")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"seats": 15}', "field 'threshold' is missing"),
        ('{"seats": 15, "threshold": 20}', "field 'threshold' must be between 1"),
        ('{"seats": 15, "threshold": 9, "veto_holders": 5, "vetoes_needed": 6}', "field 'vetoes_needed'"),
        ('{"seats": "x", "threshold": 9}', "field 'seats'"),
        ("{not json", "not valid JSON"),
        ('{"seats": 3, "threshold": 2, "members": ["USA"]}', "field 'members'"),
    ],
)
def test_spec_errors_name_file_and_field(tmp_path, content, message):
    f = tmp_path / "bad.json"
    f.write_text(content)
    with pytest.raises(ScenarioError, match=message) as e:
        load_scenario(f)
    assert "bad.json" in str(e.value)


def test_unknown_scenario():
    with pytest.raises(ScenarioError, match="unknown scenario"):
        get_scenario("nope")


def test_replay_rules():
    p5_old = ("CHN", "FRA", "SUN", "GBR", "USA")
    assert replay_rule_for(get_scenario("g4"), 15, p5_old) == (9, p5_old, 1)  # 14/25 of 15 -> 9
    assert replay_rule_for(get_scenario("g4"), 11, p5_old) == (7, p5_old, 1)
    assert replay_rule_for(get_scenario("two-vetoes"), 11, p5_old) == (7, p5_old, 2)
    assert replay_rule_for(get_scenario("no-veto"), 15, p5_old)[1] == ()


@pytest.fixture
def record():
    """Typed-in public facts: S/2024/239 (vetoed by China and Russia), S/2017/315 (vetoed by Russia
    alone), S/2014/916 (8 yes: insufficient), res. 2728 (2024) (14-0-1), a without-vote decision."""
    yes239 = ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"]
    votes = [("S/2024/239", m, "Y") for m in yes239] + [
        ("S/2024/239", "RUS", "N"),
        ("S/2024/239", "CHN", "N"),
        ("S/2024/239", "DZA", "N"),
        ("S/2024/239", "GUY", "A"),
    ]
    yes315 = ["USA", "GBR", "FRA", "ITA", "JPN", "SEN", "SWE", "UKR", "URY", "ETH"]  # 10 yes
    votes += [("S/2017/315", m, "Y") for m in yes315]
    votes += [("S/2017/315", "RUS", "N"), ("S/2017/315", "BOL", "N")]
    votes += [("S/2017/315", m, "A") for m in ("CHN", "EGY", "KAZ")]
    yes916 = ["JOR", "LUX", "FRA", "CHL", "CHN", "ARG", "RUS", "TCD"]
    votes += [("S/2014/916", m, "Y") for m in yes916] + [("S/2014/916", "USA", "N"), ("S/2014/916", "AUS", "N")]
    votes += [("S/2014/916", m, "A") for m in ("GBR", "LTU", "NGA", "KOR", "RWA")]
    v = pd.DataFrame(votes, columns=["decision_id", "member", "vote"])
    d = pd.DataFrame(
        {
            "decision_id": ["S/2024/239", "S/2017/315", "S/2014/916", "S/RES/2311(2016)"],
            "date": pd.to_datetime(["2024-03-22", "2017-04-12", "2014-12-30", "2016-10-06"]),
            "kind": ["draft_resolution"] * 4,
            "voting_class": ["non_procedural"] * 4,
            "modality": ["recorded", "recorded", "recorded", "without_vote"],
            "adopted": [False, False, False, True],
        }
    )
    return d, v


def test_replay_counterfactuals(record):
    d, v = record
    base = replay(get_scenario("charter-today"), d, v)
    assert len(base) == 3  # the without-vote decision has no member votes
    assert not base["changed"].any()
    assert (base["charter_adopted"] == base["recorded_adopted"]).all()
    nov = replay(get_scenario("no-veto"), d, v).set_index("decision_id")
    assert nov.loc["S/2024/239", "change"] == "fail -> pass"
    assert nov.loc["S/2017/315", "change"] == "fail -> pass"
    assert nov.loc["S/2014/916", "change"] == ""  # 8 yes is short of 9 under any veto rule
    two = replay(get_scenario("two-vetoes"), d, v).set_index("decision_id")
    assert not two.loc["S/2024/239", "scenario_adopted"]  # China and Russia: two vetoes
    assert two.loc["S/2017/315", "scenario_adopted"]  # Russia alone no longer blocks
    s = replay_summary(two.reset_index())
    assert s == {
        "replayed": 3,
        "charter_adopted": 0,
        "scenario_adopted": 1,
        "fail_to_pass": 1,
        "pass_to_fail": 0,
        "errors": 0,
    }


def test_replay_keeps_going_on_bad_rows(record):
    d, v = record
    d = pd.concat([d, pd.DataFrame({"decision_id": ["bad"], "date": [pd.NaT], "adopted": [True]})])
    v = pd.concat([v, pd.DataFrame({"decision_id": ["bad"], "member": ["USA"], "vote": ["Y"]})])
    r = replay(get_scenario("no-veto"), d, v).set_index("decision_id")
    assert "no date" in r.loc["bad", "error"]
    assert r.loc["S/2024/239", "scenario_adopted"]
