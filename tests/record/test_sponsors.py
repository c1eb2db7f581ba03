"""Sponsors: the fuller of two sources' lists, names of the vote's day, and no sponsor voting down its own text.

* Voting-Agent's "Submitted by" cells leave out a text's Council drafters (S/2016/380, S/2023/795,
  S/2024/383, S/2017/962). Where Tong's list names every sponsor Voting-Agent names and more, the
  merge serves Tong's; every other disagreement between the two is a conflicts row.
* Tong files the USSR's drafts of 1947-1971 under "Russian Federation": served as the USSR.
* A sponsor that voted against its own text means the vote or the list belongs to something else.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from unsc.record.crosscheck import sponsor_of_the_time, sponsors_of_the_time
from unsc.record.merge import merge, sponsor_codes
from unsc.record.sources.frame import SourceFrame
from unsc.record.validate import sponsor_rows

DAY = dt.date(2017, 11, 16)


def _frame(source: str, sponsors: str | None) -> SourceFrame:
    row = {
        "source": source, "source_row": 1, "key": f"{source}:1", "date": DAY, "meeting": "S/PV.8105",
        "draft": "S/2017/962", "resolution": None, "resolution_number": None, "title": None, "topic": None,
        "sponsors": sponsors, "kind": "draft_resolution", "modality": "recorded", "adopted": False,
        "failure_reason": "veto", "yes": 11, "no": 2, "abstain": 2, "non_voting": 0, "vetoed_by": ["RUS"],
        "not_participating": [],
    }  # fmt: skip
    return SourceFrame.build(source, [row], [])


@pytest.mark.parametrize(
    ("first", "second", "served"),
    [
        # the second list names every state of the first and two more: the fuller list wins
        ("France, Japan", "France, Italy, Japan and the United States", "France, Italy, Japan and the United States"),
        # lists that each name a state the other lacks: the better source's list, the other one reported
        ("France, Japan", "France, Peru", "France, Japan"),
    ],
)
def test_the_fuller_sponsor_list_is_served_and_every_disagreement_reported(first: str, second: str, served: str):
    result = merge([_frame("voting_agent", first), _frame("tong_failed", second)])
    row = result.decisions.set_index("draft").loc["S/2017/962"]
    assert row["sponsors"] == served
    rows = [c for c in result.conflicts if c["field"] == "sponsors"]
    assert len(rows) == 1 and {rows[0]["value_a"], rows[0]["value_b"]} == {first, second}


def test_the_same_states_written_differently_are_no_disagreement() -> None:
    result = merge(
        [_frame("voting_agent", "Japan,United States"), _frame("tong_failed", "the United States and Japan")]
    )
    assert not [c for c in result.conflicts if c["field"] == "sponsors"]
    assert sponsor_codes("Japan,United States") == sponsor_codes("the United States and Japan") == {"JPN", "USA"}


@pytest.mark.parametrize(
    ("name", "day", "expected"),
    [
        ("Russian Federation", dt.date(1956, 12, 12), "USSR"),
        ("Russian Federation", dt.date(1991, 12, 30), None),
        ("Belarus", dt.date(1974, 6, 1), "Byelorussian SSR"),
        ("Zaire", dt.date(1990, 1, 1), None),
        ("Syria", dt.date(1950, 1, 1), None),
        ("E10", dt.date(2025, 6, 4), None),
    ],
)
def test_a_sponsor_is_renamed_only_when_it_bore_another_name_that_day(name: str, day: dt.date, expected: str | None):
    assert sponsor_of_the_time(name, day) == expected


def test_renaming_keeps_the_rest_of_the_cell_and_reports_the_source_text() -> None:
    d = pd.DataFrame(
        {"decision_id": ["x"], "date": [dt.date(1948, 11, 16)], "sponsors": ["Ukraine and Russian Federation"],
         "sources": [["tong_failed"]]}
    )  # fmt: skip
    out, rows = sponsors_of_the_time(d)
    assert out["sponsors"].tolist() == ["Ukrainian SSR and USSR"]
    assert rows[0]["value_a"] == "Ukraine and Russian Federation"


def test_a_sponsor_voting_against_its_text_or_named_out_of_its_time_is_unexplained() -> None:
    dec = pd.DataFrame(
        {"decision_id": ["a", "b", "c"], "date": [DAY, DAY, dt.date(1950, 1, 13)], "adopted": [False] * 3,
         "sponsors": ["United States", "Russian Federation", "Russian Federation"]}
    )  # fmt: skip
    votes = pd.DataFrame({"decision_id": ["a", "b"], "member": ["USA", "RUS"], "vote": ["N", "A"]})
    found = {(r["decision_id"], r["reason"].split(":")[0]) for r in sponsor_rows(dec, votes)}
    # an abstaining sponsor is not a contradiction; the USSR filed under Russia's name is
    assert found == {("a", "sponsor_voted_against"), ("c", "sponsor_name_of_another_time")}


@pytest.mark.data
def test_the_store_serves_the_drafters_and_no_sponsor_contradicts_its_vote(store) -> None:
    served = {d: store.decision(d)["sponsors"] for d in ("S/2017/962", "S/2023/795", "S/2024/383", "S/404")}
    assert "United States" in served["S/2017/962"] and "Italy" in served["S/2017/962"]
    assert "Russian Federation" in served["S/2023/795"] and "Russian Federation" in served["S/2024/383"]
    assert served["S/404"] == "USSR"
    decisions = store.sql("SELECT decision_id, date, adopted, sponsors FROM decisions")
    votes = store.sql("SELECT decision_id, member, vote FROM votes")
    assert sponsor_rows(decisions, votes) == []
    reported = store.sql("SELECT entity FROM conflicts WHERE field = 'sponsors'")["entity"].tolist()
    assert "S/2017/962" in reported and len(reported) >= 5
