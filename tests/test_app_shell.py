"""The app shell through the pilot: first run, home, help, quit."""

from __future__ import annotations

from pathlib import Path

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.demo import PANEL
from tests.conftest import SIZE, FakeClock


async def test_home_lists_the_demo_meetings_newest_first(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bodies = demo_app.screen.query_one("#bodies")
        assert str(bodies.get_row_at(0)[0]) == PANEL
        table = demo_app.screen.query_one("#meetings")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert [r[0] for r in rows] == ["Mon 14 Mar 2022", "Mon 29 Nov 2021"]
        assert [r[3] for r in rows] == ["planned", "closed"]
        assert rows[0][5] == "14"


async def test_an_empty_database_opens_on_the_welcome_screen(
    empty_path: Path, clock: FakeClock
) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        await pilot.press("b")
        for text in "Borough Licensing Committee":
            await pilot.press(text if text != " " else "space")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert [b.name for b in app.desk.agenda.bodies()] == ["Borough Licensing Committee"]


async def test_the_welcome_screen_opens_the_demo(empty_path: Path, clock: FakeClock) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        assert [b.name for b in app.desk.agenda.bodies()] == [PANEL]
        assert app.desk.database.path.name == "demo.db"


async def test_help_is_generated_from_the_screens_bindings(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        rows = dict((name, key) for key, name, _ in demo_app.screen.rows)
        assert rows["New body"] == "b"
        assert rows["Quit"] == "ctrl+q"
        await pilot.press("escape")
        assert type(demo_app.screen).__name__ == "HomeScreen"


async def test_ctrl_q_quits(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert demo_app.return_code in (0, None)


def test_home_snapshot(snap_compare, demo_path: Path, clock: FakeClock) -> None:
    assert snap_compare(make_app(demo_path, clock=clock), terminal_size=SIZE)


async def test_home_signs_the_selected_minutes(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # the 29 November 2021 meeting
        await pilot.press("s")  # sign: the date is offered
        await pilot.pause()
        await pilot.press("enter")  # the offered date
        await pilot.pause()
        await pilot.press("y")  # nobody confirmed them yet: approve them now and sign
        await pilot.pause()
        november = next(m for m in demo_app.desk.agenda.meetings() if m.date.year == 2021)
        assert november.minutes_status == "signed"
        table = demo_app.screen.query_one("#meetings")
        assert str(table.get_row_at(1)[4]) == "signed"


async def test_home_opens_the_export_screen(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "ctrl+e")
        await pilot.pause()
        assert type(demo_app.screen).__name__ == "ExportScreen"
