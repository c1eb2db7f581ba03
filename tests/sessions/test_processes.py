"""The real parts together: ``unsc serve`` processes on SQLite and PostgreSQL, killed with ``kill -9``
in a burst of votes, restarted, two processes on one database, and the access log read back."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.sessions.conftest import ELECTED_2024

SRC = str(Path(__file__).resolve().parents[2] / "src")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``unsc serve`` in its own process group (so ``kill -9`` takes every worker)."""

    def __init__(self, tmp: Path, db: str | None, name: str, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"{name}.log"
        env = {
            **os.environ,
            "UNSC_HOME": str(tmp / "home"),
            "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", ""),
        }
        for var in ("UNSC_LIVE_DB", "UNSC_PUBLIC_URL", "UNSC_STORE"):
            env.pop(var, None)
        cmd = [sys.executable, "-c", "from unsc.cli import main; main()", "serve", "--port", str(self.port)]
        cmd += ["--public-url", self.url, "--workers", str(workers), "--store", str(tmp / "absent.duckdb")]
        if db:
            cmd += ["--db", db]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url + "/live", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"unsc serve did not start: {self.log.read_text()[-2000:]}")
            time.sleep(0.2)

    def kill9(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self.kill9()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for s in started:
        s.stop()


@pytest.fixture(params=["sqlite-default", "postgresql"])
def db(request: pytest.FixtureRequest) -> str | None:
    """``None``: a plain ``unsc serve`` (the SQLite default under UNSC_HOME); else a PostgreSQL DSN."""
    if request.param == "sqlite-default":
        return None
    return request.getfixturevalue("pg_dsn")


def create(url: str, title: str = "S/2024/239") -> dict[str, Any]:
    r = httpx.post(url + "/api/live", json={"date": "2024-03-22", "elected": ELECTED_2024, "title": title}, timeout=30)
    assert r.status_code == 201, r.text
    out = r.json()
    out["tokens"] = {x["code"]: x["url"].rsplit("/", 1)[1] for x in out["links"]}
    return out


def call(url: str, sid: str, what: str, **body: Any) -> httpx.Response:
    return httpx.post(f"{url}/api/live/{sid}/{what}", json=body, timeout=30)


def test_kill_9_in_a_burst_loses_no_acknowledged_vote_and_restart_keeps_the_open_vote(tmp_path, servers, db):
    first = Server(tmp_path, db, "first")
    servers.append(first)
    sessions = [create(first.url, f"Committee {i}") for i in range(12)]
    for s in sessions:
        assert call(first.url, s["id"], "open", token=s["chair_token"], question="Draft").status_code == 200
    jobs = [(s, code) for code in s_codes(sessions[0]) for s in sessions]  # 180 distinct votes
    acked: list[tuple[str, str]] = []
    lock = threading.Lock()
    killed = threading.Event()

    def vote(job: tuple[dict[str, Any], str]) -> None:
        s, code = job
        if killed.is_set():
            return
        try:
            r = call(first.url, s["id"], "vote", token=s["tokens"][code], number=1, vote="Y")
        except httpx.HTTPError:
            return  # the server died under this request: not acknowledged
        if r.status_code == 200:
            with lock:
                acked.append((s["id"], code))
                if len(acked) == 60:
                    killed.set()
                    first.kill9()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(vote, jobs))
    assert first.proc.returncode == -signal.SIGKILL
    assert 60 <= len(acked) < len(jobs)  # killed in the middle of the burst

    again = Server(tmp_path, db, "again")
    servers.append(again)
    by_id = {s["id"]: s for s in sessions}
    for sid, s in by_id.items():
        st = httpx.get(f"{again.url}/api/live/{sid}", headers={"Authorization": f"Bearer {s['chair_token']}"}).json()
        assert st["current"]["state"] == "open" and st["current"]["number"] == 1
        votes = {row["code"]: row["vote"] for row in st["current"]["seats"]}
        lost = [code for (i, code) in acked if i == sid and votes[code] != "Y"]
        assert lost == [], f"acknowledged votes lost in {sid}: {lost}"
    s = sessions[0]  # the same links work after the restart, and the vote goes on
    assert call(again.url, s["id"], "vote", token=s["tokens"]["GUY"], number=1, vote="A").status_code == 200
    assert call(again.url, s["id"], "close", token=s["chair_token"]).status_code == 200


