"""Clerks type brackets: "Room 1 [/ Zoom]", "[hybrid]". Text that looks like Rich markup is
shown as typed on every screen, and never crashes one."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import BodyFields, ItemFields, MeetingFields
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields
from clerk_tui.desk.preparation import MembershipFields
from clerk_tui.desk.tracker import TrackerActionFields
from clerk_tui.errors import ClerkError
from screens.base import attempt
from screens.widgets.action_table import ActionTable
from tests.conftest import SIZE, FakeClock

ODD = "Room 1 [/ Zoom] [hybrid] [b]"
BODY = f"Panel {ODD}"
TITLE = f"BUDGET {ODD}"
MEMBER = "Cllr Ann [/x] Smith"
# Not the Rich-looking tags alone: Textual's own markup reads "[Zoom]" and "[$accent]" as tags
# too (``escape`` leaves both), and an unclosed "[/ Zoom" ends in a closing tag.
ODDER = "Zoom [Zoom] [$accent] [ x ] [/ Zoom"


async def test_markup_like_text_on_every_screen(empty_path, clock) -> None:  # type: ignore[no-untyped-def]
    app = make_app(empty_path, clock=clock)
    desk = app.desk
    body = desk.agenda.create_body(BodyFields(name=f"Panel {ODD}", short_name="[/p]", quorum=1))
    meeting = desk.agenda.create_meeting(
        body.id,
        MeetingFields(
            date=date(2022, 3, 14),
            scheduled_start=time(13, 30),
            venue=ODD,
            items=(ItemFields(title=f"BUDGET {ODD}", number="1", description=ODD),),
        ),
    )
    desk.members.appoint(
        body.id,
        MembershipFields(
            title="Cllr", full_name="Ann [/x] Smith", represents=ODD, start=date(2021, 5, 1)
        ),
    )
    item = meeting.items[0]
    member = desk.members.memberships(body.id)[0]
    desk.attendance.mark(meeting.id, member.person.id, "present")
    desk.chamber.start_item(meeting.id, item.id)
    desk.decisions.add_note(item.id, NoteFields(ODD))
    desk.decisions.add_resolution(item.id, ResolutionFields(ODD))
    desk.decisions.add_action(item.id, ActionFields(ODD, owner=ODD, due=ODD))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for keys in (("g",), ("m",), ("t",), ("enter",), ("enter", "a"), ("ctrl+e",)):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen is not None
            for _ in range(4):  # bounded: a crashed app takes no more keys
                if len(app.screen_stack) <= 2:
                    break
                await pilot.press("escape")
                await pilot.pause()
            if type(app.screen).__name__ != "HomeScreen":
                await pilot.press("escape")
                await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        venue = app.screen.query_one("#meetings").get_row_at(0)[2]
        assert str(venue) == ODD


# ---- screen by screen, dialog by dialog: what the clerk sees ---------------------------------


def on_screen(app: ClerkApp) -> str:
    """Every character on the terminal now: the screen on top, its dialogs' words, its toasts."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def toasts(app: ClerkApp) -> list[str]:
    """The notifications given (the pilots run with them shown: a toast parses its message)."""
    return [notification.message for notification in app._notifications]


@pytest.fixture
def odd_app(empty_path: Path, clock: FakeClock) -> ClerkApp:
    """A body, a meeting under way and a tracker where everything the clerk typed looks like
    markup."""
    app = make_app(empty_path, clock=clock)
    desk = app.desk
    body = desk.agenda.create_body(BodyFields(name=BODY, short_name="[/p]", quorum=1))
    meeting = desk.agenda.create_meeting(
        body.id,
        MeetingFields(
            date=date(2022, 3, 14),
            scheduled_start=time(13, 30),
            venue=ODD,
            items=(
                ItemFields(
                    title=TITLE,
                    number="1",
                    description=ODD,
                    presenter="[i]PCC",
                    recorded_vote_required=True,
                ),
            ),
        ),
    )
    desk.members.appoint(
        body.id,
        MembershipFields(
            title="Cllr", full_name="Ann [/x] Smith", represents=ODD, start=date(2021, 5, 1)
        ),
    )
    desk.members.appoint(
        body.id,
        MembershipFields(
            title="",
            full_name="Bo [b]Officer",
            role="officer",
            role_text=ODDER,
            voting=False,
            start=date(2021, 5, 1),
        ),
    )
    item = meeting.items[0]
    member = desk.members.memberships(body.id)[0]
    desk.attendance.mark(meeting.id, member.person.id, "present")
    desk.chamber.start_item(meeting.id, item.id)
    desk.decisions.add_note(item.id, NoteFields(ODD))
    desk.decisions.add_resolution(item.id, ResolutionFields(ODD))
    desk.decisions.add_action(item.id, ActionFields(ODD, owner=ODD, due=ODD))
    desk.tracker.add_carried_over_action(
        body.id, TrackerActionFields(ODDER, owner=ODDER, due="[/]")
    )
    return app


