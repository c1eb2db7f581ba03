"""unsc: the UN Security Council's decision system, its record since 1946, and analysis of it.

One import gives the everyday entry points (loaded on first use, so ``import unsc`` stays cheap):

>>> import unsc
>>> d = unsc.decide(unsc.Ballot.of("2024-03-25", yes=["DZA", "CHN", "ECU", "FRA", "GUY", "JPN", "MLT", "MOZ",
...                                                  "KOR", "RUS", "SLE", "SVN", "CHE", "GBR"], abstain=["USA"]))
>>> d.adopted, d.tally
(True, '14-0-1')
>>> unsc.Council.on("1950-06-27").threshold
7

With a store built (``unsc build --from DIR`` or ``unsc sync``): :func:`decisions`, :func:`votes`,
:func:`vetoes` and :func:`members` return pandas DataFrames, oldest first, with categorical columns
for the coded values (``vote``, ``kind``, ``failure_reason``, ``modality``, ``issue``);
``unsc.council_game(council).power(["ss", "bz"])`` gives exact power indices, ``unsc.scenario(name)`` a
reform model, and ``unsc.check(text)`` checks a news report against the record.

Filter values are checked: ``unsc.decisions(kind="procedurl")`` raises ``ValueError: unknown kind
'procedurl' (did you mean 'procedural'?)`` rather than returning no rows.

Layers, lower never importing higher: :mod:`unsc.rules` (the Charter engine, pure Python) ->
:mod:`unsc.record` (sources, store, queries) -> :mod:`unsc.analysis` -> :mod:`unsc.news` ->
interfaces (:mod:`unsc.cli`, :mod:`unsc.web`).
"""

from __future__ import annotations

import datetime as _dt
import importlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from unsc.rules import Kind

__version__ = "0.1.0"

#: public name -> (module, attribute)
_ENTRY_POINTS: dict[str, tuple[str, str]] = {
    "Ballot": ("unsc.rules", "Ballot"),
    "Council": ("unsc.rules", "Council"),
    "Decision": ("unsc.rules", "Decision"),
    "FailureReason": ("unsc.rules", "FailureReason"),
    "Kind": ("unsc.rules", "Kind"),
    "Modality": ("unsc.rules", "Modality"),
    "Mode": ("unsc.rules", "Mode"),
    "Vote": ("unsc.rules", "Vote"),
    "decide": ("unsc.rules", "decide"),
    "member": ("unsc.rules", "member"),
    "open_store": ("unsc.record", "open_store"),
    "build": ("unsc.record", "build"),
    "ISSUES": ("unsc.analysis.stats", "ISSUES"),
    "council_game": ("unsc.analysis.power", "council_game"),
    "scenario": ("unsc.analysis.scenarios", "get_scenario"),
    "check": ("unsc.news", "check"),
}

__all__ = ["Outcome", "__version__", "decisions", "members", "vetoes", "votes", *sorted(_ENTRY_POINTS)]

Date = str | int | _dt.date


class Outcome(StrEnum):
    """What became of a decision: the values of ``outcome=`` in :func:`decisions` and ``unsc decisions``.

    >>> Outcome("vetoed") is Outcome.VETOED
    True
    """

    ADOPTED = "adopted"
    FAILED = "failed"  # vetoed or short of votes
    VETOED = "vetoed"
    INSUFFICIENT_VOTES = "insufficient_votes"
    WITHOUT_VOTE = "without_vote"  # adopted without a vote


