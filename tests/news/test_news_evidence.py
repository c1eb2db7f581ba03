"""Issue 10: the vote found by evidence, each claim checked against the vote its sentence is about,
no-vote texts, pasted pages with clutter, votes after the record, and the frozen held-out goals."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from tests.news.conftest import ARTICLES
from unsc.news import MemoryRecord, check, extract_claims, read_article
from unsc.news.dates import vote_weekday
from unsc.news.evaluate import evaluate, load_gold

HELDOUT = ARTICLES.parent / "heldout"


def _text(name: str) -> str:
    return next(p for p in ARTICLES.glob(name + ".*") if p.suffix in (".txt", ".html")).read_text(encoding="utf-8")


def keys(text: str, date: str = "2024-11-22") -> set:
    return {c.key() for c in extract_claims(text, date).claims}


# -- everyday phrasing (the issue's class 2) --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Security Council draft was backed by 13 of the 15 members.", {("yes", None, 13)}),
        ("The Security Council text won the support of 12 members.", {("yes", None, 12)}),
        ("Nine nations voted for the Security Council resolution.", {("yes", None, 9)}),
        ("Russia has vetoed the Security Council draft.", {("veto", "RUS", True)}),
        (
            "The Security Council resolution passed with two abstentions, from the UK and Switzerland.",
            {("abstain", None, 2), ("vote", "GBR", "abstain"), ("vote", "CHE", "abstain")},
        ),
        ("Algeria chose not to participate in the Security Council vote.", {("vote", "DZA", "did not vote")}),
        # "sat out" is an abstention or no part in the vote: read as an abstention until the record says which
        ("China sat out the Security Council vote.", {("vote", "CHN", "abstain")}),
        (
            "The Security Council draft, led by France and the UAE, was adopted.",
            {("sponsor", "FRA", "FRA"), ("sponsor", "ARE", "ARE")},
        ),
        ("The United States shot down the Security Council draft.", {("veto", "USA", True)}),
        (
            "Ten countries voted for the Council text and four — Britain, France, Japan and Malta — abstained.",
            {("yes", None, 10), ("abstain", None, 4), ("vote", "GBR", "abstain"), ("vote", "MLT", "abstain")},
        ),
        ("Bolivia joined Russia in voting against the Security Council draft.", {("vote", "BOL", "no")}),
        ("It was a procedural vote at the Security Council, so no veto applied.", {("procedural", None, True)}),
    ],
)
def test_everyday_phrasing(text: str, expected: set) -> None:
    assert expected <= keys(text)


def test_led_by_is_a_sponsor_only_for_a_text() -> None:
    got = keys(
        "On 7 July 1950 the Security Council adopted a resolution placing forces under a command led by the United States."
    )
    assert not any(k[0] == "sponsor" for k in got)


def test_relative_days_resolve_against_the_page_date() -> None:
    assert vote_weekday("In Wednesday's vote, 14 members backed it.", dt.date(2024, 11, 22))[0] == dt.date(2024, 11, 20)
    # the weekday nearest the vote word wins over another event's weekday
    got = vote_weekday(
        "As mourners gathered on Saturday, they recalled Russia's veto on Wednesday.", dt.date(2015, 7, 11)
    )
    assert got[0] == dt.date(2015, 7, 8)
    ex = extract_claims("Russia vetoed a resolution Tuesday at the UN Security Council.", "2023-07-12")
    assert ex.vote_date == dt.date(2023, 7, 11) and ex.date_source == "relative"


def test_a_date_is_a_vote_date_only_in_a_sentence_about_a_vote() -> None:
    ex = extract_claims(
        "Russia introduced its resolution on March 15. The Security Council rejected it on Monday, 4 votes to 11.",
        "2024-03-20",
    )
    assert ex.vote_date == dt.date(2024, 3, 18)
    garbled = extract_claims(
        "Hamas attacked Israel on 1 October. 7. Russia and China on Friday vetoed the US draft at the Security Council.",
        "2024-03-22",
    )
    assert garbled.vote_date == dt.date(2024, 3, 22)


# -- no Council vote ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council postponed a vote on the Gaza draft until Friday, diplomats said.",
        "The United States said it would veto the Algerian draft if it were put to a vote at the Security Council.",
        "The Security Council is expected to vote on Monday on the draft resolution.",
        "The UN General Assembly adopted the resolution by 153 votes to 10, with 23 abstentions.",
    ],
)
def test_no_vote_texts_have_no_claims(text: str, fake_record: MemoryRecord) -> None:
    r = check(text, date="2024-03-25", record=fake_record)
    assert r.status == "no_vote" and r.claims == () and r.decision is None
    assert r.message.startswith("no Council vote reported") and r.left_out


# -- attribution with the typed-in record ---------------------------------------------------------------


def test_amendment_then_draft_each_claim_to_its_own_vote(fake_record: MemoryRecord) -> None:
    text = (
        "Before the Security Council vote on the resolution on Monday, a Russian amendment calling for a permanent "
        "ceasefire failed: "
        "only Russia, China and Algeria voted for it and the United States voted against. "
        "The resolution itself passed 14-0, with the United States abstaining."
    )
    r = check(text, date="2024-03-25", record=fake_record)
    assert r.decision.symbol == "S/2024/254"
    by = {(c.field, c.member, c.claimed): c for c in r.claims}
    assert by[("vote", "USA", "no")].decision == "S/PV.9586#1"
    assert by[("vote", "USA", "no")].verdict == "supported"
    assert by[("vote", "USA", "abstain")].decision == "S/2024/254"
    assert by[("yes", None, 14)].verdict == "supported"
    assert not any(c.verdict == "contradicted" for c in r.claims), r.claims
    assert [o.kind for o in r.other_votes] == ["amendment"]


def test_earlier_veto_is_left_out_when_the_record_lacks_it(fake_record: MemoryRecord) -> None:
    text = (
        "The Security Council on Monday demanded a ceasefire in Gaza, 14-0, with the United States abstaining. "
        "In February, the United States had vetoed an Algerian draft; 13 members voted for it."
    )
    r = check(text, date="2024-03-25", record=fake_record)
    assert r.decision.symbol == "S/2024/254"
    assert ("veto", "USA", True) not in {(c.field, c.member, c.claimed) for c in r.claims}
    assert any("earlier vote" in x.reason for x in r.left_out)
    assert not any(c.verdict == "contradicted" for c in r.claims), r.claims


def test_pasted_page_clutter_is_dropped() -> None:
    art = read_article(_text("a49_2024_239_seed_fullpage"))
    body = art.text
    for clutter in ("Related Articles", "13-1-1", "France voted against", "Share on", "Privacy Policy", "Reply"):
        assert clutter not in body
    assert "eleven members of the Security Council" in body and art.warnings


def test_html_photo_caption_is_dropped() -> None:
    art = read_article(_text("a50_2024_239_seed_html"))
    assert "when the US cast its veto" not in art.text


def test_vote_after_the_record_is_checked_by_the_rules(fake_record: MemoryRecord) -> None:
    text = (
        "A Russian draft resolution was rejected by the Security Council on Thursday. Russia, China, Pakistan and "
        "Somalia voted in favour, nine members abstained, and the United States and Latvia voted against."
    )
    r = check(text, date="2026-03-20", record=fake_record)
    assert r.status == "beyond_record" and r.decision is None
    assert "the record ends on 2024-03-25" in r.message and "unsc sync" in r.message
    assert all(c.verdict == "unverifiable" for c in r.claims)
    rules = [i for i in r.consistency if i.issue == "rules_outcome"]
    assert rules and rules[0].outcome == "failed" and "no veto" in rules[0].message
    vetoed = check(text + " The United States vetoed it.", date="2026-03-20", record=fake_record)
    assert any(i.issue == "veto_inconsistent" for i in vetoed.consistency)


def test_a_page_after_the_record_recalling_an_older_vote_is_not_beyond_the_record(fake_record: MemoryRecord) -> None:
    """ "After the record" is the vote's own day when the text gives it, not the page's: a piece written in
    2026 about a veto of 12 June 1991 is about a vote inside the record's years, found or not."""
    text = "Looking back: on 12 June 1991 the Security Council voted on a draft, and the United States vetoed it."
    r = check(text, date="2026-03-20", record=fake_record)
    assert r.status != "beyond_record" and "unsc sync" not in r.message
    later = check("On 19 March 2026 the Security Council voted on a draft; the United States vetoed it.",
                  date="2026-03-20", record=fake_record)  # fmt: skip
    assert later.status == "beyond_record"


