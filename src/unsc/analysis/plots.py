"""Charts of the record and of voting power (matplotlib, Agg backend): one call each.

Every function returns the :class:`matplotlib.figure.Figure` and, given ``path``, saves it as PNG
or SVG (by the file's suffix) at a fixed size: 1200 x 675 pixels (``FIGSIZE`` at ``DPI``).
Charts of UN data carry the attribution line ``Data: UN Dag Hammarskjöld Library``.

>>> import pandas as pd
>>> v = pd.DataFrame({"date": pd.to_datetime(["2024-03-22", "2024-03-22"]), "member": ["CHN", "RUS"],
...                   "draft": ["S/2024/239"] * 2})
>>> fig = vetoes_per_year(v)
>>> fig.axes[0].get_title(loc="left")
'Vetoes per year, by permanent member'
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from unsc.analysis.power import PowerIndices
from unsc.analysis.stats import P5_SEATS, SEAT_NAMES, seat_of, veto_counts

__all__ = [
    "ATTRIBUTION",
    "DPI",
    "FIGSIZE",
    "MEMBER_COLOURS",
    "VOTE_COLOURS",
    "agreement_heatmap",
    "power_bars",
    "rollcall",
    "save",
    "vetoes_per_year",
]

FIGSIZE = (12.0, 6.75)
DPI = 100
ATTRIBUTION = "Data: UN Dag Hammarskjöld Library"
#: One colour per permanent seat, used in every chart.
MEMBER_COLOURS: dict[str, str] = {
    "CHN": "#e6a100",
    "FRA": "#6a51a3",
    "RUS": "#c0392b",
    "SUN": "#c0392b",
    "GBR": "#1b9e9a",
    "USA": "#2c5fa8",
}
#: Vote colours: yes, no, abstain, not voting.
VOTE_COLOURS: dict[str, str] = {"Y": "#2e9e4f", "N": "#d1342f", "A": "#f2b134", "X": "#b8b8b8"}
_VOTE_WORDS = {"Y": "yes", "N": "no", "A": "abstain", "X": "not voting"}
_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 11,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e3e3e3",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.edgecolor": "#555555",
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "svg.fonttype": "path",
}


def _figure() -> tuple[Figure, Any]:
    with plt.rc_context(_STYLE):
        fig = Figure(figsize=FIGSIZE, dpi=DPI)
        ax = fig.add_subplot(1, 1, 1)
    return fig, ax


def _attribution(fig: Figure, extra: str = "") -> None:
    text = ATTRIBUTION + (f" · {extra}" if extra else "")
    fig.text(0.975, 0.012, text, ha="right", va="bottom", fontsize=8.5, color="#666666")


def save(fig: Figure, path: str | Path | None) -> Figure:
    """Save as PNG or SVG (by suffix) at the fixed pixel size; returns the figure.

    >>> import tempfile, os
    >>> fig, _ = _figure()
    >>> p = os.path.join(tempfile.mkdtemp(), "x.png")
    >>> save(fig, p) is fig and open(p, "rb").read(4) == b"\\x89PNG"
    True
    """
    if path is None:
        return fig
    p = Path(path)
    fmt = p.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{p}: choose a .png or .svg file name")
    p.parent.mkdir(parents=True, exist_ok=True)
    with plt.rc_context(_STYLE):
        fig.savefig(p, format=fmt, dpi=DPI)
    return fig


def vetoes_per_year(
    vetoes: pd.DataFrame,
    path: str | Path | None = None,
    since: Any = None,
    until: Any = None,
    title: str = "Vetoes per year, by permanent member",
) -> Figure:
    """Stacked bars: vetoes cast per year by each permanent seat (member-level counts; the USSR's
    vetoes count for the Russia/USSR seat), with the number of vetoed drafts as a line.
    """
    table = veto_counts(vetoes, by="year", since=since, until=until)
    table = table[table.index.notna()]
    fig, ax = _figure()
    if len(table):
        years = np.arange(int(table.index.min()), int(table.index.max()) + 1)
        table = table.reindex(years, fill_value=0)
        bottom = np.zeros(len(years))
        for seat in P5_SEATS:
            if seat not in table:
                continue
            vals = table[seat].to_numpy(dtype=float)
            ax.bar(years, vals, bottom=bottom, color=MEMBER_COLOURS[seat], label=SEAT_NAMES[seat], width=0.85)
            bottom += vals
        ax.plot(years, table["drafts"], color="#222222", lw=1.1, marker=".", ms=4, label="drafts vetoed")
        ax.set_xlim(years[0] - 1, years[-1] + 1)
        ax.set_ylim(0, max(float(bottom.max()), float(table["drafts"].max())) * 1.18)  # room for the legend
    ax.set_title(title, loc="left")
    ax.set_xlabel("year")
    ax.set_ylabel("vetoes (a draft vetoed by two members counts twice)")
    ax.legend(frameon=False, ncol=6, loc="upper right", fontsize=10)
    ax.grid(axis="x", visible=False)
    fig.subplots_adjust(left=0.07, right=0.98, top=0.9, bottom=0.12)
    _attribution(fig, "veto list, meetings tables and voting data, merged by unsc")
    return save(fig, path)


def agreement_heatmap(
    matrix: pd.DataFrame,
    path: str | Path | None = None,
    title: str = "Voting agreement",
    subtitle: str = "",
    labels: Mapping[str, str] | None = None,
) -> Figure:
    """Heat map of a pairwise agreement matrix (:func:`unsc.analysis.stats.agreement_matrix`).

    >>> m = pd.DataFrame([[1.0, 0.8], [0.8, 1.0]], index=["USA", "FRA"], columns=["USA", "FRA"])
    >>> agreement_heatmap(m).axes[0].get_title(loc="left")
    'Voting agreement'
    """
    fig, ax = _figure()
    names = [(labels or SEAT_NAMES).get(c, c) for c in matrix.columns]
    data = matrix.to_numpy(dtype=float)
    finite = data[np.isfinite(data) & ~np.eye(len(data), dtype=bool)] if data.size else np.array([])
    vmin = float(np.floor(finite.min() * 20) / 20) if finite.size else 0.0
    im = ax.imshow(data, cmap="viridis", vmin=vmin, vmax=1.0, aspect="auto")
    ax.grid(False)
    ax.set_xticks(
        range(len(names)), names, rotation=45 if len(names) > 6 else 0, ha="right" if len(names) > 6 else "center"
    )
    ax.set_yticks(range(len(names)), names)
    if len(names) <= 12:
        for i in range(len(names)):
            for j in range(len(names)):
                if np.isfinite(data[i, j]):
                    colour = "white" if data[i, j] < vmin + 0.6 * (1 - vmin) else "black"
                    ax.text(j, i, f"{data[i, j]:.2f}", ha="center", va="center", fontsize=10, color=colour)
    cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("agreement")
    ax.set_title(title, loc="left", pad=24 if subtitle else 8)
    if subtitle:
        ax.text(0, 1.015, subtitle, transform=ax.transAxes, fontsize=10, color="#444444", va="bottom")
    fig.subplots_adjust(left=0.16, right=0.95, top=0.88, bottom=0.14)
    _attribution(fig)
    return save(fig, path)


def power_bars(
    results: Mapping[str, PowerIndices],
    index: str = "ss",
    path: str | Path | None = None,
    title: str | None = None,
) -> Figure:
    """For each scenario, a bar split by seat group: the share of power each group holds (the
    group's per-seat value times its seats), labelled with the per-seat value.

    >>> from unsc.analysis.scenarios import get_scenario
    >>> fig = power_bars({"today": get_scenario("charter-today").power(["ss"])})
    >>> len(fig.axes[0].patches)
    2
    """
    fig, ax = _figure()
    palette = ["#c0392b", "#e6a100", "#8e44ad", "#7f8c8d", "#2c5fa8", "#1b9e9a"]
    group_colour: dict[str, str] = {}
    names = list(results)
    for row, name in enumerate(names):
        res = results[name]
        vals = res.values[index]
        left = 0.0
        for label, count, v in zip(res.labels, res.counts, vals, strict=True):
            share = float(v) * count
            if label.startswith("elected") or label in ("other seats", "member"):
                colour = "#9aa5b1"
            else:
                colour = group_colour.setdefault(label, palette[len(group_colour) % len(palette)])
            ax.barh(row, share, left=left, color=colour, edgecolor="white", height=0.62)
            if share > 0.06:
                ax.text(
                    left + share / 2,
                    row,
                    f"{label}\n{count} × {float(v):.4f}",
                    ha="center",
                    va="center",
                    fontsize=8.5,
                    color="white",
                )
            left += share
    ax.set_yticks(range(len(names)), names)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel(f"share of {_index_name(index)} power held by each seat group (per-seat value in the bar)")
    ax.grid(axis="y", visible=False)
    ax.set_title(title or f"Voting power under the Charter and reform models ({_index_name(index)})", loc="left")
    fig.subplots_adjust(left=0.2, right=0.98, top=0.9, bottom=0.12)
    fig.text(
        0.99,
        0.012,
        "unsc: exact a priori indices (binary yes / not-yes game)",
        ha="right",
        fontsize=8.5,
        color="#666666",
    )
    return save(fig, path)


def _index_name(code: str) -> str:
    return {"ss": "Shapley-Shubik", "bz": "normalised Banzhaf", "holler": "Holler", "dp": "Deegan-Packel"}.get(
        code, code
    )


def rollcall(
    decision: Mapping[str, Any],
    path: str | Path | None = None,
    explanation: str | None = None,
) -> Figure:
    """One vote's roll call: every seat as a tile coloured by its vote, permanent seats outlined,
    the outcome and the rules engine's explanation in the title.

    ``decision`` is shaped like :meth:`unsc.record.Store.decision` (a decisions row plus
    ``votes: [{member, member_name, permanent, vote}]``).

    >>> d = {"decision_id": "S/2024/239", "date": "2024-03-22", "adopted": False,
    ...      "explanation": "Not adopted: vetoed by China and the Russian Federation.",
    ...      "votes": [{"member": "CHN", "member_name": "China", "permanent": True, "vote": "N"},
    ...                {"member": "GUY", "member_name": "Guyana", "permanent": False, "vote": "A"}]}
    >>> len(rollcall(d).axes[0].patches)
    2
    """
    votes: Sequence[Mapping[str, Any]] = decision.get("votes") or []
    order = sorted(
        votes,
        key=lambda v: (
            not bool(v.get("permanent")),
            P5_SEATS.index(seat_of(v["member"])) if seat_of(v["member"]) in P5_SEATS else 0,
            str(v.get("member_name") or v["member"]),
        ),
    )
    fig, ax = _figure()
    ax.grid(False)
    ax.set_axis_off()
    n = max(len(order), 1)
    per_row = 8 if n > 8 else n
    rows = (n + per_row - 1) // per_row
    for i, v in enumerate(order):
        r, c = divmod(i, per_row)
        x, y = c * 1.1, -r * 1.25
        code = str(v.get("vote") or "X")
        colour = VOTE_COLOURS.get(code, VOTE_COLOURS["X"])
        perm = bool(v.get("permanent"))
        ax.add_patch(
            matplotlib.patches.FancyBboxPatch(
                (x, y),
                1.0,
                1.0,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor=colour,
                edgecolor="#222222" if perm else "white",
                linewidth=3 if perm else 1,
            )
        )
        name = str(v.get("member_name") or v["member"])
        ax.text(x + 0.5, y + 0.62, v["member"], ha="center", va="center", fontsize=15, fontweight="bold", color="white")
        ax.text(
            x + 0.5,
            y + 0.33,
            textwrap.shorten(name.title() if name.isupper() else name, 22, placeholder="…"),
            ha="center",
            va="center",
            fontsize=8,
            color="white",
        )
        ax.text(
            x + 0.5,
            y + 0.13,
            _VOTE_WORDS.get(code, code) + (" · P5" if perm else ""),
            ha="center",
            va="center",
            fontsize=8,
            color="white",
        )
    ax.set_xlim(-0.2, per_row * 1.1)
    ax.set_ylim(-(rows - 1) * 1.25 - 0.3, 1.2)
    ax.set_aspect("equal")
    tally = {k: sum(1 for v in votes if (v.get("vote") or "X") == k) for k in "YNAX"}
    symbol = decision.get("draft") or decision.get("decision_id") or ""
    res = decision.get("resolution")
    outcome = "ADOPTED" if decision.get("adopted") else "NOT ADOPTED"
    date = str(decision.get("date") or "")[:10]
    head = (
        f"{symbol}{f' → resolution {res}' if res else ''} ({date}): {outcome}, {tally['Y']}-{tally['N']}-{tally['A']}"
    )
    ax.set_title(head, loc="left", fontsize=15, fontweight="bold", pad=30)
    text = explanation or decision.get("explanation") or ""
    if text:
        ax.text(
            0,
            1.02,
            textwrap.fill(str(text), 150),
            transform=ax.transAxes,
            fontsize=9.5,
            color="#333333",
            va="bottom",
            ha="left",
        )
    legend = [matplotlib.patches.Patch(color=VOTE_COLOURS[k], label=_VOTE_WORDS[k]) for k in "YNAX"]
    ax.legend(handles=legend, loc="lower center", ncol=4, frameon=False, bbox_to_anchor=(0.5, -0.12))
    fig.subplots_adjust(left=0.03, right=0.97, top=0.86, bottom=0.12)
    _attribution(fig, "outcome re-decided by the unsc rules engine")
    return save(fig, path)
