"""Match a news text's claims to a decision in the record and give each claim a verdict.

Verdicts: ``supported``, ``contradicted`` (with the record's value) or ``unverifiable`` (with the
reason). Claims are also checked against each other with the Charter rules (``unsc.rules``).

>>> from unsc.news.lookup import MemoryRecord
>>> rec = MemoryRecord([{"decision_id": "S/2024/239", "draft": "S/2024/239", "date": "2024-03-22",
...     "meeting": "S/PV.9584", "title": "The situation in the Middle East, including the Palestinian question",
...     "sponsors": "United States", "adopted": False, "failure_reason": "veto", "yes": 11, "no": 3, "abstain": 1,
...     "vetoed_by": ["CHN", "RUS"], "votes": {"Y": ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU",
...     "MOZ", "SLE"], "N": ["CHN", "RUS", "DZA"], "A": ["GUY"]}}])
>>> r = check("Russia and China vetoed the US draft at the Security Council on Friday, though twelve members backed it. "
...           "Guyana also voted against.",
...           date="2024-03-22", record=rec)
>>> r.decision.symbol, [(c.field, c.claimed, c.recorded, c.verdict.value) for c in r.claims]  # doctest: +NORMALIZE_WHITESPACE
('S/2024/239', [('date', '2024-03-22', '2024-03-22', 'supported'), ('outcome', 'vetoed', 'vetoed', 'supported'),
 ('sponsor', 'USA', 'United States', 'supported'), ('yes', 12, 11, 'contradicted'), ('veto', True, True, 'supported'),
 ('veto', True, True, 'supported'), ('vote', 'no', 'abstain', 'contradicted')])
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from unsc.news.extract import SAT_OUT, TOPICS, Claim, Event, Extraction, extract_claims, recalled_claims
from unsc.news.lookup import day_of, rows
from unsc.news.report import (
    Candidate,
    CheckedClaim,
    Issue,
    LeftOut,
    MatchedDecision,
    OtherVote,
    Report,
    ReportStatus,
    Verdict,
)
from unsc.record.sources.normalize import MONTHS
from unsc.rules import Council, find_member, permanent_seat
from unsc.rules.wording import tally_text

__all__ = ["Report", "beyond_record", "check", "consistency", "last_vote_date", "match"]

_VOTE_WORD = {"Y": "yes", "N": "no", "A": "abstain", "X": "did not vote"}


def _iso(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)[:10]


def _symbol(row: dict[str, Any]) -> str:
    """The symbol a vote is known by: its draft, else its resolution, else the record's id. An amendment is its own
    vote (the record's id, "S/PV.8700#1"), never the draft it amends, which is voted on apart.

    >>> _symbol({"decision_id": "S/PV.8700#1", "draft": "S/2020/24", "kind": "amendment"})
    'S/PV.8700#1'
    >>> _symbol({"decision_id": "S/2020/24", "draft": "S/2020/24", "kind": "draft_resolution"})
    'S/2020/24'
    """
    if row.get("kind") == "amendment" and row.get("decision_id"):
        return str(row["decision_id"])
    return str(row.get("draft") or (f"S/RES/{row['resolution']}" if row.get("resolution") else row.get("decision_id")))


def _tally(row: dict[str, Any]) -> str | None:
    """The recorded tally as the UN writes it (``unsc.rules.wording.tally_text``), or None without counts."""
    if row.get("yes") is None:
        return None
    return tally_text(int(row["yes"]), int(row.get("no") or 0), int(row.get("abstain") or 0))


def _outcome_of(row: dict[str, Any]) -> str | None:
    if row.get("adopted") is None:
        return None
    if row["adopted"]:
        return "adopted"
    return "vetoed" if row.get("failure_reason") == "veto" or row.get("vetoed_by") else "failed"


def _seat(code: str) -> str:
    return permanent_seat(code) or code


def _votes_by_seat(full: dict[str, Any] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in (full or {}).get("votes") or []:
        out[_seat(str(v["member"]))] = str(v["vote"])
    return out


def _sponsors(row: dict[str, Any]) -> set[str] | None:
    s = row.get("sponsors")
    if not s:
        return None
    if re.search(r"\bE-?10\b|elected members", str(s), re.I):
        return {"E10"}
    out = set()
    for part in re.split(r",|;|\band\b", str(s)):
        m = find_member(part.strip())
        if m is not None:
            out.add(_seat(m.code))
    return out or None


def _topic_hit(label: str, row: dict[str, Any]) -> bool | None:
    text = " ".join(str(row.get(k) or "") for k in ("title", "topic"))
    if not text.strip():
        return None
    for _kw, (lab, pat) in TOPICS.items():
        if lab == label:
            return bool(re.search(pat, text, re.I))
    return None


_SCORE_FIELDS = ("yes", "no", "abstain", "unanimous", "vote", "veto", "outcome", "sponsor", "subject", "draft",
                 "resolution", "procedural")  # fmt: skip


def _evidence(claims: list[Claim], row: dict[str, Any], full: dict[str, Any] | None) -> list[tuple[float, str]]:
    """Each piece of evidence the claims give for (or against) one candidate vote: (weight, why)."""
    out: list[tuple[float, str]] = []
    votes = _votes_by_seat(full)
    for c in claims:
        f = c.field
        if f in ("yes", "no", "abstain") and row.get(f) is not None:
            ok = int(row[f]) == c.claimed
            out.append((3 if ok else -3, f"{c.claimed} {f} {'fits' if ok else 'does not fit'} {row[f]}"))
        elif f == "unanimous" and row.get("yes") is not None:
            ok = (row.get("no") or 0) == 0 and (row.get("abstain") or 0) == 0 and bool(row.get("adopted"))
            out.append((3 if ok else -3, f"unanimous {'fits' if ok else 'does not fit'}"))
        elif f == "vote" and votes:
            got = votes.get(_seat(c.member or ""))
            ok = bool(got) and _VOTE_WORD.get(got or "") == c.claimed
            w = _vote_weight(votes, got) if ok else -2.0
            out.append((w, f"{c.member} {c.claimed} {'fits' if ok else 'does not fit'}"))
        elif f == "veto":
            vb = {_seat(x) for x in row.get("vetoed_by") or []}
            ok = _seat(c.member or "") in vb
            out.append((3 if ok else -2, f"veto by {c.member} {'fits' if ok else 'does not fit'}"))
        elif f == "outcome" and row.get("adopted") is not None:
            if c.claimed == "vetoed" and any(x.field == "veto" for x in claims):
                continue  # the named vetoes already weigh this fact
            rec = _outcome_of(row)
            ok = c.claimed == rec or (c.claimed == "failed" and rec == "vetoed")
            out.append((2 if ok else -2, f"{c.claimed} {'fits' if ok else 'does not fit'}"))
        elif f == "sponsor":
            sp = _sponsors(row)
            if sp is not None:
                ok = _seat(str(c.claimed)) in sp
                out.append((1 if ok else -1, f"sponsor {c.claimed} {'fits' if ok else 'does not fit'}"))
        elif f == "subject":
            hit = _topic_hit(str(c.claimed), row)
            title = " ".join(str(row.get(k) or "") for k in ("title", "topic"))
            other = hit is False and any(re.search(pat, title, re.I) for _kw, (_lab, pat) in TOPICS.items())
            w = 1 if c.note == "inherited" else 3  # the text's subject, not said of this vote: weighs less
            if hit:
                out.append((w, f"subject {c.claimed} fits the agenda item"))
            elif other:  # the agenda item names another subject; a bare "Letter dated ..." rules nothing out
                out.append((-w, f"subject {c.claimed} does not fit the agenda item"))
        elif f == "draft" and row.get("draft"):
            ok = str(row["draft"]).startswith(str(c.claimed))
            out.append((8 if ok else -2, f"symbol {c.claimed} {'quoted' if ok else 'does not fit'}"))
        elif f == "resolution" and row.get("resolution_number") is not None:
            ok = str(c.claimed).split(" ")[0] == str(row["resolution_number"])
            out.append((8 if ok else -2, f"resolution {c.claimed} {'quoted' if ok else 'does not fit'}"))
        elif f == "procedural" and row.get("voting_class"):
            ok = row.get("voting_class") == "procedural"
            out.append((2 if ok else -1, f"procedural vote {'fits' if ok else 'does not fit'}"))
    return out


def _vote_weight(votes: dict[str, str], got: str | None) -> float:
    """What a member's vote that fits a candidate tells of it: much when few members voted that way (the one "no"
    of a veto), little when nearly all did (a "yes" in a unanimous vote fits almost every vote of the record).

    >>> _vote_weight({"USA": "N", "GBR": "Y", "FRA": "Y", "RUS": "Y"}, "N")  # one "no" of four votes
    2.0
    >>> _vote_weight({"USA": "Y", "GBR": "Y", "FRA": "Y", "RUS": "Y"}, "Y")
    0.5
    """
    share = sum(1 for v in votes.values() if v == got) / len(votes) if votes else 1.0
    return round(0.5 + 2.0 * (1.0 - share), 2)


def _date_evidence(
    dates: list[tuple[dt.date, str, str]], row: dict[str, Any], article_day: dt.date | None
) -> list[tuple[float, str]]:
    day = row.get("date")
    day = day if isinstance(day, dt.date) else (dt.date.fromisoformat(str(day)[:10]) if day else None)
    if day is None:
        return []
    out: list[tuple[float, str]] = []
    weight = {"text": 5.0, "relative": 4.5, "dateline": 3.0, "approx": 1.5}
    miss = {"text": -3.0, "relative": -2.0, "dateline": -1.0}
    seen = set()
    for d, how, phrase in dates:
        if (d, how) in seen:
            continue
        seen.add((d, how))
        span = _date_span(row.get("date_note"))
        hit = d == day or (span is not None and span[0] <= d.isoformat() <= span[1])
        if how == "approx":  # "three weeks after": about then
            if abs((d - day).days) <= 7:
                out.append((weight["approx"], f"date about {d} (“{phrase}”) fits"))
            continue
        if hit:
            out.append((weight.get(how, 2.0), f"date {d} ({'“' + phrase + '”' if phrase else how}) fits"))
        else:
            near = abs((d - day).days) == 1  # a late-night vote or a time zone: one day off weighs less
            out.append((-1.0 if near else miss.get(how, -1.0), f"date {d} ({how}) does not fit"))
    if article_day is not None:
        gap = (article_day - day).days
        if gap == 0:
            out.append((0.5, "on the page date"))
        elif gap > 0:
            # recent votes are likelier news, but only within the window searched by default: a vote further
            # back is a candidate only because the text dates it (a fact-check, a guide, an analysis written
            # years later), and then its own evidence decides, not how old it is
            out.append((-0.03 * min(gap, _WINDOW), f"{gap} days before the page date"))
    if row.get("kind") and row["kind"] not in ("draft_resolution", "convene_gaess_377"):
        out.append((-0.5, f"an {row['kind']}"))
    return out


def _full(record: Any, row: dict[str, Any]) -> dict[str, Any] | None:
    for key in (row.get("decision_id"), row.get("draft"), row.get("resolution")):
        if not key:
            continue
        try:
            got = record.decision(str(key))
        except Exception:
            got = None
        if got:
            return got
    return None


def _cand(row: dict[str, Any], score: float, why: list[str] | None = None) -> Candidate:
    return Candidate(
        symbol=_symbol(row),
        date=_iso(row.get("date")),
        meeting=row.get("meeting"),
        resolution=row.get("resolution"),
        title=row.get("title"),
        sponsors=row.get("sponsors"),
        yes=row.get("yes"),
        no=row.get("no"),
        abstain=row.get("abstain"),
        outcome=_outcome_of(row),
        vetoed_by=tuple(row.get("vetoed_by") or []),
        score=round(score, 1),
        evidence=tuple(why) if why is not None else None,
    )


_MARGIN = 1.5  # points the best candidate must lead by
#: a lead no other vote comes near: the vote is this one even where false claims drag its score below zero
_CLEAR_LEAD = 15.0


@dataclass
class _Match:
    row: dict[str, Any] | None
    full: dict[str, Any] | None
    candidates: list[Candidate]
    status: ReportStatus
    message: str
    evidence: list[str] = field(default_factory=list)


_LAST: dict[int, dt.date | None] = {}


def last_vote_date(record: Any) -> dt.date | None:
    """The date of the record's last vote (cached per record object).

    >>> from unsc.news.lookup import MemoryRecord
    >>> last_vote_date(MemoryRecord([{"decision_id": "S/1", "date": "2024-03-22"}]))
    datetime.date(2024, 3, 22)
    """
    key = id(record)
    if key not in _LAST:
        given = [r.get("date") for r in rows(record.decisions())]
        days = [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)[:10]) for d in given if d]
        _LAST[key] = max(days) if days else None
    return _LAST[key]


def _votes_between(record: Any, lo: dt.date, hi: dt.date) -> dict[str, list[dict[str, Any]]] | None:
    """Member votes of every decision in a period, in one query where the record can (``Store.votes``)."""
    if not hasattr(record, "votes"):
        return None
    try:
        frame = record.votes(since=lo.isoformat(), until=hi.isoformat())
    except Exception:
        return None
    out: dict[str, list[dict[str, Any]]] = {}
    for v in rows(frame):
        out.setdefault(str(v["decision_id"]), []).append({"member": v["member"], "vote": v["vote"]})
    return out


def _rank(
    claims: list[Claim],
    dates: list[tuple[dt.date, str, str]],
    cands: list[dict[str, Any]],
    record: Any,
    article_day: dt.date | None,
    label: str,
    votes: dict[str, list[dict[str, Any]]] | None = None,
    bonus: dict[str, tuple[float, str]] | None = None,
) -> _Match:
    scored = []
    for r in cands:
        full = {**r, "votes": votes.get(str(r.get("decision_id")), [])} if votes is not None else _full(record, r)
        ev = _evidence(claims, r, full) + _date_evidence(dates, r, article_day)
        if bonus and _symbol(r) in bonus:
            ev.append(bonus[_symbol(r)])
        scored.append((sum(w for w, _ in ev), r, full, [why for w, why in sorted(ev, key=lambda x: -x[0])]))
    scored.sort(key=lambda x: -x[0])
    listing = [_cand(r, sc, why) for sc, r, _, why in scored]
    if not scored:
        return _Match(None, None, [], ReportStatus.UNMATCHED, f"no vote in the record {label}")
    best_s, best, best_full, why = scored[0]
    lead = best_s - scored[1][0] if len(scored) > 1 else best_s
    dated = any(w.startswith("date ") and w.endswith(" fits") for w in why)
    if best_s <= 0 and not ((dated and lead >= 2 * _MARGIN) or lead >= _CLEAR_LEAD):
        return _Match(None, None, listing[:10], ReportStatus.UNMATCHED, f"no vote {label} fits the claims")
    close = [c for c in listing[1:] if c.score > best_s - _MARGIN]
    twins = [sc for sc in scored[1:] if sc[0] == best_s and _twin(sc[1], best)]
    said_several = any(_SEVERAL.search(c.text or "") for c in claims)
    if close and len(twins) == len(close) and said_several:
        # two drafts voted the same day with the same tally and outcome ("the United States vetoed both"): every
        # claim fits each alike, so the first voted is served and the others are named
        first = min([scored[0], *twins], key=lambda sc: _natural(_symbol(sc[1])))
        others = ", ".join(_symbol(sc[1]) for sc in [scored[0], *twins] if sc is not first)
        return _Match(first[1], first[2], listing[:10], ReportStatus.MATCHED, (
            f"matched {_symbol(first[1])} ({_iso(first[1].get('date'))}), the first of {len(twins) + 1} votes of that "
            f"day with the same tally and outcome, which the claims fit alike (also {others})"),
            [w for w in first[3] if "does not" not in w][:8])  # fmt: skip
    if close:
        names = ", ".join(f"{c.symbol} ({c.date}, score {c.score})" for c in [listing[0], *close])
        return _Match(None, None, listing[:10], ReportStatus.AMBIGUOUS, (
            f"ambiguous: {len(close) + 1} votes {label} fit the claims about equally well: {names}"))  # fmt: skip
    n = len(scored)
    msg = f"matched {_symbol(best)} ({_iso(best.get('date'))}), best of {n} votes {label}" + (
        f" by {best_s - scored[1][0]:.1f} points" if n > 1 else ""
    )
    return _Match(best, best_full, listing[:10], ReportStatus.MATCHED, msg, [w for w in why if "does not" not in w][:8])


#: a text that says it reports several votes alike: "vetoed both", "each was approved by 14", "the two drafts"
_SEVERAL = re.compile(
    r"\bboth\b|\beach\s+(?:was|got|won|drew|received)\b|\b(?:two|three)\s+(?:draft\s+)?(?:resolutions|drafts|texts)\b",
    re.I,
)


def _twin(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two votes of one day with the same tally and outcome."""
    return _iso(a.get("date")) == _iso(b.get("date")) and _tally(a) == _tally(b) and _outcome_of(a) == _outcome_of(b)


