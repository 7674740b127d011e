"""Restore swaps with renames, so at every instant a complete database is under the real name or
is put back by the next start — which says so. Each state a kill can leave is made here as the
kill leaves it, then the next start (open_database) or command meets it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from db import StorageError, open_database
from db.backup import take_backup
from db.maintenance import restore_database
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

MORNING = datetime(2022, 3, 14, 9, 0)
NOON = datetime(2022, 3, 14, 12, 0)


def short_name(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("SELECT short_name FROM body").fetchone()[0])
    finally:
        connection.close()


def record_in_the_wal(path: Path, value: str) -> None:
    """An acknowledged change still only in the -wal, as a killed app leaves it."""
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute('UPDATE body SET short_name = ?', (sys.argv[2],))\n"
        "c.commit()\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), value], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0


def aside_of(path: Path) -> Path:
    return path.with_name(f"{path.name}.replaced-20220314-120000")


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_file_with_its_wal(
    demo_path: Path,
) -> None:
    backup = take_backup(demo_path, MORNING)
    record_in_the_wal(demo_path, "after the backup")
    aside = restore_database(demo_path, backup, NOON)
    assert aside == aside_of(demo_path)
    assert short_name(demo_path) == "Panel"
    assert Path(f"{aside}-wal").exists()  # the replaced file's latest records went with it
    assert short_name(aside) == "after the backup"
    assert not Path(f"{demo_path}-wal").exists() or short_name(demo_path) == "Panel"
    assert not list(demo_path.parent.glob(".clerk-tui-*.tmp"))
    assert not Path(f"{demo_path}.lock").exists()
    database = open_database(demo_path)
    database.close()
    assert database.notices == []


def test_a_restore_can_be_undone_by_restoring_the_replaced_file(demo_path: Path) -> None:
    backup = take_backup(demo_path, MORNING)
    record_in_the_wal(demo_path, "after the backup")
    aside = restore_database(demo_path, backup, NOON)
    assert aside is not None
    restore_database(demo_path, aside, datetime(2022, 3, 14, 12, 5))
    assert short_name(demo_path) == "after the backup"


def test_restore_into_a_missing_database(demo_path: Path, tmp_path: Path) -> None:
    backup = take_backup(demo_path, MORNING)
    target = tmp_path / "new laptop" / "clerk.db"
    assert restore_database(target, backup, NOON) is None
    assert short_name(target) == "Panel"


def test_restore_beside_a_lost_databases_wal_keeps_that_wal(demo_path: Path) -> None:
    backup = take_backup(demo_path, MORNING)
    record_in_the_wal(demo_path, "only in the wal")
    demo_path.unlink()
    kept = restore_database(demo_path, backup, NOON)
    assert kept == Path(f"{aside_of(demo_path)}-wal") and kept.stat().st_size > 0
    assert short_name(demo_path) == "Panel"


def test_two_restores_in_one_second_keep_both_replaced_files(demo_path: Path) -> None:
    backup = take_backup(demo_path, MORNING)
    first = restore_database(demo_path, backup, NOON)
    second = restore_database(demo_path, backup, NOON)
    assert first and second and first != second and first.exists() and second.exists()


def test_restore_refuses_a_lock_file_that_is_a_link(demo_path: Path, tmp_path: Path) -> None:
    backup = take_backup(demo_path, MORNING)
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    Path(f"{demo_path}.lock").symlink_to(precious)
    before = fingerprint(tmp_path)
    with pytest.raises(StorageError, match="symbolic link"):
        restore_database(demo_path, backup, NOON)
    assert fingerprint(tmp_path) == before


# ---- what a kill between the renames leaves, and the next start ---------------------------
@pytest.mark.parametrize("moved", [("",), ("", "-wal"), ("", "-wal", "-shm")])
def test_the_next_start_puts_back_a_database_set_aside(
    moved: tuple[str, ...], demo_path: Path
) -> None:
    record_in_the_wal(demo_path, "acknowledged before the kill")
    aside = aside_of(demo_path)
    for suffix in moved:  # the restore's renames, in its order, up to the kill
        if os.path.lexists(f"{demo_path}{suffix}"):
            os.rename(f"{demo_path}{suffix}", f"{aside}{suffix}")
    leftover = demo_path.parent / ".clerk-tui-demo.db.0123abcd.tmp"
    leftover.write_bytes(b"half a copy")
    journal = demo_path.parent / ".clerk-tui-pending"
    journal.mkdir()
    (journal / "999999999-feedf00d").write_bytes(os.fsencode(leftover))  # a dead process
    database = open_database(demo_path)
    try:
        assert len(database.notices) == 1
        assert "was missing" in database.notices[0] and aside.name in database.notices[0]
        assert "put back" in database.notices[0]
    finally:
        database.close()
    assert short_name(demo_path) == "acknowledged before the kill"
    assert not list(demo_path.parent.glob("*.replaced-*"))
    assert not leftover.exists()


def test_the_newest_of_several_set_aside_files_is_put_back(demo_path: Path) -> None:
    older = demo_path.with_name(f"{demo_path.name}.replaced-20220101-090000")
    older.write_bytes(demo_path.read_bytes())
    record_in_the_wal(demo_path, "newest")
    newest = aside_of(demo_path)
    os.rename(demo_path, newest)
    os.rename(f"{demo_path}-wal", f"{newest}-wal")
    open_database(demo_path).close()
    assert short_name(demo_path) == "newest"
    assert older.exists()


@pytest.mark.parametrize(
    "command",
    [("check",), ("export", "actions", "--format", "md", "-o", "{out}"), ("backup",)],
    ids=["check", "export", "backup"],
)
def test_commands_that_only_read_say_how_to_get_it_back_and_move_nothing(
    command: tuple[str, ...], demo_path: Path, tmp_path: Path
) -> None:
    os.rename(demo_path, aside_of(demo_path))
    out = tmp_path / "out.md"
    before = fingerprint(tmp_path)
    arguments = [a.replace("{out}", str(out)) for a in command]
    result = run_clerk("--db", str(demo_path), *arguments)
    if command[0] == "backup":
        assert_refused(result, "does not exist")
    else:
        assert_refused(result, "does not exist", aside_of(demo_path).name, "start clerk-tui once")
    assert fingerprint(tmp_path) == before


def test_the_demo_command_says_what_it_put_back(tmp_path: Path) -> None:
    from clerk_tui.demo import open_demo

    path = tmp_path / "demo.db"
    open_demo(path).close()
    os.rename(path, aside_of(path))
    database = open_demo(path)
    try:
        assert database.notices and "put back" in database.notices[0]
    finally:
        database.close()
