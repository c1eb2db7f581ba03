"""The unsc web service: a JSON API under ``/api/`` and server-rendered pages, in one FastAPI app.

Build it with :func:`create_app` (``unsc serve`` runs it under uvicorn). The store is opened once
per process, read-only, and used under a lock; decision answers and vote pages are cached per
symbol, so the hot paths do no query and no template work.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(store_path="/nonexistent.duckdb"))
>>> r = client.get("/api/decisions/S/2024/239")
>>> r.status_code, "unsc build" in r.json()["detail"]
(503, True)
>>> client.post("/api/decide", json={"date": "2024-03-25", "yes": ["FRA"]}).json()["adopted"]
False
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsc.rules.wording import with_article
from unsc.web import adapters, charts, live
from unsc.web.store_cache import BadInput, NotFound, StoreCache, Unavailable, records, to_jsonable

__all__ = ["create_app"]

HERE = Path(__file__).resolve().parent
VOTE_WORDS = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
OUTCOMES = ("adopted", "failed", "vetoed")
SUMMARY_COLUMNS = (
    "decision_id",
    "date",
    "meeting",
    "draft",
    "resolution",
    "title",
    "kind",
    "adopted",
    "failure_reason",
    "yes",
    "no",
    "abstain",
    "non_voting",
    "vetoed_by",
)

Str100 = Annotated[str, Field(max_length=100)]
DATE_HELP = "a year (2024), a month (2024-03) or a day (2024-03-22)"
#: the period filters every list endpoint takes, read by the one date parser (unsc.record.dates)
SinceQuery = Annotated[
    str | None, Query(max_length=25, description=DATE_HELP + " (from)", examples=["2024", "2024-03-22"])
]
UntilQuery = Annotated[
    str | None, Query(max_length=25, description=DATE_HELP + " (up to, inclusive)", examples=["2024", "2024-03-22"])
]


# -- request and response models (they make the OpenAPI document) ----------------------------


def _day(value: Any) -> Any:
    """A body's ``date`` read as the query strings, the pages and the CLI read dates (a day: YYYY-MM-DD)."""
    from unsc.record.dates import parse_date

    return parse_date(value, day=True) if isinstance(value, str) else value


class Error(BaseModel):
    """An error: what went wrong, in words."""

    detail: str
    error: str = Field(description="not_found, bad_input or unavailable")


class VoteRow(BaseModel):
    member: str
    member_name: str | None = None
    permanent: bool | None = None
    vote: str = Field(description="Y, N, A or X")


class DecisionSummary(BaseModel):
    decision_id: str
    date: str | None = None
    meeting: str | None = None
    draft: str | None = None
    resolution: str | None = None
    title: str | None = None
    kind: str | None = None
    adopted: bool | None = None
    failure_reason: str | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    non_voting: int | None = None
    vetoed_by: list[str] = []


class DecisionOut(DecisionSummary):
    explanation: str | None = None
    rule_adopted: bool | None = None
    rule_agrees: bool | None = None
    votes: list[VoteRow] = []
    documents: list[dict[str, str]] = []


class DecisionPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DecisionSummary]


class CouncilIn(BaseModel):
    """A reform model: any size, threshold and veto holders."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently ignored

    size: int = Field(ge=1, le=200)
    threshold: int = Field(ge=1, le=200)
    permanent: list[Str100] = Field(default=[], max_length=200)
    vetoes_needed: int = Field(default=1, ge=1, le=200)


class BallotIn(BaseModel):
    """A hypothetical vote: members (codes or names) by vote, on a date or in a custom Council."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently ignored

    date: dt.date | None = Field(default=None, description="the Council of this date decides (default rules)")
    yes: list[Str100] = Field(default=[], max_length=200)
    no: list[Str100] = Field(default=[], max_length=200)
    abstain: list[Str100] = Field(default=[], max_length=200)
    absent: list[Str100] = Field(default=[], max_length=200)
    not_participating: list[Str100] = Field(default=[], max_length=200)
    kind: str = Field(default="draft_resolution", max_length=60)
    voting_class: Literal["procedural", "non_procedural", "special"] | None = None
    interpretation: Literal["practice", "charter_literal"] = "practice"
    council: CouncilIn | None = None

    _date = field_validator("date", mode="before")(_day)


