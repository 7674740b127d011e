"""The debate on an item minuted by keys, as the issue's "done when" has it: a motion, an
amendment lost, an amendment carried (its wording confirmed), and the substantive motion carried
on a recorded vote by name; the screen and the database checked after each step, and the
command keys counted (typed words and counts aside)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.desk.debate_fields import DebateSetup, SpeakerFields
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.motion import DebateDialog, MotionDialog, SubstantiveDialog
from screens.dialogs.motion_parts import WordsArea
from screens.dialogs.sentence import SentenceDialog
from screens.dialogs.speakers import SpeakersDialog
from screens.dialogs.vote import VoteDialog, VoterTable
from screens.dialogs.vote_parts import Choice
from screens.widgets.item_minute import ItemMinute
from tests.conftest import FakeClock
from tests.screens.decision_harness import seated, shown, top_screen, type_text

MOTION = "that the Panel support the Commissioner's plan for neighbourhood policing"
LOST = "to add subject to a review in six months"
CARRIED = "to add and ask for a report on response times"
SUBSTANTIVE = f"{MOTION} and ask for a report on response times"


class Keys:
    """The pilot's keys, the command keys among them counted."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.count += 1
            await self.pilot.press(key)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await type_text(self.pilot, text)


def debate(app: ClerkApp, item: int) -> DebateSetup:
    return app.desk.debate.debate_setup(item)


def field(app: ClerkApp, selector: str) -> str:
    return app.screen.query_one(selector, Input).value


async def move(keys: Keys, words: str, mover: str, seconder: str) -> None:
    """The open motion dialog: the words, enter, part of the mover's name, tab, part of the
    seconder's, enter (which records)."""
    await keys.type(words)
    await keys.press("enter")
    await keys.type(mover)
    await keys.press("tab")
    await keys.type(seconder)
    await keys.press("enter")


