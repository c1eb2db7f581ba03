"""`unsc decisions` and `unsc votes`: list and search the record from the shell.

Both print a table for people and ``--csv``/``--json`` (or ``--parquet FILE``) for programs, oldest
first, and are safe to pipe (``unsc decisions --since 2024 --outcome vetoed --csv | head -3``).
Filters are checked: an unknown outcome, kind, issue or member is a usage error (exit 2) with the
nearest valid value.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from unsc.cli._shared import fail

OUTCOMES = ("adopted", "failed", "vetoed", "insufficient_votes", "without_vote")
#: Columns of the CSV and JSON output of ``unsc decisions`` (lists joined with ";").
DECISION_COLUMNS = (
    "decision_id",
    "date",
    "meeting",
    "draft",
    "resolution",
    "kind",
    "modality",
    "adopted",
    "failure_reason",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "vetoed_by",
    "issue",
    "topic",
    "title",
)
VOTE_COLUMNS = ("decision_id", "date", "member", "member_name", "permanent", "vote", "adopted", "source")


def _kinds() -> list[str]:
    from unsc.rules import Kind

    return [k.value for k in Kind]


def _voting_classes() -> list[str]:
    from unsc.rules import VotingClass

    return [c.value for c in VotingClass]


def _issues() -> list[str]:
    from unsc.analysis.stats import ISSUES

    return list(ISSUES)


def _complete(choices: Any) -> Any:
    def complete(incomplete: str) -> list[str]:
        values = choices() if callable(choices) else choices
        return [c for c in values if c.startswith(incomplete)]

    return complete


def _write(df: Any, columns: tuple[str, ...], fmt: str, parquet: Path | None) -> bool:
    """Write ``df`` as CSV or JSON to stdout or as Parquet to a file; False if a table is wanted."""
    import sys

    if parquet is not None:
        if parquet.suffix.lower() != ".parquet":
            fail(f"--parquet {parquet}: give a file name ending in .parquet", 2)
        parquet.parent.mkdir(parents=True, exist_ok=True)
        out = df.copy()
        for c in out.columns:
            if str(out[c].dtype) == "category":
                out[c] = out[c].astype("string")
        out.to_parquet(parquet, index=False)
        typer.echo(f"{len(df)} rows -> {parquet}", err=True)
        return True
    if fmt == "table":
        return False
    out = df[[c for c in columns if c in df.columns]].copy()
    for c in out.columns:
        # only object columns can hold lists; an empty result keeps typed (e.g. datetime) columns
        if out[c].dtype == object and out[c].map(lambda v: isinstance(v, list | tuple) or hasattr(v, "tolist")).any():
            out[c] = out[c].map(lambda v: ";".join(map(str, list(v))) if v is not None else "")
    if "date" in out:
        out["date"] = out["date"].map(lambda d: d.isoformat()[:10] if hasattr(d, "isoformat") else d)
    if fmt == "csv":
        out.to_csv(sys.stdout, index=False, lineterminator="\n")
    else:
        import json

        records = out.astype(object).where(out.notna(), None).to_dict("records")
        typer.echo(json.dumps(records, indent=2, ensure_ascii=False, default=str))
    return True


def _format(as_csv: bool, as_json: bool) -> str:
    if as_csv and as_json:
        fail("give one of --csv and --json", 2)
    return "csv" if as_csv else "json" if as_json else "table"


def _table(rows: list[list[str]], headers: list[str], title: str, wrap: str) -> None:
    """A Rich table that fits the terminal: every column whole except ``wrap``, shortened with "…"."""
    from rich.console import Console
    from rich.table import Table

    keep = [i for i, h in enumerate(headers) if h == wrap or any(r[i] for r in rows)]  # no all-blank column
    headers, rows = [headers[i] for i in keep], [[r[i] for i in keep] for r in rows]
    con = Console()
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    rest = sum(w for h, w in zip(headers, widths, strict=True) if h != wrap) + 3 * len(headers) + 1
    t = Table(title=title, title_justify="left")
    for h, w in zip(headers, widths, strict=True):
        if h == wrap:
            t.add_column(h, overflow="ellipsis", no_wrap=True, max_width=max(12, min(w, con.width - rest)))
        else:
            t.add_column(h, no_wrap=True, min_width=w)
    for r in rows:
        t.add_row(*r)
    con.print(t)


def decisions_cmd(
    since: str | None = typer.Option(None, "--since", metavar="YEAR|DATE", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", metavar="YEAR|DATE", help="Up to this year or date."),
    text: str | None = typer.Option(
        None, "--text", metavar="WORDS", help="Words in the title, topic, draft or resolution symbol."
    ),
    outcome: str | None = typer.Option(
        None,
        "--outcome",
        metavar="|".join(OUTCOMES),
        help="failed = vetoed or short of votes; without_vote = adopted without a vote.",
        autocompletion=_complete(OUTCOMES),
    ),
    kind: str | None = typer.Option(
        None,
        "--kind",
        metavar="KIND",
        help="draft_resolution, amendment, procedural, part, preliminary_question, ... (a unsc.rules.Kind).",
        autocompletion=_complete(_kinds),
    ),
    voting_class: str | None = typer.Option(
        None,
        "--class",
        metavar="procedural|non_procedural",
        help="Under Art. 27(2) or 27(3): procedural keeps every procedural vote (agenda, invitations, ...).",
        autocompletion=_complete(_voting_classes),
    ),
    member: str | None = typer.Option(
        None, "--member", metavar="MEMBER", help="Decisions this member voted on (code or name)."
    ),
    vetoed_by: str | None = typer.Option(None, "--vetoed-by", metavar="MEMBER", help="Vetoed by this member."),
    topic: str | None = typer.Option(None, "--topic", metavar="WORDS", help="Words in the free-text topic."),
    issue: str | None = typer.Option(
        None,
        "--issue",
        metavar="ISSUE",
        help="A coded issue: middle_east, africa, europe, asia, americas, nonproliferation, terrorism, "
        "tribunals, institutional, thematic, other.",
        autocompletion=_complete(_issues),
    ),
    limit: int | None = typer.Option(None, "--limit", metavar="N", min=1, help="At most N rows (oldest first)."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV (one header line, then one row per decision)."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list."),
    parquet: Path | None = typer.Option(None, "--parquet", metavar="FILE", help="Write every column to FILE."),
    store: Path | None = typer.Option(None, "--store", metavar="FILE", help="Store file (default: the built one)."),
) -> None:
    """List and search decisions, oldest first: unsc decisions --text Syria --outcome vetoed --since 2011 --csv"""
    import unsc
    from unsc.cli._shared import open_store_or_exit

    fmt = _format(as_csv, as_json)
    s = open_store_or_exit(store)
    try:
        df = unsc.decisions(
            since,
            until,
            member=member,
            outcome=outcome,
            kind=kind,
            voting_class=voting_class,
            text=text,
            topic=topic,
            issue=issue,
            vetoed_by=vetoed_by,
            limit=limit,
            store=s,
        )
    except ValueError as e:
        fail(str(e), 2)
    if _write(df, DECISION_COLUMNS, fmt, parquet):
        return
    if df.empty:
        hint = (
            "; --class procedural keeps every procedural vote (agenda, invitations, ...)"
            if kind == "procedural"
            else ""
        )
        typer.echo("no decisions match" + hint)
        return
    from unsc.record.decision import RecordedDecision

    rows = []
    for row in df.to_dict("records"):
        rec = RecordedDecision.from_row(row)  # the tally as every page and the API say it
        outcome_word = (
            "adopted"
            if rec.adopted
            else {"veto": "vetoed", "insufficient_votes": "short of votes"}.get(str(rec.failure_reason), "failed")
        )
        vetoers = ",".join(rec.vetoed_by)
        rows.append(
            [
                str(row["date"])[:10],
                rec.decision_id,
                str(rec.resolution or ""),
                outcome_word + (f" ({vetoers})" if vetoers else ""),
                "" if rec.tally == "unknown" else rec.tally,
                str(rec.title or rec.topic or ""),
            ]
        )
    _table(rows, ["date", "decision", "resolution", "outcome", "tally", "title"], f"{len(df)} decisions", "title")


def votes_cmd(
    decision: str | None = typer.Argument(
        None, metavar="SYMBOL", help="One decision: S/2024/239, 2728 (2024), S/RES/2728(2024)."
    ),
    member: str | None = typer.Option(None, "--member", metavar="MEMBER", help="Only this member (code or name)."),
    since: str | None = typer.Option(None, "--since", metavar="YEAR|DATE", help="From this year or date."),
    until: str | None = typer.Option(None, "--until", metavar="YEAR|DATE", help="Up to this year or date."),
    vote: str | None = typer.Option(
        None,
        "--vote",
        metavar="Y|N|A|X",
        help="Only this vote (yes, no, abstain, not voting).",
        autocompletion=_complete(("Y", "N", "A", "X")),
    ),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list."),
    parquet: Path | None = typer.Option(None, "--parquet", metavar="FILE", help="Write every column to FILE."),
    store: Path | None = typer.Option(None, "--store", metavar="FILE", help="Store file (default: the built one)."),
) -> None:
    """Member votes, one row per member per decision, oldest first: unsc votes --member France --since 2020 --csv"""
    import unsc
    from unsc.cli._shared import open_store_or_exit

    fmt = _format(as_csv, as_json)
    if decision is None and member is None and since is None and until is None:
        fail("give a decision symbol or at least one of --member, --since, --until (42,000 votes otherwise)", 2)
    s = open_store_or_exit(store)
    try:
        df = unsc.votes(decision, member=member, since=since, until=until, store=s)
    except ValueError as e:
        fail(str(e), 2 if "unknown" in str(e) or "bad date" in str(e) else 1)
    if vote is not None:
        v = {"yes": "Y", "no": "N", "abstain": "A", "not voting": "X"}.get(vote.lower(), vote.upper())
        if v not in ("Y", "N", "A", "X"):
            fail(f"unknown vote {vote!r}: Y, N, A or X (yes, no, abstain, not voting)", 2)
        df = df[df["vote"] == v]
    if _write(df, VOTE_COLUMNS, fmt, parquet):
        return
    if df.empty:
        typer.echo("no votes match")
        return
    words = {"Y": "yes", "N": "no", "A": "abstain", "X": "not voting"}
    rows = [
        [
            str(r.date)[:10],
            str(r.decision_id),
            str(r.member),
            str(r.member_name),
            words.get(str(r.vote), str(r.vote)),
        ]
        for r in df.itertuples(index=False)
    ]
    _table(rows, ["date", "decision", "member", "name", "vote"], f"{len(df)} votes", "name")


def register(app: typer.Typer) -> None:
    """Add ``decisions`` and ``votes``."""
    app.command("decisions")(decisions_cmd)
    app.command("votes")(votes_cmd)
