"""The membership screen through the pilot: replace (one flow, two memberships, linked),
appoint with the known people offered, officers and guests, end, correct, the roster of a date;
each checked in the database and on the screen. And its snapshot."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import MembershipView
from screens.dialogs.appoint import AppointDialog
from screens.dialogs.replace import ReplaceDialog
from screens.membership import MembershipScreen
from tests.conftest import SIZE, FakeClock
from tests.screens.test_home import rows, type_text
from tests.test_preparation import counts


async def open_membership(pilot: Pilot[object], app: ClerkApp) -> MembershipScreen:
    await pilot.press("m")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, MembershipScreen)
    return screen


def names(screen: MembershipScreen, table: str = "#members") -> list[str]:
    return [r[0] for r in rows(screen.query_one(table, DataTable))]


def memberships_of(app: ClerkApp, name: str) -> list[MembershipView]:
    body_id = app.desk.agenda.bodies()[0].id
    return [m for m in app.desk.members.memberships(body_id) if m.person.full_name == name]


async def select(pilot: Pilot[object], screen: MembershipScreen, name: str) -> None:
    """Move the cursor down the members to ``name``, as a clerk would."""
    for _ in range(30):
        if screen.selected is not None and screen.selected.person.display_name == name:
            return
        await pilot.press("down")
    raise AssertionError(f"{name} is not on the screen")


async def test_replace_a_member_in_one_flow(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_membership(pilot, demo_app)
        await select(pilot, screen, "Cllr Bob Piper")
        await pilot.press("r")
        dialog = demo_app.screen
        assert isinstance(dialog, ReplaceDialog)
        assert dialog.query_one("#replace-represents", Input).value == "Sandwell"
        await pilot.press("tab")  # past the title (Cllr) to the new member's name
        await type_text(pilot, "Jane Smith")
        await pilot.press("enter", "enter")  # represents: Sandwell, as before
        await type_text(pilot, "2022-03-14")
        note = str(dialog.query_one("#replace-note", Static).render())
        assert note == "Cllr Bob Piper's membership ends on 13 March 2022."
        await pilot.press("enter")
        await pilot.pause()

        [piper] = memberships_of(demo_app, "Bob Piper")
        [jane] = memberships_of(demo_app, "Jane Smith")
        assert piper.end_date == date(2022, 3, 13)
        assert (jane.start_date, jane.replaces_id, jane.represents, jane.voting) == (
            date(2022, 3, 14),
            piper.id,
            "Sandwell",
            True,
        )
        assert isinstance(demo_app.screen, MembershipScreen)
        shown = {r[0]: r for r in rows(screen.query_one("#members", DataTable))}
        assert "Cllr Bob Piper" not in shown  # not in force on 14 March 2022 any more
        assert shown["Cllr Jane Smith"][2] == "Sandwell"
        assert shown["Cllr Jane Smith"][6] == "Cllr Bob Piper"
        assert screen.selected is not None
        assert screen.selected.person.full_name == "Jane Smith"


async def test_appoint_offers_the_people_already_known(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_membership(pilot, demo_app)
        await pilot.press("a")
        dialog = demo_app.screen
        assert isinstance(dialog, AppointDialog)
        await pilot.press("tab")  # the name
        await pilot.press(*"Steve C")
        await pilot.pause()
        await pilot.press("right")  # take the suggestion
        name = dialog.query_one("#member-name", Input)
        assert name.value == "Steve Carmicheal"
        assert dialog.query_one("#member-title", Input).value == "Cllr"  # came with the name
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Reused, not duplicated: one person, now with two memberships.
        assert len({m.person.id for m in memberships_of(demo_app, "Steve Carmicheal")}) == 1
        assert len(memberships_of(demo_app, "Steve Carmicheal")) == 2
        assert "Cllr Steve Carmicheal" in names(screen)


async def test_a_refused_appointment_is_told_and_changes_nothing(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    before = counts(demo_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_membership(pilot, demo_app)
        await pilot.press("a", "tab", *"Mick Brown")
        await pilot.press("ctrl+s")
        await pilot.pause()
        notices = [n.message for n in demo_app._notifications]
        assert any("Mick Brown is already on the Panel" in n for n in notices)
        assert isinstance(demo_app.screen, MembershipScreen)
    assert counts(demo_path) == before


async def test_an_officer_who_attends(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_membership(pilot, demo_app)
        await pilot.press("o")
        await pilot.press("tab", *"Tom McNeil")
        await pilot.press("tab", "tab")  # past the role (officer)
        await pilot.press(*"Strategic Adviser, OPCC")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [tom] = memberships_of(demo_app, "Tom McNeil")
        assert (tom.role, tom.role_text, tom.voting) == (
            "officer",
            "Strategic Adviser, OPCC",
            False,
        )
        assert "Tom McNeil" in names(screen, "#attenders")
        assert "Tom McNeil" not in names(screen)


async def test_end_a_membership_and_see_the_roster_of_a_date(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_membership(pilot, demo_app)
        await select(pilot, screen, "Lionel Walker")
        await pilot.press("x")
        await type_text(pilot, "2022-03-31")
        await pilot.press("enter")
        await pilot.pause()
        [walker] = memberships_of(demo_app, "Lionel Walker")
        assert walker.end_date == date(2022, 3, 31)
        assert "Lionel Walker" in names(screen)  # still in force on 14 March

        await pilot.press("d")
        await type_text(pilot, "2022-04-01")
        await pilot.press("enter")
        await pilot.pause()
        assert "Lionel Walker" not in names(screen)
        heading = str(screen.query_one("#membership-heading", Static).render())
        assert "12 voting members in force on 1 April 2022" in heading

        await pilot.press("d")
        await type_text(pilot, "2022-01-15")
        await pilot.press("enter")
        await pilot.pause()
        assert "Cllr Steve Carmicheal" in names(screen)
        assert "Cllr Bob Piper" not in names(screen)

        await pilot.press("h")  # every membership, ended ones too
        assert "Cllr Steve Carmicheal" in names(screen) and "Cllr Bob Piper" in names(screen)


async def test_correct_a_membership(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_membership(pilot, demo_app)
        await select(pilot, screen, "Cllr Ian Jones")
        await pilot.press("e")
        assert isinstance(demo_app.screen, AppointDialog)
        await pilot.press("tab", "tab", "tab")  # title, name, role: to represents
        await type_text(pilot, "Sandwell MBC")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [jones] = memberships_of(demo_app, "Ian Jones")
        assert jones.represents == "Sandwell MBC"
        shown = {r[0]: r for r in rows(screen.query_one("#members", DataTable))}
        assert shown["Cllr Ian Jones"][2] == "Sandwell MBC"


def test_membership_snapshot(snap_compare, demo_path: Path, clock: FakeClock) -> None:
    async def open_it(pilot: Pilot[object]) -> None:
        await pilot.press("m")
        await pilot.pause()

    assert snap_compare(make_app(demo_path, clock=clock), terminal_size=SIZE, run_before=open_it)
