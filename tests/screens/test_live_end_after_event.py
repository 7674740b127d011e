"""e on a meeting minuted after the event asks the time it ended (prefilled, as s and ] are)
instead of stopping it by today's clock; escape leaves it open. At 80x24 and 140x45."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from clerk_tui.app import ClerkApp
from screens.dialogs.start import StartTimeDialog
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.test_after_the_event import TODAY, type_time
from tests.screens.test_live import (  # noqa: F401  (march, live_app: the fixtures)
    at,
    live_app,
    march,
    notifications,
    stored,
)


@pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])
async def test_ending_a_meeting_minuted_after_the_event_asks_when_it_ended(
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
        await type_time(pilot, "14:00")
        await pilot.press("right_square_bracket")
        await type_time(pilot, "14:05")
        await pilot.press("e")
        dialog = live_app.screen
        assert isinstance(dialog, StartTimeDialog)
        assert dialog.heading == "The meeting ended at"
        assert dialog.query_one("#start-time", Input).value == "14:05"  # item 2's plan passed
        await pilot.press("escape")
        assert isinstance(live_app.screen, LiveScreen)
        assert stored(live_app, march).meeting.status != "closed"

        await pilot.press("e")
        await type_time(pilot, "15:10")
        assert isinstance(live_app.screen, LiveScreen)
        view = stored(live_app, march)
        assert view.meeting.status == "closed"
        assert view.meeting.actual_end == at("15:10")
        assert view.lines[1].item.actual_end == at("15:10")  # the running item ends with it
        assert any(
            m.startswith("Meeting closed: 2 minute(s) numbered") for m in notifications(live_app)
        )
