"""A conference: many committees created at once from a small TOML or CSV file.

TOML: a ``title`` and one ``[[committee]]`` table per committee, with ``name`` and either ``date``
(the Council of that date; ``elected`` lists its elected members unless the record store has them)
or ``scenario`` (a reform model of :mod:`unsc.analysis.scenarios`). CSV: a header row
``name,date,scenario,elected`` (``elected`` separated by ``;`` or spaces), one committee a row.

Every committee's chair link is derived from the organiser's token, so the organiser's overview can
hand each chair their link; nothing but hashes is stored.

>>> text = '''
... title = "Model UN 2026"
... [[committee]]
... name = "Council A"
... date = "1950-07-07"
... elected = ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]
... [[committee]]
... name = "Council B"
... date = "2024-03-22"
... '''
>>> parse_conference(text, "mun.toml")
Traceback (most recent call last):
unsc.sessions.model.Unprocessable: mun.toml: committee 2 (Council B), field elected: the Council of 2024-03-22 has 10 elected seats: list them (no record store gives that date's roster)
>>> title, specs = parse_conference(text.replace('date = "2024-03-22"', 'scenario = "g4"'), "mun.toml")
>>> title, [(c.name, c.scenario) for c in specs]
('Model UN 2026', [('Council A', None), ('Council B', 'g4')])
>>> conf = build_conference(title, specs)
>>> [s.committee for s in conf.sessions], conf.sessions[0].role(conf.chair_token(0))
(['Council A', 'Council B'], 'chair')
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import hmac
import io
import secrets
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field

from unsc.sessions.model import MAX_TITLE, LiveError, Session, Unprocessable, hash_token

__all__ = ["MAX_COMMITTEES", "CommitteeSpec", "Conference", "build_conference", "parse_conference"]

MAX_COMMITTEES = 100
Roster = Callable[[dt.date], "list[str] | None"]


@dataclass(frozen=True)
class CommitteeSpec:
    """One committee of the file: its name, the Council of a ``date`` or a reform ``scenario``, and seats."""

    name: str
    date: dt.date | None = None
    scenario: str | None = None
    elected: tuple[str, ...] = ()
    where: str = ""


@dataclass
class Conference:
    """The committees created, the conference's id and the organiser's secret token."""

    id: str
    title: str
    organiser_token: str
    sessions: list[Session] = field(default_factory=list)

    def chair_token(self, i: int) -> str:
        """The chair's token of committee ``i`` (derived from the organiser's)."""
        return _chair_token(self.organiser_token, self.id, i)


def _chair_token(organiser: str, cid: str, i: int) -> str:
    mac = hmac.new(organiser.encode(), f"{cid}:chair:{i}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:18]).decode().rstrip("=")


def chair_tokens(organiser: str, cid: str, n: int) -> list[str]:
    """The chair tokens of a conference's ``n`` committees, rebuilt from the organiser's token."""
    return [_chair_token(organiser, cid, i) for i in range(n)]


def _split(text: str) -> tuple[str, ...]:
    return tuple(p for p in text.replace(";", " ").replace(",", " ").split() if p)


def parse_conference(text: str, filename: str, roster: Roster | None = None) -> tuple[str, list[CommitteeSpec]]:
    """The conference's title and committees from a TOML or CSV text (the name's ending decides; CSV
    if it is not ``.toml``). Every problem is reported at once, each naming the file, committee and
    field (:class:`Unprocessable`); ``roster(date)`` gives the elected members the file leaves out."""
    problems: list[str] = []
    rows: list[tuple[str, dict[str, object]]] = []
    title = ""
    if filename.lower().endswith(".toml"):
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise Unprocessable(f"{filename}: not valid TOML: {exc}") from None
        title = str(data.get("title") or "")
        items = data.get("committee")
        if not isinstance(items, list) or not items:
            raise Unprocessable(f"{filename}: no [[committee]] tables (each needs name and date or scenario)")
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict):
                problems.append(f"{filename}: committee {i}: not a table")
                continue
            rows.append((f"committee {i}", item))
    else:
        reader = csv.DictReader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"), newline=""))
        try:
            fields = [f.strip().lower() for f in reader.fieldnames or []]
            if "name" not in fields:
                raise Unprocessable(f"{filename}: the header row must name the columns: name,date,scenario,elected")
            for i, raw in enumerate(reader, 2):
                item = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(k, str)}
                if not any(item.values()):
                    continue
                rows.append((f"row {i}", item))
        except csv.Error as exc:
            raise Unprocessable(f"{filename}: row {reader.line_num}: not valid CSV: {exc}") from None
    if len(rows) > MAX_COMMITTEES:
        raise Unprocessable(f"{filename}: {len(rows)} committees; at most {MAX_COMMITTEES} at once")
    specs: list[CommitteeSpec] = []
    for where, item in rows:
        try:
            spec = _spec(filename, where, item, roster)
        except _RowProblem as exc:
            problems.append(str(exc))
            continue
        specs.append(spec)
    if problems:
        raise Unprocessable("; ".join(problems))
    return title or filename.rsplit("/", 1)[-1], specs


class _RowProblem(Exception):
    pass


def _spec(filename: str, where: str, item: dict[str, object], roster: Roster | None) -> CommitteeSpec:
    """One committee from one row or table; :class:`_RowProblem` names the file, row and field."""
    name = " ".join(str(item.get("name") or "").split())
    label = f"{filename}: {where}" + (f" ({name})" if name else "")
    if not name:
        raise _RowProblem(f"{label}, field name: give the committee a name")
    if len(name) > MAX_TITLE:
        raise _RowProblem(f"{label}, field name: at most {MAX_TITLE} characters")
    raw_elected = item.get("elected") or item.get("seats") or ()
    if isinstance(raw_elected, str):
        elected = _split(raw_elected)
    elif isinstance(raw_elected, list | tuple) and all(isinstance(x, str) for x in raw_elected):
        elected = tuple(raw_elected)
    else:
        raise _RowProblem(f"{label}, field elected: a list of members (codes or names)")
    scenario = str(item.get("scenario") or "").strip() or None
    when: dt.date | None = None
    raw_date = item.get("date")
    if scenario is None:
        if not raw_date:
            raise _RowProblem(f"{label}, field date: give a date (YYYY-MM-DD) or a scenario")
        if isinstance(raw_date, dt.datetime):
            raw_date = raw_date.date()
        try:
            when = raw_date if isinstance(raw_date, dt.date) else dt.date.fromisoformat(str(raw_date))
        except ValueError:
            raise _RowProblem(f"{label}, field date: {raw_date!r} is not a date (YYYY-MM-DD)") from None
        if not elected and roster is not None:
            elected = tuple(roster(when) or ())
    spec = CommitteeSpec(name, when, scenario, elected, where)
    try:
        _session(spec)  # the Council must exist: check every row now
    except LiveError as exc:
        fld = "scenario" if scenario else ("elected" if "elected" in str(exc) or "member" in str(exc) else "date")
        msg = str(exc)
        if fld == "elected" and not elected and when is not None:
            from unsc.rules import Council

            seats = Council.on(when).elected_seats
            msg = (
                f"the Council of {when} has {seats} elected seats: list them (no record store gives that date's roster)"
            )
        raise _RowProblem(f"{label}, field {fld}: {msg}") from None
    return spec


def _session(spec: CommitteeSpec, **kw: object) -> Session:
    if spec.scenario:
        return Session.create(scenario=spec.scenario, elected=list(spec.elected) or None, title=spec.name, **kw)  # type: ignore[arg-type]
    return Session.create(date=spec.date, elected=list(spec.elected), title=spec.name, **kw)  # type: ignore[arg-type]


def build_conference(title: str, specs: list[CommitteeSpec], organiser_token: str | None = None) -> Conference:
    """The sessions of a conference's committees (not stored yet: see ``Storage.create_conference``)."""
    cid = secrets.token_urlsafe(8)
    organiser = organiser_token or secrets.token_urlsafe(18)
    conf = Conference(cid, " ".join(title.split())[:MAX_TITLE], organiser)
    for i, spec in enumerate(specs):
        conf.sessions.append(_session(spec, chair_token=conf.chair_token(i), committee=spec.name, conference=cid))
    return conf


def organiser_hash(token: str) -> str:
    """What the conference keeps of the organiser's token."""
    return hash_token(token)
