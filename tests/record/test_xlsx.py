"""``read_xlsx`` gives the cells pandas' calamine reader gives, without building the DataFrame."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from unsc.record.sources.frame import read_xlsx, records


def _typed(rows: list[dict[str, Any]]) -> list[dict[str, tuple[str, str]]]:
    """Each cell as (type, text), NaN as one value (NaN != NaN)."""
    return [
        {k: ("nan", "") if isinstance(v, float) and v != v else (type(v).__name__, repr(v)) for k, v in r.items()}
        for r in rows
    ]


def _pandas(path: Path, dtype: type) -> tuple[list[str], list[dict[str, Any]]]:
    df = pd.read_excel(path, dtype=dtype, engine="calamine")
    return [str(c) for c in df.columns], records(df)


def _write_book(path: Path, rows: list[list[Any]]) -> None:
    pytest.importorskip("openpyxl")
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)


@pytest.mark.parametrize("dtype", [str, object])
def test_typed_cells_match_pandas(tmp_path: Path, dtype: type) -> None:
    path = tmp_path / "book.xlsx"
    _write_book(
        path,
        [
            ["Year", "Date,", "Meeting", "Vote", "Share", "Flag"],
            [1994, dt.datetime(1994, 6, 1), 3326, "Yes", 0.5, True],
            [1995, dt.datetime(1995, 1, 2, 13, 30), "S/PV.3400", "NA", 1.25, False],
            [None, None, None, None, None, None],  # a blank line: pandas keeps it, all NaN
            [2001, dt.datetime(2001, 12, 31), None, "", 3.0, None],
        ],
    )
    cols, rows = read_xlsx(path, dtype=dtype)
    pcols, prows = _pandas(path, dtype)
    assert cols == pcols
    assert len(rows) == 4
    assert _typed(rows) == _typed(prows)


def test_a_header_pandas_would_rename_is_read_by_pandas(tmp_path: Path) -> None:
    path = tmp_path / "dup.xlsx"
    _write_book(path, [["a", "a", None], [1, 2, 3]])
    cols, rows = read_xlsx(path)
    assert cols == _pandas(path, str)[0] == ["a", "a.1", "Unnamed: 2"]
    assert rows == [{"a": "1", "a.1": "2", "Unnamed: 2": "3"}]


@pytest.mark.data
@pytest.mark.parametrize(
    ("name", "dtype"),
    [
        ("unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx", str),
        ("unsc_meetings_outcomes_1946_2019_tong.xlsx", object),
        ("unsc_failed_drafts_member_votes_sample_1947_2022_tong.xlsx", object),
    ],
)
def test_the_real_workbooks_match_pandas(data_dir: Path, name: str, dtype: type) -> None:
    cols, rows = read_xlsx(data_dir / name, dtype=dtype)
    pcols, prows = _pandas(data_dir / name, dtype)
    assert cols == pcols
    assert _typed(rows) == _typed(prows)


@pytest.mark.parametrize("dtype", [str, object])
def test_carriage_returns_replaced_when_asked(tmp_path: Path, dtype: type) -> None:
    path = tmp_path / "cr.xlsx"
    _write_book(path, [["Sponsors", "Mixed"], ["France\rGermany", "x\ry"], ["Chile", 3]])
    assert read_xlsx(path, dtype=dtype)[1][0] == {"Sponsors": "France\rGermany", "Mixed": "x\ry"}
    _, rows = read_xlsx(path, dtype=dtype, cr="_x000D_")
    assert [r["Sponsors"] for r in rows] == ["France_x000D_Germany", "Chile"]
    assert rows[0]["Mixed"] == "x_x000D_y"
