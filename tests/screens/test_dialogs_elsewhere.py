"""Nothing typed is lost (issue 11, point 6) beyond the live screen's keys, through the pilot:
the tracker's dialogs (update, complete, edit, new) ask before escape drops typed words, and a
record refused for real (the action completed or deleted under the dialog, the database locked
by another connection) keeps the dialog with its words and the error, writing nothing. The
minute pane's edits are in test_dialogs_minute_pane, the first run's in test_dialogs_first_run."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.desk.tracker import TrackedAction
from screens.dialogs.action_edit import ActionEditDialog
from screens.dialogs.action_update import ActionUpdateDialog, CompleteDialog
from screens.tracker import TrackerScreen
from tests.conftest import SIZE
from tests.screens.decision_harness import top_screen, type_text
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
        assert top_screen(demo_app) is screen
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
        assert top_screen(demo_app) is screen
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
        assert top_screen(demo_app) is screen


# ---- the tracker: a refused record keeps the dialog ------------------------------------------


async def test_an_action_completed_under_the_dialog_keeps_the_words(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        _, action = await tracker_on(demo_app, pilot, "631")
        await pilot.press("c", "tab")
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
        assert top_screen(demo_app) is dialog
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
        assert top_screen(demo_app) is screen
        history = demo_app.desk.tracker.action_history(action.id)
        assert [u.text for u in history].count(WORDS) == 1
        assert screen.selected is not None and screen.selected.latest_update == WORDS
