"""Checks across fields and sources after the merge: one vote served once, and a topic that agrees with
its meeting.

Two classes of error that no single source shows and the merge cannot see row by row:

* **One vote, two decisions.** A third-party row that lost its resolution number (Voting-Agent's
  "Missing") is not matched to the resolution the official sources give without a draft symbol, so the
  same vote is served twice: once as the resolution, once as an "adopted draft" without a number.
  :func:`fold_duplicate_adoptions` folds such a row into the resolution adopted at the same meeting (or
  on the same day when no meeting is known) with the same tally and, where both have them, the same
  member votes; its draft symbol and sponsors join the resolution, and a ``conflicts`` row says so.
* **A topic from the wrong row.** A topic column filled down over unrelated rows names a place the
  meeting (the Library's calendar) and the title do not: :func:`check_topics` replaces it by the
  meeting's own topic when that is a topic the record already uses, or withholds it, with a
  ``conflicts`` row either way.

>>> import datetime as dt, pandas as pd
>>> d = pd.DataFrame([
...     {"decision_id": "S/RES/2487(2019)", "resolution_number": 2487, "draft": None, "kind": "draft_resolution",
...      "adopted": True, "meeting": "S/PV.8616", "date": dt.date(2019, 9, 12), "yes": 15, "no": 0, "abstain": 0,
...      "sponsors": None, "sources": ["undl_wide"]},
...     {"decision_id": "S/2019/725", "resolution_number": None, "draft": "S/2019/725", "kind": "draft_resolution",
...      "adopted": True, "meeting": "S/PV.8616", "date": dt.date(2019, 9, 12), "yes": 15, "no": 0, "abstain": 0,
...      "sponsors": "United Kingdom", "sources": ["voting_agent"]}])
>>> v = pd.DataFrame(columns=["decision_id", "member", "vote"])
>>> d2, v2, rows = fold_duplicate_adoptions(d, v)
>>> d2[["decision_id", "draft", "sponsors"]].values.tolist(), rows[0]["field"]
([['S/RES/2487(2019)', 'S/2019/725', 'United Kingdom']], 'crosscheck:duplicate')
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import pandas as pd

from unsc.record.merge import _SPONSOR_SPLIT, _missing, sponsor_names
from unsc.record.sources.normalize import DRAFT_UNCERTAIN
from unsc.rules.members import (
    NAMES_OF_THE_TIME,
    TIMELESS_SHORT_NAMES,
    all_members,
    find_member,
    name_fits,
    name_of_the_time,
    normalize_name,
)

__all__ = [
    "CALENDAR_ORDER_NOTE",
    "DRAFTS_VOTED_LATE",
    "DRAFT_ORDER_NOTE",
    "agenda_key",
    "align_vetoes",
    "check_topics",
    "correct_typos",
    "drafts_out_of_order",
    "flag_calendar_order",
    "flag_drafts_out_of_order",
    "flag_split_meetings",
    "fold_duplicate_adoptions",
    "meetings_out_of_order",
    "misspellings",
    "name_fits",
    "name_of_the_time",
    "names_of_the_time",
    "one_spelling",
    "places",
    "spelled_right",
    "spelling_variants",
    "split_meetings",
    "sponsor_names",
    "sponsor_of_the_time",
    "sponsors_of_the_time",
]


def _uncertain(entity: str, field: str, source: str, value: Any, reason: Any) -> dict[str, Any]:
    """A ``conflicts`` row for a value served as its source gives it, with a note that it is uncertain."""
    return {
        "entity": entity,
        "field": field,
        "source_a": source,
        "value_a": value,
        "source_b": "crosscheck",
        "value_b": "uncertain",
        "chosen": value,
        "reason": reason,
    }


def fold_duplicate_adoptions(
    decisions: pd.DataFrame, votes: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """Fold each adopted draft without a resolution number into the one resolution it duplicates."""
    dec = decisions.copy()
    conflicts: list[dict[str, Any]] = []
    orphan = dec["adopted"].fillna(False).astype(bool) & dec["resolution_number"].isna()
    orphan &= dec["kind"].fillna("draft_resolution").eq("draft_resolution")
    resolutions = dec[dec["resolution_number"].notna()]
    # the member votes of the orphans and of the resolutions they could duplicate (not of the whole record)
    same_meeting = resolutions["meeting"].isin(dec.loc[orphan, "meeting"].dropna())
    same_day = resolutions["date"].isin(dec.loc[orphan, "date"].dropna())
    wanted = set(dec.loc[orphan, "decision_id"]) | set(resolutions.loc[same_meeting | same_day, "decision_id"])
    few = votes[votes["decision_id"].isin(wanted)]
    by_decision = {k: sorted(zip(g["member"], g["vote"], strict=True)) for k, g in few.groupby("decision_id")}
    drop: list[Any] = []
    for i, row in dec[orphan].iterrows():
        same_place = (
            resolutions["meeting"] == row["meeting"]
            if not _missing(row["meeting"])
            else (resolutions["date"] == row["date"]) & resolutions["meeting"].isna()
        )
        twins = resolutions[
            same_place
            & (resolutions["yes"] == row["yes"])
            & (resolutions["no"] == row["no"])
            & (resolutions["abstain"] == row["abstain"])
            & (resolutions["draft"].isna() | (resolutions["draft"] == row["draft"]))
        ]
        mine = by_decision.get(row["decision_id"])
        twins = twins[[mine is None or by_decision.get(t) in (None, mine) for t in twins["decision_id"]]]
        if len(twins) != 1:
            continue  # none, or several it could be: left for validation to report
        j = twins.index[0]
        keep = dec.at[j, "decision_id"]
        for fld in ("draft", "sponsors", "title", "topic"):
            if fld in dec.columns and _missing(dec.at[j, fld]) and not _missing(row.get(fld)):
                dec.at[j, fld] = row[fld]
        dec.at[j, "sources"] = sorted({*(dec.at[j, "sources"] or []), *(row["sources"] or [])})
        drop.append(i)
        conflicts.append(
            {
                "entity": keep,
                "field": "crosscheck:duplicate",
                "source_a": ", ".join(row["sources"] or []),
                "value_a": f"{row['decision_id']} (adopted, no resolution number)",
                "source_b": ", ".join(dec.at[j, "sources"]),
                "value_b": str(keep),
                "chosen": str(keep),
                "reason": f"{row['decision_id']} is the same vote as resolution {int(dec.at[j, 'resolution_number'])}: "
                f"adopted at {row['meeting'] or row['date']} with the same tally "
                f"{int(row['yes'])}-{int(row['no'])}-{int(row['abstain'])}"
                + (" and the same member votes" if mine is not None and by_decision.get(keep) else "")
                + "; one vote is one decision, so its draft symbol and sponsors join the resolution",
            }
        )
    gone = set(dec.loc[drop, "decision_id"])
    dec = dec.drop(index=drop).reset_index(drop=True)
    vot = votes[~votes["decision_id"].isin(gone)].reset_index(drop=True)
    return dec, vot, conflicts


#: Places named in titles and agenda items that are not UN members (or not under that name).
_OTHER_PLACES: dict[str, str] = {
    "western sahara": "ESH",
    "kosovo": "XKX",
    "darfur": "SDN",
    "golan": "SYR",
    "palestin": "PSE",
    "gaza": "PSE",
    "czechoslovak": "CSK",
}

#: A place and the places within it, which a topic may name when its meeting names the whole.
_WITHIN: dict[str, frozenset[str]] = {
    "YUG": frozenset({"BIH", "HRV", "MKD", "SRB", "SVN", "MNE", "XKX"}),
    "SRB": frozenset({"XKX"}),
    "SDN": frozenset({"SSD"}),
    "SSD": frozenset({"SDN"}),
}

#: Agenda items and topics named after a letter or a complaint name its sender, not its subject.
_SENDER = re.compile(r"\b(letters?|telegram|request|complaint|cablegram|note verbale)\b", re.IGNORECASE)


@functools.cache
def _place_names() -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    for m in all_members():
        for n in (m.name, *m.names):
            key = normalize_name(n)
            if len(key) >= 4:
                out[key] = m.code
    out.update(_OTHER_PLACES)
    return sorted(out.items(), key=lambda kv: -len(kv[0]))


def places(text: Any) -> set[str]:
    """The states (and a few territories) a title or agenda item names, by code.

    >>> sorted(places("Security Council resolution 2023 (2011) [on measures against Eritrea]"))
    ['ERI']
    >>> sorted(places("The situation in the Middle East (Syria)")), places("Peace and security in Africa")
    (['SYR'], set())
    """
    return set() if _missing(text) else set(_places_in(str(text)))


@functools.lru_cache(maxsize=8192)
def _places_in(text: str) -> frozenset[str]:
    """:func:`places` of one string, remembered: topics and agenda items repeat across decisions."""
    t = " " + normalize_name(text) + " "
    found: set[str] = set()
    for name, code in _place_names():
        hit = name in t if name in _OTHER_PLACES else f" {name} " in t
        if hit:
            found.add(code)
            t = t.replace(name, " ")
    return frozenset(found)


def _with_parts(codes: set[str]) -> set[str]:
    return codes | {inner for p in codes for inner in _WITHIN.get(p, ())}


def check_topics(decisions: pd.DataFrame, meetings: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Replace or withhold each topic that names places its meeting's agenda and its title do not."""
    dec = decisions.copy()
    agenda = dict(zip(meetings["meeting"], meetings["topic"], strict=True)) if len(meetings) else {}
    known = set(dec["topic"].dropna())
    conflicts: list[dict[str, Any]] = []
    for i, row in dec.iterrows():
        topic = row.get("topic")
        if _missing(topic):
            continue
        on_agenda = agenda.get(row.get("meeting"))
        if _SENDER.search(str(topic)) or _SENDER.search(str(on_agenda or "")):
            continue
        claimed = places(topic)
        if not claimed:
            continue
        evidence = _with_parts(places(on_agenda))
        if claimed & evidence:
            continue  # the agenda agrees: the title need not be read
        evidence |= _with_parts(places(row.get("title")))
        if not evidence or claimed & evidence:
            continue
        parts = [p.strip() for p in re.split(r"\s*\|\s*", str(on_agenda or "")) if p.strip()]
        better = next((p for p in parts if p in known), None)
        dec.at[i, "topic"] = better
        conflicts.append(
            {
                "entity": row["decision_id"],
                "field": "crosscheck:topic",
                "source_a": "dhl_meetings" if on_agenda else "title",
                "value_a": better or "none",
                "source_b": "topic",
                "value_b": str(topic),
                "chosen": better or "none",
                "reason": f"the topic {topic!r} names {', '.join(sorted(claimed))}, but the meeting "
                f"({row.get('meeting') or 'unknown'}: {on_agenda or 'not in the calendar'}) and the title name "
                f"{', '.join(sorted(evidence))}; "
                + ("the meeting's own topic is used" if better else "the topic is withheld"),
            }
        )
    return dec, conflicts