def test_rejected_with_nine_and_no_permanent_no_is_inconsistent(fake_record: MemoryRecord) -> None:
    text = "The Security Council rejected the draft on Thursday: nine in favour, six abstentions, none against."
    r = check(text, date="2026-03-20", record=fake_record)
    assert r.status == "beyond_record"
    assert any(i.issue == "outcome_inconsistent" for i in r.consistency), r.consistency


# -- the Done-when cases on the real store ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["a49_2024_239_seed_fullpage", "a50_2024_239_seed_html"])
def test_full_seed_page_matches_and_supports_every_claim(name: str, real_store) -> None:
    r = check(_text(name), date="2024-03-22", record=real_store)
    assert r.decision.symbol == "S/2024/239", r.message
    main = [c for c in r.claims if c.decision == "S/2024/239"]
    assert len(main) >= 9 and all(c.verdict == "supported" for c in main), main
    assert not any(c.verdict == "contradicted" for c in r.claims)
    assert r.evidence and any("on Friday" in e for e in r.evidence)


def test_cli_on_the_full_seed_page(tmp_path, real_store, built_store) -> None:
    from unsc.cli import app

    page = tmp_path / "seed.txt"
    page.write_text(_text("a49_2024_239_seed_fullpage"), encoding="utf-8")
    out = CliRunner().invoke(app, ["check", str(page), "--date", "2024-03-22", "--json", "--store", str(built_store)])
    assert out.exit_code == 0, out.output
    rep = json.loads(out.output)
    assert rep["decision"]["symbol"] == "S/2024/239" and rep["evidence"]
    assert {c["verdict"] for c in rep["claims"]} == {"supported"}


