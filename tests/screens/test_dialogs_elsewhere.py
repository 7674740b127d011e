"""Nothing typed is lost (issue 11, point 6) beyond the live screen's keys, through the pilot: the
tracker's dialogs (update, complete, edit, new), the minute pane's edits (note, resolution,
action, named votes) and the first run's new body ask before escape drops typed words, and a
record refused for real (the record gone or closed under the dialog, the database locked by
another connection or deleted) keeps the dialog with its words and the error, writing nothing.
Also: an exempt action carried to the next meeting's minutes item is marked EXEMPT there, and
an agenda import's cautions reach the clerk as notifications."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
from clerk_tui.desk.tracker import TrackedAction
from screens.dialogs.action import ActionDialog
from screens.dialogs.action_edit import ActionEditDialog
from screens.dialogs.action_update import ActionUpdateDialog, CompleteDialog
from screens.dialogs.body import BodyDialog
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.vote import NamedVotesDialog
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.tracker import TrackerScreen
from screens.widgets.item_minute import ItemMinute, plain_text
from tests.bad_inputs.exempt_actions import SECRET_ACTION, make_exempt
from tests.conftest import SIZE, FakeClock
from tests.screens.test_decision_dialogs import Harness, open_harness, set_room, type_text
from tests.screens.test_dialog_drafts import asked_to_discard, error_of, rows_in, text_in
from tests.screens.test_tracker_screen import open_tracker, select_minute

WORDS = "Report to come in June"


async def tracker_on(
    app: ClerkApp, pilot: Pilot[Any], minute: str
) -> tuple[TrackerScreen, TrackedAction]:
    screen = await open_tracker(app, pilot)
    return screen, await select_minute(pilot, screen, minute)


def latest_of(app: ClerkApp, action: TrackedAction) -> str:
    return app.desk.tracker.tracked_action(action.id).latest_update


# ---- the tracker: escape asks --------------------------------------------------------------


async def test_escape_on_a_typed_update_asks_and_no_keeps_the_words(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    before = rows_in(demo_path, "actionupdate")
    async with demo_app.run_test(size=SIZE) as pilot:
        screen, action = await tracker_on(demo_app, pilot, "631")
        await pilot.press("u")
        await type_text(pilot, WORDS)
        await asked_to_discard(pilot)
        await pilot.press("n")
        dialog = demo_app.screen
        assert isinstance(dialog, ActionUpdateDialog)
        assert text_in(dialog, "#update-text") == WORDS
        await asked_to_discard(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert demo_app.screen is screen
        assert latest_of(demo_app, action) == action.latest_update
    assert rows_in(demo_path, "actionupdate") == before


async def test_escape_on_a_typed_new_carried_over_action_asks_first(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    before = rows_in(demo_path, "action")
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(demo_app.screen, ActionEditDialog)
        await type_text(pilot, "The PCC report back on body-worn video")
        await asked_to_discard(pilot)
        await pilot.press("escape")  # escape answers no
        dialog = demo_app.screen
        assert isinstance(dialog, ActionEditDialog)
        assert text_in(dialog, "#action-text") == "The PCC report back on body-worn video"
        await asked_to_discard(pilot)
        await pilot.press("enter")  # enter answers yes
        await pilot.pause()
        assert demo_app.screen is screen
    assert rows_in(demo_path, "action") == before


async def test_escape_on_an_untouched_edit_closes_at_once(demo_app: ClerkApp) -> None:
    """The action's own words, shown to be edited, are not the clerk's typing."""
    async with demo_app.run_test(size=SIZE) as pilot:
        screen, _ = await tracker_on(demo_app, pilot, "630")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(demo_app.screen, ActionEditDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert demo_app.screen is screen


# ---- the tracker: a refused record keeps the dialog ------------------------------------------


async def test_an_action_completed_under_the_dialog_keeps_the_words(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        _, action = await tracker_on(demo_app, pilot, "631")
        await pilot.press("c")
        await type_text(pilot, "Reported to the panel")
        demo_app.desk.tracker.complete_action(
            action.id, update="By letter"
        )  # another record, meanwhile
        before = rows_in(demo_path, "actionupdate")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, CompleteDialog)
        assert text_in(dialog, "#complete-update") == "Reported to the panel"
        assert error_of(dialog) == (
            "Not recorded: action 631 is already completed on 14 March 2022"
        )
        assert latest_of(demo_app, action) == "Completed: By letter"
        assert rows_in(demo_path, "actionupdate") == before
        await asked_to_discard(pilot)  # and the words are still the clerk's


async def test_an_action_deleted_under_its_edit_keeps_the_words(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        _, action = await tracker_on(demo_app, pilot, "629")
        await pilot.press("e")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, ActionEditDialog)
        await pilot.press(*" by July")
        typed = text_in(dialog, "#action-text")
        assert " by July" in typed
        demo_app.desk.decisions.delete_action(action.id)
        before = rows_in(demo_path, "action")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is dialog
        assert text_in(dialog, "#action-text") == typed
        assert error_of(dialog) == f"Not recorded: there is no action {action.id}"
        assert rows_in(demo_path, "action") == before


async def test_a_locked_database_refuses_the_update_and_the_words_wait_for_it(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    """Another connection holds the write lock past the busy timeout (5 s): the update is
    refused in the dialog; once the lock is let go, ctrl+s records the same words, once."""
    async with demo_app.run_test(size=SIZE) as pilot:
        screen, action = await tracker_on(demo_app, pilot, "631")
        await pilot.press("u")
        await type_text(pilot, WORDS)
        other = sqlite3.connect(demo_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            before = other.execute("SELECT count(*) FROM actionupdate").fetchone()[0]
            await pilot.press("ctrl+s")
            await pilot.pause()
            dialog = demo_app.screen
            assert isinstance(dialog, ActionUpdateDialog)
            assert text_in(dialog, "#update-text") == WORDS
            assert "database is locked" in error_of(dialog)
            assert other.execute("SELECT count(*) FROM actionupdate").fetchone()[0] == before
        finally:
            other.rollback()
            other.close()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is screen
        history = demo_app.desk.tracker.action_history(action.id)
        assert [u.text for u in history].count(WORDS) == 1
        assert screen.selected is not None and screen.selected.latest_update == WORDS


# ---- the minute pane's edits ---------------------------------------------------------------


def a_note(desk: Desk, item: int) -> str:
    return f"note-{desk.decisions.add_note(item, NoteFields('Members welcomed the report')).id}"


def a_resolution(desk: Desk, item: int) -> str:
    resolution = desk.decisions.add_resolution(item, ResolutionFields("That the report be noted"))
    return f"resolution-{resolution.id}"


def an_action(desk: Desk, item: int) -> str:
    action = desk.decisions.add_action(item, ActionFields("The PCC report back", owner="PCC"))
    return f"action-{action.id}"


def a_vote(desk: Desk, item: int) -> str:
    return (
        f"vote-{desk.decisions.record_vote(item, VoteFields('x', for_count=8, against_count=1)).id}"
    )


def gone(desk: Desk, key: str) -> None:
    kind, _, number = key.partition("-")
    deletes = {
        "note": desk.decisions.delete_note,
        "resolution": desk.decisions.delete_resolution,
        "action": desk.decisions.delete_action,
        "vote": desk.decisions.delete_vote,
    }
    deletes[kind](int(number))


async def edit_in_pane(app: ClerkApp, pilot: Pilot[Any], harness: Harness, key: str) -> None:
    """Highlight the record ``key`` in the minute pane and press enter on it."""
    harness.refresh_live()
    minute = harness.query_one(ItemMinute)
    minute.focus()
    minute.highlighted = minute.get_option_index(key)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


async def test_escape_on_a_note_edit_asks_only_once_the_words_changed(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        harness = await open_harness(demo_app, pilot, item)
        key = a_note(demo_app.desk, item)
        await edit_in_pane(demo_app, pilot, harness, key)
        assert isinstance(demo_app.screen, NoteDialog)
        await pilot.press("escape")  # its own words, untouched: closes at once
        await pilot.pause()
        assert demo_app.screen is harness
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, " warmly")
        await asked_to_discard(pilot)
        await pilot.press("n")
        dialog = demo_app.screen
        assert isinstance(dialog, NoteDialog)
        assert text_in(dialog, "#note-text") == "Members welcomed the report warmly"
        await asked_to_discard(pilot)
        await pilot.press("y")
        await pilot.pause()
        assert demo_app.screen is harness
        [note] = demo_app.desk.decisions.item_minute(item).notes
        assert note.text == "Members welcomed the report"


EDITS: list[Any] = [
    pytest.param(a_note, NoteDialog, "minutenote", id="note"),
    pytest.param(a_resolution, ResolutionDialog, "resolution", id="resolution"),
    pytest.param(an_action, ActionDialog, "action", id="action"),
]


@pytest.mark.parametrize(("make", "kind", "table"), EDITS)
async def test_a_record_deleted_under_its_edit_keeps_the_words(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock, make: Callable[[Desk, int], str],
    kind: type, table: str,
) -> None:  # fmt: skip
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        harness = await open_harness(demo_app, pilot, item)
        key = make(demo_app.desk, item)
        await edit_in_pane(demo_app, pilot, harness, key)
        dialog = demo_app.screen
        assert isinstance(dialog, kind)
        await type_text(pilot, " as amended")
        typed = text_in(dialog, "#" + key.split("-")[0] + "-text")
        assert typed.endswith(" as amended")
        gone(demo_app.desk, key)
        before = rows_in(demo_path, table)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is dialog
        assert text_in(dialog, "#" + key.split("-")[0] + "-text") == typed
        noun = key.split("-")[0]
        assert error_of(dialog) == f"Not recorded: there is no {noun} {key.split('-')[1]}"
        assert rows_in(demo_path, table) == before
        await asked_to_discard(pilot)


async def test_named_votes_refused_keep_the_names_marked(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        harness = await open_harness(demo_app, pilot, item)
        key = a_vote(demo_app.desk, item)
        await edit_in_pane(demo_app, pilot, harness, key)
        dialog = demo_app.screen
        assert isinstance(dialog, NamedVotesDialog)
        await pilot.press("g")  # the first member asked for their vote against to be recorded
        marked = dialog.draft()
        assert marked
        gone(demo_app.desk, key)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is dialog
        assert dialog.draft() == marked
        assert error_of(dialog) == f"Not recorded: there is no vote {key.split('-')[1]}"
        assert rows_in(demo_path, "personvote") == 0
        await asked_to_discard(pilot)


# ---- first run: a new body -----------------------------------------------------------------


async def test_a_new_body_refused_on_first_run_keeps_its_name(
    empty_path: Path, clock: FakeClock
) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        welcome = app.screen
        assert type(welcome).__name__ == "WelcomeScreen"
        await pilot.press("b")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, BodyDialog)
        await type_text(pilot, "Audit Committee")
        await asked_to_discard(pilot)
        await pilot.press("n")
        empty_path.unlink()  # the database goes from under the app
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one(Input).value == "Audit Committee"
        assert error_of(dialog).startswith("Not recorded: the database can no longer be written")


async def test_a_new_body_on_first_run_goes_home(empty_path: Path, clock: FakeClock) -> None:
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        await type_text(pilot, "Audit Committee")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert [b.name for b in app.desk.agenda.bodies()] == ["Audit Committee"]


# ---- exempt stays exempt on the next meeting's minutes item ----------------------------------


async def test_an_exempt_action_carried_forward_is_marked_on_the_minutes_item(
    demo_path: Path, clock: FakeClock
) -> None:
    make_exempt(demo_path)
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        march = next(m for m in app.desk.agenda.meetings() if m.date == date(2022, 3, 14))
        minutes = next(
            i for i in app.desk.agenda.meeting(march.id).items if i.kind == "previous-minutes"
        )
        await app.push_screen(LiveScreen(march.id, select_item=minutes.id))
        await pilot.pause()
        pane = app.screen.query_one(ItemMinute)
        lines = [plain_text(option.prompt) for option in pane.options]
        carried = lines[lines.index(next(x for x in lines if "CARRIED FORWARD" in x)) + 1 :]
        assert len(carried) == 7
        [secret] = [line for line in carried if SECRET_ACTION in line]
        assert secret.startswith("620 Nov 2021  EXEMPT " + SECRET_ACTION)
        assert [line for line in carried if "EXEMPT" in line] == [secret]


# ---- agenda import cautions ----------------------------------------------------------------

CAUTIONED = (
    "Panel – 1:30pm, 14 March 2022\n\nSupporting Document\tItem\tTopic\tApproximate time\n"
    "\t1\tAPOLOGIES\t13:30\n"
    "\t2\tLEISURE CONTRACT Report on the sale to a private company.\t13:35\n"
)


def cautions_told(app: ClerkApp) -> list[tuple[str, str, float]]:
    return [
        (n.message, n.severity, n.timeout)
        for n in app._notifications
        if "imported as not exempt" in n.message
    ]


def agenda_file(tmp_path: Path) -> Path:
    path = tmp_path / "agenda.txt"
    path.write_text(CAUTIONED, encoding="utf-8")
    return path


async def test_an_import_from_home_tells_its_cautions(demo_app: ClerkApp, tmp_path: Path) -> None:
    path = agenda_file(tmp_path)
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.press(*str(path), "tab", "tab", *"2022-09-19", "enter")
        await pilot.pause()
        [(message, severity, timeout)] = cautions_told(demo_app)
        assert message.startswith("line 5: item 2 ") and "mentions 'private'" in message
        assert (severity, timeout) == ("warning", 15)


async def test_a_first_run_import_tells_its_cautions(
    empty_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    path = agenda_file(tmp_path)
    app = make_app(empty_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i", *str(path), "enter")
        await pilot.pause()
        [(message, severity, _)] = cautions_told(app)
        assert message.startswith("line 5: item 2 ") and severity == "warning"
        assert "check whether item 2 is exempt" in " ".join(n.message for n in app._notifications)
