"""Issue 10, news5 round: general mechanisms rather than more phrasings. Each test is a text written for it, checked
against made-up rows (the shape of the record's rows), so that what is asserted is the mechanism, not a corpus text."""

from __future__ import annotations

from unsc.news import MemoryRecord, check


def _row(sym: str, day: str, title: str, yes: int = 15, no: int = 0, abstain: int = 0, **kw: object) -> dict:
    return {"decision_id": sym, "draft": sym, "date": day, "kind": "draft_resolution", "adopted": True,
            "yes": yes, "no": no, "abstain": abstain, "vetoed_by": [], "title": title, "topic": kw.pop("topic", ""),
            "failure_reason": "none", **kw}  # fmt: skip


def test_a_background_vote_the_facts_leave_open_is_told_apart_by_what_the_sentence_says_it_did() -> None:
    main = _row("S/2031/400", "2031-06-20", "resolution 9400 [on the situation in Freedonia]")
    rows = [
        main,
        # two unanimous votes in March on the same country: the facts "unanimously, in March" fit both equally
        _row("S/2031/150", "2031-03-05", "resolution 9350 [on renewal of the sanctions against Freedonia]"),
        _row(
            "S/2031/190",
            "2031-03-25",
            "resolution 9360 [on extension of the mandate of the observer mission in Freedonia]",
        ),
    ]
    text = (
        "UNITED NATIONS, June 20 - The Security Council unanimously adopted a resolution on Freedonia on Thursday.\n\n"
        "In March the Council unanimously renewed the sanctions it keeps on the Freedonian leadership."
    )
    rep = check(text, date="2031-06-20", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/400"
    recalled = [o for o in rep.other_votes if o.decision is not None]
    assert [o.decision.symbol for o in recalled] == ["S/2031/150"]
    assert any("title shares" in e for e in recalled[0].evidence)
    # the same sentence with words that meet neither title leaves the vote open, as before
    text2 = text.replace("renewed the sanctions it keeps on the Freedonian leadership", "acted again")
    rep2 = check(text2, date="2031-06-20", record=MemoryRecord(rows))
    assert not [o for o in rep2.other_votes if o.decision is not None]


def _votes(text: str, date: str = "2031-06-20") -> set[tuple[str | None, object]]:
    from unsc.news import extract_claims

    return {(c.member, c.claimed) for c in extract_claims(text, date).claims if c.field == "vote"}


def test_member_votes_are_read_from_one_vote_word_and_the_states_coordinated_with_it() -> None:
    lede = "UNITED NATIONS, June 20 - The Security Council adopted a resolution on Freedonia on Thursday by 12 votes. "
    # constructions no reader had a pattern for: a resumptive pronoun, a majority, a vote drawn from a list
    assert _votes(lede + "Japan, Malta and Ecuador, all three of them, backed it in the end.") >= {
        ("JPN", "yes"), ("MLT", "yes"), ("ECU", "yes")}  # fmt: skip
    assert ("GAB", "yes") in _votes(lede + "Gabon sided with the majority in the end.".replace("sided", "voted"))
    assert _votes(lede + "In the end it drew votes only from Brazil, Ghana and Albania.") >= {
        ("BRA", "yes"), ("GHA", "yes"), ("ALB", "yes")}  # fmt: skip
    assert ("CHE", "abstain") in _votes(lede + "Switzerland, to the surprise of its neighbours, chose to abstain.")


def test_states_named_as_authors_places_or_adjectives_are_not_read_as_voters() -> None:
    lede = "UNITED NATIONS, June 20 - The Security Council adopted a resolution on Freedonia on Thursday. "
    got = _votes(lede + "Twelve members voted for the text, which was written by Japan, Malta and Ecuador.")
    assert not {c for c, _ in got} & {"JPN", "MLT", "ECU"}
    got = _votes(lede + "Twelve members voted in favour of the Japanese draft on Albania.")
    assert not {c for c, _ in got} & {"JPN", "ALB"}
    # "against" as a preposition is no vote; a negated vote word says nothing
    assert not _votes(lede + "It authorised force against Freedonia unless it leaves Ghana by May.")
    assert not _votes(lede + "Nobody voted against, and Brazil, which had doubts, said so.")


def _veto(sym: str, day: str) -> dict:
    return _row(sym, day, f"draft {sym} [on the situation in Freedonia]", yes=11, no=1, abstain=3, adopted=False,
                vetoed_by=["USA"], failure_reason="veto",
                votes={"N": ["USA"], "A": ["GBR", "FRA", "THA"]})  # fmt: skip


def test_a_text_written_decades_later_finds_the_vote_it_dates_however_old() -> None:
    # a vote of 1986 checked by a page of 2025: how old the vote is must not outweigh every fact that fits it
    rows = [_veto("S/90001", "1986-07-31"), _row("S/2025/300", "2025-06-02", "resolution 9999 [on Freedonia]")]
    text = (
        "Fact check: was there really a veto on Freedonia?\n\n"
        "On July 31, 1986, a draft on Freedonia was put to the vote. Eleven members voted for it; the United "
        "States cast the only vote against, a veto, and three abstained."
    )
    rep = check(text, date="2025-06-27", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/90001"


def test_a_headline_naming_a_resolution_makes_its_vote_the_main_one() -> None:
    rows = [
        _row("S/RES/9417", "2031-10-31", "resolution 9417 [on Freedonia]", resolution_number="9417"),
        _row("S/RES/9418", "2031-11-04", "resolution 9418 [on Freedonia]", resolution_number="9418"),
    ]
    text = (
        "School debate guide\n\n"
        "Topic B: Security Council Resolution 9418 (2031)\n\n"
        "On Oct. 31, 2031, the Council unanimously passed resolution 9417 on Freedonia.\n\n"
        "On November 4, 2031, the Security Council adopted resolution 9418. The vote was unanimous."
    )
    rep = check(text, date="2040-02-10", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/RES/9418"
    # the resolution recalled first is still checked, against its own vote
    assert {c.decision for c in rep.claims if c.field == "resolution"} == {"S/RES/9417", "S/RES/9418"}


def test_votes_stated_by_reference_take_the_vote_of_those_referred_to() -> None:
    lede = "UNITED NATIONS, June 20 - The Security Council adopted a text on Freedonia on Thursday with nine votes. "
    # "joined by": the vote of the states just named; "voted with": the vote of those it names
    got = _votes(lede + "Brazil and Japan abstained. They were later joined by Ghana and Malta. "
                 "Gabon and Albania voted with Brazil.")  # fmt: skip
    assert {("GHA", "abstain"), ("MLT", "abstain"), ("GAB", "abstain"), ("ALB", "abstain")} <= got
    # "voted with them" after the sponsors are named: the sponsors voted for their draft, and so did it
    got = _votes(lede + "The text was put forward by three elected members, Ecuador, Malta and Mozambique. "
                 "Switzerland voted with them, alone among the Europeans.")  # fmt: skip
    assert {("ECU", "yes"), ("MLT", "yes"), ("MOZ", "yes"), ("CHE", "yes")} <= got
    # a reference to states whose vote the text never gave says nothing
    assert ("GAB", "yes") not in _votes(lede + "Gabon voted with Japan.")
    assert not {c for c, _ in _votes(lede + "Gabon voted with Japan.")} & {"GAB"}


def test_a_recalled_vote_the_text_dates_only_by_its_year_is_found_in_that_year() -> None:
    main = _row("S/2031/400", "2031-06-20", "draft S/2031/400 [on Freedonia]", yes=6, no=0, abstain=9, adopted=False,
                failure_reason="votes")  # fmt: skip
    old = _row("S/RES/9001", "2019-09-25", "resolution 9001 [on Freedonia]", yes=12, no=2, abstain=1,
               votes={"N": ["CUB", "YEM"], "A": ["CHN"]})  # fmt: skip
    other = _row("S/RES/9002", "2019-03-01", "resolution 9002 [on Freedonia]")
    text = (
        "UNITED NATIONS, June 20 - A draft on Freedonia failed in the Security Council on Friday, winning only six "
        "votes, with nine abstentions.\n\n"
        "The 2019 resolution on the same crisis had been adopted by 12 votes to 2, Cuba and Yemen voting against."
    )
    rep = check(text, date="2031-06-20", record=MemoryRecord([main, old, other]))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/400"
    got = {(c.field, c.member, c.claimed): c.decision for c in rep.claims}
    assert got[("yes", None, 12)] == "S/RES/9001"
    assert got[("vote", "CUB", "no")] == "S/RES/9001"
    # without its year the same sentence cannot be placed, and is left out rather than checked against the main vote
    rep2 = check(text.replace("The 2019 resolution", "An older resolution"), date="2031-06-20",
                 record=MemoryRecord([main, old, other]))  # fmt: skip
    assert ("yes", None, 12) not in {(c.field, c.member, c.claimed) for c in rep2.claims}


def test_a_resolution_number_in_a_recalled_votes_sentence_identifies_it_among_votes_of_that_month() -> None:
    main = _row("S/2031/400", "2031-06-20", "resolution 9400 [on Freedonia]")
    rows = [
        main,
        _row("S/RES/9425", "2028-03-19", "resolution 9425 [on Freedonia]", resolution_number="9425", yes=12, abstain=2),
        _row("S/RES/9426", "2028-03-19", "resolution 9426 [on Freedonia]", resolution_number="9426", yes=12, abstain=2),
    ]
    text = (
        "UNITED NATIONS, June 20 - The Security Council unanimously adopted a resolution on Freedonia on Thursday.\n\n"
        "In March 2028 its resolution 9425 called for a withdrawal. That text was adopted with 12 votes in favour "
        "and two abstentions; it was not unanimous."
    )
    rep = check(text, date="2031-06-20", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/400"
    assert {c.decision for c in rep.claims if c.field == "yes" and c.claimed == 12} == {"S/RES/9425"}


def _sponsors(text: str, date: str = "2031-06-20") -> set[str | None]:
    from unsc.news import extract_claims

    return {c.member for c in extract_claims(text, date).claims if c.field == "sponsor"}


def test_sponsors_are_read_from_one_drafting_verb_and_the_states_coordinated_with_it() -> None:
    lede = "UNITED NATIONS, June 20 - The Security Council adopted a text on Freedonia on Thursday by 15 votes. "
    assert {"NOR", "JPN", "MLT"} <= _sponsors(lede + "It had been tabled by Norway, with Japan and Malta as partners.")
    assert {"ECU", "GHA"} <= _sponsors(lede + "The text, prepared by the two penholders on the file, Ecuador and "
                                       "Ghana, was shortened twice.".replace("on the file, ", ""))  # fmt: skip
    assert "CHE" in _sponsors(lede + "Switzerland, which led the talks for a year, drafted the text.")
    # a state "with" an -ing vote after a drafting verb is a voter, not a co-author
    assert "ALB" not in _sponsors(lede + "It was drafted by Norway, with Albania abstaining.")


def test_a_threatened_veto_is_no_veto() -> None:
    from unsc.news import extract_claims

    text = ("UNITED NATIONS, June 20 - The Security Council adopted a text on Freedonia on Thursday by 12 votes. "
            "One permanent member had used the threat of its veto to cut the mandate in half.")  # fmt: skip
    outcomes = {c.claimed for c in extract_claims(text, "2031-06-20").claims if c.field == "outcome"}
    assert outcomes == {"adopted"}


def test_a_sentence_listing_several_dates_of_a_recalled_action_is_one_vote_per_date() -> None:
    from unsc.news import extract_claims

    text = ("UNITED NATIONS, June 20 - The Security Council adopted a text on Freedonia on Thursday by 15 votes.\n\n"
            "Two permanent members had vetoed three drafts on Freedonia before it: on 3 May 2029, on 9 March 2030 "
            "and on 1 December 2030.")  # fmt: skip
    ex = extract_claims(text, "2031-06-20")
    dated = {c.event: c.claimed for c in ex.claims if c.field == "date" and c.event}
    assert sorted(dated.values()) == ["2029-05-03", "2030-03-09", "2030-12-01"]
    # each date's vote carries what the sentence says of them all
    assert {c.event for c in ex.claims if c.field == "outcome" and c.claimed == "vetoed"} == set(dated)
    # dates joined by more than a list's connectors are not a list of votes
    ex2 = extract_claims(text.replace("three drafts on Freedonia before it: on 3 May 2029, on 9 March 2030 and on 1 "
                                      "December 2030", "a draft on 3 May 2029, a month after the 9 March 2029 talks"),
                         "2031-06-20")  # fmt: skip
    assert len({c.event for c in ex2.claims if c.field == "outcome" and c.claimed == "vetoed"}) == 1


def test_a_report_with_no_council_vote_of_its_own_finds_the_recent_veto_it_recalls_without_a_date() -> None:
    veto = _row("S/2031/380", "2031-05-30", "draft S/2031/380 [on Freedonia]", yes=13, no=1, abstain=1, adopted=False,
                vetoed_by=["RUS"], failure_reason="veto", votes={"N": ["RUS"], "A": ["CHN"]})  # fmt: skip
    text = (
        "Assembly condemns the annexation of Freedonia's coast\n\n"
        "NEW YORK, June 20 - The General Assembly on Thursday condemned the annexation by 100 votes to 11.\n\n"
        "The Assembly acted after a Security Council draft on Freedonia failed. Thirteen of the Council's fifteen "
        "members voted for it. Russia voted against, its veto killing the text, and China abstained."
    )
    rep = check(text, date="2031-06-20", record=MemoryRecord([veto]))
    assert rep.status.value == "no_vote"
    got = {(c.field, c.member, c.claimed): c.decision for c in rep.claims}
    assert got.get(("yes", None, 13)) == "S/2031/380"
    assert got.get(("vote", "CHN", "abstain")) == "S/2031/380"


def test_a_council_recommendation_to_the_assembly_is_the_councils_own_vote() -> None:
    from unsc.news import extract_claims

    text = ("UNITED NATIONS, June 20 - A permanent member vetoed the admission of Freedonia on Friday.\n\n"
            "The draft, which would have recommended the new state to the General Assembly, was backed by 11 of the "
            "15 members. Japan voted against, and two members - Ghana and Malta - abstained.")  # fmt: skip
    ex = extract_claims(text, "2031-06-20")
    got = {(c.field, c.member, c.claimed) for c in ex.claims if c.event == 0}
    assert {("yes", None, 11), ("vote", "GHA", "abstain"), ("vote", "MLT", "abstain")} <= got


def test_a_report_whose_false_claims_drag_the_score_below_zero_is_still_matched_when_no_vote_comes_near() -> None:
    # a veto whose vetoers, tally and votes the report partly gets wrong: the false claims count against the vote
    # (its score falls below zero), but no other vote of the window fits anywhere near as well, so it is the vote,
    # and the false claims are caught instead of the whole report coming out unverifiable
    ballot = [("USA", "N"), ("FRA", "A"), ("IRL", "A"), ("JPN", "A"), ("PAN", "A"), ("ZAR", "A")]
    ballot += [(c, "Y") for c in ("CHN", "SUN", "GBR", "GUY", "JOR", "POL", "ESP", "TGO", "UGA")]
    veto = _row("S/2031/77", "2031-01-20", "The situation in Freedonia", yes=9, no=1, abstain=5, adopted=False,
                vetoed_by=["USA"], failure_reason="veto", votes=[{"member": m, "vote": v} for m, v in ballot])  # fmt: skip
    # unanimous votes of the same window, and one after the report, so the record reaches past its date
    allyes = [{"member": m, "vote": "Y"} for m, _ in ballot]
    days = ((20, "2031-01-05"), (40, "2031-01-12"), (90, "2031-03-01"))
    others = [_row(f"S/2031/{n}", day, "Election of members of the ICJ", votes=allyes) for n, day in days]
    text = (
        "Britain and US veto sanctions on Freedonia\n\n"
        "Britain and the United States vetoed the draft on Freedonia. The vote was 9 in favour and two against, "
        "with four abstentions. France and Ireland abstained, while Britain and China voted against."
    )
    rep = check(text, date="2031-01-21", record=MemoryRecord([veto, *others]))
    assert rep.candidates[0].score <= 0 < rep.candidates[0].score - rep.candidates[1].score - 15
    assert rep.decision is not None and rep.decision.symbol == "S/2031/77"
    contradicted = {(c.field, c.member) for c in rep.claims if c.verdict.value == "contradicted"}
    assert {("veto", "GBR"), ("no", None), ("vote", "CHN")} <= contradicted
