"""The export screen's file, typed after ``o``, ending in "/": a folder. One that is there gets
the paper inside it (asked "Replace ...?" only about a file of that name in it); a missing
folder or a file is refused in words before anything is asked, and no file is written under
the folder's name nor over the file (``keep.md/`` replaced keep.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.app import ClerkApp
from screens.dialogs.confirm import ConfirmDialog
from tests.bad_inputs.corpus import fingerprint
from tests.conftest import SIZE
from tests.screens.test_export_screen import november_id, open_export, status_of
from tests.screens.test_export_screen_guard import notices, type_path

MINUTES = "Panel-2021-11-29-minutes.docx"


def _keep(folder: Path) -> str:
    (folder / "keep.md").write_text("the clerk's own notes\n")
    return f"{folder / 'keep.md'}/"


REFUSED = {
    "a missing folder/": (lambda f: f"{f / 'newdir'}/", "the folder"),
    "a missing folder/.": (lambda f: f"{f / 'newdir'}/.", "does not exist"),
    "a file/": (_keep, "keep.md is a file, not a folder"),
    "a folder under a file/": (lambda f: _keep(f) + "sub/", "part of it is a file"),
}


@pytest.mark.parametrize("case", REFUSED)
async def test_a_slashed_name_that_is_no_folder_is_refused(
    demo_app: ClerkApp, tmp_path: Path, case: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    make, words = REFUSED[case]
    typed = make(folder)
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        before = fingerprint(tmp_path)
        await type_path(pilot, typed)
        assert not isinstance(pilot.app.screen, ConfirmDialog)
        assert pilot.app.screen is screen
        assert status_of(screen).startswith("Not written: ")
        assert words in status_of(screen) and words in notices(demo_app)[-1]
        assert fingerprint(tmp_path) == before
        assert {p.name for p in folder.iterdir()} <= {"keep.md"}  # no "newdir" file


async def test_a_slashed_folder_that_is_there_gets_the_paper_inside(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await type_path(pilot, f"{folder}/")
        assert not isinstance(pilot.app.screen, ConfirmDialog)
        assert status_of(screen) == f"Written: {folder / MINUTES}"
        assert (folder / MINUTES).read_bytes()[:2] == b"PK"
        # Again: now a file of that name is in it, and that is what the clerk is asked about.
        await type_path(pilot, f"{folder}/")
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert [p.name for p in folder.iterdir()] == [MINUTES]
