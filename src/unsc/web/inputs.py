"""Reading what a request gives: dates, members, whole numbers and names typed in a box.

Every reader raises :class:`~unsc.web.store_cache.BadInput` (HTTP 422) with a message that names
the field; the dates are read by :func:`unsc.record.dates.parse_date`, as the CLI and the store read them.

>>> period_bound("1990", "since"), period_bound("1995", "until", end=True)
(datetime.date(1990, 1, 1), datetime.date(1995, 12, 31))
>>> member_code("Russian Federation"), typed_names("USA, France;\\nChina")
('RUS', ['USA', 'France', 'China'])
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import Query

from unsc.web.store_cache import BadInput

__all__ = [
    "DATE_HELP",
    "SinceQuery",
    "UntilQuery",
    "body_day",
    "day",
    "looks_like_symbol",
    "member_code",
    "period_bound",
    "typed_names",
    "whole_number",
]

DATE_HELP = "a year (2024), a month (2024-03) or a day (2024-03-22)"
#: the period filters every list endpoint takes, read by the one date parser (unsc.record.dates)
SinceQuery = Annotated[
    str | None, Query(max_length=25, description=DATE_HELP + " (from)", examples=["2024", "2024-03-22"])
]
UntilQuery = Annotated[
    str | None, Query(max_length=25, description=DATE_HELP + " (up to, inclusive)", examples=["2024", "2024-03-22"])
]


def body_day(value: Any) -> Any:
    """A JSON body's ``date`` read as the query strings, the pages and the CLI read dates (a day: YYYY-MM-DD).

    >>> body_day("2024-03-22"), body_day(None)
    (datetime.date(2024, 3, 22), None)
    """
    from unsc.record.dates import parse_date

    return parse_date(value, day=True) if isinstance(value, str) else value


def _parse(text: str | None, field: str, *, day_only: bool, end: bool = False) -> dt.date | None:
    from unsc.record.dates import DateError, parse_date

    try:
        return parse_date(text, end=end, field=field, day=day_only)
    except DateError as exc:
        raise BadInput(str(exc)) from None


def day(text: str | None, field: str) -> dt.date | None:
    """A single day (YYYY-MM-DD), or ``None`` for an empty text; a year or a month is :class:`BadInput`.

    >>> day("2024-03-22", "date"), day("", "date")
    (datetime.date(2024, 3, 22), None)
    >>> day("1990", "date")
    Traceback (most recent call last):
    ...
    unsc.web.store_cache.BadInput: date: bad date '1990': expected YYYY-MM-DD (a day, not a year or a month)
    """
    return _parse(text, field, day_only=True)


def period_bound(text: str | None, field: str, *, end: bool = False) -> dt.date | None:
    """A period's bound: a year or a month stands for its first day (its last with ``end``)."""
    return _parse(text, field, day_only=False, end=end)


def member_code(text: str) -> str:
    """A member's code from a code or a name; an unknown name is :class:`BadInput`.

    >>> member_code("Atlantis")
    Traceback (most recent call last):
    ...
    unsc.web.store_cache.BadInput: unknown member 'Atlantis': give an ISO 3166 alpha-3 code (e.g. USA, RUS, SUN) or a state name
    """
    from unsc.rules import UnknownMemberError, member

    try:
        return member(text).code
    except UnknownMemberError as exc:
        raise BadInput(str(exc)) from exc


def whole_number(text: str, field: str, low: int, high: int) -> int:
    """A whole number typed in a form, within ``low``..``high``.

    >>> whole_number("15", "seats", 1, 60)
    15
    >>> whole_number("x", "seats", 1, 60)
    Traceback (most recent call last):
    ...
    unsc.web.store_cache.BadInput: seats: 'x' is not a whole number
    """
    if not str(text).strip():
        raise BadInput(f"{field} is missing: give a whole number from {low} to {high}")
    try:
        value = int(text)
    except (TypeError, ValueError):
        raise BadInput(f"{field}: {text!r} is not a whole number") from None
    if not low <= value <= high:
        raise BadInput(f"{field} must be between {low} and {high}, not {value}")
    return value


def typed_names(text: str) -> list[str]:
    """Members typed in a box: separated by commas, semicolons or new lines."""
    return [p.strip() for p in re.split(r"[,;\n]+", text or "") if p.strip()]


def looks_like_symbol(q: str) -> bool:
    """Whether a search text is a symbol (a draft, a resolution), so the search goes straight to it.

    >>> looks_like_symbol("S/2024/239"), looks_like_symbol("2728 (2024)"), looks_like_symbol("Syria")
    (True, True, False)
    """
    return bool(re.fullmatch(r"(S/[\w./#() -]+|\d{1,4}\s*\(\d{4}\))", q.strip())) if q else False
