"""Writing an export file atomically: a temporary file in the same folder, fsync, rename.

The target goes through the one guard for every file clerk-tui writes
(:func:`db.safe_paths.safe_target`): never the database, its companions, a backup, a folder or
a device. The file at ``path`` is then either the old one or the complete new one, never
half-written; on any failure the temporary file is removed and the clerk gets a ClerkError in
one line. A temporary file a kill leaves behind is noted in the journal beside the open
database, and removed at the next start (:func:`db.safe_paths.remove_leftovers`).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from clerk_tui.errors import ClerkError
from db import safe_paths
from db.errors import StorageError


def _why(error: OSError, folder: Path) -> str:
    if isinstance(error, PermissionError) or error.errno == errno.EACCES:
        return f"the folder {safe_paths.printable(folder)} is not writable"
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error) or type(error).__name__


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_target(path: Path | str) -> Path:
    """The real file ``path`` leads to, if clerk-tui may write it; ClerkError in one line if
    not (the database, a companion, a backup, a folder, a device, a loop, a missing folder...)."""
    try:
        return safe_paths.safe_target(Path(path).expanduser(), what="")
    except StorageError as error:
        raise ClerkError(str(error)) from None


def write_atomic(path: Path | str, data: bytes | str, *, private: bool = False) -> Path:
    """Write ``data`` (str is written as UTF-8) to ``path`` atomically; return the path.

    The file keeps the permissions of the file it replaces (a new one is 0600);
    ``private=True`` (a paper with exempt matter) makes it 0600 whatever it replaces.

    Raises ClerkError: "cannot write /x/y.docx: the folder /x does not exist", "... is a
    folder", "... the folder /x is not writable", "... no space left on device", "cannot write
    over clerk.db: it is the database in use ...".
    """
    path = Path(path).expanduser()
    target = check_target(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    mode: int | None = 0o600 if private else None
    if not private:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(os.stat(target).st_mode)
    try:
        with safe_paths.temporary_beside(target) as temp:
            # The temporary file is new and ours (O_EXCL, 0600); never follow a link to it.
            fd = os.open(temp, os.O_WRONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                if mode is not None:
                    os.fchmod(handle.fileno(), mode)  # replacing a file keeps its permissions
                os.fsync(handle.fileno())
            os.replace(temp, target)
    except OSError as error:
        # temporary_beside has removed the temporary file on the way out.
        raise ClerkError(
            f"cannot write {safe_paths.printable(path)}: {_why(error, target.parent)}"
        ) from None
    _fsync_folder(target.parent)
    return path
