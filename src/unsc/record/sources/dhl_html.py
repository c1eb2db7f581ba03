"""Readers for the Dag Hammarskjöld Library (DHL) HTML pages.

* :func:`read_veto_list` reads the "Security Council - Veto List" page
  (``scact_veto_table_en.html``, source id ``dhl_veto``): one decisions row per vetoed proposal.
* :func:`read_meetings_table` / :func:`read_meetings_tables` read the yearly "Meetings &
  Outcomes" tables (``scact{YEAR}_table_en.html``, source id ``dhl_meetings``): one decisions row
  per outcome that is a vote or a decision (resolutions, failed drafts).
* :func:`parse_outcomes` is the free-text outcome parser both readers of those tables share (the
  Tong scrape in :mod:`unsc.record.sources.tong` reuses it).

The pages are hand-written HTML with unbalanced tags, ``</br>`` for ``<br>``, rowspans and
columns that change over the years; the readers parse them as they are. Neither page has member
votes, so the ``votes`` frames are empty.

>>> frame = read_veto_list_text(_VETO_EXAMPLE)
>>> row = frame.decisions.iloc[0]
>>> row["draft"], row["meeting"], row["vetoed_by"], str(row["date"])
('S/2022/431', 'S/PV.9048', ['CHN', 'RUS'], '2022-05-26')
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lxml.etree
import pandas as pd

from unsc.record.sources.frame import (
    CALENDAR_COLUMNS,
    DECISION_COLUMNS,
    SourceError,
    SourceFrame,
    SourceIssue,
    frame_records,
)
from unsc.record.sources.normalize import MONTHS, council_of_year, member_named, repair_mojibake

__all__ = [
    "MeetingsSummary",
    "Outcome",
    "calendar_from_rows",
    "parse_date_span",
    "parse_outcomes",
    "read_meetings_table",
    "read_meetings_table_text",
    "read_meetings_tables",
    "read_veto_list",
    "read_veto_list_text",
    "split_vetoers",
    "veto_list_counts",
]

VETO_SOURCE = "dhl_veto"
MEETINGS_SOURCE = "dhl_meetings"

_VETO_EXAMPLE = """<html><table>
<tr><th>Date</th><th>Draft</th><th>Written<br>Record</th><th>Agenda Item</th><th>Permanent Member</th></tr>
<tr><td>26 May 2022</td><td><a href="https://undocs.org/en/S/2022/431">S/2022/431</a></td>
<td><a href="https://undocs.org/en/S/PV.9048">S/PV.9048</a></td>
<td>Non-proliferation - Democratic People's Republic of Korea</td><td>China</br>Russian Federation</td></tr>
</table></html>"""

# ---------------------------------------------------------------------------------------------
# shared HTML helpers
# ---------------------------------------------------------------------------------------------


_SYMBOL = r"S/(?:PV\.\d+|PRST/\d{4}/\d+|RES/\d+\s*\(\d{4}\)|\d{4}/\d+|\d+)(?:/(?:Rev|Corr|Add)\.\s?\d+)*"
_SYMBOL_RE = re.compile(_SYMBOL)


def _read_html(path: str | Path) -> str:
    """The text of an HTML page, or :class:`SourceError` naming the file if it is missing or cut."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SourceError(p, f"cannot read file: {exc.strerror or exc}") from exc
    text = repair_mojibake(raw.decode("utf-8", errors="replace"))
    _check_html(p, text)
    return text


def _check_html(path: str | Path, text: str) -> None:
    low = text.lower()
    if "<table" not in low:
        raise SourceError(path, "not a DHL table page: no <table> element")
    if "</table>" not in low and "</html>" not in low:
        raise SourceError(path, "truncated file: the page ends before </table> or </html>")


def _parse_doc(path: str | Path, text: str) -> Any:
    # "</br>" is written for "<br>" in these pages; make it a real line break before parsing.
    text = re.sub(r"<\s*/\s*br\s*>", "<br>", text, flags=re.IGNORECASE)
    # lxml's own HTML parser, without lxml.html's element classes: the same tree, and no Python class
    # lookup for each of the pages' ~90,000 elements
    try:
        doc = lxml.etree.fromstring(text, _HTML_PARSER)
    except Exception as exc:  # lxml raises several types on garbage
        raise SourceError(path, f"cannot parse HTML: {exc}") from exc
    if doc is None:
        raise SourceError(path, "cannot parse HTML: Document is empty")
    return doc


_HTML_PARSER = lxml.etree.HTMLParser()
_STRING = lxml.etree.XPath("string()")


def _content(el: Any) -> str:
    """All the text under an element (what lxml.html's ``text_content()`` gives: XPath ``string()``)."""
    return str(_STRING(el))


