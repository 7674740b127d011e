"""Home and first run through the pilot: new meeting, new meeting from the previous one, the
agenda, membership, tracker and import keys; each checked in the database and on the screen."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.demo import PANEL
from clerk_tui.desk import Desk
from screens.agenda import AgendaScreen
from screens.dialogs.import_agenda import ImportAgendaDialog
from screens.dialogs.meeting import MeetingDialog
from screens.home import HomeScreen
from screens.membership import MembershipScreen
from tests.conftest import SIZE, FakeClock
from tests.test_importing import FIXTURES, REFERENCE
from tests.test_preparation import counts

MARCH = date(2022, 3, 14)


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Type into the focused field, replacing what it held."""
    await pilot.press("ctrl+u", *text)


def rows(table: DataTable[str]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def desk_of(app: ClerkApp) -> Desk:
    return app.desk


def panel_meetings(app: ClerkApp) -> dict[date, int]:
    return {m.date: m.id for m in desk_of(app).agenda.meetings()}


async def test_new_meeting_opens_its_empty_agenda(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(demo_app.screen, MeetingDialog)
        await type_text(pilot, "2022-07-18")
        await pilot.press("enter")
        await type_text(pilot, "10:00")
        await pilot.press("enter")
        await type_text(pilot, "Committee Room 1")
        await pilot.press("enter", "enter")
        await pilot.pause()
        meeting_id = panel_meetings(demo_app)[date(2022, 7, 18)]
        meeting = desk_of(demo_app).agenda.meeting(meeting_id)
        assert (meeting.scheduled_start, meeting.venue, meeting.items) == (
            time(10),
            "Committee Room 1",
            (),
        )
        screen = demo_app.screen
        assert isinstance(screen, AgendaScreen) and screen.meeting_id == meeting_id
        assert "Monday 18 July 2022 at 10:00" in str(
            screen.query_one("#agenda-heading", Static).render()
        )


async def test_a_bad_date_is_shown_beside_the_field_and_nothing_is_written(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    before = counts(demo_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "next week")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, MeetingDialog)
        error = str(dialog.query_one("#form-error", Static).render())
        assert error == "date: 'next week' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"
        await pilot.press("escape")
        assert isinstance(demo_app.screen, HomeScreen)
    assert counts(demo_path) == before


async def test_new_meeting_from_the_previous_one(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        home = demo_app.screen
        assert isinstance(home, HomeScreen) and home.meeting is not None
        assert home.meeting.date == MARCH  # the newest is selected
        await pilot.press("f")
        dialog = demo_app.screen
        assert isinstance(dialog, MeetingDialog)
        assert dialog.query_one("#meeting-date").value == ""  # type: ignore[attr-defined]
        await type_text(pilot, "2022-06-20")
        # Start, venue and livestream come from the previous meeting: enter through them.
        await pilot.press("enter", "enter", "enter", "enter")
        await pilot.pause()

        meetings = panel_meetings(demo_app)
        meeting = desk_of(demo_app).agenda.meeting(meetings[date(2022, 6, 20)])
        assert meeting.previous_meeting_id == meetings[MARCH]
        assert (meeting.scheduled_start, meeting.venue, meeting.livestream_url) == (
            time(13, 30),
            "Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB",
            "https://civico.net/sandwell",
        )
        assert [(i.number, i.kind) for i in meeting.items] == [
            ("1", "notice-of-recording"),
            ("2", "apologies"),
            ("3", "declarations"),
            ("4", "previous-minutes"),
        ]
        assert "held on 14 March 2022" in meeting.items[3].description
        roster = [m.person.full_name for m in desk_of(demo_app).members.roster(meeting.id)]
        assert "Bob Piper" in roster and "Steve Carmicheal" not in roster

        agenda = demo_app.screen
        assert isinstance(agenda, AgendaScreen) and agenda.meeting_id == meeting.id
        shown = rows(agenda.query_one("#agenda-items", DataTable))
        assert [r[1] for r in shown] == [
            "NOTICE OF RECORDING AND WEBCASTING",
            "APOLOGIES",
            "DECLARATIONS OF INTEREST",
            "MINUTES AND ACTION TRACKER",
        ]
        assert [r[3] for r in shown] == ["~13:30", "~13:35", "~13:40", "~13:45"]

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        assert demo_app.screen.meeting is not None
        assert demo_app.screen.meeting.id == meeting.id  # the new one is selected


async def test_from_previous_takes_the_selected_meeting(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "f")
        await type_text(pilot, "2022-01-31")
        await pilot.press("ctrl+s")
        await pilot.pause()
        meetings = panel_meetings(demo_app)
        meeting = desk_of(demo_app).agenda.meeting(meetings[date(2022, 1, 31)])
        assert meeting.previous_meeting_id == meetings[date(2021, 11, 29)]
        assert "held on 29 November 2021" in meeting.items[3].description
        # November's meeting began at 14:00 in Wolverhampton: so does this one, until edited.
        assert (meeting.scheduled_start, meeting.venue) == (time(14), "Wolverhampton Civic Centre")


@pytest.mark.parametrize(("key", "screen"), [("g", AgendaScreen), ("m", MembershipScreen)])
async def test_keys_open_the_agenda_and_the_membership(
    demo_app: ClerkApp, key: str, screen: type
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(demo_app.screen, screen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)


async def test_t_opens_the_action_tracker(demo_app: ClerkApp) -> None:
    tracker = pytest.importorskip("screens.tracker")
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(demo_app.screen, tracker.TrackerScreen)


async def test_import_an_agenda_from_the_app(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        assert isinstance(demo_app.screen, ImportAgendaDialog)
        await type_text(pilot, str(FIXTURES / "agenda-2022-03-14.csv"))
        await pilot.press("tab", "tab")  # past the body, to the date
        await type_text(pilot, "2022-09-19")
        await pilot.press("enter")
        await pilot.pause()
        meeting_id = panel_meetings(demo_app)[date(2022, 9, 19)]
        assert len(desk_of(demo_app).agenda.meeting(meeting_id).items) == 14
        assert len(desk_of(demo_app).agenda.bodies()) == 1  # the Panel, found by name
        agenda = demo_app.screen
        assert isinstance(agenda, AgendaScreen) and agenda.meeting_id == meeting_id
        assert agenda.query_one("#agenda-items", DataTable).row_count == 14


async def test_a_refused_import_stays_in_the_dialog_and_writes_nothing(
    demo_app: ClerkApp, demo_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "agenda.txt"
    bad.write_bytes(REFERENCE.read_bytes().replace(b"\t13:35", b"\t25:70"))
    before = counts(demo_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await type_text(pilot, str(bad))
        await pilot.press("enter")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, ImportAgendaDialog)
        error = str(dialog.query_one("#form-error", Static).render())
        assert error == f"{bad}:24: item 5: the time '25:70' is not a time of day"
        # The same agenda as the meeting already there: refused in words too.
        await type_text(pilot, str(REFERENCE))
        await pilot.press("enter")
        await pilot.pause()
        error = str(dialog.query_one("#form-error", Static).render())
        assert "already has a meeting on 14 March 2022 with 14 agenda items" in error
    assert counts(demo_path) == before


async def test_first_run_import_goes_from_an_empty_database_to_the_agenda(
    empty_path: Path, clock: FakeClock
) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        await pilot.press("i")
        await type_text(pilot, str(REFERENCE))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        [body] = app.desk.agenda.bodies()
        assert (body.name, body.contact_name) == (PANEL, "Sarah Fradgley")
        [meeting] = app.desk.agenda.meetings()
        assert (meeting.date, meeting.item_count) == (MARCH, 14)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_delete_a_planned_meeting_asks_first(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "n")
        await pilot.pause()
        assert MARCH in panel_meetings(demo_app)
        await pilot.press("x", "y")
        await pilot.pause()
        assert list(panel_meetings(demo_app)) == [date(2021, 11, 29)]
        table = demo_app.screen.query_one("#meetings", DataTable)
        assert [r[0] for r in rows(table)] == ["Mon 29 Nov 2021"]
