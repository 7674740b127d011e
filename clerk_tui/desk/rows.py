"""Helpers the agenda, membership and import services share: plain functions over the rows of
one transaction (a service never reaches another through inheritance or through the Desk)."""

from __future__ import annotations

from typing import Any

from sqlmodel import func, select

from clerk_tui.desk.preparation import ItemFields, MeetingFields
from clerk_tui.desk.store import Changes, Store
from clerk_tui.errors import ClerkError
from clerk_tui.values import long_date
from db import models
from db.snapshot import meeting_view
from db.views import MeetingView


def read_meeting(store: Store, meeting_id: int) -> MeetingView:
    """The meeting with its body and agenda, read in a transaction of its own."""
    with store.reading() as session:
        view = meeting_view(session, meeting_id)
    if view is None:
        raise ClerkError(f"there is no meeting {meeting_id}")
    return view


def person_for(changes: Changes, title: str, full_name: str) -> models.Person:
    """The one row for this human: reused when the name is known, created when not."""
    name = " ".join(full_name.split())
    if not name:
        raise ClerkError("a person needs a name", where="name")
    found = person_named(changes, name)
    if found is not None:
        if title.strip() and not found.title:
            changes.update(found, f"{name}: title {title}", title=title.strip())
        return found
    return changes.add(
        models.Person(title=title.strip(), full_name=name, created_at=changes.at),
        summary=f"{name} added",
    )


def person_named(changes: Changes, name: str) -> models.Person | None:
    """The person of that full name, whatever its capitals."""
    return changes.session.exec(
        select(models.Person).where(func.lower(models.Person.full_name) == name.lower())
    ).first()


def add_meeting_row(
    changes: Changes, body_id: int, fields: MeetingFields, previous: int | None = None
) -> models.Meeting:
    """Write a meeting and its items inside the caller's transaction."""
    clash = changes.session.exec(
        select(models.Meeting).where(
            models.Meeting.body_id == body_id,
            models.Meeting.date == fields.date,
            models.Meeting.scheduled_start == fields.scheduled_start,
        )
    ).first()
    if clash is not None:
        raise ClerkError(
            f"there is already a meeting at {fields.scheduled_start:%H:%M} on "
            f"{long_date(fields.date)}",
            where="date",
        )
    meeting = changes.add(
        models.Meeting(
            body_id=body_id,
            date=fields.date,
            scheduled_start=fields.scheduled_start,
            venue=fields.venue.strip(),
            livestream_url=fields.livestream_url.strip(),
            previous_meeting_id=previous,
            created_at=changes.at,
        ),
        summary=f"meeting of {long_date(fields.date)} created",
    )
    changes.meeting_id = meeting.id
    for position, item in enumerate(fields.items):
        add_item_row(changes, meeting, position, item)
    return meeting


def add_item_row(
    changes: Changes, meeting: models.Meeting, position: int, item: ItemFields
) -> models.AgendaItem:
    return changes.add(
        models.AgendaItem(
            meeting_id=meeting.id or 0,
            body_id=meeting.body_id,
            position=position,
            **stripped(item.__dict__),
            created_at=changes.at,
        ),
        summary=f"item {item.number} {item.title} added",
    )


def stripped(values: dict[str, Any]) -> dict[str, Any]:
    """The fields of a dialog with the spaces typed around each text taken off."""
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
