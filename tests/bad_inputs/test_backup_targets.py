"""Where ``clerk-tui backup PATH`` must not write: the database, its companions, another
database, a device, a pipe, a dangling or looping link, a name too long, a folder it cannot
write. One line, exit 2, every file as it was (and a device still a device)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

# Each returns (the PATH to give, words the line must hold, run without root's override).
Case = tuple[Path, str, bool]


def dev_null(db: Path, folder: Path) -> Case:
    return Path("/dev/null"), "not an ordinary file", False


def a_link_to_dev_null(db: Path, folder: Path) -> Case:
    (folder / "out.db").symlink_to("/dev/null")
    return folder / "out.db", "not an ordinary file", False


def a_pipe(db: Path, folder: Path) -> Case:
    os.mkfifo(folder / "out.db")
    return folder / "out.db", "not an ordinary file", False


def the_database(db: Path, folder: Path) -> Case:
    return db, "the database in use", False


def a_hard_link_to_it(db: Path, folder: Path) -> Case:
    os.link(db, folder / "same.db")
    return folder / "same.db", "the database in use", False


def a_link_to_it(db: Path, folder: Path) -> Case:
    (folder / "link.db").symlink_to(db)
    return folder / "link.db", "the database in use", False


def its_wal(db: Path, folder: Path) -> Case:
    return db.with_name(db.name + "-wal"), "-wal file", False


def its_lock(db: Path, folder: Path) -> Case:
    return db.with_name(db.name + ".lock"), ".lock file", False


def an_earlier_backup(db: Path, folder: Path) -> Case:
    result = run_clerk("--db", str(db), "backup", str(folder / "monday.db"))
    assert result.returncode == 0, result.stderr
    return folder / "monday.db", "it is a database", False


def a_dangling_link(db: Path, folder: Path) -> Case:
    (folder / "out.db").symlink_to(folder / "nowhere" / "x.db")
    return folder / "out.db", "which does not exist", False


def a_loop(db: Path, folder: Path) -> Case:
    (folder / "p.db").symlink_to(folder / "q.db")
    (folder / "q.db").symlink_to(folder / "p.db")
    return folder / "p.db", "loop", False


def a_long_name(db: Path, folder: Path) -> Case:
    return folder / ("c" * 256 + ".db"), "too long", False


def through_a_file(db: Path, folder: Path) -> Case:
    (folder / "notes.txt").write_text("a file\n")
    return folder / "notes.txt" / "out.db", "not a folder", False


def a_folder_without_permission(db: Path, folder: Path) -> Case:
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return locked / "out.db", "not writable", True


CASES: dict[str, Callable[[Path, Path], Case]] = {
    "/dev/null": dev_null,
    "a link to /dev/null": a_link_to_dev_null,
    "a pipe": a_pipe,
    "the database itself": the_database,
    "a hard link to the database": a_hard_link_to_it,
    "a link to the database": a_link_to_it,
    "the database's -wal": its_wal,
    "the database's lock file": its_lock,
    "an earlier backup": an_earlier_backup,
    "a dangling link": a_dangling_link,
    "a loop of links": a_loop,
    "a name over 255 bytes": a_long_name,
    "a path through a file": through_a_file,
    "a folder without write permission": a_folder_without_permission,
}


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "target"
    target.mkdir()
    yield target
    for entry in target.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            entry.chmod(0o700)


@pytest.mark.parametrize("case", CASES)
def test_backup_refuses(case: str, demo_path: Path, folder: Path, tmp_path: Path) -> None:
    path, words, unprivileged = CASES[case](demo_path, folder)
    before = fingerprint(tmp_path)
    result = run_clerk("--db", str(demo_path), "backup", str(path), unprivileged=unprivileged)
    assert_refused(result, words)
    assert fingerprint(tmp_path) == before
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not [p for p in tmp_path.rglob("*.tmp")]