def test_report_seventeen_days_after_the_vote(real_store) -> None:
    r = check(_text("a51_2022_720_late_report"), date="2022-10-17", record=real_store)
    assert r.decision.symbol == "S/2022/720", r.message
    assert any("General Assembly" in x.reason for x in r.left_out)


def test_postponed_vote_is_no_council_vote(real_store) -> None:
    r = check(_text("a52_postponed_2024_03_21"), date="2024-03-21", record=real_store)
    assert r.status == "no_vote" and r.message.startswith("no Council vote reported") and not r.claims


def test_march_2026_russian_draft_beyond_the_record(real_store) -> None:
    r = check(_text("a53_2026_03_russian_draft"), date="2026-03-20", record=real_store)
    assert r.status == "beyond_record" and "`unsc sync`" in r.message and "the record ends on" in r.message
    rules = next(i for i in r.consistency if i.issue == "rules_outcome")
    assert rules.outcome == "failed" and "lack of votes" in rules.message and "no veto" in rules.message
    assert not any(i.issue in ("outcome_inconsistent", "veto_inconsistent", "not_on_council") for i in r.consistency)


def test_a_state_not_on_the_council_cannot_have_voted(real_store) -> None:
    text = "The Security Council rejected the draft on Thursday; Russia, China and Brazil voted in favour."
    r = check(text, date="2026-03-20", record=real_store)
    assert any(i.issue == "not_on_council" and "BRA" in i.message for i in r.consistency), r.consistency


# -- real-length reports (issue 10, heldout5's classes): text written for these tests -------------------


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "In the Security Council China abstained this time, as did Ethiopia and Kazakhstan.",
            {("vote", "CHN", "abstain"), ("vote", "ETH", "abstain"), ("vote", "KAZ", "abstain")},
            set(),
        ),
        (
            "France, Japan and Malta were among those voting in favour of the Council text, as did China.",
            {("vote", "FRA", "yes"), ("vote", "MLT", "yes"), ("vote", "CHN", "yes")},
            set(),
        ),
        (
            "The United States, Britain and Japan were among the twelve members that abstained on the Council draft.",
            {("abstain", None, 12), ("vote", "USA", "abstain"), ("vote", "JPN", "abstain")},
            set(),
        ),
        (
            "Britain abstained on the Council text, and Washington cast the only vote against.",
            {("vote", "USA", "no")},
            set(),
        ),
        ("The Council draft was backed by 12 of the Council's 15 members.", {("yes", None, 12)}, set()),
        (
            "Only three of the Council's 15 members — Russia, China and Brazil — voted in favour.",
            {("yes", None, 3), ("vote", "BRA", "yes")},
            {("yes", None, 15)},
        ),
        (
            "The rival Council text got just two votes, from Russia and China.",
            {("yes", None, 2), ("vote", "CHN", "yes")},
            set(),
        ),
        (
            "In the Council it won the support of only four members — China, Russia, the UAE and Gabon.",
            {("yes", None, 4), ("vote", "GAB", "yes")},
            set(),
        ),
        (
            "Only three members, Russia, China and Algeria, voted for the Council amendment.",
            {("yes", None, 3), ("vote", "DZA", "yes")},
            set(),
        ),
        ("No country voted against the Security Council resolution.", {("no", None, 0)}, set()),
        ("No one voted against the Security Council text.", {("no", None, 0)}, {("no", None, 1)}),
        (
            "The Security Council draft, drawn up by Brazil and Switzerland, was vetoed.",
            {("sponsor", "BRA", "BRA")},
            set(),
        ),
        ("The Security Council text needed at least nine votes to be adopted.", set(), {("outcome", None, "adopted")}),
        (
            "That Council text won nine votes, the bare minimum, with three against.",
            {("no", None, 3), ("yes", None, 9)},
            set(),
        ),
        (
            "Security Council vote. Voting yes: Denmark, France and Greece.",
            {("vote", "DNK", "yes"), ("vote", "GRC", "yes")},
            set(),
        ),
        (
            "The Council resolution, whose co-sponsors included Russia and France, passed.",
            {("sponsor", "RUS", "RUS")},
            set(),
        ),
        (
            "Germany and Portugal are among the co-sponsors of the Security Council draft. It was adopted.",
            {("sponsor", "PRT", "PRT")},
            set(),
        ),
        (
            "The Council text was put forward by the three African members of the Council, Gabon, Ghana and Mozambique. It was adopted.",
            {("sponsor", "GAB", "GAB"), ("sponsor", "MOZ", "MOZ")},
            set(),
        ),
        (
            "Britain's envoy Jane Doe, whose delegation drafted the Council text with France, spoke first. It was adopted.",
            {("sponsor", "GBR", "GBR"), ("sponsor", "FRA", "FRA")},
            set(),
        ),
        ("Britain's ambassador said the Security Council text was a welcome step.", set(), {("sponsor", "GBR", "GBR")}),
        ("The Security Council renewed the mission for a year with 12 votes.", {("yes", None, 12)}, set()),
        ("The Security Council text won the backing of all 15 members.", {("yes", None, 15)}, set()),
        (
            "The Council text, numbered 2216, was adopted by the Security Council.",
            {("resolution", None, "2216")},
            set(),
        ),
        (
            "All 15 Council members, including North Korea's neighbours China and Russia, voted for the text.",
            {("vote", "CHN", "yes")},
            {("vote", "PRK", "yes")},
        ),
        (
            "Russia said the clause did not belong in a Somalia resolution of the Council.",
            set(),
            {("sponsor", "SOM", "SOM")},
        ),
        (
            "A Russian draft was defeated 12-3 at the Security Council, with only China and Namibia joining Moscow in favour.",
            {("no", None, 12), ("yes", None, 3), ("vote", "NAM", "yes"), ("vote", "RUS", "yes")},
            {("yes", None, 12)},
        ),
        (
            "The seven votes in favour of the Council draft came from Rwanda, Togo and Morocco, along with China.",
            {("vote", "TGO", "yes"), ("vote", "CHN", "yes")},
            set(),
        ),
        (
            "After the Security Council vote, US and British warships shot down 21 drones.",
            set(),
            {("outcome", None, "vetoed")},
        ),
        (
            "Washington abstained in the Security Council instead of using its veto.",
            {("vote", "USA", "abstain")},
            {("outcome", None, "vetoed")},
        ),
        (
            "Israel said the United States failed to block the Security Council resolution.",
            set(),
            {("outcome", None, "failed")},
        ),
        ("The Security Council resolution was not adopted under Chapter VII.", set(), {("outcome", None, "failed")}),
    ],
)
def test_real_length_phrasing(text: str, expected: set, absent: set) -> None:
    got = keys(text)
    assert expected <= got, got
    assert not absent & got, got


