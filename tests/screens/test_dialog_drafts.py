"""Nothing typed is lost (issue 11, point 6), through the pilot: escape on a dialog holding typed
words asks before it drops them; a record the Desk refuses — for real: the item gone from under
the dialog, the database locked by another connection, the file deleted — leaves the dialog open
with every word and the refusal in its error line, and nothing in the database; keys typed while
a dialog opens reach its first field."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.base import FAILED_TIMEOUT
from screens.dialogs.action import ActionDialog
from screens.dialogs.appoint import AppointDialog
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.declaration import DeclarationDialog
from screens.dialogs.guarded import DISCARD_QUESTION, GuardedDialog
from screens.dialogs.meeting import MeetingDialog
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.vote import VoteDialog
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.membership import MembershipScreen
from tests.conftest import SIZE, FakeClock
from tests.screens.decision_harness import Harness, open_harness, set_room, type_text
from tests.screens.test_membership import open_membership, select
from tests.test_decisions import NINE, item_id, march_meeting, seat

# key, the dialog it opens, its text field, the table its record goes to
DIALOGS = [
    pytest.param("m", NoteDialog, "#note-text", "minutenote", id="note"),
    pytest.param("r", ResolutionDialog, "#resolution-text", "resolution", id="resolution"),
    pytest.param("t", ActionDialog, "#action-text", "action", id="action"),
]
WORDS = "Members asked about 101 waiting times"


def rows_in(path: Path, table: str) -> int:
    """Rows of ``table`` as the file holds them, read by a connection of the test's own."""
    with sqlite3.connect(path) as db:
        count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return int(count)


def text_in(dialog: GuardedDialog[Any], field: str) -> str:
    widget = dialog.query_one(field)
    assert isinstance(widget, TextArea | Input)
    return widget.text if isinstance(widget, TextArea) else widget.value


def typed_fast(app: ClerkApp, *events_: events.Key | events.Paste) -> None:
    """Events sent as the terminal driver sends them, without waiting between them."""
    for event in events_:
        event.set_sender(app)
        app.post_message(event)


def error_of(dialog: GuardedDialog[Any], selector: str = "#form-error") -> str:
    return str(dialog.query_one(selector, Static).render())


def a_pending_item(app: ClerkApp) -> int:
    """Item 9 of the March meeting, not yet taken (the Desk lets it be deleted)."""
    item = item_id(app.desk, "9")
    assert app.desk.decisions.item_minute(item).item.state == "pending"
    return item


async def asked_to_discard(pilot: Pilot[Any]) -> ConfirmDialog:
    await pilot.press("escape")
    question = pilot.app.screen
    assert isinstance(question, ConfirmDialog)
    assert question.question == DISCARD_QUESTION
    return question


# ---- escape asks before typed words go --------------------------------------------------


@pytest.mark.parametrize(("key", "kind", "field", "table"), DIALOGS)
async def test_escape_asks_before_the_typed_words_go(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock, key: str, kind: type, field: str,
    table: str,
) -> None:  # fmt: skip
    before = rows_in(demo_path, table)
    async with demo_app.run_test(size=SIZE) as pilot:
        harness = await open_harness(demo_app, pilot, set_room(demo_app.desk, clock))
        await pilot.press(key)
        await type_text(pilot, WORDS)
        await asked_to_discard(pilot)
        await pilot.press("n")  # no: back to the words, as they were, still taking keys
        dialog = demo_app.screen
        assert isinstance(dialog, kind)
        assert text_in(dialog, field) == WORDS
        await type_text(pilot, " again")
        assert text_in(dialog, field) == WORDS + " again"
        await asked_to_discard(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert demo_app.screen is harness
    assert rows_in(demo_path, table) == before


@pytest.mark.parametrize(("key", "kind", "field", "table"), DIALOGS)
async def test_typing_on_after_a_stray_escape_keeps_every_word(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock, key: str, kind: type, field: str,
    table: str,
) -> None:  # fmt: skip
    """Escape by mistake, and the clerk types on: the question takes the typing as "keep",
    and every letter goes on into the words (none runs as a key of the screen below)."""
    before = rows_in(demo_path, table)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_harness(demo_app, pilot, set_room(demo_app.desk, clock))
        await pilot.press(key)
        await type_text(pilot, WORDS)
        await asked_to_discard(pilot)
        # Typed on fast, as a clerk does who has not seen the question: every key in one go.
        typed_fast(demo_app, *(events.Key(c if c.isalnum() else {" ": "space", ",": "comma"}[c], c)
                               for c in " and yes, be very clear"))  # fmt: skip
        await pilot.pause()
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, kind)
        assert text_in(dialog, field) == WORDS + " and yes, be very clear"
    assert rows_in(demo_path, table) == before


