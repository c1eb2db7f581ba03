"""Download the source files from their publishers into unsc's data directory, then build the store.

What is fetched is data: :func:`manifest` lists every file with the local name it gets (the same
name as in the shared data directory, so ``unsc build --from <sources dir>`` and ``--from
../shared/data`` read the same layout), the official URL, whether the sync needs it, and its
licence or attribution line.

:func:`sync` is all or nothing. It downloads into a fresh temporary directory beside the sources
directory, asks each server only for what changed since the last sync (``If-None-Match`` /
``If-Modified-Since`` from the ETag and Last-Modified kept in ``sync-manifest.json``), records
the SHA-256 of every file and checks it again on re-read, builds the store into a temporary file,
and only then swaps the new sources directory and the new store in (``os.rename`` /
``os.replace``). Any failure (a server dying mid-file, a body shorter than its Content-Length, a
checksum mismatch, a missing required file, a build error) raises :class:`SyncError` naming the
file, and leaves the previous sources and store as they were.

``base_url`` (or ``UNSC_SYNC_BASE_URL``) points every download at a mirror that serves the same
local names under one root, e.g. ``https://mirror.example/unsc/dhl_html/scact1946_table_en.html``.

>>> names = [f.name for f in manifest(year=2024)]
>>> "dhl_html/scact2024_table_en.html" in names and "dhl_html/scact_veto_table_en.html" in names
True
>>> source_url(manifest(year=2024)[0], "http://127.0.0.1:8000/data/")
'http://127.0.0.1:8000/data/2026_02_06_sc_voting.csv'
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import datetime as _dt
import fnmatch
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

from unsc.record import config
from unsc.record.store import lookup_path
from unsc.record.sync_catalogue import CatalogueError, SourceFile, load_catalogue
from unsc.record.sync_discover import DiscoveryError, UndlRelease, discover, known_release

__all__ = [
    "MANIFEST_NAME",
    "CatalogueError",
    "FileResult",
    "SourceFile",
    "SyncError",
    "SyncProgress",
    "SyncReport",
    "UndlRelease",
    "file_sha256",
    "manifest",
    "read_manifest",
    "read_sync_record",
    "select",
    "source_url",
    "sync",
]

MANIFEST_NAME = "sync-manifest.json"
"""The file beside the sources that records URL, ETag, Last-Modified, size and SHA-256 of each."""

MANIFEST_VERSION = 1
USER_AGENT = "unsc-sync/0.1 (+https://github.com/; UN Security Council record builder)"
RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
MISSING_STATUS = frozenset({404, 410})

# --- the manifest: what to fetch -----------------------------------------------------------------


def manifest(year: int | None = None, undl: UndlRelease | None = None) -> list[SourceFile]:
    """Every file ``unsc sync`` fetches, official UN sources first, for 1946 to ``year`` (default: this year).

    The list is data: ``sync_catalogue.toml`` in this package, read and checked against its schema
    by :func:`unsc.record.sync_catalogue.load_catalogue` (a malformed catalogue raises
    :class:`~unsc.record.sync_catalogue.CatalogueError` naming the file, entry and field).

    ``undl`` is the version of the UN Digital Library voting data (CSV and data dictionary) to
    fetch; :func:`sync` finds the newest with :func:`unsc.record.sync_discover.discover`, and
    without it the version known when this unsc was released is listed. The UN files are
    required (the sync fails without them) except the current year's meetings table, which the
    Library publishes only once the year has meetings; the third-party files at fixed Git
    commits are optional and pinned by SHA-256.

    >>> files = manifest(year=2022)
    >>> sum(f.name.startswith("dhl_html/scact19") or f.name.startswith("dhl_html/scact20") for f in files)
    78
    >>> [f.required for f in files if f.name == "dhl_html/scact2022_table_en.html"]
    [False]
    >>> sorted(f.name for f in files if not f.required)[:2]
    ['dhl_html/scact2022_table_en.html', 'un_ga_sc_votes_wide_1946_2021_un_data.csv']
    """
    return load_catalogue().manifest(year or _dt.date.today().year, undl)


def source_url(entry: SourceFile, base_url: str | None = None) -> str:
    """The URL to fetch ``entry`` from: its origin, or ``base_url`` + its local name on a mirror.

    A URL the sync found on the server in use (the voting file named by the file API) is fetched as it is.

    >>> e = SourceFile("dhl_html/x y.html", "https://un.org/x.htm", True, "")
    >>> source_url(e), source_url(e, "http://127.0.0.1:9/m")
    ('https://un.org/x.htm', 'http://127.0.0.1:9/m/dhl_html/x%20y.html')
    """
    if not base_url or entry.resolved:
        return entry.url
    return base_url.rstrip("/") + "/" + quote(entry.name)


def select(entries: Sequence[SourceFile], only: Sequence[str] | None) -> list[SourceFile]:
    """The entries named by ``only`` (local names or shell patterns; comma-separated lists allowed).

    Raises :class:`SyncError` for a name or pattern that matches nothing.

    >>> [e.name for e in select(manifest(2022), ["dhl_html/scact194[67]*", "unsc_vetoes_1946_2022_wpdl.csv"])]
    ['dhl_html/scact1946_table_en.html', 'dhl_html/scact1947_table_en.html', 'unsc_vetoes_1946_2022_wpdl.csv']
    """
    if not only:
        return list(entries)
    patterns = [p.strip() for item in only for p in item.split(",") if p.strip()]
    chosen: set[str] = set()
    for pattern in patterns:
        hits = {e.name for e in entries if e.name == pattern or fnmatch.fnmatchcase(e.name, pattern)}
        if not hits:
            raise SyncError(f"--only {pattern!r} names no file in the sync manifest (see `unsc sync --list`)", pattern)
        chosen |= hits
    return [e for e in entries if e.name in chosen]


# --- results ---------------------------------------------------------------------------------------


class SyncError(RuntimeError):
    """The sync failed; ``name`` is the file at fault (if one is), ``report`` what was done so far."""

    def __init__(self, message: str, name: str | None = None, report: SyncReport | None = None):
        super().__init__(message)
        self.name = name
        self.report = report


@dataclass
class FileResult:
    """What happened to one file: ``downloaded`` (200), ``cached`` (304: the copy of the last sync), ``missing``
    (optional, not on the server), ``kept`` (not selected, or gone upstream: the previous copy is
    kept), ``failed``, or ``cancelled`` (not fetched because another file had already failed)."""

    name: str
    status: str
    required: bool
    url: str
    bytes: int | None = None
    sha256: str | None = None
    http_status: int | None = None
    message: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None  # when this content was downloaded (UTC), for the citation's download date


@dataclass
class SyncReport:
    """The outcome of a sync: one :class:`FileResult` per manifest file considered."""

    files: list[FileResult] = field(default_factory=list)
    sources_dir: Path | None = None
    store_path: Path | None = None
    built: bool = False
    base_url: str | None = None
    error: str | None = None
    undl: UndlRelease | None = None  # the voting-data version synced (or kept), and how it was found

    def counts(self) -> dict[str, int]:
        """How many files ended in each status.

        >>> SyncReport([FileResult("a", "cached", True, "u"), FileResult("b", "cached", False, "u")]).counts()
        {'cached': 2}
        """
        out: dict[str, int] = {}
        for f in self.files:
            out[f.status] = out.get(f.status, 0) + 1
        return out

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (paths as strings)."""
        return {
            "ok": self.error is None,
            "error": self.error,
            "sources_dir": str(self.sources_dir) if self.sources_dir else None,
            "store_path": str(self.store_path) if self.store_path else None,
            "built": self.built,
            "base_url": self.base_url,
            "undl": self.undl.as_dict() if self.undl else None,
            "counts": self.counts(),
            "files": [asdict(f) for f in self.files],
        }


