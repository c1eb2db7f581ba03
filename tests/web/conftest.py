"""Fixtures for the web tests: an app on the small store built from tests/fixtures/web by the real
build (:mod:`tests.web.fixture_store`), one with no store, and one on the store built from the real
data (the ``built_store`` fixture of tests/conftest.py; skipped, saying why, without the data)."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: "use httpx2" deprecation notice
    from fastapi.testclient import TestClient

from tests.web.fixture_store import build_fixture_store
from unsc.web import create_app


@pytest.fixture(scope="session")
def fixture_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The path of the store built from the fixture sources (four votes)."""
    return build_fixture_store(tmp_path_factory.mktemp("fixture-store"))


@pytest.fixture(scope="session")
def unseated_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same store built without the membership list: it knows no Council's elected members."""
    return build_fixture_store(tmp_path_factory.mktemp("unseated-store"), membership=False)


@pytest.fixture(scope="session")
def fixture_app(fixture_store: Path) -> Any:
    return create_app(store_path=fixture_store)


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
