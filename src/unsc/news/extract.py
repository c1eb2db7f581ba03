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
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from unsc.news import reader as _reader
from unsc.news.dates import MONTHS, dateline, dateline_end, find_dates, section_date, vote_weekday
from unsc.news.text import Article, read_article, sentences
from unsc.rules import PERMANENT_SEATS, SUCCESSIONS, all_members

__all__ = ["TOPICS", "Claim", "Event", "Extraction", "extract_claims", "member_mentions", "number", "recalled_claims"]

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
    r"(?:\d{1,2}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|a dozen|"
    r"a single|a lone)"
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
    r"south sudan": ("South Sudan", r"south sudan"),
    r"sudan|darfur|khartoum|el fasher": ("Sudan", r"sudan"),
    r"\bmali\b|bamako": ("Mali", r"\bmali\b"),
    r"venezuela|caracas": ("Venezuela", r"venezuela"),
    r"western sahara|minurso|polisario": ("Western Sahara", r"western sahara"),
    r"haiti|port-au-prince": ("Haiti", r"haiti"),
    r"myanmar|rohingya|burma": ("Myanmar", r"myanmar"),
    r"bosnia|srebrenica|sarajevo": ("Bosnia", r"bosnia"),
    r"\biran\b|iranian|tehran": ("Iran", r"\biran\b|non-proliferation|2231"),
    r"yemen|houthi|hodeidah": ("Yemen", r"yemen|middle east"),
    r"somalia|al-shabaab": ("Somalia", r"somalia"),
    r"lebanon|hezbollah|unifil": ("Lebanon", r"lebanon|middle east"),
    r"congo|kinshasa|monusco": ("DR Congo", r"congo"),
    r"cyprus": ("Cyprus", r"cyprus"),
    r"kosovo": ("Kosovo", r"kosovo|resolution 1244"),
    r"climate": ("Climate and security", r"climate|international peace and security"),
}

_OUT_FAILED = re.compile(
    r"\b((?<!tried, and )(?<!tried and )(?<!tried but )(?:failed|fails|fail)(?! the\b| to (?!(?:win(?!\s+over)|pass|get|secure|gain|muster|obtain|receive|garner|"
    r"attract|achieve|reach|carry|clear|command|draw|collect|attain|be\s+adopted|make\s+it|adopt|act|approve|agree|"
    r"endorse|renew|extend|authori[sz]e|take\s+action)\b))|was defeated|were defeated|was rejected|were rejected|not adopted(?! under)|did not pass|"
    r"didn['’]t pass|fell short|falls short|(?:well|far) short of|fell flat|was voted down|went down to defeat|sank|"
    r"collapsed|foundered)\b|"
    r"\bCouncil\b(?:\s+\w+){0,3}?\s+rejected\b|"
    # a live blog's headline form: "First Russian amendment rejected", "Second amendment goes down"
    r"\b(?:amendment|draft|text|proposal|measure|bid)\s+(?:(?:is|was)\s+)?(?:rejected|defeated|(?:goes|went)\s+down)\b",
    re.I,
)
_OUT_VETO = re.compile(
    r"(?<!threat of )(?<!threat of a )(?<!threat of its )(?<!threat of their )(?<!threatened )"
    r"\b(vetoed|vetoes|vetoing|was blocked|were blocked|blocked|veto (?:by|from|of|cast by)|(?:a|the|its|their|"
    r"double|twin)\s+(?:\w+\s+)?vetoe?s?\b(?!\s*power|-wielding|-holding|\s*threats?\b|\s+threatened)|"
    r"shot (?:it |the \w+ )down|shot down (?:the|a|an|its|"
    r"their) (?:[\w-]+ ){0,3}?(?:draft|text|resolution|proposal|measure|bid)\b)",
    re.I,
)
_OUT_ADOPTED = re.compile(
    r"\b(?:was|were|has been|had been)\s+(?:unanimously\s+)?(?:extended|renewed)\b|"
    r"\b((?<!to be )(?<!would be )(?<!could be )adopted|adopts|(?<!before )(?<!after )adopting|"
    r"(?:passed|passes)(?!\s+(?:over|up|away|out)\b)|"
    r"(?<!to be )(?<!would be )(?<!could be )approved|was carried|endorsed)\b|"
    r"\bCouncil\s+(?:on\s+\w+day\s+|\w+ly\s+|has\s+|again\s+){0,3}(?:extended|renewed|authori[sz]ed|demanded|imposed|condemned|"
    r"established|created|called for|urged|endorsed|voted to|settled for|agreed to|expanded|widened|tightened|"
    r"strengthened|stepped up|broadened|lifted|eased|approved)\b|\b(?:sailed|went|swept)\s+through\b",
    re.I,
)
_VOTEWORDS = re.compile(
    r"\bCouncil['’]s\s+(?:call|demand|decision)\b|\b(vote[ds]?|voting|veto\w*|abstain\w*|abstention\w*|in favou?r|adopt\w*|resolution|draft|unanim\w*|fell flat|fell short|"
    r"blocked|passed|rejected|failed|supported|backed|opposed|against|drafted|sponsored|put forward|tabled|text|"
    r"extended|renewed|authori[sz]ed|demanded|support|backing|approved|approves|expanded|widened|tightened|imposed|"
    r"lifted|collapsed|sailed|fails|passes|goes\s+down|went\s+down|take\s+part|participate|offered\s+by|steered\s+through|"
    r"wrote\s+the\s+(?:draft|text|resolution)|hammered\s+out|led\s+the\s+effort|drafters)\b",
    re.I,
)

_ITEM = r"(?:the\s+)?⟨([A-Z]{3})⟩(?:\s+(?:delegations?|representatives?|envoys?|ambassadors?|governments?|missions?))?"
_SEP = (
    r"(?:\s*,\s*(?:and\s+|as well as\s+|but\s+also\s+)?|\s+and\s+(?:also\s+)?|\s+as well as\s+|\s+along with\s+|"
    r"\s+plus\s+|\s+but\s+also\s+)"
)
_LIST = rf"(?:both\s+)?(?P<list>{_ITEM}(?:{_SEP}{_ITEM})*)"
_WHEN = (
    r"(?:(?:late\s+|early\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:night|evening|morning|afternoon))?|today|tonight|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)|"
    r"again|once again|finally|jointly|swiftly|promptly|"
    r"on\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?)"
)
_FILL = rf"(?:\s*,?\s*(?:also|both|each|then|too|however|meanwhile|instead|themselves|all|likewise|has|have|had|{_WHEN})\b\s*,?)*"
_WHICH = r"(?:\s*,\s*(?:which|who)\b)?"
_NEG = r"(?P<neg>\s+(?:did not|didn['’]t|would not|wouldn['’]t|refused to|declined to|chose not to|does not|never))?"
_V_ABST = r"abstain(?:ed|ing|s)?|chose to abstain|decided to abstain|opted to abstain|(?:cast|registered) (?:an? )?abstentions?"
_V_NO = (
    r"voted against|voted no|voted down|vote against|votes against|voting against|voting no|opposed|opposing|"
    r"cast (?:a |the |their |its )?(?:lone |sole |only |single )?(?:no|negative|dissenting|\"no\") votes?|"
    r"cast (?:a |the |their |its )?(?:lone |sole |only |single )?votes? against"
)
_V_X = (
    r"did not (?:vote|participate|take part)|(?:was|were) absent|boycotted the (?:vote|meeting)|"
    r"(?:chose|decided|opted) not to (?:participate|take part|vote)|(?:sat|sits|sit) (?:it )?out|stayed out of the vote|"
    r"did not take part"
)
_V_YES = r"voted in favou?r|voted for|voted yes|votes in favou?r|votes for|voting in favou?r|voting for|supported|supporting|backed"
_V_VETO = (
    r"vetoed|vetoes|vetoing|blocked|blocking|shot (?:it |the \w+ )down|shot down(?= (?:the|a|an|its|their) (?:[\w-]+ ){0,3}?"
    r"(?:draft|text|resolution|proposal|measure|bid)\b)|torpedoed|killed|(?:cast|used|wielded|exercised|employed|deployed|invoked)\s+(?:its|their|a|the)\s+"
    r"(?:\w+\s+)?vetoe?s?(?:\s+power)?"
)
_LIST2 = _LIST.replace("?P<list>", "?P<list2>")
_LIST3 = _LIST.replace("?P<list>", "?P<list3>")
_LIST4 = _LIST.replace("?P<list>", "?P<list4>")
_LIST5 = _LIST.replace("?P<list>", "?P<list5>")
_SUBJ_VERB = re.compile(
    rf"{_LIST}{_WHICH}{_FILL}{_NEG}\s+(?P<verb>{_V_X}|{_V_ABST}|{_V_NO}|{_V_YES}|{_V_VETO})\b(?P<after>\s+(?:it|the|a|an)\b)?"
    rf"(?:\s+(?:alongside|along with|together with)\s+{_LIST2})?",
    re.I,
)
_OBJ_FILL = (
    # "supported by its four sponsors and by ⟨CHN⟩, ⟨CHL⟩ and ⟨ECU⟩": the sponsors are read where the text names them
    rf"(?:(?:its|the|their)\s+(?:{NUM}\s+)?(?:co-)?sponsors\s+and\s+(?:by\s+)?)?"
    rf"(?:(?:the\s+)?(?:{NUM}\s+)?(?:permanent\s+|veto-wielding\s+|Council\s+|P5\s+|other\s+)*"
    r"(?:members?|countries|nations|powers|states)(?:\s+with\s+veto\s+power)?\s*,?\s*)?"
)
_OBJ = re.compile(
    r"(?P<verb>vetoed by|blocked by|opposed by|veto(?:es)?\s+(?:cast\s+)?(?:by|from|of)|vetoes\s+by|"
    r"(?:no|negative|dissenting)\s+votes?\s+(?:of|from|by|cast by)|votes? against\s+(?:from|by)|"
    r"abstentions?,?\s+(?:from|by|of)|supported by|backed by|opposition (?:of|from))\s+"
    rf"{_OBJ_FILL}{_LIST}",
    re.I,
)
_WITH = re.compile(
    rf"\bwith\s+{_LIST}\s+(?P<verb>abstaining|voting against|voting no|opposed|opposing|voting in favou?r|voting yes|"
    r"casting (?:a |the |their )?(?:veto(?:es)?|no votes?|negative votes?))",
    re.I,
)
_PAREN = re.compile(
    rf"(?P<verb>in favou?r|against|abstentions?|abstaining|abstained|voting no|voting yes|voting in favou?r|voting against|yes|no)"
    rf"\s*(?:\(|:\s*)(?:the\s+)?{_LIST}\)?",
    re.I,
)
#: a vote said as a gerund after "joined ... in": "⟨A⟩ joined the three Western powers in voting against it"
_JOIN_GERUND = (
    r"(?P<verb>voting against|voting no|voting down|opposing|abstaining|sitting (?:it )?out|staying out of|voting in favou?r|"
    r"voting for|voting yes|backing|supporting|approving|adopting|endorsing|vetoing|blocking|casting (?:a |their |its )?vetoe?s?)"
)
_JOINED = re.compile(
    rf"(?P<subj>{_ITEM}(?:{_SEP}{_ITEM})*)\s+(?:also\s+|then\s+)?joined\s+(?:(?:the\s+)?⟨[A-Z]{{3}}⟩(?:\s+and\s+⟨[A-Z]{{3}}⟩)?|them|it|him|her|"
    r"the\s+rest\s+of\s+the\s+(?:Security\s+)?Council|the\s+other\s+(?:\w+\s+)?members|(?:the\s+)?(?:\w+\s+){0,3}?"
    r"(?:members|powers|countries|states|nations|allies|partners|delegations))"
    rf"(?:\s+on\s+\w+day|\s+today|\s+yesterday)?\s+in\s+(?:\w+ly\s+)?{_JOIN_GERUND}",
    re.I,
)
#: the passive: "⟨A⟩ and ⟨B⟩ were joined in opposing the draft by ⟨C⟩ and ⟨D⟩": both lists voted so
_JOINED_BY_IN = re.compile(
    rf"(?P<subj>{_ITEM}(?:{_SEP}{_ITEM})*)\s+(?:was|were)\s+(?:also\s+)?joined\s+in\s+(?:\w+ly\s+)?{_JOIN_GERUND}"
    rf"[^.;⟨]{{0,40}}?\s+by\s+{_LIST}",
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
# words that end a possessive's reach: "Britain's ambassador said the text" names a speaker, not a sponsor
_NOT_DRAFT_WORD = (
    r"(?!(?:the|a|an|this|that|said|says|told|called|ambassador|envoy|representative|delegation|minister|president|"
    r"mission|government|deputy|foreign|spokes\w*|diplomats?|officials?)\b)"
)
_SPONSOR = re.compile(
    rf"⟨(?P<pre>[A-Z]{{3}})⟩[-‑](?:(?:backed|drafted|sponsored|authored|penned|proposed|written|crafted)"
    r"(?=\s+(?:[\w-]+\s+){0,4}?(?:draft|text|resolution|proposal|measure|initiative|bid|amendment|call|demand|plan|ceasefire)s?\b)|"
    r"led(?=\s+(?:draft|text|resolution|proposal|initiative)))|"
    rf"(?:(?:draft|text|resolution|proposal|initiative|effort|bid|push)\s*,?\s+(?:was\s+|were\s+)?(?:co-)?led|spearheaded|"
    rf"drafted|drawn up|sponsored|co-sponsored|proposed|put forward|submitted|tabled|authored|written|penned|introduced|"
    rf"circulated|crafted|prepared|presented)\s+by\s+(?:(?:the|{NUM})\s+(?:[\w-]+\s+){{0,4}}?(?:members|countries|states|nations)"
    rf"(?:\s+of\s+the\s+(?:Security\s+)?Council)?\s*[,:—–]\s*)?{_LIST}|"
    rf"{_LIST2}\s+(?:are|were|is|was)\s+(?:also\s+)?(?:among\s+)?the\s+(?:co-)?(?:sponsors?|penholders?|authors?|drafters?)\b|"
    rf"(?:co-)?sponsors\s+(?:included|include|were|are)\s+{_LIST3}|"
    rf"(?<![\w⟩]){_LIST5}\s*[—–]?\s+(?:then\s+|quickly\s+)?took\s+(?:it|the\s+(?:text|draft))\s+up\b|"
    rf"(?:drafted|wrote|co-wrote|co-drafted|authored|tabled|put forward|prepared)\s+(?:the|its|their|this)\s+(?:[\w-]+\s+)?"
    rf"(?:draft|text|resolution)\s+(?:together\s+)?with\s+{_LIST4}|"
    rf"⟨(?P<subj>[A-Z]{{3}})⟩(?:['’]s?\s+(?:deputy\s+)?(?:ambassador|envoy|representative|delegation|mission)"
    r"(?:,?\s+[A-Z][\w'-]+){0,3},?)?\s+(?:had\s+|has\s+|then\s+|also\s+)?(?:proposed|put forward|tabled|introduced|submitted|"
    r"circulated|drafted)\s+(?:an?|the|its|their|two|three|four|five|several|\w+['’]s)\s+(?:[\w-]+\s+){0,2}?(?:amendments?|drafts?|"
    r"texts?|resolution|proposal|counter-draft)\b|"
    rf"⟨(?P<subj2>[A-Z]{{3}})⟩\s+(?:had\s+|has\s+|then\s+|also\s+)?(?:asked for|sought|requested)\s+(?:an?|two|three|four|"
    r"several)\s+(?:[\w-]+\s+){0,2}?amendments?\b|"
    rf"⟨(?P<poss>[A-Z]{{3}})⟩['’]s?\s+(?:{_NOT_DRAFT_WORD}[\w-]+\s+){{0,3}}?(?:draft|resolution|text|proposal|measure|amendment|"
    r"counter-draft|bid)\b|"
    rf"(?:a|an|the)\s+(?:\w+\s+)?(?P<adjs>⟨[A-Z]{{3}}⟩(?:\s*(?:,|and|[-‑])\s*⟨[A-Z]{{3}}⟩)+)\s+(?:draft|resolution|text|proposal|"
    r"compromise|attempt|bid|push|effort|initiative|move|alternative)\b|"
    rf"(?:a|an|the)\s+(?:first\s+|second\s+|rival\s+|competing\s+|new\s+|revised\s+)?⟨(?P<adj>[A-Z]{{3}})⟩\s+"
    r"(?:draft|resolution|text|proposal|amendment|counter-draft|alternative)",
    re.I,
)
_E10 = re.compile(r"(?:drafted|sponsored|proposed|put forward|tabled|authored|penned)\s+by\s+(?:the\s+)?(?:Council['’]s\s+)?(?:ten\s+|10\s+)?"
                  r"(?:elected|non-permanent)\s+members|\bE10\b|\bE-10\b", re.I)  # fmt: skip
_WHITELIST = (
    r"(?:of|the|15|fifteen|11|eleven|other|others|remaining|Council|council|Council['’]s|Security|member|members|countries|"
    r"country|nations|nation|states|state|delegations|delegation|votes?|in|all|its|body|body['’]s|seats?|elected|"
    r"permanent|non-permanent|were|was|have|had|also|then|together|voted|voting|cast|there|UN)"
)
_COUNT = re.compile(
    rf"(?<![\w/.-])(?<!\bno )(?<!\bNo )(?P<n>{NUM})(?P<mid>(?:\s+{_WHITELIST})*?(?:\s+(?:simply|duly|instead|all|merely))?)\s+(?P<verb>in favou?r|for\b|against|"
    r"abstentions?|abstaining|abstained|abstain\b|supported|backed|opposed|voted yes|voted no|(?:voted\s+)?in favou?r|"
    r"(?:[^.;]{0,50}?\s)?raised their hands|voted to (?!block|reject|stop|oppose|veto|kill)|"
    r"voted for|voted against|cast (?:an )?abstentions?)",
    re.I,
)
_TALLY = re.compile(
    r"(?<![\w/.-])(\d{1,2})\s*(?:votes?\s+)?(?:-|–|—|to)\s*(\d{1,2}|none|nil)(?:\s*(?:-|–|—|,)\s*(\d{1,2}))?(?![\w/-])"
)
_TALLY_CTX = re.compile(
    r"\b(vote[ds]?|voting|tally|margin|passed|adopted|approved|failed|rejected|defeated|by)\b", re.I
)
_RECEIVED = re.compile(
    rf"\b(?:received|won|garnered|got|secured|obtained|gathered|drew|mustered|had|winning|drawing|getting|receiving|securing|"
    rf"garnering|picked\s+up|picks\s+up|wins|gets|draws|receives|attracted|attracts)\s+(?:only\s+|just\s+)?(?P<n>{NUM})\s+votes?"
    r"(?!\s+(?:against|no\b))",
    re.I,
)
_SUPPORT_OF = re.compile(
    rf"\b(?:won|got|gained|garnered|drew|received|secured|had|obtained|mustered|winning|getting|attracting|attracted)\s+(?:the\s+)?"
    rf"(?:support|backing|votes?|approval)\s+of\s+(?:only\s+|just\s+|all\s+)?(?:its\s+|their\s+)?(?P<n>{NUM})\b(?!\s*(?:%|per|other\b))|"
    rf"\b(?:backed|supported|endorsed|approved)\s+by\s+(?:only\s+|just\s+)?(?P<n2>{NUM})\s+(?:of\s+the\s+(?:Council['’]s\s+)?(?:15|fifteen)\s+)?"
    r"(?:Council\s+)?(?:members|countries|nations|states|delegations)",
    re.I,
)
_DASH_LIST = re.compile(
    rf"(?:(?P<part>{NUM})\s+of\s+(?:the\s+)?(?:Council['’]s\s+)?)?"
    rf"(?P<n>{NUM})(?:\s+(?P<adj>permanent|elected|non-permanent|other|western|african|european|arab))?"
    rf"(?:\s+(?:votes?|members|countries|nations|states))?\s*[—–]\s*(?P<list>[^—–]{{3,120}}?)\s*[—–]\s*(?:all\s+|both\s+)?"
    r"(?P<verb>abstained|voted against|voted no|voted in favou?r|voted for|voted yes|against(?!\s+(?:\d|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen))|in favou?r)?",
    re.I,
)
#: "Eight members voted against it: the United States, Britain, ...": the list after a colon or a dash
_COLON_LIST = re.compile(
    rf"\b{NUM}\s+(?:other\s+)?(?:members|countries|nations|states|delegations)\s+(?P<verb>abstained|voted\s+against|voted\s+no|"
    rf"voted\s+in\s+favou?r|voted\s+for|voted\s+yes|backed|supported|opposed)(?:\s+(?:it|the\s+(?:[\w-]+\s+){{0,2}}?(?:draft|text|"
    rf"resolution|proposal)))?\s*(?::|[—–]|\s-)\s*{_LIST}",
    re.I,
)
#: "The abstaining group included the US, Britain and France, together with Belgium and Germany"
_GROUP_WAS = re.compile(
    rf"\b(?P<verb>abstaining|abstainers|those\s+abstaining|those\s+voting\s+(?:against|in\s+favou?r|for|no|yes))\s*"
    rf"(?:group|members|countries|states|side|camp|delegations)?\s+(?:included|were|comprised|was\s+made\s+up\s+of)\s+{_LIST}"
    rf"(?:\s*,?\s*(?:together|along)\s+with\s+{_LIST2})?",
    re.I,
)
#: "It was supported by just two members, Russia and China": the members named after the count
_BY_N_NAMED = re.compile(
    rf"\b(?P<verb>supported|backed|opposed)\s+by\s+(?:only\s+|just\s+)?{NUM}\s+(?:other\s+)?(?:members|countries|states|"
    rf"nations|delegations)\s*[,:—–]\s*{_LIST}",
    re.I,
)
#: "Bolivia and China voted with Russia for the draft": both lists voted the same way
_VOTED_WITH = re.compile(
    rf"{_LIST}\s+(?:also\s+)?voted\s+(?:alongside|with)\s+{_LIST2}\s+(?P<verb>for|in\s+favou?r\s+of|in\s+favou?r|against)\b",
    re.I,
)
_INCLUDING = re.compile(
    rf"(?P<n>{NUM})(?:\s+(?:other|Council))?\s+(?:members|countries|nations|states|delegations)\s*,\s*(?P<incl>(?:including|among them)\s+)?"
    rf"(?P<list>[^,;.]*(?:,\s*[^,;.]*){{0,6}}?)\s*,\s*(?P<verb>abstained|voted against|voted no|voted in favou?r|voted for|"
    r"voted yes|backed|supported|opposed)\b",
    re.I,
)
_BY_VOTES = re.compile(
    rf"\b(?:passed|adopted|adopting|approved|approving|carried|was adopted|was approved|sailed through|went through)"
    rf"(?:\s+(?:it|the\s+\w+|resolution\s+\d+))?"
    rf"\s+(?:by|with)\s+(?P<n>{NUM})\s+votes?\b(?!\s+to\b)|"
    rf"\b(?:renewed|extended|authori[sz]ed|established|imposed)\b[^.;]{{0,80}}?\s+with\s+(?P<n2>{NUM})\s+votes?\b(?!\s+to\b)",
    re.I,
)
_NO_VOTES = re.compile(rf"(?<![\w/.-])(?P<n>{NUM})\s+(?:no|negative)\s+votes\b", re.I)
_BARE_LIST = re.compile(
    rf"(?:,\s*|\bwith\s+(?:only\s+)?)(?P<list>{_ITEM}(?:{_SEP}{_ITEM})+)\s+(?P<verb>voting against|voting in favou?r|voting for|"
    r"against|in favou?r|abstaining)\b(?!\s+(?:the|a|an|its|their|his|her)\b)",
    re.I,
)
_TAIL_LIST = re.compile(
    rf"(?P<n>{NUM})\s+(?P<what>(?:(?:other\s+)?(?:members|countries|nations)\s+)?(?:abstained|voted against|voted in favou?r)|"
    rf"abstentions?|members|votes?|countries|nations)\s*[—–:]"
    rf"\s*(?P<list>(?:the\s+)?⟨[A-Z]{{3}}⟩"
    r"(?:\s*(?:,|and)\s*(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?members\s*[—–:,]\s*)?⟨[A-Z]{3}⟩)*)\s*[.;]?\s*$",
    re.I,
)
_AMONG = re.compile(
    r"(?P<verb>abstained|voted against|voted no|voted in favou?r|voted for|backed it|supported it)\s*,?\s*(?:among them|including)\s+"
    r"(?P<list>(?:the\s+)?⟨[A-Z]{3}⟩(?:\s*(?:,|and)\s*(?:the\s+)?⟨[A-Z]{3}⟩)*)",
    re.I,
)
_GOT_BEFORE = re.compile(
    r"\b(?:got|won|received|drew|garnered|secured|gained|mustered)\s+(?:the\s+)?(?:(?:support|backing|votes?|approval)\s+of\s+)?"
    r"(?:only\s+|just\s+)?$",
    re.I,
)
_VOTES_FROM = re.compile(
    rf"\b(?:got|won|received|drew|garnered|secured|gained|mustered|had|winning|drawing|getting|receiving|picked\s+up|picks\s+up|"
    rf"wins|gets|draws|receives)\s+(?:only\s+|just\s+)?(?:{NUM}\s+(?:yes\s+)?|(?:yes|affirmative|favou?rable)\s+)votes?(?:\s+in\s+favou?r)?\s*[,—–]?\s*(?:from|by|cast by)\s+{_LIST}",
    re.I,
)
_APPOSED = re.compile(
    rf"(?P<n>{NUM})\s+(?:other\s+)?(?:members|countries|states|nations|delegations)\s*,\s*{_LIST}\s+(?:among\s+them|included|"
    r"including)\s*,\s*(?P<verb>supported|backed|voted\s+(?:in\s+favou?r|for|yes|against|no)|abstained|opposed)",
    re.I,
)
#: "picked up five votes, Guyana joining Russia, China and Algeria": those named gave the votes
_VOTES_JOINING = re.compile(
    rf"\b(?:votes?|support|backing)\s*(?:in\s+favou?r\s*)?,\s+{_LIST}\s+joining\s+{_LIST2}(?!\s+in\s+(?:abstain|oppos|voting\s+(?:against|no)))",
    re.I,
)
_JOINING = re.compile(
    rf"\bwith\s+(?:only\s+)?{_LIST}\s+joining\s+{_LIST2}\s+(?:in\s+)?(?P<verb>favou?r|voting\s+(?:for|in\s+favou?r|against|no)|"
    r"abstaining|opposing)",
    re.I,
)
_CAME_FROM = re.compile(
    rf"\b(?P<verb>votes?\s+in\s+favou?r|yes\s+votes?|votes?\s+against|no\s+votes?|negative\s+votes?|abstentions?|support)"
    rf"(?:\s+(?:of|for)\s+the\s+(?:[\w-]+\s+){{0,3}}?(?:draft|text|resolution|proposal))?\s+came\s+from\s+(?:the\s+[^—–:⟨]{{0,60}}?[—–:,]\s*)?{_LIST}\s*[—–,]?(?:\s*(?:along with|as well as|and|plus)\s+{_LIST2})?",
    re.I,
)
_AGAINST_FROM = re.compile(rf"\bagainst\s+(?P<n>{NUM})\s*[,—–]?\s*(?:from|by|cast by)\s+{_LIST}", re.I)
_AS_DID = re.compile(rf"[^.;⟨]{{0,50}}?,?\s+(?:as did|and so did|as were)\s+{_LIST}")
_AMONG_THOSE = re.compile(
    rf"{_LIST}\s+(?:were|was)\s+(?:also\s+)?among\s+(?:those|the\s+(?P<n>{NUM}\s+)?(?:other\s+)?(?:members|countries|states|"
    r"nations|delegations))\s+(?:who\s+|that\s+|which\s+)?(?P<verb>voting in favou?r|voting for|voting yes|voting against|voting no|abstaining|"
    r"voted in favou?r|voted for|voted yes|voted against|voted no|abstained|backing|supporting|opposing)",
    re.I,
)
_ABST_ZERO = re.compile(r"\bno abstentions\b|\bnone abstain", re.I)
_NO_ZERO = re.compile(
    r"\bno (?:votes )?against\b|\bno negative votes\b|\bno (?:one|country|member|state|nation|delegation) voted against\b|"
    r"\bnobody voted against\b|\bnone against\b|\bnone (?:of them |of the members )?voted against\b",
    re.I,
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
    r"\b(?:needs?|needed|requires?|required|requiring|minimum|at least|threshold|short of)[^\w,;]*(?:\w+[^\w,;]+){0,2}$",
    re.I,
)
_RES = re.compile(r"\b[Rr]esolution\s+(?:No\.?\s*)?(\d{1,4})(?!\d)(?![-–—]\d|\s+to\s+\d)(?:\s*\((\d{4})\))?")
_NUMBERED = re.compile(
    r"\b(?:resolution|text|measure)\s*,?\s+(?:(?:numbered|designated)\s+(\d{3,4})\b|(\d{3,4}),)", re.I
)
_DRAFT = re.compile(r"\bS/(\d{4}/\d{1,4}|\d{3,5})(?:/Rev\.\s?\d)?\b")
_OTHER_BODY = re.compile(r"General Assembly|\b\d+-(?:nation|member)\s+Assembly\b|\bthe\s+Assembly\b|Human Rights Council|European Parliament|Senate|House of Representatives|"
                         r"Knesset|Duma|parliament|Congress", re.I)  # fmt: skip


@dataclass
class Claim:
    """One claim the text makes: ``field`` (and ``member`` for ``vote``/``veto``/``sponsor``), the value claimed,
    the sentence it comes from, and the ``event`` (vote) the sentence is about: 0 is the article's main vote."""

    field: str
    claimed: Any
    text: str
    member: str | None = None
    note: str | None = None
    event: int = 0

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
        if self.event:
            d["event"] = self.event
        return d


@dataclass
class Event:
    """A vote the text speaks about. ``kind``: ``main`` (the article's vote), ``amendment``, ``rival`` (a
    competing draft), ``same_day`` (another vote of the same meeting), ``earlier`` (a vote before the main
    one). ``dates`` are (date, how, phrase) with how in text / relative / dateline; ``window`` bounds an
    earlier vote ("in February", "last week")."""

    id: int
    kind: str
    text: str
    dates: list[tuple[dt.date, str, str]] = field(default_factory=list)
    window: tuple[dt.date, dt.date] | None = None
    back: int | None = None  # "three days after": this many days before the main vote
    ordinal: int | None = None  # "The second, which ...": the second of a series of amendments or drafts
    window_kind: str = ""  # a series' kind before it became one ("amendment")
    after: tuple[int, int, int] | None = None  # "Days later": (event, min days, max days) after that event's vote


@dataclass
class Extraction:
    """What :func:`extract_claims` found: the claims, the votes they are about (``events``), the vote date
    (claimed or inferred), the article, and the sentences left out with the reason."""

    claims: list[Claim]
    article: Article
    article_date: dt.date | None = None
    vote_date: dt.date | None = None
    date_source: str | None = None
    vote_sentences: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    left_out: list[dict[str, str]] = field(default_factory=list)
    no_vote_reason: str | None = None
    #: the text reports no Council vote of its own (its lead is a postponed or General Assembly vote); the
    #: Council votes it recalls are events of their own
    no_main_vote: bool = False

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
    extra = {"the Soviets": "SUN", "the Kremlin": "RUS", "Britain": "GBR", "Russia": "RUS", "U.S": "USA",
             "Obama administration": "USA", "Trump administration": "USA", "Biden administration": "USA",
             "Bush administration": "USA", "White House": "USA"}  # fmt: skip
    for n, c in extra.items():
        out.setdefault(n, c)
    return sorted(out.items(), key=lambda x: -len(x[0]))


_MENTIONS = _mention_patterns()
_MENTION_RE = re.compile(
    r"(?<![\w⟨-])("
    + "|".join(re.escape(n) for n, _ in _MENTIONS)
    + r")(?![\w⟩]|-(?!backed|drafted|sponsored|led|authored|penned|proposed|written|crafted|[A-Z])\w)"
)
_MENTION_CODE = dict(_MENTIONS)
_COMPOUND_RE = re.compile(r"(⟩[-‑])(" + "|".join(re.escape(n) for n, _ in _MENTIONS) + r")(?![\w⟩])")
_NOT_STATES = re.compile(
    r"\b(?:Georgia|Jordan|Chad)\s+[A-Z][a-z]+|Washington Post|New York|Latin American|Indian Ocean"
)


def _normalise(text: str) -> str:
    text = text.replace("U.S.S.R.", "USSR").replace("U.S.A.", "USA").replace("U.S.", "US").replace("U.K.", "UK")
    text = text.replace(" - ", " — ").replace(" -- ", " — ")  # a spaced hyphen (or a double one) is a dash
    text = text.replace("U.N.", "UN").replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"[ \t]+", " ", text)


