"""The rows the chamber services change: a person's attendance at a meeting, their membership
in force, the actions raised on the meeting's items. What the chamber shows is read whole by
:func:`db.snapshot.read_meeting` (the roster: :func:`db.chamber_views.roster_of`)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, col, select

from db import models
from db.snapshot import in_force


def attendance_of(session: Session, meeting_id: int, person_id: int) -> models.Attendance | None:
    return session.exec(
        select(models.Attendance).where(
            models.Attendance.meeting_id == meeting_id,
            models.Attendance.person_id == person_id,
        )
    ).first()


def membership_of(
    session: Session, body_id: int, person_id: int, on: date
) -> models.Membership | None:
    """The person's membership of the body in force on ``on`` (the earliest, if several)."""
    return session.exec(
        select(models.Membership)
        .where(
            models.Membership.body_id == body_id,
            models.Membership.person_id == person_id,
            in_force(on),
        )
        .order_by(col(models.Membership.start_date), col(models.Membership.id))
    ).first()


def actions_of_meeting_items(session: Session, meeting_id: int) -> list[models.Action]:
    """Tracker actions raised on any item of this meeting (their minute number follows it)."""
    item_ids = select(models.AgendaItem.id).where(models.AgendaItem.meeting_id == meeting_id)
    return list(
        session.exec(select(models.Action).where(col(models.Action.item_id).in_(item_ids))).all()
    )
