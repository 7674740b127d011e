"""A database that fails under the running app, for real, through the pilot: pages of the file
overwritten while the live screen is open, a disk that fills, the file deleted or replaced.
Each time: ONE notification in words saying what to do, the app still running, the screen still
showing what it showed, every record key after it refused in words without touching the file,
and no traceback (run_test would raise it)."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.notifications import Notification
from textual.pilot import Pilot
from textual.widgets import DataTable

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.base import FAILED_TIMEOUT
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.widgets.agenda_list import AgendaList
from tests.conftest import SIZE, FakeClock
from tests.faults import damage, fill, hashes, read_again, small_disk


def march_of(path: Path) -> int:
    database = open_database(path)
    try:
        return next(m.id for m in Desk(database).agenda.meetings() if m.date == date(2022, 3, 14))
    finally:
        database.close()


def live_app_on(path: Path, clock: FakeClock) -> ClerkApp:
    """The app opened straight on the live screen of 14 March 2022 (``clerk-tui live``)."""
    return make_app(path, clock=clock, start_meeting=march_of(path))


def agenda_shown(app: ClerkApp) -> list[list[str]]:
    """Every agenda row as the clerk sees it: number, title, planned and actual start, minute
    (not the selection mark, nor the minutes run, which the clock moves on every second)."""
    table = app.screen.query_one(AgendaList)
    keys = ("number", "title", "plan", "start", "minute")
    return [[table.get_cell(row.key, key).plain for key in keys] for row in table.ordered_rows]


def notices(app: ClerkApp) -> list[Notification]:
    return list(app._notifications)


async def started(pilot: Pilot[int], clock: FakeClock) -> None:
    """The daily backup done, then the meeting started at 13:31 with s (a record that works)."""
    await pilot.app.workers.wait_for_complete()
    clock.set("13:31")
    await pilot.press("s")
    await pilot.pause()
    assert [n.severity for n in notices(pilot.app)].count("error") == 0


async def assert_failed_once(pilot: Pilot[int], clock: FakeClock, path: Path, *words: str) -> None:
    """Press a record key on the failed database: one notification, prominent and in words;
    then every record key refused in words, the screen as it was, the file untouched."""
    app = pilot.app
    assert isinstance(app, ClerkApp)
    shown = agenda_shown(app)
    before = len(notices(app))
    clock.set("13:40")
    await pilot.press("right_square_bracket")  # item 1 taken, item 2 begun: a record
    await pilot.pause()
    new = notices(app)[before:]
    assert len(new) == 1, [n.message for n in new]
    failure = new[0]
    assert failure.severity == "error"
    assert failure.timeout == FAILED_TIMEOUT
    assert not failure.markup
    assert failure.message.startswith("the database can no longer be written: ")
    for word in words:
        assert word in failure.message, failure.message
    assert "Traceback" not in failure.message
    assert app.is_running and app.fatal_line is None
    assert isinstance(app.screen, LiveScreen)
    assert agenda_shown(app) == shown
    left = hashes(path)
    for again in (["right_square_bracket"], ["down", "s"]):  # next item; start the selected
        count = len(notices(app))
        await pilot.press(*again)
        await pilot.pause()
        refused = notices(app)[count:]
        assert len(refused) == 1
        assert refused[0].message.startswith("not recorded — the database can no longer be")
        assert refused[0].timeout < FAILED_TIMEOUT
    assert hashes(path) == left
    assert agenda_shown(app) == shown
    assert app.is_running


async def test_pages_damaged_under_the_live_screen(demo_path: Path, clock: FakeClock) -> None:
    app = live_app_on(demo_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, clock)
        backups = sorted((demo_path.parent / "backups").glob("demo-*.db"))
        damage(demo_path, ["auditevent"])  # every record writes to it; the screen never reads it
        read_again(demo_path)
        await assert_failed_once(
            pilot, clock, demo_path, "it is damaged", "malformed", "check", f"restore {backups[-1]}"
        )
        # What still reads goes on: moving down the agenda loads each item's minute.
        agenda = app.screen.query_one(AgendaList)
        row, count = agenda.cursor_row, len(notices(app))
        await pilot.press("down", "down")
        await pilot.pause()
        assert agenda.cursor_row == row + 2
        assert len(notices(app)) == count
    assert app.return_code in (None, 0)
    assert app.fatal_line is None


async def test_a_disk_that_fills_under_the_live_screen(
    tmp_path: Path, demo_path: Path, clock: FakeClock
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "clerk.db"
        shutil.copyfile(demo_path, path)
        app = live_app_on(path, clock)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot, clock)
            filler = fill(disk)
            await assert_failed_once(
                pilot,
                clock,
                path,
                "the disk is full",
                "free some space",
            )
            filler.unlink()  # space again: still nothing is tried until clerk-tui starts again
            left = hashes(path)
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert notices(app)[-1].message.startswith("not recorded — ")
            assert hashes(path) == left
        assert app.fatal_line is None


async def test_the_database_deleted_under_the_live_screen(
    demo_path: Path, clock: FakeClock
) -> None:
    app = live_app_on(demo_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, clock)
        demo_path.unlink()
        await assert_failed_once(pilot, clock, demo_path, "deleted or moved")
        assert not demo_path.exists()  # never a new, empty database in its place
    assert not demo_path.exists()
    assert app.fatal_line is None


async def test_the_database_replaced_under_the_live_screen(
    demo_path: Path, clock: FakeClock, _demo_template: Path, tmp_path: Path
) -> None:
    app = live_app_on(demo_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, clock)
        other = tmp_path / "other.db"
        shutil.copyfile(_demo_template, other)
        os.replace(other, demo_path)
        left = hashes(demo_path)
        await assert_failed_once(pilot, clock, demo_path, "replaced by another")
        assert hashes(demo_path) == left
    assert app.fatal_line is None


async def test_a_failure_met_outside_any_record_is_a_notification_too(
    demo_path: Path, clock: FakeClock
) -> None:
    """Back on the meetings screen, its on_screen_resume reads the bodies and meetings again
    (not through attempt): on a database damaged meanwhile that read fails, and the screen
    keeps what it showed instead of the app ending."""
    app = live_app_on(demo_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot, clock)
        home = app.screen_stack[-2]
        assert isinstance(home, HomeScreen)
        meetings = home.query_one("#meetings", DataTable)
        rows = [meetings.get_row_at(i) for i in range(meetings.row_count)]
        damage(demo_path)
        read_again(demo_path)
        before = len(notices(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home
        new = notices(app)[before:]
        assert len(new) == 1, [n.message for n in new]
        assert new[0].message.startswith("the database can no longer be written: it is damaged")
        assert new[0].timeout == FAILED_TIMEOUT
        assert [meetings.get_row_at(i) for i in range(meetings.row_count)] == rows
        count = len(notices(app))
        await pilot.press("b", "escape")  # a new body: its form opens; back out of it
        await pilot.pause()
        assert app.is_running
        assert len(notices(app)) <= count + 1
    assert app.fatal_line is None


async def test_an_unexpected_error_is_logged_and_ends_the_app_with_one_line(
    demo_path: Path, clock: FakeClock
) -> None:
    """Not a refusal in words (a date column holding words, written by another program): the
    app ends cleanly, the details in the log file, one line for the command line to print."""
    import sqlite3

    connection = sqlite3.connect(demo_path)
    with connection:
        connection.execute("UPDATE meeting SET date = 'the ides of March'")
    connection.close()
    app = make_app(demo_path, clock=clock)
    with pytest.raises(ValueError, match="the ides of March"):  # the pilot re-raises it
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
    from clerk_tui.errors import log_path

    log = log_path()
    assert app.return_code == 2
    assert app.fatal_line == (
        "clerk-tui: unexpected error: ValueError: Invalid isoformat string: "
        f"'the ides of March' (details in {log})"
    )
    assert log.stat().st_mode & 0o777 == 0o600
    text = log.read_text()
    assert "in the app" in text.splitlines()[0]
    assert "Traceback (most recent call last)" in text


async def test_a_backup_that_fails_in_the_background_is_told_as_typed(
    tmp_path: Path, demo_path: Path, clock: FakeClock
) -> None:
    """The first start of the day backs up off the UI thread; where that cannot be written (a
    file named backups in the way) the clerk is told once, the folder's name shown as it is
    ("[2022]" is not markup), and the meeting goes on."""
    folder = tmp_path / "minutes [2022]"
    folder.mkdir()
    path = folder / "clerk.db"
    shutil.copyfile(demo_path, path)
    (folder / "backups").write_text("not a folder\n")
    march = march_of(path)
    app = make_app(path, clock=clock, start_meeting=march)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        failed = [n for n in notices(app) if n.title == "Background task failed"]
        assert len(failed) == 1
        assert not failed[0].markup
        assert f"{folder}/backups" in failed[0].message
        clock.set("13:31")
        await pilot.press("s")
        await pilot.pause()
        assert app.desk.chamber.live(march).started
    assert app.fatal_line is None
