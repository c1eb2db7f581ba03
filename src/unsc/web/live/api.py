"""The live JSON API (``/api/live/...``): create a session, the chair's and the seats' commands, and
the two ways to follow a session (long polling and Server-Sent Events).

>>> sorted(r.path for r in router.routes)[:2]
['/api/live', '/api/live/{sid}']
"""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from unsc.sessions import Cast, CloseVote, Floor, LiveError, OpenMotion, OpenVote, ReplaceLink, Session
from unsc.web.live.bodies import ERRORS, ERRORS_LIMITED, CreateIn, FloorIn, MotionIn, OpenIn, ReplaceIn, TokenIn, VoteIn
from unsc.web.live.site import NO_STORE, LiveSite, Site, client_of

__all__ = ["router"]

router = APIRouter()


@router.post("/api/live", status_code=201, response_model=None, responses=ERRORS_LIMITED)
def api_create(body: CreateIn, request: Request, site: Site) -> JSONResponse:
    """Create a live session; the answer holds the chair's token and every seat's link (keep them).
    Each client may create a limited number of sessions in ten minutes (429 beyond; others unaffected)."""
    s = site.make(body.title, body.date, body.scenario, list(body.elected), client_of(request))
    out = s.view(s.chair_token, site.public)
    out["chair_token"] = s.chair_token
    return JSONResponse(out, status_code=201, headers=NO_STORE)


@router.get("/api/live/{sid}", response_model=None, responses=ERRORS)
def api_state(sid: str, request: Request, site: Site) -> JSONResponse:
    """The session's state for the caller (Bearer token or the session cookie; none: the public view)."""
    return JSONResponse(site.view(sid, site.token_of(request, sid), fresh=True), headers=NO_STORE)


@router.post("/api/live/{sid}/open", response_model=None, responses=ERRORS)
def api_open(sid: str, body: OpenIn, request: Request, site: Site) -> JSONResponse:
    """The President puts a question to the vote (chair's token)."""
    cmd = OpenVote(body.question, body.kind)
    return JSONResponse(site.run(sid, site.token_of(request, sid, body.token), cmd), headers=NO_STORE)


@router.post("/api/live/{sid}/vote", response_model=None, responses=ERRORS)
def api_vote(sid: str, body: VoteIn, request: Request, site: Site) -> JSONResponse:
    """Vote on vote ``number`` (delegate's token: own seat only; chair's token: any seat). If that vote
    is closed or another one is open, nothing is counted: 409 with ``open_vote`` (number and question)."""
    cmd = Cast(vote=body.vote, number=body.number, seat=body.seat)
    return JSONResponse(site.run(sid, site.token_of(request, sid, body.token), cmd), headers=NO_STORE)


@router.post("/api/live/{sid}/close", response_model=None, responses=ERRORS)
def api_close(sid: str, body: TokenIn, request: Request, site: Site) -> JSONResponse:
    """The President closes the vote: the rules decide and the result is announced (chair's token)."""
    return JSONResponse(site.run(sid, site.token_of(request, sid, body.token), CloseVote()), headers=NO_STORE)


@router.post("/api/live/{sid}/floor", response_model=None, responses=ERRORS_LIMITED)
def api_floor(sid: str, body: FloorIn, request: Request, site: Site) -> JSONResponse:
    """The speakers list and the speaking clock: the President adds, removes, reorders, calls the next
    speaker, sets the time limit, pauses and resumes; a delegate asks to speak (``request``) or withdraws."""
    cmd = Floor(body.action, body.who, body.seconds, time.time())
    return JSONResponse(site.run(sid, site.token_of(request, sid, body.token), cmd), headers=NO_STORE)


@router.post("/api/live/{sid}/motion", response_model=None, responses=ERRORS_LIMITED)
def api_motion(sid: str, body: MotionIn, request: Request, site: Site) -> JSONResponse:
    """The President puts a procedural motion to the vote (procedural: no veto)."""
    cmd = OpenMotion(body.motion, body.detail)
    return JSONResponse(site.run(sid, site.token_of(request, sid, body.token), cmd), headers=NO_STORE)


