"""Reform scenarios: named Council shapes built on :meth:`unsc.rules.Council.custom`, their power
indices, and a counterfactual replay of the historical record under their voting rule.

Each preset states its seat counts and threshold and where they come from; figures not checked
against the proposal's text are marked as assumptions. A user-defined scenario comes from a JSON
or TOML file (:func:`load_scenario`).

>>> s = get_scenario("two-vetoes")
>>> s.size, s.threshold, s.vetoes_needed
(15, 9, 2)
>>> str(s.power(["ss"]).value("ss", "permanent"))
'361/2145'
"""

from __future__ import annotations

import datetime as dt
import json
import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from unsc.analysis.power import PowerIndices, TernaryCouncil, council_game
from unsc.rules import Ballot, Council, Mode, Vote, decide

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "P5",
    "PRESETS",
    "Scenario",
    "ScenarioError",
    "SeatGroup",
    "get_scenario",
    "load_scenario",
    "replay",
    "replay_summary",
    "scenario_names",
]

#: The permanent seats in Charter order (``RUS`` stands for the USSR before 24 Dec 1991).
P5 = ("CHN", "FRA", "RUS", "GBR", "USA")


class ScenarioError(ValueError):
    """A scenario is unknown, or a scenario file is malformed (the message names file and field)."""


@dataclass(frozen=True)
class SeatGroup:
    """Seats of one kind: ``count`` seats, with or without a veto. ``historical`` marks the seats
    that exist in the record (the P5 and the elected seats), which a replay can use."""

    label: str
    count: int
    veto: bool = False
    historical: bool = False
    note: str = ""


