"""The sentences the minutes write, reworded on the live screen's record pane (issue 13), by
keys at 80x24 and 140x45: enter on the apologies sentence opens it, ctrl+s keeps the clerk's
words (one row, undoable), the pane marks them as no longer following the records — still so
after another apology is marked — and delete gives the generated words back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import VoteFields
from db import models, open_database
from screens.decision_keys import DecisionKeys
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.sentence import SentenceDialog
from screens.widgets.item_minute import ItemMinute
from screens.widgets.minute_lines import EDITED_MARK, HINT_WRITTEN, plain_text
from tests.conftest import FakeClock
from tests.screens.decision_harness import seated, type_text
from tests.screens.test_live import live_screen, select_item
from tests.test_decisions import person_id, rows

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]
EDIT = "Cllr Brown sent his apologies."


@pytest.fixture
def march(demo_path: Path, clock: FakeClock) -> int:
    """The 14 March 2022 meeting, Cllr Brown's apologies marked and item 2 (apologies) begun."""
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        meeting = next(m.id for m in desk.agenda.meetings() if m.date == date(2022, 3, 14))
        desk.attendance.mark(meeting, person_id(desk, "Mick Brown"), "apologies")
        apologies = next(i for i in desk.agenda.meeting(meeting).items if i.kind == "apologies")
        desk.chamber.start_item(meeting, apologies.id)
        return meeting
    finally:
        database.close()


@pytest.fixture
def live_app(demo_path: Path, clock: FakeClock, march: int) -> ClerkApp:
    return make_app(demo_path, clock=clock, start_meeting=march)


def pane_lines(app: ClerkApp) -> list[str]:
    minute = app.screen.query_one(ItemMinute)
    return [line for o in minute.options for line in plain_text(o.prompt, 300).splitlines()]


async def _on_apologies(pilot: Pilot[int]) -> ItemMinute:
    """Select item 2 (apologies), move to the record pane and highlight its sentence."""
    await select_item(pilot, "2")
    pane = pilot.app.screen.query_one(ItemMinute)
    pane.focus()
    await pilot.pause()
    pane.highlighted = next(i for i, o in enumerate(pane.options) if o.id == "apologies")
    return pane


@pytest.mark.parametrize("size", SIZES)
async def test_the_apologies_sentence_is_reworded_and_stays_the_clerks(
    live_app: ClerkApp, march: int, size: tuple[int, int]
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await _on_apologies(pilot)
        lines = pane_lines(live_app)
        generated = "Apologies for non-attendance were received on behalf of Cllr Brown"
        assert any(line.startswith(generated) for line in lines)
        # Nothing is recorded on the item, but the minutes say something: no "Nothing minuted".
        assert not any("Nothing minuted yet" in line for line in lines)
        assert any(HINT_WRITTEN[:30] in line for line in lines)

        await pilot.press("enter")
        await pilot.pause()
        dialog = live_app.screen
        assert isinstance(dialog, SentenceDialog)
        assert dialog.query_one(TextArea).text.startswith(generated)
        await pilot.press("f7")  # select all: the words typed replace them
        await type_text(pilot, EDIT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(r["source"], r["text"]) for r in rows(live_app.desk, models.MinuteSentence)] == [
            ("apologies", EDIT)
        ]
        lines = pane_lines(live_app)
        assert EDIT in lines
        assert any(EDITED_MARK.startswith(line) for line in lines if line.startswith("edited"))
        assert not any(line.startswith(generated) for line in lines)

        # Another apology: the minutes would now name two, the clerk's words stay.
        desk = live_app.desk
        desk.attendance.mark(march, person_id(desk, "Lionel Walker"), "apologies")
        live_screen(live_app).refresh_live()
        await pilot.pause()
        lines = pane_lines(live_app)
        assert EDIT in lines
        assert any(line.startswith("edited — no longer follows the records") for line in lines)
        text = desk.papers.render_paper(march, "minutes", "txt").decode()
        assert EDIT in text and "Walker" not in text.split("APOLOGIES")[1].split("\n\n")[1]

        # delete: back to the generated words (asked first), which now follow the records.
        pane = live_app.screen.query_one(ItemMinute)
        assert pane.highlighted_option is not None
        assert pane.highlighted_option.id == "apologies"
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(live_app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert rows(desk, models.MinuteSentence) == []
        lines = pane_lines(live_app)
        assert EDIT not in lines
        assert any("Cllr Brown" in line and "Walker" in line for line in lines)

        # ctrl+z takes the going back back: the clerk's words again.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [r["text"] for r in rows(desk, models.MinuteSentence)] == [EDIT]
        assert EDIT in pane_lines(live_app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_blank_sentence_is_refused_in_the_dialog_and_ctrl_r_goes_back(
    live_app: ClerkApp, march: int, size: tuple[int, int]
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await _on_apologies(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f7", "backspace", "ctrl+s")
        await pilot.pause()
        dialog = live_app.screen
        assert isinstance(dialog, SentenceDialog)
        assert "the sentence needs some words" in str(dialog.query_one("#form-error").render())
        await type_text(pilot, EDIT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [r["text"] for r in rows(live_app.desk, models.MinuteSentence)] == [EDIT]
        # w opens it too; ctrl+r there gives the generated words back.
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(live_app.screen, SentenceDialog)
        assert live_app.screen.query_one(TextArea).text == EDIT
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not isinstance(live_app.screen, SentenceDialog)
        assert rows(live_app.desk, models.MinuteSentence) == []


async def test_a_votes_sentence_is_reworded_with_w(demo_app: ClerkApp, clock: FakeClock) -> None:
    """enter on a vote names the votes; w rewords its sentence, the vote itself unchanged."""
    async with seated(demo_app, clock) as (pilot, item, _):
        vote = demo_app.desk.decisions.record_vote(
            item, VoteFields("That the report be noted", for_count=8, against_count=1)
        )
        live = demo_app.screen
        assert isinstance(live, DecisionKeys)
        live.refresh_live()
        await pilot.pause()
        pane = demo_app.screen.query_one(ItemMinute)
        pane.focus()
        pane.highlighted = next(i for i, o in enumerate(pane.options) if o.id == f"vote-{vote.id}")
        await pilot.press("w")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, SentenceDialog)
        assert dialog.query_one(TextArea).text == vote.outcome_text
        await pilot.press("f7")
        await type_text(pilot, "Following a vote of members present, it was:")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [(r["source"], r["text"]) for r in rows(demo_app.desk, models.MinuteSentence)] == [
            (f"vote-{vote.id}", "Following a vote of members present, it was:")
        ]
        lines = pane_lines(demo_app)
        assert "Following a vote of members present, it was:" in lines
        assert vote.outcome_text not in " ".join(lines)
        assert any(line.startswith("edited — no longer follows the records") for line in lines)
        assert [v.outcome_text for v in demo_app.desk.decisions.item_minute(item).votes] == [
            vote.outcome_text
        ]
