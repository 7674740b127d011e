"""The motion dialog as the clerk sees it on the live screen, at a laptop's 80x24 and at 140x45:
the words typed, the mover found from part of a name (the match shown beside the field)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room, type_text
from tests.test_decisions import march_meeting


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
def test_motion_dialog(
    snap_compare: Any, demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        set_room(desk, clock)
        meeting = march_meeting(desk)
    finally:
        database.close()
    app = make_app(demo_path, clock=clock, start_meeting=meeting)

    async def typing(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.press("M")
        await type_text(pilot, "that the Panel support the plan for neighbourhood policing")
        await pilot.press("enter")
        await type_text(pilot, "br")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=typing)
