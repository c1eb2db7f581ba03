"""Voting power: the reform scenarios (``/api/scenarios``) and the power indices of a Council on a
date, a scenario or a custom Council (``/api/power``, ``/power``).

>>> from fastapi.testclient import TestClient
>>> from unsc.web import create_app
>>> c = TestClient(create_app(store_path="/nonexistent.duckdb"))
>>> c.get("/api/power", params={"date": "2024-03-22"}).json()["council"]["veto_holders"]
['CHN', 'FRA', 'RUS', 'GBR', 'USA']
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unsc.web import adapters
from unsc.web.inputs import day, whole_number
from unsc.web.models import ERRORS
from unsc.web.render import Pages
from unsc.web.store_cache import BadInput, StoreCache, Unavailable

__all__ = ["router"]


def router(backend: StoreCache, pages: Pages) -> APIRouter:
    """The power routes (no store needed; answers cached per question)."""
    api = APIRouter()

    @api.get("/api/scenarios", response_model=None, responses=ERRORS)
    def api_scenarios() -> dict[str, Any]:
        """The reform scenarios the analysis layer defines."""
        return {"items": adapters.scenarios()}

    @api.get("/api/power", response_model=None, responses=ERRORS)
    def api_power(
        date: Annotated[str | None, Query(max_length=25, description="the Council of this day (YYYY-MM-DD)")] = None,
        scenario: Annotated[str | None, Query(max_length=100)] = None,
        size: Annotated[int | None, Query(ge=1, le=60)] = None,
        threshold: Annotated[int | None, Query(ge=1, le=60)] = None,
        veto: Annotated[int | None, Query(ge=0, le=60, description="number of veto holders")] = None,
        vetoes_needed: Annotated[int, Query(ge=1, le=60)] = 1,
    ) -> dict[str, Any]:
        """Voting power indices for the Council on a date, a reform scenario, or a custom Council."""
        when = day(date, "date")
        key = ("power", when, scenario, size, threshold, veto, vetoes_needed)
        return backend.cached(key, lambda: adapters.power(when, scenario, size, threshold, veto, vetoes_needed))

    @api.get("/power", response_class=HTMLResponse, include_in_schema=False)
    def power_page(
        request: Request,
        mode: Annotated[str, Query(max_length=10)] = "",
        date: Annotated[str, Query(max_length=10)] = "",
        scenario: Annotated[str, Query(max_length=100)] = "",
        size: Annotated[str, Query(max_length=4)] = "",
        threshold: Annotated[str, Query(max_length=4)] = "",
        veto: Annotated[str, Query(max_length=4)] = "",
        vetoes_needed: Annotated[str, Query(max_length=4)] = "1",
    ) -> HTMLResponse:
        form = {"mode": mode or "date", "date": date, "scenario": scenario, "size": size, "threshold": threshold}
        form |= {"veto": veto, "vetoes_needed": vetoes_needed or "1"}
        result = None
        unavailable = None
        problem = None
        try:
            known = adapters.scenarios()
        except Unavailable as exc:
            known = []
            if mode == "scenario":
                unavailable = str(exc)
        if mode and not unavailable:
            try:
                if mode == "scenario":
                    if not scenario:
                        raise BadInput("choose a scenario")
                    result = adapters.power(scenario=scenario)
                elif mode == "custom":
                    result = adapters.power(
                        size=whole_number(size, "seats", 1, 60),
                        threshold=whole_number(threshold, "votes needed", 1, 60),
                        veto=whole_number(veto or "0", "veto holders", 0, 60),
                        vetoes_needed=whole_number(vetoes_needed or "1", "vetoes needed", 1, 60),
                    )
                else:
                    result = adapters.power(date=day(date, "date") or dt.date.today())
            except Unavailable as exc:
                unavailable = str(exc)
            except BadInput as exc:
                problem = str(exc)
        return pages.page(
            request,
            "power.html",
            form=form,
            scenarios=known,
            result=result,
            table=adapters.power_table(result) if result else None,
            unavailable=unavailable,
            problem=problem,
            status=422 if problem else 503 if (mode and unavailable) else 200,
        )

    return api
