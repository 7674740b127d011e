"""open_database(path): the one way to a database file.

Before the first connection: the path is one that leads to a regular file (db.files), the
single-writer lock is taken (db.lock), a database an interrupted restore set aside is put back,
a -wal without its database is refused, the folder (0700) and the file (0600) exist, the file's
header is checked (a damaged or foreign file is refused in words), and a newer schema is refused
with the file left byte-for-byte as it was. On every connection the pragmas are set and read
back. Every transaction begins IMMEDIATE, so a write never meets a
half-way lock upgrade. See SQLAlchemy's pysqlite "serializable isolation" recipe.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool, QueuePool
from sqlmodel import Session

from db import files, migrations, safe_paths
from db.backup import default_backup_dir
from db.errors import StorageError
from db.files import SQLITE_MAGIC, read_header
from db.lock import WriterLock
from db.safe_paths import printable

__all__ = ["SQLITE_MAGIC", "Database", "WriterLock", "make_engine", "open_database", "read_header"]

BUSY_TIMEOUT_MS = 5000
# What each connection must read back, or it is refused.
PRAGMAS: tuple[tuple[str, str, object], ...] = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", 2),
    ("foreign_keys", "ON", 1),
    ("busy_timeout", str(BUSY_TIMEOUT_MS), BUSY_TIMEOUT_MS),
)


@dataclass
class Database:
    """An open database: its engine, its path, and (for a writer) the lock it holds."""

    path: Path
    engine: Engine
    writer: bool
    upgraded_from: int | None = None
    backup_before_upgrade: Path | None = None
    was_unclean: bool = False
    # What the clerk must be told once, in words (the command line prints each line on stderr,
    # the app shows each as a notification): a database put back after an interrupted restore.
    notices: list[str] = field(default_factory=list)
    _lock: WriterLock | None = field(default=None, repr=False)
    # A writer's own connection held open from the start: if the file is deleted or replaced
    # under the app, every record is still readable through it, and rescue() copies them out.
    _keeper: sqlite3.Connection | None = field(default=None, repr=False)

    def session(self) -> Session:
        """A session whose objects stay readable after commit (screens get read models)."""
        return Session(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One IMMEDIATE transaction, committed (fsync'd) on leaving, rolled back on error."""
        with self.session() as session, session.begin():
            yield session

    def rescue(self) -> Path | None:
        """For a file deleted or replaced under this process: copy what this process still
        holds open (every record, its -wal included) to a new file beside the path,
        ``<name>.rescued-<time>.db``, verified; None when it cannot be done."""
        if self._keeper is None:
            return None
        from db.backup import copy_verified

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            target = safe_paths.safe_target(
                self.path.with_name(f"{self.path.name}.rescued-{stamp}.db"),
                what="the rescued copy",
            )
            with safe_paths.temporary_beside(target) as temp:
                copy_verified(self.path, temp, reader=self._keeper)
                os.replace(temp, target)
            files.fsync_folder(target.parent)
        except (OSError, StorageError, sqlite3.Error):
            return None
        return target

    def close(self) -> None:
        if self._keeper is not None:
            # First: the engine's last connection then checkpoints and removes the -wal.
            with contextlib.suppress(sqlite3.Error):
                self._keeper.close()
            self._keeper = None
        self.engine.dispose()
        safe_paths.unprotect(self.path)
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _prepare_folder(path: Path) -> None:
    """A writer needs the file writable and its folder too (for the -wal); a new database
    gets its folder made (0700)."""
    shown = printable(path)
    if os.path.lexists(path):
        if not os.access(path, os.W_OK):
            raise StorageError(f"{shown} is read-only: clerk-tui cannot record anything in it")
        if not os.access(path.parent, os.W_OK | os.X_OK):
            raise StorageError(
                f"the folder {printable(path.parent)} is read-only: the database needs to "
                "write its journal"
            )
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StorageError(f"cannot create {shown}: {error.strerror}") from None
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StorageError(f"cannot create {shown}: its folder is not writable")


def _create(path: Path) -> bool:
    """Make the file (0600, never through a link) when absent; True if it is new."""
    if os.path.lexists(path):
        return False
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        os.close(os.open(path, flags, 0o600))
    except FileExistsError:
        return False
    except OSError as error:
        raise StorageError(f"cannot create {printable(path)}: {error.strerror}") from None
    return True


def _missing(path: Path) -> str:
    aside = files.set_aside_files(path)
    if not aside:
        return f"{printable(path)} does not exist"
    return (
        f"{printable(path)} does not exist, but {printable(aside[0].name)} (the database a "
        "restore set aside) does: start clerk-tui once to put it back"
    )


