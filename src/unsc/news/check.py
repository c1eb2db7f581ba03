"""Match a news text's claims to a decision in the record and give each claim a verdict.

Verdicts: ``supported``, ``contradicted`` (with the record's value) or ``unverifiable`` (with the
reason). Claims are also checked against each other with the Charter rules (``unsc.rules``).

>>> from unsc.news.record import MemoryRecord
>>> rec = MemoryRecord([{"decision_id": "S/2024/239", "draft": "S/2024/239", "date": "2024-03-22",
...     "meeting": "S/PV.9584", "title": "The situation in the Middle East, including the Palestinian question",
...     "sponsors": "United States", "adopted": False, "failure_reason": "veto", "yes": 11, "no": 3, "abstain": 1,
...     "vetoed_by": ["CHN", "RUS"], "votes": {"Y": ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU",
...     "MOZ", "SLE"], "N": ["CHN", "RUS", "DZA"], "A": ["GUY"]}}])
>>> r = check("Russia and China vetoed the US draft at the Security Council on Friday, though twelve members backed it. "
...           "Guyana also voted against.",
...           date="2024-03-22", record=rec)
>>> r.decision["symbol"], [(c["field"], c["claimed"], c["recorded"], c["verdict"]) for c in r.claims]  # doctest: +NORMALIZE_WHITESPACE
('S/2024/239', [('date', '2024-03-22', '2024-03-22', 'supported'), ('outcome', 'vetoed', 'vetoed', 'supported'),
 ('sponsor', 'USA', 'United States', 'supported'), ('yes', 12, 11, 'contradicted'), ('veto', True, True, 'supported'),
 ('veto', True, True, 'supported'), ('vote', 'no', 'abstain', 'contradicted')])
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from unsc.news.extract import TOPICS, Claim, Extraction, extract_claims
from unsc.news.record import rows
from unsc.record.sources.common import MONTHS
from unsc.rules import Council, find_member, permanent_seat

__all__ = ["Report", "check", "consistency", "match"]

_VOTE_WORD = {"Y": "yes", "N": "no", "A": "abstain", "X": "did not vote"}
_WINDOW = 7  # days before the article date to look for the vote when the text gives no date
_FAR = 10  # days around a claimed date to look when nothing matches on the day


@dataclass
class Report:
    """The result of checking one text: the matched decision, the candidates, the claims with verdicts."""

    decision: dict[str, Any] | None
    candidates: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    status: str  # matched / ambiguous / unmatched / no_vote / no_record
    message: str
    consistency: list[dict[str, Any]] = field(default_factory=list)
    article_date: str | None = None
    vote_date: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (the ``unsc check --json`` object)."""
        return {
            "status": self.status,
            "message": self.message,
            "title": self.title,
            "article_date": self.article_date,
            "vote_date": self.vote_date,
            "decision": self.decision,
            "candidates": self.candidates,
            "claims": self.claims,
            "consistency": self.consistency,
        }

    @property
    def verdicts(self) -> dict[str, int]:
        """How many claims got each verdict."""
        out: dict[str, int] = {}
        for c in self.claims:
            out[c["verdict"]] = out.get(c["verdict"], 0) + 1
        return out


def _iso(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)[:10]


def _symbol(row: dict[str, Any]) -> str:
    return str(row.get("draft") or (f"S/RES/{row['resolution']}" if row.get("resolution") else row.get("decision_id")))


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


def _score(claims: list[Claim], row: dict[str, Any], full: dict[str, Any] | None, article_day: dt.date | None) -> float:
    s = 0.0
    votes = _votes_by_seat(full)
    for c in claims:
        if c.field in ("yes", "no", "abstain") and row.get(c.field) is not None:
            s += 3 if int(row[c.field]) == c.claimed else -3
        elif c.field == "unanimous" and row.get("yes") is not None:
            s += 3 if (row.get("no") or 0) == 0 and (row.get("abstain") or 0) == 0 and row.get("adopted") else -3
        elif c.field == "vote" and votes:
            got = votes.get(_seat(c.member or ""))
            s += 2 if got and _VOTE_WORD.get(got) == c.claimed else -2
        elif c.field == "veto":
            vb = {_seat(x) for x in row.get("vetoed_by") or []}
            s += 3 if _seat(c.member or "") in vb else -2
        elif c.field == "outcome" and row.get("adopted") is not None:
            rec = _outcome_of(row)
            ok = c.claimed == rec or (c.claimed == "failed" and rec == "vetoed")
            s += 2 if ok else -2
        elif c.field == "sponsor":
            sp = _sponsors(row)
            if sp is not None:
                s += 2 if c.claimed in sp else -1
        elif c.field == "subject":
            hit = _topic_hit(str(c.claimed), row)
            s += 1.5 if hit else (-1.5 if hit is False else 0)
        elif c.field == "draft" and row.get("draft"):
            s += 6 if str(row["draft"]).startswith(str(c.claimed)) else -1
        elif c.field == "resolution" and row.get("resolution_number") is not None:
            s += 6 if str(c.claimed).split(" ")[0] == str(row["resolution_number"]) else -1
    if article_day is not None and row.get("date") is not None and _iso(row["date"]) == article_day.isoformat():
        s += 0.5
    if row.get("kind") and row["kind"] != "draft_resolution":
        s -= 0.5
    return s


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


