"""Storage errors, told in words. ``db`` imports nothing above it, so it has its own error;
the services and the command line show it exactly like a ClerkError."""

from __future__ import annotations


class StorageError(Exception):
    """A database that cannot be used as asked: damaged, newer, held by another process..."""

    def __init__(self, message: str, *, where: str | None = None, damaged: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.where = where
        # True when the file itself is broken, so a backup is worth offering.
        self.damaged = damaged

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message
