"""Charts of the record and of voting power (matplotlib): one call each, ready to publish.

Every function draws into ``ax`` when given one (and returns that Axes, so charts go into your own
figures), else makes a figure of 1200 x 675 pixels (``FIGSIZE`` at ``DPI``) and returns it; given
``path`` it is saved in any format matplotlib writes (by the suffix: .png, .svg, .pdf, .jpg, ...).
Importing this module never changes your matplotlib backend or style: charts are drawn on
:class:`matplotlib.figure.Figure` objects with a local style. Charts of the record credit the sources
the plotted rows actually came from (:func:`attribution`).

>>> import pandas as pd
>>> v = pd.DataFrame({"date": pd.to_datetime(["2024-03-22", "2024-03-22"]), "member": ["CHN", "RUS"],
...                   "draft": ["S/2024/239"] * 2, "sources": [["dhl_veto"], ["dhl_veto"]]})
>>> fig = vetoes_per_year(v)
>>> fig.axes[0].get_title(loc="left")
'Vetoes per year, by permanent member'
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import matplotlib as mpl
import matplotlib.patches as mpatches
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from unsc.analysis.power import PowerIndices

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType
from unsc.analysis.stats import P5_SEATS, SEAT_NAMES, filter_dates, proper_name, seat_of, veto_counts

__all__ = [
    "ATTRIBUTION",
    "DPI",
    "FIGSIZE",
    "MEMBER_COLOURS",
    "SOURCE_CREDITS",
    "VOTE_COLOURS",
    "adoption_rates",
    "agreement_heatmap",
    "attribution",
    "power_bars",
    "rollcall",
    "save",
    "vetoes_by",
    "vetoes_per_year",
]

FIGSIZE = (12.0, 6.75)
DPI = 100
#: The credit when the sources of the plotted rows are not known.
ATTRIBUTION = "Data: UN Dag Hammarskjöld Library"
#: How each source id of the record (``sources``, ``source``, ``votes_source`` columns) is credited:
#: (publisher, what of theirs), grouped by publisher in the credit line.
SOURCE_CREDITS: dict[str, tuple[str, str]] = {
    "undl_csv": ("UN Dag Hammarskjöld Library", "voting data"),
    "undl_wide": ("UN Digital Library", "voting records, third-party scrape"),
    "dhl_veto": ("UN Dag Hammarskjöld Library", "veto list"),
    "dhl_meetings": ("UN Dag Hammarskjöld Library", "meetings tables"),
    "voting_agent": ("Voting-Agent", "github.com/oliverunv"),
    "wpdl_veto": ("World Politics Data Lab", "veto data"),
    "tong_failed": ("E. Tong", "unsc_for_us"),
    "tong_meetings": ("E. Tong", "unsc_for_us"),
    "terms": ("UN DPPA", "membership"),
    "membership": ("UN DPPA", "membership"),
}
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
#: Text on a vote tile: dark on the light tiles (abstain, not voting), white on the dark ones.
_TILE_TEXT: dict[str, str] = {"Y": "white", "N": "white", "A": "#1a1a1a", "X": "#1a1a1a"}
_VOTE_WORDS = {"Y": "yes", "N": "no", "A": "abstain", "X": "not voting"}
_STYLE: dict[RcKeyType, Any] = {
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


def _figure(ax: Axes | None = None) -> tuple[Figure, Axes]:
    """A new styled figure and axes, or ``ax``'s figure (the user's style is left alone)."""
    if ax is not None:
        return ax.get_figure(), ax  # type: ignore[return-value]
    with mpl.rc_context(_STYLE):
        fig = Figure(figsize=FIGSIZE, dpi=DPI)
        new = fig.add_subplot(1, 1, 1)
    return fig, new


def attribution(sources: Iterable[Any] | None) -> str:
    """The credit line for the sources the plotted rows came from, most used first.

    ``sources`` is any iterable of source ids or of lists of them (a ``sources`` or ``source`` column).

    >>> attribution([["dhl_veto", "wpdl_veto"], ["dhl_veto"], "voting_agent"])
    'Data: UN Dag Hammarskjöld Library (veto list); Voting-Agent (github.com/oliverunv); World Politics Data Lab (veto data)'
    >>> attribution(None) == ATTRIBUTION
    True
    """
    if sources is None:
        return ATTRIBUTION
    counts: Counter[str] = Counter()
    items: dict[str, list[str]] = {}
    for item in sources:
        if item is None or (isinstance(item, float) and item != item):
            continue
        for s in [item] if isinstance(item, str) else list(item):
            publisher, what = SOURCE_CREDITS.get(str(s), (str(s), ""))
            counts[publisher] += 1
            if what and what not in items.setdefault(publisher, []):
                items[publisher].append(what)
    if not counts:
        return ATTRIBUTION
    names = [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "Data: " + "; ".join(f"{n} ({', '.join(items[n])})" if items.get(n) else n for n in names)


def _credit(fig: Figure, text: str, extra: str = "") -> None:
    """The credit line at the foot of the figure (wrapped, never cut); the plot moves up to make room."""
    line = textwrap.fill(text + (f" · {extra}" if extra else ""), 200)
    fig.text(0.985, 0.008, line, ha="right", va="bottom", fontsize=8.5, color="#555555")
    extra_lines = line.count("\n")
    if extra_lines:
        fig.subplots_adjust(bottom=fig.subplotpars.bottom + 0.022 * extra_lines)


def _column_sources(df: pd.DataFrame | None) -> Any:
    if df is None:
        return None
    for col in ("sources", "source", "votes_source"):
        if col in df:
            return df[col].tolist()
    return None


def _done(fig: Figure, ax: Axes, own: bool, path: str | Path | None) -> Any:
    if not own:
        return ax
    return save(fig, path)


def save(fig: Figure, path: str | Path | None) -> Figure:
    """Save in the format the suffix names (any matplotlib writes) at the fixed pixel size; returns the figure.

    An unsupported suffix is a ``ValueError`` listing the ones that work.

    >>> import tempfile, os
    >>> fig, _ = _figure()
    >>> p = os.path.join(tempfile.mkdtemp(), "x.png")
    >>> save(fig, p) is fig and open(p, "rb").read(4) == b"\\x89PNG"
    True
    >>> save(fig, "chart.xyz")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: chart.xyz: matplotlib cannot write '.xyz' files; use one of ... .pdf, ... .png, ... .svg, ...
    """
    if path is None:
        return fig
    p = Path(path)
    fmt = p.suffix.lower().lstrip(".")
    supported = sorted(fig.canvas.get_supported_filetypes())
    if fmt not in supported:
        shown = ", ".join(f".{s}" for s in supported)
        raise ValueError(f"{p}: matplotlib cannot write '.{fmt}' files; use one of {shown}")
    p.parent.mkdir(parents=True, exist_ok=True)
    with mpl.rc_context(_STYLE):
        fig.savefig(p, format=fmt, dpi=DPI)
    return fig


def _filters_text(since: Any = None, until: Any = None, member: str | None = None) -> str:
    parts = []
    if member:
        parts.append(f"{SEAT_NAMES.get(seat_of(member), member)} only")
    if since is not None or until is not None:
        parts.append(f"{since or 'start'}–{until or 'latest'}")
    return ", ".join(parts)


def _stacked_by_seat(ax: Axes, table: pd.DataFrame, x: np.ndarray, horizontal: bool = False) -> np.ndarray:
    """Bars stacked by permanent seat (member-level counts); returns the totals."""
    total = np.zeros(len(x))
    for seat in (*P5_SEATS, "SUN"):
        if seat not in table or not table[seat].any():
            continue
        vals = table[seat].to_numpy(dtype=float)
        colour, label = MEMBER_COLOURS[seat], SEAT_NAMES[seat]
        if horizontal:
            ax.barh(x, vals, left=total, height=0.7, color=colour, label=label)
        else:
            ax.bar(x, vals, bottom=total, width=0.85, color=colour, label=label)
        total += vals
    return total


def vetoes_per_year(
    vetoes: pd.DataFrame,
    path: str | Path | None = None,
    since: Any = None,
    until: Any = None,
    title: str | None = None,
    member: str | None = None,
    ax: Axes | None = None,
) -> Any:
    """Stacked bars: vetoes cast per year by each permanent seat (member-level counts; the USSR's
    vetoes count for the Russia/USSR seat), with the number of vetoed drafts as a line. ``member``
    (a code) keeps that seat's vetoes only, and the title says so.
    """
    return vetoes_by(vetoes, "year", path, since=since, until=until, title=title, member=member, ax=ax)


_BY_WORDS = {
    "year": "year",
    "decade": "decade",
    "period": "period",
    "topic": "topic",
    "issue": "issue",
    "member": "permanent member",
}


def vetoes_by(
    vetoes: pd.DataFrame,
    by: str = "year",
    path: str | Path | None = None,
    since: Any = None,
    until: Any = None,
    decisions: pd.DataFrame | None = None,
    title: str | None = None,
    member: str | None = None,
    top: int = 15,
    ax: Axes | None = None,
) -> Any:
    """Veto counts by ``year``, ``decade``, ``period``, ``topic`` (the ``top`` topics) or ``member``, as
    bars stacked by permanent seat, the chart of :func:`unsc.analysis.stats.veto_counts` with the same
    ``by``. ``member`` (a code) keeps one permanent seat's vetoes. The title names the grouping and
    every filter (``member``, ``since``, ``until``).

    >>> v = pd.DataFrame({"date": pd.to_datetime(["1956-10-30", "1956-10-30", "1970-03-17"]),
    ...                   "draft": ["S/3710", "S/3710", "S/9696"], "member": ["FRA", "GBR", "GBR"]})
    >>> ax = vetoes_by(v, "decade").axes[0]
    >>> ax.get_title(loc="left"), [t.get_text() for t in ax.get_xticklabels()]
    ('Vetoes per decade, by permanent member', ['1950s', '1970s'])
    """
    if by not in _BY_WORDS:
        raise ValueError(f"unknown grouping {by!r}: expected member, year, decade, period, topic or issue")
    if member:  # the rows of that permanent seat only (the USSR's with Russia's), as the title says
        vetoes = vetoes[vetoes["member"].map(seat_of) == seat_of(member)]
    table = veto_counts(vetoes, by=by, decisions=decisions, since=since, until=until)
    own = ax is None
    fig, ax = _figure(ax)
    if since is not None and until is None and len(vetoes) and "date" in vetoes:  # name the real end, not "latest"
        last = filter_dates(vetoes, since, None)["date"]
        until_text = str(pd.to_datetime(last).max().year) if len(last) else None
    else:
        until_text = until
    filters = _filters_text(since, until_text, member)
    if by == "member":
        default = "Vetoes by permanent member"
    elif by == "topic":
        default = f"Vetoes by topic, the {min(top, len(table))} most vetoed topics"
    elif by == "issue":
        default = "Vetoes by coded issue"
    else:
        default = f"Vetoes per {by}" + ("" if member else ", by permanent member")
    ax.set_title(title or default + (f" ({filters})" if filters else ""), loc="left")
    _VETO_DRAWERS.get(by, _draw_vetoes_over_groups)(ax, table, by, top)
    horizontal = by in ("topic", "issue")
    if not horizontal:
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # no half vetoes
    if by != "member":
        ax.legend(frameon=False, ncol=6, loc="lower right" if horizontal else "upper right", fontsize=10)
    if own:
        fig.subplots_adjust(
            left=0.3 if by == "topic" else 0.16 if by == "issue" else 0.07, right=0.98, top=0.9, bottom=0.12
        )
        _credit(fig, attribution(_column_sources(vetoes)), "merged by unsc")
    return _done(fig, ax, own, path)


def _draw_vetoes_per_year(ax: Axes, table: pd.DataFrame, by: str, top: int) -> None:
    table = table[table.index.notna()]
    if len(table):
        years = np.arange(int(table.index.min()), int(table.index.max()) + 1)
        table = table.reindex(years, fill_value=0)
        total = _stacked_by_seat(ax, table, years)
        ax.plot(years, table["drafts"], color="#222222", lw=1.1, marker=".", ms=4, label="drafts vetoed")
        ax.set_xlim(years[0] - 1, years[-1] + 1)
        ax.set_ylim(0, max(float(total.max()), float(table["drafts"].max())) * 1.2)  # room for the legend
    ax.set_xlabel("year")
    ax.set_ylabel("vetoes (a draft vetoed by two members counts twice)")
    ax.grid(axis="x", visible=False)


def _draw_vetoes_per_member(ax: Axes, table: pd.DataFrame, by: str, top: int) -> None:
    seats = list(table.index)
    x = np.arange(len(seats))
    sole = table["sole"].to_numpy(dtype=float)
    joint = table["joint"].to_numpy(dtype=float)
    colours = [MEMBER_COLOURS.get(s, "#777777") for s in seats]
    ax.bar(x, sole, color=colours, width=0.7, label="alone")
    joint_style: dict[str, Any] = {"alpha": 0.45, "hatch": "//", "edgecolor": "white"}
    ax.bar(x, joint, bottom=sole, color=colours, width=0.7, label="with another member", **joint_style)
    for i, n in enumerate(sole + joint):
        ax.text(i, n, f"{int(n)}", ha="center", va="bottom", fontsize=10)
    ax.set_xticks(x, [SEAT_NAMES.get(s, s) for s in seats])
    ax.set_ylabel("drafts vetoed (each member's own count)")
    ax.set_ylim(0, max(float((sole + joint).max()), 1.0) * 1.15)
    ax.grid(axis="x", visible=False)
    ax.legend(
        handles=[
            mpatches.Patch(facecolor="#777777", label="vetoed alone"),
            mpatches.Patch(facecolor="#777777", label="vetoed with another permanent member", **joint_style),
        ],
        frameon=False,
        loc="upper left",
        fontsize=10,
    )


def _draw_vetoes_per_topic(ax: Axes, table: pd.DataFrame, by: str, top: int) -> None:
    table = table.sort_values(["member_vetoes", "drafts"], ascending=False, kind="stable").head(top).iloc[::-1]
    y = np.arange(len(table))
    _stacked_by_seat(ax, table, y, horizontal=True)
    ax.set_yticks(y, [textwrap.shorten(str(i), 45, placeholder="…") for i in table.index])
    ax.set_xlabel("vetoes (a draft vetoed by two members counts twice)")
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))


def _draw_vetoes_over_groups(ax: Axes, table: pd.DataFrame, by: str, top: int) -> None:
    """Decades or periods."""
    x = np.arange(len(table))
    total = _stacked_by_seat(ax, table, x)
    ax.plot(x, table["drafts"], color="#222222", lw=0, marker="D", ms=6, label="drafts vetoed")
    ax.set_xticks(x, [str(i) for i in table.index])
    ax.set_xlabel(by)
    ax.set_ylabel("vetoes (a draft vetoed by two members counts twice)")
    ax.set_ylim(0, max(float(total.max()) if len(total) else 1.0, 1.0) * 1.2)
    ax.grid(axis="x", visible=False)


_VETO_DRAWERS = {
    "year": _draw_vetoes_per_year,
    "member": _draw_vetoes_per_member,
    "topic": _draw_vetoes_per_topic,
    "issue": _draw_vetoes_per_topic,
}


def agreement_heatmap(
    matrix: pd.DataFrame,
    path: str | Path | None = None,
    title: str = "Voting agreement",
    subtitle: str = "",
    labels: Mapping[str, str] | None = None,
    counts: pd.DataFrame | None = None,
    sources: Iterable[Any] | None = None,
    ax: Axes | None = None,
) -> Any:
    """Heat map of a pairwise agreement matrix (:func:`unsc.analysis.stats.agreement_matrix`), on the
    whole 0..1 scale (0 = always opposed, 1 = always the same), with the number of decisions behind each
    pair from ``counts`` (``with_counts=True``) printed in its cell.

    >>> m = pd.DataFrame([[1.0, 0.8], [0.8, 1.0]], index=["USA", "FRA"], columns=["USA", "FRA"])
    >>> agreement_heatmap(m).axes[0].get_title(loc="left")
    'Voting agreement'
    """
    own = ax is None
    fig, ax = _figure(ax)
    names = [(labels or SEAT_NAMES).get(c, c) for c in matrix.columns]
    data = matrix.to_numpy(dtype=float)
    n = counts.reindex(index=matrix.index, columns=matrix.columns).to_numpy() if counts is not None else None
    im = ax.imshow(data, cmap="viridis", vmin=0.0, vmax=1.0, aspect="auto")
    ax.grid(False)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    rotate = len(names) > 6
    ax.set_xticks(range(len(names)), names, rotation=45 if rotate else 0, ha="right" if rotate else "center")
    ax.set_yticks(range(len(names)), names)
    if len(names) <= 12:
        for i in range(len(names)):
            for j in range(len(names)):
                if not np.isfinite(data[i, j]):
                    ax.text(j, i, "no common\nvotes", ha="center", va="center", fontsize=8.5, color="#444444")
                    continue
                colour = "white" if data[i, j] < 0.6 else "black"  # viridis is dark below 0.6
                label = f"{data[i, j]:.2f}"
                if n is not None and i != j:
                    label += f"\nn = {int(n[i, j])}"
                ax.text(j, i, label, ha="center", va="center", fontsize=10, color=colour)
    cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
    cb.set_label("agreement (0 = always opposed, 1 = always the same)")
    ax.set_title(title, loc="left", pad=26 if subtitle else 8)
    if subtitle:
        ax.text(0, 1.02, subtitle, transform=ax.transAxes, fontsize=10, color="#444444", va="bottom")
    if own:
        fig.subplots_adjust(left=0.16, right=0.95, top=0.86, bottom=0.12)
        _credit(fig, attribution(sources), "agreement computed by unsc")
    return _done(fig, ax, own, path)


def adoption_rates(
    table: pd.DataFrame,
    path: str | Path | None = None,
    through: Any = None,
    title: str = "Adoption, unanimity and contested votes",
    sources: Iterable[Any] | None = None,
    ax: Axes | None = None,
) -> Any:
    """Lines of :func:`unsc.analysis.stats.adoption_over_time`'s rates per year or decade. ``through``
    is the date of the last decision in the record: a year (or decade) it ends inside is drawn dashed
    and labelled "to <date>", so a partial year does not read as a collapse.

    >>> t = pd.DataFrame({"adoption_rate": [1.0, 0.9], "unanimity_rate": [0.8, 0.5], "contested_rate": [0.1, 0.3],
    ...                   "decisions": [60, 12]}, index=pd.Index([2024, 2025], name="year"))
    >>> ax = adoption_rates(t, through="2025-03-01").axes[0]
    >>> ax.get_ylabel(), ax.get_xlabel()
    ('share (%)', 'year')
    """
    own = ax is None
    fig, ax = _figure(ax)
    by = table.index.name or "year"
    x = np.asarray(table.index, dtype=float)
    partial = None
    if through is not None and len(x):
        end = pd.Timestamp(through)
        last = int(x[-1])
        period_end = dt.date(last, 12, 31) if by == "year" else dt.date(last + 9, 12, 31)
        if end.date() < period_end:
            partial = (last, end.date())
    series = (
        ("adoption_rate", "#2e9e4f", "adopted / decisions"),
        ("unanimity_rate", "#2c5fa8", "unanimous / recorded votes"),
        ("contested_rate", "#d1342f", "at least one vote against / recorded votes"),
    )
    for col, colour, label in series:
        y = table[col].to_numpy(dtype=float)
        whole = slice(None, -1) if partial else slice(None)
        ax.plot(x[whole], y[whole], color=colour, lw=1.8, label=label)
        if partial and len(x) >= 2:
            ax.plot(x[-2:], y[-2:], color=colour, lw=1.8, ls=(0, (2, 2)))
            ax.plot(x[-1:], y[-1:], color=colour, marker="o", mfc="white", ms=6)
        elif partial:
            ax.plot(x, y, color=colour, marker="o", mfc="white", ms=6)
    if partial:
        label = f"{partial[0]}{'s' if by == 'decade' else ''}: partial, to {partial[1]:%d %b %Y}"
        n = int(table["decisions"].iloc[-1]) if "decisions" in table else None
        ax.plot(
            [],
            [],
            color="#555555",
            lw=1.8,
            ls=(0, (2, 2)),
            marker="o",
            mfc="white",
            label=label + (f" ({n} decisions)" if n is not None else ""),
        )
        ax.axvspan(
            x[-1] - 0.5 * (10 if by == "decade" else 1),
            x[-1] + 0.5 * (10 if by == "decade" else 1),
            color="#f0f0f0",
            zorder=0,
        )
    ax.set_ylim(0, 1.04)
    ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(by)
    ax.set_ylabel("share (%)")
    ax.set_title(title, loc="left", pad=30)
    ax.legend(
        frameon=False,
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=4 if partial else 3,
        fontsize=9.5,
        borderaxespad=0.2,
    )
    if own:
        fig.subplots_adjust(left=0.07, right=0.98, top=0.86, bottom=0.12)
        _credit(fig, attribution(sources), "rates computed by unsc")
    return _done(fig, ax, own, path)


def power_bars(
    results: Mapping[str, PowerIndices],
    index: str = "ss",
    path: str | Path | None = None,
    title: str | None = None,
    ax: Axes | None = None,
) -> Any:
    """For each scenario, a bar split by seat group: the share of power each group holds (the
    group's per-seat value times its seats), labelled with the per-seat value.

    >>> from unsc.analysis.scenarios import get_scenario
    >>> fig = power_bars({"today": get_scenario("charter-today").power(["ss"])})
    >>> len(fig.axes[0].patches)
    2
    """
    own = ax is None
    fig, ax = _figure(ax)
    palette = ["#c0392b", "#e6a100", "#8e44ad", "#1b9e9a", "#2c5fa8", "#a0522d"]  # elected seats: grey
    group_colour: dict[str, str] = {}
    names = list(results)
    for row, name in enumerate(names):
        res = results[name]
        vals = res.values[index]
        left = 0.0
        for label, count, v in zip(res.labels, res.counts, vals, strict=True):
            share = float(v) * count
            if label.startswith("elected") or label in ("other seats", "member"):
                colour = "#5f6b78"
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
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel(f"share of {_index_name(index)} power held by each seat group (per-seat value in the bar)")
    ax.grid(axis="y", visible=False)
    ax.set_title(title or f"Voting power under the Charter and reform models ({_index_name(index)})", loc="left")
    if own:
        fig.subplots_adjust(left=0.2, right=0.98, top=0.9, bottom=0.12)
        _credit(fig, "unsc: exact a priori indices (binary yes / not-yes game); no voting data used")
    return _done(fig, ax, own, path)


def _index_name(code: str) -> str:
    return {"ss": "Shapley-Shubik", "bz": "normalised Banzhaf", "holler": "Holler", "dp": "Deegan-Packel"}.get(
        code, code
    )


def rollcall(
    decision: Mapping[str, Any],
    path: str | Path | None = None,
    explanation: str | None = None,
) -> Figure:
    """One vote's roll call: every seat as a tile coloured by its vote (and the vote in words),
    permanent seats outlined; the outcome as the title and the rules engine's explanation below it.

    ``decision`` is shaped like :meth:`unsc.record.Store.decision` (a decisions row plus
    ``votes: [{member, member_name, permanent, vote, source}]``). The layout makes room for an
    explanation of any length, so the title never overlaps it.

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
        ink = _TILE_TEXT.get(code, "#1a1a1a")
        perm = bool(v.get("permanent"))
        ax.add_patch(
            mpatches.FancyBboxPatch(
                (x, y),
                1.0,
                1.0,
                boxstyle="round,pad=0.02,rounding_size=0.08",
                facecolor=colour,
                edgecolor="#222222" if perm else "white",
                linewidth=3 if perm else 1,
            )
        )
        name = proper_name(str(v.get("member_name") or v["member"]))
        ax.text(x + 0.5, y + 0.62, v["member"], ha="center", va="center", fontsize=15, fontweight="bold", color=ink)
        ax.text(
            x + 0.5,
            y + 0.33,
            textwrap.shorten(name, 22, placeholder="…"),
            ha="center",
            va="center",
            fontsize=8,
            color=ink,
        )
        ax.text(
            x + 0.5,
            y + 0.13,
            _VOTE_WORDS.get(code, code) + (" · P5" if perm else ""),
            ha="center",
            va="center",
            fontsize=8,
            color=ink,
        )
    ax.set_xlim(-0.2, per_row * 1.1)
    ax.set_ylim(-(rows - 1) * 1.25 - 0.3, 1.2)
    ax.set_aspect("equal")
    tally = {k: sum(1 for v in votes if (v.get("vote") or "X") == k) for k in "YNAX"}
    symbol = decision.get("draft") or decision.get("decision_id") or ""
    res = decision.get("resolution")
    outcome = "ADOPTED" if decision.get("adopted") else "NOT ADOPTED"
    date = str(decision.get("date") or "")[:10]
    if res and (not decision.get("draft") or str(symbol).upper().startswith("S/RES")):
        name = f"Resolution {res}"  # "S/RES/82(1950) → resolution 82 (1950)" said it twice
    else:
        name = f"{symbol}{f' → resolution {res}' if res else ''}"
    head = f"{name} ({date}): {outcome}, {tally['Y']}-{tally['N']}-{tally['A']}"
    text = explanation or decision.get("explanation") or ""
    lines = textwrap.wrap(str(text), 160) if text else []
    # the title, then the explanation, then the tiles: each gets its own band of the figure
    top = 0.965
    fig.text(0.03, top, head, ha="left", va="top", fontsize=15, fontweight="bold", color="#111111")
    if lines:
        fig.text(
            0.03, top - 0.06, "\n".join(lines), ha="left", va="top", fontsize=9.5, color="#333333", linespacing=1.35
        )
    band = 0.06 + 0.032 * len(lines) + 0.03
    legend = [mpatches.Patch(color=VOTE_COLOURS[k], label=_VOTE_WORDS[k]) for k in "YNAX"]
    ax.legend(handles=legend, loc="upper center", ncol=4, frameon=False, bbox_to_anchor=(0.5, -0.02))
    fig.subplots_adjust(left=0.03, right=0.97, top=top - band, bottom=0.1)
    _credit(
        fig,
        attribution([v.get("source") for v in votes] or decision.get("sources")),
        "outcome re-decided by the unsc rules engine",
    )
    return save(fig, path)
