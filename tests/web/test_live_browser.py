"""A live session end to end in real headless Chromium: the President's page and two delegations' pages
(one on a phone-sized screen) stay in step through the event stream, without reloading.

Uses the server, browser and screenshot helpers of ``tests/web/conftest.py``. Screenshots go to
``test-artifacts/web/live_*.png``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import free_port, real_store_path, serve, shot
from unsc.web import create_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """uvicorn on a free port, with its own sessions database and that port as the public URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    db = tmp_path_factory.mktemp("live") / "live.sqlite3"
    old = os.environ.get("UNSC_PUBLIC_URL")
    os.environ["UNSC_PUBLIC_URL"] = url
    try:
        try:
            app, store = create_app(store_path=real_store_path(request), sessions_file=db), "real"
        except pytest.skip.Exception:
            app, store = create_app(store_path=request.getfixturevalue("unseated_store"), sessions_file=db), "fixture"
    finally:
        if old is None:
            os.environ.pop("UNSC_PUBLIC_URL", None)
        else:
            os.environ["UNSC_PUBLIC_URL"] = old
    with serve(app, port) as served:
        yield {"url": served, "store": store, "db": Path(db)}


ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]


def test_chair_and_delegates_in_step(server, browser, page, phone):
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
    page.wait_for_url(re.compile(r"/live/[\w-]+$"))  # no token in the address bar
    sid = page.url.split("/live/")[1]
    links = {i.get_attribute("id").removeprefix("link-"): i.input_value() for i in page.locator("input.link").all()}
    assert len(links) == 15 and all(u.startswith(f"{base}/live/{sid}/k/") for u in links.values())
    expect(page.locator("input.link").first).to_be_hidden()  # hidden until the chair asks
    page.get_by_text("Show the delegates' links and QR codes").click()
    page.locator("#link-row-FRA summary").click()
    expect(page.locator("#link-row-FRA .qr svg")).to_be_visible()
    shot(page, "live_chair_links")
    if server["store"] == "real":
        assert "Elected members: from the record store" in page.locator(".lede").inner_text()

    # two delegations open their links before any vote: they wait
    phone.goto(links["USA"])
    expect(phone).to_have_url(f"{base}/live/{sid}")  # the link's token went into a cookie
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
            assert (
                http.post(f"/api/live/{sid}/vote", json={"token": token, "number": 1, "vote": vote}).status_code == 200
            )
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

    # a phone that slept through vote 1 (no script ran) presses "No" after vote 2 opened: refused, and told
    asleep = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, java_script_enabled=False)
    gbr = asleep.new_page()
    gbr.set_default_timeout(15_000)
    page.get_by_label("Question", exact=True).fill("Amendment to operative paragraph 2")
    page.get_by_role("button", name="Open the vote").click()
    expect(page.locator("#question")).to_have_text("Amendment to operative paragraph 2")
    page.get_by_role("button", name="Close the vote and announce the result").click()
    gbr.goto(links["GBR"])  # it shows vote 2 (closed) ... then the chair opens vote 3
    page.get_by_label("Question", exact=True).fill("Draft resolution S/2024/240")
    page.get_by_role("button", name="Open the vote").click()
    expect(page.locator("#question")).to_have_text("Draft resolution S/2024/240")
    gbr.goto(links["GBR"])  # woke up on vote 3 ... and the chair closes it and opens vote 4
    page.get_by_role("button", name="Close the vote and announce the result").click()
    page.get_by_label("Question", exact=True).fill("Procedural: adjourn")
    page.get_by_role("button", name="Open the vote").click()
    expect(page.locator("#question")).to_have_text("Procedural: adjourn")
    gbr.get_by_role("button", name=re.compile("^No")).click()
    expect(gbr.locator("#problem")).to_contain_text("vote 3 is closed and your vote was not counted")
    expect(gbr.locator("#problem")).to_contain_text("vote 4 is open now: Procedural: adjourn")
    expect(gbr.locator("#your-h")).to_contain_text("Vote 4: Procedural: adjourn")
    expect(page.locator("#seat-GBR")).to_contain_text("Not voted yet")
    shot(gbr, "live_delegate_phone_stale_vote")
    asleep.close()


def test_floor_request_and_clock_in_step(server, page, phone):
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
    page.goto(f"{server['url']}/live/{sid}/k/{chair}")
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


def test_conference_overview(server, page, phone):
    from playwright.sync_api import expect

    base = server["url"]
    page.goto(base + "/live/conference")
    page.get_by_label("Committees").fill(
        'title = "Model UN 2026"\n'
        + "".join(
            f'[[committee]]\nname = "Security Council {c}"\ndate = "2024-03-22"\nelected = {ELECTED_2024!r}\n'.replace(
                "'", '"'
            )
            for c in "ABC"
        )
        + '[[committee]]\nname = "Reformed Council (G4)"\nscenario = "g4"\n'
    )
    shot(page, "live_conference_new")
    page.get_by_role("button", name="Create the committees").click()
    page.wait_for_url(re.compile(r"/live/conference/[\w-]+$"))
    chair_a = page.locator("#committee-1 input.link").input_value()
    with httpx.Client(timeout=10, follow_redirects=True) as http:
        http.get(chair_a)
        sid = str(http.get(chair_a).url).rsplit("/", 1)[1]
        http.post(f"{base}/api/live/{sid}/open", json={"question": "Draft resolution S/2024/239"})
        for code in ["USA", "FRA", "GBR"]:
            http.post(f"{base}/api/live/{sid}/vote", json={"number": 1, "seat": code, "vote": "Y"})
    page.reload()
    expect(page.locator("#committee-1")).to_contain_text("Vote 1 open")
    expect(page.locator("#committee-1")).to_contain_text("3 yes of 9 needed")
    shot(page, "live_conference")
    phone.goto(page.url)
    expect(phone.locator("h1")).to_have_text("Model UN 2026")
    shot(phone, "live_conference_phone")


def test_chair_links_and_qr_codes_on_a_phone(server, phone):
    """A chair running the session from a phone: links hidden until asked, a QR code that fits."""
    from playwright.sync_api import expect

    with httpx.Client(base_url=server["url"], timeout=10) as http:
        s = http.post("/api/live", json={"date": "2024-03-22", "elected": ELECTED_2024, "title": "Phone chair"}).json()
    phone.goto(f"{server['url']}/live/{s['id']}/k/{s['chair_token']}")
    expect(phone).to_have_url(f"{server['url']}/live/{s['id']}")
    expect(phone.locator("#link-JPN")).to_be_hidden()
    phone.get_by_text("Show the delegates' links and QR codes").click()
    phone.locator("#link-row-JPN summary").click()
    qr = phone.locator("#link-row-JPN .qr svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # nothing runs off the screen
    phone.locator("#link-row-JPN").scroll_into_view_if_needed()
    shot(phone, "live_chair_phone_links", full=False)
