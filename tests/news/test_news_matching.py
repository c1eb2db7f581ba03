"""Issue 10, news8 round: finding the vote by evidence. Each test is a text written for it (never a corpus sentence),
checked against made-up rows in the shape of the record's, so that what is asserted is the mechanism."""

from __future__ import annotations

from unsc.news import MemoryRecord, check

_ELECTED = ["BRA", "IND", "JPN", "KEN", "MEX", "NOR", "IRL", "GAB", "GHA", "ALB"]


def _row(sym: str, day: str, title: str, yes: int = 15, no: int = 0, abstain: int = 0, **kw: object) -> dict:
    return {"decision_id": sym, "draft": sym, "date": day, "kind": "draft_resolution", "adopted": True,
            "yes": yes, "no": no, "abstain": abstain, "vetoed_by": [], "title": title, "topic": kw.pop("topic", ""),
            "failure_reason": "none", **kw}  # fmt: skip


def _unanimous(sym: str, day: str, title: str) -> dict:
    return _row(sym, day, title, votes={"Y": ["USA", "GBR", "FRA", "RUS", "CHN", *_ELECTED]})


def test_a_member_vote_that_nearly_every_member_cast_tells_little_so_false_claims_do_not_hide_the_dated_veto() -> None:
    veto = _row("S/2031/500", "2031-06-20", "Maintenance of peace and security of Freedonia", yes=10, no=1, abstain=4,
                adopted=False, failure_reason="veto", vetoed_by=["RUS"],
                votes={"Y": ["USA", "GBR", "FRA", *_ELECTED[2:]], "N": ["RUS"], "A": ["CHN", "BRA", "IND"]})  # fmt: skip
    rows = [veto, _unanimous("S/2031/490", "2031-06-19", "Maintenance of international peace and security"),
            _unanimous("S/2031/450", "2031-06-02", "The situation in Ruritania")]  # fmt: skip
    # a report with the day right and one true member vote, but three false "in favour" and a false count: the three
    # "in favour" fit the unanimous vote of the day before, where every member voted yes, so they say next to nothing
    text = (
        "The Security Council voted on 20 June 2031. Russia voted against the draft. China voted in favour. "
        "Brazil voted in favour. India voted in favour. It received 12 votes in favour."
    )
    rep = check(text, date="2031-06-20", record=MemoryRecord(rows))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/500"
    verdicts = {(c.field, c.member): c.verdict.value for c in rep.claims}
    assert verdicts[("vote", "CHN")] == "contradicted" and verdicts[("vote", "RUS")] == "supported"
    # the lone "no" of the veto is worth more than a "yes" of the unanimous vote
    best = rep.candidates[0]
    assert best.symbol == "S/2031/500" and "RUS no fits" in (best.evidence or ())


def _admissions() -> list[dict]:
    return [
        _row(
            "S/2030/880",
            "2030-11-15",
            "Admission of new Members",
            yes=14,
            no=1,
            adopted=False,
            failure_reason="veto",
            vetoed_by=["USA"],
        ),
        _row("S/2031/410", "2031-07-16", "Admission of new Members", resolution="9413 (2031)", resolution_number=9413),
        _row("S/2031/380", "2031-07-02", "The situation in Ruritania"),
    ]


def _reading(recent_event: bool) -> object:
    """A reading (as the claim reader might hand it over) whose main sentences are the old veto, dated eight months
    before the page, and whose other sentence names this week's resolution."""
    import datetime as dt

    from unsc.news.extract import Claim, Event, Extraction
    from unsc.news.text import Article

    old = "On 15 November 2030 fourteen members backed the admission and the lone American no was a veto."
    new = "The recommendation, resolution 9413, passed with every vote."
    claims = [Claim("date", "2030-11-15", old), Claim("yes", 14, old), Claim("no", 1, old),
              Claim("outcome", "vetoed", old)]  # fmt: skip
    events = [Event(0, "main", "", dates=[(dt.date(2030, 11, 15), "text", "15 November 2030")])]
    if recent_event:
        claims += [Claim("resolution", "9413", new, event=1), Claim("unanimous", True, new, event=1)]
        events.append(Event(1, "undated", new))
    return Extraction(claims, Article([old, new]), article_date=dt.date(2031, 7, 17), events=events)