def match(
    ex: Extraction, record: Any
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, list[Candidate], ReportStatus, str]:
    """Find the main vote the text is about: (row, row with votes, candidates, status, message).

    Candidates are the Council's votes from 60 days before the page date up to it (and around any date
    the text gives for the vote). Each is scored by the evidence: dates (in the text, "on Friday",
    the dateline), counts, member votes, vetoes, outcome, sponsor, subject against the agenda item,
    quoted symbols. The best wins with a clear margin, otherwise the result is ``ambiguous`` and lists
    the close candidates with their evidence.
    """
    m = _match_main(ex, record)
    return m.row, m.full, m.candidates, m.status, m.message


_WINDOW = 60  # days before the page date in which to look for the vote


def _window(ex: Extraction) -> tuple[dt.date, dt.date, str] | None:
    main = ex.events[0].dates if ex.events else []
    a = ex.article_date
    if a is not None:
        lo = a - dt.timedelta(days=_WINDOW)
        early = [d for d, how, _ in main if how == "text" and d < lo]
        if early:
            lo = min(early) - dt.timedelta(days=3)
        return lo, a, f"from {lo} to the page date {a}"
    if main:
        d = main[0][0]
        return d - dt.timedelta(days=3), d + dt.timedelta(days=3), f"around {d}"
    return None


