"""`unsc session`: a Council vote by roll call in the terminal, decided by the Charter's rule.

The President calls each member in English alphabetical order, starting from a member drawn by
lot, and types its vote; the running tally and the veto state show after each vote; then the
President announces the result and the rules engine says why. The same session model as the web's
live sessions (:mod:`unsc.sessions`) holds the votes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from unsc.sessions import Motion, Session

CHOICES = "Y/N/A/X"
HELP_VOTES = "Y = yes, N = no, A = abstain, X = absent (does not vote), P = present and not participating"


def session(
    date: str | None = typer.Option(None, "--date", help="The Council of this date votes (YYYY-MM-DD)."),
    scenario: str | None = typer.Option(
        None, "--scenario", help="A reform model instead of a date (see `unsc scenarios` / GET /api/scenarios)."
    ),
    kind: str = typer.Option(
        "draft_resolution", "--kind", help="What is voted: draft_resolution, amendment, procedural, agenda, ..."
    ),
    title: str = typer.Option("", "--title", help="What is put to the vote, e.g. 'Draft resolution S/2024/239'."),
    elected: str | None = typer.Option(
        None, "--elected", help="The elected members, comma-separated (asked for when the record store lacks them)."
    ),
    first: str | None = typer.Option(None, "--first", help="The member called first (default: drawn by lot)."),
    seed: int | None = typer.Option(None, "--seed", help="Seed of the lot, to repeat a roll call."),
    store: Path | None = typer.Option(None, "--store", help="Record store to read the elected members from."),
    json_out: bool = typer.Option(
        False, "--json", help="Print the result as JSON on stdout (the roll call on stderr)."
    ),
) -> None:
    """Hold a roll-call vote of the Council in the terminal and announce the result with the Charter's reasons."""
    import json

    from rich.console import Console

    from unsc.sessions import LiveError, lot, roll_call_order

    console = Console(stderr=json_out, highlight=False)
    s, m = _open(console, date, scenario, kind, title, elected, store, json_out)
    names = {x.code: x.name for x in s.seats}
    if first:
        try:
            first_code = s.seat(first).code
        except LiveError as exc:
            raise _fail(str(exc)) from exc
        how = "chosen by the President"
    else:
        first_code, how = lot(sorted(names), seed), "drawn by lot"
    order = roll_call_order(names, first_code)
    _introduce(console, s, m, names[first_code], how)
    _roll_call(console, s, m, order, json_out)
    m = s.close_vote(s.chair_token)
    _announce(console, s, m, order)
    if json_out:
        out = {
            "title": s.title,
            "question": m.question,
            "date": None if s.date is None else s.date.isoformat(),
            "scenario": s.scenario,
            "first": first_code,
            "order": order,
            "votes": m.votes,
            "president": m.president,
            "decision": m.decision or {},
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _ask(console: Any, text: str, json_out: bool) -> str:
    """The President's answer to a prompt; Ctrl-C or end of input ends the roll call (exit 1)."""
    try:
        return typer.prompt(text, err=json_out, default="", show_default=False)
    except typer.Abort:
        console.print("\n[bold]Roll call interrupted:[/bold] no result was announced.")
        raise typer.Exit(1) from None


def _open(
    console: Any,
    date: str | None,
    scenario: str | None,
    kind: str,
    title: str,
    elected: str | None,
    store: Path | None,
    json_out: bool,
) -> tuple[Session, Motion]:
    """The session (its elected members typed, from the store, or asked for) and its open vote."""
    from unsc.rules import Kind, VotingClass
    from unsc.sessions import LiveError, Session

    try:
        k = Kind.parse(kind)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    typed = [p.strip() for p in (elected or "").split(",") if p.strip()]
    try:
        if scenario:
            s = Session.create(scenario=scenario, elected=typed or None, title=title)
        else:
            if not date:
                raise _fail("give --date YYYY-MM-DD (the Council of that date votes) or --scenario NAME")
            source = "typed by the chair"
            if not typed:
                typed, source = _roster(console, date, store, json_out)
            s = Session.create(date=date, elected=typed, title=title, roster_source=source)
        default = "the motion" if k.default_class is VotingClass.PROCEDURAL else "the draft resolution"
        return s, s.open_vote(s.chair_token, title or default, k)
    except LiveError as exc:
        raise _fail(str(exc)) from exc


def _roster(console: Any, date: str, store: Path | None, json_out: bool) -> tuple[list[str], str]:
    """The elected members of ``date`` from the record store, else as the President types them."""
    from unsc.cli.rules import roster_council

    try:
        council, note = roster_council(date, store)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    if note is None and council.elected is not None:
        return list(council.elected), "from the record store"
    console.print(f"[yellow]{note}[/yellow]")
    answer = _ask(
        console, f"Type the {council.elected_seats} elected members of {council.date} (comma-separated)", json_out
    )
    return [p.strip() for p in answer.split(",") if p.strip()], "typed by the chair"


def _introduce(console: Any, s: Session, m: Motion, first: str, how: str) -> None:
    """The Council, the question and the order of the roll call."""
    live = s.live(m)
    names = {x.code: x.name for x in s.seats}
    where = f"of {s.date}" if s.date else f"({s.council_name})"
    veto = ", ".join(names[p] for p in s.permanent) if s.permanent else "none"
    console.rule(f"[bold]Roll call: {s.title}[/bold]")
    console.print(
        f"The Council {where}: {s.size} members, {s.threshold} votes needed; veto holders: {veto}. "
        f"Elected members: {s.roster_source}."
    )
    console.print(
        f"Question: [bold]{m.question}[/bold] ({m.kind.replace('_', ' ')}; {live['voting_class'].replace('_', '-')})"
    )
    console.print(
        "The Council votes by a show of hands in practice; a roll call, member by member, is the Model UN "
        f"convention. {first} was {how} to be called first; then English alphabetical order."
    )
    console.print(f"[dim]{HELP_VOTES}[/dim]")


def _roll_call(console: Any, s: Session, m: Motion, order: list[str], json_out: bool) -> None:
    """Call each member in ``order``, record its vote, and show the running tally."""
    from unsc.sessions import LiveError, SeatVote

    letters = {"x": SeatVote.ABSENT, "p": SeatVote.NOT_PARTICIPATING}
    names = {x.code: x.name for x in s.seats}
    for i, code in enumerate(order, 1):
        label = f"{names[code]}{' (permanent)' if code in s.permanent else ''}"
        while True:
            raw = _ask(console, f"[{i}/{len(order)}] {label} [{CHOICES}]", json_out)
            try:
                s.cast(s.chair_token, code, letters.get(raw.strip().casefold(), raw))
                break
            except LiveError as exc:
                console.print(f"[red]{exc}[/red] ({HELP_VOTES})")
        live = s.live(m)
        console.print(
            f"  Tally: [bold]{live['yes']}[/bold] yes of {live['required']} required, {live['no']} no, "
            f"{live['abstain']} abstaining; {len(order) - i} still to be called. {live['veto_state']}"
        )


def _announce(console: Any, s: Session, m: Motion, order: list[str]) -> None:
    """How each member voted, the President's announcement and the rules' reasons."""
    from rich.table import Table

    from unsc.sessions import VOTE_LABELS

    d = m.decision or {}
    names = {x.code: x.name for x in s.seats}
    table = Table(title=f"How each member voted ({m.question})")
    table.add_column("Member")
    table.add_column("Vote")
    for code in order:
        vote = m.votes.get(code)
        table.add_row(names[code] + (" (P)" if code in s.permanent else ""), VOTE_LABELS.get(vote, str(vote)))
    console.print(table)
    console.rule("The President announces", style="green" if d.get("adopted") else "red")
    console.print(f"[bold]{m.president}[/bold]")
    console.print(f"[bold]Why:[/bold] {d.get('explanation')}")
    if m.closing_note:
        console.print(m.closing_note)


def register(app: typer.Typer) -> None:
    """Add this area's command to the app: ``session``."""
    app.command()(session)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)
