"""`unsc` commands for the record layer: build, show, vetoes, validate, export, members.

Heavy modules (pandas, DuckDB, the readers) are imported inside the commands so that the CLI
starts fast. Errors print one clear line and exit with code 1 (bad input, missing store) or 2
(usage); no traceback.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from unsc.cli._shared import fail as _fail
from unsc.cli._shared import jsonable as _jsonable
from unsc.cli._shared import open_store_or_exit as _store
from unsc.cli._show import print_decision as _print_decision
from unsc.cli._show import show_record


def _records(df: Any) -> list[dict[str, Any]]:
    from unsc.record.store import _record

    return [_jsonable(_record(r)) for r in df.to_dict("records")]


def build(
    from_dir: Path | None = typer.Option(
        None, "--from", help="Directory of source files (default: $UNSC_DATA_DIR, else the synced sources)."
    ),
    store: Path | None = typer.Option(
        None, "--store", help="Store file to write (default: $UNSC_STORE or ~/.local/share/unsc)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the build report as JSON."),
) -> None:
    """Build the record store from the source files: read, merge, validate, write (atomically)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from unsc.record.build import BuildError
    from unsc.record.build import build as run

    console = Console(stderr=True)
    try:
        with Progress(
            TextColumn("{task.description:<14}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=as_json,
        ) as bar:
            task = bar.add_task("reading", total=10)

            def progress(step: str, i: int, n: int) -> None:
                bar.update(task, description=step, completed=i, total=n)

            report = run(from_dir, store, progress=progress)
    except BuildError as e:
        _fail(f"build failed, the previous store (if any) is unchanged: {e}")
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, default=str))
        return
    _print_report(report)


