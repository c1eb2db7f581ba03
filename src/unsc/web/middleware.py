"""ASGI middleware of the web app: HEAD answered wherever GET is.

>>> from fastapi import FastAPI
>>> from fastapi.testclient import TestClient
>>> app = FastAPI(); app.add_middleware(HeadAsGet)
>>> _ = app.get("/x")(lambda: {"ok": True})
>>> r = TestClient(app).head("/x"); r.status_code, r.content, r.headers["content-length"]
(200, b'', '11')
"""

from __future__ import annotations

from typing import Any

__all__ = ["HeadAsGet"]


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