def member_mentions(sentence: str) -> str:
    """The sentence with each state it names replaced by ``⟨CODE⟩``.

    >>> member_mentions("Russia and the Chinese delegation vetoed the US-backed draft; Britain abstained.")
    '⟨RUS⟩ and the ⟨CHN⟩ delegation vetoed the ⟨USA⟩-backed draft; ⟨GBR⟩ abstained.'
    """
    # names that are no state ("Latin American", "New York") are set aside whole, then put back
    kept: list[str] = []

    def keep(m: re.Match[str]) -> str:
        kept.append(m[0])
        return f"\x00{len(kept) - 1}\x00"

    protected = _NOT_STATES.sub(keep, sentence)
    out = _MENTION_RE.sub(lambda m: f"⟨{_MENTION_CODE[m[1]]}⟩", protected)
    # the second name of a compound ("a Russian-Chinese draft")
    out = _COMPOUND_RE.sub(lambda m: f"{m[1]}⟨{_MENTION_CODE[m[2]]}⟩", out)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m[1])], out)


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
    if re.match(r"did not|was absent|were absent|boycotted|(?:chose|decided|opted) not|sat |sits |sit |stayed out", v):
        return "did not vote"
    if re.match(
        r"abstain|chose to abstain|decided to abstain|opted to abstain|(?:cast|registered) (?:an? )?abstention", v
    ):
        return "abstain"
    if re.match(
        r"veto|blocked|blocking|shot|torpedoed|killed|(?:cast|used|wielded|exercised|employed|deployed|invoked)\b.*veto",
        v,
    ):
        return "veto"
    if re.match(r"vote[ds]? (?:in favou?r|for|yes)|voting (?:in favou?r|for|yes)|supported|supporting|backed", v):
        return "yes"
    if re.match(r"voted (?:against|no|down)|votes? against|voting (?:against|no)|opposed|opposing|cast", v):
        return "no"
    return None


def _only_names(lst: str) -> bool:
    """Whether a normalised list holds member names and nothing else ("⟨RUS⟩, ⟨CHN⟩ and ⟨DZA⟩")."""
    return bool(_codes(lst)) and not re.sub(r"⟨[A-Z]{3}⟩|,|\band\b|\bthe\b|\s", "", lst)


_ENVOY = r"(?:representatives?|delegates?|delegations?|ambassadors?|envoys?|spokes(?:man|woman|person))"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"


def _speaker_is_state(norm: str) -> str:
    """A delegate's vote is the state's: "the representative of ⟨YUG⟩", "the ⟨SUN⟩ delegate in the Council,
    A. A. Name," and "⟨GBR⟩'s envoy" all become the state's code, so that what follows reads as its vote.

    >>> _speaker_is_state("The ⟨SUN⟩ representative in the Security Council, A. B. Name, voted against.")
    '⟨SUN⟩ voted against.'
    >>> _speaker_is_state("The representative of ⟨YUG⟩ did not take part in the vote.")
    '⟨YUG⟩ did not take part in the vote.'
    >>> _speaker_is_state("Members including ⟨FRA⟩, the ⟨SUN⟩ and ⟨CHN⟩, voted in favour.")  # a list item, no aside
    'Members including ⟨FRA⟩, the ⟨SUN⟩ and ⟨CHN⟩, voted in favour.'
    """
    norm = re.sub(rf"\b(?:the\s+)?{_ENVOY}\s+(?:of|for)\s+(?:the\s+)?(⟨[A-Z]{{3}}⟩)", r"\1", norm, flags=re.I)
    # "⟨PAN⟩, the only member from the region, voted against": an aside between a state and its vote
    norm = re.sub(
        r"(⟨[A-Z]{3}⟩)\s*,\s+(?!(?:and|or|as|while|but)\b)[^,;⟨]{3,80},\s+(?=(?:voted|abstained|chose|cast|did|refused|declined)\b)",
        r"\1 ",
        norm,
    )
    # "⟨CHN⟩ and ⟨RUS⟩, both with close ties to ⟨SDN⟩, abstained": an aside that opens like one may name a state
    norm = re.sub(
        r"(⟨[A-Z]{3}⟩(?:(?:\s*,\s*|\s+and\s+)⟨[A-Z]{3}⟩)*)\s*,\s+(?!the\s+⟨)((?:both|all|each|the|a|an|its|their|long|once)\s[^,;]{3,80}),\s+"
        r"(?=(?:voted|abstained|chose|cast|did|refused|declined)\b)",
        r"\1 ",
        norm,
    )
    # "⟨SUN⟩ voted against and thereby blocked the draft": a negative vote that blocks is a veto
    norm = re.sub(
        r"(⟨[A-Z]{3}⟩)\s+voted\s+(?:against|no)(?:\s+it)?\s*,?\s+and\s+(?:thereby\s+|so\s+|thus\s+|in\s+effect\s+)?"
        r"(blocked|vetoed|killed)\b",
        r"\1 voted against, and \1 \2",
        norm,
    )
    # "and one, the ⟨SUN⟩, voted against": the count's appositive is who voted so
    # "three permanent members, the ⟨USA⟩, ⟨GBR⟩ and ⟨FRA⟩, voted down the draft": so is a counted group's
    norm = re.sub(
        rf"\b{NUM}\s+(?:[\w-]+\s+){{0,3}}?(?:members|powers|countries|states|nations|delegations)\s*,\s+(?:namely\s+)?"
        rf"(?P<who>(?:the\s+)?⟨[A-Z]{{3}}⟩(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?⟨[A-Z]{{3}}⟩)*)\s*,\s+"
        r"(?=(?:voted|abstained|cast|vetoed|blocked|backed|supported|opposed|sat|did)\b)",
        r"\g<who> ",
        norm,
    )
    norm = re.sub(
        rf"\b{NUM}\s*,\s+(?:namely\s+)?(?P<who>(?:the\s+)?⟨[^,;]{{1,80}}?),\s+(?=(?:voted|abstained|cast|did)\b)",
        r"\g<who> ",
        norm,
    )
    return re.sub(
        rf"\b(?:the\s+)?(⟨[A-Z]{{3}}⟩)(?:['’]s?)?\s+{_ENVOY}(?:\s+(?:in|at|to)\s+the\s+(?:Security\s+)?Council)?"
        rf"(?:\s*,\s*{_NAME}\s*,)?",
        r"\1",
        norm,
        flags=re.I,
    )


