"""Times that can be put right, on the live screen through the pilot, at a laptop's 80x24 and
at 140x45: the demo's 14 March 2022 meeting started on 1 December 2026 asks how it is minuted;
after the event each s and ] asks its time (prefilled from the plan) and stores what was typed;
S shifts the whole meeting (one ctrl+z takes it back); ctrl+t takes the meeting's and the item's
times together and flags the items left outside them."""

from __future__ import annotations

from datetime import datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from screens.dialogs.shift import ShiftDialog
from screens.dialogs.start import StartTimeDialog, TimingQuestion
from screens.dialogs.times import TimesDialog
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.test_live import (  # noqa: F401  (march, live_app: the fixtures)
    agenda_row,
    at,
    bar,
    live_app,
    march,
    notifications,
    select_item,
    stored,
)

SIZES = [(80, 24), (140, 45)]
TODAY = datetime(2026, 12, 1, 7, 33)


async def type_time(pilot: Pilot[int], text: str, then: str = "enter") -> None:
    """Replace what the focused field holds, as the clerk does, and press ``then``."""
    await pilot.press("home", "ctrl+k", *text, then)
    await pilot.pause()


def error_of(app: ClerkApp) -> str:
    return str(app.screen.query_one("#form-error", Static).content)


@pytest.mark.parametrize("size", SIZES)
async def test_after_the_event_s_and_next_ask_the_time_and_store_what_was_typed(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    clock.current = TODAY
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        assert bar(live_app, "lateness") == ""  # no "82 min late" for a meeting of 2022
        await pilot.press("s")
        assert isinstance(live_app.screen, TimingQuestion)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(live_app.screen, StartTimeDialog)
        assert live_app.screen.query_one("#start-time", Input).value == "13:30"  # the plan
        await type_time(pilot, "14:00")
        assert isinstance(live_app.screen, LiveScreen)
        view = stored(live_app, march)
        assert view.meeting.timing == "after-the-event"
        assert view.meeting.actual_start == at("14:00")
        assert agenda_row(live_app, "1")["start"] == "14:00"
        assert bar(live_app, "lateness") == "30 min late"  # item 1 began 14:00, planned 13:30

        clock.advance(45)  # the wall clock moves on; nothing recorded follows it
        await pilot.press("right_square_bracket")
        dialog = live_app.screen
        assert isinstance(dialog, StartTimeDialog)
        assert dialog.heading == "Item 1 ended and item 2 started at"
        assert dialog.query_one("#start-time", Input).value == "14:00"  # ~13:31 is passed
        await type_time(pilot, "14:05")
        view = stored(live_app, march)
        two = next(line for line in view.lines if line.item.number == "2")
        assert (view.lines[0].item.actual_end, two.item.actual_start) == (at("14:05"), at("14:05"))
        assert two.running and agenda_row(live_app, "2")["start"] == "14:05"

        # A time gone back is refused beside the field; the dialog keeps it; nothing changes.
        await pilot.press("right_square_bracket")
        await type_time(pilot, "14:01")
        assert isinstance(live_app.screen, StartTimeDialog)
        assert "14:01 is before 14:05, the latest time already recorded" in error_of(live_app)
        await pilot.press("escape")
        assert stored(live_app, march).lines == view.lines


@pytest.mark.parametrize("size", SIZES)
async def test_now_by_the_clock_on_another_day_asks_once(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    clock.current = TODAY
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(live_app.screen, TimingQuestion)
        await pilot.press("escape")  # not yet: nothing started
        assert stored(live_app, march).meeting.actual_start is None
        await pilot.press("s", "n")
        await pilot.pause()
        view = stored(live_app, march)
        assert (view.meeting.timing, view.meeting.actual_start) == ("live", at("07:33"))
        clock.advance(2)
        await pilot.press("right_square_bracket")  # live: no question, no dialog
        assert isinstance(live_app.screen, LiveScreen)
        assert stored(live_app, march).lines[1].item.actual_start == at("07:35")


@pytest.mark.parametrize("size", SIZES)
async def test_shift_moves_every_time_and_ctrl_z_takes_it_back(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    clock.current = TODAY
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "n")  # the meeting: by the clock, at 07:33 in 2026
        clock.advance(1)
        await pilot.press("right_square_bracket")
        before = stored(live_app, march)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(live_app.screen, ShiftDialog)
        await pilot.press(*"+5h43", "ctrl+s")
        await pilot.pause()
        assert isinstance(live_app.screen, LiveScreen)
        view = stored(live_app, march)
        assert view.meeting.actual_start == at("13:16")
        assert [line.item.actual_start for line in view.lines[:2]] == [at("13:16"), at("13:17")]
        assert agenda_row(live_app, "2")["start"] == "13:17"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(live_app, march).lines == before.lines
        assert agenda_row(live_app, "2")["start"] == "07:34"
        # "It started at 14:00": the same shift, given as the start.
        await pilot.press("S", "tab", *"14:00", "enter")
        await pilot.pause()
        assert stored(live_app, march).meeting.actual_start == at("14:00")
        assert agenda_row(live_app, "2")["start"] == "14:01"


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_t_takes_the_times_together_and_flags_items_left_outside(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    clock.current = TODAY
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "n")
        clock.advance(1)
        await pilot.press("right_square_bracket")
        clock.advance(1)
        await pilot.press("e", "y")
        await pilot.pause()
        await select_item(pilot, "1")
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(live_app.screen, TimesDialog)
        # Item start and end, meeting start and end: the start before item 1's old start.
        await type_time(pilot, "14:00")
        await type_time(pilot, "14:05")
        await type_time(pilot, "14:00")
        await type_time(pilot, "16:15", then="ctrl+s")
        assert isinstance(live_app.screen, LiveScreen)
        view = stored(live_app, march)
        assert (view.meeting.actual_start, view.meeting.actual_end) == (at("14:00"), at("16:15"))
        assert (view.lines[0].item.actual_start, view.lines[0].item.actual_end) == (
            at("14:00"),
            at("14:05"),
        )
        assert any(
            "Item 2: outside the meeting's times" in message for message in notifications(live_app)
        )
