"""A reader of member votes by evidence, not by sentence shape (issue 10, the news7 round).

The shape readers of :mod:`unsc.news.extract` read a member's vote only when the sentence has one of the shapes
they know. This reader looks at what a clause *contains*: the states it names (``⟨CODE⟩`` after
:func:`unsc.news.extract.member_mentions`, and groups such as "the three Western powers") and the vote words it
uses, by category (in favour, against, abstain, no part, veto). Every pair of a state and a vote word in one
sentence is a candidate claim ``(state, category)``; features say how the two stand to each other (distance,
what lies between, a negation or a modal before the vote word, the state used as an adjective or as a target,
...) and a linear score of those features, with weights fitted by logistic regression on every annotated
development set (``scripts/fit_news_reader.py``, which also reports the fit set by set, leave one set out),
decides which candidates are claims. Only members the shape readers gave no vote for the same vote are
proposed, so the reader adds claims and never overrides one.

>>> [(p.member, p.category) for p in propose("The text passed with two abstentions, ⟨BRA⟩ and ⟨IND⟩.")]
[('BRA', 'abstain'), ('IND', 'abstain')]
>>> propose("⟨RUS⟩ said it would veto any text.")
[]
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "CATEGORIES",
    "THRESHOLD",
    "WEIGHTS",
    "Proposal",
    "candidates",
    "choose",
    "features",
    "propose",
    "score",
    "seated",
]

#: vote categories: the ``claimed`` value of a ``vote`` claim, or ``veto``
CATEGORIES = ("yes", "no", "abstain", "did not vote", "veto")

_VOTE_WORDS: tuple[tuple[str, str], ...] = (
    ("did not vote", r"did\s+not\s+(?:vote|participate|take\s+part)|(?:was|were)\s+absent|absent|boycott\w*|"
                     r"not\s+(?:to\s+)?(?:participate|take\s+part|vote)|stayed\s+away|non-?participation|"
                     r"(?:took|takes|take|taking)\s+no\s+part|not\s+taking\s+part|stay(?:s|ed)?\s+out\s+of\s+(?:the\s+)?vote"),
    ("veto", r"veto(?:ed|es|ing)?|vetoe?s|blocked|blocking|blocks|shot\s+(?:it\s+)?down|torpedo\w*|killed|struck\s+down"),
    ("abstain", r"abstain\w*|abstention\w*|sat\s+(?:it\s+)?out|sitting\s+out|sits?\s+out|held\s+back"),
    ("no", r"voted\s+(?:against|no|down)|voting\s+(?:against|no)|votes?\s+against|against|opposed|opposing|oppose[sd]?|"
           r"dissent\w*|negative\s+votes?|no\s+votes?|rejected|rejecting"),
    ("yes", r"voted\s+(?:in\s+favou?r|for|yes)|voting\s+(?:in\s+favou?r|for|yes)|votes?\s+(?:in\s+favou?r|for)|"
            r"in\s+favou?r|supported|supporting|supports|support|backed|backing|endorsed|approved|yes\s+votes?"),
)  # fmt: skip
_VOTE_RE = re.compile("|".join(f"(?P<c{i}>\\b(?:{p})\\b)" for i, (_, p) in enumerate(_VOTE_WORDS)), re.I)
#: words that name a vote clearly (not "supported the idea", "against the war")
_CLEAR = re.compile(r"^(?:vot|veto|abstain|abstention|did\s+not|sat|sits|sitting|boycott|negative|no\s+vote|yes\s+vote)",
                    re.I)  # fmt: skip
_GROUPS = (
    (re.compile(r"\bthe\s+(?:three\s+)?Western\s+(?:permanent\s+)?(?:powers|members|allies|democracies)\b|\bthe\s+P3\b",
                re.I), "⟨USA⟩, ⟨GBR⟩ and ⟨FRA⟩"),
)  # fmt: skip
_TOKEN = re.compile(r"⟨[A-Z]{3}⟩|\w+(?:['’]\w+)?|[^\w\s]")
_NEG = {"not", "never", "no", "didn't", "didn’t", "refused", "declined", "without", "nor", "neither", "failed"}
_MODAL = {"would", "could", "might", "may", "will", "can", "should", "threatened", "threatens", "threatening",
          "expected", "if", "unless", "ready", "prepared", "likely", "wants", "want", "plans", "vowed", "promised",
          "whether", "intends", "urged", "asked", "called"}  # fmt: skip
_TARGET = {"against", "on", "to", "over", "toward", "towards", "at", "into", "in", "about", "for", "of", "between"}
_AGENT = {"by", "from", "including", "like", "among", "except", "notably", "namely", "such"}
_LINK = {",", "and", "the", "also", "both", "as", "well", "plus", "along", "together", "with", "all", "then", "each"}
_DRAFT_NOUN = re.compile(r"^(?:draft|text|resolution|proposal|amendment|measure|bid|motion|-)$", re.I)
_SPEECH = {"said", "says", "told", "added", "argued", "insisted", "warned", "explained", "stated", "declared", "noted",
           "accused", "urged", "complained", "recalled"}  # fmt: skip
_CUT_HARD = re.compile(r";|\s(?:while|whereas|although|though|but)\s", re.I)
_CUT_SOFT = re.compile(r"\s[—–]\s|[—–]|:")


@dataclass(frozen=True)
class Proposal:
    """A candidate claim: ``member`` voted ``category`` (one of :data:`CATEGORIES`), with its ``features`` and
    ``score`` (the probability the fitted weights give it)."""

    member: str
    category: str
    features: dict[str, float]
    score: float


def _groups(norm: str) -> str:
    for pat, codes in _GROUPS:
        norm = pat.sub(codes, norm)
    return norm


def features(norm: str, s_at: tuple[int, int], v_at: tuple[int, int], category: str) -> dict[str, float]:
    """The features of one (state, vote word) pair of a sentence, from their character spans.

    >>> f = features("⟨RUS⟩ vetoed it", (0, 5), (6, 12), "veto")
    >>> f["cat_veto"], f["adjacent"], f["before"]
    (1.0, 1.0, 1.0)
    """
    toks = [(m.start(), m[0]) for m in _TOKEN.finditer(norm)]
    starts = [t[0] for t in toks]
    si, vi = bisect_right(starts, s_at[0]) - 1, bisect_right(starts, v_at[0]) - 1
    vj = bisect_right(starts, v_at[1] - 1) - 1
    lo, hi = (si + 1, vi) if si < vi else (vj + 1, si)
    between = [t for _, t in toks[lo:hi]]
    text_between = norm[min(s_at[1], v_at[1]) : max(s_at[0], v_at[0])]
    words = [t.lower() for _, t in toks]
    prev = words[si - 1] if si > 0 else ""
    nxt = toks[si + 1][1] if si + 1 < len(toks) else ""
    before_v = words[max(0, vi - 3) : vi]
    f = {f"cat_{c.replace(' ', '_')}": float(c == category) for c in CATEGORIES}
    f.update(
        log_dist=math.log1p(len(between)),
        before=float(si < vi),
        adjacent=float(si < vi and len(between) <= 2),
        states_between=min(sum(t.startswith("⟨") for t in between), 4) / 4,
        clutter=min(sum(t.lower() not in _LINK and not t.startswith("⟨") for t in between), 8) / 8,
        neg=float(
            category != "did not vote" and (any(w in _NEG for w in before_v) or before_v[-1:] in (["nobody"], ["none"]))
        ),
        modal=float(any(w in _MODAL for w in words[max(0, vi - 6) : vi])),
        cross_hard=float(bool(_CUT_HARD.search(text_between))),
        cross_soft=float(bool(_CUT_SOFT.search(text_between))),
        cross_stop=float("." in between or "?" in between),
        commas=min(between.count(","), 4) / 4,
        prep_target=float(prev in _TARGET),
        prep_agent=float(prev in _AGENT),
        prep_with=float(prev == "with"),
        adjective=float(bool(_DRAFT_NOUN.match(nxt))),
        possessive=float(nxt in ("'s", "'", "’s", "’") or norm[s_at[1] : s_at[1] + 2] in ("'s", "’s")),
        speech=float(any(w in _SPEECH for w in words)),
        clear=float(bool(_CLEAR.match(norm[v_at[0] : v_at[1]]))),
        passive_by=float(si > vi and "by" in [t.lower() for t in between]),
    )
    gap = _run_gap(words, si, vi, vj)
    after = words[vj + 1] if si > vi and vj + 1 < len(words) else ""
    f.update(
        run_gap=math.log1p(gap),
        run_adjacent_before=float(gap <= 1 and si < vi),
        run_adjacent_after=float(gap <= 1 and si > vi and after not in (",", "and")),
        link_after=float(si > vi and after in (",", "and")),
        absolute_with=float(gap <= 1 and _absolute_with(words, si, vi)),
        modifier=float(_modifier(toks, si, norm)),
        relative=float(any(w.lower() in ("which", "who", "whose", "that", "when") for w in between)),
        headline=float(not norm.rstrip().endswith((".", '"', "?", "!")) and len(toks) < 20),
        history=float(bool(_HISTORY.search(norm))),
        vote_noun=float(
            si < vi and len(between) <= 1 and bool(re.match(r"veto(?:es)?$|abstention", norm[v_at[0] : v_at[1]]))
        ),
    )
    return f


_RUN_LINK = {",", "and", "the", "as", "well", "plus", "along", "with", "also", "both", "delegation", "delegations",
             "(", ")", "—", "–", "-", "or"}  # fmt: skip


_HISTORY = re.compile(
    r"\b(?:earlier|previous(?:ly)?|times|since|(?:19|20)\d\d|ago|last\s+(?:year|month|week)|"
    r"before|once|history|record)\b",
    re.I,
)
_SUBJECT_NEXT = {"has", "have", "had", "was", "were", "is", "are", "also", "then", "did", "itself", "themselves",
                 "which", "who", "again", "instead", "on", "in", "joined", "both", "all", "alone", "too", "today",
                 "yesterday", "last", "finally", "once", "only", "not", "never", "would", "could", "cast", "used",
                 "chose", "decided", "opted", "refused", "declined", "said", "raised", "took", "stayed", "sat", "sits",
                 "abstaining", "voting", "voted", "vetoing", "joining", "delegation", "delegations", "ambassador",
                 "envoy", "representative", "representatives", "lets", "let", "allowed", "drops"}  # fmt: skip


def _modifier(toks: list[tuple[int, str]], si: int, norm: str) -> bool:
    """The state names a draft, a target or a place rather than a voter: the word after its list is a noun
    ("the ⟨A⟩ draft", "⟨B⟩'s regime", "⟨C⟩ arms embargo", "⟨D⟩-drafted")."""
    i = si + 1
    while i < len(toks) and (toks[i][1].lower() in ("and", ",", "the") or toks[i][1].startswith("⟨")):
        i += 1
    if i >= len(toks):
        return False
    w = toks[i][1]
    if w in ("'s", "’s", "'", "’") and i + 1 < len(toks):
        w = toks[i + 1][1]
    if w == "-":
        return True
    return w.isalpha() and w.islower() and w not in _SUBJECT_NEXT and not _VOTE_RE.match(norm, toks[i][0])


def _run_gap(words: list[str], si: int, vi: int, vj: int) -> int:
    """How many words lie between the vote word and the edge of the list of states the state stands in ("⟨A⟩,
    ⟨B⟩ and ⟨C⟩ abstained": none for ⟨A⟩ as for ⟨C⟩)."""
    step = 1 if si < vi else -1
    i = si + step
    while 0 <= i < len(words) and (words[i] in _RUN_LINK or words[i].startswith("⟨")) and i != vi and i != vj:
        i += step
    end = vi if si < vi else vj
    return abs(end - i) if (step == 1 and i <= end) or (step == -1 and i >= end) else 0


def _absolute_with(words: list[str], si: int, vi: int) -> bool:
    """ "with ⟨A⟩ voting against", "with ⟨A⟩ and ⟨B⟩ abstaining": the vote word is a participle after ``with``."""
    if not si < vi or not words[vi].endswith("ing"):
        return False
    j = si - 1
    while j >= 0 and (words[j] in _RUN_LINK - {"with"} or words[j].startswith("⟨")):
        j -= 1
    return j >= 0 and words[j] == "with"


@lru_cache(maxsize=4096)
def seated(code: str, when: dt.date | None) -> bool:
    """Whether the state sat on the Council that day (by the rules' roster); ``True`` when the day is unknown or
    the roster does not cover it.

    >>> seated("GAB", dt.date(2023, 5, 1)), seated("SYR", dt.date(2023, 5, 1)), seated("SYR", None)
    (True, False, True)
    """
    from unsc.rules import Council

    if when is None:
        return True
    try:
        council = Council.seated(when)
    except Exception:  # a day before the first meeting or beyond the roster: nothing to tell
        return True
    return council.canonical(code) in (council.members or ())


def candidates(norm: str, when: dt.date | None = None) -> list[tuple[str, str, dict[str, float]]]:
    """Every (state, category, features) pair of a sentence with states marked ``⟨CODE⟩``: each state with each
    vote word, the pair's features with two more saying whether the vote word is the state's nearest one and the
    state the first named.

    >>> [(m, c) for m, c, _ in candidates("⟨CHN⟩ abstained and ⟨GBR⟩ voted against")]
    [('CHN', 'abstain'), ('CHN', 'no'), ('GBR', 'abstain'), ('GBR', 'no')]
    >>> candidates("⟨GBR⟩ did not veto it")
    []
    """
    norm = _groups(norm)
    states = [(m[1], m.span()) for m in re.finditer(r"⟨([A-Z]{3})⟩", norm)]
    votes = []
    for m in _VOTE_RE.finditer(norm):
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None)
        votes.append((_VOTE_WORDS[i][0], m.span()))
    out = []
    for k, (code, s_at) in enumerate(states):
        dists = [abs(v_at[0] - s_at[0]) for _, v_at in votes]
        feats = [features(norm, s_at, v_at, cat) for cat, v_at in votes]
        for j, (cat, _) in enumerate(votes):
            f = feats[j]
            if f["neg"]:  # "did not veto", "Nobody voted against": a negated vote word says nothing of anyone
                continue
            # another vote word, of another category, that the state's list runs straight into ("⟨A⟩ voted no
            # and ⟨B⟩, ⟨C⟩ abstained": for ⟨B⟩, "no" has a rival in "abstained")
            f["rival_run"] = float(any(
                i != j and c2 != cat and feats[i]["run_adjacent_before"] for i, (c2, _) in enumerate(votes)
            ))  # fmt: skip
            f["nearest"] = float(dists[j] == min(dists))
            f["first_state"] = float(k == 0)
            f["n_votes"] = min(len(votes), 4) / 4
            f["not_seated"] = float(not seated(code, when))
            out.append((code, cat, f))
    return out


