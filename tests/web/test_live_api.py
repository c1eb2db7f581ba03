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

from tests.web.fixture_store import FixtureStore
from unsc.web import create_app
from unsc.web.backend import Backend
from unsc.web.live import install

ELECTED_2024 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
YES_239 = ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"]


class RosterStore(FixtureStore):
    """The fixture store plus the record store's roster (as ``Store.roster`` gives it), for two dates."""

    ROSTERS = {  # noqa: RUF012
        2024: ["CHE", "CHN", "DZA", "ECU", "FRA", "GBR", "GUY", "JPN", "KOR", "MLT", "MOZ", "RUS", "SLE", "SVN", "USA"],
        2026: ["BHR", "CHN", "COL", "DNK", "FRA", "GBR", "GRC", "LBR", "LVA", "PAK", "PAN", "RUS", "SOM", "USA"],
    }

    def roster(self, date: Any) -> list[str]:
        return list(self.ROSTERS.get(int(str(date)[:4]), []))


@pytest.fixture
def client() -> TestClient:
    return TestClient(create_app(store=FixtureStore()))


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
        assert post(client, sid, "vote", token=tok[code], vote="Y").status_code == 200
    for code in ("RUS", "CHN", "DZA"):
        r = post(client, sid, "vote", token=tok[code], vote="against")
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
    history = client.get(f"/api/live/{sid}", params={"token": chair}).json()["history"]
    assert history[0]["vetoed_by"] == ["CHN", "RUS"] and history[0]["adopted"] is False


