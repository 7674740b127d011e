"""The audit trail: every change the clerk makes is written with the row before and after, in
the same transaction as the change, so "when was this recorded" and undo both read one place."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, get_args

from pydantic import NaiveDatetime
from sqlalchemy import ForeignKeyConstraint, inspect
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
        models.MinuteSentence,
        models.SentenceStyle,
        models.BodyTemplate,
        models.Motion,  # schema v6: undo of a motion moved, amended, voted on or deleted
        models.Vote,
        models.PersonVote,
        models.Resolution,
        models.Action,
        models.ActionUpdate,
        models.Speaker,  # schema v6: undo of a speaker listed, timed, moved or deleted
    )
}


def _references() -> dict[str, list[tuple[type[SQLModel], ForeignKeyConstraint]]]:
    """For each audited table, the foreign keys of audited tables that point at it (sorted,
    so the audit of one delete reads the same whenever it is made). The audit's own events
    are left to the schema: they outlive what they tell of."""
    found: dict[str, list[tuple[type[SQLModel], ForeignKeyConstraint]]] = {}
    for name, cls in TABLES.items():
        table = SQLModel.metadata.tables[name]
        for key in sorted(table.foreign_key_constraints, key=lambda k: tuple(k.column_keys)):
            found.setdefault(key.referred_table.name, []).append((cls, key))
    return found


_REFERENCES = _references()


def _part_of(key: ForeignKeyConstraint) -> bool:
    return bool(key.info.get(models.PART_OF)) or all(
        column.info.get(models.PART_OF) for column in key.columns
    )


@dataclass(frozen=True)
class Dependent:
    """One change a delete must make first: ``row`` deleted when ``unlink`` is empty, else
    the columns named in ``unlink`` set to nothing (a reference to a row going away)."""

    row: SQLModel
    unlink: dict[str, None] = field(default_factory=dict)


def table_name(cls: type[SQLModel]) -> str:
    name = cls.__tablename__
    return name if isinstance(name, str) else name()


def _key(row: SQLModel) -> tuple[str, int]:
    return table_name(type(row)), row.id  # type: ignore[attr-defined]


def _referring(
    session: Session, row: SQLModel, *, part_of: bool
) -> list[tuple[SQLModel, ForeignKeyConstraint]]:
    """The rows whose foreign keys point at ``row``: those part of it (``part_of``), or those
    the schema would set to nothing (ON DELETE SET NULL), each with the key that points."""
    found: list[tuple[SQLModel, ForeignKeyConstraint]] = []
    for cls, key in _REFERENCES.get(table_name(type(row)), []):
        if _part_of(key) != part_of or (not part_of and key.ondelete != "SET NULL"):
            continue
        values = {e.parent.key: getattr(row, e.column.key) for e in key.elements}
        if None in values.values():
            continue
        query = (
            select(cls)
            .where(*(getattr(cls, name) == value for name, value in values.items()))
            .order_by(*inspect(cls).primary_key)
        )
        found.extend((child, key) for child in session.exec(query).all())
    return found


def dependents(session: Session, row: SQLModel) -> list[Dependent]:
    """What deleting ``row`` must change first, in an order safe to make it, so that each
    change is an audit event of its own and undo puts every one back: every row part of it
    (models.PART_OF: an item's notes, a resolution's sub-points, children of children
    included) deleted after its own parts, and every row that only refers to one of those
    (ON DELETE SET NULL: an arrival during the item) unlinked just before that one goes.
    Found from the models' foreign keys, so a new table is covered without naming it here.
    A reference of any other kind (a person's votes) is left to the database, which refuses."""
    doomed: list[SQLModel] = []
    seen = {_key(row)}

    def collect(parent: SQLModel) -> None:
        for child, _ in _referring(session, parent, part_of=True):
            if _key(child) not in seen:
                seen.add(_key(child))
                collect(child)
                doomed.append(child)

    collect(row)
    steps: list[Dependent] = []
    gone: set[tuple[str, int]] = set()
    for each in [*doomed, row]:
        for referrer, key in _referring(session, each, part_of=False):
            if _key(referrer) not in gone:
                steps.append(Dependent(referrer, dict.fromkeys(key.column_keys)))
        if each is not row:
            steps.append(Dependent(each))
            gone.add(_key(each))
    return steps


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, bytes):
        # A file's bytes (a body's Word template, up to 20 MB) are told by their digest: the
        # audit says which file was set and when; the bytes themselves are in the backups.
        return f"sha256:{hashlib.sha256(value).hexdigest()}"
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
