"""Whole-file operations: the integrity check, removing a database, asking if it is empty, and
restore — which validates the backup first and swaps with renames, so that at every instant a
complete database is under the real name or is put back by the next start (db.files)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from importlib import resources
from pathlib import Path

from sqlmodel import select

from db import files, migrations, models, safe_paths
from db.backup import copy_verified, quick_check, read_only_uri
from db.engine import Database
from db.errors import StorageError
from db.lock import WriterLock
from db.safe_paths import printable

COMPANIONS = ("-wal", "-shm")


def check_database(path: Path) -> list[str]:
    """Everything wrong with the file, one line each; an empty list means ``ok``.

    Read-only: the check never changes the file, so it is safe while the app is running.
    """
    try:
        path = files.locate(path)
        files.refuse_orphan_wal(path)
    except StorageError as error:
        return [str(error)]
    if not os.path.lexists(path):
        aside = files.set_aside_files(path)
        hint = (
            f", but {printable(aside[0].name)} (the database a restore set aside) does: start "
            "clerk-tui once to put it back"
            if aside
            else ""
        )
        return [f"{printable(path)} does not exist{hint}"]
    try:
        header = files.read_header(path)
    except StorageError as error:
        return [str(error)]
    if header is None:
        return [f"{printable(path)} is empty: it is not a clerk-tui database yet"]
    if header[0] > migrations.CURRENT_VERSION:
        return [str(migrations.newer_version_error(path, header[0]))]
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
            broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            connection.close()
    except sqlite3.Error as error:
        return [f"{printable(path)} is damaged or not a database: {error}"]
    problems = [f"{printable(path)}: {line}" for line in integrity if line != "ok"]
    problems += [
        f"{printable(path)}: row {rowid} of table {table} refers to a missing row of {parent}"
        for table, rowid, parent, _ in broken
    ]
    return problems


def has_bodies(database: Database) -> bool:
    with database.session() as session:
        return session.exec(select(models.Body.id).limit(1)).first() is not None


def remove_database(path: Path) -> None:
    """Delete a database and its journal files, refusing while another copy has it open."""
    path = files.locate(path)
    lock = WriterLock(path)
    try:
        lock.hold_database()
        for suffix in ("", *COMPANIONS):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    finally:
        lock.release()


# ---- restore ---------------------------------------------------------------------------------
def _own_tables() -> dict[str, set[str]]:
    """clerk-tui's tables and their columns, from the frozen first schema (later versions only
    add to it): a file without them is some other program's database."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(resources.files("db").joinpath("schema_v1.sql").read_text())
        query = "SELECT name FROM sqlite_master WHERE type = 'table'"
        names = [row[0] for row in connection.execute(query)]
        return {n: {r[1] for r in connection.execute(f"PRAGMA table_info('{n}')")} for n in names}
    finally:
        connection.close()


def validate_backup(path: Path, backup: Path | str) -> Path:
    """The real file ``backup`` names, if it can be put in place of the database at ``path``:
    a whole SQLite file of clerk-tui's own schema, not newer, holding records, not the database
    itself (by inode, whatever link or name leads there) nor a -wal. StorageError otherwise."""
    path = files.locate(path)
    given = Path(backup).expanduser()
    real = files.locate(given, what="the backup")
    shown = printable(given)
    if not os.path.lexists(real):
        raise StorageError(f"{shown} does not exist (see: clerk-tui backup --list)")
    if files.head(real, 4) in files.WAL_MAGICS or real.name.endswith(("-wal", "-journal")):
        raise StorageError(
            f"{shown} is the -wal file of a database (its latest changes), not a backup — "
            "restore a backup from the backups folder (see: clerk-tui backup --list)"
        )
    if real.name.endswith(("-shm", ".lock")):
        raise StorageError(f"{shown} is not a backup but a database's {real.suffix or '-shm'} file")
    if os.path.lexists(path) and os.path.samefile(real, path):
        raise StorageError(
            f"{shown} is the database itself ({printable(path)}), not a backup of it — "
            "choose a backup (see: clerk-tui backup --list)"
        )
    header = files.read_header(real)
    if header is None:
        raise StorageError(f"{shown} is empty: it is not a backup")
    version = header[0]
    if version > migrations.CURRENT_VERSION:
        raise StorageError(
            f"{shown} was written by a newer clerk-tui (schema version {version}; this one knows "
            f"up to {migrations.CURRENT_VERSION}): upgrade clerk-tui to restore it"
        )
    try:
        check = quick_check(real)
        _refuse_foreign(real, shown)
    except sqlite3.Error as error:
        raise StorageError(
            f"{shown} cannot be read as a database ({error}): it cannot be restored"
        ) from None
    if check != "ok":
        raise StorageError(f"{shown} fails its integrity check ({check}): it cannot be restored")
    return real


def _refuse_foreign(real: Path, shown: str) -> None:
    connection = sqlite3.connect(read_only_uri(real), uri=True, timeout=5)
    try:
        for table, columns in _own_tables().items():
            found = {r[1] for r in connection.execute(f"PRAGMA table_info('{table}')")}
            if not columns <= found:
                raise StorageError(
                    f"{shown} is not a clerk-tui database (it has no table {table!r} as "
                    "clerk-tui keeps it): it cannot be restored"
                )
        if connection.execute("SELECT count(*) FROM body").fetchone()[0] == 0:
            raise StorageError(
                f"{shown} holds no records (not one committee or panel): restoring it would "
                "put an empty database in place of yours"
            )
    finally:
        connection.close()


def restore_database(path: Path, backup: Path, now: datetime) -> Path | None:
    """Put ``backup`` in place of the database at ``path``; return where the replaced file was
    set aside (None when there was none). Refused in words, with nothing changed, while
    another copy of the app has the database open or when the backup is not a valid one.

    The order is what makes a kill harmless at any moment: (1) the backup is copied to a
    journaled temporary file beside the database and verified; (2) the database, then its
    -wal and -shm, are renamed to ``.replaced-<time>``; (3) the copy is renamed into place and
    the folder fsync'd. Killed before (2): the database is untouched and the next start removes
    the temporary file. Between (2) and (3): no database, and the next start puts the
    set-aside one back (and says so). After (3): the restored database."""
    path = files.locate(path)
    real = validate_backup(path, backup)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"cannot restore into {printable(path)}: {error.strerror}") from None
    already = path in safe_paths.protected()
    safe_paths.protect(path)  # the temporary file is journaled beside the database
    lock = WriterLock(path)
    try:
        lock.hold_database()
        lock.claim()
        with safe_paths.temporary_beside(path) as temp:
            copy_verified(real, temp)
            aside = _swap(path, temp, now)
    except OSError as error:
        raise StorageError(f"cannot restore into {printable(path)}: {error.strerror}") from None
    finally:
        lock.release()
        if not already:
            safe_paths.unprotect(path)
    return aside


def _swap(path: Path, temp: Path, now: datetime) -> Path | None:
    present = [s for s in ("", *COMPANIONS) if os.path.lexists(f"{path}{s}")]
    aside = files.set_aside_name(path, now) if present else None
    moved: list[str] = []
    try:
        for suffix in present:  # the database first: its -wal stays with it either way
            os.rename(f"{path}{suffix}", f"{aside}{suffix}")
            moved.append(suffix)
        os.replace(temp, path)
    except OSError:
        for suffix in reversed(moved):  # put back what was moved, the database last
            os.rename(f"{aside}{suffix}", f"{path}{suffix}")
        raise
    files.fsync_folder(path.parent)
    # What the clerk is told is kept: the database set aside, or else the -wal it had lost.
    return Path(f"{aside}{present[0]}") if aside else None
