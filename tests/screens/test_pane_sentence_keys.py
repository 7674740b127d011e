"""The record pane's keys on a sentence whose kind has a hyphen ("None declared.", source
"none-declared"), by keys at 80x24 and 140x45 (issue 13, tryer F6): Tab into the pane
highlights its first line, so enter at once rewords the sentence; delete gives an edited one its
generated words back; a key that does not apply says why in words fitting that key; the pane's
hint names w."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import models, open_database
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.sentence import SentenceDialog
from screens.widgets.item_minute import WRITTEN_FROM, ItemMinute
from screens.widgets.minute_lines import EDITED_MARK
from tests.conftest import FakeClock
from tests.screens.decision_harness import type_text
from tests.screens.test_live import select_item
from tests.screens.test_live_sentences import pane_lines
from tests.test_decisions import rows

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]
EDIT = "No declarations of interest were made."


@pytest.fixture
def declarations(demo_path: Path, clock: FakeClock) -> tuple[int, str]:
    """The 14 March 2022 meeting with its declarations item begun (nothing declared)."""
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        meeting = next(m.id for m in desk.agenda.meetings() if m.date == date(2022, 3, 14))
        item = next(i for i in desk.agenda.meeting(meeting).items if i.kind == "declarations")
        desk.chamber.start_item(meeting, item.id)
        return meeting, item.number
    finally:
        database.close()


@pytest.fixture
def live_app(demo_path: Path, clock: FakeClock, declarations: tuple[int, str]) -> ClerkApp:
    return make_app(demo_path, clock=clock, start_meeting=declarations[0])


async def _tab_into_pane(pilot: Pilot[int], number: str) -> ItemMinute:
    await select_item(pilot, number)
    pane = pilot.app.screen.query_one(ItemMinute)
    for _ in range(4):  # Tab, as the clerk would, until the record pane has the focus
        if pane.has_focus:
            break
        await pilot.press("tab")
    assert pane.has_focus
    return pane


def _last_message(app: ClerkApp) -> str:
    assert app._notifications
    return str(list(app._notifications)[-1].message)


@pytest.mark.parametrize("size", SIZES)
async def test_none_declared_is_reworded_by_tab_enter_and_restored_by_delete(
    live_app: ClerkApp, declarations: tuple[int, str], size: tuple[int, int]
) -> None:
    async with live_app.run_test(size=size) as pilot:
        pane = await _tab_into_pane(pilot, declarations[1])
        # Tab highlighted the first line: "None declared." — no key wasted.
        assert pane.highlighted_option is not None
        assert pane.highlighted_option.id == "none-declared"
        await pilot.press("enter")
        await pilot.pause()
        dialog = live_app.screen
        assert isinstance(dialog, SentenceDialog)
        assert dialog.heading.startswith("Reword “None declared.” — item 4")
        assert dialog.query_one(TextArea).text == "None declared."
        await pilot.press("f7")
        await type_text(pilot, EDIT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(r["source"], r["text"]) for r in rows(live_app.desk, models.MinuteSentence)] == [
            ("none-declared", EDIT)
        ]
        lines = pane_lines(live_app)
        assert EDIT in lines
        assert any(EDITED_MARK.startswith(line) for line in lines if line.startswith("edited"))

        # delete on the edited sentence: asked, named, then the generated words back.
        assert pane.highlighted_option is not None
        assert pane.highlighted_option.id == "none-declared"
        await pilot.press("delete")
        await pilot.pause()
        confirm = live_app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "“None declared.”" in confirm.question
        await pilot.press("y")
        await pilot.pause()
        assert rows(live_app.desk, models.MinuteSentence) == []
        assert "None declared." in pane_lines(live_app)
        assert EDIT not in pane_lines(live_app)


@pytest.mark.parametrize("size", SIZES)
async def test_keys_that_do_not_apply_say_why_for_that_key(
    live_app: ClerkApp, declarations: tuple[int, str], size: tuple[int, int]
) -> None:
    async with live_app.run_test(size=size) as pilot:
        pane = await _tab_into_pane(pilot, declarations[1])
        assert "w reword" in str(pane.border_subtitle)
        await pilot.press("delete")  # the generated words: nothing of its own to delete
        await pilot.pause()
        assert _last_message(live_app) == WRITTEN_FROM["none-declared"]
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert _last_message(live_app) == "Only notes and resolutions can be moved"
        assert not isinstance(live_app.screen, ConfirmDialog)
        assert rows(live_app.desk, models.MinuteSentence) == []
