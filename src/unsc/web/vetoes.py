"""Vetoes: every veto cast (``/api/vetoes``) and the page that counts and charts them (``/vetoes``).

>>> from fastapi.testclient import TestClient
>>> from unsc.web import create_app
>>> TestClient(create_app(store_path="/nonexistent.duckdb")).get("/api/vetoes?since=May").status_code
422
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unsc.web import adapters, charts
from unsc.web.inputs import SinceQuery, UntilQuery, period_bound
from unsc.web.models import ERRORS
from unsc.web.render import Pages
from unsc.web.store_cache import Unavailable
from unsc.web.views import RecordViews

__all__ = ["router"]


def router(views: RecordViews, pages: Pages) -> APIRouter:
    """The vetoes' routes, on the shared views and templates."""
    api = APIRouter()

    @api.get("/api/vetoes", response_model=None, responses=ERRORS)
    def api_vetoes(
        member: Annotated[str | None, Query(max_length=100)] = None,
        since: SinceQuery = None,
        until: UntilQuery = None,
    ) -> dict[str, Any]:
        """Vetoes cast (one row per vetoing member per proposal), newest first."""
        rows = views.vetoes(member, period_bound(since, "since"), period_bound(until, "until", end=True))
        return {"total": len(rows), "items": rows}

    def analysis_views() -> dict[str, Any]:
        """The analysis layer's veto table and chart (matplotlib), or why they are missing."""
        out: dict[str, Any] = {"plot": None, "table": None, "why": None}
        try:
            frame = views.backend.call("vetoes")
            out["table"] = adapters.veto_table(frame)
            out["plot"] = adapters.plot_svg("vetoes_per_year", frame)
        except Unavailable as exc:
            out["why"] = str(exc)
        return out

    @api.get("/vetoes", response_class=HTMLResponse, include_in_schema=False)
    def vetoes_page(request: Request) -> HTMLResponse:
        stats = views.statistics()
        by_member = [(adapters.member_name(k), v) for k, v in stats["vetoes_by_member"].items()]
        figures = [
            charts.bars(by_member, title="Vetoes cast, by permanent member"),
            charts.bars(list(stats["vetoes_by_decade"].items()), title="Vetoes cast, by decade"),
        ]
        return pages.page(
            request,
            "vetoes.html",
            stats=stats,
            rows=views.vetoes_shown(None),
            figures=figures,
            views=views.backend.cached(("veto-analysis",), analysis_views),
        )

    return api
