"""Whole-file operations: the integrity check, removing a database, asking if it is empty."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlmodel import select

from db import migrations, models
from db.backup import backup_database, verify
from db.engine import Database, WriterLock, read_header
from db.errors import StorageError


def check_database(path: Path) -> list[str]:
    """Everything wrong with the file, one line each; an empty list means ``ok``.

    Read-only: the check never changes the file, so it is safe while the app is running.
    """
    path = path.expanduser().absolute()
    if not path.exists():
        return [f"{path} does not exist"]
    try:
        header = read_header(path)
    except StorageError as error:
        return [str(error)]
    if header is None:
        return [f"{path} is empty: it is not a clerk-tui database yet"]
    if header[0] > migrations.CURRENT_VERSION:
        return [str(migrations.newer_version_error(path, header[0]))]
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [f"{path} is damaged or not a database: {error}"]
    problems = [f"{path}: {line}" for line in integrity if line != "ok"]
    problems += [
        f"{path}: row {rowid} of table {table} refers to a missing row of {parent}"
        for table, rowid, parent, _ in broken
    ]
    return problems


def has_bodies(database: Database) -> bool:
    with database.session() as session:
        return session.exec(select(models.Body.id).limit(1)).first() is not None


def remove_database(path: Path) -> None:
    """Delete a database and its journal files, refusing while another copy has it open."""
    lock = WriterLock(path)
    try:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    finally:
        lock.release()


def restore_database(path: Path, backup: Path, now: datetime) -> Path | None:
    """Put ``backup`` in place of the database at ``path``; return where the replaced file
    was kept (None when there was none). Refused while another copy of the app has the
    database open, or when the backup fails its check. The copy lands under the database's
    name only once complete."""
    path = path.expanduser().absolute()
    backup = backup.expanduser().absolute()
    if not backup.is_file():
        raise StorageError(f"{backup} is not a backup file")
    read_header(backup)
    if not verify(backup):
        raise StorageError(f"{backup} fails its integrity check: it cannot be restored")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = WriterLock(path)
    try:
        aside: Path | None = None
        if path.exists():
            aside = path.with_name(f"{path.name}.replaced-{now:%Y%m%d-%H%M%S}")
            for suffix in ("", "-wal", "-shm"):
                current = path.with_name(path.name + suffix)
                if current.exists():
                    current.rename(aside.with_name(aside.name + suffix))
        backup_database(backup, path)
    except OSError as error:
        raise StorageError(f"cannot restore into {path}: {error.strerror}") from None
    finally:
        lock.release()
    return aside