def test_the_report_is_about_the_vote_of_its_week_not_the_old_one_it_recalls_by_date() -> None:
    rep = check(_reading(True), record=MemoryRecord(_admissions()))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/410"
    by_vote = {(c.field, c.decision, c.verdict.value) for c in rep.claims}
    # the old vote's claims are checked against the old vote, and hold there
    assert ("yes", "S/2030/880", "supported") in by_vote and ("outcome", "S/2030/880", "supported") in by_vote
    assert ("unanimous", "S/2031/410", "supported") in by_vote
    assert [o.decision.symbol for o in rep.other_votes if o.decision] == ["S/2030/880"]
    # a text that speaks of the old vote alone (a fact-check, a guide) keeps it
    alone = check(_reading(False), record=MemoryRecord(_admissions()))
    assert alone.decision is not None and alone.decision.symbol == "S/2030/880"


def test_an_html_pages_headline_opens_the_report_as_a_pasted_texts_first_line_does() -> None:
    from unsc.news import extract_claims
    from unsc.news.text import read_article

    page = (
        "<html><head><title>Site</title></head><body><nav><a>Home</a> <a>World</a></nav>"
        "<h1>Russia vetoes Freedonia ceasefire text</h1><article>"
        "<p>The draft had the backing of 13 Council members at Thursday's meeting; China abstained.</p>"
        "</article><aside class='related'><h3>Related</h3><ul><li>France vetoes a text on 1 May</li></ul></aside>"
        "</body></html>"
    )
    art = read_article(page)
    assert art.paragraphs[0] == "Russia vetoes Freedonia ceasefire text" and art.title == art.paragraphs[0]
    assert not any("France" in p for p in art.paragraphs)  # the clutter still goes
    claims = {(c.field, c.member, c.claimed) for c in extract_claims(page, "2031-06-20").claims}
    assert ("veto", "RUS", True) in claims and ("yes", None, 13) in claims
    # a headline the body repeats is read once
    twice = page.replace("<article>", "<article><h1>Russia vetoes Freedonia ceasefire text</h1>", 1)
    twice = twice.replace("<h1>Russia vetoes Freedonia ceasefire text</h1><article>", "<article>", 1)
    assert read_article(twice).paragraphs.count("Russia vetoes Freedonia ceasefire text") == 1


def test_a_page_that_marks_no_article_is_read_from_its_story_column_not_its_rail_of_teasers() -> None:
    from unsc.news.text import read_article

    story = "".join(
        f"<p>{s}</p>"
        for s in (
            "The Security Council on Thursday extended the Freedonia observer mission for twelve months.",
            "Thirteen members voted in favour of the text and two abstained, citing the cost of the mission.",
        )
    )
    teasers = "".join(
        f"<div class='box'><p>{t}</p></div>" for t in ("France vetoes a text, 9-6", "US blocks draft 14-1")
    )
    page = (
        f"<html><body><div class='top'><a>Home</a> | <a>World</a> | <a>Opinion</a></div>"
        f"<div class='wrap'><div class='col'><h1>Freedonia mission extended</h1>{story}</div>"
        f"<div class='aside-box'><h2>Elsewhere</h2>{teasers}</div></div></body></html>"
    )
    paras = read_article(page).paragraphs
    assert paras[0] == "Freedonia mission extended" and any("Thirteen members" in p for p in paras)
    assert not any("vetoes" in p or "blocks" in p for p in paras)


def test_a_veto_in_the_lead_is_the_news_though_the_headline_looks_to_the_general_assembly() -> None:
    rows = [
        _row(
            "S/2031/600",
            "2031-06-30",
            "The situation in Freedonia",
            yes=12,
            no=1,
            abstain=2,
            adopted=False,
            failure_reason="veto",
            vetoed_by=["FRA"],
        ),
        _row("S/2031/560", "2031-06-12", "The situation in Ruritania"),
    ]
    text = (
        "Veto sinks Freedonia text as its backers look to the General Assembly\n\n"
        "UNITED NATIONS, July 1, 2031 - A draft resolution on a ceasefire in Freedonia was vetoed in the Security "
        "Council on Monday night.\n\n"
        "Its sponsors said they would now bring the question to the General Assembly in the autumn, where no member "
        "has a veto."
    )
    rep = check(text, date="2031-07-01", record=MemoryRecord(rows))
    assert rep.status.value == "matched" and rep.decision is not None and rep.decision.symbol == "S/2031/600"
    assert {(c.field, c.verdict.value) for c in rep.claims} >= {("outcome", "supported"), ("date", "supported")}
    # the Assembly's own vote a week after the veto is that report's news: no Council vote of its own
    later = (
        "Assembly deplores Freedonia veto\n\n"
        "UNITED NATIONS, July 8, 2031 - The General Assembly voted 120 to 9 on Tuesday to deplore the veto cast in "
        "the Security Council on June 30 against a ceasefire in Freedonia."
    )
    assert check(later, date="2031-07-08", record=MemoryRecord(rows)).status.value == "no_vote"