#: the weights of the linear score, fitted by ``scripts/fit_news_reader.py`` on every development set
WEIGHTS: dict[str, float] = {
    "bias": -0.18,
    "absolute_with": 0.0,
    "adjacent": 0.289,
    "adjective": -1.499,
    "before": -0.437,
    "cat_abstain": 0.102,
    "cat_did_not_vote": 1.341,
    "cat_no": -0.53,
    "cat_veto": 0.004,
    "cat_yes": -0.917,
    "clear": 0.46,
    "clutter": -1.136,
    "commas": 0.933,
    "cross_hard": -0.876,
    "cross_soft": -0.265,
    "cross_stop": -0.234,
    "first_state": 0.518,
    "headline": -0.621,
    "history": 0.042,
    "link_after": 1.355,
    "log_dist": -0.428,
    "modal": -0.003,
    "modifier": -1.77,
    "n_votes": -0.145,
    "nearest": 0.073,
    "neg": 0.0,
    "not_seated": -2.52,
    "passive_by": -1.311,
    "possessive": 1.154,
    "prep_agent": -0.742,
    "prep_target": -1.219,
    "prep_with": 0.521,
    "relative": 0.307,
    "rival_run": -1.398,
    "run_adjacent_after": -1.218,
    "run_adjacent_before": -0.124,
    "run_gap": 0.054,
    "speech": -0.639,
    "states_between": 0.771,
    "vote_noun": -0.941,
}
#: a candidate is a claim from this probability on
THRESHOLD = 0.55


