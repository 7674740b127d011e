"""Online backups through sqlite3's backup API: consistent while the app writes, verified with
quick_check, and written atomically (a temporary file in the destination folder, then rename)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from datetime import datetime
from pathlib import Path

from db.errors import StorageError

BACKUP_FOLDER = "backups"


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_FOLDER


def backup_name(db_path: Path, when: datetime, reason: str = "") -> str:
    suffix = f"-{reason}" if reason else ""
    return f"{db_path.stem}-{when:%Y%m%d-%H%M%S}{suffix}.db"


def backup_database(db_path: Path, destination: Path) -> Path:
    """Copy ``db_path`` to ``destination`` (a file path) and verify the copy.

    The copy is made page by page by SQLite itself, so it is consistent even while another
    connection is writing; it lands under its final name only once it passes quick_check.
    """
    destination = destination.expanduser().absolute()
    folder = destination.parent
    if destination.is_dir():
        raise StorageError(f"cannot write the backup to {destination}: it is a folder")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=folder)
    except OSError as error:
        raise StorageError(f"cannot write the backup to {folder}: {error.strerror}") from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
        try:
            target = sqlite3.connect(temp)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode=DELETE")
                check = target.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                target.close()
        finally:
            source.close()
        if check != "ok":
            raise StorageError(f"the backup of {db_path} failed its check: {check}")
        with temp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, destination)
        _fsync_folder(folder)
    except sqlite3.Error as error:
        raise StorageError(f"cannot back up {db_path}: {error}") from None
    except OSError as error:
        raise StorageError(f"cannot write the backup to {destination}: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return destination


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
