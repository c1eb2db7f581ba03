"""`unsc` commands for the web layer."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app (none yet)."""
