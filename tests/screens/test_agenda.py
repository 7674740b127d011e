"""The agenda screen through the pilot: planned times marked as planned; add, edit, reorder,
papers, delete (asks first), renumber, meeting details; checked in the database and on the
screen. And its snapshot."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import ItemView
from screens.agenda import AgendaScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.item import ItemDialog
from tests.conftest import SIZE, FakeClock
from tests.screens.test_home import rows, type_text
from tests.test_preparation import counts


async def open_agenda(pilot: Pilot[object], app: ClerkApp) -> AgendaScreen:
    await pilot.press("g")  # the selected meeting: 14 March 2022, the newest
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, AgendaScreen)
    return screen


def items(app: ClerkApp, screen: AgendaScreen) -> tuple[ItemView, ...]:
    return app.desk.agenda.meeting(screen.meeting_id).items


def shown(screen: AgendaScreen) -> list[list[str]]:
    return rows(screen.query_one("#agenda-items", DataTable))


async def test_times_the_agenda_gives_and_times_planned_between_them(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        table = shown(screen)
        assert [r[3] for r in table[:6]] == [
            "13:30",
            "~13:31",
            "~13:32",
            "~13:33",
            "13:35",
            "13:50",
        ]
        assert [r[2] for r in table[5:8]] == ["Attached", "", "Attached"]
        assert table[12][2] == "To Follow"
        heading = str(screen.query_one("#agenda-heading", Static).render())
        assert "Monday 14 March 2022 at 13:30" in heading
        assert "Livestream: https://civico.net/sandwell" in heading


async def test_add_an_exempt_item_after_the_selected_one(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        await pilot.press("down", "down", "down", "down", "down", "down")  # item 7
        await pilot.press("a")
        dialog = demo_app.screen
        assert isinstance(dialog, ItemDialog)
        await type_text(pilot, "7a")
        await pilot.press("enter")
        await type_text(pilot, "EXCLUSION OF THE PUBLIC")
        await pilot.press("enter")
        await type_text(pilot, "To exclude the public for the next item")
        await pilot.press("tab", "tab")  # past the papers, to the time
        await type_text(pilot, "14:25")
        await pilot.press("tab", "tab", "tab", "tab")  # presenter, kind, recorded vote
        await pilot.press("space")  # exempt
        await pilot.press("ctrl+s")
        await pilot.pause()
        # No reason: refused beside the field, nothing written.
        error = str(dialog.query_one("#form-error", Static).render())
        assert error == (
            "exempt reason: an exempt item needs its reason, e.g. paragraph 3 of Schedule 12A"
        )
        assert len(items(demo_app, screen)) == 14
        await pilot.press("tab")
        await type_text(pilot, "paragraph 3 of Schedule 12A")
        await pilot.press("enter")
        await pilot.pause()

        new = items(demo_app, screen)[7]
        assert (new.number, new.title, new.kind) == ("7a", "EXCLUSION OF THE PUBLIC", "other")
        assert (new.exempt, new.exempt_reason, new.approximate_time) == (
            True,
            "paragraph 3 of Schedule 12A",
            time(14, 25),
        )
        row = shown(screen)[7]
        assert (row[0], row[3], row[6]) == ("7a", "14:25", "EXEMPT")
        assert screen.selected is not None and screen.selected.id == new.id


async def test_edit_an_item(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        await pilot.press("down", "down", "down", "down", "down", "down", "down")  # item 8
        await pilot.press("e")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # to the presenter
        await type_text(pilot, "PCC")
        await pilot.press("tab", "tab", "space")  # recorded vote required
        await pilot.press("ctrl+s")
        await pilot.pause()
        item = items(demo_app, screen)[7]
        assert (item.title, item.presenter, item.recorded_vote_required) == (
            "REBUILDING NEIGHBOURHOOD POLICING",
            "PCC",
            True,
        )
        assert shown(screen)[7][5:] == ["PCC", "recorded vote"]


async def test_reorder_with_keys_and_cycle_the_papers(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        await pilot.press("down", "shift+down", "shift+down")  # APOLOGIES down two places
        await pilot.pause()
        assert [i.title for i in items(demo_app, screen)][:4] == [
            "NOTICE OF RECORDING AND WEBCASTING",
            "PANEL MEMBERSHIP",
            "DECLARATIONS OF INTEREST (IF ANY)",
            "APOLOGIES",
        ]
        assert [r[1] for r in shown(screen)][3] == "APOLOGIES"
        assert screen.selected is not None and screen.selected.title == "APOLOGIES"
        await pilot.press("ctrl+up")
        assert [i.title for i in items(demo_app, screen)][2] == "APOLOGIES"
        await pilot.press("p")
        assert items(demo_app, screen)[2].papers == "Attached"
        assert shown(screen)[2][2] == "Attached"


async def test_delete_asks_first(demo_app: ClerkApp, demo_path: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        await pilot.press(*["down"] * 13, "x")  # the last item
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(items(demo_app, screen)) == 14
        await pilot.press("delete", "y")
        await pilot.pause()
        assert [i.number for i in items(demo_app, screen)][-1] == "13"
        assert len(shown(screen)) == 13


async def test_renumber_after_a_move(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        await pilot.press("shift+down", "n", "enter")
        await pilot.pause()
        numbers = [i.number for i in items(demo_app, screen)]
        assert numbers == [str(n) for n in range(1, 15)]
        assert items(demo_app, screen)[1].title == "NOTICE OF RECORDING AND WEBCASTING"


async def test_meeting_details(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_agenda(pilot, demo_app)
        await pilot.press("m", "enter")
        await type_text(pilot, "14:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        meeting = demo_app.desk.agenda.meeting(screen.meeting_id)
        assert (meeting.date, meeting.scheduled_start) == (date(2022, 3, 14), time(14))
        assert "at 14:00" in str(screen.query_one("#agenda-heading", Static).render())


async def test_a_closed_meetings_agenda_refuses_changes_in_words(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    before = counts(demo_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "g")  # November 2021, closed
        await pilot.pause()
        await pilot.press("shift+down")
        await pilot.pause()
        notices = [n.message for n in demo_app._notifications]
        assert notices[-1] == "the meeting of 29 November 2021 is closed: its agenda cannot change"
    assert counts(demo_path) == before


def test_agenda_snapshot(snap_compare, demo_path: Path, clock: FakeClock) -> None:
    async def open_it(pilot: Pilot[object]) -> None:
        await pilot.press("g")
        await pilot.pause()

    assert snap_compare(make_app(demo_path, clock=clock), terminal_size=SIZE, run_before=open_it)


async def test_the_key_map_is_titled_by_the_screen(demo_app: ClerkApp) -> None:
    """`?` on the agenda names it (the screen has a heading function, not a heading text)."""
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_agenda(pilot, demo_app)
        await pilot.press("question_mark")
        await pilot.pause()
        titles = [str(s.render()) for s in demo_app.screen.query(".dialog-title").results(Static)]
        assert titles == ["Keys — Agenda"]
