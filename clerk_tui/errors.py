"""The one error a person ever sees: a message in words, and where it came from; and, for what
was never meant to happen, the one place its details are kept (a log file, never the screen)."""

from __future__ import annotations

import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

LOG_NAME = "clerk-tui.log"


class ClerkError(Exception):
    """Something a clerk caused or can fix, told in one line.

    ``where`` names the place (a file, a file and line, a field) so the message can say it;
    the command line prints ``str(error)`` and exits 2, the app shows it as a notification.
    """

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DatabaseFailed(ClerkError):
    """The database file itself failed under the app: damaged, an I/O error, the disk full, made
    read-only, deleted or replaced. Not a refusal of one record but of every record from now on:
    the Desk that raised it records nothing more (reads that still work go on working).

    ``first`` is True for the error that found the failure (the app announces that one
    prominently), False for each record refused afterwards."""

    def __init__(self, message: str, *, cause: str, first: bool = True) -> None:
        super().__init__(message)
        self.cause = cause
        self.first = first


def log_path() -> Path:
    """The log file in the data folder, where the details of an unexpected error go."""
    from clerk_tui import paths  # platformdirs: only when an error is logged

    return paths.data_dir() / LOG_NAME


def log_unexpected(error: BaseException, context: str = "") -> Path | None:
    """Append ``error`` with its traceback and the time to the log file (0600, created when
    absent, never followed through a symbolic link); return its path, or None when even that
    cannot be written (a full disk), so the one line the clerk sees can say so."""
    path = log_path()
    lines = [
        f"---- {datetime.now():%Y-%m-%d %H:%M:%S} clerk-tui {_version()} "
        f"(Python {sys.version.split()[0]}){' — ' + context if context else ''}\n",
        *traceback.format_exception(type(error), error, error.__traceback__),
        "\n",
    ]
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.path.lexists(path):
            from db.errors import StorageError
            from db.safe_paths import safe_target

            try:  # the one guard: never appended to a database (or a link or a device)
                safe_target(path, what="the log")
            except StorageError:
                return None
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW
        fd = os.open(path, flags, 0o600)
        try:
            os.fchmod(fd, 0o600)  # a log written by an older run with looser rights
            os.write(fd, "".join(lines).encode("utf-8", "backslashreplace"))
        finally:
            os.close(fd)
    except OSError:
        return None
    return path


def unexpected_line(error: BaseException, logged: Path | None) -> str:
    """The one line for an error nobody foresaw: what it was and where its details are."""
    what = " ".join(str(error).split()) or "(no message)"
    if len(what) > 200:
        what = what[:199] + "…"
    where = f"details in {logged}" if logged else "no log could be written"
    return f"clerk-tui: unexpected error: {type(error).__name__}: {what} ({where})"


def _version() -> str:
    from clerk_tui import __version__

    return __version__
