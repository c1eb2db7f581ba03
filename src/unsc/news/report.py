"""The typed values a news check returns: :class:`Report` and its parts.

A report says which vote (``decision``, a :class:`MatchedDecision`) the text is mainly about, the
:class:`Candidate` votes that were weighed, each :class:`CheckedClaim` with its :class:`Verdict`, the other
votes the text speaks of (:class:`OtherVote`), the sentences left out (:class:`LeftOut`) and the
:class:`Issue` s the claims raise under the Charter's rules. ``Report.to_dict()`` is the
``unsc check --json`` object; the enums are ``StrEnum`` s, so they are written as their plain strings.

>>> claim = CheckedClaim("yes", 12, "Twelve members backed it.", recorded=11, verdict=Verdict.CONTRADICTED,
...                      decision="S/2024/239")
>>> claim.to_dict()
{'field': 'yes', 'claimed': 12, 'text': 'Twelve members backed it.', 'recorded': 11, 'verdict': 'contradicted', 'decision': 'S/2024/239'}
>>> Report(ReportStatus.NO_VOTE, "no Council vote reported").to_dict()["status"] == "no_vote"
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from unsc.news.extract import Claim

__all__ = [
    "Candidate",
    "CheckedClaim",
    "Issue",
    "LeftOut",
    "MatchedDecision",
    "OtherVote",
    "Report",
    "ReportStatus",
    "Verdict",
]


class Verdict(StrEnum):
    """What the record says of one claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"  # with the recorded value
    UNVERIFIABLE = "unverifiable"  # with the reason


class ReportStatus(StrEnum):
    """How the search for the vote a text (or one of its other votes) is about ended."""

    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"  # several votes fit about equally well
    UNMATCHED = "unmatched"
    NO_VOTE = "no_vote"  # the text reports no Council vote (postponed, threatened, General Assembly, withdrawn)
    BEYOND_RECORD = "beyond_record"  # a vote after the record's last date


@dataclass(frozen=True)
class MatchedDecision:
    """The recorded decision a text (or one of its other votes) was matched to, as the report shows it."""

    symbol: str
    date: str | None
    meeting: str | None
    draft: str | None
    resolution: str | None
    title: str | None
    kind: str | None
    outcome: str | None  # adopted / vetoed / failed
    tally: str | None  # "11-3-1" as ``unsc.rules.wording.tally_text`` writes it
    vetoed_by: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The decision as JSON-ready data."""
        return {
            "symbol": self.symbol,
            "date": self.date,
            "meeting": self.meeting,
            "draft": self.draft,
            "resolution": self.resolution,
            "title": self.title,
            "kind": self.kind,
            "outcome": self.outcome,
            "tally": self.tally,
            "vetoed_by": list(self.vetoed_by),
        }

    def names(self) -> set[str]:
        """The symbols this decision goes by: its symbol, draft and resolution (those recorded)."""
        return {s for s in (self.symbol, self.draft, self.resolution) if s}


@dataclass(frozen=True)
class Candidate:
    """A recorded vote weighed as the one a text is about, with its score and (when kept) the evidence."""

    symbol: str
    date: str | None
    meeting: str | None
    resolution: str | None
    title: str | None
    sponsors: str | None
    yes: int | None
    no: int | None
    abstain: int | None
    outcome: str | None
    vetoed_by: tuple[str, ...]
    score: float
    evidence: tuple[str, ...] | None = None  # each piece of evidence, strongest first

    def to_dict(self) -> dict[str, Any]:
        """The candidate as JSON-ready data (``evidence`` only when kept)."""
        out: dict[str, Any] = {
            "symbol": self.symbol,
            "date": self.date,
            "meeting": self.meeting,
            "resolution": self.resolution,
            "title": self.title,
            "sponsors": self.sponsors,
            "yes": self.yes,
            "no": self.no,
            "abstain": self.abstain,
            "outcome": self.outcome,
            "vetoed_by": list(self.vetoed_by),
            "score": self.score,
        }
        if self.evidence is not None:
            out["evidence"] = list(self.evidence)
        return out


def _claim_part(field_: str, claimed: Any, sentence: str, member: str | None, note: str | None, event: int) -> dict:
    return Claim(field_, claimed, sentence, member, note, event).to_dict()


@dataclass(frozen=True)
class CheckedClaim:
    """One claim of the text with its verdict against the vote its sentence is about (``decision``)."""

    field: str
    claimed: Any
    sentence: str
    member: str | None = None
    note: str | None = None
    event: int = 0  # the vote the sentence is about: 0 is the text's main vote
    recorded: Any = None
    verdict: Verdict = Verdict.UNVERIFIABLE
    decision: str | None = None  # the symbol of the vote it was checked against
    reason: str | None = None

    @classmethod
    def of(cls, claim: Claim, verdict: Verdict, recorded: Any = None, decision: str | None = None,
           reason: str | None = None) -> CheckedClaim:  # fmt: skip
        """A claim the extraction found, with its verdict."""
        return cls(claim.field, claim.claimed, claim.text, claim.member, claim.note, claim.event, recorded,
                   Verdict(verdict), decision, reason)  # fmt: skip

    def to_dict(self) -> dict[str, Any]:
        """The claim as JSON-ready data: the extracted claim's keys, then ``recorded``, ``verdict``,
        ``decision`` and ``reason`` (the last two only when known)."""
        out = _claim_part(self.field, self.claimed, self.sentence, self.member, self.note, self.event)
        out.update(recorded=self.recorded, verdict=self.verdict.value)
        if self.decision is not None:
            out["decision"] = self.decision
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Issue:
    """A contradiction between claims (or a finding) under the Charter's rules; ``outcome`` is set for
    ``rules_outcome``, what the rules decide from the claimed ballot."""

    issue: str
    message: str
    outcome: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The issue as JSON-ready data."""
        if self.outcome is None:
            return {"issue": self.issue, "message": self.message}
        return {"issue": self.issue, "outcome": self.outcome, "message": self.message}


