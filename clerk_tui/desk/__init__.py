"""The services the screens call: one method per clerk action, each one transaction with its
audit events, each returning read models. Split by the stage of a meeting's life."""

from __future__ import annotations

from pathlib import Path

from clerk_tui.desk.base import Clock, system_clock
from clerk_tui.desk.chamber import ChamberDesk
from clerk_tui.desk.decisions import DecisionDesk
from clerk_tui.desk.exporting import ExportDesk
from clerk_tui.desk.preparation import BodyFields, ItemFields, MeetingFields, PreparationDesk
from clerk_tui.desk.tracker import TrackerDesk
from clerk_tui.errors import ClerkError
from db.backup import list_backups, take_backup
from db.errors import StorageError
from db.views import (
    BodyView,
    ItemView,
    MeetingSummary,
    MeetingView,
    MembershipView,
    PersonView,
)


class Desk(PreparationDesk, ChamberDesk, DecisionDesk, TrackerDesk, ExportDesk):
    """Everything a clerk can do, in one object handed to the app."""

    def backup_now(self, reason: str = "") -> Path:
        """A verified backup beside the database, then the rotation."""
        try:
            return take_backup(self.database.path, self.now(), reason)
        except StorageError as error:
            raise ClerkError(str(error)) from None

    def daily_backup(self) -> Path | None:
        """The first start of a day takes a backup (run off the UI thread by the app)."""
        newest = next(iter(list_backups(self.database.path)), None)
        if newest is not None and newest.taken.date() == self.now().date():
            return None
        return self.backup_now("daily")

    def open_demo(self) -> Desk:
        """A Desk on the demo database (built when new), with the same clock."""
        from clerk_tui import paths
        from clerk_tui.demo import open_demo

        path = paths.demo_db_path()
        if path.absolute() == self.database.path:
            return self
        try:
            return Desk(open_demo(path), self.clock)
        except StorageError as error:
            raise ClerkError(str(error)) from None


__all__ = [
    "BodyFields",
    "BodyView",
    "Clock",
    "Desk",
    "ItemFields",
    "ItemView",
    "MeetingFields",
    "MeetingSummary",
    "MeetingView",
    "MembershipView",
    "PersonView",
    "system_clock",
]
