"""Members, seats and successions, the vocabulary, custom Councils and the batch form's edges."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from tests.rules.rosters import council
from unsc.rules import (
    Ballot,
    Council,
    FailureReason,
    Kind,
    Mode,
    RosterError,
    UnknownMemberError,
    Vote,
    VotingClass,
    decide,
    find_member,
    member,
    permanent_government,
    permanent_seat,
)
from unsc.rules.batch import decide_many, encode, random_ballots


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Soviet Union", "SUN"), ("USSR", "SUN"),
        ("the UK", "GBR"), ("United States of America", "USA"), ("Yugoslavia", "YUG"), ("Czechoslovakia", "CSK"),
        ("Zaire", "ZAR"), ("Côte d'Ivoire", "CIV"), ("Cote d’Ivoire", "CIV"), ("Türkiye", "TUR"), ("Turkey", "TUR"),
        ("Byelorussian SSR", "BLR"), ("Ceylon", "LKA"), ("People's Republic of China", "CHN"), ("sun", "SUN"),
        ("Bolivia (Plurinational State of)", "BOL"), ("DRC", "COD"), ("German Democratic Republic", "DDR"),
    ],
)  # fmt: skip
def test_member_lookup_by_code_and_name(text: str, code: str) -> None:
    assert member(text).code == code


def test_unknown_member() -> None:
    assert find_member("Atlantis") is None and find_member("") is None
    with pytest.raises(UnknownMemberError, match="Atlantis"):
        member("Atlantis")


def test_dissolved_states_have_dates() -> None:
    assert member("SUN").dissolved == "1991-12-24" and member("ZAR").dissolved == "1997-05-17"
    assert member("RUS").dissolved is None


def test_successions() -> None:
    assert permanent_government("CHN", "1971-10-24") == ("CHN", "Republic of China")
    assert permanent_government("CHN", "1971-10-25") == ("CHN", "People's Republic of China")
    assert permanent_government("RUS", "1991-12-23") == ("SUN", "USSR")
    assert permanent_government("SUN", "1991-12-24") == ("RUS", "Russian Federation")
    assert permanent_seat("SUN") == permanent_seat("RUS") == "RUS"
    # one seat, two labels: a 1991 ballot may name either, and they are the same seat
    d = decide(Ballot.of("1991-06-01", yes=["Russia", "USA", "FRA", "GBR", "CHN"]))
    assert dict(d.votes)["SUN"] == "Y"
    d = decide(Ballot.of("1992-01-31", yes=["RUS", "USA", "FRA", "GBR", "CHN"]))
    assert dict(d.votes)["RUS"] == "Y"
    with pytest.raises(RosterError, match="named twice"):
        decide(Ballot.of("1991-06-01", yes=["SUN"], no=["RUS"]))
    # the USSR did not exist after 1991: its code is an error, not silently the Russian Federation
    with pytest.raises(RosterError, match=r"SUN \(USSR\) no longer existed on 1992-01-31 \(the Russian Federation"):
        decide(Ballot.of("1992-01-31", yes=["SUN", "USA", "FRA", "GBR", "CHN"]))


def test_transition_1965_threshold_follows_seated_council() -> None:
    before, during, after = Council.on("1965-08-30"), Council.on("1965-08-31"), Council.on("1966-01-01")
    assert (before.threshold, during.threshold, after.threshold) == (7, 7, 9)
    assert before.seated_size_note is None and during.seated_size_note is not None
    d = decide(Ballot.of("1965-11-23", yes=["CHN", "SUN", "BOL", "CIV", "JOR", "MYS", "URY"]))
    assert d.adopted and "threshold_follows_seated_council" in d.warnings and "inference" in d.explanation


def test_no_council_before_the_charter() -> None:
    with pytest.raises(ValueError, match="24 Oct 1945"):
        Council.on("1945-10-23")
    with pytest.raises(ValueError, match="bad date"):
        Council.on("yesterday")


def test_roster_checks() -> None:
    c = council("2024-03-22")
    with pytest.raises(RosterError, match="not a member of the Council on 2024-03-22: DEU"):
        decide(Ballot.of("2024-03-22", yes=["USA", "DEU"]), c)
    with pytest.raises(RosterError, match="10 elected seats"):
        Council.on("2024-03-22", elected=["DZA", "ECU"])
    with pytest.raises(RosterError, match="no longer existed"):
        decide(Ballot.of("1998-01-01", yes=["ZAR"]))
    with pytest.raises(ValueError, match="needs a date"):
        decide(Ballot.of(yes=["USA"]))


def test_vote_and_kind_vocabulary() -> None:
    assert (
        Vote.parse("in favour") is Vote.YES and Vote.parse("against") is Vote.NO and Vote.parse("x") is Vote.NON_VOTING
    )
    with pytest.raises(ValueError, match="unknown vote"):
        Vote.parse("maybe")
    assert Kind.parse("preliminary") is Kind.PRELIMINARY_QUESTION
    assert Kind.parse("Art109-1") is Kind.ART109_1_CONFERENCE
    assert Kind.INVITE_RULE37.default_class is VotingClass.PROCEDURAL
    assert Kind.EXPULSION_REC.default_class is VotingClass.NON_PROCEDURAL
    with pytest.raises(ValueError, match="straw poll"):
        decide(Ballot.of("2016-10-05", yes=["USA"], kind="sg_straw_poll"))


def test_kind_and_class_keywords_override_the_ballot() -> None:
    b = Ballot.of("2024-06-03", yes=["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU"], no=["RUS"])
    assert decide(b).vetoed_by == ("RUS",)
    assert decide(b, kind="procedural").adopted
    assert decide(b, voting_class="procedural").adopted
    assert decide(b.replace(kind="agenda"), voting_class="non_procedural").vetoed_by == ("RUS",)


def test_preliminary_question_in_decide_by_date() -> None:
    yes = ["ARG", "BEL", "CAN", "CHN", "COL", "SYR", "GBR", "USA"]
    q = Ballot.of("1948-05-24", yes=yes, no=["SUN", "UKR"], abstain=["FRA"], kind="preliminary_question")
    assert decide(q).vetoed_by == ("SUN",) and "R16" in decide(q).rules
    ruled = decide(q, mode=Mode(preliminary_question="presidential_ruling"))
    assert ruled.adopted and ruled.vetoed_by == ()


def test_custom_council_reform_models() -> None:
    c = Council.custom(25, 15, permanent=["CHN", "FRA", "RUS", "GBR", "USA"], vetoes_needed=2)
    elected = [f"E{i}" for i in range(1, 21)]
    one_no = Ballot.of(yes=["CHN", "FRA", "GBR", "USA", *elected[:11]], no=["RUS"])
    assert decide(one_no, c).adopted
    two_no = Ballot.of(yes=["CHN", "FRA", "GBR", *elected[:12]], no=["RUS", "USA"])
    d = decide(two_no, c)
    assert not d.adopted and d.vetoed_by == ("RUS", "USA")
    with pytest.raises(RosterError, match="21 elected members"):
        decide(Ballot.of(yes=[f"E{i}" for i in range(1, 22)]), c)
    with pytest.raises(ValueError, match="threshold"):
        Council.custom(5, 6)


def test_obligatory_abstention_does_not_lower_the_threshold() -> None:
    yes = ["CHN", "FRA", "USA", "AUS", "BEL", "BRA", "COL"]  # 7 yes, the UK a party
    d = decide(Ballot.of("1947-04-09", yes=yes, abstain=["POL", "SUN"], obligatory_abstention=["GBR"],
                         chapter_vi=True, parties=["GBR", "ALB"]))  # fmt: skip
    assert d.adopted and d.threshold == 7 and d.non_voting == 2
    assert "the United Kingdom, a party to the dispute, abstained as it requires" in d.explanation
    strict = decide(
        Ballot.of("1947-04-09", yes=yes[:6], no=["GBR"], chapter_vi=True, parties=["GBR"]),
        mode=Mode(enforce_27_3="strict"),
    )
    assert not strict.adopted and strict.failure_reason is FailureReason.INSUFFICIENT_VOTES and strict.no == 0


def test_proviso_needs_chapter_vi_and_non_procedural() -> None:
    b = Ballot.of("2014-03-15", yes=["USA"], no=["RUS"], parties=["RUS"])
    assert "art27_3_not_observed" not in decide(b).warnings  # not flagged as Chapter VI
    flagged = b.replace(chapter_vi=True)
    assert "art27_3_not_observed" in decide(flagged).warnings
    assert "art27_3_not_observed" not in decide(flagged, kind="agenda").warnings


def test_announcements() -> None:
    everyone = council("2024-03-22").members or ()
    assert decide(Ballot.of("2024-03-22", yes=everyone)).announcement == "adopted unanimously"
    assert decide(Ballot.of("2024-03-22", yes=everyone[1:], abstain=everyone[:1])).announcement == (
        "adopted by 14 votes to 0, with 1 abstention"
    )


def test_encode_and_batch_errors() -> None:
    assert encode(np.array([[0, 1]])).dtype == np.int8
    with pytest.raises(ValueError, match="unknown vote 'Q'"):
        encode(["YQ"])
    with pytest.raises(ValueError, match="has 1 votes"):
        encode(["YY", "Y"])
    c = Council.on("2024-03-22")
    with pytest.raises(ValueError, match="15 votes"):
        decide_many(encode(["YYY"]), c)
    with pytest.raises(ValueError, match="vote codes"):
        decide_many(np.full((1, 15), 7, dtype=np.int8), c)
    out = decide_many(random_ballots(1000, 15, seed=3), c, kind="procedural")
    assert not out.vetoed.any() and len(out) == 1000
    assert np.array_equal(out.adopted, out.yes >= 9)


def test_batch_custom_council_vetoes_needed() -> None:
    c = Council.custom(5, 3, permanent=["P1", "P2"], vetoes_needed=2)
    out = decide_many(encode(["NYYYY", "NNYYY", "NNYYA"]), c)
    assert out.adopted.tolist() == [True, False, False]
    assert out.vetoed_by_codes(1) == ("P1", "P2") and out.failure_reason(2) is FailureReason.INSUFFICIENT_VOTES


def test_dates_accept_datetime() -> None:
    assert Council.on(dt.datetime(2024, 3, 22, 15, 0)).date == dt.date(2024, 3, 22)