@dataclass(frozen=True)
class Scenario:
    """A Council shape: seat groups, the affirmative-vote threshold and how many veto holders'
    negative votes it takes to block (``vetoes_needed``)."""

    name: str
    title: str
    groups: tuple[SeatGroup, ...]
    threshold: int
    vetoes_needed: int = 1
    description: str = ""
    source: str = ""
    assumptions: tuple[str, ...] = ()
    replay_rule: str = "scaled"  # "historical": the record's own rule; "scaled": see replay()
    members: tuple[str, ...] | None = field(default=None, compare=False)

    @property
    def size(self) -> int:
        """Number of seats."""
        return sum(g.count for g in self.groups)

    @property
    def veto_holders(self) -> int:
        """Number of seats with a veto."""
        return sum(g.count for g in self.groups if g.veto)

    def council(self) -> Council:
        """The scenario as a :class:`~unsc.rules.Council` (abstract codes for seats without a state).

        >>> get_scenario("g4").council().size
        25
        """
        veto_codes: list[str] = []
        for g in self.groups:
            if not g.veto:
                continue
            if g.historical and g.count == 5:
                veto_codes += list(P5)
            else:
                veto_codes += [f"V{len(veto_codes) + i + 1}" for i in range(g.count)]
        return Council.custom(
            self.size,
            self.threshold,
            permanent=veto_codes,
            vetoes_needed=self.vetoes_needed if veto_codes else 1,
            name=self.title,
        )

    def game_groups(self) -> list[tuple[str, int, bool]]:
        """The seat groups as ``(label, count, veto)`` for :func:`~unsc.analysis.power.council_game`."""
        return [(g.label, g.count, g.veto) for g in self.groups]

    def power(self, indices: Iterable[str] | str | None = None) -> PowerIndices:
        """Exact power indices per seat group (binary yes / not-yes game).

        >>> str(get_scenario("charter-1946").power(["ss"]).value("ss", "elected"))
        '1/462'
        """
        return council_game(self.council(), self.game_groups()).power(indices)

    def ternary(self) -> TernaryCouncil:
        """The yes/abstain/no model of the scenario (abstaining veto holders do not block)."""
        return TernaryCouncil.of(self.council(), self.game_groups())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description."""
        return {
            "name": self.name,
            "title": self.title,
            "seats": self.size,
            "threshold": self.threshold,
            "veto_holders": self.veto_holders,
            "vetoes_needed": self.vetoes_needed,
            "groups": [
                {"label": g.label, "count": g.count, "veto": g.veto, "historical": g.historical, "note": g.note}
                for g in self.groups
            ],
            "description": self.description,
            "source": self.source,
            "assumptions": list(self.assumptions),
            "replay_rule": self.replay_rule,
        }


def _p5(note: str = "") -> SeatGroup:
    return SeatGroup("permanent", 5, veto=True, historical=True, note=note)


PRESETS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario(
            "charter-1946",
            "The Charter Council of 1946",
            (_p5(), SeatGroup("elected", 6, historical=True)),
            7,
            description="11 members (5 permanent, 6 elected); 7 affirmative votes including the concurring votes "
            "of the permanent members (original Arts. 23 and 27). In force until 1965.",
            source="UN Charter (1945), Arts. 23(1), 27(2)-(3); spec rules.md R1",
            replay_rule="historical",
        ),
        Scenario(
            "charter-today",
            "The Charter Council today (since 1966)",
            (_p5(), SeatGroup("elected", 10, historical=True)),
            9,
            description="15 members (5 permanent, 10 elected); 9 affirmative votes including the concurring votes "
            "of the permanent members (Arts. 23 and 27 as amended by GA res. 1991 A (XVIII)).",
            source="UN Charter as amended (in force 31 Aug 1965; first 15-member Council 1966); spec rules.md R1",
            replay_rule="historical",
        ),
        Scenario(
            "g4",
            "G4 model: 25 seats, 6 new permanent seats without veto",
            (
                _p5(),
                SeatGroup("new permanent (no veto)", 6, note="2 Africa, 2 Asia-Pacific, 1 Latin America, 1 WEOG"),
                SeatGroup("elected", 14, historical=True, note="10 today + 4 new"),
            ),
            14,
            description="The G4 (Brazil, Germany, India, Japan) framework draft A/59/L.64 (July 2005): six new "
            "permanent members and four new non-permanent members (25 seats). The new permanent members would not "
            "exercise the veto until a review after 15 years.",
            source="A/59/L.64 (2005); press reports of its presentation",
            assumptions=(
                "threshold 14 of 25 is taken from recollection of the draft's Art. 27 amendment, not checked "
                "against the text",
                "the new permanent members are modelled without a veto (the 15-year freeze), i.e. like elected seats",
            ),
        ),
        Scenario(
            "uniting-for-consensus",
            "Uniting for Consensus: 25 seats, no new permanent members",
            (
                _p5(),
                SeatGroup(
                    "elected",
                    20,
                    historical=True,
                    note="10 two-year seats today + 10 new; later UfC texts make some longer-term and renewable",
                ),
            ),
            15,
            description="The Uniting for Consensus draft A/59/L.68 (July 2005): 10 more elected seats (20), "
            "eligible for immediate re-election, no new permanent members (25 seats). Later UfC proposals add "
            "longer-term renewable seats; in a voting game these are elected seats without a veto.",
            source="A/59/L.68 (2005); press reports of its presentation",
            assumptions=(
                "threshold 15 of 25 is an assumption (three-fifths, the share of 9 of 15), not checked against "
                "the draft",
                "longer-term renewable seats vote like elected seats (term length does not enter an a priori index)",
            ),
        ),
        Scenario(
            "ezulwini",
            "African Common Position (Ezulwini): 26 seats, new permanent seats with veto",
            (
                _p5(),
                SeatGroup("African permanent (veto)", 2, veto=True, note="Ezulwini Consensus: 2 African seats"),
                SeatGroup("other new permanent (veto)", 4, veto=True, note="2 Asia-Pacific, 1 GRULAC, 1 WEOG"),
                SeatGroup("elected", 15, historical=True, note="10 today + 5 new, 2 of them African"),
            ),
            15,
            description="The African Union's Ezulwini Consensus (2005) and draft A/59/L.67: 11 permanent seats "
            "(2 for Africa) with all the prerogatives of permanent membership including the veto, and 15 "
            "non-permanent seats (26 seats).",
            source="Ezulwini Consensus (AU, March 2005); A/59/L.67 (2005)",
            assumptions=(
                "threshold 15 of 26 is an assumption, not checked against the draft",
                "all six new permanent members hold a veto, as the Common Position asks",
            ),
        ),
        Scenario(
            "no-veto",
            "Today's Council without the veto",
            (SeatGroup("permanent (no veto)", 5, historical=True), SeatGroup("elected", 10, historical=True)),
            9,
            description="15 members, 9 affirmative votes, no veto: every member is equal (abolition of the veto).",
            source="hypothetical rule change",
        ),
        Scenario(
            "two-vetoes",
            "Today's Council, a veto needs two permanent members",
            (_p5(), SeatGroup("elected", 10, historical=True)),
            9,
            vetoes_needed=2,
            description="15 members, 9 affirmative votes; a draft fails only if at least two permanent members "
            "vote no (a single negative vote no longer blocks).",
            source="hypothetical rule change (a common proposal to restrain the veto)",
        ),
    )
}


def scenario_names() -> list[str]:
    """The preset names.

    >>> scenario_names()[:2]
    ['charter-1946', 'charter-today']
    """
    return list(PRESETS)


def get_scenario(name: str) -> Scenario:
    """A preset by name (case-insensitive), or a scenario file path (``.json`` / ``.toml``).

    >>> get_scenario("G4").threshold
    14
    """
    key = name.strip().lower()
    if key in PRESETS:
        return PRESETS[key]
    path = Path(name)
    if path.suffix.lower() in (".json", ".toml") and path.exists():
        return load_scenario(path)
    raise ScenarioError(f"unknown scenario {name!r}: choose one of {', '.join(PRESETS)} or give a .json/.toml file")


def load_scenario(path: str | Path) -> Scenario:
    """Read a user-defined scenario from JSON or TOML.

    Fields: ``name``, ``title`` (optional), ``seats`` (size), ``threshold``, ``veto_holders``
    (a count or a list of state codes), ``vetoes_needed`` (default 1), ``members`` (optional list
    of codes, one per seat), ``groups`` (optional list of ``{label, count, veto}`` instead of
    seats/veto_holders), ``description``, ``assumptions``.

    >>> import tempfile, os
    >>> f = os.path.join(tempfile.mkdtemp(), "s.toml")
    >>> _ = open(f, "w").write('name = "x"\\nseats = 21\\nthreshold = 13\\nveto_holders = 5\\nvetoes_needed = 2\\n')
    >>> s = load_scenario(f); s.size, s.threshold, s.vetoes_needed
    (21, 13, 2)
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ScenarioError(f"{p}: cannot read: {e.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8")) if p.suffix.lower() == ".toml" else json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise ScenarioError(f"{p}: not valid {p.suffix.lstrip('.').upper() or 'JSON'}: {e}") from None
    if not isinstance(data, Mapping):
        raise ScenarioError(f"{p}: expected a table/object at the top level")
    return scenario_from_mapping(data, str(p))


