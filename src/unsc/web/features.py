"""Adapters from the web layer to the rules engine, the analysis and the news check.

Each adapter calls the lower layer and turns its answer into JSON-ready dicts. Where a layer has
not landed (or lacks the function), :class:`~unsc.web.backend.Unavailable` says so; nothing is
computed here in its place.

>>> out = decide_ballot({"date": "2024-03-22", "yes": ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN",
...     "ECU", "MOZ", "SLE"], "no": ["RUS", "CHN", "DZA"], "abstain": ["GUY"]})
>>> out["adopted"], out["tally"], out["vetoed_by"]
(False, '11-3-1', ['CHN', 'RUS'])
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from unsc.web.backend import Unavailable, optional, records, to_jsonable

__all__ = ["check_text", "decide_ballot", "member_name", "plot_svg", "power", "scenarios"]


def member_name(code: str) -> str:
    """A member's usual name from its code (the code itself if unknown).

    >>> member_name("RUS"), member_name("XXX")
    ('Russian Federation', 'XXX')
    """
    from unsc.rules import find_member

    found = find_member(code) if code else None
    return found.name if found is not None else code


def decide_ballot(spec: dict[str, Any]) -> dict[str, Any]:
    """Decide a hypothetical ballot with :func:`unsc.rules.decide`; raises ``ValueError`` on bad input.

    ``spec`` has ``date``, lists ``yes``/``no``/``abstain``/``absent``/``not_participating``,
    ``kind``, ``voting_class``, ``interpretation`` and optionally ``council`` (``size``,
    ``threshold``, ``permanent``, ``vetoes_needed``) for a reform model.
    """
    from unsc.rules import Ballot, Council, Mode, RosterError, UnknownMemberError, decide

    try:
        council = None
        c = spec.get("council")
        if c:
            council = Council.custom(
                int(c["size"]),
                int(c["threshold"]),
                permanent=[p for p in c.get("permanent") or [] if p],
                vetoes_needed=int(c.get("vetoes_needed") or 1),
            )
        date = spec.get("date")
        if date is None and council is None:
            raise ValueError("give a date (the Council of that date decides) or a custom council")
        ballot = Ballot.of(
            date,
            yes=spec.get("yes") or (),
            no=spec.get("no") or (),
            abstain=spec.get("abstain") or (),
            absent=spec.get("absent") or (),
            not_participating=spec.get("not_participating") or (),
            kind=spec.get("kind") or "draft_resolution",
            voting_class=spec.get("voting_class") or None,
        )
        decision = decide(ballot, council, Mode(interpretation=spec.get("interpretation") or "practice"))
    except (UnknownMemberError, RosterError) as exc:
        raise ValueError(str(exc)) from exc
    except (KeyError, TypeError, OverflowError) as exc:
        raise ValueError(f"bad ballot: {exc}") from exc
    out = decision.to_dict()
    out["tally"] = decision.tally
    out["vetoed_by_names"] = [member_name(c) for c in decision.vetoed_by]
    out["council"] = {
        "size": (council or Council.on(ballot.date)).size,  # type: ignore[arg-type]
        "threshold": decision.threshold,
        "permanent": list((council or Council.on(ballot.date)).permanent),  # type: ignore[arg-type]
    }
    return out


# -- analysis ---------------------------------------------------------------------------------


def _frame_or_rows(value: Any) -> Any:
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        return records(value)
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return to_jsonable(value.to_dict())
    return to_jsonable(value)


def scenarios() -> list[dict[str, Any]]:
    """The reform scenarios ``unsc.analysis`` knows (name, description), or :class:`Unavailable`."""
    fn = optional(
        "unsc.analysis",
        "scenarios",
        "list_scenarios",
        "power.scenarios",
        "power.list_scenarios",
        "scenarios.list_scenarios",
        "scenarios.scenarios",
        feature="reform scenarios",
    )
    got = fn() if callable(fn) else fn
    if isinstance(got, dict):
        got = [{"name": k, **(v if isinstance(v, dict) else {"description": _describe(v)})} for k, v in got.items()]
    out = []
    for s in got:
        if isinstance(s, str):
            out.append({"name": s, "description": ""})
        elif isinstance(s, dict):
            out.append(to_jsonable(s))
        else:
            out.append({"name": str(getattr(s, "name", s)), "description": _describe(s)})
    return out


def _describe(obj: Any) -> str:
    return str(getattr(obj, "description", "") or getattr(obj, "title", "") or "")


def power(
    date: dt.date | None = None,
    scenario: str | None = None,
    size: int | None = None,
    threshold: int | None = None,
    veto: int | None = None,
    vetoes_needed: int = 1,
) -> dict[str, Any]:
    """Voting power indices for the Council on a date, a named scenario or a custom Council.

    Delegates to ``unsc.analysis``; raises :class:`Unavailable` until it provides power indices.
    """
    fn = optional(
        "unsc.analysis",
        "power_indices",
        "power.power_indices",
        "power.indices",
        "power.council_power",
        feature="power indices",
    )
    if scenario:
        args: dict[str, Any] = {"scenario": scenario}
    elif size is not None:
        args = {"size": size, "threshold": threshold, "veto": veto or 0, "vetoes_needed": vetoes_needed}
    else:
        args = {"date": date or dt.date.today()}
    try:
        got = fn(**args)
    except TypeError as exc:
        raise Unavailable("power indices", f"unsc.analysis power function does not take {sorted(args)}: {exc}") from exc
    return {"query": to_jsonable(args), "result": _frame_or_rows(got)}


def plot_svg(name: str, **kwargs: Any) -> str:
    """An SVG chart from ``unsc.analysis.plots`` (matplotlib, rendered server-side), or :class:`Unavailable`."""
    fn = optional("unsc.analysis.plots", name, feature=f"chart {name}")
    fig = fn(**kwargs)
    import io

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg") :]


# -- news -------------------------------------------------------------------------------------


def check_text(text: str, store: Any = None) -> dict[str, Any]:
    """Check a news text's claims against the record with ``unsc.news``, or :class:`Unavailable`."""
    fn = optional("unsc.news", "check", "check_text", "checker.check", feature="news check")
    try:
        got = fn(text, store=store) if store is not None else fn(text)
    except TypeError:
        got = fn(text)
    return {"result": _frame_or_rows(got)}
