"""SVG snapshots of the live screen while a speaker is heard: the clock bar's speaker part
beside the clock, with the time left, and once over the limit "TIME UP" in the error colour,
at the smallest terminal and a large one. Regenerate with ``pytest --snapshot-update`` after a
deliberate change of look."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import SpeakerFields
from db import open_database
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.test_decisions import march_meeting


@pytest.mark.parametrize("spoken", [78, 192], ids=["1m42-left", "time-up"])
@pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])
def test_live_screen_with_a_speaker_against_the_clock(
    snap_compare, demo_path: Path, clock: FakeClock, size: tuple[int, int], spoken: int
) -> None:
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        item = set_room(desk, clock)
        for name in ("Mr Xavier Hale", "Mrs Dora Quint"):
            desk.speakers.add_speaker(item, SpeakerFields(name, "public-objection"))
        meeting = march_meeting(desk)
    finally:
        database.close()
    app = make_app(demo_path, clock=clock, start_meeting=meeting)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        clock.set("14:40")
        await pilot.press("k")
        clock.current += timedelta(seconds=spoken)
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        screen.tick()
        app.clear_notifications()  # toasts come and go; the snapshot is of the screen itself
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