async def show_of_hands(keys: Keys, for_: str, against: str) -> None:
    await keys.type(for_)
    await keys.press("enter")
    await keys.type(against)
    await keys.press("ctrl+s")


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
async def test_a_motion_two_amendments_and_a_recorded_vote_by_keys(
    demo_app: ClerkApp, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        await pilot.resize_terminal(*size)
        keys = Keys(pilot)

        # M with nothing before the meeting: the motion dialog, on its words.
        await keys.press("M")
        assert isinstance(app.screen, MotionDialog)
        await move(keys, MOTION, "brad", "brown")
        assert top_screen(app) is harness
        (motion,) = debate(app, item).motions
        assert (motion.text, motion.state) == (MOTION, "moved")
        assert motion.mover is not None and motion.mover.full_name == "Paul Bradley"
        assert motion.seconder is not None and motion.seconder.full_name == "Mick Brown"
        assert shown(app).startswith(
            f"It was moved by Cllr Bradley and seconded by Cllr Brown {MOTION}."
        )

        # M again: the debate, on the motion; a moves an amendment to it.
        await keys.press("M", "a")
        assert isinstance(app.screen, MotionDialog) and app.screen.amends == motion
        await move(keys, LOST, "khan", "murph")
        first = debate(app, item).motions[1]
        assert (first.kind, first.amends_id, first.state) == ("amendment", motion.id, "moved")
        assert f"An amendment was moved by Cllr Khan and seconded by Kristina Murphy {LOST}." in (
            shown(app)
        )

        # v: the vote is on the amendment (the rules put it first), the count focused.
        await keys.press("v")
        vote = app.screen
        assert isinstance(vote, VoteDialog)
        assert vote.query_one("#vote-on", Choice).value == str(first.id)
        assert field(app, "#vote-motion") == LOST
        assert vote.query_one("#vote-noun", Choice).value == "amendment"
        assert app.focused is vote.query_one("#vote-for", Input)
        await show_of_hands(keys, "3", "6")
        assert top_screen(app) is harness
        setup = debate(app, item)
        assert [m.state for m in setup.motions] == ["moved", "lost"]
        assert setup.next_to_vote == motion.id
        (lost_vote,) = app.desk.decisions.item_minute(item).votes
        assert (lost_vote.motion_id, lost_vote.for_count, lost_vote.carried) == (first.id, 3, False)
        pane = harness.query_one(ItemMinute)
        assert pane.highlighted_option is not None
        assert pane.highlighted_option.id == f"motion-{first.id}"  # where its vote is said

        # A second amendment, carried: the clerk confirms the motion as it amends it.
        await keys.press("M", "a")
        await move(keys, CARRIED, "jasp", "samra")
        second = debate(app, item).motions[2]
        await keys.press("v")
        assert field(app, "#vote-motion") == CARRIED
        await show_of_hands(keys, "7", "2")
        confirm = app.screen
        assert isinstance(confirm, SubstantiveDialog)
        assert (
            confirm.query_one("#substantive-text", WordsArea).value == SUBSTANTIVE
        )  # the Desk's proposal
        await keys.press("enter")
        assert top_screen(app) is harness
        setup = debate(app, item)
        assert [m.state for m in setup.motions] == ["moved", "lost", "carried"]
        assert setup.motions[0].substantive_text == SUBSTANTIVE
        assert setup.next_to_vote == motion.id

        # The substantive motion: a recorded vote having been requested (ctrl+r), the chair
        # calls the one against, then every other member is for (F).
        await keys.press("v")
        vote = app.screen
        assert isinstance(vote, VoteDialog)
        assert field(app, "#vote-motion") == SUBSTANTIVE
        assert vote.query_one("#vote-noun", Choice).value == "substantive motion"
        await keys.press("ctrl+r")
        table = vote.query_one(VoterTable)
        assert app.focused is table and vote.method == "recorded"
        await keys.press("down", "g")  # Mick Brown against; the cursor moves on
        assert table.choices == {2: "against"} and table.cursor_row == 2
        await keys.press("F")
        assert len(table.choices) == 9 and not table.unmarked
        outcome = str(vote.query_one("#vote-outcome", Static).render())
        assert "CARRIED" in outcome and "NOT CARRIED" not in outcome
        await keys.press("ctrl+s")
        assert top_screen(app) is harness
        setup = debate(app, item)
        assert [m.state for m in setup.motions] == ["carried", "lost", "carried"]
        assert setup.next_to_vote is None and second.id == setup.motions[2].id
        final = app.desk.decisions.item_minute(item).votes[-1]
        assert (final.method, final.for_count, final.against_count) == ("recorded", 8, 1)
        assert final.motion_id == motion.id

    # The budget is 60 command keys for the whole item, three timed speakers with it.
    assert keys.count == 27


async def test_the_motion_is_refused_to_the_vote_while_its_amendment_waits(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, _harness):
        keys = Keys(pilot)
        await keys.press("M")
        await move(keys, MOTION, "brad", "brown")
        await keys.press("M", "a")
        await move(keys, CARRIED, "khan", "murph")
        await keys.press("v")
        vote = app.screen
        assert isinstance(vote, VoteDialog)
        vote.query_one("#vote-on", Choice).focus()
        await keys.press("m")  # the choice jumps to the motion
        assert field(app, "#vote-motion") == MOTION
        error = vote.query_one("#vote-error", Static)
        refusal = "the amendment moved by Cllr Abdul Khan must be voted on or withdrawn first"
        assert str(error.render()) == f"Not to the vote: {refusal}"
        vote.query_one("#vote-for", Input).focus()
        await keys.type("5")
        await keys.press("ctrl+s")
        assert app.screen is vote  # the Desk refuses it too, and the dialog keeps the count
        assert str(error.render()) == f"Not recorded: motion: {refusal}"
        assert app.desk.decisions.item_minute(item).votes == ()
        # Put back on the amendment, it is recorded.
        vote.query_one("#vote-on", Choice).focus()
        await keys.press("a")
        await keys.press("ctrl+s")
        assert top_screen(app) is not vote
        assert [m.state for m in debate(app, item).motions] == ["moved", "carried"]


async def test_withdrawn_and_not_put_from_the_debate(demo_app: ClerkApp, clock: FakeClock) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        keys = Keys(pilot)
        await keys.press("M")
        await move(keys, MOTION, "brad", "brown")
        await keys.press("M", "a")
        await move(keys, LOST, "khan", "murph")
        await keys.press("M", "down", "w")  # the amendment withdrawn: asked first
        assert isinstance(app.screen, ConfirmDialog)
        await keys.press("y")
        assert top_screen(app) is harness
        assert [m.state for m in debate(app, item).motions] == ["moved", "withdrawn"]
        await keys.press("M", "c")  # no amendment carried: nothing to confirm, in words
        dialog = app.screen
        assert isinstance(dialog, DebateDialog)
        assert str(dialog.query_one("#debate-error", Static).render()) == (
            "no amendment to it has been carried: e edits its words"
        )
        await keys.press("n", "n")  # not put? no: words typed after M settle nothing
        assert isinstance(app.screen, DebateDialog)
        assert [m.state for m in debate(app, item).motions] == ["moved", "withdrawn"]
        await keys.press("n", "enter")  # the motion not put
        assert [m.state for m in debate(app, item).motions] == ["not-put", "withdrawn"]
        # Nothing before the meeting: M moves a fresh motion straight away.
        await keys.press("M")
        assert isinstance(app.screen, MotionDialog) and app.screen.amends is None


async def test_the_record_pane_opens_a_motions_debate_and_deletes_it(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    """Enter on a motion's block in the record pane opens its debate on that motion (e edits
    it from there); delete asks, then takes the motion away with its amendment."""
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        keys = Keys(pilot)
        await keys.press("M")
        await move(keys, MOTION, "brad", "brown")
        await keys.press("M", "a")
        await move(keys, LOST, "khan", "murph")
        motion, amendment = debate(app, item).motions
        pane = harness.query_one(ItemMinute)
        assert app.focused is pane  # the amendment just moved is highlighted
        assert [o.id for o in pane.options][:2] == [f"motion-{motion.id}", f"motion-{amendment.id}"]
        assert pane.highlighted == 1
        await keys.press("enter")
        dialog = app.screen
        assert isinstance(dialog, DebateDialog)
        assert dialog.query_one(OptionList).highlighted == 1  # the amendment asked for
        await keys.press("e")
        edit = app.screen
        assert isinstance(edit, MotionDialog) and edit.motion == amendment
        assert edit.query_one("#motion-mover", Input).value == "Cllr Abdul Khan"
        await keys.press("ctrl+e")  # the end of the words: typing goes on after them
        await keys.type(" by September")
        await keys.press("ctrl+s")
        assert top_screen(app) is harness
        assert debate(app, item).motions[1].text == f"{LOST} by September"
        assert pane.highlighted == 1
        await keys.press("up", "delete")  # the motion, which takes its amendment with it
        assert isinstance(app.screen, ConfirmDialog)
        await keys.press("y")
        assert top_screen(app) is harness
        assert debate(app, item).motions == ()
        assert not any((o.id or "").startswith("motion-") for o in pane.options)


async def test_w_rewords_the_sentence_a_motion_is_minuted_in(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, _item, harness):
        keys = Keys(pilot)
        await keys.press("M")
        await move(keys, MOTION, "brad", "brown")
        await keys.press("w")
        assert isinstance(app.screen, SentenceDialog)
        area = app.screen.query_one("#sentence-text", TextArea)
        area.text = "Cllr Bradley moved, and Cllr Brown seconded, that the plan be supported."
        await keys.press("ctrl+s")
        assert top_screen(app) is harness
        assert shown(app).startswith("Cllr Bradley moved, and Cllr Brown seconded, that the plan")


async def test_enter_on_the_speakers_sentence_opens_their_list(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    app = demo_app
    async with seated(app, clock) as (pilot, item, harness):
        speakers = app.desk.speakers
        speakers.add_speaker(item, SpeakerFields("Mr Tom Hill", "public-objection"))
        speakers.toggle_timer(item)
        clock.advance(2)
        speakers.toggle_timer(item)
        harness.refresh_live()
        await pilot.pause()
        pane = harness.query_one(ItemMinute)
        ids = [o.id for o in pane.options]
        assert "speakers" in ids
        pane.focus()
        pane.highlighted = ids.index("speakers")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SpeakersDialog)
