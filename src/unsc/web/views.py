"""What the pages and the JSON API show of the record: searches, members, vetoes and counts, read
from the store once and kept (they change only with a new build).

Decision rows travel as the record's typed :class:`~unsc.record.decision.RecordedDecision` (its
``headline`` and ``tally`` are the vote page's); an outcome filter is the store's own
(``Store.decisions(outcome=...)``), never re-derived here from a row's fields.

>>> from unsc.record.decision import RecordedDecision
>>> d = RecordedDecision.from_row({"decision_id": "S/2024/239", "draft": "S/2024/239", "adopted": False,
...     "failure_reason": "veto", "vetoed_by": ["RUS", "CHN"], "yes": 11, "no": 3, "abstain": 1})
>>> s = summary(d); s["vetoed_by"], s["tally"], s["headline"]
(['CHN', 'RUS'], '11-3-1', 'Not adopted (vetoed by China and the Russian Federation)')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from unsc.record.decision import RecordedDecision
from unsc.web import adapters
from unsc.web.inputs import member_code
from unsc.web.store_cache import NotFound, StoreCache, python_rows, records, to_jsonable

__all__ = ["OUTCOMES", "HistoryRow", "RecordViews", "SearchResult", "summary"]

#: the outcomes a search can keep, as ``Store.decisions(outcome=...)`` reads them ("failed" includes vetoed)
OUTCOMES = ("adopted", "failed", "vetoed")


def summary(d: RecordedDecision) -> dict[str, Any]:
    """A decision's row in a list (JSON): its record fields, with the headline and tally of its page."""
    return to_jsonable(
        {
            "decision_id": d.decision_id,
            "date": d.date,
            "meeting": d.meeting,
            "draft": d.draft,
            "resolution": d.resolution,
            "title": d.title,
            "kind": d.kind.value,
            "adopted": d.adopted,
            "failure_reason": d.failure_reason.value if d.failure_reason else None,
            "yes": d.yes,
            "no": d.no,
            "abstain": d.abstain,
            "non_voting": d.non_voting,
            "vetoed_by": list(d.vetoed_by),
            "headline": d.headline,
            "tally": d.tally,
        }
    )


@dataclass(frozen=True)
class SearchResult:
    """One page of a search: ``total`` matches, ``items`` from ``offset``."""

    total: int
    limit: int
    offset: int
    items: list[RecordedDecision]

    def to_dict(self) -> dict[str, Any]:
        """The JSON page (``DecisionPage``)."""
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "items": [summary(d) for d in self.items],
        }


@dataclass(frozen=True)
class HistoryRow:
    """A member's vote on one decision."""

    decision: RecordedDecision
    vote: str

    def to_dict(self) -> dict[str, Any]:
        return summary(self.decision) | {"vote": self.vote}


def _decisions(frame: Any) -> list[RecordedDecision]:
    """``Store.decisions`` rows as typed values (no member votes: a list needs none)."""
    return [RecordedDecision.from_row(r) for r in python_rows(frame)]


def _newest_first(d: RecordedDecision) -> tuple[str, str]:
    return (str(d.date or ""), d.decision_id)


