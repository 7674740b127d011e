"""demo and demo --reset never take a clerk's records for the demo — found by trying the
command line as an adversary: a -wal full of records beside an empty file, a database a restore
set aside under the demo's name, the demo restored over a clerk's database — and restore asked
with no stdin at all."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

KEEP_IN_WAL = (
    "import os, sqlite3, sys\n"
    "c = sqlite3.connect(sys.argv[1])\n"
    "c.execute('PRAGMA journal_mode=WAL')\n"
    "c.execute('PRAGMA wal_autocheckpoint=0')\n"
    "c.execute(\"UPDATE body SET short_name = 'PRECIOUS RECORD'\")\n"
    "c.commit()\n"
    "os._exit(0)\n"
)


def clerks_database(demo_path: Path, folder: Path) -> Path:
    """A database of the clerk's own (the demo's records, without the demo's mark)."""
    mine = folder / "mine.db"
    shutil.copyfile(demo_path, mine)
    connection = sqlite3.connect(mine)
    connection.execute("PRAGMA application_id = 0")
    connection.close()  # the last connection: its -wal is checkpointed and removed
    return mine


def test_demo_reset_keeps_a_wal_holding_records_beside_an_empty_file(
    demo_path: Path, tmp_path: Path
) -> None:
    mine = clerks_database(demo_path, tmp_path)
    subprocess.run([sys.executable, "-c", KEEP_IN_WAL, str(mine)], check=True, timeout=60)
    mine.write_bytes(b"")  # the database emptied: its latest records live in the -wal alone
    before = fingerprint(tmp_path)
    for command in (("demo", "--reset"), ("demo",)):
        result = run_clerk("--db", str(mine), *command)
        assert_refused(result, "-wal is there but the database is empty")
    assert fingerprint(tmp_path) == before


def test_demo_leaves_a_database_a_restore_set_aside_under_its_name(
    demo_path: Path, tmp_path: Path
) -> None:
    mine = clerks_database(demo_path, tmp_path)
    os.rename(mine, mine.with_name("mine.db.replaced-20261201-101407"))
    before = fingerprint(tmp_path)
    for command in (("demo", "--reset"), ("demo",)):
        result = run_clerk("--db", str(mine), *command)
        assert_refused(result, "a restore set aside", "demo leaves it alone")
    assert fingerprint(tmp_path) == before


def test_the_demo_is_never_restored_over_a_clerks_database(demo_path: Path, tmp_path: Path) -> None:
    mine = clerks_database(demo_path, tmp_path)
    backup = tmp_path / "demo-copy.db"
    result = run_clerk("--db", str(demo_path), "backup", str(backup))
    assert result.returncode == 0, result.stderr
    before = fingerprint(tmp_path)
    result = run_clerk("--db", str(mine), "restore", str(backup), "--yes")
    assert_refused(result, "is a copy of the demo", "nothing was changed")
    assert fingerprint(tmp_path) == before


def test_restore_with_stdin_closed_asks_in_words(demo_path: Path, tmp_path: Path) -> None:
    backup = tmp_path / "copy.db"
    assert run_clerk("--db", str(demo_path), "backup", str(backup)).returncode == 0
    before = fingerprint(demo_path.parent)
    result = subprocess.run(
        [sys.executable, "-m", "clerk_tui", "--db", str(demo_path), "restore", str(backup)],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        preexec_fn=lambda: os.close(0),  # stdin closed, not merely empty
    )
    assert_refused(result, "answer y, or add --yes")
    assert fingerprint(demo_path.parent) == before