def s_codes(session: dict[str, Any]) -> list[str]:
    return sorted(session["tokens"])


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_processes_on_one_database_see_each_others_votes_live(tmp_path, servers, backend, request):
    db = request.getfixturevalue("pg_dsn") if backend == "postgresql" else str(tmp_path / "shared.sqlite3")
    a = Server(tmp_path, db, "a")
    servers.append(a)
    b = Server(tmp_path, db, "b")
    servers.append(b)
    s = create(a.url)
    sid, chair = s["id"], s["chair_token"]
    call(a.url, sid, "open", token=chair, question="Draft")
    got: list[dict[str, Any]] = []
    ready = threading.Event()

    def chair_screen_on_b() -> None:  # the chair's page on process b listens to the event stream
        with httpx.stream(
            "GET", f"{b.url}/api/live/{sid}/events", params={"max_seconds": 20},
            headers={"Authorization": f"Bearer {chair}"}, timeout=30,
        ) as r:  # fmt: skip
            for line in r.iter_lines():
                if line.startswith("data: "):
                    state = json.loads(line[6:])
                    got.append(state)
                    ready.set()
                    if state["current"]["live"]["yes"] == 1:
                        return

    t = threading.Thread(target=chair_screen_on_b, daemon=True)
    t.start()
    assert ready.wait(20)
    t0 = time.monotonic()
    assert call(a.url, sid, "vote", token=s["tokens"]["FRA"], number=1, vote="Y").status_code == 200  # on a
    t.join(10)
    assert got[-1]["current"]["live"]["yes"] == 1 and got[-1]["role"] == "chair"
    assert time.monotonic() - t0 < 5  # live: pushed, not found on a later reload


def test_access_log_of_a_full_session_has_no_token(tmp_path, servers):
    srv = Server(tmp_path, None, "access")
    servers.append(srv)
    url = srv.url
    chair = httpx.Client(base_url=url, timeout=30, follow_redirects=True)
    r = chair.post("/live", data={"mode": "date", "date": "2024-03-22", "elected": ", ".join(ELECTED_2024)})
    assert r.status_code == 200
    sid = str(r.url).rstrip("/").split("/")[-1]
    chair_token = chair.cookies.get(f"unsc_live_{sid}")
    links = chair.get(f"/api/live/{sid}").json()["links"]
    tokens = {x["code"]: x["url"].rsplit("/", 1)[1] for x in links}
    chair.post(f"/live/{sid}/open", data={"question": "Draft resolution S/2024/239"})
    delegates = {}
    for code, tok in tokens.items():
        d = httpx.Client(base_url=url, timeout=30, follow_redirects=True)
        assert d.get(f"/live/{sid}/k/{tok}").status_code == 200  # the secret link, then cookies only
        delegates[code] = d
    with delegates["USA"].stream("GET", f"/api/live/{sid}/events", params={"max_seconds": 1}) as ev:
        assert ev.status_code == 200 and "event: state" in ev.read().decode()
    for i, d in enumerate(delegates.values()):
        if i % 2:
            assert d.post(f"/live/{sid}/vote", data={"vote": "Y", "number": "1"}).status_code == 200
        else:
            assert d.post(f"/api/live/{sid}/vote", json={"vote": "N", "number": 1}).status_code == 200
        d.get(f"/live/{sid}/board")
    d.get(f"/api/live/{sid}/poll", params={"since": 0})
    chair.post(f"/live/{sid}/floor", data={"action": "add", "who": "Ukraine"})
    chair.post(f"/live/{sid}/close")
    r = chair.post(f"/live/{sid}/replace-link", data={"seat": "FRA"})
    new_fra = next(x["url"] for x in chair.get(f"/api/live/{sid}").json()["links"] if x["code"] == "FRA").rsplit(
        "/", 1
    )[1]
    httpx.get(f"{url}/live/{sid}/k/{new_fra}", timeout=30)
    httpx.get(f"{url}/live/{sid}/k/{tokens['FRA']}", timeout=30)  # the old link: 403, logged too
    conf = httpx.post(
        url + "/api/live/conference", json={"filename": "c.csv", "text": "name,scenario\nA,g4\n"}, timeout=30
    )
    organiser = conf.json()["organiser_token"]
    httpx.get(f"{url}/live/conference/{conf.json()['id']}/k/{organiser}", timeout=30)
    srv.stop()
    log = srv.log.read_text()
    assert f'"GET /live/{sid}/k/<redacted> HTTP/1.1" 303' in log  # the log is there, and redacted
    assert f'"POST /api/live/{sid}/vote HTTP/1.1" 200' in log and "/events" in log
    secrets_ = [chair_token, new_fra, organiser, *tokens.values()]
    assert all(secrets_) and [t for t in secrets_ if t in log] == []
