"""The sync catalogue: which files ``unsc sync`` fetches, as data (``sync_catalogue.toml``, shipped
in the package), checked against a schema when it is read.

:func:`load_catalogue` reads and checks the file; any problem raises :class:`CatalogueError`
naming the file, the entry and the field. :meth:`Catalogue.manifest` turns the catalogue into the
list of :class:`SourceFile` for a final year and a UN Digital Library release.

>>> cat = load_catalogue()
>>> [f.name for f in cat.manifest(1947, known_release())][:4]
['2026_02_06_sc_voting.csv', 'undl_sc_voting_data_dictionary_2026_02_06.md', 'dhl_html/scact_veto_table_en.html', 'dhl_html/scact1946_table_en.html']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from unsc.record.sync_discover import UndlRelease, known_release

__all__ = ["CATALOGUE_PATH", "Catalogue", "CatalogueEntry", "CatalogueError", "SourceFile", "load_catalogue"]

#: The catalogue shipped with unsc.
CATALOGUE_PATH = Path(__file__).with_name("sync_catalogue.toml")

_SHA256 = re.compile(r"[0-9a-f]{64}")
_RELEASE_FILES = ("csv", "dictionary")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One file to fetch.

    ``name`` is the local path under the sources directory (POSIX separators), identical to the
    name in the shared data directory. ``sha256`` pins the content where the origin is immutable
    (a file at a fixed Git commit); ``archive_member`` names the file inside a zip the origin
    serves instead of the file itself (a mirror serves the file under ``name`` directly).

    >>> SourceFile("a.csv", "https://example.org/a.csv", True, "public domain").kind
    'csv'
    """

    name: str
    url: str
    required: bool
    licence: str
    description: str = ""
    sha256: str | None = None
    archive_member: str | None = None
    resolved: bool = False  # ``url`` was found on the server in use (mirror or origin): fetched as it is

    @property
    def kind(self) -> str:
        """The file type by suffix (``csv``, ``xlsx``, ``html``, ``md``)."""
        return self.name.rsplit(".", 1)[-1].lower()


class CatalogueError(ValueError):
    """The catalogue file does not follow its schema; the message names the file, entry and field."""


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One ``[[file]]`` of the catalogue, checked. Exactly one of ``url`` and ``release`` is set
    (a ``github`` origin is stored as its raw URL)."""

    name: str | None
    url: str | None
    release: str | None
    required: bool
    licence: str
    description: str
    sha256: str | None = None
    archive_member: str | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class YearlyTables:
    """The ``[yearly]`` template: one table per year from ``first_year``, after the entry ``after``."""

    first_year: int
    name: str
    url: str
    licence: str
    description: str
    after: str


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The checked catalogue: licences by key, the entries in order, the yearly tables."""

    path: str
    licences: dict[str, str]
    files: tuple[CatalogueEntry, ...]
    yearly: YearlyTables

    def manifest(self, year: int, undl: UndlRelease | None = None) -> list[SourceFile]:
        """The files to fetch for 1946 (``first_year``) to ``year``, with ``undl``'s voting data.

        >>> m = load_catalogue().manifest(2021)
        >>> [f.required for f in m if f.name.startswith("dhl_html/scact202")]
        [True, True, False]
        """
        undl = undl or known_release()
        out: list[SourceFile] = []
        for entry in self.files:
            if entry.year is not None:
                continue  # listed after its year's table, if the manifest reaches that year
            out.append(self._source(entry, undl))
            if entry.name == self.yearly.after:
                out += self._yearly(year, undl)
        return out

    def _source(self, entry: CatalogueEntry, undl: UndlRelease) -> SourceFile:
        licence = self.licences[entry.licence]
        if entry.release is None:
            assert entry.name is not None and entry.url is not None  # checked on load
            return SourceFile(
                entry.name, entry.url, entry.required, licence, entry.description, entry.sha256, entry.archive_member
            )
        csv = entry.release == "csv"
        return SourceFile(
            undl.csv_name if csv else undl.dictionary_name,
            undl.csv_url if csv else undl.dictionary_url,
            entry.required,
            licence,
            entry.description.replace("{date}", f"{undl.date:%d %b %Y}"),
            resolved=undl.found_by in ("file API", "record page"),
        )

    def _yearly(self, year: int, undl: UndlRelease) -> list[SourceFile]:
        y, files = self.yearly, []
        for entry in range(y.first_year, year + 1):
            files.append(
                SourceFile(
                    y.name.replace("{year}", str(entry)),
                    y.url.replace("{year}", str(entry)),
                    entry < year,
                    self.licences[y.licence],
                    y.description.replace("{year}", str(entry)),
                )
            )
            # entries pinned to this year follow its table (the 2020 written-procedure table)
            files += [self._source(e, undl) for e in self.files if e.year == entry]
        return files


# --- reading and checking --------------------------------------------------------------------


