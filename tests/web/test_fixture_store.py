"""The web tests' FixtureStore answers every filter it accepts as the real ``unsc.record.Store`` does.

Its four rows are written into a DuckDB file and opened with the real Store; each query parameter is
then asked of both, and the rows (which, in which order) must be the same. A filter the double
accepted but ignored (``outcome``, ``vetoed_by``, ``since``/``until`` on vetoes, as before) fails here.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from tests.web.fixture_store import FixtureStore
from unsc.record.store import Store

FIXTURE = FixtureStore()


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("parity") / "fixture.duckdb"
    con = duckdb.connect(str(path))
    tables = {
        "decisions": FIXTURE.decisions(),
        "votes": FIXTURE.votes().drop(columns=["date", "adopted"]),  # the real query joins these back
        "vetoes": FIXTURE.vetoes(),
    }
    for name, frame in tables.items():
        con.register("frame", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        con.unregister("frame")
    con.close()
    store = Store(path)
    yield store
    store.close()


def _keys(frame: pd.DataFrame, cols: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows as text; a DATE comes back from DuckDB as a Timestamp, from the double as a date."""
    return [
        tuple(str(v.date() if isinstance(v, pd.Timestamp) else v) for v in row)
        for row in frame[list(cols)].itertuples(index=False)
    ]


DECISIONS: list[dict[str, Any]] = [
    {},
    {"since": 2024},
    {"since": "2024-03-23"},
    {"until": "2022"},
    {"since": 2000, "until": "2024-03-22"},
    {"member": "RUS"},
    {"member": "Russian Federation"},
    {"member": "SUN"},
    {"outcome": "adopted"},
    {"outcome": "failed"},
    {"outcome": "vetoed"},
    {"outcome": "insufficient_votes"},
    {"outcome": "without_vote"},
    {"kind": "draft_resolution"},
    {"kind": "amendment"},
    {"text": "palestinian"},
    {"text": "2728"},
    {"text": "S/1511"},
    {"vetoed_by": "CHN"},
    {"vetoed_by": "Russian Federation"},
    {"vetoed_by": "USA"},
    {"limit": 2},
    {"limit": 2, "offset": 1},
]
VOTES: list[dict[str, Any]] = [
    {},
    {"decision_id": "S/2024/239"},
    {"decision_id": "2728 (2024)"},
    {"member": "GUY"},
    {"member": "China"},
    {"since": 2024},
    {"until": "1950"},
    {"member": "USA", "since": "2022-02-25", "until": "2024-03-22"},
]
VETOES: list[dict[str, Any]] = [
    {},
    {"member": "RUS"},
    {"member": "China"},
    {"member": "USA"},
    {"since": 2024},
    {"until": "2023-12-31"},
    {"since": "2022-02-25", "until": "2022-02-25"},
]


def _params(cases: list[dict[str, Any]]) -> set[str]:
    return {k for case in cases for k in case}


@pytest.mark.parametrize(
    ("method", "cases"), [("decisions", DECISIONS), ("votes", VOTES), ("vetoes", VETOES)], ids=["d", "v", "x"]
)
def test_every_accepted_parameter_is_compared(method: str, cases: list[dict[str, Any]]) -> None:
    accepted = set(inspect.signature(getattr(FixtureStore, method)).parameters) - {"self"}
    assert accepted == set(inspect.signature(getattr(Store, method)).parameters) - {"self"}
    assert accepted <= _params(cases), f"{method}: no parity case for {sorted(accepted - _params(cases))}"


@pytest.mark.parametrize("kwargs", DECISIONS, ids=str)
def test_decisions_match_the_real_store(real: Store, kwargs: dict[str, Any]) -> None:
    cols = ("decision_id", "date", "adopted", "failure_reason")
    assert _keys(FIXTURE.decisions(**kwargs), cols) == _keys(real.decisions(**kwargs), cols)


@pytest.mark.parametrize("kwargs", VOTES, ids=str)
def test_votes_match_the_real_store(real: Store, kwargs: dict[str, Any]) -> None:
    cols = ("decision_id", "member", "vote", "date", "adopted")
    assert _keys(FIXTURE.votes(**kwargs), cols) == _keys(real.votes(**kwargs), cols)


@pytest.mark.parametrize("kwargs", VETOES, ids=str)
def test_vetoes_match_the_real_store(real: Store, kwargs: dict[str, Any]) -> None:
    cols = ("decision_id", "member", "date")
    assert _keys(FIXTURE.vetoes(**kwargs), cols) == _keys(real.vetoes(**kwargs), cols)


def test_the_cases_are_not_vacuous() -> None:
    """Each filter changes the answer somewhere, so a double that ignored it would be caught."""
    everything = len(FIXTURE.decisions())
    for key in ("since", "until", "member", "outcome", "text", "vetoed_by", "limit"):
        assert any(len(FIXTURE.decisions(**c)) not in (0, everything) for c in DECISIONS if key in c), key
    assert any(len(FIXTURE.vetoes(**c)) not in (0, len(FIXTURE.vetoes())) for c in VETOES if "since" in c)
    assert any(len(FIXTURE.vetoes(**c)) not in (0, len(FIXTURE.vetoes())) for c in VETOES if "until" in c)


def test_an_unknown_outcome_is_refused_by_both(real: Store) -> None:
    for store in (FIXTURE, real):
        with pytest.raises(ValueError, match="unknown outcome 'maybe'"):
            store.decisions(outcome="maybe")


def test_module_is_a_real_store_file(real: Store) -> None:
    assert Path(real.path).exists() and set(real.tables()) >= {"decisions", "votes", "vetoes"}