def _sentence_votes(norm: str) -> list[tuple[str, str]]:
    """(member, vote) pairs a normalised sentence states; vote is yes/no/abstain/veto.

    Each pattern of :data:`_VOTE_READERS` is tried in order; a later pattern may skip text an earlier one read.
    """
    norm = _speaker_is_state(norm)
    norm = re.sub(rf",?\s+{_WHEN}\b,?", "", norm)  # "vetoed on Monday by" -> "vetoed by"
    # "⟨BEL⟩, which voted in favour, said ...": the clause states the state's vote (not "which had voted", another)
    norm = re.sub(
        r"(⟨[A-Z]{3}⟩)\s*,?\s+(?:which|who)\s+((?:also\s+)?(?:voted|abstained)\b[^,.;—–]*"
        r"(?:,\s*(?:and\s+)?(?:the\s+)?⟨[A-Z]{3}⟩[^,.;—–]*)*),",
        r"\1 \2;",
        norm,
    )
    whole = norm  # the category reader sees relative clauses: "the text, which was drafted by ⟨X⟩, ⟨Y⟩ ..."
    norm = re.sub(r",\s+(?:which|who|whose)\b[^,.;—–]*,", "", norm)  # "Algeria, which had proposed ..., chose not to"
    found = _VotesFound(norm)
    for pattern, read in _VOTE_READERS:
        for m in pattern.finditer(norm):
            got = read(m, found)
            if got is not None:
                found.add(got[0], got[1], m.span())
    return list(dict.fromkeys(found.got + category_votes(whole, {c for c, _ in found.got})))


#: Vote words by the category they say, whatever the construction around them. A cue preceded by a negation
#: ("none against", "declined to support") says nothing; "against" is a vote only after a vote verb or a count
#: ("voted against", "Seven against"), never as a preposition ("force against Iraq").
_CATEGORY_CUES = (
    ("abstain", r"\babstain\w*|\babstentions?\b"),
    ("did not vote", r"\bdid not (?:vote|take part|participate)\b|\bnot participating\b|\bwas absent\b"),
    ("no", rf"\b(?:vot\w*|were|was|cast\w*|{NUM}|one|others?|members?)\s+(?:\w+\s+)?against\b|\bvot\w* no\b|"
           r"\bno votes?\b|\bopposed\b|\blone no\b|\bnegative votes?\b"),
    ("yes", r"\bin favou?r\b|\bvot\w* (?:for|yes)\b|\byes votes?\b|(?<![-‑])\bbacked\b|\bsupported\b|"
            r"\bwith the majority\b|\b(?:drew|won|got|received|gathered|garnered|attracted) (?:\w+ ){0,2}votes? (?:only )?from\b"),
)  # fmt: skip
_CUE_NEGATED = re.compile(r"(?:\bno|\bnone|\bnot|\bnobody|\bno one|\bnever|\bneither|\bnor|declined to|refused to|"
                          r"failed to|without|n't)\s+(?:\w+\s+){0,2}$", re.I)  # fmt: skip
#: a list of states after these words is what the text is about, its author or a place, not who voted
_NOT_VOTER_BEFORE = re.compile(
    r"\b(?:on|in|of|over|at|to|for|toward|towards|than|into|about|across|between|inside|within|near|against|"
    r"condemning|criticising|criticizing|urging|naming|demanding|calling|by|led by|ties with|close to|from|with)"
    r"\s+(?:the\s+)?$",
    re.I,
)
#: ... except the voters a vote noun or a vote verb introduces ("votes from", "joined by", "abstentions, from")
_VOTER_BEFORE = re.compile(
    r"(?:\bvotes?|\babstentions?|\byes|\bno|\bones?|\bjoined|\balong|\btogether|\bsupported|\bbacked|\bopposed)"
    r"(?:\s+only)?\s*,?\s+(?:by|from|with)\s+(?:the\s+)?$",
    re.I,
)
#: what may follow a list of voters: a verb of voting, an adverb, a coordinator, punctuation
_AFTER_VOTERS = re.compile(
    r"\s*(?:$|[,.;:—–)]|(?:and|or|also|too|again|alone|both|all|each|then|instead|themselves|itself|voted|votes?|"
    r"voting|abstain\w*|backed|supported|joined|did|does|chose|decided|opted|was|were|is|are|had|has|have|cast|"
    r"opposed|sat|sits|only|in|as|declined|refused|would|stayed)\b)"
)
_STATE_RUN = re.compile(
    r"(?:the\s+)?⟨[A-Z]{3}⟩(?:['’]s?)?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)(?:the\s+)?⟨[A-Z]{3}⟩(?:['’]s?)?)*"
)
_COUNT_SUBJECT = re.compile(
    rf"\b{NUM}\s+(?:other\s+)?(?:members|countries|states|nations|others|delegations)\s+$", re.I
)
_CAT_CLAUSE = re.compile(r";|,\s+(?:but|while|whereas|although|though)\s+|\.\s+|\s+but\s+(?!also\b)")
_SPEECH = re.compile(r"\b(?:said|says|told|added|argued|insisted|warned|explained|complained|accused|called|urged)\b|"
                     r"[\"“”]|\bveto|\bblock")  # fmt: skip


def _voter_runs(clause: str, cue_at: int, after_only: bool) -> list[str]:
    """The states of a clause that may be its voters: coordinated runs that are no object of a preposition, no
    author ("drafted by ⟨X⟩ and ⟨Y⟩"), no possessive and no adjective ("the ⟨USA⟩ draft", "⟨GBR⟩ MPs")."""
    out: list[str] = []
    for m in _STATE_RUN.finditer(clause):
        before, after = clause[: m.start()], clause[m.end() :]
        if after_only and m.start() < cue_at:
            continue
        if re.search(r"⟩['’]", m[0]) or re.match(r"[-‑]", after) or not _AFTER_VOTERS.match(after):
            continue
        # "with ⟨GBR⟩ abstaining" names voters; "in tandem with ⟨CHN⟩" does not
        with_ing = re.search(r"\bwith\s+(?:the\s+)?$", before) and re.match(r"\s+(?:\w+\s+)?\w+ing\b", after)
        if _NOT_VOTER_BEFORE.search(before) and not _VOTER_BEFORE.search(before) and not with_ing:
            continue
        out += _codes(m[0])
    return out


def category_votes(norm: str, known: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(member, vote) pairs a clause states with one vote category and the states it names, whatever the
    construction: a dictionary of vote words (:data:`_CATEGORY_CUES`) and the coordinated states of the clause.

    It reads what the construction readers before it did not: a clause is read only when it holds exactly one
    category (after negated cues are dropped), names no state already read, is no reported speech or quotation
    and speaks of no veto; the states counted are those :func:`_voter_runs` keeps. A count that is the subject of
    the cue ("as twelve members vote no") is who voted so, not the states named before it.

    >>> category_votes("⟨SWE⟩, ⟨ITA⟩ and ⟨KAZ⟩, they all backed it in the end.")
    [('SWE', 'yes'), ('ITA', 'yes'), ('KAZ', 'yes')]
    >>> category_votes("Six against, among them ⟨BEL⟩ and ⟨EST⟩; nobody abstained.")
    [('BEL', 'no'), ('EST', 'no')]
    >>> category_votes("⟨QAT⟩ declined to support the text on ⟨LBN⟩, abstaining in the vote.")
    [('QAT', 'abstain')]
    >>> category_votes("Ten members voted for the text drafted by ⟨FRA⟩ and the ⟨NOR⟩.")  # authors, not voters
    []
    >>> category_votes("Only ⟨CHN⟩ joins ⟨RUS⟩ as twelve members vote no.")  # the count voted no
    []
    >>> category_votes("⟨FRA⟩'s envoy said ⟨FRA⟩ voted in favour.")  # reported speech: not read here
    []
    >>> category_votes("⟨USA⟩ voted in favour and ⟨RUS⟩ abstained.")  # two categories: not read here
    []
    """
    out: list[tuple[str, str]] = []
    for clause in _CAT_CLAUSE.split(norm):
        codes = _codes(clause)
        if not codes or set(codes) & set(known) or _SPEECH.search(clause):
            continue
        cues = [
            (cat, m)
            for cat, pat in _CATEGORY_CUES
            for m in re.finditer(pat, clause, re.I)
            if not _CUE_NEGATED.search(clause[: m.start()])
        ]
        if len({cat for cat, _ in cues}) != 1:
            continue
        cat, first = cues[0]
        counted = bool(_COUNT_SUBJECT.search(clause[: first.start()]))
        out += [(c, cat) for c in _voter_runs(clause, first.end(), counted)]
    return out


@dataclass
class _VotesFound:
    """The (member, vote) pairs read from one sentence so far, and the spans of text they were read from."""

    norm: str
    got: list[tuple[str, str]] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    def add(self, codes: list[str], vote: str | None, span: tuple[int, int]) -> None:
        if vote is None:
            return
        self.spans.append(span)
        # "China abstained this time, as did Ethiopia and Kazakhstan": the same vote for the second list
        more = _AS_DID.match(self.norm, span[1])
        if more:
            codes = codes + _codes(more["list"])
            self.spans.append(more.span())
        self.got += [(c, vote) for c in codes]

    def covers(self, start: int, end: int | None = None) -> bool:
        return any(s <= start < e or (end is not None and s < end <= e) for s, e in self.spans)

    def before(self, m: re.Match[str], width: int = 40) -> str:
        return self.norm[max(0, m.start() - width) : m.start()].lower()


_Votes = tuple[list[str], str | None] | None


def _read_paren(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    return _codes(m["list"]), "yes" if ("favo" in v or "yes" in v) else "abstain" if v.startswith("abst") else "no"


def _read_group(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    vote = "abstain" if "abst" in v else "no" if ("against" in v or v.endswith("no")) else "yes"
    return _codes(m["list"]) + _codes(m["list2"] or ""), vote


def _read_colon_list(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    vote = "abstain" if "abst" in v else "no" if ("against" in v or v.endswith("no") or "opp" in v) else "yes"
    return _codes(m["list"]), vote


def _read_dash_list(m: re.Match[str], f: _VotesFound) -> _Votes:
    codes = _codes(m["list"])
    if not codes or re.sub(r"⟨[A-Z]{3}⟩|,|\band\b|\bthe\b|\s", "", m["list"]):
        return None
    v = (m["verb"] or "").lower()
    if "abst" in v:
        return codes, "abstain"
    if "against" in v or v.endswith("no"):
        return codes, "no"
    if "favo" in v or " for" in v or v.endswith("yes") or _GOT_BEFORE.search(f.before(m)):
        return codes, "yes"
    return None


def _read_object(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    if v.startswith(("vetoed", "blocked", "veto")):
        return _codes(m["list"]), "veto"
    if v.startswith("abstention"):
        return _codes(m["list"]), "abstain"
    return _codes(m["list"]), "yes" if v.startswith(("supported", "backed")) else "no"


def _read_with(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    vote = (
        "abstain" if v.startswith("abst") else "veto" if "veto" in v else "yes" if ("favo" in v or "yes" in v) else "no"
    )
    return _codes(m["list"]), vote


def _read_including(m: re.Match[str], f: _VotesFound) -> _Votes:
    if not m["incl"] and not _only_names(m["list"]):
        return None
    # "including North Korea's neighbours China and Russia": a possessive names no voter
    codes = [c for c in _codes(m["list"]) if not re.search(rf"⟨{c}⟩['’]s?\b", m["list"])]
    v = m["verb"].lower()
    return codes, "abstain" if "abst" in v else "no" if ("against" in v or v.endswith("no") or "oppos" in v) else "yes"


def _read_bare_list(m: re.Match[str], f: _VotesFound) -> _Votes:
    if f.covers(m.start("list")):
        return None
    v = m["verb"].lower()
    return _codes(m["list"]), "abstain" if v.startswith("abst") else "no" if "against" in v else "yes"


def _read_tail_list(m: re.Match[str], f: _VotesFound) -> _Votes:
    w = m["what"].lower()
    if "abst" in w:
        return _codes(m["list"]), "abstain"
    if w.endswith("voted against"):
        return _codes(m["list"]), "no"
    if re.search(r"support of|backing of|\b(?:won|got|received|drew|garnered)\b", f.before(m)) or w.startswith("vote"):
        return _codes(m["list"]), "yes"
    return None


def _read_among(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    return _codes(m["list"]), "abstain" if "abst" in v else "no" if ("against" in v or v.endswith(" no")) else "yes"


def _read_joining(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    vote = "abstain" if v.startswith("abst") else "no" if ("against" in v or v.endswith(" no")) else "yes"
    return _codes(m["list"]) + _codes(m["list2"]), vote


def _read_came_from(m: re.Match[str], f: _VotesFound) -> _Votes:
    """ "the seven votes in favour came from A, B and C - along with D": both lists."""
    v = m["verb"].lower()
    vote = "abstain" if v.startswith("abst") else "no" if ("against" in v or v.startswith("no")) else "yes"
    return _codes(m["list"]) + _codes(m["list2"] or ""), vote


def _read_opposed(m: re.Match[str], f: _VotesFound) -> _Votes:
    """Appositions and "among those ...": abstain, no (against, opposed) or yes."""
    v = m["verb"].lower()
    no = "against" in v or "oppos" in v or (v.endswith(" no") and m.re is _AMONG_THOSE)
    return _codes(m["list"]), "abstain" if v.startswith("abst") else "no" if no else "yes"


def _read_joined(m: re.Match[str], f: _VotesFound) -> _Votes:
    """ "⟨A⟩ joined ⟨B⟩ in abstaining" (the subject's vote) and "⟨A⟩ were joined in opposing it by ⟨C⟩" (both lists)."""
    v = m["verb"].lower()
    vote = (
        "abstain"
        if v.startswith("abst")
        else "did not vote"
        if v.startswith(("sitting", "staying"))
        else "veto"
        if v.startswith(("vetoing", "blocking", "casting"))
        else "no"
        if ("against" in v or " no" in v or "oppos" in v or "down" in v)
        else "yes"
    )
    return _codes(m["subj"]) + (_codes(m["list"]) if "list" in m.re.groupindex else []), vote


def _read_only(m: re.Match[str], f: _VotesFound) -> _Votes:
    v = m["verb"].lower()
    return [m[1]], "abstain" if v.startswith("abst") else "veto" if v == "veto" else "yes" if "favo" in v else "no"


def _read_possessive_veto(m: re.Match[str], f: _VotesFound) -> _Votes:
    if f.covers(m.start()):
        return None
    return ([m["adj"]] if m["adj"] else _codes(m["list"])), "veto"


def _read_subject_verb(m: re.Match[str], f: _VotesFound) -> _Votes:
    if m["neg"] or f.covers(m.start(), m.end()):
        return None
    if re.search(
        r"\b(?:sided with|along with|together with|by|from|to|of|than|joined|alongside)\s+(?:the\s+)?$",
        f.norm[: m.start()],
    ):
        return None  # "Algeria sided with Russia and China, and Guyana sat it out": the list is an object
    said = _vote_of(m["verb"])
    if said == "yes" and m["verb"].lower() == "backed" and not m["after"]:
        return None
    # "Russia, which has veto power, ..." or a sponsor adjective: skip lists glued to "-backed" etc.
    return _codes(m["list"]) + (_codes(m["list2"]) if m["list2"] else []), said


_OWN_VOTE = re.compile(r"\bvotes?\s*[—–:,]\s*⟨([A-Z]{3})⟩['’]s?\s+own\b")  # "won a single vote - Russia's own"

#: The vote patterns of a sentence, in the order they are read, each with what it says.
_VOTE_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], _VotesFound], _Votes]], ...] = (
    (_PAREN, _read_paren),
    (_DASH_LIST, _read_dash_list),
    (_COLON_LIST, _read_colon_list),
    (_GROUP_WAS, _read_group),
    (_BY_N_NAMED, lambda m, f: (_codes(m["list"]), "no" if m["verb"].lower() == "opposed" else "yes")),
    (
        _VOTED_WITH,
        lambda m, f: (_codes(m["list"]) + _codes(m["list2"]), "no" if m["verb"].lower() == "against" else "yes"),
    ),
    (_OBJ, _read_object),
    (_WITH, _read_with),
    (_INCLUDING, _read_including),
    (_BARE_LIST, _read_bare_list),
    (_TAIL_LIST, _read_tail_list),
    (_AMONG, _read_among),
    (_VOTES_FROM, lambda m, f: (_codes(m["list"]), "yes")),
    (_VOTES_JOINING, lambda m, f: (_codes(m["list"]) + _codes(m["list2"]), "yes")),
    (_OWN_VOTE, lambda m, f: ([m[1]], "yes")),
    (_AGAINST_FROM, lambda m, f: (_codes(m["list"]), "no")),
    (_JOINING, _read_joining),
    (_CAME_FROM, _read_came_from),
    (_APPOSED, _read_opposed),
    (_AMONG_THOSE, _read_opposed),
    (_JOINED, _read_joined),
    (_JOINED_BY_IN, _read_joined),
    (_ONLY, _read_only),
    (_POSS_VETO, _read_possessive_veto),
    (_SUBJ_VERB, _read_subject_verb),
)


def _count_text(sentence: str) -> str:
    """The sentence as the counts are read from it: a count's appositive list dropped, a dash-set list skipped,
    a tally in words written in digits.

    >>> _count_text("It passed by eleven votes to one, and two, France and Chad, abstained.")
    'It passed by 11 votes to 1, and two abstained.'
    >>> _count_text("It was adopted without a single vote against.")
    'It was adopted with none against.'
    """
    # "and one, the Soviet Union, voted against": a count with its members in apposition counts as "one voted against"
    sentence = re.sub(
        rf"\b({NUM})\s*,\s+(?:namely\s+)?(?:the\s+)?[A-Z][^,;]{{1,60}},\s+(?=(?:voted|abstained|cast|did)\b)",
        r"\1 ",
        sentence,
    )
    # "twelve members — the US, Britain, ... — voted against": the count reads past what the dashes set off
    # (the whole count, not "the five permanent members — ... —", a group within it)
    sentence = re.sub(
        r"(?<!permanent )(?<!elected )(\b(?:members|countries|nations|states|delegations))\s[—–]\s[^—–]{1,300}?\s[—–]\s",
        r"\1 ",
        sentence,
    )
    # "without a single vote against", "not one vote against": a negated count is none
    sentence = re.sub(
        r"\b(?:without|not|never)\s+(?:a\s+single|any|one|a)\s+(?:vote|votes|member|country)\s+(against|in favou?r)\b",
        r"with none \1",
        sentence,
        flags=re.I,
    )
    # "by eleven votes to one": a tally in words reads as one in digits
    sentence = re.sub(
        rf"\b(?P<a>{NUM})\s+(?P<v>votes?\s+)?to\s+(?P<b>{NUM}|none|nil|nothing|zero)\b(?=\s*(?:,|\.|;|with|and|$))",
        lambda m: (
            f"{number(m['a']) if number(m['a']) is not None else m['a']} {m['v'] or ''}to "
            f"{0 if m['b'].lower() in ('nothing', 'zero') else number(m['b']) if number(m['b']) is not None else m['b']}"
            # "fifteen to nothing": spelled out to nothing, a tally that reaches the nine votes a decision needs
            + (
                " vote"
                if m["b"].lower() in ("nothing", "zero") and m["a"].isalpha() and (number(m["a"]) or 0) >= 9
                else ""
            )
        ),
        sentence,
        flags=re.I,
    )
    return sentence


