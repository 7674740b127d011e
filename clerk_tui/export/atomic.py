"""Writing an export file atomically: a temporary file in the same folder, fsync, rename.

The file at ``path`` is either the old one or the complete new one, never half-written; on
any failure the temporary file is removed and the clerk gets a ClerkError in words.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from clerk_tui.errors import ClerkError


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.strerror:
        return error.strerror[0].lower() + error.strerror[1:]
    return str(error)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (where the platform lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path | str, data: bytes | str, *, private: bool = False) -> Path:
    """Write ``data`` (str is written as UTF-8) to ``path`` atomically; return the path.

    The file keeps the permissions of the file it replaces; ``private=True`` (a paper with
    exempt matter) makes it 0600 whatever it replaces.

    Raises ClerkError: "cannot write /x/y.docx: the folder /x does not exist", "... is a
    folder", "... the folder /x is not writable", "... no space left on device".
    """
    path = Path(path).expanduser()
    folder = path.parent
    fail = f"cannot write {path}"
    if path.is_dir():
        raise ClerkError(f"{fail}: it is a folder")
    if not folder.exists():
        raise ClerkError(f"{fail}: the folder {folder} does not exist")
    if not folder.is_dir():
        raise ClerkError(f"{fail}: {folder} is a file, not a folder")
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    mode: int | None = 0o600 if private else None
    if not private:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(path.stat().st_mode)
    try:
        fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except PermissionError as error:
        raise ClerkError(f"{fail}: the folder {folder} is not writable") from error
    except OSError as error:
        raise ClerkError(f"{fail}: {_why(error)}") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)  # replacing a file keeps its permissions
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise ClerkError(f"{fail}: {_why(error)}") from error
        raise
    _fsync_folder(folder)
    return path
