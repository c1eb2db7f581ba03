"""`unsc` commands for the analysis layer: power, scenarios, replay, stats and plots.

Heavy modules load inside the commands so that ``unsc --help`` stays fast. Errors print one clear
line: exit code 2 for bad input (an unknown value, member, date or file type), 1 for failures (no store).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from unsc.cli._shared import decision_or_exit
from unsc.cli._shared import echo_json as _echo_json
from unsc.cli._shared import fail as _fail
from unsc.cli._shared import open_store_or_exit as _store

INDEX_HELP = "Index: ss, bz (normalised Banzhaf), pb (Penrose), coleman, holler, dp, johnston, or all."


def _frame_json(df: Any) -> list[dict[str, Any]]:
    import math

    out = []
    for rec in df.reset_index().to_dict("records"):
        row = {}
        for k, v in rec.items():
            if hasattr(v, "isoformat"):
                v = v.isoformat()[:10]
            elif hasattr(v, "item"):
                v = v.item()
            if isinstance(v, float) and math.isnan(v):
                v = None
            row[str(k)] = v
        out.append(row)
    return out


def _print_table(df: Any, title: str, floats: str = "{:.3f}") -> None:
    """Print a frame as Rich tables; columns that do not fit the terminal go to further tables.

    Squeezing fifteen columns into 80 left "y…", "0.…" in every cell; instead the first column (the
    row labels) is repeated in each part and every value is printed whole.
    """
    from pandas.api.types import is_numeric_dtype
    from rich.console import Console
    from rich.table import Table

    con = Console()
    if df.empty:  # a header with no rows read like a broken table
        con.print(f"{title}: none in the selected period")
        return
    frame = df.reset_index()
    headers = [str(c) for c in frame.columns]
    right = [is_numeric_dtype(frame[c]) for c in frame.columns]
    rows = []
    for rec in frame.itertuples(index=False):
        cells = []
        for v in rec:
            if isinstance(v, float):
                cells.append("" if v != v else floats.format(v))
            elif hasattr(v, "isoformat"):
                cells.append(v.isoformat()[:10])
            else:
                cells.append(str(v))
        rows.append(cells)
    # the width a column needs: its longest word of header or cell, plus padding and a border
    need = [3 + max([len(w) for w in h.split()] + [len(r[i]) for r in rows] or [1]) for i, h in enumerate(headers)]
    need[0] = min(need[0], 28)  # long row labels (topics) wrap instead of crowding out the values
    parts: list[list[int]] = []
    for i in range(1, len(headers)):
        if not parts or need[0] + 1 + sum(need[k] for k in parts[-1]) + need[i] > con.width:
            parts.append([])
        parts[-1].append(i)
    parts = parts or [[]]
    for n, cols in enumerate(parts, 1):
        t = Table(title=title if len(parts) == 1 else f"{title} ({n}/{len(parts)})", show_lines=False)
        for k in (0, *cols):
            t.add_column(headers[k], justify="right" if right[k] else "left", max_width=need[k] - 3 if k == 0 else None)
        for r in rows:
            t.add_row(*[r[k] for k in (0, *cols)])
        con.print(t)


def power(
    date: str | None = typer.Option(None, "--date", help="The Charter Council on this date (YYYY-MM-DD)."),
    scenario: str | None = typer.Option(None, "--scenario", help="A reform preset (see `unsc scenarios`)."),
    spec: Path | None = typer.Option(None, "--spec", help="A scenario file (JSON or TOML)."),
    index: str = typer.Option("all", "--index", help=INDEX_HELP),
    ternary: bool = typer.Option(False, "--ternary", help="Add the yes/abstain/no model of the practice."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON (exact fractions as strings, and floats)."),
) -> None:
    """Exact voting power of the Council on a date, of a reform scenario, or of a spec file."""
    from unsc.analysis.power import ALL_INDICES, INDEX_NAMES, TernaryCouncil, council_game
    from unsc.analysis.scenarios import ScenarioError, get_scenario, load_scenario
    from unsc.rules import Council

    if sum(x is not None for x in (date, scenario, spec)) > 1:
        _fail("give one of --date, --scenario, --spec", 2)
    codes = [c.strip() for c in index.split(",")]
    try:
        if spec is not None:
            sc = load_scenario(spec)
            res, tern, about = sc.power(codes), sc.ternary(), sc.to_dict()
        elif scenario is not None:
            sc = get_scenario(scenario)
            res, tern, about = sc.power(codes), sc.ternary(), sc.to_dict()
        else:
            council = Council.on(date or __import__("datetime").date.today())
            res = council_game(council).power(codes)
            tern = TernaryCouncil.of(council)
            about = {
                "date": council.date.isoformat() if council.date else None,
                "seats": council.size,
                "threshold": council.threshold,
                "permanent": list(council.permanent),
                "vetoes_needed": council.vetoes_needed,
            }
    except (ScenarioError, ValueError) as e:
        _fail(str(e), 2)
        return
    out = {"council": about, **res.to_dict(codes)}
    out["model"] = "binary: a coalition wins with the threshold of yes votes unless a veto holder is outside it"
    if ternary:
        out["ternary"] = tern.to_dict()
    if as_json:
        _echo_json(out)
        return
    from rich.console import Console
    from rich.table import Table

    wanted = ALL_INDICES if "all" in codes else codes
    keys = [k for c in wanted for k in (("coleman_prevent", "coleman_initiate") if c == "coleman" else (c,))]
    seats = "" if f"{res.n} seats" in res.game else f"{res.n} seats, "
    t = Table(title=f"{res.game}: {seats}{about.get('threshold')} votes needed")
    # one row per index, one column per seat group: the table stays readable in 80 columns
    # (seven indices side by side did not); digits fold rather than being cut off
    t.add_column("index", min_width=16)
    for g in out["groups"]:
        t.add_column(f"{g['label']}\n({g['seats']} seats)", justify="right", overflow="fold")
    for k in keys:
        cells = [f"{g[k]['exact']}\n≈ {g[k]['float']:.6f}" if k in g else "" for g in out["groups"]]
        t.add_row(INDEX_NAMES[k], *cells)
    con = Console()
    con.print(t)
    if "coleman_act" in out:
        con.print(
            f"Coleman power of the collectivity to act: {out['coleman_act']['exact']} ≈ "
            f"{out['coleman_act']['float']:.6f}"
        )
    if ternary:
        con.print(
            f"Ternary model (Y/A/N each 1/3, abstaining veto holders do not block): P(pass) = "
            f"{out['ternary']['p_pass']['exact']} ≈ {out['ternary']['p_pass']['float']:.6f}"
        )


def scenarios(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List the reform scenario presets with their seats, thresholds and veto rules."""
    from unsc.analysis.scenarios import PRESETS

    if as_json:
        _echo_json([s.to_dict() for s in PRESETS.values()])
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title="Scenario presets (use with `unsc power --scenario NAME` and `unsc replay`)")
    # the name is what the user types next: never cut it ("charter-19…" at 80 columns)
    t.add_column("name", no_wrap=True, min_width=max(len(n) for n in PRESETS))
    for c in ("seats", "votes needed", "veto holders", "vetoes to block"):
        t.add_column(c, justify="right", width=max(len(w) for w in c.split()))
    t.add_column("description")
    for s in PRESETS.values():
        t.add_row(s.name, str(s.size), str(s.threshold), str(s.veto_holders), str(s.vetoes_needed), s.title)
    Console().print(t)