#: a defeat's tally given against-for in so many words: "defeated by seven votes to four", "rejected by 9 to 2"
_DEFEATED_BY = re.compile(
    r"\b(?:defeated|rejected|voted\s+down|turned\s+down)\s+by\s+(?:a\s+vote\s+of\s+)?(\d+)\s+(?:votes\s+)?to\s+(\d+)\b",
    re.I,
)


def _counts(sentence: str) -> list[tuple[str, int]]:
    sentence = _count_text(sentence)
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
        if (
            v == "for"
            and not re.search(r"\b(votes?|members?|countries|delegations|nations|states)\b", m["mid"], re.I)
            and not re.match(r"\s*[,;]", sentence[m.end() : m.end() + 2])
        ):
            continue
        kind = "abstain" if "abst" in v else "no" if ("against" in v or "opposed" in v or v.endswith(" no")) else "yes"
        if re.search(r"\b(?:none|not one|no one)\s+of\s+(?:the\s+|its\s+)?(?:Council['’]s\s+)?$",
                     sentence[: m.start("n")], re.I):  # fmt: skip
            n = 0  # "None of the 15 members voted against it": no vote against
        out.append((kind, n))
        used.append(m.span())
    for m in _SUPPORT_OF.finditer(sentence):
        n = number(m["n"] or m["n2"])
        if n is not None and n <= 15 and not any(s <= m.start() < e for s, e in used):
            out.append(("yes", n))
            used.append(m.span())
    for m in _DASH_LIST.finditer(sentence):
        n = number(m["part"] or m["n"])  # "three of the Council's 15 members — ...": three
        if n is None or n > 15 or any(s <= m.start() < e for s, e in used) or m["adj"]:
            continue  # "the five permanent members — ... — all voted yes": a group, not the count
        v = (m["verb"] or "").lower()
        before = sentence[max(0, m.start() - 40) : m.start()].lower()
        if "abst" in v:
            out.append(("abstain", n))
        elif "against" in v or v.endswith("no"):
            out.append(("no", n))
        elif "favo" in v or " for" in v or _GOT_BEFORE.search(before):
            out.append(("yes", n))
        else:
            continue
        used.append(m.span())
    for m in _INCLUDING.finditer(sentence):
        if not m["incl"] and not _only_names(member_mentions(m["list"])):
            continue  # "three members, Russia, China and Algeria, voted for it": an appositive list of names
        n = number(m["n"])
        if n is None or n > 15 or any(s <= m.start() < e for s, e in used):
            continue
        v = m["verb"].lower()
        out.append(
            ("abstain" if "abst" in v else "no" if ("against" in v or v.endswith("no") or "oppos" in v) else "yes", n)
        )
        used.append(m.span())
    for m in _AMONG_THOSE.finditer(member_mentions(sentence)):
        n = number(m["n"].strip()) if m["n"] else None
        if n is not None and n <= 15:  # "among the twelve members that abstained": twelve abstained
            v = m["verb"].lower()
            out.append(("abstain" if v.startswith("abst") else "no" if ("against" in v or v.endswith(" no") or "oppos" in v)
                        else "yes", n))  # fmt: skip
    for m in _APPOSED.finditer(member_mentions(sentence)):
        n = number(m["n"])
        if n is not None and n <= 15:  # "the other 14 members, Britain and France among them, supported it"
            v = m["verb"].lower()
            out.append(("abstain" if v.startswith("abst") else "no" if ("against" in v or "oppos" in v) else "yes", n))
    for m in _AGAINST_FROM.finditer(member_mentions(sentence)):
        n = number(m["n"])
        if n is not None and n <= 15:  # "four votes in favour against two, from the US and Britain"
            out.append(("no", n))
    for m in _BY_VOTES.finditer(sentence):
        n = number(m["n"] or m["n2"])
        at = m.start("n") if m["n"] else m.start("n2")
        if n is not None and n <= 15 and not any(s <= at < e for s, e in used):
            out.append(("yes", n))
            used.append(m.span())
    for m in _NO_VOTES.finditer(sentence):
        n = number(m["n"])
        if n is not None and n <= 15 and not any(s <= m.start() < e for s, e in used):
            out.append(("no", n))
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


#: the subject of "failed" is something other than a text put to the vote: efforts, talks, a truce
_NOT_A_VOTE_FAILED = re.compile(
    r"^(?![^,;.]*\b(?:draft|text|resolution|proposal|measure|amendment|vote|bid|attempt)s?\b)[^,;.]*"
    r"\b(?:efforts?|talks|negotiations|diplomacy|mediation|consultations|ceasefire|truce|peace\s+process)\b[^,;.]{0,50}$",
    re.I,
)


def _outcome(sentence: str, norm: str, past: bool = False) -> str | None:
    """The outcome a sentence reports; an adoption "in 2014" or "previously" counts only in a sentence already
    attributed to an earlier vote (``past``)."""
    veto = _OUT_VETO.search(sentence)
    failed = _OUT_FAILED.search(sentence)
    if failed and _NOT_A_VOTE_FAILED.search(
        re.split(r"[,;.]|\b(?:after|when|because|once|since|until|as|while)\b", sentence[: failed.start()])[-1]
    ):
        failed = None  # "after efforts to soften the language failed": talks failed, not the vote
    adopted = _OUT_ADOPTED.search(sentence)
    if veto and not re.search(
        r"\b(?:did not|didn't|would not|not to|declined to|refrained from|without|instead of|rather than|stopped short of|not|"
        r"never|no)\s+(?:\w+\s+){0,3}?(?:a\s+)?"
        r"(?:veto|block)",
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
    if adopted and (past or not re.search(r"\b(?:previously|earlier|last year|in (?:19|20)\d\d)\b", sentence)):
        return "adopted"
    return None


def _subject(sentence: str) -> str | None:
    voters = {c for c, _ in _sentence_votes(member_mentions(sentence))}

    def keep(m: re.Match[str]) -> str:
        # "Somalia voted in favour" names a voter and "a Kuwaiti draft" a sponsor, not the subject
        after = sentence[m.end() : m.end() + 24]
        before = sentence[max(0, m.start() - 18) : m.start()]
        if (
            _MENTION_CODE[m[1]] in voters
            or re.match(
                r"[-‑](?:backed|drafted|sponsored|led|authored|penned|proposed)|['’]s?\s+(?:own\s+)?(?:draft|resolution|"
                r"text|proposal|bid)|\s+(?:and\s+\w+\s+)?(?:draft|resolution|text|proposal|amendment|counter-draft)\b",
                after,
            )
            or re.search(r"\b(?:by|from)\s+(?:the\s+)?$", before)
        ):
            return ""
        return m[0]

    sentence = _MENTION_RE.sub(keep, sentence)
    low = sentence.lower()
    if re.search(r"\b(?:admission|admit|full (?:un |united nations )?member)", low):
        return "Admission"
    best: tuple[int, str] | None = None
    for kw, (label, _) in TOPICS.items():
        m = re.search(rf"\b(?:{kw})", low)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), label)
    return best[1] if best else None


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# "Assembly deplores invasion": a headline whose subject is the Assembly (its first word, or after "UN")
_GA = re.compile(
    r"General Assembly|\bthe Assembly\b|\bAssembly['’]s\b|^\s*(?:(?:UN|U\.N\.)\s+)?Assembly\s+(?!Hall\b)[a-z]", re.I
)
_COUNCIL_ACT = re.compile(
    r"(?:Security Council|\bCouncil\b)[^.;]{0,40}?\b(?:vot|adopt|pass|reject|veto|approv|authori[sz]|renew|extend|demand|"
    r"endors|decid|decision)|\b(?:vetoed|voted|adopted|rejected|blocked)\b[^.;]{0,40}?(?:Security Council|\bCouncil\b)",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|would|could|may|might|shall|is\s+(?:expected|set|due|scheduled|likely|poised)\s+to|"
    r"are\s+(?:expected|set|due|scheduled|likely)\s+to|plans?\s+to|intends?\s+to|threaten(?:s|ed)?\s+to|vowed\s+to|"
    r"expects?\s+(?:[\w-]+\s+){1,3}?to|"
    r"(?:has|have)\s+signall?ed\s+(?:that\s+)?it\s+(?:may|might|would|will))\s+(?!have\b)(?:\w+\s+){0,2}?"
    r"(?:vote|veto|adopt|pass|block|reject|abstain|back|support|oppose|put)\b|"
    r"\b(?:postponed|postpones|postpone|delayed|delays|pushed back|put off)\b|\b(?:was|were|been|is|are) withdrawn\b|"
    r"\bwithdrew (?:the|its|their|a) (?:draft|text|resolution)\b|"
    # a draft dropped before any vote: "no vote will be held", "abandon their draft", "decided not to put it to a vote"
    r"\bno\s+vote\s+(?:will|would|is\s+to|was\s+going\s+to)\s+be\s+(?:held|taken|called)\b|\bthere\s+will\s+be\s+no\s+vote\b|"
    r"\b(?:drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?|withdraw(?:s|ing)?|shelv(?:e|es|ed|ing)|scrap(?:s|ped|ping)?)\s+"
    r"(?:(?:the|its|their|a|his|her)\s+)?(?:[\w.-]+\s+){0,2}?(?:draft|resolution|text)\b|"
    r"\b(?:decided|chose|agreed)\s+not\s+to\s+(?:put|bring|press)\b[^.;]{0,40}?\bto\s+a\s+vote\b|"
    r"\b(?:planned|scheduled|expected)\s+(?:for|on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"tomorrow|next)\b|\bif it (?:were|was|is) put to a vote\b|\bcould come\b|\bahead of (?:a|the|Friday's|Monday's|"
    r"Tuesday's|Wednesday's|Thursday's) vote\b",
    re.I,
)
_PAST_VOTE = re.compile(
    r"\b(?:vetoed|adopted|voted|abstained|rejected|passed|failed|blocked|approved|fell|shot|endorsed|demanded|"
    r"authori[sz]ed|renewed|extended)\b",
    re.I,
)
_VOTE_EVENT = re.compile(
    r"\bCouncil['’]s\s+(?:call|demand|decision)\b|\b(?:vot(?:e|ed|es|ing)|vetoe?[ds]?|vetoing|adopt\w*|reject\w*|fail\w*|pass(?:ed|es)|block\w*|approv\w*|(?<![-‑])backed|"
    r"abstain\w*|endors\w*|authori[sz]\w*|renew\w*|extend\w*|demand\w*|shot|unanimous\w*|fell|falls|collapsed|"
    r"expanded|widened|tightened|imposed|lifted|defeated|voted\s+down)\b",
    re.I,
)
_NOT_VOTE_DATE = re.compile(
    r"\b(?:introduced|tabled|circulated|put forward|submitted|proposed|drafted|presented|announced|said|told|"
    r"met|attack\w*|killed|began|started|launched|invaded|took office|signed|fled|displaced|died)\b[^.;]{0,30}$",
    re.I,
)
_M_AMEND = re.compile(r"\bamendments?\b", re.I)
_M_RIVAL = re.compile(
    r"\b(?:rival|competing|counter-?(?:draft|proposal|text|resolution)|alternative\s+(?:draft|text)|"
    r"(?:a|an|the)\s+(?:[\w-]+\s+)?alternative\b|"
    r"(?:its|their|[A-Z][\w-]*['’]s?)\s+own\s+(?:\w+\s+)?(?:draft|text|resolution))\b",
    re.I,
)
_M_SAME = re.compile(
    r"\b(?:minutes|hours)\s+later\b|\b(?:earlier|later)\s+(?:the\s+same\s+day|that\s+day|in\s+the\s+(?:same\s+)?"
    r"(?:day|meeting))|\bthen\s+(?:failed|fell|got|won|received|drew)\b|"
    r"\b(?:second|third|another)\s+(?:\w+\s+){0,2}(?:draft|text)\b|\bin (?:a|another) separate vote\b|\bin another vote\b|"
    r"\bseparately\b|\b(?:at|in|during)\s+the\s+same\s+(?:meeting|session|sitting)\b",
    re.I,
)
_M_MAIN = re.compile(
    r"\b(?:(?:draft|text|resolution|vote|measure)\s+itself|^\s*the\s+new\s+(?:resolution|text|measure)|(?<!before )(?<!after )the\s+main\s+(?:text|draft)|(?<!before )(?<!after )(?<!ahead of )"
    r"the\s+final\s+(?:text|vote))\b",
    re.I,
)
_SEVERAL = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|many|numerous|repeated|a string of|a series of|"
    r"a number of|(?:more than |nearly |almost |over )?a dozen|dozens of)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:drafts|vetoes|resolutions|texts|attempts|times)\b",
    re.I,
)
_LATER = re.compile(
    r"\s*(?:(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+)?(?P<unit>days?|weeks?)\s+later\b|"
    r"\s*the\s+(?:next|following)\s+(?P<unit2>day|week)\b",
    re.I,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL = re.compile(
    r"\s*(?:The|A|An)\s+(first|second|third|fourth|fifth)\b(?!\s+(?:time|day|week|month|year|vote\b))", re.I
)
#: a sentence led by an ordinal and the vote's noun: "Third and last Russian amendment fails", "The second draft ..."
_LEAD_ORDINAL = re.compile(
    r"\s*(?:The\s+)?(first|second|third|fourth|fifth)\s+(?:and\s+(?:last|final)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:amendment|draft|text|proposal)\b",
    re.I,
)
#: a sentence led by the members who cast vetoes ("Russia and China have three times used their vetoes")
_VETOERS_LEAD = re.compile(
    rf"\s*{_LIST}\s+(?:have|has|had)?\s*(?:\w+\s+){{0,3}}?(?:vetoed|(?:cast|used)\s+(?:their|its)\s+vetoe?s?|"
    rf"(?:cast|used)\s+(?:\w+\s+)?vetoes)\b",
    re.I,
)
#: "Before that, ⟨RUS⟩ and ⟨CHN⟩ had twice used their vetoes", "⟨RUS⟩ took over the seat in 1991 and has used the veto"
_VETOERS_USED = re.compile(
    rf"\s*(?:[A-Z][\w ]{{0,30}},\s*)?{_LIST}(?:[^.;]{{0,80}}?\band)?\s+(?:have|has|had)\s+(?:\w+\s+){{0,2}}?"
    r"(?:used|cast|wielded|exercised)\s+(?:their|its|the)\s+vetoe?s?\b",
    re.I,
)
#: one member spoken of as "it" just after it was named as using its veto: "On May 11, 1993, it blocked a resolution"
_IT_VETOED = re.compile(r"(?:^|,\s+|\bwhen\s+)it\s+(?:also\s+|again\s+|then\s+|later\s+)?(?:vetoed|blocked)\b")
#: the same members spoken of as "they": "they vetoed a British draft", "They also blocked a text"
_THEY_VETOED = re.compile(
    r"\b(?:they|the two(?:\s+powers|\s+countries)?)\s+(?:also\s+|again\s+|then\s+|later\s+)?(?:vetoed|blocked)\b", re.I
)
_PLURAL = re.compile(r"\b(?:two|three|four|five|several|a series of|a number of)\s+(?:[\w-]+\s+)?(?:amendments|drafts|texts|"
                     r"proposals)\b", re.I)  # fmt: skip
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who)\b[^,.;—–]*,")
_PLAIN_NOUN = re.compile(r"\b(?:draft|resolution|text|proposal|measure)\b", re.I)


_BACK: dict[str, int] = {}  # sentence -> days before the main vote ("It came three days after ...")


def _dates_another_event(s: str) -> bool:
    """Whether a sentence's "last week" / "last month" stands away from any vote word, so that it may date
    something else than a vote ("voted on Friday ... after fighting there last month killed hundreds").

    >>> _dates_another_event("The Council voted on Friday to send troops after fighting there last month killed hundreds.")
    True
    >>> _dates_another_event("Russia vetoed a similar text last month.")
    False
    """
    m = re.search(r"\b(?:last\s+(?:week|month)|a\s+(?:week|month)\s+(?:ago|earlier))\b", s, re.I)
    return m is not None and not _VOTE_EVENT.search(s[max(0, m.start() - 30) : m.end() + 30])


