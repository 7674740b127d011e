"""Nothing typed is lost (issue 11, point 6) in the minute pane's edits, through the pilot: a
note, a resolution, an action or named votes opened from the pane ask before escape drops typed
words, and a record deleted under its dialog keeps the dialog with its words and the error,
writing nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
from screens.dialogs.action import ActionDialog
from screens.dialogs.guarded import GuardedDialog
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.vote import NamedVotesDialog
from screens.widgets.item_minute import ItemMinute
from tests.conftest import FakeClock
from tests.screens.decision_harness import Harness, seated, top_screen, type_text
from tests.screens.test_dialog_drafts import asked_to_discard, error_of, rows_in, text_in

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
    async with seated(demo_app, clock) as (pilot, item, harness):
        key = a_note(demo_app.desk, item)
        await edit_in_pane(demo_app, pilot, harness, key)
        assert isinstance(demo_app.screen, NoteDialog)
        await pilot.press("escape")  # its own words, untouched: closes at once
        await pilot.pause()
        assert top_screen(demo_app) is harness
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
        assert top_screen(demo_app) is harness
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
    kind: type[GuardedDialog[Any]], table: str,
) -> None:  # fmt: skip
    async with seated(demo_app, clock) as (pilot, item, harness):
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
        assert top_screen(demo_app) is dialog
        assert text_in(dialog, "#" + key.split("-")[0] + "-text") == typed
        noun = key.split("-")[0]
        assert error_of(dialog) == f"Not recorded: there is no {noun} {key.split('-')[1]}"
        assert rows_in(demo_path, table) == before
        await asked_to_discard(pilot)


async def test_named_votes_refused_keep_the_names_marked(
    demo_app: ClerkApp, demo_path: Path, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, harness):
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
        assert top_screen(demo_app) is dialog
        assert dialog.draft() == marked
        assert error_of(dialog) == f"Not recorded: there is no vote {key.split('-')[1]}"
        assert rows_in(demo_path, "personvote") == 0
        await asked_to_discard(pilot)
