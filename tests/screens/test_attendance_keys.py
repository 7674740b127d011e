"""Attendance keys typed ahead (issue 13, build 2; tryer findings F1, F2, F13, F14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from screens.attendance import AttendanceScreen
from screens.help import HelpScreen
from tests.conftest import FakeClock
from tests.screens.test_attendance import (  # noqa: F401  (march: fixture)
    counts,
    march,
    record,
    roster,
    shown,
)
from tests.screens.test_fits_80x24 import shown_keys
from tests.screens.test_live import notifications
from tests.screens.test_type_ahead import key_event, keys_of, post, settled
from tests.test_chamber import audit_groups

SIZES = pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])


@pytest.fixture
def app(demo_path: Path, clock: FakeClock, march: int) -> ClerkApp:  # noqa: F811
    return make_app(demo_path, clock=clock, start_meeting=march)


@SIZES
async def test_find_then_a_in_one_burst_marks_the_one_found(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, AttendanceScreen)
        first = roster(app).person_id
        post(app, key_event("slash"), *keys_of("Piper"), key_event("enter"), key_event("a"))
        await settled(pilot)
        assert record(app, march, "Bob Piper").status == "apologies"
        stored = {a.person.id: a.status for a in roster(app).view.roster}
        assert stored[first] is None
        assert [s for s in stored.values() if s] == ["apologies"]


@pytest.mark.parametrize("pause_after", range(8))
async def test_find_then_a_with_a_pause_anywhere(
    app: ClerkApp,
    march: int,  # noqa: F811
    pause_after: int,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        typed = [key_event("slash"), *keys_of("Piper"), key_event("enter"), key_event("a")]
        post(app, *typed[: pause_after + 1])
        await settled(pilot)
        post(app, *typed[pause_after + 1 :])
        await settled(pilot)
        assert record(app, march, "Bob Piper").status == "apologies"
        assert [a.status for a in roster(app).view.roster if a.status] == ["apologies"]


async def test_find_then_a_slowly(app: ClerkApp, march: int) -> None:  # noqa: F811
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        for event in [key_event("slash"), *keys_of("Piper"), key_event("enter"), key_event("a")]:
            post(app, event)
            await settled(pilot)
        assert record(app, march, "Bob Piper").status == "apologies"


@SIZES
async def test_also_present_in_one_burst_records_what_was_typed(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a")
        post(
            app,
            key_event("o"),
            *keys_of("Jane Doe-Smith"),
            key_event("enter"),
            key_event("enter"),
            *keys_of("HM Inspector of Constabulary"),
            key_event("ctrl+s"),
        )
        await settled(pilot)
        assert isinstance(app.screen, AttendanceScreen)
        jane = record(app, march, "Jane Doe-Smith")
        assert (jane.person.title, jane.role_text) == ("", "HM Inspector of Constabulary")
        assert jane.capacity == "officer" and jane.status == "present"


@SIZES
async def test_p_on_someone_already_present_moves_on_and_writes_nothing(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    """A roll call p p p … down the roster over a row already present (F14): that row stays
    as it is, nothing is written or refused, and the next marks land on the rows after it."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "down", "p", "up", "up")  # Mick Brown present, back to the top
        before = audit_groups(app.desk, march)
        await pilot.press("p", "p", "a", "p")
        assert len(audit_groups(app.desk, march)) == len(before) + 3  # Brown's p wrote nothing
        assert roster(app).cursor_row == 4
        wanted = {
            "Paul Bradley": "present",
            "Mick Brown": "present",
            "Yvonne Clements": "apologies",
            "Ken Gibbin": "present",
        }
        assert {name: record(app, march, name).status for name in wanted} == wanted
        assert not app._notifications  # nothing refused
        # The same for a and n: apologies again on Clements moves on, changes nothing.
        await pilot.press("up", "up", "a")
        assert roster(app).cursor_row == 3
        assert record(app, march, "Yvonne Clements").status == "apologies"
        assert len(audit_groups(app.desk, march)) == len(before) + 3


@SIZES
async def test_ctrl_z_on_the_roster_undoes_the_last_mark_and_says_so(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    """Marks that landed on the wrong people (F13) are taken back where they were made: ctrl+z
    on the roster, one mark at a time, each named; the key is in the footer and the key map."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "p", "a")
        assert "^z" in shown_keys(app)
        await pilot.press("ctrl+z")
        assert isinstance(app.screen, AttendanceScreen)
        assert record(app, march, "Mick Brown").status is None
        assert shown(app, "Mick Brown")["status"] == "—"
        assert roster(app).cursor_row == 1  # on the row put back, to be marked again
        assert record(app, march, "Paul Bradley").status == "present"
        assert notifications(app)[-1] == "Undone: Cllr Mick Brown apologies"
        await pilot.press("ctrl+z")
        assert record(app, march, "Paul Bradley").status is None
        assert counts(app).startswith("In room 0 ·")
        assert roster(app).cursor_row == 0
        await pilot.press("ctrl+z")  # the meeting's own creation is never undone
        assert notifications(app)[-1] == "Nothing more to undo at this meeting"
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert ("ctrl+z", "Undo") in [row[:2] for row in help_screen.rows]
