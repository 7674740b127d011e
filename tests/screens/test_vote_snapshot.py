"""The vote dialog mid-count, as an SVG snapshot at the house size: a recorded vote taken name
by name, one member kept out by a declaration, the outcome worked out so far."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from clerk_tui.cli import make_app
from screens.dialogs.vote import VoterTable
from tests.conftest import SIZE, FakeClock
from tests.screens.decision_harness import open_harness, set_room, type_text
from tests.test_decisions import declare, require_recorded_vote


def test_vote_dialog_mid_count(snap_compare: Any, demo_path: Path, clock: FakeClock) -> None:
    app = make_app(demo_path, clock=clock)
    item = set_room(app.desk, clock)
    require_recorded_vote(app.desk, "8")
    declare(app.desk, "8", "Abdul Khan", "disclosable-pecuniary", "spoke-and-voted")

    async def mid_count(pilot: Pilot[Any]) -> None:
        await open_harness(app, pilot, item)
        await pilot.press("v")
        await type_text(pilot, "That the Panel's budget for 2022/23 be approved")
        await pilot.pause()
        app.screen.query_one(VoterTable).focus()
        await pilot.press("f", "f", "g", "f", "b")  # five names called, three still to vote
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=mid_count)
