"""The JSON of one decision read from the store's lookup file (issue 14: uncached answers without
the rules engine per request) is the same bytes as the JSON the decisions index makes, for every
decision; and the API answers the same with or without the file."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest

from unsc.record.store import Lookup, lookup_path
from unsc.web import create_app
from unsc.web.store_cache import StoreCache, decision_json

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def same_bytes_everywhere(store: Path) -> int:
    """Assert that every symbol the lookup file knows gives the index's JSON body; the number of symbols."""
    backend = StoreCache(store_path=store)
    lookup = backend.lookup()
    assert lookup is not None, "the build wrote no lookup file, or one that does not match the store"
    symbols = [r[0] for r in lookup._con.execute("SELECT symbol FROM symbols").fetchall()]
    for symbol in symbols:
        fast = backend.decision_body_now(symbol)
        slow = json.dumps(decision_json(backend.recorded(symbol)), separators=(",", ":"), ensure_ascii=False)
        assert fast == slow.encode(), symbol
    return len(symbols)


def test_lookup_json_is_the_index_json_on_the_small_store(fixture_store: Path) -> None:
    assert same_bytes_everywhere(fixture_store) >= 4


@pytest.mark.data
def test_lookup_json_is_the_index_json_for_every_decision_of_the_record(real_store: Path) -> None:
    assert same_bytes_everywhere(real_store) > 3000


def test_a_store_given_as_an_object_has_no_lookup(fixture_store: Path) -> None:
    from unsc.record import open_store

    backend = StoreCache(store=open_store(fixture_store))
    assert backend.lookup() is None
    assert backend.decision_body_now("S/2024/239") is None


def test_the_api_answers_the_same_without_the_lookup_file(fixture_store: Path, tmp_path: Path) -> None:
    bare = tmp_path / fixture_store.name
    shutil.copy2(fixture_store, bare)
    assert Lookup.open(bare) is None and lookup_path(fixture_store).exists()
    fast, slow = TestClient(create_app(store_path=fixture_store)), TestClient(create_app(store_path=bare))
    for symbol in ("S/2024/239", "2728 (2024)", "S/2022/155", "83 (1950)", "S/RES/83 (1950)", "2728", "S/PV.9584"):
        a = fast.get("/api/decisions/" + quote(symbol, safe="/"))
        b = slow.get("/api/decisions/" + quote(symbol, safe="/"))
        assert a.status_code == b.status_code == 200, symbol
        assert a.content == b.content, symbol
        assert a.headers["content-type"] == b.headers["content-type"]
    assert fast.get("/api/decisions/S/1999/1").status_code == 404


def test_a_server_started_before_the_build_finds_the_lookup_file_later(fixture_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "later" / fixture_store.name
    backend = StoreCache(store_path=store)
    assert backend.lookup() is None  # no store yet
    store.parent.mkdir()
    shutil.copy2(fixture_store, store)
    shutil.copy2(lookup_path(fixture_store), lookup_path(store))
    assert backend.lookup() is not None
