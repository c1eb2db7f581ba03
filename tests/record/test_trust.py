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
