"""Fixtures for the news check tests: a small typed-in record and the real store when it can be built."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unsc.news.lookup import MemoryRecord

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
FIXTURE = HERE.parent / "fixtures" / "news" / "record.json"

BRIEF = (
    "At the UN, eleven members of the Security Council supported the US-backed resolution, but the measure failed "
    "due to the no votes of two permanent members with veto power, Russia and China. Algeria also voted against and "
    "Guyana abstained."
)
BRIEF_FALSE = BRIEF.replace("eleven members", "twelve members").replace(
    "Algeria also voted against and Guyana abstained.", "Algeria voted against. Guyana also voted against."
)


@pytest.fixture(scope="session")
def fake_record() -> MemoryRecord:
    return MemoryRecord(json.loads(FIXTURE.read_text(encoding="utf-8"))["decisions"])


@pytest.fixture(scope="session")
def real_store(request: pytest.FixtureRequest):
    """The record store built from the real data (``built_store`` from tests/conftest.py), opened."""
    try:
        path = request.getfixturevalue("built_store")
    except pytest.FixtureLookupError:
        pytest.skip("the built_store fixture (record-core) is not in tests/conftest.py yet")
    from unsc.record import open_store

    return open_store(path)
