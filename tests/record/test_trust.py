"""One trustworthy record: the served values of the named examples, the invariants over the whole
store, and the rules that reconcile member rows with official tallies (issue 9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from unsc.record.decision import RecordedDecision, RecordInvariantError
from unsc.record.errata import ErrataError, load_errata
from unsc.record.reconcile import reconcile

D = dt.date(2020, 1, 1)


# ---------------------------------------------------------------- reconcile: each rule, and its limits


def test_yes_and_no_swapped_are_swapped_back() -> None:
    r = reconcile(
        {"CHN": "Y", "RUS": "Y", "USA": "N", "FRA": "A"},
        (1, 2, 1),
        size=4,
        official_source="dhl_meetings",
        votes_source="voting_agent",
        date=D,
    )
    assert r.votes == {"CHN": "N", "RUS": "N", "USA": "Y", "FRA": "A"} and r.tally == (1, 2, 1)
    assert "swapped" in r.changes[0][3]


def test_a_missing_member_is_deduced_only_when_one_category_is_short() -> None:
    r = reconcile(
        {"USA": "Y", "RUS": "X", "CHN": "N"},
        (1, 2, 0),
        size=3,
        official_source="dhl_meetings",
        votes_source="voting_agent",
        date=D,
        filled=["RUS"],
    )
    assert r.votes["RUS"] == "N" and not r.withheld
    ambiguous = reconcile(
        {"USA": "Y", "RUS": "X", "CHN": "X"},
        (1, 1, 1),
        size=3,
        official_source="dhl_meetings",
        votes_source="voting_agent",
        date=D,
        filled=["RUS", "CHN"],
    )
    assert ambiguous.withheld and ambiguous.votes == {} and ambiguous.tally == (1, 1, 1)
    assert ambiguous.extra == {"USA": "Y", "RUS": "X", "CHN": "X"}  # kept whole for the conflicts table


def test_non_participation_recoded_only_when_the_data_says_who() -> None:
    kw = {"official_source": "dhl_meetings", "votes_source": "undl_wide"}
    named = reconcile(
        {"A1": "Y", "FRA": "A", "GBR": "A"}, (1, 0, 1), size=3, date=D, named_not_participating=["FRA"], **kw
    )
    assert named.votes["FRA"] == "X" and named.not_participating == ("FRA",)
    prc = reconcile({"A1": "Y", "CHN": "A", "SUN": "A"}, (1, 0, 1), size=3, date=dt.date(1978, 3, 19), **kw)
    assert prc.not_participating == ("CHN",) and prc.votes["SUN"] == "A"
    # the same numbers after 1981: nothing says which abstainer did not participate
    later = reconcile({"A1": "Y", "CHN": "A", "SUN": "A"}, (1, 0, 1), size=3, date=dt.date(1990, 1, 1), **kw)
    assert later.withheld


def test_a_table_typo_is_overruled_by_its_own_named_vetoers() -> None:
    rows = {f"E{i}": "Y" for i in range(13)} | {"CHN": "N", "RUS": "N"}
    r = reconcile(
        rows,
        (13, 0, 2),
        size=15,
        official_source="dhl_meetings",
        votes_source="voting_agent",
        date=dt.date(2022, 5, 26),
        named_vetoers=["CHN", "RUS"],
    )
    assert r.tally == (13, 2, 0) and not r.withheld


def test_the_official_file_keeps_its_rows_when_nothing_explains_a_difference() -> None:
    r = reconcile(
        {"A": "Y", "B": "Y"}, (1, 0, 0), size=2, official_source="dhl_meetings", votes_source="undl_csv", date=D
    )
    assert r.tally == (2, 0, 0) and r.disagreement and not r.withheld


# ---------------------------------------------------------------- RecordedDecision invariants


def _rows(yes: list[str], no: list[str] = (), abstain: list[str] = ()) -> list[dict[str, str]]:
    return (
        [{"member": m, "vote": "Y"} for m in yes]
        + [{"member": m, "vote": "N"} for m in no]
        + [{"member": m, "vote": "A"} for m in abstain]
    )


P5 = ["CHN", "FRA", "RUS", "GBR", "USA"]
E10 = ["DZA", "ECU", "GUY", "JPN", "MLT", "MOZ", "KOR", "SLE", "SVN", "CHE"]


def test_a_headline_that_contradicts_the_rows_is_an_invariant_error() -> None:
    row = {"decision_id": "x", "date": dt.date(2024, 3, 22), "adopted": True, "failure_reason": "none", "yes": 6}
    row |= {"no": 0, "abstain": 0, "non_voting": 9}
    rd = RecordedDecision.from_row(row, _rows(P5 + E10[:1]))
    assert any(p.startswith("outcome_vs_rule") for p in rd.problems())
    with pytest.raises(RecordInvariantError, match="outcome_vs_rule"):
        rd.check()
    bad_counts = RecordedDecision.from_row(
        {"decision_id": "y", "date": dt.date(2024, 3, 22), "adopted": True, "failure_reason": "none", "yes": 15}
        | {"no": 0, "abstain": 0},
        _rows(P5 + E10[:9], abstain=E10[9:]),
    )
    assert any(p.startswith("counts_vs_rows") for p in bad_counts.problems())


def test_a_cited_exception_explains_an_outcome_the_rules_do_not_give() -> None:
    row = {"decision_id": "x", "date": dt.date(2024, 3, 22), "adopted": True, "failure_reason": "none", "yes": 6}
    row |= {"resolution_number": 2728, "resolution": "2728 (2024)"}
    rd = RecordedDecision.from_row(row | {"no": 0, "abstain": 0}, _rows(P5 + E10[:1]), exception="cited")
    assert rd.problems() == [] and "Why they differ: cited" in rd.explanation


# ---------------------------------------------------------------- the errata file


def test_errata_entries_all_cite_a_document_and_bad_entries_name_their_field(tmp_path: Path) -> None:
    entries = load_errata()
    assert entries and all(e.citation and e.reason for e in entries)
    bad = tmp_path / "e.toml"
    bad.write_text('[[correction]]\nmatch = { resolution = 1 }\nset = { yes = 3 }\ncitation = "x"\nreason = "y"\n')
    with pytest.raises(ErrataError, match=r"correction 1: field 'set.yes'"):
        load_errata(bad)
    bad.write_text('[[addition]]\ndecision_id = "a"\ndate = 2020-01-01\nkind = "agenda"\nmodality = "recorded"\n')
    with pytest.raises(ErrataError, match=r"addition 1: field 'citation' is required"):
        load_errata(bad)


# ---------------------------------------------------------------- the real store


@pytest.mark.data
def test_the_named_examples_are_served_right(store) -> None:
    d = store.decision("S/RES/2781(2025)")
    assert (d["adopted"], d["tally"], d["draft"]) == (True, "9-0-6", None)
    assert {v["member"] for v in d["votes"] if v["vote"] == "A"} == {"CHN", "DZA", "PAK", "RUS", "SLE", "SOM"}
    assert d["explanation"].startswith("Adopted")
    d = store.decision("S/2022/431")
    assert (d["tally"], d["vetoed_by"]) == ("13-2-0", ["CHN", "RUS"])
    d = store.decision("S/2019/962")
    assert (d["adopted"], d["tally"]) == (False, "5-6-4")
    assert {v["member"] for v in d["votes"] if v["vote"] == "Y"} >= {"CHN", "RUS"}
    d = store.decision("338 (1973)")
    assert d["tally"] == "14-0-0" and d["not_participating"] == ["CHN"]
    assert "China" in d["explanation"] and "did not participate" in d["explanation"]
    assert store.decision("286 (1970)")["modality"] == "without_vote"
    assert store.decision("726 (1992)")["date"] == dt.date(1992, 1, 6)
    assert store.decision("S/2002/799")["resolution_number"] == 1425
    d425 = store.decision("425 (1978)")
    assert d425["draft"] != "S/2002/799" and d425["tally"] == "12-0-2"
    assert store.decision("2775 (2025)")["adopted"] is True
    for sym in ("S/2025/114", "S/2025/115", "S/2025/116", "S/2025/117", "S/2025/118"):
        assert store.decision(sym)["kind"] == "amendment"
    roc = store.vetoes(member="CHN", until="1955-12-31")
    assert dt.date(1955, 12, 13) in set(roc["date"].dt.date)
    assert store.decision("S/PV.7353#1")["kind"] == "agenda" and store.decision("S/PV.7353#1")["adopted"]


@pytest.mark.data
def test_no_decision_in_the_store_contradicts_itself(store) -> None:
    """Over the whole store: counts equal member rows, the headline agrees with the explanation, vetoers
    voted no, and no draft symbol is shared without a cited reason."""
    from unsc.record.merge import SHARED_DRAFTS

    ids = list(store.sql("SELECT decision_id FROM decisions")["decision_id"])
    bad = []
    for did in ids:
        rd = store.recorded(did)
        problems = rd.problems()
        first = rd.explanation.split(":")[0].split(".")[0]
        if rd.adopted is not None and rd.ruling is not None and first.startswith("Adopted") != bool(rd.adopted):
            problems.append(f"headline {rd.headline!r} vs explanation {first!r}")
        if problems:
            bad.append((did, problems))
    assert bad == []
    shared = store.sql("SELECT draft, count(*) n FROM decisions WHERE draft IS NOT NULL GROUP BY 1 HAVING n > 1")
    assert set(shared["draft"]) <= set(SHARED_DRAFTS)


@pytest.mark.data
def test_validate_has_no_unexplained_row(store) -> None:
    v = store.validation()
    assert (v["category"] == "unexplained").sum() == 0
    assert set(v["category"]) <= {"no_member_votes", "shared_draft", "source_error", "roster", "missing_from_sources"}


# ---------------------------------------------------------------- identity, tallies without rows, topics (issue 9 classes)


def test_an_adopted_draft_without_a_resolution_number_is_an_invariant_error() -> None:
    row = {"decision_id": "x", "date": dt.date(2023, 12, 21), "adopted": True, "failure_reason": "none", "yes": 9}
    rd = RecordedDecision.from_row(row | {"no": 0, "abstain": 6}, _rows(P5[:4] + E10[:5], abstain=[P5[4], *E10[5:]]))
    assert any(p.startswith("adopted_without_resolution") for p in rd.problems())
    amendment = RecordedDecision.from_row(row | {"no": 0, "abstain": 6, "kind": "amendment"}, [])
    assert not any(p.startswith("adopted_without_resolution") for p in amendment.problems())


def test_a_tally_without_member_rows_must_allow_its_outcome() -> None:
    row = {"decision_id": "S/5095", "date": dt.date(1962, 3, 23), "adopted": False, "failure_reason": None}
    swapped = RecordedDecision.from_row(row | {"yes": 7, "no": 2, "abstain": 1}, [])
    assert any(p.startswith("tally_vs_outcome") for p in swapped.problems())
    right = RecordedDecision.from_row(row | {"yes": 2, "no": 7, "abstain": 1}, [])
    assert right.problems() == []
    vetoed = RecordedDecision.from_row(row | {"yes": 7, "no": 2, "abstain": 1, "vetoed_by": ["SUN"]}, [])
    assert not any(p.startswith("tally_vs_outcome") for p in vetoed.problems())
    short = {"decision_id": "y", "date": dt.date(1980, 1, 1), "adopted": True, "yes": 8, "no": 0, "abstain": 7}
    assert any(p.startswith("tally_vs_outcome") for p in RecordedDecision.from_row(short, []).problems())


def test_errata_can_correct_a_tally_and_a_block_of_drafts(tmp_path: Path) -> None:
    import pandas as pd

    from unsc.record.errata import apply_errata

    f = tmp_path / "e.toml"
    f.write_text(
        '[[correction]]\nmatch = { drafts = ["S/1", "S/2"] }\nset = { sponsors = "" }\ncitation = "c"\nreason = "r"\n'
        '[[correction]]\nmatch = { draft = "S/3" }\ntally = [2, 7, 1]\ncitation = "c"\nreason = "r"\n'
    )
    base = {"adopted": False, "vetoed_by": [], "sources": ["x"], "date": dt.date(1962, 3, 23), "failure_reason": None}
    base |= {"non_voting": 1, "note": None}
    dec = pd.DataFrame(
        [
            base | {"decision_id": d, "draft": d, "sponsors": "France", "yes": 7, "no": 2, "abstain": 1}
            for d in ("S/1", "S/2", "S/3")
        ]
    )
    votes = pd.DataFrame(
        columns=["decision_id", "member", "member_name", "permanent", "vote", "source", "non_voting_reason"]
    )
    dec2, _, _, rows = apply_errata(dec, votes, pd.DataFrame(), load_errata(f), council_size=lambda d: 11)
    got = dec2.set_index("decision_id")
    assert pd.isna(got.loc["S/1", "sponsors"]) and pd.isna(got.loc["S/2", "sponsors"])
    assert got.loc["S/3", "sponsors"] == "France"
    assert (got.loc["S/3", "yes"], got.loc["S/3", "no"], got.loc["S/3", "non_voting"]) == (2, 7, 1)
    assert got.loc["S/3", "failure_reason"] == "insufficient_votes"
    assert [r["field"] for r in rows] == ["errata:sponsors", "errata:sponsors", "errata:tally"]
    f.write_text(
        '[[correction]]\nmatch = { drafts = ["S/1", "S/9"] }\nset = { sponsors = "" }\ncitation = "c"\nreason = "r"\n'
    )
    with pytest.raises(ErrataError, match=r"S/9.*finds 0 decisions"):
        apply_errata(dec, votes, pd.DataFrame(), load_errata(f))
    f.write_text('[[correction]]\nmatch = { draft = "S/3" }\ntally = [2, 7]\ncitation = "c"\nreason = "r"\n')
    with pytest.raises(ErrataError, match=r"field 'tally'"):
        load_errata(f)


def test_a_topic_that_names_another_place_than_its_meeting_is_replaced_or_withheld() -> None:
    import pandas as pd

    from unsc.record.crosscheck import check_topics

    dec = pd.DataFrame(
        [
            {
                "decision_id": "a",
                "meeting": "S/PV.6631",
                "topic": "Middle East (Syria)",
                "title": "on Haiti (MINUSTAH)",
            },
            {"decision_id": "b", "meeting": "S/PV.6683", "topic": "Middle East (Syria)", "title": "on Abyei, Sudan"},
            {"decision_id": "c", "meeting": "S/PV.1", "topic": "Haiti", "title": "on Haiti"},
            {"decision_id": "d", "meeting": "S/PV.2", "topic": "Kosovo", "title": None},
            {"decision_id": "e", "meeting": "S/PV.3", "topic": "Iran", "title": None},
        ]
    )
    meetings = pd.DataFrame(
        {
            "meeting": ["S/PV.6631", "S/PV.6683", "S/PV.1", "S/PV.2", "S/PV.3"],
            "topic": ["Haiti", "Sudan — Abyei", "Haiti", "Yugoslavia", "Letter from the United States of America"],
        }
    )
    out, rows = check_topics(dec, meetings)
    got = dict(zip(out["decision_id"], out["topic"], strict=True))
    assert got["a"] == "Haiti"  # the meeting's own topic, already a topic of the record
    assert pd.isna(got["b"])  # withheld: the meeting's wording is not a topic the record uses
    assert (got["c"], got["d"], got["e"]) == ("Haiti", "Kosovo", "Iran")  # agrees; within; a letter names its sender
    assert [r["entity"] for r in rows] == ["a", "b"] and all(r["field"] == "crosscheck:topic" for r in rows)


def test_a_duplicate_is_folded_only_into_its_one_twin() -> None:
    import pandas as pd

    from unsc.record.crosscheck import fold_duplicate_adoptions

    base = {"kind": "draft_resolution", "adopted": True, "date": dt.date(2019, 9, 12), "yes": 15, "no": 0, "abstain": 0}
    base |= {"sponsors": None, "title": None, "topic": None, "sources": ["s"]}
    dec = pd.DataFrame(
        [
            base | {"decision_id": "R1", "resolution_number": 1, "draft": None, "meeting": "S/PV.1"},
            base | {"decision_id": "R2", "resolution_number": 2, "draft": None, "meeting": "S/PV.1"},
            base | {"decision_id": "D", "resolution_number": None, "draft": "S/2019/725", "meeting": "S/PV.1"},
            base
            | {"decision_id": "E", "resolution_number": None, "draft": "S/2019/726", "meeting": "S/PV.9", "yes": 9},
        ]
    )
    votes = pd.DataFrame(columns=["decision_id", "member", "vote"])
    out, _, rows = fold_duplicate_adoptions(dec, votes)
    assert len(out) == 4 and rows == []  # two resolutions it could be: left for validation to report
    out, _, rows = fold_duplicate_adoptions(dec[dec["decision_id"] != "R2"], votes)
    assert list(out["decision_id"]) == ["R1", "E"] and out.iloc[0]["draft"] == "S/2019/725" and len(rows) == 1


@pytest.mark.data
def test_the_classes_found_by_new_readers_are_served_right(store) -> None:
    """Found by writers of held-out news reports and by the new invariants; each is an example of a class
    the build now checks over the whole store."""
    assert store.decision("S/5095")["tally"] == "2-7-1"
    assert store.decision("S/2023/1023")["kind"] == "amendment"
    d = store.decision("2487 (2019)")
    assert d["draft"] == "S/2019/725"
    assert len(store.sql("SELECT * FROM decisions WHERE draft = 'S/2019/725'")) == 1
    assert store.decision("S/2022/538")["sponsors"] == "Norway, Ireland"
    assert store.decision("S/2022/541")["sponsors"] == "Russian Federation"
    assert store.decision("2642 (2022)")["sponsors"] is None  # the shifted block is withheld, not served off by one
    topics = store.sql("SELECT resolution_number, topic FROM decisions WHERE resolution_number BETWEEN 2011 AND 2026")
    assert "Middle East (Syria)" not in set(topics["topic"].dropna())
    assert store.decision("2023 (2011)")["topic"] == "Peace and security in Africa"


@pytest.mark.data
def test_no_vote_is_dated_before_its_meeting_and_vetoes_repeat_their_decisions_date(store) -> None:
    """Over the whole store: a vote falls on or after the day its meeting began (the Library's calendar),
    a day-after date that a source disputes carries the two-day span, and every veto row has the date
    and meeting of its decision."""
    early = store.sql(
        "SELECT d.decision_id FROM decisions d JOIN meetings m USING (meeting) "
        "WHERE d.date < m.date AND d.decision_id NOT IN "
        "(SELECT entity FROM conflicts WHERE field LIKE 'errata:%')"
    )
    assert list(early["decision_id"]) == []
    fixed = store.sql("SELECT entity FROM conflicts WHERE field = 'meeting_date' AND reason LIKE '%1 days before%'")
    assert len(fixed) >= 5  # undl_wide a day early: res. 50, 547, 946, 947, 1564, 1708 ...
    assert store.decision("S/2004/744")["date"] == dt.date(2004, 9, 18)  # res. 1564
    uncertain = store.sql("SELECT decision_id, date_note FROM decisions WHERE date_note LIKE '%after midnight%'")
    assert all(n.startswith("meeting held ") for n in uncertain["date_note"])
    apart = store.sql(
        "SELECT v.decision_id FROM vetoes v JOIN decisions d USING (decision_id) "
        "WHERE v.date IS DISTINCT FROM d.date OR v.meeting IS DISTINCT FROM d.meeting"
    )
    assert list(apart["decision_id"]) == []
