"""The one error a person ever sees: a message in words, and where it came from."""

from __future__ import annotations


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
