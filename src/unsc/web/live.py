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

import datetime as dt
import json
import logging
import os
import re
import time
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unsc.rules import Council
from unsc.sessions import (
    KINDS,
    PROCEDURAL_MOTIONS,
    VOTE_LABELS,
    Cast,
    CloseVote,
    Command,
    Floor,
    Forbidden,
    LiveError,
    OpenMotion,
    OpenVote,
    ReplaceLink,
    Session,
    Storage,
    Unprocessable,
    clock,
    open_storage,
    the,
)
from unsc.sessions.conference import MAX_COMMITTEES, build_conference, chair_tokens, parse_conference
from unsc.sessions.model import COMMON_KINDS, FLOOR_ACTIONS, MAX_QUESTION, MAX_TIME_LIMIT, MAX_TITLE, hash_token

__all__ = ["BodyLimit", "RedactTokens", "app_from_env", "install", "qr_svg"]

MAX_BODY = 1_000_000
COOKIE = "unsc_live_"
ORGANISER_COOKIE = "unsc_conf_"
DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


# -- things every route gets ----------------------------------------------------------------------------


class BodyLimit:
    """ASGI middleware: a request body over ``limit`` bytes is answered 413 before it is read whole.

    >>> from fastapi import FastAPI
    >>> from fastapi.testclient import TestClient
    >>> app = FastAPI(); app.add_middleware(BodyLimit, limit=10)
    >>> TestClient(app).post("/x", content=b"x" * 11).status_code
    413
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        detail = f"the request body is larger than {self.limit // 1_000_000 or self.limit} {'MB' if self.limit >= 1_000_000 else 'bytes'}, the most this server reads"
        body = json.dumps({"detail": detail, "error": "too_large"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


class RedactTokens(logging.Filter):
    """A log filter that removes secret tokens from logged URLs (``/k/<token>``, ``token=``, ``chair=``).

    >>> RedactTokens.redact("GET /live/abc/k/SECRET123 HTTP/1.1 ?token=xyz&x=1")
    'GET /live/abc/k/<redacted> HTTP/1.1 ?token=<redacted>&x=1'
    """

    PATTERN = re.compile(r"(/k/|[?&](?:token|chair|organiser)=)[^/\s&?\"']+")

    @classmethod
    def redact(cls, text: str) -> str:
        """``text`` with every token replaced by ``<redacted>``."""
        return cls.PATTERN.sub(r"\1<redacted>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's arguments (uvicorn's access log passes the path as an argument)."""
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            record.args = tuple(self.redact(a) if isinstance(a, str) else a for a in args)
        if isinstance(record.msg, str):
            record.msg = self.redact(record.msg)
        return True


def _install_log_filter() -> None:
    for name in ("uvicorn.access", "uvicorn.error", "uvicorn"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())


def _quiet_validation(app: Any) -> None:
    """Wrap the app's 422 handler so it never echoes a long input back (nor more than 20 problems)."""
    inner = app.exception_handlers.get(RequestValidationError)

    async def handler(request: Request, exc: RequestValidationError) -> Response:
        errors = []
        for e in list(exc.errors())[:20]:
            e = dict(e)
            value = e.get("input")
            if value is not None:
                text = value if isinstance(value, str) else json.dumps(value, default=str)
                if len(text) > 200:
                    e["input"] = f"<{len(text)} characters, not shown>"
            e.pop("ctx", None) if len(str(e.get("ctx"))) > 200 else None
            errors.append(e)
        quiet = RequestValidationError(errors)
        if inner is not None:
            return await inner(request, quiet)
        return JSONResponse({"detail": errors, "error": "bad_input"}, status_code=422)

    app.add_exception_handler(RequestValidationError, handler)


def qr_svg(url: str) -> str:
    """A QR code of ``url`` as inline SVG (segno), for a phone's camera.

    >>> qr_svg("http://192.168.1.20:8000/live/x/k/y").startswith("<svg")
    True
    """
    import segno

    return segno.make(url, error="m").svg_inline(scale=3, border=2, dark="#111", light="#fff")


