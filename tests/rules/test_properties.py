"""Invariants of the engine over random ballots (hypothesis), in both eras of the Council."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.rules.rosters import ELECTED
from unsc.rules import Ballot, Council, Decision, FailureReason, Mode, VotingClass, decide
from unsc.rules.batch import decide_many
from unsc.rules.charter import FIRST_MEETING

LETTERS = ("Y", "N", "A", "X", "P")  # P: present, not participating
YEARS = sorted(ELECTED)
PROCEDURAL_KINDS = ["procedural", "agenda", "invite_rule37", "convene_gaess_377", "ruling_challenge", "adjourn"]


@st.composite
def ballots(draw: st.DrawFn, years: list[int] = YEARS) -> tuple[Council, dict[str, str]]:
    year = draw(st.sampled_from(years))
    date = dt.date(year, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
    date = max(date, FIRST_MEETING)  # no Council decision before its first meeting
    council = Council.on(date, elected=ELECTED[year])
    assert council.members is not None
    letters = draw(st.lists(st.sampled_from(LETTERS), min_size=council.size, max_size=council.size))
    return council, dict(zip(council.members, letters, strict=True))


def ballot_of(council: Council, votes: dict[str, str], **kw: object) -> Ballot:
    groups: dict[str, list[str]] = {"Y": [], "N": [], "A": [], "X": [], "P": []}
    for code, letter in votes.items():
        groups[letter].append(code)
    return Ballot.of(
        council.date,
        yes=groups["Y"],
        no=groups["N"],
        abstain=groups["A"],
        absent=groups["X"],
        not_participating=groups["P"],
        **kw,  # type: ignore[arg-type]
    )


def run(council: Council, votes: dict[str, str], mode: Mode = Mode(), **kw: object) -> Decision:
    return decide(ballot_of(council, votes, **kw), council, mode)


@given(ballots(), st.sampled_from(["practice", "charter_literal"]), st.data())
def test_adding_a_yes_never_turns_adopted_into_failed(b, interpretation, data) -> None:
    council, votes = b
    mode = Mode(interpretation=interpretation)
    before = run(council, votes, mode)
    others = [c for c, v in votes.items() if v != "Y"]
    if not others:
        return
    seat = data.draw(st.sampled_from(others))
    after = run(council, votes | {seat: "Y"}, mode)
    assert after.yes == before.yes + 1
    assert not (before.adopted and not after.adopted)


@given(ballots(), st.sampled_from(PROCEDURAL_KINDS))
def test_procedural_is_never_vetoed(b, kind) -> None:
    council, votes = b
    d = run(council, votes, kind=kind)
    assert d.voting_class is VotingClass.PROCEDURAL
    assert d.vetoed_by == () and d.failure_reason is not FailureReason.VETO and not d.dhl_veto_list_entry
    assert d.adopted == (d.yes >= d.threshold)


@given(ballots(), st.sampled_from(["practice", "charter_literal"]))
def test_counts_veto_and_shortfall_invariants(b, interpretation) -> None:
    council, votes = b
    d = run(council, votes, Mode(interpretation=interpretation))
    p5_no = {c for c in council.permanent if votes[c] == "N"}
    assert set(d.vetoed_by) <= p5_no
    assert set(d.p5_negative_votes) == p5_no
    assert d.shortfall == max(0, d.threshold - d.yes)
    assert d.yes + d.no + d.abstain + d.non_voting == council.size
    assert d.absent == sum(1 for v in votes.values() if v == "X")
    assert (d.failure_reason is FailureReason.INSUFFICIENT_VOTES) == (d.yes < d.threshold)
    if d.vetoed_by:
        assert d.yes >= d.threshold and not d.adopted and d.dhl_veto_list_entry
    assert d.adopted == (d.failure_reason is FailureReason.NONE)
    json.dumps(d.to_dict())


@given(ballots(), st.data())
def test_abstaining_or_absent_permanent_member_never_blocks_in_practice(b, data) -> None:
    council, votes = b
    d = run(council, votes)
    p5_no = [c for c in council.permanent if votes[c] == "N"]
    assert d.adopted == (d.yes >= d.threshold and not p5_no)
    quiet = [c for c in council.permanent if votes[c] in "AXP"]
    if quiet:
        seat = data.draw(st.sampled_from(quiet))
        for other in "AXP":
            assert run(council, votes | {seat: other}).adopted == d.adopted


@given(ballots())
def test_charter_literal_is_never_more_permissive(b) -> None:
    council, votes = b
    literal = run(council, votes, Mode(interpretation="charter_literal"))
    practice = run(council, votes)
    assert not (literal.adopted and not practice.adopted)
    if practice.adopted and not literal.adopted:
        assert literal.failure_reason is FailureReason.NO_CONCURRENCE
        assert set(literal.not_concurring) == {c for c in council.permanent if votes[c] != "Y"}


@given(st.dates(dt.date(1945, 10, 24), dt.date(2100, 12, 31)))
def test_size_and_threshold_by_era(date) -> None:
    c = Council.on(date)
    if date < dt.date(1966, 1, 1):
        assert (c.size, c.threshold, c.elected_seats) == (11, 7, 6)
    else:
        assert (c.size, c.threshold, c.elected_seats) == (15, 9, 10)
    assert c.permanent[0] == "CHN" and c.permanent[2] == ("SUN" if date < dt.date(1991, 12, 24) else "RUS")


@given(ballots(years=[y for y in YEARS if y < 1966]))
def test_eleven_member_era(b) -> None:
    council, votes = b
    d = run(council, votes)
    assert council.size == 11 and d.threshold == 7
    assert d.adopted == (d.yes >= 7 and not any(votes[c] == "N" for c in council.permanent))


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(YEARS),
    st.integers(1, 400),
    st.integers(0, 2**32 - 1),
    st.sampled_from(["practice", "charter_literal"]),
    st.sampled_from(["draft_resolution", "procedural", "art109_1_conference", "icj_ballot"]),
)
def test_batch_equals_decide(year, n, seed, interpretation, kind) -> None:
    council = Council.on(f"{year}-06-15", elected=ELECTED[year])
    assert council.members is not None
    rng = np.random.default_rng(seed)
    codes = rng.integers(0, 4, size=(n, council.size), dtype=np.int8)
    out = decide_many(codes, council, kind=kind, interpretation=interpretation)
    letters = np.array(["Y", "N", "A", "X"])
    mode = Mode(interpretation=interpretation)
    for i in range(n):
        votes = dict(zip(council.members, letters[codes[i]].tolist(), strict=True))
        d = run(council, votes, mode, kind=kind)
        assert bool(out.adopted[i]) == d.adopted
        assert (int(out.yes[i]), int(out.no[i]), int(out.abstain[i])) == (d.yes, d.no, d.abstain)
        assert int(out.non_voting[i]) == d.non_voting
        assert out.vetoed_by_codes(i) == d.vetoed_by
        assert int(out.shortfall[i]) == d.shortfall
        assert out.failure_reason(i) is d.failure_reason
        assert out.threshold == d.threshold
