"""The JSON API on the store built from the fixture sources (tests/fixtures/web), and its answers without a store."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc.rules import Ballot, decide

S239_YES = ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"]


# -- decisions ------------------------------------------------------------------------------------


def test_decision_by_path_has_roll_call_and_explanation(client):
    r = client.get("/api/decisions/S/2024/239")
    assert r.status_code == 200
    d = r.json()
    assert (d["yes"], d["no"], d["abstain"]) == (11, 3, 1)
    assert d["adopted"] is False and sorted(d["vetoed_by"]) == ["CHN", "RUS"]
    assert "vetoed by China and the Russian Federation" in d["explanation"]
    votes = {v["member"]: v["vote"] for v in d["votes"]}
    assert len(votes) == 15 and votes["RUS"] == "N" and votes["GUY"] == "A" and votes["USA"] == "Y"
    assert [v["permanent"] for v in d["votes"]][:5] == [True] * 5  # permanent members listed first
    urls = [link["url"] for link in d["documents"]]
    assert any("documents.un.org" in u and "S/PV.9584" in u for u in urls)
    assert any("digitallibrary.un.org" in u for u in urls)


@pytest.mark.parametrize("symbol", ["2728 (2024)", "S/RES/2728 (2024)", "S/RES/2728(2024)", "S/2024/254"])
def test_decision_symbol_forms_by_query(client, symbol):
    r = client.get("/api/decision", params={"symbol": symbol})
    assert r.status_code == 200, r.text
    assert r.json()["resolution"] == "2728 (2024)" and r.json()["adopted"] is True


def test_decision_cache_returns_same_answer(client):
    first = client.get("/api/decisions/S/2022/155").content
    assert client.get("/api/decisions/S/2022/155").content == first
    assert b'"vetoed_by":["RUS"]' in first


def test_unknown_symbol_is_404_json(client):
    r = client.get("/api/decisions/S/1999/99999")
    assert r.status_code == 404
    assert r.json()["error"] == "not_found" and "S/1999/99999" in r.json()["detail"]


def test_search_text_pagination_and_total(client):
    r = client.get("/api/decisions", params={"q": "middle east", "limit": 1})
    body = r.json()
    assert r.status_code == 200 and body["total"] == 2 and len(body["items"]) == 1
    assert body["items"][0]["decision_id"] == "S/2024/254"  # newest first
    second = client.get("/api/decisions", params={"q": "middle east", "limit": 1, "offset": 1}).json()
    assert second["items"][0]["decision_id"] == "S/2024/239"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outcome": "vetoed"}, {"S/2024/239", "S/2022/155"}),
        ({"outcome": "adopted"}, {"S/2024/254", "S/1511"}),
        ({"member": "Yugoslavia"}, {"S/1511"}),
        ({"member": "IND"}, {"S/1511", "S/2022/155"}),
        ({"since": "2024-01-01", "until": "2024-03-23"}, {"S/2024/239"}),
        ({"kind": "amendment"}, set()),
    ],
)
def test_search_filters(client, params, expected):
    r = client.get("/api/decisions", params=params)
    assert r.status_code == 200
    assert {i["decision_id"] for i in r.json()["items"]} == expected


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2024-13-01"},
        {"limit": 0},
        {"limit": 100000},
        {"offset": -1},
        {"outcome": "maybe"},
        {"member": "Atlantis"},
    ],
)
def test_bad_search_input_is_422(client, params):
    r = client.get("/api/decisions", params=params)
    assert r.status_code == 422
    assert r.json()["error"] == "bad_input" and r.json()["detail"]


def test_members_member_and_vetoes(client):
    members = client.get("/api/members").json()
    assert members["total"] == len({m["code"] for m in members["items"]}) and members["items"][0]["permanent"]
    rus = client.get("/api/members/Russia").json()
    assert rus["counts"]["N"] == 2 and rus["counts"]["Y"] == 1
    assert {v["draft"] for v in rus["vetoes"]} == {"S/2024/239", "S/2022/155"}
    assert rus["history"][0]["decision_id"] == "S/2024/254"
    assert client.get("/api/members/Atlantis").status_code == 422
    assert client.get("/api/members/BRA").json()["history_total"] == 1
    assert client.get("/api/members/DEU").status_code == 404  # a state, but not in this record
    vetoes = client.get("/api/vetoes").json()
    assert vetoes["total"] == 3
    assert client.get("/api/vetoes", params={"member": "CHN"}).json()["total"] == 1


def test_statistics_count_the_store(client):
    s = client.get("/api/statistics").json()
    assert (s["decisions"], s["adopted"], s["failed"]) == (4, 2, 2)
    assert s["vetoes_by_member"] == {"RUS": 2, "CHN": 1}
    assert s["vetoed_proposals"] == 2 and s["vetoes_cast"] == 3
    assert s["by_year"]["2024"] == {"adopted": 1, "failed": 0, "vetoed": 1}


# -- no store --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/decisions", "/api/decisions/S/2024/239", "/api/members", "/api/statistics"])
def test_missing_store_is_503_with_reason(no_store_client, url):
    r = no_store_client.get(url)
    assert r.status_code == 503
    assert r.json()["error"] == "unavailable" and "unavailable" in r.json()["detail"]


# -- decide ------------------------------------------------------------------------------------


def test_decide_needs_no_store(no_store_client):
    r = no_store_client.post(
        "/api/decide", json={"date": "2024-03-22", "yes": S239_YES, "no": ["RUS", "CHN", "DZA"], "abstain": ["GUY"]}
    )
    assert r.status_code == 200
    d = r.json()
    assert d["adopted"] is False and d["vetoed_by"] == ["CHN", "RUS"] and d["tally"] == "11-3-1"
    assert d["explanation"].startswith("Not adopted: vetoed by China and the Russian Federation")


def test_decide_absence_is_not_a_veto(client):
    r = client.post(
        "/api/decide",
        json={"date": "1950-06-27", "yes": ["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"], "no": ["YUG"],
              "not_participating": ["EGY", "IND"], "absent": ["SUN"]},
    )  # fmt: skip
    assert r.json()["adopted"] is True and r.json()["council"] == {
        "size": 11,
        "threshold": 7,
        "permanent": ["CHN", "FRA", "SUN", "GBR", "USA"],
    }


def test_decide_custom_council(client):
    seats = [f"E{i}" for i in range(1, 21)]
    r = client.post(
        "/api/decide",
        json={"yes": seats[:15], "no": ["USA"], "council": {"size": 25, "threshold": 15,
              "permanent": ["CHN", "FRA", "RUS", "GBR", "USA"], "vetoes_needed": 2}},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    assert r.json()["adopted"] is True and r.json()["threshold"] == 15


@pytest.mark.parametrize(
    "body",
    [
        {"date": "2024-03-22", "yes": ["Atlantis"]},
        {"date": "2024-03-22", "yes": ["FRA"], "no": ["FRA"]},
        {"yes": ["FRA"]},
        {"date": "not a date"},
        {"council": {"size": 5, "threshold": 9}, "yes": ["FRA"]},
        {"date": "2024-03-22", "kind": "coronation"},
    ],
)
def test_decide_bad_input_is_422_with_message(client, body):
    r = client.post("/api/decide", json=body)
    assert r.status_code == 422
    assert r.json()["detail"]


@settings(max_examples=40, deadline=None)
@given(votes=st.lists(st.sampled_from("YNAX"), min_size=15, max_size=15))
def test_decide_agrees_with_rules_engine(client, votes):
    members = [
        "CHN",
        "FRA",
        "RUS",
        "GBR",
        "USA",
        *["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"],
    ]
    groups = {"Y": "yes", "N": "no", "A": "abstain", "X": "absent"}
    body: dict = {"date": "2024-03-22"} | {k: [] for k in groups.values()}
    for m, v in zip(members, votes, strict=True):
        body[groups[v]].append(m)
    got = client.post("/api/decide", json=body).json()
    want = decide(Ballot.of(**body))
    assert got["adopted"] == want.adopted and got["vetoed_by"] == list(want.vetoed_by)
    assert got["explanation"] == want.explanation


# -- analysis and news: served when the module provides them, 503 with the reason until then --


def test_power_on_a_date_uses_the_analysis_layer(client):
    r = client.get("/api/power", params={"date": "2024-03-22"})
    assert r.status_code == 200, r.text
    groups = {g["label"]: g for g in r.json()["groups"]}
    assert groups["permanent"]["ss"]["exact"] == "421/2145" and groups["elected"]["ss"]["exact"] == "4/2145"
    assert r.json()["council"] == {
        "size": 15,
        "threshold": 9,
        "veto_holders": ["CHN", "FRA", "RUS", "GBR", "USA"],
        "vetoes_needed": 1,
    }
    old = client.get("/api/power", params={"date": "1950-06-27"}).json()
    assert {g["label"]: g["ss"]["exact"] for g in old["groups"]} == {"permanent": "76/385", "elected": "1/462"}


def test_power_custom_council_and_bad_input(client):
    r = client.get("/api/power", params={"size": 25, "threshold": 15, "veto": 5, "vetoes_needed": 2})
    assert r.status_code == 200 and r.json()["players"] == 25 and r.json()["council"]["vetoes_needed"] == 2
    no_veto = client.get("/api/power", params={"size": 15, "threshold": 9, "veto": 0}).json()
    assert [g["label"] for g in no_veto["groups"]] == ["member"]
    assert client.get("/api/power", params={"size": 15}).status_code == 422
    assert client.get("/api/power", params={"size": 5, "threshold": 9}).status_code == 422
    assert client.get("/api/power", params={"size": 5, "threshold": 3, "veto": 6}).status_code == 422


def test_scenarios_and_scenario_power(client):
    items = client.get("/api/scenarios").json()["items"]
    assert {"charter-today", "g4"} <= {s["name"] for s in items}
    g4 = next(s for s in items if s["name"] == "g4")
    r = client.get("/api/power", params={"scenario": "g4"})
    assert r.status_code == 200 and r.json()["players"] == g4["seats"] == r.json()["council"]["size"]
    today = client.get("/api/power", params={"scenario": "charter-today"}).json()
    assert {g["label"]: g["ss"]["exact"] for g in today["groups"]}["permanent"] == "421/2145"
    bad = client.get("/api/power", params={"scenario": "/etc/passwd.json"})
    assert bad.status_code == 422 and "unknown scenario" in bad.json()["detail"]


REPORT = (
    "NEW YORK (Reuters) - Russia and China on Friday vetoed a U.S.-led draft resolution (S/2024/239) at the "
    "United Nations Security Council. Twelve members voted in favour, three against and Guyana abstained."
)


def test_check_gives_verdicts_per_claim(client):
    r = client.post("/api/check", json={"text": REPORT, "date": "2024-03-22"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "matched" and body["decision"]["symbol"] == "S/2024/239"
    verdicts = {c["field"]: (c["claimed"], c["recorded"], c["verdict"]) for c in body["claims"]}
    assert verdicts["yes"] == (12, 11, "contradicted")  # the report says twelve; the record says eleven
    assert verdicts["no"] == (3, 3, "supported") and verdicts["outcome"][2] == "supported"


def test_check_bad_input_and_no_store(client, no_store_client):
    assert client.post("/api/check", json={"text": ""}).status_code == 422
    assert client.post("/api/check", json={"text": "x", "date": "2024-02-30"}).status_code == 422
    r = no_store_client.post("/api/check", json={"text": REPORT})
    assert r.status_code == 503 and "unsc build" in r.json()["detail"]


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/decisions", "/api/decisions/{symbol}", "/api/decide", "/api/check", "/api/power"} <= paths
    assert "404" in spec["paths"]["/api/decisions/{symbol}"]["get"]["responses"]
    assert client.get("/healthz").text == "ok"


def test_unknown_request_fields_are_refused_not_ignored(client):
    # "procedural": true is not a field (voting_class is); ignoring it would decide a procedural vote as substantive
    r = client.post("/api/decide", json={"date": "2024-03-25", "yes": ["FRA"], "procedural": True})
    assert r.status_code == 422 and "procedural" in r.json()["detail"]
    r = client.post("/api/decide", json={"council": {"size": 5, "threshold": 3, "veto": ["A"]}, "yes": ["A"]})
    assert r.status_code == 422 and "veto" in r.json()["detail"]
    r = client.post("/api/check", json={"text": "Russia vetoed", "when": "2024-03-22"})
    assert r.status_code == 422 and "when" in r.json()["detail"]
    ok = client.post("/api/decide", json={"date": "2024-03-25", "yes": ["FRA"], "voting_class": "procedural"})
    assert ok.status_code == 200 and ok.json()["voting_class"] == "procedural"


# -- issue 13: one date reading, the 422 body as documented, HEAD --------------------------------


@pytest.mark.parametrize(
    ("since", "until"),
    [("2024", "2024"), ("2024-01", "2024-03"), ("2024-01-01", "2024-12-31"), ("2024-03-22", None)],
)
def test_api_dates_read_as_the_search_page_and_the_cli_read_them(client, since, until):
    # /api/decisions?since=2024 was a 422 about "datetimes" while the search page took a year
    params = {"since": since} | ({"until": until} if until else {})
    api = client.get("/api/decisions", params=params)
    assert api.status_code == 200, api.text
    assert "S/2024/239" in {i["decision_id"] for i in api.json()["items"]}
    page = client.get("/search", params=params)
    assert page.status_code == 200 and "S/2024/239" in page.text


def test_api_until_a_year_or_month_means_its_last_day(client):
    ids = {i["decision_id"] for i in client.get("/api/decisions", params={"until": "2024-03"}).json()["items"]}
    assert "S/2024/239" in ids  # 22 March 2024 is within "until March 2024"
    ids = {i["decision_id"] for i in client.get("/api/decisions", params={"until": "2024-02"}).json()["items"]}
    assert "S/2024/239" not in ids
    v = client.get("/api/vetoes", params={"since": "2024", "until": "2024"}).json()["items"]
    assert v and all(r["date"].startswith("2024") for r in v)


@pytest.mark.parametrize("value", ["abc", "2024-13", "2024-02-30", "24"])
def test_api_bad_date_names_the_value_and_the_forms(client, value):
    r = client.get("/api/decisions", params={"since": value})
    assert r.status_code == 422
    assert f"since: bad date '{value}'" in r.json()["detail"] and "a year (2024)" in r.json()["detail"]


def _schema(spec: dict, ref: dict) -> dict:
    return spec["components"]["schemas"][ref["$ref"].rsplit("/", 1)[-1]]


def test_openapi_declares_the_422_body_the_app_sends(client):
    spec = client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            has_input = op.get("parameters") or op.get("requestBody")
            if has_input and not path.startswith("/api/live"):  # live sessions document their own errors
                assert "422" in op["responses"], (method, path)
                ref = op["responses"]["422"]["content"]["application/json"]["schema"]
                assert ref["$ref"].endswith("/BadInputError"), (method, path)
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # FastAPI's default body is never sent
    body = _schema(spec, {"$ref": "#/components/schemas/BadInputError"})
    problem = _schema(spec, body["properties"]["errors"]["anyOf"][0]["items"])
    sent = [
        client.get("/api/decisions", params={"limit": 0}),  # a request of the wrong shape: pydantic's errors
        client.post("/api/decide", json={"date": "2024-03-25", "yes": ["x" * 500]}),  # long input, not echoed
        client.get("/api/decisions", params={"since": "abc"}),  # the app's own check
        client.get("/api/decisions", params={"member": "Atlantis"}),
    ]
    for r in sent:
        assert r.status_code == 422
        got = r.json()
        assert set(body["required"]) <= set(got) <= set(body["properties"]), got
        assert isinstance(got["detail"], str) and got["error"] == "bad_input"
        for e in got.get("errors") or []:
            assert set(problem["required"]) <= set(e), e
    assert "x" * 300 not in sent[1].text and sent[0].json()["errors"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize(
    "path", ["/", "/healthz", "/api/decisions?since=2024", "/api/decisions/S/2024/239", "/vetoes", "/openapi.json"]
)
def test_head_is_answered_wherever_get_is(client, path):
    get, head = client.get(path), client.head(path)
    assert head.status_code == get.status_code == 200, (head.status_code, get.status_code)
    assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == get.headers["content-length"]


def test_head_where_get_is_not_allowed_is_405_with_allow(client):
    for method in (client.head, client.get):
        r = method("/api/decide")
        assert r.status_code == 405 and "POST" in r.headers["allow"]
    assert client.head("/decisions/S/0000/0").status_code == 404


def test_head_on_the_live_event_stream_ends_at_once(client):
    # a HEAD runs the GET; a stream (SSE, up to a minute) is told the client has gone once its headers are out
    import time

    elected = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]
    sid = client.post("/api/live", json={"date": "2024-03-22", "elected": elected}).json()["id"]
    start = time.monotonic()
    r = client.head(f"/api/live/{sid}/events", params={"max_seconds": 30})
    assert r.status_code == 200 and r.content == b"" and r.headers["content-type"].startswith("text/event-stream")
    assert time.monotonic() - start < 10


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("post", "/api/decide", {"date": "2024-13-01", "yes": ["FRA"]}),
        ("post", "/api/check", {"text": "Russia vetoed", "date": "2024-13-01"}),
        ("get", "/api/power?date=2024-13-01", None),
    ],
)
def test_single_dates_in_bodies_and_queries_read_by_the_same_function(client, method, url, body):
    r = getattr(client, method)(url, **({"json": body} if body else {}))
    assert r.status_code == 422 and "bad date '2024-13-01': expected YYYY-MM-DD" in r.json()["detail"]


def test_vote_rows_give_names_in_normal_case(client):
    # the source writes 1950's names in capitals ("CHINA"); the JSON gives them as unsc.votes() does
    votes = {v["member"]: v["member_name"] for v in client.get("/api/decisions/S/1511").json()["votes"]}
    assert votes["CHN"] == "China" and votes["USA"] == "United States" and votes["SUN"] == "USSR"
    assert not any(n.isupper() and n != "USSR" for n in votes.values()), votes


def test_the_decide_body_is_documented_and_every_schema_reference_resolves(client):
    # /api/decide validates its body itself (issue 14: FastAPI's body handling cost more than the decision), so
    # its schema is given by hand: it must still name every field and every $ref in the document must resolve
    spec = client.get("/openapi.json").json()
    body = spec["paths"]["/api/decide"]["post"]["requestBody"]
    assert body["required"] is True
    fields = set(body["content"]["application/json"]["schema"]["properties"])
    assert {"date", "yes", "no", "abstain", "absent", "kind", "voting_class", "council"} <= fields

    def refs(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield from [value] if key == "$ref" else refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    def resolve(ref: str):
        node = spec
        for part in ref.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    found = list(refs(spec))
    assert found and all(isinstance(resolve(r), dict) for r in found)


def test_a_decide_body_that_is_not_json_is_422_naming_the_problem(client):
    r = client.post("/api/decide", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["detail"]