def _earlier_marker(s: str, article_date: dt.date | None) -> tuple[bool, tuple[dt.date, dt.date] | None]:
    """Whether a sentence speaks of a vote before the main one, and the period it names (if any)."""
    # "last week's chemical attack": the time phrase dates another event, not a vote
    s = re.sub(r"\b(?:last|this|earlier this|previous)\s+(?:week|month|year)['’]s(?:\s+(?!(?:\w+\s+){0,2}?(?:vote|veto|draft|"
               r"resolution|text|decision)\b)\w+|(?=\W*$))", "", s, flags=re.I)  # fmt: skip
    low = s.lower()
    a = article_date
    after = re.match(r"\s*(a|an|one|two|three|four|five|six|\d+)\s+(day|week|month)s?\s+after\b", low) or re.search(
        r"\b(?:came|comes|followed|happened|was adopted|passed)\s+(a|an|one|two|three|four|five|six|\d+)\s+(day|week|month)s?\s+"
        r"after\b",
        low,
    )
    if after:
        n = 1 if after[1] in ("a", "an", "one") else (number(after[1]) or 1)
        back = n * {"day": 1, "week": 7, "month": 30}[after[2]]
        _BACK[s] = back
        return True, ((a - dt.timedelta(days=back + 10), a - dt.timedelta(days=max(back - 10, 0))) if a else None)
    if re.search(r"\blast week\b", low):
        return True, ((a - dt.timedelta(days=14), a - dt.timedelta(days=4)) if a else None)
    if re.search(r"\b(?:last month|a month (?:ago|earlier))\b", low):
        return True, ((a - dt.timedelta(days=62), a - dt.timedelta(days=20)) if a else None)
    since = re.search(rf"\bsince\s+(?:(?P<month>{_MONTHS})\b\s*)?(?P<year>(?:19|20)\d\d)?\b", s)
    nth = re.search(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest)\b"
                    r"[^.;]*\bsince\b", s, re.I)  # fmt: skip
    if nth:  # "It was the 13th time Russia has used its veto since 2011": the vote spoken of, counted in a series
        return False, None
    if (
        since
        and (since["month"] or since["year"])
        and a is not None
        and not _NOT_VOTE_DATE.search(s[max(0, since.start() - 60) : since.start()])  # "killed 500 since April"
    ):  # "since October 2011", "since October"
        year = int(since["year"]) if since["year"] else None
        month = MONTHS[since["month"].lower()] if since["month"] else 1
        if year is None:
            year = a.year if month <= a.month else a.year - 1
        start = dt.date(year, month, 1)
        if start < a:
            return True, (start, a - dt.timedelta(days=1))
    for m in re.finditer(rf"\b(?:(?i:in)\s+)?({_MONTHS})\s+(?:of\s+)?last\s+year\b", s):  # "in November last year"
        if a is not None:
            month = MONTHS[m[1].lower()]
            lo = dt.date(a.year - 1, month, 1)
            return True, (lo, dt.date(a.year - 1 + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1))
    for m in re.finditer(
        rf"\b(?i:in) ({_MONTHS})\s+((?:19|20)\d\d)\b", s
    ):  # "in March 2020" (before "previously": the month says more)
        month, year = MONTHS[m[1].lower()], int(m[2])
        lo = dt.date(year, month, 1)
        hi = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
        if a is None or hi < a:
            return True, (lo, hi)
    this = re.search(r"\b(?:earlier|previously|already)\s+this\s+(year|month)\b", low)
    if this and a is not None and _near_vote(s, this.start(), this.end()):  # "Earlier this year, the Council voted"
        lo = dt.date(a.year, 1 if this[1] == "year" else a.month, 1)
        if lo < a:
            return True, (lo, a - dt.timedelta(days=1))
    generic = re.search(
        r"\bearlier (?:this|that) (?:week|month|year)\b|\b(?:days|weeks|months) (?:ago|earlier)\b|\bpreviously\b|"
        r"\b(?:an|the) earlier (?:draft|vote|text|resolution|veto)\b|\blast year\b|"
        r"\b(?:at|in|during)\s+(?:the|its)\s+(?:previous|preceding|prior|last|earlier)\s+(?:session|meeting|sitting)\b|"
        r"\b(?:earlier|previous|prior|past)\s+(?:[\w-]+\s+)?(?:drafts|votes|texts|resolutions|vetoes)\b",
        low,
    )
    # "the draft was circulated ... by Libya's ambassador, until days ago a Gaddafi ally": the phrase must be
    # near what the sentence says of a vote
    if generic and _near_vote(s, generic.start(), generic.end()):
        return True, ((a - dt.timedelta(days=366), a - dt.timedelta(days=1)) if a else None)
    for m in re.finditer(
        rf"\b(?i:in|last|(?:at\s+)?the\s+end\s+of|(?:in\s+)?(?:late|early|mid-?)) ({_MONTHS})\b(?!\s+\d)", s
    ):
        before = s[max(0, m.start() - 60) : m.start()]
        if _NOT_VOTE_DATE.search(before) or re.search(r"\bsince\b", before):
            continue  # "since the war began in October" dates another event
        if not _near_vote(s, m.start(), m.end()):
            continue  # "the explosions in the Baltic Sea last September": far from any vote word
        month = MONTHS[m[1].lower()]
        last = m[0].lower().startswith("last")  # "Last October" in an October report: a year before
        if a is not None and (month != a.month or last):
            year = a.year if month < a.month else a.year - 1
            lo = dt.date(year, month, 1)
            hi = (dt.date(year + (month == 12), month % 12 + 1, 1)) - dt.timedelta(days=1)
            return True, (lo, hi)
    if re.search(r"\blast\s+(?:adopted|voted|vetoed|renewed|extended|acted)\b", low):
        return True, None
    for m in re.finditer(r"\b(?:in|since|from)\s+((?:19|20)\d\d)\b", s):
        if not _near_vote(s, m.start(), m.end(), reach=40) and _NUMBERED.search(s):
            continue  # "The new resolution, 2624, ... adds them to the embargo first imposed in 2015"
        if a is None or int(m[1]) != a.year:
            year = int(m[1])
            if a is None or year > a.year:
                return True, None
            return True, (
                dt.date(year, 1, 1),
                dt.date(year, 12, 31) if m[0].startswith("in") else a - dt.timedelta(days=1),
            )
    return False, None


def _near_vote(s: str, start: int, end: int, reach: int = 60) -> bool:
    """Whether a vote word (or a draft, a resolution) is within ``reach`` characters of a phrase."""
    around = s[max(0, start - reach) : end + reach]
    return bool(_VOTE_EVENT.search(around) or re.search(r"\b(?:drafts?|resolutions?|texts?|vetoe?s?)\b", around, re.I))


def _far_from(day: dt.date, dates: list[Any], days: int = 10) -> bool:
    """Whether a day is more than ``days`` away from every approximate date a vote was given."""
    approx = [d for d, how, *_ in dates if how == "approx"]
    return bool(approx) and all(abs((day - d).days) > days for d in approx)


#: a lede that dates itself from a vote ("Three weeks after the veto, ..."): that vote is the news it reports
_PEG = re.compile(
    rf"\s*(?:(?:{NUM}|a|an|some|just|only|barely)\s+)+(?:days?|weeks?|months?)\s+after\s+(?:the|its|their)\b", re.I
)


def _marker(s: str, article_date: dt.date | None) -> tuple[str | None, tuple[dt.date, dt.date] | None]:
    """The kind of other vote a sentence starts speaking about (amendment, rival, same_day, earlier), ``main``
    when it returns to the main vote, or ``None`` (it continues the current one)."""
    core = _RELATIVE_CLAUSE.sub(",", s)
    if _M_MAIN.search(core):
        return "main", None
    if _M_AMEND.search(core):
        return "amendment", None
    if _M_RIVAL.search(core):
        return "rival", None
    if _M_SAME.search(core):
        return "same_day", None
    latest = _latest_of_several(core, article_date)
    if latest is not None:  # "four vetoes since 2011, the most recent in May, when ...": the one in May
        return "earlier", latest
    earlier, window = _earlier_marker(core, article_date)
    if earlier:
        if _SEVERAL.search(core) and not re.search(
            r"\bmost recently\b|\bthe (?:latest|last) (?:one|of them)\b", core, re.I
        ):
            return "several", window  # "vetoed three earlier drafts": no one vote to check against
        return "earlier", window
    return None, None


def _latest_of_several(s: str, article_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The month of the one vote a sentence picks out of several ("four vetoes since 2011, the most recent in May").

    >>> _latest_of_several("They have cast four vetoes since 2011, the most recent in May, on a French text.",
    ...                    dt.date(2014, 7, 14))
    (datetime.date(2014, 5, 1), datetime.date(2014, 5, 31))
    """
    m = re.search(rf"\b(?:most recently|the (?:most recent|latest|last)(?: one| of them)?),?\s+(?:in|last)\s+({_MONTHS})\b"
                  rf"(?!\s+\d)", s, re.I)  # fmt: skip
    if m is None or article_date is None or not _SEVERAL.search(s):
        return None
    month = MONTHS[m[1].lower()]
    year = article_date.year if month <= article_date.month else article_date.year - 1
    hi = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, month, 1), min(hi, article_date)


#: votes counted, not an outcome: "approved by 14 members", "supported by 13 of the 15"
_COUNTED_BY = re.compile(
    rf"\b(?:approved|backed|supported|endorsed)\s+by\s+(?:{NUM}|\d+)\s+(?:members|of\b|votes|nations|states|countries)",
    re.I,
)


#: the sponsors as a group in a list of voters: "the six sponsors, ⟨CHN⟩ and ⟨RUS⟩", "voted with the eight sponsors"
_THE_SPONSORS = re.compile(
    r"\b(?:the|its|their)\s+(?:[\w-]+\s+)?(?:co-)?sponsors\b(?!\s+(?:of|said|say|had|have|were|are|hoped|argued))", re.I
)
#: the dispatch's own day, said as such
_TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)


#: a sentence's opening phrase that recalls other votes: "After four failed attempts in a month, "
_OPENING_PHRASE = re.compile(
    r"^(?:[A-Z][A-Z .,]{2,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*[-—–]+\s*)?"
    r"(?:After|Following|Despite)\s+(?:[\w'’-]+\s+){0,3}?(?:failed|vetoed|rejected|unsuccessful|blocked)\b[^,;]{0,80},\s*"
)


#: a clause set at another time than the news: a month named, the pluperfect, a "Background" label
_OTHER_TIME = re.compile(
    rf"\b(?:in|last|since)\s+(?:{_MONTHS})\b|\bhad\s+(?:\w+ly\s+)?(?:been\s+)?\w+(?:ed|en|ven)\b|^\s*Background\b|"
    r"\b(?:earlier|previous|prior|last)\s+(?:year|month|resolution|text|vote)\b",
    re.I,
)


def _month_window(s: str, article_date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The month a clause names ("in July"), the last such month before the page date, or last year.

    >>> _month_window("In July the Council had given Iran a deadline.", dt.date(2006, 12, 24))
    (datetime.date(2006, 7, 1), datetime.date(2006, 7, 31))
    >>> _month_window("Last year's renewal passed 14-0.", dt.date(2024, 5, 31))
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    """
    if article_date is not None and re.search(r"\blast\s+year\b", s, re.I):
        return dt.date(article_date.year - 1, 1, 1), dt.date(article_date.year - 1, 12, 31)
    m = re.search(rf"\b(?:in|last)\s+({_MONTHS})\b(?!\s+\d)", s, re.I)
    if m is None or article_date is None:
        return None
    month = MONTHS[m[1].lower()]
    year = article_date.year if month < article_date.month else article_date.year - 1
    return dt.date(year, month, 1), dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)


def _conflicting_outcome(s: str, before: list[Claim]) -> bool:
    """Whether a sentence reports an outcome (adopted / not adopted) opposite to the one already claimed for
    the vote the text is speaking of.

    >>> _conflicting_outcome("Russia vetoed the text.", [Claim("outcome", "adopted", "Resolution 2728 adopted.")])
    True
    >>> _conflicting_outcome("It failed.", [Claim("outcome", "vetoed", "Russia vetoed it.")])
    False
    """
    said = {c.claimed == "adopted" for c in before if c.field == "outcome"}
    if len(said) != 1:
        return False
    core = _RELATIVE_CLAUSE.sub(",", s)
    core = _OPENING_PHRASE.sub("", core) if _outcome(_OPENING_PHRASE.sub("", core), "") else core
    o = _outcome(core, member_mentions(core))
    if o == "adopted" and _COUNTED_BY.search(core) and "vetoed" in {c.claimed for c in before if c.field == "outcome"}:
        return False  # "Each was approved by 14 members and opposed by the United States alone": counted, then vetoed
    return o is not None and (o == "adopted") not in said


#: the Council recommending to the Assembly (an admission, a Secretary-General): the Council's own vote
_RECOMMEND_TO_GA = re.compile(r"(\brecommend\w*\b[^.;]{0,80}?)\s+to\s+the\s+(?:General\s+)?Assembly\b", re.I)


#: "The Security Council, meeting in emergency session in the small hours of Sunday ..., saw ⟨SUN⟩ veto a draft and
#: then voted to hand the question to the General Assembly": the Council, the subject, voted before the Assembly is named
_COUNCIL_FIRST = re.compile(
    r"^[^;]{0,80}?\b(?:the\s+)?Security\s+Council\b(?:(?!General\s+Assembly|\bthe\s+Assembly\b)[^;]){0,200}?"
    r"(?:\b(?:vetoed|voted|adopted|rejected|approved|passed)\b|⟩\s+(?:veto|vote\s+against)\s+(?:a|an|the|its)\b)"
    r"(?:(?!General\s+Assembly|\bthe\s+Assembly\b)[^;])*?(?:General\s+Assembly|\bthe\s+Assembly\b)"
)


#: a count of votes above the Council's fifteen: "wins 120 votes", "by 120 votes to 14", "143 countries voted for"
_MORE_THAN_THE_COUNCIL = re.compile(
    r"\b(?:1[6-9]|[2-9]\d|1\d\d)\s+(?:votes?\b|(?:countries|nations|states|members)\s+(?:voted|backed|supported))|"
    r"\bby\s+(?:a\s+vote\s+of\s+)?(?:1[6-9]|[2-9]\d|1\d\d)\s*(?:votes\s+)?(?:to|-|–)\s*\d+\b",
    re.I,
)


def _is_ga(s: str) -> bool:
    """A sentence about a General Assembly vote (not the Council's).

    >>> _is_ga("The draft, which would have recommended the state to the General Assembly, was backed by 11.")
    False
    >>> _is_ga("The General Assembly adopted the text by 100 votes to 11.")
    True
    """
    s = _RECOMMEND_TO_GA.sub(r"\1", s)
    # "Blocked in the Council, the issue moved to the General Assembly, which ... condemned": an opening
    # participle recalls the Council; the sentence's own vote is the Assembly's
    s = re.sub(r"^\s*(?:Blocked|Vetoed|Rejected|Stymied|Stalled|Paralysed|Paralyzed)\b[^,]*,\s*", "", s)
    if _COUNCIL_FIRST.search(member_mentions(s)):
        return False
    if _GA.search(s) and not _COUNCIL_ACT.search(s.replace("Human Rights Council", "")):
        return True
    s = _RELATIVE_CLAUSE.sub(",", s)
    if not _GA.search(s):
        return False
    return not _COUNCIL_ACT.search(s.replace("Human Rights Council", ""))


def _future(s: str) -> bool:
    """A sentence about a vote still to come (expected, postponed, threatened, withdrawn), with no past vote in it."""
    m = _FUTURE.search(s)
    if not m:
        return False
    rest = s[: m.start()] + " " + s[m.end() :]
    rest = re.sub(r"\b(?:was|were|been|had been)\s+(?:postponed|delayed|pushed back)\b", "", rest)
    # "withdrawn after its sponsors failed to win over Russia": the failure is of talks, not of a vote
    rest = re.sub(r"\bfail(?:ed|s)?\s+to\s+(?:win over|persuade|convince|agree|reach|bridge)\b", "", rest, flags=re.I)
    return not _PAST_VOTE.search(re.sub(r"\b(?:would|could|may|might)\s+have\s+\w+", "", rest))


_OTHER_VOTERS = re.compile(
    r"\b(?:MPs|lawmakers|legislators|senators|deputies|parliament\w*|Congress|Assembly|Bundestag|Knesset|Duma|voters)\s+"
    r"(?:\w+\s+){0,2}?(?:vot|approv|adopt|pass|back|reject)\w*",
    re.I,
)


def _vote_dates(s: str, year: int | None, article_date: dt.date | None) -> list[tuple[dt.date, str, str]]:
    """Dates that a sentence gives for a vote: explicit dates not tied to another event, then weekdays. A
    sentence whose vote is another body's ("British MPs voted late on Wednesday") dates no Council vote."""
    if not _VOTE_EVENT.search(s):
        return []
    other = _OTHER_VOTERS.search(s)
    if other:  # "When British MPs voted late on Wednesday to ..., ministers cited resolution 2249, adopted on Nov. 20"
        end = re.search(r"[,;]", s[other.end() :])
        s = (
            s[: other.start()]
            + " " * ((end.start() if end else len(s) - other.end()) + other.end() - other.start())
            + (s[other.end() + end.start() :] if end else "")
        )
        if not _VOTE_EVENT.search(s):
            return []
    line = dateline_end(s)  # "UNITED NATIONS, Nov. 16 - ... failed on Friday": the dateline dates the dispatch
    if line:
        s = s[line:]
    out: list[tuple[dt.date, str, str]] = []
    for d, t in find_dates(s, year):
        before = s[: s.find(t)]
        if re.search(r"\b(?:will|would|is to|are to|due to|set to|scheduled to|planned)\b[^.;]{0,60}$", before):
            continue  # "a force which will take over on July 1": a date to come
        when = re.match(r",?\s+when\b", s[s.find(t) + len(t) :])  # "a repeat of Dec. 8, when the US vetoed"
        if not when and (
            re.search(r"\b(?:dated|by|until|before|after|since|from|of)\s*$", before) or _NOT_VOTE_DATE.search(before)
        ):
            continue
        # a garbled "Oct. 7" ("1 October. 7") or a date glued to other digits is no vote date
        after = s[s.find(t) + len(t) : s.find(t) + len(t) + 4]
        if re.match(r"\.\s*\d", after):
            continue
        if article_date is not None and d > article_date and not re.search(r"\d{4}", t):
            try:
                d = d.replace(year=d.year - 1)  # "on 23 December" in a report of 10 January
            except ValueError:
                continue
        if article_date is not None and d > article_date:
            continue
        out.append((d, "text", t))
    span = re.search(rf"\b(?P<n>{NUM}|a|an|one)\s+(?P<unit>days?|weeks?|months?)\s+after\b", s, re.I)
    if not out and span and article_date is not None and not _VOTE_EVENT.search(s[: span.start()]):
        n = 1 if span["n"].lower() in ("a", "an", "one") else number(span["n"])
        unit = span["unit"].lower().rstrip("s")
        if n is not None:
            days = n * {"day": 1, "week": 7, "month": 30}[unit]
            out.append((article_date - dt.timedelta(days=days), "relative" if unit == "day" else "approx", span[0]))
    if not out:
        r = vote_weekday(s, article_date)
        if r is not None and not _dates_a_relative_clause(s, r[1]):
            out.append((r[0], "relative", r[1]))
    return out


def _dates_a_relative_clause(s: str, phrase: str) -> bool:
    """Whether a weekday dates the verb of a relative clause that is no vote: "the air strikes that began on
    Wednesday", "the envoy, who on Monday said ...".

    >>> _dates_a_relative_clause("It condemned the strikes that began on Wednesday.", "on Wednesday")
    True
    >>> _dates_a_relative_clause("It recalled the text that was adopted on Wednesday.", "on Wednesday")
    False
    >>> _dates_a_relative_clause("It passed after a session that had opened soon after 8 last night.", "last night")
    True
    """
    at = s.find(phrase)
    if at < 0:
        return False
    before, after = s[:at], s[at + len(phrase) :]
    # the verb may stand a few words of time before the phrase ("a session that had opened shortly after 8:30 last
    # night"), but then no vote word may stand between
    m = re.search(r"\b(?:that|which|who)\s+(?:had\s+|has\s+|was\s+|were\s+)?(?P<v>[a-z]+)(?P<rest>(?:\s+[\w:.'’-]+){0,4}?)\s+$",
                  before)  # fmt: skip
    if (
        m
        and m["rest"]
        and (_VOTEWORDS.search(m["rest"]) or re.search(r"(?:adopt|pass|vot|veto|approv|reject|block)", m["rest"]))
    ):
        m = None
    verb = m["v"] if m else ""
    if not verb and re.search(r"\b(?:that|which|who)\s+$", before):
        nxt = re.match(r"\s*([a-z]+)", after)
        verb = nxt[1] if nxt else ""
    return (
        bool(verb)
        and not _VOTEWORDS.search(verb)
        and not re.match(r"(?:adopt|pass|vot|veto|approv|reject|block)", verb)
    )


