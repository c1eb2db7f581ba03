"""Fixtures for the web tests: an app on the small store built from tests/fixtures/web by the real
build (:mod:`tests.web.fixture_store`), one with no store, and one on the store built from the real
data (the ``built_store`` fixture of tests/conftest.py; skipped, saying why, without the data); for
the browser tests, an app served by uvicorn on a free port (:func:`serve`), headless Chromium
(``browser``), a desktop ``page`` and a ``phone``, and :func:`shot` for screenshots (into
``test-artifacts/web/``, git-ignored)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
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


# -- browser tests ------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serve(app: Any, port: int) -> Iterator[str]:
    """``app`` served by uvicorn on 127.0.0.1:``port`` in a background thread; yields its URL."""
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1200, "height": 900})
    p = ctx.new_page()
    p.set_default_timeout(15_000)
    yield p
    ctx.close()


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    p = ctx.new_page()
    p.set_default_timeout(15_000)
    yield p
    ctx.close()


def shot(p: Any, name: str, full: bool = True) -> None:
    """A screenshot of page ``p`` as ``test-artifacts/web/<name>.png``."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    p.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full)