def _cand(row: dict[str, Any], score: float) -> dict[str, Any]:
    return {
        "symbol": _symbol(row),
        "date": _iso(row.get("date")),
        "meeting": row.get("meeting"),
        "resolution": row.get("resolution"),
        "title": row.get("title"),
        "sponsors": row.get("sponsors"),
        "yes": row.get("yes"),
        "no": row.get("no"),
        "abstain": row.get("abstain"),
        "outcome": _outcome_of(row),
        "vetoed_by": list(row.get("vetoed_by") or []),
        "score": round(score, 1),
    }


def match(
    ex: Extraction, record: Any
) -> tuple[dict[str, Any] | None, dict[str, Any] | None, list[dict[str, Any]], str, str]:
    """Find the decision the claims are about: (row, row with votes, candidates, status, message).

    Candidates are the decisions on the vote's date (claimed in the text), or in the week up to the
    article date; if none fits on a claimed date, the days around it. Each is scored by how many
    claims it bears out (counts, member votes, vetoes, outcome, sponsor, subject, symbols); the best
    wins if it is clearly ahead, otherwise the match is ``ambiguous``.
    """
    claims = ex.claims
    day = ex.vote_date
    windows: list[tuple[dt.date, dt.date, str]] = []
    if day is not None:
        windows.append((day, day, f"on {day.isoformat()}"))
        windows.append((day - dt.timedelta(days=_FAR), day + dt.timedelta(days=_FAR), f"within {_FAR} days of {day}"))
    elif ex.article_date is not None:
        a = ex.article_date
        windows.append((a - dt.timedelta(days=_WINDOW), a, f"in the {_WINDOW} days up to the article date {a}"))
    else:
        return None, None, [], "unmatched", "no date: give the article date with --date (the text and page give none)"
    for lo, hi, label in windows:
        cands = rows(record.decisions(since=lo.isoformat(), until=hi.isoformat()))
        if not cands:
            continue
        scored = []
        for r in cands:
            full = _full(record, r)
            scored.append((_score(claims, r, full, ex.article_date), r, full))
        scored.sort(key=lambda x: -x[0])
        listing = [_cand(r, s) for s, r, _ in scored]
        best_s, best, best_full = scored[0]
        if best_s <= 0 and len(scored) > 1:
            if lo != hi:
                return None, None, listing[:10], "unmatched", f"no decision {label} fits the claims"
            continue
        if lo != hi and best_s < 3:
            continue
        if len(scored) > 1 and scored[1][0] >= best_s - 1.5:
            close = [c["symbol"] for c in listing if c["score"] >= best_s - 1.5]
            return (
                None,
                None,
                listing[:10],
                "ambiguous",
                (f"ambiguous: {len(close)} votes {label} fit the claims about equally well ({', '.join(close)})"),
            )
        n = len(scored)
        msg = f"matched {_symbol(best)} ({_iso(best.get('date'))})" + (
            f", best of {n} votes {label}" if n > 1 else f", the only vote {label}"
        )
        return best, best_full, listing[:10], "matched", msg
    return None, None, [], "unmatched", f"no decision in the record {windows[0][2]}"


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


