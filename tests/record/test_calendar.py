"""The meeting calendar (DHL yearly tables) and what the merge does with it: dates, titles, date checks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from unsc.record.merge import MEETING_DATE_TOLERANCE, span_text
from unsc.record.sources.dhl_html import parse_date_span, read_meetings_table_text, read_meetings_tables
from unsc.record.sources.frame import CALENDAR_COLUMNS

PAGE = (
    "<table><tr><th>Meeting Record</th><th>Date</th><th>Topic</th><th>Outcome / Vote</th></tr>"
    "<tr><td>S/PV.2191</td><td>11-13 January</td><td>Iran</td><td>Draft resolution S/13735 vetoed by USSR"
    "<br>10-2-2</td></tr>"
    "<tr><td>S/PV.2192</td><td>14 January</td><td>Afghanistan</td><td>--</td></tr>"
    "<tr><td>S/PV.2193</td><td>15 January</td><td>Iran</td><td>--</td></tr>"
    "<tr><td>S/PV.2193 (Resumption 1)</td><td>16 January</td><td>Cyprus</td><td>--</td></tr>"
    "</table>"
)


# --- reader, on a typed-in page ----------------------------------------------------------------


def test_calendar_lists_meetings_without_an_outcome() -> None:
    f = read_meetings_table_text(PAGE, year=1980)
    assert len(f.decisions) == 1  # only the veto is a decision
    cal = f.calendar.set_index("meeting")
    assert list(f.calendar.columns) == list(CALENDAR_COLUMNS)
    assert sorted(cal.index) == ["S/PV.2191", "S/PV.2192", "S/PV.2193"]
    assert cal.loc["S/PV.2192", "date"] == dt.date(1980, 1, 14)
    assert cal.loc["S/PV.2192", "topic"] == "Afghanistan"
    # a range gives the first and last day; a resumption on another row widens the span and adds its topic
    assert (cal.loc["S/PV.2191", "date"], cal.loc["S/PV.2191", "end_date"]) == (
        dt.date(1980, 1, 11),
        dt.date(1980, 1, 13),
    )
    assert (cal.loc["S/PV.2193", "date"], cal.loc["S/PV.2193", "end_date"]) == (
        dt.date(1980, 1, 15),
        dt.date(1980, 1, 16),
    )
    assert cal.loc["S/PV.2193", "topic"] == "Iran | Cyprus"


def test_decision_keeps_the_first_day_of_a_range() -> None:
    row = read_meetings_table_text(PAGE, year=1980).decisions.iloc[0]
    assert (row["date_from"], row["date"]) == (dt.date(1980, 1, 11), dt.date(1980, 1, 13))


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("7-9 January 1980", dt.date(1980, 1, 7), dt.date(1980, 1, 9)),
        ("29 - 30 March", dt.date(2002, 3, 29), dt.date(2002, 3, 30)),
        ("30 June - 1 July", dt.date(2002, 6, 30), dt.date(2002, 7, 1)),
        ("30 January 86", dt.date(1986, 1, 30), dt.date(1986, 1, 30)),
        ("not a date", None, None),
    ],
)
def test_parse_date_span(text: str, first: dt.date | None, last: dt.date | None) -> None:
    assert parse_date_span(text, 2002)[:2] == (first, last)


def test_span_text_round_trips_through_the_parser() -> None:
    for first, last in [
        (dt.date(1980, 1, 7), dt.date(1980, 1, 9)),
        (dt.date(1960, 6, 30), dt.date(1960, 7, 1)),
        (dt.date(1967, 6, 14), dt.date(1967, 6, 14)),
    ]:
        assert parse_date_span(span_text(first, last))[:2] == (first, last)


# --- the real tables ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def calendar(data_dir: Path):
    return read_meetings_tables(data_dir / "dhl_html").calendar


@pytest.mark.data
def test_real_calendar(calendar) -> None:
    assert calendar["meeting"].is_unique
    cal = calendar.set_index("meeting")
    assert cal.loc["S/PV.1360", "date"] == dt.date(1967, 6, 14)
    assert cal.loc["S/PV.1481", "date"] == dt.date(1969, 6, 24)
    assert "Southern Rhodesia" in cal.loc["S/PV.1481", "topic"]
    # resumptions on several rows: S/PV.3454 spans more than one day
    assert cal.loc["S/PV.3454", "end_date"] > cal.loc["S/PV.3454", "date"]
    assert (calendar["end_date"] >= calendar["date"]).all()
    assert (calendar["year"] == [d.year for d in calendar["date"]]).all()
    # far more meetings than votes: the calendar holds the meetings whose outcome is "--"
    assert len(calendar) > 8000


# --- the built store ---------------------------------------------------------------------------


@pytest.mark.data
def test_meetings_table(store, calendar) -> None:
    m = store.sql("SELECT * FROM meetings")
    assert len(m) == len(calendar)
    assert m["meeting"].is_unique


@pytest.mark.data
@pytest.mark.parametrize(
    ("did", "meeting", "day"),
    [
        ("S/9270/Rev.1", "S/PV.1481", dt.date(1969, 6, 24)),
        ("S/7951/Rev.2", "S/PV.1360", dt.date(1967, 6, 14)),
        ("S/7591/Rev.2", "S/PV.1360", dt.date(1967, 6, 14)),
    ],
)
def test_undated_votes_take_their_meetings_date(store, did: str, meeting: str, day: dt.date) -> None:
    d = store.decision(did)
    assert d is not None and d["meeting"] == meeting
    assert d["date"] == day
    assert "meeting calendar" in d["date_note"]
    assert d["title"]  # tong_failed gives none: the meeting's topic
    c = store.sql("SELECT * FROM conflicts WHERE entity = ? AND field = 'date'", [did])
    assert len(c) == 1 and c["source_a"][0] == "dhl_meetings calendar" and c["value_b"][0] == "no date"
    assert meeting in c["reason"][0]


@pytest.mark.data
def test_no_undated_decision_and_no_no_date_validation(store) -> None:
    assert store.sql("SELECT count(*) AS n FROM decisions WHERE date IS NULL")["n"][0] == 0
    assert store.sql("SELECT count(*) AS n FROM validation WHERE category = 'no_date'")["n"][0] == 0
    # every decision at a meeting of the calendar has a title
    n = store.sql(
        "SELECT count(*) AS n FROM decisions d JOIN meetings m USING (meeting) WHERE d.title IS NULL OR d.title = ''"
    )["n"][0]
    assert n == 0


@pytest.mark.data
@pytest.mark.parametrize(
    ("did", "day", "range_end"),
    [
        ("S/13729", dt.date(1980, 1, 7), "1980-01-09"),  # the veto came on the first day of the 2190th meeting
        ("S/13735", dt.date(1980, 1, 13), "1980-01-13"),  # the last day of the 2191st meeting
        ("S/2001/270", dt.date(2001, 3, 27), "2001-03-28"),  # just before midnight
        ("S/2001/1199", dt.date(2001, 12, 15), "2001-12-15"),  # just after midnight
    ],
)
def test_a_meeting_range_is_settled_by_its_document_and_both_stay_on_record(
    store, did: str, day: dt.date, range_end: str
) -> None:
    """The veto list gives these meetings as ranges of days; an erratum citing the meeting record or the
    press settles the day of the vote (clearing the note of uncertainty), and `conflicts` keeps what the
    range's last day said and the cited change."""
    d = store.decision(did)
    assert d["date"] == day and d["date_note"] is None
    rows = store.sql(f"SELECT * FROM conflicts WHERE entity = '{did}' AND field LIKE 'errata:%date%'")
    assert len(rows) == 1
    said = store.sql(f"SELECT value_a, value_b FROM conflicts WHERE entity = '{did}' AND field = 'date'")
    assert range_end in set(said["value_a"]) | set(said["value_b"])
    assert store.vetoes(member=None).query("decision_id == @did")["date"].dt.date.eq(day).all()


