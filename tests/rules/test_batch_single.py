"""One rule, two speeds: ``decide_many`` and ``decide`` agree on every kind, class and era (issue 12).

The batch form takes its class (preliminary question by date, an amendment's parent class, overrides),
threshold, adoption and failure from the same functions as ``decide``; these tests make sure that
stays true. ``test_batch_equals_single_100k`` compares 100,000 ballots field by field.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc.rules import Ballot, Council, Kind, Mode, VotingClass, decide
from unsc.rules.batch import decide_many
from unsc.rules.charter import ELECTED_BY_YEAR

LETTERS = np.array(["Y", "N", "A", "X"])
#: dates in both eras and on both sides of the 1950 preliminary-question switch and the 1968 Art. 109(1) change
DATES = [
    dt.date(1946, 1, 17), dt.date(1948, 5, 24), dt.date(1950, 9, 28), dt.date(1950, 9, 29), dt.date(1959, 9, 7),
    dt.date(1965, 11, 23), dt.date(1967, 6, 1), dt.date(1968, 6, 12), dt.date(1971, 12, 13), dt.date(1992, 1, 31),
    dt.date(2024, 3, 22), dt.date(2026, 2, 10),
]  # fmt: skip
DECIDED_KINDS = [k for k in Kind if k not in (Kind.SG_STRAW_POLL, Kind.ART44_CONTINGENTS)]


def variants() -> list[tuple[Kind, VotingClass | None, VotingClass | None]]:
    """Every kind with its default class, every override it can have, and (amendments, parts) every parent."""
    out: list[tuple[Kind, VotingClass | None, VotingClass | None]] = []
    for kind in DECIDED_KINDS:
        out.append((kind, None, None))
        out += [(kind, cls, None) for cls in sorted(kind.possible_classes)]
        if kind in (Kind.AMENDMENT, Kind.PART):
            out += [(kind, None, VotingClass.PROCEDURAL), (kind, None, VotingClass.NON_PROCEDURAL)]
    return out


def single(council: Council, row: np.ndarray, kind: Kind, cls, parent, mode: Mode):  # type: ignore[no-untyped-def]
    groups: dict[str, list[str]] = {"Y": [], "N": [], "A": [], "X": []}
    for seat, letter in zip(council.members or (), LETTERS[row].tolist(), strict=True):
        groups[letter].append(seat)
    b = Ballot.of(
        council.date, yes=groups["Y"], no=groups["N"], abstain=groups["A"], not_voting=groups["X"],
        kind=kind, voting_class=cls, parent_class=parent,
    )  # fmt: skip
    return decide(b, council, mode)


def compare(council: Council, codes: np.ndarray, kind: Kind, cls, parent, mode: Mode) -> None:  # type: ignore[no-untyped-def]
    out = decide_many(codes, council, kind=kind, voting_class=cls, parent_class=parent, mode=mode)
    for i, row in enumerate(codes):
        d = single(council, row, kind, cls, parent, mode)
        got = (
            bool(out.adopted[i]), out.failure_reason(i), out.vetoed_by_codes(i), int(out.yes[i]), int(out.no[i]),
            int(out.abstain[i]), int(out.non_voting[i]), int(out.shortfall[i]), out.threshold, out.voting_class,
        )  # fmt: skip
        want = (
            d.adopted, d.failure_reason, d.vetoed_by, d.yes, d.no, d.abstain, d.non_voting, d.shortfall,
            d.threshold, d.voting_class,
        )  # fmt: skip
        assert got == want, f"{council.date} {kind.value} class={cls} parent={parent} {mode} row {LETTERS[row]}"


def test_batch_equals_single_100k() -> None:
    """100,000 random ballots over every kind/class/parent variant, every era date, both readings."""
    combos = list(itertools.product(variants(), DATES, ("practice", "charter_literal")))
    per = -(-100_000 // len(combos))
    rng = np.random.default_rng(12)
    total = 0
    for (kind, cls, parent), date, interpretation in combos:
        council = Council.seated(date)
        codes = rng.integers(0, 4, size=(per, council.size), dtype=np.int8)
        compare(council, codes, kind, cls, parent, Mode(interpretation=interpretation))
        total += per
    assert total >= 100_000


def test_preliminary_question_switch_in_bulk() -> None:
    """The 1950 switch: a permanent member's no blocks the preliminary question before 29 Sep 1950, not after."""
    row = np.array([[1, 0, 0, 0, 0] + [0] * 6], dtype=np.int8)  # China no, ten yes
    before = decide_many(row, Council.seated("1950-09-28"), kind="preliminary_question")
    after = decide_many(row, Council.seated("1950-09-29"), kind="preliminary_question")
    assert (before.voting_class, bool(before.adopted[0])) == (VotingClass.NON_PROCEDURAL, False)
    assert (after.voting_class, bool(after.adopted[0])) == (VotingClass.PROCEDURAL, True)
    forced = decide_many(row, Council.seated("1959-09-07"), kind="preliminary_question",
                         mode=Mode(preliminary_question="four_power_1945"))  # fmt: skip
    assert not forced.adopted[0]


def test_amendment_to_a_procedural_text_in_bulk() -> None:
    row = np.array([[1] + [0] * 14], dtype=np.int8)  # a permanent member's no, 14 yes
    c = Council.seated("2024-03-22")
    assert decide_many(row, c, kind="amendment", parent_class="procedural").adopted[0]
    assert not decide_many(row, c, kind="amendment").adopted[0]  # parent unknown: the draft's class


@pytest.mark.parametrize(
    ("kind", "cls"), [("draft_resolution", "special"), ("icj_ballot", "non_procedural"), ("art109_3", "procedural")]
)
def test_impossible_classes_refused_in_bulk_too(kind: str, cls: str) -> None:
    with pytest.raises(ValueError, match=f"cannot be decided as {cls}"):
        decide_many(np.zeros((1, 15), dtype=np.int8), Council.seated("2024-03-22"), kind=kind, voting_class=cls)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(variants()),
    st.sampled_from(sorted(ELECTED_BY_YEAR)),
    st.integers(1, 12),
    st.sampled_from(["practice", "charter_literal"]),
    st.integers(0, 2**32 - 1),
)
def test_batch_equals_single_any_year(variant, year, month, interpretation, seed) -> None:  # type: ignore[no-untyped-def]
    kind, cls, parent = variant
    date = max(dt.date(year, month, 15), dt.date(1946, 1, 17))
    council = Council.seated(date)
    codes = np.random.default_rng(seed).integers(0, 4, size=(20, council.size), dtype=np.int8)
    compare(council, codes, kind, cls, parent, Mode(interpretation=interpretation))
