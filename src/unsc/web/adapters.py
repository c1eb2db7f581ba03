"""Adapters from the web layer to the rules engine, the analysis and the news check.

Each adapter calls the lower layer and turns its answer into JSON-ready dicts; nothing is computed
here in its place. The lower layers are imported where they are used (matplotlib and the power
tables load on the first chart or power page, not at start-up); a failing import is an error.

>>> out = decide_ballot({"date": "2024-03-22", "yes": ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN",
...     "ECU", "MOZ", "SLE"], "no": ["RUS", "CHN", "DZA"], "abstain": ["GUY"]})
>>> out["adopted"], out["tally"], out["vetoed_by"]
(False, '11-3-1', ['CHN', 'RUS'])
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from unsc.web.store_cache import BadInput, Unavailable, records, to_jsonable

__all__ = [
    "check_text",
    "custom_council",
    "decide_ballot",
    "member_name",
    "plot_svg",
    "power",
    "power_table",
    "scenarios",
    "veto_table",
]


def member_name(code: str, when: Any = None) -> str:
    """A member's name from its code, in the rules' registry (properly cased, never a source's capitals).

    On a date ``when`` a permanent seat is named by the government that held it then (R2): the
    Republic of China until 25 October 1971, the USSR until 24 December 1991. The code itself if unknown.

    >>> member_name("RUS"), member_name("XXX"), member_name("CHN", "1950-06-27"), member_name("CHN", "2024-03-22")
    ('Russian Federation', 'XXX', 'Republic of China', 'China')
    >>> member_name("RUS", dt.date(1956, 11, 4)), member_name("AUS", "1950-06-27")
    ('USSR', 'Australia')
    """
    from unsc.record.dates import DateError, parse_date
    from unsc.rules import find_member, permanent_government, permanent_seat
    from unsc.rules.charter import PRC_SEATED

    if code and when is not None and permanent_seat(code):
        try:
            day = parse_date(when, day=True)
        except DateError:
            day = None
        if day is not None:
            name = permanent_government(code, day)[1]
            return "China" if code == "CHN" and day >= PRC_SEATED else name  # the UN's name for the seat since 1971
    found = find_member(code) if code else None
    return found.name if found is not None else code


def decide_ballot(spec: dict[str, Any]) -> dict[str, Any]:
    """Decide a hypothetical ballot with :func:`unsc.rules.decide`; raises ``ValueError`` on bad input.

    ``spec`` has ``date``, lists ``yes``/``no``/``abstain``/``absent``/``not_participating``,
    ``kind``, ``voting_class``, ``interpretation`` and optionally ``council`` (``size``,
    ``threshold``, ``permanent``, ``vetoes_needed``) for a reform model.
    """
    from unsc.rules import Ballot, Council, Interpretation, Mode, RosterError, UnknownMemberError, decide

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
            raise BadInput("give a date (the Council of that date decides) or a custom council")
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
        decision = decide(
            ballot, council, Mode(interpretation=Interpretation.parse(spec.get("interpretation") or "practice"))
        )
    except (UnknownMemberError, RosterError) as exc:
        raise BadInput(str(exc)) from exc
    except (ValueError, KeyError, TypeError, OverflowError) as exc:  # the rules engine's checks of its input
        raise BadInput(f"bad ballot: {exc}") from exc
    out = decision.to_dict()
    out["tally"] = decision.tally
    out["vetoed_by_names"] = [member_name(c) for c in decision.vetoed_by]
    seated = council or Council.on(ballot.date)  # type: ignore[arg-type]  # once: 0.1 ms a call (issue 14)
    out["council"] = {"size": seated.size, "threshold": decision.threshold, "permanent": list(seated.permanent)}
    return out


# -- analysis ---------------------------------------------------------------------------------


def _frame_or_rows(value: Any) -> Any:
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        return records(value)
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return to_jsonable(value.to_dict())
    return to_jsonable(value)


def scenarios() -> list[dict[str, Any]]:
    """The reform scenarios of ``unsc.analysis.scenarios`` (name, title, seats, threshold, ...).

    >>> [s["name"] for s in scenarios()][:2]
    ['charter-1946', 'charter-today']
    """
    from unsc.analysis.scenarios import get_scenario, scenario_names

    out = []
    for name in scenario_names():
        d = to_jsonable(get_scenario(name).to_dict())
        out.append({k: d.get(k) for k in ("name", "title", "seats", "threshold", "veto_holders", "vetoes_needed")}
                   | {"description": d.get("description", ""), "source": d.get("source", "")})  # fmt: skip
    return out


def _scenario(name: str) -> Any:
    """A named reform scenario from ``unsc.analysis.scenarios``; an unknown name is :class:`BadInput`."""
    from unsc.analysis.scenarios import get_scenario, scenario_names

    if name.strip().lower() not in scenario_names():  # presets only: never read a file path given over HTTP
        raise BadInput(f"unknown scenario {name!r}; choose one of {', '.join(scenario_names())}")
    return get_scenario(name)


def custom_council(size: int, threshold: int, veto: int = 0, vetoes_needed: int = 1) -> Any:
    """A reform model: ``size`` seats, ``threshold`` votes, ``veto`` veto holders (the P5 first).

    >>> c = custom_council(25, 15, veto=5, vetoes_needed=2)
    >>> c.permanent, c.vetoes_needed
    (('CHN', 'FRA', 'RUS', 'GBR', 'USA'), 2)
    """
    from unsc.rules import Council

    if not 0 <= veto <= size:
        raise BadInput(f"veto holders ({veto}) must be between 0 and the size ({size})")
    holders = ["CHN", "FRA", "RUS", "GBR", "USA"][:veto] + [f"V{i}" for i in range(6, veto + 1)]
    try:
        return Council.custom(size, threshold, permanent=holders, vetoes_needed=vetoes_needed if veto else 1)
    except ValueError as exc:
        raise BadInput(str(exc)) from exc


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
    from unsc.analysis.power import INDEX_NAMES, TernaryCouncil, council_game
    from unsc.rules import Council

    ternary: Any = None
    if scenario:
        sc = _scenario(scenario)
        council, query = sc.council(), {"scenario": sc.name, "title": sc.title}
        out = sc.power().to_dict()
        ternary = sc.ternary()
    else:
        if size is not None:
            if threshold is None:
                raise BadInput("a custom Council needs both size and threshold")
            if threshold > size:
                raise BadInput(f"votes needed ({threshold}) cannot exceed the seats ({size})")
            council = custom_council(size, threshold, veto or 0, vetoes_needed)
            query = {"size": size, "threshold": threshold, "veto": veto or 0, "vetoes_needed": council.vetoes_needed}
        else:
            when = date or dt.date.today()
            try:
                council, query = Council.on(when), {"date": when.isoformat()}
            except ValueError as exc:  # before the Charter, or a date the rules cannot seat
                raise BadInput(str(exc)) from exc
        out = council_game(council).power().to_dict()
        ternary = TernaryCouncil.of(council)
    out["query"] = query
    out["council"] = {
        "size": council.size,
        "threshold": council.threshold,
        "veto_holders": list(council.permanent),
        "vetoes_needed": council.vetoes_needed,
    }
    if ternary is not None:
        out["ternary"] = ternary.to_dict()
    out["index_names"] = {k: v for k, v in INDEX_NAMES.items() if k != "coleman"}
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


def plot_svg(name: str, *args: Any, **kwargs: Any) -> str:
    """An SVG chart drawn by ``unsc.analysis.plots.<name>`` (matplotlib, server-side)."""
    import io

    import matplotlib.pyplot as plt

    from unsc.analysis import plots

    fn = getattr(plots, name)
    fig = fn(*args, **kwargs)
    buf = io.StringIO()
    try:
        fig.savefig(buf, format="svg")
    finally:
        plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg") :]


def veto_table(vetoes: Any) -> list[dict[str, Any]]:
    """Vetoes per permanent seat from ``unsc.analysis.stats.veto_counts`` (USSR counted with Russia)."""
    from unsc.analysis.stats import veto_counts

    return records(veto_counts(vetoes, by="member").reset_index())


# -- news -------------------------------------------------------------------------------------


def check_text(text: str, store: Any = None, date: dt.date | None = None) -> dict[str, Any]:
    """Check a news text's vote claims against the record with :func:`unsc.news.check`.

    Returns the report as a dict (``status``, ``message``, ``decision``, ``claims`` with a
    ``verdict`` each, ``consistency``); :class:`Unavailable` if the store is missing.
    """
    from unsc.news import check

    if store is None:
        raise Unavailable("news check", "the record store is missing: run 'unsc build --from DIR' first")
    report = check(text, date=date, store=store)
    return to_jsonable(report.to_dict() if hasattr(report, "to_dict") else report)


VERDICT_WORDS = {"supported": "Supported", "contradicted": "Contradicted", "unverifiable": "Cannot verify"}
