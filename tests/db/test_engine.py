"""open_database against real files: pragmas, permissions, refusals in words."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db import StorageError, open_database
from db.migrations import CURRENT_VERSION


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_fresh_connection_reads_back_every_pragma(tmp_path: Path) -> None:
    database = open_database(tmp_path / "clerk.db")
    try:
        with database.engine.connect() as connection:
            read = {
                name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
    finally:
        database.close()
    assert read == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }


def test_folder_and_file_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "clerk.db"
    open_database(path).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_new_database_is_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    open_database(path).close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION


def test_transactions_begin_immediate(tmp_path: Path) -> None:
    """A second writer waits for the lock at BEGIN, not half-way through its transaction."""
    database = open_database(tmp_path / "clerk.db")
    try:
        with database.engine.connect() as connection:
            connection.begin()
            other = sqlite3.connect(tmp_path / "clerk.db", timeout=0)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
            connection.rollback()
    finally:
        database.close()


def test_a_newer_version_is_refused_and_the_file_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE future (x)")
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    before = sha(path)
    with pytest.raises(StorageError, match="newer clerk-tui"):
        open_database(path)
    assert sha(path) == before
    assert not (tmp_path / "clerk.db-wal").exists()


def test_random_bytes_are_refused_in_words(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(StorageError, match="not a clerk-tui database"):
        open_database(path)


def test_a_truncated_database_is_refused_in_words(tmp_path: Path, demo_path: Path) -> None:
    data = demo_path.read_bytes()
    path = tmp_path / "cut.db"
    path.write_bytes(data[: len(data) // 2 + 100])
    with pytest.raises(StorageError, match="damaged"):
        open_database(path)


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "clerk.db").mkdir()
    with pytest.raises(StorageError, match="is a folder"):
        open_database(tmp_path / "clerk.db")


def test_a_second_opener_is_told_who_holds_the_file(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    first = open_database(path)
    try:
        with pytest.raises(StorageError, match=f"process {os.getpid()}"):
            open_database(path)
    finally:
        first.close()
    open_database(path).close()  # free again once the first has closed


def test_a_second_process_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    first = open_database(path)
    try:
        before = sha(path)
        result = subprocess.run(
            [sys.executable, "-m", "clerk_tui", "--db", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2
        assert "in use by another copy of clerk-tui" in result.stderr
        assert "Traceback" not in result.stderr
        assert sha(path) == before
    finally:
        first.close()


def test_an_unclean_shutdown_is_noticed_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    code = (
        "import os, sys\n"
        "from db import open_database\n"
        f"d = open_database({str(path)!r})\n"
        "os._exit(0)\n"  # no close(): the lock file stays behind, as after a crash
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
    assert (tmp_path / "clerk.db.lock").exists()
    database = open_database(path)
    try:
        assert database.was_unclean
    finally:
        database.close()
    assert not (tmp_path / "clerk.db.lock").exists()
