"""unsc: the UN Security Council's decision system, its record since 1946, and analysis of it.

One import gives the everyday entry points (loaded on first use, so ``import unsc`` stays cheap):

>>> import unsc
>>> d = unsc.decide(unsc.Ballot.of("2024-03-25", yes=["DZA", "CHN", "ECU", "FRA", "GUY", "JPN", "MLT", "MOZ",
...                                                  "KOR", "RUS", "SLE", "SVN", "CHE", "GBR"], abstain=["USA"]))
>>> d.adopted, d.tally
(True, '14-0-1')
>>> unsc.Council.on("1950-06-27").threshold
7

With a store built (``unsc build --from DIR`` or ``unsc sync``): ``unsc.open_store()``,
``unsc.decisions(since=2020)``, ``unsc.vetoes(member="RUS")`` return pandas DataFrames;
``unsc.council_game(council).power(["ss", "bz"])`` gives exact power indices, ``unsc.scenario(name)`` a
reform model, and ``unsc.check(text)`` checks a news report against the record.

Layers, lower never importing higher: :mod:`unsc.rules` (the Charter engine, pure Python) ->
:mod:`unsc.record` (sources, store, queries) -> :mod:`unsc.analysis` -> :mod:`unsc.news` ->
interfaces (:mod:`unsc.cli`, :mod:`unsc.web`).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

#: public name -> (module, attribute)
_ENTRY_POINTS: dict[str, tuple[str, str]] = {
    "Ballot": ("unsc.rules", "Ballot"),
    "Council": ("unsc.rules", "Council"),
    "Decision": ("unsc.rules", "Decision"),
    "Kind": ("unsc.rules", "Kind"),
    "Mode": ("unsc.rules", "Mode"),
    "Vote": ("unsc.rules", "Vote"),
    "decide": ("unsc.rules", "decide"),
    "member": ("unsc.rules", "member"),
    "open_store": ("unsc.record", "open_store"),
    "build": ("unsc.record", "build"),
    "decisions": ("unsc.record", "decisions"),
    "vetoes": ("unsc.record", "vetoes"),
    "council_game": ("unsc.analysis.power", "council_game"),
    "scenario": ("unsc.analysis.scenarios", "get_scenario"),
    "check": ("unsc.news", "check"),
}

__all__ = ["__version__", *sorted(_ENTRY_POINTS)]


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