def _events(text: str, date: str) -> tuple[list, dict]:
    ex = extract_claims(text, date)
    return ex.claims, {e.id: e for e in ex.events}


def test_background_votes_are_their_own_events() -> None:
    """A unanimous adoption "in July" recalled after the main vote is its own (adopted) vote; a live blog's
    recalled veto of "Friday" under Monday's adoption is another day's vote; "three earlier drafts" are several."""
    claims, events = _events(
        "The Security Council adopted resolution 2728 on Monday by 14 votes. In July it unanimously extended "
        "the mission in Haiti.",
        "2024-03-25",
    )
    later = [c for c in claims if c.field in ("unanimous", "outcome") and c.event]
    assert {(c.field, c.claimed) for c in later} == {("unanimous", True), ("outcome", "adopted")}
    assert events[later[0].event].kind == "earlier"
    claims, events = _events(
        "Resolution 2728 adopted by the Security Council: 14 in favour.\n\nA reminder: on Friday Russia and China "
        "vetoed a US text.",
        "2024-03-25",
    )
    veto = [c for c in claims if c.field == "veto"]
    assert veto and all(c.event and events[c.event].kind == "other_day" for c in veto)
    assert ("date", None, "2024-03-22") in {c.key() for c in claims if c.event}
    claims, events = _events(
        "The United States abstained at the Security Council, a shift after Washington vetoed three earlier drafts.",
        "2024-03-25",
    )
    assert all(c.event == 0 for c in claims if c.field == "vote")
    assert all(events[c.event].kind == "several" for c in claims if c.field == "veto")


def test_defend_itself_and_nth_time_since_stay_where_they_belong() -> None:
    claims, _ = _events(
        "Russia vetoed the US draft at the Security Council on Wednesday. The US ambassador said last week that "
        "Israel had the right to defend itself, explaining Washington's veto of a Brazilian draft.",
        "2023-10-26",
    )
    assert [c.event for c in claims if c.key() == ("veto", "USA", True)] != [0]
    claims, _ = _events(
        "The United States vetoed the Security Council draft on Wednesday. It was the fourth time Washington has "
        "used its veto on a Gaza text since October 2023.",
        "2024-11-21",
    )
    assert {c.event for c in claims if c.field == "veto"} == {0}


