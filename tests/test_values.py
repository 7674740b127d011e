"""clerk_tui.values: dates, times and lengths of time as a clerk types them, read one way
everywhere; and what the dialogs prefill reads back as the same value."""

from __future__ import annotations

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.errors import ClerkError
from clerk_tui.values import (
    BadValue,
    dates_in,
    format_date,
    format_month,
    long_date,
    parse_date,
    parse_month,
    parse_optional_date,
    short_date,
    try_date,
)

TODAY = date(2022, 3, 14)  # a Monday: the Panel's meeting
MARCH = date(2022, 3, 21)
DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))
TODAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))

# ---- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("21/03/2022", MARCH),
        ("21/3/22", MARCH),
        ("21.03.2022", MARCH),
        ("21-03-2022", MARCH),
        ("2022-03-21", MARCH),
        ("2022-3-21", MARCH),
        ("2022/03/21", MARCH),
        ("21 March 2022", MARCH),
        ("21 march 2022", MARCH),
        ("21st March 2022", MARCH),
        ("21st of March 2022", MARCH),
        ("21 Mar 2022", MARCH),
        ("21 Mar. 2022", MARCH),
        ("21 Mar, 2022", MARCH),
        ("21 Mar 22", MARCH),
        ("Mon 21 Mar 2022", MARCH),
        ("Monday 21 March 2022", MARCH),
        ("Monday, 21 March 2022", MARCH),
        ("Mon. 21 Mar 2022", MARCH),
        ("March 21, 2022", MARCH),
        ("Mar 21 2022", MARCH),
        ("  21   March   2022. ", MARCH),
        ("4 Sept 2022", date(2022, 9, 4)),
        ("4 Sep 2022", date(2022, 9, 4)),
        ("Thurs 1 Sept 2022", date(2022, 9, 1)),
        ("Tues 6 Sept 2022", date(2022, 9, 6)),
        ("Weds 7 Sept 2022", date(2022, 9, 7)),
        ("04/02/2022", date(2022, 2, 4)),  # day first, as in the UK
        ("29/02/2024", date(2024, 2, 29)),
        ("1/1/00", date(2000, 1, 1)),
        ("31/12/99", date(2099, 12, 31)),  # a two-digit year is this century's
    ],
)
def test_dates_as_a_clerk_types_them(typed: str, day: date) -> None:
    assert parse_date(typed, today=TODAY) == day
    assert parse_date(typed, today=None) == day  # none of these needs a today


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("today", TODAY),
        ("Today", TODAY),
        (" TODAY ", TODAY),
        ("tomorrow", date(2022, 3, 15)),
        ("yesterday", date(2022, 3, 13)),
        ("14 Mar", TODAY),
        ("14 March", TODAY),
        ("Mon 14 Mar", TODAY),
        ("March 14", TODAY),
        ("14/3", TODAY),
        ("14th", None),
        ("1 Jan", date(2022, 1, 1)),  # today's year, though it is past
        ("31 Dec", date(2022, 12, 31)),
    ],
)
def test_relative_and_yearless_dates_are_read_against_the_today_passed_in(
    typed: str, day: date | None
) -> None:
    if day is None:
        with pytest.raises(BadValue):
            parse_date(typed, today=TODAY)
    else:
        assert parse_date(typed, today=TODAY) == day
        with contextlib.suppress(BadValue):  # "Mon 14 Mar" is refused in 2030: not a Monday
            assert parse_date(typed, today=date(2030, 6, 1)) != day  # no clock inside
    # With no today (an agenda file) they are not dates at all.
    assert try_date(typed, today=None) is None


