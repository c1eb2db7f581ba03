"""A local imitation of the servers ``unsc sync`` downloads from, on 127.0.0.1 (shared by the sync tests
and benchmarks/bench_sync.py).

It serves the real data directory under its local names (the layout ``--base-url`` expects), with
ETag / Last-Modified / 304 and faults a test injects per file, and imitates the UN Digital
Library's endpoints for the voting data: the file API (``/api/v1/file?recid=4055387``, a JSON
list of dated versions), the record page (``/record/4055387``, HTML links) and the files
(``/record/4055387/files/NAME``). The official voting CSV is not in the shared data, so the
imitation serves small CSVs generated here from public facts (:data:`FACTS`) in the 20-column
layout of the data dictionary. The Library's yearly tables that the shared data lacks (after
2022) are generated from the real third-party vote file, one adopted resolution per year, in the
layout of the real tables. Nothing generated is written to the repository.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from unsc.record import sync as S

# --- the mirror --------------------------------------------------------------------------------------


class Mirror:
    """State shared with the handler. ``faults[name]`` is one of:

    * ``"404"`` / ``"500"``: that status, every time;
    * ``"flaky"``: 503 on the first request for the file, then normal;
    * ``"truncate"``: the full Content-Length, half the body, then the connection is cut;
    * ``"slow"``: the full Content-Length, then the body 512 bytes every ``slow_pause`` seconds;
    * ``"bad-digest"``: a ``Repr-Digest`` header that does not match the body;
    * ``"no-conditional"``: ignore If-None-Match / If-Modified-Since.

    ``bodies[name]`` replaces the file's bytes (a changed, corrupted or wrong file, or an
    imitated endpoint such as ``api/v1/file``); ``name`` is the URL path without its leading
    slash (and without the query).
    """

    def __init__(self, root: Path):
        self.root = root
        self.faults: dict[str, str] = {}
        self.bodies: dict[str, bytes] = {}
        self.log: list[tuple[str, int, dict[str, str]]] = []
        self.sent: dict[str, int] = {}  # body bytes written so far, per name
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.slow_pause = 0.2
        self.url = ""

    def statuses(self, name: str) -> list[int]:
        """The statuses the mirror answered for ``name``, in order."""
        with self.lock:
            return [status for n, status, _ in self.log if n == name]

    def requests_for(self, name: str) -> list[dict[str, str]]:
        with self.lock:
            return [headers for n, _, headers in self.log if n == name]

    def requested(self) -> list[str]:
        """Every name asked for, in order."""
        with self.lock:
            return [n for n, _, _ in self.log]

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()


def _content_type(name: str) -> str:
    if name.startswith("api/"):
        return "application/json"
    if name.endswith((".html", ".htm")) or (name.startswith("record/") and "/files/" not in name):
        return "text/html; charset=utf-8"
    if name.endswith(".csv"):
        return "text/csv; charset=utf-8"
    return "application/octet-stream"


def _handler(mirror: Mirror) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # no 40 ms stalls between the header and body writes

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def _record(self, name: str, status: int) -> None:
            with mirror.lock:
                mirror.log.append((name, status, {k.lower(): v for k, v in self.headers.items()}))

        def _send_status(self, name: str, status: int) -> None:
            self._record(name, status)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_GET(self) -> None:
            try:
                self._get()
            except (BrokenPipeError, ConnectionResetError):  # the client went away (killed, or gave up)
                self.close_connection = True

        def _get(self) -> None:
            name = unquote(urlsplit(self.path).path).lstrip("/")
            fault = mirror.faults.get(name)
            path = mirror.root / name
            if fault == "404" or (
                name not in mirror.bodies
                and not (path.is_file() and path.resolve().is_relative_to(mirror.root.resolve()))
            ):
                return self._send_status(name, 404)
            if fault == "500":
                return self._send_status(name, 500)
            if fault == "flaky" and not mirror.statuses(name):
                return self._send_status(name, 503)
            body = mirror.bodies[name] if name in mirror.bodies else path.read_bytes()
            sha = hashlib.sha256(body).digest()
            etag = '"' + sha.hex()[:20] + '"'
            mtime = path.stat().st_mtime if path.is_file() else 0.0
            last_modified = formatdate(mtime, usegmt=True)
            if fault != "no-conditional":
                inm = self.headers.get("If-None-Match")
                ims = self.headers.get("If-Modified-Since")
                if (inm is not None and inm == etag) or (inm is None and ims == last_modified):
                    self._record(name, 304)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return None
            self._record(name, 200)
            self.send_response(200)
            self.send_header("Content-Type", _content_type(name))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", last_modified)
            digest = hashlib.sha256(b"not the body").digest() if fault == "bad-digest" else sha
            self.send_header("Repr-Digest", "sha-256=:" + base64.b64encode(digest).decode() + ":")
            self.end_headers()
            if fault == "truncate":
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return None
            if fault == "slow":
                for i in range(0, len(body), 512):
                    if mirror.stopped.is_set():
                        break
                    self.wfile.write(body[i : i + 512])
                    self.wfile.flush()
                    with mirror.lock:
                        mirror.sent[name] = mirror.sent.get(name, 0) + len(body[i : i + 512])
                    time.sleep(mirror.slow_pause)
                return None
            self.wfile.write(body)
            return None

    return Handler


@contextmanager
def serve(root: Path) -> Iterator[Mirror]:
    """Serve ``root`` on a free loopback port for the duration of the block."""
    mirror = Mirror(root)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(mirror))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    mirror.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield mirror
    finally:
        mirror.stopped.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- the UN Digital Library's voting data, imitated ----------------------------------------------------


@dataclass(frozen=True)
class Facts:
    """One adopted resolution as the public record has it (date, meeting, tally, who did not vote yes).

    Each was checked against the Library's yearly table in the shared data (meeting, date, tally).
    """

    number: int
    year: int
    date: str
    meeting: str
    agenda: str
    members: tuple[tuple[str, str], ...]  # (ISO code, name) of the 15 members that day
    no: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()


P5 = (
    ("CHN", "China"),
    ("FRA", "France"),
    ("RUS", "Russian Federation"),
    ("GBR", "United Kingdom of Great Britain and Northern Ireland"),
    ("USA", "United States of America"),
)
COUNCIL_2011 = (
    *P5,
    ("BIH", "Bosnia and Herzegovina"),
    ("BRA", "Brazil"),
    ("COL", "Colombia"),
    ("GAB", "Gabon"),
    ("DEU", "Germany"),
    ("IND", "India"),
    ("LBN", "Lebanon"),
    ("NGA", "Nigeria"),
    ("PRT", "Portugal"),
    ("ZAF", "South Africa"),
)
COUNCIL_2015 = (
    *P5,
    ("AGO", "Angola"),
    ("TCD", "Chad"),
    ("CHL", "Chile"),
    ("JOR", "Jordan"),
    ("LTU", "Lithuania"),
    ("MYS", "Malaysia"),
    ("NZL", "New Zealand"),
    ("NGA", "Nigeria"),
    ("ESP", "Spain"),
    ("VEN", "Venezuela (Bolivarian Republic of)"),
)
COUNCIL_2016 = (
    *P5,
    ("AGO", "Angola"),
    ("EGY", "Egypt"),
    ("JPN", "Japan"),
    ("MYS", "Malaysia"),
    ("NZL", "New Zealand"),
    ("SEN", "Senegal"),
    ("ESP", "Spain"),
    ("UKR", "Ukraine"),
    ("URY", "Uruguay"),
    ("VEN", "Venezuela (Bolivarian Republic of)"),
)
COUNCIL_2022 = (
    *P5,
    ("ALB", "Albania"),
    ("BRA", "Brazil"),
    ("GAB", "Gabon"),
    ("GHA", "Ghana"),
    ("IND", "India"),
    ("IRL", "Ireland"),
    ("KEN", "Kenya"),
    ("MEX", "Mexico"),
    ("NOR", "Norway"),
    ("ARE", "United Arab Emirates"),
)

FACTS = {
    1973: Facts(
        1973,
        2011,
        "2011-03-17",
        "S/PV.6498",
        "The situation in Libya",
        COUNCIL_2011,
        abstain=("BRA", "CHN", "DEU", "IND", "RUS"),
    ),
    2231: Facts(2231, 2015, "2015-07-20", "S/PV.7488", "Non-proliferation", COUNCIL_2015),
    2334: Facts(
        2334,
        2016,
        "2016-12-23",
        "S/PV.7853",
        "The situation in the Middle East, including the Palestinian question",
        COUNCIL_2016,
        abstain=("USA",),
    ),
    2623: Facts(
        2623,
        2022,
        "2022-02-27",
        "S/PV.8980",
        "Letter dated 28 February 2014 from the Permanent Representative of Ukraine to the United Nations "
        "addressed to the President of the Security Council (S/2014/136)",
        COUNCIL_2022,
        no=("RUS",),
        abstain=("CHN", "IND", "ARE"),
    ),
}

#: the versions the imitated Library publishes: each adds resolutions to the one before
VERSIONS = {
    "2025_11_25": (1973, 2231),
    "2025_12_09": (1973, 2231, 2334),
    "2026_02_06": (1973, 2231, 2334, 2623),
}
NEWEST = "2026_02_06"
OLDER = "2025_12_09"

PERMANENT = {code for code, _ in P5}


def voting_csv(numbers: tuple[int, ...]) -> bytes:
    """The official voting CSV (20 columns, one row per member per resolution) for these resolutions."""
    from unsc.record.sources.undl_csv import COLUMNS

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for number in numbers:
        f = FACTS[number]
        votes = {code: "N" if code in f.no else "A" if code in f.abstain else "Y" for code, _ in f.members}
        totals = {v: sum(1 for x in votes.values() if x == v) for v in "YNAX"}
        for code, name in f.members:
            writer.writerow(
                {
                    "undl_id": "",
                    "ms_code": code,
                    "ms_name": name,
                    "permanent_member": "True" if code in PERMANENT else "False",
                    "ms_vote": votes[code],
                    "date": f.date,
                    "resolution": f"S/RES/{number}({f.year})",
                    "draft": "",
                    "meeting": f.meeting,
                    "description": f"{number} ({f.year}) {f.agenda}",
                    "agenda": f.agenda,
                    "subjects": "",
                    "vote_note": "",
                    "total_yes": totals["Y"],
                    "total_no": totals["N"],
                    "total_abstentions": totals["A"],
                    "total_non_voting": totals["X"],
                    "total_ms": len(f.members),
                    "modality": "Voting",
                    "undl_link": "",
                }
            )
    return out.getvalue().encode()


def dictionary_md(version: str, data_dir: Path) -> bytes:
    """The data dictionary of ``version``: the real one for the version in the shared data, else a short stand-in."""
    real = data_dir / f"undl_sc_voting_data_dictionary_{version}.md"
    if real.is_file():
        return real.read_bytes()
    return f"# UN Security Council Voting Data: Description and Terms of Use\n\nVersion of {version}\n".encode()


FILES = "record/4055387/files"


def listing(versions: list[str], base: str = "https://digitallibrary.un.org") -> list[dict[str, object]]:
    """The file API's answer: each version's CSV and data dictionary, out of order, plus files to ignore."""
    items: list[dict[str, object]] = []
    for v in versions:
        items.append({"name": f"{v}_sc_voting_md", "format": ".md", "url": f"{base}/{FILES}/{v}_sc_voting_md.md"})
        items.append({"name": f"{v}_sc_voting", "format": ".csv", "url": f"{base}/{FILES}/{v}_sc_voting.csv"})
    items.append({"name": "2026_13_45_sc_voting", "format": ".csv", "url": f"{base}/{FILES}/bogus.csv"})  # no date
    items.append({"name": "sc_voting_readme", "format": ".pdf", "url": f"{base}/{FILES}/sc_voting_readme.pdf"})
    # newest neither first nor last: the order of the list must not matter
    return items[2:4] + items[-2:] + items[4:-2] + items[:2]


def record_page(versions: list[str]) -> str:
    """The record page's HTML: links to each file (relative, with ``?ln=en``), as the Library renders them."""
    links = "".join(
        f'<li><a href="/{FILES}/{v}_sc_voting.csv?ln=en">{v}_sc_voting.csv</a> '
        f'<a href="/{FILES}/{v}_sc_voting_md.md?ln=en">{v}_sc_voting_md.md</a></li>'
        for v in versions
    )
    return (
        "<!DOCTYPE html><html><head><title>Security Council voting data</title>"
        '<meta name="citation_title" content="Security Council Voting Data"></head>'
        f'<body><h1>United Nations Security Council voting data</h1><ul class="files">{links}</ul></body></html>'
    )


