"""Tests for the DHL HTML readers: typed-in snippets for the tricky parsing, and the real pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from unsc.record.sources.dhl_html import (
    MeetingsSummary,
    parse_outcomes,
    read_meetings_table,
    read_meetings_table_text,
    read_meetings_tables,
    read_veto_list,
    read_veto_list_text,
    split_vetoers,
    veto_list_counts,
)
from unsc.record.sources.frame import DECISION_COLUMNS, SourceError

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
    assert pd.isna(d["draft"][2])
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


def test_split_vetoers_reports_leftovers() -> None:
    assert split_vetoers("UK and USA") == (["GBR", "USA"], "")
    codes, rest = split_vetoers("USA, Narnia")
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
    assert veto.accounting()["rows_in"] == veto.accounting()["emitted"] == 213
    assert d["date"].min() == dt.date(1946, 2, 16)
    assert d["date"].max() == dt.date(2022, 5, 26)
    first = d[d["date"] == dt.date(1946, 2, 16)].iloc[0]
    assert first["vetoed_by"] == ["SUN"] and first["meeting"] == "S/PV.23"
    last = d[d["draft"] == "S/2022/431"].iloc[0]
    assert last["vetoed_by"] == ["CHN", "RUS"] and last["meeting"] == "S/PV.9048"
    assert last["date"] == dt.date(2022, 5, 26)
    assert (d["kind"] == "preliminary_question").sum() == 3


def test_real_veto_counts(veto) -> None:
    counts = veto_list_counts(veto)
    # as the page lists them: a row naming several members counts for each
    assert counts == {"CHN": 17, "FRA": 17, "GBR": 29, "RUS": 30, "SUN": 90, "USA": 82}
    assert sum(len(v) for v in veto.decisions["vetoed_by"]) == sum(counts.values())


# --- yearly meetings tables: snippets --------------------------------------------------------------

MEETINGS_HEAD = """<html><table>
<tr><th colspan="4" class="tbltitle">Meetings conducted by the Security Council in 1950</th></tr>
<tr><th>Meeting<br>Record</th><th>Date</th><th>Topic</th><th>Security Council<br> Outcome / Vote</th></tr>
"""

ROWSPAN_ROWS = """
<tr>
  <th rowspan="2"><a href="https://undocs.org/en/S/PV.530"><p><span>S/PV.530</span></p></th></a>
  <th rowspan="2"><p><span>30 November</p></span></th>
  <td>Complaint of armed invasion of Taiwan (Formosa)</td>
  <td>Draft resolution <a href="x">S/1921</a> not adopted<br>1-9-0<br> <br>
      Draft resolution <a href="x">S/1757</a> not adopted<br>1-9-0</td>
</tr>
<tr>
  <td>Complaint of aggression upon the Republic of Korea</td>
  <td>Draft resolution <a href="x">S/1894</a> vetoed by USSR<br>9-1-0</td>
</tr>
<tr><td>S/PV.529</td><td>08 November</td><td>Korea</td>
  <td><a href="x">S/RES/88 (1950)</a><br>8-2-1<br> <br>Draft resolution S/1889 not adopted <br>2-3-6</td></tr>
