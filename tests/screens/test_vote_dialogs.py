"""The vote key, v, through the pilot, keys only, on the harness that stands in for the live
screen: counts, the refusals beside them, recorded and named votes, an inquorate vote; asserting
both the database (through the Desk) and what the screen shows."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.vote import VoteDialog, VoterTable
from screens.widgets.item_minute import ItemMinute
from tests.conftest import SIZE, FakeClock
from tests.screens.decision_harness import open_harness, seated, set_room, shown, type_text
from tests.test_decisions import NINE, declare, require_recorded_vote

# ---- v: votes ---------------------------------------------------------------------------


async def choose(pilot: Pilot[Any], choice_id: str, letter: str) -> None:
    """Tab-free: focus one of the dialog's choices and press the letter its words start with."""
    pilot.app.screen.query_one(f"#{choice_id}").focus()
    await pilot.press(letter)


async def test_the_8_to_1_unanimity_vote_from_a_resolution(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("r")
        await type_text(pilot, "That the Panel co-opt a third independent member")
        await pilot.press("ctrl+s", "v")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, VoteDialog)
        motion = dialog.query_one("#vote-motion", Input).value
        assert motion == "That the Panel co-opt a third independent member"
        await type_text(pilot, "8")  # focus starts on "for" when the motion is there
        await pilot.press("tab")
        await type_text(pilot, "1")
        await choose(pilot, "vote-majority", "u")
        outcome = str(dialog.query_one("#vote-outcome", Static).render())
        assert "NOT CARRIED" in outcome and "9 for needed" in outcome
        await pilot.press("ctrl+s")
        await pilot.pause()
        votes = demo_app.desk.decisions.item_minute(item).votes
        assert len(votes) == 1
        vote = votes[0]
        assert (vote.for_count, vote.against_count, vote.majority, vote.carried) == (
            8,
            1,
            "unanimous",
            False,
        )
        resolution = demo_app.desk.decisions.item_minute(item).resolutions[0]
        assert resolution.vote_id == vote.id
        text = shown(demo_app)
        assert "NOT CARRIED 8:1" in text
        assert "However, as a unanimous decision could not be reached" in text
        assert "— vote: not carried 8:1" in text


async def test_impossible_counts_are_refused_beside_the_counts(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("v")
        await type_text(pilot, "Budget")
        await pilot.press("enter", "7", "enter", "3")  # motion → for → against

        await pilot.pause()
        error = str(demo_app.screen.query_one("#vote-error", Static).render())
        assert error == "10 votes cast but only 9 members present (7 for, 3 against)."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, VoteDialog)  # still open, nothing stored
        await pilot.press("escape")
        assert demo_app.desk.decisions.item_minute(item).votes == ()


async def test_a_recorded_vote_shows_the_excluded_member_as_did_not_vote(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        desk = demo_app.desk
        item = set_room(desk, clock)
        require_recorded_vote(desk, "8")
        declare(desk, "8", "Abdul Khan", "disclosable-pecuniary", "spoke-and-voted")
        await open_harness(demo_app, pilot, item)
        await pilot.press("v")
        await type_text(pilot, "Budget 2022/23")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, VoteDialog)
        table = dialog.query_one(VoterTable)
        assert table.display  # the item requires a recorded vote: names, not counts
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        khan = names.index("Cllr Abdul Khan")
        assert str(table.get_row_at(khan)[2]) == "Did not vote"
        table.focus()
        # The names are called in order, Cllr Khan skipped: everyone for but Cllr Brown.
        for name in names:
            if name != "Cllr Abdul Khan":
                await pilot.press("g" if name == "Cllr Mick Brown" else "f")
        await pilot.pause()
        outcome = str(dialog.query_one("#vote-outcome", Static).render())
        assert "CARRIED" in outcome and "7:1" in outcome
        assert "8 of 13 voting members present" in str(dialog.query_one("#vote-room").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        vote = desk.decisions.item_minute(item).votes[0]
        assert (vote.method, vote.for_count, vote.against_count, vote.present) == (
            "recorded",
            7,
            1,
            8,
        )
        assert vote.names("did-not-vote") == ("Cllr Abdul Khan",)
        assert vote.names("against") == ("Cllr Mick Brown",)
        # Named as the minutes name them ("Cllr Khan"), as they will read.
        assert "Did not vote: Cllr Khan" in shown(demo_app)


async def test_an_inquorate_vote_asks_first_and_is_marked(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock, NINE[:4]) as (pilot, item, _):  # the quorum is 5
        await pilot.press("v")
        await type_text(pilot, "Adjourn")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert demo_app.desk.decisions.item_minute(item).votes == ()
        await pilot.press("v")
        await type_text(pilot, "Adjourn")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        votes = demo_app.desk.decisions.item_minute(item).votes
        assert len(votes) == 1 and votes[0].inquorate is True
        assert "INQUORATE when taken" in shown(demo_app)


async def test_a_member_asks_for_their_vote_to_be_recorded_after_a_show_of_hands(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("v")
        await type_text(pilot, "Precept")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "8")
        await pilot.press("tab")
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        demo_app.screen.query_one(ItemMinute).focus()
        await pilot.press("enter")  # the vote just recorded is highlighted
        await pilot.pause()
        table = demo_app.screen.query_one(VoterTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        await pilot.press(*["down"] * names.index("Cllr Mick Brown"), "g", "ctrl+s")
        await pilot.pause()
        vote = demo_app.desk.decisions.item_minute(item).votes[0]
        assert [(n.name, n.choice) for n in vote.named] == [("Cllr Mick Brown", "against")]
        assert "Against: Cllr Brown" in shown(demo_app)  # as the minutes name him
