"""Minute numbers follow the order items were taken and run on across meetings."""

from __future__ import annotations

from datetime import datetime

import pytest

from clerk_tui.numbering import NumberingItem, assign_minute_numbers, next_counter_after
from clerk_tui.timing import ItemState


def at(hour: int, minute: int) -> datetime:
    return datetime(2021, 11, 29, hour, minute)


def test_items_are_numbered_in_the_order_taken_from_the_bodys_next_number() -> None:
    # The chair took item "6" before item "5"; "7" was deferred, "8" never reached.
    agenda = [
        NumberingItem("1", at(14, 0), ItemState.TAKEN),
        NumberingItem("5", at(14, 30), ItemState.TAKEN),
        NumberingItem("6", at(14, 10), ItemState.TAKEN),
        NumberingItem("7", None, ItemState.DEFERRED),
        NumberingItem("8", None, ItemState.PENDING),
    ]
    assert assign_minute_numbers(agenda, 611) == {"1": 611, "6": 612, "5": 613}


def test_running_item_gets_a_provisional_number() -> None:
    agenda = [
        NumberingItem(10, at(14, 0), ItemState.TAKEN),
        NumberingItem(11, at(14, 5), ItemState.RUNNING),
        NumberingItem(12, None),
    ]
    assert assign_minute_numbers(agenda, 623) == {10: 623, 11: 624}


def test_item_begun_then_deferred_or_withdrawn_gets_no_number() -> None:
    agenda = [
        NumberingItem("a", at(14, 0), ItemState.TAKEN),
        NumberingItem("b", at(14, 5), ItemState.DEFERRED),
        NumberingItem("c", at(14, 6), "withdrawn"),
        NumberingItem("d", at(14, 7), "taken"),
    ]
    assert assign_minute_numbers(agenda, 1) == {"a": 1, "d": 2}


def test_items_started_in_the_same_minute_keep_agenda_order() -> None:
    agenda = [
        NumberingItem(("m", 2), at(14, 1), ItemState.TAKEN),
        NumberingItem(("m", 3), at(14, 1), ItemState.TAKEN),
        NumberingItem(("m", 1), at(14, 0), ItemState.TAKEN),
    ]
    assert assign_minute_numbers(agenda, 100) == {("m", 1): 100, ("m", 2): 101, ("m", 3): 102}


def test_items_started_in_the_same_minute_keep_agenda_order_whatever_their_ids() -> None:
    # Item id 9 was added late and put first on the agenda: the agenda's order counts, not ids.
    agenda = [
        NumberingItem(9, at(14, 1), ItemState.TAKEN),
        NumberingItem(4, at(14, 1), ItemState.TAKEN),
    ]
    assert assign_minute_numbers(agenda, 100) == {9: 100, 4: 101}


def test_nothing_taken_gives_no_numbers() -> None:
    assert assign_minute_numbers([NumberingItem("x", None)], 5) == {}
    assert assign_minute_numbers([], 5) == {}


def test_a_key_listed_twice_is_refused() -> None:
    agenda = [NumberingItem("1", at(14, 0)), NumberingItem("1", at(14, 5))]
    with pytest.raises(ValueError, match="appears twice"):
        assign_minute_numbers(agenda, 1)


def test_next_number_must_be_positive() -> None:
    with pytest.raises(ValueError, match="start at 1"):
        assign_minute_numbers([], 0)


def test_counter_after_closing_november_2021_is_623() -> None:
    # November 2021's minutes ran 611-622; January 2022 started at 623.
    agenda = [NumberingItem(i, at(14, i), ItemState.TAKEN) for i in range(12)]
    numbers = assign_minute_numbers(agenda, 611)
    assert sorted(numbers.values()) == list(range(611, 623))
    assert next_counter_after(numbers.values(), 611) == 623


def test_counter_stays_put_when_nothing_was_taken_and_never_goes_back() -> None:
    assert next_counter_after([], 623) == 623
    assert next_counter_after([400, 401], 623) == 623
