"""Turn a news page (HTML with its clutter, or plain text) into the article's text and date.

>>> a = read_article("<html><head><meta property='article:published_time' content='2024-03-22T18:00:00Z'>"
...                  "</head><body><nav>Home | World</nav><article><p>The Council voted.</p></article>"
...                  "<section class='comments'><p>Leave a reply</p></section></body></html>")
>>> a.paragraphs, a.date
(['The Council voted.'], datetime.date(2024, 3, 22))
>>> read_article("UNITED NATIONS (AP) - The Council met.\\n\\nIt adjourned.").paragraphs
['UNITED NATIONS (AP) - The Council met.', 'It adjourned.']
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "looks_like_html", "read_article", "sentences"]

_CLUTTER = re.compile(
    r"comment|related|nav|menu|footer|sidebar|share|social|newsletter|advert|\bads?\b|promo|cookie|breadcrumb|"
    r"subscribe|signup|sign-up|masthead|banner|popular|trending|recommend|more-stories|read-more|outbrain|taboola|"
    r"byline-social|author-bio|tags|disqus|reply|login|\brail\b|widget|teaser|caption|latest",
    re.I,
)
_DROP_TAGS = (
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe", "button", "svg", "figcaption",
)  # fmt: skip
_META_DATE = (
    ("property", "article:published_time"),
    ("name", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "date"),
    ("name", "pubdate"),
    ("name", "publish-date"),
    ("name", "dc.date"),
    ("name", "DC.date.issued"),
    ("property", "og:published_time"),
)


@dataclass
class Article:
    """The article body as paragraphs, its title and its publication date (if the page gives one)."""

    paragraphs: list[str]
    title: str | None = None
    date: dt.date | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


def looks_like_html(text: str) -> bool:
    """Whether a text is an HTML page or fragment rather than plain text.

    >>> looks_like_html("<p>Hi</p>"), looks_like_html("Russia (veto) <3")
    (True, False)
    """
    return bool(re.search(r"<(html|body|p|div|article|head|meta|!doctype)\b", text[:5000], re.I))


def _parse_date(value: str) -> dt.date | None:
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    from unsc.news.dates import parse_date_phrase

    return parse_date_phrase(value)


def read_article(source: str) -> Article:
    """Read an article from HTML or plain text: strip page clutter, keep the body, find the date.

    The body is the ``<article>`` element (or ``itemprop=articleBody``, or ``<main>``, or the whole
    page) without navigation, comment forms, share bars, "Related Articles" lists and the like.
    """
    if not looks_like_html(source):
        return _read_plain(source)
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source, "lxml")
    date = _page_date(soup)
    title = None
    if soup.title and soup.title.string:
        title = soup.title.string.strip()
    h1 = soup.find("h1")
    headline = re.sub(r"\s+", " ", h1.get_text(" ", strip=True)).strip() if h1 is not None else ""
    title = headline or title
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.attrs is None:
            continue
        marker = " ".join([*tag.get_attribute_list("class"), str(tag.get("id") or ""), str(tag.get("role") or "")])
        if marker.strip() and _CLUTTER.search(marker) and tag.name not in ("html", "body", "article", "main"):
            tag.decompose()
    for heading in soup.find_all(["h2", "h3", "h4"]):
        if re.match(
            r"\s*(related|more from|read more|recommended|most read|comments?|leave a (reply|comment))",
            heading.get_text(" ", strip=True),
            re.I,
        ):
            sib = heading.find_next_sibling()
            if sib is not None and sib.name in ("ul", "ol", "div", "section"):
                sib.decompose()
            heading.decompose()
    body = soup.find(itemprop="articleBody") or soup.find("article") or soup.find("main") or _densest(soup)
    body = body or soup.body or soup
    blocks = body.find_all(["p", "li", "blockquote"]) if body is not None else []
    paras = []
    for b in blocks:
        if b.find_parent(["li", "blockquote"]) is not None and b.name == "p" and b.find_parent("blockquote") is None:
            continue
        t = re.sub(r"\s+", " ", b.get_text(" ", strip=True)).strip()
        t = re.sub(r"\s+([,.;:!?)])", r"\1", t)
        if t and t not in paras:
            paras.append(t)
    if not paras and body is not None:
        paras = [p for p in (re.sub(r"\s+", " ", x).strip() for x in body.get_text("\n").split("\n")) if p]
    if headline and headline not in paras[:1]:
        # the page's headline opens the report, as a pasted text's first line does ("US vetoes ...", "The Assembly ...")
        paras.insert(0, headline)
    return Article(paras, title, date)


def _densest(soup: Any) -> Any | None:
    """The block holding most of a page's running text, for a page that marks no ``<article>`` or ``<main>``: the
    element whose own paragraphs have the most words (a story column, not the side rail of teasers beside it).

    >>> from bs4 import BeautifulSoup
    >>> page = ("<body><div class='rail'><p>Teaser one.</p><p>Teaser two.</p></div><div class='col'>"
    ...         "<p>The Council voted on Friday on a long text about the mission in the north of the country.</p>"
    ...         "<p>Twelve members backed it and three abstained.</p>"
    ...         "</div></body>")
    >>> _densest(BeautifulSoup(page, "lxml"))["class"]
    ['col']
    """
    words: dict[int, tuple[int, Any]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if parent is None or parent.name in ("body", "html", "[document]"):
            continue
        n = len(p.get_text(" ", strip=True).split())
        got = words.get(id(parent), (0, parent))
        words[id(parent)] = (got[0] + n, parent)
    if not words:
        return None
    best, block = max(words.values(), key=lambda x: x[0])
    return block if best >= 20 else None


_END_HEADING = re.compile(
    r"^\s*(?:comments?\b|\d+\s+comments?\b|leave a (?:comment|reply)|join the (?:conversation|discussion)|"
    r"load more comments|show comments)",
    re.I,
)
_BLOCK_HEADING = re.compile(
    r"^\s*(?:related(?:\s+(?:articles?|stories|coverage|content|news|links))?|more (?:from|on|stories)\b|read more|"
    r"more (?:on|about) this (?:story|topic|subject)|more (?:from|in) this section|"
    r"recommended(?: for you)?|most (?:read|popular|viewed)|trending|you may also like|see also|also read|"
    r"top stories|latest news|editor'?s picks)\s*:?\s*$",
    re.I,
)
_CLUTTER_LINE = re.compile(
    r"^\s*(?:skip to (?:main )?content|advertisement|sponsored|subscribe\b.*|sign (?:in|up)\b.*|log ?in\b.*|"
    r"share(?: on| this| via)?\b.*|print|email|reply\b.*|like\s*\d*|\d+\s+(?:likes?|replies)|"
    r"(?:by\s+[^|]{1,60}\|)?\s*(?:published|updated|posted)\b.*|"
    r".*\b\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago\s*|.*©.*|.*\ball rights reserved\b.*|"
    r"(?:about us|contact|privacy(?: policy)?|terms(?: of (?:use|service))?|cookie settings)(?:\s*\|.*)?|"
    r"newsletter\b.*|(?:photo |image )?caption:.*|photo:.*|image:.*|\(photo[^)]*\)|getty images|reuters/.*|ap photo.*|"
    r"(?:related(?: articles?| stories| coverage)?|read more|see also|also read|more on this(?: story)?|watch|listen)\s*:.*)$",
    re.I,
)


def _is_nav(line: str) -> bool:
    """A line of menu items: several short parts separated by | or ·."""
    parts = [p.strip() for p in re.split(r"\s[|·•]\s", line) if p.strip()]
    return len(parts) >= 3 and all(len(p.split()) <= 4 for p in parts)


def _read_plain(source: str) -> Article:
    """Plain text, possibly pasted from a page with its clutter: menus, share bars, bylines, "Related
    Articles" lists, comments and footers are dropped; short title-like lines become their own paragraphs.

    >>> a = _read_plain("Home | World | Sport | Opinion\\nRussia vetoes draft\\n\\nRussia vetoed the draft.\\n\\n"
    ...                 "Related Articles\\nUS vetoes Gaza text 13-1-1\\n\\nComments (2)\\nFrance voted no.")
    >>> a.paragraphs, a.warnings
    (['Russia vetoes draft', 'Russia vetoed the draft.'], ['dropped page clutter: 5 lines'])
    """
    lines = source.replace("\r\n", "\n").split("\n")
    kept: list[str] = []  # "" marks a paragraph break
    dropped = 0
    skip_block = False
    for raw in lines:
        line = re.sub(r"\s+", " ", raw).strip()
        if not line:  # a teaser list ("More on this story") may set its items apart with blank lines
            kept.append("")
            continue
        if _END_HEADING.match(line) and len(line.split()) <= 6:
            dropped += sum(1 for x in lines[lines.index(raw) :] if x.strip())
            break
        if _BLOCK_HEADING.match(line):
            skip_block = True
            dropped += 1
            continue
        teaser = re.match(r"[>•·*\-–]\s", line) or not re.search(r"[.!?\"”]$", line)
        if skip_block and len(line.split()) < 25 and teaser:
            dropped += 1
            continue
        skip_block = False
        if _CLUTTER_LINE.match(line) or _is_nav(line):
            dropped += 1
            continue
        kept.append(line)
    paras: list[str] = []
    cur: list[str] = []
    for line in [*kept, ""]:
        heading = bool(line) and not re.search(r"[.!?:;\"”’)]$", line) and len(line.split()) < 16
        if not line or heading:
            if cur:
                paras.append(" ".join(cur))
                cur = []
            if heading:
                paras.append(line)
            continue
        cur.append(line)
    if len(paras) == 1 and "\n" in source.strip() and not dropped:
        paras = [re.sub(r"\s+", " ", x).strip() for x in source.splitlines() if x.strip()]
    warnings = [f"dropped page clutter: {dropped} lines"] if dropped else []
    return Article([x for x in paras if x], warnings=warnings)


def _page_date(soup: object) -> dt.date | None:
    for attr, val in _META_DATE:
        tag = soup.find("meta", attrs={attr: val})  # type: ignore[attr-defined]
        if tag is not None and tag.get("content"):
            d = _parse_date(tag["content"])
            if d:
                return d
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):  # type: ignore[attr-defined]
        try:
            data = json.loads(script.string or "")
        except (ValueError, TypeError):
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                d = _parse_date(str(item["datePublished"]))
                if d:
                    return d
    t = soup.find("time", attrs={"datetime": True})  # type: ignore[attr-defined]
    if t is not None:
        return _parse_date(t["datetime"])
    return None


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Gen|Sen|Rep|Amb|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Rev|Add|Corr|"
    r"Inc|Ltd|Co|vs|etc|approx|cf|para|paras|Art|Arts|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\.|\b[A-Z]\.)$"
)


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping "Mr." and "S/2024/239/Rev.1" intact.

    >>> sentences("Mr. Nebenzia spoke. The draft S/2024/239 failed! Why?")
    ['Mr. Nebenzia spoke.', 'The draft S/2024/239 failed!', 'Why?']
    >>> sentences("Two abstained. - On 3 May it failed.")
    ['Two abstained.', '- On 3 May it failed.']
    """
    # an item of a list set off by a bullet or a dash ("... abstained. - On 16 September ...") is a sentence of its own
    parts = re.split(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9]|[-–—•*]\s+[\"“‘(]?[A-Z0-9])", paragraph)
    out: list[str] = []
    for p in parts:
        if out and _ABBREV.search(out[-1]):
            out[-1] = out[-1] + " " + p
        else:
            out.append(p)
    return [s.strip() for s in out if s.strip()]
