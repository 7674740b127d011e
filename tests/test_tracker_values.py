"""What the tracker's dialogs type: days and the months of carried-over actions, read by
clerk_tui.values, and minute numbers. A blank day is the completion dialog's "today" and a blank
month the edit dialog's "no month" (values refuses blank: the dialogs decide what it means)."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_tui.app import ClerkApp
from clerk_tui.desk.tracker import minute_label, parse_minute
from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_date, parse_month
from tests.conftest import SIZE
from tests.screens.test_tracker_screen import open_tracker

TODAY = date(2022, 3, 14)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("", date(2022, 3, 14)),
        ("today", date(2022, 3, 14)),
        ("4/2/2022", date(2022, 2, 4)),
        ("04.02.2022", date(2022, 2, 4)),
        ("2022-02-04", date(2022, 2, 4)),
        ("4 February 2022", date(2022, 2, 4)),
        ("4 Feb, 2022", date(2022, 2, 4)),
    ],
)
def test_parse_day(text: str, day: date) -> None:
    # The completion dialog hands a cleared field to values as "today" (action_update.py).
    assert parse_date(text or "today", today=TODAY) == day


@pytest.mark.parametrize("text", ["31/02/2022", "next week", "2022/13/01", "4 Brumaire 2022"])
def test_parse_day_refuses_in_words(text: str) -> None:
    with pytest.raises(ClerkError, match="date"):
        parse_date(text, today=TODAY)


def test_parse_month_and_minute() -> None:
    assert parse_month("Nov 2021", today=TODAY) == date(2021, 11, 1)
    assert parse_month("Sept 2022", today=TODAY) == date(2022, 9, 1)
    assert parse_month("july 2021", today=TODAY) == date(2021, 7, 1)
    assert parse_month("2021-10", today=TODAY) == date(2021, 10, 1)
    assert parse_month("18/10/2021", today=TODAY) == date(2021, 10, 18)
    with pytest.raises(ClerkError, match="not a month"):
        parse_month("Smarch 2021", today=TODAY)
    assert parse_minute("617") == 617
    assert parse_minute("633*") == 633
    assert parse_minute("—") is None
    with pytest.raises(ClerkError, match="whole number"):
        parse_minute("6a")


async def test_a_carried_over_action_with_its_month_left_blank_has_none(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("n", *"Circulate the work programme", "enter", *"Panel Office")
        await pilot.press("enter", *"June 2022", "enter", *"598", "enter", "enter")
        added = screen.selected
        assert added is not None and added.text == "Circulate the work programme"
        assert (minute_label(added), added.source_date) == ("598", None)
