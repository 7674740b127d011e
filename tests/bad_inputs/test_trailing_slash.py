"""A name ending in "/" names a folder — for ``export ... -o`` and ``backup PATH``. Path() drops
the "/", and a file was then written where a folder was meant (a new file called ``newdir``),
or over a file (``-o keep.md/`` replaced keep.md). A folder that is there gets the file inside
it; one that is not, or a file, a device or a loop in its place, is refused in one line, exit 2,
with every file as it was and nothing written under the folder's name. ``backup FOLDER`` twice
within one second gets ``-2`` (it was refused as "a database — choose another file name")."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db.backup import backup_name
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

COMMANDS: dict[str, tuple[str, ...]] = {
    "export agenda": ("export", "agenda", "2021-11-29"),
    "export minutes --format docx": ("export", "minutes", "2021-11-29", "--format", "docx"),
    "export attendance": ("export", "attendance", "2021-11-29"),
    "export actions --format csv": ("export", "actions", "--format", "csv"),
    "export actions": ("export", "actions"),
    "backup": ("backup",),
}


def _file(folder: Path, name: str) -> str:
    (folder / name).write_text("the clerk's own notes\n")
    return f"{folder / name}/"


def _loop(folder: Path) -> str:
    (folder / "round").symlink_to(folder / "round")
    return f"{folder / 'round'}/"


def _dangling(folder: Path) -> str:
    (folder / "gone").symlink_to(folder / "nowhere")
    return f"{folder / 'gone'}/"


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe")
    return f"{folder / 'pipe'}/"


# (what is typed, made in the test's folder; words the one line must hold)
SLASHED: dict[str, tuple[Callable[[Path], str], str]] = {
    "a missing folder/": (lambda f: f"{f / 'newdir'}/", "the folder"),
    "a missing folder two deep/": (lambda f: f"{f / 'new' / 'newer'}/", "does not exist"),
    "a missing folder/.": (lambda f: f"{f / 'newdir'}/.", "does not exist"),
    "a missing folder//": (lambda f: f"{f / 'newdir'}//", "does not exist"),
    "a file/ (keep.md/)": (lambda f: _file(f, "keep.md"), "keep.md is a file, not a folder"),
    "a file/ named like a database": (lambda f: _file(f, "notes.db"), "is a file, not a folder"),
    "a file/ without an ending": (lambda f: _file(f, "notes"), "is a file, not a folder"),
    "a folder under a file/": (
        lambda f: _file(f, "keep.md")[:-1] + "/sub/",
        "part of it is a file, not a folder",
    ),
    "a loop of links/": (_loop, "go round in a loop"),
    "a dangling link/": (_dangling, "does not exist"),
    "a FIFO/": (_fifo, "is not a folder"),
    "/dev/null/": (lambda f: "/dev/null/", "is not a folder"),
    "a folder name over 255 bytes/": (lambda f: f"{f / ('d' * 256)}/", "too long"),
}


@pytest.fixture
def data(tmp_path: Path, demo_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_path, folder / "clerk.db")
    return folder


@pytest.mark.parametrize("case", SLASHED)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_slashed_name_that_is_no_folder_is_refused(data: Path, command: str, case: str) -> None:
    make, words = SLASHED[case]
    typed = make(data)
    before = fingerprint(data)
    kinds = {p.name: os.lstat(p).st_mode for p in data.iterdir()}
    args = COMMANDS[command]
    where = [typed] if command == "backup" else ["-o", typed]
    result = run_clerk("--db", str(data / "clerk.db"), *args, *where)
    assert_refused(result, words)
    assert fingerprint(data) == before
    # Nothing new, and nothing changed kind (a link still a link, a pipe still a pipe).
    assert {p.name: os.lstat(p).st_mode for p in data.iterdir()} == kinds
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_slashed_folder_that_is_there_gets_the_file_inside(data: Path, command: str) -> None:
    out = data / "out"
    out.mkdir()
    args = COMMANDS[command]
    where = [f"{out}/"] if command == "backup" else ["-o", f"{out}/"]
    result = run_clerk("--db", str(data / "clerk.db"), *args, *where)
    if command == "export actions":  # a folder has no format to tell
        assert_refused(result, "give --format")
        assert list(out.iterdir()) == []
        return
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == out and written.is_file()
    assert [p.name for p in out.iterdir()] == [written.name]


def test_the_issue_as_reported_relative_names(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """-o keep.md/ overwrote keep.md; -o newdir2/ --format csv wrote a file called newdir2."""
    monkeypatch.chdir(data)
    (data / "keep.md").write_text("keep me\n")
    before = fingerprint(data)
    result = run_clerk("--db", "clerk.db", "export", "agenda", "2", "-o", "keep.md/")
    assert_refused(result, "keep.md is a file, not a folder")
    result = run_clerk("--db", "clerk.db", "export", "actions", "-o", "newdir2/", "--format", "csv")
    assert_refused(result, "the folder newdir2 does not exist")
    result = run_clerk("--db", "clerk.db", "backup", "newdir3/")
    assert_refused(result, "the folder newdir3 does not exist")
    assert fingerprint(data) == before
    assert not (data / "newdir2").exists() and not (data / "newdir3").exists()


def test_a_second_backup_into_a_folder_within_the_second_gets_a_number(data: Path) -> None:
    """The dated names of this second and the next few are taken already: the backup gets
    -2, and what was there stays as it was."""
    folder = data / "bf"
    folder.mkdir()
    db = data / "clerk.db"
    now = datetime.now().replace(microsecond=0)
    for second in range(-1, 30):
        shutil.copyfile(db, folder / backup_name(db, now + timedelta(seconds=second)))
    before = fingerprint(folder)
    for typed in (str(folder), f"{folder}/"):
        result = run_clerk("--db", str(db), "backup", typed)
        assert result.returncode == 0, result.stderr
        written = Path(result.stdout.strip())
        assert written.parent == folder
        assert written.name.endswith(("-2.db", "-3.db")), written.name
    assert {k: v for k, v in fingerprint(folder).items() if k in before} == before
    assert len(list(folder.iterdir())) == len(before) + 2