@pytest.mark.parametrize("typed", ["", "   "], ids=["nothing", "spaces"])
@pytest.mark.parametrize(("key", "kind", "field", "table"), DIALOGS)
async def test_escape_on_an_untouched_dialog_closes_it_at_once(
    demo_app: ClerkApp, clock: FakeClock, key: str, kind: type, field: str, table: str,
    typed: str,
) -> None:  # fmt: skip
    async with demo_app.run_test(size=SIZE) as pilot:
        harness = await open_harness(demo_app, pilot, set_room(demo_app.desk, clock))
        await pilot.press(key)
        assert isinstance(demo_app.screen, kind)
        await type_text(pilot, typed)
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.screen is harness


async def test_prefilled_words_are_not_typing_but_a_change_to_them_is(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        harness = await open_harness(demo_app, pilot, set_room(demo_app.desk, clock))
        await pilot.press("r")
        await type_text(pilot, "That the PCC present his plan")
        await pilot.press("ctrl+s", "t")  # the action starts from the selected resolution
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, ActionDialog)
        assert text_in(dialog, "#action-text") == "That the PCC present his plan"
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.screen is harness
        await pilot.press("t")
        await type_text(pilot, " by September")
        await asked_to_discard(pilot)


async def test_a_vote_with_its_motion_typed_asks_first(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock
) -> None:
    before = rows_in(demo_path, "vote")
    async with demo_app.run_test(size=SIZE) as pilot:
        harness = await open_harness(demo_app, pilot, set_room(demo_app.desk, clock))
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(demo_app.screen, VoteDialog)
        await type_text(pilot, "That the meeting be adjourned")
        await asked_to_discard(pilot)
        await pilot.press("escape")  # escape answers no
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, VoteDialog)
        assert dialog.query_one("#vote-motion", Input).value == "That the meeting be adjourned"
        await asked_to_discard(pilot)
        await pilot.press("enter")  # enter answers yes
        await pilot.pause()
        assert demo_app.screen is harness
    assert rows_in(demo_path, "vote") == before