@router.post("/api/live/{sid}/replace-link", response_model=None, responses=ERRORS)
def api_replace(sid: str, body: ReplaceIn, request: Request, site: Site) -> JSONResponse:
    """The President replaces a seat's link: the old one stops working at once; the answer has the new links."""
    cmd = ReplaceLink(body.seat)
    return JSONResponse(site.run(sid, site.token_of(request, sid, body.token), cmd), headers=NO_STORE)


@router.get("/api/live/{sid}/poll", response_model=None, responses=ERRORS)
async def api_poll(
    sid: str,
    request: Request,
    site: Site,
    since: Annotated[int, Query(ge=0, le=10**9)] = 0,
    wait: Annotated[float, Query(ge=0, le=25)] = 0,
) -> JSONResponse:
    """Short or long polling: the state once its version exceeds ``since``, or after ``wait`` seconds."""
    token = site.token_of(request, sid)
    storage = site.storage
    s = await run_in_threadpool(storage.load, sid, True)
    s.role(token)  # 403 at once
    storage.listen()
    deadline = time.monotonic() + wait
    while s.version <= since and (left := deadline - time.monotonic()) > 0:
        await storage.hub.wait(sid, s.version, min(left, 5.0))
        s = await run_in_threadpool(storage.load, sid)
    return JSONResponse(s.view(token, site.public), headers=NO_STORE)


@router.get(
    "/api/live/{sid}/events",
    response_model=None,
    responses={200: {"content": {"text/event-stream": {}}, "description": "Server-Sent Events"}, **ERRORS},
)
async def api_events(
    sid: str,
    request: Request,
    site: Site,
    max_seconds: Annotated[float, Query(ge=0, le=300, description="end the stream after this long")] = 60,
) -> StreamingResponse:
    """Server-Sent Events: a ``state`` event now and on every change, for the holder of the session's
    cookie (or Bearer token; none: the public view); the stream ends after ``max_seconds`` (browsers
    reconnect by themselves)."""
    token = site.token_of(request, sid)
    first = await run_in_threadpool(site.storage.load, sid, True)
    first.role(token)  # 404 / 403 before the stream starts
    site.storage.listen()
    headers = {**NO_STORE, "X-Accel-Buffering": "no"}
    stream = _events(site, request, first, token, max_seconds)
    return StreamingResponse(stream, media_type="text/event-stream", headers=headers)


async def _events(
    site: LiveSite, request: Request, first: Session, token: str | None, max_seconds: float
) -> AsyncIterator[str]:
    """The event stream of one session for one viewer, until ``max_seconds`` or the client leaves."""
    storage = site.storage
    sid = first.id
    yield "retry: 1500\n\n"
    s, seen = first, -1
    end = time.monotonic() + max_seconds
    beat = time.monotonic()
    while True:
        if s.version != seen:
            seen = s.version
            try:
                body = s.view(token, site.public)
            except LiveError:  # the link was replaced meanwhile
                yield 'event: gone\ndata: {"detail": "this link is no longer valid"}\n\n'
                return
            yield f"event: state\nid: {seen}\ndata: {json.dumps(body, separators=(',', ':'))}\n\n"
        now = time.monotonic()
        if now >= end or await request.is_disconnected():
            return
        if now - beat > 15:
            beat = now
            yield ": keep-alive\n\n"
        # woken by the change itself (this worker's commits, NOTIFY or the SQLite watch); a
        # notification lost while a listener reconnects is caught when the stream reopens
        # (streams end after ``max_seconds``; browsers reopen them, with a fresh read)
        latest = await storage.hub.wait(sid, seen, min(15.0, end - now))
        try:
            if latest is not None and latest > seen:
                held = storage.cached(sid, latest)  # this worker already holds it: no database read
                s = held if held is not None else await run_in_threadpool(storage.load, sid)
        except LiveError:
            yield 'event: gone\ndata: {"detail": "the session is gone"}\n\n'
            return
