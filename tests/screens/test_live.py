"""The live screen through the pilot: keys pressed as a clerk would, the fake clock set between
them, and after each one both the database (through the Desk) and the screen checked."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.chamber import LiveView
from db import open_database
from screens.live import LiveScreen
from screens.widgets.agenda_list import AgendaList
from tests.conftest import SIZE, FakeClock


@pytest.fixture
def march(demo_path: Path) -> int:
    database = open_database(demo_path)
    try:
        return next(m.id for m in Desk(database).agenda.meetings() if m.date == date(2022, 3, 14))
    finally:
        database.close()


@pytest.fixture
def live_app(demo_path: Path, clock: FakeClock, march: int) -> ClerkApp:
    """The app opened straight on the live screen, as ``clerk-tui live`` does."""
    return make_app(demo_path, clock=clock, start_meeting=march)


def at(hh_mm: str) -> datetime:
    hours, minutes = map(int, hh_mm.split(":"))
    return datetime(2022, 3, 14, hours, minutes)


def live_screen(app: ClerkApp) -> LiveScreen:
    screen = app.screen
    assert isinstance(screen, LiveScreen)
    return screen


def stored(app: ClerkApp, meeting_id: int) -> LiveView:
    """What the database holds now, read through the Desk."""
    return app.desk.chamber.live(meeting_id)


def agenda_row(app: ClerkApp, number: str) -> dict[str, str]:
    """The agenda row of an item as shown: marker, number, title, plan, start, ran, minute."""
    agenda = app.screen.query_one(AgendaList)
    view = live_screen(app).view
    assert view is not None
    item_id = next(line.item.id for line in view.lines if line.item.number == number)
    keys = ("mark", "number", "title", "plan", "start", "ran", "minute")
    return {key: agenda.get_cell(str(item_id), key).plain for key in keys}


def agenda_cell(app: ClerkApp, number: str, key: str) -> Text:
    view = live_screen(app).view
    assert view is not None
    item_id = next(line.item.id for line in view.lines if line.item.number == number)
    return app.screen.query_one(AgendaList).get_cell(str(item_id), key)


def bar(app: ClerkApp, part: str) -> str:
    return str(app.screen.query_one(f"#bar-{part}", Static).content)


def notifications(app: ClerkApp) -> list[str]:
    return [n.message for n in app._notifications]


async def select_item(pilot: Pilot[int], number: str) -> None:
    """Move the agenda cursor to an item with up / down, as the clerk would."""
    app = pilot.app
    view = live_screen(app).view  # type: ignore[arg-type]
    assert view is not None
    agenda = app.screen.query_one(AgendaList)
    target = next(i for i, line in enumerate(view.lines) if line.item.number == number)
    step = "down" if target > agenda.cursor_row else "up"
    for _ in range(abs(target - agenda.cursor_row)):
        await pilot.press(step)
    assert agenda.cursor_row == target


async def run_meeting(pilot: Pilot[int], clock: FakeClock) -> None:
    """Start at 13:31; ] ] for items 2 and 3; item 5 before item 4; 6 begun then deferred;
    ] at 13:58 starts item 7."""
    clock.set("13:31")
    await pilot.press("s")
    clock.set("13:34")
    await pilot.press("right_square_bracket")
    clock.set("13:38")
    await pilot.press("right_square_bracket")
    await select_item(pilot, "5")
    clock.set("13:40")
    await pilot.press("s")
    await select_item(pilot, "4")
    clock.set("13:52")
    await pilot.press("s")
    await select_item(pilot, "6")
    clock.set("13:55")
    await pilot.press("s")
    clock.set("13:57")
    await pilot.press("x", "d")
    clock.set("13:58")
    await pilot.press("right_square_bracket")


async def test_opening_shows_the_agenda_against_the_clock(live_app: ClerkApp, march: int) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = live_screen(live_app)
        assert screen.meeting_id == march
        assert agenda_row(live_app, "1") == {
            "mark": " ", "number": "1", "title": "NOTICE OF RECORDING AND W…", "plan": "13:30",
            "start": "", "ran": "", "minute": "",
        }  # fmt: skip
        assert agenda_row(live_app, "2")["plan"] == "~13:31"  # derived, not on the agenda
        assert bar(live_app, "clock") == "13:25:00"
        assert bar(live_app, "elapsed") == "not started · due 13:30"
        assert bar(live_app, "close") == "close ~16:00 (planned 16:00)"
        assert bar(live_app, "quorum") == "quorum 0/5"  # quiet before the meeting starts
        # The first item still to be taken is selected, so s starts the meeting on it.
        assert screen.current_item_id == stored(live_app, march).lines[0].item.id


async def test_a_meeting_driven_by_keys(live_app: ClerkApp, clock: FakeClock, march: int) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.set("13:31")
        await pilot.press("s")
        # Stored, then shown: the meeting and item 1 began at 13:31.
        view = stored(live_app, march)
        assert view.meeting.actual_start == at("13:31") and view.meeting.status == "live"
        assert view.lines[0].item.state == "running"
        assert agenda_row(live_app, "1")["mark"] == "▶"
        assert agenda_row(live_app, "1")["start"] == "13:31"
        assert agenda_row(live_app, "1")["minute"] == "633"
        assert agenda_cell(live_app, "1", "minute").style == "italic"  # provisional
        assert bar(live_app, "elapsed") == "started 13:31 · 0:00:00"

        clock.set("13:34")
        await pilot.press("right_square_bracket")
        clock.set("13:38")
        await pilot.press("right_square_bracket")
        await select_item(pilot, "5")
        clock.set("13:40")
        await pilot.press("s")
        await select_item(pilot, "4")
        clock.set("13:52")
        await pilot.press("s")
        await select_item(pilot, "6")
        clock.set("13:55")
        await pilot.press("s")
        clock.set("13:57")
        await pilot.press("x")
        assert type(live_app.screen).__name__ == "DeferDialog"
        await pilot.press("d")
        clock.set("13:58")
        await pilot.press("right_square_bracket")

        view = stored(live_app, march)
        actual = {
            line.item.number: (line.item.state, line.item.actual_start, line.item.actual_end)
            for line in view.lines[:8]
        }
        assert actual == {
            "1": ("taken", at("13:31"), at("13:34")),
            "2": ("taken", at("13:34"), at("13:38")),
            "3": ("taken", at("13:38"), at("13:40")),
            "4": ("taken", at("13:52"), at("13:55")),
            "5": ("taken", at("13:40"), at("13:52")),
            "6": ("deferred", at("13:55"), at("13:57")),
            "7": ("running", at("13:58"), None),
            "8": ("pending", None, None),
        }
        shown = {n: agenda_row(live_app, n) for n in ("1", "4", "5", "6", "7", "8")}
        assert [shown[n]["minute"] for n in ("1", "5", "4", "7")] == ["633", "636", "637", "638"]
        assert shown["6"]["minute"] == "" and shown["6"]["mark"] == "↷"
        assert shown["5"]["ran"] == "12m" and shown["4"]["start"] == "13:52"
        assert shown["7"]["mark"] == "▶" and shown["8"]["minute"] == ""
        # The selection followed ] to the running item: it is the current one.
        assert live_screen(live_app).current_item_id == view.running_item_id

        # At 14:10, item 7 (planned 13:55) began at 13:58: 3 minutes late; it has 23 of its
        # 35 minutes left, then 90 minutes of items 8-14: close at 16:03 against 16:00.
        clock.set("14:10")
        live_screen(live_app).tick()
        await pilot.pause()
        assert bar(live_app, "clock") == "14:10:00"
        assert bar(live_app, "lateness") == "3 min late"
        assert bar(live_app, "close") == "close ~16:03 (planned 16:00)"
        assert agenda_row(live_app, "7")["ran"] == "12m"
        header = str(live_app.screen.query_one("#item-header", Static).content)
        assert "running 12 min of 35 min · began 13:58" in header

        # Running over: at 14:40 item 7 is past its 35 minutes, and says so in red.
        clock.set("14:40")
        live_screen(live_app).tick()
        await pilot.pause()
        assert agenda_cell(live_app, "7", "ran").style == "bold red"
        assert "7 min over" in str(live_app.screen.query_one("#item-header", Static).content)

        # e asks first; n leaves everything as it was.
        await pilot.press("e")
        assert type(live_app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        assert stored(live_app, march).meeting.status == "live"

        await pilot.press("e", "y")
        view = stored(live_app, march)
        assert view.meeting.status == "closed" and view.meeting.actual_end == at("14:40")
        fixed = {line.item.number: line.item.minute_number for line in view.lines}
        assert fixed["5"] == 636 and fixed["4"] == 637 and fixed["7"] == 638
        assert fixed["6"] is None and fixed["8"] is None
        assert live_app.desk.agenda.body(view.meeting.body.id).next_minute_number == 639
        assert agenda_cell(live_app, "7", "minute").style == "bold"  # fixed now
        assert bar(live_app, "elapsed") == "closed · 13:31–14:40 (1:09)"
        assert any(
            m.startswith("Meeting closed: 6 minute(s) numbered") for m in notifications(live_app)
        )


async def test_a_closed_meeting_refuses_clock_keys_and_takes_edited_times(
    live_app: ClerkApp, clock: FakeClock, march: int
) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await run_meeting(pilot, clock)
        clock.set("14:20")
        await pilot.press("e", "y")
        before = stored(live_app, march)
        clock.set("16:30")
        await select_item(pilot, "8")
        for key in ("s", "right_square_bracket", "left_square_bracket", "x", "e"):
            await pilot.press(key)
            assert isinstance(live_app.screen, LiveScreen), key  # no dialog, no change
        assert stored(live_app, march).lines == before.lines
        assert sum("closed" in m for m in notifications(live_app)) >= 5

        # ctrl+t edits the selected item's times (and the meeting's) explicitly.
        await select_item(pilot, "5")
        await pilot.press("ctrl+t")
        dialog = live_app.screen
        assert dialog.query_one("#times-item_start", Input).value == "13:40"
        await pilot.press("home", "ctrl+k", *"13:41", "enter")  # item start, then item end
        await pilot.press("home", "ctrl+k", *"1351", "ctrl+s")
        view = stored(live_app, march)
        five = next(line for line in view.lines if line.item.number == "5")
        assert (five.item.actual_start, five.item.actual_end) == (at("13:41"), at("13:51"))
        assert five.minute_number == 636
        assert agenda_row(live_app, "5")["start"] == "13:41"
        assert agenda_row(live_app, "5")["ran"] == "10m"

        # Nonsense is refused beside the field, and nothing changes.
        await pilot.press("ctrl+t", "home", "ctrl+k", *"13:99", "ctrl+s")
        error = str(live_app.screen.query_one("#form-error", Static).content)
        assert error == "item start: '13:99' is not a time of day: write it as HH:MM, e.g. 13:30"
        await pilot.press("escape")
        assert stored(live_app, march).lines == view.lines


async def test_previous_item_key_goes_back(
    live_app: ClerkApp, clock: FakeClock, march: int
) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.set("13:30")
        await pilot.press("s")
        clock.set("13:33")
        await pilot.press("right_square_bracket")
        await pilot.press("left_square_bracket", "y")  # [ asks first (issue 13)
        view = stored(live_app, march)
        assert [line.item.state for line in view.lines[:2]] == ["running", "pending"]
        assert agenda_row(live_app, "1")["mark"] == "▶" and agenda_row(live_app, "2")["start"] == ""
        assert live_screen(live_app).current_item_id == view.lines[0].item.id
