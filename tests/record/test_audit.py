"""Classes of wrong fields found by auditing the whole store, each with its invariant and its fix.

* A vote dated before the meeting that took it (the UN Digital Library scrape is a day early for
  seven resolutions): :func:`unsc.record.validate.meeting_date_rows` reports it, ``errata.toml``
  corrects each with the document that dates it.
* A vote dated a day after its one-day meeting: possible (a meeting past midnight), so not an
  invariant; the cases checked against UN documents are corrected in ``errata.toml``.
* A title that names another resolution (the Library's record title of 1839 (2008) opens "Security
  Council resolution 1838 (2008)"): ``RecordedDecision.problems`` reports it (``title_vs_resolution``),
  ``errata.toml`` corrects the 11 the store had.
* Sponsors that are not names (voting_agent's '-none-', 'President?', Excel's escaped '_x000D_'):
  ``RecordedDecision.problems`` reports them (``sponsors_text``), ``errata.toml`` withholds or cleans them.
* A letter of the 2020 written procedure in the meeting field of three vetoed drafts:
  ``meeting_not_a_record``; errata empty the field (the letters stay in ``note``), and the veto rows
  follow their corrected decision.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from unsc.record.decision import RecordedDecision
from unsc.record.errata import ErrataError, apply_errata, load_errata
from unsc.record.validate import meeting_date_rows, validate

CALENDAR = pd.DataFrame(
    {
        "meeting": ["S/PV.1747", "S/PV.5040", "S/PV.2190", "S/PV.2190"],
        "date": [dt.date(1973, 10, 21), dt.date(2004, 9, 18), dt.date(1980, 1, 7), dt.date(1980, 1, 9)],
        "end_date": [None, None, None, None],
    }
)


def _decisions(rows: list[tuple[str, str | None, dt.date]]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "decision_id": [r[0] for r in rows],
            "meeting": [r[1] for r in rows],
            "date": [r[2] for r in rows],
            "adopted": [True] * len(rows),
        }
    )


def test_a_vote_before_its_meeting_opened_is_reported_and_one_after_midnight_is_not() -> None:
    dec = _decisions(
        [
            ("early", "S/PV.5040", dt.date(2004, 9, 17)),  # the day before its only day
            ("same_day", "S/PV.5040", dt.date(2004, 9, 18)),
            ("past_midnight", "S/PV.1747", dt.date(1973, 10, 22)),  # res. 338 (1973): 00:50 on 22 October
            ("resumed", "S/PV.2190", dt.date(1980, 1, 9)),  # a meeting listed on two days
            ("before_resumed", "S/PV.2190", dt.date(1980, 1, 6)),
            ("no_meeting", None, dt.date(1946, 1, 1)),
            ("not_in_calendar", "S/PV.99999", dt.date(2030, 1, 1)),
        ]
    )
    rows = meeting_date_rows(dec, CALENDAR)
    assert [r["decision_id"] for r in rows] == ["early", "before_resumed"]
    assert all(r["category"] == "unexplained" for r in rows)
    assert "S/PV.2190 opened on 1980-01-07" in rows[1]["reason"]


def test_validate_reports_the_class_when_given_the_calendar() -> None:
    dec = _decisions([("S/2004/744", "S/PV.5040", dt.date(2004, 9, 17))]).assign(
        kind="draft_resolution",
        modality="recorded",
        resolution_number=1564,
        draft="S/2004/744",
        yes=11,
        no=0,
        abstain=4,
    )
    votes = pd.DataFrame(columns=["decision_id", "member", "vote"])
    _, without = validate(dec, votes)
    _, with_calendar = validate(dec, votes, meetings=CALENDAR)
    assert not any("date_before_meeting" in r["reason"] for r in without)
    assert [r["reason"].split(":")[0] for r in with_calendar if r["category"] == "unexplained"] == [
        "date_before_meeting"
    ]


def test_an_erratum_that_moves_a_date_moves_its_year_and_must_be_a_date(tmp_path: Path) -> None:
    f = tmp_path / "errata.toml"
    f.write_text(
        '[[correction]]\nmatch = { resolution = 1 }\nset = { date = 1947-01-02 }\ncitation = "S/RES/1"\nreason = "r"\n'
    )
    dec = pd.DataFrame(
        [{"decision_id": "S/RES/1(1946)", "resolution_number": 1, "draft": None, "date": dt.date(1946, 12, 31),
          "year": 1946, "date_note": "uncertain", "sources": ["undl_wide"], "vetoed_by": None}]
    )  # fmt: skip
    empty = pd.DataFrame(columns=["decision_id", "member", "vote"])
    out, _, _, rows = apply_errata(dec, empty, pd.DataFrame(columns=["decision_id"]), load_errata(f))
    assert (out.at[0, "date"], out.at[0, "year"]) == (dt.date(1947, 1, 2), 1947)
    assert pd.isna(out.at[0, "date_note"])  # the cited date is not uncertain
    assert rows[0]["field"] == "errata:date" and rows[0]["value_b"] == "1946-12-31"
    f.write_text(
        '[[correction]]\nmatch = { resolution = 1 }\nset = { date = "2 Jan 1947" }\ncitation = "c"\nreason = "r"\n'
    )
    with pytest.raises(ErrataError, match=r"correction 1: field 'set.date': not a date"):
        load_errata(f)


# ---------------------------------------------------------------- the real store


@pytest.mark.data
def test_no_decision_in_the_store_is_dated_before_its_meeting(store) -> None:
    decisions = store.sql("SELECT decision_id, meeting, date, adopted FROM decisions")
    meetings = store.sql("SELECT meeting, date, end_date FROM meetings")
    assert len(meetings) > 9000  # the Library's calendar is there to check against
    assert meeting_date_rows(decisions, meetings) == []


@pytest.mark.data
def test_the_dates_checked_against_un_documents_are_served(store) -> None:
    expected = {
        "1564 (2004)": dt.date(2004, 9, 18),  # SC/8191
        "947 (1994)": dt.date(1994, 9, 30),
        "50 (1948)": dt.date(1948, 5, 29),
        "731 (1992)": dt.date(1992, 1, 21),  # a day after its meeting in the scrape
        "708 (1991)": dt.date(1991, 8, 28),
        "313 (1972)": dt.date(1972, 2, 28),  # past midnight: the Repertoire dates it the day after its meeting
        "1744 (2007)": dt.date(2007, 2, 20),
        "338 (1973)": dt.date(1973, 10, 22),  # a meeting past midnight: the day after is right
    }
    served = {sym: store.decision(sym)["date"] for sym in expected}
    assert served == expected
    assert store.decision("1564 (2004)")["year"] == 2004


# ---------------------------------------------------------------- titles that name another resolution


def _adopted(title: str | None, number: int | None = 1839) -> RecordedDecision:
    return RecordedDecision.from_row(
        {
            "decision_id": "S/2008/639",
            "date": dt.date(2008, 10, 9),
            "adopted": True,
            "modality": "without_vote",
            "resolution_number": number,
            "resolution": f"{number} (2008)" if number else None,
            "title": title,
        }
    )


def test_a_title_naming_another_resolution_breaks_an_invariant() -> None:
    wrong = _adopted("Security Council resolution 1838 (2008) [on extension of the mandate of UNOMIG]")
    assert [p.split(":")[0] for p in wrong.problems()] == ["title_vs_resolution"]
    wrong_year = _adopted("Security Council resolution 1839 (2007) [on UNOMIG]")
    assert "names resolution 1839 (2007)" in wrong_year.problems()[0]
    assert _adopted("Security Council resolution 1839 (2008) [on UNOMIG]").problems() == []
    assert _adopted("Security Council resolution 1839(2008) [no space before the year]").problems() == []
    # a title that merely mentions a resolution later on, or no title at all, says nothing about its own number
    assert _adopted("The situation in Georgia: resolution 1838 (2008) recalled").problems() == []
    assert _adopted(None).problems() == []
    # a resolution title on a decision without a resolution number is misattached
    orphan = _adopted("Security Council resolution 1839 (2008) [on UNOMIG]", number=None).problems()
    assert any(p.startswith("title_vs_resolution") for p in orphan)


@pytest.mark.data
def test_every_resolution_title_in_the_store_names_its_own_resolution(store) -> None:
    ids = list(
        store.sql("SELECT decision_id FROM decisions WHERE title LIKE 'Security Council resolution%'")["decision_id"]
    )
    assert len(ids) > 2500
    bad = [p for did in ids for p in store.recorded(did).problems() if p.startswith("title_vs_resolution")]
    assert bad == []
    assert store.decision("1839 (2008)")["title"].startswith("Security Council resolution 1839 (2008) [on extension")


# ---------------------------------------------------------------- sponsors that are not names


def _sponsored(sponsors: str | None) -> RecordedDecision:
    return RecordedDecision.from_row(
        {"decision_id": "S/2010/141", "date": dt.date(2010, 3, 18), "adopted": True, "modality": "without_vote",
         "resolution_number": 1914, "resolution": "1914 (2010)", "sponsors": sponsors}
    )  # fmt: skip


@pytest.mark.parametrize("text", ["-none-", "None", "President?", "Chad, _x000D_\nFinland", "France\nGermany"])
def test_a_placeholder_or_spreadsheet_escape_is_not_a_sponsor(text: str) -> None:
    assert [p.split(":")[0] for p in _sponsored(text).problems()] == ["sponsors_text"]


@pytest.mark.parametrize("text", [None, "President", "E10", "Bosnia and Herzegovina, Saint Vincent and the Grenadines"])
def test_names_of_sponsors_pass(text: str | None) -> None:
    assert _sponsored(text).problems() == []


@pytest.mark.data
def test_no_sponsors_in_the_store_are_placeholders(store) -> None:
    ids = list(store.sql("SELECT decision_id FROM decisions WHERE sponsors IS NOT NULL")["decision_id"])
    assert len(ids) > 1000
    assert [p for did in ids for p in store.recorded(did).problems() if p.startswith("sponsors_text")] == []
    cleaned = store.decision("S/2022/62")["sponsors"]
    assert cleaned.startswith("Albania, Angola, Benin, Brazil, Chad,") and "_x000D_" not in cleaned
    assert store.decision("S/2010/141")["sponsors"] is None


# ---------------------------------------------------------------- a table tally the member rows disprove


@pytest.mark.data
def test_a_withheld_roll_call_that_the_un_record_confirms_is_served(store) -> None:
    """282 (1970): the Library's table says 13-0-2, the UN's record and the member rows 12-0-3."""
    d = store.decision("282 (1970)")
    assert (d["tally"], d["modality"]) == ("12-0-3", "recorded")
    assert {v["member"] for v in d["votes"] if v["vote"] == "A"} == {"FRA", "GBR", "USA"}
    assert store.recorded("282 (1970)").problems() == []
    # where the UN's record agrees with the table, the table's tally is still the one served
    assert store.decision("1022 (1995)")["tally"] == "15-0-0"


@pytest.mark.data
def test_a_topic_from_another_crisis_is_not_served(store) -> None:
    """S/5033 (1961), the Soviet veto on Goa, is Portugal's complaint against India, not the India-Pakistan question."""
    d = store.decision("S/5033")
    assert d["topic"] == "India-Portugal (Goa)"  # a topic the analysis codes (asia), as every topic must be
    assert d["vetoed_by"] == ["SUN"]


