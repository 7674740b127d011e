"""Online backups through sqlite3's backup API: consistent while the app writes, verified with
quick_check, and written atomically — to a journaled temporary file beside the destination
(safe_paths.temporary_beside: a kill leaves nothing after the next start), then renamed. The
destination goes through the one guard (safe_paths.safe_target): never the database, one of its
companions, another database, a device, a pipe, a folder or a dangling link."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from db import files, safe_paths
from db.errors import StorageError
from db.safe_paths import printable

BACKUP_FOLDER = "backups"


def default_backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_FOLDER


def backup_prefix(db_path: Path) -> str:
    """How the names of ``db_path``'s backups begin — one database's never another's.

    ``X.db`` keeps the name its backups have always had, ``X-``. Any other file name is kept
    whole, then a ``.``: ``clerk.sqlite.``, ``clerk.db.old.``, ``clerk.``. No prefix ends in
    ``-`` but a ``.db`` database's (``clerk`` and ``clerk.db`` beside each other stay apart),
    and no reason holds a time (:func:`list_backups`), so the dated part after one database's
    prefix can never be read inside another database's backup names."""
    if db_path.suffix == ".db":
        return f"{db_path.stem}-"
    return f"{db_path.name}."


def backup_name(db_path: Path, when: datetime, reason: str = "") -> str:
    """ "clerk-20220314-153100-closed.db" for clerk.db; "clerk.sqlite.20220314-153100.db"."""
    suffix = f"-{reason}" if reason else ""
    return f"{backup_prefix(db_path)}{when:%Y%m%d-%H%M%S}{suffix}.db"


def free_backup_path(db_path: Path, folder: Path, when: datetime, reason: str = "") -> Path:
    """The dated name in ``folder`` not taken yet: a second backup within the same second gets
    ``-2``, then ``-3``... (never written over the first: it is a database)."""
    destination = folder / backup_name(db_path, when, reason)
    for number in range(2, 1000):
        # os.path.lexists: a dangling link there is taken too (the guard would refuse it).
        if not os.path.lexists(destination):
            break
        destination = folder / backup_name(db_path, when, f"{reason}-{number}".lstrip("-"))
    return destination


def sqlite_uri(path: Path, **options: str) -> str:
    """A ``file:`` URI for ``path`` whatever its name holds ("?", "#", "%" included)."""
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return f"file:{quote(str(path))}" + (f"?{query}" if query else "")


def read_only_uri(path: Path) -> str:
    """A read-only URI that leaves nothing behind. A WAL-mode file opened read-only gets a -wal
    and a -shm that stay after it is closed; so a WAL-mode file no connection is using (no -shm:
    every WAL connection keeps one open; no -wal holding pages) is opened ``immutable`` — it
    reads the same. Anything else is opened plainly, with SQLite's locks."""
    wal_mode = files.head(path, 20)[18:19] == b"\x02"
    quiet = wal_mode and not files.size_of(Path(f"{path}-wal"))
    quiet = quiet and not os.path.lexists(f"{path}-shm")
    return sqlite_uri(path, mode="ro", **({"immutable": "1"} if quiet else {}))


def backup_database(db_path: Path, destination: Path) -> Path:
    """Copy ``db_path`` to ``destination`` (a file path) and verify the copy.

    The copy is made page by page by SQLite itself, so it is consistent even while another
    connection is writing; it lands under its final name only once it passes quick_check.
    """
    source = files.locate(db_path)
    files.refuse_orphan_wal(source)
    if files.size_of(source) is None:
        raise StorageError(f"{printable(source)} does not exist: there is nothing to back up")
    # Refused in words before anything is written (a damaged or empty source). Not read this
    # way when this process has it open: closing a descriptor of a file drops the process's
    # SQLite locks on it, and it was checked when it was opened.
    if source not in safe_paths.protected() and files.read_header(source) is None:
        raise StorageError(f"{printable(source)} is empty: there is nothing to back up")
    safe_paths.check_name(Path(destination).expanduser().absolute())
    folder = Path(destination).expanduser().absolute().parent
    try:
        if not os.path.lexists(folder):  # anything else there is for the guard to judge
            folder.mkdir(mode=0o700, parents=True)
    except OSError as error:
        raise StorageError(
            f"cannot write the backup to {printable(folder)}: {error.strerror}"
        ) from None
    target = safe_paths.safe_target(destination, what="the backup", also_protect=[source])
    with _registered(source), safe_paths.temporary_beside(target) as temp:
        try:
            copy_verified(source, temp)
            os.replace(temp, target)
        except OSError as error:
            raise StorageError(
                f"cannot write the backup to {printable(target)}: {error.strerror}"
            ) from None
        files.fsync_folder(target.parent)
    return target