def _match_main(ex: Extraction, record: Any) -> _Match:
    win = _window(ex)
    if win is None:
        return _Match(
            None,
            None,
            [],
            ReportStatus.UNMATCHED,
            "no date: give the article date with --date (the text and page give none)",
        )
    lo, hi, label = win
    claims = [c for c in ex.claims if c.event == 0 and c.field in _SCORE_FIELDS]
    cands = []
    for r in rows(record.decisions(since=lo.isoformat(), until=(hi + dt.timedelta(days=3)).isoformat())):
        day = _iso(r.get("date")) or ""
        span = _date_span(r.get("date_note"))
        if day <= hi.isoformat() or (span is not None and span[0] <= hi.isoformat()):
            cands.append(r)  # never after the page date, unless a meeting the record dates later began before it
    votes = _votes_between(record, lo, hi + dt.timedelta(days=3))
    return _rank(claims, ex.events[0].dates if ex.events else [], cands, record, ex.article_date, label, votes)


def _match_event(
    ex: Extraction,
    ev: Any,
    main: dict[str, Any] | None,
    taken: set[str],
    record: Any,
    done: dict[int, _Match] | None = None,
) -> _Match:
    claims = [c for c in ex.claims if c.event == ev.id and c.field in _SCORE_FIELDS]
    if claims and not any(c.field == "subject" for c in claims):
        # a background vote the text does not give a subject of its own is on the text's subject
        claims += [
            Claim("subject", c.claimed, c.text, note="inherited", event=ev.id)
            for c in ex.claims
            if c.event == 0 and c.field == "subject"
        ]
    what = {"amendment": "an amendment", "rival": "a competing draft", "same_day": "another vote of the same meeting",
            "earlier": "an earlier vote", "other_day": "a vote on another day",
            "several": "several votes at once", "undated": "another vote that ended otherwise",
            "later": "a vote some days later"}.get(ev.kind, "another vote")  # fmt: skip
    if ev.kind == "series":
        return _Match(None, None, [], ReportStatus.UNMATCHED, "about a series of votes, each checked on its own")
    if ev.kind == "several":
        return _Match(
            None, None, [], ReportStatus.UNMATCHED, f"about {what}: no single vote to check the claims against"
        )
    if not claims:
        return _Match(None, None, [], ReportStatus.UNMATCHED, f"about {what}: nothing to identify it by")
    main_day = main.get("date") if main else None
    main_day = (
        main_day if isinstance(main_day, dt.date) or main_day is None else dt.date.fromisoformat(str(main_day)[:10])
    )
    for c in claims:  # a quoted symbol ("resolution 2165") names the vote, whenever it was
        if c.field not in ("resolution", "draft"):
            continue
        key = f"S/RES/{str(c.claimed).split(' ')[0]}" if c.field == "resolution" else str(c.claimed)
        try:
            row = record.decision(key)
        except Exception:
            row = None
        if row and _symbol(row) not in taken:
            got = _rank(claims, ev.dates, [row], record, None, f"named {key}")
            if got.status == ReportStatus.MATCHED:
                return got
        first = (done or {}).get(0)
        if (
            ev.kind == "undated"
            and row
            and first is not None
            and first.row is not None
            and _symbol(row) == _symbol(first.row)
        ):  # "Resolution 2504 passes with 11 votes" in a live blog: the number is the main vote's own
            return first
    # a vote that "ended otherwise" whose sentences go on to give its day ("Only four weeks before, on March 25,
    # Washington vetoed ...") is found on that day, like a vote of another day
    said_days = [x for x in ev.dates if x[1] == "text"] if ev.kind == "undated" else []
    if ev.kind == "undated" and not said_days:
        return _undated(ev, claims, taken, record, what)
    if ev.kind == "later":  # "Days later": some days after the vote spoken of before
        before = (done or {}).get(ev.after[0]) if ev.after else None
        day = before.row.get("date") if before is not None and before.row is not None else None
        if day is None or ev.after is None:
            return _Match(None, None, [], ReportStatus.UNMATCHED, f"about {what}, after a vote not found in the record")
        day = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)[:10])
        lo, hi = day + dt.timedelta(days=ev.after[1]), day + dt.timedelta(days=ev.after[2])
    elif ev.kind == "other_day" and ev.dates:
        lo = hi = _best_dates(ev.dates)[0][0]
    elif said_days:
        lo = hi = _best_dates(said_days)[0][0]
    elif ev.kind == "earlier":
        if ev.back is not None and main_day is not None:  # "three days after": days before the main vote
            lo = main_day - dt.timedelta(days=ev.back + 2)
            hi = main_day - dt.timedelta(days=max(ev.back - 2, 1))
        elif ev.dates:
            d = _best_dates(ev.dates)[0][0]
            lo, hi = d - dt.timedelta(days=3), d + dt.timedelta(days=3)
        elif ev.window is not None:
            lo, hi = ev.window
        elif main_day is not None:
            lo, hi = main_day - dt.timedelta(days=_WINDOW), main_day - dt.timedelta(days=1)
        elif ex.article_date is not None and ex.no_main_vote:
            # a report with no Council vote of its own (the Assembly after a veto) recalls a recent vote: the window
            # the main vote would have had
            lo, hi = ex.article_date - dt.timedelta(days=_WINDOW), ex.article_date
        else:
            return _Match(None, None, [], ReportStatus.UNMATCHED, f"about {what} that the text does not date")
        if main_day is not None:
            hi = min(hi, main_day)
    else:
        if main_day is None:
            return _Match(None, None, [], ReportStatus.UNMATCHED, f"about {what}, but the main vote was not found")
        lo = hi = main_day
    every = _votes_of_days(record, lo, hi, ev.kind == "other_day")
    cands = [r for r in every if _symbol(r) not in taken]
    votes = _votes_between(record, lo, hi)
    bonus: dict[str, tuple[float, str]] = {}
    if getattr(ev, "ordinal", None) and lo == hi:  # "the second" amendment: the second voted that day
        same_kind = sorted((r for r in every if r.get("kind") == ("amendment" if ev.kind == "amendment" else
                            "draft_resolution")), key=lambda r: _natural(str(r.get("decision_id"))))  # fmt: skip
        if len(same_kind) >= ev.ordinal:
            bonus[_symbol(same_kind[ev.ordinal - 1])] = (2.0, f"number {ev.ordinal} of {len(same_kind)} voted that day")
    label = f"from {lo} to {hi}" if lo != hi else f"on {lo}"
    said = _said(ev, claims)
    numbers = set(re.findall(r"\b[Rr]esolutions?\s+(?:No\.?\s*)?(\d{1,4})\b", said))
    for r in cands:  # "In March 1978 its resolution 425 called on ...": a number the sentence names, though no claim
        if str(r.get("resolution_number") or "") in numbers and _symbol(r) not in bonus:
            bonus[_symbol(r)] = (8.0, f"resolution {r['resolution_number']} named")
    got = _rank(claims, ev.dates, cands, record, None, label, votes, bonus)
    if got.status == ReportStatus.AMBIGUOUS:  # the facts leave some equal: what the sentence says it did decides
        close = {c.symbol for c in got.candidates if c.score > got.candidates[0].score - _MARGIN}
        tied = [r for r in cands if _symbol(r) in close]
        common = set.intersection(*(_stems(_bracket(r)) for r in tied)) if tied else set()
        fits = {_symbol(r): _title_fit(said, r, common) for r in tied}
        bonus = {**{k: v for k, v in fits.items() if v[0]}, **bonus}
        if any(v[0] for v in fits.values()):
            got = _rank(claims, ev.dates, tied, record, None, label, votes, bonus)
    if got.status != ReportStatus.MATCHED:
        got.message = f"about {what}, not identified in the record: {got.message}"
    return got


