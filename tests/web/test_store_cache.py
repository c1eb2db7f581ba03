"""The web's decisions index answers as the record's Store does: the same decision for every symbol
form, the same JSON as ``Store.recorded``, and ``Store.find`` for any form it is not sure of."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from unsc.record import open_store
from unsc.web.store_cache import DecisionIndex, NotFound, StoreCache, decision_json


def symbol_forms(store: Any) -> list[str]:
    """Every way the API is asked for a decision: its id, its draft, its resolution in three spellings."""
    out = []
    for r in store.decisions().itertuples():
        out.append(r.decision_id)
        if isinstance(r.draft, str):
            out += [r.draft, f" {r.draft.lower()} "]
        if isinstance(r.resolution, str):
            out += [r.resolution, f"S/RES/{r.resolution}", f"S/RES/{r.resolution.replace(' ', '')}"]
    return out


def check_parity(path: Path, forms: list[str] | None = None) -> int:
    """Assert index and Store agree on every form; return how many forms the index answered itself."""
    cache = StoreCache(store_path=path)
    index = cache.index()
    answered = 0
    with open_store(path) as store:
        for symbol in forms if forms is not None else symbol_forms(store):
            did = index.find(symbol)
            if did is not None:
                answered += 1
                assert did == store.find(symbol), symbol
            expected = store.recorded(symbol)
            if expected is None:
                with pytest.raises(NotFound):
                    cache.decision(symbol)
                continue
            assert cache.decision(symbol) == decision_json(expected), symbol
    return answered


def test_index_matches_the_store_on_the_fixture_store(fixture_store: Path) -> None:
    forms = [*symbol_forms_of(fixture_store), "S/2024/239/Rev.1", "83", "S/PV.9584", "S/1999/99999", "nonsense"]
    answered = check_parity(fixture_store, forms)
    assert answered == len(forms) - 5  # the index answered every common form itself, and none of the five others


def symbol_forms_of(path: Path) -> list[str]:
    with open_store(path) as store:
        return symbol_forms(store)


@pytest.mark.data
def test_index_matches_the_store_on_the_real_store(real_store: Path) -> None:
    import random

    # every form would take minutes (Store.recorded costs ~17 ms): a fixed random sample of 600
    forms = random.Random(14).sample(symbol_forms_of(real_store), 600)
    assert check_parity(real_store, forms) > 0.9 * len(forms)


def test_index_is_sure_only_of_exact_forms() -> None:
    ix = DecisionIndex(
        [
            {"decision_id": "S/2024/239", "draft": "S/2024/239"},
            {"decision_id": "S/3713/Rev.1", "draft": "S/3713/Rev.1"},
            {"decision_id": "A", "draft": "S/1/1", "resolution_number": 5, "year": 1946},
            {"decision_id": "B", "draft": "S/1/1", "resolution_number": 5, "year": 1946},
        ],
        [],
        {},
    )
    assert ix.find("S/2024/239") == "S/2024/239"
    assert ix.find("S/3713/Rev.1") is None  # a revision: the store's own rule decides
    assert ix.find("S/1/1") is None and ix.find("5 (1946)") is None  # two decisions: the store decides
    assert ix.find("5") is None  # a resolution without its year
    assert ix.find("S/PV.23") is None  # a meeting


def test_votes_are_the_stores_in_its_order(fixture_store: Path) -> None:
    cache = StoreCache(store_path=fixture_store)
    with open_store(fixture_store) as store:
        for did in store.decisions()["decision_id"]:
            assert cache.recorded(did) == store.recorded(did)
