"""Members: every state that sat on the Council (``/members``, ``/api/members``) and one member's
votes and vetoes (``/members/<code>``, ``/api/members/<code>``).

>>> from fastapi.testclient import TestClient
>>> from unsc.web import create_app
>>> TestClient(create_app(store_path="/nonexistent.duckdb")).get("/api/members/Atlantis").json()["error"]
'bad_input'
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from unsc.web import charts
from unsc.web.models import ERRORS
from unsc.web.render import VOTE_WORDS, Pages, other_names
from unsc.web.views import RecordViews

__all__ = ["router"]


def router(views: RecordViews, pages: Pages) -> APIRouter:
    """The members' routes, on the shared views and templates."""
    api = APIRouter()

    @api.get("/api/members", response_model=None, responses=ERRORS)
    def api_members() -> dict[str, Any]:
        """Every state that sat on the Council."""
        rows = views.members()
        return {"total": len(rows), "items": rows}

    @api.get("/api/members/{code}", response_model=None, responses=ERRORS)
    def api_member(
        code: str,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
    ) -> dict[str, Any]:
        """One member: its vote counts, voting history (newest first, paginated) and vetoes."""
        d = views.member(code)
        history = [h.to_dict() for h in d["history"][offset : offset + limit]]
        return {**d, "history_total": len(d["history"]), "history": history}

    @api.get("/members", response_class=HTMLResponse, include_in_schema=False)
    def members_page(request: Request) -> HTMLResponse:
        return pages.page(request, "members.html", members=views.members())

    @api.get("/members/{code}", response_class=HTMLResponse, include_in_schema=False)
    def member_page(request: Request, code: str, page_no: Annotated[int, Query(alias="page", ge=1)] = 1) -> Response:
        d = views.member(code)
        per = 100
        counts = d["counts"]
        chart = charts.bars(
            [(VOTE_WORDS[k], counts.get(k, 0)) for k in "YNAX"], title=f"Votes cast by {d['member'].get('name')}"
        )
        return pages.page(
            request,
            "member.html",
            d=d,
            vetoes=views.vetoes_shown(d["member"]["code"]) if d["vetoes"] else [],
            other_names=other_names(d["member"]),
            chart=chart,
            history=d["history"][(page_no - 1) * per : page_no * per],
            page_no=page_no,
            per=per,
        )

    return api
