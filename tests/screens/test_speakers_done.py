"""The speakers dialog (K) closed by enter on the empty name (issue 15, tryer's finding): one
enter too many after the last speaker used to go on to the capacity, so the next name typed
landed there and was refused. Now enter on an empty name is done listing (everything is
recorded already); escape still closes too. At 80x24 and 140x45."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from screens.dialogs.speakers import SpeakersDialog
from tests.conftest import FakeClock
from tests.screens.decision_harness import type_text
from tests.screens.test_speakers import live, stored

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]


@pytest.mark.parametrize("size", SIZES)
async def test_enter_on_the_empty_name_closes_the_list(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    async with live(demo_path, clock, size) as (app, pilot, screen):
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, SpeakersDialog)
        await type_text(pilot, "Mr Xavier Hale")
        await pilot.press("enter", "o", "enter")  # recorded; the form ready for the next
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SpeakersDialog)
        assert app.focused is dialog.query_one("#speaker-name", Input)
        await pilot.press("enter")  # no name: the listing is done
        await pilot.pause()
        assert app.screen is screen
        assert stored(app, screen) == [("Mr Xavier Hale", "public-objection", 180)]
        # Typed on, a name is not taken for the capacity of a dialog left open.
        await pilot.press("K")
        await pilot.pause()
        assert isinstance(app.screen, SpeakersDialog)
        await pilot.press("enter")  # nothing typed yet: closes as well
        await pilot.pause()
        assert app.screen is screen


@pytest.mark.parametrize("size", SIZES)
async def test_enter_on_an_emptied_name_while_editing_does_not_close(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """Editing a speaker, an emptied name is a mistake to be refused, not the end of the list."""
    async with live(demo_path, clock, size) as (app, pilot, screen):
        await pilot.press("K")
        await type_text(pilot, "Mr Xavier Hale")
        await pilot.press("enter", "o", "enter", "shift+tab", "enter")  # edit the one listed
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SpeakersDialog) and dialog.editing is not None
        dialog.query_one("#speaker-name", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause()
        assert stored(app, screen) == [("Mr Xavier Hale", "public-objection", 180)]