class _Fields:
    """Typed access to one table of the TOML file, each miss an error naming file, entry and field."""

    def __init__(self, path: str, where: str, table: Any, allowed: set[str]) -> None:
        self.path, self.where = path, where
        if not isinstance(table, dict):
            self.fail(f"must be a table, not {type(table).__name__}")
        unknown = sorted(set(table) - allowed)
        if unknown:
            self.fail(f"unknown field {unknown[0]!r} (expected: {', '.join(sorted(allowed))})")
        self.table: dict[str, Any] = table

    def fail(self, message: str) -> None:
        raise CatalogueError(f"{self.path}: {self.where}: {message}")

    def get(self, key: str, kind: type, required: bool = True) -> Any:
        if key not in self.table:
            if required:
                self.fail(f"missing field {key!r}")
            return None
        value = self.table[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(f"field {key!r} must be {kind.__name__}, not {type(value).__name__} ({value!r})")
        return value


def _github_raw(repo: str, commit: str, path: str) -> str:
    return f"https://raw.githubusercontent.com/{repo}/{commit}/{quote(path)}"


def _entry(path: str, i: int, raw: Any, licences: dict[str, str]) -> CatalogueEntry:
    label = raw.get("name") or raw.get("release") if isinstance(raw, dict) else None
    f = _Fields(
        path,
        f"[[file]] entry {i}" + (f" ({label!r})" if label else ""),
        raw,
        {"name", "url", "github", "release", "required", "licence", "description", "sha256", "archive_member", "year"},
    )
    origins = [k for k in ("url", "github", "release") if k in f.table]
    if len(origins) != 1:
        f.fail(f"needs exactly one of 'url', 'github' or 'release', not {origins or 'none'}")
    release = f.get("release", str, False)
    if release is not None and release not in _RELEASE_FILES:
        f.fail(f"field 'release' must be one of {', '.join(_RELEASE_FILES)}, not {release!r}")
    name = f.get("name", str, release is None)
    if release is not None and name is not None:
        f.fail("a 'release' entry takes its name from the discovered release: drop 'name'")
    url = f.get("url", str, False)
    if "github" in f.table:
        g = _Fields(path, f.where + ", field 'github'", f.table["github"], {"repo", "commit", "path"})
        commit = g.get("commit", str)
        if not re.fullmatch(r"[0-9a-f]{40}", commit):
            g.fail(f"field 'commit' must be 40 lowercase hex digits, not {commit!r}")
        url = _github_raw(g.get("repo", str), commit, g.get("path", str))
    licence = f.get("licence", str)
    if licence not in licences:
        f.fail(f"licence {licence!r} is not a key of [licences] ({', '.join(sorted(licences))})")
    sha = f.get("sha256", str, False)
    if sha is not None and not _SHA256.fullmatch(sha):
        f.fail(f"field 'sha256' must be 64 lowercase hex digits, not {sha!r}")
    return CatalogueEntry(
        name,
        url,
        release,
        f.get("required", bool),
        licence,
        f.get("description", str),
        sha,
        f.get("archive_member", str, False),
        f.get("year", int, False),
    )


def _yearly(path: str, raw: Any, licences: dict[str, str], names: set[str]) -> YearlyTables:
    f = _Fields(path, "[yearly]", raw, {"first_year", "name", "url", "licence", "description", "after"})
    y = YearlyTables(
        f.get("first_year", int),
        f.get("name", str),
        f.get("url", str),
        f.get("licence", str),
        f.get("description", str),
        f.get("after", str),
    )
    for key in ("name", "url"):
        if "{year}" not in getattr(y, key):
            f.fail(f"field {key!r} must contain {{year}}")
    if y.licence not in licences:
        f.fail(f"licence {y.licence!r} is not a key of [licences]")
    if y.after not in names:
        f.fail(f"field 'after' names no [[file]] entry: {y.after!r}")
    return y


def parse_catalogue(text: str, path: str = "<catalogue>") -> Catalogue:
    """Check a catalogue given as TOML text (``path`` names it in errors).

    >>> parse_catalogue("version = 2", "x.toml")
    Traceback (most recent call last):
    ...
    unsc.record.sync_catalogue.CatalogueError: x.toml: top level: version 2 is not supported (this unsc reads version 1)
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise CatalogueError(f"{path}: not valid TOML: {e}") from None
    top = _Fields(path, "top level", doc, {"version", "licences", "yearly", "file"})
    version = top.get("version", int)
    if version != 1:
        top.fail(f"version {version} is not supported (this unsc reads version 1)")
    lic = _Fields(path, "[licences]", top.get("licences", dict), set(top.table["licences"]))
    licences = {k: lic.get(k, str) for k in lic.table}
    raw_files = top.get("file", list)
    files = tuple(_entry(path, i, raw, licences) for i, raw in enumerate(raw_files, 1))
    names = [e.name for e in files if e.name]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        top.fail(f"file {dupes[0]!r} is listed twice")
    yearly = _yearly(path, top.get("yearly", dict), licences, set(names))
    return Catalogue(path, licences, files, yearly)


@lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> Catalogue:
    """Read and check the catalogue (the one shipped with unsc by default).

    >>> load_catalogue().yearly.first_year
    1946
    """
    path = path or CATALOGUE_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CatalogueError(f"{path}: cannot read the sync catalogue: {e.strerror or e}") from None
    return parse_catalogue(text, str(path))