def align_vetoes(decisions: pd.DataFrame, vetoes: pd.DataFrame) -> pd.DataFrame:
    """The vetoes table with each veto's date and meeting as its decision has them (one fact, one place).

    Corrections after the merge (cross-checks, errata) change a decision's date; the veto rows repeat it
    and must follow.

    >>> import datetime as dt
    >>> d = pd.DataFrame([{"decision_id": "S/1", "date": dt.date(1980, 1, 7), "meeting": "S/PV.2190"}])
    >>> v = pd.DataFrame([{"decision_id": "S/1", "date": dt.date(1980, 1, 9), "meeting": "S/PV.2190", "member": "SUN"}])
    >>> align_vetoes(d, v)["date"].tolist()
    [datetime.date(1980, 1, 7)]
    """
    if vetoes.empty:
        return vetoes
    out = vetoes.copy()
    by_id = decisions.set_index("decision_id")
    for col in ("date", "meeting"):
        if col in out.columns and col in by_id.columns:
            own = out["decision_id"].map(by_id[col].to_dict())
            out[col] = own.where(own.notna(), out[col])
    return out


# --- member names of the time ----------------------------------------------------------------------


def names_of_the_time(votes: pd.DataFrame, decisions: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Serve each member vote under the name its state bore on the vote's day.

    A source name that denotes another state, a later or earlier name of the state, or no state at
    all ("DONOTKNOW", "CHILEs", the typo "Ethipia") is replaced by :func:`name_of_the_time`, written in capitals where the
    source wrote capitals; each replacement is a ``conflicts`` row (field ``crosscheck:member_name``)
    that keeps the source's spelling. A missing name (a vote an erratum adds) is filled without a row.

    >>> import datetime as dt
    >>> v = pd.DataFrame({"decision_id": ["a", "a"], "member": ["ZAR", "CUB"],
    ...     "member_name": ["DEMOCRATIC REPUBLIC OF THE CONGO", "CUBA"], "source": ["undl_wide"] * 2})
    >>> d = pd.DataFrame({"decision_id": ["a"], "date": [dt.date(1991, 4, 5)]})
    >>> v2, rows = names_of_the_time(v, d)
    >>> v2["member_name"].tolist(), rows[0]["value_a"]
    (['ZAIRE', 'CUBA'], 'DEMOCRATIC REPUBLIC OF THE CONGO')
    """
    if votes.empty:
        return votes, []
    dates = {
        did: (None if d is None or pd.isna(d) else pd.Timestamp(d).date())
        for did, d in zip(decisions["decision_id"], decisions["date"], strict=True)
    }
    out = votes.copy()
    names = out["member_name"].tolist()
    conflicts: list[dict[str, Any]] = []
    for i, (did, code, name, source) in enumerate(
        zip(out["decision_id"], out["member"], names, out["source"], strict=True)
    ):
        when = dates.get(did)
        if name_fits(code, name, when):
            continue
        right = name_of_the_time(code, when)
        if isinstance(name, str) and name.strip():
            if name.isupper():
                right = right.upper()
            conflicts.append(
                {
                    "entity": did,
                    "field": "crosscheck:member_name",
                    "source_a": source,
                    "value_a": name,
                    "source_b": "crosscheck",
                    "value_b": right,
                    "chosen": right,
                    "reason": f"the name {name!r} is not one {code} bore on {when}: served as {right!r}, "
                    "the state's name of the time (unsc.rules.members.NAMES_OF_THE_TIME)",
                }
            )
        names[i] = right
    out["member_name"] = names
    return out, conflicts


# --- misspellings the sources carry into served text ---------------------------------------------------

#: Misspellings found in the titles and topics the sources give (the Digital Library's record titles,
#: Voting-Agent's agenda items, the Library's meeting topics, the WPDL veto list), each beside the word
#: the rest of the record spells right hundreds of times: ``misspelling -> word`` (lower case; the case
#: of the source is kept). Found by listing every word used once or twice that is one edit away from a
#: word used 15 times or more, and reading each (names such as "Jenin", "Gambia", "UNSMIS" are real).
TYPOS: dict[str, str] = {
    "admision": "admission",
    "aghanistan": "afghanistan",
    "agrrement": "agreement",
    "apppointment": "appointment",
    "extention": "extension",
    "malasyia": "malaysia",
    "manadate": "mandate",
    "poeple": "people",
    "scontributing": "contributing",
    "secreaty": "secretary",
    "sitution": "situation",
    "siuation": "situation",
    "societ": "soviet",
    "stabalization": "stabilization",
    "suspention": "suspension",
    "tirbunal": "tribunal",
    "unamsi": "unamsil",
    "volations": "violations",
}
_TYPO = re.compile(r"\b(" + "|".join(TYPOS) + r")\b", re.IGNORECASE)
#: A small word written twice ("the situation in in Côte d'Ivoire"); names are not words of this list.
#: An accent escape of the Digital Library scrape ("r@e1gime") that its reader did not decode.
_ACCENT_ESCAPE = re.compile(r"@[A-Za-z]\d")
_DOUBLED = re.compile(r"\b(in|of|the|and|to|on|for|by|a)\s+\1\b", re.IGNORECASE)


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def spelled_right(text: Any) -> Any:
    """``text`` with the misspellings of :data:`TYPOS` and doubled small words corrected.

    >>> spelled_right("The sitution in Cyprus")
    'The situation in Cyprus'
    >>> spelled_right("Security Council resolution 1633 (2005) [on the situation in in Côte d’Ivoire]")
    'Security Council resolution 1633 (2005) [on the situation in Côte d’Ivoire]'
    >>> spelled_right("Boutros Boutros-Ghali"), spelled_right(None)
    ('Boutros Boutros-Ghali', None)
    """
    if not isinstance(text, str):
        return text
    out = _TYPO.sub(lambda m: _same_case(TYPOS[m.group(1).lower()], m.group(1)), text)
    return _DOUBLED.sub(lambda m: m.group(1), out)


def misspellings(text: Any) -> list[str]:
    """The misspellings of :data:`TYPOS` and doubled small words in ``text`` (the invariant's check).

    >>> misspellings("Security Council resolution 1729 (2006) [on extention of the mandate]")
    ['extention']
    >>> misspellings("[on the destruction of Pan American flight 103 and Union des transports a@e1riens]")
    ['@e1']
    >>> misspellings("Tributes to Mr. P. LeÃ±o Velloso")
    ["encoded twice 'Ã±'"]
    """
    if not isinstance(text, str):
        return []
    from unsc.record.sources.normalize import repair_mojibake
    from unsc.record.sources.undl_wide import without_stray_tail

    twice = [] if repair_mojibake(text) == text else [f"encoded twice {_twice(text)!r}"]

    found = [m.group(0) for m in _TYPO.finditer(text)] + [m.group(0) for m in _DOUBLED.finditer(text)]
    cut = without_stray_tail(text)
    tail = [f"stray tail {text[len(cut) :].strip()!r}"] if cut != text else []
    return found + _ACCENT_ESCAPE.findall(text) + tail + twice


def _twice(text: str) -> str:
    """The first run of characters that :func:`~unsc.record.sources.normalize.repair_mojibake` reads back."""
    from unsc.record.sources.normalize import _MOJIBAKE, repair_mojibake

    return next(m.group(0) for m in _MOJIBAKE.finditer(text) if repair_mojibake(m.group(0)) != m.group(0))


def correct_typos(
    decisions: pd.DataFrame, meetings: pd.DataFrame, vetoes: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """Correct :func:`spelled_right` the titles and topics served, one ``conflicts`` row per field changed.

    The row keeps the source's text (field ``crosscheck:spelling:<column>``); a veto row repeats its
    decision's corrected title without a row of its own.

    >>> d = pd.DataFrame({"decision_id": ["S/2023/64"], "title": ["The sitution in Cyprus"], "topic": [None],
    ...     "sources": [["voting_agent"]]})
    >>> m = pd.DataFrame({"meeting": ["S/PV.3576"], "topic": ["The siuation in the former Yugoslavia"]})
    >>> d2, m2, _, rows = correct_typos(d, m, pd.DataFrame(columns=["decision_id", "title"]))
    >>> d2["title"].tolist(), m2["topic"].tolist(), [r["field"] for r in rows]
    (['The situation in Cyprus'], ['The situation in the former Yugoslavia'], ['crosscheck:spelling:title', 'crosscheck:spelling:meeting_topic'])
    """
    rows: list[dict[str, Any]] = []

    def fix(frame: pd.DataFrame, key: str, column: str, field: str, source: Any) -> pd.DataFrame:
        if frame.empty or column not in frame:
            return frame
        out = frame.copy()
        values = out[column].tolist()
        for i, (k, text) in enumerate(zip(out[key], values, strict=True)):
            if not isinstance(text, str):
                continue
            right = spelled_right(text)
            if right == text:
                continue
            values[i] = right
            src = source(out.iloc[i]) if callable(source) else source
            rows.append(
                {
                    "entity": k,
                    "field": f"crosscheck:spelling:{field}",
                    "source_a": src,
                    "value_a": text,
                    "source_b": "crosscheck",
                    "value_b": right,
                    "chosen": right,
                    "reason": f"misspelt in the source ({', '.join(misspellings(text))}): corrected word for word "
                    "(crosscheck.TYPOS)",
                }
            )
        out[column] = values
        return out

    def first_source(row: pd.Series) -> str:
        s = row.get("sources")
        return ",".join(s) if isinstance(s, list | tuple) else str(s)

    decisions = fix(decisions, "decision_id", "title", "title", first_source)
    decisions = fix(decisions, "decision_id", "topic", "topic", first_source)
    meetings = fix(meetings, "meeting", "topic", "meeting_topic", "dhl_meetings")
    if not vetoes.empty and "title" in vetoes:
        vetoes = vetoes.copy()
        vetoes["title"] = [spelled_right(t) for t in vetoes["title"]]
    return decisions, meetings, vetoes, rows


# --- sponsors under the names of their day ---------------------------------------------------------


def sponsor_of_the_time(name: str, when: dt.date) -> str | None:
    """The name a sponsor bore on the day of the vote, where the source wrote a name of another time
    (the Russian Federation for the USSR's drafts of 1947-1971, Belarus for the Byelorussian SSR), else ``None``.

    Only another time's name is replaced: an official long form, a short form or a placeholder
    ("President", "E10") is left as the source wrote it.

    >>> import datetime as dt
    >>> sponsor_of_the_time("Russian Federation", dt.date(1947, 8, 4)), sponsor_of_the_time("Ukraine", dt.date(1948, 4, 17))
    ('USSR', 'Ukrainian SSR')
    >>> sponsor_of_the_time("Russian Federation", dt.date(2024, 5, 20)), sponsor_of_the_time("President", dt.date(1994, 1, 6))
    (None, None)
    >>> sponsor_of_the_time("Libya", dt.date(2009, 6, 30)) is None  # a short form the UN uses in every period
    True
    """
    from unsc.rules.council import permanent_government, permanent_seat

    m = find_member(name)  # the registry folds case, spacing and a leading "the"
    if m is None:
        return None
    code = permanent_government(m.code, when)[0] if permanent_seat(m.code) else m.code
    if code != m.code:  # another government of a permanent seat: the USSR's drafts filed under Russia
        return name_of_the_time(code, when)
    chain = NAMES_OF_THE_TIME.get(code, ())
    said = normalize_name(name)
    if said in TIMELESS_SHORT_NAMES.get(code, frozenset()):  # "Syria", "Libya", "Iran" in every period
        return None
    if said in {normalize_name(n) for _, n in chain} and said != normalize_name(name_of_the_time(code, when)):
        return name_of_the_time(code, when)
    return None


def sponsors_of_the_time(decisions: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Serve each sponsor under the name it bore on the day of the vote (:func:`sponsor_of_the_time`),
    one ``conflicts`` row per decision changed (field ``crosscheck:sponsors``) keeping the source's text.

    >>> import datetime as dt
    >>> d = pd.DataFrame({"decision_id": ["S/404"], "date": [dt.date(1947, 8, 4)], "sponsors": ["Russian Federation"],
    ...     "sources": [["tong_failed"]]})
    >>> d2, rows = sponsors_of_the_time(d)
    >>> d2["sponsors"].tolist(), rows[0]["value_a"]
    (['USSR'], 'Russian Federation')
    """
    if decisions.empty or "sponsors" not in decisions:
        return decisions, []
    out = decisions.copy()
    values = out["sponsors"].tolist()
    rows: list[dict[str, Any]] = []
    for i, (did, day, text) in enumerate(zip(out["decision_id"], out["date"], values, strict=True)):
        if not isinstance(text, str) or not text.strip() or day is None or pd.isna(day):
            continue
        when = pd.Timestamp(day).date()
        parts = _SPONSOR_SPLIT.split(text)  # names at even places, their separators between
        for j in range(0, len(parts), 2):
            right = sponsor_of_the_time(parts[j], when)
            if right is not None:
                parts[j] = right
        fixed = "".join(parts)
        if fixed == text:
            continue
        values[i] = fixed
        rows.append(
            {
                "entity": did,
                "field": "crosscheck:sponsors",
                "source_a": ", ".join(out.iloc[i].get("sources") or []) or None,
                "value_a": text,
                "source_b": "crosscheck",
                "value_b": fixed,
                "chosen": fixed,
                "reason": f"a sponsor is named by a name it did not bear on {when}: served under the name of "
                "the time (unsc.rules.members.NAMES_OF_THE_TIME; the USSR's seat before 24 Dec 1991)",
            }
        )
    out["sponsors"] = values
    return out, rows


# --- draft symbols against the order of the Council's numbering ------------------------------------

#: draft symbol -> the UN record showing the draft was truly voted long after later-numbered ones
#: (circulated, then put to the vote weeks or months afterwards): not a misread symbol.
DRAFTS_VOTED_LATE: dict[str, str] = {
    "S/2022/62": "placed in blue on 27 January 2022 and voted on 31 May 2022 as res. 2634 (2022): Ghana's "
    "explanation of vote at S/PV.9050 ('the draft resolution contained in document S/2022/62'); Security "
    "Council Report, What's in Blue, 30 May 2022",
    "S/2018/175": "the Russian Federation's draft of March 2018, put to the vote with S/2018/321 and S/2018/322 "
    "at S/PV.8228 on 10 April 2018 ('Members of the Council have before them document S/2018/175, "
    "S/2018/321 and ...'; SC/13288)",
}

_YEAR_SYMBOL = re.compile(r"^S/((?:199[4-9]|20\d\d))/(\d+)")
#: a draft is out of order when at least this many drafts of its year contradict its number by more
#: than _ORDER_SLACK: higher-numbered ones voted before it, or lower-numbered ones voted after it
_ORDER_MIN = 3
_ORDER_SLACK = dt.timedelta(days=7)
#: the words the note of a decision whose draft symbol is uncertain begins with (out of order, or one of
#: several in the source's cell: the Voting-Agent reader)
DRAFT_ORDER_NOTE = DRAFT_UNCERTAIN


def drafts_out_of_order(decisions: pd.DataFrame) -> dict[str, str]:
    """Decisions whose draft number contradicts the order of the year's other drafts, with why.

    Since 1994 a draft is numbered ``S/<year>/<n>`` as it is circulated, so drafts voted in a year
    follow their numbers, give or take the weeks a text waits. A number far below the drafts voted
    around it (res. 2235 (2015) filed under S/2015/138, a letter of February its text cites) or far
    above them (S/2016/7767, its meeting's number) names something else, or a text voted long after
    it was circulated: :data:`DRAFTS_VOTED_LATE` lists those a record confirms.

    >>> import datetime as dt
    >>> days = [dt.date(2015, m, 1) for m in (2, 3, 4, 5, 6, 8)]
    >>> dec = pd.DataFrame({"decision_id": ["a", "b", "c", "d", "e", "f"], "date": days,
    ...     "draft": ["S/2015/80", "S/2015/150", "S/2015/250", "S/2015/350", "S/2015/450", "S/2015/138"]})
    >>> sorted(drafts_out_of_order(dec))
    ['f']
    """
    rows: list[tuple[str, str, int, int, dt.date]] = []
    for did, draft, day in zip(decisions["decision_id"], decisions["draft"], decisions["date"], strict=True):
        m = _YEAR_SYMBOL.match(draft) if isinstance(draft, str) else None
        if m is None or day is None or pd.isna(day):
            continue
        rows.append((str(did), draft, int(m.group(1)), int(m.group(2)), pd.Timestamp(day).date()))
    by_year: dict[int, list[tuple[str, str, int, int, dt.date]]] = {}
    for r in rows:
        by_year.setdefault(r[2], []).append(r)
    out: dict[str, str] = {}
    for year, group in by_year.items():
        for did, draft, _, n, day in group:
            before = [d for _, d, _, k, when in group if k > n and when < day - _ORDER_SLACK]
            after = [d for _, d, _, k, when in group if k < n and when > day + _ORDER_SLACK]
            if len(before) + len(after) < _ORDER_MIN:
                continue
            if before:
                what = f"{len(before)} drafts of {year} numbered above it were voted more than a week before it"
            else:
                what = f"{len(after)} drafts of {year} numbered below it were voted more than a week after it"
            out[did] = f"{draft}, voted {day.isoformat()}: {what} (e.g. {', '.join(sorted(before or after)[:3])})"
    return out


def flag_drafts_out_of_order(decisions: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Say where a draft symbol is uncertain: a ``note`` and a ``conflicts`` row for each draft out of order.

    The symbol is kept (no source gives another), but the record says it may name another document;
    the drafts of :data:`DRAFTS_VOTED_LATE` were checked and are left as they are.

    >>> import datetime as dt
    >>> days = [dt.date(2015, m, 1) for m in (2, 3, 4, 5, 6, 8)]
    >>> dec = pd.DataFrame({"decision_id": list("abcdef"), "date": days, "note": [None] * 6, "sources": [["x"]] * 6,
    ...     "draft": ["S/2015/80", "S/2015/150", "S/2015/250", "S/2015/350", "S/2015/450", "S/2015/138"]})
    >>> out, rows = flag_drafts_out_of_order(dec)
    >>> out["note"].tolist()[-1].startswith("draft symbol uncertain"), [r["field"] for r in rows]
    (True, ['crosscheck:draft_order'])
    """
    found = drafts_out_of_order(decisions)
    dec = decisions.copy()
    rows: list[dict[str, Any]] = []
    notes = dec["note"].tolist() if "note" in dec else [None] * len(dec)
    for i, (did, draft, srcs) in enumerate(zip(dec["decision_id"], dec["draft"], dec["sources"], strict=True)):
        if did not in found or draft in DRAFTS_VOTED_LATE:
            continue
        why = found[did]
        text = f"{DRAFT_ORDER_NOTE}: {why}; it may be another document (a report or letter the text cites)"
        old = notes[i] if isinstance(notes[i], str) and notes[i] else None
        if not (old or "").startswith(DRAFT_ORDER_NOTE):  # the reader has already said it is uncertain
            notes[i] = f"{text}. {old}" if old else text
        rows.append(
            _uncertain(
                did,
                "crosscheck:draft_order",
                ",".join(srcs) if isinstance(srcs, list | tuple) else str(srcs),
                draft,
                f"{why}; no document at hand settles it, so the symbol is served with a note that "
                "it is uncertain (crosscheck.drafts_out_of_order)",
            )
        )
    dec["note"] = notes
    return dec, rows


# --- the meeting calendar against the order of the meeting numbers --------------------------------

_MEETING_NUMBER = re.compile(r"^S/PV\.(\d+)$")
#: the words a calendar row's ``note`` begins with when its date is out of the order of the meeting numbers
CALENDAR_ORDER_NOTE = "date uncertain"


def meetings_out_of_order(meetings: pd.DataFrame) -> dict[str, str]:
    """Meetings the calendar dates before a lower-numbered meeting, by more than a day, with why.

    Meetings are numbered as they are held; a meeting resumed the next day may close after the next one
    opens (S/PV.3367 and 3368, April 1994), so one day is allowed. The Library's 1993 table dates
    S/PV.3311 30 October, between S/PV.3310 (10 November) and S/PV.3312 (11 November).

    >>> import datetime as dt
    >>> cal = pd.DataFrame({"meeting": ["S/PV.3310", "S/PV.3311", "S/PV.3312"],
    ...     "date": [dt.date(1993, 11, 10), dt.date(1993, 10, 30), dt.date(1993, 11, 11)]})
    >>> list(meetings_out_of_order(cal))
    ['S/PV.3311']
    """
    numbered: list[tuple[int, str, dt.date]] = []
    for m, d in zip(meetings["meeting"], meetings["date"], strict=True):
        found = _MEETING_NUMBER.match(m) if isinstance(m, str) else None
        if found and d is not None and not pd.isna(d):
            numbered.append((int(found.group(1)), m, pd.Timestamp(d).date()))
    numbered.sort()
    out: dict[str, str] = {}
    latest: tuple[dt.date, str] | None = None
    for _, m, day in numbered:
        if latest is not None and day < latest[0] - dt.timedelta(days=1):
            out[m] = f"dated {day.isoformat()}, before the lower-numbered {latest[1]} ({latest[0].isoformat()})"
        if latest is None or day > latest[0]:
            latest = (day, m)
    return out


def flag_calendar_order(meetings: pd.DataFrame) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """Say where the calendar's date of a meeting is out of the order of the meeting numbers: a ``note``
    and a ``conflicts`` row each (no source at hand gives another date, so the date is kept).

    >>> import datetime as dt
    >>> cal = pd.DataFrame({"meeting": ["S/PV.3310", "S/PV.3311", "S/PV.3312"], "note": [None] * 3,
    ...     "date": [dt.date(1993, 11, 10), dt.date(1993, 10, 30), dt.date(1993, 11, 11)]})
    >>> out, rows = flag_calendar_order(cal)
    >>> out["note"].tolist()[1].startswith("date uncertain"), [r["field"] for r in rows]
    (True, ['crosscheck:calendar_order'])
    """
    found = meetings_out_of_order(meetings) if len(meetings) else {}
    if not found:
        return meetings, []
    out = meetings.copy()
    notes = out["note"].tolist() if "note" in out else [None] * len(out)
    rows: list[dict[str, Any]] = []
    for i, (m, d) in enumerate(zip(out["meeting"], out["date"], strict=True)):
        if m not in found:
            continue
        text = f"{CALENDAR_ORDER_NOTE}: {found[m]}; the meeting numbers follow the days they are held"
        old = notes[i] if isinstance(notes[i], str) and notes[i] else None
        notes[i] = f"{text}. {old}" if old else text
        rows.append(
            _uncertain(
                m,
                "crosscheck:calendar_order",
                "dhl_meetings",
                str(pd.Timestamp(d).date()),
                f"the Library's table {found[m]}; no document at hand gives the day, so it is kept with a "
                "note that it is uncertain (crosscheck.meetings_out_of_order)",
            )
        )
    out["note"] = notes
    return out, rows


# --- one spelling per agenda item ----------------------------------------------------------------

_DASHES = re.compile(r"\s*[-\u2010-\u2015/]\s*|\s+")


def agenda_key(text: Any) -> str | None:
    """What two spellings of one agenda item share: case, a leading "the", dashes, slashes, quotes, spaces and
    a closing colon set aside ("The situation in the occupied Arab Territories" and "... territories",
    "Non-proliferation/Democratic People’s Republic of Korea" and "Non-proliferation - ... People's ...").

    >>> agenda_key("Non-proliferation/Democratic People’s Republic of Korea") == agenda_key(
    ...     "Non-proliferation — Democratic People's Republic of Korea")
    True
    >>> agenda_key("The Palestine Question") == agenda_key("The Palestine question"), agenda_key(None)
    (True, None)
    """
    if not isinstance(text, str) or not text.strip():
        return None
    t = text.strip().rstrip(":").replace("\u2019", "'").replace("\u2018", "'").casefold()
    t = re.sub(r"^the\s+", "", t)
    return _DASHES.sub(" ", t).strip()


def one_spelling(
    decisions: pd.DataFrame, meetings: pd.DataFrame, vetoes: pd.DataFrame | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, list[dict[str, Any]]]:
    """Serve each agenda item under one spelling: the one the record uses most (titles, topics and the
    meeting calendar together; on a tie, the first in alphabetical order), a ``conflicts`` row per field
    changed (``crosscheck:one_spelling:<column>``) keeping the source's. A veto row repeats its decision's
    title: given ``vetoes``, their titles are changed in place, without rows of their own.

    >>> d = pd.DataFrame({"decision_id": ["a", "b", "c"], "title": ["The Palestine question"] * 2 + ["The Palestine Question"],
    ...     "topic": [None] * 3})
    >>> m = pd.DataFrame({"meeting": ["S/PV.1"], "topic": ["The Palestine question"]})
    >>> d2, m2, rows = one_spelling(d, m)
    >>> d2["title"].tolist(), [(r["entity"], r["value_a"]) for r in rows]
    (['The Palestine question', 'The Palestine question', 'The Palestine question'], [('c', 'The Palestine Question')])
    """
    from collections import Counter

    fields = [(decisions, "decision_id", c) for c in ("title", "topic") if c in decisions]
    fields += [(meetings, "meeting", "topic")] if len(meetings) and "topic" in meetings else []
    counts: dict[str, Counter[str]] = {}
    for frame, _, col in fields:
        for text in frame[col]:
            key = agenda_key(text)
            if key is not None:
                counts.setdefault(key, Counter())[" ".join(text.split())] += 1  # a doubled space is no spelling
    served = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in counts.items() if len(c) > 1}
    rows: list[dict[str, Any]] = []

    def fix(frame: pd.DataFrame, key: str, col: str, field: str) -> pd.DataFrame:
        out = frame.copy()
        values = out[col].tolist()
        for i, (k, text) in enumerate(zip(out[key], values, strict=True)):
            form = served.get(agenda_key(text) or "")
            if form is None or form == text:
                continue
            values[i] = form
            rows.append(
                {
                    "entity": k,
                    "field": f"crosscheck:one_spelling:{field}",
                    "source_a": "sources",
                    "value_a": text,
                    "source_b": "crosscheck",
                    "value_b": form,
                    "chosen": form,
                    "reason": f"one agenda item, one spelling: the record spells it {form!r} {counts[agenda_key(text) or ''][form]} "
                    "times (crosscheck.one_spelling)",
                }
            )
        out[col] = values
        return out

    if not served:
        return decisions, meetings, []
    for c in ("title", "topic"):
        if c in decisions:
            decisions = fix(decisions, "decision_id", c, c)
    if len(meetings) and "topic" in meetings:
        meetings = fix(meetings, "meeting", "topic", "meeting_topic")
    if vetoes is not None and len(vetoes) and "title" in vetoes:
        vetoes["title"] = [served.get(agenda_key(t) or "", t) for t in vetoes["title"]]
    return decisions, meetings, rows


def spelling_variants(decisions: pd.DataFrame, meetings: pd.DataFrame | None = None) -> dict[str, list[str]]:
    """Agenda items the record serves under more than one spelling: their key and the spellings (the invariant).

    >>> d = pd.DataFrame({"title": ["Admission of new Members", "Admission of new members"], "topic": [None, None]})
    >>> spelling_variants(d)
    {'admission of new members': ['Admission of new Members', 'Admission of new members']}
    """
    forms: dict[str, set[str]] = {}
    texts = [t for c in ("title", "topic") if c in decisions for t in decisions[c]]
    if meetings is not None and len(meetings) and "topic" in meetings:
        texts += list(meetings["topic"])
    for t in texts:
        k = agenda_key(t)
        if k is not None:
            forms.setdefault(k, set()).add(" ".join(t.split()))
    return {k: sorted(v) for k, v in sorted(forms.items()) if len(v) > 1}


# --- votes of one meeting on different days ---------------------------------------------------------


def split_meetings(decisions: pd.DataFrame) -> dict[str, list[dt.date]]:
    """Meetings whose votes the record dates on more than one day: meeting -> the days, in order.

    >>> import datetime as dt
    >>> d = pd.DataFrame({"meeting": ["S/PV.942"] * 3, "date": [dt.date(1961, 2, 21), dt.date(1961, 2, 20),
    ...     dt.date(1961, 2, 20)]})
    >>> split_meetings(d)
    {'S/PV.942': [datetime.date(1961, 2, 20), datetime.date(1961, 2, 21)]}
    """
    days: dict[str, set[dt.date]] = {}
    for m, d in zip(decisions["meeting"], decisions["date"], strict=True):
        if isinstance(m, str) and d is not None and not pd.isna(d):
            days.setdefault(m, set()).add(pd.Timestamp(d).date())
    return {m: sorted(v) for m, v in sorted(days.items()) if len(v) > 1}


def flag_split_meetings(decisions: pd.DataFrame, cited: set[str]) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    """A ``date_note`` for each vote of a meeting the record dates on several days, unless an erratum (``cited``:
    the decisions whose day an erratum set from a document) or a note already settles or explains its day.

    A meeting that runs past midnight takes its votes on two days (S/PV.942, 20-21 February 1961: res. 161
    (1961) is dated the 21st by its text); the drafts voted at it that no document dates could have been
    voted on either, so their day is said to be uncertain rather than picked.

    >>> import datetime as dt
    >>> d = pd.DataFrame({"decision_id": ["S/RES/161(1961)", "S/4706"], "meeting": ["S/PV.942"] * 2,
    ...     "date": [dt.date(1961, 2, 21), dt.date(1961, 2, 20)], "date_note": [None, None]})
    >>> out, rows = flag_split_meetings(d, {"S/RES/161(1961)"})
    >>> [str(n)[:40] for n in out["date_note"]], len(rows)
    (['nan', 'its meeting S/PV.942 has votes dated 196'], 1)
    """
    split = split_meetings(decisions)
    if not split:
        return decisions, []
    out = decisions.copy()
    notes = out["date_note"].tolist() if "date_note" in out else [None] * len(out)
    rows: list[dict[str, Any]] = []
    for i, (did, m, d) in enumerate(zip(out["decision_id"], out["meeting"], out["date"], strict=True)):
        if m not in split or did in cited or (isinstance(notes[i], str) and notes[i]):
            continue
        days = " and ".join(x.isoformat() for x in split[m])
        notes[i] = (
            f"its meeting {m} has votes dated {days} (a meeting past midnight); no document at hand gives the "
            f"day of this vote, so {pd.Timestamp(d).date().isoformat()} is uncertain"
        )
        rows.append(
            _uncertain(
                did,
                "crosscheck:split_meeting",
                "record",
                str(pd.Timestamp(d).date()),
                notes[i],
            )
        )
    out["date_note"] = notes
    return out, rows