def test_report_of_a_postponed_vote_recalls_votes_of_their_own(fake_record: MemoryRecord) -> None:
    """The lead reports a vote to come: no Council vote of the text's own (issue 10: "a report of a postponed
    vote is 'no Council vote reported'"); the votes it recalls, one or two, are each checked apart."""
    one = (
        "A Security Council vote on a new Gaza text was postponed on Tuesday.\n\nDiplomats fear a repeat of "
        "22 March, when Russia and China vetoed a US draft that eleven members backed."
    )
    ex = extract_claims(one, "2024-03-26")
    assert ex.no_main_vote and all(c.event for c in ex.claims)
    r = check(ex, record=fake_record)
    assert r.status == "no_vote" and r.decision is None
    assert {c.decision for c in r.claims} == {"S/2024/239"}
    assert all(c.verdict == "supported" for c in r.claims), r.claims
    two = one + "\n\nOn 25 March the Council demanded a ceasefire, 14-0, with the United States abstaining."
    r = check(two, date="2024-03-26", record=fake_record)
    assert r.status == "no_vote" and r.decision is None
    assert {c.decision for c in r.claims} == {"S/2024/239", "S/2024/254"}
    assert all(c.verdict == "supported" for c in r.claims), r.claims


def test_a_series_of_amendments_is_one_vote_each() -> None:
    claims, events = _events(
        "The Security Council adopted the text on Wednesday. Before the final vote, Russia's ambassador put forward "
        "three amendments. All three fell short.\n\nThe first drew four votes in favour. A second was also "
        "rejected. The third won five votes.",
        "2024-01-11",
    )
    kids = [e for e in events.values() if e.ordinal]
    assert [e.ordinal for e in kids] == [1, 2, 3] and {e.kind for e in kids} == {"amendment"}
    assert any(e.kind == "series" for e in events.values())
    for e in kids:
        mine = {c.key() for c in claims if c.event == e.id}
        assert {("sponsor", "RUS", "RUS"), ("outcome", None, "failed")} <= mine
    assert ("yes", None, 5) in {c.key() for c in claims if c.event == kids[2].id}


def test_votes_some_days_after_another() -> None:
    claims, events = _events(
        "Last July, Russia vetoed a Security Council text on Syria. Days later the Council settled for six "
        "months, with Britain abstaining.",
        "2023-01-10",
    )
    later = [e for e in events.values() if e.kind == "later"]
    assert later and later[0].after is not None
    assert [c.event for c in claims if c.field == "veto"] == [later[0].after[0]]  # days after the veto
    claims, events = _events(
        "The Security Council adopted resolution 1244 on Thursday, 14-0. The air strikes had begun on March 24. Two "
        "days later a Russian draft was defeated 12-3 in the Council.",
        "1999-06-11",
    )
    other = [e for e in events.values() if e.kind == "other_day"]
    assert other and other[0].dates[0][0] == dt.date(1999, 3, 26)
    assert not [c for c in claims if c.field == "date" and c.event]  # "two days later" is no date the text gives


@pytest.mark.parametrize(
    ("text", "date", "vote_day"),
    [
        ("UNITED NATIONS, Nov. 16 - An African draft failed in the Security Council on Friday.", "2013-11-16",
         "2013-11-15"),
        ("When British MPs voted late on Wednesday to extend strikes, ministers cited Security Council resolution "
         "2249, adopted on Nov. 20.", "2015-12-03", "2015-11-20"),
        ("The Security Council on Monday rejected a Russian draft asking for an inquiry into the explosions that "
         "ruptured the pipelines in the Baltic Sea last September.", "2023-03-28", "2023-03-27"),
        ("Russia on Wednesday vetoed a Security Council draft condemning last week's chemical attack.", "2017-04-13",
         "2017-04-12"),
        ("The Security Council on Thursday approved a force which will take over from African troops on July 1.",
         "2013-04-26", "2013-04-25"),
    ],
)  # fmt: skip
def test_dates_of_other_events_do_not_date_the_vote(text: str, date: str, vote_day: str) -> None:
    claims, _ = _events(text, date)
    assert ("date", None, vote_day) in {c.key() for c in claims if c.event == 0}, [c.key() for c in claims]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "A rival Russian-Chinese draft failed in the Security Council.",
            {("sponsor", "RUS", "RUS"), ("sponsor", "CHN", "CHN")},
            set(),
        ),
        (
            "Four other members - Malaysia, New Zealand, Senegal and Venezuela - then took it up, and the Security "
            "Council adopted it.",
            {("sponsor", "MYS", "MYS"), ("sponsor", "VEN", "VEN")},
            set(),
        ),
        (
            "Washington vetoed the Security Council draft though the other 14 members, Britain and France among them, "
            "supported it.",
            {("yes", None, 14), ("vote", "GBR", "yes"), ("vote", "FRA", "yes")},
            set(),
        ),
        ("The resolution, 2334, was adopted by the Security Council.", {("resolution", None, "2334")}, set()),
        (
            "The Security Council draft failed; four abstained: Indonesia, South Africa, Kuwait and Peru.",
            {("vote", "IDN", "abstain"), ("vote", "PER", "abstain")},
            set(),
        ),
        (
            "Russia vetoed the Security Council draft on Idlib, where a Russian-backed offensive has killed hundreds.",
            {("veto", "RUS", True)},
            {("sponsor", "RUS", "RUS")},
        ),
    ],
)
def test_more_real_length_phrasing(text: str, expected: set, absent: set) -> None:
    got = keys(text)
    assert expected <= got, got
    assert not absent & got, got


