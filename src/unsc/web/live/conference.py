"""Conferences: many committees started at once from a TOML or CSV file, their organiser's page and
JSON. Served before the session routes, so ``/live/conference`` is never read as a session's id.

>>> sorted({r.path for r in router.routes})[0]
'/api/live/conference'
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from unsc.sessions import LiveError
from unsc.sessions.conference import MAX_COMMITTEES
from unsc.web.live.bodies import ERRORS, ERRORS_LIMITED, ConferenceIn
from unsc.web.live.site import NO_STORE, ORGANISER_COOKIE, Site, client_of

__all__ = ["router"]

router = APIRouter()


@router.post("/api/live/conference", status_code=201, response_model=None, responses=ERRORS_LIMITED)
def api_conference(body: ConferenceIn, request: Request, site: Site) -> JSONResponse:
    """Create a conference: every committee of a TOML or CSV file at once (one creation for the limit);
    the answer holds the organiser's token and each committee's chair link."""
    conf = site.new_conference(body.filename, body.text, client_of(request))
    out = site.conference_view(conf.id, conf.organiser_token)
    out["organiser_token"] = conf.organiser_token
    return JSONResponse(out, status_code=201, headers=NO_STORE)


@router.get("/api/live/conference/{cid}", response_model=None, responses=ERRORS)
def api_conference_state(cid: str, request: Request, site: Site) -> JSONResponse:
    """Every committee's state; with the organiser's token (Bearer or cookie) also the chairs' links."""
    return JSONResponse(site.conference_view(cid, site.organiser_of(request, cid)), headers=NO_STORE)


@router.get("/live/conference", response_class=HTMLResponse, include_in_schema=False)
def conference_new(request: Request, site: Site) -> HTMLResponse:
    """The form that starts a conference."""
    return site.page(
        request, "live_conference_new.html", text="", filename="conference.toml", problem=None, most=MAX_COMMITTEES
    )


@router.post("/live/conference", response_class=HTMLResponse, include_in_schema=False)
def conference_create(
    request: Request,
    site: Site,
    text: Annotated[str, Form(max_length=200_000)] = "",
    filename: Annotated[str, Form(max_length=200)] = "conference.toml",
) -> Response:
    """Start a conference; the organiser's token goes into this browser's cookie."""
    try:
        conf = site.new_conference(filename or "conference.toml", text, client_of(request))
    except LiveError as exc:
        return site.page(
            request, "live_conference_new.html", status=exc.status, text=text, filename=filename,
            problem=str(exc), most=MAX_COMMITTEES,
        )  # fmt: skip
    response = RedirectResponse(f"/live/conference/{conf.id}", status_code=303, headers=NO_STORE)
    site.set_cookie(response, ORGANISER_COOKIE + conf.id, conf.organiser_token)
    return response


@router.get("/live/conference/{cid}", response_class=HTMLResponse, include_in_schema=False)
def conference_page(request: Request, cid: str, site: Site) -> HTMLResponse:
    """Every committee at a glance (the organiser also sees the chairs' links)."""
    return site.page(request, "live_conference.html", conf=site.conference_view(cid, site.organiser_of(request, cid)))


@router.get("/live/conference/{cid}/k/{token}", include_in_schema=False)
def conference_link(cid: str, token: str, site: Site) -> Response:
    """The organiser's secret link: keep its token in a cookie and open the page without it."""
    site.conference_view(cid, token)  # 403 for a wrong token
    response = RedirectResponse(f"/live/conference/{cid}", status_code=303, headers=NO_STORE)
    site.set_cookie(response, ORGANISER_COOKIE + cid, token)
    return response
