"""Tests for the DHL HTML readers: typed-in snippets for the tricky parsing, and the real pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from unsc.record.sources.base import DECISION_COLUMNS, SourceError
from unsc.record.sources.dhl_html import read_veto_list, read_veto_list_text, split_members, veto_counts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "dhl"

VETO_HEAD = """<html><table>
<tr><th colspan="5">Security Council - Veto List</th></tr>
<tr><th>Date</th><th>Draft</th><th>Written<br>Record</th><th>Agenda Item</th><th>Permanent<br>Member</th></tr>
"""


def _veto_page(*rows: str) -> str:
    return VETO_HEAD + "\n".join(rows) + "\n</html>"


def _veto_row(date: str, draft: str, record: str, agenda: str, members: str) -> str:
    return f"<tr><td>{date}</td><td>{draft}</td><td>{record}</td><td>{agenda}</td><td>{members}</td></tr>"


# --- veto list: snippets -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "codes"),
    [
        ("China</br>Russian Federation", ["CHN", "RUS"]),
        ("ChinaRussian Federation", ["CHN", "RUS"]),
        ("Russian FederationChina", ["RUS", "CHN"]),
        ("France</br> UK</br> USA", ["FRA", "GBR", "USA"]),
        ("France, USSR", ["FRA", "SUN"]),
        ("UK<br>USA", ["GBR", "USA"]),
    ],
)
def test_veto_member_cell_is_split(cell: str, codes: list[str]) -> None:
    page = _veto_page(_veto_row("26 May 2022", "S/2022/431", "S/PV.9048", "Item", cell))
    frame = read_veto_list_text(page)
    assert frame.decisions["vetoed_by"].tolist() == [codes]
    assert frame.issues == []


def test_veto_row_fields_and_notes() -> None:
    page = _veto_page(
        _veto_row("14-15 December 2001", "S/2001/1199", "S/PV.4438", "Middle East", "USA"),
        _veto_row("30 January 86", "S/17769/Rev.1", "S/PV.2650", "Occupied territories", "USA"),
        _veto_row("26 June 1946", "S/PV.49", "S/PV.49", "The Spanish question preliminary question", "France, USSR"),
        _veto_row("31 July 1974", "<a href='x'>S/11400</a> (as amended)", "S/PV.1788", "Cyprus", "USSR"),
        _veto_row("31 August 2020", "S/2020/852", "S/2020/870<br>S/2020/865", "Terrorism", "USA"),
    )
    d = read_veto_list_text(page).decisions
    assert list(d.columns) == list(DECISION_COLUMNS)
    assert d["date"].tolist() == [
        dt.date(2001, 12, 15),
        dt.date(1986, 1, 30),
        dt.date(1946, 6, 26),
        dt.date(1974, 7, 31),
        dt.date(2020, 8, 31),
    ]
    assert "14-15 December 2001" in d["note"][0]
    assert d["kind"].tolist() == [
        "draft_resolution",
        "draft_resolution",
        "preliminary_question",
        "draft_resolution",
        "draft_resolution",
    ]
    assert d["draft"][2] is None or d["draft"].isna()[2]
    assert "S/PV.49" in d["note"][2]
    assert d["title"][2] == "The Spanish question"
    assert d["draft"][3] == "S/11400" and "as amended" in d["note"][3]
    assert d["meeting"][4] == "S/2020/870" and "S/2020/865" in d["note"][4]
    assert set(d["failure_reason"]) == {"veto"}
    assert not d["adopted"].any()


def test_veto_unknown_member_is_an_issue_not_a_crash() -> None:
    page = _veto_page(
        _veto_row("26 May 2022", "S/2022/431", "S/PV.9048", "Item", "Atlantis"),
        _veto_row("25 February 2022", "S/2022/155", "S/PV.8979", "Item", "Russian Federation"),
    )
    frame = read_veto_list_text(page)
    assert frame.decisions["draft"].tolist() == ["S/2022/155"]
    [issue] = frame.issues
    assert issue.field == "member" and issue.row == 1 and "Atlantis" in issue.reason


def test_veto_bad_date_is_an_issue() -> None:
    page = _veto_page(_veto_row("sometime", "S/2022/431", "S/PV.9048", "Item", "China"))
    with pytest.raises(SourceError):  # no good rows at all
        read_veto_list_text(page)
    page = _veto_page(
        _veto_row("sometime", "S/2022/431", "S/PV.9048", "Item", "China"),
        _veto_row("1 June 2018", "S/2018/516", "S/PV.8274", "Item", "USA"),
    )
    frame = read_veto_list_text(page)
    assert len(frame.decisions) == 1
    assert frame.issues[0].field == "date" and "sometime" in frame.issues[0].reason


def test_split_members_reports_leftovers() -> None:
    assert split_members("UK and USA") == (["GBR", "USA"], "")
    codes, rest = split_members("USA, Narnia")
    assert codes == ["USA"] and rest == "Narnia"


def test_veto_truncated_or_garbage_file_names_the_file(tmp_path: Path) -> None:
    full = _veto_page(_veto_row("26 May 2022", "S/2022/431", "S/PV.9048", "Item", "China"))
    cut = tmp_path / "scact_veto_table_en.html"
    cut.write_text(full[: len(full) // 2], encoding="utf-8")
    with pytest.raises(SourceError, match=r"scact_veto_table_en\.html.*truncated"):
        read_veto_list(cut)
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x00\x01PK\x03\x04 not html")
    with pytest.raises(SourceError, match=r"junk\.html"):
        read_veto_list(junk)
    with pytest.raises(SourceError, match=r"missing\.html"):
        read_veto_list(tmp_path / "missing.html")


# --- veto list: the real page --------------------------------------------------------------------


@pytest.fixture(scope="module")
def veto(data_dir: Path):
    return read_veto_list(data_dir / "dhl_html" / "scact_veto_table_en.html")


def test_real_veto_list_rows(veto) -> None:
    d = veto.decisions
    assert len(d) == 213
    assert veto.issues == []
    assert d["date"].min() == dt.date(1946, 2, 16)
    assert d["date"].max() == dt.date(2022, 5, 26)
    first = d[d["date"] == dt.date(1946, 2, 16)].iloc[0]
    assert first["vetoed_by"] == ["SUN"] and first["meeting"] == "S/PV.23"
    last = d[d["draft"] == "S/2022/431"].iloc[0]
    assert last["vetoed_by"] == ["CHN", "RUS"] and last["meeting"] == "S/PV.9048"
    assert last["date"] == dt.date(2022, 5, 26)
    assert (d["kind"] == "preliminary_question").sum() == 3


def test_real_veto_counts(veto) -> None:
    counts = veto_counts(veto)
    # as the page lists them: a row naming several members counts for each
    assert counts == {"CHN": 17, "FRA": 17, "GBR": 29, "RUS": 30, "SUN": 90, "USA": 82}
    assert sum(len(v) for v in veto.decisions["vetoed_by"]) == sum(counts.values())
