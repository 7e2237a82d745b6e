from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from itu_timeline.base.errors import DateInputError
from itu_timeline.core.dates import (
    day_before,
    day_span,
    parse_before,
    parse_duration,
    parse_time,
)

TODAY = date(2026, 1, 31)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2027-03-15", date(2027, 3, 15), date(2027, 3, 15)),
        ("2027-03", date(2027, 3, 1), date(2027, 3, 31)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2027", date(2027, 1, 1), date(2027, 12, 31)),
        ("today", TODAY, TODAY),
        ("Tomorrow", date(2026, 2, 1), date(2026, 2, 1)),
        ("yesterday", date(2026, 1, 30), date(2026, 1, 30)),
        ("+30d", date(2026, 3, 2), date(2026, 3, 2)),
        ("-2w", date(2026, 1, 17), date(2026, 1, 17)),
        ("+1m", date(2026, 2, 28), date(2026, 2, 28)),
        ("+1y", date(2027, 1, 31), date(2027, 1, 31)),
    ],
)
def test_day_span_reads_every_documented_form(text: str, first: date, last: date) -> None:
    assert day_span(text, TODAY) == (first, last)


@pytest.mark.parametrize("text", ["2027-13", "2027-02-30", "next week", "+3x", "", "27"])
def test_unreadable_dates_raise_our_error_with_the_accepted_forms(text: str) -> None:
    with pytest.raises(DateInputError, match="YYYY-MM-DD"):
        day_span(text, TODAY)


def test_before_offsets_accept_singular_and_plural_units() -> None:
    assert date(2026, 11, 9) - parse_before("28 days") == date(2026, 10, 12)
    assert date(2026, 11, 9) - parse_before("8 months") == date(2026, 3, 9)
    assert date(2026, 11, 9) - parse_before("1 week") == date(2026, 11, 2)
    with pytest.raises(DateInputError, match="12 days"):
        parse_before("twelve days")


def test_short_durations_and_times() -> None:
    assert parse_duration("12h") == timedelta(hours=12)
    assert parse_duration("2w") == timedelta(weeks=2)
    assert parse_time("23:59").hour == 23
    with pytest.raises(DateInputError):
        parse_duration("3m")  # months are not a fixed duration
    with pytest.raises(DateInputError):
        parse_time("25:00")


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    st.integers(min_value=0, max_value=999),
    st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"]),
)
def test_the_day_before_is_the_calendar_offset_whatever_the_unit(
    day: date, amount: int, unit: str
) -> None:
    offset = f"{amount} {unit}"
    try:
        delta = parse_before(offset)
    except DateInputError:
        return  # over the longest offset allowed: refused by the schema already
    assert day_before(day, offset) == day - delta


@given(st.from_regex(r"\A(?:[+-]\d{1,5}[dwmy]|\d{4}|\d{4}-\d{2})\Z"))
def test_an_iso_day_is_read_first_because_no_offset_year_or_month_reads_as_one(text: str) -> None:
    """day_span tries date.fromisoformat before its patterns: it must read none of them."""
    with pytest.raises(ValueError, match="Invalid isoformat"):
        date.fromisoformat(text)
    if text.isdigit() and int(text) >= 1:  # a year: the whole of it
        assert day_span(text, date(2026, 1, 1)) == (date(int(text), 1, 1), date(int(text), 12, 31))
