"""Backups of the database on the clerk's say-so and on the first start of each day (the one
taken on closing a meeting is part of closing, in :mod:`clerk_tui.desk.chamber`)."""

from __future__ import annotations

from pathlib import Path

from clerk_tui.desk.store import Store
from clerk_tui.errors import ClerkError
from db.backup import list_backups, take_backup
from db.errors import StorageError


class BackupService:
    """``desk.backups``: verified copies of the database beside it, rotated."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def backup_now(self, reason: str = "") -> Path:
        """A verified backup beside the database, then the rotation."""
        try:
            return take_backup(self.store.database.path, self.store.now(), reason)
        except StorageError as error:
            raise ClerkError(str(error)) from None

    def daily_backup(self) -> Path | None:
        """The first start of a day takes a backup (run off the UI thread by the app)."""
        newest = next(iter(list_backups(self.store.database.path)), None)
        if newest is not None and newest.taken.date() == self.store.now().date():
            return None
        return self.backup_now("daily")
