"""The attendance roster through the pilot: every key checked in the database and on screen,
a late arrival during an item, quorum lost and regained."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import select
from textual.pilot import Pilot
from textual.widgets import Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.chamber import AttendeeView
from db import models, open_database
from screens.attendance import AttendanceScreen
from screens.live import LiveScreen
from screens.widgets.roster import Roster
from tests.conftest import SIZE, FakeClock
from tests.screens.test_live import bar, notifications, stored


@pytest.fixture
def march(demo_path: Path) -> int:
    database = open_database(demo_path)
    try:
        return next(m.id for m in Desk(database).agenda.meetings() if m.date == date(2022, 3, 14))
    finally:
        database.close()


@pytest.fixture
def live_app(demo_path: Path, clock: FakeClock, march: int) -> ClerkApp:
    return make_app(demo_path, clock=clock, start_meeting=march)


def roster(app: ClerkApp) -> Roster:
    screen = app.screen
    assert isinstance(screen, AttendanceScreen)
    return screen.query_one(Roster)


def shown(app: ClerkApp, name: str) -> dict[str, str]:
    """The roster row of a person as displayed."""
    table = roster(app)
    for index in range(table.row_count):
        row = table.get_row_at(index)
        if row[0].plain.endswith(name):
            keys = ("name", "for", "as", "status", "arrived", "left")
            return {key: cell.plain for key, cell in zip(keys, row, strict=True)}
    raise AssertionError(f"{name} is not on the roster")


def record(app: ClerkApp, meeting_id: int, name: str) -> AttendeeView:
    return next(a for a in stored(app, meeting_id).roster if a.person.full_name == name)


async def go_to(pilot: Pilot[int], name: str) -> None:
    table = roster(pilot.app)  # type: ignore[arg-type]
    target = next(i for i in range(table.row_count) if table.get_row_at(i)[0].plain.endswith(name))
    step = "down" if target > table.cursor_row else "up"
    for _ in range(abs(target - table.cursor_row)):
        await pilot.press(step)
    assert table.cursor_row == target


def counts(app: ClerkApp) -> str:
    return str(app.screen.query_one("#attendance-counts", Static).content)


async def test_roll_call_keys_p_a_n(live_app: ClerkApp, march: int) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")  # apologies can be taken before the meeting starts
        assert isinstance(live_app.screen, AttendanceScreen)
        assert shown(live_app, "Paul Bradley")["status"] == "—"
        await pilot.press("p")
        assert record(live_app, march, "Paul Bradley").status == "present"
        assert shown(live_app, "Paul Bradley")["status"] == "present"
        assert roster(live_app).cursor_row == 1  # on to the next name, for a quick roll call
        await pilot.press("a")
        assert record(live_app, march, "Mick Brown").status == "apologies"
        assert shown(live_app, "Mick Brown")["status"] == "apologies"
        await pilot.press("n")
        assert record(live_app, march, "Yvonne Clements").status == "absent"
        assert shown(live_app, "Yvonne Clements")["status"] == "absent"
        assert counts(live_app) == (
            "In room 1 · left 0 · apologies 1 · absent 1 · not marked 17  —  "
            "voting members in the room 1 of 13, quorum 5"
        )
        # A second p on the same person changes nothing, refuses nothing, and moves down.
        await go_to(pilot, "Paul Bradley")
        await pilot.press("p")
        assert record(live_app, march, "Paul Bradley").status == "present"
        assert not notifications(live_app)
        assert roster(live_app).cursor_row == 1
        await pilot.press("escape")
        assert isinstance(live_app.screen, LiveScreen)


async def test_late_arrival_and_departure_during_items_and_quorum(
    live_app: ClerkApp, clock: FakeClock, march: int
) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.press("l")  # before the meeting: refused in words
        assert "the meeting has not started" in notifications(live_app)[-1]
        assert record(live_app, march, "Paul Bradley").status is None
        await pilot.press("p", "p", "p", "p", "p")  # Bradley .. Jaspal: five present
        assert bar(live_app, "quorum") == "Quorate 5/5"
        await pilot.press("escape")
        clock.set("13:30")
        await pilot.press("s")  # item 1
        clock.set("13:33")
        await pilot.press("right_square_bracket")  # item 2
        items = {line.item.number: line.item.id for line in stored(live_app, march).lines}

        # Cllr Khan arrives during item 2.
        await pilot.press("a")
        await go_to(pilot, "Abdul Khan")
        clock.set("13:34")
        await pilot.press("l")
        khan = record(live_app, march, "Abdul Khan")
        assert (khan.status, khan.arrived_at, khan.arrived_item_id) == (
            "present",
            datetime(2022, 3, 14, 13, 34),
            items["2"],
        )
        assert shown(live_app, "Abdul Khan")["arrived"] == "13:34 (item 2)"
        assert bar(live_app, "quorum") == "Quorate 6/5"

        # Two leave during item 3: the quorum is lost, loudly, the moment it happens.
        await pilot.press("escape")
        clock.set("13:40")
        await pilot.press("right_square_bracket")  # item 3
        await pilot.press("a")
        clock.set("13:41")
        await go_to(pilot, "Paul Bradley")
        await pilot.press("g")
        assert bar(live_app, "quorum") == "Quorate 5/5"
        assert not any("needed" in m for m in notifications(live_app))
        await go_to(pilot, "Mick Brown")
        await pilot.press("g")
        assert record(live_app, march, "Mick Brown").left_at == datetime(2022, 3, 14, 13, 41)
        assert record(live_app, march, "Mick Brown").left_item_id == items["3"]
        assert shown(live_app, "Mick Brown")["status"] == "left"
        assert shown(live_app, "Mick Brown")["left"] == "13:41 (item 3)"
        assert stored(live_app, march).quorum.text == "INQUORATE 4/5"
        assert bar(live_app, "quorum") == "INQUORATE 4/5"
        assert live_app.screen.query_one("#bar-quorum").has_class("-inquorate")
        assert notifications(live_app)[-1] == "INQUORATE 4/5: 1 more voting member(s) needed"
        await go_to(pilot, "Yvonne Clements")
        await pilot.press("g")
        assert bar(live_app, "quorum") == "INQUORATE 3/5"
        await pilot.press("escape")
        live = live_app.screen
        assert isinstance(live, LiveScreen)
        assert bar(live_app, "quorum") == "INQUORATE 3/5"
        assert "Left: Cllr Yvonne Clements at 13:41" in str(
            live.query_one("#item-chamber", Static).content
        )

        # Back again: quorum regained.
        await pilot.press("a")
        await go_to(pilot, "Paul Bradley")
        clock.set("13:45")
        await pilot.press("l")
        await go_to(pilot, "Mick Brown")
        await pilot.press("l")
        assert stored(live_app, march).quorum.quorate
        assert bar(live_app, "quorum") == "Quorate 5/5"
        assert notifications(live_app)[-1] == "5 voting members present, quorum 5"
        assert record(live_app, march, "Paul Bradley").left_at is None


async def test_substitute_and_also_present(live_app: ClerkApp, march: int) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await go_to(pilot, "Ian Jones")
        await pilot.press("s")
        assert type(live_app.screen).__name__ == "SubstituteDialog"
        await pilot.press(*"Maria Crompton", "enter", *"Cllr", "enter")
        sub = record(live_app, march, "Maria Crompton")
        assert (sub.capacity, sub.status, sub.voting) == ("substitute", "present", True)
        assert sub.substitute_for_name == "Cllr Ian Jones"
        assert record(live_app, march, "Ian Jones").status == "apologies"
        assert shown(live_app, "Maria Crompton") == {
            "name": "Cllr Maria Crompton",
            "for": "for Cllr Ian Jones",
            "as": "substitute",
            "status": "present",
            "arrived": "",
            "left": "",
        }
        assert shown(live_app, "Ian Jones")["status"] == "apologies"

        # s on an officer is refused: a substitute sits for a member.
        await go_to(pilot, "Jonathan Jardine")
        await pilot.press("s")
        assert isinstance(live_app.screen, AttendanceScreen)

        await pilot.press("o")
        assert type(live_app.screen).__name__ == "AlsoPresentDialog"
        await pilot.press("ctrl+s")  # no name: refused beside the field
        assert "say who it is" in str(live_app.screen.query_one("#form-error", Static).content)
        await pilot.press(*"Tom McNeil", "enter", "enter", *"Strategic Adviser, OPCC", "enter")
        tom = record(live_app, march, "Tom McNeil")
        assert (tom.capacity, tom.status, tom.role_text, tom.voting) == (
            "officer",
            "present",
            "Strategic Adviser, OPCC",
            False,
        )
        assert shown(live_app, "Tom McNeil")["for"] == "Strategic Adviser, OPCC"
        # Issue 13: Jardine is not marked, so Tom is last of those marked also present: the
        # first row after the members, above the officers not yet marked.
        table = roster(live_app)
        names = [table.get_row_at(i)[0].plain for i in range(table.row_count)]
        assert names[names.index("Tom McNeil") + 1] == "Simon Foster"
        assert not any(
            a.is_member for a in stored(live_app, march).roster[names.index("Tom McNeil") :]
        )
        with live_app.desk.store.reading() as session:
            people = session.exec(
                select(models.Person).where(models.Person.full_name == "Maria Crompton")
            ).all()
        assert len(people) == 1
