"""Dates in news text: "22 March 2024", "March 22, 2024", datelines and "on Friday".

>>> parse_date_phrase("on March 22, 2024")
datetime.date(2024, 3, 22)
>>> find_dates("The vote on 25 March was close.", default_year=2024)
[(datetime.date(2024, 3, 25), '25 March')]
>>> dateline("UNITED NATIONS, March 22 (Reuters) - The U.S. draft ...", default_year=2024)
datetime.date(2024, 3, 22)
>>> weekday_before("on Friday", dt.date(2024, 3, 23))
datetime.date(2024, 3, 22)
"""

from __future__ import annotations

import datetime as dt
import re

from unsc.record.sources.normalize import MONTHS

__all__ = [
    "MONTHS", "dateline", "dateline_end", "find_dates", "parse_date_phrase", "section_date", "vote_weekday",
    "weekday_before",
]  # fmt: skip

_MON = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(\d{{4}}))?\b")
_MDY = re.compile(rf"\b{_MON}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z ./'-]+(?:,\s*[A-Z][A-Za-z .'-]+)?\s*,?\s*(?:\(?[A-Za-z]+\)?\s*)?[,-–—]?\s*{_MON}\s+(\d{{1,2}})"
    r"(?:,?\s+(\d{4}))?\s*(?:\(|[-–—])"
)
#: the same with the day first: "NEW YORK, 28 December 2024 —"
_DATELINE_DM = re.compile(
    rf"^\s*[A-Z][A-Z ./'-]+(?:,\s*[A-Z][A-Za-z .'-]+)?\s*,\s*(\d{{1,2}})\s+{_MON}(?:,?\s+(\d{{4}}))?\s*(?:\(|[-–—])"
)


def dateline_end(paragraph: str) -> int | None:
    """Where a paragraph's opening dateline ends, or ``None`` without one.

    >>> s = "NEW YORK, 28 December 2024 — The Council ..."
    >>> s[dateline_end(s):]
    ' The Council ...'
    >>> dateline_end("The Council voted on 28 December 2024.") is None
    True
    """
    m = _DATELINE.match(paragraph) or _DATELINE_DM.match(paragraph)
    return m.end() if m else None


#: a paragraph opening with a date set off as a heading: "DEC. 4 - THE FIRST VETO.", "12 March: ..."
_SECTION = re.compile(
    r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Za-z]{3,9})\.?)"
    r"(?:,?\s+(?P<y>\d{4}))?\s*(?:(?:[-–—:|]|\.\s*-)\s+(?=\S)|$)"
)


def section_date(paragraph: str, default_year: int | None = None) -> tuple[dt.date, str] | None:
    """The date heading a section of a chronology, when the paragraph opens with one, and the heading's text.

    >>> section_date("DEC. 4 - THE FIRST VETO. The Council took up ...", 1971)
    (datetime.date(1971, 12, 4), 'DEC. 4 -')
    >>> section_date("12 March: the draft fails", 2024)
    (datetime.date(2024, 3, 12), '12 March:')
    >>> section_date("UNITED NATIONS, Dec. 22 - The Council ...", 1971) is None
    True
    >>> section_date("Tuesday, July 7", 2020)  # a heading standing alone, over the paragraphs it dates
    (datetime.date(2020, 7, 7), 'Tuesday, July 7')
    """
    m = _SECTION.match(paragraph)
    if not m:
        return None
    month = MONTHS.get((m["m1"] or m["m2"]).lower().rstrip("."))
    if month is None:
        return None
    year = int(m["y"]) if m["y"] else default_year
    day = _mk(year, month, int(m["d1"] or m["d2"]))
    return (day, m[0].strip()) if day else None


def _mk(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, default_year: int | None = None) -> list[tuple[dt.date, str]]:
    """Every full date in a text (with ``default_year`` for "22 March"), as (date, matched text).

    >>> find_dates("adopted on 23 December 2016 and on Dec. 22, 2023")
    [(datetime.date(2016, 12, 23), '23 December 2016'), (datetime.date(2023, 12, 22), 'Dec. 22, 2023')]
    """
    found: list[tuple[int, dt.date, str]] = []
    for m in _ISO.finditer(text):
        d = _mk(int(m[1]), int(m[2]), int(m[3]))
        if d:
            found.append((m.start(), d, m[0]))
    for m in _DMY.finditer(text):
        d = _mk(int(m[3]) if m[3] else default_year, MONTHS[m[2].lower().rstrip(".")], int(m[1]))
        if d:
            found.append((m.start(), d, m[0]))
    for m in _MDY.finditer(text):
        if m[1].lower() == "may" and not m[3] and not re.match(r"\s*\d", text[m.end(1) :]):
            continue
        d = _mk(int(m[3]) if m[3] else default_year, MONTHS[m[1].lower().rstrip(".")], int(m[2]))
        if d and not any(s <= m.start() < s + len(t) for s, _, t in found):
            found.append((m.start(), d, m[0]))
    return [(d, t) for _, d, t in sorted(found, key=lambda x: x[0])]


