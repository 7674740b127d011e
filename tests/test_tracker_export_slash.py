"""The tracker's export target, as the desk reads a typed path: a name ending in "/" is a folder
(the tracker file goes inside one that is there; a missing one or a file is refused in words
and nothing is written), a folder named without one is refused as before (the tracker's file
is a file), and the target is checked before anything is rendered."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.errors import ClerkError
from tests.bad_inputs.corpus import fingerprint


def _body(desk: Desk) -> int:
    return desk.agenda.bodies()[0].id


def test_a_slashed_folder_that_is_there_gets_the_tracker_inside(
    demo_desk: Desk, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = demo_desk.tracker.tracker_export_target(_body(demo_desk), "csv", f"{out}/")
    assert target.path.parent == out and not target.replaces
    assert target.path.name == demo_desk.tracker.tracker_export_path(_body(demo_desk), "csv").name
    written = demo_desk.tracker.export_tracker(_body(demo_desk), "csv", f"{out}/")
    assert written == target.path and written.read_text(encoding="utf-8").strip()
    assert demo_desk.tracker.tracker_export_target(_body(demo_desk), "csv", f"{out}/").replaces


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("newdir/", "the folder"),
        ("newdir/.", "does not exist"),
        ("keep.md/", "keep.md is a file, not a folder"),
        ("keep.md/sub/", "part of it is a file"),
        ("out", "it is a folder"),
        ("", "the file name is empty"),
    ],
)
def test_refused_in_words_and_nothing_written(
    demo_desk: Desk, tmp_path: Path, typed: str, words: str
) -> None:
    (tmp_path / "keep.md").write_text("the clerk's own notes\n")
    (tmp_path / "out").mkdir()
    given = f"{tmp_path}/{typed}" if typed else ""
    before = fingerprint(tmp_path)
    names = {p.name for p in tmp_path.iterdir()}
    for attempt in (demo_desk.tracker.tracker_export_target, demo_desk.tracker.export_tracker):
        with pytest.raises(ClerkError, match=words):
            attempt(_body(demo_desk), "md", given)
    assert fingerprint(tmp_path) == before
    assert {p.name for p in tmp_path.iterdir()} == names