<tr><td>S/PV.528</td><td>7 November</td><td>Palestine</td><td>S/PRST/1950/1</td></tr>
<tr><td>S/PV.527</td><td>6 November</td><td>Palestine</td><td>--</td></tr>
"""


def _meetings(rows: str, year: int = 1950):
    return read_meetings_table_text(MEETINGS_HEAD + rows + "</table></html>", file=f"scact{year}_table_en.html")


def test_rowspans_and_several_outcomes_in_one_cell() -> None:
    summary = MeetingsSummary()
    page = MEETINGS_HEAD + ROWSPAN_ROWS + "</table></html>"
    frame = read_meetings_table_text(page, file="scact1950_table_en.html", summary=summary)
    d = frame.decisions
    assert frame.issues == []
    assert [None if pd.isna(x) else x for x in d["draft"]] == ["S/1921", "S/1757", "S/1894", None, "S/1889"]
    # the second topic row inherits meeting and date from the rowspan cells
    assert d["meeting"].tolist() == ["S/PV.530"] * 3 + ["S/PV.529"] * 2
    assert d["date"].tolist()[:3] == [dt.date(1950, 11, 30)] * 3
    assert d["title"][2] == "Complaint of aggression upon the Republic of Korea"
    assert d["failure_reason"].tolist() == [
        "insufficient_votes",
        "insufficient_votes",
        "veto",
        "none",
        "insufficient_votes",
    ]
    assert d["vetoed_by"][2] == ["SUN"]
    assert (d["yes"][2], d["no"][2], d["abstain"][2]) == (9, 1, 0)
    assert d["resolution"][3] == "88 (1950)" and d["resolution_number"][3] == 88 and bool(d["adopted"][3])
    assert summary.outcomes["prst"] == 1 and summary.rows_per_year[1950] == 5
    assert summary.table_rows_per_year[1950] == 5


@pytest.mark.parametrize(
    ("cell", "expect"),
    [
        ("S/RES/2451 (2018) 15-0-0", ("resolution", None, (15, 0, 0), [])),
        ("Draft resolutionS/1995/394vetoed by USA 14-1-0", ("draft", "vetoed", (14, 1, 0), ["USA"])),
        ("Draft resolution S/10489 vetoed by\nUK\n9-1-5", ("draft", "vetoed", (9, 1, 5), ["GBR"])),
        (
            "Draft resolution S/11713 vetoed by USA, UK and\nFrance\n10-3-2",
            ("draft", "vetoed", (10, 3, 2), ["USA", "GBR", "FRA"]),
        ),
        ("Draft resolution (S/2014/189) vetoed by Russian Federation 13-1-1", ("draft", "vetoed", (13, 1, 1), ["RUS"])),
        ("Draft resolution S/2022/231 was not adopted 2-0-13", ("draft", "not_adopted", (2, 0, 13), [])),
        ("S/RES/1 (1946) without vote", ("resolution", None, (0, 0, 0), [])),
        ("S/2020/667\nvetoed by China, Russian Federation\n13-2-0", ("draft", "vetoed", (13, 2, 0), ["CHN", "RUS"])),
    ],
)
def test_outcome_phrasings(cell: str, expect: tuple) -> None:
    [o] = parse_outcomes(cell, 2000)
    assert (o.what, o.status, o.tally, o.vetoed_by) == expect
    assert o.problem is None


def test_non_voting_where_stated() -> None:
    [o] = parse_outcomes("S/RES/1280 (1999)\n11-0-3\n(France did not participate in the voting.)", 1999)
    assert o.tally == (11, 0, 3) and o.non_voting == 1
    [o] = parse_outcomes("S/RES/1287 (2000) 14-0-0 (1 absent)", 2000)
    assert o.non_voting == 1
    [o] = parse_outcomes("S/RES/1 (1962) 10-0-0 (1 not participating)", 1962)
    assert o.non_voting == 1


def test_not_votes_are_counted_not_returned() -> None:
    outs = parse_outcomes("S/PRST/2006/54 + Communiqué\nS/11229 (PRST)\nElection of Mr. Hsu Mo (China)\n--")
    assert [o.what for o in outs] == ["prst", "other", "prst", "other"]
    assert not any(o.is_vote for o in outs)


def test_preliminary_question_and_s_pv_drafts() -> None:
    [o] = parse_outcomes("Draft resolution S/PV.303 (preliminary question) vetoed by USSR", 1948)
    assert o.kind == "preliminary_question" and o.drafts == ["S/PV.303"] and o.vetoed_by == ["SUN"]
    rows = _meetings(
        "<tr><td>S/PV.303</td><td>24 May</td><td>Czechoslovakia</td>"
        "<td>Draft resolution S/PV.303 (preliminary question) vetoed by USSR</td></tr>",
        1948,
    )
    row = rows.decisions.iloc[0]
    assert pd.isna(row["draft"])
    assert "S/PV.303" in row["note"] and row["kind"] == "preliminary_question"


def test_unknown_phrasing_becomes_an_issue_with_the_cell() -> None:
    cell = "Draft resolution S/1234 withdrawn by its sponsors"
    frame = _meetings(
        f"<tr><td>S/PV.500</td><td>1 October</td><td>X</td><td>{cell}</td></tr>"
        "<tr><td>S/PV.501</td><td>2 October</td><td>Y</td><td>S/RES/87 (1950) 9-1-1</td></tr>"
        "<tr><td>S/PV.502</td><td>3 October</td><td>Z</td><td>2-0-13</td></tr>"
    )
    assert frame.decisions["resolution"].tolist() == ["87 (1950)"]
    assert len(frame.issues) == 2
    first = frame.issues[0]
    assert first.field == "outcome" and "withdrawn" in first.reason and first.raw["outcome"] == cell
    assert "2-0-13" in frame.issues[1].reason


def test_duplicates_and_resolution_number_typos_are_issues() -> None:
    row = "<tr><td>S/PV.6576</td><td>8 July</td><td>Sudan</td><td>S/RES/{n} (2011) 15-0-0</td></tr>"
    rows = "".join(
        [
            row.format(n=12).replace("8 July", "20 July"),
            row.format(n=10).replace("8 July", "18 July"),  # typo: 10 out of order
            row.format(n=11).replace("8 July", "15 July"),
            row.format(n=11).replace("8 July", "15 July"),  # exact duplicate
            row.format(n=10).replace("8 July", "10 July"),
        ]
    )
    frame = _meetings(rows, 2011)
    assert sorted(frame.decisions["resolution_number"].tolist()) == [10, 11, 12]
    assert frame.decisions.set_index("resolution_number")["date"][10] == dt.date(2011, 7, 10)
    reasons = [i.reason for i in frame.issues]
    assert any("exact duplicate" in r for r in reasons)
    assert any("out of order" in r for r in reasons)
    assert len(frame.issues) == 2


def test_meetings_garbage_and_truncated_files(tmp_path: Path) -> None:
    page = MEETINGS_HEAD + ROWSPAN_ROWS + "</table></html>"
    cut = tmp_path / "scact1950_table_en.html"
    cut.write_text(page[: len(page) // 2], encoding="utf-8")
    with pytest.raises(SourceError, match=r"scact1950_table_en\.html.*truncated"):
        read_meetings_table(cut)
    other = tmp_path / "scact1951_table_en.html"
    other.write_text("<html><table><tr><td>nothing here</td></tr></table></html>", encoding="utf-8")
    with pytest.raises(SourceError, match=r"scact1951_table_en\.html.*header"):
        read_meetings_table(other)
    with pytest.raises(SourceError, match="no scact"):
        read_meetings_tables(tmp_path / "empty")


# --- yearly meetings tables: the real pages -----------------------------------------------------


@pytest.fixture(scope="module")
def meetings(data_dir: Path):
    summary = MeetingsSummary()
    frame = read_meetings_tables(data_dir / "dhl_html", summary=summary)
    return frame, summary


def _one(frame, **where):
    d = frame.decisions
    mask = True
    for k, v in where.items():
        mask = mask & (d[k] == v)
    rows = d[mask]
    assert len(rows) == 1, where
    return rows.iloc[0]


def test_real_tables_cover_every_year(meetings) -> None:
    frame, summary = meetings
    assert set(summary.rows_per_year) == set(range(1946, 2023))
    assert sum(summary.rows_per_year.values()) == len(frame.decisions)
    # every resolution 1..2640 once (the tables end in mid-2022), except two the tables misnumber:
    # 666 (1990) printed as 663 and 695 (1991) printed as 701, each reported as an issue
    numbers = frame.decisions["resolution_number"].dropna().astype(int)
    assert sorted(numbers) == sorted(set(range(1, 2641)) - {666, 695})
    typos = [i for i in frame.issues if i.field == "resolution"]
    assert sorted(i.raw["resolution"] for i in typos) == ["663 (1990)", "701 (1991)"]
    assert len(frame.issues) <= 10
    acc = frame.accounting()
    assert acc["rows_in"] == acc["out_of_scope"] + acc["emitted"] + acc["quarantined"]


def test_real_tables_known_outcomes(meetings) -> None:
    frame, _ = meetings
    r = _one(frame, resolution="2451 (2018)")
    assert (r["yes"], r["no"], r["abstain"]) == (15, 0, 0) and r["date"] == dt.date(2018, 12, 21)
    r = _one(frame, draft="S/2018/321")
    assert r["vetoed_by"] == ["RUS"] and (r["yes"], r["no"], r["abstain"]) == (12, 2, 1)
    r = _one(frame, draft="S/1894")
    assert r["vetoed_by"] == ["SUN"] and (r["yes"], r["no"], r["abstain"]) == (9, 1, 0)
    assert r["meeting"] == "S/PV.530" and r["date"] == dt.date(1950, 11, 30)
    r = _one(frame, draft="S/2014/916")
    assert r["failure_reason"] == "insufficient_votes" and r["vetoed_by"] == []
    assert (r["yes"], r["no"], r["abstain"]) == (8, 2, 5) and not r["adopted"]
    r = _one(frame, draft="S/2020/852")  # written procedure of 2020
    assert r["vetoed_by"] == ["USA"] and r["date"] == dt.date(2020, 8, 31)


def test_real_tables_vetoes_match_the_veto_list(meetings, veto) -> None:
    frame, _ = meetings
    vetoed = frame.decisions[frame.decisions["failure_reason"] == "veto"]
    assert len(vetoed) == len(veto.decisions)