def replay(
    scenario: str = typer.Option(..., "--scenario", help="A preset name or a .json/.toml scenario file."),
    since: str | None = typer.Option(None, "--since", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", help="Up to this year or date."),
    show_all: bool = typer.Option(False, "--all", help="List every replayed decision, not only the changes."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Replay the record under a scenario's rule: which drafts would have passed or failed."""
    from unsc.analysis.scenarios import ScenarioError, get_scenario, replay_summary
    from unsc.analysis.scenarios import replay as run_replay
    from unsc.analysis.stats import filter_dates

    try:
        sc = get_scenario(scenario)
    except ScenarioError as e:
        _fail(str(e), 2)
        return
    s = _store(store)
    decisions = filter_dates(s.decisions(), since, until)
    result = run_replay(sc, decisions, s.votes())
    summary = replay_summary(result)
    rows = result if show_all else result[result["changed"] | (result["error"] != "")]
    note = (
        "Only seats that existed vote in a replay; the scenario's threshold is scaled to the historical "
        "Council's size and the veto stays with the historical permanent members if the scenario keeps it."
    )
    if as_json:
        _echo_json(
            {
                "scenario": sc.to_dict(),
                "assumption": note,
                "summary": summary,
                "decisions": _frame_json(rows.drop(columns=["explanation"]) if not show_all else rows),
            }
        )
        return
    from rich.console import Console

    con = Console()
    con.print(
        f"[bold]{sc.title}[/bold]: {summary['replayed']} recorded votes replayed; "
        f"{summary['fail_to_pass']} would pass that failed, {summary['pass_to_fail']} would fail that "
        f"passed ({summary['errors']} could not be replayed)."
    )
    con.print(note)
    if len(rows):
        _print_table(rows[["decision_id", "date", "change", "error"]].head(200).set_index("decision_id"), "changes")


def stats_vetoes(
    by: str = typer.Option(
        "member", "--by", metavar="member|year|decade|period|topic|issue", help="How to group the counts."
    ),
    since: str | None = typer.Option(None, "--since", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", help="Up to this year or date."),
    member: str | None = typer.Option(None, "--member", help="Only this permanent member (code or name)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(
        None,
        "--plot",
        metavar="FILE",
        help="Also draw the counts, grouped as --by, to FILE (.png, .svg, .pdf, ...).",
    ),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Veto counts per member and per draft (joint vetoes counted both ways)."""
    from unsc.analysis.stats import seat_of, veto_counts

    if by not in ("member", "year", "decade", "period", "topic", "issue"):
        _fail(f"unknown --by {by!r}: expected member, year, decade, period, topic or issue", 2)
    s = _store(store)
    v = s.vetoes()
    code = None
    if member:
        code = _member_code(member)
        v = v[v["member"].map(seat_of) == seat_of(code)]
    decisions = s.decisions() if by in ("topic", "issue") else None
    try:
        table = veto_counts(v, by=by, decisions=decisions, since=since, until=until)
    except ValueError as e:
        _fail(str(e), 2)
        return
    if plot is not None:
        from unsc.analysis.plots import vetoes_by

        _draw(vetoes_by, v, by, plot, since=since, until=until, decisions=decisions, member=code)
    if as_json:
        _echo_json(_frame_json(table))
    else:
        _print_table(table, f"Vetoes by {by}")


def stats_agreement(
    since: str | None = typer.Option(None, "--since", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", help="Up to this year or date."),
    member: list[str] | None = typer.Option(None, "--member", help="Members to compare (repeat); default P5."),
    method: str = typer.Option("index", "--method", help="index (Y/A/N = 1/0.5/0) or share (same vote)."),
    contested: bool = typer.Option(False, "--contested", help="Only votes with a no or an abstention."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Also draw the heat map to this .png/.svg file."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Pairwise voting agreement between members (the permanent seats by default)."""
    from unsc.analysis.stats import P5_SEATS, agreement_matrix

    s = _store(store)
    members = [_member_code(m) for m in member] if member else list(P5_SEATS)
    try:
        m, n = agreement_matrix(
            s.votes(),
            s.decisions(),
            members=members,
            method=method,
            since=since,
            until=until,
            contested_only=contested,
            with_counts=True,
        )
    except ValueError as e:
        _fail(str(e), 2)
        return
    if plot is not None:
        from unsc.analysis.plots import agreement_heatmap
        from unsc.analysis.stats import vote_matrix

        used = vote_matrix(s.votes(), s.decisions(), since, until, contested_only=contested)
        dates = s.decisions().set_index("decision_id").reindex(used.index)["date"].dropna()
        span = f"{dates.min():%d %b %Y} to {dates.max():%d %b %Y}" if len(dates) else "no votes"
        scale = "Y/A/N scored 1/0.5/0" if method == "index" else "share of identical votes"
        _draw(
            agreement_heatmap,
            m,
            plot,
            title="Voting agreement of the permanent members"
            if not member
            else f"Voting agreement of {', '.join(members) if len(members) <= 6 else f'{len(members)} members'}",
            subtitle=f"{span}: {len(used)} recorded votes{' (contested only)' if contested else ''}; "
            f"{scale}; n = votes both cast",
            counts=n,
            sources=s.votes(since=since, until=until)["source"].tolist(),
        )
    if as_json:
        _echo_json({"method": method, "agreement": _frame_json(m), "decisions": _frame_json(n)})
    elif not n.size or int(n.values.max()) == 0:  # an all-blank matrix said nothing
        typer.echo(f"Voting agreement ({method}): no recorded votes of these members in the selected period")
    else:
        _print_table(m, f"Voting agreement ({method})")


def stats_adoption(
    since: str | None = typer.Option(None, "--since", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", help="Up to this year or date."),
    by: str = typer.Option("year", "--by", help="year or decade."),
    member: str | None = typer.Option(None, "--member", help="Only decisions on which this member voted."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Also draw the rates to this .png/.svg file."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Adoption rate, unanimity rate and contested votes over time."""
    from unsc.analysis.stats import adoption_over_time

    s = _store(store)
    d = s.decisions()
    if member:
        code = _member_code(member)
        ids = set(s.votes(member=code)["decision_id"])
        d = d[d["decision_id"].isin(ids)]
    try:
        table = adoption_over_time(d, by=by, since=since, until=until)
    except ValueError as e:
        _fail(str(e), 2)
        return
    if plot is not None:
        from unsc.analysis.plots import adoption_rates

        through = s.decisions()["date"].max()
        title = "Adoption, unanimity and contested votes" + (f" (votes with {member})" if member else "")
        _draw(adoption_rates, table, plot, through=through, title=title, sources=d["sources"].tolist())
    if as_json:
        _echo_json(_frame_json(table))
    else:
        _print_table(table, f"Adoption by {by}")


def plot_rollcall(
    symbol: str = typer.Argument(..., help="Draft or resolution symbol, e.g. S/2024/239 or '2728 (2024)'."),
    out: Path = typer.Option(..., "--out", metavar="FILE", help="Output file (.png, .svg, .pdf, .jpg, ...)."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Draw one vote's roll call: seats coloured by vote, outcome and explanation in the title."""
    from unsc.analysis.plots import rollcall

    rec = decision_or_exit(_store(store), symbol)
    if not rec.get("votes"):
        _fail(f"{symbol}: the record has no member votes for this decision, so there is no roll call to draw")
    _draw(rollcall, rec, out)
    typer.echo(str(out))


def plot_vetoes(
    out: Path = typer.Option(..., "--out", metavar="FILE", help="Output file (.png, .svg, .pdf, .jpg, ...)."),
    by: str = typer.Option("year", "--by", metavar="year|decade|period|member|topic|issue", help="How to group."),
    since: str | None = typer.Option(None, "--since"),
    until: str | None = typer.Option(None, "--until"),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Vetoes per year (or --by decade, period, member) by permanent member (stacked bars)."""
    from unsc.analysis.plots import vetoes_by

    if by not in ("member", "year", "decade", "period", "topic", "issue"):
        _fail(f"unknown --by {by!r}: expected year, decade, period, member, topic or issue", 2)
    s = _store(store)
    decisions = s.decisions() if by in ("topic", "issue") else None
    _draw(vetoes_by, s.vetoes(), by, out, since=since, until=until, decisions=decisions)
    typer.echo(str(out))


def plot_power(
    out: Path = typer.Option(..., "--out", metavar="FILE", help="Output file (.png, .svg, .pdf, .jpg, ...)."),
    index: str = typer.Option("ss", "--index", help="ss, bz, holler or dp."),
    scenario: list[str] | None = typer.Option(None, "--scenario", help="Scenarios to compare (repeat)."),
) -> None:
    """Power of each seat group under the Charter and the reform scenarios."""
    from unsc.analysis.plots import power_bars
    from unsc.analysis.scenarios import ScenarioError, get_scenario, scenario_names

    try:
        names = scenario or scenario_names()
        results = {n: get_scenario(n).power([index]) for n in names}
    except (ScenarioError, ValueError, KeyError) as e:
        _fail(str(e), 2)
    _draw(power_bars, results, index, out)
    typer.echo(str(out))


def register(app: typer.Typer) -> None:
    """Add the analysis commands: ``power``, ``scenarios``, ``replay``, ``stats ...``, ``plot ...``."""
    app.command()(power)
    app.command()(scenarios)
    app.command()(replay)
    stats_app = typer.Typer(help="Statistics of the record: vetoes, agreement, adoption.", no_args_is_help=True)
    app.add_typer(stats_app, name="stats")
    stats_app.command("vetoes")(stats_vetoes)
    stats_app.command("agreement")(stats_agreement)
    stats_app.command("adoption")(stats_adoption)
    plot_app = typer.Typer(help="Charts: roll calls, vetoes, agreement, power.", no_args_is_help=True)
    app.add_typer(plot_app, name="plot")
    plot_app.command("rollcall")(plot_rollcall)
    plot_app.command("vetoes")(plot_vetoes)
    plot_app.command("power")(plot_power)


def _member_code(name: str) -> str:
    from unsc import member_code
    from unsc.rules import UnknownMemberError

    try:
        return member_code(name)
    except UnknownMemberError as e:
        _fail(str(e), 2)
        raise


def _draw(fn: Any, *args: Any, **kwargs: Any) -> None:
    """Draw and save a chart; a file name matplotlib cannot write is a usage error (exit 2), not a traceback."""
    out = Path(args[-1]) if isinstance(args[-1], Path) else None
    if out is not None:
        from matplotlib.figure import Figure

        fmt = out.suffix.lower().lstrip(".")
        supported = Figure().canvas.get_supported_filetypes()
        if fmt not in supported:
            _fail(f"{out}: cannot write '.{fmt}' files; use one of {', '.join('.' + s for s in sorted(supported))}", 2)
    try:
        fn(*args, **kwargs)
    except ValueError as e:
        _fail(str(e), 2)
    except OSError as e:
        _fail(f"cannot write {out}: {e.strerror or e}")
