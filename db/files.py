"""The database file itself, before SQLite sees it: where a ``--db`` path really leads, whether
its header is whole, a ``-wal`` left without its database, and the database a restore set aside.

Everything here looks with ``lstat``/``stat`` and reads raw bytes without blocking, so an odd
path (a pipe, a device, a loop of links, a name too long) is refused in one line instead of
hanging or ending in a traceback, and nothing is written unless it says so.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import struct
from datetime import datetime
from pathlib import Path

from db.errors import StorageError
from db.safe_paths import check_name, printable

SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
# What a restore renames the database it replaces to: "<name>.replaced-<when>[-n]".
REPLACED = re.compile(r"\.replaced-(\d{8}-\d{6})(?:-(\d+))?$")


# ---- where a path leads ---------------------------------------------------------------------
def locate(path: Path | str, *, what: str = "the database") -> Path:
    """The file ``path`` names, with its links followed (the file SQLite would use), or a
    StorageError in words: a loop or dangling link, a name too long, a folder on the way that
    cannot be searched or is a file, a folder, a pipe or a device. A missing file is fine
    (the caller decides whether to create it)."""
    given = Path(path).expanduser().absolute()
    check_name(given)
    shown = printable(given)
    try:
        info = os.lstat(given)
    except FileNotFoundError:
        return Path(os.path.realpath(given))
    except OSError as error:
        raise StorageError(f"cannot use {what} {shown}: {_why(error, given)}") from None
    if stat.S_ISLNK(info.st_mode):
        try:
            info = os.stat(given)
        except FileNotFoundError:
            raise StorageError(
                f"cannot use {what} {shown}: it is a link to "
                f"{printable(os.readlink(given))}, which does not exist"
            ) from None
        except OSError as error:
            raise StorageError(f"cannot use {what} {shown}: {_why(error, given)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise StorageError(f"{shown} is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        raise StorageError(
            f"cannot use {what} {shown}: it is not an ordinary file (a pipe, a device or a "
            "socket) — a database is a regular file"
        )
    return Path(os.path.realpath(given))


def _why(error: OSError, path: Path) -> str:
    from db.safe_paths import why

    return why(error, path, writing=False)


def size_of(path: Path) -> int | None:
    """The size of a regular file, None when there is none (without following a link)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def head(path: Path, size: int) -> bytes:
    """The first bytes of a file, never blocking (a pipe gives nothing); a database this
    process has open is read through its held descriptor (see safe_paths.read_held)."""
    from db.safe_paths import read_held

    held = read_held(path, size)
    if held is not None:
        return held
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return b""
    try:
        return os.pread(fd, size, 0) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


def application_id(path: Path) -> int | None:
    """``PRAGMA application_id`` read from the header (no SQLite, no lock, nothing written)."""
    data = head(path, 100)
    if len(data) < 72 or not data.startswith(SQLITE_MAGIC):
        return None
    return int(struct.unpack(">I", data[68:72])[0])


