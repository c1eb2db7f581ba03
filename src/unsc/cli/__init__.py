"""The ``unsc`` command line: one Typer app, with commands registered by area.

Each area's commands live in a module of this package (``rules``, ``record``, ``decisions``,
``analysis``, ``news``, ``web``, ...) that defines ``register(app)``. A run registers only the area
of the command it was given (all areas for ``--help``, completion or an unknown command), and
heavy modules load inside the commands, so that cheap commands stay cheap. ``unsc --version`` is
answered before Typer is imported.

Exit codes: 0 success (also when the reader of a pipe, such as ``head``, stops reading early),
2 usage and input errors (an unknown option or value, a bad date, an unknown member), 1 failures
(no store, nothing found, a file that cannot be written).
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from typing import Any

__all__ = ["AREAS", "COMMANDS", "app", "build_app", "fast_show", "main"]

#: Modules of this package that register commands, in the order of ``unsc --help``.
AREAS: tuple[str, ...] = ("rules", "record", "decisions", "sync", "analysis", "news", "web", "session")
#: Each top-level command (or group) -> the area module that registers it (checked by a test).
COMMANDS: dict[str, str] = {
    "decide": "rules",
    "build": "record",
    "show": "record",
    "vetoes": "record",
    "validate": "record",
    "export": "record",
    "members": "record",
    "decisions": "decisions",
    "votes": "decisions",
    "sync": "sync",
    "status": "sync",
    "power": "analysis",
    "scenarios": "analysis",
    "replay": "analysis",
    "stats": "analysis",
    "plot": "analysis",
    "check": "news",
    "serve": "web",
    "session": "session",
}
HELP = "The UN Security Council's decision system: decide votes, explore the record since 1946, analyse it."


def _version_callback(value: bool) -> None:
    if value:
        import typer

        from unsc import __version__

        typer.echo(f"unsc {__version__}")
        raise typer.Exit()


def build_app(argv: list[str] | None = None) -> Any:
    """The Typer app with the areas ``argv``'s command needs (every area when ``argv`` is ``None``)."""
    import typer
    from typer.core import TyperGroup

    class Group(TyperGroup):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            name_metavars(self)

    app = typer.Typer(
        cls=Group,
        name="unsc",
        help=HELP,
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,  # plain help: no "<bool>" on flags, no markup read into [brackets]
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def _root(
        version: bool = typer.Option(
            False, "--version", "-V", help="Print the version and exit.", is_eager=True, callback=_version_callback
        ),
    ) -> None:
        """The UN Security Council's decision system: decide votes, explore the record since 1946, analyse it."""

    @app.command()
    def version() -> None:
        """Print the unsc version."""
        from unsc import __version__

        typer.echo(__version__)

    command = next((a for a in argv or [] if not a.startswith("-")), None) if argv is not None else None
    wanted = (COMMANDS[command],) if command in COMMANDS else AREAS
    if command == "version":
        wanted = ()
    for area in wanted:
        importlib.import_module(f"unsc.cli.{area}").register(app)
    return app


def __getattr__(name: str) -> Any:
    if name == "app":  # the whole app, for tests and tools: ``from unsc.cli import app``
        value = build_app()
        globals()["app"] = value
        return value
    raise AttributeError(f"module 'unsc.cli' has no attribute {name!r}")


_METAVARS = {
    "since": "YEAR|DATE",
    "until": "YEAR|DATE",
    "date": "YYYY-MM-DD",
    "store": "FILE",
    "spec": "FILE",
    "plot": "FILE",
    "out": "PATH",
    "member": "MEMBER",
    "vetoed_by": "MEMBER",
    "symbol": "SYMBOL",
}
_MEMBER_LISTS = {"yes", "no", "abstain", "absent", "not_participating", "parties", "elected"}


def plain(text: str | None) -> str | None:
    """Help text without reStructuredText markup (docstrings are shared with the API docs).

    >>> plain("Use ``--wide`` or :func:`unsc.decide`.")
    'Use --wide or unsc.decide.'
    """
    if not text:
        return text
    import re

    text = re.sub(r":(?:func|class|meth|mod|data|attr|exc):`~?([^`]+)`", r"\1", text)
    return re.sub(r"``([^`]+)``", r"\1", text)


def name_metavars(command: Any) -> None:
    """Give every option that has no metavar a word for what it takes (Typer printed ``<str>``, ``<list[str]>``),
    list the choices of a choice option, and drop reStructuredText markup from the help."""
    for attr in ("help", "short_help"):
        if isinstance(getattr(command, attr, None), str):
            setattr(command, attr, plain(getattr(command, attr)))
    for param in getattr(command, "params", []):
        if isinstance(getattr(param, "help", None), str):
            param.help = plain(param.help)
        if getattr(param, "param_type_name", "") == "argument":
            # the argument's name says what it is; Typer added "<str>" after it
            param.display_type_rich = lambda ctx=None: None
            if param.metavar is None:
                param.metavar = (param.name or "value").upper()
        if getattr(param, "is_flag", False) or param.metavar is not None:
            continue
        choices = getattr(getattr(param, "type", None), "choices", None)
        if choices:
            param.metavar = "|".join(str(getattr(c, "value", c)) for c in choices)
        else:
            param.metavar = _METAVARS.get(param.name or "", (param.name or "value").upper().replace("_", "-"))
        if param.name in _MEMBER_LISTS:
            param.metavar = "MEMBER,..."
        elif getattr(param, "multiple", False):
            param.metavar += " ..."
    for sub in getattr(command, "commands", {}).values():
        name_metavars(sub)


class _PipeSafe:
    """stdout that, once its reader has gone (``unsc ... | head``), discards further output instead of
    raising ``BrokenPipeError``: the command still finishes its work (an export writes every table)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.closed_pipe = False

    def write(self, s: Any) -> int:
        if not self.closed_pipe:
            try:
                return self._stream.write(s)
            except BrokenPipeError:
                self._close()
        return len(s)

    def flush(self) -> None:
        if not self.closed_pipe:
            try:
                self._stream.flush()
            except BrokenPipeError:
                self._close()

    def _close(self) -> None:
        self.closed_pipe = True
        with contextlib.suppress(OSError, ValueError):  # the interpreter's last flush must not complain either
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def fast_show(args: list[str]) -> int | None:
    """``unsc show SYMBOL [--json] [--store FILE]`` without building the Typer app (Typer's option
    parsing loads pydantic: most of the command's time). Returns the exit code, or ``None`` when the
    arguments need the full parser (``--help``, an unknown option, a typo): that one then answers.
    The output is the ``show`` command's own (``unsc.cli.record``), tested to be identical.
    """
    symbol, as_json, store = None, False, None
    rest = iter(args[1:])
    for a in rest:
        if a == "--json":
            as_json = True
        elif a == "--store":
            store = next(rest, None)
            if not store:
                return None
        elif a.startswith("--store="):
            store = a.split("=", 1)[1]
        elif a.startswith("-") or symbol is not None:
            return None
        else:
            symbol = a
    if symbol is None:
        return None
    import json
    from pathlib import Path

    from unsc.cli._show import print_decision, show_record

    out = _PipeSafe(sys.stdout)
    sys.stdout = out
    try:
        rec = show_record(Path(store) if store is not None else None, symbol)
        if as_json:
            print(json.dumps(rec, indent=2, ensure_ascii=False))
        else:
            print_decision(rec)
        sys.stdout.flush()
    except SystemExit as e:
        return int(e.code or 0)
    except Exception as e:  # typer.Exit, if Typer was loaded on the way
        code = getattr(e, "exit_code", None)
        if code is None:
            raise
        return int(code)
    return 0


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``unsc`` console script."""
    args = sys.argv[1:] if argv is None else argv
    if args in (["--version"], ["-V"]):  # answered without loading Typer
        from unsc import __version__

        print(f"unsc {__version__}")
        return
    if args[:1] == ["show"] and not any(k.startswith("_UNSC_COMPLETE") for k in os.environ):
        code = fast_show(args)
        if code is not None:
            raise SystemExit(code)
    completing = any(k.startswith("_UNSC_COMPLETE") or k == "_UNSC_COMPLETE" for k in os.environ)
    import typer.main

    command = typer.main.get_command(build_app(None if completing else args))
    out = _PipeSafe(sys.stdout)
    sys.stdout = out
    try:
        command.main(args=args, prog_name="unsc")
    except SystemExit as e:
        exit_code = e.code
        if type(sys.stdout).__name__ == "PacifyFlushWrapper" and exit_code == 1:
            exit_code = 0  # Click's own "broken pipe" exit: the reader stopped early, which is not a failure
        raise SystemExit(exit_code) from None
    except OSError as e:  # pragma: no cover - Click turns EPIPE into exit 1 itself
        if e.errno == errno.EPIPE:
            raise SystemExit(0) from None
        raise


if __name__ == "__main__":  # pragma: no cover
    main()