class SyncProgress:
    """Receives progress events; the default does nothing. The CLI draws them with Rich.

    Methods may be called from several download threads at once.
    """

    def begin(self, entries: Sequence[SourceFile]) -> None:
        """The sync will consider these files."""

    def file_start(self, name: str, total: int | None) -> None:
        """A download of ``name`` starts (again, on a retry); ``total`` is its size if known."""

    def file_advance(self, name: str, nbytes: int) -> None:
        """``nbytes`` more bytes of ``name`` arrived."""

    def file_end(self, name: str, status: str) -> None:
        """``name`` is done, with this status."""

    def stage(self, message: str) -> None:
        """A step after the downloads (verifying, building, swapping)."""


# --- helpers ---------------------------------------------------------------------------------------


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, hex.

    >>> p = Path(tempfile.mkdtemp()) / "x"; _ = p.write_bytes(b"abc"); file_sha256(p)[:16]
    'ba7816bf8f01cfea'
    """
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_sync_record(sources: Path) -> dict[str, Any]:
    """The whole ``sync-manifest.json`` of the last sync into ``sources`` (empty if none or unreadable).

    Keys: ``synced_at``, ``base_url``, ``undl`` (the voting-data version and how it was found) and
    ``files`` (per file: url, sha256, bytes, etag, last_modified, fetched_at, licence).

    >>> read_sync_record(Path("/nonexistent"))
    {}
    """
    path = Path(sources) / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_manifest(sources: Path) -> dict[str, dict[str, Any]]:
    """The per-file records of the last sync into ``sources`` (empty if none or unreadable)."""
    files = read_sync_record(sources).get("files")
    return {k: v for k, v in files.items() if isinstance(v, dict)} if isinstance(files, dict) else {}


def _previous_release(record: dict[str, Any]) -> UndlRelease | None:
    """The voting-data version of the last sync (its files are kept when this sync does not fetch them)."""
    undl = record.get("undl")
    if isinstance(undl, dict) and isinstance(undl.get("version"), str):
        base = known_release(undl["version"], "last sync")
        return UndlRelease(
            base.version,
            str(undl.get("csv_url") or base.csv_url),
            str(undl.get("dictionary_url") or base.dictionary_url),
            str(undl.get("found_by") or "last sync"),
            tuple(undl.get("versions") or ()),
            str(undl.get("note") or ""),
        )
    for name in record.get("files") or {}:  # a manifest written before versions were recorded
        if isinstance(name, str) and name.endswith("_sc_voting.csv") and "/" not in name:
            return known_release(name[: -len("_sc_voting.csv")], "last sync")
    return None


def _write_manifest(
    directory: Path,
    results: Sequence[FileResult],
    entries: Sequence[SourceFile],
    base_url: str | None,
    undl: UndlRelease | None = None,
) -> None:
    licences = {e.name: e.licence for e in entries}
    files = {
        r.name: {
            "url": r.url,
            "sha256": r.sha256,
            "bytes": r.bytes,
            "etag": r.etag,
            "last_modified": r.last_modified,
            "required": r.required,
            "status": r.status,
            "fetched_at": r.fetched_at,
            "licence": licences.get(r.name),
        }
        for r in results
        if r.sha256 is not None
    }
    data = {
        "version": MANIFEST_VERSION,
        "synced_at": _now(),
        "base_url": base_url,
        "undl": undl.as_dict() if undl is not None and undl.csv_name in files else None,
        "files": files,
    }
    (directory / MANIFEST_NAME).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _link_or_copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _digest_header(value: str | None) -> str | None:
    """The SHA-256 (hex) in an RFC 9530 ``Content-Digest``/``Repr-Digest`` header, if it has one."""
    if not value:
        return None
    for part in value.split(","):
        algo, _, rest = part.strip().partition("=")
        if algo.strip().lower() == "sha-256" and rest.startswith(":") and rest.endswith(":"):
            try:
                return base64.b64decode(rest[1:-1], validate=True).hex()
            except (binascii.Error, ValueError):
                return None
    return None


def _content_problem(entry: SourceFile, head: bytes) -> str | None:
    """Why the first bytes of a download cannot be ``entry`` (an HTML error or challenge page), if so."""
    sniff = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    looks_html = sniff.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))
    if entry.kind == "xlsx" and not head.startswith(b"PK\x03\x04"):
        return "is not an .xlsx workbook (no zip signature)"
    if entry.kind in ("csv", "md") and looks_html:
        return f"is an HTML page, not a .{entry.kind} file (an error or bot-check page?)"
    if entry.kind == "html" and b"<" not in head[:4096]:
        return "does not look like HTML"
    return None


class _Retry(Exception):
    """A transient failure worth another attempt."""


@contextlib.contextmanager
def _lock(home: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    path = home / ".sync.lock"
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise SyncError(f"another `unsc sync` is running on {home} (lock {path} is held)") from exc
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _recover(sources: Path, store: Path) -> None:
    """Undo what an interrupted earlier sync left behind (called with the lock held)."""
    home = sources.parent
    backups = sorted(home.glob(f".{sources.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if not sources.exists() and backups:
        os.rename(backups.pop(), sources)
    for leftover in [*backups, *home.glob(f".{sources.name}-sync-*")]:
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in store.parent.glob(f".{store.name}.sync-*"):
        with contextlib.suppress(OSError):
            leftover.unlink()


# --- the download of one file ------------------------------------------------------------------------


@dataclass
class _Job:
    entry: SourceFile
    url: str
    dest: Path
    previous: Path | None  # the verified copy from the last sync, if any
    headers: dict[str, str]
    old: dict[str, Any]


def _fetch(
    client: httpx.Client, job: _Job, retries: int, backoff: float, progress: SyncProgress, cancel: threading.Event
) -> FileResult:
    entry = job.entry
    result = FileResult(entry.name, "failed", entry.required, job.url)
    last_error = "no attempt made"
    for attempt in range(retries + 1):
        if cancel.is_set():
            result.status, result.message = "cancelled", "not fetched: another file failed"
            return result
        if attempt:
            time.sleep(backoff * (2 ** (attempt - 1)))
        part = job.dest.with_name(job.dest.name + ".part")
        try:
            with client.stream("GET", job.url, headers=job.headers) as resp:
                result.http_status = resp.status_code
                if resp.status_code == 304 and job.previous is not None:
                    _link_or_copy(job.previous, job.dest)
                    result.status, result.bytes, result.sha256 = "cached", job.old.get("bytes"), job.old.get("sha256")
                    result.etag = resp.headers.get("etag") or job.old.get("etag")
                    result.last_modified = resp.headers.get("last-modified") or job.old.get("last_modified")
                    result.fetched_at = job.old.get("fetched_at")
                    return result
                if resp.status_code in MISSING_STATUS:
                    result.status, result.message = "missing", f"HTTP {resp.status_code}"
                    return result
                if resp.status_code in RETRYABLE_STATUS:
                    raise _Retry(f"HTTP {resp.status_code}")
                if resp.status_code != 200:
                    raise SyncError(f"{entry.name}: HTTP {resp.status_code} from {job.url}", entry.name)
                length = resp.headers.get("content-length")
                expected = int(length) if length and length.isdigit() else None
                progress.file_start(entry.name, expected if "content-encoding" not in resp.headers else None)
                h = hashlib.sha256()
                size = 0
                head = b""
                job.dest.parent.mkdir(parents=True, exist_ok=True)
                with open(part, "wb") as out:
                    for chunk in resp.iter_bytes():  # as it arrives (a chunk size would hold back the progress bar)
                        out.write(chunk)
                        h.update(chunk)
                        size += len(chunk)
                        if len(head) < 4096:
                            head += chunk[: 4096 - len(head)]
                        progress.file_advance(entry.name, len(chunk))
                    out.flush()
                    os.fsync(out.fileno())
                if expected is not None and resp.num_bytes_downloaded != expected:
                    raise _Retry(f"truncated: received {resp.num_bytes_downloaded} of {expected} bytes")
                body_sha = h.hexdigest()
                # RFC 9530 digests: Repr-Digest is of the decoded body, Content-Digest of the bytes as sent
                digest_headers = (
                    ["repr-digest"] if "content-encoding" in resp.headers else ["repr-digest", "content-digest"]
                )
                for header in digest_headers:
                    want = _digest_header(resp.headers.get(header))
                    if want is not None and want != body_sha:
                        raise SyncError(
                            f"{entry.name}: checksum mismatch: the server's {header} says sha256 {want[:12]}…, "
                            f"the body received has {body_sha[:12]}… ({job.url})",
                            entry.name,
                        )
                result.etag = resp.headers.get("etag")
                result.last_modified = resp.headers.get("last-modified")
            if entry.archive_member and head.startswith(b"PK\x03\x04"):
                _extract_member(part, entry)
                body_sha, size = file_sha256(part), part.stat().st_size
                with open(part, "rb") as fh:
                    head = fh.read(4096)
            problem = _content_problem(entry, head)
            if problem:
                raise SyncError(f"{entry.name}: the file from {job.url} {problem}", entry.name)
            if entry.sha256 and body_sha != entry.sha256:
                raise SyncError(
                    f"{entry.name}: checksum mismatch: expected sha256 {entry.sha256[:12]}…, got {body_sha[:12]}… "
                    f"({size} bytes from {job.url})",
                    entry.name,
                )
            os.replace(part, job.dest)
            result.bytes, result.sha256 = size, body_sha
            result.fetched_at = _now()
            result.status = "downloaded"
            if job.previous is not None and job.old.get("sha256") == body_sha:
                result.message = "unchanged"
            return result
        except _Retry as exc:
            last_error = str(exc)
        except httpx.TransportError as exc:  # connect/read errors, timeouts, a server dying mid-body
            last_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            if isinstance(exc, httpx.RemoteProtocolError) and "complete message body" in str(exc):
                last_error = f"truncated: {exc}"
        except SyncError:
            with contextlib.suppress(OSError):
                part.unlink()
            raise
        with contextlib.suppress(OSError):
            part.unlink()
    raise SyncError(
        f"{entry.name}: download failed after {retries + 1} attempt(s): {last_error} ({job.url})", entry.name
    )


def _extract_member(part: Path, entry: SourceFile) -> None:
    try:
        with zipfile.ZipFile(part) as zf:
            data = zf.read(entry.archive_member or "")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise SyncError(
            f"{entry.name}: cannot take {entry.archive_member!r} from the zip archive: {exc}", entry.name
        ) from exc
    with open(part, "wb") as out:
        out.write(data)


# --- the sync ------------------------------------------------------------------------------------------

Builder = Callable[[Path, Path, SyncProgress], None]


def _default_builder(from_dir: Path, store_file: Path, progress: SyncProgress) -> None:
    """Build the store with the record layer's ``unsc.record.build`` (progress shown as a stage)."""
    from unsc.record.build import build as build_store

    def step(name: str, i: int, n: int) -> None:
        progress.stage(f"building the store: {name} ({i}/{n})")

    build_store(from_dir, store_path=store_file, progress=step)


