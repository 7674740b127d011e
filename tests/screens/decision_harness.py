"""The harness that stands in for the live screen in the decision keys' tests (a DecisionKeys
screen with a fixed current item), the room those tests sit in, and the keys they type."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer

from clerk_tui.app import ClerkApp
from clerk_tui.desk import Desk
from clerk_tui.desk.live_view import LiveView
from screens.base import desk_of
from screens.decision_keys import MOTION_BINDING, DecisionKeys
from screens.widgets.item_minute import ItemMinute, plain_text
from tests.conftest import SIZE, FakeClock
from tests.test_decisions import NINE, march_meeting, seat, start


class Harness(DecisionKeys):
    """The live screen's contract, and nothing else: a fixed current item and its minute."""

    BINDINGS = [MOTION_BINDING]  # the live screen places M among its own keys

    def __init__(self, meeting_id: int, item: int | None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.item = item
        self.refreshed = 0

    @property
    def current_item_id(self) -> int | None:
        return self.item

    def compose(self) -> ComposeResult:
        yield ItemMinute(id="item-minute")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_live()

    def refresh_live(self, *, view: LiveView | None = None) -> None:
        self.refreshed += 1
        self.view = view or desk_of(self).chamber.live(self.meeting_id)
        self.show_minute(self.current_item_id)


def set_room(desk: Desk, clock: FakeClock, names: Iterable[str] = NINE) -> int:
    """Members present, the meeting started at 13:30, item 8 running since 14:30."""
    clock.set("13:25")
    seat(desk, tuple(names))
    clock.set("13:30")
    start(desk, "1")
    clock.set("14:30")
    return start(desk, "8")


async def open_harness(app: ClerkApp, pilot: Pilot[Any], item: int | None) -> Harness:
    await pilot.pause()
    harness = Harness(march_meeting(app.desk), item)
    await app.push_screen(harness)
    await pilot.pause()
    return harness


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*[{" ": "space", "\n": "enter"}.get(c, c) for c in text])


def shown(app: ClerkApp) -> str:
    """The item minute's lines as the clerk sees them."""
    minute = app.screen.query_one(ItemMinute)
    return "\n".join(plain_text(option.prompt) for option in minute.options)


@asynccontextmanager
async def seated(
    app: ClerkApp, clock: FakeClock, names: Iterable[str] = NINE
) -> AsyncIterator[tuple[Pilot[Any], int, Harness]]:
    """The app running at the tests' size, the room set (set_room) and the harness open on
    item 8: the pilot, the item's id and the harness."""
    async with app.run_test(size=SIZE) as pilot:
        item = set_room(app.desk, clock, names)
        yield pilot, item, await open_harness(app, pilot, item)


def top_screen(app: ClerkApp) -> object:
    """The screen on top, as a plain object: ``top_screen(app) is dialog`` asserts what
    ``app.screen is dialog`` does, without mypy narrowing ``dialog`` to the App's Screen type
    (or ``app.screen`` to an earlier isinstance) for the rest of the test."""
    return app.screen