def test_token_checks_answer_403_json(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    r = post(client, sid, "open", token=tok["USA"], question="Q")
    assert r.status_code == 403 and r.json()["error"] == "forbidden" and r.json()["detail"]
    post(client, sid, "open", token=chair, question="Q")
    r = post(client, sid, "vote", token=tok["USA"], vote="Y", seat="RUS")
    assert r.status_code == 403 and "United States only" in r.json()["detail"]
    assert post(client, sid, "close", token=tok["USA"]).status_code == 403
    assert post(client, sid, "vote", token="forged", vote="Y").status_code == 403
    assert client.get(f"/api/live/{sid}", params={"token": "forged"}).status_code == 403
    assert client.get(f"/api/live/{sid}/events", params={"token": "forged"}).status_code == 403
    # nothing was recorded by the refused requests
    assert client.get(f"/api/live/{sid}").json()["current"]["live"]["not_voted"] == 15
    assert r.headers["referrer-policy"] == "no-referrer"


def test_state_errors_404_409_422(client):
    assert client.get("/api/live/nope").json() == {
        "detail": "no live session 'nope' (it may have expired after 12 hours)",
        "error": "not_found",
    }
    assert client.get("/api/live/nope/events").status_code == 404
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    r = post(client, sid, "vote", token=tok["USA"], vote="Y")
    assert r.status_code == 409 and r.json()["error"] == "conflict"
    post(client, sid, "open", token=chair, question="Q")
    assert post(client, sid, "open", token=chair, question="Q2").status_code == 409
    r = post(client, sid, "vote", token=tok["USA"], vote="perhaps")
    assert r.status_code == 422 and r.json()["error"] == "bad_input"
    r = post(client, sid, "vote", token=chair, vote="Y")
    assert r.status_code == 422 and "which seat" in r.json()["detail"]
    post(client, sid, "close", token=chair)
    r = post(client, sid, "vote", token=tok["USA"], vote="N")
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


def test_roster_comes_from_the_record_store():
    client = TestClient(create_app(store=RosterStore()))
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
    r = client.get(f"/api/live/{sid}/events", params={"token": chair, "max_seconds": 0.3})
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


def test_limits_answer_429():
    app = FastAPI()
    install(app, max_sessions=2)
    client = TestClient(app)
    body = {"date": "1950-07-07", "elected": ["CUB", "ECU", "EGY", "IND", "NOR", "YUG"]}
    assert [client.post("/api/live", json=body).status_code for _ in range(3)] == [201, 201, 429]
    assert client.post("/api/live", json=body).json()["error"] == "limit_reached"
    r = client.post("/api/live", json={**body, "title": "x" * 500})
    assert r.status_code == 422


def test_sessions_survive_a_restart(tmp_path: Path):
    path = tmp_path / "live.json"
    first = TestClient(create_app(store=FixtureStore(), sessions_file=path))
    s = new_session(first)
    post(first, s["id"], "open", token=s["chair_token"], question="Q")
    post(first, s["id"], "vote", token=s["tokens"]["FRA"], vote="Y")
    second = TestClient(create_app(store=FixtureStore(), sessions_file=path))
    st = second.get(f"/api/live/{s['id']}", params={"token": s["tokens"]["FRA"]}).json()
    assert st["you"]["vote"] == "Y" and st["current"]["live"]["yes"] == 1


def test_backend_without_store_still_runs_sessions(tmp_path: Path):
    app = FastAPI()
    install(app, Backend(store_path=tmp_path / "absent.duckdb"))
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
    chair_url = r.headers["location"]
    sid, chair = chair_url.split("/")[2].split("?")[0], chair_url.split("chair=")[1]
    page = client.get(chair_url)
    assert page.status_code == 200 and "Delegates' links" in page.text and "Put a question to the vote" in page.text
    tokens = client.get(f"/api/live/{sid}", params={"token": chair}).json()["links"]
    rus = next(link["url"] for link in tokens if link["code"] == "RUS").rsplit("/", 1)[1]
    r = client.post(f"/live/{sid}/open", data={"token": chair, "question": "Draft S/2024/239"}, follow_redirects=False)
    assert r.status_code == 303
    seat_page = client.get(f"/live/{sid}/seat/{rus}")
    assert "Delegation of the Russian Federation" in seat_page.text
    assert 'id="vote-Y"' in seat_page.text and 'aria-pressed="false"' in seat_page.text
    r = client.post(f"/live/{sid}/vote", data={"token": rus, "vote": "N"})
    assert r.status_code == 200 and r.url.path == f"/live/{sid}/seat/{rus}" and "Your vote" in r.text
    assert 'id="vote-N" class="big vote-btn vote-N" aria-pressed="true"' in r.text
    assert client.post(f"/live/{sid}/close", data={"token": rus}).status_code == 403
    r = client.post(f"/live/{sid}/close", data={"token": chair})
    assert r.status_code == 200 and "The President:" in r.text and "Not adopted" in r.text
    assert client.get(f"/live/{sid}/seat/{chair}").status_code == 403
    assert client.get(f"/live/{sid}", params={"chair": rus}).status_code == 403
    assert "Session history" in client.get(f"/live/{sid}").text
    assert client.get("/live/unknown").status_code == 404


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
    chair_view = client.get(f"/api/live/{sid}", params={"token": chair}).json()["floor"]
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
        assert post(client, sid, "vote", token=tok[code], vote="Y").status_code == 200
    post(client, sid, "vote", token=tok["USA"], vote="N")
    d = post(client, sid, "close", token=chair).json()["current"]["decision"]
    assert d["adopted"] is True and d["vetoed_by"] == []


def test_floor_and_motions_work_without_javascript(client):
    s = new_session(client)
    sid, chair, tok = s["id"], s["chair_token"], s["tokens"]
    page = client.get(f"/live/{sid}", params={"chair": chair}).text
    assert "Rule 33(1): Suspend the meeting" in page and page.index("Rule 33(2)") < page.index("Rule 33(5)")
    r = client.post(f"/live/{sid}/floor", data={"token": tok["MOZ"], "action": "request"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/live/{sid}/seat/{tok['MOZ']}#floor"
    assert 'id="request-MOZ"' in client.get(f"/live/{sid}", params={"chair": chair}).text
    assert 'id="request-MOZ"' not in client.get(f"/live/{sid}").text  # requests are for the President
    client.post(f"/live/{sid}/floor", data={"token": chair, "action": "add", "who": "MOZ"})
    client.post(f"/live/{sid}/floor", data={"token": chair, "action": "limit", "seconds": "60"})
    client.post(f"/live/{sid}/floor", data={"token": chair, "action": "next"})
    seat = client.get(f"/live/{sid}/seat/{tok['MOZ']}").text
    assert "You have the floor" in seat and 'id="timer"' in seat and 'data-limit="60"' in seat
    assert client.post(f"/live/{sid}/floor", data={"token": tok["MOZ"], "action": "next"}).status_code == 403
    r = client.post(f"/live/{sid}/motion", data={"token": chair, "motion": "suspend"}, follow_redirects=False)
    assert r.status_code == 303
    assert "Motion to suspend the meeting" in client.get(f"/live/{sid}/seat/{tok['MOZ']}").text
