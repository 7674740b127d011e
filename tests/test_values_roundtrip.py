"""clerk_tui.values, whatever is typed: every value or one line of refusal, look-alike typing
kept apart, and what is shown (what the dialogs prefill) read back as the same value.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.values import (
    BadValue,
    format_date,
    format_duration,
    format_month,
    format_time,
    long_date,
    parse_date,
    parse_duration,
    parse_month,
    parse_time,
    short_date,
    shown,
    try_time,
)
from tests.test_values import DAYS, TODAY, TODAYS

# ---- the one-line promise ---------------------------------------------------------------------


def test_what_was_typed_is_shown_on_one_line_and_cut_when_long() -> None:
    assert shown("next\nweek") == "'next week'"
    assert shown("x" * 50) == repr("x" * 39 + "…")
    with pytest.raises(BadValue) as caught:
        parse_date("a\nvery " + "long " * 20 + "thing", today=TODAY)
    assert "\n" not in str(caught.value)


PARSERS: list[Callable[[str], object]] = [
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
