"""Every change to a session as a named object: what the event log records and storage applies.

A command holds what was asked, never the token that asked it: the token decides the role, and the
event log keeps the role (``chair`` or a seat's code), the command's name and its fields.

>>> from unsc.sessions.model import Session
>>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
>>> cmd = OpenVote("Draft resolution S/1511")
>>> cmd.apply(s, s.chair_token).number, cmd.name, cmd.payload()
(1, 'open', {'question': 'Draft resolution S/1511', 'kind': 'draft_resolution'})
>>> Command.from_event("cast", {"seat": "USA", "vote": "Y", "number": 1})
Cast(vote='Y', number=1, seat='USA')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar

from unsc.sessions.model import Session, Unprocessable

__all__ = ["COMMANDS", "Cast", "CloseVote", "Command", "Floor", "OpenMotion", "OpenVote", "ReplaceLink"]


@dataclass(frozen=True)
class Command:
    """A change to a session; subclasses name themselves (``name``) and apply to a :class:`Session`."""

    name: ClassVar[str] = ""

    def apply(self, session: Session, token: str | None) -> Any:  # pragma: no cover - abstract
        """Run the command on ``session`` for the holder of ``token`` (raises a :class:`LiveError`)."""
        raise NotImplementedError

    def payload(self) -> dict[str, Any]:
        """The command's fields, as the event log keeps them (no token)."""
        return dataclasses.asdict(self)

    @staticmethod
    def from_event(name: str, payload: dict[str, Any]) -> Command:
        """The command an event records (``Unprocessable`` for an unknown name or field)."""
        cls = COMMANDS.get(name)
        if cls is None:
            raise Unprocessable(f"unknown command {name!r}; known: {', '.join(COMMANDS)}")
        try:
            return cls(**payload)
        except TypeError as exc:
            raise Unprocessable(f"command {name}: {exc}") from exc


@dataclass(frozen=True)
class OpenVote(Command):
    """The President puts a question to the vote."""

    question: str
    kind: str = "draft_resolution"
    name: ClassVar[str] = "open"

    def apply(self, session: Session, token: str | None) -> Any:
        """See :meth:`Session.open_vote`."""
        return session.open_vote(token, self.question, self.kind)


@dataclass(frozen=True)
class Cast(Command):
    """A vote in vote ``number`` (the one the voter saw): a delegate's own seat, or any seat by the chair."""

    vote: str | None
    number: int | None
    seat: str | None = None
    name: ClassVar[str] = "cast"

    def apply(self, session: Session, token: str | None) -> Any:
        """See :meth:`Session.cast`."""
        return session.cast(token, self.seat, self.vote, number=self.number)


@dataclass(frozen=True)
class CloseVote(Command):
    """The President closes the vote: the rules decide, the result is announced."""

    name: ClassVar[str] = "close"

    def apply(self, session: Session, token: str | None) -> Any:
        """See :meth:`Session.close_vote`."""
        return session.close_vote(token)


@dataclass(frozen=True)
class OpenMotion(Command):
    """The President puts a procedural motion (rule 33, or an invitation under rules 37/39) to the vote."""

    motion: str
    detail: str = ""
    name: ClassVar[str] = "motion"

    def apply(self, session: Session, token: str | None) -> Any:
        """See :meth:`Session.open_motion`."""
        return session.open_motion(token, self.motion, self.detail)


@dataclass(frozen=True)
class Floor(Command):
    """An action on the floor: the speakers list and the speaking clock."""

    action: str
    who: str | None = None
    seconds: int | str | None = None
    at: float | None = None  # when it happened (the clock is part of the session's state)
    name: ClassVar[str] = "floor"

    def apply(self, session: Session, token: str | None) -> Any:
        """See :meth:`Session.floor`."""
        return session.floor(token, self.action, self.who, self.seconds, self.at)


@dataclass(frozen=True)
class ReplaceLink(Command):
    """The President replaces a seat's link: the old one stops working."""

    seat: str
    name: ClassVar[str] = "replace_link"

    def apply(self, session: Session, token: str | None) -> Any:
        """See :meth:`Session.replace_link` (returns the new token; the event log never holds it)."""
        return session.replace_link(token, self.seat)


#: Every command by name.
COMMANDS: dict[str, type[Command]] = {c.name: c for c in (OpenVote, Cast, CloseVote, OpenMotion, Floor, ReplaceLink)}
