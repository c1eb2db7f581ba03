"""`unsc sync`: download the official sources from the UN and build the store."""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import Console

    from unsc.record.sync import SourceFile, SyncReport

STATUS_STYLE = {
    "downloaded": "green",
    "cached": "cyan",
    "kept": "blue",
    "missing": "yellow",
    "failed": "bold red",
    "cancelled": "dim",
}


def _progress_reporter(console: Console) -> Any:
    """A :class:`unsc.record.sync.SyncProgress` drawing one Rich bar per active file and one overall bar."""
    from rich import filesize
    from rich.progress import BarColumn, DownloadColumn, Progress, ProgressColumn, TextColumn, TransferSpeedColumn
    from rich.text import Text

    from unsc.record.sync import SyncProgress

    class SizeColumn(ProgressColumn):
        """Bytes for a file's bar; files done and bytes so far for the overall bar."""

        def __init__(self) -> None:
            super().__init__()
            self.download, self.speed = DownloadColumn(), TransferSpeedColumn()

        def render(self, task: Any) -> Text:
            if task.fields.get("overall"):
                done = f"{int(task.completed)}/{int(task.total or 0)} files"
                return Text(f"{done}, {filesize.decimal(int(task.fields.get('nbytes', 0)))}", style="progress.download")
            return Text.assemble(self.download.render(task), " ", self.speed.render(task))

    class RichProgress(SyncProgress):
        def __init__(self) -> None:
            self.progress = Progress(
                TextColumn("{task.description}", justify="left"),
                BarColumn(),
                SizeColumn(),
                console=console,
                transient=True,
                disable=not console.is_terminal,
            )
            self.tasks: dict[str, Any] = {}
            self.overall: Any = None
            self.lock = threading.Lock()

        def __enter__(self) -> RichProgress:
            self.progress.start()
            return self

        def __exit__(self, *exc: object) -> None:
            self.progress.stop()

        def begin(self, entries: Sequence[SourceFile]) -> None:
            self.nbytes = 0
            if self.overall is None:
                self.overall = self.progress.add_task("[bold]unsc sync", total=len(entries), overall=True, nbytes=0)
            else:  # a stage (finding the newest voting file) came first
                self.progress.update(self.overall, description="[bold]unsc sync", total=len(entries), completed=0)

        def file_start(self, name: str, total: int | None) -> None:
            with self.lock:
                if name in self.tasks:
                    self.progress.reset(self.tasks[name], total=total)
                else:
                    self.tasks[name] = self.progress.add_task(name, total=total)

        def file_advance(self, name: str, nbytes: int) -> None:
            with self.lock:
                self.nbytes += nbytes
                self.progress.advance(self.tasks[name], nbytes)
                self.progress.update(self.overall, nbytes=self.nbytes)

        def file_end(self, name: str, status: str) -> None:
            with self.lock:
                task = self.tasks.pop(name, None)
                if task is not None:
                    self.progress.remove_task(task)
                self.progress.advance(self.overall, 1)

        def stage(self, message: str) -> None:
            if self.overall is None:
                self.overall = self.progress.add_task(f"[bold]{message}", total=None, overall=True, nbytes=0)
            else:
                self.progress.update(self.overall, description=f"[bold]{message}")

    return RichProgress()


def _summary_table(report: SyncReport) -> Any:
    from rich.table import Table

    table = Table(title="unsc sync", show_lines=False)
    table.add_column("file", overflow="fold")
    table.add_column("status")
    table.add_column("bytes", justify="right")
    table.add_column("sha256")
    table.add_column("note", overflow="fold")
    for f in report.files:
        style = STATUS_STYLE.get(f.status, "")
        table.add_row(
            f.name,
            f"[{style}]{f.status}[/]" if style else f.status,
            "" if f.bytes is None else f"{f.bytes:,}",
            (f.sha256 or "")[:12],
            f.message,
        )
    return table


def _counts_line(report: SyncReport) -> str:
    counts = report.counts()
    order = ["downloaded", "cached", "kept", "missing", "failed", "cancelled"]
    parts = [f"{counts[k]} {k}" for k in order if counts.get(k)]
    return f"{len(report.files)} files: " + (", ".join(parts) or "none")


