"""Dates and times typed into the dialogs read one way (clerk_tui.values), through the pilot:
words such as "tomorrow" and "1.30pm" where a date or time is asked, "130" refused with both
of its readings, and what a dialog prefills accepted unchanged gives back the same value."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from screens.agenda import AgendaScreen
from screens.dialogs.action_update import CompleteDialog
from screens.dialogs.meeting import MeetingDialog
from tests.conftest import SIZE
from tests.screens.test_home import panel_meetings, type_text
from tests.screens.test_membership import open_membership
from tests.screens.test_tracker_screen import open_tracker, select_minute
from tests.test_preparation import counts

MARCH = date(2022, 3, 14)  # the fake clock's day


def error_of(app: ClerkApp) -> str:
    return str(app.screen.query_one("#form-error", Static).render())


async def test_a_new_meeting_tomorrow_at_half_past_one(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "tomorrow")
        await pilot.press("enter")
        await type_text(pilot, "1.30pm")
        await pilot.press("ctrl+s")
        await pilot.pause()
        meeting_id = panel_meetings(demo_app)[date(2022, 3, 15)]
        assert demo_app.desk.agenda.meeting(meeting_id).scheduled_start == time(13, 30)


async def test_a_start_time_of_130_is_refused_with_both_readings(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    before = counts(demo_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "21 Mar 2022")
        await pilot.press("enter")
        await type_text(pilot, "130")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, MeetingDialog)
        assert error_of(demo_app) == "start time: '130' is not a time of day: write 01:30 or 13:30"
    assert counts(demo_path) == before


async def test_the_meeting_details_accepted_as_prefilled_change_nothing(
    demo_app: ClerkApp,
) -> None:
    march = panel_meetings(demo_app)[MARCH]
    before = demo_app.desk.agenda.meeting(march)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await demo_app.push_screen(AgendaScreen(march))
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, MeetingDialog)
        typed = [dialog.query_one(f"#meeting-{f}", Input).value for f in ("date", "time")]
        assert typed == ["2022-03-14", "13:30"]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, AgendaScreen)
    after = demo_app.desk.agenda.meeting(march)
    assert (after.date, after.scheduled_start) == (before.date, before.scheduled_start)


async def test_the_roster_of_a_date_without_its_year(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = await open_membership(pilot, demo_app)
        await pilot.press("d")
        await type_text(pilot, "29 Nov")  # today's year
        await pilot.press("enter")
        await pilot.pause()
        assert screen.on_date == date(2022, 11, 29)


async def test_an_action_completed_yesterday(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        action = await select_minute(pilot, screen, "631")
        await pilot.press("c")
        dialog = demo_app.screen
        assert isinstance(dialog, CompleteDialog)
        assert dialog.query_one("#complete-on", Input).value == "2022-03-14"
        await type_text(pilot, "yesterday")
        await pilot.press("tab", *"By letter")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(demo_app.screen, CompleteDialog)
    assert demo_app.desk.tracker.tracked_action(action.id).completed_on == date(2022, 3, 13)


async def test_a_completion_on_a_day_that_is_none_is_refused(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        action = await select_minute(pilot, screen, "631")
        await pilot.press("c")
        await type_text(pilot, "31/02/2022")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, CompleteDialog)
        assert error_of(demo_app) == (
            "completed on: '31/02/2022' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"
        )
    assert demo_app.desk.tracker.tracked_action(action.id).completed_on is None


async def test_a_completion_date_cleared_is_today(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        action = await select_minute(pilot, screen, "631")
        await pilot.press("c", "ctrl+u", "ctrl+s")
        await pilot.pause()
        assert not isinstance(demo_app.screen, CompleteDialog)
    assert demo_app.desk.tracker.tracked_action(action.id).completed_on == MARCH
