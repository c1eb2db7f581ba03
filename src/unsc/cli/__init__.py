"""The ``unsc`` command line: one Typer app, with commands registered by area.

Each area's commands live in a module of this package (``rules``, ``record``, ``analysis``,
``news``, ``web``) that defines ``register(app)``. Heavy imports happen inside the commands, so
that ``unsc --help`` and ``unsc show`` start fast.
"""

from __future__ import annotations

import typer

from unsc.cli import analysis, news, record, rules, session, sync, web

app = typer.Typer(
    name="unsc",
    help="The UN Security Council's decision system: decide votes, explore the record since 1946, analyse it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def version() -> None:
    """Print the unsc version."""
    from unsc import __version__

    typer.echo(__version__)


for _area in (rules, record, sync, analysis, news, web, session):
    _area.register(app)


def main() -> None:
    """Entry point of the ``unsc`` console script."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
