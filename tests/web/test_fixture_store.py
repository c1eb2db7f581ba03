"""The web tests' store is built by the real build from tests/fixtures/web, and holds what those files say."""

from __future__ import annotations

from pathlib import Path

import pytest

from unsc.record import open_store


@pytest.fixture(scope="module")
def store(fixture_store: Path):
    with open_store(fixture_store) as s:
        yield s


def test_four_votes_with_their_tallies_and_outcomes(store):
    d = store.decisions()
    got = {
        r.decision_id: (r.adopted, r.failure_reason, f"{r.yes}-{r.no}-{r.abstain}", sorted(r.vetoed_by))
        for r in d.itertuples()
    }
    assert got == {
        "S/2024/239": (False, "veto", "11-3-1", ["CHN", "RUS"]),
        "S/2024/254": (True, "none", "14-0-1", []),
        "S/2022/155": (False, "veto", "11-1-3", ["RUS"]),
        "S/1511": (True, "none", "7-1-0", []),
    }
    assert d["rule_agrees"].all()  # the rules engine re-decides each one as recorded


def test_every_source_row_was_read(store):
    assert store.quarantine().empty
    report = store.build_report().set_index("source")
    assert set(report.index) >= {"undl_csv", "voting_agent", "wpdl_veto", "dhl_veto", "dppa_membership"}
    assert report.loc["undl_csv", "decisions_merged"] == 2 and report.loc["voting_agent", "decisions_merged"] == 2


def test_vetoes_members_and_rosters(store):
    assert sorted(zip(store.vetoes()["decision_id"], store.vetoes()["member"], strict=True)) == [
        ("S/2022/155", "RUS"),
        ("S/2024/239", "CHN"),
        ("S/2024/239", "RUS"),
    ]
    in_list = dict(zip(store.vetoes()["decision_id"], store.vetoes()["in_dhl_list"], strict=False))
    assert in_list == {"S/2022/155": True, "S/2024/239": False}  # the Library's list (typed in) ends before 2024
    assert len(store.roster("2024-03-22")) == 15 and "SUN" in store.roster("1950-06-27")
    china = store.members().set_index("code").loc["CHN"]
    assert china["permanent"] and list(china["years"]) == [1950, 2022, 2024]
