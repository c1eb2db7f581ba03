"""`unsc sync`: download the official sources from the UN and build the store."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the sync command to the app (none yet)."""
