"""Audit 3: the record agrees with itself, field against field, and with the order of the Council's numbering.

Classes found by queries over the whole store (no outside document needed to see them), each fixed where
the data enters and held by an invariant of ``unsc validate``:

* a draft symbol out of the order of its year's numbering: a report or letter the resolution cites
  (res. 2235 (2015) under S/2015/138, the Secretary-General's letter of 25 February), a meeting number
  (S/2016/7767), a year with a digit dropped or doubled (S/206/381, S/20016/636), or the first of several
  documents a Voting-Agent cell lists (S/2018/1088, the report res. 2450 (2018) considers);
* text the Library's pages encode twice ("People\u00e2\u0080\u0099s", "Le\u00c3\u00b1o");
* one agenda item spelled several ways ("Admission of new Members" / "members");
* the calendar's date of S/PV.3311 (30 October 1993) between meetings of 10 and 11 November;
* votes of one meeting dated on two days (S/PV.942, 20-21 February 1961) with no word of doubt.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsc.record.crosscheck import (
    DRAFTS_VOTED_LATE,
    agenda_key,
    drafts_out_of_order,
    flag_split_meetings,
    meetings_out_of_order,
    one_spelling,
    spelling_variants,
)
from unsc.record.errata import Erratum, apply_errata
from unsc.record.sources.normalize import (
    draft_fits_date,
    parse_drafts,
    repair_draft_year,
    repair_mojibake,
)
from unsc.record.validate import (
    calendar_order_rows,
    draft_order_rows,
    spelling_rows,
    split_meeting_rows,
    variant_rows,
)

# --- draft symbols and the order of the numbering (no data needed) ----------------------------------


@pytest.mark.parametrize(
    ("cell", "day", "read"),
    [
        ("S/206/381", dt.date(2016, 4, 28), "S/2016/381"),  # a digit of the year dropped
        ("S/20016/636", dt.date(2016, 7, 25), "S/2016/636"),  # a digit doubled
        ("S/2016/381", dt.date(2016, 4, 28), None),  # nothing to repair
        ("S/216/381", dt.date(2015, 4, 28), None),  # one digit from 2016, not from the vote's 2015
        ("S/206/381", dt.date(1993, 4, 28), None),  # before 1994 symbols carry no year
    ],
)
def test_a_year_mistyped_by_one_digit_is_read_as_the_vote_s_year_and_nothing_else(
    cell: str, day: dt.date, read: str | None
) -> None:
    assert repair_draft_year(cell, day) == read


def test_a_symbol_without_a_year_cannot_be_the_draft_of_a_vote_after_january_1994() -> None:
    assert draft_fits_date("S/26999", dt.date(1994, 1, 20))  # a 1993 text voted in January
    assert not draft_fits_date("S/206", dt.date(2016, 4, 28))
    assert not draft_fits_date("S/20016", dt.date(2016, 7, 25))


def _year_of_drafts(numbers: list[int], late: int | None = None) -> pd.DataFrame:
    """Drafts of 2015 voted a week apart in the order of their numbers, one (``late``) voted in December."""
    days = [dt.date(2015, 1, 5) + dt.timedelta(days=7 * i) for i in range(len(numbers))]
    if late is not None:
        days[late] = dt.date(2015, 12, 20)
    return pd.DataFrame(
        {
            "decision_id": [f"d{i}" for i in range(len(numbers))],
            "draft": [f"S/2015/{n}" for n in numbers],
            "date": days,
            "adopted": [True] * len(numbers),
            "note": [None] * len(numbers),
        }
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 1200), min_size=2, max_size=40, unique=True))
def test_drafts_voted_in_the_order_of_their_numbers_are_never_out_of_order(numbers: list[int]) -> None:
    assert drafts_out_of_order(_year_of_drafts(sorted(numbers))) == {}


def test_a_low_number_voted_months_after_higher_ones_is_out_of_order_and_must_be_marked() -> None:
    dec = _year_of_drafts([40 * i + 10 for i in range(10)], late=0)  # S/2015/10 voted in December
    found = drafts_out_of_order(dec)
    assert list(found) == ["d0"]
    assert "9 drafts of 2015 numbered above it" in found["d0"]
    assert [r["reason"].split(":")[0] for r in draft_order_rows(dec)] == ["draft_out_of_order"]
    dec.loc[0, "note"] = "draft symbol uncertain: checked by hand"
    assert draft_order_rows(dec) == []


def test_the_drafts_a_record_shows_were_voted_late_are_not_reported() -> None:
    dec = _year_of_drafts([40 * i + 10 for i in range(10)], late=0)
    dec.loc[0, "draft"] = next(iter(DRAFTS_VOTED_LATE))
    dec["date"] = [d.replace(year=int(dec.loc[0, "draft"].split("/")[1])) for d in dec["date"]]
    dec["draft"] = [dec.loc[0, "draft"]] + [f"S/{dec.loc[0, 'draft'].split('/')[1]}/{n}" for n in range(500, 509)]
    assert draft_order_rows(dec) == []


def test_a_cell_naming_several_documents_needs_a_word_of_doubt() -> None:
    assert parse_drafts("S/2018/1088; S/2018/1143") == ["S/2018/1088", "S/2018/1143"]
    dec = pd.DataFrame(
        {
            "decision_id": ["S/2018/1143"],
            "draft": ["S/2018/1143"],
            "date": [dt.date(2018, 12, 21)],
            "adopted": [True],
            "note": ["S/2018/1088; S/2018/1143"],
        }
    )
    assert [r["reason"].split(":")[0] for r in draft_order_rows(dec)] == ["draft_among_several"]


def test_an_erratum_that_withholds_a_wrong_draft_renames_the_decision_and_its_votes_and_vetoes() -> None:
    dec = pd.DataFrame(
        {
            "decision_id": ["S/2015/138"],
            "draft": ["S/2015/138"],
            "resolution_number": [2235],
            "year": [2015],
            "date": [dt.date(2015, 8, 7)],
            "sources": [["voting_agent"]],
        }
    )
    votes = pd.DataFrame({"decision_id": ["S/2015/138"] * 2, "member": ["USA", "RUS"], "vote": ["Y", "Y"]})
    vetoes = pd.DataFrame(columns=["decision_id", "date", "draft", "meeting", "member"])
    e = Erratum(
        "correction", 1, "S/RES/2235 (2015), preamble", "a letter's symbol", {"draft": "S/2015/138"}, {"draft": ""}
    )
    d2, v2, _, rows = apply_errata(dec, votes, vetoes, entries=[e])
    assert d2["decision_id"].tolist() == ["S/RES/2235(2015)"]
    assert d2["draft"].isna().all()
    assert set(v2["decision_id"]) == {"S/RES/2235(2015)"}
    assert ("errata:decision_id", "S/2015/138", "S/RES/2235(2015)") in [
        (r["field"], r["value_b"], r["chosen"]) for r in rows
    ]


# --- text encoded twice, agenda items spelled several ways -----------------------------------------


@pytest.mark.parametrize(
    ("seen", "meant"),
    [
        ("Tributes to Mr. P. Le\u00c3\u00b1o Velloso", "Tributes to Mr. P. Le\u00f1o Velloso"),
        ("Democratic People\u00e2\u0080\u0099s Republic of Korea", "Democratic People\u2019s Republic of Korea"),
        ("C\u00f4te d'Ivoire", "C\u00f4te d'Ivoire"),  # a real accent is left alone
        ("\u00c9tats membres \u00e0 l'\u00e9preuve", "\u00c9tats membres \u00e0 l'\u00e9preuve"),
    ],
)
def test_characters_encoded_twice_are_read_back_once_and_real_accents_are_kept(seen: str, meant: str) -> None:
    assert repair_mojibake(seen) == meant


def test_a_title_encoded_twice_is_reported_by_validate() -> None:
    dec = pd.DataFrame(
        {
            "decision_id": ["S/2022/263"],
            "date": [dt.date(2022, 3, 25)],
            "adopted": [True],
            "title": ["Non-proliferation/Democratic People\u00e2\u0080\u0099s Republic of Korea"],
            "topic": [None],
        }
    )
    assert ["encoded twice" in r["reason"] for r in spelling_rows(dec)] == [True]


def test_one_agenda_item_is_served_under_the_spelling_the_record_uses_most() -> None:
    assert agenda_key("Guinea Bissau") == agenda_key("Guinea-Bissau")
    assert agenda_key("Situation in Angola") == agenda_key("The situation in Angola")
    assert agenda_key("The situation in Angola") != agenda_key("The situation in Namibia")
    dec = pd.DataFrame(
        {
            "decision_id": ["a", "b", "c"],
            "date": [dt.date(1950, 1, 1)] * 3,
            "adopted": [True] * 3,
            "title": ["Admission of new Members", "Admission of new members", "Admission of new Members"],
            "topic": [None] * 3,
        }
    )
    cal = pd.DataFrame({"meeting": ["S/PV.1"], "topic": ["Admission of new  members"]})
    assert {r["decision_id"] for r in variant_rows(dec, cal)} == {"a", "b", "c"}
    d2, m2, rows = one_spelling(dec, cal)
    assert set(d2["title"]) == {"Admission of new Members"}
    assert m2["topic"].tolist() == ["Admission of new Members"]
    assert sorted(r["entity"] for r in rows) == ["S/PV.1", "b"]
    assert {r["value_a"] for r in rows} == {"Admission of new members", "Admission of new  members"}
    assert spelling_variants(d2, m2) == {}


# --- dates against meeting numbers and meetings ----------------------------------------------------


def test_a_meeting_dated_before_a_lower_numbered_one_is_reported_until_noted() -> None:
    cal = pd.DataFrame(
        {
            "meeting": ["S/PV.3367", "S/PV.3368", "S/PV.3309", "S/PV.3311", "S/PV.3312"],
            # 3367 resumed on the 22nd while 3368 met on the 21st: a day is allowed
            "date": [
                dt.date(1994, 4, 22),
                dt.date(1994, 4, 21),
                dt.date(1993, 11, 10),
                dt.date(1993, 10, 30),
                dt.date(1993, 11, 11),
            ],
            "note": [None] * 5,
        }
    )
    assert list(meetings_out_of_order(cal)) == ["S/PV.3311"]
    assert [r["decision_id"] for r in calendar_order_rows(cal)] == ["S/PV.3311"]
    cal.loc[3, "note"] = "date uncertain: see the conflicts row"
    assert calendar_order_rows(cal) == []


def test_votes_of_a_meeting_on_two_days_are_noted_except_those_a_document_dates() -> None:
    dec = pd.DataFrame(
        {
            "decision_id": ["S/RES/161(1961)", "S/4706", "S/4733/Rev.1"],
            "meeting": ["S/PV.942"] * 3,
            "date": [dt.date(1961, 2, 21), dt.date(1961, 2, 20), dt.date(1961, 2, 20)],
            "adopted": [True, False, False],
            "date_note": [None] * 3,
            "sources": [["undl_wide", "errata"], ["dhl_meetings"], ["dhl_meetings"]],
        }
    )
    assert [r["decision_id"] for r in split_meeting_rows(dec)] == ["S/4706", "S/4733/Rev.1"]
    out, rows = flag_split_meetings(dec, {"S/RES/161(1961)"})
    assert [r["entity"] for r in rows] == ["S/4706", "S/4733/Rev.1"]
    assert split_meeting_rows(out) == []


# --- the built store (real data) -----------------------------------------------------------------


@pytest.mark.data
def test_the_store_serves_no_draft_symbol_it_cannot_stand_behind(store) -> None:
    dec = store.table("decisions")
    assert draft_order_rows(dec) == []
    late = dec[dec["date"].map(lambda d: pd.Timestamp(d).date() >= dt.date(1994, 2, 1)) & dec["draft"].notna()]
    assert all(draft_fits_date(d, pd.Timestamp(day).date()) for d, day in zip(late["draft"], late["date"], strict=True))
    by_res = dec.set_index("resolution_number")
    assert by_res.loc[2283, "draft"] == "S/2016/381" and by_res.loc[2299, "draft"] == "S/2016/636"
    assert by_res.loc[2450, "draft"] == "S/2018/1143" and by_res.loc[2477, "draft"] == "S/2019/521"
    for n in (1320, 2012, 2162, 2235, 2306):  # the symbols of a report, a letter or a meeting, withheld
        assert pd.isna(by_res.loc[n, "draft"]), n
        assert by_res.loc[n, "decision_id"].startswith("S/RES/"), n
    gone = {"S/2015/138", "S/2014/342", "S/2011/540", "S/2000/785", "S/2016/7767", "S/206", "S/20016"}
    assert gone.isdisjoint(set(dec["decision_id"]))
    votes = store.table("votes")
    assert gone.isdisjoint(set(votes["decision_id"]))
    assert (votes["decision_id"] == "S/RES/2235(2015)").sum() == 15


@pytest.mark.data
def test_the_store_agrees_with_itself_on_text_dates_and_spellings(store) -> None:
    dec = store.table("decisions")
    cal = store.table("meetings")
    texts = [t for c in ("title", "topic") for t in dec[c].dropna()] + list(cal["topic"].dropna())
    assert [t for t in texts if repair_mojibake(t) != t] == []
    assert spelling_variants(dec, cal) == {}
    assert variant_rows(dec, cal) == []
    assert calendar_order_rows(cal) == []
    assert split_meeting_rows(dec) == []
    vetoes = store.table("vetoes").merge(dec[["decision_id", "title"]], on="decision_id", suffixes=("", "_dec"))
    assert (vetoes["title"] == vetoes["title_dec"]).all()  # a veto row repeats its decision's title
    v = store.table("validation")
    assert (v["category"] == "unexplained").sum() == 0


@pytest.mark.data
def test_decisions_adopted_by_acclamation_are_among_those_adopted_without_a_vote(store) -> None:
    dec = store.table("decisions")
    unrecorded = set(dec.loc[dec["modality"] != "recorded", "decision_id"])
    assert "acclamation" in set(dec["modality"])  # res. 2311 (2016), 2580 (2021): the class is real
    assert set(store.decisions(outcome="without_vote")["decision_id"]) == unrecorded


@pytest.mark.data
def test_amendments_the_drafts_source_types_as_drafts_are_amendments(store) -> None:
    """Voting-Agent types amendments voted before a draft as draft resolutions; cited errata make them amendments
    (the Russian Federation's two amendments to Brazil's S/2023/773, voted first on 18 October 2023), each a
    ``conflicts`` row, and their outcome does not change: an amendment is decided as the draft it amends."""
    for draft in ("S/2023/775", "S/2023/776"):
        d = store.decision(draft)
        assert d["kind"] == "amendment" and not d["adopted"] and not list(d["vetoed_by"])
        rows = store.sql(f"SELECT field FROM conflicts WHERE entity = '{draft}' AND field = 'errata:kind'")
        assert len(rows) == 1
    assert store.decision("S/2023/773")["kind"] == "draft_resolution"
