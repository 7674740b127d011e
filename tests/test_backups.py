"""Backups: the rotation, the list, restore (asks first, keeps the replaced file), the offer
of the newest good backup when the database is found damaged, and what a backup leaves: one
whole file, or — killed half-way — nothing after the next start."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from db import open_database
from db.backup import KEEP_DAYS, KEEP_LAST, list_backups, rotate, take_backup


def clerk(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
    )


def bodies(path: Path) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [r[0] for r in connection.execute("SELECT name FROM body ORDER BY name")]


def test_rotation_keeps_the_last_ten_and_one_a_day_for_thirty_days(demo_path: Path) -> None:
    now = datetime(2022, 3, 14, 18, 0)
    folder = demo_path.parent / "backups"
    folder.mkdir()
    # Three backups a day for 40 days, plus an upgrade backup from long ago.
    for day in range(40):
        for hour in (9, 12, 15):
            taken = now - timedelta(days=day, hours=18 - hour)
            (folder / f"demo-{taken:%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    (folder / "demo-20200101-000000-before-v1.db").write_bytes(b"x")
    rotate(demo_path, now)
    kept = list_backups(demo_path)
    regular = [b for b in kept if not b.reason]
    newest_ten = sorted(regular, key=lambda b: b.taken, reverse=True)[:KEEP_LAST]
    assert all(b in regular for b in newest_ten)
    days = {b.taken.date() for b in regular}
    assert len(days) == KEEP_DAYS
    assert len(regular) == KEEP_LAST + (KEEP_DAYS - 4)  # the last ten cover four days
    assert any(b.reason == "before-v1" for b in kept)


def test_take_backup_is_listed_and_verified(demo_path: Path) -> None:
    written = take_backup(demo_path, datetime(2022, 3, 14, 15, 31), "closed")
    assert written.name == "demo-20220314-153100-closed.db"
    result = clerk("--db", str(demo_path), "backup", "--list")
    assert result.returncode == 0
    assert "2022-03-14 15:31:00" in result.stdout and "(closed)" in result.stdout


def test_restore_asks_first_and_keeps_the_replaced_file(demo_path: Path, tmp_path: Path) -> None:
    backup = take_backup(demo_path, datetime(2022, 3, 14, 9, 0))
    with sqlite3.connect(demo_path) as connection:
        connection.execute("UPDATE body SET name = 'Renamed by mistake'")
    refused = clerk("--db", str(demo_path), "restore", str(backup), stdin="n\n")
    assert refused.returncode == 1
    assert bodies(demo_path) == ["Renamed by mistake"]
    result = clerk("--db", str(demo_path), "restore", str(backup), stdin="y\n")
    assert result.returncode == 0, result.stderr
    assert bodies(demo_path) == ["West Midlands Police and Crime Panel"]
    aside = [p for p in demo_path.parent.iterdir() if re.search(r"replaced-[\d-]+$", p.name)]
    assert aside and bodies(aside[0]) == ["Renamed by mistake"]


def test_restore_without_a_terminal_needs_yes(demo_path: Path) -> None:
    backup = take_backup(demo_path, datetime(2022, 3, 14, 9, 0))
    result = clerk("--db", str(demo_path), "restore", str(backup))
    assert result.returncode == 2
    assert "--yes" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_a_damaged_backup_is_not_restored(demo_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(os.urandom(4096))
    before = bodies(demo_path)
    result = clerk("--db", str(demo_path), "restore", str(bad), "--yes")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert bodies(demo_path) == before


def test_a_damaged_database_offers_the_newest_good_backup(demo_path: Path) -> None:
    backup = take_backup(demo_path, datetime(2022, 3, 14, 9, 0))
    damaged = demo_path.read_bytes()
    demo_path.write_bytes(damaged[:100] + os.urandom(len(damaged) - 100))
    shutil.rmtree(demo_path.parent / "demo.db.lock", ignore_errors=True)
    result = clerk("--db", str(demo_path), "demo")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1
    assert "damaged" in line and f"clerk-tui restore {backup}" in line


async def test_the_first_start_of_a_day_takes_a_backup(demo_path: Path) -> None:
    from clerk_tui.cli import make_app
    from tests.conftest import SIZE, FakeClock

    clock = FakeClock(datetime(2022, 3, 14, 9, 0))
    for _ in range(2):  # the second start of the same day takes none
        app = make_app(demo_path, clock=clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()  # the backup starts once the first screen is drawn
            await app.workers.wait_for_complete()
            await pilot.pause()
    backups = list_backups(demo_path)
    assert [(b.taken, b.reason) for b in backups] == [(datetime(2022, 3, 14, 9, 0), "daily")]


# ---- a backup is a file of its own, and a killed one leaves nothing -------------------------
def test_a_backup_is_a_whole_file_of_its_own(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "copy.db"
    result = clerk("--db", str(demo_path), "backup", str(target))
    assert result.returncode == 0, result.stderr
    header = target.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # rollback mode: no -wal is needed to read it
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.db"]
    assert bodies(target) == ["West Midlands Police and Crime Panel"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.db"]


def test_backups_within_the_same_second_are_both_kept(demo_path: Path) -> None:
    now = datetime(2022, 3, 14, 15, 31)
    first, second = take_backup(demo_path, now), take_backup(demo_path, now)
    assert first != second and first.exists() and second.exists()


def _killed_backup(db: Path, destination: Path) -> None:
    """A backup killed half-way: the source is held EXCLUSIVE (rollback mode), so the child's
    copy waits on it with its temporary file made; then SIGKILL."""
    with sqlite3.connect(db) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    code = (
        "import sys\nfrom pathlib import Path\nfrom db.backup import backup_database\n"
        "backup_database(Path(sys.argv[1]), Path(sys.argv[2]))\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code, str(db), str(destination)])
    try:
        deadline = time.monotonic() + 60
        while not list(destination.parent.glob(".clerk-tui-*.tmp")):
            assert time.monotonic() < deadline and child.poll() is None, "no temporary file"
            time.sleep(0.01)  # waiting for the child to get there, not for time to pass
    finally:
        child.kill()
        child.wait()
        holder.execute("ROLLBACK")
        holder.close()


@pytest.mark.parametrize("where", ["backups folder", "another folder"])
def test_a_killed_backup_leaves_nothing_after_the_next_start(
    where: str, demo_path: Path, tmp_path: Path
) -> None:
    folder = demo_path.parent / "backups" if where == "backups folder" else tmp_path / "usb"
    folder.mkdir()
    _killed_backup(demo_path, folder / "copy.db")
    assert list(folder.glob(".clerk-tui-*.tmp"))
    open_database(demo_path).close()  # the next start
    assert list(folder.iterdir()) == []
    pending = demo_path.parent / ".clerk-tui-pending"
    assert not pending.exists() or list(pending.iterdir()) == []


def test_an_earlier_versions_backup_leftovers_go_at_the_next_start(demo_path: Path) -> None:
    folder = demo_path.parent / "backups"
    folder.mkdir()
    leftovers = [folder / ".backup-k2j3h4.tmp", demo_path.parent / ".backup-9x8y7z.tmp"]
    for leftover in leftovers:
        leftover.write_bytes(os.urandom(4096))
    kept = folder / "notes.tmp"  # not clerk-tui's: left alone
    kept.write_text("mine\n")
    open_database(demo_path).close()
    assert not any(p.exists() for p in leftovers)
    assert kept.read_text() == "mine\n"
