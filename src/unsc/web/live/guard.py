"""What every live route gets, whatever router serves it: the 1 MB body limit, the log filter that
keeps secret tokens out of logs, the 422 handler that never echoes a long input, and the helpers for
the room (QR codes, the address phones use).

>>> RedactTokens.redact("/live/abc/k/SECRET?chair=x")
'/live/abc/k/<redacted>?chair=<redacted>'
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_BODY", "BodyLimit", "RedactTokens", "install_log_filter", "qr_svg", "quiet_validation", "room_address"]

MAX_BODY = 1_000_000


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


def install_log_filter() -> None:
    """Add :class:`RedactTokens` to uvicorn's loggers (once)."""
    for name in ("uvicorn.access", "uvicorn.error", "uvicorn"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactTokens) for f in logger.filters):
            logger.addFilter(RedactTokens())


def quiet_validation(app: Any) -> None:
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