async def press(pilot: Pilot[object], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def test_home_and_the_body_and_meeting_dialogs(odd_app: ClerkApp) -> None:
    async with odd_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        text = on_screen(odd_app)
        assert BODY in text
        assert f"Meetings — {BODY}" in text
        assert ODD in text  # the venue
        await press(pilot, "e")
        assert f"Edit {BODY}" in on_screen(odd_app)
        odd_app.action_help()  # the key map names the dialog it was opened on
        await pilot.pause()
        assert f"Keys — Edit {BODY}" in on_screen(odd_app)
        await press(pilot, "escape")
        quorum = odd_app.screen.query_one("#body-quorum", Input)
        quorum.value = "[/ Zoom]"
        await press(pilot, "ctrl+s")  # refused beside the fields, quoting what was typed
        assert "quorum must be a whole number, not '[/ Zoom]'" in on_screen(odd_app)
        quorum.value = "1"
        await press(pilot, "ctrl+s")
        assert f"{BODY} saved" in toasts(odd_app)
        assert f"{BODY} saved" in on_screen(odd_app)
        await press(pilot, "n")
        assert f"New meeting of {BODY}" in on_screen(odd_app)
        await press(pilot, "escape")
        # A refusal from the Desk quoting the clerk's words: a notification, not a crash.
        attempt(odd_app.screen, lambda: (_ for _ in ()).throw(ClerkError(f"no {ODDER}")))
        await pilot.pause()
        assert f"no {ODDER}" in on_screen(odd_app)


async def test_agenda(odd_app: ClerkApp) -> None:
    async with odd_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "g")
        text = on_screen(odd_app)
        assert f"{BODY} — Monday 14 March 2022 at 13:30 — {ODD}" in text  # the heading
        assert TITLE in text  # the row
        assert f"1 {TITLE}" in text  # the detail
        assert "[i]PCC" in text
        await press(pilot, "x")
        text = on_screen(odd_app)
        assert f"Delete item 1 {TITLE}?" in text
        assert ODD in text
        await press(pilot, "n")
        await press(pilot, "a")
        await press(pilot, "escape")
        await press(pilot, "m")
        assert "Meeting details" in on_screen(odd_app)


async def test_membership_and_its_dialogs(odd_app: ClerkApp) -> None:
    async with odd_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "m")
        text = on_screen(odd_app)
        assert f"{BODY} — 1 voting members in force" in text
        assert MEMBER in text
        assert ODD in text  # represents
        assert "Bo [b]Officer" in text
        assert ODDER in text  # the officer's role text
        await press(pilot, "e")
        assert f"Edit {MEMBER}" in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "x")
        assert f"End {MEMBER}'s membership" in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "r")
        text = on_screen(odd_app)
        assert f"Replace {MEMBER} ({ODD})" in text
        assert f"{MEMBER}'s membership ends on 13 March 2022." in text
        await pilot.press("tab", *"Di [hybrid] Jones", "ctrl+s")
        await pilot.pause()
        assert any(
            message.startswith(f"Cllr Di [hybrid] Jones ({ODD}) appointed to replace {MEMBER}")
            for message in toasts(odd_app)
        )
        assert "Cllr Di [hybrid] Jones" in on_screen(odd_app)
        await press(pilot, "e")  # the new membership, selected
        text = on_screen(odd_app)
        assert "Edit Cllr Di [hybrid] Jones" in text
        assert f"Replaced {MEMBER}." in text
        await press(pilot, "escape")