def _week(friday_yes: int, friday_day: str = "2031-06-13") -> list[dict]:
    return [
        _row(
            "S/2031/302", "2031-06-11", "The situation in Ruritania", resolution="9464 (2031)", resolution_number=9464
        ),
        _row(
            "S/2031/311",
            friday_day,
            "The situation in Freedonia",
            yes=friday_yes,
            abstain=15 - friday_yes,
            resolution="9466 (2031)",
            resolution_number=9466,
        ),
        _row("S/2031/280", "2031-05-30", "The situation in Ruritania"),
    ]


_NEWSLETTER = (
    "THE COUNCIL THIS WEEK\nSaturday, June 14, 2031\n\n"
    "Two renewals this week, and only one of them without a fight.\n\n"
    "RURITANIA\nOn Wednesday the Council renewed the Ruritania observer mission for a year. Resolution 9464 passed "
    "unanimously.\n\n"
    "FREEDONIA\nOn Friday the Council voted again, and this time it split. Resolution 9466 keeps the Freedonia "
    "mission going until December. Thirteen members voted for it; Russia and Brazil abstained."
)


def test_a_roundup_of_the_week_is_about_the_one_vote_that_divided_the_council() -> None:
    rep = check(_NEWSLETTER, date="2031-06-14", record=MemoryRecord(_week(13)))
    assert rep.decision is not None and rep.decision.symbol == "S/2031/311"
    by_vote = {(c.field, c.decision, c.verdict.value) for c in rep.claims}
    assert ("unanimous", "S/2031/302", "supported") in by_vote and ("yes", "S/2031/311", "supported") in by_vote
    # the renewal told first stays the main vote when the other was not divided either (the text's 13 is then wrong)
    same = check(_NEWSLETTER, date="2031-06-14", record=MemoryRecord(_week(15)))
    assert same.decision is not None and same.decision.symbol == "S/2031/302"


def _as_page(text: str, article: bool) -> str:
    """A corpus text laid out as a news page with its clutter: a menu, a byline, a share bar, a rail of teasers about
    other votes, comments; the story inside <article> or (``article=False``) in plain <div>s."""
    import html
    import re

    from unsc.news.text import read_article

    paras = read_article(text).paragraphs
    head = len(paras) > 1 and len(paras[0].split()) < 20 and not re.search(r"[.!?\"”]$", paras[0])
    h1 = f"<h1>{html.escape(paras[0])}</h1>" if head else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in (paras[1:] if head else paras))
    teasers = "".join(
        f"<div class='box'><p>{t}</p></div>" for t in ("A veto by France, 9-6, on 1 May", "US blocks text")
    )
    story = (
        f"<article>{h1}{body}</article>"
        if article
        else f"<div class='col'>{h1}<div class='byline'>By our desk</div>{body}</div>"
    )
    return (f"<html><body><nav><a>Home</a> <a>World</a></nav>{story}<div class='share'>Share on X</div>"
            f"<div class='rail'><h2>Latest</h2>{teasers}</div>"
            f"<section id='comments'><p>Russia vetoed it 10-5 on 2 May.</p></section></body></html>")  # fmt: skip


def test_every_development_text_reads_the_same_laid_out_as_a_cluttered_page() -> None:
    import json
    from pathlib import Path

    from unsc.news import extract_claims

    texts = sorted((Path(__file__).parent / "articles").glob("*.txt"))
    assert len(texts) > 40
    for path in texts:
        text = path.read_text(encoding="utf-8")
        day = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["article_date"]
        want = sorted(map(repr, (c.key() for c in extract_claims(text, day).claims)))
        for article in (True, False):
            got = sorted(map(repr, (c.key() for c in extract_claims(_as_page(text, article), day).claims)))
            assert got == want, (path.name, article)