def test_series_counts_and_offensives_do_not_make_earlier_votes() -> None:
    claims, _ = _events(
        "Russia and China on Thursday vetoed a Security Council draft on Idlib, where a government offensive has "
        "killed hundreds of civilians since April. It was the 13th time Russia has used its veto on Syria since "
        "the war began in 2011.",
        "2019-09-20",
    )
    assert {c.event for c in claims if c.field in ("veto", "date")} == {0}
    claims, events = _events(
        "Russia and China veto Idlib truce call; Moscow's own text fails\n\nRussia and China on Thursday vetoed a "
        "Security Council draft.",
        "2019-09-20",
    )
    assert {events[c.event].kind for c in claims if c.key() == ("sponsor", "RUS", "RUS")} == {"rival"}


def test_last_month_of_the_same_name_is_a_year_before() -> None:
    claims, events = _events(
        "The Security Council renewed the mission on Monday. Last October the Council renewed it with 13 votes.",
        "2023-10-31",
    )
    ev = {c.event for c in claims if c.key() == ("yes", None, 13)}
    assert len(ev) == 1 and events[ev.pop()].window == (dt.date(2022, 10, 1), dt.date(2022, 10, 31))
    assert ("yes", None, 10) in keys("In the Security Council, ten members voted to hold the meeting.")


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "A Russian and Chinese attempt to end the envoy's powers collapsed at the Security Council on Thursday, "
            "attracting the support of only its two authors.",
            {("outcome", None, "failed"), ("sponsor", "CHN", "CHN"), ("yes", None, 2), ("date", None, "2021-07-22")},
            set(),
        ),
        (
            "The Security Council on Monday expanded the arms embargo. The measure sailed through with 11 votes.",
            {("outcome", None, "adopted"), ("yes", None, 11), ("date", None, "2021-07-19")},
            set(),
        ),
        (
            "In the Security Council vote, five members abstained: China, Russia and the three African members - Gabon, "
            "Ghana and Kenya. None voted against.",
            {("vote", "GAB", "abstain"), ("vote", "RUS", "abstain"), ("no", None, 0)},
            set(),
        ),
        (
            "The UN Security Council's call last Friday for a special envoy on Afghanistan, passed 13-0, drew protests.",
            {("date", None, "2021-07-16"), ("subject", None, "Afghanistan")},
            set(),
        ),
    ],
)
def test_third_round_phrasing(text: str, expected: set, absent: set) -> None:
    got = keys(text, "2021-07-23")
    assert expected <= got, got
    assert not absent & got, got


def test_a_which_clause_of_days_before_is_its_own_vote() -> None:
    claims, events = _events(
        "The Security Council adopted the Yemen text on Monday. Russia voted yes, in a nod to the United Arab "
        "Emirates, which abstained three days earlier when Moscow vetoed a draft on Ukraine.",
        "2022-03-01",
    )
    got = {(c.key(), events[c.event].kind) for c in claims if c.field in ("vote", "veto")}
    assert (("vote", "RUS", "yes"), "main") in got
    assert (("vote", "ARE", "abstain"), "earlier") in got and (("veto", "RUS", True), "earlier") in got


def test_an_alternative_voted_after_another_days_veto_is_looked_for_that_day(fake_record: MemoryRecord) -> None:
    """Monday's adoption, then Friday's veto and "a Russian alternative, which ... then won a single vote": the
    alternative is looked for on Friday (the fixture has no vote of it: left out, never checked against Monday's)."""
    r = check(
        "The Security Council on Monday demanded a ceasefire, 14-0, with the United States abstaining.\n\n"
        "On Friday, Russia and China vetoed a US text. A Russian alternative, which would have gone further, then "
        "won a single vote - Russia's own.",
        date="2024-03-26",
        record=fake_record,
    )
    assert r.decision.symbol == "S/2024/254"
    assert {c.decision for c in r.claims if c.field == "veto"} == {"S/2024/239"}
    alt = [x for x in r.left_out if x.claim is not None and x.claim.field in ("yes", "vote")]
    assert {x.claim.key() for x in alt if x.claim} == {("yes", None, 1), ("vote", "RUS", "yes")}
    assert all("2024-03-22" in x.reason for x in alt), alt


