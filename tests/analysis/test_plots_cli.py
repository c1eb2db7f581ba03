"""Plots render as real images; the CLI gives the spec's exact values; integration with the built store."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from PIL import Image
from typer.testing import CliRunner

from unsc.analysis import plots
from unsc.analysis.scenarios import get_scenario, scenario_names
from unsc.cli import app

runner = CliRunner()
P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]


def check_png(path, min_colours=6):
    img = Image.open(path)
    assert img.format == "PNG"
    assert img.size == (1200, 675)
    colours = img.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) >= min_colours  # not blank
    # the most common colour (background) must not fill the whole image
    assert max(c for c, _ in colours) < 0.97 * 1200 * 675


def check_svg(path):
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.attrib["width"].startswith("864") and root.attrib["height"].startswith("486")  # 12 x 6.75 in
    assert len(list(root.iter())) > 50


def test_vetoes_plot_png_and_svg(tmp_path):
    v = pd.DataFrame(
        {
            "date": pd.to_datetime(["1946-02-16", "1956-10-30", "1956-10-30", "2024-03-22", "2024-03-22"]),
            "draft": [None, "S/3710", "S/3710", "S/2024/239", "S/2024/239"],
            "meeting": ["S/PV.23", "S/PV.749", "S/PV.749", "S/PV.9584", "S/PV.9584"],
            "member": ["SUN", "FRA", "GBR", "CHN", "RUS"],
        }
    )
    fig = plots.vetoes_per_year(v, tmp_path / "v.png")
    check_png(tmp_path / "v.png")
    assert plots.ATTRIBUTION in [t.get_text().split(" · ")[0] for t in fig.texts]
    plots.vetoes_per_year(v, tmp_path / "v.svg")
    check_svg(tmp_path / "v.svg")


def test_heatmap_power_rollcall(tmp_path):
    m = pd.DataFrame([[1, 0.9, 0.4], [0.9, 1, 0.5], [0.4, 0.5, 1]], index=P5[:3], columns=P5[:3])
    plots.agreement_heatmap(m, tmp_path / "h.png")
    check_png(tmp_path / "h.png")
    plots.power_bars({n: get_scenario(n).power(["ss"]) for n in scenario_names()}, "ss", tmp_path / "p.png")
    check_png(tmp_path / "p.png")
    votes = [{"member": c, "member_name": c, "permanent": True, "vote": v} for c, v in zip(P5, "NYNYY", strict=True)]
    votes += [{"member": f"E{i}", "member_name": f"E{i}", "permanent": False, "vote": "Y"} for i in range(10)]
    d = {
        "decision_id": "S/X",
        "date": "2024-03-22",
        "adopted": False,
        "explanation": "Not adopted: vetoed.",
        "votes": votes,
    }
    fig = plots.rollcall(d, tmp_path / "r.png")
    check_png(tmp_path / "r.png")
    assert any("NOT ADOPTED, 13-2-0" in t.get_text() for t in fig.texts)
    with pytest.raises(ValueError, match=r"cannot write '\.xyz' files; use one of .*\.png"):
        plots.rollcall(d, tmp_path / "r.xyz")


def _groups(out):
    return {g["label"]: g for g in json.loads(out)["groups"]}


def test_cli_power_today_exact():
    r = runner.invoke(app, ["power", "--date", "2024-03-22", "--json"])
    assert r.exit_code == 0, r.output
    g = _groups(r.output)
    assert g["permanent"]["ss"]["exact"] == "421/2145"
    assert g["elected"]["ss"]["exact"] == "4/2145"
    assert g["permanent"]["bz"]["exact"] == "106/635"
    assert g["elected"]["bz"]["exact"] == "21/1270"
    assert abs(g["permanent"]["ss"]["float"] - 421 / 2145) < 1e-15


def test_cli_power_1950_exact():
    r = runner.invoke(app, ["power", "--date", "1950-06-27", "--json", "--index", "ss,bz"])
    assert r.exit_code == 0, r.output
    g = _groups(r.output)
    assert (g["permanent"]["ss"]["exact"], g["elected"]["ss"]["exact"]) == ("76/385", "1/462")
    assert (g["permanent"]["bz"]["exact"], g["elected"]["bz"]["exact"]) == ("19/105", "1/63")
    assert "pb" not in g["permanent"]


def test_cli_power_scenario_spec_and_errors(tmp_path):
    r = runner.invoke(app, ["power", "--scenario", "two-vetoes", "--json", "--ternary"])
    assert r.exit_code == 0 and json.loads(r.output)["council"]["vetoes_needed"] == 2
    assert "p_pass" in json.loads(r.output)["ternary"]
    spec = tmp_path / "s.toml"
    spec.write_text('name = "s"\nseats = 15\nthreshold = 9\nveto_holders = 0\n')
    r = runner.invoke(app, ["power", "--spec", str(spec), "--json", "--index", "ss"])
    assert _groups(r.output)["other seats"]["ss"]["exact"] == "1/15"
    r = runner.invoke(app, ["power", "--scenario", "nope"])
    assert r.exit_code == 2 and "unknown scenario" in r.output  # an input error
    r = runner.invoke(app, ["power", "--index", "xx"])
    assert r.exit_code == 2 and "unknown power index" in r.output
    r = runner.invoke(app, ["power", "--index", "ss"])  # today's Council, table output
    assert r.exit_code == 0 and "421/2145" in r.output
    r = runner.invoke(app, ["scenarios", "--json"])
    assert {s["name"] for s in json.loads(r.output)} == set(scenario_names())


@pytest.mark.parametrize("args", [["--date", "2024-03-22"], ["--scenario", "ezulwini"]])
def test_cli_power_table_readable_in_80_columns(args):
    # the seven indices used to sit side by side, cut to "421/…" and "Shap…" at 80 columns
    r = runner.invoke(app, ["power", *args], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert "…" not in r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    assert "Shapley-Shubik" in r.output and "Johnston" in r.output
    if args[0] == "--date":  # short fractions: every exact value is printed whole
        for g in _groups(runner.invoke(app, ["power", *args, "--json"]).output).values():
            for v in g.values():
                if isinstance(v, dict):
                    assert v["exact"] in r.output, v


# ---- integration with the store built from the real data ---------------------------------------


@pytest.mark.data
def test_store_stats(built_store):
    from unsc.analysis.stats import adoption_over_time, agreement_matrix, veto_counts
    from unsc.record import open_store

    s = open_store(built_store)
    v, d, votes = s.vetoes(), s.decisions(), s.votes()
    by_member = veto_counts(v)
    assert set(by_member.index) <= {*P5, "SUN"}
    assert by_member.loc["RUS", "member_vetoes"] > by_member.loc["CHN", "member_vetoes"]
    by_year = veto_counts(v, by="year")
    assert (by_year["drafts"] <= by_year["member_vetoes"]).all()
    assert by_year["joint_drafts"].sum() > 0
    assert by_year.loc[2024, "CHN"] >= 1 and by_year.loc[2024, "RUS"] >= 1  # S/2024/239
    m = agreement_matrix(votes, d, members=P5, since=2011)
    assert ((m.values >= 0) & (m.values <= 1)).all()
    assert m.loc["FRA", "GBR"] > m.loc["RUS", "USA"]
    a = adoption_over_time(d)
    assert a.loc[1946:2025, "decisions"].sum() == len(d[pd.to_datetime(d["date"]).dt.year.between(1946, 2025)])
    assert a.loc[2024, "vetoed"] >= 1


@pytest.mark.data
def test_store_replay(built_store):
    from unsc.analysis.scenarios import replay, replay_summary
    from unsc.record import open_store

    s = open_store(built_store)
    d, v = s.decisions(), s.votes()
    base = replay_summary(replay(get_scenario("charter-today"), d, v))
    assert base["fail_to_pass"] == base["pass_to_fail"] == 0
    nov = replay(get_scenario("no-veto"), d, v)
    nov_s = replay_summary(nov)
    assert nov_s["pass_to_fail"] == 0 and nov_s["fail_to_pass"] > 20
    assert nov.set_index("decision_id").loc["S/2024/239", "change"] == "fail -> pass"
    two = replay_summary(replay(get_scenario("two-vetoes"), d, v))
    assert 0 < two["fail_to_pass"] < nov_s["fail_to_pass"]
    assert nov_s["errors"] < 0.01 * nov_s["replayed"]


@pytest.mark.data
def test_store_cli_and_plots(built_store, tmp_path):
    r = runner.invoke(
        app, ["stats", "vetoes", "--json", "--store", str(built_store), "--plot", str(tmp_path / "v.png")]
    )
    assert r.exit_code == 0, r.output
    rows = {x["member"]: x for x in json.loads(r.output)}
    assert rows["USA"]["member_vetoes"] > 50
    check_png(tmp_path / "v.png")
    r = runner.invoke(
        app,
        [
            "stats",
            "agreement",
            "--since",
            "2011",
            "--json",
            "--store",
            str(built_store),
            "--plot",
            str(tmp_path / "a.svg"),
        ],
    )
    assert r.exit_code == 0, r.output
    check_svg(tmp_path / "a.svg")
    r = runner.invoke(
        app, ["stats", "adoption", "--since", "2000", "--member", "Russia", "--json", "--store", str(built_store)]
    )
    assert r.exit_code == 0 and json.loads(r.output)[0]["year"] == 2000
    r = runner.invoke(
        app, ["plot", "rollcall", "S/2024/239", "--out", str(tmp_path / "r.png"), "--store", str(built_store)]
    )
    assert r.exit_code == 0, r.output
    check_png(tmp_path / "r.png")
    r = runner.invoke(app, ["replay", "--scenario", "no-veto", "--json", "--store", str(built_store)])
    assert r.exit_code == 0 and json.loads(r.output)["summary"]["fail_to_pass"] > 20
    r = runner.invoke(
        app, ["plot", "rollcall", "S/1234/999999", "--out", str(tmp_path / "x.png"), "--store", str(built_store)]
    )
    assert r.exit_code == 1 and "no decision" in r.output


def test_wide_stats_table_splits_instead_of_cutting(monkeypatch, capsys):
    # `unsc stats adoption` (15 columns) printed "y…", "0.…" in every cell at 80 columns
    from unsc.cli.analysis import _print_table

    monkeypatch.setenv("COLUMNS", "80")
    cols = [f"column_number_{i}" for i in range(14)]
    df = pd.DataFrame([[100_000 * (r + 1) + i for i in range(14)] for r in range(3)], columns=cols)
    df.index = pd.Index([1990, 2000, 2010], name="decade")
    _print_table(df, "Wide")
    out = capsys.readouterr().out
    assert "…" not in out and max(len(line) for line in out.splitlines()) <= 80
    assert "Wide (1/" in out and all(c in out for c in cols)
    assert all(str(v) in out for v in df.values.ravel())
    assert out.count("2010") == out.count("Wide (")  # the row labels repeat in every part


def test_empty_stats_table_says_so(capsys):
    from unsc.cli.analysis import _print_table

    _print_table(pd.DataFrame({"drafts": []}), "Vetoes by year")
    assert capsys.readouterr().out.strip() == "Vetoes by year: none in the selected period"


def test_scenarios_table_keeps_every_name_whole_in_80_columns():
    # the names are what `unsc power --scenario NAME` takes; they were cut to "charter-19…"
    r = runner.invoke(app, ["scenarios"], env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    assert max(len(line) for line in r.output.splitlines()) <= 80
    assert all(f"│ {name} " in r.output for name in scenario_names())
