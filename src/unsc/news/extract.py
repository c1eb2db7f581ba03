"""Find the claims a news text makes about a Security Council vote (rule-based, no model).

A claim is one checkable statement: the vote's ``date``, the draft's ``sponsor`` and ``subject``,
the ``yes`` / ``no`` / ``abstain`` counts, ``unanimous``, one member's ``vote`` or ``veto``, the
``outcome`` (adopted / failed / vetoed), and the ``resolution`` or ``draft`` symbol.

>>> claims = extract_claims("At the UN, eleven members of the Security Council supported the US-backed "
...     "resolution, but the measure failed due to the no votes of two permanent members with veto power, "
...     "Russia and China. Algeria also voted against and Guyana abstained.").claims
>>> sorted(c.key() for c in claims)  # doctest: +NORMALIZE_WHITESPACE
[('outcome', None, 'failed'), ('sponsor', 'USA', 'USA'), ('vote', 'CHN', 'no'), ('vote', 'DZA', 'no'),
 ('vote', 'GUY', 'abstain'), ('vote', 'RUS', 'no'), ('yes', None, 11)]
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from unsc.news.dates import dateline, find_dates, weekday_before
from unsc.news.text import Article, read_article, sentences
from unsc.rules import all_members

__all__ = ["TOPICS", "Claim", "Extraction", "extract_claims", "member_mentions", "number"]

NUMBERS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "a dozen": 12,
    "a single": 1,
    "a lone": 1,
    "single": 1,
    "lone": 1,
}
NUM = (
    r"(?:\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|a dozen)"
)

#: subject keywords -> (label, pattern the record's title/topic must match)
TOPICS: dict[str, tuple[str, str]] = {
    r"gaza|israel|palestin|west bank|jerusalem|settlements?|hamas|rafah|hostages?": (
        "Middle East (Palestine)",
        r"middle east|palestin|israel|arab territories",
    ),
    r"syria|aleppo|idlib|douma": ("Syria", r"syria|middle east"),
    r"ukraine|crimea|donbas|donetsk|luhansk|zaporizhzhia|kherson": ("Ukraine", r"ukrain"),
    r"korea|korean": ("Korea", r"korea"),
    r"suez|sinai": ("Suez", r"palestine|suez|egypt|israel"),
    r"afghanistan|afghan": ("Afghanistan", r"afghanistan"),
    r"iraq|kuwait": ("Iraq-Kuwait", r"iraq|kuwait"),
    r"zimbabwe": ("Zimbabwe", r"zimbabwe|africa"),
    r"libya|tripoli|benghazi": ("Libya", r"liby"),
    r"grenada": ("Grenada", r"grenada"),
    r"nicaragua": ("Nicaragua", r"nicaragua"),
    r"admission|membership|admit|full member": ("Admission", r"admission|membership|new members"),
}

_OUT_FAILED = re.compile(
    r"\b(failed|fails|fail to|was defeated|were defeated|was rejected|were rejected|not adopted|did not pass|"
    r"didn['’]t pass|fell short|falls short|was voted down|went down to defeat|sank)\b",
    re.I,
)
_OUT_VETO = re.compile(
    r"\b(vetoed|vetoes|vetoing|was blocked|were blocked|blocked|veto (?:by|from|of|cast by)|(?:a|the|its|their|"
    r"double|twin)\s+(?:\w+\s+)?vetoe?s?\b(?!\s*power|-wielding|-holding))",
    re.I,
)
_OUT_ADOPTED = re.compile(r"\b(adopted|adopts|adopting|passed|approved|was carried|endorsed)\b", re.I)
_VOTEWORDS = re.compile(
    r"\b(vote[ds]?|voting|veto\w*|abstain\w*|abstention\w*|in favou?r|adopt\w*|resolution|draft|unanim\w*|"
    r"blocked|passed|rejected|failed|supported|backed|opposed|against|drafted|sponsored|put forward|tabled|text)\b",
    re.I,
)

_ITEM = r"(?:the\s+)?⟨([A-Z]{3})⟩(?:\s+(?:delegations?|representatives?|envoys?|ambassadors?|governments?|missions?))?"
_SEP = r"(?:\s*,\s*(?:and\s+|as well as\s+)?|\s+and\s+|\s+as well as\s+|\s+along with\s+|\s+plus\s+)"
_LIST = rf"(?:both\s+)?(?P<list>{_ITEM}(?:{_SEP}{_ITEM})*)"
_WHEN = (
    r"(?:(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:night|evening|morning|afternoon))?|today|yesterday|again|once again|finally|jointly|swiftly|promptly|"
    r"on\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)"
)
_FILL = rf"(?:\s*,?\s*(?:also|both|each|then|too|however|meanwhile|instead|themselves|all|likewise|{_WHEN})\b\s*,?)*"
_WHICH = r"(?:\s*,\s*(?:which|who)\b)?"
_NEG = r"(?P<neg>\s+(?:did not|didn['’]t|would not|wouldn['’]t|refused to|declined to|chose not to|does not|never))?"
_V_ABST = (
    r"abstain(?:ed|ing)?|chose to abstain|decided to abstain|opted to abstain|(?:cast|registered) (?:an? )?abstentions?"
)
_V_NO = (
    r"voted against|voted no|vote against|voting against|voting no|opposed|opposing|"
    r"cast (?:a |the |their |its )?(?:lone |sole |only |single )?(?:no|negative|dissenting|\"no\") votes?"
)
_V_X = r"did not (?:vote|participate|take part)|(?:was|were) absent|boycotted the (?:vote|meeting)"
_V_YES = r"voted in favou?r|voted for|voted yes|voting in favou?r|voting for|supported|supporting|backed"
_V_VETO = (
    r"vetoed|vetoing|blocked|blocking|(?:cast|used|wielded|exercised|employed|deployed|invoked)\s+(?:its|their|a|the)\s+"
    r"(?:\w+\s+)?vetoe?s?(?:\s+power)?"
)
_LIST2 = _LIST.replace("?P<list>", "?P<list2>")
_SUBJ_VERB = re.compile(
    rf"{_LIST}{_WHICH}{_FILL}{_NEG}\s+(?P<verb>{_V_X}|{_V_ABST}|{_V_NO}|{_V_YES}|{_V_VETO})\b(?P<after>\s+(?:it|the|a|an)\b)?"
    rf"(?:\s+(?:alongside|along with|together with)\s+{_LIST2})?",
    re.I,
)
_OBJ_FILL = (
    rf"(?:(?:the\s+)?(?:{NUM}\s+)?(?:permanent\s+|veto-wielding\s+|Council\s+|P5\s+|other\s+)*"
    r"(?:members?|countries|nations|powers|states)(?:\s+with\s+veto\s+power)?\s*,?\s*)?"
)
_OBJ = re.compile(
    r"(?P<verb>vetoed by|blocked by|opposed by|veto(?:es)?\s+(?:cast\s+)?(?:by|from|of)|vetoes\s+by|"
    r"(?:no|negative|dissenting)\s+votes?\s+(?:of|from|by|cast by)|votes? against\s+(?:from|by)|"
    r"abstentions?\s+(?:from|by|of)|supported by|backed by|opposition (?:of|from))\s+"
    rf"{_OBJ_FILL}{_LIST}",
    re.I,
)
_WITH = re.compile(
    rf"\bwith\s+{_LIST}\s+(?P<verb>abstaining|voting against|voting no|opposed|opposing|voting in favou?r|voting yes|"
    r"casting (?:a |the |their )?(?:veto(?:es)?|no votes?|negative votes?))",
    re.I,
)
_PAREN = re.compile(
    rf"(?P<verb>in favou?r|against|abstentions?|abstaining|abstained|voting no|no)\s*(?:\(|:\s*)(?:the\s+)?{_LIST}\)?",
    re.I,
)
_ONLY = re.compile(
    rf"{_ITEM}\s+(?:was|were|being)\s+the\s+(?:only|sole|lone)\s+(?:[\w-]+\s+){{0,3}}?(?:to\s+)?"
    r"(?P<verb>vote against|abstain|vote in favou?r|veto|vote no|oppose|dissent|dissenter|no vote|abstention)",
    re.I,
)
_POSS_VETO = re.compile(
    rf"{_LIST}(?:['’]s?|\s+cast\s+(?:a|the)(?:\s+\w+)?)\s+(?:\w+\s+)?vetoe?s?\b(?!\s*power|-wielding)|"
    r"(?:a|an|the)\s+(?:lone\s+|single\s+|sole\s+)?⟨(?P<adj>[A-Z]{3})⟩\s+veto\b",
    re.I,
)
_SPONSOR = re.compile(
    rf"⟨(?P<pre>[A-Z]{{3}})⟩[-‑](?:backed|drafted|sponsored|led|authored|penned|proposed|written|crafted)|"
    rf"(?:drafted|sponsored|co-sponsored|proposed|put forward|submitted|tabled|authored|written|penned|introduced|"
    rf"circulated|crafted|prepared|presented)\s+by\s+{_LIST}|"
    rf"⟨(?P<poss>[A-Z]{{3}})⟩['’]s?\s+(?:\w+\s+)?(?:draft|resolution|text|proposal|measure)|"
    rf"(?:a|an|the)\s+(?:rival\s+|competing\s+|new\s+|revised\s+)?⟨(?P<adj>[A-Z]{{3}})⟩\s+(?:draft|resolution|text|proposal)",
    re.I,
)
_E10 = re.compile(r"(?:drafted|sponsored|proposed|put forward|tabled|authored|penned)\s+by\s+(?:the\s+)?(?:Council['’]s\s+)?(?:ten\s+|10\s+)?"
                  r"(?:elected|non-permanent)\s+members|\bE10\b|\bE-10\b", re.I)  # fmt: skip
_WHITELIST = (
    r"(?:of|the|15|fifteen|11|eleven|other|remaining|Council|council|Council['’]s|Security|member|members|countries|"
    r"country|nations|nation|states|state|delegations|delegation|votes?|in|all|its|body|body['’]s|seats?|elected|"
    r"permanent|non-permanent|were|was|have|had|also|then|together|voted|cast|there|UN)"
)
_COUNT = re.compile(
    rf"(?<![\w/.-])(?P<n>{NUM})(?P<mid>(?:\s+{_WHITELIST})*?)\s+(?P<verb>in favou?r|for\b|against|"
    r"abstentions?|abstaining|abstained|supported|backed|opposed|voted yes|voted no|(?:voted\s+)?in favou?r|"
    r"voted for|voted against|cast (?:an )?abstentions?)",
    re.I,
)
_TALLY = re.compile(
    r"(?<![\w/.-])(\d{1,2})\s*(?:votes?\s+)?(?:-|–|—|to)\s*(\d{1,2}|none|nil)(?:\s*(?:-|–|—|,)\s*(\d{1,2}))?(?![\w/-])"
)
_TALLY_CTX = re.compile(r"\b(vote[ds]?|voting|tally|margin|passed|adopted|approved|failed|rejected|by)\b", re.I)
_RECEIVED = re.compile(
    rf"\b(?:received|won|garnered|got|secured|obtained|gathered|drew|mustered)\s+(?:only\s+|just\s+)?(?P<n>{NUM})\s+votes?",
    re.I,
)
_ABST_ZERO = re.compile(r"\bno abstentions\b|\bnone abstain", re.I)
_NO_ZERO = re.compile(
    r"\bno (?:votes )?against\b|\bno negative votes\b|\bno one voted against\b|\bnone against\b", re.I
)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\ball 15 members voted in favou?r", re.I)
_NOT_UNANIMOUS = re.compile(
    r"\b(?:not|failed to win|failed to secure|fell short of|less than|instead of)\s+(?:a\s+)?unanim", re.I
)
_ALL_OTHER = re.compile(
    r"\b(?:all (?:the )?other|the (?:other|remaining) (?:Council )?members|all remaining|the rest of the Council|"
    r"every other)\b[^.;]*?\b(?:voted in favou?r|voted for|supported|backed|voted yes)",
    re.I,
)
_NEED = re.compile(
    r"\b(?:needs?|needed|requires?|required|requiring|minimum|at least|threshold|short of|short)\W*(?:\w+\W+){0,2}$",
    re.I,
)
_RES = re.compile(r"\b[Rr]esolution\s+(?:No\.?\s*)?(\d{1,4})(?!\d)(?![-–—]\d|\s+to\s+\d)(?:\s*\((\d{4})\))?")
_DRAFT = re.compile(r"\bS/(\d{4}/\d{1,4}|\d{3,5})(?:/Rev\.\s?\d)?\b")
_OTHER_BODY = re.compile(r"General Assembly|Human Rights Council|European Parliament|Senate|House of Representatives|"
                         r"Knesset|Duma|parliament|Congress", re.I)  # fmt: skip


@dataclass
class Claim:
    """One claim the text makes: ``field`` (and ``member`` for ``vote``/``veto``/``sponsor``), the value claimed,
    and the sentence it comes from."""

    field: str
    claimed: Any
    text: str
    member: str | None = None
    note: str | None = None

    def key(self) -> tuple[str, str | None, Any]:
        """(field, member, claimed): what identifies a claim when comparing with a gold annotation."""
        return (self.field, self.member, self.claimed)

    def to_dict(self) -> dict[str, Any]:
        """The claim as a plain dict."""
        d: dict[str, Any] = {"field": self.field, "claimed": self.claimed, "text": self.text}
        if self.member is not None:
            d["member"] = self.member
        if self.note:
            d["note"] = self.note
        return d


@dataclass
class Extraction:
    """What :func:`extract_claims` found: the claims, the vote date (claimed or inferred) and the article."""

    claims: list[Claim]
    article: Article
    article_date: dt.date | None = None
    vote_date: dt.date | None = None
    date_source: str | None = None
    vote_sentences: list[str] = field(default_factory=list)

    @property
    def has_vote(self) -> bool:
        """Whether the text reports a Council vote at all."""
        return bool(self.claims)


def _mention_patterns() -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for m in all_members():
        for n in (m.name, *m.names, *m.aliases):
            n = n.replace("U.S.A.", "USA").replace("U.S.S.R.", "USSR").replace("U.S.", "US").replace("U.K.", "UK")
            if len(n) < 2 or "(" in n:
                continue
            out.setdefault(n, m.code)
    extra = {"the Soviets": "SUN", "the Kremlin": "RUS", "Britain": "GBR", "Russia": "RUS", "U.S": "USA"}
    for n, c in extra.items():
        out.setdefault(n, c)
    return sorted(out.items(), key=lambda x: -len(x[0]))


_MENTIONS = _mention_patterns()
_MENTION_RE = re.compile(
    r"(?<![\w⟨-])("
    + "|".join(re.escape(n) for n, _ in _MENTIONS)
    + r")(?![\w⟩]|-(?!backed|drafted|sponsored|led|authored|penned|proposed|written|crafted)\w)"
)
_MENTION_CODE = dict(_MENTIONS)
_NOT_STATES = re.compile(
    r"\b(?:Georgia|Jordan|Chad)\s+[A-Z][a-z]+|Washington Post|New York|Latin American|Indian Ocean"
)


def _normalise(text: str) -> str:
    text = text.replace("U.S.S.R.", "USSR").replace("U.S.A.", "USA").replace("U.S.", "US").replace("U.K.", "UK")
    text = text.replace("U.N.", "UN").replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[ \t]+", " ", text)


def member_mentions(sentence: str) -> str:
    """The sentence with each state it names replaced by ``⟨CODE⟩``.

    >>> member_mentions("Russia and the Chinese delegation vetoed the US-backed draft; Britain abstained.")
    '⟨RUS⟩ and the ⟨CHN⟩ delegation vetoed the ⟨USA⟩-backed draft; ⟨GBR⟩ abstained.'
    """
    protected = _NOT_STATES.sub(lambda m: m[0].replace(" ", "\u00a0"), sentence)
    out = _MENTION_RE.sub(lambda m: f"⟨{_MENTION_CODE[m[1]]}⟩", protected)
    return out.replace("\u00a0", " ")


def number(word: str) -> int | None:
    """A count written in digits or words.

    >>> number("Eleven"), number("13"), number("many")
    (11, 13, None)
    """
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w)


def _codes(lst: str) -> list[str]:
    return re.findall(r"⟨([A-Z]{3})⟩", lst)


def _vote_of(verb: str) -> str | None:
    v = verb.lower()
    if re.match(r"did not|was absent|were absent|boycotted", v):
        return "did not vote"
    if re.match(
        r"abstain|chose to abstain|decided to abstain|opted to abstain|(?:cast|registered) (?:an? )?abstention", v
    ):
        return "abstain"
    if re.match(r"veto|blocked|blocking|(?:cast|used|wielded|exercised|employed|deployed|invoked)\b.*veto", v):
        return "veto"
    if re.match(r"voted (?:in favou?r|for|yes)|voting (?:in favou?r|for|yes)|supported|supporting|backed", v):
        return "yes"
    if re.match(r"voted (?:against|no)|vote against|voting (?:against|no)|opposed|opposing|cast", v):
        return "no"
    return None


def _sentence_votes(norm: str) -> list[tuple[str, str]]:
    """(member, vote) pairs a normalised sentence states; vote is yes/no/abstain/veto."""
    got: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    norm = re.sub(rf",?\s+{_WHEN}\b,?", "", norm)  # "vetoed on Monday by" -> "vetoed by"

    def add(codes: list[str], vote: str | None, span: tuple[int, int]) -> None:
        if vote is None:
            return
        spans.append(span)
        for c in codes:
            got.append((c, vote))

    for m in _PAREN.finditer(norm):
        v = m["verb"].lower()
        vote = "yes" if "favo" in v else "abstain" if v.startswith("abst") else "no"
        add(_codes(m["list"]), vote, m.span())
    for m in _OBJ.finditer(norm):
        v = m["verb"].lower()
        if v.startswith(("vetoed", "blocked", "veto")):
            vote = "veto"
        elif v.startswith("abstention"):
            vote = "abstain"
        elif v.startswith(("supported", "backed")):
            vote = "yes"
        else:
            vote = "no"
        add(_codes(m["list"]), vote, m.span())
    for m in _WITH.finditer(norm):
        v = m["verb"].lower()
        vote = (
            "abstain"
            if v.startswith("abst")
            else "veto"
            if "veto" in v
            else "yes"
            if ("favo" in v or "yes" in v)
            else "no"
        )
        add(_codes(m["list"]), vote, m.span())
    for m in _ONLY.finditer(norm):
        v = m["verb"].lower()
        vote = "abstain" if v.startswith("abst") else "veto" if v == "veto" else "yes" if "favo" in v else "no"
        add([m[1]], vote, m.span())
    for m in _POSS_VETO.finditer(norm):
        if any(s <= m.start() < e for s, e in spans):
            continue
        codes = [m["adj"]] if m["adj"] else _codes(m["list"])
        add(codes, "veto", m.span())
    for m in _SUBJ_VERB.finditer(norm):
        if m["neg"] or any(s <= m.start() < e or s < m.end() <= e for s, e in spans):
            continue
        vote = _vote_of(m["verb"])
        if vote in ("yes",) and m["verb"].lower() == "backed" and not m["after"]:
            continue
        # "Russia, which has veto power, ..." or a sponsor adjective: skip lists glued to "-backed" etc.
        add(_codes(m["list"]) + (_codes(m["list2"]) if m["list2"] else []), vote, m.span())
    seen: set[tuple[str, str]] = set()
    out = []
    for pair in got:
        if pair not in seen:
            seen.add(pair)
            out.append(pair)
    return out


def _counts(sentence: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    used: list[tuple[int, int]] = []
    for m in _TALLY.finditer(sentence):
        a, b = int(m[1]), (0 if m[2] in ("none", "nil") else int(m[2]))
        c = int(m[3]) if m[3] else None
        before = sentence[max(0, m.start() - 40) : m.start()]
        after = sentence[m.end() : m.end() + 30]
        if a > 15 or b > 15 or (c is not None and c > 15) or a + b + (c or 0) > 15:
            continue
        if not (_TALLY_CTX.search(before) or re.match(r"\s*(vote|with|in favou?r|,)", after, re.I)):
            continue
        if re.search(r"(?:19|20)\d\d\s*$|\bS/\S*$", before):
            continue
        out += [("yes", a), ("no", b)]
        if c is not None:
            out.append(("abstain", c))
        used.append(m.span())
    for m in _COUNT.finditer(sentence):
        if any(s <= m.start() < e for s, e in used):
            continue
        n = number(m["n"])
        if n is None or n > 15:
            continue
        if _NEED.search(sentence[: m.start()]):
            continue
        if re.match(r"\s*(?:of|-|–)\s*", sentence[m.end("n") : m.end("n") + 3]) and not m["mid"].strip():
            continue
        v = m["verb"].lower()
        if v == "for" and not re.search(r"\b(votes?|members?|countries|delegations|nations|states)\b", m["mid"], re.I):
            continue
        kind = "abstain" if "abst" in v else "no" if ("against" in v or "opposed" in v or v.endswith(" no")) else "yes"
        out.append((kind, n))
        used.append(m.span())
    for m in _RECEIVED.finditer(sentence):
        n = number(m["n"])
        if n is not None and n <= 15 and not any(s <= m.start("n") < e for s, e in used):
            out.append(("yes", n))
    if _ABST_ZERO.search(sentence):
        out.append(("abstain", 0))
    if _NO_ZERO.search(sentence):
        out.append(("no", 0))
    return out


def _outcome(sentence: str, norm: str) -> str | None:
    veto = _OUT_VETO.search(sentence)
    failed = _OUT_FAILED.search(sentence)
    adopted = _OUT_ADOPTED.search(sentence)
    if veto and not re.search(
        r"\b(?:did not|didn't|would not|not to|declined to|refrained from|without a)\s+(?:\w+\s+)?(?:veto|block)",
        sentence,
        re.I,
    ):
        if re.search(r"vetoes?\b", veto[0], re.I) and not re.search(
            r"\b(?:failed|blocked|killed|killing|sank|defeated|vetoed)\b", sentence, re.I
        ):
            pass
        else:
            return "vetoed"
    if failed:
        return "failed"
    if adopted and not re.search(r"\b(?:previously|earlier|last year|in (?:19|20)\d\d)\b", sentence):
        return "adopted"
    return None


def _subject(sentence: str) -> str | None:
    low = sentence.lower()
    if re.search(r"\b(?:admission|admit|full (?:un |united nations )?member)", low):
        return "Admission"
    best: tuple[int, str] | None = None
    for kw, (label, _) in TOPICS.items():
        m = re.search(rf"\b(?:{kw})", low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), label)
    return best[1] if best else None


def extract_claims(text: str | Article, date: dt.date | str | None = None) -> Extraction:
    """Read a news text (plain or HTML) and return the Council-vote claims it makes.

    ``date`` is the article's date (``--date``); without it the page's metadata date is used.
    A text with no Council vote in it gives no claims.

    >>> ex = extract_claims("UNITED NATIONS, March 25 (Reuters) - The Security Council adopted a resolution "
    ...                     "demanding a ceasefire in Gaza, 14-0, with the United States abstaining.", "2024-03-25")
    >>> [(c.field, c.member, c.claimed) for c in ex.claims]  # doctest: +NORMALIZE_WHITESPACE
    [('date', None, '2024-03-25'), ('outcome', None, 'adopted'), ('subject', None, 'Middle East (Palestine)'),
     ('yes', None, 14), ('no', None, 0), ('vote', 'USA', 'abstain')]
    """
    art = text if isinstance(text, Article) else read_article(text)
    from unsc.rules import as_date

    article_date = as_date(date) if date else art.date
    full = _normalise(art.text)
    if not re.search(
        r"Security Council|\bCouncil\b|\bUNSC\b|\bUN\b|United Nations|\bvetoe?|\bresolution\s+\d",
        full + " " + (art.title or ""),
        re.I,
    ):
        return Extraction([], art, article_date)
    year = article_date.year if article_date else None
    # the vote date: an explicit date in a vote sentence, else the dateline, else "on Friday"
    vote_date: dt.date | None = None
    source: str | None = None
    paras = [_normalise(p) for p in art.paragraphs]
    if paras:
        d = dateline(paras[0], year)
        if d:
            vote_date, source = d, "dateline"
    claims: list[Claim] = []
    vote_sents: list[str] = []
    explicit: list[tuple[dt.date, str]] = []
    relative: list[tuple[dt.date, str]] = []
    for para in paras:
        for s in sentences(para):
            if not _VOTEWORDS.search(s):
                continue
            if _OTHER_BODY.search(s) and not re.search(r"Security Council|\bthe Council\b", s):
                continue
            vote_sents.append(s)
            ds = [
                d
                for d, t in find_dates(s, year)
                if not re.search(r"\b(?:dated|by|until|before|after|since|from|of)\s*$", s[: s.find(t)])
            ]
            if ds:
                explicit.append((ds[0], s))
            r = weekday_before(s, article_date)
            if r:
                relative.append((r, s))
    if explicit:
        vote_date, source = explicit[0][0], "text"
        claims.append(Claim("date", vote_date.isoformat(), explicit[0][1]))
    elif vote_date is not None:
        claims.append(Claim("date", vote_date.isoformat(), paras[0][:200]))
    elif relative:
        vote_date, source = relative[0][0], "relative"
        claims.append(Claim("date", vote_date.isoformat(), relative[0][1]))
    vote_year = (vote_date or article_date).year if (vote_date or article_date) else None
    named_nonyes: set[str] = set()
    all_other: list[str] = []
    n_before = len(claims)
    for s in vote_sents:
        if vote_year and any(
            abs(int(y) - vote_year) >= 1 for y in re.findall(r"\b(?:in|of|since|from)\s+((?:19|20)\d\d)\b", s)
        ):
            continue  # background: another year's vote
        norm = member_mentions(s)
        out = _outcome(s, norm)
        if out:
            claims.append(Claim("outcome", out, s))
        for m in _RES.finditer(s):
            if re.search(r"\b(adopt|pass|approv|vote)", s, re.I):
                claims.append(Claim("resolution", f"{m[1]} ({m[2]})" if m[2] else m[1], s))
        for m in _DRAFT.finditer(s):
            claims.append(Claim("draft", "S/" + m[1], s))
        for m in _SPONSOR.finditer(norm):
            codes = (
                [m["pre"]] if m["pre"] else [m["poss"]] if m["poss"] else [m["adj"]] if m["adj"] else _codes(m["list"])
            )
            if re.search(r"(?:rival|competing)\s+⟨", m[0]):
                continue
            for c in codes:
                if c not in ("PSE", "ISR"):  # not Council members: their texts are tabled by others
                    claims.append(Claim("sponsor", c, s, member=c))
        if _E10.search(s):
            claims.append(Claim("sponsor", "E10", s, member="E10"))
        subj = (
            _subject(s)
            if re.search(r"\b(resolution|draft|text|measure|proposal|ceasefire|vot\w*)\b", s, re.I)
            else None
        )
        if subj and not any(c.field == "subject" for c in claims):
            claims.append(Claim("subject", subj, s))
        for kind, n in _counts(s):
            claims.append(Claim(kind, n, s))
        if _UNANIMOUS.search(s) and not _NOT_UNANIMOUS.search(s):
            claims.append(Claim("unanimous", True, s))
        for code, vote in _sentence_votes(norm):
            if vote == "veto":
                claims.append(Claim("veto", True, s, member=code))
            else:
                claims.append(Claim("vote", vote, s, member=code))
            if vote != "yes":
                named_nonyes.add(code)
        if _ALL_OTHER.search(s):
            all_other.append(s)
    has_vote = any(c.field not in ("date", "subject", "sponsor", "draft", "resolution") for c in claims[n_before:])
    if not has_vote:
        return Extraction([], art, article_date, vote_date, source, vote_sents)
    if all_other and not any(c.field == "yes" for c in claims):
        from unsc.rules import Council

        size = Council.on(vote_date or article_date).size if (vote_date or article_date) else 15
        claims.append(Claim("yes", size - len(named_nonyes), all_other[0], note="all other members"))
    # one claim per (field, member, value): keep the first sentence that makes it
    seen: set[tuple[str, str | None, Any]] = set()
    uniq = []
    for c in claims:
        if c.key() not in seen:
            seen.add(c.key())
            uniq.append(c)
    return Extraction(uniq, art, article_date, vote_date, source, vote_sents)
