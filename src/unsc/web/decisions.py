"""Decisions: the search (``/``, ``/search``, ``/api/decisions``), one decision (``/decisions/<symbol>``,
``/api/decisions/<symbol>``) and the counts (``/api/statistics``).

One decision is the record's :class:`~unsc.record.decision.RecordedDecision`, built per request from
the decisions index (:class:`~unsc.web.store_cache.DecisionIndex`) without a query; the old page
address ``/vote/<symbol>`` redirects permanently to ``/decisions/<symbol>``.

>>> from fastapi.testclient import TestClient
>>> from unsc.web import create_app
>>> r = TestClient(create_app(store_path="/nonexistent.duckdb")).get("/vote/S/2024/239", follow_redirects=False)
>>> r.status_code, r.headers["location"]
(301, '/decisions/S/2024/239')
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from unsc.record.decision import RecordedDecision
from unsc.web.inputs import SinceQuery, UntilQuery, looks_like_symbol, period_bound
from unsc.web.models import ERRORS, DecisionOut, DecisionPage
from unsc.web.render import Pages, vote_context
from unsc.web.store_cache import BadInput, NotFound, StoreCache, Unavailable, decision_json
from unsc.web.views import OUTCOMES, RecordViews

__all__ = ["decision_path", "recorded", "router"]


def decision_path(decision_id: str) -> str:
    """The page of a decision (a ``#`` in a meeting's id is escaped).

    >>> decision_path("S/RES/2728(2024)"), decision_path("S/PV.474#2")
    ('/decisions/S/RES/2728(2024)', '/decisions/S/PV.474%232')
    """
    return "/decisions/" + quote(decision_id, safe="/()")


async def recorded(backend: StoreCache, symbol: str) -> RecordedDecision:
    """One decision: from the loaded index on the event loop (no I/O); the first request loads the
    index, and a symbol the index is not sure of goes to ``Store.find``, both in the thread pool."""
    found = backend.recorded_now(symbol)
    return found if found is not None else await run_in_threadpool(backend.recorded, symbol)


def router(views: RecordViews, pages: Pages) -> APIRouter:
    """The decisions' routes, on the shared views and templates."""
    api = APIRouter()
    _json_routes(api, views)
    _page_routes(api, views, pages)
    return api


def _json_routes(api: APIRouter, views: RecordViews) -> None:
    backend = views.backend

    async def decision_json_body(symbol: str) -> Response:
        key = ("decision-json", symbol)
        body = backend.cache.get(key)
        if body is None:
            # the store's lookup file when it names the symbol for certain (a read, on the event loop),
            # else the decisions index
            body = backend.decision_body_now(symbol)
            if body is None:
                answer = decision_json(await recorded(backend, symbol))
                body = json.dumps(answer, separators=(",", ":"), ensure_ascii=False).encode()
            backend.cache.put(key, body)
        return Response(body, media_type="application/json")

    @api.get("/api/decisions", response_model=None, responses={200: {"model": DecisionPage}, **ERRORS})
    def api_decisions(
        q: Annotated[str | None, Query(max_length=200, description="words in the title, symbol or topic")] = None,
        since: SinceQuery = None,
        until: UntilQuery = None,
        member: Annotated[str | None, Query(max_length=100, description="a member that voted (code or name)")] = None,
        outcome: Literal["adopted", "failed", "vetoed"] | None = None,
        kind: Annotated[str | None, Query(max_length=60)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
    ) -> dict[str, Any]:
        """Search the decisions (newest first), paginated; ``total`` counts every match."""
        start, end = period_bound(since, "since"), period_bound(until, "until", end=True)
        return views.search(q, start, end, member, outcome, kind, limit, offset).to_dict()

    @api.get(
        "/api/decision",
        response_model=None,
        responses={200: {"model": DecisionOut}, **ERRORS},
        summary="One decision, by symbol in the query",
    )
    async def api_decision_query(
        symbol: Annotated[str, Query(min_length=1, max_length=100, description="S/2024/239, 2728 (2024), ...")],
    ) -> Response:
        """One decision with its member votes and the rules engine's explanation."""
        return await decision_json_body(symbol)

    @api.get(
        "/api/decisions/{symbol:path}",
        response_model=None,
        responses={200: {"model": DecisionOut}, **ERRORS},
        summary="One decision, by symbol in the path",
    )
    async def api_decision(symbol: str) -> Response:
        """One decision (``/api/decisions/S/2024/239``) with member votes and explanation."""
        return await decision_json_body(symbol)

    @api.get("/api/statistics", response_model=None, responses=ERRORS)
    def api_statistics() -> dict[str, Any]:
        """Counts: decisions by outcome and year, vetoes by member and decade, rule agreement."""
        return views.statistics()


def _page_routes(api: APIRouter, views: RecordViews, pages: Pages) -> None:
    backend = views.backend

    @api.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        recent: list[RecordedDecision] = []
        unavailable = None
        try:
            recent = views.search(limit=10).items
        except Unavailable as exc:
            unavailable = str(exc)
        return pages.page(request, "home.html", recent=recent, unavailable=unavailable, form={}, outcomes=OUTCOMES)

    @api.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: Annotated[str | None, Query(max_length=200)] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        member: Annotated[str | None, Query(max_length=100)] = None,
        outcome: Annotated[str | None, Query(max_length=10)] = None,
        kind: Annotated[str | None, Query(max_length=60)] = None,
        page_no: Annotated[int, Query(alias="page", ge=1, le=10**5)] = 1,
    ) -> Response:
        q = (q or "").strip()
        if looks_like_symbol(q) and not any((since, until, member, outcome, kind)):
            try:
                return RedirectResponse(decision_path(backend.recorded(q).decision_id), status_code=303)
            except NotFound:
                pass
        per = 50
        form = {"q": q, "since": since or "", "until": until or "", "member": member or "", "outcome": outcome or ""}
        form["kind"] = kind or ""
        ctx: dict[str, Any] = {"form": form, "page_no": page_no, "per": per, "outcomes": OUTCOMES}
        try:  # a bad filter shows the search again with the filters as typed and the problem, never a bare error page
            if outcome and outcome not in OUTCOMES:
                raise BadInput(f"outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
            start, end = period_bound(since, "since"), period_bound(until, "until", end=True)
            result = views.search(q or None, start, end, member or None, outcome or None, kind or None, per,
                                  (page_no - 1) * per)  # fmt: skip
        except BadInput as exc:
            return pages.page(request, "search.html", status=422, result=None, problem=str(exc), **ctx)
        return pages.page(request, "search.html", result=result, **ctx)

    @api.get("/decisions/{symbol:path}", response_class=HTMLResponse, include_in_schema=False)
    async def decision_page(request: Request, symbol: str) -> Response:
        key = ("decision-page", symbol)
        body = backend.cache.get(key)
        if body is None:
            d = await recorded(backend, symbol)
            if d.decision_id != symbol:
                return RedirectResponse(decision_path(d.decision_id), status_code=307)
            body = pages.render(request, "vote.html", path="/decisions", **vote_context(d)).encode()
            backend.cache.put(key, body)
        return HTMLResponse(body)

    @api.get("/vote/{symbol:path}", include_in_schema=False)
    def old_decision_page(request: Request, symbol: str) -> RedirectResponse:
        """The page's former address: a permanent redirect, the query string kept."""
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(decision_path(symbol) + query, status_code=301)
