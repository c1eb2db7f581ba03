"""Classes found by sampling the record where its sources agree or only one speaks (audit 2).

* Member names of another time: the Digital Library scrape heads its member columns with today's
  names, so Zaire's votes of 1982-91 read "DEMOCRATIC REPUBLIC OF THE CONGO", the Byelorussian SSR's
  "BELARUS", Ceylon's "SRI LANKA"; Tong's lists call the USSR "Russian Federation". ``crosscheck``
  serves the name of the time (``names_of_the_time``), ``validate`` reports any that remain.
* Misspellings the sources carry into served text ("The sitution in Cyprus", S/2023/64; "extention"
  in ten of the Library's record titles; "the situation in in Côte d'Ivoire"): ``crosscheck`` corrects
  the words of ``TYPOS`` and doubled small words (``correct_typos``), ``validate`` reports any left.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from unsc.record.crosscheck import TYPOS, correct_typos, misspellings, names_of_the_time, spelled_right
from unsc.record.validate import member_name_rows, spelling_rows
from unsc.rules.members import NAMES_OF_THE_TIME, name_fits, name_of_the_time


@pytest.mark.parametrize(
    ("code", "name", "day", "fits"),
    [
        ("ZAR", "Democratic Republic of the Congo", dt.date(1991, 4, 5), False),  # res. 688 (1991)
        ("ZAR", "ZAIRE", dt.date(1991, 4, 5), True),
        ("SUN", "Russian Federation", dt.date(1971, 12, 5), False),
        ("RUS", "USSR", dt.date(1991, 12, 31), True),  # the UN's own label on res. 725 (1991)
        ("RUS", "USSR", dt.date(1992, 1, 31), False),
        ("LKA", "Sri Lanka", dt.date(1960, 5, 27), False),
        ("LKA", "Ceylon", dt.date(1961, 2, 21), True),
        ("BFA", "Burkina Faso", dt.date(1984, 5, 25), False),  # Upper Volta until 4 August 1984
        ("BFA", "Burkina Faso", dt.date(1985, 12, 6), True),
        ("EGY", "Egypt", dt.date(1962, 4, 9), False),  # the United Arab Republic sat in 1961-62
        ("EGY", "Egypt", dt.date(2016, 1, 1), True),
        ("TUR", "Türkiye", dt.date(2010, 1, 1), False),
        ("TUR", "TURKEY", dt.date(2010, 1, 1), True),
        ("SYR", "Syria", dt.date(2003, 4, 24), True),  # a short form of every period
        ("SYR", "Syrian Arab Republic", dt.date(1947, 8, 25), False),
        ("ETH", "Ethipia", dt.date(2018, 6, 1), False),  # a typo the registry resolves is still a typo
        ("MEX", "DONOTKNOW", dt.date(2010, 12, 22), False),
        ("CHL", None, dt.date(2015, 3, 27), False),
    ],
)
def test_a_name_fits_only_the_state_and_the_time_that_bore_it(code: str, name: str | None, day: dt.date, fits: bool):
    assert name_fits(code, name, day) is fits


def test_each_state_has_exactly_one_name_of_the_time_on_each_day() -> None:
    for code, chain in NAMES_OF_THE_TIME.items():
        firsts = [f for f, _ in chain]
        assert firsts[0] is None, code
        assert firsts[1:] == sorted(firsts[1:]), code  # in order, so a day falls in one period
        for (_first, name), (nxt, _) in zip(chain, [*chain[1:], (None, "")], strict=True):
            day = (nxt - dt.timedelta(days=1)) if nxt is not None else dt.date(2026, 1, 1)
            assert name_of_the_time(code, day) == name, (code, day)
            assert name_fits(code, name, day), (code, name, day)


def test_replacement_keeps_the_source_spelling_in_conflicts_and_the_case_of_the_source() -> None:
    votes = pd.DataFrame(
        {
            "decision_id": ["S/RES/378(1975)", "S/RES/378(1975)", "S/10418", "S/RES/1(2000)"],
            "member": ["BLR", "ITA", "SUN", "ARG"],
            "member_name": ["BELARUS", "ITALY", "Russian Federation", None],
            "source": ["undl_wide", "undl_wide", "tong_failed", "errata"],
        }
    )
    decisions = pd.DataFrame(
        {
            "decision_id": ["S/RES/378(1975)", "S/10418", "S/RES/1(2000)"],
            "date": [dt.date(1975, 10, 23), dt.date(1971, 12, 5), dt.date(2000, 1, 1)],
            "adopted": [True, False, True],
        }
    )
    assert {r["decision_id"] for r in member_name_rows(decisions, votes)} == set(decisions["decision_id"])
    out, rows = names_of_the_time(votes, decisions)
    assert out["member_name"].tolist() == ["BYELORUSSIAN SSR", "ITALY", "USSR", "Argentina"]
    assert [(r["entity"], r["value_a"], r["chosen"]) for r in rows] == [
        ("S/RES/378(1975)", "BELARUS", "BYELORUSSIAN SSR"),
        ("S/10418", "Russian Federation", "USSR"),
    ]  # a missing name is filled, not reported as a disagreement
    assert member_name_rows(decisions, out) == []


@pytest.mark.data
def test_no_vote_in_the_store_names_a_member_by_another_time(store) -> None:
    decisions = store.sql("SELECT decision_id, date, adopted FROM decisions")
    votes = store.sql("SELECT decision_id, member, member_name FROM votes")
    assert member_name_rows(decisions, votes) == []
    served = store.decision("688 (1991)")
    names = {v["member"]: v["member_name"] for v in served["votes"]}
    assert names["ZAR"].casefold() == "zaire"
    assert names["SUN"] == "USSR"
    fixed = store.sql("SELECT value_a, chosen FROM conflicts WHERE field = 'crosscheck:member_name'")
    pairs = set(zip(fixed["value_a"], fixed["chosen"], strict=True))
    assert ("DEMOCRATIC REPUBLIC OF THE CONGO", "ZAIRE") in pairs
    assert ("BELARUS", "BYELORUSSIAN SSR") in pairs


@pytest.mark.parametrize(
    ("text", "right"),
    [
        ("The sitution in Cyprus", "The situation in Cyprus"),
        ("[on extention of the mandate of UN Interim Force in Lebanon (UNIFIL)]", None),
        ("[on the apppointment of the Secreaty-General]", "[on the appointment of the Secretary-General]"),
        ("EXTENTION OF THE MANDATE", "EXTENSION OF THE MANDATE"),
        ("the situation in in Côte d'Ivoire", "the situation in Côte d'Ivoire"),
        ("appointment of Boutros Boutros-Ghali", "appointment of Boutros Boutros-Ghali"),  # a name, not a typo
        ("the situation in Jenin; the Gambia", "the situation in Jenin; the Gambia"),
    ],
)
def test_a_misspelt_word_is_corrected_in_the_case_of_the_source(text: str, right: str | None) -> None:
    expected = right if right is not None else text.replace("extention", "extension")
    assert spelled_right(text) == expected
    assert misspellings(expected) == []


def test_every_correction_is_a_word_the_table_does_not_also_call_wrong() -> None:
    for wrong, right in TYPOS.items():
        assert wrong != right and wrong.islower() and right.islower()
        assert misspellings(right) == [], right


def test_a_corrected_title_keeps_the_source_text_in_conflicts() -> None:
    dec = pd.DataFrame(
        {
            "decision_id": ["S/2023/64", "S/2023/65"],
            "date": [dt.date(2023, 1, 30), dt.date(2023, 1, 30)],
            "adopted": [True, True],
            "title": ["The sitution in Cyprus", None],
            "topic": ["Cyprus", None],
            "sources": [["voting_agent"], ["voting_agent"]],
        }
    )
    assert [r["decision_id"] for r in spelling_rows(dec)] == ["S/2023/64"]
    vetoes = pd.DataFrame({"decision_id": ["S/2023/64"], "title": ["The sitution in Cyprus"]})
    meetings = pd.DataFrame({"meeting": ["S/PV.9252"], "topic": ["The situation in Cyprus"]})
    d2, m2, v2, rows = correct_typos(dec, meetings, vetoes)
    assert d2["title"].tolist()[0] == "The situation in Cyprus" and v2["title"].tolist() == ["The situation in Cyprus"]
    assert m2.equals(meetings)
    assert [(r["entity"], r["source_a"], r["value_a"]) for r in rows] == [
        ("S/2023/64", "voting_agent", "The sitution in Cyprus")
    ]
    assert spelling_rows(d2) == []


@pytest.mark.data
def test_no_title_or_topic_served_keeps_a_known_misspelling(store) -> None:
    decisions = store.sql("SELECT decision_id, date, adopted, title, topic FROM decisions")
    assert spelling_rows(decisions) == []
    meetings = store.sql("SELECT topic FROM meetings")
    assert [t for t in meetings["topic"] if misspellings(t)] == []
    assert store.decision("S/2023/64")["title"] == "The situation in Cyprus"


@pytest.mark.parametrize(
    ("raw", "read"),
    [
        ("[on expansion of sanctions against the Southern Rhodesia r@e1gime]", "régime]"),
        ("[on admission of Ivory Coast (C@o3te d'Ivoire)]", "(Côte d'Ivoire)]"),
        ("[on establishment of the Dag Hammarskj@o4ld Medal]", "Hammarskjöld Medal]"),
    ],
)
def test_the_scrape_accent_escapes_are_read_as_letters(raw: str, read: str) -> None:
    from unsc.record.sources.undl_wide import decode_accents

    assert misspellings(raw)  # the invariant sees the escape
    out = decode_accents(raw)
    assert out.endswith(read) and "@" not in out
    assert misspellings(out) == []


@pytest.mark.data
def test_no_title_served_keeps_an_accent_escape(store) -> None:
    titles = store.sql("SELECT title FROM decisions WHERE regexp_matches(title, '@[A-Za-z][0-9]')")
    assert titles.empty
    assert "aériens" in store.decision("731 (1992)")["title"]


def test_a_fragment_of_another_title_after_the_bracket_is_dropped_and_a_cut_title_kept() -> None:
    from unsc.record.sources.undl_wide import without_stray_tail

    stray = (
        "Security Council resolution 1748 (2007) [on extension of the mandate of the International Independent "
        "Investigation Commission] technologies in suppor[...]"
    )
    assert misspellings(stray) == ["stray tail 'technologies in suppor[...]'"]
    assert without_stray_tail(stray).endswith("Investigation Commission]")
    cut = "Security Council resolution 2387 (2017) [on extension of the mandate of the UN Multidimensional[...]"
    assert without_stray_tail(cut) == cut and misspellings(cut) == []


@pytest.mark.data
def test_the_titles_with_a_stray_tail_are_served_whole(store) -> None:
    assert store.decision("1748 (2007)")["title"].endswith("Investigation Commission]")
    assert store.decision("2170 (2014)")["title"].endswith("by Al-Qaida]")