class CheckIn(BaseModel):
    """A news text to check against the record."""

    model_config = ConfigDict(extra="forbid")  # a misspelt field is an error, not silently ignored

    text: str = Field(min_length=1, max_length=50_000)
    date: dt.date | None = Field(default=None, description="the report's date, if the text gives none")

    _date = field_validator("date", mode="before")(_day)


class ValidationProblem(BaseModel):
    """One problem with the request, as pydantic found it (a long input is not echoed back)."""

    model_config = ConfigDict(extra="allow")

    type: str
    loc: list[str | int] = Field(description="where: query, path or body, then the field")
    msg: str
    input: Any = Field(default=None, description="the value given; a text over 200 characters is summarised")


class BadInputError(Error):
    """A 422: ``detail`` says what is wrong in words; ``errors`` (when the request's shape is wrong) lists
    each problem, at most 20."""

    errors: list[ValidationProblem] | None = Field(default=None, max_length=20)


BAD_INPUT: dict[int | str, dict[str, Any]] = {
    422: {"model": BadInputError, "description": "bad input: a value out of range, of the wrong form or unknown"}
}

ERRORS: dict[int | str, dict[str, Any]] = {
    **BAD_INPUT,
    404: {"model": Error, "description": "nothing by that name in the record"},
    503: {"model": Error, "description": "the store is missing or cannot be opened"},
}


# -- the app ------------------------------------------------------------------------------------


