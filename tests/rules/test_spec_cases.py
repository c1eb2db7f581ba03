"""Every test case of section H of the rules spec (TC01-TC54), as tables of inputs and expected outputs.

Votes are given per member on the Council of the date (``tests/rules/rosters.py``), so each ballot
is also checked against the roster. Where the spec gives only a tally and names some members, the
named members vote as the spec says and the rest of each group is filled from the roster in order
(marked "split illustrative"); the outcome depends only on the tally and the permanent members'
votes. TP1-TP4 (voting power) belong to the analysis area.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.rules.rosters import council, everyone, rest
from unsc.rules import (
    Ballot,
    Candidate,
    FailureReason,
    Mode,
    VotingClass,
    challenge_ruling,
    decide,
    decide_amendments,
    decide_parts,
    decide_preliminary_question,
    icj_round,
    read_poll,
)

P5_1950 = ("CHN", "FRA", "SUN", "GBR", "USA")
P5_NOW = ("CHN", "FRA", "RUS", "GBR", "USA")


def split(date: str, n_yes: int, n_no: int, n_abstain: int, *, yes=(), no=(), abstain=(), away=()) -> dict[str, list]:
    """Lists per vote with the named members where the spec names them, the rest filled from the roster."""
    named = set(yes) | set(no) | set(abstain) | set(away)
    pool = rest(date, *named)
    out: dict[str, list] = {"yes": list(yes), "no": list(no), "abstain": list(abstain)}
    for key, n in (("yes", n_yes), ("no", n_no), ("abstain", n_abstain)):
        need = n - len(out[key])
        assert need >= 0, (key, n, out[key])
        out[key] += pool[:need]
        pool = pool[need:]
    out["absent"] = list(away) + pool
    return out


def not_participating(votes: dict[str, list]) -> dict[str, list]:
    """The same lists with the non-voting members present but not participating instead of absent."""
    return {**{k: v for k, v in votes.items() if k != "absent"}, "not_participating": votes["absent"]}


@dataclass(frozen=True)
class Case:
    id: str
    date: str
    votes: dict[str, Any]
    adopted: bool
    failure: FailureReason
    vetoed_by: tuple[str, ...] = ()
    dhl_entry: bool = False
    kind: str = "draft_resolution"
    voting_class: str | None = None
    mode: Mode = field(default_factory=Mode)
    extra: dict[str, Any] = field(default_factory=dict)
    threshold: int | None = None
    tally: str | None = None
    warnings: tuple[str, ...] = ()
    p5_negative: tuple[str, ...] | None = None
    p5_concurring: int | None = None


NONE, SHORT, VETO = FailureReason.NONE, FailureReason.INSUFFICIENT_VOTES, FailureReason.VETO

CASES = [
    Case(
        "TC01",
        "2024-03-22",
        dict(
            yes=["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"],
            no=["CHN", "RUS", "DZA"],
            abstain=["GUY"],
        ),
        False,
        VETO,
        ("CHN", "RUS"),
        True,
        tally="11-3-1",
        p5_negative=("CHN", "RUS"),
    ),
    Case("TC02", "2024-03-25", split("2024-03-25", 14, 0, 1, abstain=["USA"]), True, NONE, tally="14-0-1"),
    Case("TC03", "2016-12-23", split("2016-12-23", 14, 0, 1, abstain=["USA"]), True, NONE, tally="14-0-1"),
    Case(
        "TC04",
        "2020-01-10",
        split("2020-01-10", 11, 0, 4, abstain=["CHN", "RUS", "GBR", "USA"]),
        True,
        NONE,
        tally="11-0-4",
        p5_concurring=1,
    ),
    Case(
        "TC05",
        "2015-05-22",
        dict(
            yes=["FRA", "GBR", "USA", "CHL", "JOR", "LTU", "MYS", "NZL", "ESP"],
            abstain=["CHN", "RUS", "AGO", "TCD", "NGA", "VEN"],
        ),
        True,
        NONE,
        threshold=9,
        tally="9-0-6",
    ),
    Case(
        "TC06",
        "2014-12-30",
        dict(
            yes=["ARG", "TCD", "CHL", "CHN", "FRA", "JOR", "LUX", "RUS"],
            no=["USA", "AUS"],
            abstain=["LTU", "NGA", "RWA", "KOR", "GBR"],
        ),
        False,
        SHORT,
        (),
        False,
        tally="8-2-5",
        p5_negative=("USA",),
    ),
    Case(
        "TC07",
        "2023-10-18",
        split("2023-10-18", 7, 1, 7, no=["USA"]),
        False,
        SHORT,
        kind="amendment",
        tally="7-1-7",
        p5_negative=("USA",),
    ),  # split illustrative
    Case(
        "TC08",
        "2024-05-20",
        split("2024-05-20", 7, 7, 1, yes=["RUS", "CHN"], no=["FRA", "GBR", "USA"]),
        False,
        SHORT,
        tally="7-7-1",
        p5_negative=("FRA", "GBR", "USA"),
    ),  # split illustrative
    Case("TC09", "2025-06-01", split("2025-06-01", 8, 0, 7, yes=list(P5_NOW)), False, SHORT, tally="8-0-7"),
    Case(
        "TC10",
        "1950-06-25",
        dict(yes=["CHN", "FRA", "GBR", "USA", "CUB", "ECU", "EGY", "IND", "NOR"], abstain=["YUG"], absent=["SUN"]),
        True,
        NONE,
        tally="9-0-1",
        warnings=("p5_absent",),
    ),
    Case(
        "TC11",
        "1950-06-27",
        dict(
            yes=["CHN", "FRA", "GBR", "USA", "CUB", "ECU", "NOR"],
            no=["YUG"],
            not_participating=["EGY", "IND"],
            absent=["SUN"],
        ),
        True,
        NONE,
        threshold=7,
        tally="7-1-0",
        warnings=("p5_absent",),
    ),
    Case(
        "TC12",
        "1950-07-07",
        dict(yes=["CHN", "FRA", "GBR", "USA", "CUB", "ECU", "NOR"], abstain=["EGY", "IND", "YUG"], absent=["SUN"]),
        True,
        NONE,
        tally="7-0-3",
        warnings=("p5_absent",),
    ),
    Case(
        "TC13",
        "1946-04-29",
        dict(yes=["CHN", "FRA", "GBR", "USA", "AUS", "BRA", "EGY", "MEX", "NLD", "POL"], abstain=["SUN"]),
        True,
        NONE,
        tally="10-0-1",
    ),
    Case(
        "TC14",
        "1965-11-23",
        dict(yes=["CHN", "SUN", "BOL", "CIV", "JOR", "MYS", "URY"], abstain=["FRA", "NLD", "GBR", "USA"]),
        True,
        NONE,
        threshold=7,
        tally="7-0-4",
        warnings=("threshold_follows_seated_council",),
    ),
    Case("TC15", "1966-03-01", split("1966-03-01", 8, 0, 7), False, SHORT, threshold=9, tally="8-0-7"),
    Case(
        "TC16",
        "1971-12-13",
        dict(yes=rest("1971-12-13", "CHN"), not_participating=["CHN"]),
        True,
        NONE,
        tally="14-0-0",
        warnings=("p5_not_participating",),
    ),
    Case(
        "TC17",
        "1947-04-09",
        dict(
            yes=["CHN", "FRA", "USA", "AUS", "BEL", "BRA", "COL", "SYR"],
            abstain=["POL", "SUN"],
            obligatory_abstention=["GBR"],
        ),
        True,
        NONE,
        tally="8-0-2",
        extra=dict(chapter_vi=True, parties=["GBR", "ALB"]),
    ),
    Case(
        "TC18",
        "1960-06-23",
        dict(
            yes=["CHN", "FRA", "GBR", "USA", "LKA", "ECU", "ITA", "TUN"],
            abstain=["POL", "SUN"],
            obligatory_abstention=["ARG"],
        ),
        True,
        NONE,
        tally="8-0-2",
        extra=dict(chapter_vi=True, parties=["ARG", "ISR"]),
    ),
    Case(
        "TC19a",
        "2014-03-15",
        split("2014-03-15", 13, 1, 1, no=["RUS"], abstain=["CHN"]),
        False,
        VETO,
        ("RUS",),
        True,
        tally="13-1-1",
        warnings=("art27_3_not_observed",),
        extra=dict(chapter_vi=True, parties=["RUS", "UKR"]),
    ),
    Case(
        "TC19b",
        "2014-03-15",
        split("2014-03-15", 13, 1, 1, no=["RUS"], abstain=["CHN"]),
        True,
        NONE,
        tally="13-0-1",
        warnings=("art27_3_enforced",),
        mode=Mode(enforce_27_3="strict"),
        extra=dict(chapter_vi=True, parties=["RUS", "UKR"]),
    ),
    Case(
        "TC20",
        "2022-02-27",
        dict(
            yes=["ALB", "BRA", "FRA", "GAB", "GHA", "IRL", "KEN", "MEX", "NOR", "GBR", "USA"],
            no=["RUS"],
            abstain=["CHN", "IND", "ARE"],
        ),
        True,
        NONE,
        kind="convene_gaess_377",
        tally="11-1-3",
    ),
    Case(
        "TC21",
        "1956-10-31",
        dict(yes=["CHN", "SUN", "USA", "CUB", "IRN", "PER", "YUG"], no=["FRA", "GBR"], abstain=["AUS", "BEL"]),
        True,
        NONE,
        kind="convene_gaess_377",
        tally="7-2-2",
    ),
    Case(
        "TC22",
        "1980-01-09",
        split("1980-01-09", 12, 2, 1, no=["SUN", "DDR"]),
        True,
        NONE,
        kind="convene_gaess_377",
        tally="12-2-1",
    ),
    Case(
        "TC23",
        "2014-12-22",
        split("2014-12-22", 11, 2, 2, no=["CHN", "RUS"]),
        True,
        NONE,
        kind="agenda",
        tally="11-2-2",
    ),
    Case(
        "TC24",
        "2018-03-19",
        split("2018-03-19", 8, 4, 3, yes=["FRA", "GBR", "USA"], no=["CHN", "RUS"]),
        False,
        SHORT,
        kind="agenda",
        tally="8-4-3",
    ),
    Case(
        "TC25",
        "2018-11-26",
        split("2018-11-26", 4, 7, 4, yes=["CHN", "RUS"], no=["FRA", "GBR", "USA"]),
        False,
        SHORT,
        kind="agenda",
        tally="4-7-4",
    ),
    Case(
        "TC26",
        "1975-12-04",
        split("1975-12-04", 9, 3, 3, yes=["CHN", "SUN"], no=["CRI", "GBR", "USA"]),
        True,
        NONE,
        kind="invite_rule39",
        tally="9-3-3",
    ),
    Case(
        "TC31",
        "1996-11-19",
        dict(yes=rest("1996-11-19", "USA"), no=["USA"]),
        False,
        VETO,
        ("USA",),
        False,
        kind="sg_appointment_rec",
        tally="14-1-0",
        extra=dict(private_meeting=True),
        warnings=("private_meeting_not_in_dhl_list",),
    ),
    Case(
        "TC32",
        "2016-10-06",
        {},
        True,
        NONE,
        kind="sg_appointment_rec",
        tally="0-0-0",
        extra=dict(modality="without_vote"),
    ),
    Case(
        "TC34",
        "2024-04-18",
        dict(yes=rest("2024-04-18", "USA", "CHE", "GBR"), no=["USA"], abstain=["CHE", "GBR"]),
        False,
        VETO,
        ("USA",),
        True,
        kind="admission_rec",
        tally="12-1-2",
    ),
    Case(
        "TC35",
        "1955-12-14",
        dict(yes=rest("1955-12-14", "BEL", "CHN", "USA"), abstain=["BEL", "CHN", "USA"]),
        True,
        NONE,
        kind="admission_rec",
        tally="8-0-3",
    ),
    Case(
        "TC36",
        "1955-12-14",
        dict(yes=rest("1955-12-14", "SUN"), no=["SUN"]),
        False,
        VETO,
        ("SUN",),
        True,
        kind="amendment",
        tally="10-1-0",
    ),
    Case(
        "TC37",
        "1974-10-30",
        dict(
            yes=rest("1974-10-30", "FRA", "GBR", "USA", "AUT", "CRI"), no=["FRA", "GBR", "USA"], abstain=["AUT", "CRI"]
        ),
        False,
        VETO,
        ("FRA", "GBR", "USA"),
        True,
        kind="expulsion_rec",
        tally="10-3-2",
    ),
    Case(
        "TC39",
        "2023-11-09",
        dict(yes=["ALB", "BRA", "ECU", "GAB", "GHA", "JPN", "MLT", "MOZ"], no=list(P5_NOW)),
        True,
        NONE,
        kind="icj_ballot",
        threshold=8,
    ),
    Case(
        "TC40",
        "1960-11-16",
        dict(yes=["ARG", "LKA", "ECU", "ITA", "POL", "TUN"], no=list(P5_1950)),
        True,
        NONE,
        kind="icj_ballot",
        threshold=6,
    ),
    Case(
        "TC41",
        "1955-12-16",
        dict(yes=rest("1955-12-16", "SUN", "FRA"), no=["SUN"], abstain=["FRA"]),
        True,
        NONE,
        kind="art109_3_conference",
        threshold=7,
        tally="9-1-1",
    ),
    Case(
        "TC42a",
        "1967-06-01",
        split("1967-06-01", 8, 7, 0, no=list(P5_1950)),
        True,
        NONE,
        kind="art109_1_conference",
        threshold=7,
        tally="8-7-0",
    ),
    Case(
        "TC42b",
        "1969-01-15",
        split("1969-01-15", 8, 7, 0, no=list(P5_1950)),
        False,
        SHORT,
        kind="art109_1_conference",
        threshold=9,
        tally="8-7-0",
    ),
    Case(
        "TC43",
        "1970-07-29",
        dict(yes=rest("1970-07-29", "POL", "SUN", "GBR"), abstain=["POL", "SUN", "GBR"]),
        True,
        NONE,
        kind="advisory_opinion_request",
        tally="12-0-3",
        warnings=("classification_unsettled",),
    ),
    Case(
        "TC43-procedural",
        "1970-07-29",
        dict(yes=rest("1970-07-29", "POL", "SUN", "GBR"), abstain=["POL", "SUN", "GBR"]),
        True,
        NONE,
        kind="advisory_opinion_request",
        voting_class="procedural",
        tally="12-0-3",
    ),
    Case(
        "TC47",
        "1950-01-13",
        dict(yes=["SUN", "IND", "YUG"], no=["CHN", "CUB", "ECU", "EGY", "FRA", "USA"], abstain=["GBR", "NOR"]),
        False,
        SHORT,
        (),
        False,
        tally="3-6-2",
        p5_negative=("CHN", "FRA", "USA"),
    ),
    Case(
        "TC48",
        "1976-07-14",
        not_participating(split("1976-07-14", 6, 0, 2, away=["CHN", "SUN"])),
        False,
        SHORT,
        tally="6-0-2",
        warnings=("p5_not_participating", "p5_not_participating"),
    ),
    Case(
        "TC49",
        "1950-11-08",
        split("1950-11-08", 8, 2, 1, no=["CHN", "CUB"]),
        True,
        NONE,
        kind="invite_rule39",
        tally="8-2-1",
    ),
    Case(
        "TC50",
        "1947-09-15",
        dict(yes=rest("1947-09-15", "SUN", "POL"), no=["SUN", "POL"]),
        True,
        NONE,
        kind="remove_item",
        tally="9-2-0",
    ),
    Case(
        "TC51",
        "2017-04-12",
        dict(
            yes=rest("2017-04-12", "RUS", "BOL", "CHN", "ETH", "KAZ"), no=["RUS", "BOL"], abstain=["CHN", "ETH", "KAZ"]
        ),
        False,
        VETO,
        ("RUS",),
        True,
        tally="10-2-3",
    ),
    Case(
        "TC52",
        "2025-06-01",
        split("2025-06-01", 10, 0, 5, abstain=list(P5_NOW)),
        True,
        NONE,
        tally="10-0-5",
        warnings=("no_p5_concurring",),
    ),
    Case(
        "TC52-literal",
        "2025-06-01",
        split("2025-06-01", 10, 0, 5, abstain=list(P5_NOW)),
        False,
        FailureReason.NO_CONCURRENCE,
        mode=Mode(interpretation="charter_literal"),
        tally="10-0-5",
    ),
    Case(
        "TC53",
        "2025-06-01",
        dict(yes=["FRA", "RUS", "GBR", *rest("2025-06-01", *P5_NOW)[:6]], absent=["CHN", "USA"]),
        True,
        NONE,
        tally="9-0-0",
        warnings=("p5_absent", "p5_absent"),
    ),
    Case("TC54", "1994-10-21", {}, True, NONE, tally="0-0-0", extra=dict(modality="without_vote")),
]

BY_ID = {c.id: c for c in CASES}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_spec_case(case: Case) -> None:
    ballot = Ballot.of(case.date, **case.votes, kind=case.kind, voting_class=case.voting_class, **case.extra)
    d = decide(ballot, council(case.date), case.mode)
    assert d.adopted is case.adopted, d.explanation
    assert d.failure_reason is case.failure, d.explanation
    assert d.vetoed_by == case.vetoed_by
    assert d.dhl_veto_list_entry is case.dhl_entry
    if case.extra.get("modality") == "without_vote":
        assert d.shortfall == 0 and d.rules == ("R12",) and d.vetoed_by == ()
    else:
        assert d.shortfall == max(0, d.threshold - d.yes)
    if case.threshold is not None:
        assert d.threshold == case.threshold
    if case.tally is not None:
        assert d.tally == case.tally
    for w in set(case.warnings):
        assert list(d.warnings).count(w) == case.warnings.count(w), (w, d.warnings)
    if case.p5_negative is not None:
        assert d.p5_negative_votes == case.p5_negative
    if case.p5_concurring is not None:
        assert d.p5_concurring_count == case.p5_concurring
    assert d.explanation and ("R" in d.explanation)
    if case.vetoed_by:
        assert "vetoed by" in d.explanation
    if case.failure is SHORT and d.p5_negative_votes and d.voting_class is VotingClass.NON_PROCEDURAL:
        assert "not a veto" in d.explanation


def test_tc06_explained_as_not_a_veto() -> None:
    d = decide(Ballot.of("2014-12-30", **BY_ID["TC06"].votes))
    assert "1 short of the 9 required" in d.explanation
    assert "The negative vote of the United States was not a veto" in d.explanation


def test_tc13_cites_abstention_practice() -> None:
    d = decide(Ballot.of("1946-04-29", **BY_ID["TC13"].votes))
    assert "abstention of the USSR" in d.explanation and "R8" in d.explanation


# ---- sequences of votes (R16, R17, R27, R28) ------------------------------------------------------


def test_tc27_invitation_procedural_and_claim_rejected() -> None:
    date = "1950-09-29"
    invitation = Ballot.of(date, **split(date, 7, 3, 1, no=["CHN", "CUB", "USA"]), kind="invite_rule39")
    claim = Ballot.of(date, **split(date, 1, 9, 1, yes=["CHN"]))  # the motion to overrule: "it is substantive"
    r = decide_preliminary_question(claim, invitation, ruling="procedural", council=council(date))
    assert r.mode == "presidential_ruling"
    assert r.overruled is False and r.voting_class is VotingClass.PROCEDURAL
    assert r.main is not None and r.main.adopted and r.main.vetoed_by == ()
    assert r.double_veto == ()


def test_tc28_double_veto_1948() -> None:
    date = "1948-05-24"
    q = Ballot.of(
        date, yes=["ARG", "BEL", "CAN", "CHN", "COL", "SYR", "GBR", "USA"], no=["SUN", "UKR"], abstain=["FRA"]
    )
    main = Ballot.of(
        date, yes=["ARG", "BEL", "CAN", "CHN", "COL", "SYR", "GBR", "USA", "FRA"], no=["SUN", "UKR"]
    )  # tally unverified
    r = decide_preliminary_question(q, main, council=council(date))
    assert r.mode == "four_power_1945"
    assert r.question.vetoed_by == ("SUN",) and r.question.dhl_veto_list_entry
    assert r.voting_class is VotingClass.NON_PROCEDURAL
    assert r.main is not None and r.main.vetoed_by == ("SUN",)
    assert r.double_veto == ("SUN",)
    assert "double veto" in r.question.explanation


def test_tc28_same_vote_under_presidential_ruling_is_no_veto() -> None:
    date = "1948-05-24"
    q = Ballot.of(
        date, yes=["ARG", "BEL", "CAN", "CHN", "COL", "SYR", "GBR", "USA"], no=["SUN", "UKR"], abstain=["FRA"]
    )
    r = decide_preliminary_question(q, council=council(date), mode=Mode(preliminary_question="presidential_ruling"))
    assert r.question.vetoed_by == () and r.voting_class is VotingClass.PROCEDURAL


def test_tc29_laos_1959() -> None:
    date = "1959-09-07"
    ten = rest(date, "SUN")
    r = decide_preliminary_question(
        Ballot.of(date, yes=ten, no=["SUN"]), Ballot.of(date, yes=ten, no=["SUN"]), council=council(date)
    )
    assert r.mode == "presidential_ruling" and r.voting_class is VotingClass.PROCEDURAL
    assert r.main is not None and r.main.adopted and r.main.vetoed_by == () and r.double_veto == ()


@pytest.mark.parametrize(
    ("tally", "p5_no", "stands"),
    [((8, 5, 2), (), True), ((9, 3, 3), ("CHN", "RUS"), False)],
    ids=["TC30a", "TC30b"],
)
def test_tc30_ruling_challenges(tally: tuple[int, int, int], p5_no: tuple[str, ...], stands: bool) -> None:
    date = "2024-06-03"
    votes = split(date, *tally, no=list(p5_no))
    r = challenge_ruling(Ballot.of(date, **votes), council=council(date))
    assert r.stands is stands
    assert r.vote.vetoed_by == () and r.vote.voting_class is VotingClass.PROCEDURAL


def test_ruling_put_to_vote_stands_unless_threshold_against() -> None:
    date = "2024-06-03"
    assert challenge_ruling(Ballot.of(date, **split(date, 6, 8, 1)), form="uphold").stands
    assert not challenge_ruling(Ballot.of(date, **split(date, 6, 9, 0)), form="uphold").stands


def test_tc36_and_tc44_amendments_inherit_the_draft_class() -> None:
    date = "2023-12-22"
    elected = list(council(date).elected or ())
    amendment = Ballot.of(date, yes=["RUS", "CHN", *elected[1:9]], no=["USA"], abstain=["FRA", "GBR", "ALB", "ARE"])
    draft = Ballot.of(date, yes=["CHN", "FRA", "GBR", *elected], abstain=["RUS", "USA"])
    tv = decide_amendments(draft, [amendment], council=council(date))
    assert tv.amendments[0].failure_reason is VETO and tv.amendments[0].vetoed_by == ("USA",)  # TC44a
    assert tv.amendments[0].dhl_veto_list_entry
    assert tv.final.adopted and tv.final.tally == "13-0-2"  # TC44b
    # the same amendment to a procedural motion is procedural: no veto
    motion = draft.replace(kind="agenda")
    assert decide_amendments(motion, [amendment], council=council(date)).amendments[0].adopted


def test_tc45_failed_part_deleted_then_whole_adopted() -> None:
    date = "1965-11-23"
    yes = ["CHN", "SUN", "BOL", "CIV", "JOR", "MYS", "URY"]
    whole = Ballot.of(date, yes=yes, abstain=["FRA", "NLD", "GBR", "USA"])
    para_8 = Ballot.of(date, yes=yes[3:], abstain=["FRA", "NLD", "GBR", "USA", *yes[:3]])
    tv = decide_parts(whole, [("op. 8", para_8)], council=council(date))
    assert tv.parts[0][1].tally == "4-0-7" and not tv.parts[0][1].adopted
    assert tv.deleted_parts == ("op. 8",) and tv.adopted and tv.final.tally == "7-0-4"


def test_tc46_mover_objects_no_separate_vote() -> None:
    date = "2024-06-03"
    whole = Ballot.of(date, **split(date, 12, 0, 3))
    part = Ballot.of(date, **split(date, 3, 12, 0))
    tv = decide_parts(whole, [("op. 2", part)], mover_objects=True, council=council(date))
    assert not tv.separate_vote_held and tv.parts == () and tv.deleted_parts == () and tv.adopted


def test_part_of_a_draft_can_be_vetoed() -> None:
    date = "2024-06-03"
    whole = Ballot.of(date, **split(date, 15, 0, 0))
    part = Ballot.of(date, **split(date, 14, 1, 0, no=["USA"]))
    tv = decide_parts(whole, [("op. 5", part)], council=council(date))
    assert tv.parts[0][1].vetoed_by == ("USA",) and tv.deleted_parts == ("op. 5",) and tv.adopted


# ---- straw polls and ICJ elections (R18, R21) -------------------------------------------------------


def test_tc33_straw_poll_guterres() -> None:
    r = read_poll("Guterres", encourage=13, discourage=0, no_opinion=2, permanent_discourage=0, date="2016-10-05")
    assert r.viable is True and r.threshold == 9
    vetoed = read_poll("X", encourage=12, discourage=3, permanent_discourage=1, date="2016-10-05")
    assert vetoed.viable is False
    assert read_poll("Y", encourage=12, discourage=3, date="2016-10-05").viable is None
    assert read_poll("Z", encourage=8, discourage=0, date="2016-10-05").viable is False
    with pytest.raises(ValueError, match="16 marks"):
        read_poll("W", encourage=10, discourage=6, date="2016-10-05")


def test_tc38_icj_2017_nobody_elected() -> None:
    r = icj_round({"Greenwood": 9, "Bhandari": 5}, {"Bhandari": 121, "Greenwood": 68}, seats=1)
    assert r.council_needed == 8 and r.ga_needed == 97
    assert r.council_majority == ("Greenwood",) and r.ga_majority == ("Bhandari",)
    assert r.elected == () and r.seats_remaining == 1
    final = icj_round({"Bhandari": 15}, {"Bhandari": 183}, seats=1)
    assert final.elected == ("Bhandari",)


def test_tc39_tc40_icj_no_distinction() -> None:
    assert icj_round({"X": 8, "Y": 5}, {"X": 100}, council=15).elected == ("X",)
    assert icj_round({"X": 6}, {"X": 31}, council=11, ga_members=60).elected == ("X",)
    assert icj_round({"X": 5}, {"X": 31}, council=11, ga_members=60).elected == ()


def test_icj_more_majorities_than_seats_repeats() -> None:
    r = icj_round({"A": 8, "B": 8, "C": 8}, {"A": 100, "B": 100}, seats=2)
    assert r.council_repeat and r.elected == () and r.seats_remaining == 2


def test_icj_elder_national() -> None:
    people = [Candidate("A", "FRA", dt.date(1950, 1, 1)), Candidate("B", "FRA", dt.date(1945, 1, 1))]
    r = icj_round({"A": 8, "B": 8}, {"A": 100, "B": 100}, seats=5, candidates=people)
    assert r.elected == ("B",) and r.set_aside == ("A",) and r.seats_remaining == 4
    with pytest.raises(ValueError, match="dates of birth"):
        icj_round({"A": 8, "B": 8}, {"A": 100, "B": 100}, seats=5, candidates=[Candidate("A", "FRA"), people[1]])


def test_everyone_helper_is_a_full_council() -> None:
    assert len(everyone("2024-03-22")) == 15 and len(everyone("1950-06-27")) == 11
