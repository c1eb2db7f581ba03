"""One app's live sessions as its routes see them: the storage, the record store that seats a date's
Council, the public address links use, and the templates. :func:`unsc.web.live.install` makes one
:class:`LiveSite` per app (``app.state.live_site``); every router reaches it through the
:data:`Site` dependency, so the routers are plain module-level functions.

>>> from unsc.sessions import open_storage
>>> site = LiveSite(storage=open_storage(":memory:"), public="http://room:8000")
>>> s = site.make("Test", dt.date(1950, 7, 7), None, ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"], "me")
>>> site.view(s.id, None)["role"]
'public'
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from unsc.rules import Council
from unsc.rules.wording import with_article
from unsc.sessions import (
    KINDS,
    PROCEDURAL_MOTIONS,
    VOTE_LABELS,
    Command,
    Forbidden,
    LiveError,
    Role,
    Session,
    Storage,
    Unprocessable,
    clock,
)
from unsc.sessions.conference import build_conference, chair_tokens, parse_conference
from unsc.sessions.model import COMMON_KINDS, MotionState, hash_token
from unsc.web.live.guard import qr_svg

__all__ = ["COOKIE", "NO_STORE", "ORGANISER_COOKIE", "LiveSite", "Site", "live_error", "site_of"]

COOKIE = "unsc_live_"
ORGANISER_COOKIE = "unsc_conf_"
#: Headers of every live answer: pages carry secret links, so nothing is cached or sent as a referrer.
NO_STORE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    env.globals.update(
        vote_labels=VOTE_LABELS, kinds=KINDS, common_kinds=COMMON_KINDS, procedural_motions=PROCEDURAL_MOTIONS
    )
    env.filters["the"] = with_article
    env.filters["clock"] = clock
    return env


def bearer(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` header, if any."""
    auth = request.headers.get("authorization", "")
    return (auth[7:].strip() or None) if auth.lower().startswith("bearer ") else None


def client_of(request: Request) -> str:
    """Who is asking, for the per-client creation limit."""
    return request.client.host if request.client else "unknown"


