"""The live pages (``/live``): the form that starts a session, the chair's, a seat's and the public
page, the secret links that set a session's cookie, and the forms the pages post (each redirects
back, or shows the page again with the problem: nothing is lost silently).

>>> "/live/{sid}/vote" in {r.path for r in router.routes}
True
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from unsc.sessions import Cast, CloseVote, Command, Floor, LiveError, OpenMotion, OpenVote, ReplaceLink, Unprocessable
from unsc.sessions.model import MAX_QUESTION, MAX_TITLE
from unsc.web.live.site import COOKIE, NO_STORE, LiveSite, Site, client_of

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
TokenForm = Annotated[str, Form(max_length=100)]


def _scenarios() -> list[dict[str, str]]:
    from unsc.analysis.scenarios import get_scenario, scenario_names

    return [{"name": n, "title": get_scenario(n).title} for n in scenario_names()]


def _names(text: str) -> list[str]:
    """Members typed in a form: separated by commas, semicolons or lines."""
    return [p.strip() for p in text.replace(";", ",").replace("\n", ",").split(",") if p.strip()]


@router.get("/live", response_class=HTMLResponse)
def live_new(request: Request, site: Site) -> HTMLResponse:
    """The form that starts a session."""
    day, date_note = site.default_date()
    form = {"date": day, "title": "", "scenario": "", "elected": "", "mode": "date"}
    return site.page(request, "live_new.html", form=form, scenarios=_scenarios(), problem=None, date_note=date_note)


@router.post("/live", response_class=HTMLResponse)
def live_create(
    request: Request,
    site: Site,
    title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
    mode: Annotated[str, Form(max_length=10)] = "date",
    date: Annotated[str, Form(max_length=10)] = "",
    scenario: Annotated[str, Form(max_length=60)] = "",
    elected: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Start a session; its chair's token goes into this browser's cookie."""
    form = {"date": date, "title": title, "scenario": scenario, "elected": elected, "mode": mode}
    try:
        when = None
        if mode != "scenario" and date.strip():
            try:
                when = dt.date.fromisoformat(date.strip())
            except ValueError:
                raise Unprocessable(f"date: {date!r} is not a date (YYYY-MM-DD)") from None
        s = site.make(title, when, scenario if mode == "scenario" else None, _names(elected), client_of(request))
    except LiveError as exc:
        return site.page(
            request, "live_new.html", status=exc.status, form=form, scenarios=_scenarios(), problem=str(exc)
        )
    response = RedirectResponse(f"/live/{s.id}", status_code=303, headers=NO_STORE)
    assert s.chair_token is not None
    site.set_cookie(response, COOKIE + s.id, s.chair_token)
    return response


@router.get("/live/{sid}/k/{token}")
def live_link(sid: str, token: str, site: Site) -> Response:
    """A secret link: keep its token in a cookie for this session and open the page without it."""
    site.storage.load(sid, fresh=True).role(token)  # 404 / 403
    response = RedirectResponse(f"/live/{sid}", status_code=303, headers=NO_STORE)
    site.set_cookie(response, COOKIE + sid, token)
    return response


@router.get("/live/{sid}", response_class=HTMLResponse)
def live_page(request: Request, sid: str, site: Site) -> HTMLResponse:
    """The chair's page, a seat's page or the public view, by the cookie this browser holds."""
    return site.session_page(request, sid, site.token_of(request, sid))


@router.get("/live/{sid}/screen", response_class=HTMLResponse)
def live_screen(request: Request, sid: str, site: Site) -> HTMLResponse:
    """The public view (no controls, no links), for a projector."""
    return site.session_page(request, sid, None)


@router.get("/live/{sid}/board", response_class=HTMLResponse)
def live_board(
    request: Request, sid: str, site: Site, public_view: Annotated[int, Query(alias="public", ge=0, le=1)] = 0
) -> HTMLResponse:
    """The live part of a page, re-rendered for the page's script when the session changes."""
    token = None if public_view else site.token_of(request, sid)
    return site.page(request, "live_board.html", st=site.view(sid, token, fresh=True), sid=sid)


def _act(site: LiveSite, request: Request, sid: str, token: str, command: Command, anchor: str) -> Response:
    """Run a form's command; back to the page (at ``anchor``), or the page again with the problem."""
    tok = site.token_of(request, sid, token)
    try:
        site.storage.execute(sid, tok, command)
    except LiveError as exc:
        if exc.status in (409, 422):  # show the page again with the problem, so nothing is lost silently
            return site.session_page(request, sid, tok, problem=str(exc), status=exc.status)
        raise
    return RedirectResponse(f"/live/{sid}{anchor}", status_code=303, headers=NO_STORE)


@router.post("/live/{sid}/open", response_class=HTMLResponse)
def live_open(
    request: Request,
    sid: str,
    site: Site,
    token: TokenForm = "",
    question: Annotated[str, Form(max_length=MAX_QUESTION)] = "",
    kind: Annotated[str, Form(max_length=60)] = "draft_resolution",
) -> Response:
    """The President puts a question to the vote."""
    return _act(site, request, sid, token, OpenVote(question, kind), "#board")


@router.post("/live/{sid}/vote", response_class=HTMLResponse)
def live_vote(
    request: Request,
    sid: str,
    site: Site,
    number: Annotated[int, Form(ge=1, le=10_000)],
    token: TokenForm = "",
    vote: Annotated[str, Form(max_length=40)] = "",
    seat: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """A seat votes (or the President records a seat's vote)."""
    return _act(site, request, sid, token, Cast(vote=vote or None, number=number, seat=seat or None), "#board")


@router.post("/live/{sid}/close", response_class=HTMLResponse)
def live_close(request: Request, sid: str, site: Site, token: TokenForm = "") -> Response:
    """The President closes the vote."""
    return _act(site, request, sid, token, CloseVote(), "#board")


@router.post("/live/{sid}/floor", response_class=HTMLResponse)
def live_floor(
    request: Request,
    sid: str,
    site: Site,
    token: TokenForm = "",
    action: Annotated[str, Form(max_length=20)] = "",
    who: Annotated[str, Form(max_length=100)] = "",
    seconds: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    """The speakers list and the clock."""
    return _act(site, request, sid, token, Floor(action, who or None, seconds or None, time.time()), "#floor")


@router.post("/live/{sid}/motion", response_class=HTMLResponse)
def live_motion(
    request: Request,
    sid: str,
    site: Site,
    token: TokenForm = "",
    motion: Annotated[str, Form(max_length=40)] = "",
    detail: Annotated[str, Form(max_length=300)] = "",
) -> Response:
    """The President puts a procedural motion to the vote."""
    return _act(site, request, sid, token, OpenMotion(motion, detail), "#board")


@router.post("/live/{sid}/replace-link", response_class=HTMLResponse)
def live_replace(
    request: Request, sid: str, site: Site, seat: Annotated[str, Form(max_length=100)], token: TokenForm = ""
) -> Response:
    """The President replaces a seat's link."""
    site.storage.execute(sid, site.token_of(request, sid, token), ReplaceLink(seat))
    return RedirectResponse(f"/live/{sid}?replaced={seat}#links", status_code=303, headers=NO_STORE)
