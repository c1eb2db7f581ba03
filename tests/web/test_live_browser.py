"""A live session end to end in real headless Chromium: the President's page and two delegations' pages
(one on a phone-sized screen) stay in step through the event stream, without reloading.

Uses the server, browser and screenshot helpers of ``tests/web/test_browser.py``. Screenshots go to
``test-artifacts/web/live_*.png``."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.web.test_browser import browser, page, phone, server, shot  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]


def test_chair_and_delegates_in_step(server, browser, page, phone):  # noqa: F811
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    base = server["url"]
    page.goto(base + "/live")
    shot(page, "live_new")
    page.get_by_label("Title").fill("Gaza ceasefire, 22 March 2024")
    page.get_by_label("Date", exact=True).fill("2024-03-22")
    if server["store"] == "fixture":  # the built store knows the elected members of the date; the fixture does not
        page.get_by_label("Elected members").fill(", ".join(ELECTED_2024))
    page.get_by_role("button", name="Start the session").click()
    page.wait_for_url(re.compile(r"/live/[\w-]+\?chair="))
    sid = page.url.split("/live/")[1].split("?")[0]
    links = {i.get_attribute("id").removeprefix("link-"): i.input_value() for i in page.locator("input.link").all()}
    assert len(links) == 15 and all(f"/live/{sid}/seat/" in u for u in links.values())
    if server["store"] == "real":
        assert "Elected members: from the record store" in page.locator(".lede").inner_text()

    # two delegations open their links before any vote: they wait
    phone.goto(links["USA"])
    other = browser.new_context(viewport={"width": 1000, "height": 800})
    rus = other.new_page()
    rus.set_default_timeout(15_000)
    rus.goto(links["RUS"])
    expect(rus.locator("#no-vote")).to_contain_text("Wait for the President")
    for p in (page, phone, rus):
        p.evaluate("window.__notReloaded = true")

    # the President opens the vote; the delegations' pages show the question and the buttons by themselves
    page.get_by_label("Question", exact=True).fill("Draft resolution S/2024/239")
    page.get_by_role("button", name="Open the vote").click()
    expect(page.locator("#yes-count")).to_have_text("0")
    expect(phone.locator("#question")).to_have_text("Draft resolution S/2024/239")
    expect(rus.get_by_role("button", name=re.compile("^No"))).to_be_visible()

    phone.get_by_role("button", name=re.compile("^Yes")).click()
    expect(phone.locator("#vote-Y")).to_have_attribute("aria-pressed", "true")
    expect(phone.locator("#own-vote")).to_contain_text("Your vote: Yes")
    rus.get_by_role("button", name=re.compile("^No")).click()
    expect(rus.locator("#own-vote")).to_contain_text("Your vote: No")

    # the President's tally follows without a reload: 1 yes, a Russian no that is not (yet) a veto
    expect(page.locator("#yes-count")).to_have_text("1")
    expect(page.locator("#veto-state")).to_contain_text("The Russian Federation voted no, but with 1 vote in favour")
    expect(page.locator("#seat-RUS")).to_contain_text("No")

    # the other delegations vote from their own links (the API their pages use)
    rest = dict.fromkeys(["GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"], "Y")
    rest |= {"CHN": "N", "DZA": "N"}
    with httpx.Client(base_url=base, timeout=10) as http:
        for code, vote in rest.items():
            token = links[code].rsplit("/", 1)[1]
            assert http.post(f"/api/live/{sid}/vote", json={"token": token, "vote": vote}).status_code == 200
        usa = links["USA"].rsplit("/", 1)[1]
        assert http.post(f"/api/live/{sid}/close", json={"token": usa}).status_code == 403
    expect(page.locator("#yes-count")).to_have_text("11")
    expect(page.locator("#not-voted")).to_have_text("1")
    expect(page.locator("#veto-state")).to_contain_text("Veto: China and the Russian Federation voted no")
    expect(page.locator("#if-closed")).to_contain_text("not adopted — veto")
    expect(phone.locator("#veto-state")).to_contain_text("Veto:")
    shot(page, "live_chair_open")
    shot(phone, "live_delegate_phone_open")

    # the President closes the vote: Guyana has not voted and is counted absent; everyone sees the result
    page.get_by_role("button", name="Close the vote and announce the result").click()
    expect(page.locator("#president")).to_contain_text("11 votes in favour, 3 against and no abstentions")
    expect(page.locator("#closing-note")).to_contain_text("Guyana had not voted")
    expect(rus.locator("#result-h")).to_have_text("Vote 1: Not adopted (veto)")
    expect(rus.locator("#president")).to_contain_text("owing to the negative vote of a permanent member")
    expect(rus.locator("#explanation")).to_contain_text("vetoed by China and the Russian Federation")
    expect(phone.locator("#own-vote")).to_contain_text("You voted: Yes")
    expect(phone.get_by_role("button", name=re.compile("^Yes"))).to_have_count(0)  # votes are final
    expect(page.get_by_role("button", name="Open the vote")).to_be_visible()
    for p in (page, phone, rus):
        assert p.evaluate("window.__notReloaded") is True
    shot(page, "live_chair_closed")
    shot(phone, "live_delegate_phone_closed")
    shot(rus, "live_delegate_closed")
    other.close()


def test_floor_request_and_clock_in_step(server, page, phone):  # noqa: F811
    """A delegate asks for the floor from a phone; the request appears on the President's page without a
    reload; once called, the speaker's clock shows and counts down on the delegate's page."""
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    with httpx.Client(base_url=server["url"], timeout=10) as http:
        r = http.post("/api/live", json={"date": "2024-03-22", "elected": ELECTED_2024, "title": "Floor"})
        assert r.status_code == 201
        s = r.json()
    sid, chair = s["id"], s["chair_token"]
    links = {x["code"]: x["url"] for x in s["links"]}
    page.goto(f"{server['url']}/live/{sid}?chair={chair}")
    phone.goto(links["MLT"])
    for p in (page, phone):
        p.evaluate("window.__notReloaded = true")

    phone.get_by_role("button", name="Ask for the floor").click()
    expect(phone.locator("#floor-state")).to_contain_text("You have asked for the floor")
    expect(page.locator("#request-MLT")).to_contain_text("Malta")
    page.locator("#grant-MLT").click()
    expect(page.locator("#speaker-MLT")).to_contain_text("Malta")
    expect(phone.locator("#floor-state")).to_contain_text("You are number 1 on the speakers list")

    page.get_by_label("Time per speaker (seconds, 0: none)").fill("90")
    page.get_by_role("button", name="Set the time limit").click()
    page.get_by_role("button", name="Next speaker: Malta").click()
    expect(phone.locator("#floor-state")).to_contain_text("You have the floor")
    expect(phone.locator("#speaker-name")).to_have_text("Malta")
    expect(phone.locator("#timer-note")).to_contain_text("left of 1:30")
    expect(phone.locator("#timer-clock")).to_have_text(re.compile(r"^1:2\d$"))  # counted down locally
    page.get_by_role("button", name="Pause the clock").click()
    expect(phone.locator("#timer-note")).to_contain_text("(paused)")
    for p in (page, phone):
        assert p.evaluate("window.__notReloaded") is True
    shot(page, "live_chair_floor")
    shot(phone, "live_delegate_phone_floor")