def read_header(path: Path) -> tuple[int, int] | None:
    """Check the file is a whole SQLite database; return (user_version, size in pages).

    None for an empty file (a new database). Raises StorageError for anything else.
    """
    from db.safe_paths import read_held, size_held

    shown = printable(path)
    held = read_held(path, 100)
    if held is not None:  # open here: read through the held descriptor, never a new one
        return _parse_header(path, held, size_held(path) or 0)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise StorageError(f"{shown} is a folder, not a database file") from None
    except PermissionError:
        raise StorageError(f"{shown} cannot be read: permission denied") from None
    except OSError as error:
        raise StorageError(f"{shown} cannot be read: {_why(error, path)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(f"{shown} is not an ordinary file: a database is a regular file")
        header = os.pread(fd, 100, 0)
        size = info.st_size
    finally:
        os.close(fd)
    return _parse_header(path, header, size)


def _parse_header(path: Path, header: bytes, size: int) -> tuple[int, int] | None:
    shown = printable(path)
    if size == 0:
        return None
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StorageError(
            f"{shown} is not a clerk-tui database (damaged, or another kind of file)", damaged=True
        )
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", header[24:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    (user_version,) = struct.unpack(">I", header[60:64])
    if page_size < 512 or page_size & (page_size - 1):
        raise StorageError(f"{shown} is damaged: its header is not valid", damaged=True)
    if size % page_size:
        raise StorageError(f"{shown} is damaged: it is truncated (a partial page)", damaged=True)
    if valid_for == change_counter and pages * page_size > size:
        raise StorageError(
            f"{shown} is damaged: it is truncated ({size} bytes of {pages * page_size})",
            damaged=True,
        )
    return user_version, pages


# ---- a -wal without its database ------------------------------------------------------------
def refuse_orphan_wal(path: Path) -> None:
    """A ``-wal`` holding pages while the database is missing (or empty) may hold the latest
    records: opening would make a new, empty database and SQLite would discard the -wal."""
    if size_of(path) or (os.path.lexists(path) and size_of(path) is None):
        return  # a database with content (or something odd that locate() refuses)
    wal = path.with_name(path.name + "-wal")
    if size_of(wal):
        missing = "is missing" if not os.path.lexists(path) else "is empty"
        raise StorageError(
            f"{printable(wal)} is there but the database {missing}: it may hold records — put "
            f"the database {printable(path.name)} back beside it, or restore a backup "
            "(the -wal file was kept)"
        )


# ---- the database a restore set aside -------------------------------------------------------
def set_aside_name(path: Path, when: datetime) -> Path:
    """A free ``<name>.replaced-<when>`` (with ``-2``, ``-3``... if a restore in the same
    second already used it), free for its -wal and -shm too."""
    base = f"{path.name}.replaced-{when:%Y%m%d-%H%M%S}"
    for number in range(1, 1000):
        name = base if number == 1 else f"{base}-{number}"
        aside = path.with_name(name)
        if not any(os.path.lexists(f"{aside}{suffix}") for suffix in ("", "-wal", "-shm")):
            return aside
    raise StorageError(f"too many replaced copies of {printable(path)} from {when:%d %b %Y}")


def set_aside_files(path: Path) -> list[Path]:
    """The files restores set aside beside ``path``, newest first."""
    found = []
    with contextlib.suppress(OSError):
        for entry in path.parent.iterdir():
            rest = entry.name[len(path.name) :]
            match = REPLACED.fullmatch(rest) if entry.name.startswith(path.name) else None
            if match and size_of(entry):
                found.append((match.group(1), int(match.group(2) or 1), entry))
    return [entry for *_, entry in sorted(found, reverse=True)]


def recover_set_aside(path: Path) -> str | None:
    """With no database under its name, put back the one a restore set aside (a restore
    killed between its renames, or a file deleted by hand) and say so; None when there was
    nothing to do. Its -wal and -shm go back first: the database is the last to return, so a
    kill half-way through this leaves what the next start can finish."""
    if size_of(path):
        return None
    candidates = set_aside_files(path)
    if not candidates:
        return None
    aside = candidates[0]
    try:
        for suffix in ("-wal", "-shm"):
            kept, real = Path(f"{aside}{suffix}"), Path(f"{path}{suffix}")
            # A -wal still under the real name belongs to the set-aside file (the restore was
            # killed before it moved it): keep it; otherwise bring the moved one back.
            if os.path.lexists(kept) and not os.path.lexists(real):
                os.rename(kept, real)
        os.replace(aside, path)  # over an empty file, if a start made one since
    except OSError as error:
        raise StorageError(
            f"{printable(path)} is missing and {printable(aside.name)} (set aside by a restore) "
            f"could not be put back: {error.strerror} — nothing else was changed"
        ) from None
    fsync_folder(path.parent)
    match = REPLACED.search(aside.name)
    when = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S") if match else None
    on = f" on {when:%d %b %Y at %H:%M:%S}" if when else ""
    return (
        f"{printable(path.name)} was missing: the database a restore set aside{on} "
        f"({printable(aside.name)}) was put back in its place — check its latest records"
    )


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (the folder's entry, not just the file's data)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def remove_legacy_temps(folders: list[Path]) -> list[Path]:
    """``.backup-*.tmp`` files are what killed backups of earlier clerk-tui versions left (this
    version names its temporary files otherwise, and journals them): any found is garbage."""
    removed = []
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in folder.iterdir():
                name, regular = entry.name, size_of(entry) is not None
                if name.startswith(".backup-") and name.endswith(".tmp") and regular:
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        removed.append(entry)
    return removed
