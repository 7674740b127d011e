"""Issue 13's smaller points on the live screen, at 80x24 and 140x45: the tracker action from
a resolution with sub-points, the vote dialog's motion, the approval of previous minutes told."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import TextArea

from clerk_tui.app import ClerkApp
from screens.dialogs.action import ActionDialog
from screens.dialogs.vote import VoteDialog
from screens.dialogs.vote_parts import MotionInput
from screens.live import LiveScreen
from screens.widgets.item_minute import ItemMinute
from tests.conftest import FakeClock
from tests.screens.decision_harness import type_text
from tests.screens.test_live import (
    live_app,  # noqa: F401  (the fixture)
    march,  # noqa: F401  (the fixture)
    notifications,
    select_item,
    stored,
)

SIZES = pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])


@SIZES
async def test_an_action_from_a_resolution_with_sub_points_starts_from_all_of_it(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    size: tuple[int, int],
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "p", "p", "escape")
        clock.set("13:30")
        await pilot.press("s")
        for text in ("The Commissioner be asked to:", "report back in June", "write to the Home"):
            await pilot.press("r")
            await type_text(pilot, text)
            await pilot.press("ctrl+s")
        # The last sub-point is highlighted: the action starts from it and what it completes.
        await pilot.press("t")
        dialog = live_app.screen
        assert isinstance(dialog, ActionDialog)
        assert dialog.query_one("#action-text", TextArea).text == (
            "The Commissioner be asked to:\nb. write to the Home"
        )
        await pilot.press("escape")
        assert isinstance(live_app.screen, LiveScreen)
        # The resolution itself highlighted: the action starts from it with every sub-point.
        minute = live_app.screen.query_one(ItemMinute)
        minute.focus()
        await pilot.press("up", "up")
        assert minute.selected_resolution is not None
        assert minute.selected_resolution.text == "The Commissioner be asked to:"
        await pilot.press("t")
        assert live_app.screen.query_one("#action-text", TextArea).text == (
            "The Commissioner be asked to:\na. report back in June\nb. write to the Home"
        )


@SIZES
async def test_confirming_the_previous_minutes_says_they_are_approved(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    november = next(m for m in live_app.desk.agenda.meetings() if m.date == date(2021, 11, 29))
    assert november.minutes_status == "draft"
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        view = stored(live_app, march)
        minutes_item = next(line for line in view.lines if line.item.kind == "previous-minutes")
        await select_item(pilot, minutes_item.item.number)
        clock.set("13:40")
        await pilot.press("s", "r")
        await type_text(
            pilot, "That the minutes of the meeting held on 29 November 2021 be confirmed"
        )
        await type_text(pilot, " as a correct record")
        await pilot.press("ctrl+s")
        assert notifications(live_app)[-1] == (
            "Minutes of 29 Nov 2021 approved: Home now shows them as approved"
        )
        again = next(m for m in live_app.desk.agenda.meetings() if m.id == november.id)
        assert again.minutes_status == "approved"
        # A resolution that confirms nothing says nothing of the kind.
        live_app.clear_notifications()
        await pilot.press("r")
        await type_text(pilot, "That the action tracker be noted")
        await pilot.press("ctrl+s")
        assert not [m for m in notifications(live_app) if "approved" in m]


LONG_MOTION = (
    "That the Panel recommends to the Police and Crime Commissioner that the proposed precept "
    "of 15 pounds for a Band D property be approved for 2022/2023"
)


@SIZES
async def test_a_twelve_nil_one_vote_on_a_long_motion_in_seven_keys(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    """The vote dialog shows the motion's start, cut at a word; and the 12-0-1 vote is
    v 1 2 enter enter 1 enter from the live screen (the count the issue asks for)."""
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", *["p"] * 13, "escape")
        clock.set("13:30")
        await pilot.press("s", "r")
        await type_text(pilot, LONG_MOTION)
        await pilot.press("ctrl+s")  # the resolution stays highlighted
        keys = ["v", "1", "2", "enter", "enter", "1"]
        await pilot.press(*keys[:1])
        dialog = live_app.screen
        assert isinstance(dialog, VoteDialog)
        motion = dialog.query_one("#vote-motion", MotionInput)
        assert motion.value == LONG_MOTION
        shown = motion.render_line(0).text.rstrip()
        assert shown.startswith("That the Panel recommends to the Police and")
        assert shown.endswith("…") and LONG_MOTION.startswith(shown[:-1])
        assert LONG_MOTION[len(shown) - 1] == " "  # cut between words, not within one
        await pilot.press(*keys[1:], "enter")
        assert isinstance(live_app.screen, LiveScreen)
        (vote,) = stored(live_app, march).snapshot.votes
        assert (vote.for_count, vote.against_count, vote.abstentions) == (12, 0, 1)
        assert vote.motion == LONG_MOTION
        assert notifications(live_app)[-1] == "Vote recorded: carried 12:0 (1 abstaining)"
