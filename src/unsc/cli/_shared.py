"""Helpers every command module uses: failing cleanly, opening the store, printing JSON."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, NoReturn

__all__ = ["decision_or_exit", "echo_json", "fail", "jsonable", "open_store_or_exit", "symbol_form"]


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``error: message`` on stderr and leave with ``code`` (no traceback).

    Typer is not imported here: the fast path of ``unsc show`` runs without it (``SystemExit`` then).
    """
    print(f"error: {message}", file=sys.stderr, flush=True)
    typer = sys.modules.get("typer")
    if typer is not None:
        raise typer.Exit(code)
    raise SystemExit(code)


def open_store_or_exit(path: Path | None) -> Any:
    """The record store at ``path`` (default location if ``None``), or a clean exit saying how to build one."""
    from unsc.record import StoreMissingError, open_store

    if path is not None and Path(path).is_dir():  # `--store ""` is ".", and DuckDB's error was about reading a file
        hint = f" (did you mean {Path(path) / 'unsc.duckdb'}?)" if (Path(path) / "unsc.duckdb").exists() else ""
        fail(f"--store {str(path) or '.'} is a directory, not a store file{hint}")
    try:
        return open_store(path)
    except StoreMissingError as e:
        fail(str(e))
    except Exception as e:  # a corrupt or locked store
        fail(f"cannot open the store: {e}")


def symbol_form(symbol: str) -> str:
    """The everyday ways of naming a resolution, as the store reads them.

    >>> symbol_form("res 2728"), symbol_form("Resolution 2728 (2024)"), symbol_form("res. 2728"), symbol_form("S/2024/239")
    ('2728', '2728 (2024)', '2728', 'S/2024/239')
    >>> symbol_form("UNSCR 2334"), symbol_form("S/RES/2728")
    ('2334', 'S/RES/2728')
    """
    import re

    m = re.fullmatch(r"\s*(?:unscr|res(?:olution)?\.?)\s*(?:no\.?\s*)?(\d{1,4})\s*(\(\s*\d{4}\s*\))?\s*", symbol, re.I)
    if m:
        return m.group(1) + (f" ({m.group(2).strip('() ')})" if m.group(2) else "")
    return symbol


def decision_or_exit(store: Any, symbol: str) -> dict[str, Any]:
    """One decision from the store by draft, resolution or id, or a clean exit saying what to type."""
    rec = store.decision(symbol) or store.decision(symbol_form(symbol))
    if rec is None:
        fail(f"no decision {symbol!r} in the store (try a draft like S/2024/239 or a resolution like '2728 (2024)')")
    return rec


def jsonable(v: Any) -> Any:
    """Dates as ISO strings, NumPy scalars as Python ones, recursively through dicts and lists.

    >>> jsonable({"d": dt.date(2024, 3, 22), "v": [1, (2, 3)]})
    {'d': '2024-03-22', 'v': [1, [2, 3]]}
    """
    if isinstance(v, dict):
        return {k: jsonable(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [jsonable(x) for x in v]
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()[:10]
    if hasattr(v, "item"):
        return v.item()
    return v


def echo_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON (dates and other objects as strings)."""
    print(json.dumps(obj, indent=2, ensure_ascii=False, default=str), flush=True)