def _configure(engine: Engine, *, writer: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin event, not pysqlite, decide where transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for name, value, expected in PRAGMAS:
                if name == "journal_mode" and not writer:
                    continue  # a reader must not change the file: it uses what the writer set
                cursor.execute(f"PRAGMA {name}={value}")
                got = cursor.execute(f"PRAGMA {name}").fetchone()[0]
                if str(got).lower() != str(expected).lower():
                    raise StorageError(
                        f"the database refused PRAGMA {name}={value} (it kept {got!r}); "
                        "clerk-tui will not record into a database it cannot keep safe"
                    )
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        # IMMEDIATE: take the write lock up front, so two writers queue instead of deadlocking.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


def make_engine(path: Path, *, writer: bool = True) -> Engine:
    def connect() -> sqlite3.Connection:
        # The path goes to SQLite as it is, never through a URL: "a?b.db" or "50%.db" must open
        # the file of that name, not "a" with a query string.
        return sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)

    # A reader (export, check) is short-lived: no pooled handle should outlive its use.
    pool = QueuePool if writer else NullPool
    engine = create_engine("sqlite://", creator=connect, poolclass=pool)
    _configure(engine, writer=writer)
    return engine


def open_database(
    path: Path | str, *, writer: bool = True, backup_dir: Path | None = None
) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    Raises StorageError, in words, for an odd path, a folder, a pipe, a damaged file, a newer
    schema, a read-only file, a -wal without its database, or a file held by another copy of
    the app; in each case nothing is written. A writer first puts back a database that an
    interrupted restore set aside (saying so in ``notices``) and, once it holds the file,
    removes what killed backups and exports left.
    """
    path = files.locate(path)
    if not writer:
        return _open_reader(path)
    _prepare_folder(path)
    # The lock first: the database is looked at, put back or created only by its one writer.
    lock = WriterLock(path)
    engine: Engine | None = None
    protected = False
    new = False
    try:
        notice = files.recover_set_aside(path)
        files.refuse_orphan_wal(path)
        new = _create(path)
        header = None if new else files.read_header(path)
        if header is not None and header[0] > migrations.CURRENT_VERSION:
            raise migrations.newer_version_error(path, header[0])
        lock.hold_database()
        lock.claim()
        # Registered before the first connection: an upgrade's backup then knows the file is
        # open here (and no file this process writes may land on it from now on).
        safe_paths.protect(path)
        protected = True
        engine = make_engine(path, writer=True)
        database = Database(path=path, engine=engine, writer=True, _lock=lock)
        database.notices = [notice] if notice else []
        database.was_unclean = lock.stale or _wal_left_over(path)
        _checked(database, backup_dir)
    except BaseException:
        if engine is not None:
            engine.dispose()
        if protected:
            safe_paths.unprotect(path)
        if new and not files.size_of(path):
            with contextlib.suppress(OSError):
                os.unlink(path)  # a file made by this open, and never written: not left behind
        lock.release(keep_file=lock.stale)  # a stale lock still tells the next start
        raise
    database._keeper = _keeper(path)
    folders = [path.parent, backup_dir or default_backup_dir(path)]
    safe_paths.remove_leftovers(path, folders)
    files.remove_legacy_temps(folders)
    return database


def _keeper(path: Path) -> sqlite3.Connection | None:
    """A plain connection that has read the file once (so it holds the database and its -wal
    open for as long as it lives)."""
    try:
        keeper = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        keeper.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return None
    return keeper


def _open_reader(path: Path) -> Database:
    """For export and the like: never creates, moves or locks anything."""
    files.refuse_orphan_wal(path)
    if not os.path.lexists(path):
        raise StorageError(_missing(path))
    header = files.read_header(path)
    if header is not None and header[0] > migrations.CURRENT_VERSION:
        raise migrations.newer_version_error(path, header[0])
    engine = make_engine(path, writer=False)
    database = Database(path=path, engine=engine, writer=False)
    database.was_unclean = _wal_left_over(path)
    try:
        _checked(database, None)
    except BaseException:
        engine.dispose()
        raise
    safe_paths.protect(path)
    return database


def _checked(database: Database, backup_dir: Path | None) -> None:
    try:
        _check_and_upgrade(database, backup_dir=backup_dir)
    except DBAPIError as error:
        raise StorageError(
            f"{printable(database.path)} is damaged or not a database: {error.orig}",
            damaged=True,
        ) from None


def _wal_left_over(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _check_and_upgrade(database: Database, *, backup_dir: Path | None) -> None:
    with database.engine.connect() as connection:
        version = connection.exec_driver_sql("PRAGMA user_version").scalar_one()
        if version > migrations.CURRENT_VERSION:
            raise migrations.newer_version_error(database.path, version)
        if database.was_unclean:
            result = connection.exec_driver_sql("PRAGMA quick_check").scalars().all()
            if result != ["ok"]:
                raise StorageError(f"{database.path} is damaged: {result[0]}", damaged=True)
    if version < migrations.CURRENT_VERSION:
        if not database.writer:
            raise StorageError(
                f"{database.path} is at schema version {version}; open it in clerk-tui once to "
                "upgrade it"
            )
        database.upgraded_from = version
        database.backup_before_upgrade = migrations.upgrade(
            database.engine, database.path, version, backup_dir=backup_dir
        )