def imitate_undl(mirror: Mirror, data_dir: Path, versions: list[str] | None = None) -> dict[str, bytes]:
    """Make ``mirror`` answer the Library's file API, record page and files for ``versions``; returns the CSVs."""
    versions = versions if versions is not None else list(VERSIONS)
    csvs = {v: voting_csv(VERSIONS[v]) for v in versions}
    mirror.bodies["api/v1/file"] = json.dumps(listing(versions)).encode()
    mirror.bodies["record/4055387"] = record_page(versions).encode()
    for v in versions:
        mirror.bodies[f"{FILES}/{v}_sc_voting.csv"] = csvs[v]
        mirror.bodies[f"{FILES}/{v}_sc_voting_md.md"] = dictionary_md(v, data_dir)
    return csvs


# --- the Library's yearly tables after the shared data's last year ---------------------------------------

_TABLE_HEAD = """<html>
<table class="tablefont" summary="Meetings conducted by the Security Council">
  <tr>
    <th colspan="5" class="tbltitle">Meetings conducted  by the Security Council in {year}<br/>
      (in reverse chronological order)</th>
  </tr>
  <tr>
    <th width="15%">Meeting<br />
    Record</th>
    <th width="15%">Date</th>
    <th width="15%">Press<br />
      Release</th>
    <th width="30%">Topic</th>
    <th width="25%">Security Council<br> Outcome / Vote</th>
  </tr>
"""
_TABLE_ROW = """<tr>
    <td><a target="top" href="https://undocs.org/en/{meeting}">{meeting}</a></td>
       <td>{day}</td>
  <td></td>
  <td>{topic}</td>
      <td><a target="top" href="https://undocs.org/en/S/RES/{number}({year})">S/RES/{number} ({year})</a><br>{tally}<br></td>
</tr>
"""


