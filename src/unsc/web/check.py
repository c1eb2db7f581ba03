"""The news check: a report's vote claims against the record (``POST /api/check``, ``/check``).

>>> from fastapi.testclient import TestClient
>>> from unsc.web import create_app
>>> c = TestClient(create_app(store_path="/nonexistent.duckdb"))
>>> c.post("/api/check", json={"text": "The Council adopted resolution 2728 (2024)."}).status_code
503
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from unsc.web import adapters
from unsc.web.inputs import day
from unsc.web.models import ERRORS, CheckIn
from unsc.web.render import Pages
from unsc.web.store_cache import BadInput, StoreCache, Unavailable

__all__ = ["router"]


def router(backend: StoreCache, pages: Pages) -> APIRouter:
    """The news check's routes, on the store."""
    api = APIRouter()

    @api.post("/api/check", response_model=None, responses=ERRORS)
    def api_check(body: CheckIn) -> dict[str, Any]:
        """Check the vote claims in a news text against the record."""
        return backend.with_store(lambda store: adapters.check_text(body.text, store=store, date=body.date))

    @api.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_form(request: Request) -> HTMLResponse:
        return pages.page(request, "check.html", text="", date="", result=None, unavailable=None)

    @api.post("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page(
        request: Request,
        text: Annotated[str, Form(max_length=50_000)] = "",
        date: Annotated[str, Form(max_length=10)] = "",
    ) -> HTMLResponse:
        ctx: dict[str, Any] = {"text": text, "date": date, "result": None, "unavailable": None, "problem": None}
        status = 200
        try:
            if not text.strip():
                raise BadInput("Paste the text of a news report first.")
            when = day(date, "date")
            ctx["result"] = backend.with_store(lambda store: adapters.check_text(text, store=store, date=when))
        except BadInput as exc:
            ctx["problem"], status = str(exc), 422
        except Unavailable as exc:
            ctx["unavailable"], status = str(exc), 503
        return pages.page(request, "check.html", status=status, verdict_words=adapters.VERDICT_WORDS, **ctx)

    return api
