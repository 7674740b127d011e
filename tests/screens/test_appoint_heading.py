"""The appointment dialogs are headed in English: "Appoint an officer or guest", "Appoint a
member" — at 80x24 as at 140x45."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from clerk_tui.app import ClerkApp
from screens.dialogs.appoint import AppointDialog
from screens.membership import MembershipScreen


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
@pytest.mark.parametrize(
    ("key", "heading"), [("o", "Appoint an officer or guest"), ("a", "Appoint a member")]
)
async def test_the_article_agrees_with_the_word(
    demo_app: ClerkApp, size: tuple[int, int], key: str, heading: str
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(demo_app.screen, MembershipScreen)
        await pilot.press(key)
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, AppointDialog)
        assert dialog.heading == heading
        shown = [str(s.render()) for s in dialog.query(Static) if heading in str(s.render())]
        assert shown, f"{heading!r} is not on the screen"
