"""Fixtures for the storage tests: each backend on a fresh database.

PostgreSQL needs a DSN in ``UNSC_TEST_PG_DSN`` (``.ci/run`` installs and starts Debian's PostgreSQL and
exports it); without one those tests skip and say why. Each test gets its own schema, dropped after."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from unsc.sessions import Storage, open_storage

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
ELECTED_1950 = ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]


@pytest.fixture
def pg_dsn() -> Iterator[str]:
    """A DSN whose search_path is a fresh schema of the test database (dropped afterwards)."""
    base = os.environ.get("UNSC_TEST_PG_DSN")
    if not base:
        pytest.skip("no PostgreSQL: set UNSC_TEST_PG_DSN (.ci/run starts Debian's PostgreSQL and sets it)")
    import psycopg

    schema = "t_" + secrets.token_hex(6)
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-c search_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's sessions live: a fresh SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "live.sqlite3")
    return request.getfixturevalue("pg_dsn")


@pytest.fixture
def open_db(db_url: str) -> Iterator[Callable[..., Storage]]:
    """Open storages on the test's database (several: like several workers); all closed afterwards."""
    opened: list[Storage] = []

    def make(**options: Any) -> Storage:
        s = open_storage(db_url, **options)
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close()