def test_a_yearless_date_in_a_year_that_has_no_such_day() -> None:
    assert parse_date("29 Feb", today=date(2024, 5, 1)) == date(2024, 2, 29)
    with pytest.raises(BadValue, match="'29 Feb' is not a date"):
        parse_date("29 Feb", today=TODAY)
    with pytest.raises(BadValue, match="'29/2' is not a date"):
        parse_date("29/2", today=TODAY)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("next week", "'next week' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("31/02/2022", "'31/02/2022' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("2022/13/01", "'2022/13/01' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("2022-03-14/", "'2022-03-14/' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("14-03/2022", "'14-03/2022' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("0000-01-01", "'0000-01-01' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("14.3", "'14.3' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("2 weeks", "'2 weeks' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("4 Brumaire 2022", "'4 Brumaire 2022' is not a date: no month is called 'Brumaire'"),
        ("Tue 14 Mar 2022", "'Tue 14 Mar 2022' is not a date: 14 March 2022 is a Monday"),
        ("Tue 14 Mar", "'Tue 14 Mar' is not a date: 14 March 2022 is a Monday"),
        ("Someday 14 Mar 2022", "'Someday 14 Mar 2022' is not a date: 'Someday' is not a weekday"),
        ("32 March 2022", "'32 March 2022' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("", "give a date, e.g. 2022-03-14"),
        ("   ", "give a date, e.g. 2022-03-14"),
    ],
)
def test_a_date_that_is_none_is_refused_in_one_line(typed: str, message: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_date(typed, today=TODAY, where="from")
    assert caught.value.message == message
    assert str(caught.value) == f"from: {message}"
    assert caught.value.where == "from"
    assert isinstance(caught.value, ClerkError)


def test_the_fault_is_kept_apart_for_a_reader_of_files() -> None:
    with pytest.raises(BadValue) as caught:
        try_date("Tuesday 14 March 2022", today=None)
    assert (caught.value.typed, caught.value.reason) == (
        "Tuesday 14 March 2022",
        "14 March 2022 is a Monday",
    )
    with pytest.raises(BadValue) as caught:
        try_date("31 February 2022", today=None)
    assert caught.value.reason == ""
    assert try_date("Annual Meeting", today=None) is None
    assert try_date("14/3", today=None) is None


def test_optional_dates() -> None:
    assert parse_optional_date("", today=TODAY) is None
    assert parse_optional_date("  ", today=TODAY) is None
    assert parse_optional_date("today", today=TODAY) == TODAY
    with pytest.raises(BadValue, match="'soon' is not a date"):
        parse_optional_date("soon", today=TODAY)


def test_dates_written_back() -> None:
    assert format_date(TODAY) == "2022-03-14"
    assert format_date(date(2022, 1, 5)) == "2022-01-05"
    assert long_date(date(2022, 3, 4)) == "4 March 2022"
    assert short_date(date(2022, 3, 4)) == "Fri 04 Mar 2022"
    assert format_month(date(2021, 11, 29)) == "Nov 2021"


def test_the_dates_running_text_names() -> None:
    assert dates_in("held on 29 November 2021 and 31st January, 2022") == [
        date(2021, 11, 29),
        date(2022, 1, 31),
    ]
    assert dates_in("of 2021-11-29 and 31/01/2022") == [date(2021, 11, 29), date(2022, 1, 31)]
    assert dates_in("the 14th of March 2022 (14/03/2022, 2022-03-14)") == [TODAY]
    assert dates_in("31 February 2022, the 5 members 2022, 14/3 and no date") == []
    assert dates_in("Minute No. 611 of 2021-13-01") == []


@given(day=DAYS, before=st.text(alphabet="abc ,.;()", max_size=8))
def test_a_date_written_back_is_found_in_running_text(day: date, before: str) -> None:
    text = f"{before} {long_date(day)} and {format_date(day)} then {day.day}/{day.month}/{day.year}"
    assert dates_in(text) == [day]


# ---- months -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("Nov 2021", date(2021, 11, 1)),
        ("November 2021", date(2021, 11, 1)),
        ("Nov. 2021", date(2021, 11, 1)),
        ("Sept 2022", date(2022, 9, 1)),
        ("july 2021", date(2021, 7, 1)),
        ("2021-10", date(2021, 10, 1)),
        ("10/2021", date(2021, 10, 1)),
        ("18/10/2021", date(2021, 10, 18)),  # a whole date keeps its day
        ("18 October 2021", date(2021, 10, 18)),
        ("today", TODAY),
    ],
)
def test_months_as_an_old_tracker_writes_them(typed: str, day: date) -> None:
    assert parse_month(typed, today=TODAY) == day


@pytest.mark.parametrize("typed", ["Smarch 2021", "2021-13", "13/2021", "nonsense", "31/02/2022"])
def test_a_month_that_is_none_is_refused(typed: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_month(typed, today=TODAY, where="date (month)")
    assert str(caught.value) == (
        f"date (month): {typed!r} is not a month: write it as Nov 2021 (or a date)"
    )
