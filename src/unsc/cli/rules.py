"""`unsc decide`: decide a Council vote, past or hypothetical, from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # pragma: no cover
    from unsc.rules import Council, Decision

__all__ = ["register", "split_members"]


def split_members(values: list[str] | None) -> list[str]:
    """Members from repeated options, each a comma-separated list of codes or names.

    >>> split_members(["USA,GBR", " France ", ""])
    ['USA', 'GBR', 'France']
    """
    out: list[str] = []
    for value in values or []:
        out += [v.strip() for v in value.split(",") if v.strip()]
    return out


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


def roster_council(date: str, store: Path | None = None) -> tuple[Council, str | None]:
    """The Council of ``date`` with its elected members from the record store, when one has been built.

    Returns the Council and a note saying why elected membership could not be checked (``None``
    when it was). Without a store only the Charter is checked: permanent seats and seat counts.
    """
    from unsc.rules import Council

    base = Council.on(date)
    try:
        from unsc.record import open_store

        opened = open_store(store) if store is not None else open_store()
        try:
            seated = opened.roster(base.date)
        finally:
            close = getattr(opened, "close", None)
            if callable(close):
                close()
    except (ImportError, AttributeError) as exc:
        return base, f"elected membership was not checked (the record store is not available: {exc})"
    except Exception as exc:  # StoreMissingError, a store being rebuilt, ...: fall back to the Charter
        return base, f"elected membership was not checked ({exc})"
    try:
        elected = [c for c in seated if not base.is_permanent(c)]
        if len(elected) != base.elected_seats:
            return base, (
                f"elected membership was not checked (the store lists {len(elected)} elected members for "
                f"{base.date}, the Council has {base.elected_seats} elected seats)"
            )
        return Council.on(date, elected=elected), None
    except (KeyError, ValueError) as exc:
        return base, f"elected membership was not checked (bad roster in the store: {exc})"


def _print(decision: Decision, council: Council) -> None:
    from rich.console import Console
    from rich.text import Text

    from unsc.rules import FailureReason, find_member

    console = Console()

    def name(code: str) -> str:
        m = find_member(code)
        return m.name if m else code

    if decision.adopted:
        head = Text("ADOPTED", style="bold green")
    elif decision.failure_reason is FailureReason.VETO:
        head = Text(f"NOT ADOPTED: vetoed by {', '.join(name(c) for c in decision.vetoed_by)}", style="bold red")
    elif decision.failure_reason is FailureReason.NO_CONCURRENCE:
        head = Text("NOT ADOPTED: a permanent member did not concur (literal reading)", style="bold red")
    else:
        head = Text(f"NOT ADOPTED: {decision.shortfall} vote(s) short", style="bold yellow")
    console.print(head)
    console.print(
        f"{decision.tally} (yes-no-abstain), {decision.absent} absent, {decision.non_voting - decision.absent} "
        f"present not voting; {decision.threshold} needed of {council.size}; {decision.voting_class.value}"
    )
    console.print(decision.explanation, highlight=False)
    if decision.warnings:
        console.print(f"warnings: {', '.join(decision.warnings)}", style="dim")


def register(app: typer.Typer) -> None:
    """Add ``unsc decide`` to the app."""

    @app.command("decide")
    def decide_command(
        date: str = typer.Option(
            ..., "--date", help="Date of the vote, YYYY-MM-DD (the Council of that date decides)."
        ),
        yes: list[str] = typer.Option(None, "--yes", help="Members voting yes: codes or names, comma-separated."),
        no: list[str] = typer.Option(None, "--no", help="Members voting no."),
        abstain: list[str] = typer.Option(None, "--abstain", help="Members abstaining."),
        absent: list[str] = typer.Option(None, "--absent", help="Members absent (members not named are absent too)."),
        not_participating: list[str] = typer.Option(
            None, "--not-participating", help="Members present but not participating in the vote."
        ),
        kind: str = typer.Option(
            "draft_resolution",
            "--kind",
            help="What is decided: draft_resolution, procedural, agenda, amendment, preliminary_question, "
            "admission_rec, sg_appointment_rec, art109_1_conference, icj_ballot, ...",
        ),
        voting_class: str | None = typer.Option(
            None, "--class", help="Override the class: procedural or non_procedural (reproduces a ruling)."
        ),
        parties: list[str] = typer.Option(None, "--parties", help="Parties to the dispute (Art. 27(3) proviso)."),
        chapter_vi: bool = typer.Option(False, "--chapter-vi", help="The decision is under Chapter VI or Art. 52(3)."),
        mode: str = typer.Option("practice", "--mode", help="practice (default) or charter_literal."),
        strict_27_3: bool = typer.Option(
            False, "--strict-27-3", help="Recode parties' votes as obligatory abstentions."
        ),
        preliminary: str | None = typer.Option(
            None, "--preliminary-mode", help="four_power_1945 or presidential_ruling (default: by date)."
        ),
        without_vote: bool = typer.Option(False, "--without-vote", help="Adopted without a vote (consensus)."),
        private: bool = typer.Option(False, "--private", help="Taken at a private meeting (not on the DHL veto list)."),
        store: Path | None = typer.Option(None, "--store", help="Record store to read the roster from."),
        as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    ) -> None:
        """Decide a Council vote: adopted, or why not (vetoed by whom, or how many votes short).

        Example: unsc decide --date 2024-03-22 --yes USA,GBR,FRA,JPN,KOR,MLT,CHE,SVN,ECU,MOZ,SLE
        --no RUS,CHN,DZA --abstain GUY
        """
        from unsc.rules import Ballot, Mode, RosterError, UnknownMemberError, decide

        try:
            council, note = roster_council(date, store)
            ballot = Ballot.of(
                date,
                yes=split_members(yes),
                no=split_members(no),
                abstain=split_members(abstain),
                absent=split_members(absent),
                not_participating=split_members(not_participating),
                kind=kind,
                voting_class=voting_class,
                parties=split_members(parties),
                chapter_vi=chapter_vi,
                private_meeting=private,
                modality="without_vote" if without_vote else "recorded",
            )
            decision = decide(
                ballot,
                council,
                Mode(
                    interpretation=mode,
                    enforce_27_3="strict" if strict_27_3 else "off",
                    preliminary_question=preliminary,
                ),
            )
        except UnknownMemberError as exc:
            raise _fail(str(exc)) from None
        except RosterError as exc:
            raise _fail(str(exc)) from None
        except ValueError as exc:
            raise _fail(str(exc)) from None
        if note:
            typer.echo(f"note: {note}", err=True)
        if as_json:
            out: dict[str, Any] = decision.to_dict()
            out["tally"] = decision.tally
            out["council"] = {
                "size": council.size,
                "threshold": council.threshold,
                "permanent": list(council.permanent),
                "elected": None if council.elected is None else list(council.elected),
                "roster_checked": note is None,
            }
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        else:
            _print(decision, council)
