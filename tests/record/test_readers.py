"""Readers on typed fixtures and small malformed files (no real data needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unsc.record.sources.frame import SourceError
from unsc.record.sources.normalize import format_resolution, parse_draft, parse_resolution
from unsc.record.sources.undl_csv import read_undl_csv
from unsc.record.sources.undl_wide import read_undl_wide
from unsc.rules.charter import code_of_the_time

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "undl"


def test_undl_csv_fixture() -> None:
    f = read_undl_csv(FIXTURES / "2026_02_06_sc_voting.csv")
    d = f.decisions.set_index("resolution_number")
    assert (d.loc[2728, "yes"], d.loc[2728, "no"], d.loc[2728, "abstain"]) == (14, 0, 1)
    assert d.loc[2728, "draft"] == "S/2024/254" and d.loc[2728, "meeting"] == "S/PV.9586"
    assert d.loc[2311, "modality"] == "without_vote" and d.loc[2311, "yes"] == 0
    usa = f.votes[(f.votes["key"] == "res2728") & (f.votes["member"] == "USA")]
    assert usa["vote"].tolist() == ["A"]
    # the two malformed rows are quarantined with their row and field, nothing else
    assert sorted((i.row, i.field) for i in f.issues) == [(31, "ms_vote"), (32, "resolution")]
    acc = f.accounting()
    assert acc["rows_in"] == acc["emitted"] + acc["quarantined"] + acc["out_of_scope"]


def test_undl_csv_tally_mismatch(tmp_path: Path) -> None:
    text = (FIXTURES / "2026_02_06_sc_voting.csv").read_text().splitlines()
    bad = [text[0]] + [line.replace(",14,0,1,0,15,", ",13,0,1,0,15,") for line in text[1:16]]
    p = tmp_path / "sc_voting.csv"
    p.write_text("\n".join(bad) + "\n")
    with pytest.raises(SourceError, match=r"row 1.*total_yes.*13 but the member rows give 14"):
        read_undl_csv(p)


WIDE_HEADER = "Council,Date,Title,Resolution,TOTAL VOTES,NO-VOTE COUNT,ABSENT COUNT,NO COUNT,YES COUNT,Link,token"


def _wide(tmp_path: Path, members: list[str], rows: list[str]) -> Path:
    p = tmp_path / "wide.csv"
    p.write_text(WIDE_HEADER + "," + ",".join(members) + "\n" + "\n".join(rows) + "\n")
    return p


def test_wide_quirks_and_without_vote(tmp_path: Path) -> None:
    p = _wide(
        tmp_path,
        ["Aa UNITED STATES", " UNITED KINGDOM", "USSR", "FRANCE"],
        [
            "Security Council,1950-01-01,t,S/RES/9(1950),4,0,1,0,3,,1,Y,Y,A,Y",
            "General Assembly,1950-01-01,t,A/RES/1,0,0,0,0,0,,2,,,,",
            "Security Council,1992-01-01,t,S/RES/726(1992),4,4,0,0,0,,3,X,X,X,X",
        ],
    )
    f = read_undl_wide(p)
    assert f.out_of_scope == 1 and f.rows_in == 3
    assert set(f.votes["member"]) == {"USA", "GBR", "SUN", "FRA"}
    d = f.decisions.set_index("resolution_number")
    assert d.loc[726, "modality"] == "without_vote" and d.loc[726, "yes"] == 0
    assert any("Aa UNITED STATES" in n for n in f.notes)


@pytest.mark.parametrize(
    ("row", "match"),
    [
        (
            "Security Council,1950-01-01,t,S/RES/9(1950),4,0,1,0,3,,1,Y,Y,A,N",
            r"row 1, field 'YES COUNT'.*member columns give 2",
        ),
        ("Security Council,1950-01-01,t,S/RES/9(1950),4,0", r"row 1, field 'YES COUNT'.*truncated"),
        ("Security Council,1950-01-01,t,S/RES/9(1950),4,0,1,0,3,,1,Y,Y,Q,Y", r"row 1, field 'USSR'"),
    ],
)
def test_wide_malformed(tmp_path: Path, row: str, match: str) -> None:
    p = _wide(tmp_path, ["UNITED STATES", "UNITED KINGDOM", "USSR", "FRANCE"], [row])
    with pytest.raises(SourceError, match=match):
        read_undl_wide(p)


def test_wide_unknown_member(tmp_path: Path) -> None:
    p = _wide(tmp_path, ["ATLANTIS"], ["Security Council,1950-01-01,t,S/RES/9(1950),1,0,0,0,1,,1,Y"])
    with pytest.raises(SourceError, match=r"row 1, field 'ATLANTIS'.*no known state"):
        read_undl_wide(p)


@given(
    st.integers(1, 2999),
    st.integers(1946, 2030),
    st.sampled_from(["S/RES/{n} ({y})", "{n} ({y})", "S/RES/{n}({y})", "Resolution {n} ({y})", " {n} ({y}"]),
)
def test_resolution_spellings(n: int, y: int, fmt: str) -> None:
    assert parse_resolution(fmt.format(n=n, y=y)) == (n, y)
    assert format_resolution(n, y) == f"{n} ({y})"


@given(st.integers(1994, 2030), st.integers(1, 2000))
def test_draft_symbols(y: int, n: int) -> None:
    assert parse_draft(f"s/{y}/{n} (amendment)") == f"S/{y}/{n}"


def test_seat_codes() -> None:
    assert code_of_the_time("RUS", dt.date(1991, 12, 23)) == "SUN"
    assert code_of_the_time("SUN", dt.date(1991, 12, 31)) == "RUS"  # res. 725 labelled USSR
    assert code_of_the_time("CZE", dt.date(1978, 1, 1)) == "CSK"
