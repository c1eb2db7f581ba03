"""Web benchmark: uncached decision JSON, ``POST /api/decide`` and the vote page, each next to the
same server answering a static string (``/healthz``), in one run, as users meet them.

``.venv/bin/python benchmarks/bench_web.py [--quick] [--store PATH]``

* The server is ``unsc serve`` itself (a child process on a free port of 127.0.0.1), with its
  default log level, so the access log is on as users run it (written to a file here).
* The load tool is ``wrk`` (Debian package ``wrk``; C, one thread, keep-alive connections), so the
  client is not the bottleneck; without it, an asyncio httpx client in one process is used and the
  rows say so.
* ``json_decision_uncached``: every request asks for a different symbol (every draft and every
  resolution in the store, in a shuffled order), on a server started afresh for each round, so no answer comes from
  the cache; a row notes it if a round outran the distinct symbols. ``json_decision_cached`` asks
  for one symbol again and again (for comparison). ``decide``: ``POST /api/decide`` with a fixed
  ballot (not cached by the server).
* Rounds: the server restarts each round; in each round every endpoint is measured for the same
  duration, and the median round is kept (by throughput), its p50 and p99 latencies reported.
* ``first_request``: the first decision a fresh server answers as JSON and as a page (it opens the
  store and its lookup file and loads the decisions index, once per process), median over rounds.
* ``uncached_decision_breakdown``: where one uncached decision's time goes, in this process
  (``decisions index`` look-up, ``RecordedDecision.from_row``, the rules engine's ruling, the JSON),
  best of several passes over 500 decisions; ``lookup_total`` is the same answer read from the
  store's lookup file, as the server answers it when the file is up to date (the row
  ``json_decision_uncached`` says whether it was: ``lookup_file``).

Prints one JSON line per endpoint: requests per second, p50 and p99 (ms), ``ratio`` = the median
over rounds of its throughput over the static string's in the same round (higher is better), the goal beside it (issue 14:
uncached decision and decide >= 0.5 of static) and whether it is met.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
DECIDE_BODY = {
    "date": "2024-03-25",
    "yes": ["DZA", "CHN", "ECU", "FRA", "GUY", "JPN", "MLT", "MOZ", "KOR", "RUS", "SLE", "SVN", "CHE", "GBR"],
    "abstain": ["USA"],
}
GOALS = {"json_decision_uncached": 0.5, "decide": 0.5}
WRK_SCRIPT = r"""
local paths = {}
local body = os.getenv("BENCH_BODY")
if os.getenv("BENCH_PATHS") then
  for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