def room_address(host: str, port: int) -> str:
    """The address phones in the room use: this machine's address on the local network when serving
    on every interface (``0.0.0.0``), else ``host`` itself.

    >>> room_address("127.0.0.1", 8000)
    'http://127.0.0.1:8000'
    """
    if host in ("0.0.0.0", "::", ""):
        import socket

        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
                host = s.getsockname()[0]
        except OSError:
            host = socket.gethostbyname(socket.gethostname())
    return f"http://{host}:{port}"


# -- request bodies --------------------------------------------------------------------------------------

Str100 = Annotated[str, Field(max_length=100)]
TokenField = Field(
    default=None, max_length=100, description="the link's token (or the session cookie, or a Bearer header)"
)


class CreateIn(BaseModel):
    """A new session: the Council of a date (its elected members from the record store, or typed),
    or a reform scenario."""

    title: str = Field(default="", max_length=MAX_TITLE)
    date: dt.date | None = Field(default=None, description="the Council of this date votes")
    scenario: str | None = Field(default=None, max_length=60, description="a reform model (see /api/scenarios)")
    elected: list[Str100] = Field(default=[], max_length=60, description="elected members, if the store lacks them")


class OpenIn(BaseModel):
    """The President puts a question to the vote."""

    token: str | None = TokenField
    question: str = Field(min_length=1, max_length=MAX_QUESTION)
    kind: str = Field(default="draft_resolution", max_length=60, description="a unsc.rules.Kind value")


class VoteIn(BaseModel):
    """A vote on vote ``number`` (the one the voter sees): a delegate's own seat, or any seat with the chair's token."""

    token: str | None = TokenField
    number: int = Field(ge=1, le=10_000, description="the vote's number as the pages show it ('Vote 2')")
    vote: str | None = Field(default=None, max_length=40, description="Y, N, A, not_participating; chair: absent")
    seat: str | None = Field(default=None, max_length=100, description="the seat (code or name); default: your own")


class TokenIn(BaseModel):
    """The chair's token (closing a vote)."""

    token: str | None = TokenField


class ReplaceIn(BaseModel):
    """The President replaces a seat's link."""

    token: str | None = TokenField
    seat: str = Field(max_length=100)


class FloorIn(BaseModel):
    """An action on the floor: the President runs the speakers list and the clock; a delegate asks to speak."""

    token: str | None = TokenField
    action: str = Field(max_length=20, description=", ".join(FLOOR_ACTIONS))
    who: str | None = Field(default=None, max_length=100, description="a seat, or any state (invited, no vote)")
    seconds: int | None = Field(default=None, ge=0, le=MAX_TIME_LIMIT, description="action limit: seconds, 0 none")


class MotionIn(BaseModel):
    """The President puts a procedural motion (rule 33 order, or a rule 37/39 invitation) to the vote."""

    token: str | None = TokenField
    motion: str = Field(max_length=40, description="a kind from PROCEDURAL_MOTIONS, e.g. suspend")
    detail: str = Field(default="", max_length=300, description="e.g. the date, the committee, who is invited")


class ConferenceIn(BaseModel):
    """Many committees at once: the text of a TOML or CSV file and its name (the ending says which)."""

    filename: str = Field(default="conference.toml", max_length=200)
    text: str = Field(min_length=1, max_length=200_000)


class LiveErrorOut(BaseModel):
    """An error: what went wrong, in words, and its kind (forbidden, not_found, conflict, bad_input, limit_reached)."""

    detail: str
    error: str
    open_vote: dict[str, Any] | None = None