def show(
    symbol: str = typer.Argument(
        ..., help='Draft (S/2024/239), resolution ("S/RES/2728 (2024)", "2728 (2024)") or id.'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    store: Path | None = typer.Option(None, "--store", help="Store file (default: the built store)."),
) -> None:
    """Show one decision: outcome, tally, vetoes, every member's vote and the rules' explanation."""
    rec = show_record(store, symbol)
    if as_json:
        typer.echo(json.dumps(rec, indent=2, ensure_ascii=False))
        return
    _print_decision(rec)


def vetoes(
    member: str | None = typer.Option(None, "--member", help="Permanent member code or name (SUN and RUS apart)."),
    since: str | None = typer.Option(None, "--since", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", help="Up to this year or date."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """List vetoes: one row per vetoing member per vetoed proposal."""
    from unsc.rules import UnknownMemberError

    s = _store(store)
    try:
        df = s.vetoes(member=member, since=since, until=until)
    except (UnknownMemberError, ValueError) as e:
        _fail(str(e), 2)
    if as_json:
        typer.echo(json.dumps(_records(df), indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(df)} vetoes")
    for c in ("date", "draft", "member", "in DHL list", "title"):
        t.add_column(c)
    for r in _records(df):
        t.add_row(
            str(r["date"]),
            r["draft"] or r["decision_id"] or "",
            r["member"],
            "yes" if r["in_dhl_list"] else "no",
            (r["title"] or "")[:70],
        )
    Console().print(t)


def validate(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
    all_rows: bool = typer.Option(False, "--all", help="List the no_member_votes rows too (else only counted)."),
    wide: bool = typer.Option(
        False, "--wide", help="Every column and the full reason (default: decision, date, category, short reason)."
    ),
) -> None:
    """Check every invariant of the record: a summary by category, then the rows. Exit 1 if any is unexplained.

    Invariants: counts equal the member rows, the outcome equals the rules' re-decision, vetoers
    voted no, draft years fit, no draft symbol shared without a cited reason. The default table
    has one line per row (decision, date, category, the reason cut to the
    terminal width); ``--wide`` shows the recorded and rule outcomes and the whole reason,
    ``--json`` everything.
    """
    s = _store(store)
    df = s.validation()
    counts = df["category"].value_counts().to_dict()
    unexplained = int(counts.get("unexplained", 0))
    if as_json:
        typer.echo(
            json.dumps(
                {"counts": counts, "unexplained": unexplained, "rows": _records(df)}, indent=2, ensure_ascii=False
            )
        )
    else:
        from rich.console import Console
        from rich.table import Table

        con = Console()
        summary = Table(title="Validation of the record: rows by category")
        summary.add_column("category")
        summary.add_column("rows", justify="right")
        for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
            summary.add_row(k, str(v))
        summary.add_row("unexplained" if "unexplained" not in counts else "", "0" if not unexplained else "")
        con.print(summary)
        shown = df if all_rows else df[df["category"] != "no_member_votes"]
        t = Table(title="Rows (no_member_votes with --all)")
        if wide:
            for c in ("decision", "date", "recorded", "rules", "category", "reason"):
                t.add_column(c, overflow="fold")
        else:
            rows = _records(shown)
            used = 13  # borders and padding of four columns
            for c, col in (("decision", "decision_id"), ("date", "date"), ("category", "category")):
                width = min(22, max([len(c)] + [len(str(r[col] or "")) for r in rows]))
                used += width
                t.add_column(c, no_wrap=True, width=width)
            reason_width = max(20, Console().width - used)
            t.add_column("reason (--wide: all)", no_wrap=True, overflow="ellipsis", width=reason_width)
        for r in _records(shown):
            if wide:
                t.add_row(
                    r["decision_id"],
                    str(r["date"]),
                    _yn(r["recorded_adopted"]),
                    _yn(r["rule_adopted"]),
                    r["category"],
                    r["reason"],
                )
            else:
                t.add_row(r["decision_id"], str(r["date"] or ""), r["category"], _short(r["reason"]))
        con.print(t)
        con.print(", ".join(f"{k}: {v}" for k, v in counts.items()) or "no rows")
        con.print(f"unexplained: {unexplained}")
    if unexplained:
        raise typer.Exit(1)


def export(
    fmt: str = typer.Option("csv", "--format", help="csv, parquet or json."),
    out: Path = typer.Option(Path("unsc-export"), "--out", help="Directory to write one file per table into."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """Export every table of the store as CSV, Parquet or JSON files."""
    if fmt not in ("csv", "parquet", "json"):
        _fail(f"unknown format {fmt!r}: csv, parquet or json", 2)
    s = _store(store)
    out.mkdir(parents=True, exist_ok=True)
    for name in s.tables():
        df = s.table(name)
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            df = df.copy()
            for c in df.columns:
                if df[c].map(lambda v: hasattr(v, "tolist") or isinstance(v, list)).any():
                    df[c] = df[c].map(
                        lambda v: json.dumps(_jsonable(list(v))) if v is not None and not isinstance(v, float) else None
                    )
            df.to_csv(path, index=False)
        elif fmt == "parquet":
            df.to_parquet(path, index=False)
        else:
            path.write_text(json.dumps(_records(df), ensure_ascii=False, indent=1))
        typer.echo(f"{path}  ({len(df)} rows)")


def members(
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    date: str | None = typer.Option(None, "--date", help="Only the members seated on this date (YYYY-MM-DD)."),
    store: Path | None = typer.Option(None, "--store", help="Store file."),
) -> None:
    """List every state that sat on the Council (or the roster on a date)."""
    s = _store(store)
    if date is not None:
        try:
            codes = s.roster(date)
        except ValueError as e:
            _fail(str(e), 2)
        if not codes:  # an empty line with exit 0 read as "nobody sat on the Council"
            import datetime as dt

            from unsc.record.dates import parse_date

            day = parse_date(date, field="--date")
            if day is not None and day < dt.date(1945, 10, 24):
                _fail(f"no Security Council on {date}: the Charter entered into force on 24 Oct 1945", 2)
            span = s.sql("SELECT min(year) AS lo, max(year) AS hi FROM terms").iloc[0]
            _fail(f"the store has no roster for {date} (its terms cover {span.lo} to {span.hi})")
        if as_json:
            typer.echo(json.dumps(codes))
        else:
            typer.echo(" ".join(codes))
        return
    df = s.members()
    if as_json:
        typer.echo(json.dumps(_records(df), indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    t = Table(title=f"{len(df)} members")
    for c in ("code", "name", "permanent", "years on the Council"):
        t.add_column(c)
    for r in _records(df):
        t.add_row(r["code"], r["name"], "yes" if r["permanent"] else "", _years(r["years"] or []))
    Console().print(t)


def register(app: typer.Typer) -> None:
    """Add the record commands (build, show, vetoes, validate, export, members) to the app."""
    app.command()(build)
    app.command()(show)
    app.command()(vetoes)
    app.command()(validate)
    app.command()(export)
    app.command()(members)


def _short(reason: str | None) -> str:
    """The first clause of a reason (the table cuts it to the width).

    >>> _short("voting_agent ID 5: labelled adopted; its rows are quarantined")
    'voting_agent ID 5: labelled adopted'
    """
    text = (reason or "").split(";")[0].strip()
    return text


def _yn(v: Any) -> str:
    return "" if v is None else ("adopted" if v else "not adopted")


def _years(years: list[int]) -> str:
    spans: list[list[int]] = []  # [first, last] of each run of consecutive years
    for y in years:
        if spans and y == spans[-1][1] + 1:
            spans[-1][1] = y
        else:
            spans.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _print_report(report: Any) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    t = Table(title=f"Built {report.store_path} in {report.seconds:.1f} s")
    for c in ("source", "rows in", "out of scope", "used", "quarantined", "decisions merged"):
        t.add_column(c, justify="right" if c != "source" else "left")
    for r in report.sources:
        t.add_row(
            r["source"],
            str(r["rows_in"]),
            str(r["out_of_scope"]),
            str(r["emitted"]),
            str(r["quarantined"]),
            str(r["decisions_merged"]),
        )
    con.print(t)
    con.print("tables: " + ", ".join(f"{k} {v}" for k, v in report.tables.items()))
    con.print("validation: " + (", ".join(f"{k} {v}" for k, v in report.validation.items()) or "none"))
    if report.missing:
        con.print("not found (built without): " + ", ".join(report.missing))
