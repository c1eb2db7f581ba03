"""Live sessions over HTTP (TestClient): the JSON API, the event stream, and the pages without JavaScript."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from fastapi import FastAPI

from unsc.record.store import Store
from unsc.web import create_app
from unsc.web.live import install
from unsc.web.store_cache import StoreCache

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
YES_239 = ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"]


class RosterStore(Store):
    """The fixture store (which seats the Council of 2024) with an incomplete membership list for 2026."""

    ROSTERS = {  # noqa: RUF012
        2024: ["CHE", "CHN", "DZA", "ECU", "FRA", "GBR", "GUY", "JPN", "KOR", "MLT", "MOZ", "RUS", "SLE", "SVN", "USA"],
        2026: ["BHR", "CHN", "COL", "DNK", "FRA", "GBR", "GRC", "LBR", "LVA", "PAK", "PAN", "RUS", "SOM", "USA"],
    }

    def roster(self, date: Any) -> list[str]:
        return list(self.ROSTERS[2026]) if str(date).startswith("2026") else super().roster(date)


@pytest.fixture
def client(tmp_path: Path, unseated_store: Path) -> TestClient:
    """On the fixture store without its membership list: the chair types the elected members."""
    return TestClient(create_app(store_path=unseated_store, sessions_file=tmp_path / "live.sqlite3"))


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def new_session(client: TestClient, **body: Any) -> dict[str, Any]:
    body = {"date": "2024-03-22", "elected": ELECTED_2024, "title": "S/2024/239"} | body
    r = client.post("/api/live", json=body)
    assert r.status_code == 201, r.text
    out = r.json()
    out["tokens"] = {link["code"]: link["url"].rsplit("/", 1)[1] for link in out["links"]}
    return out


def post(client: TestClient, sid: str, endpoint: str, **body: Any) -> Any:
    return client.post(f"/api/live/{sid}/{endpoint}", json=body)


def test_full_vote_over_the_api(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    assert s["role"] == "chair" and s["council"]["threshold"] == 9 and len(s["links"]) == 15
    assert s["council"]["roster_source"] == "typed by the chair"
    assert post(client, sid, "open", token=chair, question="Draft resolution S/2024/239").status_code == 200
    for code in YES_239:
        assert post(client, sid, "vote", token=tok[code], number=1, vote="Y").status_code == 200
    for code in ("RUS", "CHN", "DZA"):
        r = post(client, sid, "vote", token=tok[code], number=1, vote="against")
    me = r.json()
    assert me["role"] == "DZA" and me["you"] == {
        "code": "DZA",
        "name": "Algeria",
        "permanent": False,
        "vote": "N",
        "requested": False,
        "on_list": None,
        "speaking": False,
    }
    live = me["current"]["live"]
    assert (live["yes"], live["required"], live["not_voted"], live["veto_now"]) == (11, 9, 1, ["CHN", "RUS"])
    assert "links" not in me and "chair_token" not in json.dumps(me)
    public = client.get(f"/api/live/{sid}").json()
    assert public["role"] == "public" and public["current"]["live"]["veto_now"] == ["CHN", "RUS"]
    assert not any(t in json.dumps(public) for t in [chair, *tok.values()])
    r = post(client, sid, "close", token=chair)
    closed = r.json()["current"]
    assert closed["state"] == "closed" and closed["decision"]["vetoed_by"] == ["CHN", "RUS"]
    assert closed["decision"]["tally"] == "11-3-0" and "Guyana had not voted" in closed["closing_note"]
    assert "owing to the negative vote of a permanent member" in closed["president"]
    guyana = next(row for row in closed["seats"] if row["code"] == "GUY")
    assert guyana["vote"] == "absent" and guyana["label"] == "Absent"
    history = client.get(f"/api/live/{sid}", headers=bearer(chair)).json()["history"]
    assert history[0]["vetoed_by"] == ["CHN", "RUS"] and history[0]["adopted"] is False


def test_token_checks_answer_403_json(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    r = post(client, sid, "open", token=tok["USA"], question="Q")
    assert r.status_code == 403 and r.json()["error"] == "forbidden" and r.json()["detail"]
    post(client, sid, "open", token=chair, question="Q")
    r = post(client, sid, "vote", token=tok["USA"], number=1, vote="Y", seat="RUS")
    assert r.status_code == 403 and "United States only" in r.json()["detail"]
    assert post(client, sid, "close", token=tok["USA"]).status_code == 403
    assert post(client, sid, "vote", token="forged", number=1, vote="Y").status_code == 403
    assert client.get(f"/api/live/{sid}", headers=bearer("forged")).status_code == 403
    assert client.get(f"/api/live/{sid}/events", headers=bearer("forged")).status_code == 403
    # nothing was recorded by the refused requests
    assert client.get(f"/api/live/{sid}").json()["current"]["live"]["not_voted"] == 15
    assert r.headers["referrer-policy"] == "no-referrer"


def test_state_errors_404_409_422(client):
    assert client.get("/api/live/nope").json() == {
        "detail": "no live session 'nope': check the link (sessions are kept until deleted)",
        "error": "not_found",
    }
    assert client.get("/api/live/nope/events").status_code == 404
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    r = post(client, sid, "vote", token=tok["USA"], number=1, vote="Y")
    assert r.status_code == 409 and r.json()["error"] == "conflict"
    post(client, sid, "open", token=chair, question="Q")
    assert post(client, sid, "open", token=chair, question="Q2").status_code == 409
    r = post(client, sid, "vote", token=tok["USA"], number=1, vote="perhaps")
    assert r.status_code == 422 and r.json()["error"] == "bad_input"
    r = post(client, sid, "vote", token=chair, number=1, vote="Y")
    assert r.status_code == 422 and "which seat" in r.json()["detail"]
    post(client, sid, "close", token=chair)
    r = post(client, sid, "vote", token=tok["USA"], number=1, vote="N")
    assert r.status_code == 409 and "final" in r.json()["detail"]
    r = post(client, sid, "open", token=chair, question="Q", kind="sg_straw_poll")
    assert r.status_code == 422


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"date": "2024-03-22", "elected": []}, "type the 10 elected members of 2024-03-22"),
        ({"date": "1944-01-01"}, "no Security Council on 1944-01-01"),
        ({"date": None, "elected": []}, "give a date"),
        ({"scenario": "atlantis"}, "unknown scenario"),
        ({"elected": ["DZA", *ELECTED_2024[:9]]}, "elected members listed twice"),
    ],
)
def test_create_refused_with_the_reason(client, body, message):
    r = client.post("/api/live", json={"date": "2024-03-22", **body})
    assert r.status_code == 422 and r.json()["error"] == "bad_input"
    assert message in r.json()["detail"]


def test_roster_comes_from_the_record_store(fixture_store: Path):
    client = TestClient(create_app(store=RosterStore(fixture_store)))
    s = client.post("/api/live", json={"date": "2024-03-22"}).json()
    assert s["council"]["roster_source"] == "from the record store"
    assert sorted(link["code"] for link in s["links"]) == sorted(RosterStore.ROSTERS[2024])
    # an incomplete roster (2026 lists 14 members) is not trusted: the chair must type the elected members
    r = client.post("/api/live", json={"date": "2026-01-05"})
    assert r.status_code == 422 and "lists 9 elected members" in r.json()["detail"]
    typed = ["BHR", "COL", "COD", "DNK", "GRC", "LBR", "LVA", "PAK", "PAN", "SOM"]
    assert client.post("/api/live", json={"date": "2026-01-05", "elected": typed}).status_code == 201


def test_scenario_session_over_the_api(client):
    s = client.post("/api/live", json={"scenario": "g4", "elected": ["Brazil", "Germany", "India", "Japan"]}).json()
    assert (s["council"]["size"], s["council"]["threshold"], s["council"]["scenario"]) == (25, 14, "g4")
    names = [link["name"] for link in s["links"]]
    assert "Brazil" in names and "Germany" in names and "Elected seat 20" in names


def test_event_stream_is_bounded_and_carries_state(client):
    s = new_session(client)
    sid, chair = s["id"], s["chair_token"]
    post(client, sid, "open", token=chair, question="Q")
    r = client.get(f"/api/live/{sid}/events", params={"max_seconds": 0.3}, headers=bearer(chair))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = [e for e in r.text.split("\n\n") if e.startswith("event: state")]
    assert len(events) == 1
    data = json.loads(events[0].split("data: ", 1)[1])
    assert data["role"] == "chair" and data["current"]["question"] == "Q"
    assert f"id: {data['version']}" in events[0]


def test_poll_returns_at_once_when_newer_and_after_wait_otherwise(client):
    s = new_session(client)
    sid, chair = s["id"], s["chair_token"]
    v = s["version"]
    assert client.get(f"/api/live/{sid}/poll", params={"since": v - 1}).json()["version"] == v
    assert client.get(f"/api/live/{sid}/poll", params={"since": v, "wait": 0.2}).json()["version"] == v
    post(client, sid, "open", token=chair, question="Q")
    assert client.get(f"/api/live/{sid}/poll", params={"since": v, "wait": 5}).json()["version"] == v + 1
    assert client.get(f"/api/live/{sid}/poll", params={"wait": 99}).status_code == 422


def test_creation_is_limited_per_client_never_globally(tmp_path: Path):
    app = FastAPI()
    install(app, db=tmp_path / "live.sqlite3", create_limit=2)
    body = {"date": "1950-07-07", "elected": ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]}
    flooder = TestClient(app, client=("203.0.113.9", 5000))
    assert [flooder.post("/api/live", json=body).status_code for _ in range(3)] == [201, 201, 429]
    r = flooder.post("/api/live", json=body)
    assert r.json()["error"] == "limit_reached" and "other chairs are not affected" in r.json()["detail"]
    chair = TestClient(app, client=("198.51.100.7", 5000))  # another chair is not locked out
    assert chair.post("/api/live", json=body).status_code == 201
    r = chair.post("/api/live", json={**body, "title": "x" * 500})
    assert r.status_code == 422


def test_body_limit_413_and_422_never_echoes_large_input(client):
    big = "x" * 2_000_000
    r = client.post("/api/live", content=json.dumps({"title": big}), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["error"] == "too_large" and len(r.content) < 500
    r = client.post("/api/live", json={"title": "y" * 900_000})
    assert r.status_code == 422 and len(r.content) < 2_000 and "y" * 300 not in r.text
    r = client.post("/live", data={"title": "z" * 900_000})
    assert r.status_code == 422 and "z" * 300 not in r.text


def test_sessions_survive_a_restart(tmp_path: Path, fixture_store: Path):
    path = tmp_path / "live.sqlite3"
    first = TestClient(create_app(store_path=fixture_store, sessions_file=path))
    s = new_session(first)
    post(first, s["id"], "open", token=s["chair_token"], question="Q")
    post(first, s["id"], "vote", token=s["tokens"]["FRA"], number=1, vote="Y")
    second = TestClient(create_app(store_path=fixture_store, sessions_file=path))
    st = second.get(f"/api/live/{s['id']}", headers=bearer(s["tokens"]["FRA"])).json()
    assert st["you"]["vote"] == "Y" and st["current"]["live"]["yes"] == 1


def test_backend_without_store_still_runs_sessions(tmp_path: Path):
    app = FastAPI()
    install(app, StoreCache(store_path=tmp_path / "absent.duckdb"), db=":memory:")
    r = TestClient(app).post("/api/live", json={"date": "2024-03-22"})
    assert r.status_code == 422 and "no store at" not in r.json()["detail"]
    assert "type the 10 elected members" in r.json()["detail"]


# -- pages, without JavaScript --------------------------------------------------------------------------------


def test_pages_work_without_javascript(client):
    r = client.get("/live")
    assert r.status_code == 200 and 'action="/live"' in r.text and "Nine votes" in r.text
    assert '<a href="/live" aria-current="page">Live session</a>' in r.text
    r = client.post("/live", data={"mode": "date", "date": "2024-03-22"})
    assert r.status_code == 422 and "type the 10 elected members" in r.text
    r = client.post(
        "/live",
        data={"mode": "date", "date": "2024-03-22", "title": "Gaza", "elected": ", ".join(ELECTED_2024)},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["referrer-policy"] == "no-referrer"
    sid = r.headers["location"].split("/")[2]
    assert r.headers["location"] == f"/live/{sid}"  # no token in the URL: the chair's cookie holds it
    chair = client.cookies.get(f"unsc_live_{sid}")
    assert chair and "httponly" in r.headers["set-cookie"].lower() and "samesite=lax" in r.headers["set-cookie"].lower()
    page = client.get(f"/live/{sid}")
    assert page.status_code == 200 and "Delegates' links" in page.text and "Put a question to the vote" in page.text
    assert '<details id="links-details">' in page.text  # hidden until the chair asks
    assert "<svg" in page.text and "http://127.0.0.1:8000/live/" in page.text  # QR codes from the public URL
    links = client.get(f"/api/live/{sid}", headers=bearer(chair)).json()["links"]
    rus_url = next(link["url"] for link in links if link["code"] == "RUS")
    rus = rus_url.rsplit("/", 1)[1]
    r = client.post(f"/live/{sid}/open", data={"question": "Draft S/2024/239"}, follow_redirects=False)
    assert r.status_code == 303
    delegate = TestClient(client.app)
    seat_page = delegate.get(f"/live/{sid}/k/{rus}")  # the secret link: cookie, then the page without the token
    assert seat_page.url.path == f"/live/{sid}" and "Delegation of the Russian Federation" in seat_page.text
    assert 'id="vote-Y"' in seat_page.text and 'aria-pressed="false"' in seat_page.text
    assert '<input type="hidden" name="number" value="1">' in seat_page.text
    r = delegate.post(f"/live/{sid}/vote", data={"vote": "N", "number": "1"})
    assert r.status_code == 200 and r.url.path == f"/live/{sid}" and "Your vote" in r.text
    assert 'id="vote-N" class="big vote-btn vote-N" aria-pressed="true"' in r.text
    assert delegate.post(f"/live/{sid}/close").status_code == 403
    r = client.post(f"/live/{sid}/close")
    assert r.status_code == 200 and "The President:" in r.text and "Not adopted" in r.text
    # a stale form (vote 1, now closed, vote 2 open) is refused and the page says which vote is open
    client.post(f"/live/{sid}/open", data={"question": "Amendment"})
    r = delegate.post(f"/live/{sid}/vote", data={"vote": "Y", "number": "1"})
    assert r.status_code == 409 and "vote 2 is open now: Amendment" in r.text and 'id="problem"' in r.text
    assert delegate.post(f"/live/{sid}/vote", data={"vote": "Y"}).status_code == 422  # the number is required
    assert "Session history" in TestClient(client.app).get(f"/live/{sid}").text
    assert TestClient(client.app).get(f"/live/{sid}/k/forged").status_code == 403
    assert client.get("/live/unknown").status_code == 404


def test_stale_vote_is_409_naming_the_open_vote(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    post(client, sid, "open", token=chair, question="Draft resolution S/2024/239")
    post(client, sid, "close", token=chair)
    post(client, sid, "open", token=chair, question="Amendment A", kind="amendment")
    r = post(client, sid, "vote", token=tok["FRA"], number=1, vote="N")  # the phone slept through vote 1
    assert r.status_code == 409
    assert r.json() == {
        "detail": "vote 1 is closed and your vote was not counted (votes are final once announced, R26); vote 2 is open now: Amendment A",
        "error": "conflict",
        "open_vote": {"number": 2, "question": "Amendment A"},
    }
    assert post(client, sid, "vote", token=tok["FRA"], number=3, vote="N").status_code == 409
    assert post(client, sid, "vote", token=tok["FRA"], vote="N").status_code == 422  # no number: refused
    st = client.get(f"/api/live/{sid}", headers=bearer(chair)).json()
    assert st["current"]["number"] == 2 and st["current"]["live"]["no"] == 0  # nothing counted on vote 2
    assert post(client, sid, "vote", token=tok["FRA"], number=2, vote="N").json()["you"]["vote"] == "N"


def test_chair_replaces_a_leaked_link(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    r = post(client, sid, "replace-link", token=chair, seat="FRA")
    new = next(x["url"] for x in r.json()["links"] if x["code"] == "FRA").rsplit("/", 1)[1]
    assert new != tok["FRA"]
    post(client, sid, "open", token=chair, question="Q")
    assert post(client, sid, "vote", token=tok["FRA"], number=1, vote="Y").status_code == 403
    assert post(client, sid, "vote", token=new, number=1, vote="Y").status_code == 200
    assert post(client, sid, "replace-link", token=tok["USA"], seat="FRA").status_code == 403


def test_conference_from_toml_and_csv(client):
    toml = """title = "Model UN 2026"
