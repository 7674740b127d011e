"""The action tracker through the pilot: keys pressed as a clerk would, and after each clerk
action both the database (through the Desk) and the screen checked."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk.tracker import TrackedAction, minute_label
from screens.dialogs.action_edit import ActionEditDialog
from screens.dialogs.action_update import ActionUpdateDialog, CompleteDialog
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.tracker_export import TrackerExportDialog
from screens.tracker import TrackerScreen
from screens.widgets.action_table import ActionTable
from tests.conftest import SIZE, FakeClock

OUTSTANDING = ["617", "620", "629", "630", "630", "630", "631"]
COMPLETED = ["596", "594", "596", "606", "620", "621"]
ALL_MINUTES = [*OUTSTANDING, *COMPLETED]


def panel_id(app: ClerkApp) -> int:
    panel = app.desk.agenda.find_body("Panel")
    assert panel is not None
    return panel.id


def march_id(app: ClerkApp) -> int:
    return next(
        m.id for m in app.desk.agenda.meetings(panel_id(app)) if m.date == date(2022, 3, 14)
    )


async def open_tracker(
    app: ClerkApp, pilot: Pilot[int], meeting_id: int | None = None
) -> TrackerScreen:
    await pilot.pause()
    await app.push_screen(TrackerScreen(panel_id(app), meeting_id=meeting_id))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, TrackerScreen)
    return screen


def shown(screen: TrackerScreen) -> list[str]:
    """The table's lines as drawn, below its heading, while there are rows."""
    table = screen.query_one(ActionTable)
    height = table.scrollable_content_region.height
    lines = [table.render_line(y).text for y in range(1, height)]
    return [line for line in lines if line.strip()]


def detail(screen: TrackerScreen) -> str:
    return str(screen.query_one("#tracker-detail", Static).content)


def stored(app: ClerkApp, action_id: int) -> TrackedAction:
    return app.desk.tracker.tracked_action(action_id)


async def select_minute(pilot: Pilot[int], screen: TrackerScreen, minute: str) -> TrackedAction:
    """Move the cursor with the arrow keys to the first action with this minute number."""
    await pilot.press("home")
    for _ in range(len(screen.table.rows)):
        current = screen.selected
        assert current is not None
        if minute_label(current) == minute:
            return current
        await pilot.press("down")
    raise AssertionError(f"no action {minute} shown")