async def test_tracker_and_its_dialogs(odd_app: ClerkApp) -> None:
    async with odd_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "t")
        table = odd_app.screen.query_one(ActionTable)
        carried = next(i for i, a in enumerate(table.rows) if a.text == ODDER)
        table.move_to(carried)
        await pilot.pause()
        text = on_screen(odd_app)
        assert ODDER in text
        assert f"Owner: {ODDER}    Due: [/]" in text
        owners = odd_app.screen.query_one("#tracker-owner", Select)
        assert ODDER in [str(prompt) for prompt, _ in owners._options]
        await press(pilot, "w")  # the owner list, opened
        assert ODDER in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "escape")
        table.move_to(carried)
        await press(pilot, "u")
        assert ODDER in on_screen(odd_app)
        await pilot.press(*"on it [/ soon")
        await press(pilot, "enter")
        words = "Action “Zoom [Zoom] [$accent] [ x…”"
        assert f"Update recorded on {words}" in toasts(odd_app)
        assert "on it [/ soon" in on_screen(odd_app)
        await press(pilot, "c")
        assert ODDER in on_screen(odd_app)
        await press(pilot, "escape")


async def test_live_meeting_attendance_and_their_dialogs(odd_app: ClerkApp) -> None:
    async with odd_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "enter")
        text = on_screen(odd_app)
        assert TITLE in text
        assert ODD in text  # the note, resolution and action
        await press(pilot, "x")
        assert f"Item 1 — {TITLE}" in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "d")
        text = on_screen(odd_app)
        assert f"Item 1 — {TITLE}" in text
        member = odd_app.screen.query_one("#declaration-member", Select)
        assert MEMBER in [str(prompt) for prompt, _ in member._options]
        await press(pilot, "escape")
        await press(pilot, "v")
        text = on_screen(odd_app)
        assert f"Vote — item 1 {TITLE}" in text
        assert MEMBER in text
        assert ODD in text  # represents, and the motion
        await press(pilot, "escape")
        await press(pilot, "m")
        assert f"Note — item 1 {TITLE}" in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "r")
        assert f"Resolution — item 1 {TITLE}" in on_screen(odd_app)
        parent = odd_app.screen.query_one("#resolution-parent", Select)
        assert ODD in [str(prompt) for prompt, _ in parent._options]
        parent.expanded = True
        await pilot.pause()
        assert ODD in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "escape")
        await press(pilot, "t")
        await pilot.press(*"Chase it", "tab", *ODDER, "enter", "enter")
        await pilot.pause()
        added = f"Action for {ODDER} added to the tracker"
        assert any(message.startswith(added) for message in toasts(odd_app))
        assert "Action for Zoom [Zoom] [$accent]" in on_screen(odd_app)
        await press(pilot, "ctrl+z")
        undone = toasts(odd_app)[-1]
        assert undone.startswith("Undone: ")
        assert "Undone: action “Chase it” for Zoom [Zoom] [$accent] [ x" in on_screen(odd_app)
        await press(pilot, "a")
        text = on_screen(odd_app)
        assert MEMBER in text
        assert ODD in text
        assert "Bo [b]Officer" in text
        await press(pilot, "s")
        assert f"Substitute for {MEMBER}" in on_screen(odd_app)
        await press(pilot, "escape")
        await press(pilot, "down", "s")  # the officer: not a member, so no substitute
        assert "Bo [b]Officer is not a member" in toasts(odd_app)[-1]
        assert "Bo [b]Officer is not a member" in on_screen(odd_app)


async def test_export(odd_app: ClerkApp) -> None:
    async with odd_app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+e")
        text = on_screen(odd_app)
        assert f"{BODY} — 14 March 2022" in text
        assert ODD in text  # the preview


async def test_welcome_names_the_database_as_it_is_on_disk(
    tmp_path: Path, clock: FakeClock
) -> None:
    folder = tmp_path / "[b]x [Zoom]"
    folder.mkdir()
    app = make_app(folder / "clerk.db", clock=clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "WelcomeScreen"
        assert f"Database: {folder / 'clerk.db'}" in on_screen(app)


async def test_live_screen_with_a_title_textual_reads_as_a_tag(
    empty_path: Path, clock: FakeClock
) -> None:
    app = make_app(empty_path, clock=clock)
    body = app.desk.agenda.create_body(BodyFields(name="Panel", quorum=1))
    app.desk.agenda.create_meeting(
        body.id,
        MeetingFields(
            date=date(2022, 3, 14),
            scheduled_start=time(13, 30),
            items=(ItemFields(title=ODDER, number="1"),),
        ),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")
        assert f"Item 1 — {ODDER}" in on_screen(app)