def extract_claims(text: str | Article, date: dt.date | str | None = None) -> Extraction:
    """Read a news text (plain or HTML) and return the Council-vote claims it makes, each with the vote
    (``event``) its sentence is about.

    ``date`` is the article's date (``--date``); without it the page's metadata date is used.
    A text with no Council vote in it gives no claims. Sentences about a General Assembly vote or a
    vote still to come (postponed, threatened) are left out with the reason; an amendment, a rival draft
    or an earlier veto becomes its own event.

    >>> ex = extract_claims("UNITED NATIONS, March 25 (Reuters) - The Security Council adopted a resolution "
    ...                     "demanding a ceasefire in Gaza, 14-0, with the United States abstaining.", "2024-03-25")
    >>> [(c.field, c.member, c.claimed) for c in ex.claims]  # doctest: +NORMALIZE_WHITESPACE
    [('date', None, '2024-03-25'), ('outcome', None, 'adopted'), ('subject', None, 'Middle East (Palestine)'),
     ('yes', None, 14), ('no', None, 0), ('vote', 'USA', 'abstain')]
    >>> extract_claims("The Council postponed the vote on the draft until Friday.", "2024-03-21").no_vote_reason
    'a vote still to come (postponed, expected or threatened)'
    """
    from unsc.rules import as_date

    art = text if isinstance(text, Article) else read_article(text)
    article_date = as_date(date) if date else art.date
    full = _normalise(art.text)
    if not re.search(
        r"Security Council|\bCouncil\b|\bUNSC\b|\bUN\b|United Nations|\bvetoe?|\bresolution\s+\d|draft resolution",
        full + " " + (art.title or ""),
        re.I,
    ):
        return Extraction([], art, article_date)
    r = _Reading(art, article_date, [_normalise(p) for p in art.paragraphs])
    heading: tuple[dt.date, str] | None = None
    alone = [p for p in r.paras if (d := section_date(p, r.year)) is not None and d[1] == p.strip()]
    for para in r.paras:
        r.cur = 0
        own = section_date(para, r.year)
        if own is not None and own[1] == para.strip():
            if len(alone) >= 2:  # a chronology's date headings, alone: each dates the paragraphs under it
                heading, r.section, r.section_event = own, None, None
                continue
            own = None  # one date alone (the page's date under the byline) heads nothing
        if own is not None or heading is None:
            heading = None
            r.section, r.section_event = own, None
        else:
            r.section = heading  # under the heading, the same section (and its vote) goes on
        r.in_ga = r.in_ga and r.section is None  # a new dated section no longer continues about the Assembly
        for s in (c for sent in sentences(para) for c in _clauses(sent)):
            r.read(s)
    return r.finish()


_JOINED_BY = re.compile(rf"(?:They|These|Those|Both|The two|The others?)\b[^.;⟨]{{0,30}}\bjoined by\s+{_LIST}\s*\.?$")
_SAME_SIDE = re.compile(
    rf"^(?:[Tt]he\s+)?{_LIST}(?:\s+also)?\s+(?:(?:voted|sided|stood)\s+(?:along\s+)?with|joined)\s+"
    r"(?P<ref>them|the\s+(?:co-)?(?:sponsors|authors|drafters|penholders)|"
    r"(?:the\s+)?⟨[A-Z]{3}⟩(?:(?:\s*,\s*|\s+and\s+)(?:the\s+)?⟨[A-Z]{3}⟩)*)(?![\w⟨'’-])"
)


#: states named as part of a unanimous vote just reported: "That includes ⟨A⟩ and ⟨B⟩", "Among them were ⟨A⟩"
_UNANIMOUS_MEMBERS = re.compile(
    rf"^(?:That|This|It|The\s+vote|The\s+tally)\s+(?:also\s+)?includ(?:es|ed)\s+{_LIST}|"
    rf"^Among\s+(?:them|those|the\s+(?:[\w-]+\s+){{0,2}}(?:members|countries|states))\s+(?:were|was)\s+{_LIST2}"
)


@dataclass
class _Reading:
    """The state of one pass over a text: the votes found so far (``events``, 0 the main one), the vote the
    current sentence speaks of (``cur``), the claims, and what was left out and why."""

    art: Article
    article_date: dt.date | None
    paras: list[str]
    events: list[Event] = field(default_factory=lambda: [Event(0, "main", "")])
    claims: list[Claim] = field(default_factory=list)
    vote_sents: list[str] = field(default_factory=list)
    left_out: list[dict[str, str]] = field(default_factory=list)
    reasons: set[str] = field(default_factory=set)
    in_ga: bool = False
    lede: str | None = None  # the first vote sentence is about no Council vote: a postponed vote, a GA vote
    last_dates: list[tuple[dt.date, str]] = field(default_factory=list)
    seen_vote: bool = False
    cur: int = 0
    vetoers: list[str] = field(default_factory=list)  # the members last named as casting vetoes, for "they vetoed"
    last_named: list[str] = field(default_factory=list)  # the states the clause before named, for "voted with them"
    section: tuple[dt.date, str] | None = None  # the date heading the paragraph read ("DEC. 4 - THE FIRST VETO.")
    section_event: int | None = None  # the vote of that dated section, once a clause of it spoke of a vote
    section_votes: dict[int, tuple[dt.date, str]] = field(default_factory=dict)  # the vote under each dated heading
    first_section_main: bool = False  # the main vote is the first dated section's (nothing said of a vote before)
    sponsor_votes: list[tuple[int, str, str]] = field(default_factory=list)  # "the six sponsors" voted (event, how)
    ref_date: dt.date | None = None  # the day relative words count from: the dispatch's dateline, else the page date

    def __post_init__(self) -> None:
        self.year = self.article_date.year if self.article_date else None
        line = dateline(self.paras[0], self.year) if self.paras else None
        if line is not None and (self.article_date is None or line <= self.article_date):
            self.events[0].dates.append((line, "dateline", self.paras[0][:60]))
        # the dispatch's dateline may stand under the headline, the standfirst and the byline
        for para in self.paras[1:5] if line is None else ():
            line = dateline(para, self.year)
            if line is not None:
                break
        # "UNITED NATIONS, June 20 - The Soviet Union tonight vetoed ..." printed on June 21: the dispatch's day, not the
        # page's, is what "tonight", "on Friday" and "yesterday" count from
        self.ref_date = (
            line
            if line is not None and self.article_date is not None and 0 < (self.article_date - line).days <= 7
            else self.article_date
        )

    # ------------------------------------------------------------------ one clause

    def read(self, s: str) -> None:
        """One clause: left out (another body, a vote to come), or attributed to a vote and its claims read."""
        prev_dates, self.last_dates = self.last_dates, find_dates(s, self.year)
        prev_named = self.last_named
        self.last_named = _codes(member_mentions(s)) or prev_named  # "them": the states last named
        joined = _JOINED_BY.match(member_mentions(s))
        if joined and self.seen_vote:  # "They were joined by ⟨A⟩ and ⟨B⟩.": the vote of those named just before
            votes = {
                c.claimed for c in self.claims if c.field == "vote" and c.event == self.cur and c.member in prev_named
            }
            if len(votes) == 1:
                vote = votes.pop()
                self.claims += [Claim("vote", vote, s, member=m, event=self.cur) for m in _codes(joined["list"])]
                self.last_named = prev_named + self.last_named
            return
        if self._all_of_a_unanimous_vote(s):
            return
        if self._not_the_council(s):
            return
        self.seen_vote = True
        kind, window = _marker(s, self.article_date)
        if kind == "earlier" and not any(c.field != "subject" for c in self.claims) and _PEG.match(s):
            # a lede "Three weeks after the Soviet veto, ...": the vote it dates itself from is the text's news
            kind = "main"
        if kind == "earlier" and window is not None and _dates_another_event(s):
            own = [d for d, how, _ in _vote_dates(s, self.year, self.ref_date) if how in ("text", "relative")]
            if own and not any(window[0] <= d <= window[1] for d in own):
                kind = window = None  # "voted on Friday ... after fighting last month": the month dates the fighting
        kind = self._attribute(s, kind, window)
        s, quoted = _unquote(s)
        if quoted:
            self.left_out.append(
                {"text": quoted, "reason": "inside a quotation: what a speaker said, not the report's claim"}
            )
        self.vote_sents.append(s)
        if not self._in_section(s, kind):
            ds = self._another_vote(s, kind, prev_dates, _vote_dates(s, self.year, self.ref_date))
            self.events[self.cur].dates.extend(ds)
        got = _sentence_claims(s, self.cur, self.events)
        named = [c.member for c in got if c.field == "veto" and c.member]
        norm = member_mentions(s)
        lead = _VETOERS_LEAD.match(norm) or _VETOERS_USED.match(norm)
        if named or lead:
            self.vetoers = named or _codes(lead["list"] if lead else "")
        elif self.vetoers and (
            _THEY_VETOED.search(s) if len(self.vetoers) > 1 else _IT_VETOED.search(s)
        ):  # "Most recently, on July 19, they vetoed ...": the two named before; "it blocked": the one
            got += [Claim("veto", True, s, member=code, event=self.cur) for code in self.vetoers]
        got += self._same_side(member_mentions(s), got, prev_named)
        got += _all_including(norm, got, self.cur)
        self._sponsors_voting(s, got)
        got += self._by_evidence(s, norm, got)
        # the list of sponsors a clause names is not also the list of those abstaining or voting against in that same
        # clause ("put forward by eight members, A, ..., H, ... by 11 votes to 2 with 2 abstentions"): a sponsor does
        # not oppose its own text, and a list read twice is read once
        authors = {c.member for c in got if c.field == "sponsor"}
        against = {c.member for c in got if c.field == "vote" and c.claimed in ("abstain", "no")}
        if len(authors) >= 2 and authors <= against:
            got = [c for c in got if not (c.field == "vote" and c.member in authors and c.claimed in ("abstain", "no"))]
        # "Each was approved by 14 members and opposed by the United States alone": a permanent member's vote
        # against a substantive text is a veto (Art. 27(3)), so "approved" there counts votes, it is no adoption
        permanent = {s.before_code for s in SUCCESSIONS} | set(PERMANENT_SEATS)
        if (
            _COUNTED_BY.search(s)
            and any(c.field == "vote" and c.claimed == "no" and c.member in permanent for c in got)
            and not any(c.field == "procedural" for c in got)
        ):
            got = [c for c in got if not (c.field == "outcome" and c.claimed == "adopted")]
        # "The resolution, sponsored by ⟨A⟩, ⟨B⟩ and ⟨C⟩, received 9 votes in favor": the text got the votes; its
        # sponsors, named as its authors, are not thereby said to have voted (a reading by evidence, not by shape)
        guessed = {c.member for c in got if c.field == "vote" and c.note == EVIDENCE}
        if len(authors) >= 2 and authors <= guessed:
            got = [c for c in got if not (c.field == "vote" and c.member in authors and c.note == EVIDENCE)]
        by = {code for m in _SPONSOR_BY.finditer(norm) for code in _codes(m["run"])}
        if len(by) >= 2 and by == {c.member for c in got if c.field == "vote" and c.claimed == "yes"}:
            got = [c for c in got if not (c.field == "vote" and c.member in by)]
        self.claims.extend(got)

    def _in_section(self, s: str, kind: str | None) -> bool:
        """Whether the clause is read as the vote of the dated section it stands in (a chronology's "DEC. 4 - THE
        FIRST VETO. ..."), which ``cur`` then is: the heading dates every vote under it that no word marks as
        another one (an amendment, a rival draft, an earlier vote). The section of the main vote's own day is the
        main vote; any other is a vote of its own, dated by the heading, and the dates its sentences mention
        ("the same count as on Dec. 4") do not date it again. A text whose main vote has said nothing yet reads
        its first section as usual (a heading that is only the dispatch's date).
        """
        if kind is not None:  # a clause marked as another vote ("at the same meeting"): the rest follow it
            self.section = None
        if self.section is None:
            return False
        day, phrase = self.section
        if self.section_event is None:
            main_days = {d for d, how, _ in self.events[0].dates if how in ("text", "relative", "dateline")}
            if day in main_days:
                self.section_event = 0
                self.section_votes.setdefault(0, (day, phrase))
            elif not any(c.event == 0 and c.field not in ("date", "subject") for c in self.claims):
                self.section = None
                self.section_votes.setdefault(0, (day, phrase))
                self.first_section_main = not self.section_votes.keys() - {0}
                return False
            else:
                self._new(Event(len(self.events), "other_day", s, dates=[(day, "text", phrase)]))
                self.section_event = self.cur
                self.section_votes[self.cur] = (day, phrase)
        self.cur = self.section_event
        return True

    def _by_evidence(self, s: str, norm: str, got: list[Claim]) -> list[Claim]:
        """Member votes the shape readers missed, read by :mod:`unsc.news.reader` from the states and vote words
        the clause holds; never for a member already given a vote or a veto for this vote."""
        have = {c.member for c in self.claims + got if c.field in ("vote", "veto") and c.member and c.event == self.cur}
        have |= {c.member for c in got if c.member and c.field in ("vote", "veto")}
        ev = self.events[self.cur]
        when = ev.dates[0][0] if ev.dates else ev.window[1] if ev.window else self.article_date
        out = []
        for p in _reader.propose(norm, have, when=when):
            if p.category == "veto":
                out.append(Claim("veto", True, s, member=p.member, note=EVIDENCE, event=self.cur))
            else:
                out.append(Claim("vote", p.category, s, member=p.member, note=EVIDENCE, event=self.cur))
        return out

    def _sponsors_voting(self, s: str, got: list[Claim]) -> None:
        """ "It drew eight votes in favour: the six sponsors, ⟨CHN⟩ and ⟨RUS⟩": the sponsors, wherever the text names
        them, voted as the states listed beside them; kept until the whole text is read."""
        m = _THE_SPONSORS.search(s)
        votes = {c.claimed for c in got if c.field == "vote" and c.event == self.cur}
        if m and len(votes) == 1 and not any(c.field == "sponsor" for c in got):
            self.sponsor_votes.append((self.cur, votes.pop(), s))

    def _votes_of_the_sponsors(self) -> None:
        for ev, vote, s in self.sponsor_votes:
            have = {c.member for c in self.claims if c.field == "vote" and c.event == ev}
            sponsors = dict.fromkeys(
                c.member
                for c in self.claims
                if c.field == "sponsor" and c.event == ev and c.member and c.member != "E10"
            )
            self.claims += [Claim("vote", vote, s, member=code, event=ev) for code in sponsors if code not in have]

    def _all_of_a_unanimous_vote(self, s: str) -> bool:
        """ "That includes ⟨A⟩ and ⟨B⟩", "Among the elected members were ⟨A⟩, ⟨B⟩ ...", just after the text said the
        vote was unanimous: each state named voted for it."""
        norm = member_mentions(s)
        m = _UNANIMOUS_MEMBERS.match(norm)
        if not m or not self.seen_vote or re.search(r"abstain|against|\bno\b|veto|oppos", norm, re.I):
            return False
        said = [c for c in self.claims if c.event == self.cur]
        if not any(c.field == "unanimous" or (c.field == "yes" and c.claimed == 15) for c in said):
            return False
        run = m["list"] or m["list2"]
        codes = _codes(run)
        if re.match(r"['’]", norm[m.end() :]):  # "⟨A⟩ and ⟨B⟩, ⟨C⟩'s neighbours": the possessive names no voter
            codes = codes[:-1]
        have = {c.member for c in said if c.field == "vote"}
        self.claims += [Claim("vote", "yes", s, member=c, event=self.cur) for c in codes if c not in have]
        return bool(codes)

    def _same_side(self, norm: str, got: list[Claim], prev_named: list[str]) -> list[Claim]:
        """Votes stated by reference: "⟨A⟩ and ⟨B⟩ voted with ⟨C⟩" or "⟨A⟩ voted with them" is the vote of those
        referred to, read from what the text said of them for this vote, and the sponsors of a draft vote for it."""
        m = _SAME_SIDE.search(norm)
        if not m:
            return []
        said = self.claims + got
        ref = prev_named if m["ref"].lower() == "them" else _codes(m["ref"])
        if "⟨" not in m["ref"] and m["ref"].lower() != "them":  # "voted with the sponsors": those who drafted it
            ref = list(
                dict.fromkeys(c.member for c in said if c.field == "sponsor" and c.event == self.cur and c.member)
            )
        votes: set[Any] = set()
        sponsors: list[str] = []
        for code in ref:
            known = [c.claimed for c in said if c.field == "vote" and c.member == code and c.event == self.cur]
            sponsor = any(c.field == "sponsor" and c.member == code and c.event == self.cur for c in said)
            votes |= {known[-1]} if known else {"yes"} if sponsor else {None}
            sponsors += [code] if sponsor and not known else []
        if len(votes) != 1 or None in votes:
            return []
        vote = votes.pop()
        have = {c.member for c in said if c.field == "vote" and c.event == self.cur}
        who = [c for c in _codes(m["list"]) + sponsors if c not in have]
        return [Claim("vote", vote, norm, member=c, event=self.cur) for c in dict.fromkeys(who)]

    def _leave_out(self, s: str, reason: str, lede: str | None = None) -> None:
        self.left_out.append({"text": s, "reason": reason})
        if lede:
            self.reasons.add(lede)
            self.lede = self.lede or (None if self.seen_vote else lede)

    def _not_the_council(self, s: str) -> bool:
        """Whether the clause is no Council vote: a General Assembly vote (and what continues about it), a
        vote still to come, or no vote word at all."""
        ga, future = "a General Assembly vote", "a vote still to come (postponed, expected or threatened)"
        if self.in_ga and not re.search(r"Security Council|\bCouncil\b", _RELATIVE_CLAUSE.sub(",", s)):
            if _VOTEWORDS.search(s):
                self.left_out.append(
                    {"text": s, "reason": "continues about a General Assembly vote, not the Council's"}
                )
            return True
        self.in_ga = False
        if not _VOTEWORDS.search(s):
            return True
        # "The draft, which would have recommended the state to the General Assembly, was backed by 11": an Assembly
        # named in a relative clause, or as where the Council sends a matter, is not the body voting
        own = _RECOMMEND_TO_GA.sub(r"\1", _RELATIVE_CLAUSE.sub(",", s))
        if _OTHER_BODY.search(own) and not re.search(r"Security Council|\bthe Council\b", s, re.I):
            if re.search(r"General Assembly|\bAssembly\b", s):  # "The 193-nation Assembly adopted ...": the GA
                self.in_ga = True
                self._leave_out(s, "about a General Assembly vote, not the Council's", ga)
            return True
        if _is_ga(s):
            self.in_ga = True
            self._leave_out(s, "about a General Assembly vote, not the Council's", ga)
            return True
        if _MORE_THAN_THE_COUNCIL.search(s) and not re.search(r"Security Council|\bthe Council\b", s, re.I):
            # "Jordanian text wins 120 votes; US and Israel among 14 against": no Council of 15 (Art. 23) casts 120
            # votes, so the clause is another body's, the Assembly's in a report about the UN
            self.in_ga = True
            self._leave_out(s, "a count of votes no Council vote can have (it has 15 members): another body's", ga)
            return True
        if _future(s):
            self._leave_out(s, f"about {future}", future)
            return True
        return False

    def _attribute(self, s: str, kind: str | None, window: Any) -> str | None:
        """Set ``cur`` to the vote the clause speaks of: the main one, a marked one (amendment, rival
        draft, earlier vote, ...) already met, a new one, or the next of a series ("The first ... A second").
        Returns the clause's kind of vote (a series' member takes the series' kind)."""
        events = self.events
        ordinal = _ORDINAL.match(s)
        parents = [
            e for e in events if e.kind in ("amendment", "rival", "same_day", "series") and _PLURAL.search(e.text)
        ]
        if kind is None and ordinal and parents:
            # "Russia put forward three amendments. ... The first, stating ..., drew four votes": each is a vote
            parent = parents[-1]
            kind = parent.kind if parent.kind != "series" else parent.window_kind
            child = Event(len(events), kind, s, ordinal=_ORDINALS[ordinal[1].lower()])
            events.append(child)
            if parent.kind != "series":
                parent.window_kind, parent.kind = parent.kind, "series"
            for c in [c for c in self.claims if c.event == parent.id and c.field in ("sponsor", "outcome")]:
                self.claims.append(Claim(c.field, c.claimed, c.text, member=c.member, note=c.note, event=child.id))
            self.cur = child.id
        if kind == "main":
            self.cur = 0
        elif ordinal and parents and self.cur == len(events) - 1 and events[self.cur].ordinal:
            pass  # the event was just made for this sentence
        elif kind is not None:
            self._marked(s, kind, window)
        return kind

    def _marked(self, s: str, kind: str, window: Any) -> None:
        events = self.events
        definite = re.search(r"\b(?:the|both|these|those)\s+(?:\w+\s+)?amendments?\b", s, re.I)
        # "a competing Russian draft" named again (in the headline, then in the body) is the same vote
        same = [e.id for e in events if e.kind == kind and kind in ("amendment", "rival")]
        if kind == "same_day":  # "The six-month draft then got two votes" after "a rival proposal ...": that one
            same = [e.id for e in events if e.kind in ("rival", "same_day")]
        again = not re.search(r"\b(?:second|third|another|new|other)\b", s, re.I)
        if kind == "amendment" and self.cur and events[self.cur].kind == "amendment" and definite:
            return
        if same and again and (kind in ("rival", "same_day") or definite):
            self.cur = same[-1]
            return
        lead = _LEAD_ORDINAL.match(s) if kind in ("amendment", "rival") else None
        n = _ORDINALS[lead[1].lower()] if lead else None
        if n is not None:  # "Second Russian amendment goes down": the second voted, met again in a live blog
            again_n = [e.id for e in events if e.kind == kind and e.ordinal == n]
            if again_n:
                self.cur = again_n[-1]
                return
        core = _RELATIVE_CLAUSE.sub(",", s)
        events.append(Event(len(events), kind, s, window=window, back=_BACK.pop(core, None), ordinal=n))
        self.cur = len(events) - 1

    def _new(self, event: Event) -> None:
        self.events.append(event)
        self.cur = len(self.events) - 1

    def _another_vote(
        self, s: str, kind: str | None, prev_dates: list[tuple[dt.date, str]], ds: list[Any]
    ) -> list[Any]:
        """An unmarked clause that still speaks of another vote than ``cur``: some days later, another day's,
        one recalled by a report with no vote of its own, or one that ended otherwise. Returns its dates."""
        events, n_ev = self.events, len(self.events)
        known = {d for d, how, _ in events[self.cur].dates if how != "approx"}
        later = _LATER.match(s)
        fresh = [d for d in ds if d[1] not in ("dateline", "approx")]
        if kind is None and later and not [d for d in ds if d[1] == "text"]:
            # "Two days later a Russian draft was defeated" (after "... began on March 24"), "Days later the
            # Council settled for six months" (after last July's veto): a vote some days after the one before
            n = 1 if later["unit2"] or (later["n"] or "").lower() in ("a", "an", "one") else number(later["n"] or "")
            unit = 7 if (later["unit"] or later["unit2"]).lower().startswith("week") else 1
            if n is not None and prev_dates:
                day = prev_dates[-1][0] + dt.timedelta(days=n * unit)
                self._new(Event(n_ev, "other_day", s, dates=[(day, "later", later[0].strip())]))
            else:
                lo, hi = (n * unit, n * unit) if n is not None else (1, 10 * unit)
                self._new(Event(n_ev, "later", s, after=(self.cur, max(lo - 1, 1), hi + 1)))
            return []
        if kind is None and ds and known and ds[0][0] not in known and ds[0][1] not in ("dateline", "approx"):
            # "On Friday, Russia vetoed a Japanese draft" in a roundup of Thursday's votes: another day's vote
            self._new(Event(n_ev, "other_day", s))
        elif kind is None and fresh and not known and _far_from(fresh[0][0], events[self.cur].dates):
            # "Three weeks after the veto ..." then "On Dec. 4 the Council unanimously ...": a day far from the
            # approximate one the text gave its vote is another vote's
            self._new(Event(n_ev, "other_day", s))
        elif self.lede and self.cur == 0 and any(d[0] == self.ref_date and _TODAY.search(d[2]) for d in fresh):
            # "Eleven days ago the General Assembly asked ... Meeting this afternoon, the Security Council voted": a
            # Council vote of the dispatch's own day is the text's news, whatever the lede recalled before it
            self.lede = None
        elif self.lede and self.cur == 0:
            # a report of a postponed vote (or of a General Assembly vote) recalling a Council vote: each
            # paragraph's Council vote is a vote of its own, never the text's (there is none)
            self._new(Event(n_ev, "other_day" if fresh else "earlier", s))
        elif kind is None and _conflicting_outcome(s, [c for c in self.claims if c.event == self.cur]):
            # "Resolution 2728 adopted. ... On Friday Moscow and Beijing vetoed a US text": a vote that
            # ended otherwise than the one the text has been speaking of is another vote
            self._new(Event(n_ev, "other_day" if fresh else "undated", s))
        elif kind is None and _OTHER_TIME.search(s) and self._conflicting_count(s):
            # "Background: in July the Council had given Iran until Aug. 31 ..., in a resolution that passed 14-1"
            # after the main vote's 15-0: a count that is not the vote's, in a clause set at another time
            self._new(Event(n_ev, "earlier", s, window=_month_window(s, self.article_date)))
        return ds

    def _conflicting_count(self, s: str) -> bool:
        """Whether the clause counts the votes otherwise than the vote ``cur`` was counted before it."""
        said = {(c.field, c.claimed) for c in self.claims if c.event == self.cur and c.field in ("yes", "no")}
        own = {(c.field, c.claimed) for c in _sentence_claims(s, self.cur, self.events) if c.field in ("yes", "no")}
        return any(f == g and v != w for f, v in own for g, w in said)

    # ------------------------------------------------------------------ the whole text

    def finish(self) -> Extraction:
        """The claims of the whole text: the main vote settled, its date claimed, counts completed, duplicates gone."""
        self._evidence_only_where_shapes_read()
        self._promote_the_only_vote()
        self._headline_names_the_vote()
        self._latest_section_is_the_news()
        self._one_vote_per_listed_date()
        events, lede = self.events, self.lede
        # an amendment, a rival draft or another vote of the same meeting dates the main vote when it has no date
        if not events[0].dates:
            for e in events[1:]:
                if e.kind in ("amendment", "rival", "same_day") and e.dates:
                    events[0].dates.append(e.dates[0])
                    break
        main_dates = [d for d in _best_dates(events[0].dates) if d[1] != "approx"] if not lede else []
        vote_date, source = (main_dates[0][0], main_dates[0][1]) if main_dates else (None, None)
        if lede:  # no Council vote of the text's own: what was said of "it" is about the vote to come
            for c in [c for c in self.claims if c.event == 0]:
                self.left_out.append({**c.to_dict(), "reason": f"about {lede}, not a Council vote"})
            self.claims = [c for c in self.claims if c.event != 0]
        if vote_date is not None:
            where = main_dates[0][2] if source != "dateline" and len(main_dates[0]) > 2 else ""
            self.claims.insert(
                0, Claim("date", vote_date.isoformat(), self.paras[0][:200] if source == "dateline" else where)
            )
        for e in events[1:]:
            if e.kind in ("earlier", "other_day"):
                ds = [d for d in _best_dates(e.dates) if d[1] != "later"]  # "two days later" is ours, not the text's
                if ds:
                    self.claims.append(Claim("date", ds[0][0].isoformat(), ds[0][2], event=e.id))
        art, article_date = self.art, self.article_date
        if not any(c.field not in ("date", "subject", "sponsor", "draft", "resolution") for c in self.claims):
            reason = "; ".join(sorted(self.reasons)) if self.reasons else None
            return Extraction([], art, article_date, vote_date, source, self.vote_sents, events, self.left_out, reason)
        self._count_all_others(vote_date or article_date)
        self._votes_of_the_sponsors()
        self._states_of_the_time(vote_date or article_date)
        uniq = self._unique()
        return Extraction(
            uniq, art, article_date, vote_date, source, self.vote_sents, events, self.left_out, lede, bool(lede)
        )

    def _evidence_only_where_shapes_read(self) -> None:
        """Votes read by evidence stay only with a vote the shape readers said something of (an outcome, a count,
        a member's vote, a symbol): alone they would make a vote matchable that the text's other sentences
        describe, and take its record vote from it."""
        said = {c.event for c in self.claims if c.note != EVIDENCE and c.field not in ("date", "subject", "sponsor")}
        self.claims = [c for c in self.claims if c.note != EVIDENCE or c.event in said]

    def _one_vote_per_listed_date(self) -> None:
        """ "vetoed three drafts: on 4 October 2011, on 4 February 2012 and on 19 July 2012": a recalled vote whose
        sentence lists several dates joined only by "on", "and", "again" and commas is one vote per date, each
        with what the sentence says of them all (the first date stays with the vote as read)."""
        for ev in list(self.events[1:]):
            if ev.kind not in ("earlier", "other_day"):
                continue
            listed = [(d, how, ph) for d, how, ph in ev.dates if how == "text" and ph and ph in ev.text]
            days = list(dict.fromkeys(d for d, _, _ in listed))
            if len(days) < 2 or (self.article_date and max(days) > self.article_date):
                continue
            spans = sorted((ev.text.index(ph), ev.text.index(ph) + len(ph)) for _, _, ph in listed)
            gaps = [ev.text[a[1] : b[0]] for a, b in itertools.pairwise(spans) if b[0] >= a[1]]
            if not all(re.fullmatch(r"[\s,;]*(?:(?:and|again|then|on|in)\b[\s,;]*)*", g, re.I) for g in gaps):
                continue
            said = [c for c in self.claims if c.event == ev.id and c.field != "date"]
            ev.dates = [x for x in ev.dates if x[0] == days[0]]
            for day in days[1:]:
                new = Event(len(self.events), ev.kind, ev.text, [(day, "text", day.isoformat())])
                self.events.append(new)
                self.claims += [replace(c, event=new.id) for c in said]

    def _latest_section_is_the_news(self) -> None:
        """A chronology of dated sections (two votes or more under them) that says nothing of a vote before its first ("Tuesday, July
        7 ... Wednesday, July 8 ... Saturday, July 11"): the text tells how a crisis led to its latest vote, which
        is the news; the first section's vote, read as the main one, becomes a vote of its own day."""
        votes = self.section_votes
        if self.lede or not self.first_section_main or len(votes) < 2 or 0 not in votes:
            return
        latest = max(votes, key=lambda e: votes[e][0])
        if latest == 0 or votes[latest][0] <= votes[0][0]:
            return
        main, other = self.events[0], self.events[latest]
        main.dates = [*main.dates, (votes[0][0], "text", votes[0][1])]
        for key in ("text", "dates", "window", "back"):
            a, b = getattr(main, key), getattr(other, key)
            setattr(main, key, b)
            setattr(other, key, a)
        for c in self.claims:
            c.event = latest if c.event == 0 else 0 if c.event == latest else c.event

    def _headline_names_the_vote(self) -> None:
        """A headline naming a resolution ("Arms and Apartheid: Security Council Resolution 418 (1977)") names the
        text's main vote: a guide, a fact-check or an analysis written years later may recall other votes first.
        When the vote read as the main one does not carry that number and another vote of the text does, the two
        change places (the other's claims and dates become the main vote's, and the reverse)."""
        if self.lede or len(self.events) < 2:
            return
        heads = [self.art.title or ""]
        for p in self.paras[:4]:  # title-like paragraphs before the lede: short, no closing full stop
            if len(p) > 160 or p.rstrip().endswith("."):
                break
            heads.append(p)
        named = {m[1] for h in heads for m in _RES.finditer(h)}
        res = {(c.event, str(c.claimed).split(" ")[0]) for c in self.claims if c.field == "resolution"}
        if not named or any(e == 0 and n in named for e, n in res):
            return
        other = next((e for e in self.events[1:] if e.kind in ("earlier", "other_day") and
                      any(x == e.id and n in named for x, n in res)), None)  # fmt: skip
        if other is None:
            return
        main = self.events[0]
        for key in ("text", "dates", "window", "back"):
            a, b = getattr(main, key), getattr(other, key)
            setattr(main, key, b)
            setattr(other, key, a)
        if other.kind == "earlier" and other.dates:
            other.kind = "other_day"
        for c in self.claims:
            c.event = other.id if c.event == 0 else 0 if c.event == other.id else c.event

    def _promote_the_only_vote(self) -> None:
        """A text only about "a competing draft" or "the amendment": that vote is the article's main one."""
        events, claims = self.events, self.claims
        scoring = {"yes", "no", "abstain", "unanimous", "vote", "veto", "outcome", "draft", "resolution"}
        if len(events) <= 1 or self.lede or any(c.event == 0 and c.field in scoring for c in claims):
            return
        first = events[1].id
        for c in claims:
            if c.event == first:
                c.event = 0
        events[0].dates = events[0].dates + events[1].dates
        events[0].text = events[1].text
        events.pop(1)
        for e in events[1:]:
            e.id -= 1
            if e.after is not None:  # "Days later" after the vote that is now the main one
                e.after = (0 if e.after[0] == first else e.after[0] - (e.after[0] > first), e.after[1], e.after[2])
        for c in claims:
            if c.event > first:
                c.event -= 1

    def _count_all_others(self, when: dt.date | None) -> None:
        """ "all other members voted in favour" -> a count, per event."""
        for e in self.events:
            mine = [c for c in self.claims if c.event == e.id]
            other = [c for c in mine if c.note == "all-other"]
            if other and not any(c.field == "yes" and c.note != "all-other" for c in mine):
                from unsc.rules import Council

                size = Council.on(when).size if when else 15
                nonyes = {c.member for c in mine if c.field in ("vote", "veto") and c.claimed != "yes"}
                self.claims.append(
                    Claim("yes", size - len(nonyes), other[0].text, note="all other members", event=e.id)
                )
        self.claims = [c for c in self.claims if c.note != "all-other"]

    def _states_of_the_time(self, when: dt.date | None) -> None:
        """Members named by today's name or capital ("Moscow", "Russia" in 1956) are the state that sat then."""
        from unsc.rules.charter import code_of_the_time

        for c in self.claims:
            if c.member:
                # a recalled vote the text dates ("resolution 425 of March 1978") had the members of its own day
                ev = self.events[c.event] if 0 < c.event < len(self.events) else None
                own = [d for d, how, _ in ev.dates if how == "text"] if ev else []
                then = code_of_the_time(c.member, own[0] if own else ev.window[1] if ev and ev.window else when)
                if then != c.member:
                    c.claimed = then if c.claimed == c.member else c.claimed
                    c.member = then

    def _unique(self) -> list[Claim]:
        """Each claim once per vote; the subject once, not again for another vote on the same subject."""
        seen: set[tuple[Any, ...]] = set()
        uniq = []
        for c in self.claims:
            k: tuple[Any, ...] = ("subject", c.event) if c.field == "subject" else (*c.key(), c.event)
            if k not in seen:
                seen.add(k)
                uniq.append(c)
        main_subject = {c.claimed for c in uniq if c.field == "subject" and c.event == 0}
        if self.paras:  # the headline's subject, when the text has no vote of its own ("Assembly calls for Gaza truce")
            main_subject |= {x for x in [_subject(self.paras[0])] if x}
        return [c for c in uniq if not (c.field == "subject" and c.event and c.claimed in main_subject)]