[[committee]]
name = "Council A"
date = "2024-03-22"
elected = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
[[committee]]
name = "Council B"
scenario = "g4"
"""
    r = client.post("/api/live/conference", json={"filename": "mun.toml", "text": toml})
    assert r.status_code == 201, r.text
    conf = r.json()
    assert conf["title"] == "Model UN 2026" and [c["name"] for c in conf["committees"]] == ["Council A", "Council B"]
    chair_a = conf["committees"][0]["chair_url"].rsplit("/", 1)[1]
    sid = conf["committees"][0]["id"]
    post(client, sid, "open", token=chair_a, question="Draft")
    post(client, sid, "vote", token=chair_a, number=1, seat="USA", vote="Y")
    public = TestClient(client.app).get(f"/api/live/conference/{conf['id']}").json()
    assert public["committees"][0]["current"] == {
        "number": 1, "question": "Draft", "yes": 1, "no": 0, "abstain": 0, "not_voted": 14, "required": 9,
    }  # fmt: skip
    assert "chair_url" not in json.dumps(public)
    page = client.get(f"/live/conference/{conf['id']}")
    assert page.status_code == 200 and "Vote 1 open" in page.text and "Council B" in page.text
    csv_text = "name,date,scenario,elected\nRoom 1,1950-07-07,,CUB;ECU;EGY;IND;NOR;YUG\nRoom 2,1950-07-07,,CUB;XXX\n"
    r = client.post("/api/live/conference", json={"filename": "rooms.csv", "text": csv_text})
    assert r.status_code == 422 and r.json()["detail"].startswith("rooms.csv: row 3 (Room 2), field elected:")
    r = client.post("/live/conference", data={"filename": "rooms.csv", "text": csv_text.replace("CUB;XXX", "")})
    assert r.status_code == 422 and "row 3 (Room 2), field elected" in r.text


def test_floor_over_the_api(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    r = post(client, sid, "floor", token=tok["MLT"], action="request")
    assert r.status_code == 200 and r.json()["you"]["requested"] is True and "requests" not in r.json()["floor"]
    assert post(client, sid, "floor", token=tok["MLT"], action="next").status_code == 403
    assert post(client, sid, "floor", token=tok["MLT"], action="add", who="France").json()["error"] == "forbidden"
    assert post(client, sid, "floor", token="nope", action="request").status_code == 403
    assert post(client, sid, "floor", token=chair, action="add", who="Atlantis").status_code == 422
    assert post(client, sid, "floor", token=chair, action="limit", seconds=99999).status_code == 422
    assert post(client, sid, "floor", token=chair, action="pause").status_code == 409
    chair_view = client.get(f"/api/live/{sid}", headers=bearer(chair)).json()["floor"]
    assert chair_view["requests"] == [{"code": "MLT", "name": "Malta"}]
    for who in ["MLT", "Ukraine"]:
        assert post(client, sid, "floor", token=chair, action="add", who=who).status_code == 200
    assert post(client, sid, "floor", token=chair, action="up", who="UKR").status_code == 200
    assert post(client, sid, "floor", token=chair, action="limit", seconds=120).status_code == 200
    r = post(client, sid, "floor", token=chair, action="next")
    f = r.json()["floor"]
    assert f["timer"]["speaker"] == {"code": "UKR", "name": "Ukraine", "member": False, "label": "invited, no vote"}
    assert f["timer"]["limit"] == 120 and f["timer"]["running"] is True and 0 <= f["timer"]["remaining"] <= 120
    assert [x["code"] for x in f["speakers"]] == ["MLT"] and f["requests"] == []
    public = client.get(f"/api/live/{sid}").json()["floor"]  # the projector sees the clock too
    assert public["timer"]["speaker"]["code"] == "UKR" and "requests" not in public
    paused = post(client, sid, "floor", token=chair, action="pause").json()["floor"]["timer"]
    assert paused["running"] is False
    later = client.get(f"/api/live/{sid}").json()["floor"]["timer"]
    assert later["elapsed"] == paused["elapsed"]  # a paused clock stands still
    assert post(client, sid, "floor", token=chair, action="resume").json()["floor"]["timer"]["running"] is True


def test_procedural_motion_over_the_api(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    assert post(client, sid, "motion", token=tok["USA"], motion="adjourn").status_code == 403
    assert post(client, sid, "motion", token=chair, motion="draft_resolution").status_code == 422
    r = post(client, sid, "motion", token=chair, motion="postpone", detail="until Monday")
    assert r.status_code == 200
    cur = r.json()["current"]
    assert cur["kind"] == "postpone" and cur["question"] == "Motion to postpone the discussion: until Monday"
    assert cur["live"]["voting_class"] == "procedural" and cur["live"]["veto_applies"] is False
    assert post(client, sid, "motion", token=chair, motion="suspend").status_code == 409  # one vote at a time
    for code in ["FRA", "GBR", "DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR"]:
        assert post(client, sid, "vote", token=tok[code], number=1, vote="Y").status_code == 200
    post(client, sid, "vote", token=tok["USA"], number=1, vote="N")
    d = post(client, sid, "close", token=chair).json()["current"]["decision"]
    assert d["adopted"] is True and d["vetoed_by"] == []


def test_floor_and_motions_work_without_javascript(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    chair_browser = TestClient(client.app)
    chair_browser.get(f"/live/{sid}/k/{chair}")
    moz = TestClient(client.app)
    moz.get(f"/live/{sid}/k/{tok['MOZ']}")
    page = chair_browser.get(f"/live/{sid}").text
    assert "Rule 33(1): Suspend the meeting" in page and page.index("Rule 33(2)") < page.index("Rule 33(5)")
    r = moz.post(f"/live/{sid}/floor", data={"action": "request"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/live/{sid}#floor"
    assert 'id="request-MOZ"' in chair_browser.get(f"/live/{sid}").text
    assert 'id="request-MOZ"' not in TestClient(client.app).get(f"/live/{sid}").text  # requests are for the President
    client.post(f"/live/{sid}/floor", data={"token": chair, "action": "add", "who": "MOZ"})
    client.post(f"/live/{sid}/floor", data={"token": chair, "action": "limit", "seconds": "60"})
    client.post(f"/live/{sid}/floor", data={"token": chair, "action": "next"})
    seat = moz.get(f"/live/{sid}").text
    assert "You have the floor" in seat and 'id="timer"' in seat and 'data-limit="60"' in seat
    assert moz.post(f"/live/{sid}/floor", data={"action": "next"}).status_code == 403
    r = client.post(f"/live/{sid}/motion", data={"token": chair, "motion": "suspend"}, follow_redirects=False)
    assert r.status_code == 303
    assert "Motion to suspend the meeting" in moz.get(f"/live/{sid}").text
