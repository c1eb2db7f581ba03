"""Storage on real databases (SQLite and PostgreSQL): one transaction per command, an append-only
event log, versioned snapshots, token hashes only, several workers on one database, the fan-out."""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from tests.sessions.conftest import ELECTED_1950, ELECTED_2024
from unsc.sessions import (
    Cast,
    CloseVote,
    Conflict,
    Floor,
    Forbidden,
    LimitReached,
    Missing,
    OpenVote,
    ReplaceLink,
    Session,
)
from unsc.sessions.conference import build_conference, parse_conference


def new(store, elected=ELECTED_2024, date="2024-03-22", client=None):
    return store.create(Session.create(date=date, elected=elected), client=client)


def test_restart_keeps_the_session_its_open_vote_and_every_vote(open_db):
    store = open_db()
    s = new(store)
    store.execute(s.id, s.chair_token, OpenVote("Draft resolution S/2024/239"))
    for code in ["USA", "GBR", "FRA"]:
        store.execute(s.id, s.token_of(code), Cast(vote="Y", number=1))
    store.execute(s.id, s.token_of("RUS"), Cast(vote="N", number=1))
    before = store.load(s.id).view(s.chair_token, "http://h")
    store.close()

    again = open_db()  # a new process would do exactly this
    back = again.load(s.id, fresh=True)
    assert back.view(s.chair_token, "http://h") == before
    assert back.current is not None and back.current.votes == {"USA": "Y", "GBR": "Y", "FRA": "Y", "RUS": "N"}
    for code in ["JPN", "KOR", "MLT", "CHE", "SVN", "ECU"]:  # the same links go on working
        again.execute(s.id, s.token_of(code), Cast(vote="Y", number=1))
    again.execute(s.id, s.token_of("CHN"), Cast(vote="N", number=1))
    m = again.execute(s.id, s.chair_token, CloseVote()).session.last
    assert m.decision["vetoed_by"] == ["CHN", "RUS"] and m.decision["tally"] == "9-2-0"
    names = [(e["name"], e["actor"]) for e in again.events(s.id)]
    assert names[:2] == [("create", "chair"), ("open", "chair")] and names[-1] == ("close", "chair")
    assert ("cast", "RUS") in names and len(names) == 14
    assert [e["version"] for e in again.events(s.id)] == list(range(1, 15))


def test_a_refused_command_changes_nothing_and_logs_nothing(open_db):
    store = open_db()
    s = new(store)
    with pytest.raises(Forbidden):
        store.execute(s.id, "forged", OpenVote("Q"))
    with pytest.raises(Conflict):
        store.execute(s.id, s.token_of("USA"), Cast(vote="Y", number=1))
    with pytest.raises(Missing):
        store.execute("nope", s.chair_token, OpenVote("Q"))
    with pytest.raises(Forbidden):
        store.execute(s.id, s.chair_token, Floor("request"))  # the chair cannot ask for the floor
    assert store.version(s.id) == 1 and len(store.events(s.id)) == 1
    store.execute(s.id, s.chair_token, OpenVote("Q"))
    done = store.execute(s.id, s.token_of("USA"), Cast(vote="Y", number=1))
    again = store.execute(s.id, s.token_of("USA"), Cast(vote="Y", number=1))  # the same vote twice
    assert done.changed and not again.changed and store.version(s.id) == 3 and len(store.events(s.id)) == 3


def test_votes_from_many_threads_and_two_workers_are_all_counted(open_db):
    a, b = open_db(), open_db()  # two workers on one database
    s = new(a)
    a.execute(s.id, s.chair_token, OpenVote("Draft"))
    start = threading.Barrier(15)
    errors: list[BaseException] = []

    def delegate(i: int, code: str) -> None:
        store = (a, b)[i % 2]
        start.wait()
        try:
            for v in ("N", "A", "Y"):
                store.execute(s.id, s.token_of(code), Cast(vote=v, number=1))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=delegate, args=(i, x.code)) for i, x in enumerate(s.seats)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    m = b.load(s.id, fresh=True).current
    assert set(m.votes.values()) == {"Y"} and len(m.votes) == 15 and m.changes == 30
    assert b.version(s.id) == 2 + 45 and len(a.events(s.id)) == 47


def test_only_token_hashes_are_stored(open_db, db_url):
    store = open_db()
    s = new(store)
    store.execute(s.id, s.chair_token, OpenVote("Q"))
    replaced = store.execute(s.id, s.chair_token, ReplaceLink("FRA")).result
    secrets_ = [s.chair_token, replaced, *(s.token_of(x.code) for x in s.seats)]
    if db_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(db_url) as conn:
            dump = json.dumps(
                [conn.execute(f"SELECT * FROM {t}").fetchall() for t in ("live_sessions", "live_events")], default=str
            )
    else:
        store.close()
        dump = "".join(p.read_bytes().decode("latin-1") for p in Path(db_url).parent.glob("live.sqlite3*"))
    assert s.id in dump
    assert not [t for t in secrets_ if t in dump]


