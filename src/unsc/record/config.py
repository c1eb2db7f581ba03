"""Where unsc keeps its files: the downloaded sources and the DuckDB store.

* ``UNSC_DATA_DIR``: a directory of source files to build from (what ``--from DIR`` gives).
* ``UNSC_HOME``: unsc's own directory (default ``$XDG_DATA_HOME/unsc`` or ``~/.local/share/unsc``);
  ``sync`` downloads into ``UNSC_HOME/sources`` and the store is ``UNSC_HOME/unsc.duckdb``.
* ``UNSC_STORE``: the store file, overriding the default under ``UNSC_HOME``.

>>> store_path().suffix
'.duckdb'
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_dir_from_env", "home", "sources_dir", "store_path"]


def home() -> Path:
    """unsc's own directory (not created here)."""
    if os.environ.get("UNSC_HOME"):
        return Path(os.environ["UNSC_HOME"]).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "unsc"


def store_path() -> Path:
    """The DuckDB store file."""
    if os.environ.get("UNSC_STORE"):
        return Path(os.environ["UNSC_STORE"]).expanduser()
    return home() / "unsc.duckdb"


def sources_dir() -> Path:
    """Where ``unsc sync`` keeps the downloaded source files."""
    return home() / "sources"


def data_dir_from_env() -> Path | None:
    """The source directory named by ``UNSC_DATA_DIR``, if set."""
    value = os.environ.get("UNSC_DATA_DIR")
    return Path(value).expanduser() if value else None
