"""Statistics of the record: vetoes, voting agreement, adoption and unanimity over time.

Every function takes pandas DataFrames shaped like the store's tables (``docs/record-schema.md``):
``vetoes`` (one row per vetoing permanent member per proposal), ``votes`` (one row per member per
decision) and ``decisions`` (one row per vote taken), so they work on the real store and on small
frames alike.

Veto counts differ by source because they count differently: per **member** (a draft vetoed by
China and Russia counts twice, once for each) or per **draft** (it counts once). Both are given,
with the joint vetoes separately.

>>> import pandas as pd
>>> v = pd.DataFrame({"decision_id": ["S/2024/239", "S/2024/239", "S/2023/970"],
...                   "date": pd.to_datetime(["2024-03-22", "2024-03-22", "2023-12-08"]),
...                   "member": ["CHN", "RUS", "USA"]})
>>> veto_counts(v, by="member")[["member_vetoes", "drafts", "joint", "sole"]].loc["RUS"].tolist()
[1, 1, 1, 0]
>>> veto_counts(v, by="year").loc[2024, ["member_vetoes", "drafts", "joint_drafts"]].tolist()
[2, 1, 1]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from unsc.rules import Modality

__all__ = [
    "DEFAULT_PERIODS",
    "ISSUES",
    "P5_SEATS",
    "SEAT_NAMES",
    "adoption_over_time",
    "agreement_matrix",
    "filter_dates",
    "issue_of",
    "issues_of",
    "p5_alignment",
    "proper_name",
    "seat_of",
    "veto_counts",
    "vote_matrix",
    "without_a_vote",
]

#: The permanent seats, Charter order; the USSR's votes count under ``RUS`` when seats are merged.
P5_SEATS: tuple[str, ...] = ("CHN", "FRA", "RUS", "GBR", "USA")
#: Display names of the permanent seats.
SEAT_NAMES: dict[str, str] = {
    "CHN": "China",
    "FRA": "France",
    "RUS": "Russia / USSR",
    "SUN": "USSR",
    "GBR": "United Kingdom",
    "USA": "United States",
}
#: Named periods for ``by="period"``: (label, first year, last year).
DEFAULT_PERIODS: tuple[tuple[str, int, int], ...] = (
    ("1946-1965 (11 members)", 1946, 1965),
    ("1966-1991 (Cold War, 15 members)", 1966, 1991),
    ("1992-2010", 1992, 2010),
    ("2011-", 2011, 9999),
)


#: The coded issues of the record's topics (in the spirit of R unvotes' ``issues``): code -> meaning.
#: Country situations are coded by region; the rest by theme. The patterns that assign them are the
#: package data file ``unsc/analysis/issues.csv`` (first matching row wins).
ISSUES: dict[str, str] = {
    "middle_east": "Middle East: the Palestinian question, Israel-Lebanon, Syria, Iraq-Kuwait, Yemen, Iran",
    "africa": "country and regional situations in Africa",
    "europe": "country situations in Europe: the Balkans, Cyprus, Georgia, Ukraine, early Cold War crises",
    "asia": "country situations in Asia and the Pacific: Afghanistan, Korea, Timor, India-Pakistan, ...",
    "americas": "country situations in the Americas: Haiti, Central America, Colombia, Falklands, ...",
    "nonproliferation": "non-proliferation and disarmament: DPRK, weapons of mass destruction, small arms",
    "terrorism": "threats to peace and security caused by terrorist acts",
    "tribunals": "international criminal tribunals (ICTY, ICTR, IRMCT) and their prosecutors",
    "institutional": "the Council's institutional business: admission of members, the Secretary-General, ICJ elections",
    "thematic": "Council-wide themes: peacekeeping, civilians, children, women, sanctions, regional organisations",
    "other": "a topic that fits none of the above (US-USSR incidents)",
}


def _issue_patterns() -> list[tuple[str, Any]]:
    import csv
    import re
    from importlib.resources import files

    global _PATTERNS
    if _PATTERNS is None:
        text = files("unsc.analysis").joinpath("issues.csv").read_text(encoding="utf-8")
        rows = [r for r in csv.reader(line for line in text.splitlines() if not line.startswith("#"))][1:]
        for n, (code, _) in enumerate(rows, 2):
            if code not in ISSUES:
                raise ValueError(f"unsc/analysis/issues.csv: row {n}: unknown issue {code!r}")
        _PATTERNS = [(code, re.compile(pattern, re.I)) for code, pattern in rows]
    return _PATTERNS


_PATTERNS: list[tuple[str, Any]] | None = None


def issue_of(topic: str | None) -> str | None:
    """The coded issue (a key of :data:`ISSUES`) of a free-text topic; ``None`` for no topic or no match.

    >>> issue_of("Middle East, inc. Palestinian question"), issue_of("Israel-Palestine"), issue_of("Non-proliferation/DPRK")
    ('middle_east', 'middle_east', 'nonproliferation')
    >>> issue_of(None) is None
    True
    """
    if not isinstance(topic, str) or not topic.strip():
        return None
    for code, pattern in _issue_patterns():
        if pattern.search(topic):
            return code
    return None


def issues_of(topics: pd.Series) -> pd.Series:
    """:func:`issue_of` over a column of topics, as a categorical with every code of :data:`ISSUES`.

    >>> issues_of(pd.Series(["Somalia", None])).tolist()
    ['africa', nan]
    """
    mapping = {t: issue_of(t) for t in topics.dropna().unique()}
    return pd.Categorical(topics.map(mapping), categories=list(ISSUES))


_ACRONYMS = frozenset({"USSR", "UK", "USA", "US", "UAE", "DPRK", "DR", "FYR", "UN", "II", "III"})
_SMALL = frozenset({"of", "and", "the", "de", "du", "da", "del", "la", "for", "on"})


def proper_name(name: Any) -> Any:
    """A state's name in normal case when a source wrote it in capitals; any other name unchanged.

    Acronyms stay in capitals and the small words in lower case, so nothing reads "Ussr".

    >>> proper_name("AUSTRALIA"), proper_name("USSR"), proper_name("COTE D'IVOIRE")
    ('Australia', 'USSR', "Cote d'Ivoire")
    >>> proper_name("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND"), proper_name("GUINEA-BISSAU")
    ('United Kingdom of Great Britain and Northern Ireland', 'Guinea-Bissau')
    >>> proper_name("LAO PEOPLE'S DEMOCRATIC REPUBLIC"), proper_name("Türkiye")
    ("Lao People's Democratic Republic", 'Türkiye')
    """
    if not isinstance(name, str) or not name.isupper():
        return name
    words = []
    for i, word in enumerate(name.split(" ")):
        bare = word.strip("(),.")
        if bare in _ACRONYMS:
            words.append(word)
        elif i and word.lower() in _SMALL:
            words.append(word.lower())
        elif word.upper().startswith("D'") and len(word) > 2:
            words.append("d'" + word[2:].capitalize())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def _member_code(name: str) -> str:
    """A member's code from a code or name (``"Russia"`` -> ``RUS``); an unknown text is kept as given."""
    from unsc.rules import UnknownMemberError, member

    try:
        return member(name).code
    except UnknownMemberError:
        return name


