"""Record statistics on small typed-in frames shaped like the store's tables."""

from __future__ import annotations

import pandas as pd
import pytest

from unsc.analysis.stats import adoption_over_time, agreement_matrix, p5_alignment, veto_counts, vote_matrix

P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]


@pytest.fixture
def vetoes():
    # public facts: S/2024/239 (China, Russia), S/2023/970 (US), S/3710 1956 (France, UK), an early USSR veto
    return pd.DataFrame(
        {
            "decision_id": ["S/2024/239", "S/2024/239", "S/2023/970", None, None, "S/PV.23#1"],
            "draft": ["S/2024/239", "S/2024/239", "S/2023/970", "S/3710", "S/3710", None],
            "date": pd.to_datetime(
                ["2024-03-22", "2024-03-22", "2023-12-08", "1956-10-30", "1956-10-30", "1946-02-16"]
            ),
            "member": ["CHN", "RUS", "USA", "FRA", "GBR", "SUN"],
            "title": [
                "Middle East",
                "Middle East",
                "Middle East",
                "Suez Canal: letter",
                "Suez Canal: letter",
                "Syria and Lebanon",
            ],
        }
    )


def test_member_counts_with_joint(vetoes):
    t = veto_counts(vetoes, by="member")
    assert t.loc["RUS", "member_vetoes"] == 2  # USSR counted for the Russia/USSR seat
    assert t.loc["RUS", "joint"] == 1 and t.loc["RUS", "sole"] == 1
    assert t.loc["USA", "sole"] == 1
    separate = veto_counts(vetoes, by="member", merge_successors=False)
    assert separate.loc["SUN", "member_vetoes"] == 1 and separate.loc["RUS", "member_vetoes"] == 1


def test_per_draft_and_per_member_differ(vetoes):
    t = veto_counts(vetoes, by="decade")
    assert t.loc["2020s", "member_vetoes"] == 3
    assert t.loc["2020s", "drafts"] == 2
    assert t.loc["2020s", "joint_drafts"] == 1
    assert t.loc["1950s", ["FRA", "GBR"]].tolist() == [1, 1]
    assert t["member_vetoes"].sum() == len(vetoes)


def test_periods_and_topics(vetoes):
    p = veto_counts(vetoes, by="period")
    assert p.index[0].startswith("1946-1965")
    assert p.loc[p.index[0], "drafts"] == 2
    decisions = pd.DataFrame({"decision_id": ["S/2024/239", "S/2023/970"], "topic": ["Gaza", "Gaza"]})
    topics = veto_counts(vetoes, by="topic", decisions=decisions)
    assert topics.loc["Gaza", "drafts"] == 2
    assert "Suez Canal" in topics.index  # from the title where no topic is recorded
    with pytest.raises(ValueError, match="unknown grouping"):
        veto_counts(vetoes, by="colour")


def test_since_until(vetoes):
    assert veto_counts(vetoes, by="member", since=2000)["member_vetoes"].sum() == 3
    assert veto_counts(vetoes, by="member", until="1950-01-01")["member_vetoes"].sum() == 1


@pytest.fixture
def votes():
    # three decisions: all yes; US no + France abstain; China and Russia no
    rows = []
    for did, vs in {"d1": "YYYYY", "d2": "YAYYN", "d3": "NYNYY"}.items():
        rows += [{"decision_id": did, "member": m, "vote": v} for m, v in zip(P5, vs, strict=True)]
    rows.append({"decision_id": "d3", "member": "JPN", "vote": "X"})
    return pd.DataFrame(rows)


@pytest.fixture
def decisions():
    return pd.DataFrame(
        {
            "decision_id": ["d1", "d2", "d3", "d4"],
            "date": pd.to_datetime(["2019-05-01", "2020-05-01", "2021-05-01", "2021-06-01"]),
            "modality": ["recorded", "recorded", "recorded", "without_vote"],
        }
    )


def test_agreement_share_and_index(votes, decisions):
    share = agreement_matrix(votes, decisions, members=P5, method="share")
    idx = agreement_matrix(votes, decisions, members=P5, method="index")
    assert share.loc["CHN", "RUS"] == 1.0
    assert share.loc["FRA", "USA"] == pytest.approx(2 / 3)  # d1 Y-Y, d2 A-N, d3 Y-Y
    assert idx.loc["FRA", "USA"] == pytest.approx((1 + 0.5 + 1) / 3)
    assert idx.loc["CHN", "USA"] == pytest.approx((1 + 0 + 0) / 3)
    assert (share.values.diagonal() == 1).all()
    assert (share == share.T).all().all()