def sync(
    *,
    base_url: str | None = None,
    only: Sequence[str] | None = None,
    force: bool = False,
    build: bool = True,
    sources: Path | None = None,
    store: Path | None = None,
    year: int | None = None,
    progress: SyncProgress | None = None,
    client: httpx.Client | None = None,
    retries: int = 3,
    backoff: float = 0.5,
    timeout: float = 30.0,
    workers: int = 4,
    builder: Builder | None = None,
) -> SyncReport:
    """Download the sources into ``sources`` (default ``config.sources_dir()``) and build ``store``.

    The UN Digital Library voting data is taken in its newest version: the Library's file API
    (else its record page) is asked which dated versions exist, and the CSV and data dictionary
    of the newest are fetched in place of the previous sync's (see :mod:`unsc.record.sync_discover`).
    ``only`` limits the downloads to some files (names or patterns); the other files of the
    previous sync are kept as they are. ``force`` ignores ETag/Last-Modified and downloads
    everything again. ``build=False`` swaps in the new sources without building the store.
    Raises :class:`SyncError` (with ``.name`` the file at fault and ``.report``) on any failure,
    after which the previous sources and store are unchanged.

    A server that cannot be reached fails the sync, naming the file, and leaves nothing behind:

    >>> home = Path(tempfile.mkdtemp())
    >>> try:
    ...     sync(base_url="http://127.0.0.1:9", only=["dhl_html/scact1946*"], sources=home / "sources",
    ...          store=home / "unsc.duckdb", retries=0, build=False)
    ... except SyncError as exc:
    ...     print(exc.name, sorted(p.name for p in home.iterdir()))
    dhl_html/scact1946_table_en.html ['.sync.lock']
    """
    progress = progress or SyncProgress()
    base_url = base_url or os.environ.get("UNSC_SYNC_BASE_URL") or None
    sources = Path(sources) if sources is not None else config.sources_dir()
    store = Path(store) if store is not None else config.store_path()
    select(manifest(year, _previous_release(read_sync_record(sources))), only)  # a bad --only fails before any I/O
    home = sources.parent
    home.mkdir(parents=True, exist_ok=True)
    report = SyncReport(sources_dir=sources, base_url=base_url)

    with _lock(home):
        _recover(sources, store)
        record = read_sync_record(sources)
        undl = _previous_release(record) or known_release()
        entries = manifest(year, undl)
        tmp = Path(tempfile.mkdtemp(prefix=f".{sources.name}-sync-", dir=home))
        tmp.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the sources dir is an ordinary directory
        run = _Run(
            sources, tmp, base_url, report, record, read_manifest(sources), undl, entries,
            {e.name for e in select(entries, only)},
        )  # fmt: skip
        tmp_store: Path | None = None
        own_client = client is None
        http = client or httpx.Client(timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)), follow_redirects=True)
        try:
            if run.chosen & run.undl_names():
                progress.stage("finding the newest UN Digital Library voting file")
                _newest_undl(run, http, year, retries, backoff)
            report.undl = run.undl
            jobs = _plan(run, force)
            _download(run, jobs, http, progress, retries, backoff, workers)
            progress.stage("verifying checksums")
            _write_manifest(tmp, report.files, run.entries, base_url, run.undl)
            _verify_checksums(run)
            if build:
                progress.stage("building the store")
                store.parent.mkdir(parents=True, exist_ok=True)
                tmp_store = store.with_name(f".{store.name}.sync-{uuid.uuid4().hex[:8]}")
                _build_store(run, builder or _default_builder, tmp_store, progress)
            progress.stage("swapping in the new sources" + (" and store" if build else ""))
            _swap(tmp, sources, tmp_store, store)
            tmp_store = None
            report.built = build
            report.store_path = store if build else None
            return report
        except SyncError as exc:
            if exc.report is None:
                exc.report = report
            report.error = str(exc)
            raise
        finally:
            if own_client:
                http.close()
            shutil.rmtree(tmp, ignore_errors=True)
            if tmp_store is not None:
                for p in (tmp_store, tmp_store.with_name(tmp_store.name + ".wal"), lookup_path(tmp_store)):
                    with contextlib.suppress(OSError):
                        p.unlink()