def __getattr__(name: str) -> Any:
    try:
        module, attr = _ENTRY_POINTS[name]
    except KeyError:
        raise AttributeError(f"module 'unsc' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_ENTRY_POINTS))


def _did_you_mean(value: str, choices: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value.casefold(), [c.casefold() for c in choices], n=1, cutoff=0.6)
    if close:
        return f" (did you mean {next(c for c in choices if c.casefold() == close[0])!r}?)"
    return f"; expected one of: {', '.join(choices)}"


def _choice(what: str, value: Any, enum: type[StrEnum]) -> str:
    """``value`` as the enum's string, or a ValueError naming the value and the nearest choice.

    >>> _choice("outcome", "vetoed", Outcome)
    'vetoed'
    >>> _choice("outcome", "veteod", Outcome)
    Traceback (most recent call last):
    ...
    ValueError: unknown outcome 'veteod' (did you mean 'vetoed'?)
    """
    try:
        return enum(str(value).strip().lower().replace("-", "_").replace(" ", "_")).value
    except ValueError:
        raise ValueError(f"unknown {what} {value!r}{_did_you_mean(str(value), [e.value for e in enum])}") from None


def member_code(name: str) -> str:
    """The ISO code a member's code or name denotes, or a ValueError with the nearest names.

    >>> member_code("Russia"), member_code("the UK")
    ('RUS', 'GBR')
    >>> member_code("Rusia")
    Traceback (most recent call last):
    ...
    unsc.UnknownMemberError: unknown member 'Rusia' (did you mean 'Russian Federation'?)
    """
    from unsc.rules import UnknownMemberError, all_members, member

    try:
        return member(name).code
    except UnknownMemberError as e:
        import difflib

        names = {n: m.name for m in all_members() for n in (m.code, m.name, *m.names, *m.aliases)}
        close = difflib.get_close_matches(name.strip(), list(names), n=1, cutoff=0.7) or difflib.get_close_matches(
            name.strip().casefold(), [n.casefold() for n in names], n=1, cutoff=0.7
        )
        hint = ""
        if close:
            best = next(n for n in names if n.casefold() == close[0].casefold())
            hint = f" (did you mean {names[best]!r}?)"
        raise _member_error(UnknownMemberError)(name, hint) from e


_MEMBER_ERROR: Any = None


def _member_error(base: type) -> type:
    """A subclass of :class:`unsc.rules.UnknownMemberError` whose message carries a suggestion."""
    global _MEMBER_ERROR
    if _MEMBER_ERROR is None:

        class UnknownMemberError(base):
            def __init__(self, text: str, hint: str = "") -> None:
                super().__init__(text)
                self.hint = hint

            def __str__(self) -> str:
                return f"unknown member {self.text!r}{self.hint or ': give an ISO 3166 alpha-3 code or a state name'}"

        UnknownMemberError.__module__ = "unsc"
        UnknownMemberError.__qualname__ = "UnknownMemberError"
        _MEMBER_ERROR = UnknownMemberError
    return _MEMBER_ERROR


_OPENED: dict[str, Any] = {}


def _store(store: Any) -> Any:
    if hasattr(store, "decisions"):  # an open Store
        return store
    if store is not None:  # one read-only connection per store file, reused by later calls
        import os

        key = os.path.abspath(store)
        if key not in _OPENED:
            from unsc.record import open_store

            _OPENED[key] = open_store(store)
        return _OPENED[key]
    from unsc.record import _store as default_store

    return default_store()


def decisions(
    since: Date | None = None,
    until: Date | None = None,
    *,
    member: str | None = None,
    outcome: Outcome | str | None = None,
    kind: Kind | str | None = None,
    voting_class: str | None = None,
    text: str | None = None,
    topic: str | None = None,
    issue: str | None = None,
    vetoed_by: str | None = None,
    limit: int | None = None,
    store: str | Path | None = None,
) -> pd.DataFrame:
    """Decisions of the record, oldest first, one row per vote taken (or decision adopted without one).

    ``since``/``until``: a year (``2011``) or a date (``"2011-10-04"``), inclusive. ``member``: decisions it
    voted on (code or name). ``outcome``: an :class:`Outcome`. ``kind``: a :class:`unsc.rules.Kind`.
    ``voting_class``: a :class:`unsc.rules.VotingClass` (``procedural`` keeps every procedural vote, whatever
    its kind: agenda, invitations, adjournment, ...). ``text``: words in the title, topic, draft or resolution symbol. ``topic``: words in the free-text
    topic; ``issue``: a coded issue (a key of :data:`unsc.analysis.stats.ISSUES`, e.g. ``middle_east``).
    ``vetoed_by``: a permanent member. ``limit``: the first N rows (oldest first). ``store``: a store file
    or an open :class:`unsc.record.Store` (default: the built store, ``UNSC_STORE``). Columns are those of
    ``docs/record-schema.md`` plus ``issue``; ``kind``, ``voting_class``, ``modality``, ``failure_reason``
    and ``issue`` are categoricals. An unknown filter value is a ``ValueError`` that says what was meant.

    >>> d = decisions(since=2024, outcome="vetoed")                          # doctest: +SKIP
    >>> d[["decision_id", "date", "vetoed_by"]].head(2)                        # doctest: +SKIP
    >>> decisions(kind="procedurl")
    Traceback (most recent call last):
    ...
    ValueError: unknown kind 'procedurl' (did you mean 'procedural'?)
    >>> decisions(voting_class="procedual")
    Traceback (most recent call last):
    ...
    ValueError: unknown voting_class 'procedual' (did you mean 'procedural'?)
    """
    from unsc.rules import Kind as _Kind
    from unsc.rules import VotingClass as _VotingClass

    o = _choice("outcome", outcome, Outcome) if outcome is not None else None
    k = _choice("kind", kind, _Kind) if kind is not None else None
    vc = _choice("voting_class", voting_class, _VotingClass) if voting_class is not None else None
    from unsc.analysis.stats import ISSUES, issues_of

    if issue is not None and issue not in ISSUES:
        raise ValueError(f"unknown issue {issue!r}{_did_you_mean(str(issue), list(ISSUES))}")
    m = member_code(member) if member else None
    v = member_code(vetoed_by) if vetoed_by else None
    df = _store(store).decisions(since=since, until=until, member=m, outcome=o, kind=k, text=text, vetoed_by=v)
    df = df.sort_values(["date", "decision_id"], kind="stable", na_position="last").reset_index(drop=True)
    df["issue"] = issues_of(df["topic"])
    if topic:
        df = df[df["topic"].fillna("").str.contains(topic, case=False, regex=False)]
    if vc is not None:
        df = df[df["voting_class"] == str(vc)]
    if issue:
        df = df[df["issue"] == issue]
    df = _categorical(df)
    if limit is not None:
        df = df.head(int(limit))
    return df.reset_index(drop=True)


def _categorical(df: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    from unsc.rules import FailureReason, Kind, Modality, Vote, VotingClass

    for col, enum in (
        ("kind", Kind),
        ("voting_class", VotingClass),
        ("modality", Modality),
        ("failure_reason", FailureReason),
        ("vote", Vote),
    ):
        if col in df:
            cats = [e.value for e in enum]
            extra = sorted(set(df[col].dropna()) - set(cats))
            df[col] = pd.Categorical(df[col], categories=cats + extra)
    return df


def votes(
    decision: str | None = None,
    *,
    member: str | None = None,
    since: Date | None = None,
    until: Date | None = None,
    store: str | Path | None = None,
) -> pd.DataFrame:
    """Member votes, one row per member per decision, oldest first: ``decision_id, member, member_name,
    permanent, vote, source, date, adopted``. ``vote`` is a categorical of :class:`unsc.rules.Vote`
    values (``Y``, ``N``, ``A``, ``X``); ``member_name`` is the state's name as the source gave it at
    the time, in normal case ("Australia", not "AUSTRALIA"; "USSR" stays "USSR").

    >>> votes("S/2024/239", member="Rusia")
    Traceback (most recent call last):
    ...
    unsc.UnknownMemberError: unknown member 'Rusia' (did you mean 'Russian Federation'?)
    """
    from unsc.analysis.stats import proper_name

    m = member_code(member) if member else None
    s = _store(store)
    if decision is not None and s.find(decision) is None:
        raise ValueError(f"no decision {decision!r} in the store (try a draft like S/2024/239 or '2728 (2024)')")
    df = s.votes(decision_id=decision, member=m, since=since, until=until)
    df["member_name"] = df["member_name"].map(proper_name)
    return _categorical(df)


def vetoes(
    member: str | None = None,
    *,
    since: Date | None = None,
    until: Date | None = None,
    store: str | Path | None = None,
) -> pd.DataFrame:
    """Vetoes, one row per vetoing permanent member per vetoed proposal, oldest first (``SUN``, the
    USSR, apart from ``RUS``).

    >>> vetoes("Frnace")
    Traceback (most recent call last):
    ...
    unsc.UnknownMemberError: unknown member 'Frnace' (did you mean 'France'?)
    """
    from unsc.analysis.stats import proper_name

    m = member_code(member) if member else None
    df = _store(store).vetoes(member=m, since=since, until=until)
    df = df.sort_values(["date", "decision_id", "member"], kind="stable").reset_index(drop=True)
    if "member_name" in df:
        df["member_name"] = df["member_name"].map(proper_name)
    return df


def members(*, store: str | Path | None = None) -> pd.DataFrame:
    """Every state that sat on the Council: ``code, name, names, permanent, first_year, last_year,
    years``, by code."""
    from unsc.analysis.stats import proper_name

    df = _store(store).members()
    df["name"] = df["name"].map(proper_name)
    return df
