"""The record: every Council vote since 1946, merged from public sources and validated.

Build the store with :func:`build` (``unsc build --from DIR``), open it with :func:`open_store`;
the module-level shortcuts (:func:`decisions`, :func:`decision`, :func:`votes`, :func:`vetoes`,
:func:`members`, :func:`roster`, :func:`conflicts`, :func:`quarantine`, :func:`validation`) use the
default store. Heavy modules (pandas, DuckDB) load on first use.

>>> import unsc.record
>>> "open_store" in unsc.record.__all__
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from unsc.record.build import BuildReport
    from unsc.record.store import Store

__all__ = [
    "BuildError",
    "BuildReport",
    "Store",
    "StoreMissingError",
    "build",
    "conflicts",
    "decision",
    "decisions",
    "members",
    "open_store",
    "quarantine",
    "roster",
    "validation",
    "vetoes",
    "votes",
]

_LAZY = {
    "BuildError": "unsc.record.build",
    "BuildReport": "unsc.record.build",
    "Store": "unsc.record.store",
    "StoreMissingError": "unsc.record.store",
    "open_store": "unsc.record.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'unsc.record' has no attribute {name!r}")


def build(from_dir: Any = None, store_path: Any = None, progress: Any = None) -> BuildReport:
    """Build the store from a directory of sources; see :func:`unsc.record.build.build`."""
    from unsc.record.build import build as _build

    return _build(from_dir, store_path, progress)


_default: Store | None = None


def _store() -> Store:
    global _default
    from unsc.record import config
    from unsc.record.store import open_store

    if _default is None or _default.path != config.store_path():
        _default = open_store()
    return _default


def decisions(**kwargs: Any) -> Any:
    """:meth:`Store.decisions` on the default store."""
    return _store().decisions(**kwargs)


def decision(symbol: str) -> Any:
    """:meth:`Store.decision` on the default store."""
    return _store().decision(symbol)


def votes(**kwargs: Any) -> Any:
    """:meth:`Store.votes` on the default store."""
    return _store().votes(**kwargs)


def vetoes(**kwargs: Any) -> Any:
    """:meth:`Store.vetoes` on the default store."""
    return _store().vetoes(**kwargs)


def members() -> Any:
    """:meth:`Store.members` on the default store."""
    return _store().members()


def roster(date: Any) -> list[str]:
    """:meth:`Store.roster` on the default store."""
    return _store().roster(date)


def conflicts() -> Any:
    """:meth:`Store.conflicts` on the default store."""
    return _store().conflicts()


def quarantine() -> Any:
    """:meth:`Store.quarantine` on the default store."""
    return _store().quarantine()


def validation() -> Any:
    """:meth:`Store.validation` on the default store."""
    return _store().validation()
