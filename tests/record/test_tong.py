"""Tests for the Tong workbook readers: small typed-in workbooks and the real files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from unsc.record.sources.frame import DECISION_COLUMNS, VOTE_COLUMNS, SourceError
from unsc.record.sources.tong import parse_list, read_failed_drafts_sample, read_meetings_outcomes, resolve_member

FAILED_COLS = [
    "Meeting Number",
    "Voting On",
    "Year",
    "Submitted By",
    "In Favor",
    "Abstain",
    "Against",
    "Note",
    "For,Abstain,Against",
    "Members",
]


def _failed_book(tmp_path: Path, rows: list[list]) -> Path:
    p = tmp_path / "failed.xlsx"
    pd.DataFrame(rows, columns=FAILED_COLS).to_excel(p, index=False)
    return p


ELEVEN = "['Argentina', 'Belgium', 'Canada', 'China', 'Colombia', 'France', 'Russian Federation', 'Syria', 'Ukraine', 'United Kingdom', 'United States']"


def test_failed_rows_votes_and_mismatch(tmp_path: Path) -> None:
    path = _failed_book(
        tmp_path,
        [
            [
                386,
                "S/1127",
                1948,
                "['France']",
                "['Belgium', 'Canada', 'France', 'Syria', 'United Kingdom']",
                "['Argentina', 'Colombia', 'Ukraine', 'Russian Federation', 'United States']",
                "[]",
                None,
                "(6, 5, 0)",
                ELEVEN,
            ],
            [
                381,
                "S/1076 Paragraphs 1-4",
                1948,
                "['Russian Federation']",
                "['Ukraine', 'Russian Federation']",
                "['Argentina', 'Belgium', 'Canada', 'China', 'Colombia', 'France', 'Syria', 'United Kingdom', 'United States']",
                "[]",
                None,
                "(2, 9, 0)",
                ELEVEN,
            ],
            [
                8228,
                "S/2018/321",
                2018,
                "['United States']",
                "['Bolivia (Plurinational State of)', 'Côte d\\'Ivoire', 'Equatorial Guinea', 'Ethiopia', 'France', 'Kuwait', 'Netherlands', 'Peru', 'Poland', 'Sweden', 'United Kingdom', 'United States']",
                "['China']",
                "['Russian Federation', 'Kazakhstan']",
                "Negative vote",
                "(12, 1, 2)",
                None,
            ],
        ],
    )
    frame = read_failed_drafts_sample(path)
    d, v = frame.decisions, frame.votes
    assert list(d.columns) == list(DECISION_COLUMNS) and list(v.columns) == list(VOTE_COLUMNS)
    assert d["meeting"].tolist() == ["S/PV.386", "S/PV.381", "S/PV.8228"]
    assert d["draft"].tolist() == ["S/1127", "S/1076", "S/2018/321"]
    assert d["kind"].tolist() == ["draft_resolution", "part", "draft_resolution"]
    # the 1948 tally column says 6-5-0 but the lists give 5-5-0: one issue with both values
    [issue] = frame.issues
    assert issue.row == 1 and issue.field == "For,Abstain,Against"
    assert "(6, 5, 0)" in issue.reason and "(5, 5, 0)" in issue.reason
    assert (d["yes"][0], d["no"][0], d["abstain"][0]) == (6, 0, 5)
    # votes: one per listed member, no one invented; "Russian Federation" in 1948 is the USSR seat
    first = v[v["key"] == d["key"][0]]
    assert len(first) == 10
    assert set(first[first["vote"] == "A"]["member"]) == {"ARG", "COL", "UKR", "SUN", "USA"}
    assert "CHN" not in set(first["member"])
    last = v[v["key"] == d["key"][2]]
    assert dict(zip(last["member"], last["vote"], strict=True))["RUS"] == "N"
    assert d["vetoed_by"][2] == ["RUS"] and d["failure_reason"][2] == "veto"
    assert d["failure_reason"][1] == "insufficient_votes"
    assert d["non_voting"][1] == 0


def test_failed_bad_cells_are_issues(tmp_path: Path) -> None:
    path = _failed_book(
        tmp_path,
        [
            [1, "S/1", 1946, "['France']", "__import__('os').system('true')", "[]", "[]", None, None, None],
            [2, "S/2", 1946, "['Narnia']", "['France', 'Atlantis']", "[]", "[]", None, None, None],
        ],
    )
    frame = read_failed_drafts_sample(path)
    assert frame.decisions["draft"].tolist() == ["S/2"]
    fields = sorted((i.row, i.field) for i in frame.issues)
    assert fields == [(1, "In Favor"), (2, "In Favor"), (2, "Submitted By")]
    assert frame.votes["member"].tolist() == ["FRA"]


def test_parse_list_and_resolve_member() -> None:
    assert parse_list("['A', ' B ']", "f", 1, "x") == ["A", "B"]
    with pytest.raises(ValueError, match="row 4, field 'Abstain'"):
        parse_list("{'a': 1}", "f", 4, "Abstain")
    assert resolve_member("Russian Federation", 1991) == "SUN"
    assert resolve_member("Cote d' Ivoire", 2018) == "CIV"


def test_garbage_and_missing_columns(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(SourceError, match=r"junk\.xlsx"):
        read_failed_drafts_sample(junk)
    wrong = tmp_path / "wrong.xlsx"
    pd.DataFrame({"a": [1]}).to_excel(wrong, index=False)
    with pytest.raises(SourceError, match=r"wrong\.xlsx.*missing columns"):
        read_meetings_outcomes(wrong)


def test_meetings_outcomes_duplicates_and_blank_dates(tmp_path: Path) -> None:
    rows = [
        [1950, "30 November", "Korea", "Draft resolution S/1894 vetoed by USSR9-1-0"],
        [1950, "30 November", "Korea", "Draft resolution S/1894 vetoed by USSR9-1-0"],
        [1948, None, "Palestine", "S/RES/66 (1948)8-0-3"],
        [1948, "29 December", "Indonesia", "--"],
        [2018, "21 December", "Middle East", "S/RES/2451 (2018)  15-0-0\nS/PRST/2018/22"],
        [
            1948,
            "17 December",
            "Israel",
            "Draft resolution S/1127 not adopted6-0-5 Draft resolution S/1125 not adopted2-0-9",
        ],
    ]
    p = tmp_path / "m.xlsx"
    pd.DataFrame(rows, columns=["year", "date", "topics", "result"]).to_excel(p, index=False)
    frame = read_meetings_outcomes(p)
    d = frame.decisions
    assert d["draft"].tolist()[:1] == ["S/1894"] and d["vetoed_by"][0] == ["SUN"]
    assert d["resolution"].dropna().tolist() == ["2451 (2018)"]
    assert d[d["source_row"] == 6]["draft"].tolist() == ["S/1127", "S/1125"]
    assert d[d["source_row"] == 6]["failure_reason"].tolist() == ["insufficient_votes"] * 2
    assert d["date"][0] == dt.date(1950, 11, 30)
    reasons = {i.row: i.reason for i in frame.issues}
    assert reasons[2] == "exact duplicate of row 1: dropped"
    assert reasons[3] == "blank date"
    acc = frame.accounting()
    assert acc == {"rows_in": 6, "out_of_scope": 1, "emitted": 3, "quarantined": 2, "issues": 2}


# --- the real files ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def failed(data_dir: Path):
    return read_failed_drafts_sample(data_dir / "unsc_failed_drafts_member_votes_sample_1947_2022_tong.xlsx")


@pytest.fixture(scope="module")
def outcomes(data_dir: Path):
    return read_meetings_outcomes(data_dir / "unsc_meetings_outcomes_1946_2019_tong.xlsx")


def test_real_failed_sample(failed) -> None:
    d = failed.decisions
    assert len(d) == 53 and failed.rows_in == 53
    mismatch = [i for i in failed.issues if i.field == "For,Abstain,Against"]
    assert len(mismatch) == 1 and mismatch[0].raw["Meeting Number"] == 386
    assert "(6, 5, 0)" in mismatch[0].reason and "(5, 5, 0)" in mismatch[0].reason
    # every vote row names a known member; listed votes add up to the lists' sizes
    assert failed.votes["member"].str.fullmatch(r"[A-Z]{3}").all()
    r = d[d["draft"] == "S/2018/321"].iloc[0]
    assert (r["yes"], r["no"], r["abstain"]) == (12, 2, 1) and r["vetoed_by"] == ["RUS"]
    # S/12138 (1976): 6-0-2 with seven members not taking part, from the "Members" column
    r = d[d["draft"] == "S/12138"].iloc[0]
    assert (r["yes"], r["no"], r["abstain"], r["non_voting"]) == (6, 0, 2, 7)
    sun = failed.votes[failed.votes["member"] == "SUN"]
    assert len(sun) > 0 and (sun["member_name"] == "Russian Federation").all()


def test_real_meetings_outcomes(outcomes) -> None:
    assert outcomes.rows_in == 9007
    dups = [i for i in outcomes.issues if "exact duplicate" in i.reason]
    blank = [i for i in outcomes.issues if "blank" in i.reason]
    assert len(dups) == 468 and len(blank) == 20
    acc = outcomes.accounting()
    assert acc["rows_in"] == acc["out_of_scope"] + acc["emitted"] + acc["quarantined"]
    unread = [i for i in outcomes.issues if i.field == "result"]
    assert unread == []
    d = outcomes.decisions
    r = d[d["draft"] == "S/2018/321"].iloc[0]
    assert r["vetoed_by"] == ["RUS"] and (r["yes"], r["no"], r["abstain"]) == (12, 2, 1)
    r = d[d["draft"] == "S/2018/355"].iloc[0]
    assert r["failure_reason"] == "insufficient_votes" and (r["yes"], r["no"], r["abstain"]) == (3, 8, 4)
    assert d["date"].min() == dt.date(1946, 1, 25) or d["date"].min().year == 1946