def create_app(
    store_path: str | Path | None = None, store: Any = None, sessions_file: str | Path | None = None
) -> FastAPI:
    """Build the web app on the store at ``store_path`` (default: the configured store) or on ``store``.

    ``store`` is any object with the ``unsc.record.Store`` methods (tests pass one). The store is
    opened lazily on first use, once per process. ``sessions_file`` keeps live sessions
    (:mod:`unsc.web.live`) across restarts.
    """
    backend = StoreCache(store_path=store_path, store=store)
    app = FastAPI(
        title="unsc",
        summary="The UN Security Council's votes since 1946, the Charter's rules, power and news checks.",
        version=_version(),
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the pages must work offline
        redoc_url=None,
    )
    app.state.backend = backend
    app.add_middleware(HeadAsGet)
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.globals.update(vote_words=VOTE_WORDS, member_name=adapters.member_name)
    env.filters["member_name"] = adapters.member_name
    env.filters["the"] = with_article
    env.filters["claim_words"] = _claim_words
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(request=request, path=request.url.path, **ctx)
        return HTMLResponse(html, status_code=status)

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(
        request: Request, status: int, kind: str, detail: str, headers: Mapping[str, str] | None = None
    ) -> Response:
        if is_api(request):
            return JSONResponse({"detail": detail, "error": kind}, status_code=status, headers=headers)
        response = page(request, "error.html", status=status, status_code=status, kind=kind, detail=detail)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(Unavailable)
    async def _unavailable(request: Request, exc: Unavailable) -> Response:
        return error(request, 503, "unavailable", str(exc))

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        return error(request, 404, "not_found", str(exc.args[0] if exc.args else exc))

    @app.exception_handler(BadInput)
    async def _bad_value(request: Request, exc: BadInput) -> Response:
        return error(request, 422, "bad_input", str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'input'}: {e.get('msg')}"
            for e in exc.errors()
        )
        if is_api(request):
            return JSONResponse(
                {"detail": problems, "error": "bad_input", "errors": to_jsonable(exc.errors())}, status_code=422
            )
        return page(request, "error.html", status=422, status_code=422, kind="bad_input", detail=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = "not_found" if exc.status_code == 404 else "error"
        return error(request, exc.status_code, kind, str(exc.detail), exc.headers)  # e.g. a 405's Allow

    # -- helpers over the store ----------------------------------------------------------------

    def search(
        q: str | None,
        since: dt.date | None,
        until: dt.date | None,
        member: str | None,
        outcome: str | None,
        kind: str | None,
        limit: int,
        offset: int,
    ) -> dict[str, Any]:
        key = ("search", q, since, until, member, outcome, kind)

        def compute() -> list[dict[str, Any]]:
            code = _member_code(member) if member else None
            frame = backend.call("decisions", since=since, until=until, member=code, kind=kind or None, text=q or None)
            rows = records(frame)
            if outcome:
                rows = [r for r in rows if _outcome(r) == outcome or (outcome == "failed" and _outcome(r) == "vetoed")]
            rows.sort(key=lambda r: (str(r.get("date") or ""), str(r.get("decision_id"))), reverse=True)
            return [{k: r.get(k) for k in SUMMARY_COLUMNS} | {"vetoed_by": r.get("vetoed_by") or []} for r in rows]

        rows = backend.cached(key, compute, big=True)
        return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset : offset + limit]}

    def members_list() -> list[dict[str, Any]]:
        def compute() -> list[dict[str, Any]]:
            rows = records(backend.call("members"))
            rows.sort(key=lambda r: (not r.get("permanent"), str(r.get("name"))))
            return rows

        return backend.cached(("members",), compute)

    def member_detail(code: str) -> dict[str, Any]:
        code = _member_code(code)

        def compute() -> dict[str, Any]:
            row = next((m for m in members_list() if m.get("code") == code), None)
            if row is None:
                raise NotFound(f"{code} ({adapters.member_name(code)}) never sat on the Council in the record")
            votes = records(backend.call("votes", member=code))
            dates = {
                r["decision_id"]: r
                for r in search(None, None, None, code, None, None, 10**9, 0)["items"]
                if r.get("decision_id")
            }
            history = []
            counts = {"Y": 0, "N": 0, "A": 0, "X": 0}
            for v in votes:
                d = dates.get(v.get("decision_id"), {})
                counts[v["vote"]] = counts.get(v["vote"], 0) + 1
                history.append({**d, "decision_id": v.get("decision_id"), "vote": v.get("vote")})
            history.sort(key=lambda r: (str(r.get("date") or ""), str(r.get("decision_id"))), reverse=True)
            vetoes = records(backend.call("vetoes", member=code))
            vetoes.sort(key=lambda r: str(r.get("date") or ""), reverse=True)
            return {"member": row, "counts": counts, "history": history, "vetoes": vetoes}

        return backend.cached(("member", code), compute, big=True)

    def vetoes_list(member: str | None, since: dt.date | None, until: dt.date | None) -> list[dict[str, Any]]:
        code = _member_code(member) if member else None

        def compute() -> list[dict[str, Any]]:
            rows = records(backend.call("vetoes", member=code, since=since, until=until))
            rows.sort(key=lambda r: (str(r.get("date") or ""), str(r.get("draft"))), reverse=True)
            return rows

        return backend.cached(("vetoes", code, since, until), compute)

    def vetoes_shown(member: str | None) -> list[dict[str, Any]]:
        """The vetoes as pages show them: each with a short note for readers (``reader_note``), never the
        build's internal note (which names the source files; the JSON API keeps it)."""

        def compute() -> list[dict[str, Any]]:
            kinds = {
                r["decision_id"]: r.get("kind") for r in search(None, None, None, None, None, None, 10**9, 0)["items"]
            }
            return [
                v | {"reader_note": _veto_note(v, kinds.get(v.get("decision_id")))}
                for v in vetoes_list(member, None, None)
            ]

        return backend.cached(("vetoes-shown", member), compute)

    def statistics() -> dict[str, Any]:
        def compute() -> dict[str, Any]:
            rows = search(None, None, None, None, None, None, 10**9, 0)["items"]
            vetoes = vetoes_list(None, None, None)
            by_year: dict[int, dict[str, int]] = {}
            for r in rows:
                year = int(str(r.get("date"))[:4]) if r.get("date") else None
                if year is None:
                    continue
                slot = by_year.setdefault(year, {"adopted": 0, "failed": 0, "vetoed": 0})
                slot[_outcome(r)] += 1
            by_member: dict[str, int] = {}
            by_decade: dict[str, int] = {}
            proposals = set()
            for v in vetoes:
                by_member[v["member"]] = by_member.get(v["member"], 0) + 1
                if v.get("date"):
                    decade = f"{str(v['date'])[:3]}0s"
                    by_decade[decade] = by_decade.get(decade, 0) + 1
                proposals.add((v.get("draft") or v.get("decision_id") or v.get("meeting"), v.get("date")))
            agrees = [r for r in records(backend.call("decisions")) if r.get("rule_agrees") is not None]
            return {
                "decisions": len(rows),
                "adopted": sum(1 for r in rows if _outcome(r) == "adopted"),
                "failed": sum(1 for r in rows if _outcome(r) != "adopted"),
                "vetoed_proposals": len(proposals),
                "vetoes_cast": len(vetoes),
                "vetoes_by_member": dict(sorted(by_member.items(), key=lambda kv: -kv[1])),
                "vetoes_by_decade": dict(sorted(by_decade.items())),
                "by_year": {str(y): by_year[y] for y in sorted(by_year)},
                "rule_checked": len(agrees),
                "rule_agrees": sum(1 for r in agrees if r.get("rule_agrees")),
            }

        return backend.cached(("statistics",), compute)

    # -- JSON API -------------------------------------------------------------------------------

    @app.get("/healthz", response_class=PlainTextResponse, summary="Liveness: a static string")
    async def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    @app.get("/api/decisions", response_model=None, responses={200: {"model": DecisionPage}, **ERRORS})
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
        start, end = _date(since, "since", year=True), _date(until, "until", year=True, end=True)
        return search(q, start, end, member, outcome, kind, limit, offset)

    async def decision_json(symbol: str) -> Response:
        key = ("decision-json", symbol)
        body = backend.cache.get(key)
        if body is None:
            row = await run_in_threadpool(backend.decision, symbol)
            body = json.dumps(row, separators=(",", ":"), ensure_ascii=False).encode()
            backend.cache.put(key, body)
        return Response(body, media_type="application/json")

    @app.get(
        "/api/decision",
        response_model=None,
        responses={200: {"model": DecisionOut}, **ERRORS},
        summary="One decision, by symbol in the query",
    )
    async def api_decision_query(
        symbol: Annotated[str, Query(min_length=1, max_length=100, description="S/2024/239, 2728 (2024), ...")],
    ) -> Response:
        """One decision with its member votes and the rules engine's explanation."""
        return await decision_json(symbol)

    @app.get(
        "/api/decisions/{symbol:path}",
        response_model=None,
        responses={200: {"model": DecisionOut}, **ERRORS},
        summary="One decision, by symbol in the path",
    )
    async def api_decision(symbol: str) -> Response:
        """One decision (``/api/decisions/S/2024/239``) with member votes and explanation."""
        return await decision_json(symbol)

    @app.get("/api/members", response_model=None, responses=ERRORS)
    def api_members() -> dict[str, Any]:
        """Every state that sat on the Council."""
        rows = members_list()
        return {"total": len(rows), "items": rows}

    @app.get("/api/members/{code}", response_model=None, responses=ERRORS)
    def api_member(
        code: str,
        limit: Annotated[int, Query(ge=1, le=5000)] = 100,
        offset: Annotated[int, Query(ge=0, le=10**6)] = 0,
    ) -> dict[str, Any]:
        """One member: its vote counts, voting history (newest first, paginated) and vetoes."""
        d = member_detail(code)
        return {**d, "history_total": len(d["history"]), "history": d["history"][offset : offset + limit]}

    @app.get("/api/vetoes", response_model=None, responses=ERRORS)
    def api_vetoes(
        member: Annotated[str | None, Query(max_length=100)] = None,
        since: SinceQuery = None,
        until: UntilQuery = None,
    ) -> dict[str, Any]:
        """Vetoes cast (one row per vetoing member per proposal), newest first."""
        rows = vetoes_list(member, _date(since, "since", year=True), _date(until, "until", year=True, end=True))
        return {"total": len(rows), "items": rows}

    @app.get("/api/statistics", response_model=None, responses=ERRORS)
    def api_statistics() -> dict[str, Any]:
        """Counts: decisions by outcome and year, vetoes by member and decade, rule agreement."""
        return statistics()

    @app.get("/api/scenarios", response_model=None, responses=ERRORS)
    def api_scenarios() -> dict[str, Any]:
        """The reform scenarios the analysis layer defines."""
        return {"items": adapters.scenarios()}

    @app.get("/api/power", response_model=None, responses=ERRORS)
    def api_power(
        date: Annotated[str | None, Query(max_length=25, description="the Council of this day (YYYY-MM-DD)")] = None,
        scenario: Annotated[str | None, Query(max_length=100)] = None,
        size: Annotated[int | None, Query(ge=1, le=60)] = None,
        threshold: Annotated[int | None, Query(ge=1, le=60)] = None,
        veto: Annotated[int | None, Query(ge=0, le=60, description="number of veto holders")] = None,
        vetoes_needed: Annotated[int, Query(ge=1, le=60)] = 1,
    ) -> dict[str, Any]:
        """Voting power indices for the Council on a date, a reform scenario, or a custom Council."""
        day = _date(date, "date")
        key = ("power", day, scenario, size, threshold, veto, vetoes_needed)
        return backend.cached(key, lambda: adapters.power(day, scenario, size, threshold, veto, vetoes_needed))

    @app.post("/api/decide", response_model=None, responses=BAD_INPUT)
    async def api_decide(ballot: BallotIn) -> Response | dict[str, Any]:
        """Decide a hypothetical ballot with the Charter rules engine (no store needed)."""
        # async: the rules engine is pure Python, no I/O, well under a millisecond, so it runs on
        # the event loop instead of paying a thread-pool hop per request (issue 14)
        result = adapters.decide_ballot(ballot.model_dump())
        try:  # the answer is plain JSON: FastAPI's own rendering, minus jsonable_encoder's walk
            return JSONResponse(result)
        except (TypeError, ValueError):
            return result

    @app.post("/api/check", response_model=None, responses=ERRORS)
    def api_check(body: CheckIn) -> dict[str, Any]:
        """Check the vote claims in a news text against the record."""
        return backend.with_store(lambda store: adapters.check_text(body.text, store=store, date=body.date))

    # -- pages ------------------------------------------------------------------------------------

    @app.get("/api-docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        spec = app.openapi()
        ops = [
            {"method": m.upper(), "path": p, "summary": op.get("summary", ""), "doc": op.get("description", ""),
             "params": [q["name"] for q in op.get("parameters", [])]}
            for p, item in spec["paths"].items()
            for m, op in item.items()
        ]  # fmt: skip
        return page(request, "api.html", ops=ops)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        recent: list[dict[str, Any]] = []
        unavailable = None
        try:
            recent = search(None, None, None, None, None, None, 10, 0)["items"]
        except Unavailable as exc:
            unavailable = str(exc)
        return page(request, "home.html", recent=recent, unavailable=unavailable, form={}, outcomes=OUTCOMES)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
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
        direct = _looks_like_symbol(q)
        if direct and not any((since, until, member, outcome, kind)):
            try:
                found = backend.decision(q)
                return RedirectResponse(f"/vote/{found['decision_id']}", status_code=303)
            except NotFound:
                pass
        per = 50
        form = {"q": q, "since": since or "", "until": until or "", "member": member or "", "outcome": outcome or ""}
        form["kind"] = kind or ""
        try:  # a bad filter shows the search again with the filters as typed and the problem, never a bare error page
            if outcome and outcome not in OUTCOMES:
                raise BadInput(f"outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
            result = search(
                q or None, _date(since, "since", year=True), _date(until, "until", year=True, end=True), member or None, outcome or None, kind or None,
                per, (page_no - 1) * per,
            )  # fmt: skip
        except BadInput as exc:
            return page(request, "search.html", status=422, result=None, problem=str(exc), form=form, page_no=page_no,
                        per=per, outcomes=OUTCOMES)  # fmt: skip
        return page(request, "search.html", result=result, form=form, page_no=page_no, per=per, outcomes=OUTCOMES)

    @app.get("/vote/{symbol:path}", response_class=HTMLResponse, include_in_schema=False)
    async def vote_page(request: Request, symbol: str) -> Response:
        key = ("vote-page", symbol)
        body = backend.cache.get(key)
        if body is None:
            d = await run_in_threadpool(backend.decision, symbol)
            if d["decision_id"] != symbol:
                return RedirectResponse(f"/vote/{d['decision_id']}", status_code=307)
            ctx = _vote_context(d)
            body = env.get_template("vote.html").render(request=request, path="/vote", **ctx).encode()
            backend.cache.put(key, body)
        return HTMLResponse(body)

    @app.get("/members", response_class=HTMLResponse, include_in_schema=False)
    def members_page(request: Request) -> HTMLResponse:
        return page(request, "members.html", members=members_list())

    @app.get("/members/{code}", response_class=HTMLResponse, include_in_schema=False)
    def member_page(request: Request, code: str, page_no: Annotated[int, Query(alias="page", ge=1)] = 1) -> Response:
        d = member_detail(code)
        per = 100
        counts = d["counts"]
        vetoes = vetoes_shown(d["member"]["code"]) if d["vetoes"] else []
        names = _other_names(d["member"])
        chart = charts.bars(
            [(VOTE_WORDS[k], counts.get(k, 0)) for k in "YNAX"], title=f"Votes cast by {d['member'].get('name')}"
        )
        return page(
            request,
            "member.html",
            d=d,
            vetoes=vetoes,
            other_names=names,
            chart=chart,
            history=d["history"][(page_no - 1) * per : page_no * per],
            page_no=page_no,
            per=per,
        )

    @app.get("/vetoes", response_class=HTMLResponse, include_in_schema=False)
    def vetoes_page(request: Request) -> HTMLResponse:
        stats = statistics()
        rows = vetoes_shown(None)
        by_member = [(adapters.member_name(k), v) for k, v in stats["vetoes_by_member"].items()]
        figures = [
            charts.bars(by_member, title="Vetoes cast, by permanent member"),
            charts.bars(list(stats["vetoes_by_decade"].items()), title="Vetoes cast, by decade"),
        ]

        def analysis_views() -> dict[str, Any]:
            out: dict[str, Any] = {"plot": None, "table": None, "why": None}
            try:
                frame = backend.call("vetoes")
                out["table"] = adapters.veto_table(frame)
                out["plot"] = adapters.plot_svg("vetoes_per_year", frame)
            except Unavailable as exc:
                out["why"] = str(exc)
            return out

        views = backend.cached(("veto-analysis",), analysis_views)
        return page(request, "vetoes.html", stats=stats, rows=rows, figures=figures, views=views)

    @app.get("/power", response_class=HTMLResponse, include_in_schema=False)
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
                        size=_int(size, "seats", 1, 60),
                        threshold=_int(threshold, "votes needed", 1, 60),
                        veto=_int(veto or "0", "veto holders", 0, 60),
                        vetoes_needed=_int(vetoes_needed or "1", "vetoes needed", 1, 60),
                    )
                else:
                    result = adapters.power(date=_date(date, "date") or dt.date.today())
            except Unavailable as exc:
                unavailable = str(exc)
            except BadInput as exc:
                problem = str(exc)
        return page(
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

    @app.get("/decide", response_class=HTMLResponse, include_in_schema=False)
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
        form = {"date": date, "yes": yes, "no": no, "abstain": abstain, "absent": absent, "kind": kind}
        form["interpretation"] = interpretation
        result = None
        problem = None
        if date or yes or no or abstain:
            try:
                result = adapters.decide_ballot(
                    {
                        "date": _date(date, "date"),
                        "yes": _names(yes),
                        "no": _names(no),
                        "abstain": _names(abstain),
                        "absent": _names(absent),
                        "kind": kind,
                        "interpretation": interpretation,
                    }
                )
            except BadInput as exc:
                problem = str(exc)
        from unsc.rules import Kind

        return page(
            request,
            "decide.html",
            form=form,
            result=result,
            problem=problem,
            kinds=[k.value for k in Kind],
            status=422 if problem else 200,
        )

    @app.get("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_form(request: Request) -> HTMLResponse:
        return page(request, "check.html", text="", date="", result=None, unavailable=None)

    @app.post("/check", response_class=HTMLResponse, include_in_schema=False)
    def check_page(
        request: Request,
        text: Annotated[str, Form(max_length=50_000)] = "",
        date: Annotated[str, Form(max_length=10)] = "",
    ) -> HTMLResponse:
        ctx: dict[str, Any] = {"text": text, "date": date, "result": None, "unavailable": None, "problem": None}
        status = 200
        try:
            if not text.strip():
                raise BadInput("Paste the text of a news report first.")
            when = _date(date, "date")
            ctx["result"] = backend.with_store(lambda store: adapters.check_text(text, store=store, date=when))
        except BadInput as exc:
            ctx["problem"], status = str(exc), 422
        except Unavailable as exc:
            ctx["unavailable"], status = str(exc), 503
        return page(request, "check.html", status=status, verdict_words=adapters.VERDICT_WORDS, **ctx)

    live.install(app, backend, sessions_file=sessions_file)
    return app


# -- small helpers --------------------------------------------------------------------------------


class HeadAsGet:
    """Answer HEAD wherever GET is answered (RFC 9110, 9.3.2): the GET response's status and headers, no body.

    FastAPI routes list GET only, so HEAD was a 405 everywhere. A HEAD request is run as a GET and
    its body dropped; a streamed answer (the live event stream) is told the client has gone once
    the headers are out, so it stops.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        import anyio

        ended = anyio.Event()

        async def quiet_send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                await send(message)
            elif message["type"] == "http.response.body" and not ended.is_set():
                ended.set()
                await send({"type": "http.response.body", "body": b"", "more_body": False})

        async def gone_after_headers() -> dict[str, Any]:
            """The client's next message, or a disconnect as soon as the (empty) body is out."""
            got: dict[str, Any] = {"type": "http.disconnect"}

            async def client(scope: anyio.CancelScope) -> None:
                nonlocal got
                got = await receive()
                scope.cancel()

            async def body_sent(scope: anyio.CancelScope) -> None:
                await ended.wait()
                scope.cancel()

            async with anyio.create_task_group() as tg:
                tg.start_soon(client, tg.cancel_scope)
                tg.start_soon(body_sent, tg.cancel_scope)
            return got

        await self.app({**scope, "method": "GET"}, gone_after_headers, quiet_send)


def _version() -> str:
    from unsc import __version__

    return __version__


def _member_code(text: str) -> str:
    """A member's code from a code or a name; an unknown name is a 422 (:class:`BadInput`)."""
    from unsc.rules import UnknownMemberError, member

    try:
        return member(text).code
    except UnknownMemberError as exc:
        raise BadInput(str(exc)) from exc


def _outcome(row: dict[str, Any]) -> str:
    if row.get("adopted"):
        return "adopted"
    if row.get("vetoed_by") or row.get("failure_reason") == "veto":
        return "vetoed"
    return "failed"


def _date(text: str | None, field: str, *, year: bool = False, end: bool = False) -> dt.date | None:
    """A typed date, read by :func:`unsc.record.dates.parse_date` (the CLI's and the store's reading).

    With ``year`` a period's bound: a year or a month stands for its first day (its last with
    ``end``); without, a single day (YYYY-MM-DD). A bad text is :class:`BadInput` (HTTP 422).

    >>> _date("1990", "since", year=True), _date("1995", "until", year=True, end=True)
    (datetime.date(1990, 1, 1), datetime.date(1995, 12, 31))
    >>> _date("1990", "date")
    Traceback (most recent call last):
    ...
    unsc.web.store_cache.BadInput: date: bad date '1990': expected YYYY-MM-DD (a day, not a year or a month)
    """
    from unsc.record.dates import DateError, parse_date

    try:
        return parse_date(text, end=end, field=field, day=not year)
    except DateError as exc:
        raise BadInput(str(exc)) from None


_YES_NO = {
    "veto": ("vetoed", "did not veto"),
    "unanimous": ("unanimous", "not unanimous"),
    "procedural": ("procedural (no veto)", "not procedural"),
    "adopted": ("adopted", "not adopted"),
}
_VOTE_CLAIMS = {"yes": "in favour", "no": "against", "abstain": "abstained", "absent": "absent"}


def _claim_words(value: Any, field: str, member: str | None = None) -> str:
    """A news check's claimed or recorded value in words: never a bare ``True``/``False``.

    >>> _claim_words(True, "veto"), _claim_words(False, "unanimous"), _claim_words(True, "other")
    ('vetoed', 'not unanimous', 'yes')
    >>> _claim_words("abstain", "vote"), _claim_words("USA", "sponsor", "USA"), _claim_words(None, "yes")
    ('abstained', 'United States', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _YES_NO.get(field, ("yes", "no"))[0 if value else 1]
    if field == "vote" and isinstance(value, str):
        return _VOTE_CLAIMS.get(value, value)
    if member and value == member:
        return adapters.member_name(member)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


_KIND_NOTES = {
    "amendment": "vote on an amendment",
    "preliminary_question": "vote on whether the matter is procedural (the double veto)",
    "part": "vote on part of a draft",
}


def _veto_note(row: dict[str, Any], kind: str | None) -> str | None:
    """A short note for readers on a veto row: what was voted on, if not a whole draft, and whether the
    UN Library's veto list gives it. The build's own note (which names source files) stays in the JSON API.

    >>> _veto_note({"in_dhl_list": False, "note": "after the last entry ...; named by voting_agent"}, "amendment")
    "vote on an amendment; not in the UN Library's veto list"
    >>> _veto_note({"in_dhl_list": True, "note": None}, "draft_resolution") is None
    True
    """
    parts = [_KIND_NOTES[kind]] if kind in _KIND_NOTES else []
    if row.get("in_dhl_list") is False:
        parts.append("not in the UN Library's veto list")
    return "; ".join(parts) or None


def _other_names(member: dict[str, Any]) -> list[str]:
    """The other names a member is recorded under, each once and properly cased (a source's capitals
    read "CHINA" beside "China").

    >>> _other_names({"name": "China", "names": ["CHINA", "China", "Republic of China"]})
    ['Republic of China']
    """
    from unsc.analysis.stats import proper_name

    seen = {str(member.get("name") or "").casefold()}
    out = []
    for n in member.get("names") or []:
        shown = proper_name(str(n))
        if shown.casefold() not in seen:
            seen.add(shown.casefold())
            out.append(shown)
    return out


def _int(text: str, field: str, low: int, high: int) -> int:
    if not str(text).strip():
        raise BadInput(f"{field} is missing: give a whole number from {low} to {high}")
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise BadInput(f"{field}: {text!r} is not a whole number") from None
    if not low <= value <= high:
        raise BadInput(f"{field} must be between {low} and {high}, not {value}")
    return value


def _names(text: str) -> list[str]:
    """Members typed in a box: separated by commas, semicolons or new lines."""
    import re

    return [p.strip() for p in re.split(r"[,;\n]+", text or "") if p.strip()]


def _looks_like_symbol(q: str) -> bool:
    import re

    return bool(re.fullmatch(r"(S/[\w./#() -]+|\d{1,4}\s*\(\d{4}\))", q.strip())) if q else False


def _table(value: Any) -> dict[str, Any] | None:
    """A list of dicts (or a dict of lists/scalars) as columns and rows for a template."""
    if isinstance(value, dict):
        for key in ("rows", "items", "claims", "indices", "members"):
            if isinstance(value.get(key), list):
                return _table(value[key])
        if value and all(not isinstance(v, (list, dict)) for v in value.values()):
            return {"columns": ["name", "value"], "rows": [[k, v] for k, v in value.items()]}
        return None
    if isinstance(value, list) and value and all(isinstance(r, dict) for r in value):
        columns: list[str] = []
        for r in value:
            columns += [k for k in r if k not in columns]
        return {"columns": columns, "rows": [[r.get(c) for c in columns] for r in value]}
    return None


def _vote_context(d: dict[str, Any]) -> dict[str, Any]:
    """What the vote page shows: the roll call grouped by vote, the outcome in words, the why."""
    groups: dict[str, list[dict[str, Any]]] = {"Y": [], "N": [], "A": [], "X": []}
    for v in d.get("votes") or []:
        groups.setdefault(v.get("vote") or "X", []).append(v)
    # headline and tally come from the record's RecordedDecision (Store.decision), never re-derived here
    headline = d.get("headline") or "Outcome not recorded"
    if d.get("adopted") and d.get("resolution"):
        headline += f" as resolution {d['resolution']}"
    tally = d.get("tally") if d.get("modality", "recorded") == "recorded" and d.get("tally") != "unknown" else None
    return {"d": d, "groups": groups, "headline": headline, "tally": tally}
