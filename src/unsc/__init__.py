"""unsc: the UN Security Council's decision system, its record since 1946, and analysis of it.

Layers, lower never importing higher: :mod:`unsc.rules` (the Charter engine, pure Python) ->
:mod:`unsc.record` (sources, store, queries) -> :mod:`unsc.analysis` -> :mod:`unsc.news` ->
interfaces (:mod:`unsc.cli`, :mod:`unsc.web`).
"""

__version__ = "0.1.0"
