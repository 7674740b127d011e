"""S's refusals, in the dialog at a laptop's 80x24 and at 140x45: each one short line that says
what the shift would do (tryer's F10: "shift by: shifting +10h00 takes meeting off the
meeting's day ..." ran over two lines), and nothing moves."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from clerk_tui.app import ClerkApp
from screens.dialogs.shift import ShiftDialog
from tests.conftest import FakeClock
from tests.screens.test_after_the_event import SIZES, TODAY
from tests.screens.test_live import live_app, march, stored  # noqa: F401  (the fixtures)

REFUSALS = [
    ("+17h", "Not recorded: +17h00 would end the meeting at 00:35 the next day"),
    ("-8h", "Not recorded: -8h00 would start the meeting at 23:33 the day before"),
    ("+1h\t08:00", "Not recorded: give one: how far to shift, or the time it started"),
    ("\t07:33", "Not recorded: that moves nothing: the meeting started at 07:33"),
    ("+", "shift by: give a length after the sign, e.g. +5h43"),
]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("typed", "words"), REFUSALS)
async def test_a_refused_shift_says_so_in_one_line(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
    typed: str,
    words: str,
) -> None:
    clock.current = TODAY.replace(hour=7, minute=33)
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "n")  # by the clock: 07:33 on the meeting's day
        await pilot.pause()
        clock.advance(2)
        await pilot.press("e", "y")  # ended at 07:35
        await pilot.pause()
        before = stored(live_app, march)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(live_app.screen, ShiftDialog)
        await pilot.press(*["tab" if key == "\t" else key for key in typed], "ctrl+s")
        await pilot.pause()
        assert isinstance(live_app.screen, ShiftDialog)
        error = live_app.screen.query_one("#form-error", Static)
        assert str(error.content) == words
        assert error.size.height == 1, (error.size, words)
        assert stored(live_app, march).meeting == before.meeting
