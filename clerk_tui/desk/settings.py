"""The clerk's own choices that outlive a run (the theme): a small JSON file in the data folder.

Not in the database: a choice of the person at this laptop, the same whichever database (their
own or the demo) is open. Read once at start-up (a few hundred bytes, no import beyond the
standard library); written atomically through the one guard when a choice changes. A file that
is missing is the defaults; one that is broken, unreadable or not a file is ignored with a line
in the log, and the app starts as if it were missing — never a traceback, never a wait (a FIFO
put there is opened without blocking and refused).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from clerk_tui import paths
from clerk_tui.errors import ClerkError, log_unexpected

# Far more than a theme's name takes: a bigger file is not ours.
MAX_BYTES = 64 * 1024


class BrokenSettings(ValueError):
    """What the log says of a settings file that cannot be used."""


def remembered_theme(available: set[str] | dict[str, Any]) -> str | None:
    """The theme the clerk last chose, if it is still one of ``available``."""
    theme = _read(paths.settings_path()).get("theme")
    return theme if isinstance(theme, str) and theme in available else None


def remember_theme(theme: str) -> None:
    """Keep ``theme`` for the next start (whatever else the file holds stays). Raises
    ClerkError in one line when it cannot be written."""
    from clerk_tui.export.atomic import write_atomic  # only when a choice is written

    path = paths.settings_path()
    values = _read(path)
    if values.get("theme") == theme:
        return
    values["theme"] = theme
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise ClerkError(f"cannot write {path}: {error.strerror or error}") from None
    write_atomic(path, json.dumps(values, indent=2) + "\n", private=True)


def _read(path: Path) -> dict[str, Any]:
    try:
        values = json.loads(_read_bytes(path))
        if not isinstance(values, dict):
            raise BrokenSettings(f"{path} holds {type(values).__name__}, not settings")
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:  # JSONDecodeError and UnicodeDecodeError too
        log_unexpected(error, f"reading the settings file {path}: ignored, defaults used")
        return {}
    return values


def _read_bytes(path: Path) -> bytes:
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise BrokenSettings(f"{path} is not a regular file")
        data = os.read(fd, MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise BrokenSettings(f"{path} is larger than {MAX_BYTES} bytes")
    return data
