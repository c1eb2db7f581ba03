"""Deciding a hypothetical vote with the Charter's rules: ``POST /api/decide`` and the ``/decide`` page.

>>> from fastapi.testclient import TestClient
>>> from unsc.web import create_app
>>> c = TestClient(create_app(store_path="/nonexistent.duckdb"))
>>> c.post("/api/decide", json={"date": "2024-03-25", "yes": ["FRA"]}).json()["adopted"]
False
"""

from __future__ import annotations

from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from unsc.web import adapters
from unsc.web.inputs import day, typed_names
from unsc.web.models import BAD_INPUT, BallotIn, body_of
from unsc.web.render import Pages
from unsc.web.store_cache import BadInput

__all__ = ["router"]


def router(pages: Pages) -> APIRouter:
    """The decide routes (no store needed)."""
    api = APIRouter()

    @api.post("/api/decide", response_model=None, responses=BAD_INPUT, openapi_extra=body_of(BallotIn, "/api/decide"))
    async def api_decide(request: Request) -> Response | dict[str, Any]:
        """Decide a hypothetical ballot with the Charter rules engine (no store needed)."""
        # The body (a BallotIn, documented by body_of) is validated by pydantic straight from the request's bytes:
        # FastAPI's own body handling (decoding to a dict, then validating it as a dependency) cost more than the
        # rules engine's decision itself (issue 14). A bad body is the same 422 as elsewhere.
        # async: the rules engine is pure Python, no I/O, well under a millisecond, so it runs on
        # the event loop instead of paying a thread-pool hop per request (issue 14)
        try:
            ballot = BallotIn.model_validate_json(await request.body())
        except ValidationError as exc:
            errors = [e | {"loc": ("body", *e["loc"])} for e in exc.errors(include_url=False)]
            raise RequestValidationError(errors) from exc
        result = adapters.decide_ballot(ballot.model_dump())
        try:  # the answer is plain JSON: the bytes JSONResponse would send, by orjson (a tenth of the time)
            return Response(orjson.dumps(result), media_type="application/json")
        except TypeError:  # orjson.JSONEncodeError: a value plain JSON does not have; FastAPI encodes it
            return result

    @api.get("/decide", response_class=HTMLResponse, include_in_schema=False)
    def decide_page(
        request: Request,
        date: Annotated[str, Query(max_length=10)] = "",
        yes: Annotated[str, Query(max_length=2000)] = "",
        no: Annotated[str, Query(max_length=2000)] = "",
        abstain: Annotated[str, Query(max_length=2000)] = "",
        absent: Annotated[str, Query(max_length=2000)] = "",
        kind: Annotated[str, Query(max_length=60)] = "draft_resolution",
        interpretation: Annotated[str, Query(max_length=20)] = "practice",
    ) -> HTMLResponse:
        from unsc.rules import Kind

        form = {"date": date, "yes": yes, "no": no, "abstain": abstain, "absent": absent, "kind": kind}
        form["interpretation"] = interpretation
        result = None
        problem = None
        if date or yes or no or abstain:
            try:
                result = adapters.decide_ballot(
                    {
                        "date": day(date, "date"),
                        "yes": typed_names(yes),
                        "no": typed_names(no),
                        "abstain": typed_names(abstain),
                        "absent": typed_names(absent),
                        "kind": kind,
                        "interpretation": interpretation,
                    }
                )
            except BadInput as exc:
                problem = str(exc)
        return pages.page(
            request,
            "decide.html",
            form=form,
            result=result,
            problem=problem,
            kinds=[k.value for k in Kind],
            status=422 if problem else 200,
        )

    return api
