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
