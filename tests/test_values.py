"""clerk_tui.values: dates, times and lengths of time as a clerk types them, read one way
everywhere; and what the dialogs prefill reads back as the same value."""

from __future__ import annotations

import contextlib
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.errors import ClerkError
from clerk_tui.values import (
    BadValue,
    dates_in,
    format_date,
    format_duration,
    format_month,
    format_time,
    long_date,
    parse_date,
    parse_duration,
    parse_month,
    parse_optional_date,
    parse_optional_duration,
    parse_optional_time,
    parse_time,
    short_date,
    shown,
    try_date,
    try_time,
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


# ---- times ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "at"),
    [
        ("13:30", time(13, 30)),
        ("13.30", time(13, 30)),
        ("1330", time(13, 30)),
        ("0930", time(9, 30)),
        ("1330 hours", time(13, 30)),
        ("1330hrs", time(13, 30)),
        ("13:30 hrs", time(13, 30)),
        ("9:05", time(9, 5)),
        ("1:30", time(1, 30)),  # a colon without am or pm is the 24-hour clock
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("14:05:30", time(14, 5, 30)),
        ("14.05.30", time(14, 5, 30)),
        ("1.30pm", time(13, 30)),
        ("1:30 pm", time(13, 30)),
        ("1:30PM", time(13, 30)),
        ("1.30 p.m.", time(13, 30)),
        ("1.30 p.m", time(13, 30)),
        ("10.15am", time(10, 15)),
        ("10.15 a.m.", time(10, 15)),
        ("2pm", time(14, 0)),
        ("2 pm", time(14, 0)),
        ("12am", time(0, 0)),
        ("12.30am", time(0, 30)),
        ("12pm", time(12, 0)),
        ("12.30pm", time(12, 30)),
        ("noon", time(12, 0)),
        ("Noon", time(12, 0)),
        ("12 noon", time(12, 0)),
        ("12.00 noon", time(12, 0)),
        ("midday", time(12, 0)),
        ("midnight", time(0, 0)),
        ("  13:30  ", time(13, 30)),
    ],
)
def test_times_as_a_clerk_types_them(typed: str, at: time) -> None:
    assert parse_time(typed) == at
    assert try_time(typed) == at


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        # A few digits alone could be two times: the clerk is told both, never guessed at.
        ("130", "'130' is not a time of day: write 01:30 or 13:30"),
        ("930", "'930' is not a time of day: write 09:30 or 21:30"),
        ("030", "'030' is not a time of day: write 00:30"),
        ("13", "'13' is not a time of day: write 13:00"),
        ("2", "'2' is not a time of day: write 02:00 or 14:00"),
        ("12", "'12' is not a time of day: write 12:00"),
        ("199", "'199' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("99", "'99' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("25:70", "'25:70' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("24:00", "'24:00' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("13:60", "'13:60' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("13:30:60", "'13:30:60' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("2460", "'2460' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("13pm", "'13pm' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("0am", "'0am' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("soon", "'soon' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("13:3O", "'13:3O' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("13:30 pm hours", "'13:30 pm hours' is not a time of day: write it as HH:MM, e.g. 13:30"),
        ("", "give a time, e.g. 13:30"),
    ],
)
def test_a_time_that_is_none_is_refused_in_one_line(typed: str, message: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_time(typed, where="start time")
    assert str(caught.value) == f"start time: {message}"


def test_in_running_text_digits_alone_are_no_time() -> None:
    assert try_time("2022", running_text=True) is None
    assert try_time("130", running_text=True) is None
    assert try_time("1330 hours", running_text=True) == time(13, 30)
    assert try_time("1.30pm", running_text=True) == time(13, 30)
    assert try_time("Annual Meeting") is None
    assert try_time("2022") == time(20, 22)  # in a time field, four digits are a time
    with pytest.raises(BadValue):
        try_time("2099")


def test_optional_times_and_times_written_back() -> None:
    assert parse_optional_time("") is None
    assert parse_optional_time("1.30pm") == time(13, 30)
    assert format_time(time(13, 30)) == "13:30"
    assert format_time(time(9, 5)) == "09:05"
    assert format_time(time(14, 5, 30)) == "14:05:30"


# ---- lengths of time --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        ("90", 90),
        ("0", 0),
        ("90 min", 90),
        ("90min", 90),
        ("90 mins", 90),
        ("90 minutes", 90),
        ("5m", 5),
        ("1h30", 90),
        ("1h 30", 90),
        ("1h30m", 90),
        ("1 h 30 min", 90),
        ("1 hr 30 mins", 90),
        ("1 hour 30 minutes", 90),
        ("1h05", 65),
        ("2h", 120),
        ("2 hours", 120),
        ("1:30", 90),
        ("1.30", 90),  # a dot is never a decimal point
        ("0:45", 45),
        ("24h", 24 * 60),
        ("1440", 24 * 60),
    ],
)
def test_lengths_of_time_as_a_clerk_types_them(typed: str, minutes: int) -> None:
    assert parse_duration(typed) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "1.5h",
            "'1.5h' is not a length of time: write minutes or hours and minutes, e.g. 90 or 1h30",
        ),
        (
            "1h75",
            "'1h75' is not a length of time: write minutes or hours and minutes, e.g. 90 or 1h30",
        ),
        (
            "1:75",
            "'1:75' is not a length of time: write minutes or hours and minutes, e.g. 90 or 1h30",
        ),
        ("-5", "'-5' is not a length of time: write minutes or hours and minutes, e.g. 90 or 1h30"),
        (
            "long",
            "'long' is not a length of time: write minutes or hours and minutes, e.g. 90 or 1h30",
        ),
        ("25h", "'25h' is longer than a day: write minutes or hours and minutes, e.g. 90 or 1h30"),
        (
            "1441",
            "'1441' is longer than a day: write minutes or hours and minutes, e.g. 90 or 1h30",
        ),
        ("", "give a length of time, e.g. 90 or 1h30"),
    ],
)
def test_a_length_that_is_none_is_refused_in_one_line(typed: str, message: str) -> None:
    with pytest.raises(BadValue) as caught:
        parse_duration(typed, where="planned")
    assert str(caught.value) == f"planned: {message}"


