"""clerk_tui.values: times and lengths of time as a clerk types them, refused in one line when
they are none, and written back.
"""

from __future__ import annotations

from datetime import time, timedelta

import pytest

from clerk_tui.values import (
    BadValue,
    format_duration,
    format_time,
    parse_duration,
    parse_optional_duration,
    parse_optional_time,
    parse_time,
    try_time,
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
