"""``unsc show``: one decision, found and printed without Typer, pandas or DuckDB where possible.

The decision comes from the store's lookup file (:class:`unsc.record.store.Lookup`, written by the
build beside the store) when that file knows the symbol as typed and is up to date, else from the
store itself; both give the same dict (tests/record/test_lookup.py). Used by the ``show`` command
and by the fast path of :func:`unsc.cli.main`, which prints the same thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from unsc.cli._shared import decision_or_exit, jsonable, open_store_or_exit

__all__ = ["print_decision", "show_record"]


def show_record(store: Path | None, symbol: str) -> dict[str, Any]:
    """The JSON-ready dict of one decision, or a clean exit (no store, nothing by that symbol)."""
    from unsc.record.store import Lookup

    lookup = Lookup.open(store)
    if lookup is not None:
        with lookup:
            rec = lookup.decision(symbol)
        if rec is not None:
            return jsonable(rec)
    return jsonable(decision_or_exit(open_store_or_exit(store), symbol))


def print_decision(rec: dict[str, Any]) -> None:
    """Print one decision (the JSON-ready dict of :func:`show_record`) as ``unsc show`` does: heading,
    outcome and tally, the rules' explanation, the member votes in a table, the sources."""
    from rich.console import Console
    from rich.table import Table

    con = Console()
    title = (rec.get("resolution") and f"Resolution {rec['resolution']}") or rec.get("draft") or rec["decision_id"]
    con.print(f"[bold]{title}[/bold]  {rec.get('date')}  {rec.get('meeting') or ''}")
    if rec.get("date_note"):
        con.print(f"[dim]date: {rec['date_note']}[/dim]")
    if rec.get("title"):
        con.print(rec["title"])
    kind = "" if rec.get("kind") in (None, "draft_resolution") else f"{rec['kind']}; "
    # headline, tally and explanation all come from one RecordedDecision (Store.recorded)
    con.print(f"{kind}draft {rec.get('draft') or '?'}; {rec['headline']}; vote {rec['tally']}")
    if rec.get("explanation"):
        con.print(f"[italic]{rec['explanation']}[/italic]")
    if rec.get("votes"):
        t = Table()
        for c in ("member", "name", "vote", "source"):
            t.add_column(c)
        words = {"Y": "yes", "N": "no", "A": "abstain", "X": "did not vote"}
        for v in rec["votes"]:
            vote = words.get(v["vote"], v["vote"])
            if v.get("non_voting_reason") == "present_not_participating":
                vote = "did not participate"
            elif v.get("non_voting_reason") == "absent":
                vote = "absent"
            t.add_row(
                v["member"] + (" *" if v["permanent"] else ""),
                v.get("member_name") or "",
                vote,
                v.get("source") or "",
            )
        con.print(t)
    con.print("sources: " + ", ".join(rec.get("sources") or []))
