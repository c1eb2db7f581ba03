"""Issue 10, news9 round: which vote a claim belongs to, and the main vote of a report about several votes. Each
test is a text written for it, checked against made-up rows (the shape of the record's rows), so that what is
asserted is the mechanism, not a corpus text."""

from __future__ import annotations

from unsc.news import MemoryRecord, check
from unsc.news.dates import section_date
from unsc.news.text import sentences


def _row(sym: str, day: str, title: str, yes: int = 15, no: int = 0, abstain: int = 0, **kw: object) -> dict:
    return {"decision_id": sym, "draft": sym, "date": day, "kind": "draft_resolution", "adopted": True,
            "yes": yes, "no": no, "abstain": abstain, "vetoed_by": [], "title": title, "topic": kw.pop("topic", ""),
            "failure_reason": "none", **kw}  # fmt: skip


def _chronology_rows() -> list[dict]:
    return [
        _row(
            "S/2031/500",
            "2031-06-05",
            "Freedonia",
            yes=11,
            no=2,
            abstain=2,
            adopted=False,
            vetoed_by=["CHN"],
            date_note="meeting held 4-5 June 2031; vote after midnight",
        ),
        _row(
            "S/RES/9401",
            "2031-06-11",
            "resolution 9401 [referring the Freedonia question to the Assembly]",
            yes=11,
            abstain=4,
            resolution_number="9401",
        ),
        _row(
            "S/RES/9405",
            "2031-06-19",
            "resolution 9405 [on a cease-fire in Freedonia]",
            yes=13,
            abstain=2,
            resolution_number="9405",
        ),
    ]


CHRONOLOGY = (
    "FREEDONIA: THREE VOTES IN A FORTNIGHT\n\n"
    "UNITED NATIONS, June 20 - Late on Thursday the Security Council at last agreed on Freedonia, adopting a text "
    "that asks both armies to hold their fire. Here is how it got there.\n\n"
    "JUNE 4 - A BLOCKED TEXT. After a long night the draft came to a vote. Eleven members backed it, two opposed "
    "it and two abstained. China's vote against it was a veto.\n\n"
    "JUNE 11 - OFF TO THE ASSEMBLY. Resolution 9401 was adopted by 11 votes to none, with four abstentions, "
    "handing the matter to the wider membership. Two days later the Assembly voted for a truce by 120 votes to 9.\n\n"
    "JUNE 19 - A TEXT AT LAST. Resolution 9405 was adopted by 13 votes to none, with two abstentions."
)


def test_a_section_headed_by_a_date_dates_the_votes_under_it_and_the_lead_gives_the_main_vote() -> None:
    rep = check(CHRONOLOGY, date="2031-06-20", record=MemoryRecord(_chronology_rows()))
    # the lead's vote ("late on Thursday", the section of that day, resolution 9405) is the report's, not the
    # resolution whose number and full tally an earlier section quotes
    assert rep.decision is not None and rep.decision.symbol == "S/RES/9405"
    by_vote = {(c.field, c.claimed): c.decision for c in rep.claims}
    assert by_vote[("yes", 13)] == "S/RES/9405" and by_vote[("resolution", "9405")] == "S/RES/9405"
    assert by_vote[("yes", 11)] in ("S/RES/9401", "S/2031/500")
    assert by_vote[("resolution", "9401")] == "S/RES/9401"
    # a new dated section no longer continues about the Assembly vote the section before ended on
    assert by_vote[("abstain", 2)] == "S/RES/9405"
    # the section of 4 June is the veto the record dates the 5th, of a meeting that began on the 4th
    assert by_vote[("outcome", "vetoed")] == "S/2031/500"
    assert not [c for c in rep.claims if c.verdict.value == "contradicted"]


def test_a_date_heading_is_read_in_capitals_and_kept_whole_by_the_sentence_splitter() -> None:
    assert sentences("DEC. 4 - A VETO. The draft failed.") == ["DEC. 4 - A VETO.", "The draft failed."]
    assert section_date("JUNE 4 - A BLOCKED TEXT. After a long night ...", 2031) is not None
    assert section_date("June 4 was a long night for the Council.", 2031) is None


