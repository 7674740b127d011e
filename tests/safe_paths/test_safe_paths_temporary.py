"""db.safe_paths: the temporary files the guard makes, and what a write killed half-way leaves —
removed at the next start."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import open_database, safe_paths
from db.safe_paths import (
    JOURNAL_FOLDER,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    remove_leftovers,
    temporary_beside,
)


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


# ---- temporary files -------------------------------------------------------------------------
def test_a_temporary_file_is_new_private_noted_and_gone_after(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    journal = db.parent / JOURNAL_FOLDER
    with temporary_beside(out / "minutes.md") as temp:
        assert temp.parent == out
        assert temp.name.startswith(TEMP_PREFIX) and temp.name.endswith(TEMP_SUFFIX)
        assert stat.S_IMODE(temp.stat().st_mode) == 0o600
        assert temp.read_bytes() == b""
        notes = list(journal.iterdir())
        assert [os.fsdecode(n.read_bytes()) for n in notes] == [str(temp)]
    assert not temp.exists()
    assert not journal.exists()  # the journal goes when it is empty


def test_a_temporary_name_fits_whatever_the_target_name(tmp_path: Path) -> None:
    target = tmp_path / ("é" * 127 + ".")  # 255 bytes
    with temporary_beside(target) as temp:
        assert len(os.fsencode(temp.name)) <= 255
        assert temp.exists()


def test_a_running_writers_temporary_file_is_kept(db: Path, tmp_path: Path) -> None:
    with temporary_beside(tmp_path / "m.md") as temp:
        assert remove_leftovers(db) == []
        assert temp.exists()


def test_an_hour_old_note_is_a_dead_writers_even_under_a_live_number(
    db: Path, tmp_path: Path
) -> None:
    with temporary_beside(tmp_path / "m.md") as temp:
        (note,) = (db.parent / JOURNAL_FOLDER).iterdir()
        old = time.time() - 2 * 3_600
        os.utime(note, (old, old))
        assert remove_leftovers(db) == [temp]
        assert not temp.exists()


def test_stale_temporary_files_in_the_folders_given(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / f"{TEMP_PREFIX}x.1234{TEMP_SUFFIX}"
    fresh = folder / f"{TEMP_PREFIX}y.5678{TEMP_SUFFIX}"
    kept = folder / "clerk-2022-03-14.db"
    for path in (stale, fresh, kept):
        path.write_bytes(b"x")
    old = time.time() - 2 * 3_600
    os.utime(stale, (old, old))
    os.utime(kept, (old, old))
    link = folder / f"{TEMP_PREFIX}link.1{TEMP_SUFFIX}"
    link.symlink_to(kept)
    assert remove_leftovers(tmp_path / "clerk.db", [folder]) == [stale]
    assert fresh.exists() and kept.exists() and link.is_symlink()


# ---- a write killed half-way -----------------------------------------------------------------
KILLED_MID_WRITE = """
import os, sys
from pathlib import Path
from db import open_database
from db.safe_paths import temporary_beside

database = open_database(sys.argv[1], writer=False)  # as an export opens it
with temporary_beside(Path(sys.argv[2])) as temp:
    with open(temp, "wb") as handle:
        handle.write(b"half of the minutes")
        handle.flush()
        print(temp, flush=True)
        sys.stdin.read()  # killed here
"""

KILLED_IN_WRITE_ATOMIC = """
import os, sys
from db import open_database
from clerk_tui.export import atomic

database = open_database(sys.argv[1], writer=False)

def stuck(fd):
    print("writing", flush=True)
    sys.stdin.read()  # killed during the fsync

atomic.os.fsync = stuck
atomic.write_atomic(sys.argv[2], b"the new minutes")
"""


def killed_child(script: str, db: Path, target: Path) -> str:
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(db), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    said = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL
    return said


@pytest.fixture
def closed_db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "clerk.db"
    path.parent.mkdir()
    open_database(path).close()
    return path


def test_a_killed_write_is_removed_by_remove_leftovers(closed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "Documents"
    out.mkdir()
    temp = Path(killed_child(KILLED_MID_WRITE, closed_db, out / "minutes.md"))
    assert temp.read_bytes() == b"half of the minutes"  # the kill left it
    assert list((closed_db.parent / JOURNAL_FOLDER).iterdir())
    assert remove_leftovers(closed_db) == [temp]
    assert temps(out) == []
    assert not (closed_db.parent / JOURNAL_FOLDER).exists()


def test_a_killed_export_is_removed_at_the_next_start(closed_db: Path, tmp_path: Path) -> None:
    """The export killed inside write_atomic; the next start (open_database) tidies up."""
    out = tmp_path / "Documents"
    out.mkdir()
    target = out / "minutes.md"
    target.write_bytes(b"the old minutes")
    assert killed_child(KILLED_IN_WRITE_ATOMIC, closed_db, target) == "writing"
    (left,) = temps(out)
    assert left.read_bytes() == b"the new minutes"
    assert target.read_bytes() == b"the old minutes"  # never half-written
    database = open_database(closed_db)
    try:
        assert temps(out) == []
        assert not (closed_db.parent / JOURNAL_FOLDER).exists()
    finally:
        database.close()
    assert target.read_bytes() == b"the old minutes"


def test_guard_keeps_its_signatures() -> None:
    """Another engineer's backups, restore, demo and lock import these: they stay callable so."""
    import inspect

    assert list(inspect.signature(safe_paths.safe_target).parameters) == [
        "path",
        "what",
        "also_protect",
    ]
    assert list(inspect.signature(safe_paths.remove_leftovers).parameters) == [
        "db_path",
        "folders",
    ]
    assert list(inspect.signature(safe_paths.temporary_beside).parameters) == ["target"]


def test_only_notes_are_read_from_the_journal(db: Path, tmp_path: Path) -> None:
    """A file that is not a note (a clerk's export written into the journal folder) stays."""
    journal = db.parent / JOURNAL_FOLDER
    journal.mkdir()
    stranger = journal / "minutes.md"
    stranger.write_text(str(tmp_path / f"{TEMP_PREFIX}x.1{TEMP_SUFFIX}"))
    assert remove_leftovers(db) == []
    assert stranger.exists()