end
local i = 0
request = function()
  if body then
    return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
  end
  if #paths == 0 then return wrk.format("GET") end
  i = i + 1
  return wrk.format("GET", paths[((i - 1) % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH {\"requests\":%d,\"duration_us\":%d,\"p50_us\":%d,\"p99_us\":%d,\"errors\":%d,\"non2xx\":%d}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_store(path: str | None, tmp: Path) -> Path:
    if path:
        return Path(path)
    data = os.environ.get("UNSC_DATA_DIR") or str(ROOT.parent / "shared" / "data")
    if not (Path(data) / "SOURCES.md").exists():
        raise SystemExit(f"no store given and no data at {data}: pass --store PATH or set UNSC_DATA_DIR")
    from unsc.record.build import build

    store = tmp / "unsc.duckdb"
    build(Path(data), store)
    return store


def symbols(store: Path) -> list[str]:
    """Every name of a decision the API takes: its draft symbol and its resolution (``2728 (2024)``), each
    a different request path, so a server that answers faster than one request per decision per round
    still meets no cached answer (the cache is by the symbol asked for)."""
    import duckdb

    with duckdb.connect(str(store), read_only=True) as con:
        rows = con.sql("select draft from decisions where draft is not null union select resolution from decisions")
        out = sorted({r[0] for r in rows.fetchall() if r[0]})
    random.Random(14).shuffle(out)
    return out


class Server:
    """``unsc serve`` in a child process, access log to a file; stopped on exit."""

    def __init__(self, store: Path, log: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log.open("ab")
        cmd = [sys.executable, "-c", "from unsc.cli import main; main()", "serve", "--store", str(store)]
        env = os.environ | {"PYTHONPATH": str(ROOT / "src")}
        self.proc = subprocess.Popen([*cmd, "--port", str(self.port)], stdout=self.log, stderr=self.log, env=env)

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.base + "/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.__exit__()
                raise SystemExit("the server did not start")
            time.sleep(0.1)

    def __exit__(self, *_: object) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def run_wrk(url: str, seconds: int, conns: int, paths: Path | None, body: str | None, tmp: Path) -> dict:
    script = tmp / "bench.lua"
    script.write_text(WRK_SCRIPT)
    env = dict(os.environ)
    env.pop("BENCH_PATHS", None)
    env.pop("BENCH_BODY", None)
    if paths:
        env["BENCH_PATHS"] = str(paths)
    if body:
        env["BENCH_BODY"] = body
    cmd = ["wrk", "-t1", f"-c{conns}", f"-d{seconds}s", "-s", str(script), url]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH "))
    r = json.loads(line[6:])
    return {
        "requests": r["requests"],
        "rps": r["requests"] / (r["duration_us"] / 1e6),
        "p50_ms": r["p50_us"] / 1000,
        "p99_ms": r["p99_us"] / 1000,
        "failed": r["errors"] + r["non2xx"],
    }


def run_httpx(url: str, seconds: float, conns: int, paths: list[str] | None, body: str | None) -> dict:
    async def go() -> dict:
        lat: list[float] = []
        failed = 0
        it = iter(range(10**9))
        deadline = time.perf_counter() + seconds
        async with httpx.AsyncClient(timeout=10, limits=httpx.Limits(max_connections=conns)) as c:

            async def worker() -> None:
                nonlocal failed
                while time.perf_counter() < deadline:
                    i = next(it)
                    t = time.perf_counter()
                    if body:
                        r = await c.post(url, content=body, headers={"Content-Type": "application/json"})
                    else:
                        r = await c.get(url.rstrip("/") + paths[i % len(paths)] if paths else url)
                    lat.append((time.perf_counter() - t) * 1000)
                    failed += r.status_code != 200

            start = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(conns)))
            wall = time.perf_counter() - start
        lat.sort()
        return {
            "requests": len(lat),
            "rps": len(lat) / wall,
            "p50_ms": lat[len(lat) // 2],
            "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))],
            "failed": failed,
        }

    return asyncio.run(go())


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer and shorter rounds")
    ap.add_argument("--store", help="the store to serve (default: build one from the real data)")
    ap.add_argument("--connections", type=int, default=16)
    args = ap.parse_args(argv)
    rounds, seconds = (3, 2) if args.quick else (5, 3)
    wrk = shutil.which("wrk") is not None
    client = "wrk 1 thread" if wrk else "httpx asyncio (wrk not installed: the client may be the bottleneck)"
    runs: dict[str, list[dict]] = {}
    first: list[float] = []
    distinct = 0
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        store = ensure_store(args.store, tmp)
        syms = symbols(store)
        distinct = len(syms)
        paths_file = tmp / "paths.txt"
        paths = ["/api/decisions/" + quote(s, safe="/") for s in syms[1:]]
        paths_file.write_text("\n".join(paths) + "\n")
        body = json.dumps(DECIDE_BODY)
        for _ in range(rounds):
            with Server(store, tmp / "access.log") as srv:
                # open the store, its lookup file and the decisions index (once per server, not per page):
                # timed apart. The JSON of a symbol the lookup file knows does not load the index, the
                # first page does; both are asked here, so that no measured round pays either.
                t = time.perf_counter()
                httpx.get(srv.base + "/api/decisions/" + quote(syms[0], safe="/"), timeout=30).raise_for_status()
                page = srv.base + "/decisions/" + quote(syms[0], safe="/")
                httpx.get(page, timeout=30, follow_redirects=True).raise_for_status()
                first.append((time.perf_counter() - t) * 1000)
                cases = {
                    "static_string": (srv.base + "/healthz", None, None),
                    "json_decision_uncached": (srv.base, paths_file if wrk else paths, None),
                    "json_decision_cached": (srv.base + "/api/decisions/S/2024/239", None, None),
                    "decide": (srv.base + "/api/decide", None, body),
                    "vote_page_cached": (srv.base + "/decisions/S/2024/239", None, None),
                }
                for name, (url, p, b) in cases.items():
                    if wrk:
                        r = run_wrk(url, seconds, args.connections, p, b, tmp)  # type: ignore[arg-type]
                    else:
                        r = run_httpx(url, seconds, args.connections, p, b)  # type: ignore[arg-type]
                    runs.setdefault(name, []).append(r)
        log_lines = sum(1 for _ in (tmp / "access.log").open("rb"))
        parts = breakdown(store)
        try:
            from unsc.record.store import Lookup
        except ImportError:  # a version of unsc before the lookup file (comparing versions)
            found, lookup = None, "none in this version: each uncached decision is rebuilt from the decisions index"
        else:
            found = Lookup.open(store)
            lookup = (
                "in use: each uncached decision is one read of the store's lookup file (written by the build)"
                if found is not None
                else "absent or out of date: each uncached decision is rebuilt from the decisions index"
            )
        if found is not None:
            found.close()
    statics = [x["rps"] for x in runs["static_string"]]
    for name, rs in runs.items():
        r = sorted(rs, key=lambda x: x["rps"])[rounds // 2]
        # each round's throughput over the static string's in the same round (the machine's load
        # moves between rounds), then the median of those ratios
        ratio = statistics.median(x["rps"] / st for x, st in zip(rs, statics, strict=True))
        row = {
            "name": name,
            "rps": round(r["rps"], 1),
            "rps_rounds": [round(x["rps"]) for x in rs],
            "p50_ms": round(r["p50_ms"], 2),
            "p99_ms": round(r["p99_ms"], 2),
            "median": round(statistics.median(x["p50_ms"] for x in rs), 2),
            "unit": "ms (p50 latency)",
            "baseline": "static_string",
            "ratio": round(ratio, 3),
            "ratio_rounds": [round(x["rps"] / st, 2) for x, st in zip(rs, statics, strict=True)],
            "rounds": rounds,
            "seconds": seconds,
            "connections": args.connections,
            "client": client,
            "access_log": f"on ({log_lines} lines written)",
            "failed_requests": sum(x["failed"] for x in rs),
            "load_avg_1m": round(os.getloadavg()[0], 1),
        }
        if name == "json_decision_uncached":
            row["lookup_file"] = lookup
            most = max(x["requests"] for x in rs)
            row["distinct_symbols"] = distinct - 1
            if most > distinct - 1:
                row["note"] = f"a round sent {most} requests for {distinct - 1} symbols: the excess were cached"
        if name in GOALS:
            row |= {"goal": f"ratio >= {GOALS[name]:g}", "goal_met": ratio >= GOALS[name]}
            if ratio < GOALS[name]:
                row["reason"] = (
                    f"in one process an uncached decision costs {parts['lookup_total']} ms from the lookup file "
                    f"({parts['total']} ms from the decisions index, {parts['rules_ruling']} ms of it the rules "
                    f"engine's ruling); the load average was {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
                    if name == "json_decision_uncached"
                    else f"in one process a decide request costs {parts['decide_total']} ms, "
                    f"{parts['decide_rules']} ms of it unsc.rules.decide; the load average was "
                    f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
                )
        print(json.dumps(row), flush=True)
    print(
        json.dumps(
            {
                "name": "first_request",
                "median": round(statistics.median(first), 1),
                "unit": "ms",
                "rounds_ms": [round(x) for x in first],
                "note": "one decision as JSON, then as a page: opens the store and its lookup file, loads the decisions index",
            }
        )
    )
    print(json.dumps({"name": "uncached_decision_breakdown", "unit": "ms per decision (best pass)", **parts}))
    return 0


def breakdown(store: Path, n: int = 500, passes: int = 5) -> dict:
    """Where an uncached decision's time goes, in this process (no server): each step's best pass."""
    from unsc.web.store_cache import StoreCache, decision_json

    index = StoreCache(store_path=store).index()
    symbols = [r.get("draft") or r["decision_id"] for r in index.rows.values()]
    random.Random(14).shuffle(symbols)
    symbols = symbols[:n]

    def find() -> None:
        for s in symbols:
            index.find(s)

    def from_row() -> None:
        for s in symbols:
            index.recorded(index.find(s) or s)

    from unsc.record import decision as decision_module

    # the build decides each ballot once (a cache of rulings by ballot): start each pass without it, as an
    # uncached request does (versions before the cache have nothing to clear)
    forget = getattr(getattr(decision_module, "_ruling_of", None), "cache_clear", lambda: None)

    def ruling() -> None:
        forget()
        for s in symbols:
            d = index.recorded(index.find(s) or s)
            _ = d.ruling if d is not None else None

    def answer() -> None:
        forget()
        for s in symbols:
            d = index.recorded(index.find(s) or s)
            if d is not None:
                json.dumps(decision_json(d), separators=(",", ":"), ensure_ascii=False).encode()

    backend = StoreCache(store_path=store)

    def lookup() -> None:  # what the server does first: the lookup file's JSON body (None where it cannot say)
        for s in symbols:
            if hasattr(backend, "decision_body_now"):  # not in versions before the lookup file
                backend.decision_body_now(s)

    def best_ms(fn: Callable[[], None]) -> float:
        """The best of ``passes`` runs of ``fn`` over every symbol, in milliseconds per symbol."""
        times = []
        for _ in range(passes):
            t = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t) / len(symbols) * 1000)
        return min(times)

    steps = (("find", find), ("from_row", from_row), ("ruling", ruling), ("answer", answer), ("lookup", lookup))
    best = {name: best_ms(fn) for name, fn in steps}
    from unsc.rules import Ballot, decide
    from unsc.web import adapters
    from unsc.web.models import BallotIn

    body = json.dumps(DECIDE_BODY)
    ballot = BallotIn.model_validate_json(body)

    def decide_request() -> None:
        for _ in symbols:
            spec = BallotIn.model_validate_json(body).model_dump()
            json.dumps(adapters.decide_ballot(spec), separators=(",", ":"), ensure_ascii=False).encode()

    def decide_rules() -> None:
        for _ in symbols:
            decide(Ballot.of(ballot.date, yes=ballot.yes, no=ballot.no, abstain=ballot.abstain))

    best |= {"decide_total": best_ms(decide_request), "decide_rules": best_ms(decide_rules)}
    return {
        "decide_total": round(best["decide_total"], 3),
        "decide_rules": round(best["decide_rules"], 3),
        "index_find": round(best["find"], 3),
        "record_from_row": round(best["from_row"] - best["find"], 3),
        "rules_ruling": round(best["ruling"] - best["from_row"], 3),
        "json_rendering": round(best["answer"] - best["ruling"], 3),
        "total": round(best["answer"], 3),
        "lookup_total": round(best["lookup"], 3),
    }


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