@dataclass
class _Run:
    """The state one sync carries from step to step."""

    sources: Path
    tmp: Path  # the new sources directory, swapped in at the end
    base_url: str | None
    report: SyncReport
    record: dict[str, Any]  # the previous sync's record
    old: dict[str, dict[str, Any]]  # the previous sync's manifest, by file name
    undl: UndlRelease
    entries: list[SourceFile]
    chosen: set[str]  # names to download (the others are kept from the previous sync)

    def undl_names(self) -> set[str]:
        return {self.undl.csv_name, self.undl.dictionary_name}


def _newest_undl(run: _Run, http: httpx.Client, year: int | None, retries: int, backoff: float) -> None:
    """Step 1: the newest UNDL release (the CSV and its data dictionary go together), unless the
    server lists only versions older than the one the user already has."""
    try:
        undl = discover(http, run.base_url, retries=retries, backoff=backoff, headers={"User-Agent": USER_AGENT})
    except DiscoveryError as exc:
        raise SyncError(str(exc), run.undl.csv_name, run.report) from None
    old_names = run.undl_names()
    last = _previous_release(run.record)
    if (
        last is not None
        and last.date > undl.date
        and all(_verified_previous(run.sources, n, run.old.get(n, {})) for n in old_names)
    ):
        # a stale mirror (or a withdrawn version): never go back to older data than the user has
        note = f"the server lists versions up to {undl.version} only; the newer {last.version} is kept"
        run.undl = dataclasses.replace(last, note=note)
        run.chosen -= old_names
    else:
        run.undl = undl
        run.entries = manifest(year, undl)
        run.chosen = (run.chosen - old_names) | run.undl_names()