@dataclass
class LiveSite:
    """The live sessions of one app: storage, record store (``backend``, may be ``None``), public address."""

    storage: Storage
    public: str
    backend: Any = None
    env: Environment = field(default_factory=_environment)

    # -- who is asking -----------------------------------------------------------------------------------

    def token_of(self, request: Request, sid: str, given: str | None = None) -> str | None:
        """The body's token, else a Bearer header, else the session's cookie."""
        return given or bearer(request) or request.cookies.get(COOKIE + sid) or None

    def organiser_of(self, request: Request, cid: str) -> str | None:
        """The conference organiser's token: a Bearer header, else the conference's cookie."""
        return bearer(request) or request.cookies.get(ORGANISER_COOKIE + cid) or None

    def set_cookie(self, response: Response, name: str, value: str) -> None:
        """Keep a link's token in an HttpOnly cookie (secure when the public address is https)."""
        response.set_cookie(
            name, value, max_age=30 * 86400, httponly=True, samesite="lax", secure=self.public.startswith("https://")
        )

    # -- building sessions ------------------------------------------------------------------------------

    def roster_for(self, date: dt.date) -> tuple[list[str] | None, str | None]:
        """The elected members of ``date`` from the record store, or ``None`` and why not."""
        if self.backend is None:
            return None, "no record store"

        def read(st: Any) -> Any:
            fn = getattr(st, "roster", None) if st is not None else None
            return None if fn is None else fn(date)

        try:
            seated = self.backend.with_store(read)
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

    def make(self, title: str, date: dt.date | None, scenario: str | None, elected: list[str], client: str) -> Session:
        """Create a session: a reform ``scenario``, or the Council of ``date`` (its elected members typed,
        or from the record store)."""
        elected = [e for e in elected if e.strip()]
        if scenario:
            return self.storage.create(Session.create(title=title, scenario=scenario, elected=elected or None), client)
        if date is None:
            raise Unprocessable("date: give a date (the Council of that date votes) or choose a reform scenario")
        try:
            council = Council.on(date)
        except ValueError as exc:
            raise Unprocessable(f"date: {exc}") from exc
        source = "typed by the chair"
        if not elected:
            found, why = self.roster_for(date)
            if found is None:
                raise Unprocessable(
                    f"elected: type the {council.elected_seats} elected members of {date} "
                    f"({why}; 'unsc build' makes a store that has them)"
                )
            elected, source = found, "from the record store"
        session = Session.create(title=title, date=date, elected=elected, roster_source=source)
        return self.storage.create(session, client=client)

    def default_date(self) -> tuple[str, str | None]:
        """A date the form can start a session on without typing members: today if the record store
        seats today's Council, else the day of its last vote; else none, and why (issue 13: the form
        offered today and then failed)."""
        today = dt.date.today()
        if self.roster_for(today)[0] is not None:
            return today.isoformat(), None
        last = self.last_vote_day()
        if last is not None and self.roster_for(last)[0] is not None:
            return (
                last.isoformat(),
                f"the record store does not list today's elected members; its last vote was on {last}",
            )
        return "", "give a date, and type its elected members below (the record store does not list them)"

    def last_vote_day(self) -> dt.date | None:
        """The day of the last vote in the record store (cached), or ``None``."""
        backend = self.backend

        def read() -> dt.date | None:
            try:
                frame = backend.call("decisions")
                day = max((d for d in frame["date"] if d is not None and d == d), default=None)
            except Exception:  # no store, a store being rebuilt: the form then asks for a date
                return None
            return day.date() if isinstance(day, dt.datetime) else day

        return backend.cached(("live-last-vote-day",), read) if backend is not None else None

    # -- sessions -----------------------------------------------------------------------------------------

    def view(self, sid: str, token: str | None, fresh: bool = False) -> dict[str, Any]:
        """The session as ``token``'s holder sees it."""
        return self.storage.load(sid, fresh=fresh).view(token, self.public)

    def run(self, sid: str, token: str | None, command: Command) -> dict[str, Any]:
        """Execute ``command`` for ``token``'s holder; the session as they now see it."""
        return self.storage.execute(sid, token, command).session.view(token, self.public)

    # -- conferences ------------------------------------------------------------------------------------

    def new_conference(self, filename: str, text: str, client: str) -> Any:
        """Create every committee of a conference file at once."""
        title, specs = parse_conference(text, filename, roster=lambda date: self.roster_for(date)[0])
        conf = build_conference(title, specs)
        self.storage.create_conference(conf.id, conf.title, hash_token(conf.organiser_token), conf.sessions, client)
        return conf

    def conference_view(self, cid: str, organiser: str | None) -> dict[str, Any]:
        """Every committee's state; with the organiser's token also each chair's link."""
        record = self.storage.conference(cid)
        if organiser and hash_token(organiser) != record["organiser_hash"]:
            raise Forbidden("this is not the organiser's link of this conference")
        tokens = chair_tokens(organiser, cid, len(record["committees"])) if organiser else []
        committees = []
        for i, sid in enumerate(record["committees"]):
            row = self._committee(sid)
            if organiser:
                row["chair_url"] = f"{self.public}/live/{sid}/k/{tokens[i]}"
            committees.append(row)
        return {"id": cid, "title": record["title"], "organiser": bool(organiser), "committees": committees}

    def _committee(self, sid: str) -> dict[str, Any]:
        s = self.storage.load(sid)
        st = s.view(None, self.public)
        closed = [h for h in st["history"] if h["state"] == MotionState.CLOSED]
        row: dict[str, Any] = {
            "id": sid,
            "name": s.committee or s.title,
            "council": st["council"],
            "current": None,
            "votes_held": len(closed),
            "last": closed[0] if closed else None,
            "screen_url": f"{self.public}/live/{sid}/screen",
            "speaking": (st["floor"]["timer"]["speaker"] or {}).get("name"),
        }
        m = st["current"]
        if m and m["state"] == MotionState.OPEN:
            counts = {k: m["live"][k] for k in ("yes", "no", "abstain", "not_voted", "required")}
            row["current"] = {"number": m["number"], "question": m["question"], **counts}
        return row

    # -- answers ------------------------------------------------------------------------------------------

    def page(self, request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        """A live page (never cached: it may carry secret links)."""
        html = self.env.get_template(name).render(request=request, path="/live", **ctx)
        return HTMLResponse(html, status_code=status, headers=NO_STORE)

    def session_page(
        self, request: Request, sid: str, token: str | None, problem: str | None = None, status: int = 200
    ) -> HTMLResponse:
        """The chair's page, a seat's page, or the public view, by who ``token`` is."""
        try:
            st = self.view(sid, token, fresh=True)
        except Forbidden:  # an old cookie (the link was replaced): the public view, and say so
            st = self.view(sid, None, fresh=True)
            problem = problem or (
                "The link this browser opened is no longer valid (the President may have replaced it): "
                "ask for the new one."
            )
        ctx: dict[str, Any] = {"st": st, "sid": sid, "status": status, "problem": problem}
        if st["role"] == Role.CHAIR:
            qrs = {lk["code"]: qr_svg(lk["url"]) for lk in st["links"]}
            committee = self.storage.load(sid).committee
            return self.page(request, "live_chair.html", qrs=qrs, public=self.public, room=self.public, committee=committee, **ctx)  # fmt: skip
        if st["role"] == Role.PUBLIC:
            return self.page(request, "live_chair.html", qrs={}, public=self.public, room=self.public, committee="", **ctx)  # fmt: skip
        return self.page(request, "live_seat.html", **ctx)


def site_of(request: Request) -> LiveSite:
    """The :class:`LiveSite` of the app serving ``request`` (the routers' dependency)."""
    site: LiveSite = request.app.state.live_site
    return site


Site = Annotated[LiveSite, Depends(site_of)]


async def live_error(request: Request, exc: Exception) -> Response:
    """A :class:`LiveError` as the caller expects it: JSON for ``/api/``, else an error page."""
    assert isinstance(exc, LiveError)
    if request.url.path.startswith("/api/"):
        body = {"detail": str(exc), "error": exc.kind, **exc.extra}
        return JSONResponse(body, status_code=exc.status, headers=NO_STORE)
    site = site_of(request)
    return site.page(request, "error.html", status=exc.status, status_code=exc.status, kind=exc.kind, detail=str(exc))
