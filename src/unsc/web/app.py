"""The unsc web service: a JSON API under ``/api/`` and server-rendered pages, in one FastAPI app.

:func:`create_app` assembles the routers of each area (:mod:`~unsc.web.decisions`,
:mod:`~unsc.web.members`, :mod:`~unsc.web.vetoes`, :mod:`~unsc.web.power`, :mod:`~unsc.web.decide`,
:mod:`~unsc.web.check`, and the live sessions of :mod:`~unsc.web.live`) on one store
(:class:`~unsc.web.store_cache.StoreCache`, opened once per process, read-only) and one set of
templates (:class:`~unsc.web.render.Pages`). ``unsc serve`` runs it under uvicorn.

>>> from fastapi.testclient import TestClient
>>> client = TestClient(create_app(store_path="/nonexistent.duckdb"))
>>> r = client.get("/api/decisions/S/2024/239")
>>> r.status_code, "unsc build" in r.json()["detail"]
(503, True)
>>> client.post("/api/decide", json={"date": "2024-03-25", "yes": ["FRA"]}).json()["adopted"]
False
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from unsc.web import check, decide, decisions, live, members, power, vetoes
from unsc.web.middleware import HeadAsGet
from unsc.web.render import HERE, Pages, is_api
from unsc.web.store_cache import BadInput, NotFound, StoreCache, Unavailable, to_jsonable
from unsc.web.views import RecordViews

__all__ = ["create_app"]


def create_app(
    store_path: str | Path | None = None, store: Any = None, sessions_file: str | Path | None = None
) -> FastAPI:
    """Build the web app on the store at ``store_path`` (default: the configured store) or on ``store``.

    ``store`` is an opened ``unsc.record.Store``. The store is opened lazily on first use, once per
    process. ``sessions_file`` keeps live sessions (:mod:`unsc.web.live`) across restarts.
    """
    from unsc import __version__

    backend = StoreCache(store_path=store_path, store=store)
    views = RecordViews(backend)
    pages = Pages()
    app = FastAPI(
        title="unsc",
        summary="The UN Security Council's votes since 1946, the Charter's rules, power and news checks.",
        version=__version__,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the pages must work offline
        redoc_url=None,
    )
    app.state.backend = backend
    app.add_middleware(HeadAsGet)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    _handle_errors(app, pages)

    @app.get("/healthz", response_class=PlainTextResponse, summary="Liveness: a static string")
    async def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    _summaries_from_docstrings(app)

    @app.get("/api-docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        ops = [
            {"method": m.upper(), "path": p, "summary": op.get("summary", ""),
             "doc": " ".join(op.get("description", "").split()).removeprefix(op.get("summary", "")).lstrip(".;: "),
             "params": [q["name"] for q in op.get("parameters", [])]}
            for p, item in app.openapi()["paths"].items()
            for m, op in item.items()
        ]  # fmt: skip
        return pages.page(request, "api.html", ops=ops)

    app.include_router(decisions.router(views, pages))
    app.include_router(members.router(views, pages))
    app.include_router(vetoes.router(views, pages))
    app.include_router(power.router(backend, pages))
    app.include_router(decide.router(pages))
    app.include_router(check.router(backend, pages))
    live.install(app, backend, sessions_file=sessions_file)
    return app


def _summaries_from_docstrings(app: FastAPI) -> None:
    """An operation without a summary of its own gets its docstring's first sentence, not FastAPI's title-cased
    function name ("Api Decisions"), in the OpenAPI document and on ``/api-docs``."""
    make = app.openapi

    def openapi() -> dict[str, Any]:
        fresh = app.openapi_schema is None
        schema = make()
        for op in (op for item in schema["paths"].values() for op in item.values()) if fresh else ():
            said, summary = op.get("description", "").strip(), op.get("summary", "")
            if said and summary.startswith("Api ") and summary == summary.title():  # FastAPI's, from api_xxx
                op["summary"] = said.split("\n\n")[0].replace("\n", " ").split(". ")[0].rstrip(".")
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _handle_errors(app: FastAPI, pages: Pages) -> None:
    """Every error as JSON under ``/api/`` and as a page elsewhere, with its status and reason."""

    @app.exception_handler(Unavailable)
    async def _unavailable(request: Request, exc: Unavailable) -> Response:
        return pages.error(request, 503, "unavailable", str(exc))

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        return pages.error(request, 404, "not_found", str(exc.args[0] if exc.args else exc))

    @app.exception_handler(BadInput)
    async def _bad_value(request: Request, exc: BadInput) -> Response:
        return pages.error(request, 422, "bad_input", str(exc))

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
        return pages.page(request, "error.html", status=422, status_code=422, kind="bad_input", detail=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        kind = "not_found" if exc.status_code == 404 else "error"
        return pages.error(request, exc.status_code, kind, str(exc.detail), exc.headers)  # e.g. a 405's Allow
