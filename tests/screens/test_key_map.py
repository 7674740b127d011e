"""The key map (f1 / ?) and the command palette (ctrl+p): both say what each key does, in the
words of its binding's tooltip, the screen's own keys before the ones every screen has."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.help import HelpScreen
from screens.live import LiveScreen
from tests.conftest import FakeClock

SIZES = [(80, 24), (140, 45)]
# What every screen has, in this order, after the screen's own keys.
APP_WIDE = ["tab", "shift+tab", "ctrl+c", "ctrl+q", "f1 / ?", "ctrl+p"]


@pytest.fixture
def live_app(demo_path: Path, clock: FakeClock) -> ClerkApp:
    database = open_database(demo_path)
    try:
        march = next(m.id for m in Desk(database).agenda.meetings() if m.date == date(2022, 3, 14))
    finally:
        database.close()
    return make_app(demo_path, clock=clock, start_meeting=march)


def binding(screen: type, binding_id: str) -> Binding:
    return next(b for b in screen.BINDINGS if isinstance(b, Binding) and b.id == binding_id)


def own_bindings(screen: type) -> list[Binding]:
    """The screen class's shown-or-described bindings, in Textual's merge order (bases first)."""
    found: list[Binding] = []
    for cls in reversed(screen.__mro__):
        if cls.__module__.startswith("screens."):
            found += [b for b in vars(cls).get("BINDINGS", []) if isinstance(b, Binding)]
    return [b for b in found if b.description]


@pytest.mark.parametrize("size", SIZES)
async def test_the_palette_says_what_a_key_does(live_app: ClerkApp, size: tuple[int, int]) -> None:
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(live_app.screen, CommandPalette)
        live_app.screen.query_one(Input).value = "Defer"
        await live_app.workers.wait_for_complete()
        await pilot.pause()
        prompts = [option.prompt.plain for option in live_app.screen.query_one(CommandList).options]
        defer = binding(LiveScreen, "defer")
        assert f"Defer\nx — {defer.tooltip}" in prompts
        assert not [p for p in prompts if "key:" in p]


async def test_the_palette_shows_a_bracket_key_as_typed(live_app: ClerkApp) -> None:
    """The palette reads its text as markup: "[" (previous item) must not vanish."""
    async with live_app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        live_app.screen.query_one(Input).value = "Prev"
        await live_app.workers.wait_for_complete()
        await pilot.pause()
        prompts = [o.prompt.plain for o in live_app.screen.query_one(CommandList).options]
        previous = binding(LiveScreen, "previous-item")
        assert f"Prev\n[ — {previous.tooltip}" in prompts


@pytest.mark.parametrize("size", SIZES)
async def test_the_key_map_lists_the_screens_own_keys_first_with_their_tooltips(
    live_app: ClerkApp, size: tuple[int, int]
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_screen = live_app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = [row[0] for row in help_screen.rows]
        assert keys[-len(APP_WIDE) :] == APP_WIDE
        own = [b for b in own_bindings(LiveScreen) if b.key not in ("up", "down")]
        own_rows = help_screen.rows[: len(own)]
        assert [name for _, name, _ in own_rows] == [b.description for b in own]
        assert [does for _, _, does in own_rows] == [b.tooltip for b in own]
        quit_row = next(row for row in help_screen.rows if row[0] == "ctrl+q")
        assert quit_row[2] == "Quit: everything is already stored"
        title = help_screen.query_one(".dialog-title", Static)
        assert str(title.render()) == "Keys — Live meeting"


@pytest.mark.parametrize("size", SIZES)
async def test_the_key_map_fits_the_terminal(live_app: ClerkApp, size: tuple[int, int]) -> None:
    """No sideways scrolling: the long tooltips wrap in their column; the hint stays in view."""
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        table = live_app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        hint = live_app.screen.query_one(".hint", Static)
        box = live_app.screen.query_one("#help-box")
        assert hint.region.bottom <= box.content_region.bottom
        assert hint.region.height == 1


async def test_the_key_map_of_the_agenda_is_titled_in_words(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("g", "question_mark")
        await pilot.pause()
        assert isinstance(demo_app.screen, HelpScreen)
        assert demo_app.screen.screen_title == "Agenda"
        assert demo_app.screen.rows[0][:2] == ("a", "Add")