def seat_of(code: str) -> str:
    """The seat a member code votes in: the USSR (``SUN``) and Russia share one.

    >>> seat_of("SUN"), seat_of("USA")
    ('RUS', 'USA')
    """
    return "RUS" if code == "SUN" else code


def without_a_vote(modality: pd.Series) -> pd.Series:
    """Which decisions were taken without a recorded vote: by consensus or by acclamation
    (:attr:`unsc.rules.Modality.is_without_vote`); a missing modality is a recorded vote.

    >>> without_a_vote(pd.Series(["recorded", "without_vote", "acclamation", None])).tolist()
    [False, True, True, False]
    """
    return modality.map(lambda m: isinstance(m, str) and Modality(m).is_without_vote).astype(bool)


def filter_dates(df: pd.DataFrame, since: Any = None, until: Any = None, column: str = "date") -> pd.DataFrame:
    """Rows with ``since <= date <= until`` (a year like ``1990`` means the whole year).

    >>> df = pd.DataFrame({"date": pd.to_datetime(["1989-12-31", "1990-06-01", "1991-01-01"])})
    >>> len(filter_dates(df, since=1990, until=1990))
    1
    """
    if df.empty or (since is None and until is None):
        return df
    dates = pd.to_datetime(df[column])
    mask = pd.Series(True, index=df.index)
    if since is not None:
        mask &= dates >= pd.Timestamp(_bound(since, start=True))
    if until is not None:
        mask &= dates <= pd.Timestamp(_bound(until, start=False))
    return df[mask]