def _verdict(c: Claim, row: dict[str, Any], full: dict[str, Any] | None) -> tuple[Any, str, str | None]:
    votes = _votes_by_seat(full)
    f = c.field
    if f == "date":
        rec = _iso(row.get("date"))
        if rec == c.claimed:
            return rec, "supported", None
        span = _date_span(row.get("date_note"))
        if span is not None and span[0] <= str(c.claimed) <= span[1]:
            return rec, "supported", f"the record dates the vote to a meeting held {span[0]} to {span[1]}"
        return rec, "contradicted", None
    if f in ("yes", "no", "abstain"):
        rec = row.get(f)
        if rec is None:
            return None, "unverifiable", f"the record has no {f} count for this vote"
        rec = int(rec)
        return rec, ("supported" if rec == c.claimed else "contradicted"), None
    if f == "unanimous":
        if row.get("yes") is None:
            return None, "unverifiable", "the record has no tally for this vote"
        rec_t = f"{row.get('yes')}-{row.get('no')}-{row.get('abstain')}"
        ok = bool(row.get("adopted")) and not row.get("no") and not row.get("abstain")
        return rec_t, ("supported" if ok else "contradicted"), None
    if f == "vote":
        if not votes:
            return None, "unverifiable", "the record has no member votes for this decision"
        got = votes.get(_seat(c.member or ""))
        if got is None:
            return "not on the Council", "contradicted", f"{c.member} is not among the members who voted"
        rec = _VOTE_WORD.get(got, got)
        return rec, ("supported" if rec == c.claimed else "contradicted"), None
    if f == "veto":
        vb = {_seat(x) for x in row.get("vetoed_by") or []}
        seat = _seat(c.member or "")
        if seat in vb:
            return True, "supported", None
        got = votes.get(seat)
        if got == "N" and not vb and row.get("adopted") is False:
            return (
                "voted no (not a veto)",
                "contradicted",
                (
                    f"the draft failed for lack of votes ({row.get('yes')} yes); a negative vote is a veto only when the "
                    f"draft has the required majority"
                ),
            )
        if got is not None:
            return f"voted {_VOTE_WORD.get(got, got)}", "contradicted", None
        if row.get("adopted"):
            return "adopted (no veto)", "contradicted", None
        if vb:
            return f"vetoed by {', '.join(sorted(vb))}", "contradicted", None
        return None, "unverifiable", "the record names no vetoing member and has no member votes"
    if f == "outcome":
        rec = _outcome_of(row)
        if rec is None:
            return None, "unverifiable", "the record has no outcome for this decision"
        if c.claimed == rec or (c.claimed == "failed" and rec == "vetoed"):
            return rec, "supported", None
        reason = None
        if c.claimed == "vetoed" and rec == "failed":
            reason = f"a shortfall, not a veto: {row.get('yes')} yes votes, fewer than needed"
        return rec, "contradicted", reason
    if f == "sponsor":
        sp = _sponsors(row)
        if sp is None:
            return None, "unverifiable", "the record does not say who submitted the draft"
        return row.get("sponsors"), ("supported" if c.claimed in sp else "contradicted"), None
    if f == "subject":
        hit = _topic_hit(str(c.claimed), row)
        title = row.get("title") or row.get("topic")
        if hit:
            return title, "supported", None
        other = [lab for _kw, (lab, pat) in TOPICS.items() if re.search(pat, str(title or ""), re.I)]
        if hit is False and other:
            return title, "contradicted", None
        return title, "unverifiable", "the record's title neither confirms nor rules out the subject"
    if f == "draft":
        rec = row.get("draft")
        if not rec:
            return None, "unverifiable", "the record has no draft symbol for this decision"
        return rec, ("supported" if str(rec).startswith(str(c.claimed)) else "contradicted"), None
    if f == "resolution":
        num = row.get("resolution_number")
        if num is None:
            return row.get("resolution"), ("contradicted" if row.get("adopted") is False else "unverifiable"), (
                "the draft was not adopted, so it has no resolution number" if row.get("adopted") is False else
                "the record has no resolution number"
            )  # fmt: skip
        return (
            row.get("resolution"),
            ("supported" if str(c.claimed).split(" ")[0] == str(num) else "contradicted"),
            None,
        )
    return None, "unverifiable", f"no check for field {f}"


