"""The record pane's keys on the debate's sentences (issue 15, tryer's findings): delete on a
reworded motion, substantive, outcome or speakers sentence gives back the generated words and
never deletes the debate; delete on an unedited motion still deletes it (asking first); enter
on the substantive motion and the motion's outcome rewords them; each dialog names its sentence;
what does not apply is refused in words naming motions and speakers. At 80x24 and 140x45."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.desk.debate_fields import MotionFields, SpeakerFields
from clerk_tui.desk.decision_fields import VoteFields
from db import models
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.sentence import SentenceDialog
from screens.widgets.item_minute import WRITTEN_FROM, ItemMinute
from screens.widgets.minute_lines import EDITED_MARK
from tests.conftest import FakeClock
from tests.screens.decision_harness import Harness, seated, shown, top_screen
from tests.test_decisions import rows

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]
MOTION = "that the Panel support the plan"
AMENDMENT = "to add and ask for a report"
MINE = "The Panel was asked to support the plan."


def _last_message(app: ClerkApp) -> str:
    assert app._notifications
    return str(list(app._notifications)[-1].message)


async def _on(pilot: Any, harness: Harness, key: str) -> ItemMinute:
    """The record pane focused with the line ``key`` highlighted."""
    harness.refresh_live()
    await pilot.pause()
    pane = harness.query_one(ItemMinute)
    pane.focus()
    ids = [o.id for o in pane.options]
    assert key in ids, ids
    pane.highlighted = ids.index(key)
    await pilot.pause()
    return pane


async def _reword(pilot: Any, app: ClerkApp, key: str, heading: str, words: str) -> None:
    """w on the highlighted sentence: its dialog, named, then the clerk's words kept."""
    await pilot.press("w")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, SentenceDialog)
    assert dialog.heading.startswith(f"Reword {heading} — "), dialog.heading
    dialog.query_one("#sentence-text", TextArea).text = words
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert (key, words) in [(r["source"], r["text"]) for r in rows(app.desk, models.MinuteSentence)]


async def _restore(pilot: Any, app: ClerkApp, harness: Harness, heading: str, words: str) -> None:
    """delete on the reworded sentence: asked by name, then the generated words back."""
    assert any(line.startswith("edited") for line in shown(app).splitlines())
    assert EDITED_MARK in shown(app)
    await pilot.press("delete")
    await pilot.pause()
    confirm = app.screen
    assert isinstance(confirm, ConfirmDialog)
    assert confirm.question == f"Back to the generated words for {heading}?"
    await pilot.press("y")
    await pilot.pause()
    assert top_screen(app) is harness
    assert rows(app.desk, models.MinuteSentence) == []
    assert words not in shown(app)


@pytest.mark.parametrize("size", SIZES)
async def test_delete_on_a_reworded_motion_gives_back_its_words_and_keeps_the_debate(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        debate = app.desk.debate
        motion = debate.move_motion(item, MotionFields(MOTION))
        amendment = debate.move_motion(item, MotionFields(AMENDMENT, amends_id=motion.id))
        await _on(pilot, harness, f"motion-{motion.id}")
        assert "Nothing minuted yet" not in shown(app)  # a motion moved is minuted
        assert "m note · r resolution" not in shown(app)
        await _reword(pilot, app, f"motion-{motion.id}", "the motion as moved", MINE)
        await _restore(pilot, app, harness, "the motion as moved", MINE)
        assert [m.id for m in debate.debate_setup(item).motions] == [motion.id, amendment.id]
        assert shown(app).startswith(f"It was moved {MOTION}.")

        # The amendment's sentence is named as the amendment's.
        await _on(pilot, harness, f"motion-{amendment.id}")
        await _reword(pilot, app, f"motion-{amendment.id}", "the amendment as moved", MINE)
        await _restore(pilot, app, harness, "the amendment as moved", MINE)
        assert len(debate.debate_setup(item).motions) == 2

        # Unedited, delete on the motion still deletes it, asking first.
        await _on(pilot, harness, f"motion-{motion.id}")
        await pilot.press("delete")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert confirm.question.startswith("Delete this motion")
        await pilot.press("y")
        await pilot.pause()
        assert debate.debate_setup(item).motions == ()


@pytest.mark.parametrize("size", SIZES)
async def test_enter_rewords_the_substantive_motion_and_delete_gives_it_back(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        debate = app.desk.debate
        motion = debate.move_motion(item, MotionFields(MOTION))
        amendment = debate.move_motion(item, MotionFields(AMENDMENT, amends_id=motion.id))
        carried = VoteFields(AMENDMENT, for_count=7, against_count=2, motion_id=amendment.id)
        app.desk.decisions.record_vote(item, carried)
        debate.confirm_substantive(motion.id, f"{MOTION} and ask for a report")
        key = f"substantive-{motion.id}"
        pane = await _on(pilot, harness, key)
        await pilot.press("delete")  # unedited: nothing of its own to delete; says what does
        await pilot.pause()
        assert _last_message(app) == WRITTEN_FROM["substantive"]
        assert top_screen(app) is harness
        await pilot.press("enter")  # enter rewords it, as the pane's tip says
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SentenceDialog)
        assert dialog.heading.startswith("Reword the substantive motion — ")
        dialog.query_one("#sentence-text", TextArea).text = MINE
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert pane.highlighted_option is not None and pane.highlighted_option.id == key
        await _restore(pilot, app, harness, "the substantive motion", MINE)
        setup = debate.debate_setup(item)
        assert [m.id for m in setup.motions] == [motion.id, amendment.id]
        assert setup.motions[0].substantive_text == f"{MOTION} and ask for a report"


@pytest.mark.parametrize("size", SIZES)
async def test_enter_rewords_an_amendments_outcome_named_as_its_own(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        debate = app.desk.debate
        motion = debate.move_motion(item, MotionFields(MOTION))
        amendment = debate.move_motion(item, MotionFields(AMENDMENT, amends_id=motion.id))
        debate.set_motion_state(amendment.id, "withdrawn")
        key = f"motion-outcome-{amendment.id}"
        await _on(pilot, harness, key)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SentenceDialog)
        assert dialog.heading.startswith("Reword the amendment's outcome — ")
        dialog.query_one("#sentence-text", TextArea).text = "The amendment was not pressed."
        await pilot.press("ctrl+s")
        await pilot.pause()
        await _restore(pilot, app, harness, "the amendment's outcome", "not pressed")
        assert "The amendment was withdrawn." in shown(app)
        assert len(debate.debate_setup(item).motions) == 2


@pytest.mark.parametrize("size", SIZES)
async def test_delete_on_the_reworded_speakers_sentence_gives_back_its_words(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        app.desk.speakers.add_speaker(item, SpeakerFields("Mr Tom Hill", "public-objection"))
        await _on(pilot, harness, "speakers")
        assert "m note · r resolution" not in shown(app)  # a speaker listed is minuted
        await pilot.press("delete")  # unedited: the list is what it follows
        await pilot.pause()
        assert _last_message(app) == WRITTEN_FROM["speakers"]
        await _reword(pilot, app, "speakers", "the speakers", "Mr Hill objected.")
        await _restore(pilot, app, harness, "the speakers", "Mr Hill objected.")
        assert "Mr Tom Hill spoke in objection to the application." in shown(app)
        assert [s.name for s in app.desk.speakers.speakers(item)] == ["Mr Tom Hill"]