# ---------------------------------------------------------------- a letter in the meeting field


def test_a_meeting_must_be_a_meeting_record() -> None:
    def at(meeting: str | None) -> list[str]:
        return RecordedDecision.from_row(
            {"decision_id": "S/2020/654", "date": dt.date(2020, 7, 7), "adopted": False, "failure_reason": "veto",
             "vetoed_by": ["CHN", "RUS"], "yes": 13, "no": 2, "abstain": 0, "meeting": meeting}
        ).problems()  # fmt: skip

    assert [p.split(":")[0] for p in at("S/2020/661")] == ["meeting_not_a_record"]
    assert at("S/PV.8700") == [] and at(None) == []


def test_veto_rows_follow_a_corrected_decision(tmp_path: Path) -> None:
    f = tmp_path / "errata.toml"
    f.write_text(
        '[[correction]]\nmatch = { decision_id = "S/2020/654" }\nset = { meeting = "", date = 2020-07-08 }\n'
        'citation = "S/2020/661"\nreason = "r"\n'
    )
    dec = pd.DataFrame(
        [{"decision_id": "S/2020/654", "resolution_number": None, "draft": "S/2020/654", "date": dt.date(2020, 7, 7),
          "year": 2020, "meeting": "S/2020/661", "sources": ["dhl_veto"], "vetoed_by": ["CHN", "RUS"]}]
    )  # fmt: skip
    vet = pd.DataFrame(
        [{"decision_id": "S/2020/654", "date": dt.date(2020, 7, 7), "draft": "S/2020/654", "meeting": "S/2020/661",
          "member": m} for m in ("CHN", "RUS")]
        + [{"decision_id": "S/2020/667", "date": dt.date(2020, 7, 10), "draft": "S/2020/667", "meeting": "S/2020/693",
            "member": "RUS"}]
    )  # fmt: skip
    empty = pd.DataFrame(columns=["decision_id", "member", "vote"])
    _, _, out, _ = apply_errata(dec, empty, vet, load_errata(f))
    assert out["meeting"].iloc[:2].isna().all() and out["date"].tolist()[:2] == [dt.date(2020, 7, 8)] * 2
    assert out.iloc[2].to_dict() == vet.iloc[2].to_dict()  # another decision's veto is left alone


