"""`unsc` commands for the news layer: ``unsc check FILE|URL|- [--date] [--json]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from unsc.news.report import Report


def read_source(source: str, timeout: float = 20.0) -> str:
    """The text of a file, a URL (fetched with httpx) or ``-`` (standard input).

    >>> try:
    ...     read_source("/no/such/file")
    ... except typer.BadParameter as exc:
    ...     print(exc.message)
    cannot read /no/such/file: No such file or directory
    """
    if source == "-":
        return sys.stdin.read()
    if source.startswith(("http://", "https://")):
        import httpx

        try:
            r = httpx.get(source, timeout=timeout, follow_redirects=True, headers={"User-Agent": "unsc-news-check"})
            r.raise_for_status()
        except httpx.HTTPError as exc:
            raise typer.BadParameter(f"cannot fetch {source}: {exc}") from exc
        return r.text
    try:
        return Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise typer.BadParameter(f"cannot read {source}: {exc.strerror or exc}") from exc


_STYLE = {"supported": "green", "contradicted": "bold red", "unverifiable": "yellow"}


def _show(claimed: Any) -> str:
    if claimed is None:
        return "—"
    if claimed is True:
        return "yes"
    return str(claimed)


def render(report: Report) -> None:
    """Print a check report with Rich."""
    from rich.console import Console
    from rich.table import Table

    con = Console()
    con.print(f"[bold]News check[/bold]: {report.message}")
    if report.article_date:
        con.print(f"Article date: {report.article_date}")
    d = report.decision
    if d:
        res = f", resolution {d.resolution}" if d.resolution else ""
        con.print(f"Matched: [bold]{d.symbol}[/bold] on {d.date} ({d.meeting or 'meeting unknown'}){res}: "
                  f"{d.outcome}, {d.tally} — {d.title or ''}")  # fmt: skip
    if report.evidence:
        con.print("Evidence: " + "; ".join(report.evidence))
    for o in report.other_votes:
        od = o.decision
        what = f"{od.symbol} on {od.date} ({od.outcome}, {od.tally})" if od else "not identified"
        con.print(f"Also about {o.kind.replace('_', ' ')}: {what}. {o.message if not od else ''}".rstrip())
    if report.candidates and (not d or len(report.candidates) > 1):
        t = Table(title="Candidate votes", show_lines=False)
        for col in ("symbol", "date", "tally", "outcome", "score", "title"):
            t.add_column(col)
        for c in report.candidates[: 3 if d else 10]:
            t.add_row(c.symbol, c.date or "", f"{c.yes}-{c.no}-{c.abstain}", str(c.outcome), str(c.score),
                      (c.title or "")[:60])  # fmt: skip
        con.print(t)
    if not report.claims:
        con.print("No claim about a Security Council vote in this text.")
        for x in report.left_out:
            con.print(f"[dim]Left out: “{x.sentence[:100]}” — {x.reason}[/dim]")
        return
    t = Table(title="Claims", show_lines=True)
    for col in ("claim", "claimed", "recorded", "verdict", "sentence"):
        t.add_column(col, overflow="fold")
    main = d.symbol if d else None
    for cl in report.claims:
        name = cl.field + (f" {cl.member}" if cl.member and cl.field != "sponsor" else "")
        if cl.decision and cl.decision != main:
            name += f" ({cl.decision})"
        verdict = f"[{_STYLE.get(cl.verdict, '')}]{cl.verdict}[/]" + (f"\n{cl.reason}" if cl.reason else "")
        t.add_row(name, _show(cl.claimed), _show(cl.recorded), verdict, cl.sentence[:160])
    con.print(t)
    for issue in report.consistency:
        label = "By the rules" if issue.issue == "rules_outcome" else "[bold red]Inconsistent[/bold red]"
        con.print(f"{label}: {issue.message}")
    for x in report.left_out:
        con.print(f"[dim]Left out: “{x.sentence[:100]}” — {x.reason}[/dim]")


def check_cmd(
    source: Annotated[str, typer.Argument(help="A file, an http(s) URL, or - for standard input (text or HTML).")],
    date: Annotated[
        str | None, typer.Option("--date", help="The article's date, YYYY-MM-DD (for 'on Friday').")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    store: Annotated[Path | None, typer.Option("--store", help="The record store (default: the built store).")] = None,
) -> None:
    """Check the claims a news report makes about a Security Council vote against the record."""
    from unsc.news import check
    from unsc.news.extract import extract_claims
    from unsc.rules import as_date

    if date is not None:
        try:
            as_date(date)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--date") from exc
    text = read_source(source)
    ex = extract_claims(text, date)
    record = None
    if ex.claims:
        try:
            from unsc.record import open_store

            record = open_store(store) if store is not None else open_store()
        except Exception as exc:
            typer.echo(f"error: cannot open the record store: {exc}", err=True)
            raise typer.Exit(2) from exc
    report = check(ex, record=record) if ex.claims else check(ex)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str))
    else:
        render(report)


def register(app: typer.Typer) -> None:
    """Add ``unsc check`` to the app."""
    app.command("check")(check_cmd)
