"""Find the newest official UN Digital Library "Security Council Voting Data" file (for ``unsc sync``).

The Library publishes the dataset as record 4055387 and adds a new dated version several times a
year (``2026_02_06_sc_voting.csv`` beside its data dictionary ``2026_02_06_sc_voting_md.md``).
:func:`discover` asks the Library's file API (``/api/v1/file?recid=4055387``: a JSON list of
``{"name", "format", "url", ...}``) and takes the newest CSV by the date in its name, with the
data dictionary of the same date; if the API cannot be read or lists no such file, it reads the
links of the record page instead. On a mirror (``base_url``) both endpoints, and every file URL
they name on the Library's host, are taken from the mirror at the same path.

>>> listing = [
...     {"name": "2025_12_09_sc_voting", "format": ".csv", "url": "https://digitallibrary.un.org/record/4055387/files/2025_12_09_sc_voting.csv"},
...     {"name": "2026_02_06_sc_voting_md", "format": ".md", "url": "https://digitallibrary.un.org/record/4055387/files/2026_02_06_sc_voting_md.md"},
...     {"name": "2026_02_06_sc_voting", "format": ".csv", "url": "https://digitallibrary.un.org/record/4055387/files/2026_02_06_sc_voting.csv"},
... ]
>>> r = newest_from_listing(listing, FILE_API)
>>> r.version, r.csv_name, r.dictionary_name, r.versions
('2026_02_06', '2026_02_06_sc_voting.csv', 'undl_sc_voting_data_dictionary_2026_02_06.md', ('2026_02_06', '2025_12_09'))
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import httpx

__all__ = [
    "FILE_API",
    "KNOWN_VERSION",
    "RECORD_PAGE",
    "SITE",
    "DiscoveryError",
    "UndlRelease",
    "discover",
    "known_release",
    "newest_from_listing",
    "newest_from_record_page",
    "on_mirror",
]

SITE = "https://digitallibrary.un.org"
RECID = 4055387
RECORD_PAGE = f"{SITE}/record/{RECID}"
FILE_API = f"{SITE}/api/v1/file?recid={RECID}"
KNOWN_VERSION = "2026_02_06"
"""The newest version known when this unsc was released: what ``unsc sync --list`` shows offline."""

_CSV_STEM = re.compile(r"^(\d{4})_(\d{2})_(\d{2})_sc_voting$")
_MD_STEM = re.compile(r"^(\d{4})_(\d{2})_(\d{2})_sc_voting_(?:md|data_dictionary|dictionary)$")


class DiscoveryError(ValueError):
    """The newest voting file could not be found; the message says where it was looked for and why not."""


@dataclass(frozen=True, slots=True)
class UndlRelease:
    """One dated version of the UNDL voting data: the CSV and its data dictionary, and how it was found.

    ``found_by`` is ``"file API"``, ``"record page"``, ``"last sync"`` or ``"built-in"`` (no server asked);
    ``versions`` are all the dated versions the server listed, newest first; ``note`` says why the
    file API was not used when the record page was.

    >>> known_release().date
    datetime.date(2026, 2, 6)
    """

    version: str
    csv_url: str
    dictionary_url: str
    found_by: str
    versions: tuple[str, ...] = ()
    note: str = ""  # why an earlier way of finding it gave nothing (the file API, when the record page was used)

    @property
    def date(self) -> _dt.date:
        """The publication date in the version's name."""
        return _version_date(self.version) or _dt.date.min

    @property
    def csv_name(self) -> str:
        """The local name of the CSV (as in the shared data directory's layout)."""
        return f"{self.version}_sc_voting.csv"

    @property
    def dictionary_name(self) -> str:
        """The local name of the data dictionary (as in the shared data directory)."""
        return f"undl_sc_voting_data_dictionary_{self.version}.md"

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (what ``sync-manifest.json`` records)."""
        return {
            "version": self.version,
            "csv_url": self.csv_url,
            "dictionary_url": self.dictionary_url,
            "found_by": self.found_by,
            "versions": list(self.versions),
            "note": self.note,
        }


def known_release(version: str = KNOWN_VERSION, found_by: str = "built-in") -> UndlRelease:
    """The release of ``version`` at the Library's usual file URLs (no server asked).

    >>> known_release("2025_12_09").csv_url
    'https://digitallibrary.un.org/record/4055387/files/2025_12_09_sc_voting.csv'
    """
    return UndlRelease(
        version,
        f"{RECORD_PAGE}/files/{version}_sc_voting.csv",
        f"{RECORD_PAGE}/files/{version}_sc_voting_md.md",
        found_by,
    )


def on_mirror(url: str, base_url: str | None) -> str:
    """``url`` on the Library's host, moved to the mirror ``base_url`` at the same path (others unchanged).

    >>> on_mirror(FILE_API, "http://127.0.0.1:8000/m/")
    'http://127.0.0.1:8000/m/api/v1/file?recid=4055387'
    >>> on_mirror("https://example.org/x.csv", "http://127.0.0.1:8000")
    'https://example.org/x.csv'
    """
    if not base_url:
        return url
    parts = urlsplit(url)
    if parts.netloc and parts.netloc.lower() != urlsplit(SITE).netloc:
        return url
    return base_url.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")


def _version_date(version: str) -> _dt.date | None:
    m = re.fullmatch(r"(\d{4})_(\d{2})_(\d{2})", version)
    if not m:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:  # 2026_13_45 is not a date: not a version
        return None


def _stem(name: str, fmt: str) -> str:
    name = unquote(name.strip().rsplit("/", 1)[-1])
    if fmt and name.lower().endswith(fmt):
        name = name[: -len(fmt)]
    return name


def _pick(
    candidates: Iterable[tuple[str, str]], base: str, base_url: str | None, found_by: str, where: str
) -> UndlRelease:
    """The newest release among ``(file name with extension, url)`` pairs."""
    csvs: dict[str, str] = {}
    mds: dict[str, str] = {}
    for name, url in candidates:
        fmt = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        stem = _stem(name, fmt)
        full = on_mirror(urljoin(base, url), base_url) if url else ""
        if urlsplit(full).scheme not in ("http", "https"):
            continue
        if fmt == ".csv" and (m := _CSV_STEM.match(stem)) and _version_date(f"{m[1]}_{m[2]}_{m[3]}"):
            csvs.setdefault(f"{m[1]}_{m[2]}_{m[3]}", full)
        elif fmt == ".md" and (m := _MD_STEM.match(stem)):
            mds.setdefault(f"{m[1]}_{m[2]}_{m[3]}", full)
    if not csvs:
        raise DiscoveryError(f"{where} names no voting file like 2026_02_06_sc_voting.csv")
    versions = tuple(sorted(csvs, key=lambda v: _version_date(v) or _dt.date.min, reverse=True))
    newest = versions[0]
    if newest not in mds:
        raise DiscoveryError(
            f"{where} has {newest}_sc_voting.csv but not its data dictionary ({newest}_sc_voting_md.md)"
        )
    return UndlRelease(newest, csvs[newest], mds[newest], found_by, versions)


def newest_from_listing(
    listing: Any, api_url: str = FILE_API, base_url: str | None = None, found_by: str = "file API"
) -> UndlRelease:
    """The newest release in the file API's answer (a JSON list of files with ``name``, ``format``, ``url``).

    Files without a dated ``..._sc_voting`` name are ignored; a URL missing from an entry is the
    Library's usual ``/record/4055387/files/NAME``. Raises :class:`DiscoveryError` if none is usable.

    >>> newest_from_listing({"error": "not found"})
    Traceback (most recent call last):
    ...
    unsc.record.sync_discover.DiscoveryError: the file API did not answer a JSON list of files (got a dict)
    """
    if not isinstance(listing, list):
        raise DiscoveryError(f"the file API did not answer a JSON list of files (got a {type(listing).__name__})")
    pairs = []
    for item in listing:
        if not isinstance(item, Mapping):
            continue
        name, fmt = str(item.get("name") or ""), str(item.get("format") or "").strip().lower()
        if fmt and not fmt.startswith("."):
            fmt = "." + fmt
        stem = _stem(name, fmt)
        url = item.get("url") or f"{RECORD_PAGE}/files/{stem}{fmt}"
        pairs.append((stem + fmt, str(url)))
    return _pick(pairs, api_url, base_url, found_by, "the file API's list")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key in ("href", "src", "content", "data-url") and value:
                self.urls.append(value.strip())


def newest_from_record_page(html: str, page_url: str = RECORD_PAGE, base_url: str | None = None) -> UndlRelease:
    """The newest release among the file links of the record page's HTML.

    >>> page = '<a href="/record/4055387/files/2026_02_06_sc_voting.csv?ln=en">CSV</a>'
    >>> page += '<a href="/record/4055387/files/2026_02_06_sc_voting_md.md">MD</a>'
    >>> newest_from_record_page(page).csv_url
    'https://digitallibrary.un.org/record/4055387/files/2026_02_06_sc_voting.csv?ln=en'
    """
    parser = _Links()
    parser.feed(html)
    pairs = [(urlsplit(u).path.rsplit("/", 1)[-1], u) for u in parser.urls]
    return _pick(pairs, page_url, base_url, "record page", "the record page")


def _get(client: httpx.Client, url: str, retries: int, backoff: float, headers: Mapping[str, str]) -> httpx.Response:
    last = "no attempt made"
    for attempt in range(retries + 1):
        if attempt:
            time.sleep(backoff * (2 ** (attempt - 1)))
        try:
            resp = client.get(url, headers=dict(headers))
        except httpx.TransportError as exc:
            last = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            continue
        if resp.status_code in (408, 425, 429, 500, 502, 503, 504):
            last = f"HTTP {resp.status_code}"
            continue
        if resp.status_code != 200:
            raise DiscoveryError(f"HTTP {resp.status_code}")
        return resp
    raise DiscoveryError(last)


def discover(
    client: httpx.Client,
    base_url: str | None = None,
    *,
    retries: int = 3,
    backoff: float = 0.5,
    headers: Mapping[str, str] | None = None,
) -> UndlRelease:
    """The newest release: from the file API, else from the record page's links (both on ``base_url`` if given).

    Raises :class:`DiscoveryError` naming both URLs and why each gave nothing:

    >>> with httpx.Client() as client:
    ...     discover(client, "http://127.0.0.1:9", retries=0)
    Traceback (most recent call last):
    ...
    unsc.record.sync_discover.DiscoveryError: cannot find the UN Digital Library voting file: file API http://127.0.0.1:9/api/v1/file?recid=4055387: ConnectError: [Errno 111] Connection refused; record page http://127.0.0.1:9/record/4055387: ConnectError: [Errno 111] Connection refused
    """
    headers = headers or {}
    api_url, page_url = on_mirror(FILE_API, base_url), on_mirror(RECORD_PAGE, base_url)
    reasons = []
    try:
        resp = _get(client, api_url, retries, backoff, {**headers, "Accept": "application/json"})
        try:
            listing = json.loads(resp.content)
        except ValueError as exc:
            raise DiscoveryError(f"not JSON ({exc})") from None
        return newest_from_listing(listing, api_url, base_url)
    except DiscoveryError as exc:
        reasons.append(f"file API {api_url}: {exc}")
    try:
        resp = _get(client, page_url, retries, backoff, {**headers, "Accept": "text/html"})
        release = newest_from_record_page(resp.text, page_url, base_url)
    except DiscoveryError as exc:
        reasons.append(f"record page {page_url}: {exc}")
        raise DiscoveryError("cannot find the UN Digital Library voting file: " + "; ".join(reasons)) from None
    return UndlRelease(
        release.version, release.csv_url, release.dictionary_url, release.found_by, release.versions, "; ".join(reasons)
    )