# -- the app -----------------------------------------------------------------------------------------------


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
    here = Path(__file__).resolve().parent
    if storage is None:
        storage = open_storage(db or sessions_file or os.environ.get("UNSC_LIVE_DB") or None, **options)
    public = (public_url or os.environ.get("UNSC_PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/")
    app.state.live = storage
    app.state.live_public_url = public
    app.add_middleware(BodyLimit, limit=MAX_BODY)
    _quiet_validation(app)
    _install_log_filter()
    env = Environment(loader=FileSystemLoader(here / "templates"), autoescape=select_autoescape(["html"]))
    env.globals.update(
        vote_labels=VOTE_LABELS, kinds=KINDS, common_kinds=COMMON_KINDS, procedural_motions=PROCEDURAL_MOTIONS
    )
    env.filters["the"] = the
    env.filters["clock"] = clock
    router = APIRouter()
    no_store = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}  # pages carry secret links

    errs: dict[int | str, dict[str, Any]] = {
        s: {"model": LiveErrorOut, "description": d}
        for s, d in [
            (403, "the token does not allow it"),
            (404, "no such session"),
            (409, "not now (a vote closed, another is open)"),
            (413, "the request body is over 1 MB"),
            (422, "bad input"),
        ]
    }

    # -- who is asking -----------------------------------------------------------------------------------

    def token_of(request: Request, sid: str, given: str | None = None) -> str | None:
        """The body's token, else a Bearer header, else the session's cookie."""
        if given:
            return given
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip() or None
        return request.cookies.get(COOKIE + sid) or None

    def client_of(request: Request) -> str:
        return request.client.host if request.client else "unknown"

    def set_cookie(response: Response, name: str, value: str) -> None:
        response.set_cookie(
            name, value, max_age=30 * 86400, httponly=True, samesite="lax", secure=public.startswith("https://")
        )

    # -- building sessions ------------------------------------------------------------------------------

    def roster_for(date: dt.date) -> tuple[list[str] | None, str | None]:
        """The elected members of ``date`` from the record store, or ``None`` and why not."""
        if backend is None:
            return None, "no record store"

        def read(st: Any) -> Any:
            fn = getattr(st, "roster", None) if st is not None else None
            return None if fn is None else fn(date)

        try:
            seated = backend.with_store(read)
        except Exception as exc:  # a store being rebuilt, a store of another schema
            return None, f"the record store could not give the roster ({exc})"
        if not seated:
            return None, "the record store has no roster for that date"
        base = Council.on(date)
        try:
            elected = [c for c in seated if not base.is_permanent(c)]
        except (KeyError, ValueError) as exc:
            return None, f"bad roster in the store: {exc}"
        if len(elected) != base.elected_seats:
            return None, f"the record store lists {len(elected)} elected members for {date}, not {base.elected_seats}"
        return elected, None

    def make(title: str, date: dt.date | None, scenario: str | None, elected: list[str], client: str) -> Session:
        elected = [e for e in elected if e.strip()]
        if scenario:
            s = Session.create(title=title, scenario=scenario, elected=elected or None)
            return storage.create(s, client=client)
        if date is None:
            raise Unprocessable("date: give a date (the Council of that date votes) or choose a reform scenario")
        try:
            Council.on(date)
        except ValueError as exc:
            raise Unprocessable(f"date: {exc}") from exc
        source = "typed by the chair"
        if not elected:
            found, why = roster_for(date)
            if found is None:
                seats = Council.on(date).elected_seats
                raise Unprocessable(
                    f"elected: type the {seats} elected members of {date} ({why}; 'unsc build' makes a store that has them)"
                )
            elected, source = found, "from the record store"
        return storage.create(
            Session.create(title=title, date=date, elected=elected, roster_source=source), client=client
        )

    # -- answers ------------------------------------------------------------------------------------------

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(request=request, path="/live", **ctx)
        return HTMLResponse(html, status_code=status, headers=no_store)

    def fail(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, LiveError)
        if request.url.path.startswith("/api/"):
            body = {"detail": str(exc), "error": exc.kind, **exc.extra}
            return JSONResponse(body, status_code=exc.status, headers=no_store)
        return page(request, "error.html", status=exc.status, status_code=exc.status, kind=exc.kind, detail=str(exc))

    app.add_exception_handler(LiveError, fail)

    def view(sid: str, token: str | None, fresh: bool = False) -> dict[str, Any]:
        return storage.load(sid, fresh=fresh).view(token, public)

    def run(sid: str, token: str | None, command: Command) -> dict[str, Any]:
        done = storage.execute(sid, token, command)
        return done.session.view(token, public)

    # -- JSON API -------------------------------------------------------------------------------------------

    @router.post("/api/live", status_code=201, response_model=None, responses={429: errs[422], **errs})
    def api_create(body: CreateIn, request: Request) -> JSONResponse:
        """Create a live session; the answer holds the chair's token and every seat's link (keep them).
        Each client may create a limited number of sessions in ten minutes (429 beyond; others unaffected)."""
        s = make(body.title, body.date, body.scenario, list(body.elected), client_of(request))
        out = s.view(s.chair_token, public)
        out["chair_token"] = s.chair_token
        return JSONResponse(out, status_code=201, headers=no_store)

    @router.get("/api/live/{sid}", response_model=None, responses=errs)
    def api_state(sid: str, request: Request) -> JSONResponse:
        """The session's state for the caller (Bearer token or the session cookie; none: the public view)."""
        return JSONResponse(view(sid, token_of(request, sid), fresh=True), headers=no_store)

    @router.post("/api/live/{sid}/open", response_model=None, responses=errs)
    def api_open(sid: str, body: OpenIn, request: Request) -> JSONResponse:
        """The President puts a question to the vote (chair's token)."""
        return JSONResponse(
            run(sid, token_of(request, sid, body.token), OpenVote(body.question, body.kind)), headers=no_store
        )

    @router.post("/api/live/{sid}/vote", response_model=None, responses=errs)
    def api_vote(sid: str, body: VoteIn, request: Request) -> JSONResponse:
        """Vote on vote ``number`` (delegate's token: own seat only; chair's token: any seat). If that vote
        is closed or another one is open, nothing is counted: 409 with ``open_vote`` (number and question)."""
        cmd = Cast(vote=body.vote, number=body.number, seat=body.seat)
        return JSONResponse(run(sid, token_of(request, sid, body.token), cmd), headers=no_store)

    @router.post("/api/live/{sid}/close", response_model=None, responses=errs)
    def api_close(sid: str, body: TokenIn, request: Request) -> JSONResponse:
        """The President closes the vote: the rules decide and the result is announced (chair's token)."""
        return JSONResponse(run(sid, token_of(request, sid, body.token), CloseVote()), headers=no_store)

    @router.post("/api/live/{sid}/floor", response_model=None, responses={429: errs[422], **errs})
    def api_floor(sid: str, body: FloorIn, request: Request) -> JSONResponse:
        """The speakers list and the speaking clock: the President adds, removes, reorders, calls the next
        speaker, sets the time limit, pauses and resumes; a delegate asks to speak (``request``) or withdraws."""
        cmd = Floor(body.action, body.who, body.seconds, time.time())
        return JSONResponse(run(sid, token_of(request, sid, body.token), cmd), headers=no_store)

    @router.post("/api/live/{sid}/motion", response_model=None, responses={429: errs[422], **errs})
    def api_motion(sid: str, body: MotionIn, request: Request) -> JSONResponse:
        """The President puts a procedural motion to the vote (procedural: no veto)."""
        cmd = OpenMotion(body.motion, body.detail)
        return JSONResponse(run(sid, token_of(request, sid, body.token), cmd), headers=no_store)

    @router.post("/api/live/{sid}/replace-link", response_model=None, responses=errs)
    def api_replace(sid: str, body: ReplaceIn, request: Request) -> JSONResponse:
        """The President replaces a seat's link: the old one stops working at once; the answer has the new links."""
        return JSONResponse(run(sid, token_of(request, sid, body.token), ReplaceLink(body.seat)), headers=no_store)

    @router.get("/api/live/{sid}/poll", response_model=None, responses=errs)
    async def api_poll(
        sid: str,
        request: Request,
        since: Annotated[int, Query(ge=0, le=10**9)] = 0,
        wait: Annotated[float, Query(ge=0, le=25)] = 0,
    ) -> JSONResponse:
        """Short or long polling: the state once its version exceeds ``since``, or after ``wait`` seconds."""
        token = token_of(request, sid)
        s = await run_in_threadpool(storage.load, sid, True)
        s.role(token)  # 403 at once
        storage.listen()
        deadline = time.monotonic() + wait
        while s.version <= since and (left := deadline - time.monotonic()) > 0:
            await storage.hub.wait(sid, s.version, min(left, 5.0))
            s = await run_in_threadpool(storage.load, sid)
        return JSONResponse(s.view(token, public), headers=no_store)

    @router.get(
        "/api/live/{sid}/events",
        response_model=None,
        responses={200: {"content": {"text/event-stream": {}}, "description": "Server-Sent Events"}, **errs},
    )
    async def api_events(
        sid: str,
        request: Request,
        max_seconds: Annotated[float, Query(ge=0, le=300, description="end the stream after this long")] = 60,
    ) -> StreamingResponse:
        """Server-Sent Events: a ``state`` event now and on every change, for the holder of the session's
        cookie (or Bearer token; none: the public view); the stream ends after ``max_seconds`` (browsers
        reconnect by themselves)."""
        token = token_of(request, sid)
        first = await run_in_threadpool(storage.load, sid, True)
        first.role(token)  # 404 / 403 before the stream starts
        storage.listen()

        async def events() -> Any:
            yield "retry: 1500\n\n"
            s = first
            seen = -1
            end = time.monotonic() + max_seconds
            beat = time.monotonic()
            while True:
                if s.version != seen:
                    seen = s.version
                    try:
                        body = s.view(token, public)
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
                        s = (
                            storage.load(sid)
                            if _cached(storage, sid, latest)
                            else await run_in_threadpool(storage.load, sid)
                        )
                except LiveError:
                    yield 'event: gone\ndata: {"detail": "the session is gone"}\n\n'
                    return

        headers = {**no_store, "X-Accel-Buffering": "no"}
        return StreamingResponse(events(), media_type="text/event-stream", headers=headers)

    @router.post("/api/live/conference", status_code=201, response_model=None, responses={429: errs[422], **errs})
    def api_conference(body: ConferenceIn, request: Request) -> JSONResponse:
        """Create a conference: every committee of a TOML or CSV file at once (one creation for the limit);
        the answer holds the organiser's token and each committee's chair link."""
        conf = new_conference(body.filename, body.text, client_of(request))
        out = conference_view(conf.id, conf.organiser_token)
        out["organiser_token"] = conf.organiser_token
        return JSONResponse(out, status_code=201, headers=no_store)

    @router.get("/api/live/conference/{cid}", response_model=None, responses=errs)
    def api_conference_state(cid: str, request: Request) -> JSONResponse:
        """Every committee's state; with the organiser's token (Bearer or cookie) also the chairs' links."""
        return JSONResponse(conference_view(cid, organiser_of(request, cid)), headers=no_store)

    # -- conferences ------------------------------------------------------------------------------------

    def roster_only(date: dt.date) -> list[str] | None:
        return roster_for(date)[0]

    def new_conference(filename: str, text: str, client: str) -> Any:
        title, specs = parse_conference(text, filename, roster=roster_only)
        conf = build_conference(title, specs)
        storage.create_conference(conf.id, conf.title, hash_token(conf.organiser_token), conf.sessions, client)
        return conf

    def organiser_of(request: Request, cid: str) -> str | None:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip() or None
        return request.cookies.get(ORGANISER_COOKIE + cid) or None

    def conference_view(cid: str, organiser: str | None) -> dict[str, Any]:
        record = storage.conference(cid)
        if organiser and hash_token(organiser) != record["organiser_hash"]:
            raise Forbidden("this is not the organiser's link of this conference")
        is_organiser = bool(organiser)
        tokens = chair_tokens(organiser, cid, len(record["committees"])) if organiser else []
        committees = []
        for i, sid in enumerate(record["committees"]):
            s = storage.load(sid)
            st = s.view(None, public)
            row: dict[str, Any] = {
                "id": sid,
                "name": s.committee or s.title,
                "council": st["council"],
                "current": None,
                "votes_held": sum(1 for h in st["history"] if h["state"] == "closed"),
                "last": next((h for h in st["history"] if h["state"] == "closed"), None),
                "screen_url": f"{public}/live/{sid}/screen",
                "speaking": (st["floor"]["timer"]["speaker"] or {}).get("name"),
            }
            m = st["current"]
            if m and m["state"] == "open":
                row["current"] = {
                    "number": m["number"],
                    "question": m["question"],
                    **{k: m["live"][k] for k in ("yes", "no", "abstain", "not_voted", "required")},
                }
            if is_organiser:
                row["chair_url"] = f"{public}/live/{sid}/k/{tokens[i]}"
            committees.append(row)
        return {"id": cid, "title": record["title"], "organiser": is_organiser, "committees": committees}

    # -- pages --------------------------------------------------------------------------------------------

    def scenario_list() -> list[dict[str, Any]]:
        from unsc.analysis.scenarios import get_scenario, scenario_names

        return [{"name": n, "title": get_scenario(n).title} for n in scenario_names()]

    def last_vote_day() -> dt.date | None:
        """The day of the last vote in the record store (cached), or ``None``."""

        def read() -> dt.date | None:
            try:
                frame = backend.call("decisions")
                day = max((d for d in frame["date"] if d is not None and d == d), default=None)
            except Exception:  # no store, a store being rebuilt: the form then asks for a date
                return None
            return day.date() if isinstance(day, dt.datetime) else day

        return backend.cached(("live-last-vote-day",), read) if backend is not None else None

    def default_date() -> tuple[str, str | None]:
        """A date the form can start a session on without typing members: today if the record store
        seats today's Council, else the day of its last vote; else none, and why (issue 13: the form
        offered today and then failed)."""
        today = dt.date.today()
        if roster_for(today)[0] is not None:
            return today.isoformat(), None
        last = last_vote_day()
        if last is not None and roster_for(last)[0] is not None:
            return (
                last.isoformat(),
                f"the record store does not list today's elected members; its last vote was on {last}",
            )
        return "", "give a date, and type its elected members below (the record store does not list them)"

    @router.get("/live", response_class=HTMLResponse, include_in_schema=False)
    def live_new(request: Request) -> HTMLResponse:
        day, date_note = default_date()
        form = {"date": day, "title": "", "scenario": "", "elected": "", "mode": "date"}
        return page(request, "live_new.html", form=form, scenarios=scenario_list(), problem=None, date_note=date_note)

    @router.post("/live", response_class=HTMLResponse, include_in_schema=False)
    def live_create(
        request: Request,
        title: Annotated[str, Form(max_length=MAX_TITLE)] = "",
        mode: Annotated[str, Form(max_length=10)] = "date",
        date: Annotated[str, Form(max_length=10)] = "",
        scenario: Annotated[str, Form(max_length=60)] = "",
        elected: Annotated[str, Form(max_length=2000)] = "",
    ) -> Response:
        form = {"date": date, "title": title, "scenario": scenario, "elected": elected, "mode": mode}
        names = [p.strip() for p in elected.replace(";", ",").replace("\n", ",").split(",") if p.strip()]
        try:
            when = None
            if mode != "scenario":
                try:
                    when = dt.date.fromisoformat(date.strip()) if date.strip() else None
                except ValueError:
                    raise Unprocessable(f"date: {date!r} is not a date (YYYY-MM-DD)") from None
            s = make(title, when, scenario if mode == "scenario" else None, names, client_of(request))
        except LiveError as exc:
            return page(
                request, "live_new.html", status=exc.status, form=form, scenarios=scenario_list(), problem=str(exc)
            )
        response = RedirectResponse(f"/live/{s.id}", status_code=303, headers=no_store)
        assert s.chair_token is not None
        set_cookie(response, COOKIE + s.id, s.chair_token)
        return response

    @router.get("/live/conference", response_class=HTMLResponse, include_in_schema=False)
    def conference_new(request: Request) -> HTMLResponse:
        return page(
            request, "live_conference_new.html", text="", filename="conference.toml", problem=None, most=MAX_COMMITTEES
        )

    @router.post("/live/conference", response_class=HTMLResponse, include_in_schema=False)
    def conference_create(
        request: Request,
        text: Annotated[str, Form(max_length=200_000)] = "",
        filename: Annotated[str, Form(max_length=200)] = "conference.toml",
    ) -> Response:
        try:
            conf = new_conference(filename or "conference.toml", text, client_of(request))
        except LiveError as exc:
            return page(
                request, "live_conference_new.html", status=exc.status, text=text, filename=filename,
                problem=str(exc), most=MAX_COMMITTEES,
            )  # fmt: skip
        response = RedirectResponse(f"/live/conference/{conf.id}", status_code=303, headers=no_store)
        set_cookie(response, ORGANISER_COOKIE + conf.id, conf.organiser_token)
        return response

    @router.get("/live/conference/{cid}", response_class=HTMLResponse, include_in_schema=False)
    def conference_page(request: Request, cid: str) -> HTMLResponse:
        return page(request, "live_conference.html", conf=conference_view(cid, organiser_of(request, cid)))

    @router.get("/live/conference/{cid}/k/{token}", include_in_schema=False)
    def conference_link(cid: str, token: str) -> Response:
        conference_view(cid, token)  # 403 for a wrong token
        response = RedirectResponse(f"/live/conference/{cid}", status_code=303, headers=no_store)
        set_cookie(response, ORGANISER_COOKIE + cid, token)
        return response

    @router.get("/live/{sid}/k/{token}", include_in_schema=False)
    def live_link(sid: str, token: str) -> Response:
        """A secret link: keep its token in a cookie for this session and open the page without it."""
        storage.load(sid, fresh=True).role(token)  # 404 / 403
        response = RedirectResponse(f"/live/{sid}", status_code=303, headers=no_store)
        set_cookie(response, COOKIE + sid, token)
        return response

    def board(sid: str, token: str | None) -> dict[str, Any]:
        return {"st": view(sid, token, fresh=True), "sid": sid}

    def session_page(
        request: Request, sid: str, token: str | None, problem: str | None = None, status: int = 200
    ) -> HTMLResponse:
        try:
            ctx = board(sid, token)
        except Forbidden:  # an old cookie (the link was replaced): the public view, and say so
            ctx = board(sid, None)
            problem = (
                problem
                or "The link this browser opened is no longer valid (the President may have replaced it): ask for the new one."
            )
        role = ctx["st"]["role"]
        if role == "chair":
            s = storage.load(sid)
            qrs = {lk["code"]: qr_svg(lk["url"]) for lk in ctx["st"]["links"]}
            return page(
                request,
                "live_chair.html",
                status=status,
                problem=problem,
                qrs=qrs,
                public=public,
                room=public,
                committee=s.committee,
                **ctx,
            )
        if role == "public":
            return page(
                request,
                "live_chair.html",
                status=status,
                problem=problem,
                qrs={},
                public=public,
                room=public,
                committee="",
                **ctx,
            )
        return page(request, "live_seat.html", status=status, problem=problem, **ctx)

    @router.get("/live/{sid}", response_class=HTMLResponse, include_in_schema=False)
    def live_page(request: Request, sid: str) -> HTMLResponse:
        return session_page(request, sid, token_of(request, sid))

    @router.get("/live/{sid}/screen", response_class=HTMLResponse, include_in_schema=False)
    def live_screen(request: Request, sid: str) -> HTMLResponse:
        """The public view (no controls, no links), for a projector."""
        return session_page(request, sid, None)

    @router.get("/live/{sid}/board", response_class=HTMLResponse, include_in_schema=False)
    def live_board(
        request: Request, sid: str, public_view: Annotated[int, Query(alias="public", ge=0, le=1)] = 0
    ) -> HTMLResponse:
        """The live part of a page, re-rendered for the page's script when the session changes."""
        return page(request, "live_board.html", **board(sid, None if public_view else token_of(request, sid)))

    def act(request: Request, sid: str, token: str | None, command: Command, anchor: str) -> Response:
        tok = token_of(request, sid, token)
        try:
            storage.execute(sid, tok, command)
        except LiveError as exc:
            if exc.status in (409, 422):  # show the page again with the problem, so nothing is lost silently
                return session_page(request, sid, tok, problem=str(exc), status=exc.status)
            raise
        return RedirectResponse(f"/live/{sid}{anchor}", status_code=303, headers=no_store)

    @router.post("/live/{sid}/open", response_class=HTMLResponse, include_in_schema=False)
    def live_open(
        request: Request,
        sid: str,
        token: Annotated[str, Form(max_length=100)] = "",
        question: Annotated[str, Form(max_length=MAX_QUESTION)] = "",
        kind: Annotated[str, Form(max_length=60)] = "draft_resolution",
    ) -> Response:
        return act(request, sid, token, OpenVote(question, kind), "#board")

    @router.post("/live/{sid}/vote", response_class=HTMLResponse, include_in_schema=False)
    def live_vote(
        request: Request,
        sid: str,
        number: Annotated[int, Form(ge=1, le=10_000)],
        token: Annotated[str, Form(max_length=100)] = "",
        vote: Annotated[str, Form(max_length=40)] = "",
        seat: Annotated[str, Form(max_length=100)] = "",
    ) -> Response:
        return act(request, sid, token, Cast(vote=vote or None, number=number, seat=seat or None), "#board")

    @router.post("/live/{sid}/close", response_class=HTMLResponse, include_in_schema=False)
    def live_close(request: Request, sid: str, token: Annotated[str, Form(max_length=100)] = "") -> Response:
        return act(request, sid, token, CloseVote(), "#board")

    @router.post("/live/{sid}/floor", response_class=HTMLResponse, include_in_schema=False)
    def live_floor(
        request: Request,
        sid: str,
        token: Annotated[str, Form(max_length=100)] = "",
        action: Annotated[str, Form(max_length=20)] = "",
        who: Annotated[str, Form(max_length=100)] = "",
        seconds: Annotated[str, Form(max_length=10)] = "",
    ) -> Response:
        return act(request, sid, token, Floor(action, who or None, seconds or None, time.time()), "#floor")

    @router.post("/live/{sid}/motion", response_class=HTMLResponse, include_in_schema=False)
    def live_motion(
        request: Request,
        sid: str,
        token: Annotated[str, Form(max_length=100)] = "",
        motion: Annotated[str, Form(max_length=40)] = "",
        detail: Annotated[str, Form(max_length=300)] = "",
    ) -> Response:
        return act(request, sid, token, OpenMotion(motion, detail), "#board")

    @router.post("/live/{sid}/replace-link", response_class=HTMLResponse, include_in_schema=False)
    def live_replace(
        request: Request,
        sid: str,
        seat: Annotated[str, Form(max_length=100)],
        token: Annotated[str, Form(max_length=100)] = "",
    ) -> Response:
        tok = token_of(request, sid, token)
        storage.execute(sid, tok, ReplaceLink(seat))
        return RedirectResponse(f"/live/{sid}?replaced={seat}#links", status_code=303, headers=no_store)

    app.include_router(router)
    return storage


def _cached(storage: Storage, sid: str, version: int) -> bool:
    """Whether this process already holds ``version`` of the session (no database read needed)."""
    s = storage._cache.get(sid)
    return s is not None and s.version >= version
