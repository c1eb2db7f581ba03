"""`unsc` commands for the web layer: ``unsc serve``."""

from __future__ import annotations

import os
from pathlib import Path

import typer


def serve(
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on (127.0.0.1: this machine only; 0.0.0.0: phones in the room too)."
    ),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on."),
    store: Path | None = typer.Option(
        None, "--store", help="The DuckDB store to serve (default: UNSC_STORE or UNSC_HOME/unsc.duckdb)."
    ),
    log_level: str = typer.Option("info", help="uvicorn log level: critical, error, warning, info, debug."),
    db: str | None = typer.Option(
        None,
        "--db",
        help="Where live sessions (/live) are kept: postgresql://user:pass@host/db, or a SQLite file "
        "(default: UNSC_LIVE_DB or UNSC_HOME/live.sqlite3).",
    ),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="uvicorn worker processes."),
    public_url: str | None = typer.Option(
        None,
        "--public-url",
        help="The address delegates' links and QR codes use (default: http://HOST:PORT, with this machine's "
        "address on the room's network when HOST is 0.0.0.0). Set it behind a proxy or a tunnel.",
    ),
) -> None:
    """Serve the HTTP API (/api/, /openapi.json), the web pages and live sessions on the built store."""
    from unsc.sessions import LiveError, open_storage
    from unsc.web.live import room_address

    if store is not None and not store.exists():
        typer.echo(f"warning: no store at {store}; pages will answer 503 until 'unsc build' creates it", err=True)
    room = (public_url or room_address(host, port)).rstrip("/")
    try:
        storage = open_storage(db)  # create the schema once, before the workers start; fail early
    except LiveError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except Exception as exc:  # sqlite3.Error, psycopg.Error, OSError: say which database and why
        typer.echo(f"error: --db {db or 'default'}: cannot open the live-sessions database: {exc}", err=True)
        raise typer.Exit(2) from None
    where = getattr(storage, "path", None) or "PostgreSQL"
    storage.close()
    env = {"UNSC_PUBLIC_URL": room, "UNSC_LIVE_DB": str(db or where)}
    if store is not None:
        env["UNSC_STORE"] = str(store)
    os.environ.update(env)
    typer.echo(f"unsc: serving on http://{host}:{port}/ (API: /api-docs, /openapi.json)", err=True)
    typer.echo(f"unsc: live sessions kept in {where}; {workers} worker(s)", err=True)
    if host in ("0.0.0.0", "::"):
        typer.echo(f"unsc: room address for phones on this network: {room}/live", err=True)
    else:
        typer.echo(
            f"unsc: live sessions at {room}/live (this machine only; --host 0.0.0.0 lets phones in the room join)",
            err=True,
        )
    run_server("unsc.web.live:app_from_env", host=host, port=port, log_level=log_level, workers=workers)


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app: ``serve``."""
    app.command()(serve)


def run_server(target: str, *, host: str, port: int, log_level: str, workers: int) -> None:
    """Serve the app factory ``target`` (an import string, so each worker builds its own app).

    With several workers the listening socket is bound here with ``IPPROTO_TCP``: uvicorn's own
    binding leaves the protocol at 0, asyncio then never sets ``TCP_NODELAY`` on the connections, and
    every keep-alive request waits ~40 ms for a delayed ACK (uvicorn issue #3149; measured here:
    56 ms a request with 2 workers against 8 ms with 1).
    """
    import socket

    import uvicorn

    if workers <= 1:
        uvicorn.run(target, factory=True, host=host, port=port, log_level=log_level)
        return
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(target, factory=True, host=host, port=port, log_level=log_level, workers=workers)
    sock = config.bind_socket()
    if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto != socket.IPPROTO_TCP:
        sock = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
        sock.set_inheritable(True)
    Multiprocess(config, sockets=[sock]).run()