@contextlib.contextmanager
def _registered(db_path: Path) -> Iterator[None]:
    """The source counts as an open database while it is copied, so the temporary file is
    noted in its journal (and removed at its next start if this process is killed)."""
    already = db_path in safe_paths.protected()
    safe_paths.protect(db_path)
    try:
        yield
    finally:
        if not already:
            safe_paths.unprotect(db_path)


def copy_verified(source: Path, temp: Path, *, reader: sqlite3.Connection | None = None) -> None:
    """``source`` copied into the (empty) file ``temp`` by SQLite, made a file of its own
    (rollback journal mode: no -wal beside it), checked with quick_check and fsync'd. With
    ``reader``, the copy is read through that open connection instead (a file deleted from
    under it is still whole there).

    No journal is kept for ``temp`` while it is written (it is thrown away if anything fails),
    so no ``-journal`` / ``-wal`` file can be left beside it by a kill."""
    try:
        opened = reader or sqlite3.connect(read_only_uri(source), uri=True, timeout=5)
        try:
            writer = sqlite3.connect(temp)
            try:
                writer.execute("PRAGMA journal_mode=OFF")
                opened.backup(writer)
            finally:
                writer.close()
        finally:
            if reader is None:
                opened.close()
        _rollback_mode(temp)
        check = quick_check(temp)
    except sqlite3.Error as error:
        raise StorageError(f"cannot copy {printable(source)}: {error}") from None
    if check != "ok":
        raise StorageError(f"the copy of {printable(source)} failed its check: {check}")
    fd = os.open(temp, os.O_RDWR | os.O_NOFOLLOW)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _rollback_mode(path: Path) -> None:
    """The copy carries the source's header, which says WAL (bytes 18-19 = 2): set them to 1,
    as ``journal_mode=DELETE`` would, without opening it in WAL mode (which would make a -wal
    and a -shm beside it). It has no -wal, so this is all the change there is."""
    fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW)
    try:
        if os.pread(fd, 2, 18) == b"\x02\x02":
            os.pwrite(fd, b"\x01\x01", 18)
    finally:
        os.close(fd)


def quick_check(path: Path) -> str:
    """``PRAGMA quick_check``'s first line for ``path``, opened read-only."""
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
    try:
        return str(connection.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        connection.close()


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
    """This database's backups in ``folder`` (default: backups/ beside it), newest first:
    named for its file name, never another database's beside it (see :func:`backup_prefix`)."""
    folder = folder or default_backup_dir(db_path)
    found = []
    try:
        entries = list(folder.iterdir()) if os.path.isdir(folder) else []
    except OSError as error:
        raise StorageError(
            f"cannot read the backups in {printable(folder)}: {error.strerror or error}"
        ) from None
    for entry in entries:
        backup = _backup_of(db_path, entry)
        if backup is not None and entry.is_file():
            found.append(backup)
    return sorted(found, key=lambda b: (b.taken, _sequence(b.reason), b.path.name), reverse=True)


# The dated part after the prefix, and a reason: ASCII only (a Unicode digit is no time).
_DATED = re.compile(r"(\d{8}-\d{6})(?:-([\w.-]+))?\.db", re.ASCII)
_TIME = re.compile(r"\d{8}-\d{6}", re.ASCII)


def _sequence(reason: str) -> int:
    """2 for "closed-2" or "2": the second backup of that second (the first has none)."""
    found = re.search(r"(?:^|-)(\d+)$", reason)
    return int(found.group(1)) if found else 1


def _backup_of(db_path: Path, entry: Path) -> BackupFile | None:
    """``entry`` as a backup of ``db_path``, or None. A reason never holds a time: a name that
    does is another database's backup, one whose own name ends in a date (clerk-20220314-
    090000.db's backups begin clerk-20220314-090000-... as clerk.db's do)."""
    prefix = backup_prefix(db_path)
    if not entry.name.startswith(prefix):
        return None
    match = _DATED.fullmatch(entry.name, len(prefix))
    if match is None:
        return None
    reason = match.group(2) or ""
    if _TIME.search(reason):
        return None
    try:
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    except ValueError:  # 20221399-250000: not a time the app wrote
        return None
    return BackupFile(entry, taken, reason)


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
    """A backup into the default folder under a dated name (``-2``... within the same
    second), then the rotation."""
    destination = free_backup_path(db_path, default_backup_dir(db_path), now, reason)
    written = backup_database(db_path, destination)
    rotate(db_path, now)
    return written


def newest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup of this database that passes quick_check (for a database found
    damaged); None when there is none, or its backups cannot be read (it is only advice)."""
    try:
        backups = list_backups(db_path)
    except StorageError:
        return None
    for backup in backups:
        if verify(backup.path):
            return backup
    return None


def verify(path: Path) -> bool:
    try:
        return quick_check(path) == "ok"
    except sqlite3.Error:
        return False
