"""``k`` on the live screen, timed with the fake clock: the clock bar shows the running speaker
and the time left, then plainly "TIME UP" (in words and in the error colour) once over the
limit; each stop stores the time taken; undo puts the timer back; with nobody listed, ``k``
opens the list to add one."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import SpeakerFields
from db import open_database
from screens.dialogs.speakers import SpeakersDialog
from screens.live import LiveScreen
from screens.speaker_keys import EVERYONE_HEARD
from screens.widgets.clock_bar import fit_parts
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.test_decisions import march_meeting

SIZES = [(80, 24), (140, 45)]
OBJECTORS = (("Mr Xavier Hale", "public-objection"), ("Mrs Dora Quint", "public-objection"))


@asynccontextmanager
async def live(
    demo_path: Path,
    clock: FakeClock,
    size: tuple[int, int],
    speakers: tuple[tuple[str, str], ...] = OBJECTORS,
) -> AsyncIterator[tuple[ClerkApp, Pilot[None], LiveScreen]]:
    """The live screen with the room seated and item 8 running since 14:30, its speakers
    listed (through the Desk: the K dialog has tests of its own)."""
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        item = set_room(desk, clock)
        for name, capacity in speakers:
            desk.speakers.add_speaker(item, SpeakerFields(name, capacity))
        meeting = march_meeting(desk)
    finally:
        database.close()
    app = make_app(demo_path, clock=clock, start_meeting=meeting)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        yield app, pilot, screen  # type: ignore[misc]


def part(app: ClerkApp) -> Static:
    return app.screen.query_one("#bar-speaker", Static)


def words(app: ClerkApp) -> str:
    shown = part(app)
    return str(shown.content) if shown.display else ""


def tick(screen: LiveScreen, clock: FakeClock, seconds: int) -> None:
    """The clock moved on, as the screen's one-second interval sees it."""
    clock.current += timedelta(seconds=seconds)
    screen.tick()


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
async def test_k_times_a_speaker_and_the_bar_says_when_the_time_is_up(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    async with live(demo_path, clock, size) as (app, pilot, screen):
        assert not part(app).display  # nobody speaking: no part
        clock.set("14:40")
        await pilot.press("k")
        assert words(app) == "Mr Xavier Hale 3:00 left"
        assert part(app).has_class("-speaking") and not part(app).has_class("-overtime")
        tick(screen, clock, 78)
        await pilot.pause()
        assert words(app) == "Mr Xavier Hale 1:42 left"
        tick(screen, clock, 102)  # 3:00 spoken: not yet over
        await pilot.pause()
        assert words(app) == "Mr Xavier Hale 0:00 left"
        tick(screen, clock, 12)
        await pilot.pause()
        assert words(app) == "Mr Xavier Hale TIME UP +0:12"
        assert part(app).has_class("-overtime") and not part(app).has_class("-speaking")
        # The chair must see it: the clock and the quorum keep their places beside it.
        for kept in ("clock", "quorum"):
            assert app.screen.query_one(f"#bar-{kept}", Static).display
        await pilot.press("k")
        assert not part(app).display
        assert "Mr Xavier Hale spoke for 3:12" in [n.message for n in app._notifications]
        (hale, quint) = app.desk.speakers.speakers(screen.current_item_id or 0)
        assert hale.spoken(datetime.max) == 192 and quint.started_at is None
        await pilot.press("k")
        assert words(app) == "Mrs Dora Quint 3:00 left"


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
async def test_k_after_everyone_has_spoken_says_so(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    async with live(demo_path, clock, size, OBJECTORS[:1]) as (app, pilot, screen):
        await pilot.press("k")
        tick(screen, clock, 60)
        await pilot.press("k")
        app.clear_notifications()
        await pilot.press("k")
        assert [n.message for n in app._notifications] == [EVERYONE_HEARD]
        assert not part(app).display


async def test_undo_puts_the_timer_back(demo_path: Path, clock: FakeClock) -> None:
    async with live(demo_path, clock, (80, 24)) as (app, pilot, screen):
        await pilot.press("k")
        tick(screen, clock, 200)
        await pilot.press("k")
        assert not part(app).display
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert words(app) == "Mr Xavier Hale TIME UP +0:20"  # the stop taken back: runs on
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not part(app).display
        assert all(
            s.started_at is None for s in app.desk.speakers.speakers(screen.current_item_id or 0)
        )


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
async def test_k_with_nobody_listed_opens_the_list_on_a_new_name(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    async with live(demo_path, clock, size, ()) as (app, pilot, _):
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, SpeakersDialog)
        assert app.focused is not None and app.focused.id == "speaker-name"


@pytest.mark.parametrize(
    ("name", "limit", "shown"),
    [
        # Too long for 80 columns in full: the surname and the time, the quorum kept.
        ("Councillor Bartholomew Featherstonehaugh", 180, "Featherstonehaugh 1:42"),
        ("Head of Planning", 0, "Head of Planning 1:18 spoken"),  # no limit: time spoken
    ],
)
async def test_at_80_columns_a_long_name_shortens_and_no_limit_counts_up(
    demo_path: Path, clock: FakeClock, name: str, limit: int, shown: str
) -> None:
    async with live(demo_path, clock, (80, 24), ()) as (app, pilot, screen):
        item = screen.current_item_id or 0
        app.desk.speakers.add_speaker(item, SpeakerFields(name, "ward-member", limit))
        screen.refresh_live()
        await pilot.press("k")
        tick(screen, clock, 78)
        await pilot.pause()
        assert words(app) == shown
        for kept in ("clock", "quorum"):
            assert app.screen.query_one(f"#bar-{kept}", Static).display


async def test_the_end_of_the_item_stops_its_speaker_and_undo_puts_both_back(
    demo_path: Path, clock: FakeClock
) -> None:
    async with live(demo_path, clock, (140, 45)) as (app, pilot, screen):
        item = screen.current_item_id
        await pilot.press("k")
        tick(screen, clock, 30)
        await pilot.press("right_square_bracket")  # item 9 begins: Mr Hale's time ends with 8
        assert screen.current_item_id != item
        assert not part(app).display
        (hale, _) = app.desk.speakers.speakers(item or 0)
        assert hale.heard and hale.spoken(datetime.max) == 30
        await pilot.press("ctrl+z")  # the item and its speaker's end, taken back together
        assert screen.current_item_id == item
        assert words(app) == "Mr Xavier Hale 2:30 left"
        (hale, _) = app.desk.speakers.speakers(item or 0)
        assert hale.running


def test_the_speaker_part_gives_way_after_the_estimates_and_keeps_its_time() -> None:
    parts = {
        "bar-clock": ["14:40:00"],
        "bar-speaker": ["Mr Xavier Hale TIME UP +0:12", "Hale TIME UP +0:12", "TIME UP +0:12"],
        "bar-elapsed": ["started 13:31 · 1:09:00", "1:09:00"],
        "bar-lateness": ["3 min late"],
        "bar-close": ["close ~16:10 (planned 16:00)", "close ~16:10"],
        "bar-quorum": ["Quorate 5/5"],
    }
    roomy = fit_parts(parts, 140)
    assert roomy["bar-speaker"] == "Mr Xavier Hale TIME UP +0:12"
    assert roomy["bar-close"] == "close ~16:10 (planned 16:00)"
    at_80 = fit_parts(parts, 80)
    assert at_80["bar-close"] is None and at_80["bar-speaker"] == "Mr Xavier Hale TIME UP +0:12"
    narrow = fit_parts(parts, 62)
    assert narrow["bar-speaker"] == "Hale TIME UP +0:12" and narrow["bar-lateness"] == "3 min late"
    narrowest = fit_parts(parts, 40)
    assert narrowest["bar-lateness"] is None and narrowest["bar-speaker"] == "TIME UP +0:12"
    assert narrowest["bar-clock"] == "14:40:00" and narrowest["bar-quorum"] == "Quorate 5/5"
