"""open_database(path): the one way to a database file.

Before the first connection: the folder (0700) and the file (0600) exist, the file's header is
checked (a damaged or foreign file is refused in words), a newer schema is refused with the file
left byte-for-byte as it was, and the single-writer lock is taken. On every connection the
pragmas are set and read back. Every transaction begins IMMEDIATE, so a write never meets a
half-way lock upgrade. See SQLAlchemy's pysqlite "serializable isolation" recipe.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool
from sqlmodel import Session

from db import migrations, safe_paths
from db.errors import StorageError

SQLITE_MAGIC = b"SQLite format 3\x00"
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
    _lock: WriterLock | None = field(default=None, repr=False)

    def session(self) -> Session:
        """A session whose objects stay readable after commit (screens get read models)."""
        return Session(self.engine, expire_on_commit=False)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One IMMEDIATE transaction, committed (fsync'd) on leaving, rolled back on error."""
        with self.session() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
        safe_paths.unprotect(self.path)
        if self._lock is not None:
            self._lock.release()
            self._lock = None


class WriterLock:
    """An flock on ``<db>.lock`` naming the holder's pid; removed on a clean close.

    A lock file found on opening, not held by anyone, means the last run ended uncleanly.
    """

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self.stale = self.path.exists()
        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StorageError(
                f"cannot create the lock file {self.path}: {error.strerror}"
            ) from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(self.fd)
            os.close(self.fd)
            raise StorageError(
                f"{db_path} is in use by another copy of clerk-tui ({holder}); "
                "close that one first — nothing was written"
            ) from None
        os.ftruncate(self.fd, 0)
        os.write(self.fd, f"{os.getpid()} {os.uname().nodename}\n".encode())

    def release(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()
        with contextlib.suppress(OSError):
            os.close(self.fd)


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        text = []
    if text and text[0].isdigit():
        host = f" on {text[1]}" if len(text) > 1 else ""
        return f"process {text[0]}{host}"
    return "another process"


def read_header(path: Path) -> tuple[int, int] | None:
    """Check the file is a whole SQLite database; return (user_version, size in pages).

    None for an empty file (a new database). Raises StorageError for anything else.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except IsADirectoryError:
        raise StorageError(f"{path} is a folder, not a database file") from None
    except PermissionError:
        raise StorageError(f"{path} cannot be read: permission denied") from None
    if size == 0:
        return None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StorageError(
            f"{path} is not a clerk-tui database (damaged, or another kind of file)", damaged=True
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    (user_version,) = struct.unpack(">I", header[60:64])
    if page_size < 512 or page_size & (page_size - 1):
        raise StorageError(f"{path} is damaged: its header is not valid", damaged=True)
    if size % page_size:
        raise StorageError(f"{path} is damaged: it is truncated (a partial page)", damaged=True)
    if valid_for == change_counter and pages * page_size > size:
        raise StorageError(
            f"{path} is damaged: it is truncated ({size} bytes of {pages * page_size})",
            damaged=True,
        )
    return user_version, pages


def _prepare_file(path: Path, *, writer: bool) -> bool:
    """Make the folder (0700) and the file (0600) when absent; True if the file is new."""
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a database file")
    if path.exists():
        if writer and not os.access(path, os.W_OK):
            raise StorageError(f"{path} is read-only: clerk-tui cannot record anything in it")
        if writer and not os.access(path.parent, os.W_OK):
            raise StorageError(
                f"the folder {path.parent} is read-only: the database needs to write its journal"
            )
        return False
    if not writer:
        raise StorageError(f"{path} does not exist")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        return False
    except OSError as error:
        raise StorageError(f"cannot create {path}: {error.strerror}") from None
    return True


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
    options: dict[str, Any] = {}
    if not writer:
        # A reader (export, check) is short-lived: no pooled handle should outlive its use.
        options["poolclass"] = NullPool
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        **options,
    )
    _configure(engine, writer=writer)
    return engine


def open_database(
    path: Path | str, *, writer: bool = True, backup_dir: Path | None = None
) -> Database:
    """Open (creating or upgrading as needed) the database at ``path``.

    Raises StorageError, in words, for a folder, a damaged file, a newer schema, a read-only
    file, or a file held by another copy of the app; in each case nothing is written.
    """
    path = Path(path).expanduser().absolute()
    new = _prepare_file(path, writer=writer)
    header = None if new else read_header(path)
    if header is not None and header[0] > migrations.CURRENT_VERSION:
        raise migrations.newer_version_error(path, header[0])
    lock = WriterLock(path) if writer else None
    try:
        engine = make_engine(path, writer=writer)
        database = Database(path=path, engine=engine, writer=writer, _lock=lock)
        database.was_unclean = bool(lock and lock.stale) or _wal_left_over(path)
        try:
            _check_and_upgrade(database, backup_dir=backup_dir)
        except DBAPIError as error:
            raise StorageError(
                f"{path} is damaged or not a database: {error.orig}", damaged=True
            ) from None
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    # From now on no file this process writes (an export, a backup) may land on it.
    safe_paths.protect(path)
    return database


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
