"""Live-session benchmark: what a vote costs, and how fast the other pages hear of it.

``.venv/bin/python benchmarks/bench_live.py [--quick]``

Prints one JSON line per measurement, each with ``median`` (milliseconds) and ``ratio`` to a
baseline measured in the same run:

* ``vote_live_tally``: one delegate's vote through the session store plus the live tally
  (``Session.live``: the rules engine decides the ballot as it stands); baseline: ``decide()`` alone
  on the same ballots.
* ``vote_persisted``: the same vote with a sessions file (rewritten atomically after each vote; the
  store holds ``sessions`` sessions with closed votes); baseline: the in-memory vote.
* ``event_latency``: uvicorn on 127.0.0.1, one SSE stream open; time from sending a vote (HTTP POST)
  to the stream's event with the new version; baseline: the POST's own round trip.
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from unsc.rules import Ballot, decide  # noqa: E402
from unsc.web.live import SessionStore  # noqa: E402

ELECTED = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
CODES = ["CHN", "FRA", "RUS", "GBR", "USA", *ELECTED]
CYCLE = ("Y", "N", "A")


def line(name: str, median: float, baseline: float, **extra: object) -> None:
    print(json.dumps({"name": name, "median": round(median, 4), "baseline": round(baseline, 4),
                      "ratio": round(median / baseline, 2), "unit": "ms", **extra}))  # fmt: skip


def time_votes(store: SessionStore, n: int) -> list[float]:
    s = store.create(date="2024-03-22", elected=ELECTED)
    store.act(s.id, lambda x: x.open_vote(x.chair_token, "Draft"))
    tokens = {c: s.token_of(c) for c in CODES}
    out = []
    for i in range(n):
        code, vote = CODES[i % 15], CYCLE[(i // 15) % 3]
        t0 = time.perf_counter()
        store.act(s.id, lambda x, c=code, v=vote: x.cast(tokens[c], c, v))
        store.read(s.id, lambda x: x.live(x.current))
        out.append((time.perf_counter() - t0) * 1000)
    return out


def time_decide(n: int) -> list[float]:
    council = SessionStore().create(date="2024-03-22", elected=ELECTED).council
    out = []
    votes: dict[str, str] = {}
    for i in range(n):
        votes[CODES[i % 15]] = CYCLE[(i // 15) % 3]
        lists = {k: [c for c, v in votes.items() if v == x] for k, x in (("yes", "Y"), ("no", "N"), ("abstain", "A"))}
        t0 = time.perf_counter()
        decide(Ballot.of("2024-03-22", **lists), council)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def filled_store(path: Path, sessions: int) -> SessionStore:
    store = SessionStore(path, max_sessions=sessions + 5)
    for _ in range(sessions):
        s = store.create(date="2024-03-22", elected=ELECTED)
        for _k in range(5):
            store.act(s.id, lambda x: x.open_vote(x.chair_token, "Draft"))
            for c in CODES:
                store.act(s.id, lambda x, c=c: x.cast(x.chair_token, c, "Y"))
            store.act(s.id, lambda x: x.close_vote(x.chair_token))
    return store


def event_latency(n: int) -> tuple[list[float], list[float]]:
    import uvicorn
    from fastapi import FastAPI

    from unsc.web.live import install

    app = FastAPI()
    store = install(app)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    s = store.create(date="2024-03-22", elected=ELECTED)
    store.act(s.id, lambda x: x.open_vote(x.chair_token, "Draft"))
    seen: dict[int, float] = {}
    ready = threading.Event()

    def listen() -> None:
        params = {"token": s.chair_token, "max_seconds": 300}
        with httpx.Client(timeout=None) as c, c.stream("GET", f"{base}/api/live/{s.id}/events", params=params) as r:
            for text in r.iter_lines():
                if text.startswith("id: "):
                    seen[int(text[4:])] = time.perf_counter()
                    ready.set()

    threading.Thread(target=listen, daemon=True).start()
    ready.wait(10)
    latency, post = [], []
    with httpx.Client(base_url=base, timeout=10) as c:
        for i in range(n):
            code, vote = CODES[i % 15], CYCLE[(i // 15) % 3 if i % 15 else 1 + (i // 15) % 2]
            t0 = time.perf_counter()
            r = c.post(f"/api/live/{s.id}/vote", json={"token": s.token_of(code), "vote": vote})
            post.append((time.perf_counter() - t0) * 1000)
            version = r.json()["version"]
            deadline = time.perf_counter() + 5
            while version not in seen and time.perf_counter() < deadline:
                time.sleep(0.001)
            if version in seen:
                latency.append((seen[version] - t0) * 1000)
            time.sleep(0.05)
    server.should_exit = True
    return latency, post


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args(argv)
    n = 300 if args.quick else 3000
    base = statistics.median(time_decide(n))
    line("vote_live_tally", statistics.median(time_votes(SessionStore(), n)), base, votes=n, baseline_name="decide")
    with tempfile.TemporaryDirectory() as tmp:
        sessions = 10 if args.quick else 50
        store = filled_store(Path(tmp) / "live.json", sessions)
        size = (Path(tmp) / "live.json").stat().st_size
        persisted = statistics.median(time_votes(store, n // 3))
    line("vote_persisted", persisted, statistics.median(time_votes(SessionStore(), n // 3)), votes=n // 3,
         sessions=sessions, file_bytes=size, baseline_name="vote in memory")  # fmt: skip
    lat, post = event_latency(20 if args.quick else 100)
    line("event_latency", statistics.median(lat), statistics.median(post), votes=len(lat), baseline_name="POST vote",
         p90=round(sorted(lat)[int(0.9 * (len(lat) - 1))], 2))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
