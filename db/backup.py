"""Online backups through sqlite3's backup API: consistent while the app writes, verified with
quick_check, and written atomically (a temporary file in the destination folder, then rename)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
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
    from db.engine import read_header  # the engine imports this module

    destination = destination.expanduser().absolute()
    if not db_path.is_file():
        raise StorageError(f"{db_path} does not exist: there is nothing to back up")
    read_header(db_path)  # a damaged source is refused in words, before anything is written
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


# ---- the rotation: the last 10, plus the newest of each of the last 30 days --------------
KEEP_LAST = 10
KEEP_DAYS = 30


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def list_backups(db_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """This database's backups in ``folder`` (default: backups/ beside it), newest first."""
    folder = folder or default_backup_dir(db_path)
    pattern = re.compile(rf"^{re.escape(db_path.stem)}-(\d{{8}}-\d{{6}})(?:-([\w.-]+))?\.db$")
    found = []
    if folder.is_dir():
        for entry in folder.iterdir():
            match = pattern.match(entry.name)
            if match and entry.is_file():
                taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
                found.append(BackupFile(entry, taken, match.group(2) or ""))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def rotate(db_path: Path, now: datetime, folder: Path | None = None) -> list[Path]:
    """Delete the backups the rotation no longer keeps; return what was deleted.

    Backups taken before a schema upgrade are never rotated away.
    """
    backups = [b for b in list_backups(db_path, folder) if not b.reason.startswith("before-v")]
    keep = {b.path for b in backups[:KEEP_LAST]}
    newest_of_day: dict[str, Path] = {}
    for backup in backups:  # newest first, so the first seen of a day is its newest
        if (now - backup.taken).days < KEEP_DAYS:
            newest_of_day.setdefault(f"{backup.taken:%Y%m%d}", backup.path)
    keep |= set(newest_of_day.values())
    removed = []
    for backup in backups:
        if backup.path not in keep:
            with contextlib.suppress(FileNotFoundError):
                backup.path.unlink()
            removed.append(backup.path)
    return removed


def take_backup(db_path: Path, now: datetime, reason: str = "") -> Path:
    """A backup into the default folder under a dated name, then the rotation."""
    written = backup_database(
        db_path, default_backup_dir(db_path) / backup_name(db_path, now, reason)
    )
    rotate(db_path, now)
    return written


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup that passes quick_check (for a database found damaged)."""
    for backup in list_backups(db_path):
        if verify(backup.path):
            return backup
    return None


def verify(path: Path) -> bool:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            connection.close()
    except sqlite3.Error:
        return False