@pytest.mark.data
def test_every_meeting_is_a_record_and_every_veto_row_repeats_its_decision(store) -> None:
    bad = store.sql(
        "SELECT decision_id, meeting FROM decisions WHERE meeting IS NOT NULL AND meeting NOT LIKE 'S/PV.%'"
    )
    assert bad.empty, bad.to_dict("records")
    joined = store.sql(
        "SELECT v.decision_id, v.member FROM vetoes v JOIN decisions d USING (decision_id) "
        "WHERE v.date IS DISTINCT FROM d.date OR v.draft IS DISTINCT FROM d.draft "
        "OR v.meeting IS DISTINCT FROM d.meeting OR NOT list_contains(d.vetoed_by, v.member)"
    )
    assert joined.empty, joined.to_dict("records")
    assert len(store.sql("SELECT * FROM vetoes")) > 250


@pytest.mark.data
def test_a_sponsor_placeholder_read_as_none_is_reported_with_its_row_and_field(data_dir) -> None:
    from unsc.record.sources.voting_agent import read_voting_agent

    frame = read_voting_agent(data_dir / "unsc_draft_votes_by_member_1994_2025_voting_agent.xlsx")
    said = [n for n in frame.notes if "field 'Submitted by'" in n]
    assert any("'-none-' names no sponsor" in n and "row " in n for n in said)
    assert any("'President?'" in n for n in said)
    drafts_without = sum(1 for s in frame.decisions["sponsors"] if s is None or s != s)
    assert len(said) <= drafts_without  # a note for each placeholder, none for a cell that names a sponsor
