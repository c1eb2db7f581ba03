"""The server-rendered pages on the store built from the fixture sources: content, links, accessibility basics."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

PAGES = [
    "/api-docs",
    "/",
    "/search?q=middle",
    "/decisions/S/2024/239",
    "/members",
    "/members/RUS",
    "/vetoes",
    "/power",
    "/decide",
    "/check",
]


def soup(client, url=None, status=200):
    if isinstance(client, str):  # already HTML
        return BeautifulSoup(client, "html.parser")
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    return BeautifulSoup(r.text, "html.parser")


def test_vote_page_shows_roll_call_outcome_and_why(client):
    page = soup(client, "/decisions/S/2024/239")
    assert page.select_one("#outcome").get_text() == ("Not adopted (vetoed by China and the Russian Federation)")
    assert page.select_one("#tally").get_text() == "11-3-1"
    assert page.select_one("#explanation").get_text().startswith("Not adopted: vetoed by China and the Russian")
    rows = page.select("table.rollcall tbody tr")
    assert len(rows) == 15
    labels = {r.th.a.get_text(): r.td.get_text(strip=True) for r in rows}
    assert labels["Russian Federation"] == "No" and labels["Guyana"] == "Abstain" and labels["Malta"] == "Yes"
    assert {r["class"][0] for r in rows} == {"vote-Y", "vote-N", "vote-A"}  # coloured by vote class, and labelled
    hrefs = [a["href"] for a in page.select("a[rel=external]")]
    assert any(h.startswith("https://documents.un.org/") and "S/PV.9584" in h for h in hrefs)
    assert any(h.startswith("https://documents.un.org/") and "S/2024/239" in h for h in hrefs)
    assert any(h.startswith("https://digitallibrary.un.org/") for h in hrefs)


def test_vote_page_for_adopted_resolution_and_absence(client):
    page = soup(client, "/decisions/S/1511")
    assert page.select_one("#outcome").get_text() == "Adopted as resolution 83 (1950)"
    assert "USSR" in page.get_text() and "Did not vote" in page.get_text()


def test_vote_page_other_symbol_redirects_to_canonical(client):
    r = client.get("/decisions/2728 (2024)", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == "/decisions/S/2024/254"
    assert "Adopted as resolution 2728 (2024)" in client.get("/decisions/2728 (2024)").text


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/vote/S/2024/239", "/decisions/S/2024/239"),
        ("/vote/2728 (2024)", "/decisions/2728%20(2024)"),
        ("/vote/S/PV.474#1", "/decisions/S/PV.474"),  # a fragment never reaches the server
        ("/vote/S/PV.474%231?x=1", "/decisions/S/PV.474%231?x=1"),
    ],
)
def test_old_vote_addresses_redirect_permanently(client, old, new):
    r = client.get(old, follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == new


def test_no_page_links_to_the_old_address(client):
    for url in [*PAGES, "/members/CHN", "/members/RUS", "/search?outcome=vetoed"]:
        page = soup(client, url)
        assert not page.select("a[href^='/vote/']"), url
        assert [a["href"] for a in page.select("a[href^='/decisions/']")] or url not in ("/", "/vetoes"), url


def test_search_by_symbol_goes_to_the_vote(client):
    r = client.get("/search", params={"q": "S/2024/239"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/decisions/S/2024/239"


def test_search_page_lists_and_counts(client):
    page = soup(client, "/search?q=middle+east")
    assert "2 decisions found" in page.select_one(".count").get_text()
    assert [a.get_text() for a in page.select("table.data tbody td a")] == ["S/2024/254", "S/2024/239"]
    assert soup(client, "/search?outcome=vetoed").select_one(".count").get_text().startswith("2 decisions")


def test_member_page_history_and_vetoes(client):
    page = soup(client, "/members/CHN")
    assert page.h1.get_text() == "China"
    assert page.select_one("svg.chart title").get_text() == "Votes cast by China"
    assert "S/2024/239" in page.select_one("#vetoes-h").find_next("table").get_text()


def test_vetoes_dashboard_has_chart_and_table(client):
    page = soup(client, "/vetoes")
    charts = page.select("svg.chart")
    assert len(charts) >= 2 and charts[0].get("role") == "img"
    assert "Russian Federation: 2" in charts[0].desc.get_text()
    assert "3 vetoes cast on 2 proposals" in page.select_one(".lede").get_text()


def test_decide_form_decides(client):
    page = soup(
        client,
        "/decide?date=2024-03-22&yes=USA,GBR,FRA,JPN,KOR,MLT,CHE,SVN,ECU,MOZ,SLE&no=RUS,CHN,DZA&abstain=GUY",
    )
    assert page.select_one("#result-h").get_text() == "Not adopted"
    assert "vetoed by China and Russian Federation" in page.select_one(".tally").get_text()
    bad = soup(client, "/decide?date=2024-03-22&yes=Atlantis", status=422)
    assert "Atlantis" in bad.select_one("[role=alert]").get_text()


def test_power_and_check_pages(client):
    page = soup(client, "/power?mode=custom&size=25&threshold=15&veto=5&vetoes_needed=2")
    assert page.select_one("#council-summary").get_text().startswith("25 seats, 15 votes needed, 5 veto holders")
    assert [r.td.get_text() for r in page.select("#result table tbody tr")][:2] == ["permanent", "elected"]
    assert "9 votes needed" in soup(client, "/power?mode=date&date=2024-03-22").select_one("#council-summary").text
    assert (
        "votes needed is missing"
        in soup(client, "/power?mode=custom&size=5", status=422).select_one("[role=alert]").get_text()
    )
    text = "On Monday the Council adopted resolution 2728 (2024) by 14-0-1, with the United States abstaining."
    page = soup(client.post("/check", data={"text": text, "date": "2024-03-25"}).text)
    assert "Matched vote: S/2024/254 of 2024-03-25" in page.select_one("#check-status").get_text(" ", strip=True)
    verdicts = [td.get_text(" ", strip=True) for td in page.select("#claims tbody td:nth-of-type(3)")]
    assert verdicts and all(v.startswith("Supported") for v in verdicts[:3]), verdicts
    assert page.select_one("#text").get_text() == text  # the text stays in the box
    assert client.post("/check", data={"text": "  "}).status_code == 422


def test_unknown_vote_is_404_page(client):
    page = soup(client, "/decisions/S/1999/99999", status=404)
    assert "S/1999/99999" in page.select_one("#error-detail").get_text()
    assert soup(client, "/no/such/page", status=404).html["lang"] == "en"


def test_no_store_pages_are_503_with_reason(no_store_client):
    page = soup(no_store_client, "/decisions/S/2024/239", status=503)
    assert "unsc build" in page.select_one("#error-detail").get_text()
    home = soup(no_store_client, "/")
    assert "unavailable" in home.select_one(".notice").get_text()


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_accessible_basics(client, url):
    r = client.get(url)
    assert r.status_code in (200, 503), url
    page = BeautifulSoup(r.text, "html.parser")
    assert page.html["lang"] == "en"
    assert page.find("meta", attrs={"name": "viewport"})
    assert page.find("main") and page.find("nav") and page.find("header") and page.find("footer")
    assert len(page.find_all("h1")) == 1
    for field in page.select("input:not([type=hidden]):not([type=radio]), select, textarea"):
        assert field.get("id") and page.find("label", attrs={"for": field["id"]}), (url, str(field)[:80])
    for radio in page.select("input[type=radio]"):
        assert radio.find_parent("label"), url
    for table in page.select("table"):
        assert table.caption and table.caption.get_text(strip=True), url
    assert not page.select('[src^="http"], link[href^="http"], script[src]'), "no external resources"
    assert client.get("/static/style.css").status_code == 200


def test_adopted_without_a_vote_shows_no_tally(real_client):
    # res. 1733 (2006), the tribute to Kofi Annan, was adopted by acclamation: "Vote: 0-0-0" would be a wrong fact
    page = soup(real_client, "/decisions/S/2006/1011")
    assert page.select_one("#outcome").get_text() == "Adopted as resolution 1733 (2006)"
    assert page.select_one("#tally") is None
    assert "by acclamation" in page.select_one("#no-vote").get_text()
    # res. 918 (1994) was adopted without a vote
    assert "without a vote" in soup(real_client, "/decisions/S/1994/571").select_one("#no-vote").get_text()
    recorded = soup(real_client, "/decisions/S/2024/239")
    assert recorded.select_one("#no-vote") is None and recorded.select_one("#tally").get_text() == "11-3-1"


def test_sponsors_are_listed_with_spaces_so_they_wrap_on_a_phone(real_client):
    sponsors = soup(real_client, "/decisions/S/2016/845").select_one("#sponsors").get_text()
    assert sponsors.startswith("Angola, China, Egypt, France, ") and ",," not in sponsors
    assert all(part == part.strip() and part for part in sponsors.split(", "))


def test_search_takes_a_year_range(client):
    by_year = soup(client, "/search?since=1950&until=1950")
    by_date = soup(client, "/search?since=1950-01-01&until=1950-12-31")
    rows = [a.get_text() for a in by_year.select("table a[href^='/decisions/']")]
    assert rows and rows == [a.get_text() for a in by_date.select("table a[href^='/decisions/']")]
    assert soup(client, "/search?since=1951&until=1951").select("table a[href^='/decisions/S/1511']") == []
    bad = soup(client, "/search?since=19x0", status=422).get_text()
    assert "bad date '19x0'" in bad and "a year" in bad


# -- issue 13: pages as readers see them -----------------------------------------------------------


def test_1950_vote_names_the_republic_of_china_properly_cased(client):
    # the source writes "CHINA" in capitals; the seat was the Republic of China's until 25 October 1971
    page = soup(client, "/decisions/S/1511")
    names = [r.th.a.get_text() for r in page.select("table.rollcall tbody tr")]
    assert "Republic of China" in names and "CHINA" not in names and "China" not in names
    assert all(not n.isupper() or n in ("USSR",) for n in names), names
    assert {"United States", "Yugoslavia", "USSR", "Egypt"} <= set(names)
    today = [r.th.a.get_text() for r in soup(client, "/decisions/S/2024/239").select("table.rollcall tbody tr")]
    assert "China" in today and "Republic of China" not in today


def test_decision_table_keeps_every_column_and_stacks_for_a_phone(client):
    table = soup(client, "/search?since=2024&until=2024").select_one("table.decisions")
    head = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert head == ["Date", "Symbol", "Title", "Outcome", "Vote (yes-no-abst.)"]
    row = next(r for r in table.select("tbody tr") if "S/2024/239" in r.get_text())
    stacked = row.select_one(".col-symbol .narrow-only").get_text(" ", strip=True)
    assert stacked.startswith("2024-03-22") and "Middle East" in stacked  # date and title under the symbol
    assert row.select_one(".col-vote").get_text() == "11-3-1"
    assert "by China, the Russian Federation" in row.select_one(".col-outcome").get_text(" ", strip=True)


@pytest.mark.parametrize(
    ("query", "boxes"),
    [
        ("since=2024&until=2024-03", {"since": "2024", "until": "2024-03"}),
        (
            "q=middle&since=2022-02-25&member=France&outcome=vetoed",
            {"q": "middle", "since": "2022-02-25", "member": "France"},
        ),
    ],
)
def test_search_keeps_its_filters_in_its_boxes(client, query, boxes):
    page = soup(client, f"/search?{query}")
    for name, value in boxes.items():
        box = page.select_one(f"form.search [name={name}]")
        assert box["value"] == value and box.get("type") in ("text", "search", None), (name, box)
    if "outcome=vetoed" in query:
        assert page.select_one("#outcome option[selected]")["value"] == "vetoed"
    assert page.select_one("form.search details").has_attr("open")


def test_search_with_a_bad_filter_keeps_the_form_and_says_why(client):
    r = client.get("/search", params={"since": "2024-13", "member": "France", "q": "middle"})
    page = soup(r.text)
    assert r.status_code == 422 and "since: bad date '2024-13'" in page.select_one("#problem").get_text()
    assert page.select_one("#since")["value"] == "2024-13" and page.select_one("#member")["value"] == "France"
    assert page.select_one("#q")["value"] == "middle"


def test_vetoes_table_shows_a_short_note_never_the_build_note(client):
    page = soup(client, "/vetoes")
    text = page.get_text(" ")
    assert "voting_agent" not in text and "named by" not in text and "DHL" not in text
    row = next(r for r in page.select("table.data tr") if "S/2024/239" in r.get_text())
    assert "not in the UN Library's veto list" in row.get_text()
    old = next(r for r in page.select("table.data tr") if "S/2022/155" in r.get_text())
    assert old.select_one("small.muted") is None  # on the Library's list, a draft resolution: nothing to add
    assert "/api/vetoes" in page.select_one("#veto-list-note a")["href"]
    member = soup(client, "/members/CHN").get_text(" ")
    assert "voting_agent" not in member and "not in the UN Library's veto list" in member
    api = client.get("/api/vetoes").json()["items"]  # the data stays in the JSON API
    assert any("named by voting_agent" in (v.get("note") or "") for v in api)


def test_news_check_says_words_not_true_or_false(client):
    report = (
        "Russia and China on Friday vetoed a U.S.-led draft resolution (S/2024/239) at the United Nations "
        "Security Council. Eleven members voted in favour, three against and Guyana abstained."
    )
    r = client.post("/check", data={"text": report, "date": "2024-03-22"})
    page = soup(r.text)
    cells = [td.get_text(" ", strip=True) for td in page.select("#claims td")]
    assert r.status_code == 200 and cells
    assert not {"True", "False"} & set(cells), cells
    vetoes = [tr for tr in page.select("#claims tbody tr") if tr.th.get_text().startswith("veto")]
    assert vetoes and all(tr.select("td")[0].get_text() == tr.select("td")[1].get_text() == "vetoed" for tr in vetoes)


def test_live_form_offers_a_date_it_can_start_on(client, unseated_store):
    import datetime as dt

    from fastapi.testclient import TestClient

    from unsc.web import create_app

    # a store without the membership list knows no elected members: no date is offered, and the form says why
    unseated = TestClient(create_app(store_path=unseated_store))
    page = soup(unseated.get("/live").text)
    assert page.select_one("#date")["value"] == ""
    assert "type its elected members" in page.select_one("#date-note").get_text()

    # the fixture store seats the Councils of 1950, 2022 and 2024 (as a store built before today's members are published)
    page = soup(client.get("/live").text)
    offered = page.select_one("#date")["value"]
    assert offered == ("2024-03-25" if dt.date.today().year != 2024 else dt.date.today().isoformat())
    assert "last vote was on 2024-03-25" in page.select_one("#date-note").get_text() or offered != "2024-03-25"
    r = client.post("/live", data={"mode": "date", "date": offered}, follow_redirects=False)
    assert r.status_code == 303, r.text[:500]  # the offered date starts a session as it stands


def test_a_member_that_did_not_participate_is_said_so(real_client):
    # res. 338 (1973): 14-0-0, China present and not participating (the Library's table), never "abstained"
    page = soup(real_client, "/decisions/S/RES/338(1973)")
    assert page.select_one("#tally").get_text() == "14-0-0"
    row = next(tr for tr in page.select("table.rollcall tr") if "China" in tr.get_text())
    assert "Did not participate" in row.get_text()


def test_api_docs_summaries_are_sentences_not_function_names(tmp_path) -> None:
    """FastAPI titles an operation without a summary after its function ("Api Decisions"); the OpenAPI document and
    /api-docs give the docstring's first sentence instead, and /api-docs does not repeat it below."""
    from fastapi.testclient import TestClient

    from unsc.web import create_app

    client = TestClient(create_app(store_path=tmp_path / "none.duckdb"))
    ops = [op for item in client.get("/openapi.json").json()["paths"].values() for op in item.values()]
    summaries = [op["summary"] for op in ops]
    assert not [s for s in summaries if s.startswith("Api ")], summaries
    assert "Every state that sat on the Council" in summaries
    page = client.get("/api-docs").text
    assert "Api Decisions" not in page and page.count("Every state that sat on the Council") == 1
    assert "<code>total</code>" in page and "``" not in page
