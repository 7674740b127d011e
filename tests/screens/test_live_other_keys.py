"""The live screen's other keys through the pilot — a declaration, the export and tracker keys,
deferring, starting, next on a meeting not begun — and quitting and reopening with everything
kept. The fixtures and helpers are in tests/screens/test_live.py.
"""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.widgets import Input, Select, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk, MeetingFields
from db import open_database
from screens.attendance import AttendanceScreen
from screens.dialogs.declaration import DeclarationDialog
from screens.live import LiveScreen
from tests.conftest import SIZE, FakeClock
from tests.screens.test_live import (
    agenda_row,
    at,
    bar,
    live_app,  # noqa: F401  (the fixture)
    live_screen,
    march,  # noqa: F401  (the fixture)
    notifications,
    run_meeting,
    select_item,
    stored,
)


async def test_a_declaration_on_the_current_item(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")  # nobody present yet: refused in words, no dialog
        assert isinstance(live_app.screen, LiveScreen)
        assert "Nobody is marked present yet" in notifications(live_app)[-1]
        await pilot.press("a", "p", "p", "escape")  # Paul Bradley and Mick Brown present
        await select_item(pilot, "4")
        clock.set("13:30")
        await pilot.press("s")
        await pilot.press("d")
        dialog = live_app.screen
        assert isinstance(dialog, DeclarationDialog)
        member = dialog.query_one("#declaration-member", Select)
        assert [name for name, _ in dialog.members] == ["Cllr Paul Bradley", "Cllr Mick Brown"]
        assert (
            dialog.query_one("#declaration-item", Select).value
            == stored(live_app, march).running_item_id
        )
        # The member: open the list, take the second name.
        member.focus()
        await pilot.press("enter", "down", "down", "enter")
        assert member.value == dialog.members[1][1]
        dialog.query_one("#declaration-kind", Select).value = "disclosable-pecuniary"
        dialog.query_one("#declaration-action", Select).value = "left-room"
        dialog.query_one("#declaration-nature", Input).focus()
        await pilot.press(*"owns a security firm", "enter")

        view = stored(live_app, march)
        (declaration,) = view.declarations
        assert declaration.item_id == view.running_item_id
        assert declaration.person.full_name == "Mick Brown"
        assert (declaration.kind, declaration.action) == ("disclosable-pecuniary", "left-room")
        assert declaration.nature == "owns a security firm"
        shown = str(live_app.screen.query_one("#item-chamber", Static).content)
        assert shown == (
            "Declaration: Cllr Mick Brown — disclosable pecuniary interest: owns a security firm "
            "(left the room)"
        )


async def test_quitting_and_reopening_shows_everything(
    demo_path: Path,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "p", "p", "a", "escape")
        await run_meeting(pilot, clock)
        clock.set("14:03")
        await pilot.press("a")
        roster = app.screen.query_one("#roster")
        roster.move_cursor(row=6)  # Cllr Abdul Khan
        await pilot.press("l", "escape")
        before = stored(app, march)
    # A new app on the same file: nothing was "saved", everything is there.
    clock.set("14:05")
    again = make_app(demo_path, clock=clock, start_meeting=march)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = live_screen(again).view
        assert view is not None
        assert view.snapshot == stored(again, march).snapshot == before.snapshot
        assert agenda_row(again, "7")["mark"] == "▶"
        assert agenda_row(again, "5")["minute"] == "636"
        assert agenda_row(again, "6")["mark"] == "↷"
        assert live_screen(again).current_item_id == view.running_item_id
        assert "Arrived: Cllr Abdul Khan at 14:03" in str(
            again.screen.query_one("#item-chamber", Static).content
        )
        assert bar(again, "quorum") == "INQUORATE 3/5"
        await pilot.press("a")
        assert isinstance(again.screen, AttendanceScreen)
        statuses = [again.screen.query_one("#roster").get_row_at(i)[3].plain for i in range(3)]
        assert statuses == ["present", "present", "apologies"]


async def test_ctrl_e_and_shift_t_open_export_and_the_tracker_for_this_meeting(
    demo_app,
) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import SIZE

    march = next(m for m in demo_app.desk.agenda.meetings() if m.status == "planned")  # noqa: F811
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        demo_app.screen.open_meeting(march.id)
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert type(demo_app.screen).__name__ == "ExportScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        assert type(demo_app.screen).__name__ == "TrackerScreen"
        assert demo_app.screen.meeting_id == march.id


async def test_x_defers_the_selected_item_not_the_running_one(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    """PRODUCT.md §4 (issue 13): x acts on the selected item, as its hint says; a pending one
    is deferred in advance and ] then passes it by."""
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.set("13:31")
        await pilot.press("s")  # item 1 runs
        await select_item(pilot, "3")  # the clerk selects item 3 on the agenda
        hint = str(live_app.screen.query_one("#selected-hint", Static).content)
        assert hint == "selected: item 3 — s starts it, x defers it"
        clock.set("13:33")
        await pilot.press("x")
        dialog = live_app.screen
        assert type(dialog).__name__ == "DeferDialog"
        title = str(dialog.query_one(".dialog-title", Static).content)
        assert title.startswith("Item 3 — ")
        await pilot.press("d")
        view = stored(live_app, march)
        states = {line.item.number: line.item.state for line in view.lines[:4]}
        assert states == {"1": "running", "2": "pending", "3": "deferred", "4": "pending"}
        assert view.line(view.running_item_id).item.actual_end is None  # type: ignore[union-attr]
        # Deferred, it is no longer offered to x: the hint says what s does to it now.
        await pilot.pause()
        hint = str(live_app.screen.query_one("#selected-hint", Static).content)
        assert hint == "selected: item 3 (deferred) — s takes it after all"
        # ] passes the deferred item by.
        await pilot.press("right_square_bracket", "right_square_bracket")
        view = stored(live_app, march)
        states = {line.item.number: line.item.state for line in view.lines[:4]}
        assert states == {"1": "taken", "2": "taken", "3": "deferred", "4": "running"}
        # The running item, selected, ends when withdrawn.
        clock.set("13:40")
        await pilot.press("x", "w")
        view = stored(live_app, march)
        four = next(line for line in view.lines if line.item.number == "4")
        assert four.item.state == "withdrawn" and four.item.actual_end == at("13:40")


async def test_s_on_a_meeting_without_items_says_so(
    demo_path: Path,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    database = open_database(demo_path)
    try:
        desk = Desk(database)
        body_id = desk.agenda.meeting(march).body.id
        empty = desk.agenda.create_meeting(
            body_id, MeetingFields(date(2022, 6, 20), time(13, 30))
        ).id
    finally:
        database.close()
    app = make_app(demo_path, clock=clock, start_meeting=empty)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, LiveScreen)
        assert notifications(app)[-1] == (
            "The agenda has no items: add them on the agenda screen (g from home)"
        )
        assert stored(app, empty).meeting.status == "planned"


async def test_next_key_does_not_start_the_meeting(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock.set("13:31")
        await pilot.press("right_square_bracket")
        assert "press s to start the meeting" in notifications(live_app)[-1]
        view = stored(live_app, march)
        assert view.meeting.status == "planned" and view.meeting.actual_start is None
        assert agenda_row(live_app, "1")["mark"] == " "
