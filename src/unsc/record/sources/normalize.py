"""Helpers every reader shares: symbols (resolution, draft, meeting), dates and member codes.

Symbols come in many spellings; these functions reduce them to one form, or ``None``:

>>> parse_resolution("S/RES/2728 (2024)"), parse_resolution("Resolution 2623 (2022)"), parse_resolution("2728(2024)")
((2728, 2024), (2623, 2022), (2728, 2024))
>>> format_resolution(2728, 2024)
'2728 (2024)'
>>> parse_draft("S/2024/323 (amendment)"), parse_draft("s/1443"), parse_draft("Oral amendment")
('S/2024/323', 'S/1443', None)
>>> parse_meeting("9584"), parse_meeting("S/PV9584"), parse_meeting("PV.3326"), parse_meeting("V005")
('S/PV.9584', 'S/PV.9584', 'S/PV.3326', None)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, Any

from unsc.rules import Council, permanent_seat
from unsc.rules.charter import code_of_the_time

if TYPE_CHECKING:
    from unsc.rules.members import Member

#: English month names and abbreviations -> month number ("sept" too).
MONTHS: dict[str, int] = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}


__all__ = [
    "DRAFT_UNCERTAIN",
    "MONTHS",
    "format_resolution",
    "member_code",
    "member_named",
    "parse_date",
    "parse_draft",
    "parse_drafts",
    "parse_meeting",
    "parse_resolution",
    "repair_draft_year",
    "repair_mojibake",
    "resolution_id",
]

_RES = re.compile(r"(?:S\s*/\s*RES\s*/\s*|resolution\s+)?(\d{1,4})\s*(?:\(\s*(\d{4})\s*\)?|/\s*(\d{4}))", re.I)
_RES_BARE = re.compile(r"^\s*(?:S\s*/\s*RES\s*/\s*)(\d{1,4})\s*$", re.I)
_DRAFT = re.compile(r"\bS\s*/\s*(\d{4})\s*[/-]\s*(\d{1,5})\b|\bS\s*/\s*(\d{1,5})\b", re.I)
_MEETING = re.compile(r"^\s*(?:S\s*/\s*)?(?:PV\s*\.?\s*)?(\d{1,5})(?:\s*\(.*\))?\s*$", re.I)


def parse_resolution(text: Any) -> tuple[int, int | None] | None:
    """Resolution number and year from any spelling, or ``None``.

    >>> parse_resolution("S/RES/2776/2025"), parse_resolution("S/2025/270"), parse_resolution(None)
    ((2776, 2025), None, None)
    """
    if text is None or not isinstance(text, str | int) or isinstance(text, bool):
        return None
    s = str(text).strip()
    if not s or re.match(r"^S\s*/\s*\d{4}\s*/", s, re.I):  # a draft symbol in the wrong column
        return None
    m = _RES.search(s)
    if m:
        year = m.group(2) or m.group(3)
        return int(m.group(1)), int(year) if year else None
    m = _RES_BARE.match(s)
    if m:
        return int(m.group(1)), None
    return None


def format_resolution(number: int, year: int | None) -> str:
    """``2728 (2024)``, the way the UN cites a resolution."""
    return f"{number} ({year})" if year else str(number)


def resolution_id(number: int, year: int | None) -> str:
    """The decision id of a resolution with no known draft: ``S/RES/2728(2024)``.

    >>> resolution_id(2728, 2024)
    'S/RES/2728(2024)'
    """
    return f"S/RES/{number}({year})" if year else f"S/RES/{number}"


def parse_draft(text: Any) -> str | None:
    """The first draft symbol in a text (``S/2024/239``, or ``S/1443`` before 1994), or ``None``.

    >>> parse_draft("S/2019-725"), parse_draft("S/RES/2779(2025)")
    ('S/2019/725', None)
    """
    found = parse_drafts(text)
    return found[0] if found else None


#: the words a decision's ``note`` begins with when its draft symbol is uncertain (several in the source's
#: cell, or out of the order of its year's numbering: :mod:`unsc.record.crosscheck`)
DRAFT_UNCERTAIN = "draft symbol uncertain"


def parse_drafts(text: Any) -> list[str]:
    """Every draft symbol in a text, in its order (:func:`parse_draft` gives the first).

    >>> parse_drafts("S/2018/1088; S/2018/1143"), parse_drafts("S/2024/239"), parse_drafts(None)
    (['S/2018/1088', 'S/2018/1143'], ['S/2024/239'], [])
    """
    if (
        not isinstance(text, str)
        or re.match(r"^S\s*/\s*RES", text.strip(), re.I)
        or re.search(r"\bS\s*/\s*PV", text, re.I)
    ):
        return []
    out = [
        f"S/{int(m.group(1))}/{int(m.group(2))}" if m.group(1) else f"S/{int(m.group(3))}"
        for m in _DRAFT.finditer(text)
    ]
    return list(dict.fromkeys(out))


def parse_meeting(text: Any) -> str | None:
    """A meeting record symbol ``S/PV.<n>``, or ``None`` (written-procedure codes like ``V005``).

    >>> parse_meeting(3326), parse_meeting("S/PV.49 (Resumption 1)")
    ('S/PV.3326', 'S/PV.49')
    """
    if text is None or isinstance(text, float):
        return None
    m = _MEETING.match(str(text))
    return f"S/PV.{int(m.group(1))}" if m else None


def parse_date(text: Any) -> dt.date | None:
    """A date from ISO text, ``M/D/YYYY``, a datetime or a Timestamp; ``None`` if unreadable.

    >>> parse_date("2/16/1946"), parse_date("2024-03-22 00:00:00")
    (datetime.date(1946, 2, 16), datetime.date(2024, 3, 22))
    """
    if text is None:
        return None
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    s = str(text).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
    try:
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", s)
        if m:
            return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None
    return None


_DRAFT_YEAR = re.compile(r"^S/((?:199[4-9]|20\d\d))/\d+")  # the S/YYYY/N symbols in use since 1994
_YEARLESS_UNTIL = dt.date(1994, 2, 1)  # the last yearless symbols (1993) can be voted in January 1994


def draft_fits_date(draft: str, date: dt.date) -> bool:
    """Whether a draft symbol's year allows a vote on it on ``date`` (its year, or the December before January).

    Symbols without a year (``S/1234``, ``S/2449/Rev.1``: before 1994) fit a vote up to January 1994;
    on a later vote such a symbol is a misread one (``S/206`` for ``S/2016/381``).

    >>> draft_fits_date("S/2024/239", dt.date(2024, 3, 22)), draft_fits_date("S/2002/799", dt.date(1978, 3, 19))
    (True, False)
    >>> draft_fits_date("S/2014/916", dt.date(2015, 1, 2)), draft_fits_date("S/1995/136", dt.date(1996, 2, 29))
    (True, False)
    >>> draft_fits_date("S/2449/Rev.1", dt.date(1952, 2, 6)), draft_fits_date("S/206", dt.date(2016, 4, 28))
    (True, False)
    """
    m = _DRAFT_YEAR.match(draft)
    if not m:
        # a symbol without a year names a text of 1993 or before: voted in January 1994 at the latest
        return date < _YEARLESS_UNTIL
    y = int(m.group(1))
    return y == date.year or (y == date.year - 1 and date.month == 1)


def repair_draft_year(text: Any, date: dt.date | None) -> str | None:
    """The draft symbol ``S/<year>/<n>`` a source mistyped with one digit of its year dropped or doubled.

    From 1994 every draft symbol carries its year (``S/2016/381``); a cell reading ``S/206/381`` or
    ``S/20016/636`` on a vote of 2016 is that year's symbol with a digit lost or repeated, which
    :func:`parse_draft` alone would cut to the pre-1994 symbols ``S/206`` and ``S/20016``. Anything
    else (no year that one digit away from the vote's) gives ``None``: the reader does not guess.

    >>> repair_draft_year("S/206/381", dt.date(2016, 4, 28)), repair_draft_year("S/20016/636", dt.date(2016, 7, 25))
    ('S/2016/381', 'S/2016/636')
    >>> repair_draft_year("S/2016/381", dt.date(2016, 4, 28)), repair_draft_year("S/207/381", dt.date(2016, 4, 28))
    (None, None)
    """
    if not isinstance(text, str) or date is None or date < _YEARLESS_UNTIL:
        return None
    m = re.fullmatch(r"\s*S\s*/\s*(\d{1,6})\s*/\s*(\d{1,5})\s*", text)
    if not m or len(m.group(1)) == 4:
        return None
    typed, year = m.group(1), str(date.year)
    if abs(len(typed) - len(year)) != 1:
        return None
    short, long_ = sorted((typed, year), key=len)
    if any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_))):
        return f"S/{date.year}/{int(m.group(2))}"
    return None


def council_of_year(year: int | None) -> Council:
    """The Council of a year (its size, threshold and permanent seats), from :mod:`unsc.rules`.

    Sources that give only a year use the Council of 1 July of it; a missing year is taken as
    the present Council. The Charter facts themselves live in :class:`unsc.rules.Council`.

    >>> council_of_year(1950).threshold, council_of_year(2024).size, council_of_year(None).threshold
    (7, 15, 9)
    """
    return Council.on(dt.date(year, 7, 1)) if year is not None else Council.on(dt.date.today())


@functools.lru_cache(maxsize=1024)
def is_permanent(code: str) -> bool:
    """Whether a code holds a permanent seat (``SUN`` and ``RUS`` share one), per :func:`unsc.rules.permanent_seat`.

    >>> is_permanent("SUN"), is_permanent("DZA")
    (True, False)
    """
    return permanent_seat(code) is not None


def member_code(name: str, when: dt.date | None = None) -> str | None:
    """ISO code for a member name as a source spells it; the USSR/Russia seat by date.

    ``SUN`` before 24 Dec 1991 and ``RUS`` from then on, whatever the source calls it (some label
    res. 725 of 31 Dec 1991 "USSR").

    >>> member_code("USSR", dt.date(1991, 12, 31)), member_code("Russian Federation", dt.date(1980, 1, 1))
    ('RUS', 'SUN')
    >>> member_code("Atlantis") is None
    True
    """
    m = member_named(name)
    if m is None:
        return None
    return code_of_the_time(m.code, when)


@functools.lru_cache(maxsize=8192)
def member_named(text: str) -> Member | None:
    """:func:`unsc.rules.find_member`, remembered per spelling (the readers meet the same few
    hundred spellings in some 100,000 cells).

    >>> member_named("United Kingdom").code, member_named("Atlantis")
    ('GBR', None)
    """
    from unsc.rules import find_member  # here, not at the top: `unsc show` parses symbols without the engine

    return find_member(text)


#: a character of UTF-8 encoded twice: its bytes read as Latin-1 and encoded again ("Ã±" for "ñ",
#: "â\x80\x99" for "’"), a lead byte and the continuation bytes it announces
_MOJIBAKE = re.compile("[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def repair_mojibake(text: str) -> str:
    """Text with the characters a page encoded twice in UTF-8 read back once.

    Some of the Library's pages hold a few characters encoded twice ("P. LeÃ±o Velloso" in the 1947
    table, "Democratic Peopleâ\x80\x99s Republic of Korea" in 2022): each run of a Latin-1 lead
    byte and the continuation bytes it announces that is itself valid UTF-8 is decoded; anything
    else is left as it is.

    >>> repair_mojibake("LeÃ±o Velloso"), repair_mojibake("Peopleâ\x80\x99s"), repair_mojibake("Côte d'Ivoire")
    ('Leño Velloso', 'People’s', "Côte d'Ivoire")
    """

    def one(m: re.Match[str]) -> str:
        try:
            return m.group(0).encode("latin-1").decode("utf-8")
        except UnicodeError:
            return m.group(0)

    return _MOJIBAKE.sub(one, text)
