"""The databases this process has open, and one descriptor held on each.

``protect()`` registers a database (``db.engine.open_database`` calls it before SQLite's first
connection, ``Database.close`` calls ``unprotect()`` after its last): the write guard
(``db.safe_paths``) then refuses any file landing on it, and its bytes are read only through
the descriptor held here (``read_held``), never by opening the file again.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_open_databases: set[Path] = set()


# ---- the databases this process has open ----------------------------------------------------
# One descriptor per open database, opened before SQLite's first connection and closed after
# its last: SQLite's locks are POSIX locks, which a process loses on *every* descriptor of the
# file the moment it closes any one of them. A look at the file's first bytes (its header, its
# application id) that opened and closed a descriptor of its own would drop the app's shared
# lock, and the next program to close the database would checkpoint and delete the -wal the
# app is still writing into. So, while a database is open here, its bytes are read only
# through this descriptor (``read_held``), never by opening the file again.
_held: dict[Path, list[int]] = {}


def protect(db_path: Path) -> None:
    """Register an open database: no file clerk-tui writes may land on it or its companions."""
    real = _real(db_path)
    _open_databases.add(real)
    if real in _held:
        _held[real][1] += 1
        return
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return  # nothing held: read_held answers None and callers read as before
    _held[real] = [fd, 1]


def unprotect(db_path: Path) -> None:
    real = _real(db_path)
    held = _held.get(real)
    if held is not None:
        held[1] -= 1
        if held[1] > 0:
            return
        del _held[real]
        with contextlib.suppress(OSError):
            os.close(held[0])
    _open_databases.discard(real)


def read_held(path: Path, size: int, offset: int = 0) -> bytes | None:
    """``size`` bytes of an open database through the descriptor held for it; None when
    ``path`` is not a database this process holds open (then opening it is harmless)."""
    held = _held.get(_real(path))
    if held is None:
        return None
    try:
        return os.pread(held[0], size, offset)
    except OSError:
        return b""


def size_held(path: Path) -> int | None:
    """The size of an open database, through its held descriptor (None: not held here)."""
    held = _held.get(_real(path))
    if held is None:
        return None
    try:
        return os.fstat(held[0]).st_size
    except OSError:
        return None


def protected() -> frozenset[Path]:
    return frozenset(_open_databases)


def _real(path: Path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser().absolute()))
