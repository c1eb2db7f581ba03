"""The live-session model: a Council session, its votes, the floor and the President's words. Pure:
no I/O, no HTTP. Storage (:mod:`unsc.sessions.storage`) and the web pages build on it.

The Charter decides (:func:`unsc.rules.decide`): nine votes (seven before 1966) including no negative
vote of a permanent member on a substantive matter, no veto on a procedural one, an abstention or
absence of a permanent member never a veto.

Secrets: a session keeps only SHA-256 hashes of its links' tokens. The chair's token is random; a
seat's token is derived from the chair's token (HMAC of the session, the seat and the link's
generation), so whoever holds the chair's link can show every seat's link again, and replacing one
seat's link (a new generation) makes the old one worthless. The tokens themselves exist only in the
object that created them (:attr:`Session.chair_token`) and in the links handed out.

>>> s = Session.create(date="2024-03-22", elected=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"])
>>> m = s.open_vote(s.chair_token, "Draft resolution S/2024/239")
>>> for code in ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"]:
...     _ = s.cast(s.token_of(code), code, "Y", number=1)
>>> for code in ["RUS", "CHN", "DZA"]:
...     _ = s.cast(s.token_of(code), code, "N", number=1)
>>> live = s.live(m)
>>> live["yes"], live["required"], live["not_voted"], live["veto_now"]
(11, 9, 1, ['CHN', 'RUS'])
>>> s.close_vote(s.chair_token).decision["failure_reason"]
'veto'
>>> "chair_token" in str(s.to_dict()) or s.chair_token in str(s.to_dict())
False
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import math
import random
import secrets
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from unsc.rules import (
    Ballot,
    Council,
    Decision,
    Kind,
    NonVoting,
    RosterError,
    UnknownMemberError,
    Vote,
    VotingClass,
    decide,
    find_member,
)
from unsc.rules.council import permanent_government, permanent_seat
from unsc.rules.wording import name_list, plural, with_article

__all__ = [
    "COMMON_KINDS",
    "DELEGATE_CHOICES",
    "FLOOR_ACTIONS",
    "KINDS",
    "MAX_QUESTION",
    "MAX_TIME_LIMIT",
    "MAX_TITLE",
    "PROCEDURAL_MOTIONS",
    "VOTE_LABELS",
    "Conflict",
    "Forbidden",
    "LimitReached",
    "LiveError",
    "Missing",
    "Motion",
    "MotionState",
    "Role",
    "Seat",
    "SeatVote",
    "Session",
    "Speaker",
    "Unprocessable",
    "Viewer",
    "clock",
    "hash_token",
    "lot",
    "roll_call_order",
    "seat_name",
]

#: What a session can vote on: every decision kind of the engine except the ICJ ballot (candidates,
#: not yes/no) and the Secretary-General straw poll (informal: it decides nothing).
KINDS: tuple[str, ...] = tuple(k.value for k in Kind if k not in (Kind.ICJ_BALLOT, Kind.SG_STRAW_POLL))
#: The kinds the pages offer first, in the order a chair most often needs them.
COMMON_KINDS = ("draft_resolution", "amendment", "part", "procedural", "agenda", "adjourn", "invite_rule37")


class SeatVote(StrEnum):
    """A seat's state in a session's vote, as stored and sent: a vote cast (the rules' :class:`Vote`
    letters) or no vote for a stated reason (the rules' :class:`NonVoting`); a seat not in a motion's
    map has not voted yet. The values are the stored ones (``not_participating`` is
    :attr:`NonVoting.NOT_PARTICIPATING`, stored under its shorter name since the first sessions).

    >>> SeatVote("not_participating").vote, SeatVote.NOT_PARTICIPATING.reason, SeatVote.YES.vote
    (<Vote.NON_VOTING: 'X'>, <NonVoting.NOT_PARTICIPATING: 'present_not_participating'>, <Vote.YES: 'Y'>)
    """

    YES = Vote.YES.value
    NO = Vote.NO.value
    ABSTAIN = Vote.ABSTAIN.value
    ABSENT = NonVoting.ABSENT.value
    NOT_PARTICIPATING = "not_participating"

    @property
    def reason(self) -> NonVoting | None:
        """Why no vote was cast (``None`` for a vote cast)."""
        return _REASONS.get(self)

    @property
    def vote(self) -> Vote:
        """The vote as the rules count it (``X`` for no vote)."""
        return Vote.NON_VOTING if self.reason is not None else Vote(self.value)


_REASONS = {SeatVote.ABSENT: NonVoting.ABSENT, SeatVote.NOT_PARTICIPATING: NonVoting.NOT_PARTICIPATING}


class MotionState(StrEnum):
    """Whether a vote is open (seats may vote and change their vote) or closed (announced, final)."""

    OPEN = "open"
    CLOSED = "closed"


class Role(StrEnum):
    """Who holds a token: the President (the chair's link), a delegate (a seat's link), or nobody."""

    CHAIR = "chair"
    DELEGATE = "delegate"
    PUBLIC = "public"


@dataclass(frozen=True)
class Viewer:
    """Who is asking: a :class:`Role`, and for a delegate the seat's code.

    >>> Viewer(Role.DELEGATE, "IND").actor, Viewer(Role.CHAIR).actor
    ('IND', 'chair')
    """

    role: Role
    seat: str | None = None

    @property
    def actor(self) -> str:
        """How the event log and the views name the viewer: ``chair``, ``public`` or the seat's code."""
        return self.seat if self.seat is not None else self.role.value


#: A seat's state in a vote: cast (Y/N/A), or not voting for a stated reason.
VOTE_STATES = tuple(SeatVote)
VOTE_LABELS: dict[str | None, str] = {
    SeatVote.YES: "Yes",
    SeatVote.NO: "No",
    SeatVote.ABSTAIN: "Abstain",
    SeatVote.ABSENT: "Absent",
    SeatVote.NOT_PARTICIPATING: "Present, not participating",
    None: "Not voted yet",
}
DELEGATE_CHOICES = (SeatVote.YES, SeatVote.NO, SeatVote.ABSTAIN, SeatVote.NOT_PARTICIPATING)

MAX_TITLE = 120
MAX_QUESTION = 500
MAX_SPEAKERS = 200
MAX_TIME_LIMIT = 3600
FLOOR_ACTIONS = ("add", "remove", "up", "down", "next", "end", "limit", "pause", "resume", "request", "withdraw")
#: Procedural motions the President can put to the vote, rule 33 first in its order of precedence
#: (rule 33(6), introducing an amendment, is voted as an ``amendment``), then invitations (rules 37/39).
PROCEDURAL_MOTIONS: tuple[dict[str, Any], ...] = (
    {"kind": "suspend", "rule": "33(1)", "label": "Suspend the meeting", "question": "Motion to suspend the meeting"},
    {"kind": "adjourn", "rule": "33(2)", "label": "Adjourn the meeting", "question": "Motion to adjourn the meeting"},
    {
        "kind": "adjourn_to_date",
        "rule": "33(3)",
        "label": "Adjourn to a certain day or hour",
        "question": "Motion to adjourn the meeting to a certain day or hour",
    },
    {
        "kind": "refer_to_committee",
        "rule": "33(4)",
        "label": "Refer to a committee, the Secretary-General or a rapporteur",
        "question": "Motion to refer the matter to a committee, the Secretary-General or a rapporteur",
    },
    {
        "kind": "postpone",
        "rule": "33(5)",
        "label": "Postpone discussion to a certain day or indefinitely",
        "question": "Motion to postpone the discussion",
    },
    {
        "kind": "invite_rule37",
        "rule": "37",
        "label": "Invite a Member of the UN to participate, without vote",
        "question": "Proposal to invite, under rule 37, to participate without vote",
    },
    {
        "kind": "invite_rule39",
        "rule": "39",
        "label": "Invite a person (officials, experts) under rule 39",
        "question": "Proposal to invite, under rule 39",
    },
)


# -- errors (each carries its HTTP status and the ``error`` word of the JSON body) ------------------


class LiveError(Exception):
    """Something a live-session request cannot do; ``status`` and ``kind`` say how the API answers,
    ``extra`` holds facts the answer carries besides the message (e.g. which vote is open)."""

    status = 400
    kind = "error"

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.extra: dict[str, Any] = extra


class Forbidden(LiveError):
    """A token that does not allow the action (a delegate closing a vote, voting for another seat)."""

    status = 403
    kind = "forbidden"


class Missing(LiveError):
    """No such session (or it has expired)."""

    status = 404
    kind = "not_found"


class Conflict(LiveError):
    """The action does not fit the session's state (no vote open, a vote already open, a closed vote)."""

    status = 409
    kind = "conflict"


class Unprocessable(LiveError):
    """Bad input: an unknown member or kind, a date without a Council, a roster of the wrong size."""

    status = 422
    kind = "bad_input"


class LimitReached(LiveError):
    """The server holds as many sessions (or a session as many votes) as it allows."""

    status = 429
    kind = "limit_reached"


# -- names and order ----------------------------------------------------------------------------------


def seat_name(code: str, date: dt.date | None = None) -> str:
    """A seat's name as the Council of ``date`` calls it; abstract seats of a reform model get a label.

    >>> seat_name("CHN", dt.date(1950, 7, 7)), seat_name("SUN", dt.date(1950, 7, 7)), seat_name("CHN")
    ('Republic of China', 'USSR', 'China')
    >>> seat_name("E3"), seat_name("V7")
    ('Elected seat 3', 'New permanent seat 7')
    """
    if date is not None and permanent_seat(code):
        name = permanent_government(code, date)[1]
        return "China" if name == "People's Republic of China" else name
    found = find_member(code)
    if found is not None:
        return found.name
    if code[:1] == "E" and code[1:].isdigit():
        return f"Elected seat {code[1:]}"
    if code[:1] == "V" and code[1:].isdigit():
        return f"New permanent seat {code[1:]}"
    return code


def roll_call_order(names: dict[str, str], first: str) -> list[str]:
    """Seats in English alphabetical order of their names, starting from ``first`` (drawn by lot).

    >>> roll_call_order({"USA": "United States", "DZA": "Algeria", "FRA": "France", "MLT": "Malta"}, "MLT")
    ['MLT', 'USA', 'DZA', 'FRA']
    """
    order = sorted(names, key=lambda c: names[c].casefold())
    i = order.index(first)
    return order[i:] + order[:i]


def _token() -> str:
    return secrets.token_urlsafe(18)


def hash_token(token: str) -> str:
    """What a session keeps of a link's token: its SHA-256 (tokens are 144 random bits, so a fast
    hash is enough; nothing stored lets anyone rebuild a link).

    >>> len(hash_token("abc")), hash_token("abc") == hash_token("abc")
    (64, True)
    """
    return hashlib.sha256(token.encode()).hexdigest()


def _seat_token(chair_token: str, sid: str, code: str, generation: int) -> str:
    """A seat's token: derived from the chair's, so the chair's link can show it again."""
    mac = hmac.new(chair_token.encode(), f"{sid}:{code}:{generation}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:18]).decode().rstrip("=")


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


def _iso(t: float | None) -> str | None:
    return None if t is None else dt.datetime.fromtimestamp(t, dt.UTC).isoformat(timespec="seconds")


# -- the model ---------------------------------------------------------------------------------------------


@dataclass
class Seat:
    """One Council seat in a session, with the hash of the delegate's link and its generation (how
    many times the President has replaced the link)."""

    code: str
    name: str
    permanent: bool
    token_hash: str
    generation: int = 0


@dataclass
class Speaker:
    """A delegation on the speakers list: a Council seat (``member``), or a state invited under rule 37
    or 39, which speaks but has no vote."""

    code: str
    name: str
    member: bool = True

    def to_dict(self) -> dict[str, Any]:
        """The speaker as the API and the sessions file show it."""
        label = "" if self.member else "invited, no vote"
        return {"code": self.code, "name": self.name, "member": self.member, "label": label}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Speaker:
        """Read a speaker back (``KeyError`` names a missing field)."""
        return cls(str(d["code"]), str(d["name"]), bool(d.get("member", True)))


@dataclass
class Motion:
    """One vote of a session: the question, what kind of decision it is, each seat's vote and the result."""

    number: int
    question: str
    kind: Kind
    state: MotionState = MotionState.OPEN
    votes: dict[str, SeatVote] = field(default_factory=dict)  # code -> the seat's vote
    opened_at: float = 0.0
    closed_at: float | None = None
    changes: int = 0  # votes changed after first being cast
    decision: dict[str, Any] | None = None  # Decision.to_dict() when closed
    president: str | None = None  # the President's announcement
    closing_note: str | None = None  # seats counted absent on close

    def to_dict(self) -> dict[str, Any]:
        """The motion as stored in the sessions file."""
        return {
            "number": self.number,
            "question": self.question,
            "kind": self.kind,
            "state": self.state,
            "votes": dict(self.votes),
            "opened_at": self.opened_at,
            "closed_at": self.closed_at,
            "changes": self.changes,
            "decision": self.decision,
            "president": self.president,
            "closing_note": self.closing_note,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Motion:
        """Read a motion back from the sessions file (``KeyError``/``ValueError`` name the bad field)."""
        m = cls(
            number=int(d["number"]),
            question=str(d["question"]),
            kind=Kind.parse(str(d["kind"])),
            state=_member(MotionState, d["state"], "state"),
            votes={str(k): _member(SeatVote, v, f"votes: {k}") for k, v in dict(d.get("votes") or {}).items()},
            opened_at=float(d.get("opened_at") or 0.0),
            closed_at=None if d.get("closed_at") is None else float(d["closed_at"]),
            changes=int(d.get("changes") or 0),
            decision=d.get("decision"),
            president=d.get("president"),
            closing_note=d.get("closing_note"),
        )
        return m


@dataclass
class Session:
    """A live Council session: the Council, the President's token, one token per seat, and the votes.

    Build one with :meth:`create`. Every change bumps :attr:`version`, which the event stream watches.
    The class itself is not locked: storage (:mod:`unsc.sessions.storage`) runs each change in one transaction.
    """

    id: str
    title: str
    chair_hash: str
    seats: list[Seat]
    size: int
    threshold: int
    permanent: tuple[str, ...]
    vetoes_needed: int = 1
    date: dt.date | None = None
    scenario: str | None = None
    council_name: str = "Security Council"
    roster_source: str = ""
    motions: list[Motion] = field(default_factory=list)
    created: float = 0.0
    updated: float = 0.0
    version: int = 1
    max_motions: int = 200
    speakers: list[Speaker] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # seat codes asking for the floor
    speaking: Speaker | None = None
    time_limit: int = 0  # seconds per speaker, 0: none
    timer_started: float | None = None  # when the clock last (re)started; None: stopped
    timer_elapsed: float = 0.0  # seconds spoken before the last start
    committee: str = ""  # the committee's name in a conference
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # views of this version
    conference: str | None = None  # the conference's id, if any
    #: The chair's token, known only to the object that created the session (never stored).
    chair_token: str | None = field(default=None, repr=False, compare=False)

    # -- building --------------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        *,
        date: dt.date | str | None = None,
        elected: Iterable[str] | None = None,
        scenario: str | None = None,
        council: Council | None = None,
        title: str = "",
        roster_source: str | None = None,
        now: float | None = None,
        chair_token: str | None = None,
        committee: str = "",
        conference: str | None = None,
    ) -> Session:
        """A new session on the Council of ``date`` (``elected``: its 10 or 6 elected members), on a
        reform ``scenario`` of :mod:`unsc.analysis.scenarios`, or on any ``council``.

        Raises :class:`Unprocessable` (HTTP 422) for a date without a Council, an unknown member or
        scenario, or an elected roster of the wrong size.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> s.size, s.threshold, [x.code for x in s.seats if x.permanent]
        (11, 7, ['CHN', 'FRA', 'SUN', 'GBR', 'USA'])
        >>> Session.create(date="2024-03-22")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        unsc.sessions.model.Unprocessable: the Council of 2024-03-22 has 10 elected seats: type its elected members ...
        """
        title = " ".join((title or "").split())[:MAX_TITLE]
        elected_list = None if elected is None else [e.strip() for e in elected if e and e.strip()]
        when: dt.date | None = None
        scenario_name: str | None = None
        try:
            if council is not None:
                source = roster_source or "given"
            elif scenario:
                council, scenario_name, source = _scenario_council(scenario, elected_list)
            else:
                if date is None or date == "":
                    raise Unprocessable("give a date (the Council of that date votes) or a reform scenario")
                base = Council.on(date)
                when = base.date
                if not elected_list:
                    raise Unprocessable(
                        f"the Council of {when} has {base.elected_seats} elected seats: type its elected members "
                        "(no record store lists them for that date)"
                    )
                council = Council.on(when, elected=elected_list)  # type: ignore[arg-type]
                source = roster_source or "typed by the chair"
        except (UnknownMemberError, RosterError) as exc:
            raise Unprocessable(str(exc)) from exc
        except ValueError as exc:  # a date before the Charter, a bad date string, a bad custom Council
            raise Unprocessable(str(exc)) from exc
        when = when or council.date
        codes = list(council.permanent) + list(council.elected or ())
        if len(codes) != council.size:
            raise Unprocessable(f"the Council has {council.size} seats but {len(codes)} are named")
        sid = secrets.token_urlsafe(8)
        chair = chair_token or _token()
        seats = [
            Seat(c, seat_name(c, when), c in council.permanent, hash_token(_seat_token(chair, sid, c, 0)))
            for c in codes
        ]
        t = time.time() if now is None else now
        if not title:
            title = f"{council.name} of {when}" if when else council.name
        return cls(
            id=sid,
            title=title,
            chair_hash=hash_token(chair),
            chair_token=chair,
            seats=seats,
            size=council.size,
            threshold=council.threshold,
            permanent=tuple(council.permanent),
            vetoes_needed=council.vetoes_needed,
            date=when,
            scenario=scenario_name,
            council_name=council.name,
            roster_source=source,
            created=t,
            updated=t,
            committee=" ".join(committee.split())[:MAX_TITLE],
            conference=conference,
        )

    @property
    def council(self) -> Council:
        """The :class:`~unsc.rules.Council` that decides this session's votes (with its full roster)."""
        elected = [s.code for s in self.seats if not s.permanent]
        if self.date is not None and self.scenario is None:
            return Council.on(self.date, elected=elected)
        return Council.custom(
            self.size,
            self.threshold,
            permanent=self.permanent,
            elected=elected,
            vetoes_needed=self.vetoes_needed,
            name=self.council_name,
        )

    # -- who is asking -------------------------------------------------------------------------------

    def seat(self, code: str) -> Seat:
        """The seat of a member (code or name); :class:`Unprocessable` if it does not sit here.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> s.seat("Soviet Union").code
        'SUN'
        """
        want = code.strip()
        for s in self.seats:
            if s.code == want.upper():
                return s
        try:
            canon = self.council.canonical(want)
        except (UnknownMemberError, KeyError, ValueError):
            canon = want.upper()
        for s in self.seats:
            if s.code == canon:
                return s
        raise Unprocessable(f"{code} does not sit on this Council (seats: {', '.join(x.code for x in self.seats)})")

    def token_of(self, code: str, chair_token: str | None = None) -> str:
        """The secret token of a seat's delegate link, rebuilt from the chair's token (``chair_token``,
        default: the one this object was created with); :class:`Forbidden` without a valid one.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> s.role(s.token_of("India"))
        'IND'
        """
        chair = chair_token or self.chair_token
        if not chair or self.viewer(chair).role is not Role.CHAIR:
            raise Forbidden("only the chair's link shows the seats' links")
        seat = self.seat(code)
        return _seat_token(chair, self.id, seat.code, seat.generation)

    def viewer(self, token: str | None) -> Viewer:
        """Who holds ``token``: the chair, a seat's delegate, or the public for no token;
        :class:`Forbidden` for a wrong token.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> s.viewer(s.chair_token).role, s.viewer(s.token_of("IND")), s.viewer(None).role
        (<Role.CHAIR: 'chair'>, Viewer(role=<Role.DELEGATE: 'delegate'>, seat='IND'), <Role.PUBLIC: 'public'>)
        """
        if not token:
            return Viewer(Role.PUBLIC)
        h = hash_token(token)
        if _same(h, self.chair_hash):
            return Viewer(Role.CHAIR)
        for s in self.seats:
            if _same(h, s.token_hash):
                return Viewer(Role.DELEGATE, s.code)
        raise Forbidden("this link's token is not valid for this session (the President may have replaced it)")

    def role(self, token: str | None) -> str:
        """``"chair"``, a seat's code, or ``"public"`` for no token (the :attr:`Viewer.actor` of
        :meth:`viewer`, as the event log and the views write it); :class:`Forbidden` for a wrong token."""
        return self.viewer(token).actor

    def replace_link(self, token: str | None, code: str) -> str:
        """The President replaces a seat's link (it leaked, or a delegation changed hands): the old link
        stops working at once; the new token is returned.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> old = s.token_of("IND"); new = s.replace_link(s.chair_token, "IND")
        >>> s.role(new), new != old
        ('IND', True)
        >>> s.role(old)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        unsc.sessions.model.Forbidden: this link's token is not valid for this session ...
        """
        self._chair(token)
        assert token is not None
        seat = self.seat(code)
        seat.generation += 1
        new = _seat_token(token, self.id, seat.code, seat.generation)
        seat.token_hash = hash_token(new)
        self._touch()
        return new

    def _chair(self, token: str | None) -> None:
        if self.viewer(token).role is not Role.CHAIR:
            raise Forbidden("only the President (the chair's link) can do this")

    # -- votes -----------------------------------------------------------------------------------------

    @property
    def current(self) -> Motion | None:
        """The vote now open, if any."""
        return self.motions[-1] if self.motions and self.motions[-1].state is MotionState.OPEN else None

    @property
    def last(self) -> Motion | None:
        """The latest vote, open or closed."""
        return self.motions[-1] if self.motions else None

    def _touch(self, now: float | None = None) -> None:
        self._memo.clear()
        self.version += 1
        self.updated = time.time() if now is None else now

    def open_vote(self, token: str | None, question: str, kind: Kind | str = Kind.DRAFT_RESOLUTION) -> Motion:
        """The President puts a question to the vote (one at a time).

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> s.open_vote(s.chair_token, "Adjourn the meeting", "adjourn").kind
        <Kind.ADJOURN: 'adjourn'>
        >>> s.open_vote(s.token_of("USA"), "Another")
        Traceback (most recent call last):
        ...
        unsc.sessions.model.Forbidden: only the President (the chair's link) can do this
        """
        self._chair(token)
        if self.current is not None:
            raise Conflict(f"vote {self.current.number} is still open: close it before putting another question")
        if len(self.motions) >= self.max_motions:
            raise LimitReached(f"this session has held {len(self.motions)} votes, the most it can: start a new session")
        question = " ".join((question or "").split())
        if not question:
            raise Unprocessable("question: say what is put to the vote (e.g. 'Draft resolution S/2024/239')")
        if len(question) > MAX_QUESTION:
            raise Unprocessable(f"question: at most {MAX_QUESTION} characters, not {len(question)}")
        try:
            k = Kind.parse(kind) if isinstance(kind, str) else Kind(kind)
        except ValueError as exc:
            raise Unprocessable(f"kind: {exc}") from exc
        if k.value not in KINDS:
            raise Unprocessable(f"kind: {k.value} is not a yes/no vote a session can hold")
        m = Motion(number=len(self.motions) + 1, question=question, kind=k, opened_at=time.time())
        self.motions.append(m)
        self._touch()
        return m

    def cast(self, token: str | None, code: str | None, vote: str | None, number: int | None = None) -> Motion:
        """Record a seat's vote in vote ``number``; a delegate may change it until the vote closes.

        ``number`` is the vote the voter saw ("Vote 2"): if that vote is closed or another one is
        open, nothing is counted and :class:`Conflict` (HTTP 409) says which vote is open, so a vote
        never lands on a question the delegate did not see. ``None`` means "the vote open now" (the
        terminal roll call, where the President calls each member on the question in front of
        everyone); the web API always requires the number.

        A delegate's token votes only for its own seat (``Y``, ``N``, ``A`` or ``not_participating``);
        the President's token records any seat's vote (a roll call, or a delegate without a device),
        including ``absent``, and ``None`` clears it.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> _ = s.open_vote(s.chair_token, "Draft")
        >>> s.cast(s.token_of("USA"), "USA", "yes", number=1).votes == {"USA": "Y"}
        True
        >>> s.cast(s.token_of("USA"), "SUN", "N", number=1)
        Traceback (most recent call last):
        ...
        unsc.sessions.model.Forbidden: this link votes for the United States only, not for the USSR
        >>> _ = s.close_vote(s.chair_token); _ = s.open_vote(s.chair_token, "Amendment", "amendment")
        >>> s.cast(s.token_of("USA"), "USA", "N", number=1)
        Traceback (most recent call last):
        ...
        unsc.sessions.model.Conflict: vote 1 is closed and your vote was not counted (votes are final once announced, R26); vote 2 is open now: Amendment
        """
        who = self.viewer(token)
        if who.role is Role.PUBLIC:
            raise Forbidden("voting needs a delegate's link (or the chair's)")
        seat = self.seat(code) if code else (self.seat(who.seat) if who.seat is not None else None)
        if seat is None:
            raise Unprocessable("seat: the chair must say which seat the vote is for")
        if who.seat is not None and who.seat != seat.code:
            mine = self.seat(who.seat)
            raise Forbidden(f"this link votes for {with_article(mine.name)} only, not for {with_article(seat.name)}")
        m = self.current
        open_vote = None if m is None else {"number": m.number, "question": m.question}
        if number is not None and (m is None or m.number != number):
            if number < 1 or number > len(self.motions):
                what = f"there is no vote {number}"
            elif m is not None and number > m.number:  # pragma: no cover - numbers only grow
                what = f"vote {number} has not been opened"
            else:
                what = f"vote {number} is closed and your vote was not counted (votes are final once announced, R26)"
            now = f"vote {m.number} is open now: {m.question}" if m else "no vote is open now"
            raise Conflict(f"{what}; {now}", open_vote=open_vote)
        if m is None:
            last = self.last
            if last is not None:
                raise Conflict(
                    f"vote {last.number} is closed and its result announced: votes are final (R26); "
                    "wait for the President to open the next vote",
                    open_vote=None,
                )
            raise Conflict("no vote is open: wait for the President to put a question to the vote", open_vote=None)
        value = _parse_vote(vote, chair=who.role is Role.CHAIR)
        old = m.votes.get(seat.code)
        if value is None:
            m.votes.pop(seat.code, None)
        else:
            m.votes[seat.code] = value
        if old is not None and old != value:
            m.changes += 1
        if old != value:
            self._touch()
        return m

    def close_vote(self, token: str | None) -> Motion:
        """The President closes the vote: seats that have not voted count as absent, the rules decide,
        and the result is announced; from now on the votes are final.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> _ = s.open_vote(s.chair_token, "Draft")
        >>> for c in ["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"]:
        ...     _ = s.cast(s.chair_token, c, "Y")
        >>> m = s.close_vote(s.chair_token)
        >>> m.decision["adopted"], m.closing_note.split(":")[0]
        (True, 'Egypt, India, the USSR and Yugoslavia had not voted when the President closed the vote')
        """
        self._chair(token)
        m = self.current
        if m is None:
            raise Conflict("no vote is open")
        missing = [s for s in self.seats if s.code not in m.votes]
        for s in missing:
            m.votes[s.code] = SeatVote.ABSENT
        d = self._decide(m)
        m.decision = d.to_dict()
        m.decision["tally"] = d.tally
        m.president = d.statement
        if missing:
            names = name_list([with_article(s.name) for s in sorted(missing, key=lambda s: s.name.casefold())])
            m.closing_note = (
                f"{names[:1].upper()}{names[1:]} had not voted when the President closed the vote: counted as absent"
                " (an absent member casts no vote; a permanent member's absence is not a veto)."
            )
        m.state = MotionState.CLOSED
        m.closed_at = time.time()
        self._touch()
        return m

    def _ballot(self, m: Motion) -> Ballot:
        """The rules' ballot of a vote: each seat under its vote (yes, no, abstain) or its reason for
        casting none (absent, not participating); a seat that has not voted yet counts as absent."""
        lists: dict[str, Any] = {}
        for s in self.seats:
            v = m.votes.get(s.code, SeatVote.ABSENT)
            lists.setdefault((v.reason or v.vote).name.lower(), []).append(s.code)
        return Ballot.of(self.date, kind=m.kind, **lists)

    def _decide(self, m: Motion) -> Decision:
        return decide(self._ballot(m), self.council)

    # -- the floor: speakers list and speaking timer ------------------------------------------------

    def _now(self, now: float | None) -> float:
        return time.time() if now is None else now

    def _speaker_for(self, who: str) -> Speaker:
        """A Council seat, or any state (by code or name) invited under rule 37 or 39, without a vote."""
        want = (who or "").strip()
        if not want:
            raise Unprocessable("who: name a delegation (a seat of the Council, or any state invited under rule 37/39)")
        try:
            s = self.seat(want)
            return Speaker(s.code, s.name, member=True)
        except Unprocessable:
            pass
        found = find_member(want)
        if found is None:
            raise Unprocessable(f"who: {want!r} is neither a seat of this Council nor a state unsc knows")
        return Speaker(found.code, found.name, member=False)

    def _on_list(self, code: str) -> int | None:
        return next((i for i, x in enumerate(self.speakers) if x.code == code), None)

    def add_speaker(self, token: str | None, who: str, now: float | None = None) -> Speaker:
        """The President puts a delegation on the speakers list (at the end); a state that is not a seat of
        the Council speaks as an invited non-member (rules 37/39) and has no vote. A pending request of
        that delegation is granted.

        >>> s = Session.create(date="2024-03-22", elected=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"])
        >>> s.add_speaker(s.chair_token, "Malta").member, s.add_speaker(s.chair_token, "Ukraine").member
        (True, False)
        >>> [x.code for x in s.speakers]
        ['MLT', 'UKR']
        """
        self._chair(token)
        sp = self._speaker_for(who)
        if self._on_list(sp.code) is not None:
            raise Conflict(f"{with_article(sp.name)} is already on the speakers list")
        if len(self.speakers) >= MAX_SPEAKERS:
            raise LimitReached(f"the speakers list holds {MAX_SPEAKERS} delegations, the most it can")
        self.speakers.append(sp)
        if sp.code in self.requests:
            self.requests.remove(sp.code)
        self._touch(now)
        return sp

    def remove_speaker(self, token: str | None, who: str, now: float | None = None) -> None:
        """The President takes a delegation off the list, or declines its request to speak."""
        self._chair(token)
        sp = self._speaker_for(who)
        i = self._on_list(sp.code)
        if i is not None:
            del self.speakers[i]
        elif sp.code in self.requests:
            self.requests.remove(sp.code)
        else:
            raise Conflict(f"{with_article(sp.name)} is not on the speakers list and has not asked to speak")
        self._touch(now)

    def move_speaker(self, token: str | None, who: str, by: int, now: float | None = None) -> list[str]:
        """The President moves a delegation ``by`` places (negative: earlier); the list's codes in order.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> for c in ["USA", "IND", "NOR"]:
        ...     _ = s.add_speaker(s.chair_token, c)
        >>> s.move_speaker(s.chair_token, "NOR", -2)
        ['NOR', 'USA', 'IND']
        """
        self._chair(token)
        sp = self._speaker_for(who)
        i = self._on_list(sp.code)
        if i is None:
            raise Conflict(f"{with_article(sp.name)} is not on the speakers list")
        j = max(0, min(len(self.speakers) - 1, i + by))
        if j != i:
            self.speakers.insert(j, self.speakers.pop(i))
            self._touch(now)
        return [x.code for x in self.speakers]

    def next_speaker(self, token: str | None, now: float | None = None) -> Speaker | None:
        """The President gives the floor to the first delegation on the list; its timer starts (``None``:
        the list is empty and nobody has the floor).

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> _ = s.add_speaker(s.chair_token, "India")
        >>> s.next_speaker(s.chair_token, now=100.0).code, s.timer(now=130.0)["elapsed"]
        ('IND', 30.0)
        """
        self._chair(token)
        t = self._now(now)
        self.speaking = self.speakers.pop(0) if self.speakers else None
        self.timer_elapsed = 0.0
        self.timer_started = t if self.speaking is not None else None
        self._touch(now)
        return self.speaking

    def set_time_limit(self, token: str | None, seconds: float | int | str | None, now: float | None = None) -> int:
        """The President sets the time each speaker has (seconds; 0: no limit); it applies to the current speaker too."""
        self._chair(token)
        try:
            limit = int(float(seconds or 0))
        except (TypeError, ValueError):
            raise Unprocessable(f"seconds: {seconds!r} is not a number of seconds") from None
        if not 0 <= limit <= MAX_TIME_LIMIT:
            raise Unprocessable(f"seconds: between 0 (no limit) and {MAX_TIME_LIMIT}, not {limit}")
        self.time_limit = limit
        self._touch(now)
        return limit

    def pause_timer(self, token: str | None, now: float | None = None) -> None:
        """The President stops the speaker's clock (a point of order, a translation problem)."""
        self._chair(token)
        if self.speaking is None or self.timer_started is None:
            raise Conflict("the speaker's clock is not running")
        t = self._now(now)
        self.timer_elapsed += max(0.0, t - self.timer_started)
        self.timer_started = None
        self._touch(now)

    def resume_timer(self, token: str | None, now: float | None = None) -> None:
        """The President restarts the speaker's clock where it stopped."""
        self._chair(token)
        if self.speaking is None:
            raise Conflict("nobody has the floor")
        if self.timer_started is not None:
            raise Conflict("the speaker's clock is already running")
        self.timer_started = self._now(now)
        self._touch(now)

    def end_speech(self, token: str | None, now: float | None = None) -> None:
        """The President thanks the speaker: nobody has the floor until the next speaker is called."""
        self._chair(token)
        self.speaking = None
        self.timer_started = None
        self.timer_elapsed = 0.0
        self._touch(now)

    def request_floor(self, token: str | None, now: float | None = None) -> str:
        """A delegate asks to be put on the speakers list; the President sees the request and grants it
        (:meth:`add_speaker`) or declines it (:meth:`remove_speaker`).

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> s.request_floor(s.token_of("EGY")), s.requests
        ('EGY', ['EGY'])
        """
        role = self.viewer(token).seat
        if role is None:
            raise Forbidden("asking for the floor needs a delegate's link")
        if self._on_list(role) is not None:
            raise Conflict("you are already on the speakers list")
        if self.speaking is not None and self.speaking.code == role:
            raise Conflict("you have the floor")
        if role not in self.requests:
            self.requests.append(role)
            self._touch(now)
        return role

    def withdraw_request(self, token: str | None, now: float | None = None) -> None:
        """A delegate withdraws its request to speak, or takes itself off the list."""
        role = self.viewer(token).seat
        if role is None:
            raise Forbidden("this needs a delegate's link")
        i = self._on_list(role)
        if i is not None:
            del self.speakers[i]
        elif role in self.requests:
            self.requests.remove(role)
        else:
            raise Conflict("you have not asked to speak")
        self._touch(now)

    def timer(self, now: float | None = None) -> dict[str, Any]:
        """The current speaker's clock: seconds spoken and left, whether it runs, whether time is up.

        Clients count down locally from ``remaining`` and resync on every update; the server never
        pushes ticks.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> _ = s.set_time_limit(s.chair_token, 60); _ = s.add_speaker(s.chair_token, "CUB")
        >>> _ = s.next_speaker(s.chair_token, now=0.0)
        >>> t = s.timer(now=75.0); t["remaining"], t["time_up"], t["overtime"]
        (0.0, True, 15.0)
        """
        t = self._now(now)
        elapsed = self.timer_elapsed
        if self.timer_started is not None:
            elapsed += max(0.0, t - self.timer_started)
        limit = self.time_limit
        return {
            "speaker": None if self.speaking is None else self.speaking.to_dict(),
            "limit": limit,
            "elapsed": round(elapsed, 3),
            "remaining": None if not limit else round(max(0.0, limit - elapsed), 3),
            "overtime": 0.0 if not limit else round(max(0.0, elapsed - limit), 3),
            "running": self.speaking is not None and self.timer_started is not None,
            "time_up": bool(limit) and self.speaking is not None and elapsed >= limit,
        }

    def floor(
        self,
        token: str | None,
        action: str,
        who: str | None = None,
        seconds: float | int | str | None = None,
        now: float | None = None,
    ) -> Any:
        """One action on the floor by name (the form posts and the API use this): ``add``, ``remove``,
        ``up``, ``down``, ``next``, ``end``, ``limit``, ``pause``, ``resume``, ``request``, ``withdraw``."""
        act = (action or "").strip().lower()
        if act == "add":
            return self.add_speaker(token, who or "", now)
        if act == "remove":
            return self.remove_speaker(token, who or "", now)
        if act in ("up", "down"):
            return self.move_speaker(token, who or "", -1 if act == "up" else 1, now)
        if act == "next":
            return self.next_speaker(token, now)
        if act == "end":
            return self.end_speech(token, now)
        if act == "limit":
            return self.set_time_limit(token, seconds, now)
        if act == "pause":
            return self.pause_timer(token, now)
        if act == "resume":
            return self.resume_timer(token, now)
        if act == "request":
            return self.request_floor(token, now)
        if act == "withdraw":
            return self.withdraw_request(token, now)
        raise Unprocessable(f"action: {action!r} is not one of {', '.join(FLOOR_ACTIONS)}")

    def floor_view(self, role: Role, now: float | None = None) -> dict[str, Any]:
        """The speakers list, who has the floor and the clock; the President also sees the requests."""
        out: dict[str, Any] = {
            "speakers": [x.to_dict() for x in self.speakers],
            "timer": self.timer(now),
            "time_limit": self.time_limit,
            "requests_count": len(self.requests),
        }
        if role is Role.CHAIR:
            names = {s.code: s.name for s in self.seats}
            out["requests"] = [{"code": c, "name": names.get(c, c)} for c in self.requests]
        return out

    # -- procedural motions (rule 33) --------------------------------------------------------------------

    def open_motion(self, token: str | None, motion: str, detail: str = "") -> Motion:
        """The President puts a procedural motion to the vote: one of :data:`PROCEDURAL_MOTIONS` (rule 33
        in its order of precedence, then invitations under rules 37/39). It is procedural: no veto.

        >>> s = Session.create(date="1950-07-07", elected=["CUB", "ECU", "EGY", "IND", "NOR", "YUG"])
        >>> m = s.open_motion(s.chair_token, "adjourn_to_date", "until 10 a.m. tomorrow")
        >>> m.kind.value, m.question
        ('adjourn_to_date', 'Motion to adjourn the meeting to a certain day or hour: until 10 a.m. tomorrow')
        """
        spec = next((x for x in PROCEDURAL_MOTIONS if x["kind"] == (motion or "").strip()), None)
        if spec is None:
            raise Unprocessable(f"motion: {motion!r} is not one of {', '.join(x['kind'] for x in PROCEDURAL_MOTIONS)}")
        detail = " ".join((detail or "").split())
        question = spec["question"] + (f": {detail}" if detail else "")
        return self.open_vote(token, question[:MAX_QUESTION], spec["kind"])

    # -- what the pages show ---------------------------------------------------------------------------

    def live(self, m: Motion) -> dict[str, Any]:
        """The tally of a vote as it stands, and what would happen if the President closed it now.

        ``veto_state`` says in words whether a permanent member's no is (or would now be) a veto.

        >>> s = Session.create(date="2024-03-22", elected=["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"])
        >>> m = s.open_vote(s.chair_token, "Draft")
        >>> _ = s.cast(s.chair_token, "USA", "N")
        >>> s.live(m)["veto_state"]  # doctest: +ELLIPSIS
        'The United States voted no, but with 0 votes in favour (9 needed) the draft falls short anyway: ...'
        """
        d = self._decide(m)
        counts = {v: sum(1 for x in m.votes.values() if x is v) for v in SeatVote}
        not_voted = sum(1 for s in self.seats if s.code not in m.votes)
        cls = d.voting_class
        p5_no = list(d.p5_negative_votes)
        names = {s.code: s.name for s in self.seats}
        thr = d.threshold
        veto_applies = cls is VotingClass.NON_PROCEDURAL and bool(self.permanent)
        if cls is VotingClass.PROCEDURAL:
            state = "Procedural vote (Art. 27(2)): nobody has a veto; a permanent member's no counts like any other."
        elif cls is VotingClass.SPECIAL:
            state = f"A fixed majority of any {thr} members: nobody has a veto."
        elif not self.permanent:
            state = "This Council has no veto holders."
        elif d.vetoed_by:
            who = name_list([with_article(names[c]) for c in d.vetoed_by])
            state = (
                f"Veto: {who} voted no while the draft has {plural(d.yes, 'vote')} in favour ({thr} needed). "
                "If the vote closed now it would fail by veto."
            )
        elif p5_no and d.yes < thr:
            who = name_list([with_article(names[c]) for c in p5_no])
            state = (
                f"{who[:1].upper()}{who[1:]} voted no, but with {plural(d.yes, 'vote')} in favour ({thr} needed) the "
                f"draft falls short anyway: that no is not a veto unless the draft reaches {thr} votes in favour."
            )
        elif p5_no:
            who = name_list([with_article(names[c]) for c in p5_no])
            state = (
                f"{who[:1].upper()}{who[1:]} voted no, but in this Council it takes the negative votes of "
                f"{self.vetoes_needed} veto holders to block."
            )
        elif d.yes >= thr:
            state = "The draft has the votes: a no from any permanent member now would be a veto."
        else:
            state = (
                "No permanent member has voted no. A permanent member's abstention or absence is not a veto; "
                f"a no becomes a veto only once the draft has {thr} votes in favour."
            )
        return {
            "yes": counts[SeatVote.YES],
            "no": counts[SeatVote.NO],
            "abstain": counts[SeatVote.ABSTAIN],
            "absent": counts[SeatVote.ABSENT],
            "not_participating": counts[SeatVote.NOT_PARTICIPATING],
            "not_voted": not_voted,
            "required": thr,
            "more_yes_needed": max(0, thr - counts[SeatVote.YES]),
            "voting_class": cls.value,
            "veto_applies": veto_applies,
            "p5_no": p5_no,
            "veto_now": list(d.vetoed_by),
            "veto_state": state,
            "if_closed_now": {
                "adopted": d.adopted,
                "failure_reason": d.failure_reason.value,
                "tally": d.tally,
                "president": d.statement,
                "explanation": d.explanation,
                "not_voted_counted_absent": not_voted,
            },
        }

    def motion_view(self, m: Motion) -> dict[str, Any]:
        """One vote as the API and the pages show it (computed once per version: every screen of a
        session shows the same tally, so the rules decide it once, not once per screen)."""
        key = ("motion", m.number, self.version, m.state, len(m.votes))
        if key not in self._memo:
            self._memo[key] = self._motion_view(m)
        return self._memo[key]

    def _motion_view(self, m: Motion) -> dict[str, Any]:
        rows: list[dict[str, Any]] = []
        for s in self.seats:
            v = m.votes.get(s.code)
            rows.append({"code": s.code, "name": s.name, "permanent": s.permanent, "vote": v, "label": VOTE_LABELS[v]})
        rows.sort(key=lambda r: r["name"].casefold())
        out: dict[str, Any] = {
            "number": m.number,
            "question": m.question,
            "kind": m.kind,
            "kind_label": m.kind.replace("_", " "),
            "state": m.state,
            "opened_at": _iso(m.opened_at),
            "closed_at": _iso(m.closed_at),
            "changes": m.changes,
            "seats": rows,
        }
        if m.state is MotionState.OPEN:
            out["live"] = self.live(m)
        else:
            out["decision"] = m.decision
            out["president"] = m.president
            out["closing_note"] = m.closing_note
        return out

    def view(self, token: str | None = None, base_url: str = "") -> dict[str, Any]:
        """The session's state for one viewer: the President (``chair``) also gets every seat's link,
        a delegate gets its own seat and vote; without a token it is the public (projector) view."""
        who = self.viewer(token)
        current = self.last
        names = {s.code: s.name for s in self.seats}
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "version": self.version,
            "role": who.actor,
            "council": {
                "name": self.council_name,
                "date": None if self.date is None else self.date.isoformat(),
                "scenario": self.scenario,
                "size": self.size,
                "threshold": self.threshold,
                "permanent": list(self.permanent),
                "permanent_names": [names[p] for p in self.permanent],
                "vetoes_needed": self.vetoes_needed,
                "roster_source": self.roster_source,
            },
            "seats": [
                {"code": s.code, "name": s.name, "permanent": s.permanent}
                for s in sorted(self.seats, key=lambda s: s.name.casefold())
            ],
            "current": None if current is None else self.motion_view(current),
            "history": [
                {
                    "number": m.number,
                    "question": m.question,
                    "kind": m.kind,
                    "state": m.state,
                    "tally": (m.decision or {}).get("tally"),
                    "adopted": (m.decision or {}).get("adopted"),
                    "vetoed_by": (m.decision or {}).get("vetoed_by") or [],
                    "vetoed_by_names": [names[c] for c in (m.decision or {}).get("vetoed_by") or []],
                    "president": m.president,
                }
                for m in reversed(self.motions)
            ],
            "updated": _iso(self.updated),
            "floor": self.floor_view(who.role),
        }
        if who.role is Role.CHAIR:
            assert token is not None
            out["chair_url"] = f"{base_url}/live/{self.id}/k/{token}"
            out["links"] = [
                {
                    "code": s.code,
                    "name": s.name,
                    "permanent": s.permanent,
                    "url": f"{base_url}/live/{self.id}/k/{_seat_token(token, self.id, s.code, s.generation)}",
                    "generation": s.generation,
                }
                for s in sorted(self.seats, key=lambda s: s.name.casefold())
            ]
        elif who.seat is not None:
            seat = self.seat(who.seat)
            out["you"] = {
                "code": seat.code,
                "name": seat.name,
                "permanent": seat.permanent,
                "vote": None if current is None else current.votes.get(seat.code),
                "requested": seat.code in self.requests,
                "on_list": self._on_list(seat.code),
                "speaking": self.speaking is not None and self.speaking.code == seat.code,
            }
        return out

    # -- the sessions file -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """Everything, tokens included, for the sessions file."""
        return {
            "id": self.id,
            "title": self.title,
            "chair_hash": self.chair_hash,
            "seats": [
                {
                    "code": s.code,
                    "name": s.name,
                    "permanent": s.permanent,
                    "token_hash": s.token_hash,
                    "generation": s.generation,
                }
                for s in self.seats
            ],
            "size": self.size,
            "threshold": self.threshold,
            "permanent": list(self.permanent),
            "vetoes_needed": self.vetoes_needed,
            "date": None if self.date is None else self.date.isoformat(),
            "scenario": self.scenario,
            "council_name": self.council_name,
            "roster_source": self.roster_source,
            "motions": [m.to_dict() for m in self.motions],
            "created": self.created,
            "updated": self.updated,
            "version": self.version,
            "speakers": [x.to_dict() for x in self.speakers],
            "requests": list(self.requests),
            "speaking": None if self.speaking is None else self.speaking.to_dict(),
            "time_limit": self.time_limit,
            "timer_started": self.timer_started,
            "timer_elapsed": self.timer_elapsed,
            "committee": self.committee,
            "conference": self.conference,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Session:
        """Read a session back; ``KeyError``/``ValueError``/``TypeError`` name the bad field."""
        s = cls(
            id=str(d["id"]),
            title=str(d["title"]),
            chair_hash=str(d["chair_hash"]),
            seats=[
                Seat(
                    str(x["code"]),
                    str(x["name"]),
                    bool(x["permanent"]),
                    str(x["token_hash"]),
                    int(x.get("generation") or 0),
                )
                for x in d["seats"]
            ],
            size=int(d["size"]),
            threshold=int(d["threshold"]),
            permanent=tuple(str(p) for p in d["permanent"]),
            vetoes_needed=int(d.get("vetoes_needed") or 1),
            date=None if d.get("date") is None else dt.date.fromisoformat(str(d["date"])),
            scenario=d.get("scenario"),
            council_name=str(d.get("council_name") or "Security Council"),
            roster_source=str(d.get("roster_source") or ""),
            motions=[],
            created=float(d["created"]),
            updated=float(d["updated"]),
            version=int(d.get("version") or 1),
            requests=[str(c) for c in d.get("requests") or []],
            time_limit=int(d.get("time_limit") or 0),
            timer_started=None if d.get("timer_started") is None else float(d["timer_started"]),
            timer_elapsed=float(d.get("timer_elapsed") or 0.0),
            committee=str(d.get("committee") or ""),
            conference=d.get("conference"),
        )
        for i, x in enumerate(d.get("speakers") or []):
            try:
                s.speakers.append(Speaker.from_dict(x))
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"speakers[{i}]: {_field_error(exc)}") from exc
        if d.get("speaking") is not None:
            try:
                s.speaking = Speaker.from_dict(d["speaking"])
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"speaking: {_field_error(exc)}") from exc
        for i, m in enumerate(d.get("motions") or []):
            try:
                s.motions.append(Motion.from_dict(m))
            except (KeyError, ValueError, TypeError) as exc:
                raise ValueError(f"motions[{i}]: {_field_error(exc)}") from exc
        if len(s.seats) != s.size:
            raise ValueError(f"seats: {len(s.seats)} seats for a Council of {s.size}")
        s.council  # noqa: B018 - checks the roster against the rules (raises RosterError, a ValueError)
        return s


