"""Charts a newsroom would publish: no overlap, honest scales, the grouping asked for, the real sources
credited, the user's matplotlib left alone, drawing into the user's axes, any format matplotlib writes."""

from __future__ import annotations

import subprocess
import sys

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib.figure import Figure
from PIL import Image
from typer.testing import CliRunner

from unsc.analysis import plots
from unsc.cli import app

runner = CliRunner()
P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]

VETOES = pd.DataFrame(
    {
        "decision_id": ["S/PV.23#1", "S/3710", "S/3710", "S/9696", "S/2024/239", "S/2024/239", "S/2023/970"],
        "date": pd.to_datetime(
            ["1946-02-16", "1956-10-30", "1956-10-30", "1970-03-17", "2024-03-22", "2024-03-22", "2023-12-08"]
        ),
        "member": ["SUN", "FRA", "GBR", "GBR", "CHN", "RUS", "USA"],
        "sources": [
            ["dhl_veto"],
            ["dhl_veto"],
            ["dhl_veto"],
            ["wpdl_veto"],
            ["voting_agent"],
            ["voting_agent"],
            ["dhl_veto"],
        ],
        "title": ["Syria and Lebanon", "Suez", "Suez", "Rhodesia", "Middle East", "Middle East", "Middle East"],
    }
)


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.texts] + [t.get_text() for ax in fig.axes for t in ax.texts]


def test_import_does_not_switch_the_backend():
    code = "import matplotlib; matplotlib.use('svg'); import unsc.analysis.plots as p; print(matplotlib.get_backend())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "svg"


def test_style_is_local():
    before = dict(matplotlib.rcParams)
    plots.vetoes_per_year(VETOES)
    assert dict(matplotlib.rcParams) == before


@pytest.mark.parametrize("by", ["year", "decade", "period", "member", "topic"])
def test_by_is_honoured_and_axes_returned(by):
    fig = Figure()
    ax = fig.add_subplot()
    out = plots.vetoes_by(VETOES, by, ax=ax)
    assert out is ax  # drawn into the user's axes, which are returned
    title = ax.get_title(loc="left")
    assert {
        "year": "per year",
        "decade": "per decade",
        "period": "per period",
        "member": "by permanent member",
        "topic": "by topic",
    }[by] in title
    labels = [t.get_text() for t in (ax.get_yticklabels() if by == "topic" else ax.get_xticklabels())]
    if by == "decade":
        assert labels == ["1940s", "1950s", "1970s", "2020s"]
    if by == "member":
        assert "Russia / USSR" in labels and "United States" in labels
    if by == "topic":
        assert "Suez" in labels and "Middle East" in labels


def test_four_groupings_draw_four_different_charts(tmp_path):
    digests = set()
    for by in ("year", "decade", "member", "topic"):
        plots.vetoes_by(VETOES, by, tmp_path / f"{by}.png")
        digests.add((tmp_path / f"{by}.png").read_bytes())
    assert len(digests) == 4


def test_title_names_the_member_filter_and_ticks_are_whole_vetoes():
    fig = plots.vetoes_per_year(VETOES, member="CHN")
    ax = fig.axes[0]
    assert sum(p.get_height() for p in ax.patches) == 1  # China's one veto only, as the title says
    assert "China only" in ax.get_title(loc="left") and "by permanent member" not in ax.get_title(loc="left")
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert ticks and all(float(t).is_integer() for t in ticks)


def test_title_names_the_real_period():
    title = plots.vetoes_by(VETOES, "decade", since=1950).axes[0].get_title(loc="left")
    assert "1950–2024" in title and "latest" not in title


def test_credit_names_the_sources_used():
    fig = plots.vetoes_per_year(VETOES[VETOES.member.isin(["CHN", "RUS"])])
    credit = " ".join(_texts(fig))
    assert "Voting-Agent" in credit and "Dag Hammarskjöld" not in credit
    fig = plots.vetoes_per_year(VETOES)
    credit = " ".join(_texts(fig))
    assert "Dag Hammarskjöld Library (veto list)" in credit and "World Politics Data Lab" in credit


def test_heatmap_uses_the_whole_scale_and_prints_counts():
    m = pd.DataFrame([[1.0, 0.83], [0.83, 1.0]], index=["USA", "FRA"], columns=["USA", "FRA"])
    n = pd.DataFrame([[40, 37], [37, 39]], index=m.index, columns=m.columns)
    fig = plots.agreement_heatmap(m, counts=n)
    image = fig.axes[0].images[0]
    assert image.get_clim() == (0.0, 1.0)  # 0.83 is not drawn as the bottom of the scale
    assert "0.83\nn = 37" in _texts(fig)


def test_adoption_chart_has_axis_labels_and_marks_a_partial_year():
    t = pd.DataFrame(
        {
            "adoption_rate": [1.0, 0.9, 0.5],
            "unanimity_rate": [0.8, 0.5, 0.2],
            "contested_rate": [0.1, 0.3, 0.5],
            "decisions": [60, 50, 4],
        },
        index=pd.Index([2023, 2024, 2025], name="year"),
    )
    ax = plots.adoption_rates(t, through="2025-02-10").axes[0]
    assert ax.get_xlabel() == "year" and ax.get_ylabel()
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert any("2025: partial, to 10 Feb 2025 (4 decisions)" in x for x in legend)
    ax = plots.adoption_rates(t, through="2025-12-31").axes[0]
    assert not any("partial" in x.get_text() for x in ax.get_legend().get_texts())


def test_rollcall_title_and_explanation_do_not_overlap(tmp_path):
    votes = [{"member": c, "member_name": c, "permanent": True, "vote": v} for c, v in zip(P5, "AYNYY", strict=True)]
    votes += [
        {"member": f"E{i}", "member_name": "USSR" if i == 0 else "AUSTRALIA", "permanent": False, "vote": "Y"}
        for i in range(10)
    ]
    long = "Not adopted: vetoed by the Russian Federation. " * 8  # three lines and more
    fig = plots.rollcall(
        {"decision_id": "S/2014/189", "date": "2014-03-15", "adopted": False, "explanation": long, "votes": votes}
    )
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.texts if t.get_text()]
    title, explanation = boxes[0], boxes[1]
    assert not title.overlaps(explanation)
    tiles = fig.axes[0].get_window_extent(renderer)
    assert explanation.y0 >= tiles.y1 - 1  # the tiles start below the text
    texts = _texts(fig)
    assert "USSR" in texts and "Ussr" not in texts and "Australia" in texts
    # dark text on the yellow abstain tile
    abstain = next(t for t in fig.axes[0].texts if t.get_text().startswith("abstain"))
    assert matplotlib.colors.to_hex(abstain.get_color()) == "#1a1a1a"


@pytest.mark.parametrize("suffix", ["pdf", "jpg", "svg", "png"])
def test_any_format_matplotlib_writes(tmp_path, suffix):
    plots.vetoes_per_year(VETOES, tmp_path / f"v.{suffix}")
    data = (tmp_path / f"v.{suffix}").read_bytes()
    assert len(data) > 1000
    if suffix == "jpg":
        assert Image.open(tmp_path / "v.jpg").size == (1200, 675)


def test_cli_unsupported_extension_is_a_usage_error(tmp_path):
    r = runner.invoke(app, ["plot", "power", "--out", str(tmp_path / "x.docx")])
    assert r.exit_code == 2
    assert "cannot write '.docx' files" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "x.docx").exists()


def test_member_colours_are_distinct_from_each_other():
    seats = [plots.MEMBER_COLOURS[s] for s in P5]
    assert len(set(seats)) == 5 and np.all([c.startswith("#") for c in seats])
