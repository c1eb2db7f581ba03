"""One reading of the dates people type, for the CLI, the Python API, the JSON API and the pages.

A period bound may be a year (``2024``), a month (``2024-03``) or a day (``2024-03-22``); as a
start it means the first day of that year or month, as an end (``end=True``) the last day.

>>> parse_date("2024"), parse_date("2024", end=True), parse_date("2024-02", end=True)
(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), datetime.date(2024, 2, 29))
>>> parse_date("2024-03-22"), parse_date(1990), parse_date(""), parse_date(None)
(datetime.date(2024, 3, 22), datetime.date(1990, 1, 1), None, None)
>>> parse_date("2024-13-01")
Traceback (most recent call last):
...
unsc.record.dates.DateError: bad date '2024-13-01': expected a year (2024), a month (2024-03) or YYYY-MM-DD (month must be in 1..12)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

__all__ = ["DATE_FORMS", "DateError", "parse_date"]

#: How the forms are described to people (help texts, error messages, the OpenAPI document).
DATE_FORMS = "a year (2024), a month (2024-03) or YYYY-MM-DD"

_FORM = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class DateError(ValueError):
    """A text that is not a year, a month or a date; the message names the value and the forms."""


def parse_date(value: Any, *, end: bool = False, field: str | None = None, day: bool = False) -> dt.date | None:
    """The date ``value`` stands for: ``None`` for nothing, a year or a month at its first day (its last with ``end``).

    ``value`` may be a :class:`datetime.date` (a datetime gives its day), an ``int`` year or a text;
    a text with a time after the day (``2024-03-22T10:00``) gives the day. ``field`` names the
    input in the error message (``since: bad date ...``). With ``day``, only a day will do (a
    single date, not a period's bound: the Council of a date, a report's date).

    >>> parse_date(" 2011-10-04 "), parse_date("1971", field="until", end=True)
    (datetime.date(2011, 10, 4), datetime.date(1971, 12, 31))
    >>> parse_date("2024", day=True)
    Traceback (most recent call last):
    ...
    unsc.record.dates.DateError: bad date '2024': expected YYYY-MM-DD (a day, not a year or a month)
    >>> parse_date("last week", field="since")
    Traceback (most recent call last):
    ...
    unsc.record.dates.DateError: since: bad date 'last week': expected a year (2024), a month (2024-03) or YYYY-MM-DD
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool) or (day and not isinstance(value, str)):
        raise _error(value, field, None, day)
    if isinstance(value, int):
        return _day(value, None, None, end, value, field)
    text = str(value).strip()
    if not text:
        return None
    m = _FORM.fullmatch(text)
    if m is None and len(text) > 10 and text[10] in "T ":  # a timestamp: its day
        m = _FORM.fullmatch(text[:10])
    if m is None or (day and m.group(3) is None):
        raise _error(value, field, "a day, not a year or a month" if m is not None else None, day)
    year, month, mday = (int(g) if g else None for g in m.groups())
    return _day(year, month, mday, end, value, field, day)  # type: ignore[arg-type]


def _day(
    year: int, month: int | None, mday: int | None, end: bool, value: Any, field: str | None, day: bool = False
) -> dt.date:
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if mday is None:
            return dt.date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return dt.date(year, month, mday)
    except (ValueError, calendar.IllegalMonthError) as e:
        raise _error(value, field, str(e), day) from None


def _error(value: Any, field: str | None, why: str | None, day: bool = False) -> DateError:
    where = f"{field}: " if field else ""
    forms = "YYYY-MM-DD" if day else DATE_FORMS
    return DateError(f"{where}bad date {value!r}: expected {forms}" + (f" ({why})" if why else ""))
