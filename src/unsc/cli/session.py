"""`unsc session`: a Council vote by roll call in the terminal, decided by the Charter's rule.

The President calls each member in English alphabetical order, starting from a member drawn by
lot, and types its vote; the running tally and the veto state show after each vote; then the
President announces the result and the rules engine says why. The same session model as the web's
live sessions (:mod:`unsc.sessions`) holds the votes.
"""

from __future__ import annotations

from pathlib import Path

import typer

CHOICES = "Y/N/A/X"
HELP_VOTES = "Y = yes, N = no, A = abstain, X = absent (does not vote), P = present and not participating"


def register(app: typer.Typer) -> None:
    """Add this area's command to the app: ``session``."""

    @app.command()
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
        from rich.table import Table

        from unsc.rules import Kind
        from unsc.sessions import LiveError, Session, lot, roll_call_order

        console = Console(stderr=json_out, highlight=False)

        def ask(text: str) -> str:
            try:
                return typer.prompt(text, err=json_out, default="", show_default=False)
            except typer.Abort:
                console.print("\n[bold]Roll call interrupted:[/bold] no result was announced.")
                raise typer.Exit(1) from None

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
                    from unsc.cli.rules import roster_council

                    try:
                        council, note = roster_council(date, store)
                    except ValueError as exc:
                        raise _fail(str(exc)) from exc
                    if note is None and council.elected is not None:
                        typed, source = list(council.elected), "from the record store"
                    else:
                        console.print(f"[yellow]{note}[/yellow]")
                        answer = ask(
                            f"Type the {council.elected_seats} elected members of {council.date} (comma-separated)"
                        )
                        typed = [p.strip() for p in answer.split(",") if p.strip()]
                s = Session.create(date=date, elected=typed, title=title, roster_source=source)
            default = "the motion" if k.default_class.value == "procedural" else "the draft resolution"
            m = s.open_vote(s.chair_token, title or default, k)
        except LiveError as exc:
            raise _fail(str(exc)) from exc

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
        live = s.live(m)
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
            f"convention. {names[first_code]} was {how} to be called first; then English alphabetical order."
        )
        console.print(f"[dim]{HELP_VOTES}[/dim]")
        for i, code in enumerate(order, 1):
            label = f"{names[code]}{' (permanent)' if code in s.permanent else ''}"
            while True:
                raw = ask(f"[{i}/{len(order)}] {label} [{CHOICES}]")
                vote = {"x": "absent", "p": "not_participating"}.get(raw.strip().casefold(), raw)
                try:
                    s.cast(s.chair_token, code, vote)
                    break
                except LiveError as exc:
                    console.print(f"[red]{exc}[/red] ({HELP_VOTES})")
            live = s.live(m)
            left = len(order) - i
            console.print(
                f"  Tally: [bold]{live['yes']}[/bold] yes of {live['required']} required, {live['no']} no, "
                f"{live['abstain']} abstaining; {left} still to be called. {live['veto_state']}"
            )
        m = s.close_vote(s.chair_token)
        d = m.decision or {}
        table = Table(title=f"How each member voted ({m.question})")
        table.add_column("Member")
        table.add_column("Vote")
        for code in order:
            table.add_row(names[code] + (" (P)" if code in s.permanent else ""), _words(m.votes.get(code)))
        console.print(table)
        style = "green" if d.get("adopted") else "red"
        console.rule("The President announces", style=style)
        console.print(f"[bold]{m.president}[/bold]")
        console.print(f"[bold]Why:[/bold] {d.get('explanation')}")
        if m.closing_note:
            console.print(m.closing_note)
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
                "decision": d,
            }
            typer.echo(json.dumps(out, ensure_ascii=False, indent=2))


def _words(vote: str | None) -> str:
    from unsc.sessions import VOTE_LABELS

    return VOTE_LABELS.get(vote, str(vote))


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)