def test_event_log_is_append_only(open_db, db_url):
    store = open_db()
    s = new(store)
    store.execute(s.id, s.chair_token, OpenVote("Q"))
    if db_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(db_url) as conn, pytest.raises(psycopg.Error, match="append-only"):
            conn.execute("DELETE FROM live_events")
    else:
        with sqlite3.connect(db_url) as conn, pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute("UPDATE live_events SET name = 'x'")
    assert len(store.events(s.id)) == 2


def test_creation_limit_is_per_client_and_shared_by_workers(open_db):
    a, b = open_db(create_limit=3), open_db(create_limit=3)
    new(a, ELECTED_1950, "1950-07-07", client="10.0.0.1")
    new(b, ELECTED_1950, "1950-07-07", client="10.0.0.1")
    new(a, ELECTED_1950, "1950-07-07", client="10.0.0.1")
    with pytest.raises(LimitReached, match="other chairs are not affected"):
        new(b, ELECTED_1950, "1950-07-07", client="10.0.0.1")
    new(b, ELECTED_1950, "1950-07-07", client="10.0.0.2")  # another chair is not locked out
    new(a, ELECTED_1950, "1950-07-07")  # the terminal / a conference file: no client, no limit


def test_another_worker_hears_of_a_change(open_db):
    a, b = open_db(), open_db()
    s = new(a)
    b.listen()
    seen = b.load(s.id, fresh=True).version

    async def wait() -> int | None:
        return await b.hub.wait(s.id, seen, timeout=10)

    def change() -> None:
        a.execute(s.id, s.chair_token, OpenVote("Q"))

    async def scenario() -> int | None:
        waiting = asyncio.create_task(wait())
        await asyncio.sleep(0.05)
        await asyncio.to_thread(change)
        return await asyncio.wait_for(waiting, 10)

    assert asyncio.run(scenario()) == seen + 1
    assert b.load(s.id).current.question == "Q"


def test_a_conference_is_stored_in_one_transaction(open_db):
    store = open_db()
    text = "name,date,scenario,elected\nA,1950-07-07,,CUB;ECU;EGY;IND;NOR;YUG\nB,,g4,\n"
    title, specs = parse_conference(text, "rooms.csv")
    conf = build_conference(title, specs)
    store.create_conference(conf.id, conf.title, "h", conf.sessions, client="10.0.0.9")
    record = store.conference(conf.id)
    assert record["committees"] == [x.id for x in conf.sessions] and record["title"] == "rooms.csv"
    assert sorted(x.committee for x in store.list_sessions(conf.id)) == ["A", "B"]
    chair = conf.chair_token(1)
    store.execute(conf.sessions[1].id, chair, OpenVote("Reform motion", "procedural"))
    with pytest.raises(Missing):
        store.conference("nope")


def test_sqlite_file_is_owner_only(tmp_path: Path):
    from unsc.sessions import open_storage

    old = os.umask(0o022)
    try:
        store = open_storage(f"sqlite:///{tmp_path}/sub/live.sqlite3")
        s = new(store)
        store.execute(s.id, s.chair_token, OpenVote("Q"))
    finally:
        os.umask(old)
    for p in (tmp_path / "sub" / "live.sqlite3", tmp_path / "sub" / "live.sqlite3-wal"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, p
    assert stat.S_IMODE((tmp_path / "sub").stat().st_mode) == 0o700
    store.close()


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("c.csv", "\r0", "the header row must name the columns"),
        ("c.csv", 'name,date\n"A,1950', "c.csv: row"),
        (
            "c.toml",
            "title = 1\n[[committee]]\nname = 'A'\nelected = 5\ndate = 1950-07-07",
            "committee 1 (A), field elected",
        ),
        ("c.toml", "[[committee]]\nname = 'A'\ndate = 1944-01-01", "committee 1 (A), field date"),
        ("c.toml", "[[committee]]\nname = 'A'", "committee 1 (A), field date: give a date"),
        ("c.toml", "x = [", "c.toml: not valid TOML"),
    ],
)
def test_bad_conference_files_name_file_row_and_field(name, text, message):
    from unsc.sessions import Unprocessable

    with pytest.raises(Unprocessable, match=None) as info:
        parse_conference(text, name)
    assert message in str(info.value)


def test_a_worker_holds_its_own_changes_not_another_workers(open_db):
    """``Storage.cached``: the session a worker already holds at a version (its own commit), so its event
    streams need no database read; a change another worker made is not held until it is read."""
    one, two = open_db(), open_db()
    s = one.create(Session.create(date="2024-03-22", elected=ELECTED_2024))
    done = one.execute(s.id, s.chair_token, OpenVote("Q"))
    assert one.cached(s.id, done.session.version) is not None
    assert one.cached(s.id, done.session.version + 1) is None
    assert two.cached(s.id, done.session.version) is None  # never read by this worker
    later = two.execute(s.id, s.token_of("FRA"), Cast(vote="Y", number=1))
    assert one.cached(s.id, later.session.version) is None
    assert one.load(s.id, fresh=True).version == later.session.version
    assert one.cached(s.id, later.session.version).current.votes == {"FRA": "Y"}