def _votes_of_days(record: Any, lo: dt.date, hi: dt.date, began: bool) -> list[dict[str, Any]]:
    """The record's votes from ``lo`` to ``hi``; with ``began``, for one day, also those the record dates the next
    day of a meeting that began on that day (a vote after midnight)."""
    every = rows(record.decisions(since=lo.isoformat(), until=hi.isoformat()))
    if began and lo == hi:
        nxt = (hi + dt.timedelta(days=1)).isoformat()
        every += [r for r in rows(record.decisions(since=nxt, until=nxt))
                  if (_date_span(r.get("date_note")) or ("9999",))[0] <= hi.isoformat()]  # fmt: skip
    return every


def _said(ev: Any, claims: list[Claim]) -> str:
    """What the text says of a vote: its event's sentence and its claims' own sentences, each once."""
    return " ".join(dict.fromkeys([ev.text, *(c.text for c in claims if c.note != "inherited")]))


def _undated(ev: Any, claims: list[Claim], taken: set[str], record: Any, what: str) -> _Match:
    """A vote the text gives no day or month of may still give its year ("The 1990 resolution ...", "it dates from
    1991"): the record's votes of that year are ranked by the claims, and one must fit clearly. A sentence with no
    year, or with several, stays unidentified."""
    said = _said(ev, claims)
    years = {int(y) for y in re.findall(r"(?<![\d/.-])(19[4-9]\d|20[0-4]\d)(?![\d/.-]|\s*(?:votes?|members?))", said)}
    if len(years) != 1:
        return _Match(None, None, [], ReportStatus.UNMATCHED, f"about {what}, which the text does not date")
    year = years.pop()
    lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
    cands = [r for r in rows(record.decisions(since=lo.isoformat(), until=hi.isoformat())) if _symbol(r) not in taken]
    got = _rank(claims, [], cands, record, None, f"in {year}", _votes_between(record, lo, hi))
    if got.status != ReportStatus.MATCHED:
        got.message = f"about {what}, not identified in the record: {got.message}"
    return got


# words of every title or of vote reporting: they tell no vote from another
_TITLE_STOP = frozenset([
    "security", "council", "resolution", "resolutions", "situation", "united", "nations", "concerning", "question",
    "regarding", "letter", "dated", "from", "addressed", "president", "adopted", "unanimously", "unanimous",
    "votes", "voted", "draft", "text", "texts", "which", "their", "there", "these", "those", "about", "after",
    "before", "against", "other", "under", "would", "could", "should", "since", "months", "month", "year",
    "years", "week", "last", "first", "second", "third", "earlier", "again", "also", "with", "within", "between",
    "further"])  # fmt: skip


def _stems(text: str) -> set[str]:
    """Content words of a text, cut to five letters so that "extended" meets "extension".

    >>> sorted(_stems("The Council extended the arms embargo on the Houthis"))
    ['arms', 'embar', 'exten', 'houth']
    """
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {w[:5] for w in words if w not in _TITLE_STOP}


def _bracket(row: dict[str, Any]) -> str:
    """What a recorded title says the vote was about: its bracketed part when it has one."""
    title = str(row.get("title") or "")
    return title[title.find("[") :] if "[" in title else title


def _title_fit(said: str, row: dict[str, Any], common: frozenset[str] | set[str] = frozenset()) -> tuple[float, str]:
    """Evidence from the words a sentence uses of a background vote ("imposed an arms embargo", "extended the
    mission") met in a candidate's recorded title: 1 a shared content word, at most 2. Words every close
    candidate's title has (``common``: the country all of them are about) tell none apart and are not counted.
    It is only asked of the candidates the facts (date, counts, votes, outcome) left within the margin.

    >>> _title_fit("It renewed the sanctions on Yemen.", {"title": "resolution 2204 [on renewing sanctions against Yemen]"})
    (2.0, 'the title shares renew, sanct, yemen')
    >>> _title_fit("It renewed the sanctions on Yemen.", {"title": "res. 2204 [on renewing sanctions against Yemen]"}, {"yemen"})
    (2.0, 'the title shares renew, sanct')
    >>> _title_fit("It renewed the sanctions.", {"title": "resolution 2201 [on the situation in Sudan]"})
    (0.0, '')
    """
    shared = sorted(_stems(said) & _stems(_bracket(row)) - set(common))
    if not shared:
        return 0.0, ""
    return min(1.0 * len(shared), 2.0), "the title shares " + ", ".join(shared[:4])


