"""One writer per database, held two ways.

1. An ``flock`` on ``<db>.lock``, a small file naming the holder (pid and host). It is opened
   with ``O_NOFOLLOW`` and checked to be an ordinary file of its own before anything is written
   to it, so a lock file that is a link (or a hard link to another file) is refused and its
   target never truncated. Found on opening and held by no one, it means the last run ended
   uncleanly. It covers the moment a restore swaps the database file (the lock file stays put).
2. A lock on the database file itself, so that deleting the lock file does not let a second
   writer in: an open-file-description lock (Linux ``F_OFD_SETLK``) on one byte far beyond
   anything SQLite locks (SQLite uses bytes at 1 GiB; this is at 1 TiB). A plain POSIX lock
   would not do: SQLite holds POSIX locks on the same file, and closing *any* descriptor of a
   file drops all of a process's POSIX locks on it — an OFD lock belongs to its own open file
   and survives that, and dies with the process, so it can never be left stale. A second,
   shared lock at 1 TiB + 1 + pid is the holder's name tag: ``F_OFD_GETLK`` finds it (OFD
   locks report no pid), so the refusal names the holder even with the lock file gone.

Why not the other ways: re-checking the lock file's inode tells the second writer nothing once
the file is deleted (its new file is really free); a second hidden lock file can be deleted
just the same; a read transaction held open as an "SQLite-level lock" would stop checkpoints
and let the -wal grow without end. The database file cannot be deleted without the records.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import struct
from pathlib import Path

from db.errors import StorageError
from db.safe_paths import printable

LOCK_BYTE = 1 << 40
TAG_SPAN = 1 << 22  # Linux pid_max at most
# struct flock of 64-bit Linux: short type, short whence, off_t start, off_t len, pid_t pid.
_FLOCK = "hhqqi4x"
_OFD = hasattr(fcntl, "F_OFD_SETLK") and struct.calcsize("P") == 8


class WriterLock:
    """Taken in two steps: the lock file on construction (the database may not exist yet),
    then ``hold_database()`` once the file is there, then ``claim()`` writes the holder's name."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = db_path.with_name(db_path.name + ".lock")
        self.stale = os.path.lexists(self.path)
        self._db_fd: int | None = None
        self.fd = self._open()
        try:
            self._flock()
        except BaseException:
            self.release(keep_file=self.stale)
            raise

    def _open(self) -> int:
        shown = printable(self.path)
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as error:
            if error.errno == errno.ELOOP:
                raise StorageError(
                    f"the lock file {shown} is a symbolic link: clerk-tui never follows it — "
                    "nothing was changed (remove the link if no copy of clerk-tui is running)"
                ) from None
            raise StorageError(f"cannot create the lock file {shown}: {error.strerror}") from None
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            os.close(fd)
            raise StorageError(
                f"the lock file {shown} is not an ordinary file of its own (a device, a pipe, "
                "or a second name of another file): clerk-tui will not write to it — remove it "
                "if no copy of clerk-tui is running"
            )
        return fd

    def _flock(self) -> None:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise self._in_use(_named_in(self.fd)) from None
        # Deleted and made again between our open and our flock: ours is no longer the file.
        if not self._still_ours():
            raise StorageError(
                f"the lock file {printable(self.path)} changed while clerk-tui was opening "
                f"{printable(self.db_path)}: another copy is starting — try again"
            )

    def hold_database(self) -> None:
        """The lock on the database file itself (see the module's note)."""
        if not _OFD or not os.path.isfile(self.db_path):
            return
        try:
            fd = os.open(self.db_path, os.O_RDWR | os.O_NONBLOCK | os.O_CLOEXEC)
        except OSError as error:
            raise StorageError(
                f"cannot open {printable(self.db_path)} for writing: {error.strerror}"
            ) from None
        try:
            _ofd(fd, fcntl.F_WRLCK, LOCK_BYTE, 1)
        except OSError as error:
            holder = _tagged(fd)
            os.close(fd)  # this process holds no SQLite lock on the file yet
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise StorageError(
                    f"cannot lock {printable(self.db_path)}: {error.strerror}"
                ) from None
            raise self._in_use(holder or "another process") from None
        with contextlib.suppress(OSError):  # only the name tag: the lock itself is held
            _ofd(fd, fcntl.F_RDLCK, LOCK_BYTE + 1 + os.getpid(), 1)
        self._db_fd = fd

    def claim(self) -> None:
        """Both locks held: write the holder's name for the next one who asks."""
        try:
            os.ftruncate(self.fd, 0)
            os.pwrite(self.fd, f"{os.getpid()} {os.uname().nodename}\n".encode(), 0)
        except OSError as error:
            why = (error.strerror or str(error)).lower()
            raise StorageError(
                f"cannot write the lock file {printable(self.path)}: {why} — nothing was "
                "recorded (free some space on that disk and try again)"
            ) from None

    def _in_use(self, holder: str) -> StorageError:
        return StorageError(
            f"{printable(self.db_path)} is in use by another copy of clerk-tui ({holder}); "
            "close that one first — nothing was written"
        )

    def _still_ours(self) -> bool:
        try:
            return os.lstat(self.path).st_ino == os.fstat(self.fd).st_ino
        except OSError:
            return False

    def release(self, *, keep_file: bool = False) -> None:
        """Let go of both. The lock file is removed (a clean end) unless ``keep_file`` or it is
        no longer ours; the database's descriptor is closed last, after SQLite's are."""
        if self.fd >= 0:
            if not keep_file and self._still_ours():
                with contextlib.suppress(OSError):
                    self.path.unlink()
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self.fd = -1
        if self._db_fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._db_fd)
            self._db_fd = None


def _ofd(fd: int, kind: int, start: int, length: int) -> None:
    fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack(_FLOCK, kind, os.SEEK_SET, start, length, 0))


def _tagged(fd: int) -> str | None:
    """The pid on the holder's name tag, if the holder left one."""
    probe = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, LOCK_BYTE + 1, TAG_SPAN, 0)
    try:
        kind, _, start, _, _ = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_OFD_GETLK, probe))
    except OSError:
        return None
    if kind == fcntl.F_UNLCK:
        return None
    return f"process {start - LOCK_BYTE - 1} on {os.uname().nodename}"


def _named_in(fd: int) -> str:
    """The holder as its lock file names it."""
    try:
        text = os.pread(fd, 200, 0).decode("utf-8", "replace").split()
    except OSError:
        text = []
    if text and text[0].isdigit():
        host = f" on {printable(text[1])}" if len(text) > 1 else ""
        return f"process {text[0]}{host}"
    return "another process"
