"""The one reading of typed dates shared by the CLI, the store, the JSON API and the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unsc.record.dates import DateError, parse_date


@given(st.dates(min_value=dt.date(1, 1, 1)))
def test_a_day_reads_as_itself_in_every_form(day: dt.date) -> None:
    text = day.isoformat()
    assert parse_date(text) == parse_date(text, end=True) == parse_date(day) == day
    assert parse_date(f" {text} ", day=True) == parse_date(f"{text}T12:30:00") == day


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=12))
def test_a_year_or_month_spans_its_days(year: int, month: int) -> None:
    y = f"{year:04d}"
    assert (parse_date(y), parse_date(y, end=True)) == (dt.date(year, 1, 1), dt.date(year, 12, 31))
    first, last = parse_date(f"{y}-{month:02d}"), parse_date(f"{y}-{month:02d}", end=True)
    assert first == dt.date(year, month, 1) and last is not None
    assert last.month == month and last.day >= 28
    if last != dt.date.max:
        assert (last + dt.timedelta(days=1)).month != month  # the month's last day


@pytest.mark.parametrize("value", ["abc", "2024-13-01", "2024-02-30", "24", "2024/03/22", "0000", "2024-"])
def test_bad_text_names_the_value_and_the_forms(value: str) -> None:
    with pytest.raises(DateError, match=f"since: bad date '{value}': expected a year \\(2024\\)") as e:
        parse_date(value, field="since")
    assert "YYYY-MM-DD" in str(e.value) and isinstance(e.value, ValueError)


@pytest.mark.parametrize("value", ["2024", "2024-03", 2024])
def test_a_single_day_is_required_where_asked(value: object) -> None:
    with pytest.raises(DateError, match="expected YYYY-MM-DD"):
        parse_date(value, day=True)


def test_nothing_is_none() -> None:
    assert parse_date(None) is parse_date("") is parse_date("  ") is None


def test_a_bad_day_where_a_day_is_asked_names_only_the_day_form() -> None:
    with pytest.raises(DateError, match=r"^date: bad date '2024-02-30': expected YYYY-MM-DD \(day is out of range"):
        parse_date("2024-02-30", day=True, field="date")
