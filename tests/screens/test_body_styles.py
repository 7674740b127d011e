"""A body's own wording of the minutes' sentences, set once in its details (issue 13): e on
Home, ctrl+o, the vote sentence typed; an unknown placeholder refused in one line beside the
fields; the minutes of every meeting of the body then say it. At 80x24 and 140x45."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from screens.dialogs.body import BodyDialog
from screens.dialogs.styles import StylesDialog
from tests.screens.decision_harness import type_text

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((140, 45), id="140x45")]
HOUSE = "Following a vote of members present, it was:"
OLD = "A vote of Panel Members present resulted in an 8:1 majority"


def _error(app: ClerkApp) -> str:
    """The refusal, said under the field it refuses: the vote sentence's."""
    return str(app.screen.query_one("#style-error-vote", Static).render())


@pytest.mark.parametrize("size", SIZES)
async def test_the_vote_sentence_is_worded_once_for_the_body(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(demo_app.screen, BodyDialog)
        summary = str(demo_app.screen.query_one("#body-styles", Static).render())
        assert "the minutes' own wording" in summary
        await pilot.press("ctrl+o")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, StylesDialog)
        # Each sentence shows its default and the placeholders it may hold.
        notes = [str(n.render()) for n in dialog.query(".style-note").results(Static)]
        assert any("Default: Apologies for non-attendance" in n for n in notes)
        assert any("{names} those who sent apologies" in n for n in notes)
        assert dialog.focused is dialog.query_one("#style-vote", Input)

        await type_text(pilot, "Following a vote of {members} present, it was:")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, StylesDialog)
        assert "the vote sentence wording may hold {for} {against}" in _error(demo_app)
        assert "not {members}" in _error(demo_app)
        body = demo_app.desk.agenda.bodies()[0].id
        assert demo_app.desk.sentences.styles(body) == {}

        await pilot.press("ctrl+u")  # the field, from the cursor (at its end) back
        await type_text(pilot, HOUSE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, BodyDialog)
        summary = str(demo_app.screen.query_one("#body-styles", Static).render())
        assert "own wording: vote sentence" in summary
        assert demo_app.desk.sentences.styles(body) == {"vote": HOUSE}

        november = next(
            m.id for m in demo_app.desk.agenda.meetings() if m.date == date(2021, 11, 29)
        )
        minutes = demo_app.desk.papers.render_paper(november, "minutes", "txt").decode()
        assert HOUSE in minutes and OLD not in minutes

        # Opened again, the field holds the body's wording; blank goes back to the default.
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert demo_app.screen.query_one("#style-vote", Input).value == HOUSE
        await pilot.press("ctrl+u", "ctrl+s")
        await pilot.pause()
        assert demo_app.desk.sentences.styles(body) == {}
        minutes = demo_app.desk.papers.render_paper(november, "minutes", "txt").decode()
        assert OLD in minutes
