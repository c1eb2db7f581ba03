"""Web benchmark: throughput and latency of the vote page and the JSON decision endpoint, next to the
same server answering a static string (``/healthz``), in one run.

``.venv/bin/python benchmarks/bench_web.py [--quick] [--store PATH]``

uvicorn serves ``unsc.web.create_app`` in a child process on 127.0.0.1 (a free port); the store is
``--store``, else one built from the real data (``UNSC_DATA_DIR`` or ../shared/data) into a
temporary directory. A pool of client threads (httpx, keep-alive) sends a bounded number of
requests per endpoint within a time limit; rounds alternate the endpoints and the median round is
kept. Prints one JSON line per endpoint: requests per second, p50 and p99 latency (ms), ``median``
(p50 ms) and ``ratio`` (throughput relative to the static string; higher is better).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ENDPOINTS = {
    "static_string": "/healthz",
    "json_decision": "/api/decisions/S/2024/239",
    "vote_page": "/vote/S/2024/239",
}
SERVER = """
import sys, uvicorn
from unsc.web import create_app
uvicorn.run(create_app(store_path=sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning",
            access_log=False)
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


def load(url: str, requests: int, threads: int, limit_s: float) -> dict[str, float]:
    """Send ``requests`` GETs from ``threads`` keep-alive clients (stop at ``limit_s``); latencies in ms."""
    per = max(1, requests // threads)
    deadline = time.perf_counter() + limit_s

    def worker(_: int) -> list[float]:
        out = []
        with httpx.Client(timeout=10) as c:
            for _ in range(per):
                if time.perf_counter() > deadline:
                    break
                t = time.perf_counter()
                r = c.get(url)
                out.append((time.perf_counter() - t) * 1000)
                if r.status_code != 200:
                    raise RuntimeError(f"{url} answered {r.status_code}: {r.text[:200]}")
        return out

    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        lat = [x for part in pool.map(worker, range(threads)) for x in part]
    wall = time.perf_counter() - start
    lat.sort()
    return {
        "requests": len(lat),
        "rps": len(lat) / wall,
        "p50_ms": lat[len(lat) // 2],
        "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))],
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer requests and rounds")
    ap.add_argument("--store", help="the store to serve (default: build one from the real data)")
    ap.add_argument("--threads", type=int, default=8)
    args = ap.parse_args(argv)
    requests, rounds = (600, 3) if args.quick else (3000, 5)
    with tempfile.TemporaryDirectory() as tmp:
        store = ensure_store(args.store, Path(tmp))
        port = free_port()
        proc = subprocess.Popen([sys.executable, "-c", SERVER, str(store), str(port)])
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.1)
            for path in ENDPOINTS.values():  # warm up: open the store, fill the caches
                load(base + path, 200, args.threads, 30)
            runs: dict[str, list[dict[str, float]]] = {k: [] for k in ENDPOINTS}
            for _ in range(rounds):
                for name, path in ENDPOINTS.items():
                    runs[name].append(load(base + path, requests, args.threads, 20))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    best = {k: sorted(v, key=lambda r: r["rps"])[len(v) // 2] for k, v in runs.items()}
    static = best["static_string"]["rps"]
    for name, r in best.items():
        print(
            json.dumps(
                {
                    "name": name,
                    "path": ENDPOINTS[name],
                    "requests": int(r["requests"]),
                    "rounds": rounds,
                    "threads": args.threads,
                    "rps": round(r["rps"], 1),
                    "rps_rounds": [round(x["rps"], 1) for x in runs[name]],
                    "p50_ms": round(r["p50_ms"], 2),
                    "p99_ms": round(r["p99_ms"], 2),
                    "median": round(statistics.median(x["p50_ms"] for x in runs[name]), 2),
                    "unit": "ms (p50 latency)",
                    "baseline": "static_string",
                    "ratio": round(r["rps"] / static, 3),
                }
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
