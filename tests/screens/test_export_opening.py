"""The export screen opens at once, saying its preview is being built, and builds it after
its first frame; keys pressed while it opens are kept, in order."""

from __future__ import annotations

from datetime import date

import pytest
from textual import events
from textual.widgets import Static

from clerk_tui.app import ClerkApp
from screens.export import BUILDING, ExportScreen

NOVEMBER = date(2021, 11, 29)


def november_id(app: ClerkApp) -> int:
    return next(m.id for m in app.desk.agenda.meetings() if m.date == NOVEMBER)


def preview_shown(screen: ExportScreen) -> str:
    return str(screen.query_one("#export-markdown", Static).content)


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
async def test_the_screen_is_up_before_its_preview(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = ExportScreen(november_id(demo_app))
        await demo_app.push_screen(screen)
        # Mounted, and not yet refreshed: the preview is not built in the way of the first frame.
        assert preview_shown(screen) == BUILDING
        assert not screen.preview_ready
        await pilot.pause()
        assert screen.preview_ready
        assert screen.preview_text.startswith("**DRAFT**")
        assert preview_shown(screen) != BUILDING


async def test_keys_typed_while_the_preview_is_built_are_kept_in_order(
    demo_app: ClerkApp,
) -> None:
    """w, x posted as one burst once the screen is up and before its preview is built: the
    agenda, exempt items included, is what the screen ends on, its preview built for that."""
    async with demo_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = ExportScreen(november_id(demo_app))  # closed: the minutes are offered first
        await demo_app.push_screen(screen)
        assert not screen.preview_ready
        for key in "wx":
            demo_app.post_message(events.Key(key, key))
        await pilot.pause()
        await pilot.pause()
        assert (screen.what, screen.include_exempt) == ("agenda", True)
        assert "## Agenda" in screen.preview_text
        assert preview_shown(screen) != BUILDING
