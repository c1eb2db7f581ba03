"""Live-session benchmark: a conference of committees of 15 delegates, every delegate's screen connected
to the event stream, everyone voting at once, on ``unsc serve --workers 2`` as users run it (access log
on, to a file), with the SQLite default and with PostgreSQL.

``.venv/bin/python benchmarks/bench_live.py [--committees 67] [--rounds 2] [--quick]``
(PostgreSQL: ``UNSC_BENCH_PG_DSN`` or ``UNSC_TEST_PG_DSN``; without one that backend is reported skipped.)

Prints one JSON line per backend:

* ``votes_per_s``: acknowledged votes per second over the burst (each delegate votes once per round,
  ``--concurrency`` requests in flight);
* ``p50_ms`` / ``p99_ms`` (and ``median``): for each vote, from its acknowledgement (the HTTP 200 reaching
  the client) to the moment the last of the session's 15 connected screens has received an event
  carrying that version or a later one (0 when every screen had it before the acknowledgement);
* ``baseline``: the median round trip of one vote on the same server with no burst and no screens, and
  ``ratio`` = p50 / baseline;
* the goal (1,000 connected delegates, p99 under 500 ms) beside the figures, met or not.

The screens are Server-Sent Events streams read by ``--clients`` asyncio processes on the same machine
(whose 2 cores they share with the server); a browser also re-fetches the board's HTML after each
event, which this does not time. Clock: ``time.perf_counter`` (CLOCK_MONOTONIC, one clock for all
processes).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
GOAL_SCREENS = 1000
GOAL_P99_MS = 500.0
ELECTED = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(db: str, home: Path, workers: int) -> tuple[subprocess.Popen[bytes], str, Path]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = home / f"serve-{port}.log"
    env = {**os.environ, "UNSC_HOME": str(home), "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-c", "from unsc.cli import main; main()", "serve", "--port", str(port), "--db", db]
    cmd += ["--workers", str(workers), "--public-url", url, "--store", str(home / "absent.duckdb")]
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url + "/live", timeout=2).status_code == 200:
                return proc, url, log
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"unsc serve did not start: {log.read_text()[-2000:]}")
        time.sleep(0.2)


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def percentile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def setup(url: str, committees: int) -> list[dict[str, Any]]:
    """A conference (one creation) of ``committees`` Councils of 2024, vote 1 open in each."""
    out: list[dict[str, Any]] = []
    with httpx.Client(base_url=url, timeout=60) as http:
        left, part = committees, 0
        while left > 0:
            n = min(100, left)
            toml = 'title = "bench"\n' + "".join(
                f'[[committee]]\nname = "C{part}-{i}"\ndate = "2024-03-22"\nelected = {json.dumps(ELECTED)}\n'
                for i in range(n)
            )
            r = http.post("/api/live/conference", json={"filename": "bench.toml", "text": toml})
            r.raise_for_status()
            for c in r.json()["committees"]:
                chair = c["chair_url"].rsplit("/", 1)[1]
                st = http.post(f"/api/live/{c['id']}/open", json={"token": chair, "question": "Draft"}).json()
                tokens = {x["code"]: x["url"].rsplit("/", 1)[1] for x in st["links"]}
                out.append({"id": c["id"], "chair": chair, "tokens": tokens})
            left, part = left - n, part + 1
    return out


async def screen(
    client: httpx.AsyncClient, sid: str, token: str, seen: list[tuple[int, float]], ready: asyncio.Event
) -> None:
    """One delegate's screen: the event stream; records (version, arrival time) of each state event."""
    headers = {"Authorization": f"Bearer {token}"}
    async with client.stream("GET", f"/api/live/{sid}/events", params={"max_seconds": 300}, headers=headers) as r:
        async for line in r.aiter_lines():
            if line.startswith("id: "):
                seen.append((int(line[4:]), time.perf_counter()))
                ready.set()


def arrival(seen: list[tuple[int, float]], version: int) -> float | None:
    """When the screen first had ``version`` or a later one (streams may skip versions)."""
    i = bisect.bisect_left(seen, (version, -1.0))
    return seen[i][1] if i < len(seen) else None


def screens_process(url: str, streams: list[tuple[str, str, str]], ready: Any, done: Any, out: Any) -> None:
    """A client process holding some of the screens (so one Python client is not the bottleneck)."""

    async def run() -> None:
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
        async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as client:
            seen: dict[tuple[str, str], list[tuple[int, float]]] = {(sid, code): [] for sid, code, _ in streams}
            events = [asyncio.Event() for _ in streams]
            tasks = [
                asyncio.create_task(screen(client, sid, tok, seen[(sid, code)], ev))
                for (sid, code, tok), ev in zip(streams, events, strict=True)
            ]
            await asyncio.wait_for(asyncio.gather(*(e.wait() for e in events)), 300)
            ready.put(len(tasks))
            while done.empty():
                await asyncio.sleep(0.2)
            for t in tasks:
                t.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            out.put({f"{sid} {code}": arrivals for (sid, code), arrivals in seen.items()})

    asyncio.run(run())