async def test_every_action_outstanding_first_with_the_months(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        lines = shown(screen)
        assert [line.split()[0] for line in lines] == ALL_MINUTES
        assert lines[0].split()[1:3] == ["Nov", "2021"]
        assert lines[7].split()[1:3] == ["July", "2021"]
        assert "Completed: Visit 4 February 2022" in lines[7]
        count = str(screen.query_one("#tracker-count", Static).content)
        assert "7 outstanding · 6 completed · showing 13" in count
        assert "617 · Outstanding · meeting of 29 Nov 2021" in detail(screen)
        assert "1 Mar 2022: Report and recommendations sent to PCC" in detail(screen)


async def test_update_complete_reopen_by_keys_keep_the_history(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        action = await select_minute(pilot, screen, "631")

        # An update: u, the words, enter.
        await pilot.press("u")
        assert isinstance(demo_app.screen, ActionUpdateDialog)
        await pilot.press(*"Report due in June", "enter")
        assert demo_app.screen is screen
        assert stored(demo_app, action.id).latest_update == "Report due in June"
        history = demo_app.desk.tracker.action_history(action.id)
        assert [(u.date, u.meeting_id, u.text) for u in history] == [
            (date(2022, 3, 14), None, "Report due in June")
        ]
        assert screen.selected is not None and screen.selected.id == action.id
        assert shown(screen)[6].split()[0] == "631" and "Report due in June" in shown(screen)[6]
        assert "14 Mar 2022: Report due in June" in detail(screen)

        # Completed: c, tab past the day (today unless typed), how, enter.
        await pilot.press("c")
        assert isinstance(demo_app.screen, CompleteDialog)
        await pilot.press("tab", *"Reported to the panel", "enter")
        done = stored(demo_app, action.id)
        assert (done.status, done.completed_on) == ("completed", date(2022, 3, 14))
        assert done.latest_update == "Completed: Reported to the panel"
        lines = shown(screen)
        assert [line.split()[0] for line in lines[:6]] == ["617", "620", "629", "630", "630", "630"]
        assert lines[12].split()[0] == "631" and "Completed: Reported to the panel" in lines[12]
        assert screen.selected is not None and screen.selected.id == action.id
        assert "631 · Completed 14 March 2022" in detail(screen)

        # Reopened: o, then y to the question.
        await pilot.press("o")
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("y")
        again = stored(demo_app, action.id)
        assert (again.status, again.completed_on, again.latest_update) == (
            "outstanding",
            None,
            "Reopened",
        )
        assert [u.text for u in demo_app.desk.tracker.action_history(action.id)] == [
            "Reopened",
            "Completed: Reported to the panel",
            "Report due in June",
        ]
        assert shown(screen)[6].split()[0] == "631"
        text = detail(screen)
        assert text.index("Reopened") < text.index("Completed: Reported") < text.index("June")


async def test_updates_from_a_meeting_are_recorded_against_it(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        march = march_id(demo_app)
        screen = await open_tracker(demo_app, pilot, meeting_id=march)
        # From a meeting, the outstanding ones are what the panel goes through.
        assert [line.split()[0] for line in shown(screen)] == OUTSTANDING
        assert "at the meeting of 14 March 2022" in str(
            screen.query_one("#tracker-count", Static).content
        )
        action = await select_minute(pilot, screen, "620")
        await pilot.press("u", *"To be programmed for June", "enter")
        latest = demo_app.desk.tracker.action_history(action.id)[0]
        assert (latest.meeting_id, latest.meeting_date) == (march, date(2022, 3, 14))
        assert "14 Mar 2022 (meeting of 14 Mar 2022): To be programmed for June" in detail(screen)


async def test_refused_input_says_why_and_changes_nothing(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        action = await select_minute(pilot, screen, "629")
        before = demo_app.desk.tracker.action_history(action.id)

        await pilot.press("u", "enter")
        dialog = demo_app.screen
        assert isinstance(dialog, ActionUpdateDialog)
        assert "an update needs some words" in str(dialog.query_one("#form-error", Static).content)
        await pilot.press("escape")

        await pilot.press("c", *"15/03/2022", "enter", "enter")
        dialog = demo_app.screen
        assert isinstance(dialog, CompleteDialog)
        assert "cannot be completed after today" in str(
            dialog.query_one("#form-error", Static).content
        )
        await pilot.press("escape")
        assert demo_app.screen is screen
        assert stored(demo_app, action.id) == action
        assert demo_app.desk.tracker.action_history(action.id) == before

        # Reopening an outstanding action is refused in words, not with a question.
        await pilot.press("o")
        assert demo_app.screen is screen
        assert stored(demo_app, action.id).status == "outstanding"


async def test_filter_as_you_type_and_by_owner_and_status(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("slash", *"firearm")
        assert screen.focused is screen.query_one("#tracker-search", Input)
        assert [line.split()[0] for line in shown(screen)] == ["631"]
        assert "showing 1" in str(screen.query_one("#tracker-count", Static).content)
        await pilot.press(*["backspace"] * 7)
        assert len(shown(screen)) == 13
        await pilot.press(*"pcc budget", "enter")
        assert [line.split()[0] for line in shown(screen)] == ["630", "630"]
        assert screen.focused is screen.table
        await pilot.press("escape")  # from the table, escape leaves; come back for the rest
        assert not isinstance(demo_app.screen, TrackerScreen)

        screen = await open_tracker(demo_app, pilot)
        await pilot.press("s")  # all → outstanding
        assert screen.query_one("#tracker-status", Select).value == "outstanding"
        assert [line.split()[0] for line in shown(screen)] == OUTSTANDING
        await pilot.press("s")  # → completed
        assert [line.split()[0] for line in shown(screen)] == COMPLETED
        await pilot.press("s")  # → all again
        screen.query_one("#tracker-owner", Select).value = "PCC"
        await pilot.pause()
        assert [line.split()[0] for line in shown(screen)] == ["630", "630", "631", "596"]
        assert all("PCC" in line for line in shown(screen))


async def test_edit_and_add_a_carried_over_action(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        action = await select_minute(pilot, screen, "629")
        await pilot.press("e")
        dialog = demo_app.screen
        assert isinstance(dialog, ActionEditDialog)
        # Enter in the action's words moves on (it is one paragraph); the owner is replaced.
        await pilot.press("enter", *"Victims Commissioner", "ctrl+s")
        edited = stored(demo_app, action.id)
        assert (edited.owner, edited.minute_number, edited.source_date) == (
            "Victims Commissioner",
            629,
            date(2022, 1, 31),
        )
        assert "Victims Commi…" in shown(screen)[2]

        await pilot.press("n", *"Circulate the work programme", "enter", *"Panel Office")
        await pilot.press("enter", *"June 2022", "enter", *"598", "enter", *"Sept 2021", "enter")
        added = screen.selected
        assert added is not None and added.text == "Circulate the work programme"
        assert (minute_label(added), added.source_date, added.due) == (
            "598",
            date(2021, 9, 1),
            "June 2022",
        )
        assert shown(screen)[0].split()[:3] == ["598", "Sept", "2021"]


async def test_open_the_source_item_on_the_live_screen(demo_app: ClerkApp) -> None:
    from screens.live import LiveScreen

    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        carried = await select_minute(pilot, screen, "629")
        await pilot.press("i")
        assert demo_app.screen is screen  # carried over: no item here, said in words
        assert carried.item_id is None

        action = await select_minute(pilot, screen, "617")
        await pilot.press("i")
        await pilot.pause()
        live = demo_app.screen
        assert isinstance(live, LiveScreen)
        assert (live.meeting_id, live.select_item) == (action.meeting_id, action.item_id)


async def test_export_from_the_app(demo_app: ClerkApp, tmp_path: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        # x then enter: the Word file in the documents folder, named from body and date.
        await pilot.press("x")
        assert isinstance(demo_app.screen, TrackerExportDialog)
        await pilot.press("enter")
        default = demo_app.desk.tracker.tracker_export_path(panel_id(demo_app), "docx")
        assert default.is_file() and demo_app.screen is screen

        # Another file: CSV of the outstanding ones, chosen from the dialog.
        target = tmp_path / "for-agenda.csv"
        await pilot.press("x")
        dialog = demo_app.screen
        assert isinstance(dialog, TrackerExportDialog)
        dialog.query_one("#export-format", Select).value = "csv"
        dialog.query_one("#export-status", Select).value = "outstanding"
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith("-2022-03-14.csv")
        path_input.value = str(target)
        await pilot.press("ctrl+s")
        rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
        assert [r[0] for r in rows[1:]] == OUTSTANDING

        # The same file again asks before replacing it; n leaves it alone.
        target.write_text("keep me", encoding="utf-8")
        await pilot.press("x")
        demo_app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("n")
        assert target.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("meeting", [False, True])
def test_tracker_snapshot(snap_compare: object, meeting: bool, demo_path: Path) -> None:
    """The tracker as a clerk first sees it, between meetings and from the March meeting."""

    app = make_app(demo_path, clock=FakeClock(datetime(2022, 3, 14, 13, 25)))

    async def run_before(pilot: Pilot[int]) -> None:
        await open_tracker(app, pilot, march_id(app) if meeting else None)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)  # type: ignore[operator]
