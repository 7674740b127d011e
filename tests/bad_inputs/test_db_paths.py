"""Odd ``--db`` paths, whichever command meets them (the app, check, backup, export): one line,
exit 2, never a hang or a traceback, and the data folder exactly as it was. A ``-wal`` found
without its database is refused in words and kept (opening would discard it)."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

# (the path to give, words the line must hold, run without root's override of file modes)
Case = tuple[Path, str, bool]


def long_name(folder: Path, demo: Path) -> Case:
    return folder / ("a" * 300 + ".db"), "too long", False


def long_folder_name(folder: Path, demo: Path) -> Case:
    return folder / ("f" * 256) / "clerk.db", "too long", False


def link_loop(folder: Path, demo: Path) -> Case:
    (folder / "a.db").symlink_to(folder / "b.db")
    (folder / "b.db").symlink_to(folder / "a.db")
    return folder / "a.db", "loop", False


def loop_on_the_way(folder: Path, demo: Path) -> Case:
    (folder / "here").symlink_to(folder / "there")
    (folder / "there").symlink_to(folder / "here")
    return folder / "here" / "clerk.db", "loop", False


def dangling_link(folder: Path, demo: Path) -> Case:
    (folder / "clerk.db").symlink_to(folder / "moved-away.db")
    return folder / "clerk.db", "which does not exist", False


def unsearchable_folder(folder: Path, demo: Path) -> Case:
    locked = folder / "locked"
    locked.mkdir()
    shutil.copyfile(demo, locked / "clerk.db")
    locked.chmod(0o600)  # readable names, but no search (x) permission
    return locked / "clerk.db", "permission denied", True


def through_a_file(folder: Path, demo: Path) -> Case:
    (folder / "notes.txt").write_text("not a folder\n")
    return folder / "notes.txt" / "clerk.db", "is a file, not a folder", False


def a_pipe(folder: Path, demo: Path) -> Case:
    os.mkfifo(folder / "clerk.db")
    return folder / "clerk.db", "not an ordinary file", False


def a_link_to_a_pipe(folder: Path, demo: Path) -> Case:
    os.mkfifo(folder / "pipe")
    (folder / "clerk.db").symlink_to(folder / "pipe")
    return folder / "clerk.db", "not an ordinary file", False


def a_device(folder: Path, demo: Path) -> Case:
    return Path("/dev/null"), "not an ordinary file", False


def a_link_to_a_device(folder: Path, demo: Path) -> Case:
    (folder / "clerk.db").symlink_to("/dev/zero")
    return folder / "clerk.db", "not an ordinary file", False


def a_socket(folder: Path, demo: Path) -> Case:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "clerk.db"))
    server.close()  # the socket file stays
    return folder / "clerk.db", "not an ordinary file", False


def wal_without_database(folder: Path, demo: Path) -> Case:
    wal = _wal_of(demo)
    shutil.copyfile(wal, folder / "clerk.db-wal")
    return folder / "clerk.db", "-wal is there but the database is missing", False


def wal_beside_an_empty_database(folder: Path, demo: Path) -> Case:
    shutil.copyfile(_wal_of(demo), folder / "clerk.db-wal")
    (folder / "clerk.db").write_bytes(b"")
    return folder / "clerk.db", "-wal is there but the database is empty", False


def _wal_of(demo: Path) -> Path:
    """A real -wal holding records: written by a connection that is never closed cleanly."""
    connection = sqlite3.connect(demo)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("UPDATE body SET short_name = 'only in the wal'")
    connection.commit()
    copy = demo.with_name("saved-wal")
    shutil.copyfile(demo.with_name(demo.name + "-wal"), copy)
    connection.close()
    assert copy.stat().st_size > 0
    return copy


CASES: dict[str, Callable[[Path, Path], Case]] = {
    "a name over 255 bytes": long_name,
    "a folder name over 255 bytes": long_folder_name,
    "a loop of links": link_loop,
    "a loop of links on the way": loop_on_the_way,
    "a dangling link": dangling_link,
    "a folder without search permission": unsearchable_folder,
    "a path through a file": through_a_file,
    "a pipe": a_pipe,
    "a link to a pipe": a_link_to_a_pipe,
    "a device": a_device,
    "a link to a device": a_link_to_a_device,
    "a socket": a_socket,
    "a -wal without its database": wal_without_database,
    "a -wal beside an empty database": wal_beside_an_empty_database,
}
COMMANDS: dict[str, tuple[str, ...]] = {
    "the app": (),
    "check": ("check",),
    "backup": ("backup",),
    "export": ("export", "actions", "--format", "md", "-o", "{out}"),
}


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    data = tmp_path / "data"
    data.mkdir()
    yield data
    for entry in data.iterdir():  # let pytest clean up what a case locked
        if entry.is_dir() and not entry.is_symlink():
            entry.chmod(0o700)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES)
def test_odd_db_path(case: str, command: str, folder: Path, demo_path: Path) -> None:
    path, words, unprivileged = CASES[case](folder, demo_path)
    out = folder.parent / "out.md"
    before = fingerprint(folder)
    arguments = [a.replace("{out}", str(out)) for a in COMMANDS[command]]
    result = run_clerk("--db", str(path), *arguments, unprivileged=unprivileged)
    assert_refused(result, words)
    assert fingerprint(folder) == before
    assert not out.exists()
    if case == "a device":
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("name", ["what?.db", "50%.db", "minutes#2.db", "a b.db"])
def test_a_database_named_with_url_characters_is_the_file_of_that_name(
    name: str, folder: Path, demo_path: Path
) -> None:
    """Such a name once reached SQLite through a URL: "what?.db" opened a file called "what"."""
    path = folder / name
    shutil.copyfile(demo_path, path)
    result = run_clerk("--db", str(path), "check")
    assert result.returncode == 0, result.stderr
    result = run_clerk("--db", str(path), "backup", str(folder / "copy.db"))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(folder / "copy.db") as connection:
        assert connection.execute("SELECT count(*) FROM body").fetchone()[0] == 1
    connection.close()
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("command", ["check", "backup"])
def test_reading_a_closed_database_leaves_its_folder_as_it_was(
    command: str, folder: Path, demo_path: Path, tmp_path: Path
) -> None:
    """A WAL-mode file opened read-only used to get a -wal and a -shm that stayed behind."""
    path = folder / "clerk.db"
    shutil.copyfile(demo_path, path)
    before = fingerprint(folder)
    extra = [str(tmp_path / "copy.db")] if command == "backup" else []
    result = run_clerk("--db", str(path), command, *extra)
    assert result.returncode == 0, result.stderr
    assert fingerprint(folder) == before