def _plan(run: _Run, force: bool) -> list[_Job]:
    """Step 2: keep the files not chosen (their verified previous copies, or a copy put there by
    hand), and a download job, conditional where a verified previous copy exists, for the others."""
    jobs: list[_Job] = []
    for entry in run.entries:
        url = source_url(entry, run.base_url)
        prev_rec = run.old.get(entry.name, {})
        previous = _verified_previous(run.sources, entry.name, prev_rec)
        if entry.name not in run.chosen:
            _keep_unselected(run, entry, previous, prev_rec)
            continue
        headers = {"User-Agent": USER_AGENT}
        if previous is not None and not force and prev_rec.get("url") == url:
            if prev_rec.get("etag"):
                headers["If-None-Match"] = prev_rec["etag"]
            if prev_rec.get("last_modified"):
                headers["If-Modified-Since"] = prev_rec["last_modified"]
        jobs.append(_Job(entry, url, run.tmp / entry.name, previous, headers, prev_rec))
    return jobs


def _keep_unselected(run: _Run, entry: SourceFile, previous: Path | None, prev_rec: dict[str, Any]) -> None:
    local = run.sources / entry.name
    if previous is not None:
        _link_or_copy(previous, run.tmp / entry.name)
        run.report.files.append(_kept(entry, prev_rec, "not selected: previous copy kept"))
    elif local.is_file() and not prev_rec.get("sha256"):
        # a file put there by hand, never synced: keep it, and record what it is
        _link_or_copy(local, run.tmp / entry.name)
        rec = {"url": None, "bytes": local.stat().st_size, "sha256": file_sha256(local)}
        run.report.files.append(_kept(entry, rec, "not selected: unrecorded local copy kept"))
    elif local.exists():
        raise SyncError(
            f"{entry.name}: the copy in {run.sources} does not match the SHA-256 recorded in "
            f"{MANIFEST_NAME}; sync it again (unsc sync --only {entry.name})",
            entry.name,
            run.report,
        )