def test_month_last_year_bounds_an_earlier_vote() -> None:
    claims, events = _events(
        "The Security Council renewed the sanctions on Friday. Sanctions on Eritrea were lifted in November last "
        "year in a unanimous vote.",
        "2019-11-15",
    )
    ev = {c.event for c in claims if c.field == "unanimous"}
    assert len(ev) == 1 and events[ev.pop()].window == (dt.date(2018, 11, 1), dt.date(2018, 11, 30))
    assert ("outcome", None, "adopted") in keys("The Security Council mandate was extended once before.")


def test_inline_related_teaser_and_photo_caption_are_clutter() -> None:
    a = read_article("Russia vetoed the draft.\n\nRelated: US vetoes Brazilian draft on Gaza, 12-1-2\n\n"
                     "Photo caption: Ambassadors vote at the Council on 12 April.\n\nChina abstained.")  # fmt: skip
    assert a.paragraphs == ["Russia vetoed the draft.", "China abstained."]


def test_the_subject_is_said_once() -> None:
    claims, _ = _events(
        "Russia vetoed a US draft on Gaza at the Security Council on Wednesday. Hours later a rival Russian "
        "draft on Gaza won four votes.",
        "2023-10-26",
    )
    assert [c.event for c in claims if c.field == "subject"] == [0]


# -- the held-out sets ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "recall", "precision"),
    [("heldout4", 0.90, 0.94), ("heldout5", 0.92, 0.97)],
)
def test_heldout4_and_heldout5_on_real_store(name: str, recall: float, precision: float, real_store) -> None:
    """heldout4 and heldout5, each frozen and measured once untuned (README: heldout4 recall 0.89; heldout5 with
    real-length reports, recall 0.52 on its first measurement), then tuned on by failure class: floors that hold now."""
    res = evaluate(load_gold(HELDOUT.parent / name), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] >= 19
    assert res["match_accuracy"] >= 0.95, summary
    assert res["true_called_contradicted"] == 0, summary
    assert res["recall"] >= recall and res["precision"] >= precision and res["planted_caught"] >= 0.9, summary


#: heldout7 floors: what the news4-news9 tuning reached (recall 357/468 = 0.763, precision 0.955)
RECALL7, PRECISION7 = 0.762, 0.954
#: heldout8 floors: what the news5-news9 tuning reached (vote matched 0.95, recall 349/441 = 0.791, precision 0.933)
MATCH8, RECALL8, PRECISION8 = 0.95, 0.791, 0.933
#: heldout9 floors: what the news6-news9 tuning reached (vote matched 1.0, recall 348/447 = 0.779, precision 0.906,
#: planted 6/6), from its one frozen measurement (matched 0.90, recall 0.608, precision 0.834, planted 2/6)
MATCH9, RECALL9, PRECISION9, PLANTED9 = 1.0, 0.778, 0.906, 1.0
#: heldout10 floors: what the news7-news9 tuning reached (vote matched 0.95, recall 245/402 = 0.610, precision
#: 0.888), from its one frozen measurement (matched 0.80, recall 0.552, precision 0.822, planted 2/6)
MATCH10, RECALL10, PRECISION10 = 0.95, 0.609, 0.887
#: heldout11 floors: what the news9 tuning reached (vote matched 1.0, recall 321/520 = 0.617, precision 0.865,
#: planted 5/5), from its one frozen measurement (matched 0.90, recall 0.515, precision 0.807, 3 true claims contradicted)
MATCH11, RECALL11, PRECISION11 = 1.0, 0.617, 0.865


def test_heldout6_tuned_on_real_store(real_store) -> None:
    """heldout6: 20 real-length reports, measured once frozen and untuned (README: vote matched 0.85, recall 0.547,
    precision 0.837, planted false claims caught 2 of 5), then tuned on by failure class (tests in
    test_news_background.py). Floors at what the tuning reached (matched 1.0, recall 0.830 = 273/329, precision 0.965,
    planted 4 of 5), so a change that undoes a class fails; recall stays under the issue's 90 % goal."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout6"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] == 0, summary
    assert res["match_accuracy"] >= 1.0 and res["recall"] >= 0.835 and res["precision"] >= 0.97, summary
    assert res["planted_caught"] >= 0.8, summary


def test_heldout7_tuned_on_real_store(real_store) -> None:
    """heldout7: 20 reports of 1956-2025, measured once frozen and untuned after heldout6's tuning (README: vote
    matched 0.85, recall 0.504, precision 0.752, 1 true claim contradicted, planted 1 of 4), then tuned on by
    general rule (tests in test_news_general.py). Floors at what the tuning reached, so a change that undoes a
    class fails; recall stays well under the issue's 90 % goal."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout7"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] == 0, summary
    assert res["match_accuracy"] >= 1.0 and res["recall"] >= RECALL7 and res["precision"] >= PRECISION7, summary
    assert res["planted_caught"] >= 1.0, summary