def _field_error(exc: BaseException) -> str:
    return f"missing field {exc.args[0]!r}" if isinstance(exc, KeyError) else str(exc)


def _member(enum: type[Any], value: Any, name: str) -> Any:
    """``value`` as a member of ``enum``; a ``ValueError`` naming the field and the allowed values."""
    try:
        return enum(str(value))
    except ValueError:
        allowed = ", ".join(e.value for e in enum)
        raise ValueError(f"{name}: {value!r} is not one of {allowed}") from None


_NOT_CAST = {
    "not participating": SeatVote.NOT_PARTICIPATING,
    "present not participating": SeatVote.NOT_PARTICIPATING,
    "absent": SeatVote.ABSENT,
    "x": SeatVote.ABSENT,
}


def _parse_vote(vote: str | None, chair: bool) -> SeatVote | None:
    """A vote from a letter or word (the rules' :meth:`Vote.parse`), ``not_participating``, and for
    the chair ``absent``, or ``None`` (no vote given, ``clear``) to clear the seat's vote.

    >>> _parse_vote("in favour", chair=False), _parse_vote("present-not-participating", chair=False)
    (<SeatVote.YES: 'Y'>, <SeatVote.NOT_PARTICIPATING: 'not_participating'>)
    """
    key = "" if vote is None else str(vote).strip().casefold().replace("-", " ").replace("_", " ")
    if key in ("", "clear"):
        if chair:
            return None
        raise Unprocessable("vote: choose Y (yes), N (no) or A (abstain)")
    value = _NOT_CAST.get(key)
    if value is None:
        try:
            cast = Vote.parse(key)
        except ValueError:
            cast = Vote.NON_VOTING
        if cast is Vote.NON_VOTING:  # a word for "did not vote" that gives no reason
            raise Unprocessable(f"vote: {vote!r} is not a vote; choose Y (yes), N (no) or A (abstain)")
        value = SeatVote(cast.value)
    if not chair and value not in DELEGATE_CHOICES:
        raise Forbidden("only the President records a seat as absent or clears a vote")
    return value