@pytest.mark.data
def test_a_single_day_has_no_date_note(store) -> None:
    assert store.decision("S/2024/239")["date_note"] is None
    assert store.decision("S/RES/2728(2024)")["date_note"] is None


@pytest.mark.data
def test_no_served_date_lies_off_its_meeting_and_each_fix_is_reported(store) -> None:
    """The Library's calendar wins for dates: no decision is served more than the tolerance outside its
    meeting's days (unless a source gives a range of days for that meeting), and every date the calendar
    replaced has a ``meeting_date`` conflicts row with the source's date."""
    tol = MEETING_DATE_TOLERANCE.days
    ranged = set(store.sql("SELECT DISTINCT meeting FROM decisions WHERE date_note LIKE 'meeting held%'")["meeting"])
    settled = set(store.sql("SELECT entity FROM conflicts WHERE field = 'errata:date'")["entity"])
    rows = store.sql(
        f"""SELECT d.decision_id, d.meeting FROM decisions d JOIN meetings m USING (meeting)
        WHERE d.date < m.date OR d.date > m.end_date + INTERVAL {tol} DAY"""
    )
    off = {i for i, m in zip(rows["decision_id"], rows["meeting"], strict=True) if m not in ranged}
    assert off <= settled  # only a cited document puts a vote days after its meeting opened (a resumed meeting)
    assert {"S/RES/462(1980)", "S/2003/824"} & off
    fixed = store.sql("SELECT entity, value_a, value_b, reason FROM conflicts WHERE field = 'meeting_date'")
    assert len(fixed) > 10
    served = store.sql("SELECT decision_id, CAST(date AS VARCHAR) AS date FROM decisions")
    by_id = dict(zip(served["decision_id"], served["date"], strict=True))
    for entity, chosen, before, _ in fixed.itertuples(index=False):
        assert by_id[entity] == chosen != before
    # the 1980 vote after a three-day meeting is not touched: the veto list gives its days
    assert "S/RES/462(1980)" not in set(fixed["entity"])
    assert store.decision("S/RES/727(1992)")["date"] == dt.date(1992, 1, 8)
    assert store.decision("S/RES/726(1992)")["date"] == dt.date(1992, 1, 6)
    assert store.decision("S/RES/840(1993)")["date"] == dt.date(1993, 6, 15)
    swap = fixed[fixed["entity"] == "S/RES/727(1992)"]["reason"].iloc[0]
    assert "day/month swap of 1992-01-08" in swap


