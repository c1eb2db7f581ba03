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

__all__ = [
    "check_text",
    "custom_council",
    "decide_ballot",
    "member_name",
    "plot_svg",
    "power",
    "power_table",
    "scenarios",
]


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


_SCENARIO_NAMES = ("scenarios", "list_scenarios", "SCENARIOS", "scenarios.scenarios", "scenarios.SCENARIOS")


def scenarios() -> list[dict[str, Any]]:
    """The reform scenarios ``unsc.analysis`` defines (name, description), or :class:`Unavailable`."""
    found = optional("unsc.analysis", *_SCENARIO_NAMES, feature="reform scenarios")
    got = found() if callable(found) else found
    if isinstance(got, dict):
        got = [{"name": k, **(v if isinstance(v, dict) else {"description": _describe(v)})} for k, v in got.items()]
    out = []
    for item in got:
        if isinstance(item, str):
            out.append({"name": item, "description": ""})
        elif isinstance(item, dict):
            out.append({k: v for k, v in to_jsonable(item).items() if isinstance(v, (str, int, float, bool))})
        else:
            out.append({"name": str(getattr(item, "name", item)), "description": _describe(item)})
    return out


def _describe(obj: Any) -> str:
    return str(getattr(obj, "description", "") or getattr(obj, "title", "") or "")


def _scenario_council(name: str) -> Any:
    """The :class:`~unsc.rules.Council` of a named reform scenario, via ``unsc.analysis``."""
    from unsc.rules import Council

    if name not in {s["name"] for s in scenarios()}:
        raise ValueError(f"unknown scenario {name!r}; known: {', '.join(s['name'] for s in scenarios())}")
    found = optional("unsc.analysis", *_SCENARIO_NAMES, feature="reform scenarios")
    table = found() if callable(found) else found
    item = table[name] if isinstance(table, dict) else next(x for x in table if getattr(x, "name", x) == name)
    for candidate in (item, getattr(item, "council", None), (item.get("council") if isinstance(item, dict) else None)):
        if callable(candidate) and not isinstance(candidate, Council):
            candidate = candidate()
        if isinstance(candidate, Council):
            return candidate
    raise Unavailable("reform scenarios", f"scenario {name!r} does not give a Council the power calculator can use")


def custom_council(size: int, threshold: int, veto: int = 0, vetoes_needed: int = 1) -> Any:
    """A reform model: ``size`` seats, ``threshold`` votes, ``veto`` veto holders (the P5 first).

    >>> c = custom_council(25, 15, veto=5, vetoes_needed=2)
    >>> c.permanent, c.vetoes_needed
    (('CHN', 'FRA', 'RUS', 'GBR', 'USA'), 2)
    """
    from unsc.rules import Council

    if not 0 <= veto <= size:
        raise ValueError(f"veto holders ({veto}) must be between 0 and the size ({size})")
    holders = ["CHN", "FRA", "RUS", "GBR", "USA"][:veto] + [f"V{i}" for i in range(6, veto + 1)]
    return Council.custom(size, threshold, permanent=holders, vetoes_needed=vetoes_needed if veto else 1)


def power(
    date: dt.date | None = None,
    scenario: str | None = None,
    size: int | None = None,
    threshold: int | None = None,
    veto: int | None = None,
    vetoes_needed: int = 1,
) -> dict[str, Any]:
    """Exact voting power (``unsc.analysis.power``) for the Council on a date, a scenario or a custom Council.

    Gives the binary game's indices per seat group and the ternary (yes/abstain/no) model, in
    which an abstaining permanent member does not block.

    >>> p = power(date=dt.date(2024, 3, 22))
    >>> p["groups"][0]["label"], p["groups"][0]["ss"]["exact"]
    ('permanent', '421/2145')
    """
    council_game = optional("unsc.analysis.power", "council_game", feature="power indices")
    from unsc.rules import Council

    if scenario:
        council, query = _scenario_council(scenario), {"scenario": scenario}
    elif size is not None:
        if threshold is None:
            raise ValueError("a custom Council needs both size and threshold")
        if threshold > size:
            raise ValueError(f"votes needed ({threshold}) cannot exceed the seats ({size})")
        council = custom_council(size, threshold, veto or 0, vetoes_needed)
        query = {"size": size, "threshold": threshold, "veto": veto or 0, "vetoes_needed": council.vetoes_needed}
    else:
        when = date or dt.date.today()
        council, query = Council.on(when), {"date": when.isoformat()}
    out = council_game(council).power().to_dict()
    out["query"] = query
    out["council"] = {
        "size": council.size,
        "threshold": council.threshold,
        "veto_holders": list(council.permanent),
        "vetoes_needed": council.vetoes_needed,
    }
    try:
        ternary = optional("unsc.analysis.power", "TernaryCouncil", feature="ternary model")
        out["ternary"] = ternary.of(council).to_dict()
    except Unavailable:
        pass
    names = optional("unsc.analysis.power", "INDEX_NAMES", feature="power indices")
    out["index_names"] = {k: v for k, v in names.items() if k != "coleman"}
    return out


def power_table(result: dict[str, Any]) -> dict[str, Any]:
    """The indices as a table: one row per seat group, one column per index (exact and decimal)."""
    names = result.get("index_names", {})
    keys = [k for k in names if any(k in g for g in result["groups"])]
    rows = []
    for g in result["groups"]:
        cells = [g["label"], g["seats"]]
        for k in keys:
            v = g.get(k)
            cells.append(f"{v['float']:.5f} ({v['exact']})" if isinstance(v, dict) else "")
        rows.append(cells)
    return {"columns": ["seats", "number", *[names[k] for k in keys]], "rows": rows}


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
