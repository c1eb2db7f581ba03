"""The typed report (issue 15) and the ``unsc check --json`` object it gives, a public interface whose keys
and values must not change when the report's types do."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.news.conftest import ARTICLES, BRIEF_FALSE
from unsc.news import MemoryRecord, check
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

TOP = ["status", "message", "title", "article_date", "vote_date", "decision", "candidates", "evidence", "claims",
       "other_votes", "left_out", "consistency"]  # fmt: skip
DECISION = ["symbol", "date", "meeting", "draft", "resolution", "title", "kind", "outcome", "tally", "vetoed_by"]
CANDIDATE = ["symbol", "date", "meeting", "resolution", "title", "sponsors", "yes", "no", "abstain", "outcome",
             "vetoed_by", "score"]  # fmt: skip
CLAIM_ORDER = ["field", "claimed", "text", "member", "note", "event", "recorded", "verdict", "decision", "reason"]
OTHER = ["event", "kind", "text", "status", "message", "decision", "evidence"]


def _schema_ok(out: dict) -> None:
    """Every key of the ``--json`` object where it has always been, each value of a JSON type."""
    assert list(out) == TOP
    assert out["status"] in {s.value for s in ReportStatus} and type(out["status"]) is str
    if out["decision"] is not None:
        assert list(out["decision"]) == DECISION and isinstance(out["decision"]["vetoed_by"], list)
    for c in out["candidates"]:
        assert list(c) in (CANDIDATE, [*CANDIDATE, "evidence"]) and isinstance(c["score"], float)
    for c in out["claims"]:
        assert {"field", "claimed", "text", "recorded", "verdict"} <= set(c), c
        assert [k for k in CLAIM_ORDER if k in c] == list(c), c  # no other key, in this order
        assert type(c["verdict"]) is str and c["verdict"] in {v.value for v in Verdict}
    for o in out["other_votes"]:
        assert list(o) == OTHER and type(o["status"]) is str
        assert o["decision"] is None or list(o["decision"]) == DECISION
    for x in out["left_out"]:
        assert {"text", "reason"} <= set(x) and set(x) <= {"text", "reason", *CLAIM_ORDER}
    for i in out["consistency"]:
        assert list(i) in (["issue", "message"], ["issue", "outcome", "message"])


def test_json_keeps_its_keys_and_values_on_a_typed_record(fake_record: MemoryRecord) -> None:
    """A text with a false tally and a false member vote: the whole object, key by key."""
    r = check(BRIEF_FALSE + " The vote came on Friday.", date="2024-03-22", record=fake_record)
    out = json.loads(json.dumps(r.to_dict()))
    _schema_ok(out)
    assert out["status"] == "matched" and out["article_date"] == out["vote_date"] == "2024-03-22"
    assert out["decision"] == {
        "symbol": "S/2024/239", "date": "2024-03-22", "meeting": "S/PV.9584", "draft": "S/2024/239",
        "resolution": None, "title": "The situation in the Middle East, including the Palestinian question",
        "kind": "draft_resolution", "outcome": "vetoed", "tally": "11-3-1", "vetoed_by": ["CHN", "RUS"],
    }  # fmt: skip
    got = [
        (c["field"], c.get("member"), c["claimed"], c["recorded"], c["verdict"], c["decision"]) for c in out["claims"]
    ]
    assert got == [
        ("date", None, "2024-03-22", "2024-03-22", "supported", "S/2024/239"),
        ("outcome", None, "failed", "vetoed", "supported", "S/2024/239"),
        ("sponsor", "USA", "USA", "United States", "supported", "S/2024/239"),
        ("yes", None, 12, 11, "contradicted", "S/2024/239"),
        ("vote", "RUS", "no", "no", "supported", "S/2024/239"),
        ("vote", "CHN", "no", "no", "supported", "S/2024/239"),
        ("vote", "DZA", "no", "no", "supported", "S/2024/239"),
        ("vote", "GUY", "no", "abstain", "contradicted", "S/2024/239"),
    ]
    assert out["claims"][-1]["text"] == "Guyana also voted against." and "reason" not in out["claims"][-1]
    assert (
        out["candidates"][0]["symbol"] == "S/2024/239" and "12 yes does not fit 11" in out["candidates"][0]["evidence"]
    )
    assert out["other_votes"] == out["left_out"] == out["consistency"] == []
    # the typed values say the same as the JSON
    assert isinstance(r.decision, MatchedDecision) and all(isinstance(c, Candidate) for c in r.candidates)
    assert [c.verdict for c in r.claims].count(Verdict.CONTRADICTED) == 2
    assert r.verdicts == {Verdict.SUPPORTED: 6, Verdict.CONTRADICTED: 2}


def test_typed_values_round_trip_to_the_same_dicts() -> None:
    claim = CheckedClaim("veto", True, "Russia vetoed it.", member="RUS", event=2, recorded=True,
                         verdict=Verdict.SUPPORTED, decision="S/2022/720")  # fmt: skip
    assert claim.to_dict() == {"field": "veto", "claimed": True, "text": "Russia vetoed it.", "member": "RUS",
                               "event": 2, "recorded": True, "verdict": "supported", "decision": "S/2022/720"}  # fmt: skip
    left = LeftOut.of({"field": "yes", "claimed": 4, "text": "It won four votes.", "event": 1, "reason": "why"})
    assert left.claim is not None and left.claim.key() == ("yes", None, 4)
    assert left.to_dict() == {"field": "yes", "claimed": 4, "text": "It won four votes.", "event": 1, "reason": "why"}
    assert LeftOut.of({"text": "The vote was put off.", "reason": "postponed"}).to_dict() == {
        "text": "The vote was put off.", "reason": "postponed"}  # fmt: skip
    assert Issue("rules_outcome", "m", "failed").to_dict() == {
        "issue": "rules_outcome",
        "outcome": "failed",
        "message": "m",
    }
    other = OtherVote(1, "earlier", "Last week ...", ReportStatus.UNMATCHED, "not found")
    assert other.to_dict()["status"] == "unmatched" and type(other.to_dict()["status"]) is str
    empty = Report(ReportStatus.NO_VOTE, "no Council vote reported").to_dict()
    assert list(empty) == TOP and empty["claims"] == [] and empty["decision"] is None


CORPUS = [
    ("a49_2024_239_seed_fullpage", "2024-03-22"),  # the seed page with its clutter
    ("a52_postponed_2024_03_21", None),  # no Council vote
    ("a53_2026_03_russian_draft", None),  # after the record
    ("a63_2023_12_22_amendment_then_2720", None),  # amendments then the draft
]


@pytest.mark.data
@pytest.mark.parametrize(("name", "date"), CORPUS)
def test_cli_json_is_the_typed_report(name: str, date: str | None, built_store, real_store) -> None:
    """On corpus texts, ``unsc check --json`` keeps its keys, and its values are those of the typed report."""
    from unsc.cli import app

    path = next(p for p in ARTICLES.glob(name + ".*") if p.suffix in (".txt", ".html"))
    label = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    when = date or label["article_date"]
    res = CliRunner().invoke(app, ["check", str(path), "--date", when, "--json", "--store", str(built_store)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    _schema_ok(out)
    rep = check(path.read_text(encoding="utf-8"), date=when, record=real_store)
    assert out == json.loads(json.dumps(rep.to_dict(), default=str))
    assert out["status"] == rep.status.value and len(out["claims"]) == len(rep.claims)
    for c, typed in zip(out["claims"], rep.claims, strict=True):
        assert (c["field"], c.get("member"), c["verdict"], c.get("decision")) == (
            typed.field, typed.member, typed.verdict.value, typed.decision)  # fmt: skip
    want = label["decision"]
    if want is None:
        assert out["decision"] is None and out["status"] in ("no_vote", "beyond_record")
    else:
        assert want in {out["decision"]["symbol"], out["decision"]["draft"], out["decision"]["resolution"]}