def score(f: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The probability the linear score gives a candidate's features.

    >>> round(score({"x": 1.0}, {"bias": 0.0, "x": 0.0}), 2)
    0.5
    """
    w = WEIGHTS if weights is None else weights
    z = w.get("bias", 0.0) + sum(w.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


def propose(
    norm: str,
    have: set[str] | frozenset[str] = frozenset(),
    weights: dict[str, float] | None = None,
    threshold: float | None = None,
    when: dt.date | None = None,
) -> list[Proposal]:
    """The claims the reader makes of a sentence about a vote of day ``when`` (the report's date when the vote's
    own is unknown): for each state not in ``have`` (members given a vote already), its best-scored category when
    that score reaches the threshold."""
    got = [Proposal(code, cat, f, score(f, weights)) for code, cat, f in candidates(norm, when) if code not in have]
    t = THRESHOLD if threshold is None else threshold
    return [p for p in choose(got) if p.score >= t]


def choose(proposals: list[Proposal]) -> list[Proposal]:
    """One proposal per member: among the vote words its list of states runs straight into, if any ("⟨A⟩, ⟨B⟩
    abstained"), else among all, the best-scored.

    >>> a = Proposal("CHN", "no", {"run_adjacent_before": 0.0}, 0.8)
    >>> b = Proposal("CHN", "abstain", {"run_adjacent_before": 1.0}, 0.6)
    >>> [p.category for p in choose([a, b])]
    ['abstain']
    """
    by: dict[str, list[Proposal]] = {}
    for p in proposals:
        by.setdefault(p.member, []).append(p)
    out = []
    for ps in by.values():
        own = [p for p in ps if p.features.get("run_adjacent_before")]
        out.append(max(own or ps, key=lambda p: p.score))
    return out
