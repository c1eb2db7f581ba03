"""Shared fixtures. ``data_dir`` is the real data (../shared/data or $UNSC_DATA_DIR); tests that
need it skip, with the reason, where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def find_data_dir() -> Path | None:
    """$UNSC_DATA_DIR, else ../shared/data beside the checkout, if it holds the sources."""
    for candidate in (os.environ.get("UNSC_DATA_DIR"), ROOT.parent / "shared" / "data"):
        if candidate and (Path(candidate) / "SOURCES.md").exists():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    d = find_data_dir()
    if d is None:
        pytest.skip("real data not found: set UNSC_DATA_DIR or put ../shared/data beside the checkout")
    return d


@pytest.fixture(scope="session")
def built_store(data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once per test session from the real data (``unsc.record.build``); its path."""
    from unsc.record.build import build

    path = tmp_path_factory.mktemp("store") / "unsc.duckdb"
    build(data_dir, path)
    return path
