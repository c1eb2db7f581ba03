"""`unsc decide`: decide a Council vote, past or hypothetical, from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # pragma: no cover
    from unsc.rules import Council, Decision

__all__ = ["member_options", "register"]


def member_options(values: list[str] | None) -> list[str]:
    """Members from repeated options, each a comma-separated list of codes or names.

    >>> member_options(["USA,GBR", " France ", ""])
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
    """The Council of ``date`` with its elected members: from the record store when one is built and
    complete for that date, else from the rules' own roster (:meth:`unsc.rules.Council.seated`).

    Returns the Council and a note in words saying where the roster came from when it was not the
    store (``None`` when the store's roster was used). Only for a year neither covers is elected
    membership left unchecked, and the note says so.
    """
    from unsc.rules import Council, RosterError
    from unsc.rules.charter import FIRST_MEETING
    from unsc.rules.council import as_date

    d = as_date(date)
    base = Council.on(d)
    if d < FIRST_MEETING:
        from unsc.rules.decide import ImpossibleVoteError

        raise ImpossibleVoteError(
            f"no Security Council decision on {d}: the Council first met on 17 Jan 1946 (its elected members "
            "were seated from 12 Jan 1946)"
        )
    import unsc.record
    from unsc.record import store as record_store
    from unsc.record.store import Lookup

    open_store = unsc.record.open_store
    why: str
    try:
        # the store's lookup file when it is up to date (no DuckDB to open), else the store itself; the
        # file stands for the record's own store only, not for one put in its place (tests, embedders)
        opened = Lookup.open(store) if open_store is record_store.open_store else None
        opened = opened or (open_store(store) if store is not None else open_store())
        try:
            seated = opened.roster(base.date)
        finally:
            close = getattr(opened, "close", None)
            if callable(close):
                close()
    except Exception as exc:  # StoreMissingError, a store being rebuilt, ...: fall back to the rules' roster
        why = str(exc)
    else:
        try:
            elected = [c for c in seated if not base.is_permanent(c)]
            if len(elected) == base.elected_seats:
                return Council.on(d, elected=elected), None
            why = (
                f"the store lists {len(elected)} elected members for {base.date}, the Council has "
                f"{base.elected_seats} elected seats"
            )
        except (KeyError, ValueError) as exc:
            why = f"bad roster in the store: {exc}"
    try:
        return Council.seated(d), f"elected membership checked against the rules' own roster ({why})"
    except RosterError:
        return base, f"elected membership was not checked: no roster for {d} in the store ({why}) or in the rules"


def _print(decision: Decision, council: Council) -> None:
    from rich.console import Console
    from rich.text import Text

    from unsc.rules import FailureReason
    from unsc.rules.decide import member_names

    console = Console()
    when = decision.date
    if decision.kind.value == "icj_ballot":
        style = "bold green" if decision.adopted else "bold yellow"
        head = Text(decision.announcement[:1].upper() + decision.announcement[1:], style=style)
    elif decision.adopted:
        head = Text("ADOPTED", style="bold green")
    elif decision.failure_reason is FailureReason.VETO:
        head = Text(f"NOT ADOPTED: vetoed by {member_names(decision.vetoed_by, when)}", style="bold red")
    elif decision.failure_reason is FailureReason.NO_CONCURRENCE:
        head = Text("NOT ADOPTED: a permanent member did not concur (literal reading)", style="bold red")
    else:
        head = Text(f"NOT ADOPTED: {decision.shortfall} vote(s) short", style="bold yellow")
    console.print(head)
    reasons = [r for _, r in decision.non_voting_reasons]
    said = [
        f"{reasons.count(key)} {words}"
        for key, words in (
            ("absent", "absent"),
            ("present_not_participating", "present and not participating"),
            ("obligatory_abstention", "obliged to abstain (Art. 27(3))"),
            ("not_voting", "not voting (no reason given)"),
        )
        if reasons.count(key)
    ]
    console.print(
        f"{decision.tally} (yes-no-abstain){', ' + ', '.join(said) if said else ''}; "
        f"{decision.threshold} needed of {council.size}; {decision.voting_class.value}",
        highlight=False,
    )
    console.print(decision.explanation, highlight=False)
    if decision.warnings:
        console.print(f"warnings: {', '.join(decision.warnings)}", style="dim")


def decide_command(
    date: str = typer.Option(..., "--date", help="Date of the vote, YYYY-MM-DD (the Council of that date decides)."),
    yes: list[str] = typer.Option(None, "--yes", help="Members voting yes: codes or names, comma-separated."),
    no: list[str] = typer.Option(None, "--no", help="Members voting no."),
    abstain: list[str] = typer.Option(None, "--abstain", help="Members abstaining."),
    absent: list[str] = typer.Option(None, "--absent", help="Members absent (members not named are absent too)."),
    not_participating: list[str] = typer.Option(
        None, "--not-participating", help="Members present but not participating in the vote."
    ),
    obligatory_abstention: list[str] = typer.Option(
        None,
        "--obligatory-abstention",
        help="Parties to the dispute that abstained as the proviso of Art. 27(3) requires "
        "(e.g. the UK on the Corfu Channel draft, 1947-04-09); implies --chapter-vi and --parties.",
    ),
    not_voting: list[str] = typer.Option(
        None, "--not-voting", help="Members that cast no vote, reason not given (members not named too)."
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
    strict_27_3: bool = typer.Option(False, "--strict-27-3", help="Recode parties' votes as obligatory abstentions."),
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
    from unsc.rules import Ballot, Interpretation, Mode, RosterError, UnknownMemberError, decide

    try:
        council, note = roster_council(date, store)
        obliged = member_options(obligatory_abstention)
        ballot = Ballot.of(
            date,
            yes=member_options(yes),
            no=member_options(no),
            abstain=member_options(abstain),
            absent=member_options(absent),
            not_participating=member_options(not_participating),
            obligatory_abstention=obliged,
            not_voting=member_options(not_voting),
            kind=kind,
            voting_class=voting_class,
            parties=[*member_options(parties), *(p for p in obliged if p not in member_options(parties))],
            chapter_vi=chapter_vi or bool(obliged),
            private_meeting=private,
            modality="without_vote" if without_vote else "recorded",
        )
        decision = decide(
            ballot,
            council,
            Mode(
                interpretation=Interpretation.parse(mode),
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
            "roster_checked": council.elected is not None,
            "roster_source": "store" if note is None else ("rules" if council.elected is not None else None),
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        _print(decision, council)


def register(app: typer.Typer) -> None:
    """Add ``unsc decide`` to the app."""
    app.command("decide")(decide_command)
