"""``frame_records`` gives what a DataFrame of the same rows would give back, without building it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc.record.sources.frame import frame_records, records

_MISSING = object()  # a row without the key
_CELLS = st.sampled_from(
    [None, 1, 2, 3.5, float("nan"), "a", "b", True, False, dt.date(2000, 1, 1), ["X"], [], _MISSING]
)


def _typed(rows: list[dict[str, Any]]) -> str:
    return repr(
        [{k: "NaN" if isinstance(v, float) and v != v else (type(v).__name__, v) for k, v in r.items()} for r in rows]
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=2, max_size=2), min_size=1, max_size=6))
def test_same_cells_and_types_as_a_frame(cells: list[list[Any]]) -> None:
    rows = [{c: v for c, v in zip(("x", "y"), r, strict=True) if v is not _MISSING} for r in cells]
    assert _typed(frame_records(rows, ["x", "y"])) == _typed(records(pd.DataFrame(rows, columns=["x", "y"])))


def test_whole_numbers_with_a_gap_become_floats() -> None:
    out = frame_records([{"yes": 9}, {"yes": None}], ["yes"])
    assert type(out[0]["yes"]) is float and out[0]["yes"] == 9.0
    assert out[1]["yes"] != out[1]["yes"]  # NaN
