"""What every service shares: the database, the clock, and one transaction per clerk action
with its audit events."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, SQLModel

from clerk_tui.errors import ClerkError
from db import Database, audit, models

Clock = Callable[[], datetime]
Row = TypeVar("Row", bound=SQLModel)


def system_clock() -> datetime:
    """Wall-clock time to the second: what the minutes and the chamber clock show."""
    return datetime.now().replace(microsecond=0)


class Changes:
    """The audit side of one transaction: every row it touches, logged under one group so that
    undo takes the whole clerk action back at once."""

    def __init__(self, session: Session, at: datetime, meeting_id: int | None) -> None:
        self.session = session
        self.at = at
        self.meeting_id = meeting_id
        self.group_id: int | None = None

    def _log(self, op: str, row: SQLModel, before: dict[str, Any] | None, summary: str) -> None:
        event = audit.log(
            self.session,
            at=self.at,
            op=op,
            row=row,
            before=before,
            meeting_id=self.meeting_id,
            summary=summary,
            group_id=self.group_id,
        )
        self.group_id = event.group_id

    def add(self, row: Row, summary: str = "") -> Row:
        self.session.add(row)
        self.session.flush()
        self._log("create", row, None, summary)
        return row

    def update(self, row: Row, summary: str = "", **values: Any) -> Row:
        before = audit.snapshot(row)
        for name, value in values.items():
            setattr(row, name, value)
        self.session.add(row)
        self.session.flush()
        self._log("update", row, before, summary)
        return row

    def delete(self, row: SQLModel, summary: str = "") -> None:
        before = audit.snapshot(row)
        self.session.delete(row)
        self.session.flush()
        self._log("delete", row, before, summary)


class DeskBase:
    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self.database = database
        self.clock = clock

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        with self.database.session() as session:
            yield session

    @contextlib.contextmanager
    def recording(self, meeting_id: int | None = None) -> Iterator[Changes]:
        """One clerk action: one IMMEDIATE transaction, committed with synchronous=FULL when
        the block ends. A constraint the data breaks becomes a ClerkError in words."""
        try:
            with self.database.transaction() as session:
                yield Changes(session, self.now(), meeting_id)
        except IntegrityError as error:
            raise ClerkError(_integrity_words(error)) from None
        except OperationalError as error:
            raise ClerkError(f"the database could not record that: {error.orig}") from None

    def get(self, session: Session, cls: type[Row], row_id: int, what: str) -> Row:
        row = session.get(cls, row_id)
        if row is None:
            raise ClerkError(f"there is no {what} {row_id}")
        return row


def _integrity_words(error: IntegrityError) -> str:
    text = str(error.orig)
    if "uq_body_minute_number" in text or "agendaitem.body_id, agendaitem.minute_number" in text:
        return "that minute number is already used by this body"
    if "uq_item_position" in text or "agendaitem.meeting_id, agendaitem.position" in text:
        return "two agenda items cannot share a position"
    if "body.name" in text:
        return "a body with that name already exists"
    if "uq_attendance_person" in text or "attendance.meeting_id, attendance.person_id" in text:
        return "that person is already on this meeting's roster"
    if "FOREIGN KEY" in text:
        return "that refers to something that no longer exists"
    if "CHECK constraint failed" in text:
        rule = text.split(":", 1)[-1].strip().replace("_", " ")
        return f"that breaks a rule of the record: {rule}"
    return f"that could not be recorded: {text}"


__all__ = ["Changes", "Clock", "DeskBase", "models", "system_clock"]
