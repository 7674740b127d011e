"""The tracker's Complete dialog (c): focus on its first field, the day; the day offered is that
of the meeting the updates are recorded at, when the tracker was opened from one."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from clerk_tui.app import ClerkApp
from screens.dialogs.action_update import CompleteDialog
from tests.conftest import FakeClock
from tests.screens.test_tracker_screen import march_id, open_tracker, select_minute

MARCH = date(2022, 3, 14)
SIZES = [(80, 24), (140, 45)]


async def open_complete(
    app: ClerkApp, pilot: Pilot[int], *, from_march: bool
) -> tuple[CompleteDialog, int]:
    screen = await open_tracker(app, pilot, meeting_id=march_id(app) if from_march else None)
    action = await select_minute(pilot, screen, "631")
    await pilot.press("c")
    dialog = app.screen
    assert isinstance(dialog, CompleteDialog)
    return dialog, action.id


@pytest.mark.parametrize("size", SIZES)
async def test_typed_up_days_later_the_day_is_the_meetings(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    """The clerk types up on 21 March what was reported at the 14 March meeting: the day
    offered is the 14th, focus on it, and tab, how, enter records it so."""
    clock.current = datetime(2022, 3, 21, 10, 0)
    async with demo_app.run_test(size=size) as pilot:
        dialog, action_id = await open_complete(demo_app, pilot, from_march=True)
        day = dialog.query_one("#complete-on", Input)
        assert day.value == "2022-03-14"
        assert dialog.focused is day
        await pilot.press("tab", *"Reported", "enter")
        await pilot.pause()
        assert not isinstance(demo_app.screen, CompleteDialog)
    done = demo_app.desk.tracker.tracked_action(action_id)
    assert (done.completed_on, done.latest_update) == (MARCH, "Completed: Reported")


async def test_the_first_key_types_the_day(demo_app: ClerkApp, clock: FakeClock) -> None:
    """Focus on the day: typed straight after c, the day replaces the one offered."""
    clock.current = datetime(2022, 3, 21, 10, 0)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        _, action_id = await open_complete(demo_app, pilot, from_march=True)
        await pilot.press(*"2022-03-16", "enter", *"By letter", "enter")
        await pilot.pause()
    done = demo_app.desk.tracker.tracked_action(action_id)
    assert (done.completed_on, done.latest_update) == (date(2022, 3, 16), "Completed: By letter")


async def test_without_a_meeting_the_day_is_today(demo_app: ClerkApp, clock: FakeClock) -> None:
    clock.current = datetime(2022, 3, 21, 10, 0)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog, _ = await open_complete(demo_app, pilot, from_march=False)
        assert dialog.query_one("#complete-on", Input).value == "2022-03-21"


async def test_a_meeting_still_to_come_offers_today(demo_app: ClerkApp, clock: FakeClock) -> None:
    """Nothing is completed after today: opened from a meeting ahead, today is offered."""
    clock.current = datetime(2022, 3, 10, 10, 0)
    async with demo_app.run_test(size=(80, 24)) as pilot:
        dialog, _ = await open_complete(demo_app, pilot, from_march=True)
        assert dialog.query_one("#complete-on", Input).value == "2022-03-10"