def _natural(key: str) -> tuple[Any, ...]:
    """A sort key that orders "S/PV.9527#2" before "S/PV.9527#10"."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key))


def _best_dates(dates: list[tuple[dt.date, str, str]]) -> list[tuple[dt.date, str, str]]:
    rank = {"text": 0, "relative": 1, "dateline": 2}
    return sorted(dates, key=lambda d: rank.get(d[1], 3))


_SPAN = re.compile(r"(\d{1,2})\s*-\s*(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})")


def _date_span(note: Any) -> tuple[str, str] | None:
    """The days of a multi-day meeting named in a record's ``date_note`` ("meeting held 7-9 January 1980 ...").

    >>> _date_span("meeting held 7-9 January 1980 (dhl_veto); day of the vote not given by the sources")
    ('1980-01-07', '1980-01-09')
    >>> _date_span(None) is None
    True
    """
    m = _SPAN.search(note) if isinstance(note, str) else None
    month = MONTHS.get(m.group(3).lower()) if m else None
    if m is None or month is None:
        return None
    year = int(m.group(4))
    try:
        return dt.date(year, month, int(m.group(1))).isoformat(), dt.date(year, month, int(m.group(2))).isoformat()
    except ValueError:
        return None


def _verdict(c: Claim, row: dict[str, Any], full: dict[str, Any] | None) -> tuple[Any, Verdict, str | None]:
    votes = _votes_by_seat(full)
    f = c.field
    if f == "date":
        rec = _iso(row.get("date"))
        if rec == c.claimed:
            return rec, Verdict.SUPPORTED, None
        span = _date_span(row.get("date_note"))
        if span is not None and span[0] <= str(c.claimed) <= span[1]:
            return rec, Verdict.SUPPORTED, f"the record dates the vote to a meeting held {span[0]} to {span[1]}"
        return rec, Verdict.CONTRADICTED, None
    if f in ("yes", "no", "abstain"):
        count = row.get(f)
        if count is None:
            return None, Verdict.UNVERIFIABLE, f"the record has no {f} count for this vote"
        return int(count), (Verdict.SUPPORTED if int(count) == c.claimed else Verdict.CONTRADICTED), None
    if f == "unanimous":
        if row.get("yes") is None:
            return None, Verdict.UNVERIFIABLE, "the record has no tally for this vote"
        rec_t = _tally(row)
        ok = bool(row.get("adopted")) and not row.get("no") and not row.get("abstain")
        return rec_t, (Verdict.SUPPORTED if ok else Verdict.CONTRADICTED), None
    if f == "vote":
        if not votes:
            return None, Verdict.UNVERIFIABLE, "the record has no member votes for this decision"
        got = votes.get(_seat(c.member or ""))
        if got is None:
            return "not on the Council", Verdict.CONTRADICTED, f"{c.member} is not among the members who voted"
        rec = _VOTE_WORD.get(got, got)
        if c.note == SAT_OUT and rec in ("abstain", "did not vote"):  # "sat out": either, as the record says
            return rec, Verdict.SUPPORTED, f"'sat out' read as the record's {rec!r}"
        return rec, (Verdict.SUPPORTED if rec == c.claimed else Verdict.CONTRADICTED), None
    if f == "procedural":
        cls = row.get("voting_class")
        if not cls:
            return None, Verdict.UNVERIFIABLE, "the record does not class this vote"
        return cls, (Verdict.SUPPORTED if cls == "procedural" else Verdict.CONTRADICTED), None
    if f == "veto":
        vb = {_seat(x) for x in row.get("vetoed_by") or []}
        seat = _seat(c.member or "")
        if seat in vb:
            return True, Verdict.SUPPORTED, None
        if row.get("voting_class") == "procedural":
            got = votes.get(seat)
            return (
                (f"voted {_VOTE_WORD.get(got, got)}" if got else "no veto"),
                Verdict.CONTRADICTED,
                ("a procedural vote: no member has a veto on it (Art. 27(2)), it needs nine votes of any members"),
            )
        got = votes.get(seat)
        if got == "N" and not vb and row.get("adopted") is False:
            return (
                "voted no (not a veto)",
                Verdict.CONTRADICTED,
                (
                    f"the draft failed for lack of votes ({row.get('yes')} yes); a negative vote is a veto only when the "
                    f"draft has the required majority"
                ),
            )
        if got is not None:
            return f"voted {_VOTE_WORD.get(got, got)}", Verdict.CONTRADICTED, None
        if row.get("adopted"):
            return "adopted (no veto)", Verdict.CONTRADICTED, None
        if vb:
            return f"vetoed by {', '.join(sorted(vb))}", Verdict.CONTRADICTED, None
        return None, Verdict.UNVERIFIABLE, "the record names no vetoing member and has no member votes"
    if f == "outcome":
        rec = _outcome_of(row)
        if rec is None:
            return None, Verdict.UNVERIFIABLE, "the record has no outcome for this decision"
        if c.claimed == rec or (c.claimed == "failed" and rec == "vetoed"):
            return rec, Verdict.SUPPORTED, None
        reason = None
        if c.claimed == "vetoed" and rec == "failed":
            reason = f"a shortfall, not a veto: {row.get('yes')} yes votes, fewer than needed"
        return rec, Verdict.CONTRADICTED, reason
    if f == "sponsor":
        sp = _sponsors(row)
        if sp is None:
            return None, Verdict.UNVERIFIABLE, "the record does not say who submitted the draft"
        # the seat, as the record's sponsors are read: "the Soviet Union" of a 1971 report is the USSR the record names
        ok = _seat(str(c.claimed)) in sp
        return row.get("sponsors"), (Verdict.SUPPORTED if ok else Verdict.CONTRADICTED), None
    if f == "subject":
        hit = _topic_hit(str(c.claimed), row)
        title = row.get("title") or row.get("topic")
        if hit:
            return title, Verdict.SUPPORTED, None
        other = [lab for _kw, (lab, pat) in TOPICS.items() if re.search(pat, str(title or ""), re.I)]
        if hit is False and other:
            return title, Verdict.CONTRADICTED, None
        return title, Verdict.UNVERIFIABLE, "the record's title neither confirms nor rules out the subject"
    if f == "draft":
        rec = row.get("draft")
        if not rec:
            return None, Verdict.UNVERIFIABLE, "the record has no draft symbol for this decision"
        return rec, (Verdict.SUPPORTED if str(rec).startswith(str(c.claimed)) else Verdict.CONTRADICTED), None
    if f == "resolution":
        num = row.get("resolution_number")
        if num is None:
            return row.get("resolution"), (Verdict.CONTRADICTED if row.get("adopted") is False else Verdict.UNVERIFIABLE), (
                "the draft was not adopted, so it has no resolution number" if row.get("adopted") is False else
                "the record has no resolution number"
            )  # fmt: skip
        return (
            row.get("resolution"),
            (Verdict.SUPPORTED if str(c.claimed).split(" ")[0] == str(num) else Verdict.CONTRADICTED),
            None,
        )
    return None, Verdict.UNVERIFIABLE, f"no check for field {f}"


def consistency(ex: Extraction, event: int = 0) -> list[Issue]:
    """Contradictions between the claims about one vote (``event``, 0 = the main vote), judged by the
    Charter rules (``unsc.rules``).

    >>> from unsc.news.extract import extract_claims
    >>> [i.issue for i in consistency(extract_claims("The Security Council adopted the resolution 8-6.", "2024-01-10"))]
    ['adopted_below_threshold']
    """
    when = ex.vote_date or ex.article_date
    council = Council.on(when) if when else Council.on("2024-01-01")
    by: dict[str, list[Claim]] = {}
    for c in ex.claims:
        if c.event == event:
            by.setdefault(c.field, []).append(c)
    counts = {f: by[f][0].claimed for f in ("yes", "no", "abstain") if f in by}
    outcomes = {c.claimed for c in by.get("outcome", [])}
    out: list[Issue] = []
    total = sum(counts.values())
    if total > council.size:
        out.append(Issue("too_many_votes", f"{total} votes counted, but the Council has {council.size} members"))
    yes = counts.get("yes")
    if yes is not None and "adopted" in outcomes and yes < council.threshold:
        out.append(Issue("adopted_below_threshold", (
            f"adopted with {yes} yes votes is impossible: a decision needs {council.threshold} (Art. 27)")))  # fmt: skip
    if (
        yes is not None
        and yes >= council.threshold
        and counts.get("no") == 0
        and not any(c.claimed == "no" for c in by.get("vote", []))
        and not by.get("veto")
        and "failed" in outcomes
        and "vetoed" not in outcomes
    ):
        out.append(Issue("failed_with_majority", f"{yes} yes and no negative vote cannot fail"))
    vetoers = [c.member for c in by.get("veto", [])]
    if yes is not None and yes < council.threshold and (vetoers or "vetoed" in outcomes):
        out.append(Issue("veto_without_majority", (
            f"with {yes} yes votes (fewer than {council.threshold}) the draft fails for lack of votes: "
            "a negative vote of a permanent member is then not a veto")))  # fmt: skip
    for code in vetoers:
        if code and _seat(code) not in {_seat(p) for p in council.permanent}:
            out.append(Issue("veto_by_elected_member", f"{code} has no veto: it is not a permanent member"))
    stated: dict[str, set[str]] = {}
    for c in by.get("vote", []):
        stated.setdefault(c.member or "", set()).add(str(c.claimed))
    for code in vetoers:
        stated.setdefault(code or "", set()).add("no (veto)")
    for code, vs in stated.items():
        norm = {v.replace(" (veto)", "") for v in vs}
        if len(norm) > 1:
            out.append(Issue("conflicting_votes", f"{code} is said to have voted {' and '.join(sorted(vs))}"))
    if "adopted" in outcomes and ("vetoed" in outcomes or vetoers):
        out.append(Issue("adopted_and_vetoed", "the text says both adopted and vetoed"))
    for f in ("no", "abstain"):
        named = sum(1 for c in by.get("vote", []) if c.claimed == f) + (len(set(vetoers)) if f == "no" else 0)
        if f in counts and named > counts[f]:
            out.append(
                Issue(
                    f"named_exceeds_{f}",
                    f"{named} members named as voting {f}, but the count is {counts[f]}",
                )
            )
    return out


def _decision(row: dict[str, Any]) -> MatchedDecision:
    return MatchedDecision(
        symbol=_symbol(row),
        date=_iso(row.get("date")),
        meeting=row.get("meeting"),
        draft=row.get("draft"),
        resolution=row.get("resolution"),
        title=row.get("title"),
        kind=row.get("kind"),
        outcome=_outcome_of(row),
        tally=_tally(row),
        vetoed_by=tuple(row.get("vetoed_by") or []),
    )


def _roster(record: Any, when: dt.date) -> list[str] | None:
    try:
        got = list(record.roster(when))
    except Exception:
        return None
    return got or None


def beyond_record(ex: Extraction, record: Any, last: dt.date) -> list[Issue]:
    """Checks for a vote after the record's last date: the claims against each other under ``unsc.rules``
    (what the counts and named votes imply: adopted, failed for lack of votes, or vetoed) and against the
    Council's membership that day (a state not on the Council cannot have voted).

    >>> from unsc.news.lookup import MemoryRecord
    >>> ex = extract_claims("The Security Council rejected a Russian draft on Thursday: Russia, China, Pakistan and "
    ...     "Somalia voted in favour, nine abstained and the United States and Latvia voted against.", "2026-03-20")
    >>> [i.message for i in beyond_record(ex, MemoryRecord([]), dt.date(2025, 6, 4))]  # doctest: +NORMALIZE_WHITESPACE
    ['by the rules (Art. 27): 4 in favour, 2 against (LVA, USA): not adopted for lack of votes (fewer than 9), so no veto']
    """
    from unsc.rules import Ballot, decide

    when = ex.vote_date or ex.article_date or last
    out = consistency(ex, event=0)
    council = Council.on(when)
    roster = _roster(record, when)
    main = [c for c in ex.claims if c.event == 0]
    named = {c.member: c.claimed for c in main if c.field == "vote" and c.member}
    for c in main:
        if c.field == "veto" and c.member:
            named.setdefault(c.member, "no")
    if roster is not None:
        seats = {_seat(x) for x in roster} | {_seat(x) for x in council.permanent}
        for code in named:
            if _seat(code) not in seats:
                out.append(Issue("not_on_council", (
                    f"{code} was not a member of the Council on {when}, so it cannot have voted")))  # fmt: skip
    counts = {c.field: c.claimed for c in main if c.field in ("yes", "no", "abstain")}
    yes = counts.get("yes", sum(1 for v in named.values() if v == "yes") or None)
    if yes is None:
        return out
    by_vote: dict[str, list[str]] = {"yes": [], "no": [], "abstain": []}
    for code, v in named.items():
        if v in by_vote:
            by_vote[v].append(code)
    from unsc.rules import all_members

    # unnamed votes are filled in: a "no" only by elected members (an unnamed permanent member is never made
    # to vote no), "yes" and "abstain" by elected then permanent members; only counts and vetoes matter here
    taken = {_seat(n) for n in named}
    perm = {_seat(p) for p in council.permanent}
    elected = [x for x in (roster or []) if _seat(x) not in taken | perm]
    elected += [m.code for m in all_members() if _seat(m.code) not in taken | perm and m.code not in elected]
    room = council.size - 5 - sum(1 for n in named if _seat(n) not in perm)
    elected = elected[: max(room, 0)]
    perms = [p for p in council.permanent if _seat(p) not in taken]
    for v in ("no", "yes", "abstain"):
        need = counts.get(v, len(by_vote[v])) - len(by_vote[v])
        while need > 0 and (elected or (perms and v != "no")):
            by_vote[v].append(elected.pop(0) if elected else perms.pop(0))
            need -= 1
    try:
        d = decide(Ballot.of(when, yes=by_vote["yes"], no=by_vote["no"], abstain=by_vote["abstain"]), council)
    except Exception as exc:  # a ballot the claims cannot make (named twice, unknown state)
        out.append(Issue("no_ballot", f"the claims do not make a ballot the rules can decide: {exc}"))
        return out
    if d.adopted:
        verdict = "adopted"
    elif d.vetoed_by:
        verdict = "vetoed"
    else:
        verdict = "failed"
    why = (f"by the rules (Art. 27): {yes} in favour"
           + (f", {len(by_vote['no'])} against ({', '.join(sorted(by_vote['no']))})" if by_vote["no"] else "")
           + f": {'adopted' if verdict == 'adopted' else 'vetoed by ' + ', '.join(d.vetoed_by) if verdict == 'vetoed' else 'not adopted for lack of votes (fewer than ' + str(council.threshold) + '), so no veto'}")  # fmt: skip
    out.append(Issue("rules_outcome", why, verdict))
    for c in main:
        if c.field == "outcome":
            ok = c.claimed == verdict or (c.claimed == "failed" and verdict == "vetoed")
            if not ok:
                out.append(Issue("outcome_inconsistent", (
                    f"'{c.claimed}' cannot be: {why}")))  # fmt: skip
        if c.field == "veto" and verdict != "vetoed":
            out.append(Issue("veto_inconsistent", f"{c.member} cannot have vetoed it: {why}"))
    return out


def check(text: Any, date: dt.date | str | None = None, record: Any = None, store: Any = None) -> Report:
    """Check a news text (plain text, HTML, or an :class:`~unsc.news.extract.Extraction`) against the record.

    ``record`` (or ``store``, the same thing under the web layer's name) is any object with
    ``decisions(since=, until=)`` and ``decision(symbol)``; by default the built store
    (``unsc.record.open_store()``). Each claim is checked against the vote its sentence is about: the
    main vote, or an amendment, a competing draft or an earlier vote found in the record (claims about
    another vote that is not found are left out, with the reason).
    """
    ex = text if isinstance(text, Extraction) else extract_claims(text, date)
    art_date = ex.article_date.isoformat() if ex.article_date else None
    vdate = ex.vote_date.isoformat() if ex.vote_date else None
    head: dict[str, Any] = {"article_date": art_date, "vote_date": vdate, "title": ex.article.title}
    left = [LeftOut.of(x) for x in ex.left_out]
    if not ex.claims:
        why = f": {ex.no_vote_reason}" if ex.no_vote_reason else ""
        return Report(ReportStatus.NO_VOTE, f"no Council vote reported{why}", left_out=tuple(left), **head)
    rec = record if record is not None else store
    if rec is None:
        from unsc.record import open_store

        rec = open_store()
    last = last_vote_date(rec)
    when = ex.vote_date if ex.date_source in ("text", "relative", "dateline") else None
    if ex.no_main_vote:
        main = _Match(None, None, [], ReportStatus.NO_VOTE, f"no Council vote reported: {ex.no_vote_reason}")
    else:
        main = _match_main(ex, rec)
        split = _split_named(ex, main.row, rec)
        if split is not ex:  # sentences naming another resolution are about that vote: find the main one without them
            ex, main = split, _match_main(split, rec)
    # after the record: the vote's own day when the text gives it, else the page's (a page of 2026 recalling 1986 is not)
    after = last is not None and (
        when > last if when is not None else (ex.article_date is not None and ex.article_date > last)
    )
    if last is not None and after and main.status not in (ReportStatus.MATCHED, ReportStatus.NO_VOTE):
        return _beyond(ex, rec, last, left, head)  # no vote in the record fits: after its last date
    results, other_votes = _other_votes(ex, rec, main)
    results[0] = first = main
    main, other_votes = _recent_main(ex, main, results, other_votes)
    main, other_votes = _lead_vote(ex, main, results, other_votes)
    main, other_votes = _contested_main(ex, main, results, other_votes)
    claims_out = []
    main_subject = any(c.field == "subject" and c.event == 0 for c in ex.claims)
    for c in ex.claims:
        m = results.get(c.event, first)
        if c.event and m is first and c.field == "subject" and main_subject:
            continue  # a vote found to be the main one again: its subject is said once, by the main vote's sentences
        if c.event and m.row is None:
            left.append(LeftOut.of_claim(c, m.message))
        elif m.row is None:
            claims_out.append(CheckedClaim.of(c, Verdict.UNVERIFIABLE, reason=main.message))
        else:
            recorded, verdict, reason = _verdict(c, m.row, m.full)
            if c.note == SAT_OUT and verdict is Verdict.SUPPORTED:
                c = dataclasses.replace(c, claimed=recorded)  # the reading of "sat out" the record bears out
            claims_out.append(CheckedClaim.of(c, verdict, recorded, _symbol(m.row), reason))
    claims_out = _said_once(_once_per_vote(claims_out))
    return Report(
        main.status, main.message, _decision(main.row) if main.row is not None else None, tuple(main.candidates),
        tuple(claims_out), tuple(consistency(ex, event=0)), evidence=tuple(main.evidence),
        other_votes=tuple(other_votes), left_out=tuple(left), **head,
    )  # fmt: skip


_RECENT = 14  # days before the page date in which a vote is the page's news


def _found_others(
    other_votes: list[OtherVote], results: dict[int, _Match], keep: Any
) -> dict[str, tuple[OtherVote, _Match, dict[str, Any]]]:
    """The other votes found in the record by more than their sponsor or subject whose row ``keep`` accepts, by
    symbol (the first sentence of each)."""
    out: dict[str, tuple[OtherVote, _Match, dict[str, Any]]] = {}
    for o in other_votes:
        got = results.get(o.event)
        row = got.row if got is not None else None
        if got is None or row is None or not keep(o, row):
            continue
        if not all(_WEAK.match(w) for w in got.evidence):
            out.setdefault(_symbol(row), (o, got, row))
    return out


def _swap(main: _Match, found: tuple[OtherVote, _Match, dict[str, Any]], other_votes: list[OtherVote], why: str,
          kind: str) -> tuple[_Match, list[OtherVote]]:  # fmt: skip
    """The other vote ``found`` made the report's main vote; the former main vote, an other vote of ``kind``, keeps
    the claims of its sentences."""
    o, got, row = found
    old = main.row or {}
    moved = OtherVote(0, kind, "", main.status, f"{kind.replace('_', ' ')}: {main.message}", _decision(old),
                      tuple(main.evidence))  # fmt: skip
    message = f"matched {_symbol(row)} ({_iso(row.get('date'))}), {why}; {_symbol(old)} ({_iso(old.get('date'))}) is another vote it reports"
    return replace(got, status=ReportStatus.MATCHED, message=message), [moved, *(x for x in other_votes if x is not o)]


def _recent_main(
    ex: Extraction, main: _Match, results: dict[int, _Match], other_votes: list[OtherVote]
) -> tuple[_Match, list[OtherVote]]:
    """The vote a report is about is the news of its days: a vote the text dates long before the page (further back
    than the window searched by default, so found only because the text gives its date) yields to the one vote the
    text also speaks of that the record dates in the fortnight before the page ("on Wednesday ... resolution 413" in
    a page that recalls "Nov. 15, 1976"). The older vote keeps its sentences' claims, as an earlier vote; a
    fact-check or a guide that speaks only of old votes keeps the vote it dates, and so does an analysis written
    months after a veto that mentions a vote of some weeks ago.
    """
    page, day = ex.article_date, day_of(main.row.get("date")) if main.row is not None else None
    if page is None or day is None or (page - day).days <= _WINDOW:
        return main, other_votes
    recent = _found_others(other_votes, results, lambda o, row: _days_before(page, row) in range(_RECENT + 1))
    if len(recent) != 1:
        return main, other_votes
    why = f"the vote within {_RECENT} days of the page date that the text speaks of"
    return _swap(main, next(iter(recent.values())), other_votes, why, "earlier")


def _days_before(page: dt.date, row: dict[str, Any]) -> int | None:
    """How many days before the page date the record dates a vote."""
    when = day_of(row.get("date"))
    return None if when is None else (page - when).days


def _contested(row: dict[str, Any]) -> bool:
    """Whether a vote divided the Council: not adopted, or with a vote against or an abstention."""
    return not row.get("adopted") or bool(row.get("no")) or bool(row.get("abstain"))


def _contested_main(
    ex: Extraction, main: _Match, results: dict[int, _Match], other_votes: list[OtherVote]
) -> tuple[_Match, list[OtherVote]]:
    """A roundup of the week's votes (a newsletter, a week in review) is about the one vote of the week that divided
    the Council, not the unanimous renewal it happens to tell first: when the main vote as read is unanimous and
    exactly one other vote the text reports on another day of the week before the page was contested, that one is
    the news. Background votes (weeks or years before) and votes of the same meeting (amendments, rival drafts)
    never take the place of the main vote this way.
    """
    page, row0 = ex.article_date, main.row
    day = day_of(row0.get("date")) if row0 is not None else None
    if page is None or row0 is None or day is None or _contested(row0) or not 0 <= (page - day).days <= 7:
        return main, other_votes

    def week(o: OtherVote, row: dict[str, Any]) -> bool:
        when = day_of(row.get("date"))
        ok_kind = o.kind in ("other_day", "later", "undated")
        return ok_kind and when is not None and when != day and 0 <= (page - when).days <= 7 and _contested(row)

    divided = _found_others(other_votes, results, week)
    if len(divided) != 1:
        return main, other_votes
    return _swap(main, next(iter(divided.values())), other_votes, "the one vote of the week that divided the Council",
                 "other_day")  # fmt: skip


def _lead_vote(
    ex: Extraction, main: _Match, results: dict[int, _Match], other_votes: list[OtherVote]
) -> tuple[_Match, list[OtherVote]]:
    """A report read as having no Council vote of its own because of the General Assembly (an Assembly vote said to
    come, "vow to return to the Assembly") is about the Council vote its lead reports when the record has that vote
    on the page date or the day before: the Assembly cannot yet have voted on it, so that vote is the news. An
    Assembly report recalling a veto of some days before (the Assembly after a veto) stays without a vote.
    """
    page = ex.article_date
    if main.status is not ReportStatus.NO_VOTE or page is None or "General Assembly" not in (ex.no_vote_reason or ""):
        return main, other_votes
    words = lambda t: re.sub(r"\W+", " ", t).strip()  # noqa: E731  (dashes and quotes as the reader normalised them)
    lead = words(" ".join(ex.article.paragraphs[:2]))
    first = other_votes[0] if other_votes else None
    got = results.get(first.event) if first is not None else None
    row = got.row if got is not None else None
    when = day_of(row.get("date")) if row is not None else None
    if first is None or got is None or row is None or when is None or not 0 <= (page - when).days <= 1:
        return main, other_votes
    if words(first.sentence)[:80] not in lead or all(_WEAK.match(w) for w in got.evidence):
        return main, other_votes
    message = (f"matched {_symbol(row)} ({_iso(row.get('date'))}), the Council vote the report's lead gives, the day "
               f"of the page or the day before; {ex.no_vote_reason} is not its news")  # fmt: skip
    return replace(got, status=ReportStatus.MATCHED, message=message), other_votes[1:]


def _once_per_vote(claims: list[CheckedClaim]) -> list[CheckedClaim]:
    """A vote spoken of as two other votes (a live blog's headline, then its entry, both found to be the same
    amendment) gives each of its claims once: a claim of another vote that an earlier event found to be that same
    vote already made is dropped. Claims repeated within one event stay as they are."""
    said: dict[tuple[Any, ...], int] = {}
    out: list[CheckedClaim] = []
    for c in claims:
        key = (c.field, c.member, c.claimed, c.decision)
        if c.event and c.decision is not None and said.get(key, c.event) != c.event:
            continue
        said.setdefault(key, c.event)
        out.append(c)
    return out


def _said_once(claims: list[CheckedClaim]) -> list[CheckedClaim]:
    """A "sat out" claim read as the record's vote is dropped when another sentence says that same vote."""
    seen = {(c.field, c.member, c.claimed, c.decision) for c in claims if c.note != SAT_OUT}
    out: list[CheckedClaim] = []
    for c in claims:
        key = (c.field, c.member, c.claimed, c.decision)
        if c.note == SAT_OUT and key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out


_BACKGROUND = re.compile(
    r"\b(?:ago|earlier|previous(?:ly)?|last\s+(?:year|month|week|time)|in\s+(?:19|20)\d\d|follow(?:s|ed|ing)|"
    r"since|similar|repeat|original(?:ly)?|prior|predecessor|first|had\s+(?:adopted|passed|approved|voted|set up|created|"
    r"authori[sz]ed|established|imposed)|set\s+up\s+(?:by|under|in)|established\s+(?:by|under|in)|under\s+resolution|"
    r"in\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)",
    re.I,
)


def _looks_back(row: dict[str, Any], main: dict[str, Any]) -> bool:
    """Whether a recorded vote was taken days (at least four) before the main vote."""
    day, main_day = day_of(row.get("date")), day_of(main.get("date"))
    return day is not None and main_day is not None and (main_day - day).days >= 4


def _before(row: dict[str, Any], main: dict[str, Any]) -> bool:
    """Whether a recorded vote was taken on a day before the main vote."""
    day, main_day = day_of(row.get("date")), day_of(main.get("date"))
    return day is not None and main_day is not None and day < main_day


def _not_the_main_number(ex: Extraction, number: str, main: dict[str, Any]) -> bool:
    """Whether a quoted resolution number cannot be the main vote's: the main vote was not adopted, or the text
    quotes the main vote's own number too, or the number's year is another year."""
    own = main.get("resolution_number")
    quoted = {str(c.claimed).split(" ")[0] for c in ex.claims if c.field == "resolution"}
    year = re.search(r"\((\d{4})\)", number)
    main_day = day_of(main.get("date"))
    other_year = year is not None and main_day is not None and int(year[1]) != main_day.year
    return main.get("adopted") is False or (own is not None and str(own) in quoted) or other_year


def _split_named(ex: Extraction, main: dict[str, Any] | None, record: Any) -> Extraction:
    """The extraction with each sentence of the main vote that quotes another recorded resolution ("The vote
    follows resolution 2139, adopted in February") made a vote of its own, which the number then finds.

    Only a resolution the record dates days before the main vote moves, and only when the sentence looks back
    ("follows", "a year ago", "in February", "similar") or the number cannot be the main vote's: a wrong number
    quoted for the main vote itself stays, to be found contradicted.
    """
    if main is None:
        return ex
    own = main.get("resolution_number")
    moves: dict[str, int] = {}
    events = list(ex.events)
    for c in ex.claims:
        num = str(c.claimed).split(" ")[0]
        if c.field != "resolution" or c.event != 0 or c.text in moves or (own is not None and num == str(own)):
            continue
        try:
            row = record.decision(f"S/RES/{num}")
        except Exception:
            row = None
        both = own is not None and str(own) in {
            str(x.claimed).split(" ")[0] for x in ex.claims if x.field == "resolution"
        }
        # the text quotes the main vote's own number and another one: the sentence of the other is about it, even a
        # day apart (a newsletter's week: "resolution 820 ... On Friday the Council adopted resolution 819")
        if not row or not (_looks_back(row, main) or (both and _before(row, main))):
            continue
        says_own = own is not None and re.search(rf"\b{own}\b", c.text)  # "2165, which builds on 2139": the main one
        if not says_own and (_BACKGROUND.search(c.text) or _not_the_main_number(ex, str(c.claimed), main)):
            moves[c.text] = len(events)
            events.append(Event(len(events), "earlier", c.text))
    if not moves:
        return ex
    claims = [c for c in ex.claims if not (c.event == 0 and c.text in moves and c.field != "date")]
    for sentence, eid in moves.items():  # read again for the recalled vote, with what its clause says became of it
        claims += recalled_claims(sentence, eid, events)
    # the main vote's date read only from a moved sentence ("On Friday ... adopted resolution 819") is that vote's
    kept = [c.text for c in claims if c.event == 0 and c.field != "date"]
    for c in [c for c in claims if c.event == 0 and c.field == "date" and c.text]:
        home = [eid for sentence, eid in moves.items() if c.text in sentence]
        if home and not any(c.text in t for t in kept):
            claims = [x for x in claims if x is not c] + [replace(c, event=home[0])]
    return replace(ex, claims=claims, events=events)


def _beyond(ex: Extraction, rec: Any, last: dt.date, left: list[LeftOut], head: dict[str, Any]) -> Report:
    """The report of a vote after the record's last date: claims unverifiable, checked by the rules."""
    msg = f"the record ends on {last}; `unsc sync` brings newer votes"
    claims_out: list[CheckedClaim] = []
    for c in ex.claims:
        if c.event != 0:
            left.append(LeftOut.of_claim(c, "about another vote, after the record's last date"))
        else:
            claims_out.append(CheckedClaim.of(c, Verdict.UNVERIFIABLE, reason=f"after the record's last vote ({last})"))
    return Report(ReportStatus.BEYOND_RECORD, f"vote after the record: {msg}", claims=tuple(claims_out),
                  consistency=tuple(beyond_record(ex, rec, last)), left_out=tuple(left), **head)  # fmt: skip


def _on_the_main_day(ev: Event, main: dict[str, Any] | None) -> bool:
    """Whether a vote the text dates apart (an earlier vote, another day's) is dated, in so many words or by
    its weekday, to the very day of the main vote: then it is the main vote, spoken of again."""
    day = day_of(main.get("date")) if main else None
    if ev.kind not in ("earlier", "other_day", "later") or day is None:
        return False
    return any(d == day for d, how, _ in ev.dates if how in ("text", "relative"))


def _ended_otherwise(ex: Extraction, ev: Event, main: dict[str, Any] | None) -> bool:
    """Whether what the text says of a vote it dates to the main vote's day contradicts the main vote's record (an
    adoption by 15 votes on the day of a veto): then it is another vote of that day, not the main vote again.

    A claim that contradicts the vote it would be checked against, and would fit another, is evidence against
    that attribution; the outcome is the fact a report does not get wrong for a vote it names twice (a count may
    be another vote's, recalled in the same sentence)."""
    if main is None:
        return False
    rec = _outcome_of(main) if main.get("adopted") is not None else None
    for c in ex.claims:
        if c.event != ev.id:
            continue
        if c.field == "outcome" and rec is not None and c.claimed != rec and {c.claimed, rec} != {"failed", "vetoed"}:
            return True
    return False


_WEAK = re.compile(r"(?:sponsor|subject|the title shares|\d+ days before|on the page date|an? \w+$)")


def _said_again(
    ex: Extraction, ev: Event, on: dict[str, Any] | None, taken: set[str], rec: Any, results: dict[int, _Match]
) -> _Match | None:
    """A rival draft or another vote of the same meeting that fits no vote left is the same one as a rival or
    same-meeting vote already found, spoken of again (a headline's "Moscow's own text gets two votes", then the
    body's "The second text was the Soviet Union's own"): matched among those, or ``None``."""
    before = {_symbol(m.row) for i, m in results.items() if i and m.row is not None
              and ex.events[i].kind in ("amendment", "rival", "same_day")}  # fmt: skip
    if not before:
        return None
    got = _match_event(ex, ev, on, taken - before, rec, results)
    return got if got.row is not None and _symbol(got.row) in before else None


def _other_votes(ex: Extraction, rec: Any, main: _Match) -> tuple[dict[int, _Match], list[OtherVote]]:
    """Each other vote the text speaks of (``ex.events[1:]``) matched in the record, in the text's order."""
    results: dict[int, _Match] = {0: main}
    taken = {_symbol(main.row)} if main.row is not None else set()
    other_votes: list[OtherVote] = []
    ref = main.row
    for ev in ex.events[1:]:
        # a rival draft or an amendment is voted on the day of the vote it rivals: the main vote, or (in a
        # report with no vote of its own) the vote spoken of just before
        same_day = ev.kind in ("amendment", "rival", "same_day")
        before = results.get(ev.id - 1)
        on: dict[str, Any] | None
        if same_day and ev.kind != "amendment" and before is not None and before.row is not None and ev.id > 1:
            on = before.row  # "A Russian alternative then won a single vote" after Wednesday's veto: that day
        else:
            on = main.row if main.row is not None or not same_day else ref
        if _on_the_main_day(ev, main.row) and not _ended_otherwise(ex, ev, main.row):
            # "The Council's Oct. 31 vote" in a roundup dated by "twelve days after"
            results[ev.id] = main
            continue
        got = _match_event(ex, ev, on, taken, rec, results)
        if same_day and got.row is None:
            got = _said_again(ex, ev, on, taken, rec, results) or got
        results[ev.id] = got
        if got.row is not None:
            if not all(_WEAK.match(w) for w in got.evidence):
                # a vote found only by its sponsor or subject does not take it from a later sentence that dates it
                taken.add(_symbol(got.row))
            ref = got.row
        other_votes.append(OtherVote(ev.id, ev.kind, ev.text, got.status, got.message,
                                     _decision(got.row) if got.row else None, tuple(got.evidence)))  # fmt: skip
    return results, other_votes