def test_optional_lengths_and_lengths_written_back() -> None:
    assert parse_optional_duration(" ") is None
    assert parse_optional_duration("1h30") == timedelta(minutes=90)
    assert format_duration(timedelta(minutes=45)) == "45 min"
    assert format_duration(timedelta(minutes=60)) == "1h"
    assert format_duration(timedelta(minutes=65)) == "1h05"
    assert format_duration(timedelta(minutes=90, seconds=59)) == "1h30"  # whole minutes


# ---- the one-line promise ---------------------------------------------------------------------


def test_what_was_typed_is_shown_on_one_line_and_cut_when_long() -> None:
    assert shown("next\nweek") == "'next week'"
    assert shown("x" * 50) == repr("x" * 39 + "…")
    with pytest.raises(BadValue) as caught:
        parse_date("a\nvery " + "long " * 20 + "thing", today=TODAY)
    assert "\n" not in str(caught.value)


PARSERS = [
    lambda typed: parse_date(typed, today=TODAY),
    lambda typed: parse_date(typed, today=None),
    lambda typed: parse_month(typed, today=TODAY),
    parse_time,
    lambda typed: try_time(typed, running_text=True),
    parse_duration,
]


@pytest.mark.parametrize("parse", PARSERS)
@given(typed=st.text(max_size=30))
def test_anything_typed_is_a_value_or_one_line_of_refusal(parse: object, typed: str) -> None:
    assert callable(parse)
    try:
        parse(typed)
    except BadValue as refused:
        assert str(refused).isprintable()  # one line, whatever was typed


@given(
    typed=st.from_regex(r"[0-9 :./\-apmhrsnoudyt]{1,12}", fullmatch=True),
)
def test_look_alike_typing_never_escapes_as_another_error(typed: str) -> None:
    for parse in PARSERS:
        with contextlib.suppress(BadValue):
            parse(typed)


def test_other_scripts_digits_are_not_read_as_numbers() -> None:
    with pytest.raises(BadValue):
        parse_time("١٣:٣٠")  # Arabic-Indic digits, which int() would read
    with pytest.raises(BadValue):
        parse_date("١٤/٠٣/٢٠٢٢", today=TODAY)


# ---- what is shown can be typed back ----------------------------------------------------------


@given(day=DAYS, today=TODAYS)
def test_a_date_written_back_reads_as_itself(day: date, today: date) -> None:
    assert parse_date(format_date(day), today=today) == day
    assert parse_date(long_date(day), today=today) == day
    assert parse_date(short_date(day), today=None) == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}", today=None) == day


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_a_two_digit_year_is_this_century(day: date) -> None:
    assert parse_date(f"{day:%d/%m/%y}", today=None) == day


@given(today=TODAYS, offset=st.integers(-1, 1))
def test_relative_days_are_offsets_from_today(today: date, offset: int) -> None:
    words = {-1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
    assert parse_date(words, today=today) == today + timedelta(days=offset)


@given(day=DAYS)
def test_a_yearless_date_is_in_todays_year(day: date) -> None:
    today = date(day.year, 6, 15)
    assert parse_date(f"{day.day} {day:%B}", today=today) == day
    assert parse_date(f"{day.day}/{day.month}", today=today) == day


@given(day=DAYS)
def test_a_month_written_back_reads_as_its_first_day(day: date) -> None:
    assert parse_month(format_month(day), today=None) == day.replace(day=1)
    assert parse_month(format_date(day), today=None) == day


@given(at=st.times().map(lambda t: t.replace(microsecond=0)))
def test_a_time_written_back_reads_as_itself(at: time) -> None:
    assert parse_time(format_time(at)) == at
    twelve = f"{(at.hour + 11) % 12 + 1}.{at.minute:02d}{'pm' if at.hour >= 12 else 'am'}"
    assert parse_time(twelve) == at.replace(second=0)
    assert parse_time(f"{at:%H%M}") == at.replace(second=0)


@given(minutes=st.integers(0, 24 * 60))
def test_a_length_written_back_reads_as_itself(minutes: int) -> None:
    length = timedelta(minutes=minutes)
    assert parse_duration(format_duration(length)) == length
    assert parse_duration(str(minutes)) == length
    assert parse_duration(f"{minutes // 60}:{minutes % 60:02d}") == length
