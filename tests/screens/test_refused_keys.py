"""Keys typed behind a refused key are set aside, never run as the screen's commands.

``v`` with nobody present is refused before its dialog opens; a fast typist has already typed
the motion. Routed on, "That the Panel..." would be the live screen's own keys (T opens the
tracker, a attendance, e end the meeting). They are dropped, and the refusal says how many."""

from __future__ import annotations

from pathlib import Path

from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.test_type_ahead import key_event, keys_of, post, settled
from tests.test_decisions import march_meeting, start


def _started_with_nobody_present(demo_path: Path, clock: FakeClock) -> int:
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        clock.set("13:30")
        start(desk, "1")
        return march_meeting(desk)
    finally:
        database.close()


async def test_a_motion_typed_behind_a_refused_vote_is_not_run_as_commands(
    demo_path: Path, clock: FakeClock
) -> None:
    meeting = _started_with_nobody_present(demo_path, clock)
    app = make_app(demo_path, clock=clock, start_meeting=meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        before = app.desk.chamber.live(meeting)
        post(app, key_event("v"), *keys_of("That the Panel agrees"))
        await settled(pilot)
        assert isinstance(app.screen, LiveScreen)  # no tracker (T), no attendance (a) opened
        after = app.desk.chamber.live(meeting)
        assert [line.item.state for line in after.lines] == [
            line.item.state for line in before.lines
        ]
        told = [n.message for n in app._notifications]
        assert any(
            "No voting members" in m and "the 21 keys typed after it not used" in m for m in told
        )


async def test_keys_behind_a_key_that_was_not_refused_still_go_on(
    demo_path: Path, clock: FakeClock
) -> None:
    """The quorum announced on a mark is news, not a refusal: the marks typed behind it land."""
    meeting = _started_with_nobody_present(demo_path, clock)
    app = make_app(demo_path, clock=clock, start_meeting=meeting)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post(app, key_event("a"), *[key_event("p") for _ in range(6)])
        await settled(pilot)
        marked = [a for a in app.desk.chamber.live(meeting).roster if a.status == "present"]
        assert len(marked) == 6