def test_agreement_contested_and_counts(votes, decisions):
    _, n = agreement_matrix(votes, decisions, members=P5, contested_only=True, with_counts=True)
    assert n.loc["CHN", "RUS"] == 2
    m2 = agreement_matrix(votes, decisions, members=["CHN", "JPN"], min_common=1)
    assert m2.isna().loc["CHN", "JPN"]  # Japan only has an X: no common votes


def test_vote_matrix_drops_without_vote(votes, decisions):
    extra = pd.concat([votes, pd.DataFrame({"decision_id": ["d4"], "member": ["USA"], "vote": ["Y"]})])
    assert "d4" not in vote_matrix(extra, decisions).index
    assert "d4" in vote_matrix(extra, decisions, recorded_only=False).index


def test_p5_alignment_windows(votes, decisions):
    r = p5_alignment(votes, decisions, window=2)
    assert sorted(r["window_end"].unique()) == [2020, 2021]
    cr = r[(r.pair == "CHN-RUS") & (r.window_end == 2021)].iloc[0]
    assert cr.agreement == 1.0 and cr.decisions == 2
    cu = r[(r.pair == "CHN-USA") & (r.window_end == 2021)].iloc[0]
    assert cu.agreement == pytest.approx(0.0)


def test_adoption_over_time():
    d = pd.DataFrame(
        {
            "date": pd.to_datetime(["2014-12-30", "2016-12-23", "2016-10-06", "2016-04-01"]),
            "adopted": [False, True, True, True],
            "failure_reason": ["insufficient_votes", "none", "none", "none"],
            "modality": ["recorded", "recorded", "without_vote", "recorded"],
            "yes": [8, 14, None, 15],
            "no": [2, 0, None, 0],
            "abstain": [5, 1, None, 0],
            "non_voting": [0, 0, None, 0],
        }
    )
    t = adoption_over_time(d)
    assert t.loc[2014, "insufficient_votes"] == 1 and t.loc[2014, "contested"] == 1
    assert t.loc[2016, "without_vote"] == 1
    assert t.loc[2016, "unanimous"] == 1 and t.loc[2016, "divided"] == 1
    assert t.loc[2016, "adoption_rate"] == 1.0
    assert t.loc[2016, "unanimity_rate"] == 0.5
    assert adoption_over_time(d, by="decade").loc[2010, "decisions"] == 4


def test_since_until_with_no_vetoes_in_the_period(vetoes):
    # by="member" on a period without vetoes failed with "Buffer has wrong number of dimensions"
    for by in ("member", "year", "decade", "period", "topic"):
        t = veto_counts(vetoes, by=by, since=2090)
        assert t.empty and "member_vetoes" in t.columns, by


@pytest.mark.parametrize("bad", ["abc", "2024-13-01"])
def test_bad_date_names_the_value(vetoes, bad):
    with pytest.raises(ValueError, match=f"bad date '{bad}'.*YYYY-MM-DD"):
        veto_counts(vetoes, since=bad)


def test_agreement_matrix_takes_member_names():
    # agreement_matrix(members=["China", "Russia"]) was all NaN: names were used as column labels
    from unsc.analysis.stats import agreement_matrix

    v = pd.DataFrame({"decision_id": list("aabb"), "member": ["CHN", "RUS"] * 2, "vote": ["Y", "Y", "N", "Y"]})
    by_name = agreement_matrix(v, members=["China", "Russia"], method="share")
    assert list(by_name.columns) == ["CHN", "RUS"]
    assert by_name.loc["CHN", "RUS"] == 0.5


def test_acclamation_is_without_a_vote_everywhere(votes, decisions):
    """A Secretary-General appointed by acclamation was adopted without a vote: not a unanimous recorded vote in the
    yearly counts, and not a row of every member's 'yes' in the vote matrix."""
    acclaimed = decisions.assign(modality=["recorded", "recorded", "recorded", "acclamation"])
    acclaimed = acclaimed.assign(adopted=True, yes=[15, 15, 15, 0], no=0, abstain=0, non_voting=0)
    year = adoption_over_time(acclaimed).loc[2021]
    assert year["without_vote"] == 1 and year["recorded_known"] == 1 and year["unanimous"] == 1
    extra = pd.concat([votes, pd.DataFrame({"decision_id": ["d4"], "member": ["USA"], "vote": ["Y"]})])
    assert "d4" not in vote_matrix(extra, acclaimed).index
