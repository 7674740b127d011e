"""Database files that cannot be used: each gets one line, exit 2, and is left as it was,
whichever command meets it (the app itself, check, backup)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.migrations import CURRENT_VERSION
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk


def random_bytes(folder: Path, demo: Path) -> tuple[Path, str]:
    path = folder / "clerk.db"
    path.write_bytes(os.urandom(16384))
    return path, "not a clerk-tui database"


def zero_header(folder: Path, demo: Path) -> tuple[Path, str]:
    path = folder / "clerk.db"
    path.write_bytes(b"\0" * 8192)
    return path, "not a clerk-tui database"


def truncated(folder: Path, demo: Path) -> tuple[Path, str]:
    path = folder / "clerk.db"
    path.write_bytes(demo.read_bytes()[: 12288 + 100])
    return path, "damaged"


def text_file(folder: Path, demo: Path) -> tuple[Path, str]:
    path = folder / "clerk.db"
    path.write_text("Minutes of the meeting\n" * 200)
    return path, "not a clerk-tui database"


def newer_version(folder: Path, demo: Path) -> tuple[Path, str]:
    path = folder / "clerk.db"
    shutil.copyfile(demo, path)
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    connection.close()
    return path, "newer clerk-tui"


def folder_instead(folder: Path, demo: Path) -> tuple[Path, str]:
    path = folder / "clerk.db"
    path.mkdir()
    return path, "is a folder"


CASES: dict[str, Callable[[Path, Path], tuple[Path, str]]] = {
    "random bytes": random_bytes,
    "zeroed header": zero_header,
    "truncated": truncated,
    "a text file": text_file,
    "newer version": newer_version,
    "a folder where the file should be": folder_instead,
}
COMMANDS = {"the app": (), "check": ("check",), "backup": ("backup",)}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("case", CASES)
def test_bad_database(case: str, command: str, tmp_path: Path, demo_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path, words = CASES[case](folder, demo_path)
    before = fingerprint(folder)
    result = run_clerk("--db", str(path), *COMMANDS[command])
    if command == "backup" and case == "newer version":
        # A copy of a newer file is harmless, and may be just what its owner needs.
        assert result.returncode == 0, result.stderr
        return
    assert_refused(result, words)
    assert fingerprint(folder) == before


@pytest.fixture
def readonly_demo(tmp_path: Path, demo_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "clerk.db"
    shutil.copyfile(demo_path, path)
    yield path
    folder.chmod(0o755)
    path.chmod(0o644)


def test_a_read_only_file_is_refused_for_recording(readonly_demo: Path) -> None:
    readonly_demo.chmod(0o444)
    before = fingerprint(readonly_demo.parent)
    result = run_clerk("--db", str(readonly_demo), unprivileged=True)
    assert_refused(result, "read-only")
    assert fingerprint(readonly_demo.parent) == before


def test_a_read_only_folder_is_refused_for_recording(readonly_demo: Path) -> None:
    readonly_demo.chmod(0o666)
    readonly_demo.parent.chmod(0o555)
    before = fingerprint(readonly_demo.parent)
    result = run_clerk("--db", str(readonly_demo), unprivileged=True)
    assert_refused(result, "read-only")
    assert fingerprint(readonly_demo.parent) == before


def test_a_missing_folder_that_cannot_be_made(readonly_demo: Path) -> None:
    readonly_demo.parent.chmod(0o555)
    result = run_clerk("--db", str(readonly_demo.parent / "new" / "clerk.db"), unprivileged=True)
    assert_refused(result, "cannot create")


def test_check_reads_a_read_only_file(readonly_demo: Path) -> None:
    readonly_demo.chmod(0o444)
    result = run_clerk("--db", str(readonly_demo), "check", unprivileged=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_database_held_by_another_process(demo_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom db import open_database\n"
            f"d = open_database({str(demo_path)!r})\nprint('held', flush=True)\ntime.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        before = fingerprint(demo_path.parent)
        result = run_clerk("--db", str(demo_path))
        assert_refused(result, "in use by another copy of clerk-tui", f"process {holder.pid}")
        assert fingerprint(demo_path.parent) == before
    finally:
        holder.kill()
        holder.wait()