def _list_manifest(json_out: bool, console: Console) -> None:
    from rich.table import Table

    from unsc.record.sync import manifest

    entries = manifest()
    if json_out:
        typer.echo(
            json.dumps(
                [
                    {"name": e.name, "url": e.url, "required": e.required, "licence": e.licence, "sha256": e.sha256}
                    for e in entries
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    table = Table(title=f"unsc sync manifest ({len(entries)} files)")
    # the file name is never cut ("2026_02_06_sc_votin…" at 80 columns), and each licence is printed
    # once under the table instead of in every row (it made each of the 91 rows a dozen lines tall)
    licences = list(dict.fromkeys(e.licence for e in entries))
    file_width = min(30, max((len(e.name) for e in entries), default=4))
    table.add_column("file", overflow="fold", width=file_width)
    table.add_column("required")
    # a URL is one long word: without a width Rich measures it whole and the table overflows the terminal
    table.add_column("url", overflow="fold", width=max(20, console.width - file_width - 8 - 7 - 16))
    table.add_column("licence", justify="right")
    for e in entries:
        table.add_row(e.name, "yes" if e.required else "no", e.url, f"[{licences.index(e.licence) + 1}]")
    console.print(table)
    for n, text in enumerate(licences, 1):
        console.print(f"\\[{n}] {text}", highlight=False)
    console.print(
        f"The voting CSV and its data dictionary are listed in the version known to this unsc ({entries[0].name}); "
        "`unsc sync` asks the UN Digital Library for the newest and fetches that one.",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    """Add the ``sync`` and ``status`` commands to the app."""
    register_status(app)

    @app.command("sync")
    def sync_command(
        base_url: str | None = typer.Option(
            None,
            "--base-url",
            envvar="UNSC_SYNC_BASE_URL",
            metavar="URL",
            help="Fetch every file from this mirror (serving the same local names under URL) instead of its origin.",
        ),
        only: list[str] | None = typer.Option(
            None,
            "--only",
            metavar="NAME",
            help="Fetch only these files (local names or patterns like 'dhl_html/*'; repeat or comma-separate). "
            "The other files of the last sync are kept. '*sc_voting*' is the UN Digital Library voting CSV and "
            "its data dictionary, in their newest version.",
        ),
        force: bool = typer.Option(False, "--force", help="Download everything again, ignoring ETag/Last-Modified."),
        no_build: bool = typer.Option(False, "--no-build", help="Only download; do not rebuild the store."),
        json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
        list_files: bool = typer.Option(False, "--list", help="Print what would be fetched (the manifest) and exit."),
        retries: int = typer.Option(3, "--retries", min=0, help="Retries per file on network errors and 5xx."),
        workers: int = typer.Option(4, "--workers", min=1, max=16, help="Parallel downloads."),
    ) -> None:
        """Download the official sources (UN Digital Library, Dag Hammarskjöld Library, DPPA) into your data
        directory and build the store. All or nothing: a failed sync leaves the previous files and store."""
        from rich.console import Console

        from unsc.record import config
        from unsc.record.sync import SyncError, sync

        out = Console()
        err = Console(stderr=True)
        if list_files:
            _list_manifest(json_out, out)
            return
        reporter = _progress_reporter(err) if not json_out else None
        try:
            if reporter is not None:
                with reporter:
                    report = sync(
                        base_url=base_url,
                        only=only,
                        force=force,
                        build=not no_build,
                        progress=reporter,
                        retries=retries,
                        workers=workers,
                    )
            else:
                report = sync(
                    base_url=base_url, only=only, force=force, build=not no_build, retries=retries, workers=workers
                )
        except SyncError as exc:
            failed = exc.report
            if json_out:
                data = failed.as_dict() if failed else {"ok": False, "files": []}
                data["ok"], data["error"], data["file"] = False, str(exc), exc.name
                typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
            else:
                if failed and failed.files:
                    out.print(_summary_table(failed))
                err.print(f"[bold red]sync failed:[/] {exc}", highlight=False)
                err.print(
                    f"Nothing was changed: the previous sources ({config.sources_dir()}) and store "
                    f"({config.store_path()}) are as they were.",
                    highlight=False,
                )
            raise typer.Exit(1) from None
        if json_out:
            typer.echo(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
            return
        out.print(_summary_table(report))
        if report.undl is not None:
            out.print(_undl_line(report.undl), highlight=False)
        line = _counts_line(report) + f" in {report.sources_dir}"
        if report.built:
            line += f"; store built at {report.store_path}"
        out.print(line, highlight=False)
        out.print(
            "Data © United Nations, non-commercial use with attribution (licence of each file: "
            "sources/sync-manifest.json or `unsc sync --list`).",
            highlight=False,
        )
        if sys.stdout.isatty() and not report.built:
            out.print("Build the store with: unsc build --from " + str(report.sources_dir), highlight=False)


def _day(value: Any) -> str:
    """An ISO date or timestamp as '6 Feb 2026' (the text unchanged if it is neither)."""
    import datetime as dt

    if value is None:
        return "-"
    if isinstance(value, dt.date):
        return f"{value.day} {value:%b %Y}"
    try:
        d = dt.datetime.fromisoformat(str(value))
    except ValueError:
        try:
            d = dt.datetime.strptime(str(value), "%Y_%m_%d")
        except ValueError:
            return str(value)
    return f"{d.day} {d:%b %Y}" + (f" {d:%H:%M} UTC" if "T" in str(value) else "")


def _undl_line(undl: Any) -> str:
    """'UN Digital Library voting data: version of 6 Feb 2026 (newest of 3 listed by the file API)'."""
    how = undl.found_by
    if undl.versions:
        how = f"newest of {len(undl.versions)} listed by the {undl.found_by}"
    line = f"UN Digital Library voting data: version of {_day(undl.version)} ({how})"
    if undl.note:
        line += f"; {undl.note}"
    return line


def _print_status(st: Any, console: Console) -> None:
    from rich.table import Table

    if st.problem:
        console.print(f"[bold red]{st.problem}[/]", highlight=False)
    if st.store_exists and not st.problem:
        console.print(f"[bold]Store[/] {st.store_path}", highlight=False)
        console.print(
            f"  {st.decisions:,} decisions from {_day(st.first)} to {_day(st.last)}; built {_day(st.built_at)}"
            + (f" from {len(st.built_from)} sources" if st.built_from else ""),
            highlight=False,
        )
        if st.coverage:
            table = Table(title="Period each source covers in the store", title_justify="left")
            table.add_column("source")
            table.add_column("decisions", justify="right")
            table.add_column("first")
            table.add_column("last")
            for c in st.coverage:
                table.add_row(c.source, f"{c.decisions:,}", _day(c.first), _day(c.last))
            console.print(table)
    elif not st.store_exists:
        console.print(
            f"[bold]No store[/] at {st.store_path}: run `unsc sync` (downloads the UN sources and builds it) "
            "or `unsc build --from DIR`.",
            highlight=False,
        )
    if not st.files:
        console.print(
            f"[bold]No synced sources[/] in {st.sources_dir}"
            + (" (the store was built from a directory given with --from)" if st.store_exists else ""),
            highlight=False,
        )
        return
    where = f" from the mirror {st.base_url}" if st.base_url else ""
    console.print(f"[bold]Sources[/] {st.sources_dir}: synced {_day(st.synced_at)}{where}", highlight=False)
    if st.undl is not None:
        console.print("  " + _undl_line(st.undl), highlight=False)
    table = Table(title="Synced files (the voting data's version is the date in its name)", title_justify="left")
    table.add_column("file", overflow="fold")
    table.add_column("downloaded (UTC)")
    yearly = [f for f in st.files if f.name.startswith("dhl_html/scact") and f.name[14:18].isdigit()]
    others = [f for f in st.files if f not in yearly]
    for f in others:
        table.add_row(f.name, _day(f.fetched_at).removesuffix(" UTC"))
    if yearly:
        years = sorted({f.name[14:18] for f in yearly})
        fetched = sorted(_day(f.fetched_at).removesuffix(" UTC") for f in yearly if f.fetched_at)
        span = "-" if not fetched else fetched[0] if fetched[0] == fetched[-1] else f"{fetched[0]} to {fetched[-1]}"
        table.add_row(f"dhl_html/scact{{{years[0]}..{years[-1]}}}_table_en.html ({len(yearly)} files)", span)
    console.print(table)


def register_status(app: typer.Typer) -> None:
    """Add the ``status`` command to the app."""

    @app.command("status")
    def status_command(json_out: bool = typer.Option(False, "--json", help="Print the status as JSON.")) -> None:
        """What data you have: the synced sources (versions, download dates) and the period the store covers.

        Exits 1 if there is no store yet."""
        from rich.console import Console

        from unsc.record.status import status

        st = status()
        if json_out:
            typer.echo(json.dumps(st.as_dict(), indent=2, ensure_ascii=False))
        else:
            _print_status(st, Console())
        if not st.store_exists or st.problem:
            raise typer.Exit(1)
