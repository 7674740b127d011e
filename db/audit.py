"""The audit trail: every change the clerk makes is written with the row before and after, in
the same transaction as the change, so "when was this recorded" and undo both read one place."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Any, get_args

from pydantic import NaiveDatetime
from sqlmodel import Session, SQLModel, col, select

from db import models

# Tables by name, for undo to find a row's class from an audit event.
TABLES: dict[str, type[SQLModel]] = {
    cls.__tablename__: cls  # type: ignore[misc]
    for cls in (
        models.Body,
        models.Person,
        models.Membership,
        models.Meeting,
        models.AgendaItem,
        models.Attendance,
        models.Declaration,
        models.MinuteNote,
        models.Vote,
        models.PersonVote,
        models.Resolution,
        models.Action,
        models.ActionUpdate,
    )
}


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def snapshot(row: SQLModel) -> dict[str, Any]:
    """The row's columns as JSON-safe values."""
    return {name: _plain(getattr(row, name)) for name in type(row).model_fields}


def _revive(cls: type[SQLModel], data: dict[str, Any]) -> dict[str, Any]:
    """Turn a snapshot's ISO strings back into the column types."""
    out: dict[str, Any] = {}
    for name, value in data.items():
        field = cls.model_fields.get(name)
        if value is not None and field is not None and isinstance(value, str):
            kinds = {field.annotation, *get_args(field.annotation)}
            if datetime in kinds or NaiveDatetime in kinds:
                value = datetime.fromisoformat(value)
            elif date in kinds:
                value = date.fromisoformat(value)
            elif time in kinds:
                value = time.fromisoformat(value)
        out[name] = value
    return out


def log(
    session: Session,
    *,
    at: datetime,
    op: str,
    row: SQLModel,
    before: dict[str, Any] | None = None,
    meeting_id: int | None = None,
    summary: str = "",
    group_id: int | None = None,
) -> models.AuditEvent:
    """Write one audit event for ``row`` (flushed, so ``row.id`` is known)."""
    session.flush()
    event = models.AuditEvent(
        at=at,
        meeting_id=meeting_id,
        entity=type(row).__tablename__,  # type: ignore[arg-type]
        entity_id=row.id,  # type: ignore[attr-defined]
        op=op,
        before=json.dumps(before) if before is not None else None,
        after=json.dumps(snapshot(row)) if op != "delete" else None,
        summary=summary,
        group_id=group_id,
    )
    session.add(event)
    session.flush()
    if group_id is None:
        event.group_id = event.id
    return event


def last_undoable_group(session: Session, meeting_id: int) -> list[models.AuditEvent]:
    """The newest group of this meeting's events not yet undone (newest event first)."""
    newest = session.exec(
        select(models.AuditEvent)
        .where(models.AuditEvent.meeting_id == meeting_id, col(models.AuditEvent.undone).is_(False))
        .order_by(col(models.AuditEvent.id).desc())
        .limit(1)
    ).first()
    if newest is None:
        return []
    return list(
        session.exec(
            select(models.AuditEvent)
            .where(models.AuditEvent.group_id == newest.group_id)
            .order_by(col(models.AuditEvent.id).desc())
        ).all()
    )


def revert(session: Session, event: models.AuditEvent) -> None:
    """Put the row back as it was before ``event``."""
    cls = TABLES[event.entity]
    if event.op == "create":
        row = session.get(cls, event.entity_id)
        if row is not None:
            session.delete(row)
    elif event.op == "update":
        row = session.get(cls, event.entity_id)
        if row is not None and event.before:
            for name, value in _revive(cls, json.loads(event.before)).items():
                setattr(row, name, value)
            session.add(row)
    elif event.op == "delete" and event.before:
        session.add(cls(**_revive(cls, json.loads(event.before))))
    event.undone = True
    session.add(event)
    session.flush()
