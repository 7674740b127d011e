"""The tracker screen's export given a file it cannot write: one notification in words, the
screen goes on, nothing written (a name too long once ended the app with an OSError)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from clerk_tui.app import ClerkApp
from screens.dialogs.tracker_export import TrackerExportDialog
from screens.tracker import TrackerScreen
from tests.conftest import SIZE


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("a" * 300 + ".csv", "too long"),
        ("missing/tracker.csv", "does not exist"),
        ("newdir/", "does not exist"),  # a folder named with "/", never a file called newdir
    ],
    ids=["name-too-long", "missing-folder", "missing-folder-with-slash"],
)
async def test_an_unwritable_file_is_refused_in_words(
    demo_app: ClerkApp, tmp_path: Path, name: str, words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = demo_app.desk.agenda.find_body("Panel")
        assert panel is not None
        screen = TrackerScreen(panel.id)
        await demo_app.push_screen(screen)
        await pilot.pause()
        await pilot.press("x")
        dialog = demo_app.screen
        assert isinstance(dialog, TrackerExportDialog)
        dialog.query_one("#export-path", Input).value = f"{out}/{name}"  # as typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is screen
        said = [str(n.message) for n in demo_app._notifications]
        assert any(words in message for message in said), said
        assert list(out.iterdir()) == []


async def test_a_folder_typed_with_a_slash_gets_the_tracker_inside_it(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = demo_app.desk.agenda.find_body("Panel")
        assert panel is not None
        screen = TrackerScreen(panel.id)
        await demo_app.push_screen(screen)
        await pilot.pause()
        await pilot.press("x")
        dialog = demo_app.screen
        assert isinstance(dialog, TrackerExportDialog)
        dialog.query_one("#export-path", Input).value = f"{out}/"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is screen
        written = list(out.iterdir())
        assert len(written) == 1 and written[0].is_file()