def _text(el: Any) -> str:
    """Cell text with line breaks kept for <br> and block elements, whitespace tidied per line."""
    if not len(el):  # a cell without elements inside (most): its text, whitespace tidied
        t = el.text
        if not t:
            return ""
        if "\n" not in t:
            return " ".join(t.split())
    parts: list[str] = []

    def walk(e: Any) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        if tag in ("br", "p", "div", "li"):
            parts.append("\n")
        if e.text and tag != "br":
            parts.append(e.text)
        for child in e:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in ("p", "div", "li"):
            parts.append("\n")

    walk(el)
    lines = (" ".join(line.replace("\xa0", " ").split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _links(el: Any) -> list[tuple[str, str]]:
    return [(_flat(_content(a)), (a.get("href") or "").strip()) for a in el.iter("a")]


def _grid(table: Any) -> list[tuple[int, Any, list[Any]]]:
    """Rows of a table with rowspans and colspans expanded: ``(tr index, tr, cells)``.

    A cell with ``rowspan=n`` is repeated in the next ``n-1`` rows at its column.
    """
    rows: list[tuple[int, Any, list[Any]]] = []
    pending: dict[int, list[Any]] = {}  # column -> [rows left, cell]
    for i, tr in enumerate(table.iter("tr")):
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        out: dict[int, Any] = {}
        col = 0
        queue = list(cells)
        while queue or any(k >= col for k in pending):
            if col in pending:
                left, cell = pending[col]
                out[col] = cell
                if left <= 1:
                    del pending[col]
                else:
                    pending[col] = [left - 1, cell]
                col += 1
                continue
            if not queue:
                col = min(k for k in pending if k >= col)
                continue
            cell = queue.pop(0)
            rs = _int_attr(cell, "rowspan")
            cs = _int_attr(cell, "colspan")
            for _ in range(cs):
                out[col] = cell
                if rs > 1:
                    pending[col] = [rs - 1, cell]
                col += 1
        rows.append((i, tr, [out[k] for k in sorted(out)]))
    return rows


def _int_attr(cell: Any, name: str) -> int:
    if cell.get(name) is None:
        return 1
    try:
        return max(1, min(int(cell.get(name, "1") or 1), 500))
    except ValueError:
        return 1


def _parse_day_month_year(text: str, year: int | None = None) -> tuple[dt.date | None, str | None]:
    """``"26 May 2022"``, ``"14-15 December 2001"``, ``"30 January 86"``, ``"21 December"`` (+ year).

    Returns the date (the last day of a range: the vote closes the meeting) and a note if the
    text was a range or otherwise unusual.

    >>> _parse_day_month_year("14-15 December 2001")
    (datetime.date(2001, 12, 15), "date given as '14-15 December 2001'")
    >>> _parse_day_month_year("21 December", 1950)
    (datetime.date(1950, 12, 21), None)
    """
    _first, last, note = parse_date_span(text, year)
    return last, note


def parse_date_span(text: str, year: int | None = None) -> tuple[dt.date | None, dt.date | None, str | None]:
    """First and last day of a date cell as the DHL pages write it, and a note if it was unusual.

    A single day gives the same date twice; a range (``"7-9 January 1980"``, ``"30 June - 1 July"``)
    its first and last day (a first day that cannot be read, or comes after the last, is taken as
    the last day). Text that is not a date gives ``(None, None, None)``.

    >>> parse_date_span("7-9 January 1980")
    (datetime.date(1980, 1, 7), datetime.date(1980, 1, 9), "date given as '7-9 January 1980'")
    >>> parse_date_span("30 June - 1 July", 1960)[:2]
    (datetime.date(1960, 6, 30), datetime.date(1960, 7, 1))
    >>> parse_date_span("07 January", 1980)
    (datetime.date(1980, 1, 7), datetime.date(1980, 1, 7), None)
    """
    t = _flat(text)
    m = re.fullmatch(
        r"(?:(\d{1,2})\s*(?:-|–|and)\s*)?(\d{1,2})\s+([A-Za-z]+)\.?(?:\s*,?\s*(\d{2,4}))?",
        t,
    )
    if not m:
        m2 = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s*(?:-|–)\s*(\d{1,2})\s+([A-Za-z]+)(?:\s+(\d{4}))?", t)
        if not m2:
            return None, None, None
        day, month, y = int(m2.group(3)), MONTHS.get(m2.group(4).lower()), m2.group(5)
        first_day, first_month = int(m2.group(1)), MONTHS.get(m2.group(2).lower())
        note: str | None = f"date given as {t!r}"
    else:
        day, month, y = int(m.group(2)), MONTHS.get(m.group(3).lower()), m.group(4)
        first_day, first_month = (int(m.group(1)) if m.group(1) else day), month
        note = f"date given as {t!r}" if m.group(1) else None
    if month is None or first_month is None:
        return None, None, None
    if y is not None:
        yi = int(y)
        if yi < 100:
            yi += 1900 if yi >= 45 else 2000
            note = f"date given as {t!r}"
    elif year is not None:
        yi = year
    else:
        return None, None, None
    try:
        last = dt.date(yi, month, day)
    except ValueError:
        return None, None, None
    try:
        first = dt.date(yi, first_month, first_day)
    except ValueError:
        first = last
    return min(first, last), last, note


# ---------------------------------------------------------------------------------------------
# permanent members named in vetoes
# ---------------------------------------------------------------------------------------------

_P5_RE = re.compile(
    r"Union of Soviet Socialist Republics|Russian Federation|United Kingdom|United States(?: of America)?"
    r"|Soviet Union|U\.S\.S\.R\.|USSR|U\.S\.A\.|USA|U\.K\.|UK|China|France|Russia",
)
_CONNECTORS_RE = re.compile(r"(?:\s|,|/|&|;|\+|\.|\band\b|\bthe\b|\bby\b)+", re.IGNORECASE)


def split_vetoers(text: str) -> tuple[list[str], str]:
    """Permanent-member codes named in ``text`` (in order) and any text left that is not a name.

    Handles names run together without separators, as the veto page shows them.

    >>> split_vetoers("ChinaRussian Federation")
    (['CHN', 'RUS'], '')
    >>> split_vetoers("France, UK and USA")
    (['FRA', 'GBR', 'USA'], '')
    >>> split_vetoers("USSR (absent)")
    (['SUN'], '(absent)')
    """
    codes: list[str] = []
    for m in _P5_RE.finditer(text):
        member = member_named(m.group(0))
        if member is not None and member.code not in codes:
            codes.append(member.code)
    rest = _CONNECTORS_RE.sub(" ", _P5_RE.sub(" ", text)).strip()
    return codes, rest


# ---------------------------------------------------------------------------------------------
# the veto list
# ---------------------------------------------------------------------------------------------


def read_veto_list(path: str | Path) -> SourceFrame:
    """Read the DHL veto list page: one decisions row per vetoed proposal, no votes rows.

    ``vetoed_by`` lists the codes of the permanent members the page names (``SUN`` for the USSR,
    ``RUS`` for the Russian Federation). A row whose draft cell holds a meeting record symbol
    (oral proposals of 1946-1948) gets ``draft=None`` and says so in ``note``.

    >>> read_veto_list("/nonexistent/scact_veto_table_en.html")
    Traceback (most recent call last):
    ...
    unsc.record.sources.frame.SourceError: /nonexistent/scact_veto_table_en.html: cannot read file: No such file or directory
    """
    return read_veto_list_text(_read_html(path), file=str(path))


def read_veto_list_text(text: str, file: str = "scact_veto_table_en.html") -> SourceFrame:
    """:func:`read_veto_list` on the page's text (``file`` names it in issues and errors).

    >>> read_veto_list_text(_VETO_EXAMPLE).decisions["vetoed_by"].tolist()
    [['CHN', 'RUS']]
    """
    _check_html(file, text)
    doc = _parse_doc(file, text)
    tables = list(doc.iter("table"))
    if not tables:
        raise SourceError(file, "no table in the page")
    table = tables[0]
    header_seen = False
    decisions: list[dict[str, Any]] = []
    issues: list[SourceIssue] = []
    n = 0
    for tr_index, _tr, cells in _grid(table):
        texts = [_text(c) for c in cells]
        if not header_seen:
            joined = " ".join(texts).lower()
            if "date" in joined and "draft" in joined and "agenda" in joined:
                header_seen = True
                if len(cells) < 5:
                    raise SourceError(file, f"header has {len(cells)} columns, expected 5", row=f"tr {tr_index + 1}")
            continue
        if not any(texts):
            continue
        n += 1
        raw = {"tr": tr_index + 1, "cells": texts}
        if len(cells) < 5:
            issues.append(SourceIssue(VETO_SOURCE, file, n, None, f"row has {len(cells)} cells, expected 5", raw))
            continue
        row = _veto_row(file, n, cells, texts, issues, raw)
        if row is not None:
            decisions.append(row)
    if not header_seen:
        raise SourceError(file, "no header row with Date / Draft / Agenda Item columns")
    if not decisions:
        raise SourceError(file, "no veto rows found under the header")
    frame = SourceFrame.build(VETO_SOURCE, decisions, [], issues)
    frame.rows_in = n
    return frame


def _veto_row(
    file: str, n: int, cells: list[Any], texts: list[str], issues: list[SourceIssue], raw: dict[str, Any]
) -> dict[str, Any] | None:
    date_text, draft_text, record_text, agenda_text, member_text = (_flat(t) for t in texts[:5])
    notes: list[str] = []
    date_from, date, date_note = parse_date_span(date_text)
    if date is None:
        issues.append(SourceIssue(VETO_SOURCE, file, n, "date", f"cannot read date {date_text!r}", raw))
        return None
    if date_note:
        notes.append(date_note)

    # draft: the first symbol that is not a meeting record; the rest of the cell is kept as a note
    symbols = _SYMBOL_RE.findall(draft_text)
    drafts = [s for s in symbols if not s.startswith("S/PV.")]
    draft = re.sub(r"\s", "", drafts[0]) if drafts else None
    if draft is None:
        if symbols:
            notes.append(f"no draft symbol: the page gives {symbols[0]}")
        else:
            issues.append(SourceIssue(VETO_SOURCE, file, n, "draft", f"no document symbol in {draft_text!r}", raw))
            return None
    rest = draft_text.replace(drafts[0], "", 1).strip(" ,") if drafts else ""
    if rest:
        notes.append(f"draft: {draft_text}")

    # written record: the first symbol; more than one (written procedure of 2020) goes to note
    records = [re.sub(r"\s", "", s) for s in _SYMBOL_RE.findall(record_text)]
    meeting = records[0] if records else None
    if len(records) > 1:
        notes.append("written record: " + ", ".join(records))
    if meeting is None:
        issues.append(SourceIssue(VETO_SOURCE, file, n, "meeting", f"no record symbol in {record_text!r}", raw))
    link = next((href for _t, href in _links(cells[2]) if href), None)

    kind = "draft_resolution"
    title = agenda_text
    m = re.search(r"[\s,(]*\bpreliminary question\)?\s*$", agenda_text, re.IGNORECASE)
    if m:
        kind = "preliminary_question"
        title = agenda_text[: m.start()].strip(" ,")
        notes.append("preliminary question")
    low = draft_text.lower()
    if "amendment" in low and "incorporating" not in low:
        kind = "amendment"
        notes.append("amendment")
    for phrase in ("as amended", "as corrected", "incorporating the amendment"):
        if phrase in low and not any(phrase in x for x in notes):
            notes.append(phrase)

    codes, leftover = split_vetoers(member_text)
    if not codes or leftover:
        issues.append(
            SourceIssue(
                VETO_SOURCE,
                file,
                n,
                "member",
                f"cannot resolve the vetoing member(s) in {member_text!r}"
                + (f" (left: {leftover!r})" if leftover else ""),
                raw,
            )
        )
        if not codes:
            return None
    return _decision(
        VETO_SOURCE,
        source_row=n,
        key=f"{VETO_SOURCE}:{n}",
        date=date,
        date_from=date_from if date_from != date else None,
        meeting=meeting,
        draft=draft,
        title=title,
        kind=kind,
        modality="recorded",
        adopted=False,
        failure_reason="veto",
        vetoed_by=codes,
        link=link,
        note="; ".join(dict.fromkeys(notes)) or None,
    )


def veto_list_counts(frame: SourceFrame) -> dict[str, int]:
    """Per-member count of vetoes as the page lists them (``SUN`` and ``RUS`` apart).

    A row naming two members counts once for each.

    >>> veto_list_counts(read_veto_list_text(_VETO_EXAMPLE))
    {'CHN': 1, 'RUS': 1}
    """
    counts: Counter[str] = Counter()
    for codes in frame.decisions["vetoed_by"]:
        counts.update(codes or [])
    return dict(sorted(counts.items()))


def _decision(source: str, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "source": source,
        "resolution": None,
        "resolution_number": None,
        "topic": None,
        "sponsors": None,
        "yes": None,
        "no": None,
        "abstain": None,
        "non_voting": None,
        "vetoed_by": [],
        "link": None,
        "note": None,
        "not_participating": [],
    }
    row.update(values)
    return row


# ---------------------------------------------------------------------------------------------
# the outcome parser (yearly tables and the Tong scrape)
# ---------------------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One outcome read from an outcome cell.

    ``what`` is ``"resolution"`` (a resolution adopted), ``"draft"`` (a draft put to the vote and
    not adopted), ``"prst"`` (a presidential statement), ``"document"`` (a bare document symbol,
    e.g. a statement before 1994), ``"other"`` (communiqué, election, note, letter, decision ...).
    ``problem`` says why a resolution/draft outcome cannot be trusted (it becomes an issue).
    """

    what: str
    text: str = ""
    resolution: str | None = None
    resolution_number: int | None = None
    drafts: list[str] = field(default_factory=list)
    status: str | None = None  # "vetoed" / "not_adopted" / "adopted" for drafts
    vetoed_by: list[str] = field(default_factory=list)
    tally: tuple[int, int, int] | None = None
    non_voting: int | None = None
    #: member codes named as not participating ("(France did not participate in the voting.)")
    not_participating: list[str] = field(default_factory=list)
    modality: str | None = None
    unanimous: bool = False
    kind: str = "draft_resolution"
    notes: list[str] = field(default_factory=list)
    problem: str | None = None

    @property
    def is_vote(self) -> bool:
        """True for outcomes that are decisions rows (resolutions and failed drafts)."""
        return self.what in ("resolution", "draft")

    def _closed(self) -> bool:
        return self.tally is not None or self.status is not None or self.modality is not None


_TOKEN_RE = re.compile(
    r"""
    (?P<res>S/RES/\s?(?P<resn>\d+)\s*\(\s*(?P<resy>\d{4})\s*\))
  | (?P<prst>S/PRST/\d{4}/\d+|\(\s*PRST\s*\)|\bPRST\s+unnumbered\b)
  | (?P<draftkw>(?:\b(?:Power\s+\w+|\w+[-\s]Power)\s+)?\bdraft\s+resolutions?\b)
  | (?P<other>\bCommuniqu[eé]\b|\bElection\s+of\b|\bNote\s*\(?\s*S/[\w./]+\)?|\bLetter\s*\(?\s*S/[\w./]+\)?
       |\bDecision\b|\bReferral\s+to\b|\bStatement\s+by\s+the\s+President\b)
  | (?P<doc>S/(?:PV\.\s?\d+|\d{4}/\d+|\d+)(?:/(?:Rev|Corr|Add)\.\s?\d+)*)
  | (?P<cont>\b(?:Corr|Add|Rev)\.\s?\d+(?:\s*(?:&|and)\s*\d+)?)
  | (?P<tally>(?<![\d/])(?P<y>\d{1,2})\s*[-–]\s*(?P<n>\d{1,2})\s*[-–]\s*(?P<a>\d{1,2})(?![\d/]))
  | (?P<nonpart>\(\s*(?P<npn>\d+)\s+(?:absent|not\s+participating|non-participating|did\s+not\s+participate[^)]*)\s*\)
       |\((?P<npwho>[^()]{2,80}?)\s+did\s+not\s+participate\s+in\s+the\s+vot(?:e|ing)\.?\s*\))
  | (?P<veto>\bvetoed\b)
  | (?P<notadopted>\b(?:was\s+)?not\s+adopted\b|\bfailed\s+of\s+adoption\b|\bfailed\b|\brejected\b)
  | (?P<unan>\b(?:adopted\s+)?unanimously\b)
  | (?P<without>\b(?:adopted\s+)?without\s+(?:a\s+)?vote\b)
  | (?P<consensus>\b(?:adopted\s+)?by\s+consensus\b)
  | (?P<acclamation>\b(?:adopted\s+)?by\s+acclamation\b)
  | (?P<adopted>\badopted\b)
  | (?P<member>Union\s+of\s+Soviet\s+Socialist\s+Republics|Russian\s+Federation|United\s+Kingdom
       |United\s+States(?:\s+of\s+America)?|USSR|USA|UK|China|France)
  | (?P<paren>\((?!\s*S/)(?P<parent>[^()]{1,120})\))
  | (?P<dash>--+)
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FILLER_RE = re.compile(r"^(?:[\s,;.&+:/()]|\band\b|\bby\b|\bthe\b|\bof\b|\bin\b|\bwas\b|\bwith\b)*$", re.IGNORECASE)


def _required_yes(year: int | None) -> int:
    return council_of_year(year).threshold


#: symbols glued to words, digits glued to words, "not adopted6-0-5" / "USSR9-2-0": a space goes between
_GLUED = (
    re.compile(r"(?<=[a-z])(?=S/(?:RES|PRST|PV|\d))"),
    re.compile(r"(?<=\d)(?=[a-z]{3})"),
    re.compile(r"(?<=[A-Za-z]{2})(?=\d{1,2}\s*[-–]\s*\d)"),
)


def parse_outcomes(text: str, year: int | None = None) -> list[Outcome]:
    """Read the outcomes in one outcome cell (free text; several outcomes may follow each other).

    >>> [(o.what, o.resolution, o.tally) for o in parse_outcomes("S/RES/2451 (2018) 15-0-0")]
    [('resolution', '2451 (2018)', (15, 0, 0))]
    >>> o = parse_outcomes("Draft resolution S/1894 vetoed by USSR 9-1-0", 1950)[0]
    >>> o.drafts, o.status, o.vetoed_by, o.tally
    (['S/1894'], 'vetoed', ['SUN'], (9, 1, 0))
    >>> [(o.what, o.status) for o in parse_outcomes("Draft resolution S/1921 not adopted 1-9-0 S/PRST/1995/3")]
    [('draft', 'not_adopted'), ('prst', None)]
    """
    # symbols glued to words ("Draft resolutionS/1995/394vetoed by USA"): put spaces around them
    t = text.replace("\xa0", " ")
    for glued in _GLUED:
        t = glued.sub(" ", t)
    cell = _OutcomeCell()
    pos = 0
    for m in _TOKEN_RE.finditer(t):
        cell.read(m, t[pos : m.start()])
        pos = m.end()
    cell.unread(t[pos:])
    cell.place_leftovers()
    for o in cell.outcomes:
        _finish(o, year)
    return cell.outcomes


#: the token kinds of :data:`_TOKEN_RE` in the order they are tried, each with its step of :class:`_OutcomeCell`
_TOKEN_STEPS: tuple[tuple[str, str], ...] = (
    ("res", "resolution"),
    ("prst", "statement"),
    ("draftkw", "draft"),
    ("other", "other"),
    ("doc", "symbol"),
    ("cont", "continued"),
    ("tally", "tally"),
    ("nonpart", "not_participating"),
    ("veto", "vetoed"),
    ("notadopted", "not_adopted"),
    ("unan", "unanimous"),
    ("acclamation", "acclamation"),
    ("without", "without_vote"),
    ("consensus", "without_vote"),
    ("adopted", "adopted"),
    ("member", "vetoer"),
    ("paren", "parenthesis"),
)

_STEP_OF = dict(_TOKEN_STEPS)


@dataclass
class _OutcomeCell:
    """The outcomes of one cell as its tokens are read; ``cur`` is the outcome a token belongs to."""

    outcomes: list[Outcome] = field(default_factory=list)
    cur: Outcome | None = None
    leftovers: list[tuple[Outcome | None, str]] = field(default_factory=list)

    def start(self, what: str, tok: str) -> Outcome:
        self.cur = Outcome(what, text=tok)
        self.outcomes.append(self.cur)
        return self.cur

    def unread(self, gap: str) -> None:
        """Keep text between tokens that is not filler, with the outcome it follows."""
        if gap.strip() and not _FILLER_RE.match(gap):
            self.leftovers.append((self.cur, gap.strip()))

    def read(self, m: re.Match[str], gap: str) -> None:
        """One token (and the text before it)."""
        self.unread(gap)
        tok = m.group(0)
        if self.cur is not None:
            self.cur.text += (gap if self.cur.text else "") + tok
        # the alternatives of _TOKEN_RE are its top-level groups, none of which matches empty text, so the
        # one that matched is the last group to close (lastgroup): no need to try the groups in turn
        step = _STEP_OF.get(m.lastgroup or "")
        if step is not None and tok:
            getattr(self, step)(m, tok)

    def resolution(self, m: re.Match[str], tok: str) -> None:
        o = self.start("resolution", tok)
        o.resolution = f"{int(m.group('resn'))} ({m.group('resy')})"
        o.resolution_number = int(m.group("resn"))

    def statement(self, m: re.Match[str], tok: str) -> None:
        cur = self.cur
        if cur is not None and cur.what in ("document", "draft") and not cur._closed() and tok.startswith("("):
            cur.what = "prst"  # "S/11229 (PRST)"
        else:
            self.start("prst", tok)

    def draft(self, m: re.Match[str], tok: str) -> None:
        o = self.start("draft", tok)
        if "power" in tok.lower():
            o.notes.append(_flat(tok))

    def other(self, m: re.Match[str], tok: str) -> None:
        self.start("other", tok)

    def symbol(self, m: re.Match[str], tok: str) -> None:
        sym = re.sub(r"\s", "", tok)
        cur = self.cur
        if cur is not None and cur.what in ("draft", "document") and not cur._closed():
            cur.drafts.append(sym)
        elif cur is not None and cur.what == "other":
            pass  # a symbol inside an election/note/letter text
        else:
            self.start("document", tok).drafts.append(sym)

    def continued(self, m: re.Match[str], tok: str) -> None:
        if self.cur is not None and self.cur.drafts:
            self.cur.notes.append(f"with {_flat(tok)}")

    def tally(self, m: re.Match[str], tok: str) -> None:
        tally = (int(m.group("y")), int(m.group("n")), int(m.group("a")))
        cur = self.cur
        if cur is None or cur.what in ("prst", "other"):
            self.start("orphan", tok).tally = tally
        elif cur.tally is None:
            cur.tally = tally
        else:
            cur.problem = f"two tallies: {cur.tally} and {tally}"

    def not_participating(self, m: re.Match[str], tok: str) -> None:
        cur = self.cur
        if cur is None:
            return
        if m.group("npn"):
            cur.non_voting = int(m.group("npn"))
        else:
            named = [member_named(_flat(x)) for x in re.split(r",|\band\b", m.group("npwho")) if x.strip()]
            cur.not_participating += [x.code for x in named if x is not None]
            cur.non_voting = len(named)
        cur.notes.append(_flat(tok.strip("()")))

    def vetoed(self, m: re.Match[str], tok: str) -> None:
        self._failed("vetoed", tok)

    def not_adopted(self, m: re.Match[str], tok: str) -> None:
        self._failed("not_adopted", tok)

    def _failed(self, status: str, tok: str) -> None:
        cur = self.cur
        if cur is not None and cur.what in ("draft", "document"):
            cur.what, cur.status = "draft", status
        else:
            self.start("orphan", tok).status = status

    def unanimous(self, m: re.Match[str], tok: str) -> None:
        cur = self.cur
        if cur is not None and cur.what in ("resolution", "draft", "document"):
            cur.unanimous = True
            if cur.what != "resolution":
                cur.what, cur.status = "draft", "adopted"

    def acclamation(self, m: re.Match[str], tok: str) -> None:
        if self.cur is not None:
            self.cur.modality = "acclamation"

    def without_vote(self, m: re.Match[str], tok: str) -> None:
        if self.cur is not None:
            self.cur.modality = "without_vote"
            if m.group("consensus"):
                self.cur.notes.append("by consensus")

    def adopted(self, m: re.Match[str], tok: str) -> None:
        cur = self.cur
        if cur is not None and cur.what in ("draft", "document") and cur.status is None:
            cur.what, cur.status = "draft", "adopted"

    def vetoer(self, m: re.Match[str], tok: str) -> None:
        cur = self.cur
        if cur is not None and cur.status == "vetoed" and cur.tally is None:
            member = member_named(_flat(tok))
            if member is not None and member.code not in cur.vetoed_by:
                cur.vetoed_by.append(member.code)

    def parenthesis(self, m: re.Match[str], tok: str) -> None:
        inner = _flat(m.group("parent"))
        cur = self.cur
        if cur is not None and cur.what != "other":
            if re.search(r"preliminary\s+question", inner, re.IGNORECASE):
                cur.kind = "preliminary_question"
            elif re.fullmatch(r"amendment.*", inner, re.IGNORECASE):
                cur.kind = "amendment"
            cur.notes.append(inner)

    def place_leftovers(self) -> None:
        """Unread text: an orphan outcome if it names a symbol, else a note (an unknown wording of a draft)."""
        for owner, left in self.leftovers:
            if owner is None:
                if re.search(r"draft|resolution|S/", left, re.IGNORECASE):
                    self.outcomes.append(Outcome("orphan", text=left))
            elif owner.what in ("resolution", "draft", "document"):
                owner.notes.append(left)
                if owner.what == "draft" and owner.status is None:
                    owner.problem = owner.problem or f"unknown wording {left!r}"


def _finish(o: Outcome, year: int | None) -> None:
    if o.what == "orphan":
        o.problem = o.problem or f"outcome text without a resolution or draft symbol: {o.text!r}"
        return
    if o.what == "document" and o.tally is not None:
        o.what = "draft"
        o.problem = o.problem or "a document with a vote tally but no outcome (adopted? not adopted?)"
    if o.what == "resolution":
        if o.modality is None and o.tally is not None:
            o.modality = "recorded"  # no tally and no wording (a communiqué row): the table does not say
        if o.modality in ("without_vote", "acclamation"):
            o.tally = o.tally or (0, 0, 0)
            o.non_voting = 0 if o.non_voting is None else o.non_voting
        if o.unanimous:
            o.notes.append("adopted unanimously")
        return
    if o.what != "draft":
        return
    if not o.drafts:
        o.problem = o.problem or "draft resolution without a symbol"
    if o.status is None:
        o.problem = o.problem or "draft resolution without an outcome (vetoed / not adopted / adopted)"
    if o.status == "vetoed" and not o.vetoed_by:
        o.problem = o.problem or "vetoed, but no permanent member named"
    if o.modality is None:
        o.modality = "recorded"
    if o.unanimous:
        o.notes.append("adopted unanimously")


def _outcome_fields(o: Outcome, year: int | None) -> dict[str, Any]:
    """The decisions-row fields an outcome gives (resolution, tallies, status)."""
    size = council_of_year(year).size
    y, n, a = o.tally if o.tally is not None else (None, None, None)
    non_voting = o.non_voting
    if non_voting is None and o.tally is not None and sum(o.tally) == size:
        non_voting = 0
    notes = list(o.notes)
    draft = None
    drafts = [d for d in o.drafts if not d.startswith("S/PV.")]
    if drafts:
        draft = drafts[0]
        if len(drafts) > 1:
            notes.append("together with " + ", ".join(drafts[1:]))
    pv = [d for d in o.drafts if d.startswith("S/PV.")]
    if pv:
        notes.append(f"draft given as {pv[0]} (no draft symbol)")
    if o.what == "resolution" or o.status == "adopted":
        adopted, failure = True, "none"
    elif o.status == "vetoed":
        adopted, failure = False, "veto"
    elif o.status == "not_adopted":
        adopted = False
        if y is not None and y >= _required_yes(year):
            failure = None
            notes.append("not adopted although the tally has the required majority")
        else:
            failure = "insufficient_votes"
    else:
        adopted, failure = None, None
    return {
        "draft": draft,
        "resolution": o.resolution,
        "resolution_number": o.resolution_number,
        "kind": o.kind,
        "modality": o.modality,
        "adopted": adopted,
        "failure_reason": failure,
        "yes": y,
        "no": n,
        "abstain": a,
        "non_voting": non_voting,
        "vetoed_by": list(o.vetoed_by),
        "note": "; ".join(dict.fromkeys(notes)) or None,
        "not_participating": list(o.not_participating),
    }


# ---------------------------------------------------------------------------------------------
# the yearly "Meetings & Outcomes" tables
# ---------------------------------------------------------------------------------------------


@dataclass
class MeetingsSummary:
    """What the yearly tables held besides votes, and how much of it the reader used.

    Pass one to :func:`read_meetings_table` / :func:`read_meetings_tables` to have it filled in.
    """

    rows_per_year: Counter[int] = field(default_factory=Counter)  # decisions rows
    table_rows_per_year: Counter[int] = field(default_factory=Counter)  # data rows of the tables
    outcomes: Counter[str] = field(default_factory=Counter)  # by Outcome.what
    issues_per_year: Counter[int] = field(default_factory=Counter)


_COLUMNS = {
    "meeting": ("meeting",),
    "date": ("date",),
    "press": ("press",),
    "recording": ("recording",),
    "topic": ("topic",),
    "procedure_letter": ("vote procedure",),
    "outcome_letter": ("letter with vote outcome",),
    "outcome": ("outcome",),
}


def _header_columns(texts: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, t in enumerate(texts):
        low = _flat(t).lower()
        for name, keys in _COLUMNS.items():
            if name not in cols and any(k in low for k in keys):
                if name == "outcome" and "letter" in low:
                    continue
                cols[name] = i
                break
    return cols


def _year_of(path: str | Path, doc: Any) -> int | None:
    m = re.search(r"scact(\d{4})", Path(path).name)
    if m:
        return int(m.group(1))
    m = re.search(r"Security Council in (\d{4})", _flat(_content(doc)))
    return int(m.group(1)) if m else None


def read_meetings_table(path: str | Path, summary: MeetingsSummary | None = None) -> SourceFrame:
    """Read one yearly DHL "Meetings & Outcomes" table (``scact{YEAR}_table_en.html``).

    One decisions row per resolution adopted or draft voted on; presidential statements,
    communiqués and the like are counted in ``summary`` (if given), not returned. An outcome that
    mentions a draft or resolution but cannot be read becomes a :class:`SourceIssue` with the cell.
    The year comes from the file name (``scact2020_covid_table_en.html`` is 2020).

    >>> read_meetings_table("/nonexistent/scact1950_table_en.html")
    Traceback (most recent call last):
    ...
    unsc.record.sources.frame.SourceError: /nonexistent/scact1950_table_en.html: cannot read file: No such file or directory
    """
    return read_meetings_table_text(_read_html(path), file=str(path), summary=summary)


def read_meetings_table_text(
    text: str, file: str = "scact_table_en.html", year: int | None = None, summary: MeetingsSummary | None = None
) -> SourceFrame:
    """:func:`read_meetings_table` on the page's text; ``year`` overrides the year of ``file``.

    >>> page = ('<table><tr><th>Meeting Record</th><th>Date</th><th>Topic</th><th>Outcome / Vote</th></tr>'
    ...         '<tr><td>S/PV.530</td><td>30 November</td><td>Korea</td>'
    ...         '<td>Draft resolution S/1894 vetoed by USSR<br>9-1-0</td></tr></table>')
    >>> d = read_meetings_table_text(page, year=1950).decisions
    >>> d[["meeting", "draft", "failure_reason", "yes", "no", "abstain"]].values.tolist()
    [['S/PV.530', 'S/1894', 'veto', 9, 1, 0]]
    """
    return _read_year_table(text, file, year, summary).frame()


def _read_year_table(text: str, file: str, year: int | None, summary: MeetingsSummary | None) -> _YearTable:
    """A yearly table's rows read (the frame not yet built)."""
    _check_html(file, text)
    doc = _parse_doc(file, text)
    if year is None:
        year = _year_of(file, doc)
    if year is None:
        raise SourceError(file, "cannot tell the year: not in the file name nor in the table title")
    tables = list(doc.iter("table"))
    if not tables:
        raise SourceError(file, "no table in the page")
    # the locator names the table: two files hold 2020 (meetings, and the written procedure)
    m = re.search(r"scact(\d{4}(?:_\w+?)?)_table", Path(file).name)
    reader = _YearTable(file, year, m.group(1) if m else str(year), summary or MeetingsSummary())
    for tr_index, _tr, cells in _grid(tables[0]):
        reader.row(tr_index, cells)
    return reader


_PV_RE = re.compile(r"S/PV\.\s?\d+")
_SPACE_RE = re.compile(r"\s")


@dataclass
class _Meeting:
    """The meeting a row of a yearly table belongs to (a row with both cells empty continues the one above)."""

    meeting: str | None = None
    date: dt.date | None = None  # the last day, for a meeting over several days
    note: str | None = None
    first_day: dt.date | None = None


@dataclass
class _YearTable:
    """One yearly "Meetings & Outcomes" table read row by row into decisions, calendar rows and issues."""

    file: str
    year: int
    tag: str
    summary: MeetingsSummary
    cols: dict[str, int] | None = None
    n: int = 0  # data rows so far
    rows_in: int = 0  # counted per outcome (a cell may hold several), plus unreadable rows
    out_of_scope: int = 0
    last: _Meeting = field(default_factory=_Meeting)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    issues: list[SourceIssue] = field(default_factory=list)
    calendar: list[dict[str, Any]] = field(default_factory=list)
    seen_rows: dict[tuple[Any, ...], str] = field(default_factory=dict)

    def issue(self, locator: str, fld: str | None, reason: str, raw: dict[str, Any]) -> None:
        self.issues.append(SourceIssue(MEETINGS_SOURCE, self.file, locator, fld, reason, raw))
        self.summary.issues_per_year[self.year] += 1

    def row(self, tr_index: int, cells: list[Any]) -> None:
        """Read one ``<tr>``: the header, a title row, or a data row with its outcomes."""
        texts = [_text(c) for c in cells]
        if self.cols is None:
            found = _header_columns(texts)
            if {"date", "topic", "outcome"} <= found.keys():
                self.cols = found
            return
        if len({id(c) for c in cells}) <= 1 or not any(t.strip() for t in texts):
            return  # title / note rows spanning the table, or an empty row
        cols = self.cols
        self.n += 1
        self.summary.table_rows_per_year[self.year] += 1
        locator = f"{self.tag} row {self.n}"
        raw = {"year": self.year, "tr": tr_index + 1, "cells": texts}
        width = max(cols.values()) + 1
        if len(cells) < width:
            self.issue(locator, "outcome", f"row has {len(cells)} cells, expected {width}", raw)
            self.rows_in += 1
            return
        extra = [_flat(t) for t in texts[width:]]
        if any(x not in ("", "--") for x in extra):
            self.issue(locator, None, f"extra cells {extra!r} beyond the columns", raw)
        row_notes: list[str] = []
        at = self.meeting_of(texts, row_notes)
        outcome_text = texts[cols["outcome"]]
        topic = _flat(texts[cols["topic"]]) or None
        if at.meeting is not None and at.date is not None:
            self.calendar.append(
                {
                    "meeting": at.meeting,
                    "date": at.first_day,
                    "end_date": at.date,
                    "year": at.first_day.year if at.first_day else at.date.year,
                    "topic": topic,
                    "source": MEETINGS_SOURCE,
                    "source_row": locator,
                    "note": at.note,
                }
            )
        if "outcome_letter" in cols:
            letters = _SYMBOL_RE.findall(texts[cols["outcome_letter"]])
            if letters:
                row_notes.append("letter with vote outcome: " + ", ".join(letters))
        link = None
        if at.meeting is not None and "meeting" in cols:
            link = next((h for _t, h in _links(cells[cols["meeting"]]) if h), None)
        signature = (at.meeting, at.date, topic, _flat(outcome_text))
        if _flat(outcome_text) not in ("", "--") and signature in self.seen_rows:
            self.issue(
                locator,
                None,
                f"exact duplicate of {self.seen_rows[signature]}: dropped",
                {**raw, "outcome": outcome_text},
            )
            self.rows_in += 1
            return
        self.seen_rows.setdefault(signature, locator)
        raw_out = {**raw, "outcome": outcome_text}
        self.outcomes(outcome_text, at, topic, link, row_notes, locator, texts[cols["date"]], raw_out)

    def meeting_of(self, texts: list[str], row_notes: list[str]) -> _Meeting:
        """The meeting symbol and dates of a row, or those of the row above where both cells are empty."""
        cols = self.cols or {}
        meeting_text = _flat(texts[cols["meeting"]]) if "meeting" in cols else ""
        date_text = _flat(texts[cols["date"]])
        if not meeting_text and not date_text and self.last.date is not None:
            at = self.last
            row_notes.append("meeting and date cells empty: taken from the row above")
        else:
            pv = _PV_RE.search(meeting_text)
            rest = _PV_RE.sub("", meeting_text, count=1).strip()
            if rest and rest != "--":
                row_notes.append(f"meeting: {meeting_text}")
            first_day, date, date_note = _parse_meeting_date(date_text, self.year)
            at = self.last = _Meeting(_SPACE_RE.sub("", pv.group(0)) if pv else None, date, date_note, first_day)
        if at.note:
            row_notes.append(at.note)
        return at

    def outcomes(
        self,
        outcome_text: str,
        at: _Meeting,
        topic: str | None,
        link: str | None,
        row_notes: list[str],
        locator: str,
        date_text: str,
        raw: dict[str, Any],
    ) -> None:
        """One decisions row per vote in an outcome cell; statements and the like are counted, not kept."""
        k = 0
        for o in parse_outcomes(outcome_text, self.year):
            self.summary.outcomes[o.what] += 1
            self.rows_in += 1
            if o.what in ("prst", "document", "other"):
                self.out_of_scope += 1
                continue
            k += 1
            if o.problem is not None or o.what == "orphan":
                self.issue(f"{locator} #{k}", "outcome", f"cannot read outcome: {o.problem}", raw)
                continue
            if at.date is None:
                self.issue(f"{locator} #{k}", "date", f"cannot read date {_flat(date_text)!r}", raw)
                continue
            values = _outcome_fields(o, self.year)
            note = "; ".join(x for x in (*row_notes, values.pop("note") or "") if x) or None
            self.decisions.append(
                _decision(
                    MEETINGS_SOURCE,
                    source_row=f"{locator} #{k}",
                    key=f"{MEETINGS_SOURCE}:{self.tag}:{self.n}:{k}",
                    date=at.date,
                    date_from=at.first_day if at.first_day != at.date else None,
                    meeting=at.meeting,
                    title=topic,
                    link=link,
                    note=note,
                    **values,
                )
            )

    def finish(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str]:
        """The table's decisions rows, its calendar rows (one per meeting) and its note, once every row is read."""
        if self.cols is None:
            raise SourceError(self.file, "no header row with Date / Topic / Outcome columns")
        if self.n == 0:
            raise SourceError(self.file, "no data rows under the header")
        decisions = _check_resolution_numbers(self.decisions, self.issues, self.file)
        self.summary.rows_per_year[self.year] += len(decisions)
        note = (
            f"{Path(self.file).name}: rows counted per outcome; {self.out_of_scope} outcomes that are not votes"
            " (presidential statements, communiqués, elections, notes) left out"
        )
        return decisions, _calendar_rows(self.calendar), note

    def frame(self) -> SourceFrame:
        """The table's frame, once every row is read."""
        decisions, calendar, note = self.finish()
        frame = SourceFrame.build(MEETINGS_SOURCE, decisions, [], self.issues)
        frame.rows_in, frame.out_of_scope = self.rows_in, self.out_of_scope
        frame.calendar = pd.DataFrame(calendar, columns=list(CALENDAR_COLUMNS))
        frame.notes.append(note)
        return frame


def _check_resolution_numbers(
    rows: list[dict[str, Any]], issues: list[SourceIssue], file: str, source: str = MEETINGS_SOURCE
) -> list[dict[str, Any]]:
    """Keep one row per resolution number; a repeated number is a typo in the table.

    Resolution numbers follow the calendar, so of the rows giving the same number, the one whose
    date fits between the dates of the neighbouring numbers is kept; the others become issues.
    """
    by_number: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        if r.get("resolution_number") is not None:
            by_number.setdefault(int(r["resolution_number"]), []).append(i)
    dups = {num: idx for num, idx in by_number.items() if len(idx) > 1}
    if not dups:
        return rows
    single = sorted((num, rows[idx[0]]["date"]) for num, idx in by_number.items() if len(idx) == 1)
    drop: set[int] = set()
    for num, idx in dups.items():
        before = [d for k, d in single if k < num]
        after = [d for k, d in single if k > num]
        lo = max(before) if before else dt.date.min
        hi = min(after) if after else dt.date.max
        fits = [i for i in idx if lo <= rows[i]["date"] <= hi]
        keep = fits[0] if len(fits) == 1 else idx[0]
        for i in idx:
            if i == keep:
                continue
            drop.add(i)
            r, k = rows[i], rows[keep]
            issues.append(
                SourceIssue(
                    source,
                    file,
                    r["source_row"],
                    "resolution",
                    f"resolution {r['resolution']} also given at {k['source_row']} ({k['date']}, {k['meeting']});"
                    f" this row ({r['date']}, {r['meeting']}) "
                    + ("is out of order with the neighbouring numbers" if len(fits) == 1 else "repeats it")
                    + ": probably a typo in the table",
                    {key: (str(v) if v is not None else None) for key, v in r.items()},
                )
            )
    return [r for i, r in enumerate(rows) if i not in drop]


def _parse_meeting_date(text: str, year: int) -> tuple[dt.date | None, dt.date | None, str | None]:
    t = _flat(text).replace("/", "-").replace("+", "-")
    return parse_date_span(t, year)


def calendar_from_rows(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """One row per meeting (columns :data:`CALENDAR_COLUMNS`) from the table rows that name it.

    A meeting listed on several rows (one per agenda item or outcome) keeps the first row's
    date and locator, spans every day its rows give, and joins its distinct topics with ``" | "``.

    >>> d = dt.date(1967, 6, 14)
    >>> rows = [{"meeting": "S/PV.1360", "date": d, "end_date": d, "year": 1967, "topic": "Middle East",
    ...          "source": "dhl_meetings", "source_row": "1967 row 61", "note": None}]
    >>> calendar_from_rows(rows + [dict(rows[0], topic="Cyprus", source_row="1967 row 62")])["topic"].tolist()
    ['Middle East | Cyprus']
    """
    return pd.DataFrame(_calendar_rows(rows), columns=list(CALENDAR_COLUMNS))


def _calendar_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """:func:`calendar_from_rows` as row dicts."""
    by_meeting: dict[str, dict[str, Any]] = {}
    for r in rows:
        cur = by_meeting.get(r["meeting"])
        if cur is None:
            by_meeting[r["meeting"]] = dict(r)
            continue
        cur["date"] = min(cur["date"], r["date"])
        cur["end_date"] = max(cur["end_date"], r["end_date"])
        topics = cur["topic"].split(" | ") if cur["topic"] else []
        if r["topic"] and r["topic"] not in topics:
            cur["topic"] = " | ".join([*topics, r["topic"]])
        if r["note"] and r["note"] != cur["note"]:
            cur["note"] = "; ".join(x for x in (cur["note"], r["note"]) if x)
    return list(by_meeting.values())


def read_meetings_tables(directory: str | Path, summary: MeetingsSummary | None = None) -> SourceFrame:
    """Read every ``scact{YEAR}_table_en.html`` (and ``scact2020_covid_table_en.html``) in ``directory``.

    >>> read_meetings_tables("/nonexistent")
    Traceback (most recent call last):
    ...
    unsc.record.sources.frame.SourceError: /nonexistent: no scact{YEAR}_table_en.html files
    """
    d = Path(directory)
    files = sorted(p for p in d.glob("scact*_table_en.html") if re.match(r"scact\d{4}", p.name)) if d.is_dir() else []
    if not files:
        raise SourceError(d, "no scact{YEAR}_table_en.html files")
    # Each table's rows take the values they would have as a frame of their own (frame_records:
    # whole numbers with a gap as floats, text gaps as NaN) without building 78 frames to read them back.
    tables = [_read_year_table(_read_html(p), str(p), None, summary) for p in files]
    decisions: list[dict[str, Any]] = []
    calendar: list[dict[str, Any]] = []
    notes: list[str] = []
    for t in tables:
        rows, cal, note = t.finish()
        decisions += frame_records(rows, DECISION_COLUMNS)
        calendar += frame_records(cal, CALENDAR_COLUMNS)
        notes.append(note)
    issues = [i for t in tables for i in t.issues]
    for r in decisions:  # a table's frame gives NaN for missing values: back to None
        for key, v in r.items():
            if isinstance(v, float) and v != v:
                r[key] = None
    decisions = _check_resolution_numbers(decisions, issues, str(d))
    if summary is not None:
        summary.rows_per_year = Counter(int(r["key"].split(":")[1][:4]) for r in decisions)
    frame = SourceFrame.build(MEETINGS_SOURCE, decisions, [], issues)
    frame.rows_in = sum(t.rows_in or 0 for t in tables)
    frame.out_of_scope = sum(t.out_of_scope for t in tables)
    frame.notes = notes
    frame.calendar = calendar_from_rows(calendar)
    return frame