def recent_tables(data_dir: Path, through: int) -> dict[str, bytes]:
    """Yearly tables for the years after the shared data's last one, up to ``through`` (inclusive).

    Each holds one real meeting: the first resolution of that year adopted unanimously by a
    recorded vote in the third-party vote file (1994-2025), with its meeting, date and agenda item.
    A year that file does not reach is left out (the imitation then answers 404 for it).
    """
    import pandas as pd

    have = {p.name for p in (data_dir / "dhl_html").glob("scact*_table_en.html")}
    years = [y for y in range(1946, through + 1) if f"scact{y}_table_en.html" not in have]
    if not years:
        return {}
    df = pd.read_excel(data_dir / "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx", engine="openpyxl")
    df = df[df["Year"].isin(years)]
    out: dict[str, bytes] = {}
    for year, rows in df.groupby("Year"):
        ok = rows[
            rows["Resolution"].astype(str).str.match(r"S/RES/\d+ ?\(\d{4}\)$")
            & rows["Meeting"].astype(str).str.match(r"S/PV\.\d+$")
        ]
        by_draft = ok.groupby("ID").filter(lambda g: len(g) == 15 and (g["Vote"] == "Yes").all())
        if by_draft.empty:
            continue
        first = by_draft.sort_values("Date,").iloc[0]
        number = int(str(first["Resolution"]).split("/")[2].split("(")[0])
        date = pd.Timestamp(first["Date,"])
        row = _TABLE_ROW.format(
            meeting=first["Meeting"],
            day=f"{date.day} {date:%B}",
            topic=first["Agenda item"],
            number=number,
            year=int(year),
            tally="15-0-0",
        )
        out[f"dhl_html/scact{int(year)}_table_en.html"] = (
            _TABLE_HEAD.format(year=int(year)) + row + "</table>\n</html>\n"
        ).encode()
    return out


