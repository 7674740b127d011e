"""SVG snapshots at the fixed size: the live screen mid-meeting and the attendance roster.
Regenerate with ``pytest --snapshot-update`` after a deliberate change of look."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.live import LiveScreen
from tests.conftest import SIZE, FakeClock
from tests.screens.test_live import run_meeting


@pytest.fixture
def march(demo_path: Path) -> int:
    database = open_database(demo_path)
    try:
        return next(m.id for m in Desk(database).agenda.meetings() if m.date == date(2022, 3, 14))
    finally:
        database.close()


async def _mid_meeting(pilot: Pilot[int], clock: FakeClock) -> None:
    """Attendance taken (one apology, one late arrival, one substitute), a declaration, five
    items taken (one out of order), one deferred, and item 7 running over at 14:40."""
    await pilot.pause()
    await pilot.press("a", "p", "p", "a", "p", "p", "n")  # Bradley .. Jones
    await pilot.press("escape")
    await run_meeting(pilot, clock)
    clock.set("14:03")
    app = pilot.app
    await pilot.press("a")
    app.screen.query_one("#roster").move_cursor(row=6)  # type: ignore[attr-defined]
    await pilot.press("l", "escape")
    desk = app.desk  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, LiveScreen)
    running = screen.current_item_id
    assert running is not None
    people = {a.person.full_name: a.person.id for a in screen.view.roster}  # type: ignore[union-attr]
    desk.attendance.declare(
        screen.meeting_id,
        running,
        people["Paul Bradley"],
        kind="other-registrable",
        nature="a member of the West Midlands Combined Authority",
        action="spoke-and-voted",
    )
    clock.set("14:40")
    screen.refresh_live()
    screen.tick()
    app.clear_notifications()  # toasts come and go; the snapshot is of the screen itself
    await pilot.pause()


def test_live_screen_mid_meeting(
    snap_compare,
    demo_path: Path,
    clock: FakeClock,
    march: int,
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)

    async def run_before(pilot: Pilot[int]) -> None:
        await _mid_meeting(pilot, clock)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_attendance_roster(
    snap_compare,
    demo_path: Path,
    clock: FakeClock,
    march: int,
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)

    async def run_before(pilot: Pilot[int]) -> None:
        await _mid_meeting(pilot, clock)
        await pilot.press("a")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])
def test_live_screen_mid_meeting_at_the_smallest_and_a_large_terminal(
    snap_compare,
    demo_path: Path,
    clock: FakeClock,
    march: int,
    size: tuple[int, int],
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)

    async def run_before(pilot: Pilot[int]) -> None:
        await _mid_meeting(pilot, clock)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