async def run_backend(
    url: str, sessions: list[dict[str, Any]], rounds: int, concurrency: int, clients: int
) -> dict[str, Any]:
    import multiprocessing as mp

    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    async with httpx.AsyncClient(base_url=url, timeout=600, limits=limits) as client:
        # baseline: one vote at a time, nothing else going on, no screens
        base_times = []
        s0 = sessions[0]
        for i in range(30):
            code = sorted(s0["tokens"])[i % 15]
            t = time.perf_counter()
            r = await client.post(
                f"/api/live/{s0['id']}/vote", json={"token": s0["tokens"][code], "number": 1, "vote": "Y"}
            )
            r.raise_for_status()
            base_times.append((time.perf_counter() - t) * 1000)
        baseline = statistics.median(base_times)
        # every delegate's screen connects, from ``clients`` processes (perf_counter is CLOCK_MONOTONIC:
        # the same clock in every process)
        ctx = mp.get_context("spawn")
        ready, done, out = ctx.Queue(), ctx.Queue(), ctx.Queue()
        streams = [(s["id"], code, tok) for s in sessions for code, tok in s["tokens"].items()]
        procs = [
            ctx.Process(target=screens_process, args=(url, streams[i::clients], ready, done, out), daemon=True)
            for i in range(clients)
        ]
        for p in procs:
            p.start()
        screens = sum([await asyncio.to_thread(ready.get, True, 300) for _ in procs])
        # the burst: every delegate votes, ``rounds`` times (changing the vote), ``concurrency`` in flight
        jobs = [
            (s, code, "YNA"[r % 3]) for r in range(rounds) for code in sorted(sessions[0]["tokens"]) for s in sessions
        ]
        acks: list[tuple[str, int, float]] = []
        sem = asyncio.Semaphore(concurrency)

        retries = 0

        async def vote(s: dict[str, Any], code: str, v: str) -> None:
            nonlocal retries
            async with sem:
                body = {"token": s["tokens"][code], "number": 1, "vote": v}
                try:
                    r = await client.post(f"/api/live/{s['id']}/vote", json=body)
                except (httpx.ReadError, httpx.RemoteProtocolError):
                    # a keep-alive connection the server closed while idle (uvicorn closes after 5 s): the
                    # same vote again is harmless (an unchanged vote changes nothing)
                    retries += 1
                    r = await client.post(f"/api/live/{s['id']}/vote", json=body)
                t = time.perf_counter()
                r.raise_for_status()
                acks.append((s["id"], r.json()["version"], t))

        t0 = time.perf_counter()
        await asyncio.gather(*(vote(*j) for j in jobs))
        elapsed = time.perf_counter() - t0
        await asyncio.sleep(3)  # let the last events arrive
        for _ in procs:
            done.put(True)
        seen: dict[str, list[tuple[int, float]]] = {}
        for _ in procs:
            seen.update(await asyncio.to_thread(out.get, True, 300))
        for p in procs:
            p.join(30)
    lat, missing = [], 0
    for sid, version, t_ack in acks:
        arrivals = [arrival(seen[f"{sid} {code}"], version) for code in sessions[0]["tokens"]]
        if any(a is None for a in arrivals):
            missing += 1
            continue
        lat.append(max(0.0, (max(arrivals) - t_ack) * 1000))  # type: ignore[type-var]
    p50, p99 = statistics.median(lat), percentile(lat, 0.99)
    met = screens >= GOAL_SCREENS and p99 < GOAL_P99_MS and missing == 0
    return {
        "screens": screens,
        "votes": len(acks),
        "votes_per_s": round(len(acks) / elapsed, 1),
        "median": round(p50, 1),
        "p50_ms": round(p50, 1),
        "p99_ms": round(p99, 1),
        "max_ms": round(max(lat), 1),
        "screens_missing_an_update": missing,
        "retried_on_closed_connection": retries,
        "baseline": round(baseline, 2),
        "ratio": round(p50 / baseline, 2),
        "unit": "ms",
        "goal": f"{GOAL_SCREENS} connected delegates, p99 < {GOAL_P99_MS:g} ms",
        "goal_met": met,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--committees", type=int, default=67, help="committees of 15 (67: 1,005 delegates)")
    ap.add_argument("--rounds", type=int, default=2, help="votes per delegate")
    ap.add_argument("--concurrency", type=int, default=32, help="vote requests in flight")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--clients", type=int, default=2, help="client processes holding the screens")
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--quick", action="store_true", help="4 committees, 1 round (a smoke run)")
    args = ap.parse_args()
    if args.quick:
        args.committees, args.rounds = 4, 1
    dsn = os.environ.get("UNSC_BENCH_PG_DSN") or os.environ.get("UNSC_TEST_PG_DSN")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        name = f"live_burst_{backend}_{args.workers}w"
        if backend == "postgresql" and not dsn:
            print(json.dumps({"name": name, "skipped": "no PostgreSQL: set UNSC_BENCH_PG_DSN"}))
            continue
        with tempfile.TemporaryDirectory() as d:
            home = Path(d)
            db = str(home / "live.sqlite3") if backend == "sqlite" else _fresh_schema(dsn or "")
            proc, url, _log = start(db, home, args.workers)
            try:
                sessions = setup(url, args.committees)
                out = asyncio.run(run_backend(url, sessions, args.rounds, args.concurrency, args.clients))
            finally:
                stop(proc)
                if backend == "postgresql":
                    _drop_schema(dsn or "", db)
        print(json.dumps({"name": name, "committees": args.committees, "workers": args.workers, **out}), flush=True)


def _fresh_schema(dsn: str) -> str:
    import secrets
    from urllib.parse import quote

    import psycopg

    schema = "bench_" + secrets.token_hex(4)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return f"{dsn}{'&' if '?' in dsn else '?'}options={quote(f'-c search_path={schema}')}"


def _drop_schema(dsn: str, with_schema: str) -> None:
    import psycopg

    schema = with_schema.rsplit("search_path%3D", 1)[-1]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


if __name__ == "__main__":
    main()