def parse_date_phrase(text: str, default_year: int | None = None) -> dt.date | None:
    """The first date in a phrase, or ``None``.

    >>> parse_date_phrase("Friday, 22 March 2024 - 9:30") , parse_date_phrase("no date here")
    (datetime.date(2024, 3, 22), None)
    """
    got = find_dates(text, default_year)
    return got[0][0] if got else None


def dateline(paragraph: str, default_year: int | None = None) -> dt.date | None:
    """The date of a wire-service dateline ("UNITED NATIONS, March 22 (Reuters) -"), if the paragraph opens with one.

    >>> dateline("UNITED NATIONS, Oct 18 (Reuters) - The United States ...", 2023)
    datetime.date(2023, 10, 18)
    >>> dateline("NEW YORK, 28 December 2024 — The Council on Friday ...", 2024)
    datetime.date(2024, 12, 28)
    >>> dateline("The United States vetoed ...", 2023) is None
    True
    """
    m = _DATELINE.match(paragraph)
    if not m:
        dm = _DATELINE_DM.match(paragraph)
        if dm is None:
            return None
        return _mk(int(dm[3]) if dm[3] else default_year, MONTHS[dm[2].lower().rstrip(".")], int(dm[1]))
    return _mk(int(m[3]) if m[3] else default_year, MONTHS[m[1].lower().rstrip(".")], int(m[2]))


def weekday_before(text: str, article_date: dt.date | None) -> dt.date | None:
    """Resolve "on Friday", "yesterday", "today", "on Tuesday night" against the article date.

    A weekday means the latest such day on or before the article date.

    >>> weekday_before("late on Monday", dt.date(2024, 3, 25))
    datetime.date(2024, 3, 25)
    >>> weekday_before("yesterday", dt.date(2024, 3, 25))
    datetime.date(2024, 3, 24)
    """
    if article_date is None:
        return None
    low = text.lower()
    m = re.search(r"\b(on|late on|early on|last|this)\s+(" + "|".join(_DAYS) + r")\b", low)
    if m:
        want = _DAYS.index(m[2])
        delta = (article_date.weekday() - want) % 7
        return article_date - dt.timedelta(days=delta)
    if re.search(r"\byesterday\b", low):
        return article_date - dt.timedelta(days=1)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", low):
        return article_date
    return None


_VOTE_NEAR = re.compile(
    r"\b(?:vot\w*|vetoe?\w*|adopt\w*|reject\w*|fail\w*|pass\w*|block\w*|approv\w*|abstain\w*|shot|demand\w*|"
    r"renew(?:ed|s|ing)?|extend(?:ed|s|ing)?|authori[sz]\w*|endors\w*|unanimous\w*)\b",
    re.I,
)
_WEEKDAY = re.compile(
    r"\b(?:(?:late|early)\s+)?(?:(on|last|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:['’]s)?\b|\b(yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b",
    re.I,
)


def vote_weekday(text: str, article_date: dt.date | None) -> tuple[dt.date, str] | None:
    """The day a vote sentence names ("on Friday", "Wednesday's vote", "vetoed ... Tuesday", "yesterday"),
    resolved against the article date; with several, the one nearest a vote word. Returns (date, phrase).

    >>> vote_weekday("As mourners gathered on Saturday, people recalled Russia's veto on Wednesday.", dt.date(2015, 7, 11))
    (datetime.date(2015, 7, 8), 'on Wednesday')
    >>> vote_weekday("In Wednesday's vote, 14 members backed the text.", dt.date(2024, 11, 22))
    (datetime.date(2024, 11, 20), "Wednesday's")
    >>> vote_weekday("The Council last night endorsed the plan.", dt.date(1999, 6, 11))
    (datetime.date(1999, 6, 10), 'last night')
    >>> vote_weekday("Russia vetoed it last Friday.", dt.date(2024, 3, 29))
    (datetime.date(2024, 3, 22), 'last Friday')
    >>> vote_weekday("The Council voted to extend the mission until Wednesday.", dt.date(2002, 7, 1)) is None
    True
    """
    if article_date is None:
        return None
    votes = [m.start() for m in _VOTE_NEAR.finditer(text)]
    best: tuple[int, dt.date, str] | None = None
    for m in _WEEKDAY.finditer(text):
        if re.search(r"\b(?:until|till|through|before|by|ahead\s+of|next)\s*$", text[: m.start()], re.I) and not m[3]:
            continue  # "keep the mission alive until Wednesday": a deadline to come, not the day of a vote
        if m[3]:
            word = m[3].lower()
            # "last night" in a morning paper: the evening before the page date
            d = (
                article_date - dt.timedelta(days=1)
                if word in ("yesterday", "overnight") or word.startswith("last")
                else article_date
            )
        else:
            want = _DAYS.index(m[2].lower())
            delta = (article_date.weekday() - want) % 7
            if m[1] and m[1].lower() == "last" and delta == 0:
                delta = 7
            d = article_date - dt.timedelta(days=delta)
        dist = min((abs(v - m.start()) for v in votes), default=0)
        if best is None or dist < best[0]:
            best = (dist, d, m[0].strip())
    return (best[1], best[2]) if best else None
