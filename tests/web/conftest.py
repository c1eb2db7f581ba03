"""Fixtures for the web tests: an app on the typed-in fixture store, one with no store, and one on
the real store (the ``built_store`` fixture of tests/conftest.py, where the record layer provides it)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" deprecation notice
    from fastapi.testclient import TestClient

from tests.web.fixture_store import FixtureStore
from unsc.web import create_app


@pytest.fixture(scope="session")
def fixture_app() -> Any:
    return create_app(store=FixtureStore())


@pytest.fixture(scope="session")
def client(fixture_app: Any) -> TestClient:
    return TestClient(fixture_app)


@pytest.fixture
def no_store_client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(store_path=tmp_path / "absent.duckdb"))


def real_store_path(request: pytest.FixtureRequest) -> Path:
    """The store built from the real data by ``built_store`` (tests/conftest.py); skips, saying why, without the data."""
    return Path(request.getfixturevalue("built_store"))


@pytest.fixture(scope="session")
def real_store(request: pytest.FixtureRequest) -> Path:
    return real_store_path(request)


@pytest.fixture(scope="session")
def real_client(real_store: Path) -> TestClient:
    return TestClient(create_app(store_path=real_store))
