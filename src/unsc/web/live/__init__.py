"""Live Council sessions on the web: the pages (``/live``), the JSON API (``/api/live/...``) and the
event stream. The sessions themselves (model, commands, storage, fan-out) are :mod:`unsc.sessions`.

Secrets never travel in a URL that is logged: a secret link ``/live/{id}/k/{token}`` sets an
HttpOnly cookie for that session and redirects to ``/live/{id}``; the event stream, the board and
the forms authenticate by that cookie (API clients send ``token`` in the JSON body or an
``Authorization: Bearer`` header), and the access log's filter writes ``/k/<redacted>`` for the
link itself. Every request body is limited to 1 MB (413); a 422 never echoes a long input.

>>> from fastapi import FastAPI
>>> from fastapi.testclient import TestClient
>>> app = FastAPI(); store = install(app, db=":memory:")
>>> r = TestClient(app).post("/api/live", json={"date": "1950-07-07", "elected": ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]})
>>> r.status_code, r.json()["council"]["threshold"]
(201, 7)
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from unsc.sessions import LiveError, Storage, open_storage
from unsc.web.live import api, conference, pages
from unsc.web.live.guard import (
    MAX_BODY,
    BodyLimit,
    RedactTokens,
    install_log_filter,
    qr_svg,
    quiet_validation,
    room_address,
)
from unsc.web.live.site import LiveSite, live_error

__all__ = ["BodyLimit", "LiveSite", "RedactTokens", "app_from_env", "install", "qr_svg", "room_address"]

DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


def app_from_env() -> Any:
    """The whole web app as ``unsc serve --workers N`` runs it in each worker (an import string:
    ``unsc.web.live:app_from_env``); configured by ``UNSC_STORE``, ``UNSC_LIVE_DB`` and ``UNSC_PUBLIC_URL``."""
    from unsc.web import create_app

    return create_app(store_path=os.environ.get("UNSC_STORE") or None)


def install(
    app: Any,
    backend: Any = None,
    sessions_file: str | Path | None = None,
    *,
    db: str | Path | None = None,
    public_url: str | None = None,
    storage: Storage | None = None,
    **options: Any,
) -> Storage:
    """Add the live-session pages, JSON API and event stream to ``app``; returns the storage.

    ``db`` (or ``sessions_file``, or ``UNSC_LIVE_DB``): where sessions live (:func:`open_storage`;
    default the SQLite file ``UNSC_HOME/live.sqlite3``). ``public_url`` (or ``UNSC_PUBLIC_URL``): the
    address delegates' links and QR codes use, never the request's Host header. ``backend``
    (:class:`unsc.web.store_cache.StoreCache`) gives the record store, whose roster seats a date's elected
    members; ``options`` go to the storage (``create_limit``, ``create_window``).
    """
    if storage is None:
        storage = open_storage(db or sessions_file or os.environ.get("UNSC_LIVE_DB") or None, **options)
    public = (public_url or os.environ.get("UNSC_PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/")
    app.state.live = storage
    app.state.live_public_url = public
    app.state.live_site = LiveSite(storage=storage, public=public, backend=backend)
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    quiet_validation(app)
    install_log_filter()
    app.add_exception_handler(LiveError, live_error)
    for router in (api.router, conference.router, pages.router):  # conferences before /live/{sid}
        app.include_router(router)
    return storage
