"""Where live sessions live: SQLite (the embedded default) or PostgreSQL (many workers, many hosts).

Both keep, per session, a **snapshot** (the session as JSON) with its **version**, and an
**append-only event log** (one row per command that changed something: its name, the role that
asked, its fields, the version it made; never a token). Each command runs in **one transaction**: read
the snapshot (PostgreSQL: ``SELECT ... FOR UPDATE``, a row lock per session; SQLite: ``BEGIN
IMMEDIATE``), apply, append the event, write the snapshot, commit. A vote is acknowledged only after
its commit, so a crash (even ``kill -9``) never loses an acknowledged vote.

Changes reach every worker's event streams through :class:`unsc.sessions.fanout.Hub`: PostgreSQL by
``LISTEN``/``NOTIFY``, SQLite by watching the event log (``PRAGMA data_version``).

Sessions store the hashes of their links' tokens, never the tokens; the SQLite file (and its WAL)
is readable by its owner only; the PostgreSQL tables are revoked from PUBLIC.

>>> from unsc.sessions.commands import Cast, OpenVote
>>> from unsc.sessions.model import Session
>>> store = open_storage(":memory:")
>>> s = store.create(Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]))
>>> _ = store.execute(s.id, s.chair_token, OpenVote("Draft resolution S/1511"))
>>> done = store.execute(s.id, s.token_of("USA"), Cast(vote="Y", number=1))
>>> done.session.current.votes == {"USA": "Y"}, [e["name"] for e in store.events(s.id)]
(True, ['create', 'open', 'cast'])
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unsc.sessions.commands import Command
from unsc.sessions.fanout import Hub
from unsc.sessions.model import LimitReached, Missing, Role, Session, Unprocessable

__all__ = ["Done", "PostgresStorage", "SQLiteStorage", "Storage", "default_sqlite_path", "open_storage"]

CHANNEL = "unsc_live"


@dataclass
class Done:
    """What a command did: its ``result``, the session after it, and whether it changed anything."""

    result: Any
    session: Session
    changed: bool


def default_sqlite_path() -> Path:
    """The embedded default: ``UNSC_HOME/live.sqlite3``.

    >>> default_sqlite_path().name
    'live.sqlite3'
    """
    from unsc.record.config import home

    return home() / "live.sqlite3"


def open_storage(url: str | Path | None = None, hub: Hub | None = None, **options: Any) -> Storage:
    """The storage a URL names: ``postgresql://...`` (or ``postgres://``), ``sqlite:///path``, a file
    path, ``:memory:``, or ``None`` for the default SQLite file (:func:`default_sqlite_path`).

    >>> type(open_storage(":memory:")).__name__
    'SQLiteStorage'
    >>> open_storage("mysql://x")
    Traceback (most recent call last):
    unsc.sessions.model.Unprocessable: --db: 'mysql://x' is neither postgresql://..., sqlite:///PATH nor a file path
    """
    text = "" if url is None else str(url)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresStorage(text, hub=hub, **options)
    if text.startswith("sqlite://"):
        text = text.removeprefix("sqlite://").removeprefix("/") if text.startswith("sqlite:///") else ""
        text = "/" + text if text and not text.startswith(("/", ":memory:")) else text
    elif "://" in text:
        raise Unprocessable(f"--db: {text!r} is neither postgresql://..., sqlite:///PATH nor a file path")
    return SQLiteStorage(text or default_sqlite_path(), hub=hub, **options)


def _dump(session: Session) -> str:
    return json.dumps(session.to_dict(), ensure_ascii=False, separators=(",", ":"))


class Storage:
    """What the web layer needs of a backend; see :class:`SQLiteStorage` and :class:`PostgresStorage`.

    ``create_limit``: at most this many session creations per client in ``create_window`` seconds
    (counted in the database, so every worker shares the count); ``None``: no limit.
    """

    kind = "abstract"

    def __init__(self, hub: Hub | None = None, create_limit: int | None = 30, create_window: float = 600.0) -> None:
        self.hub = hub or Hub()
        self.create_limit = create_limit
        self.create_window = create_window
        self._cache: OrderedDict[str, Session] = OrderedDict()
        self._flights: dict[str, threading.Lock] = {}
        self._cache_lock = threading.Lock()
        self.load_errors: list[str] = []

    # -- what a backend provides ---------------------------------------------------------------------
    #: The backend's query parameter (the SQL below is written with ``?``).
    PARAM = "?"
    #: What ``SELECT`` adds to lock a session's row for one command (PostgreSQL: ``FOR UPDATE``).
    LOCK_ROW = ""

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        """A write transaction: a connection whose statements commit together (or not at all)."""
        raise NotImplementedError
        yield  # pragma: no cover

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        """The rows of a read-only query (``sql`` written with ``?``)."""
        raise NotImplementedError

    def _serialise_creations(self, conn: Any, client: str) -> None:
        """Make two creations by one client wait for each other (PostgreSQL; SQLite's writers queue anyway)."""

    def _written(self, conn: Any, session: Session) -> None:
        """Inside the command's transaction, after its rows are written (PostgreSQL: ``NOTIFY``)."""

    def _inserted(self) -> None:
        """After new sessions are committed (SQLite: keep the files private)."""

    # -- the SQL, one copy for both backends ----------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql if self.PARAM == "?" else sql.replace("?", self.PARAM)

    def _run(self, conn: Any, sql: str, args: tuple[Any, ...]) -> Any:
        return conn.execute(self._sql(sql), args)

    def _insert(self, sessions: list[Session], client: str | None, conference: dict[str, Any] | None) -> None:
        """Store new sessions (and their conference) in one transaction, counting the client's creations."""
        now = time.time()
        with self._tx() as conn:
            if client is not None and self.create_limit is not None:
                self._serialise_creations(conn, client)
                self._run(conn, "DELETE FROM live_creations WHERE at < ?", (now - self.create_window,))
                row = self._run(
                    conn,
                    "SELECT count(*) FROM live_creations WHERE client = ? AND at >= ?",
                    (client, now - self.create_window),
                ).fetchone()
                count = int(row[0]) if row else 0
                if count >= self.create_limit:
                    raise LimitReached(self._limit_message(count))
                self._run(conn, "INSERT INTO live_creations VALUES (?, ?)", (client, now))
            if conference is not None:
                self._run(
                    conn, "INSERT INTO live_conferences VALUES (?, ?, ?, ?, ?)",
                    (conference["id"], conference["title"], conference["organiser_hash"], json.dumps(conference["committees"]), now),
                )  # fmt: skip
            for s in sessions:
                self._run(
                    conn, "INSERT INTO live_sessions VALUES (?, ?, ?, ?, ?, ?)",
                    (s.id, s.version, _dump(s), s.created, s.updated, s.conference),
                )  # fmt: skip
                self._event(conn, s.id, s.version, "create", Role.CHAIR, {"title": s.title}, now)
        self._inserted()

    def _event(self, conn: Any, sid: str, version: int, name: str, actor: str, payload: Any, at: float) -> None:
        self._run(
            conn, "INSERT INTO live_events (session_id, version, name, actor, payload, at) VALUES (?, ?, ?, ?, ?, ?)",
            (sid, version, name, str(actor), json.dumps(payload), at),
        )  # fmt: skip

    @contextmanager
    def _locked(self, sid: str) -> Iterator[tuple[Any, int, str]]:
        """A transaction holding the session's row: ``(connection, version, snapshot)``."""
        with self._tx() as conn:
            sql = "SELECT version, snapshot FROM live_sessions WHERE id = ?" + self.LOCK_ROW
            row = self._run(conn, sql, (sid,)).fetchone()
            if row is None:
                raise Missing(f"no live session {sid!r}: check the link (sessions are kept until deleted)")
            yield conn, int(row[0]), str(row[1])

    def _write(self, conn: Any, session: Session, before: int, command: Command, actor: str) -> None:
        self._event(conn, session.id, session.version, command.name, actor, command.payload(), session.updated)
        self._run(
            conn, "UPDATE live_sessions SET version = ?, snapshot = ?, updated = ? WHERE id = ? AND version = ?",
            (session.version, _dump(session), session.updated, session.id, before),
        )  # fmt: skip
        self._written(conn, session)

    def _row(self, sid: str) -> tuple[int, str] | None:
        rows = self._rows("SELECT version, snapshot FROM live_sessions WHERE id = ?", (sid,))
        return (int(rows[0][0]), str(rows[0][1])) if rows else None

    def version(self, sid: str) -> int | None:
        """The session's version in the database (``None``: no such session)."""
        rows = self._rows("SELECT version FROM live_sessions WHERE id = ?", (sid,))
        return int(rows[0][0]) if rows else None

    def events(self, sid: str) -> list[dict[str, Any]]:
        """The session's event log, oldest first."""
        rows = self._rows(
            "SELECT version, name, actor, payload, at FROM live_events WHERE session_id = ? ORDER BY seq", (sid,)
        )
        return [{"version": v, "name": n, "actor": a, "payload": json.loads(p), "at": t} for v, n, a, p, t in rows]

    def list_sessions(self, conference: str | None = None) -> list[Session]:
        """Every session (of one conference), newest first."""
        where, args = (" WHERE conference = ?", (conference,)) if conference is not None else ("", ())
        rows = self._rows(f"SELECT snapshot FROM live_sessions{where} ORDER BY created DESC, id", args)
        return [Session.from_dict(json.loads(r[0])) for r in rows]

    def conference(self, cid: str) -> dict[str, Any]:
        """A conference's record (``title``, ``organiser_hash``, ``committees``), or :class:`Missing`."""
        rows = self._rows("SELECT id, title, organiser_hash, committees FROM live_conferences WHERE id = ?", (cid,))
        if not rows:
            raise Missing(f"no conference {cid!r}")
        cid, title, organiser_hash, committees = rows[0]
        return {"id": cid, "title": title, "organiser_hash": organiser_hash, "committees": json.loads(committees)}

    def listen(self) -> None:
        """Start hearing of other workers' changes (idempotent)."""

    def close(self) -> None:
        """Close connections and stop listening."""

    # -- shared ---------------------------------------------------------------------------------------

    def create(self, session: Session, client: str | None = None) -> Session:
        """Store a new session (counted against ``client``'s creation limit); returns it."""
        self._insert([session], client, None)
        self._remember(session)
        return session

    def create_conference(
        self, cid: str, title: str, organiser_hash: str, sessions: list[Session], client: str | None = None
    ) -> list[Session]:
        """Store a conference and its committees in one transaction (one creation for the limit)."""
        record = {"id": cid, "title": title, "organiser_hash": organiser_hash, "committees": [s.id for s in sessions]}
        self._insert(sessions, client, record)
        for s in sessions:
            self._remember(s)
        return sessions

    def execute(self, sid: str, token: str | None, command: Command) -> Done:
        """Run one command on a session in one transaction; its event is logged and the change published."""
        with self._locked(sid) as (conn, before, snapshot):
            session = Session.from_dict(json.loads(snapshot))
            actor = session.role(token)
            result = command.apply(session, token)
            changed = session.version != before
            if changed:
                session.updated = time.time()
                self._write(conn, session, before, command, actor)
        if changed:
            self._remember(session)
            self.hub.publish(sid, session.version)
        return Done(result, session, changed)

    def cached(self, sid: str, version: int) -> Session | None:
        """The session if this process already holds ``version`` of it (or newer), else ``None``: the
        event streams use it to skip a database read (and a thread) for a change this worker made."""
        with self._cache_lock:
            held = self._cache.get(sid)
        return held if held is not None and held.version >= version else None

    def load(self, sid: str, fresh: bool = False) -> Session:
        """The session as stored (a copy shared by readers: do not change it); :class:`Missing` if none.

        Without ``fresh``, a copy this process already holds is used when no newer version has been
        heard of (the event streams read sessions this way: one database read per change, not one
        per stream)."""
        with self._cache_lock:
            cached = self._cache.get(sid)
        latest = self.hub.latest(sid)
        if cached is not None and not fresh and latest is not None and cached.version >= latest:
            return cached
        with self._cache_lock:
            flight = self._flights.setdefault(sid, threading.Lock())
        with flight:  # one database read per session at a time: the streams woken by a change share it
            with self._cache_lock:
                cached = self._cache.get(sid)
            latest = self.hub.latest(sid)
            if cached is not None and not fresh and latest is not None and cached.version >= latest:
                return cached
            return self._read(sid, cached)

    def _read(self, sid: str, cached: Session | None) -> Session:
        row = self._row(sid)
        if row is None:
            raise Missing(f"no live session {sid!r}: check the link (sessions are kept until deleted)")
        version, snapshot = row
        if cached is not None and cached.version == version:
            return cached
        session = Session.from_dict(json.loads(snapshot))
        self._remember(session)
        self.hub.publish(sid, session.version)
        return session

    def _remember(self, session: Session) -> None:
        with self._cache_lock:
            old = self._cache.get(session.id)
            if old is None or old.version <= session.version:
                self._cache[session.id] = session
                self._cache.move_to_end(session.id)
            while len(self._cache) > 2000:
                self._cache.popitem(last=False)

    def _limit_message(self, count: int) -> str:
        minutes = self.create_window / 60
        return (
            f"this address has created {count} sessions in the last {minutes:g} minutes, the most it may; "
            f"try again in a few minutes (other chairs are not affected)"
        )


# -- SQLite ------------------------------------------------------------------------------------------------

SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS live_sessions (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    snapshot TEXT NOT NULL,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    conference TEXT
);
CREATE INDEX IF NOT EXISTS live_sessions_conference ON live_sessions(conference);
CREATE TABLE IF NOT EXISTS live_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL,
    at REAL NOT NULL,
    UNIQUE (session_id, version)
);
CREATE TRIGGER IF NOT EXISTS live_events_no_update BEFORE UPDATE ON live_events
BEGIN SELECT RAISE(ABORT, 'live_events is append-only'); END;
CREATE TRIGGER IF NOT EXISTS live_events_no_delete BEFORE DELETE ON live_events
BEGIN SELECT RAISE(ABORT, 'live_events is append-only'); END;
CREATE TABLE IF NOT EXISTS live_creations (client TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS live_creations_client ON live_creations(client, at);
CREATE TABLE IF NOT EXISTS live_conferences (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    organiser_hash TEXT NOT NULL,
    committees TEXT NOT NULL,
    created REAL NOT NULL
);
"""


class SQLiteStorage(Storage):
    """Sessions in one SQLite file (WAL, ``synchronous=FULL``, one ``BEGIN IMMEDIATE`` transaction per
    command). Several processes may share the file; each hears of the others' changes by polling the
    event log every ``poll`` seconds while streams are open.

    >>> import tempfile, os, stat
    >>> d = tempfile.mkdtemp(); store = SQLiteStorage(os.path.join(d, "live.sqlite3"))
    >>> oct(stat.S_IMODE(os.stat(os.path.join(d, "live.sqlite3")).st_mode))
    '0o600'
    """

    kind = "sqlite"

    def __init__(self, path: str | Path, hub: Hub | None = None, poll: float = 0.05, **options: Any) -> None:
        super().__init__(hub, **options)
        self.memory = str(path) == ":memory:"
        self.path = Path(str(path)) if not self.memory else None
        self.poll = poll
        self._local = threading.local()
        self._shared: sqlite3.Connection | None = None
        self._write_lock = threading.RLock()
        self._stop = threading.Event()
        self._poller: threading.Thread | None = None
        self._lock_fd: int | None = None
        if self.path is not None:
            self._prepare_file(self.path)
            self._lock_fd = os.open(f"{self.path}.lock", os.O_CREAT | os.O_RDWR, 0o600)
        conn = self._conn()
        with self._write_lock, self._file_lock():
            conn.executescript(SQLITE_SCHEMA)
        if self.path is not None:
            self._protect()

    @staticmethod
    def _prepare_file(path: Path) -> None:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
        os.close(fd)

    def _protect(self) -> None:
        assert self.path is not None
        for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm")):
            if p.exists():
                os.chmod(p, 0o600)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            ":memory:" if self.memory else str(self.path), isolation_level=None, check_same_thread=False, timeout=30
        )
        conn.execute("PRAGMA busy_timeout = 30000")
        if not self.memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        return conn

    def _conn(self) -> sqlite3.Connection:
        if self.memory:
            if self._shared is None:
                self._shared = self._connect()
            return self._shared
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. Writers queue on a lock (threads of this process) and on ``flock`` of
        ``<file>.lock`` (other processes), which wake the next writer at once: SQLite's own busy
        handler would sleep and retry (up to 100 ms a try), which made a burst of votes crawl."""
        conn = self._conn()
        with self._write_lock, self._file_lock():
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        if self._lock_fd is None:
            yield
            return
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        with self._write_lock if self.memory else _nolock():
            return self._conn().execute(sql, args).fetchall()

    def _inserted(self) -> None:
        if self.path is not None:
            self._protect()

    # -- hearing other processes -------------------------------------------------------------------

    def listen(self) -> None:
        """Watch the event log for other processes' commits (a daemon thread; idempotent)."""
        if self.memory or (self._poller is not None and self._poller.is_alive()):
            return
        with self._write_lock:
            if self._poller is not None and self._poller.is_alive():
                return
            self._poller = threading.Thread(target=self._watch, name="unsc-live-sqlite-watch", daemon=True)
            self._poller.start()

    def _watch(self) -> None:
        conn = self._connect()
        (seq,) = conn.execute("SELECT coalesce(max(seq), 0) FROM live_events").fetchone()
        seen_dv = None
        while not self._stop.wait(self.poll):
            try:
                (dv,) = conn.execute("PRAGMA data_version").fetchone()
                if dv == seen_dv:
                    continue
                seen_dv = dv
                rows = conn.execute(
                    "SELECT max(seq), session_id, max(version) FROM live_events WHERE seq > ? GROUP BY session_id",
                    (seq,),
                ).fetchall()
                for top, sid, version in rows:
                    seq = max(seq, top)
                    self.hub.publish(sid, int(version))
            except sqlite3.Error:  # pragma: no cover - a locked or busy file: try again next tick
                seen_dv = None
        conn.close()

    def close(self) -> None:
        """Stop watching and close this thread's connection."""
        self._stop.set()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None


@contextmanager
def _nolock() -> Iterator[None]:
    yield


# -- PostgreSQL -------------------------------------------------------------------------------------------

PG_SCHEMA = """
CREATE TABLE IF NOT EXISTS live_sessions (
    id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    snapshot TEXT NOT NULL,
    created DOUBLE PRECISION NOT NULL,
    updated DOUBLE PRECISION NOT NULL,
    conference TEXT
);
CREATE INDEX IF NOT EXISTS live_sessions_conference ON live_sessions(conference);
CREATE TABLE IF NOT EXISTS live_events (
    seq BIGSERIAL PRIMARY KEY,
    session_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    name TEXT NOT NULL,
    actor TEXT NOT NULL,
    payload TEXT NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    UNIQUE (session_id, version)
);
CREATE OR REPLACE FUNCTION live_events_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'live_events is append-only'; END $$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS live_events_append_only ON live_events;
CREATE TRIGGER live_events_append_only BEFORE UPDATE OR DELETE ON live_events
FOR EACH ROW EXECUTE FUNCTION live_events_append_only();
CREATE TABLE IF NOT EXISTS live_creations (client TEXT NOT NULL, at DOUBLE PRECISION NOT NULL);
CREATE INDEX IF NOT EXISTS live_creations_client ON live_creations(client, at);
CREATE TABLE IF NOT EXISTS live_conferences (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    organiser_hash TEXT NOT NULL,
    committees TEXT NOT NULL,
    created DOUBLE PRECISION NOT NULL
);
REVOKE ALL ON live_sessions, live_events, live_creations, live_conferences FROM PUBLIC;
"""


class PostgresStorage(Storage):
    """Sessions in PostgreSQL (psycopg 3): a row lock per session for each command, ``NOTIFY`` on
    commit so every worker's streams hear of it. Any number of workers or hosts may share one database.
    """

    kind = "postgresql"
    PARAM = "%s"
    LOCK_ROW = " FOR UPDATE"

    def __init__(self, dsn: str, hub: Hub | None = None, pool_size: int = 8, **options: Any) -> None:
        super().__init__(hub, **options)
        import psycopg
        from psycopg_pool import ConnectionPool

        self.dsn = dsn
        self._psycopg = psycopg
        self.pool = ConnectionPool(dsn, min_size=1, max_size=pool_size, open=True, kwargs={"autocommit": False})
        self._stop = threading.Event()
        self._listener: threading.Thread | None = None
        self._listen_lock = threading.Lock()
        with self.pool.connection() as conn, conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(424242)")  # two workers starting at once
            conn.execute(PG_SCHEMA)

    @contextmanager
    def _tx(self) -> Iterator[Any]:
        with self.pool.connection() as conn, conn.transaction():
            yield conn

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        with self.pool.connection() as conn:
            rows = conn.execute(self._sql(sql), args).fetchall()
            conn.rollback()
        return list(rows)

    def _serialise_creations(self, conn: Any, client: str) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (client,))

    def _written(self, conn: Any, session: Session) -> None:
        conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{session.id} {session.version}"))

    def listen(self) -> None:
        """``LISTEN`` for every worker's commits (a daemon thread with its own connection; idempotent)."""
        with self._listen_lock:
            if self._listener is not None and self._listener.is_alive():
                return
            ready = threading.Event()
            self._listener = threading.Thread(
                target=self._listen, args=(ready,), name="unsc-live-pg-listen", daemon=True
            )
            self._listener.start()
        ready.wait(10)

    def _listen(self, ready: threading.Event) -> None:
        while not self._stop.is_set():
            try:
                with self._psycopg.connect(self.dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    ready.set()
                    while not self._stop.is_set():
                        for n in conn.notifies(timeout=1.0):
                            sid, _, version = n.payload.partition(" ")
                            self.hub.publish(sid, int(version))
            except self._psycopg.Error:  # pragma: no cover - database restarted: reconnect
                ready.set()
                self._stop.wait(1.0)

    def close(self) -> None:
        """Stop listening and close the pool."""
        self._stop.set()
        self.pool.close()
