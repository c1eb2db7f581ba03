"""News6: claims that were never read, by the SHAPE of the sentence that makes them (not its words).

Each case is written in our own words (never a corpus sentence) and fails without the reader it names.
"""

from __future__ import annotations

import pytest

from unsc.news import MemoryRecord, check, extract_claims
from unsc.news.extract import SAT_OUT


def keys(text: str, date: str = "2019-06-14") -> set:
    return {c.key() for c in extract_claims(text, date).claims}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vote said as a gerund after "joined <anyone> in": the subject voted so
        (
            "The Security Council adopted the text on Thursday. Peru joined the two African members in voting "
            "against it, and Kuwait abstained.",
            {("vote", "PER", "no"), ("vote", "KWT", "abstain")},
        ),
        (
            "The Security Council draft failed on Thursday. France joined Britain yesterday in vetoing the draft.",
            {("veto", "FRA", True)},
        ),
        # ... and its passive, "<A> were joined in <gerund> by <B>": both lists
        (
            "The Security Council draft failed on Thursday. Germany and Belgium were joined in opposing the text "
            "by Poland and Peru.",
            {("vote", "DEU", "no"), ("vote", "BEL", "no"), ("vote", "POL", "no"), ("vote", "PER", "no")},
        ),
        # a counted group whose members stand in apposition, as the subject of a vote verb
        (
            "The Security Council draft failed on Thursday when two permanent members, China and Russia, voted "
            "down the text.",
            {("vote", "CHN", "no"), ("vote", "RUS", "no")},
        ),
        # a relative clause that holds a list: "<A>, who voted in favour along with <B>, <C> and <D>, ..."
        (
            "The Security Council adopted the text on Thursday. The Kuwaiti envoy, who voted in favour along with "
            "Indonesia, Germany and Belgium, praised the compromise.",
            {("vote", "KWT", "yes"), ("vote", "IDN", "yes"), ("vote", "DEU", "yes"), ("vote", "BEL", "yes")},
        ),
        # voting "with the sponsors" is voting for the text those sponsors drafted
        (
            "The Security Council adopted the resolution on Thursday. It was put forward by Peru and Poland. "
            "Germany and Kuwait voted with the sponsors.",
            {("vote", "DEU", "yes"), ("vote", "KWT", "yes")},
        ),
        # a dash-set list after a counted vote clause names who voted so
        (
            "The Security Council draft failed on Thursday. Four members voted against it - China, Russia, Kuwait "
            "and Peru - and Germany abstained.",
            {("no", None, 4), ("vote", "KWT", "no"), ("vote", "PER", "no"), ("vote", "DEU", "abstain")},
        ),
        # a count with an adverb before its vote verb
        ("The Security Council draft failed on Thursday. Eight members simply abstained.", {("abstain", None, 8)}),
        # a tally in words down to nothing
        (
            "The Security Council adopted the resolution on Thursday, thirteen to nothing.",
            {("yes", None, 13), ("no", None, 0)},
        ),
        # "but also" inside a list of voters
        (
            "The Security Council resolution passed on Thursday. Abstaining: China, but also Germany and Peru.",
            {("vote", "CHN", "abstain"), ("vote", "DEU", "abstain"), ("vote", "PER", "abstain")},
        ),
    ],
)
def test_member_votes_and_counts_by_shape(text: str, expected: set) -> None:
    got = keys(text)
    assert expected <= got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # states as the subject of a sponsoring verb, extended by "as did <list>", across a relative clause
        (
            "The Security Council adopted the resolution on Thursday. Peru, which chairs the committee, and "
            "Poland co-sponsored the text, as did Germany and Kuwait.",
            {("sponsor", c, c) for c in ("PER", "POL", "DEU", "KWT")},
        ),
        # the drafters named in apposition to their role
        (
            "The Security Council resolution passed on Thursday after talks with its drafters, Belgium and Kuwait.",
            {("sponsor", "BEL", "BEL"), ("sponsor", "KWT", "KWT")},
        ),
        # "by <count> <kind> members, <list>"
        (
            "The Security Council resolution passed on Thursday. It was offered by two European members, "
            "Germany and Poland.",
            {("sponsor", "DEU", "DEU"), ("sponsor", "POL", "POL")},
        ),
        # sponsoring verbs a subject list leads: "<A> and <B> led the effort", "hammered out by"
        (
            "The Security Council adopted the resolution on Thursday. Peru and Germany led the effort.",
            {("sponsor", "PER", "PER"), ("sponsor", "DEU", "DEU")},
        ),
        (
            "The Security Council resolution, hammered out for a month by Belgium, passed on Thursday.",
            {("sponsor", "BEL", "BEL")},
        ),
    ],
)
def test_sponsors_by_shape(text: str, expected: set) -> None:
    got = keys(text)
    assert expected <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "Britain led the criticism of the Security Council resolution adopted on Thursday.",  # not a sponsor
        "The Security Council adopted the resolution on Thursday; the match ended two to nothing.",  # not a vote
    ],
)
def test_shapes_do_not_overreach(text: str) -> None:
    got = keys(text)
    assert ("sponsor", "GBR", "GBR") not in got and ("yes", None, 2) not in got, got


