"""Record fixtures: an open read-only store on the session's built store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def store(built_store: Path) -> Iterator[object]:
    from unsc.record.store import open_store

    s = open_store(built_store)
    yield s
    s.close()


# --- the sync tests' local imitation of the download servers (tests/record/sync_mirror.py) -------------


@pytest.fixture
def mirror(data_dir: Path) -> Iterator[object]:
    """The real data under its local names, and the UN Digital Library's voting-data endpoints, on 127.0.0.1."""
    from tests.record.sync_mirror import imitate_undl, serve

    with serve(data_dir) as m:
        imitate_undl(m, data_dir)
        yield m


@pytest.fixture(scope="session")
def recent_year_tables(data_dir: Path) -> dict[str, bytes]:
    """The Library's yearly tables the shared data lacks, generated up to last year (see sync_mirror)."""
    import datetime as dt

    from tests.record.sync_mirror import recent_tables

    return recent_tables(data_dir, dt.date.today().year - 1)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ``UNSC_HOME`` (sources and store go there); no mirror or store set from outside."""
    h = tmp_path / "home"
    monkeypatch.setenv("UNSC_HOME", str(h))
    monkeypatch.delenv("UNSC_STORE", raising=False)
    monkeypatch.delenv("UNSC_SYNC_BASE_URL", raising=False)
    monkeypatch.delenv("UNSC_DATA_DIR", raising=False)
    return h