def _download(
    run: _Run,
    jobs: list[_Job],
    http: httpx.Client,
    progress: SyncProgress,
    retries: int,
    backoff: float,
    workers: int,
) -> None:
    """Step 3: the downloads, ``workers`` at a time; the first failure (in manifest order) or a
    required file missing upstream fails the sync, and stops the other downloads."""
    progress.begin([j.entry for j in jobs])
    cancel = threading.Event()
    errors: list[SyncError] = []

    def one(job: _Job) -> FileResult:
        try:
            res = _fetch(http, job, retries, backoff, progress, cancel)
        except SyncError as exc:
            cancel.set()
            errors.append(exc)
            res = FileResult(job.entry.name, "failed", job.entry.required, job.url, message=str(exc))
        if res.status == "missing" and job.entry.required:
            cancel.set()  # the sync cannot succeed: stop the other downloads
        if res.status == "missing" and job.previous is not None and not job.entry.required:
            _link_or_copy(job.previous, job.dest)
            res = _kept(job.entry, job.old, f"{res.message} upstream: previous copy kept")
        progress.file_end(job.entry.name, res.status)
        return res

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        fetched = list(pool.map(one, jobs))
    report, entries = run.report, run.entries
    report.files = sorted([*report.files, *fetched], key=lambda r: _order(entries, r.name))
    if errors:
        first = min(errors, key=lambda e: _order(entries, e.name or ""))
        raise SyncError(str(first), first.name, report)
    for r in report.files:
        if r.status == "missing" and r.required:
            raise SyncError(f"{r.name}: required file not found on the server ({r.message}, {r.url})", r.name, report)