def _int_field(data: Mapping[str, Any], key: str, where: str, default: int | None = None) -> int:
    if key not in data:
        if default is None:
            raise ScenarioError(f"{where}: field {key!r} is missing")
        return default
    v = data[key]
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise ScenarioError(f"{where}: field {key!r} must be a non-negative integer, not {v!r}")
    return v


def scenario_from_mapping(data: Mapping[str, Any], where: str = "scenario") -> Scenario:
    """Build a :class:`Scenario` from a dict (the parsed spec file); errors name ``where`` and the field.

    >>> scenario_from_mapping({"name": "x", "seats": 15, "threshold": 9, "veto_holders": ["CHN", "USA"]}).veto_holders
    2
    """
    name = str(data.get("name") or Path(where).stem)
    members = None
    if "members" in data:
        if not isinstance(data["members"], list) or not all(isinstance(m, str) for m in data["members"]):
            raise ScenarioError(f"{where}: field 'members' must be a list of state codes")
        members = tuple(m.upper() for m in data["members"])
    if "groups" in data:
        groups_raw = data["groups"]
        if not isinstance(groups_raw, list) or not groups_raw:
            raise ScenarioError(f"{where}: field 'groups' must be a non-empty list")
        groups = []
        for i, g in enumerate(groups_raw, 1):
            gw = f"{where}: groups[{i}]"
            if not isinstance(g, Mapping):
                raise ScenarioError(f"{gw}: expected a table with label, count, veto")
            groups.append(
                SeatGroup(
                    str(g.get("label", f"group {i}")),
                    _int_field(g, "count", gw),
                    bool(g.get("veto", False)),
                    bool(g.get("historical", False)),
                )
            )
        size = sum(g.count for g in groups)
        if "seats" in data and _int_field(data, "seats", where) != size:
            raise ScenarioError(f"{where}: field 'seats' is {data['seats']} but the groups add up to {size}")
    else:
        size = _int_field(data, "seats", where, default=len(members) if members else None)
        vh = data.get("veto_holders", 0)
        if isinstance(vh, list):
            codes = [str(c).upper() for c in vh]
            nveto = len(codes)
            historical = set(codes) <= set(P5) | {"SUN"}
        elif isinstance(vh, int) and not isinstance(vh, bool) and vh >= 0:
            nveto, historical = vh, vh == 5
        else:
            raise ScenarioError(f"{where}: field 'veto_holders' must be a count or a list of codes, not {vh!r}")
        if nveto > size:
            raise ScenarioError(f"{where}: {nveto} veto holders for {size} seats")
        groups = [
            SeatGroup("veto holders", nveto, veto=True, historical=historical and nveto == 5),
            SeatGroup("other seats", size - nveto, historical=size - nveto in (6, 10)),
        ]
        groups = [g for g in groups if g.count]
    if members is not None and len(members) != size:
        raise ScenarioError(f"{where}: field 'members' lists {len(members)} states for {size} seats")
    threshold = _int_field(data, "threshold", where)
    if not 1 <= threshold <= size:
        raise ScenarioError(f"{where}: field 'threshold' must be between 1 and the {size} seats, not {threshold}")
    nveto = sum(g.count for g in groups if g.veto)
    vetoes_needed = _int_field(data, "vetoes_needed", where, default=1)
    if nveto and not 1 <= vetoes_needed <= nveto:
        raise ScenarioError(f"{where}: field 'vetoes_needed' must be between 1 and {nveto}, not {vetoes_needed}")
    assumptions = data.get("assumptions", [])
    if isinstance(assumptions, str):
        assumptions = [assumptions]
    return Scenario(
        name,
        str(data.get("title", name)),
        tuple(groups),
        threshold,
        vetoes_needed if nveto else 1,
        str(data.get("description", "")),
        str(data.get("source", where)),
        tuple(str(a) for a in assumptions),
        str(data.get("replay_rule", "scaled")),
        members,
    )