@dataclass(frozen=True)
class LeftOut:
    """A sentence (or a claim read from it) not checked, with the reason."""

    sentence: str
    reason: str
    claim: Claim | None = None

    @classmethod
    def of(cls, data: Mapping[str, Any]) -> LeftOut:
        """From the extraction's form: ``{"text", "reason"}`` and, for a claim, the claim's keys."""
        claim = None
        if "field" in data:
            claim = Claim(str(data["field"]), data.get("claimed"), str(data["text"]), data.get("member"),
                          data.get("note"), int(data.get("event") or 0))  # fmt: skip
        return cls(str(data["text"]), str(data["reason"]), claim)

    @classmethod
    def of_claim(cls, claim: Claim, reason: str) -> LeftOut:
        """A claim left out."""
        return cls(claim.text, reason, claim)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-ready data: the claim's keys (when a claim) and ``reason``."""
        if self.claim is None:
            return {"text": self.sentence, "reason": self.reason}
        return {**self.claim.to_dict(), "reason": self.reason}


@dataclass(frozen=True)
class OtherVote:
    """A vote the text speaks of besides its main one (an amendment, a rival draft, an earlier veto) and
    the record's vote it was matched to, if any."""

    event: int
    kind: str
    sentence: str
    status: ReportStatus
    message: str
    decision: MatchedDecision | None = None
    evidence: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """As JSON-ready data."""
        return {
            "event": self.event,
            "kind": self.kind,
            "text": self.sentence,
            "status": self.status.value,
            "message": self.message,
            "decision": self.decision.to_dict() if self.decision else None,
            "evidence": list(self.evidence),
        }


def _dicts(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [x.to_dict() for x in items]


@dataclass(frozen=True)
class Report:
    """The result of checking one text: the matched decision, the candidates, the claims with verdicts."""

    status: ReportStatus
    message: str
    decision: MatchedDecision | None = None
    candidates: tuple[Candidate, ...] = ()
    claims: tuple[CheckedClaim, ...] = ()
    consistency: tuple[Issue, ...] = ()
    article_date: str | None = None
    vote_date: str | None = None
    title: str | None = None
    evidence: tuple[str, ...] = ()
    other_votes: tuple[OtherVote, ...] = ()
    left_out: tuple[LeftOut, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (the ``unsc check --json`` object)."""
        return {
            "status": self.status.value,
            "message": self.message,
            "title": self.title,
            "article_date": self.article_date,
            "vote_date": self.vote_date,
            "decision": self.decision.to_dict() if self.decision else None,
            "candidates": _dicts(self.candidates),
            "evidence": list(self.evidence),
            "claims": _dicts(self.claims),
            "other_votes": _dicts(self.other_votes),
            "left_out": _dicts(self.left_out),
            "consistency": _dicts(self.consistency),
        }

    @property
    def verdicts(self) -> dict[Verdict, int]:
        """How many claims got each verdict."""
        out: dict[Verdict, int] = {}
        for c in self.claims:
            out[c.verdict] = out.get(c.verdict, 0) + 1
        return out