@pytest.mark.data
def test_store_meetings_query(store) -> None:
    day = store.meetings(since="1967-06-14", until="1967-06-14")
    assert "S/PV.1360" in set(day["meeting"])
    assert (day["date"].dt.date <= dt.date(1967, 6, 14)).all()
    rhodesia = store.meetings(text="rhodesia")
    assert len(rhodesia) > 10 and rhodesia["topic"].str.contains("(?i)rhodesia").all()


@pytest.mark.data
def test_a_day_after_the_meeting_began_that_a_source_disputes_is_noted_as_uncertain(data_dir: Path) -> None:
    """Before the errata settle them, the merge keeps such dates with the two-day span in ``date_note``
    (what the news check and the pages read), naming the sources on each side."""
    from unsc.record.build import _read_sources, _size, find_sources
    from unsc.record.merge import merge

    read = _read_sources(find_sources(data_dir), lambda i, n: None)
    result = merge(read.frames, roster=read.who_sat, council_size=_size)
    notes = dict(zip(result.decisions["decision_id"], result.decisions["date_note"], strict=True))
    res_913 = notes["S/1994/465"]  # the calendar and voting_agent give 21 April, undl_wide 22 April
    assert res_913.startswith("meeting held 21-22 April 1994 by the sources;")
    assert "voting_agent" in res_913.split("1994-04-21")[0] and "undl_wide 1994-04-22" in res_913
    uncertain = [d for d, n in notes.items() if isinstance(n, str) and "after midnight" in n]
    assert len(uncertain) >= 10 and "S/2002/1063" in uncertain


@pytest.mark.data
def test_an_erratum_keeps_the_meeting_span_of_a_vote_after_midnight(store) -> None:
    """The 1606th meeting opened on 4 December 1971 and voted on the US draft after midnight: the erratum dates the
    vote the 5th and keeps the span in ``date_note`` (a report of "4 December" names the meeting's day), gives the
    tally the veto lists lack, and every change is a ``conflicts`` row."""
    d = store.decision("S/10416")
    assert d["date"] == dt.date(1971, 12, 5) and d["meeting"] == "S/PV.1606"
    assert d["date_note"].startswith("meeting held 4-5 December 1971")
    assert (d["yes"], d["no"], d["abstain"]) == (11, 2, 2) and list(d["vetoed_by"]) == ["SUN"]
    votes = store.sql("SELECT member, vote FROM votes WHERE decision_id = 'S/10416'")
    assert dict(zip(votes["member"], votes["vote"], strict=True)) == {
        **dict.fromkeys(["ARG", "BEL", "BDI", "CHN", "ITA", "JPN", "NIC", "SLE", "SOM", "SYR", "USA"], "Y"),
        "POL": "N",
        "SUN": "N",
        "FRA": "A",
        "GBR": "A",
    }
    fields = set(store.sql("SELECT field FROM conflicts WHERE entity = 'S/10416'")["field"])
    assert {"errata:date", "errata:date_note"} <= fields


def test_errata_may_set_a_date_note_only_beside_what_they_set(tmp_path: Path) -> None:
    from unsc.record.errata import ErrataError, load_errata

    f = tmp_path / "errata.toml"
    f.write_text(
        '[[correction]]\nmatch = { draft = "S/1/1" }\nset = { date_note = "x", colour = "red" }\n'
        'citation = "c"\nreason = "r"\n'
    )
    with pytest.raises(ErrataError, match=r"set\.colour"):
        load_errata(f)
    f.write_text(
        '[[correction]]\nmatch = { draft = "S/1/1" }\nset = { date_note = "x" }\ncitation = "c"\nreason = "r"\n'
    )
    assert load_errata(f)[0].values == {"date_note": "x"}