def _verify_checksums(run: _Run) -> None:
    """Step 4: every file read back matches the SHA-256 recorded while it was written."""
    for r in run.report.files:
        if r.sha256 is None:
            continue
        path = run.tmp / r.name
        got = file_sha256(path) if path.exists() else "absent"
        if got != r.sha256:
            raise SyncError(
                f"{r.name}: checksum mismatch on re-read: recorded {r.sha256[:12]}…, file has {got[:12]}",
                r.name,
                run.report,
            )


def _build_store(run: _Run, builder: Builder, tmp_store: Path, progress: SyncProgress) -> None:
    """Step 5: the store built from the new sources into ``tmp_store`` (swapped in by the caller)."""
    try:
        builder(run.tmp, tmp_store, progress)
    except SyncError as exc:
        exc.report = run.report
        raise
    except Exception as exc:
        raise SyncError(f"building the store from the new sources failed: {exc}", None, run.report) from exc
    if not tmp_store.is_file() or tmp_store.stat().st_size == 0:
        raise SyncError(f"building the store produced no store file ({tmp_store})", None, run.report)


def _order(entries: Sequence[SourceFile], name: str) -> int:
    for i, e in enumerate(entries):
        if e.name == name:
            return i
    return len(entries)


def _kept(entry: SourceFile, rec: dict[str, Any], message: str) -> FileResult:
    return FileResult(
        entry.name,
        "kept",
        entry.required,
        rec.get("url") or entry.url,
        bytes=rec.get("bytes"),
        sha256=rec.get("sha256"),
        message=message,
        etag=rec.get("etag"),
        last_modified=rec.get("last_modified"),
        fetched_at=rec.get("fetched_at"),
    )