_CLAUSE = re.compile(
    # "In May 2016 it condemned ... in resolution 2286, and in May 2018 it adopted resolution 2417": each dated
    # conjunct that speaks of a vote is a vote of its own
    rf"(?:,\s+and|;\s*(?:and\s+)?)\s+(?=(?:in|on)\s+(?:(?:early|late|mid)[- ]?\s*)?(?:{_MONTHS})\b[^.;]{{0,120}}?"
    r"\b(?:adopt|vot|veto|pass|approv|authori[sz]|unanimous))|"
    # "X was adopted 14-0, after an amendment that would have ... was defeated": the "after" clause is the amendment
    r",?\s+(?=(?:after|once)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?amendments?\b[^,.;]*\b(?:was|were|had\s+been)\s+"
    r"(?:defeated|rejected|voted\s+down|adopted|withdrawn)\b)|"
    # "... adopted a brief American resolution ..., after an afternoon in which five proposed amendments were voted
    # down": the sentence's own vote, then the amendments'
    r",\s+(?=after\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:afternoon|morning|evening|day|session|meeting|night)\s+"
    r"(?:in\s+which|of|when)\b[^,.;]*\bamendments?\b[^,.;]*\b(?:was|were|had\s+been)\s+(?:defeated|rejected|voted\s+down)\b)|"
    r"(?:,\s+(?:and|while|but|whereas)|;\s*(?:and\s+|while\s+|but\s+)?)\s+(?=(?:(?:minutes|hours|moments)\s+later,?\s+|then\s+|"
    r"later\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:draft|text|amendment|resolution|proposal|counter-draft)\b)|"
    r",\s+(?=(?:a|an|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+after\s+[^,.]*\b(?:vetoe?d?|voted|adopted|"
    r"rejected|blocked)\b)|"
    r"\s*[,—–]\s+(?=(?:a|an)\s+(?:[\w-]+\s+){1,2}(?:after|since|following)\s[^,.]*\b(?:vetoe?d?|voted|adopted|rejected|blocked)\b)|"
    r";\s+(?=[A-Z][\w-]*['’]s?\s+(?:own\s+|rival\s+)?(?:draft|text|resolution|proposal)\b)|"
    r",\s+(?=(?:which|who)\s+[^,.;]*\b(?:(?:days|weeks|months)\s+(?:earlier|before|ago)|previously|last\s+(?:week|month|year))\b)|"
    # "... in October last year, when nine voted for, and in February, when thirteen did": a second dated vote
    r",\s+and\s+(?=(?:again\s+)?in\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b[^,.;]{0,20},\s+when\b)",
    re.I,
)


def _topic_names(s: str, norm: str) -> str:
    """The normalised sentence with a country named as a subject before a noun ("a Somalia resolution", "a Syria
    text") unmarked: the country's name (not its adjective: "a Russian draft") says what the text is about.

    >>> _topic_names("did not belong in a Somalia resolution", "did not belong in a ⟨SOM⟩ resolution")
    'did not belong in a Somalia resolution'
    """
    for m in re.finditer(
        r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?([A-Z][a-z]+)\s+(?:draft|resolution|text|proposal|sanctions)\b", s
    ):
        name = m[1]
        code = _MENTION_CODE.get(name)
        if code and any(re.fullmatch(kw, name.lower()) for kw in _TOPIC_WORDS):
            norm = re.sub(rf"⟨{code}⟩(?=\s+(?:draft|resolution|text|proposal|sanctions)\b)", name, norm, count=1)
    return norm


_TOPIC_WORDS = [w for kw in TOPICS for w in kw.split("|") if re.fullmatch(r"[a-z]+", w)]


