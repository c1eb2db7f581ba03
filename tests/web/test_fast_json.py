"""``POST /api/decide`` answers with orjson's bytes: they must be the bytes FastAPI's JSONResponse sends."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fastapi.responses import JSONResponse

from unsc.web import adapters

BALLOTS: list[dict[str, Any]] = [
    {"date": "2024-03-22", "yes": ["USA", "GBR", "FRA", "JPN", "KOR", "MLT", "CHE", "SVN", "ECU", "MOZ", "SLE"],
     "no": ["RUS", "CHN", "DZA"], "abstain": ["GUY"]},
    {"date": "1950-06-27", "yes": ["USA", "GBR", "FRA", "CHN", "CUB", "ECU", "NOR"], "no": ["YUG"],
     "absent": ["SUN"], "not_participating": ["EGY", "IND"]},
    {"date": "2024-03-25", "yes": ["FRA"], "kind": "procedural", "interpretation": "charter_literal"},
    {"council": {"size": 5, "threshold": 3, "permanent": ["USA"], "vetoes_needed": 1}, "yes": ["USA", "FRA", "GBR"]},
]  # fmt: skip


@pytest.mark.parametrize("ballot", BALLOTS, ids=["veto", "korea_1950", "procedural", "custom"])
def test_decide_sends_the_bytes_jsonresponse_would(client: Any, ballot: dict[str, Any]) -> None:
    r = client.post("/api/decide", json=ballot)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    spec = {"interpretation": "practice", **ballot}
    if "date" in spec:
        spec["date"] = dt.date.fromisoformat(spec["date"])
    assert r.content == JSONResponse(adapters.decide_ballot(spec)).body