def _verified_previous(sources: Path, name: str, rec: dict[str, Any]) -> Path | None:
    """The previous copy of ``name`` if it exists and still has the SHA-256 the manifest recorded."""
    path = sources / name
    if not rec.get("sha256") or not path.is_file():
        return None
    return path if file_sha256(path) == rec["sha256"] else None


def _swap(tmp: Path, sources: Path, tmp_store: Path | None, store: Path) -> None:
    """Put the new sources directory (and store) in place; on failure put the old ones back."""
    backup = sources.with_name(f".{sources.name}.old-{uuid.uuid4().hex[:8]}") if sources.exists() else None
    if backup is not None:
        os.rename(sources, backup)
    try:
        os.rename(tmp, sources)
    except OSError:
        if backup is not None:
            os.rename(backup, sources)
        raise
    if tmp_store is not None:
        try:
            os.replace(tmp_store, store)
        except OSError:
            os.rename(sources, tmp)
            if backup is not None:
                os.rename(backup, sources)
            raise
        # a write-ahead log left by the old store would be replayed onto the new one
        with contextlib.suppress(OSError):
            store.with_name(store.name + ".wal").unlink()
        # the new store's lookup file goes with it (an old one no longer matches the store and is ignored)
        with contextlib.suppress(OSError):
            os.replace(lookup_path(tmp_store), lookup_path(store))
    if backup is not None:
        shutil.rmtree(backup, ignore_errors=True)
