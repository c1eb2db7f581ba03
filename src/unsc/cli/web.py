"""`unsc` commands for the web layer: ``unsc serve``."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add this area's commands to the app: ``serve``."""

    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", help="Address to listen on (127.0.0.1: this machine only)."),
        port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on."),
        store: Path | None = typer.Option(
            None, "--store", help="The DuckDB store to serve (default: UNSC_STORE or UNSC_HOME/unsc.duckdb)."
        ),
        log_level: str = typer.Option("info", help="uvicorn log level: critical, error, warning, info, debug."),
        sessions_file: Path | None = typer.Option(
            None, "--sessions-file", help="JSON file that keeps live sessions (/live) across restarts."
        ),
    ) -> None:
        """Serve the HTTP API (/api/, /openapi.json) and the web pages on the built store."""
        import uvicorn

        from unsc.web import create_app

        if store is not None and not store.exists():
            typer.echo(f"warning: no store at {store}; pages will answer 503 until 'unsc build' creates it", err=True)
        typer.echo(f"unsc: serving on http://{host}:{port}/ (API: /api-docs, /openapi.json)", err=True)
        app_ = create_app(store_path=store, sessions_file=sessions_file)
        for problem in app_.state.live.load_errors:
            typer.echo(f"warning: {problem}", err=True)
        uvicorn.run(app_, host=host, port=port, log_level=log_level)