class RecordViews:
    """The cached views of the record the routers share (one per app)."""

    def __init__(self, backend: StoreCache) -> None:
        self.backend = backend

    def search(
        self,
        q: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        member: str | None = None,
        outcome: str | None = None,
        kind: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> SearchResult:
        """Decisions matching the filters, newest first; the store applies every filter."""
        code = member_code(member) if member else None
        key = ("search", q, since, until, code, outcome, kind)

        def compute() -> list[RecordedDecision]:
            frame = self.backend.call(
                "decisions", since=since, until=until, member=code, outcome=outcome or None, kind=kind or None,
                text=q or None,
            )  # fmt: skip
            return sorted(_decisions(frame), key=_newest_first, reverse=True)

        rows = self.backend.cached(key, compute, big=True)
        return SearchResult(len(rows), limit, offset, rows[offset : offset + limit])

    def all_decisions(self) -> list[RecordedDecision]:
        """Every decision, newest first."""
        return self.search(limit=10**9).items

    def members(self) -> list[dict[str, Any]]:
        """Every state that sat on the Council: permanent members first, then by name."""

        def compute() -> list[dict[str, Any]]:
            rows = records(self.backend.call("members"))
            rows.sort(key=lambda r: (not r.get("permanent"), str(r.get("name"))))
            return rows

        return self.backend.cached(("members",), compute)

    def member(self, text: str) -> dict[str, Any]:
        """One member: its row, vote counts, history (:class:`HistoryRow`, newest first) and vetoes."""
        code = member_code(text)

        def compute() -> dict[str, Any]:
            row = next((m for m in self.members() if m.get("code") == code), None)
            if row is None:
                raise NotFound(f"{code} ({adapters.member_name(code)}) never sat on the Council in the record")
            by_id = {d.decision_id: d for d in self.search(member=code, limit=10**9).items}
            counts = {"Y": 0, "N": 0, "A": 0, "X": 0}
            history = []
            for v in records(self.backend.call("votes", member=code)):
                counts[v["vote"]] = counts.get(v["vote"], 0) + 1
                d = by_id.get(v["decision_id"])
                if d is not None:
                    history.append(HistoryRow(d, v["vote"]))
            history.sort(key=lambda h: _newest_first(h.decision), reverse=True)
            return {"member": row, "counts": counts, "history": history, "vetoes": self.vetoes(code)}

        return self.backend.cached(("member", code), compute, big=True)

    def vetoes(
        self, member: str | None = None, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[dict[str, Any]]:
        """Vetoes cast (one row per vetoing member per proposal), newest first."""
        code = member_code(member) if member else None

        def compute() -> list[dict[str, Any]]:
            rows = records(self.backend.call("vetoes", member=code, since=since, until=until))
            rows.sort(key=lambda r: (str(r.get("date") or ""), str(r.get("draft"))), reverse=True)
            return rows

        return self.backend.cached(("vetoes", code, since, until), compute)

    def vetoes_shown(self, member: str | None = None) -> list[dict[str, Any]]:
        """The vetoes as pages show them: each with a short note for readers (``reader_note``), never the
        build's internal note (which names the source files; the JSON API keeps it)."""

        def compute() -> list[dict[str, Any]]:
            kinds = {d.decision_id: d.kind.value for d in self.all_decisions()}
            return [
                v | {"reader_note": veto_note(v, kinds.get(str(v.get("decision_id"))))} for v in self.vetoes(member)
            ]

        return self.backend.cached(("vetoes-shown", member), compute)

    def statistics(self) -> dict[str, Any]:
        """Counts: decisions by outcome and year (the store's outcome filters), vetoes by member and decade."""

        def compute() -> dict[str, Any]:
            every = self.all_decisions()
            outcome_of: dict[str, str] = {}
            for outcome in ("failed", "vetoed", "adopted"):  # vetoed after failed: a veto is also a failure
                for d in self.search(outcome=outcome, limit=10**9).items:
                    outcome_of[d.decision_id] = outcome
            by_year: dict[int, dict[str, int]] = {}
            for d in every:
                if d.date is None or d.decision_id not in outcome_of:
                    continue
                slot = by_year.setdefault(d.date.year, {"adopted": 0, "failed": 0, "vetoed": 0})
                slot[outcome_of[d.decision_id]] += 1
            vetoes = self.vetoes()
            by_member: dict[str, int] = {}
            by_decade: dict[str, int] = {}
            proposals = set()
            for v in vetoes:
                by_member[v["member"]] = by_member.get(v["member"], 0) + 1
                if v.get("date"):
                    decade = f"{str(v['date'])[:3]}0s"
                    by_decade[decade] = by_decade.get(decade, 0) + 1
                proposals.add((v.get("draft") or v.get("decision_id") or v.get("meeting"), v.get("date")))
            checked = [d for d in every if d.extra.get("rule_agrees") is not None]
            adopted = sum(1 for o in outcome_of.values() if o == "adopted")
            return {
                "decisions": len(every),
                "adopted": adopted,
                "failed": sum(1 for o in outcome_of.values() if o != "adopted"),
                "vetoed_proposals": len(proposals),
                "vetoes_cast": len(vetoes),
                "vetoes_by_member": dict(sorted(by_member.items(), key=lambda kv: -kv[1])),
                "vetoes_by_decade": dict(sorted(by_decade.items())),
                "by_year": {str(y): by_year[y] for y in sorted(by_year)},
                "rule_checked": len(checked),
                "rule_agrees": sum(1 for d in checked if d.extra.get("rule_agrees")),
            }

        return self.backend.cached(("statistics",), compute)


_KIND_NOTES = {
    "amendment": "vote on an amendment",
    "preliminary_question": "vote on whether the matter is procedural (the double veto)",
    "part": "vote on part of a draft",
}


def veto_note(row: dict[str, Any], kind: str | None) -> str | None:
    """A short note for readers on a veto row: what was voted on, if not a whole draft, and whether the
    UN Library's veto list gives it. The build's own note (which names source files) stays in the JSON API.

    >>> veto_note({"in_dhl_list": False, "note": "after the last entry ...; named by voting_agent"}, "amendment")
    "vote on an amendment; not in the UN Library's veto list"
    >>> veto_note({"in_dhl_list": True, "note": None}, "draft_resolution") is None
    True
    """
    parts = [_KIND_NOTES[kind]] if kind in _KIND_NOTES else []
    if row.get("in_dhl_list") is False:
        parts.append("not in the UN Library's veto list")
    return "; ".join(parts) or None