# --- helpers for the tests ---------------------------------------------------------------------------------

SUBSET = [
    "dhl_html/scact1946_table_en.html",
    "dhl_html/scact1947_table_en.html",
    "unsc_membership_by_year_1946_2027_dppa.csv",
    "unsc_vetoes_1946_2022_wpdl.csv",
]
MEMBERSHIP = "unsc_membership_by_year_1946_2027_dppa.csv"
WPDL = "unsc_vetoes_1946_2022_wpdl.csv"
Y1946 = "dhl_html/scact1946_table_en.html"


def run(mirror: Mirror, only: list[str] | None = SUBSET, **kw: object) -> S.SyncReport:
    kw.setdefault("build", False)
    kw.setdefault("backoff", 0.0)
    kw.setdefault("retries", 2)
    return S.sync(base_url=mirror.url, only=only, **kw)  # type: ignore[arg-type]


def status(report: S.SyncReport) -> dict[str, str]:
    return {f.name: f.status for f in report.files}


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` with its bytes (the whole state a failed sync must not touch)."""
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def leftovers(home: Path) -> list[str]:
    """Temporary files or directories a sync left in ``home``."""
    return sorted(p.name for p in home.iterdir() if p.name.startswith(".") and p.name != ".sync.lock")


def marker_builder(calls: list[Path]) -> S.Builder:
    """A stand-in for the store build (used only where the test is about the swap, not the store):
    writes a file naming the sources it was given."""

    def build(from_dir: Path, store_file: Path, progress: S.SyncProgress) -> None:
        calls.append(from_dir)
        names = sorted(str(p.relative_to(from_dir)) for p in from_dir.rglob("*") if p.is_file())
        store_file.write_text("\n".join(names))

    return build


def available(data_dir: Path) -> list[str]:
    """The manifest's files that the shared data has (the UNDL voting CSV is not among them)."""
    names = {e.name for e in S.manifest()}
    return sorted(str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if str(p.relative_to(data_dir)) in names)