def consistency(ex: Extraction) -> list[dict[str, Any]]:
    """Contradictions between the claims themselves, judged by the Charter rules (``unsc.rules``).

    >>> from unsc.news.extract import extract_claims
    >>> [i["issue"] for i in consistency(extract_claims("The Security Council adopted the resolution 8-6.", "2024-01-10"))]
    ['adopted_below_threshold']
    """
    when = ex.vote_date or ex.article_date
    council = Council.on(when) if when else Council.on("2024-01-01")
    by = {}
    for c in ex.claims:
        by.setdefault(c.field, []).append(c)
    counts = {f: by[f][0].claimed for f in ("yes", "no", "abstain") if f in by}
    outcomes = {c.claimed for c in by.get("outcome", [])}
    out: list[dict[str, Any]] = []
    total = sum(counts.values())
    if total > council.size:
        out.append(
            {"issue": "too_many_votes", "message": f"{total} votes counted, but the Council has {council.size} members"}
        )
    yes = counts.get("yes")
    if yes is not None and "adopted" in outcomes and yes < council.threshold:
        out.append({"issue": "adopted_below_threshold", "message": (
            f"adopted with {yes} yes votes is impossible: a decision needs {council.threshold} (Art. 27)")})  # fmt: skip
    if (
        yes is not None
        and yes >= council.threshold
        and counts.get("no") == 0
        and not any(c.claimed == "no" for c in by.get("vote", []))
        and not by.get("veto")
        and "failed" in outcomes
        and "vetoed" not in outcomes
    ):
        out.append({"issue": "failed_with_majority", "message": f"{yes} yes and no negative vote cannot fail"})
    vetoers = [c.member for c in by.get("veto", [])]
    if yes is not None and yes < council.threshold and (vetoers or "vetoed" in outcomes):
        out.append({"issue": "veto_without_majority", "message": (
            f"with {yes} yes votes (fewer than {council.threshold}) the draft fails for lack of votes: "
            "a negative vote of a permanent member is then not a veto")})  # fmt: skip
    for code in vetoers:
        if code and _seat(code) not in {_seat(p) for p in council.permanent}:
            out.append(
                {"issue": "veto_by_elected_member", "message": f"{code} has no veto: it is not a permanent member"}
            )
    stated: dict[str, set[str]] = {}
    for c in by.get("vote", []):
        stated.setdefault(c.member or "", set()).add(str(c.claimed))
    for code in vetoers:
        stated.setdefault(code or "", set()).add("no (veto)")
    for code, vs in stated.items():
        norm = {v.replace(" (veto)", "") for v in vs}
        if len(norm) > 1:
            out.append(
                {"issue": "conflicting_votes", "message": f"{code} is said to have voted {' and '.join(sorted(vs))}"}
            )
    if "adopted" in outcomes and ("vetoed" in outcomes or vetoers):
        out.append({"issue": "adopted_and_vetoed", "message": "the text says both adopted and vetoed"})
    for f in ("no", "abstain"):
        named = sum(1 for c in by.get("vote", []) if c.claimed == f) + (len(set(vetoers)) if f == "no" else 0)
        if f in counts and named > counts[f]:
            out.append(
                {
                    "issue": f"named_exceeds_{f}",
                    "message": f"{named} members named as voting {f}, but the count is {counts[f]}",
                }
            )
    return out


def check(text: Any, date: dt.date | str | None = None, record: Any = None, store: Any = None) -> Report:
    """Check a news text (plain text, HTML, or an :class:`~unsc.news.extract.Extraction`) against the record.

    ``record`` (or ``store``, the same thing under the web layer's name) is any object with
    ``decisions(since=, until=)`` and ``decision(symbol)``; by default the built store
    (``unsc.record.open_store()``).
    """
    ex = text if isinstance(text, Extraction) else extract_claims(text, date)
    art_date = ex.article_date.isoformat() if ex.article_date else None
    vdate = ex.vote_date.isoformat() if ex.vote_date else None
    title = ex.article.title
    if not ex.claims:
        return Report(
            None,
            [],
            [],
            "no_vote",
            "no claim about a Security Council vote found in the text",
            [],
            art_date,
            vdate,
            title,
        )
    issues = consistency(ex)
    rec = record if record is not None else store
    if rec is None:
        from unsc.record import open_store  # type: ignore[attr-defined]

        rec = open_store()
    row, full, cands, status, msg = match(ex, rec)
    claims_out: list[dict[str, Any]] = []
    for c in ex.claims:
        d = c.to_dict()
        if row is None:
            d.update(recorded=None, verdict="unverifiable", reason=msg)
        else:
            recorded, verdict, reason = _verdict(c, row, full)
            d.update(recorded=recorded, verdict=verdict)
            if reason:
                d["reason"] = reason
        claims_out.append(d)
    decision = None
    if row is not None:
        decision = {
            "symbol": _symbol(row),
            "date": _iso(row.get("date")),
            "meeting": row.get("meeting"),
            "draft": row.get("draft"),
            "resolution": row.get("resolution"),
            "title": row.get("title"),
            "outcome": _outcome_of(row),
            "tally": f"{row.get('yes')}-{row.get('no')}-{row.get('abstain')}",
            "vetoed_by": list(row.get("vetoed_by") or []),
        }
    return Report(decision, cands, claims_out, status, msg, issues, art_date, vdate, title)