def _co_sponsors(norm: str, sponsors: set[str | None], named: bool = True) -> list[str]:
    """The states a sponsor drafted the text "together with" (or "jointly with", "along with"), asides allowed;
    with no sponsor ``named`` yet, the subject of the drafting verb too ("which ⟨RUS⟩ put forward together with").

    >>> _co_sponsors("a draft prepared by ⟨DEU⟩, chair of the group, together with ⟨GBR⟩, ⟨FRA⟩ and ⟨TUR⟩.", {"DEU"})
    ['GBR', 'FRA', 'TUR']
    >>> _co_sponsors("The text, which ⟨RUS⟩ put forward together with ⟨BLR⟩ and ⟨IND⟩, said", set(), named=False)
    ['RUS', 'BLR', 'IND']
    """
    out: list[str] = []
    verb = r"(?:prepared|drafted|written|put\s+forward|tabled|introduced|sponsored|presented|proposed)"
    pat = rf"(?:⟨(?P<subj>[A-Z]{{3}})⟩\s+(?:had\s+|has\s+)?)?\b{verb}\b[^.;]{{0,90}}?\b(?:together|jointly|along)\s+with\s+{_LIST}"
    for m in re.finditer(pat, norm, re.I):
        if not named and not m["subj"]:
            continue
        codes = ([m["subj"]] if m["subj"] and not named else []) + _codes(m["list"])
        out += [c for c in codes if c not in sponsors and c not in out and c not in ("PSE", "ISR")]
    return out


def _co_author(norm: str, at: int) -> list[str]:
    """The state that "drafted the text with France": the one named just before, as subject or as the speaker's
    country ("Britain's Mark Lyall Grant, whose delegation drafted the text with France").

    >>> t = "⟨GBR⟩'s Mark Lyall Grant, whose delegation drafted the text with ⟨FRA⟩"
    >>> _co_author(t, t.find("drafted"))
    ['GBR']
    """
    before = norm[max(0, at - 80) : at]
    m = re.search(r"⟨([A-Z]{3})⟩(?:['’]s?\s+(?:[\w.'-]+\s+){0,4}?\w+,?\s+whose\s+(?:delegation|country|government|mission)\s+"
                  r"|\s+(?:had\s+|has\s+|also\s+)?)$", before)  # fmt: skip
    return [m[1]] if m else []


#: an opening phrase about other votes, before the sentence's own: "After five amendments fall, "
_AFTER_OTHERS = re.compile(
    r"((?:After|Following)\s+(?:[\w'’-]+\s+){0,4}?(?:amendments|drafts|vetoes|attempts)\b[^,;]{0,40}?"
    r"\b(?:fall|fell|failed|fail|were\s+(?:defeated|rejected|vetoed|voted\s+down)))\s*,\s+(?=\S)"
)


def _clauses(sentence: str) -> list[str]:
    """A sentence split where a second draft becomes the subject ("..., and a second Russian draft won five votes").

    >>> _clauses("The first text got six votes, and a second Russian draft won five.")
    ['The first text got six votes', 'a second Russian draft won five.']
    >>> _clauses("It was the first veto since May 1990, when France blocked a text.")
    ['It was the first veto since May 1990', 'In May 1990 France blocked a text.']
    """
    when = re.search(rf"\bsince\s+((?:(?:{_MONTHS})\s+)?(?:19|20)\d\d)\s*,\s+when\s+", sentence)
    if when:  # "the first veto since April 2004, when it blocked ...": the "when" clause is that earlier vote
        head, tail = sentence[: when.end(1)], f"In {when[1]} {sentence[when.end() :]}"
        return [*_clauses(head), *_clauses(tail)]
    opening = _AFTER_OTHERS.match(sentence)
    if opening:  # "After five amendments fall, Council adopts ...": the opening phrase is those other votes
        return [opening[1], *_clauses(sentence[opening.end() :])]
    parts = [p.strip() for p in _CLAUSE.split(sentence)]
    out: list[str] = []
    for p in parts:
        # "... a nod to the United Arab Emirates, which abstained three days earlier": the clause's subject
        lead = re.match(r"(?:which|who)\b", p)
        if lead and out:
            names = list(_MENTION_RE.finditer(out[-1]))
            if names and names[-1].end() >= len(out[-1].rstrip(" ,")) - 1:
                p = names[-1][1] + p[lead.end() :]
        if p:
            out.append(p)
    return out


_QUOTE = re.compile(r'"[^"]{12,}"|“[^”]{12,}”')
_SAID = re.compile(r"\b(?:said|says|told|added|stated|declared|argued|insisted|recalled|wrote|tweeted)\b", re.I)


def _unquote(sentence: str) -> tuple[str, str | None]:
    """A sentence without the speaker's quoted words when they speak of a vote ("Resolution 2334 was adopted
    unanimously," he said): a quotation is not the report's own claim. Returns (sentence, quotation or None).

    >>> _unquote('Nebenzia said: "Resolution 2334 was adopted without a single vote against."')
    ('Nebenzia said: “…”', '"Resolution 2334 was adopted without a single vote against."')
    >>> _unquote('The draft called for "an immediate and sustained ceasefire".')[1] is None
    True
    """
    if not _SAID.search(sentence):
        return sentence, None
    found = [m for m in _QUOTE.finditer(sentence) if _VOTE_EVENT.search(m[0])]
    if not found:
        return sentence, None
    out = sentence
    for m in reversed(found):
        out = out[: m.start()] + "“…”" + out[m.end() :]
    return out, " ".join(m[0] for m in found)


def _best_dates(dates: list[tuple[dt.date, str, str]]) -> list[tuple[dt.date, str, str]]:
    """Dates ordered by how they were given: in the text, then "on Friday", then the dateline."""
    rank = {"text": 0, "relative": 1, "dateline": 2, "approx": 3}
    return sorted(dates, key=lambda d: rank.get(d[1], 4))


def recalled_claims(sentence: str, event: int, events: list[Event]) -> list[Claim]:
    """The claims of a sentence that recalls another resolution, read for that vote (``event``), with the clause
    that says what became of it kept: "The vote follows resolution 2139, which the Council adopted unanimously
    in February" claims an adoption, unanimous, of 2139.

    >>> ev = [Event(0, "main", ""), Event(1, "earlier", "")]
    >>> s = "The vote follows resolution 2139, which the Council adopted unanimously in February, on aid."
    >>> sorted(c.key() for c in recalled_claims(s, 1, ev))
    [('outcome', None, 'adopted'), ('resolution', None, '2139'), ('unanimous', None, True)]
    """
    opened = re.sub(
        r"((?:resolution|text)\s+\d{3,4}(?:\s*\(\d{4}\))?),\s+(?:which|that)\b", r"\1, as", sentence, flags=re.I
    )
    out: dict[tuple[Any, ...], Claim] = {}
    for c in _sentence_claims(opened, event, events):
        if c.field != "subject":
            out.setdefault(c.key(), replace(c, text=sentence))
    return list(out.values())


_RUN = r"(?:the\s+)?⟨[A-Z]{3}⟩(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?⟨[A-Z]{3}⟩)*"
#: all of the Council voting, some named: "All 15 members raised their hands, including ⟨RUS⟩ and ⟨CHN⟩"
_ALL_INCLUDING = re.compile(
    r"\b(?:(?:all|every|each\s+of\s+the)\s+(?:(?:15|fifteen|11|eleven)\s+)?(?:members|hands|delegations|council\s+members)|"
    rf"unanimous\w*)\b[^.;]*?,?\s+including\s+(?:those\s+of\s+)?(?P<run>{_RUN})(?![\w⟨'’-])",
    re.I,
)


def _all_including(norm: str, got: list[Claim], cur: int) -> list[Claim]:
    """ "All 15 members raised their hands, including ⟨RUS⟩ and ⟨CHN⟩": each state named voted for it.

    >>> [c.member for c in _all_including("All 15 members voted for it, including ⟨RUS⟩ and ⟨CHN⟩.", [], 0)]
    ['RUS', 'CHN']
    >>> _all_including("All members but ⟨RUS⟩ voted for it, including ⟨CHN⟩.", [], 0)
    []
    """
    m = _ALL_INCLUDING.search(norm)
    if not m or re.search(r"abstain|against|\bno\b|veto|oppos|\bexcept\b|\bbut\b|\bsave\b", norm, re.I):
        return []
    have = {c.member for c in got if c.field == "vote"}
    return [Claim("vote", "yes", norm, member=c, event=cur) for c in _codes(m["run"]) if c not in have]


_SPONSOR_CUE = (
    r"(?:co-)?(?:drafted|sponsored|tabled|put\s+forward|prepared|written|authored|introduced|presented|penned|drawn\s+up|"
    r"offered|wrote|steered\s+through|hammered\s+out|led(?=\s+the\s+(?:effort|push|drafting|negotiations)\b))"
)
#: the drafters named in apposition to their role: "after talks with its drafters, ⟨A⟩, ⟨B⟩ and ⟨C⟩"
_SPONSOR_ROLE = re.compile(
    rf"\b(?:its|the|their|whose)\s+(?:co-)?(?:drafters|authors|sponsors|penholders|co-penholders)\s*[,:—–]\s*(?P<run>{_RUN})"
    r"(?![\w⟨'’-])"
)
#: the drafters named as a group before their names: "by the Council's five non-permanent members -- ⟨A⟩, ⟨B⟩ ...",
#: "by the non-aligned members, a caucus that this year includes ⟨A⟩ ...", "by a dozen states, among them ⟨A⟩ ..."
_SPONSOR_GROUP = (
    r"(?:[\w'’-]+\s+){0,8}?(?:members|countries|states|nations|powers|delegations|caucus|group|bloc)"
    r"(?:\s+of\s+the\s+[Cc]ouncil)?\s*(?:[,:—–(]|-{1,2})\s*"
    r"(?:(?:an?|the)\s+(?:caucus|group|bloc)\s+(?:that|which)\s+(?:[\w'’-]+\s+){0,4}?(?:includes|included|comprises)\s+|"
    r"(?:among\s+them|including|namely)\s+)?"
)
#: "tabled by ⟨A⟩ and ⟨B⟩", "prepared by the humanitarian co-penholders ⟨A⟩ and ⟨B⟩", "introduced in the Council by ⟨A⟩",
#: then "with ⟨C⟩ and ⟨D⟩ (joining as co-sponsors)"
_SPONSOR_BY = re.compile(
    rf"\b{_SPONSOR_CUE}\s+(?:[\w-]+\s+){{0,6}}?by\s+(?:[a-z][\w-]*\s+){{0,4}}"
    rf"(?:{_SPONSOR_GROUP})?"
    rf"(?P<run>{_RUN})(?![\w⟨'’-])"
    rf"(?:\s*,?\s+(?:with|together\s+with|along\s+with)\s+(?P<more>{_RUN})(?![\w⟨'’-])(?!\s+(?:\w+\s+)?\w+ing\b(?!\s+as\b)))?"
)
#: "⟨A⟩, which chaired ..., drafted the text", "⟨A⟩, which drafted it, agreed ..."
_SPONSOR_SUBJ = re.compile(
    rf"(?P<run>{_RUN})(?:\s*,\s+(?:which|who)\b[^,;]{{0,120}},)?\s+(?:had\s+|also\s+|itself\s+)?{_SPONSOR_CUE}"
    r"\s+(?:the|its|their|this|that|it\b|an?\s+(?:[\w-]+\s+){0,2}?(?:draft|text|resolution)s?)\b|"
    rf"(?P<run2>{_RUN})\s*,\s+(?:which|who)\s+(?:had\s+)?{_SPONSOR_CUE}\s+(?:it|the\s+(?:text|draft|resolution))\b|"
    # "the text, which ⟨A⟩, ⟨B⟩ and ⟨C⟩ had drafted together with seven other members"
    rf"\b(?:which|that)\s+(?P<run3>{_RUN})\s+(?:had\s+|have\s+|has\s+)?(?:jointly\s+|originally\s+)?{_SPONSOR_CUE}\b"
)


def sponsor_states(norm: str, known: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """States a clause says drafted the text, read from one sponsoring verb and the states coordinated with it,
    however far the list stands from it: what the sponsor patterns before it did not read (``known`` they did).

    >>> sponsor_states("It was sponsored by ⟨FRA⟩ with ⟨DEU⟩ and ⟨ITA⟩, and passed 15-0.")
    ['FRA', 'DEU', 'ITA']
    >>> sponsor_states("The text, prepared by the humanitarian co-penholders ⟨BEL⟩ and ⟨DEU⟩, was amended.")
    ['BEL', 'DEU']
    >>> sponsor_states("⟨AUT⟩, which chaired the working group, drafted the text after a year of talks.")
    ['AUT']
    >>> sponsor_states("It was drafted by ⟨FRA⟩, with ⟨GBR⟩ abstaining.")  # a vote, not a co-author
    ['FRA']
    """
    out: list[str] = []
    # "⟨A⟩, which lost ..., and ⟨B⟩ drafted it": a relative clause inside a run of states leaves the run whole
    norm = re.sub(r"(⟩)\s*,\s+(?:which|who)\b[^,;⟨]{0,80},\s+(?=and\s+(?:the\s+)?⟨)", r"\1 ", norm)
    for m in [*_SPONSOR_BY.finditer(norm), *_SPONSOR_ROLE.finditer(norm)]:
        out += _codes(m["run"]) + _codes(m["more"] or "" if "more" in m.re.groupindex else "")
    for m in _SPONSOR_SUBJ.finditer(norm):
        if (
            m.start() == 0
            or m["run3"]
            or re.search(r"(?:^|[,;:—–]\s*|\b(?:after|when|as|because|since|and)\s+)(?:[Tt]he\s+)?$", norm[: m.start()])
        ):
            out += _codes(m["run"] or m["run2"] or m["run3"] or "")
            more = _AS_DID.match(norm, m.end())  # "⟨A⟩ co-sponsored the text, as did ⟨B⟩ and ⟨C⟩"
            out += _codes(more["list"]) if more else []
    return [c for c in dict.fromkeys(out) if c not in known and c not in ("PSE", "ISR")]


#: "sat out the vote" says a member did not vote yes or no: an abstention or no part in the vote, the record tells
SAT_OUT = "sat out: an abstention or no part in the vote"
#: the note of a member's vote read by :mod:`unsc.news.reader` (by evidence, not by the sentence's shape)
EVIDENCE = "read by evidence"
_SAT_OUT = re.compile(r"\b(?:sat|sits|sit|sitting|stayed|staying)\s+(?:it\s+)?out\b", re.I)
_NO_PART = re.compile(r"\bdid not (?:vote|participate|take part)\b|\babsent\b|\bboycott|\bnot participat", re.I)


def _sentence_claims(s: str, cur: int, events: list[Event]) -> list[Claim]:
    """The claims one sentence makes, attributed to event ``cur`` (sponsors of the main draft named in a
    sentence about an amendment or a rival draft go to the main vote)."""
    out: list[Claim] = []
    norm = member_mentions(s)
    kind = events[cur].kind
    core = _RELATIVE_CLAUSE.sub(",", s)  # "Russia, which had blocked ..., supported it": the clause is another event
    # "After four failed attempts in a month, the Council on Wednesday adopted ...": the opening phrase recalls
    # other votes; the sentence's own outcome is its main clause's
    main_clause = _OPENING_PHRASE.sub("", core)
    o = _outcome(main_clause, member_mentions(main_clause), past=kind != "main") if main_clause != core else None
    o = o or _outcome(core, member_mentions(core), past=kind != "main")
    if o is None and _UNANIMOUS.search(core) and not _NOT_UNANIMOUS.search(core):
        o = "adopted"  # "in July it unanimously extended the mandate": a unanimous vote adopts
    if o:
        out.append(Claim("outcome", o, s, event=cur))
    if (
        re.search(r"\bprocedural\b", s, re.I)
        and re.search(r"\b(?:vote|decision|resolution|matter|motion)\b", s, re.I)
        and not re.search(r"\b(?:not|no|non)[- ]procedural\b|\bsubstantive\b", s, re.I)
    ):
        out.append(Claim("procedural", True, s, event=cur))
    for m in _RES.finditer(s):
        lead = re.match(r"\s*(?:The\s+(?:[\w-]+\s+){0,3})?[Rr]esolution\s+\d", s)
        if re.search(r"\b(adopt|pass|approv|vote)", s, re.I) or (lead and m.start() < 40):
            out.append(Claim("resolution", f"{m[1]} ({m[2]})" if m[2] else m[1], s, event=cur))
    for m in _NUMBERED.finditer(s):  # "The resolution, numbered 2216, ..."
        out.append(Claim("resolution", m[1] or m[2], s, event=cur))
    for m in _DRAFT.finditer(s):
        out.append(Claim("draft", "S/" + m[1], s, event=cur))
    for m in _SPONSOR.finditer(_topic_names(s, norm)):
        codes = (
            [m["pre"]]
            if m["pre"]
            else [m["subj"] or m["subj2"]]
            if m["subj"] or m["subj2"]
            else [m["poss"]]
            if m["poss"]
            else [m["adj"]]
            if m["adj"]
            else _codes(m["adjs"])
            if m["adjs"]
            else _codes(m["list"] or m["list2"] or m["list3"] or m["list5"] or "")
            if not m["list4"]
            else _codes(m["list4"]) + _co_author(norm, m.start())
        )
        ev = cur
        if kind in ("amendment", "rival") and _PLAIN_NOUN.search(m[0]):
            own = re.search(r"rival|competing|counter|own|amendment", m[0], re.I)
            near = re.search(r"amendment|rival|counter", norm[max(0, m.start() - 40) : m.start()], re.I)
            if not own and not near:
                ev = 0
        for c in codes:
            if c not in ("PSE", "ISR"):  # not Council members: their texts are tabled by others
                out.append(Claim("sponsor", c, s, member=c, event=ev))
    named = [c for c in out if c.field == "sponsor"]
    for code in sponsor_states(norm, {c.member or "" for c in named}):
        named.append(Claim("sponsor", code, s, member=code, event=named[0].event if named else cur))
        out.append(named[-1])
    for c in _co_sponsors(norm, {c.member for c in named}, bool(named)):
        out.append(Claim("sponsor", c, s, member=c, event=named[0].event if named else cur))
    if _E10.search(s):
        out.append(Claim("sponsor", "E10", s, member="E10", event=cur))
    subj = (
        _subject(s)
        if re.search(r"\b(resolution|draft|texts?|measure|proposal|ceasefire|amendment|bid)\b", s, re.I)
        or _VOTE_EVENT.search(s)
        else None
    )
    if subj:
        out.append(Claim("subject", subj, s, event=cur))
    counts = _counts(s)
    got = dict(counts)
    if (
        o == "failed"
        and (got.get("yes", 0) >= 9 > got.get("no", 0) or _DEFEATED_BY.search(_count_text(core)))
        and "abstain" not in got
        and _TALLY.search(_count_text(core))
        and not re.search(r"veto", core, re.I)
    ):
        # "a Russian draft was defeated 12-3": with nine votes or more and no veto a draft passes (Art. 27), so
        # a defeat's tally is given against-for
        counts = [("no" if k == "yes" else "yes" if k == "no" else k, n) for k, n in counts]
    for k, n in counts:
        out.append(Claim(k, n, s, event=cur))
    if _UNANIMOUS.search(s) and not _NOT_UNANIMOUS.search(s):
        out.append(Claim("unanimous", True, s, event=cur))
    sat_out = _SAT_OUT.search(s) and not _NO_PART.search(s)
    for code, vote in _sentence_votes(norm):
        if vote == "veto":
            out.append(Claim("veto", True, s, member=code, event=cur))
        else:
            if vote == "did not vote" and sat_out:  # read as an abstention, its usual sense, until the record says
                out.append(Claim("vote", "abstain", s, member=code, note=SAT_OUT, event=cur))
            else:
                out.append(Claim("vote", vote, s, member=code, event=cur))
    if _ALL_OTHER.search(s):
        out.append(Claim("yes", 0, s, note="all-other", event=cur))
    return out
