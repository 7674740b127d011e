"""The app keeps SQLite's locks for its whole life: nothing it does to its own database (a
backup, a look at the header, an export, the demo's mark) opens and closes a descriptor of the
file, which would drop every POSIX lock the process holds on it — and then another program
closing the database would checkpoint and delete the -wal the app is still writing into, so
that what the screen showed as recorded would vanish at the next kill."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.preparation import BodyFields
from db import files, open_database
from db.backup import backup_database, take_backup
from db.maintenance import check_database

OTHER_PROGRAM = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1])
names = [row[0] for row in connection.execute("SELECT name FROM body ORDER BY name")]
connection.close()  # the last connection of a WAL database checkpoints and removes the -wal
print("|".join(names))
"""


def other_program_reads(path: Path) -> list[str]:
    """Another process opens the database read-write, reads the bodies and closes it."""
    done = subprocess.run(
        [sys.executable, "-c", OTHER_PROGRAM, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip().split("|")


LOOKS = {
    "a backup beside it": lambda path: take_backup(path, datetime(2026, 12, 1, 9, 0)),
    "a backup to a file": lambda path: backup_database(path, path.parent / "copy.db"),
    "its header read": lambda path: files.read_header(path),
    "its application id read": lambda path: files.application_id(path),
    "its integrity checked": lambda path: check_database(path),
}


@pytest.mark.parametrize("look", LOOKS)
def test_what_the_app_does_to_its_own_file_keeps_its_locks(
    look: str, demo_path: Path, clock: object
) -> None:
    database = open_database(demo_path)
    try:
        desk = Desk(database)
        desk.agenda.create_body(BodyFields(name="Before The Look", quorum=3))
        LOOKS[look](demo_path)
        # The app still holds its shared lock, so the other program's close leaves the -wal.
        assert "Before The Look" in other_program_reads(demo_path)
        assert demo_path.with_name(demo_path.name + "-wal").exists()
        desk.agenda.create_body(BodyFields(name="After The Look", quorum=3))
        # Recorded into the real -wal, so another process sees it at once.
        assert "After The Look" in other_program_reads(demo_path)
    finally:
        database.close()
