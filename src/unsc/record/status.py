"""What the user's data is: the synced sources (versions, download dates) and the period the store covers.

:func:`status` reads ``sync-manifest.json`` in the sources directory (written by ``unsc sync``)
and the store's own record of its build (files read, build time) and decisions (first and last
date, per source). Either may be absent: a store built with ``unsc build --from DIR`` has no
sync manifest, and a fresh sync with ``--no-build`` has no store.

>>> s = status(store=Path("/nonexistent/unsc.duckdb"), sources=Path("/nonexistent/sources"))
>>> s.store_exists, s.synced_at, s.first, s.files
(False, None, None, ())
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unsc.record import config
from unsc.record.sync import read_sync_record
from unsc.record.sync_discover import UndlRelease

__all__ = ["Coverage", "SourceStatus", "StoreStatus", "status"]


@dataclass(frozen=True, slots=True)
class SourceStatus:
    """One synced file: its local name, what it is, its version (the UNDL voting data) and download time."""

    name: str
    description: str
    version: str | None
    fetched_at: str | None
    bytes: int | None
    url: str | None


@dataclass(frozen=True, slots=True)
class Coverage:
    """The decisions one source contributed to the store, and their first and last dates."""

    source: str
    decisions: int
    first: _dt.date | None
    last: _dt.date | None


@dataclass(frozen=True)
class StoreStatus:
    """The sources and the store, as ``unsc status`` prints them."""

    store_path: Path
    sources_dir: Path
    store_exists: bool = False
    built_at: str | None = None
    built_from: dict[str, str] = field(default_factory=dict)  # source id -> file name read by the build
    decisions: int = 0
    first: _dt.date | None = None
    last: _dt.date | None = None
    coverage: tuple[Coverage, ...] = ()
    synced_at: str | None = None
    base_url: str | None = None
    undl: UndlRelease | None = None
    files: tuple[SourceStatus, ...] = ()
    problem: str | None = None  # why the store could not be read, if it could not

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings).

        >>> StoreStatus(Path("s.duckdb"), Path("src")).as_dict()["store"]["exists"]
        False
        """

        def iso(d: _dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "store": {
                "path": str(self.store_path),
                "exists": self.store_exists,
                "built_at": self.built_at,
                "built_from": self.built_from,
                "decisions": self.decisions,
                "first": iso(self.first),
                "last": iso(self.last),
                "coverage": [
                    {"source": c.source, "decisions": c.decisions, "first": iso(c.first), "last": iso(c.last)}
                    for c in self.coverage
                ],
                "problem": self.problem,
            },
            "sources": {
                "dir": str(self.sources_dir),
                "synced_at": self.synced_at,
                "base_url": self.base_url,
                "undl": self.undl.as_dict() if self.undl else None,
                "files": [
                    {
                        "name": f.name,
                        "description": f.description,
                        "version": f.version,
                        "fetched_at": f.fetched_at,
                        "bytes": f.bytes,
                        "url": f.url,
                    }
                    for f in self.files
                ],
            },
        }


def _date(value: Any) -> _dt.date | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        day: _dt.date = pd.Timestamp(value).date()  # pandas has no type stubs here: say what it gives
        return day
    except (TypeError, ValueError):
        return None


def _undl(record: dict[str, Any]) -> UndlRelease | None:
    u = record.get("undl")
    if not isinstance(u, dict) or not isinstance(u.get("version"), str):
        return None
    return UndlRelease(
        u["version"],
        str(u.get("csv_url") or ""),
        str(u.get("dictionary_url") or ""),
        str(u.get("found_by") or ""),
        tuple(u.get("versions") or ()),
        str(u.get("note") or ""),
    )


def _describe(name: str) -> str:
    from unsc.record.sync import manifest

    for e in manifest():
        if e.name == name:
            return e.description
    if name.endswith("_sc_voting.csv"):
        return "UN Digital Library, Security Council Voting Data"
    if name.startswith("undl_sc_voting_data_dictionary_"):
        return "UN Digital Library, Security Council Voting Data: data dictionary"
    if name.startswith("dhl_html/scact") and name[14:18].isdigit():
        return f"Dag Hammarskjöld Library, Security Council Meetings & Outcomes Tables, {name[14:18]}"
    return ""


def _read_store(path: Path) -> dict[str, Any]:
    from unsc.record.store import open_store

    out: dict[str, Any] = {}
    with open_store(path) as s:
        tables = set(s.sql("SELECT table_name FROM information_schema.tables")["table_name"])
        if "build_info" in tables:
            df = s.sql("SELECT key, value FROM build_info")
            info = dict(zip(df["key"], df["value"], strict=True))
            out["built_at"] = info.get("built_at")
            try:
                files = json.loads(info.get("files") or "{}")
            except ValueError:
                files = {}
            out["built_from"] = {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
        if "decisions" in tables:
            row = s.sql("SELECT count(*) AS n, min(date) AS first, max(date) AS last FROM decisions").iloc[0]
            out["decisions"], out["first"], out["last"] = int(row["n"]), _date(row["first"]), _date(row["last"])
            try:
                df = s.sql(
                    "SELECT src, count(*) AS n, min(date) AS first, max(date) AS last "
                    "FROM (SELECT unnest(sources) AS src, date FROM decisions) GROUP BY src ORDER BY src"
                )
                out["coverage"] = tuple(
                    Coverage(str(r.src), int(r.n), _date(r.first), _date(r.last)) for r in df.itertuples()
                )
            except Exception:  # a store without a per-decision source list: no breakdown
                out["coverage"] = ()
    return out


def status(store: Path | None = None, sources: Path | None = None) -> StoreStatus:
    """The status of ``store`` (default ``config.store_path()``) and ``sources`` (default ``config.sources_dir()``)."""
    store = Path(store) if store is not None else config.store_path()
    sources = Path(sources) if sources is not None else config.sources_dir()
    record = read_sync_record(sources)
    undl = _undl(record)
    files = []
    for name, rec in sorted((record.get("files") or {}).items()):
        if not isinstance(rec, dict):
            continue
        version = undl.version if undl and name in (undl.csv_name, undl.dictionary_name) else None
        files.append(
            SourceStatus(name, _describe(name), version, rec.get("fetched_at"), rec.get("bytes"), rec.get("url"))
        )
    fields: dict[str, Any] = {}
    problem = None
    if store.is_file():
        try:
            fields = _read_store(store)
        except Exception as exc:  # a broken store is reported, not raised: status must always answer
            problem = f"cannot read the store {store}: {exc}"
    return StoreStatus(
        store_path=store,
        sources_dir=sources,
        store_exists=store.is_file(),
        synced_at=record.get("synced_at"),
        base_url=record.get("base_url"),
        undl=undl,
        files=tuple(files),
        problem=problem,
        **fields,
    )