async def test_a_declaration_with_its_nature_typed_asks_first(
    demo_path: Path, clock: FakeClock
) -> None:
    before = rows_in(demo_path, "declaration")
    database = open_database(demo_path)
    desk = Desk(database, clock)
    seat(desk, NINE[:3])
    meeting = march_meeting(desk)
    database.close()
    app = make_app(demo_path, clock=clock, start_meeting=meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DeclarationDialog)
        dialog.query_one("#declaration-nature", Input).focus()
        await pilot.pause()
        await type_text(pilot, "owns a security firm")
        await asked_to_discard(pilot)
        await pilot.press("n")
        assert app.screen is dialog
        assert dialog.query_one("#declaration-nature", Input).value == "owns a security firm"
        await asked_to_discard(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
    assert rows_in(demo_path, "declaration") == before


async def test_the_venue_of_a_new_meeting_is_asked_about_its_date_is_not(
    demo_app: ClerkApp,
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.press(*"2022-05-16")  # a date is typed again in a second: no question
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(demo_app.screen, HomeScreen)
        await pilot.press("n", "tab", "tab")
        await pilot.press(*"Committee Room 6")
        await asked_to_discard(pilot)
        await pilot.press("n")
        assert isinstance(demo_app.screen, MeetingDialog)


# ---- a refused record keeps the dialog and its words --------------------------------------


@pytest.mark.parametrize(("key", "kind", "field", "table"), DIALOGS)
async def test_a_record_the_desk_refuses_keeps_the_dialog_and_its_words(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock, key: str, kind: type, field: str,
    table: str,
) -> None:  # fmt: skip
    async with demo_app.run_test(size=SIZE) as pilot:
        set_room(demo_app.desk, clock)
        item = a_pending_item(demo_app)
        await open_harness(demo_app, pilot, item)
        await pilot.press(key)
        await type_text(pilot, WORDS)
        demo_app.desk.agenda.delete_item(item)  # another record took the item away meanwhile
        before = rows_in(demo_path, table)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, kind)
        assert text_in(dialog, field) == WORDS
        assert error_of(dialog) == f"Not recorded: there is no agenda item {item}"
        assert rows_in(demo_path, table) == before


async def test_a_locked_database_refuses_the_note_and_the_words_wait_for_it(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock
) -> None:
    """Another connection holds the write lock past the busy timeout (5 s): the Desk refuses;
    once the lock is let go, ctrl+s again records the same words, once."""
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        harness = await open_harness(demo_app, pilot, item)
        await pilot.press("m")
        await type_text(pilot, WORDS)
        other = sqlite3.connect(demo_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            before = other.execute("SELECT count(*) FROM minutenote").fetchone()[0]
            await pilot.press("ctrl+s")
            await pilot.pause()
            dialog = demo_app.screen
            assert isinstance(dialog, NoteDialog)
            assert text_in(dialog, "#note-text") == WORDS
            assert "database is locked" in error_of(dialog)
            assert other.execute("SELECT count(*) FROM minutenote").fetchone()[0] == before
        finally:
            other.rollback()
            other.close()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is harness
        assert [n.text for n in demo_app.desk.decisions.item_minute(item).notes] == [WORDS]


async def test_a_database_deleted_under_the_dialog_is_told_and_the_words_stay(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
        await pilot.press("m")
        await type_text(pilot, WORDS)
        before = len(demo_app._notifications)
        demo_path.unlink()
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, NoteDialog)
        assert text_in(dialog, "#note-text") == WORDS
        assert error_of(dialog).startswith("Not recorded: the database can no longer be written")
        # Every record from now on is refused: the failure is announced app-wide too, once.
        (failure,) = list(demo_app._notifications)[before:]
        assert failure.timeout == FAILED_TIMEOUT and failure.severity == "error"


async def test_a_second_ctrl_s_queued_behind_the_first_records_once(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        harness = await open_harness(demo_app, pilot, item)
        await pilot.press("m")
        await type_text(pilot, WORDS)
        typed_fast(demo_app, events.Key("ctrl+s", None), events.Key("ctrl+s", None))
        await pilot.pause()
        await pilot.pause()
        assert demo_app.screen is harness
        assert [n.text for n in demo_app.desk.decisions.item_minute(item).notes] == [WORDS]


async def test_a_refused_member_edit_stays_open_with_the_name(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_membership(pilot, demo_app)
        await select(pilot, screen, "Cllr Bob Piper")
        await pilot.press("e", "tab", "ctrl+u", *"Mick Brown", "ctrl+s")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, AppointDialog)
        assert dialog.query_one("#member-name", Input).value == "Mick Brown"
        assert "Mick Brown is already someone else" in error_of(dialog)
        await asked_to_discard(pilot)


async def test_a_refused_appointment_is_offered_back_by_the_next_a(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_membership(pilot, demo_app)
        await pilot.press("a", "tab", *"Mick Brown", "ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, MembershipScreen)  # told in a notification
        await pilot.press("a")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, AppointDialog)
        assert dialog.query_one("#member-name", Input).value == "Mick Brown"
        await asked_to_discard(pilot)  # offered back, they are still the clerk's words
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("a")  # offered once: now a fresh dialog
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, AppointDialog)
        assert dialog.query_one("#member-name", Input).value == ""


# ---- keys typed while a dialog opens -------------------------------------------------------

OPENING = [
    pytest.param("minute_note", NoteDialog, "#note-text", id="note"),
    pytest.param("tracker_action", ActionDialog, "#action-text", id="action"),
    pytest.param("vote", VoteDialog, "#vote-motion", id="vote"),
]


@pytest.mark.parametrize(("action", "kind", "field"), OPENING)
async def test_keys_and_a_paste_read_while_the_dialog_opens_reach_its_first_field(
    demo_app: ClerkApp, clock: FakeClock, action: str, kind: type, field: str
) -> None:
    """The App reads these keys right after the one that pushed the dialog, before it has
    mounted and focused its first field (the moment a quick typist's keys arrive)."""
    async with demo_app.run_test(size=SIZE) as pilot:
        harness = await open_harness(demo_app, pilot, set_room(demo_app.desk, clock))
        assert isinstance(harness, Harness)
        getattr(harness, f"action_{action}")()
        dialog = demo_app.screen
        assert isinstance(dialog, kind) and dialog.focused is None
        typed_fast(
            demo_app, *(events.Key(c, c) for c in "Members"), events.Paste(" welcomed the report")
        )
        await pilot.pause()
        await pilot.pause()
        assert text_in(dialog, field) == "Members welcomed the report"
        await pilot.press("space", *"warmly")  # and the keys after them follow on
        assert text_in(dialog, field) == "Members welcomed the report warmly"