# --------------------------------------------------------------------------------------------
# Counterfactual replay


def replay_rule_for(scenario: Scenario, size: int, permanent: tuple[str, ...]) -> tuple[int, tuple[str, ...], int]:
    """The rule a scenario implies for a historical Council of ``size`` seats with these permanent
    members: ``(threshold, veto holders, vetoes_needed)``.

    Only seats that existed can vote in a replay. The veto stays with the historical permanent
    members if the scenario gives its historical permanent group a veto; seats the scenario adds
    are left out. The threshold is the scenario's own when the size matches, else the same share
    of the seats, rounded up (14 of 25 -> 9 of 15 and 7 of 11).

    >>> replay_rule_for(get_scenario("two-vetoes"), 15, ("CHN", "FRA", "RUS", "GBR", "USA"))
    (9, ('CHN', 'FRA', 'RUS', 'GBR', 'USA'), 2)
    >>> replay_rule_for(get_scenario("no-veto"), 11, ("CHN", "FRA", "SUN", "GBR", "USA"))
    (7, (), 1)
    """
    hist_threshold = 7 if size == 11 else 9
    if scenario.replay_rule == "historical":
        return hist_threshold, permanent, 1
    threshold = scenario.threshold if scenario.size == size else math.ceil(scenario.threshold * size / scenario.size)
    vetoed = any(g.veto and g.historical for g in scenario.groups)
    holders = permanent if vetoed else ()
    needed = min(scenario.vetoes_needed, len(holders)) if holders else 1
    return threshold, holders, needed


