"""Live Council sessions without HTTP: the model, commands, storage and the event fan-out.

* :mod:`unsc.sessions.model`: :class:`Session` (the Council, its votes, the floor), pure.
* :mod:`unsc.sessions.commands`: every change as a named object (:class:`Cast`, :class:`OpenVote`, ...).
* :mod:`unsc.sessions.storage`: where sessions live: SQLite (the embedded default) or PostgreSQL,
  one transaction per command, an append-only event log and a versioned snapshot.
* :mod:`unsc.sessions.fanout`: wakes every open event stream of a session when it changes.
* :mod:`unsc.sessions.conference`: many committees at once from a small TOML or CSV file.

>>> from unsc.sessions import Cast, OpenVote, Session, open_storage
>>> store = open_storage(":memory:")
>>> s = store.create(Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]))
>>> _ = store.execute(s.id, s.chair_token, OpenVote("Draft resolution S/1511"))
>>> store.execute(s.id, s.token_of("USA"), Cast(vote="Y", number=1)).session.version
3
"""

from unsc.sessions.commands import COMMANDS, Cast, CloseVote, Command, Floor, OpenMotion, OpenVote, ReplaceLink
from unsc.sessions.fanout import Hub
from unsc.sessions.model import (
    KINDS,
    PROCEDURAL_MOTIONS,
    VOTE_LABELS,
    Conflict,
    Forbidden,
    LimitReached,
    LiveError,
    Missing,
    Motion,
    MotionState,
    Role,
    SeatVote,
    Session,
    Speaker,
    Unprocessable,
    Viewer,
    clock,
    hash_token,
    lot,
    roll_call_order,
    seat_name,
)
from unsc.sessions.storage import Done, PostgresStorage, SQLiteStorage, Storage, open_storage

__all__ = [
    "COMMANDS",
    "KINDS",
    "PROCEDURAL_MOTIONS",
    "VOTE_LABELS",
    "Cast",
    "CloseVote",
    "Command",
    "Conflict",
    "Done",
    "Floor",
    "Forbidden",
    "Hub",
    "LimitReached",
    "LiveError",
    "Missing",
    "Motion",
    "MotionState",
    "OpenMotion",
    "OpenVote",
    "PostgresStorage",
    "ReplaceLink",
    "Role",
    "SQLiteStorage",
    "SeatVote",
    "Session",
    "Speaker",
    "Storage",
    "Unprocessable",
    "Viewer",
    "clock",
    "hash_token",
    "lot",
    "open_storage",
    "roll_call_order",
    "seat_name",
]