def test_a_vote_put_at_the_same_meeting_under_a_dated_section_is_another_vote_of_that_day() -> None:
    rows = [
        _row("S/2031/510", "2031-06-04", "Freedonia", yes=11, no=2, abstain=2, adopted=False, vetoed_by=["CHN"]),
        _row("S/2031/511", "2031-06-04", "Freedonia", yes=2, no=1, abstain=12, adopted=False),
        _row(
            "S/RES/9405",
            "2031-06-19",
            "resolution 9405 [on a cease-fire in Freedonia]",
            yes=13,
            abstain=2,
            resolution_number="9405",
        ),
    ]
    text = CHRONOLOGY.split("JUNE 11")[0].rstrip() + (
        " A text of China's was put to the vote at the same meeting and won only two votes. "
        "Twelve members abstained.\n\n"
        "JUNE 19 - A TEXT AT LAST. The Council adopted resolution 9405 by 13 votes to none, with two abstentions."
    )
    rep = check(text, date="2031-06-20", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/RES/9405"
    by_vote = {(c.field, c.claimed): c.decision for c in rep.claims}
    assert by_vote[("yes", 11)] == "S/2031/510"
    assert by_vote[("abstain", 12)] == "S/2031/511"


def _two_drafts_rows() -> list[dict]:
    return [
        _row(
            "S/1400",
            "1981-06-04",
            "Freedonia",
            yes=9,
            no=5,
            abstain=1,
            adopted=False,
            vetoed_by=["CHN"],
            sponsors="United States",
        ),
        _row(
            "S/1410",
            "1981-06-05",
            "Freedonia",
            yes=11,
            no=2,
            abstain=2,
            adopted=False,
            vetoed_by=["CHN"],
            sponsors="Brazil, Ghana",
        ),
        _row("S/1411", "1981-06-05", "Freedonia", yes=2, no=1, abstain=12, adopted=False, sponsors="USSR"),
    ]


TWO_DRAFTS = (
    "CHINA BLOCKS FREEDONIA TRUCE CALL\n\n"
    "Moscow's Own Text Wins Only Two Votes\n\n"
    "UNITED NATIONS, June 6 - China last night vetoed a draft on Freedonia put forward by Brazil and Ghana. "
    "It won 11 votes; Britain and France abstained.\n\n"
    "The second text, tabled by the Soviet Union, won 2 votes; twelve members abstained.\n\n"
    "At the previous meeting China had vetoed an American draft on the same war."
)


def test_a_vote_of_the_previous_meeting_is_an_earlier_vote_not_the_main_one() -> None:
    rep = check(TWO_DRAFTS, date="1981-06-06", record=MemoryRecord(_two_drafts_rows()))
    assert rep.decision is not None and rep.decision.symbol == "S/1410"
    sponsor_usa = [c for c in rep.claims if c.field == "sponsor" and c.member == "USA"]
    assert sponsor_usa and all(c.decision == "S/1400" for c in sponsor_usa)
    # without the marker the American draft's sponsor is read for the main vote, which it does not fit
    rep2 = check(TWO_DRAFTS.replace("At the previous meeting", "Then"), date="1981-06-06",
                 record=MemoryRecord(_two_drafts_rows()))  # fmt: skip
    assert [c.decision for c in rep2.claims if c.field == "sponsor" and c.member == "USA"] != ["S/1400"]


def test_a_rival_draft_named_in_the_headline_and_again_in_the_body_is_one_vote_checked_once() -> None:
    rep = check(TWO_DRAFTS, date="1981-06-06", record=MemoryRecord(_two_drafts_rows()))
    own = [c for c in rep.claims if c.decision == "S/1411"]
    # the body's "the Soviet Union's own" text is the headline's, found among the rival votes already matched
    assert ("abstain", 12) in {(c.field, c.claimed) for c in own}
    # and the sponsor both say is checked once, as the seat the record names ("USSR"), not contradicted
    sponsors = [c for c in own if c.field == "sponsor"]
    assert len(sponsors) == 1 and sponsors[0].verdict.value == "supported"


def test_a_time_that_dates_when_a_session_opened_is_not_the_date_of_the_vote_it_ended_with() -> None:
    rows = [_row("S/RES/9407", "2031-07-14", "resolution 9407 [on Freedonia]", yes=8, abstain=3,
                 resolution_number="9407")]  # fmt: skip
    text = (
        "UNITED NATIONS, July 14 - The Security Council early today asked the Freedonian army to withdraw.\n\n"
        "The text, offered by Ghana, was approved at 4 A. M. by 8 votes to 0 at the end of a session that had opened "
        "soon after 9 last night. Three members abstained."
    )
    rep = check(text, date="2031-07-14", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/RES/9407"
    # every claim of the sentence is the vote's, not "a vote on another day" left out unfound
    assert {(c.field, c.claimed) for c in rep.claims} >= {("yes", 8), ("no", 0), ("abstain", 3)}
    assert not rep.other_votes
    # "last night" dates when the session opened: no date of the day before is claimed for the vote
    assert ("date", "2031-07-13") not in {(c.field, c.claimed) for c in rep.claims}
    assert not [c for c in rep.claims if c.verdict.value == "contradicted"]


def test_a_vote_dated_to_the_main_votes_day_that_ended_otherwise_is_another_vote_of_that_day() -> None:
    rows = [
        _row(
            "S/2031/700", "2031-06-29", "Freedonia mission", yes=13, no=1, abstain=1, adopted=False, vetoed_by=["USA"]
        ),
        _row("S/2031/701", "2031-06-29", "Freedonia mission", yes=15),
    ]
    text = (
        "UNITED NATIONS, June 30 - The United States on Sunday vetoed the renewal of the Freedonia mission, 13 votes "
        "to one with one abstention.\n\n"
        "With the mandate about to lapse, the council met again on Sunday evening and adopted a short rollover by "
        "15 votes to none."
    )
    rep = check(text, date="2031-06-30", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/700"
    rollover = {(c.field, c.claimed): c for c in rep.claims if c.field in ("yes", "outcome")}
    # the adoption by 15 the same day is not the veto spoken of again: it is checked against the rollover
    assert rollover[("yes", 15)].decision == "S/2031/701"
    assert rollover[("outcome", "adopted")].verdict.value == "supported"
    assert not [c for c in rep.claims if c.verdict.value == "contradicted"]


def test_a_tally_closing_one_item_of_a_dashed_list_stays_with_that_items_vote() -> None:
    rows = [
        _row("S/RES/9420", "2031-08-11", "resolution 9420 [on Freedonia]", resolution_number="9420"),
        _row("S/2029/100", "2029-03-02", "Freedonia", yes=12, no=1, abstain=2, adopted=False, vetoed_by=["USA"]),
        _row("S/2030/200", "2030-05-09", "Freedonia", yes=11, no=1, abstain=3, adopted=False, vetoed_by=["USA"]),
    ]
    text = (
        "UNITED NATIONS, Aug. 12 - The Security Council on Monday unanimously adopted resolution 9420 on Freedonia.\n\n"
        "Freedonia has come up before.\n"
        "- On March 2, 2029, Washington vetoed a draft on the border. Twelve members voted for it.\n"
        "- On May 9, 2030, it vetoed a second one. Eleven members voted for it."
    )
    rep = check(text, date="2031-08-12", record=MemoryRecord(rows))
    yes = {c.claimed: c.decision for c in rep.claims if c.field == "yes"}
    # "Twelve members voted for it." ends the first item: it is the 2029 veto's tally, not the 2030 one's
    assert yes[12] == "S/2029/100" and yes[11] == "S/2030/200"
    assert not [c for c in rep.claims if c.verdict.value == "contradicted"]


def test_a_vote_that_ended_otherwise_is_found_on_the_day_the_next_sentence_gives_it() -> None:
    rows = [
        _row("S/RES/9430", "2031-04-21", "resolution 9430 [on Freedonia]", resolution_number="9430"),
        _row("S/2031/300", "2031-03-25", "Middle East", yes=11, no=1, abstain=3, adopted=False, vetoed_by=["USA"]),
        _row("S/2031/301", "2031-03-25", "Middle East", yes=11, no=1, abstain=3, adopted=True),
    ]
    text = (
        "The Security Council on April 21 unanimously adopted a resolution on Freedonia.\n\n"
        "The United States, by contrast, has used its veto steadily on the Middle East. Only four weeks before the "
        "Freedonia vote, on March 25, Washington vetoed a draft on Gaza. That text won 11 votes, with three "
        "abstentions."
    )
    rep = check(text, date="2031-05-12", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/RES/9430"
    said = {(c.field, c.claimed): c.decision for c in rep.claims}
    # the vote is not left out "undated": the day the text gives finds the veto of that day (not its adoption)
    assert said[("yes", 11)] == "S/2031/300"


def test_a_list_of_sponsors_is_not_read_again_as_the_members_abstaining_in_the_same_clause() -> None:
    from unsc.news import extract_claims

    text = (
        "UNITED NATIONS, June 6 - The Council adopted a resolution on Freedonia today.\n\n"
        "A new text put forward by three elected members, Ghana, Brazil and Norway, failed, by 11 votes to 2 with "
        "2 abstentions."
    )
    claims = extract_claims(text, "2031-06-06").claims
    assert {c.member for c in claims if c.field == "sponsor"} == {"GHA", "BRA", "NOR"}
    assert not [c for c in claims if c.field == "vote" and c.member in ("GHA", "BRA", "NOR")]
    # one sponsor named beside a vote of its own keeps that vote
    one = extract_claims("UNITED NATIONS, June 6 - The US-drafted text passed 14-0, the US abstaining.", "2031-06-06")
    assert ("USA", "abstain") in {(c.member, c.claimed) for c in one.claims if c.field == "vote"}