def _scenario_council(name: str, elected: list[str] | None) -> tuple[Council, str, str]:
    from unsc.analysis.scenarios import get_scenario, scenario_names

    key = name.strip().lower()
    if key not in scenario_names():  # presets only: never read a file path given over HTTP
        raise Unprocessable(f"unknown scenario {name!r}; choose one of {', '.join(scenario_names())}")
    sc = get_scenario(key)
    base = sc.council()
    free = base.size - len(base.permanent)
    given = elected or []
    if len(given) > free:
        raise Unprocessable(f"the scenario {key} has {free} seats without a veto; {len(given)} members were typed")
    names = [*given, *(f"E{i}" for i in range(len(given) + 1, free + 1))]
    council = Council.custom(
        base.size,
        base.threshold,
        permanent=base.permanent,
        elected=names,
        vetoes_needed=base.vetoes_needed,
        name=sc.title,
    )
    source = "typed by the chair" if given else "seats of the reform model (unnamed)"
    return council, key, source


def clock(seconds: float | None) -> str:
    """Seconds as the speaker's clock shows them (m:ss, rounded up so 0:00 means time is up).

    >>> clock(0), clock(59.2), clock(300), clock(None)
    ('0:00', '1:00', '5:00', '')
    """
    if seconds is None:
        return ""
    s = max(0, math.ceil(seconds))
    return f"{s // 60}:{s % 60:02d}"


def lot(codes: list[str], seed: int | None = None) -> str:
    """The member drawn by lot to be called first in a roll call.

    >>> lot(["DZA", "USA"], seed=1) in ("DZA", "USA")
    True
    """
    return random.Random(seed).choice(codes)