def _bound(value: Any, start: bool) -> dt.date:
    """A period's first (``start``) or last day, read as the CLI, the store and the web read it."""
    from unsc.record.dates import parse_date

    day = parse_date(value, end=not start)
    if day is None:
        raise ValueError(f"bad date {value!r}: expected a year (2000) or YYYY-MM-DD")
    return day


# --------------------------------------------------------------------------------------------
# Vetoes


def _proposal_keys(vetoes: pd.DataFrame) -> pd.Series:
    """One key per vetoed proposal: decision id, else draft, else date + meeting + title."""
    key = pd.Series([None] * len(vetoes), index=vetoes.index, dtype=object)
    for col in ("decision_id", "draft"):
        if col in vetoes:
            key = key.where(key.notna(), vetoes[col].where(vetoes[col].notna(), None))
    if key.isna().any():
        parts = [vetoes[c].astype(str) for c in ("date", "meeting", "title") if c in vetoes]
        fallback = parts[0].str.cat(parts[1:], sep="|") if parts else pd.Series(vetoes.index.astype(str))
        key = key.where(key.notna(), fallback)
    return key


def veto_counts(
    vetoes: pd.DataFrame,
    by: str = "member",
    decisions: pd.DataFrame | None = None,
    merge_successors: bool = True,
    periods: Sequence[tuple[str, int, int]] = DEFAULT_PERIODS,
    since: Any = None,
    until: Any = None,
) -> pd.DataFrame:
    """Veto counts by ``member``, ``year``, ``decade``, ``period``, ``topic`` or ``issue`` (coded, :data:`ISSUES`).

    * ``by="member"``: one row per member with ``member_vetoes`` (proposals it vetoed), ``drafts``
      (the same count: a member vetoes a proposal once), ``joint`` (of them, vetoed with another
      member), ``sole`` and ``first``/``last`` dates.
    * otherwise one row per group with a column per permanent seat (member-level counts),
      ``member_vetoes`` (their sum), ``drafts`` (distinct proposals) and ``joint_drafts``
      (proposals vetoed by two or more members).

    ``merge_successors`` counts the USSR's vetoes under the Russia/USSR seat (``RUS``). Topics
    come from ``decisions.topic`` (joined on ``decision_id``) where given, else the veto's title.

    >>> v = pd.DataFrame({"date": pd.to_datetime(["1956-10-30", "1956-10-30", "1970-03-17"]),
    ...                   "draft": ["S/3710", "S/3710", "S/9696"], "member": ["FRA", "GBR", "GBR"]})
    >>> veto_counts(v, by="decade")[["FRA", "GBR", "member_vetoes", "drafts"]].values.tolist()
    [[1, 1, 2, 1], [0, 1, 1, 1]]
    """
    v = filter_dates(vetoes, since, until).copy()
    if merge_successors:
        v["member"] = v["member"].map(seat_of)
    v["_key"] = _proposal_keys(v)
    v = v.drop_duplicates(["_key", "member"])
    per_key = v.groupby("_key")["member"].nunique()
    v["_joint"] = v["_key"].map(per_key) > 1
    dates = pd.to_datetime(v["date"]) if "date" in v else pd.Series(pd.NaT, index=v.index)
    if by == "member":
        g = v.assign(_date=dates).groupby("member")
        drafts = g["_key"].nunique()
        # counted on the joint rows and reindexed: a groupby().apply() on no vetoes (a period with
        # none) returned a frame, not a column, and failed with "Buffer has wrong number of dimensions"
        joint = v[v["_joint"]].groupby("member")["_key"].nunique().reindex(drafts.index, fill_value=0)
        out = pd.DataFrame(
            {
                "member_vetoes": drafts,
                "drafts": drafts,
                "joint": joint,
                "first": g["_date"].min(),
                "last": g["_date"].max(),
            }
        )
        out["sole"] = out["drafts"] - out["joint"]
        out["name"] = [SEAT_NAMES.get(m, m) for m in out.index]
        order = [m for m in (*P5_SEATS, "SUN") if m in out.index] + [m for m in out.index if m not in SEAT_NAMES]
        return out.loc[order, ["name", "member_vetoes", "drafts", "joint", "sole", "first", "last"]]
    if by == "year":
        v["_group"] = dates.dt.year
    elif by == "decade":
        v["_group"] = (dates.dt.year // 10 * 10).astype("Int64").astype(str) + "s"
    elif by == "period":
        years = dates.dt.year

        def label(y: float) -> str:
            for name, a, b in periods:
                if a <= y <= b:
                    return name
            return "other"

        v["_group"] = years.map(label)
    elif by in ("topic", "issue"):
        topic = pd.Series([None] * len(v), index=v.index, dtype=object)
        if decisions is not None and "decision_id" in v and "topic" in decisions:
            topics = decisions.dropna(subset=["topic"]).set_index("decision_id")["topic"]
            topic = v["decision_id"].map(topics)
        if "title" in v:
            topic = topic.where(topic.notna(), v["title"].map(_short_title))
        if by == "issue":  # the coded issue of the topic, else of the agenda title
            coded = topic.map(issue_of)
            if "title" in v:
                coded = coded.where(coded.notna(), v["title"].map(issue_of))
            topic = coded
        v["_group"] = topic.fillna("(unknown)")
    else:
        raise ValueError(f"unknown grouping {by!r}: expected member, year, decade, period, topic or issue")
    table = v.pivot_table(index="_group", columns="member", values="_key", aggfunc="nunique", fill_value=0)
    cols = [m for m in (*P5_SEATS, "SUN") if m in table.columns] + [
        c for c in table.columns if c not in (*P5_SEATS, "SUN")
    ]
    table = table[cols].astype(int)
    table["member_vetoes"] = table[cols].sum(axis=1)
    table["drafts"] = v.groupby("_group")["_key"].nunique()
    table["joint_drafts"] = v[v["_joint"]].groupby("_group")["_key"].nunique().reindex(table.index, fill_value=0)
    table.columns.name = None
    table.index.name = by
    if by == "period":
        table = table.reindex([p[0] for p in periods if p[0] in table.index] + [i for i in table.index if i == "other"])
    if by in ("topic", "issue"):
        table = table.sort_values(["drafts", "member_vetoes"], ascending=False)
    return table


def _short_title(title: Any) -> Any:
    """A topic from a free-text agenda title: the words before the first colon, dash or parenthesis."""
    if not isinstance(title, str):
        return None
    t = title.strip()
    for sep in (":", " - ", " — ", " – ", "(", "Letter", "Report"):
        i = t.find(sep)
        if i >= 3:
            t = t[:i]
    return t.strip(" ,.;") or None


# --------------------------------------------------------------------------------------------
# Voting agreement

_SCORE = {"Y": 1.0, "A": 0.5, "N": 0.0}


def vote_matrix(
    votes: pd.DataFrame,
    decisions: pd.DataFrame | None = None,
    since: Any = None,
    until: Any = None,
    recorded_only: bool = True,
    contested_only: bool = False,
    merge_successors: bool = False,
) -> pd.DataFrame:
    """Decisions x members table of votes (``Y``/``N``/``A``/``X``; missing where not on the Council).

    ``recorded_only`` drops decisions adopted without a vote (the UN data codes those as a yes for
    every member, which would inflate agreement). ``contested_only`` keeps decisions with at least
    one negative vote or abstention. Dates come from ``decisions`` (or a ``date`` column in ``votes``).

    >>> v = pd.DataFrame({"decision_id": ["a", "a", "b", "b"], "member": ["USA", "SUN", "USA", "RUS"],
    ...                   "vote": ["Y", "N", "Y", "Y"]})
    >>> vote_matrix(v, merge_successors=True).loc["a", "RUS"]
    'N'
    """
    v = votes[["decision_id", "member", "vote"] + (["date"] if "date" in votes else [])].copy()
    if decisions is not None:
        keep = decisions
        if recorded_only and "modality" in keep:
            keep = keep[~without_a_vote(keep["modality"])]
        keep = filter_dates(keep, since, until)
        v = v[v["decision_id"].isin(keep["decision_id"])]
    elif "date" in v:
        v = filter_dates(v, since, until)
    if merge_successors:
        v["member"] = v["member"].map(seat_of)
    m = v.pivot_table(index="decision_id", columns="member", values="vote", aggfunc="first")
    if contested_only and len(m):
        m = m[(m.isin(["N", "A"])).any(axis=1)]
    m.columns.name = None
    return m


def _agreement_from_matrix(m: pd.DataFrame, method: str) -> tuple[np.ndarray, np.ndarray]:
    arr = m.to_numpy(dtype=object)
    ind = {k: (arr == k).astype(float) for k in ("Y", "A", "N")}
    common = sum(ind.values())
    common_pairs = common.T @ common
    if method == "share":
        same = sum(x.T @ x for x in ind.values())
        return same, common_pairs
    if method == "index":
        half = ind["Y"].T @ ind["A"] + ind["A"].T @ ind["Y"] + ind["A"].T @ ind["N"] + ind["N"].T @ ind["A"]
        full = ind["Y"].T @ ind["N"] + ind["N"].T @ ind["Y"]
        return common_pairs - 0.5 * half - full, common_pairs
    raise ValueError(f"unknown agreement method {method!r}: expected share or index")


def agreement_matrix(
    votes: pd.DataFrame,
    decisions: pd.DataFrame | None = None,
    members: Iterable[str] | None = None,
    method: str = "index",
    since: Any = None,
    until: Any = None,
    min_common: int = 1,
    contested_only: bool = False,
    merge_successors: bool = True,
    with_counts: bool = False,
) -> pd.DataFrame | tuple[pd.DataFrame, pd.DataFrame]:
    """Pairwise voting agreement over the decisions both members voted on (``X`` is left out).

    * ``method="share"``: the share of those decisions on which the two voted the same.
    * ``method="index"``: the agreement index, with yes / abstain / no scored 1 / 0.5 / 0: the mean
      of ``1 - |s_i - s_j|`` (an abstention half agrees with either side, after Lijphart and Voeten).

    Pairs with fewer than ``min_common`` common decisions are NaN. ``members`` restricts and orders
    the result (default: the permanent seats first, then by number of votes).

    >>> v = pd.DataFrame({"decision_id": list("aabbcc"), "member": ["USA", "FRA"] * 3,
    ...                   "vote": ["Y", "Y", "Y", "A", "N", "Y"]})
    >>> agreement_matrix(v, method="share").loc["USA", "FRA"]
    np.float64(0.3333333333333333)
    >>> agreement_matrix(v, method="index").loc["USA", "FRA"]
    np.float64(0.5)
    """
    m = vote_matrix(votes, decisions, since, until, contested_only=contested_only, merge_successors=merge_successors)
    if members is not None:
        codes = [_member_code(x) for x in members]  # names worked nowhere: all-NaN for ["China", "Russia"]
        wanted = [seat_of(x) if merge_successors else x for x in codes]
        m = m.reindex(columns=list(dict.fromkeys(wanted)))
    else:
        counts = m.notna().sum().sort_values(ascending=False)
        first = [c for c in (*P5_SEATS, "SUN") if c in m.columns]
        m = m[first + [c for c in counts.index if c not in first]]
    agree, common = _agreement_from_matrix(m, method)
    with np.errstate(invalid="ignore", divide="ignore"):
        values = np.where(common >= max(min_common, 1), agree / np.where(common == 0, 1, common), np.nan)
    out = pd.DataFrame(values, index=m.columns, columns=m.columns)
    if with_counts:
        return out, pd.DataFrame(common.astype(int), index=m.columns, columns=m.columns)
    return out


def p5_alignment(
    votes: pd.DataFrame,
    decisions: pd.DataFrame,
    window: int = 5,
    step: int = 1,
    method: str = "index",
    contested_only: bool = False,
    since: Any = None,
    until: Any = None,
) -> pd.DataFrame:
    """Agreement of each pair of permanent seats over rolling windows of ``window`` years.

    Returns a long table: ``window_start, window_end, pair, a, b, agreement, decisions``
    (the USSR's votes count for the Russia/USSR seat).

    >>> d = pd.DataFrame({"decision_id": ["a", "b"], "date": pd.to_datetime(["2000-01-01", "2001-01-01"])})
    >>> v = pd.DataFrame({"decision_id": ["a"] * 5 + ["b"] * 5, "member": list(P5_SEATS) * 2,
    ...                   "vote": list("YYNYY") + list("YYYYY")})
    >>> r = p5_alignment(v, d, window=2)
    >>> row = r[r.pair == "CHN-RUS"].iloc[0]
    >>> int(row.window_end), float(row.agreement), int(row.decisions)
    (2001, 0.5, 2)
    """
    d = filter_dates(decisions, since, until)
    if "modality" in d:
        d = d[~without_a_vote(d["modality"])]
    years = pd.to_datetime(d["date"]).dt.year
    rows = []
    if years.empty:
        return pd.DataFrame(columns=["window_start", "window_end", "pair", "a", "b", "agreement", "decisions"])
    v = votes[votes["member"].map(seat_of).isin(P5_SEATS)]
    lo, hi = int(years.min()), int(years.max())
    for end in range(lo + window - 1, hi + 1, step):
        ids = d.loc[(years > end - window) & (years <= end), ["decision_id"]]
        ids = ids.assign(modality="recorded")
        agree, common = agreement_matrix(
            v,
            ids.assign(date=pd.Timestamp(f"{end}-01-01")),
            members=P5_SEATS,
            method=method,
            contested_only=contested_only,
            with_counts=True,
        )
        for i, a in enumerate(P5_SEATS):
            for b in P5_SEATS[i + 1 :]:
                rows.append(
                    {
                        "window_start": end - window + 1,
                        "window_end": end,
                        "pair": f"{a}-{b}",
                        "a": a,
                        "b": b,
                        "agreement": agree.loc[a, b],
                        "decisions": int(common.loc[a, b]),
                    }
                )
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------------------------
# Adoption, unanimity, contested votes


def adoption_over_time(decisions: pd.DataFrame, by: str = "year", since: Any = None, until: Any = None) -> pd.DataFrame:
    """Per year (or ``decade``): decisions taken, adopted, failed (vetoed / short of votes), adopted
    without a vote, unanimous recorded votes, contested votes (at least one vote against) and divided
    ones (at least one vote against or abstention), with rates.

    ``adoption_rate`` is adopted / decisions; ``unanimity_rate``, ``contested_rate`` and
    ``divided_rate`` are over recorded votes with a known tally.

    >>> d = pd.DataFrame({"date": pd.to_datetime(["2024-03-22", "2024-03-25", "2024-06-10"]),
    ...                   "adopted": [False, True, True], "failure_reason": ["veto", "none", "none"],
    ...                   "modality": ["recorded"] * 3, "yes": [11, 14, 14], "no": [3, 0, 0],
    ...                   "abstain": [1, 1, 0], "non_voting": [0, 0, 0]})
    >>> adoption_over_time(d).loc[2024, ["decisions", "adopted", "vetoed", "unanimous", "contested", "divided"]].tolist()
    [3, 2, 1, 1, 1, 2]
    """
    d = filter_dates(decisions, since, until).copy()
    years = pd.to_datetime(d["date"]).dt.year
    d["_group"] = years if by == "year" else (years // 10 * 10)
    if by not in ("year", "decade"):
        raise ValueError(f"unknown grouping {by!r}: expected year or decade")
    recorded = ~without_a_vote(d["modality"]) if "modality" in d else pd.Series(True, d.index)
    tally_known = d[["yes", "no", "abstain"]].notna().all(axis=1) if "no" in d else pd.Series(False, d.index)
    no = d["no"].fillna(0).astype(int) if "no" in d else 0
    ab = d["abstain"].fillna(0).astype(int) if "abstain" in d else 0
    nv = d["non_voting"].fillna(0).astype(int) if "non_voting" in d else 0
    adopted = d["adopted"].fillna(False).astype(bool)
    reason = d["failure_reason"].fillna("") if "failure_reason" in d else pd.Series("", d.index)
    f = pd.DataFrame(
        {
            "_group": d["_group"],
            "decisions": 1,
            "adopted": adopted.astype(int),
            "failed": (~adopted).astype(int),
            "vetoed": (reason == "veto").astype(int),
            "insufficient_votes": (reason == "insufficient_votes").astype(int),
            "without_vote": (~recorded).astype(int),
            "recorded_known": (recorded & tally_known).astype(int),
            "unanimous": (recorded & tally_known & (no == 0) & (ab == 0) & (nv == 0)).astype(int),
            "contested": (recorded & tally_known & (no > 0)).astype(int),
            "divided": (recorded & tally_known & ((no > 0) | (ab > 0))).astype(int),
        }
    )
    out = f.groupby("_group").sum()
    out.index.name = by
    out["adoption_rate"] = out["adopted"] / out["decisions"]
    denom = out["recorded_known"].where(out["recorded_known"] > 0)
    out["unanimity_rate"] = out["unanimous"] / denom
    out["contested_rate"] = out["contested"] / denom
    out["divided_rate"] = out["divided"] / denom
    return out
