"""The 14 March 2022 demo meeting minuted after the event on 1 December 2026, ended by `e`, at
80x24 and 140x45 (tryer's F11): `e` says, as the live `e` does, how many items were never taken;
the closed meeting's bar says what it was, its end against the planned close, and no "22 min
late" measured from its last item."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from screens.dialogs.start import StartTimeDialog
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.test_after_the_event import SIZES, TODAY, type_time
from tests.screens.test_live import at, bar, live_app, march, stored  # noqa: F401  (fixtures)


@pytest.mark.parametrize("size", SIZES)
async def test_e_after_the_event_warns_of_items_not_taken_and_the_bar_says_what_it_was(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    clock.current = TODAY
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "a")
        await pilot.pause()
        await type_time(pilot, "13:34")
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await type_time(pilot, "13:40")
        pending = sum(1 for line in stored(live_app, march).lines if line.item.state == "pending")
        assert pending > 0
        await pilot.press("e")
        await pilot.pause()
        dialog = live_app.screen
        assert isinstance(dialog, StartTimeDialog)
        warning = dialog.query_one("#start-warning", Static)
        assert str(warning.content) == f"{pending} item(s) not taken will get no minute number."
        assert warning.size.height == 1
        assert dialog.query_one("#start-time", Input).has_focus  # the time is still typed at once
        await type_time(pilot, "14:52")
        assert isinstance(live_app.screen, LiveScreen)
        view = stored(live_app, march)
        assert view.closed and view.meeting.actual_end == at("14:52")
        # Item 2 ended 13:40, ~22 min after its plan: no "22 min late" for the meeting, which
        # ended 68 min before its planned close of 16:00.
        assert bar(live_app, "lateness") == "ended 68 min before plan"
        assert live_app.screen.query_one("#bar-lateness", Static).has_class("-early")