def replay(scenario: Scenario, decisions: pd.DataFrame, votes: pd.DataFrame) -> pd.DataFrame:
    """Re-decide every recorded vote under the scenario's rule, with the members' recorded votes.

    ``decisions`` and ``votes`` are shaped like the store's tables (``decision_id``, ``date``,
    ``kind``, ``voting_class``, ``modality``, ``adopted``; ``decision_id``, ``member``, ``vote``).
    The baseline is the Charter rule of the day, re-decided the same way, so the ``changed``
    column isolates the effect of the rule. Decisions without member votes are left out.
    Returns one row per decision: ``decision_id, date, draft, resolution, title, recorded_adopted,
    charter_adopted, scenario_adopted, changed, change, explanation, error``.

    >>> import pandas as pd
    >>> d = pd.DataFrame({"decision_id": ["S/2024/239"], "date": ["2024-03-22"], "kind": ["draft_resolution"],
    ...                   "voting_class": ["non_procedural"], "modality": ["recorded"], "adopted": [False]})
    >>> yes = "USA GBR FRA JPN KOR MLT CHE SVN ECU MOZ SLE".split()
    >>> v = pd.DataFrame({"decision_id": "S/2024/239", "member": yes + ["RUS", "CHN", "DZA", "GUY"],
    ...                   "vote": ["Y"] * 11 + ["N", "N", "N", "A"]})
    >>> r = replay(get_scenario("no-veto"), d, v).iloc[0]
    >>> bool(r.charter_adopted), bool(r.scenario_adopted), r.change
    (False, True, 'fail -> pass')
    >>> bool(replay(get_scenario("two-vetoes"), d, v)["scenario_adopted"].iloc[0])  # China and Russia: two vetoes
    False
    """
    import pandas as pd

    by_decision: dict[str, dict[str, str]] = {}
    for did, member, vote in votes[["decision_id", "member", "vote"]].itertuples(index=False):
        if isinstance(did, str) and isinstance(member, str) and isinstance(vote, str):
            by_decision.setdefault(did, {})[member] = vote
    rows = []
    cols = decisions.columns
    for rec in decisions.to_dict("records"):
        did = rec["decision_id"]
        member_votes = by_decision.get(did)
        if not member_votes:
            continue
        row = {
            "decision_id": did,
            "date": rec.get("date"),
            "draft": rec.get("draft") if "draft" in cols else None,
            "resolution": rec.get("resolution") if "resolution" in cols else None,
            "title": rec.get("title") if "title" in cols else None,
            "recorded_adopted": rec.get("adopted"),
            "charter_adopted": None,
            "scenario_adopted": None,
            "changed": False,
            "change": "",
            "explanation": "",
            "error": "",
        }
        try:
            when = _as_date(rec.get("date"))
            charter = Council.on(when)
            kind = rec.get("kind") or "draft_resolution"
            vclass = rec.get("voting_class") or None
            modality = rec.get("modality") or "recorded"
            ballot = Ballot.from_mapping(
                when,
                {m: Vote.parse(v) for m, v in member_votes.items()},
                kind=kind,
                voting_class=vclass,
                modality=modality,
            )
            base = decide(ballot, Council.custom(charter.size, charter.threshold, charter.permanent), Mode())
            t, holders, needed = replay_rule_for(scenario, charter.size, charter.permanent)
            new = decide(
                ballot, Council.custom(charter.size, t, holders, vetoes_needed=needed, name=scenario.title), Mode()
            )
            row["charter_adopted"] = base.adopted
            row["scenario_adopted"] = new.adopted
            row["changed"] = base.adopted != new.adopted
            if row["changed"]:
                row["change"] = "fail -> pass" if new.adopted else "pass -> fail"
            row["explanation"] = new.explanation
        except Exception as e:  # keep going: one bad row must not stop the replay
            row["error"] = f"{type(e).__name__}: {e}"
        rows.append(row)
    return pd.DataFrame(
        rows,
        columns=[
            "decision_id",
            "date",
            "draft",
            "resolution",
            "title",
            "recorded_adopted",
            "charter_adopted",
            "scenario_adopted",
            "changed",
            "change",
            "explanation",
            "error",
        ],
    )


def replay_summary(result: pd.DataFrame) -> dict[str, int]:
    """Counts from :func:`replay`: decisions replayed, adopted under each rule, changes each way, errors.

    >>> import pandas as pd
    >>> replay_summary(pd.DataFrame({"charter_adopted": [True, False], "scenario_adopted": [True, True],
    ...                              "change": ["", "fail -> pass"], "error": ["", ""]}))["fail_to_pass"]
    1
    """
    ok = result[result["error"] == ""] if len(result) else result
    return {
        "replayed": len(ok),
        "charter_adopted": int(ok["charter_adopted"].fillna(False).astype(bool).sum()) if len(ok) else 0,
        "scenario_adopted": int(ok["scenario_adopted"].fillna(False).astype(bool).sum()) if len(ok) else 0,
        "fail_to_pass": int((ok["change"] == "fail -> pass").sum()) if len(ok) else 0,
        "pass_to_fail": int((ok["change"] == "pass -> fail").sum()) if len(ok) else 0,
        "errors": int((result["error"] != "").sum()) if len(result) else 0,
    }


def _as_date(value: Any) -> dt.date:
    if value is None or value != value or str(value) in ("NaT", "nan", ""):  # None, NaN, NaT
        raise ValueError("the record has no date for this decision")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date()
    return dt.date.fromisoformat(str(value)[:10])
