"""The body-wording dialog's refusal is seen (issue 13, tryer F9): a wording with an unknown
placeholder is refused in one line beside its own field, which takes the focus, both on screen
together — for the first field and for the last, far below the fold — at 80x24 and 140x45."""

from __future__ import annotations

import re

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from clerk_tui.app import ClerkApp
from screens.dialogs.styles import StylesDialog
from tests.screens.decision_harness import type_text
from tests.screens.test_markup_text import on_screen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]


def _dialog_words(app: ClerkApp) -> str:
    """The words inside the dialog's frame as the clerk reads them, its wrapped lines joined."""
    lines = on_screen(app).splitlines()
    inside = [line[line.index("█") + 1 : line.rindex("█")] for line in lines if line.count("█") > 1]
    # Without the scroll bar's glyphs, which share the lines at their right-hand end.
    return " ".join(re.sub("[\u2580-\u259f]", " ", " ".join(inside)).split())


async def _open(pilot: Pilot[int]) -> StylesDialog:
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("ctrl+o")
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, StylesDialog)
    return dialog


@pytest.mark.parametrize("size", SIZES)
async def test_an_unknown_placeholder_is_refused_where_the_clerk_looks(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        dialog = await _open(pilot)
        await type_text(pilot, "it was: {foo}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is dialog
        screen = _dialog_words(demo_app)
        assert "not {foo}" in screen
        assert "it was: {foo}" in screen  # the field refused, beside it
        assert dialog.focused is dialog.query_one("#style-vote", Input)
        assert screen.count("not {foo}") == 1  # said once

        # The last field, far below the fold: its refusal and its words shown together.
        await pilot.press("ctrl+u")
        for _ in range(len(dialog.query(Input)) - 1):
            await pilot.press("tab")
        last = dialog.query(Input).last()
        assert dialog.focused is last
        await type_text(pilot, "under {ground}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = _dialog_words(demo_app)
        assert "not {ground}" in screen and "under {ground}" in screen
        assert "not {foo}" not in screen  # the first refusal is gone with its words
        assert dialog.focused is last
        body = demo_app.desk.agenda.bodies()[0].id
        assert demo_app.desk.sentences.styles(body) == {}

        # From the vote field again, the refusal follows the field refused.
        await pilot.press("ctrl+u")
        dialog.query_one("#style-vote", Input).focus()
        await pilot.pause()
        await type_text(pilot, "{bar}")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = _dialog_words(demo_app)
        assert "not {bar}" in screen and "not {ground}" not in screen
