"""The live API's request and error bodies (pydantic), and the error answers its routes document.

>>> VoteIn(number=2, vote="Y").seat is None
True
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, Field

from unsc.sessions.model import FLOOR_ACTIONS, MAX_QUESTION, MAX_TIME_LIMIT, MAX_TITLE

__all__ = [
    "ERRORS",
    "ERRORS_LIMITED",
    "ConferenceIn",
    "CreateIn",
    "FloorIn",
    "LiveErrorOut",
    "MotionIn",
    "OpenIn",
    "ReplaceIn",
    "TokenIn",
    "VoteIn",
]

Str100 = Annotated[str, Field(max_length=100)]
TokenField = Field(
    default=None, max_length=100, description="the link's token (or the session cookie, or a Bearer header)"
)


class CreateIn(BaseModel):
    """A new session: the Council of a date (its elected members from the record store, or typed),
    or a reform scenario."""

    title: str = Field(default="", max_length=MAX_TITLE)
    date: dt.date | None = Field(default=None, description="the Council of this date votes")
    scenario: str | None = Field(default=None, max_length=60, description="a reform model (see /api/scenarios)")
    elected: list[Str100] = Field(default=[], max_length=60, description="elected members, if the store lacks them")


class OpenIn(BaseModel):
    """The President puts a question to the vote."""

    token: str | None = TokenField
    question: str = Field(min_length=1, max_length=MAX_QUESTION)
    kind: str = Field(default="draft_resolution", max_length=60, description="a unsc.rules.Kind value")


class VoteIn(BaseModel):
    """A vote on vote ``number`` (the one the voter sees): a delegate's own seat, or any seat with the chair's token."""

    token: str | None = TokenField
    number: int = Field(ge=1, le=10_000, description="the vote's number as the pages show it ('Vote 2')")
    vote: str | None = Field(default=None, max_length=40, description="Y, N, A, not_participating; chair: absent")
    seat: str | None = Field(default=None, max_length=100, description="the seat (code or name); default: your own")


class TokenIn(BaseModel):
    """The chair's token (closing a vote)."""

    token: str | None = TokenField


class ReplaceIn(BaseModel):
    """The President replaces a seat's link."""

    token: str | None = TokenField
    seat: str = Field(max_length=100)


class FloorIn(BaseModel):
    """An action on the floor: the President runs the speakers list and the clock; a delegate asks to speak."""

    token: str | None = TokenField
    action: str = Field(max_length=20, description=", ".join(FLOOR_ACTIONS))
    who: str | None = Field(default=None, max_length=100, description="a seat, or any state (invited, no vote)")
    seconds: int | None = Field(default=None, ge=0, le=MAX_TIME_LIMIT, description="action limit: seconds, 0 none")


class MotionIn(BaseModel):
    """The President puts a procedural motion (rule 33 order, or a rule 37/39 invitation) to the vote."""

    token: str | None = TokenField
    motion: str = Field(max_length=40, description="a kind from PROCEDURAL_MOTIONS, e.g. suspend")
    detail: str = Field(default="", max_length=300, description="e.g. the date, the committee, who is invited")


class ConferenceIn(BaseModel):
    """Many committees at once: the text of a TOML or CSV file and its name (the ending says which)."""

    filename: str = Field(default="conference.toml", max_length=200)
    text: str = Field(min_length=1, max_length=200_000)


class LiveErrorOut(BaseModel):
    """An error: what went wrong, in words, and its kind (forbidden, not_found, conflict, bad_input, limit_reached)."""

    detail: str
    error: str
    open_vote: dict[str, Any] | None = None


#: The error answers every live API route documents (the body is :class:`LiveErrorOut`).
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": LiveErrorOut, "description": d}
    for s, d in [
        (403, "the token does not allow it"),
        (404, "no such session"),
        (409, "not now (a vote closed, another is open)"),
        (413, "the request body is over 1 MB"),
        (422, "bad input"),
    ]
}
#: The same, for routes a client may call too often (429).
ERRORS_LIMITED: dict[int | str, dict[str, Any]] = {429: ERRORS[422], **ERRORS}
