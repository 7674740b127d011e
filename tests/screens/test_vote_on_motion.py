"""The vote dialog on a motion or amendment (issue 15, tryer's findings): its preview says what
the minutes will print (the debate's sentence, not the rules' "A vote of … resulted in …"); its
hint says where enter goes from the field it opens on (the count for: a clerk who typed
"enter 9 enter 4 enter" recorded 0:9 with 4 abstaining, reading "enter: motion → for" on a
dialog whose motion was already there); and enter records a recorded vote, as ctrl+s does.
At 80x24 and 140x45."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.desk.debate_fields import MotionFields
from screens.dialogs.vote import VoteDialog
from tests.conftest import FakeClock
from tests.screens.decision_harness import plain_text, seated, top_screen, type_text

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]
MOTION = "that the Panel support the plan"
AMENDMENT = "to add and ask for a report"


def _outcome(dialog: VoteDialog) -> str:
    return plain_text(dialog.query_one("#vote-outcome", Static).render())


def _hint(dialog: VoteDialog) -> str:
    return plain_text(dialog.query(".hint").last(Static).render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_preview_says_what_the_minutes_will_and_the_hint_where_enter_goes(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        motion = app.desk.debate.move_motion(item, MotionFields(MOTION))
        amendment = app.desk.debate.move_motion(item, MotionFields(AMENDMENT, amends_id=motion.id))
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog) and dialog.motion_id == amendment.id
        assert app.focused is dialog.query_one("#vote-for", Input)
        assert _hint(dialog).startswith("enter: for → against → abstaining → record")
        await type_text(pilot, "3")
        await pilot.press("enter")
        await type_text(pilot, "6")
        await pilot.pause()
        said = _outcome(dialog)
        assert "On being put to the vote the amendment was lost (3 for, 6 against)." in said
        assert "A vote of" not in said
        await pilot.press("enter", "enter")  # against → abstaining → record
        await pilot.pause()
        assert top_screen(app) is harness
        (vote,) = app.desk.decisions.item_minute(item).votes
        assert (vote.for_count, vote.against_count, vote.abstentions) == (3, 6, 0)

        # The motion next: the amendment was lost, so it is put as moved.
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog) and dialog.motion_id == motion.id
        await type_text(pilot, "7")
        await pilot.pause()
        assert "On being put to the vote the motion was carried (7 for, 0 against)." in (
            _outcome(dialog)
        )


@pytest.mark.parametrize("size", SIZES)
async def test_enter_records_a_recorded_vote(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        motion = app.desk.debate.move_motion(item, MotionFields(MOTION))
        await pilot.press("v", "ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog) and dialog.method == "recorded"
        assert "enter: record" in _hint(dialog)
        await pilot.press("g", "enter")  # a name still unmarked: refused in words, kept open
        await pilot.pause()
        assert app.screen is dialog
        assert "no vote marked for" in plain_text(dialog.query_one("#vote-error", Static).render())
        await pilot.press("F", "enter")
        await pilot.pause()
        assert top_screen(app) is harness
        (vote,) = app.desk.decisions.item_minute(item).votes
        assert vote.method == "recorded" and vote.motion_id == motion.id
        assert vote.against_count == 1 and vote.for_count >= 1


@pytest.mark.parametrize("size", SIZES)
async def test_a_vote_on_none_of_the_motions_is_not_on_the_amendments_words(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    """With an amendment waiting, "On: none" is a vote on other words (a procedural motion):
    the amendment's words are cleared for the clerk to type, and the amendment still waits."""
    app = demo_app
    async with seated(app, clock) as (pilot, item, _harness):
        await pilot.resize_terminal(*size)
        motion = app.desk.debate.move_motion(item, MotionFields(MOTION))
        app.desk.debate.move_motion(item, MotionFields(AMENDMENT, amends_id=motion.id))
        await pilot.press("v")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)
        words = dialog.query_one("#vote-motion", Input)
        assert words.value == AMENDMENT
        dialog.choose_motion("none")
        assert dialog.motion_id is None and words.value == ""
        dialog.choose_motion(str(motion.id))  # back on a motion: its words again
        assert words.value == MOTION