def test_heldout8_tuned_on_real_store(real_store) -> None:
    """heldout8: 20 reports of 1972-2025 (fact-check, week in review, Model UN guide, transcript, op-ed), measured
    once frozen and untuned (README: vote matched 0.85, recall 0.435, precision 0.910, planted 2 of 4), then tuned on
    together with every older set by general mechanisms (tests in test_news_mechanisms.py). Floors at what that
    reached, so a change that undoes a mechanism fails; recall stays far under the issue's 90 % goal."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout8"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] == 0, summary
    assert res["match_accuracy"] >= MATCH8 and res["recall"] >= RECALL8 and res["precision"] >= PRECISION8, summary


def test_heldout9_tuned_on_real_store(real_store) -> None:
    """heldout9 (tuned on): 20 reports of 1961-2024 written by two writers who read no rule, frozen before the news5
    round was merged and measured once with it (README: vote matched 0.90, recall 0.608, precision 0.834, no true
    claim contradicted, planted 2 of 6), then tuned on with every older set by readers per sentence shape (news6,
    tests in test_news_shapes.py). Floors at what that reached; recall stays under the issue's 90 % goal."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout9"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] == 0, summary
    assert res["match_accuracy"] >= MATCH9 and res["recall"] >= RECALL9 and res["precision"] >= PRECISION9, summary
    assert res["planted_caught"] >= PLANTED9, summary


def test_heldout10_tuned_on_real_store(real_store) -> None:
    """heldout10 (tuned on): 20 reports of 1960-2024 written by two writers who read no rule, frozen before the news6
    round was merged and measured once with it (README: vote matched 0.80, recall 0.552 = 222/402, precision 0.822,
    no true claim contradicted, planted 2 of 6), then tuned on with every older set (news7: a reader by evidence;
    news8: finding the vote). Floors at what that reached; recall stays far under the issue's 90 % goal."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout10"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] == 0, summary
    assert res["match_accuracy"] >= MATCH10 and res["recall"] >= RECALL10, summary
    assert res["precision"] >= PRECISION10, summary


def test_heldout11_tuned_on_real_store(real_store) -> None:
    """heldout11 (tuned on): 20 reports of 1960-2023 written by two writers who read no rule, frozen before the news7
    and news8 rounds were merged and measured once with them (README: vote matched 0.90, recall 0.515 = 268/520,
    precision 0.807, 3 true claims called contradicted), then tuned on (news9: which vote a claim belongs to, tests in
    test_news_attribution.py). Floors at what that reached: no true claim contradicted any more."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout11"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] == 0, summary
    assert res["match_accuracy"] >= MATCH11 and res["recall"] >= RECALL11, summary
    assert res["precision"] >= PRECISION11 and res["planted_caught"] >= 1.0, summary


def test_heldout12_frozen_real_store(real_store) -> None:
    """heldout12 (frozen, never tuned on): 20 reports of 1954-2023 written by two writers who read no rule, frozen
    before the news9 round was merged and measured once with it (README: vote matched 0.70, recall 0.400 = 187/468,
    precision 0.661, 3 true claims called contradicted, planted 2 of 5). Floors at that measurement, so a change that
    loses ground on reports nobody tuned to fails; the issue's goals (0.95 matched, 0.90 recall, no true claim
    contradicted) are NOT met on it, and this test says so by holding the measured figures, not the goals."""
    res = evaluate(load_gold(HELDOUT.parent / "heldout12"), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] == 20
    assert res["true_called_contradicted"] <= 3, summary
    assert res["match_accuracy"] >= 0.70 and res["recall"] >= 0.399 and res["precision"] >= 0.66, summary


def test_earlier_heldout_sets_on_real_store(real_store) -> None:
    """heldout, heldout2, heldout3: each measured once frozen (README), then tuned on; the goals hold on them now."""
    golds = [g for d in ("heldout", "heldout2", "heldout3") for g in load_gold(HELDOUT.parent / d)]
    res = evaluate(golds, real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["articles"] >= 80
    assert res["match_accuracy"] >= 0.95 and res["recall"] >= 0.90 and res["true_called_contradicted"] == 0, summary


def test_development_articles_on_real_store(real_store) -> None:
    res = evaluate(load_gold(ARTICLES), real_store)
    summary = {k: v for k, v in res.items() if k != "per_article"}
    assert res["match_accuracy"] >= 0.98 and res["recall"] >= 0.97 and res["precision"] >= 0.97, summary
    assert res["true_called_contradicted"] == 0 and res["planted_caught"] >= 0.95, summary
