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
from pathlib import Path
from typing import Any

import lxml.html

from unsc.record.sources.base import SourceError, SourceFrame, SourceIssue
from unsc.rules import find_member

__all__ = [
    "read_veto_list",
    "read_veto_list_text",
    "split_members",
    "veto_counts",
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

_MONTHS = {
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

_SYMBOL = r"S/(?:PV\.\d+|PRST/\d{4}/\d+|RES/\d+\s*\(\d{4}\)|\d{4}/\d+|\d+)(?:/(?:Rev|Corr|Add)\.\s?\d+)*"
_SYMBOL_RE = re.compile(_SYMBOL)


def _read_html(path: str | Path) -> str:
    """The text of an HTML page, or :class:`SourceError` naming the file if it is missing or cut."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise SourceError(p, f"cannot read file: {exc.strerror or exc}") from exc
    text = raw.decode("utf-8", errors="replace")
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
    try:
        return lxml.html.fromstring(text)
    except Exception as exc:  # lxml raises several types on garbage
        raise SourceError(path, f"cannot parse HTML: {exc}") from exc


def _text(el: Any) -> str:
    """Cell text with line breaks kept for <br> and block elements, whitespace tidied per line."""
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
    return [(_flat(a.text_content()), (a.get("href") or "").strip()) for a in el.iter("a")]


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
    t = _flat(text)
    m = re.fullmatch(
        r"(?:(\d{1,2})\s*(?:-|–|and)\s*)?(\d{1,2})\s+([A-Za-z]+)\.?(?:\s*,?\s*(\d{2,4}))?",
        t,
    )
    if not m:
        m2 = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\s*(?:-|–)\s*(\d{1,2})\s+([A-Za-z]+)(?:\s+(\d{4}))?", t)
        if not m2:
            return None, None
        day, month, y = int(m2.group(3)), _MONTHS.get(m2.group(4).lower()), m2.group(5)
        note = f"date given as {t!r}"
    else:
        day, month, y = int(m.group(2)), _MONTHS.get(m.group(3).lower()), m.group(4)
        note = f"date given as {t!r}" if m.group(1) else None
    if month is None:
        return None, None
    if y is not None:
        yi = int(y)
        if yi < 100:
            yi += 1900 if yi >= 45 else 2000
            note = f"date given as {t!r}"
    elif year is not None:
        yi = year
    else:
        return None, None
    try:
        return dt.date(yi, month, day), note
    except ValueError:
        return None, None


# ---------------------------------------------------------------------------------------------
# permanent members named in vetoes
# ---------------------------------------------------------------------------------------------

_P5_RE = re.compile(
    r"Union of Soviet Socialist Republics|Russian Federation|United Kingdom|United States(?: of America)?"
    r"|Soviet Union|U\.S\.S\.R\.|USSR|U\.S\.A\.|USA|U\.K\.|UK|China|France|Russia",
)
_CONNECTORS_RE = re.compile(r"(?:\s|,|/|&|;|\+|\.|\band\b|\bthe\b|\bby\b)+", re.IGNORECASE)


def split_members(text: str) -> tuple[list[str], str]:
    """Permanent-member codes named in ``text`` (in order) and any text left that is not a name.

    Handles names run together without separators, as the veto page shows them.

    >>> split_members("ChinaRussian Federation")
    (['CHN', 'RUS'], '')
    >>> split_members("France, UK and USA")
    (['FRA', 'GBR', 'USA'], '')
    >>> split_members("USSR (absent)")
    (['SUN'], '(absent)')
    """
    codes: list[str] = []
    for m in _P5_RE.finditer(text):
        member = find_member(m.group(0))
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
    unsc.record.sources.base.SourceError: /nonexistent/scact_veto_table_en.html: cannot read file: No such file or directory
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
    return SourceFrame.build(VETO_SOURCE, decisions, [], issues)


def _veto_row(
    file: str, n: int, cells: list[Any], texts: list[str], issues: list[SourceIssue], raw: dict[str, Any]
) -> dict[str, Any] | None:
    date_text, draft_text, record_text, agenda_text, member_text = (_flat(t) for t in texts[:5])
    notes: list[str] = []
    date, date_note = _parse_day_month_year(date_text)
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

    codes, leftover = split_members(member_text)
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


def veto_counts(frame: SourceFrame) -> dict[str, int]:
    """Per-member count of vetoes as the page lists them (``SUN`` and ``RUS`` apart).

    A row naming two members counts once for each.

    >>> veto_counts(read_veto_list_text(_VETO_EXAMPLE))
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
    }
    row.update(values)
    return row