def test_sat_out_is_the_abstention_or_absence_the_record_gives(fake_record: MemoryRecord) -> None:
    """ "Sat out the vote" says a member voted neither yes nor no: an abstention or no part in the vote. It is read as
    whichever of the two the record gives, and contradicted only by a yes or a no."""
    rep = check(
        "UNITED NATIONS, March 25 - The Security Council on Monday demanded a ceasefire in Gaza, 14-0. The United "
        "States sat out the vote, and Guyana sat it out too.",
        "2024-03-25",
        record=fake_record,
    )
    votes = {c.member: (c.claimed, c.verdict.value) for c in rep.claims if c.field == "vote"}
    assert votes["USA"] == ("abstain", "supported"), votes
    assert votes["GUY"][1] == "contradicted", votes  # Guyana voted yes on that text


def test_sat_out_reads_as_an_abstention_until_the_record_says_otherwise() -> None:
    ex = extract_claims("The Security Council adopted the text on Thursday. Peru sat out the vote.", "2019-06-14")
    assert [(c.member, c.claimed, c.note) for c in ex.claims if c.field == "vote"] == [("PER", "abstain", SAT_OUT)]


def test_failed_talks_are_no_failed_vote() -> None:
    """ "after efforts to reword it failed" says talks failed; the vote's outcome is the adoption."""
    got = keys(
        "The Security Council adopted the resolution 13-0 on Thursday after efforts to soften its wording failed."
    )
    assert ("outcome", None, "adopted") in got and ("outcome", None, "failed") not in got, got
    got = keys("A rival text calling for a truce also failed in the Security Council on Thursday.")
    assert ("outcome", None, "failed") in got, got  # the text failed: "truce" is what it called for


def test_sat_out_beside_did_not_take_part_stays_no_part() -> None:
    got = keys("The Security Council adopted the text on Thursday. Peru did not take part and sat out the vote.")
    assert ("vote", "PER", "did not vote") in got, got


def test_an_after_clause_about_an_amendment_leaves_the_main_clause_on_its_vote() -> None:
    ex = extract_claims(
        "The Security Council on Thursday adopted resolution 2999 by 13 votes to none, with Peru abstaining, after a "
        "Chinese amendment that would have cut the mandate was rejected.",
        "2019-06-14",
    )
    main = {c.key() for c in ex.claims if c.event == 0}
    assert {("resolution", None, "2999"), ("yes", None, 13), ("vote", "PER", "abstain")} <= main, ex.claims
    assert any(e.kind == "amendment" for e in ex.events), ex.events


def test_a_weekday_in_a_relative_clause_of_another_event_dates_no_vote() -> None:
    ex = extract_claims(
        "UNITED NATIONS, June 14 -- A Russian draft resolution was defeated in the Security Council on Friday, winning "
        "three votes.\n\nThe text, which Russia put forward together with Belarus, described the air strikes that "
        'began on Wednesday as "a plain breach of the Charter" and demanded a halt.',
        "2019-06-14",
    )
    assert [e.kind for e in ex.events] == ["main"], ex.events
    assert ("sponsor", "RUS", "RUS") in {c.key() for c in ex.claims if c.event == 0}, ex.claims


def test_passed_over_is_no_adoption() -> None:
    """ "a text that passed over the facts" is no adoption: it does not open a second vote that takes the next
    sentence's member votes from the veto the report is about."""
    got = keys(
        "The United States vetoed the Security Council draft on Friday. Britain abstained; it would not back a text "
        "that passed over the causes of the crisis. France voted with the majority, as did Peru and Kuwait.",
        "2019-06-15",
    )
    assert ("outcome", None, "adopted") not in got, got
    assert {("vote", "FRA", "yes"), ("vote", "PER", "yes"), ("vote", "KWT", "yes")} <= got, got


def test_states_named_as_part_of_a_unanimous_vote_voted_for_it() -> None:
    got = keys(
        "The Security Council adopted the resolution unanimously on Thursday. That includes Peru and Kuwait, "
        "Indonesia's two closest partners on the file."
    )
    assert {("vote", "PER", "yes"), ("vote", "KWT", "yes")} <= got, got
    assert ("vote", "IDN", "yes") not in got, got  # a possessive names no voter
    got = keys(
        "The Security Council adopted the text 15-0 on Thursday. Among the elected members were Peru and Poland."
    )
    assert {("vote", "PER", "yes"), ("vote", "POL", "yes")} <= got, got
    got = keys("The Security Council adopted the text 13-0 on Thursday. That includes Peru and Poland.")
    assert ("vote", "PER", "yes") not in got, got  # not unanimous: who is included is not said
