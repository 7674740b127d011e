"""The reads around the papers of a meeting: which meeting the command line means, its
neighbours in the body's calendar, the resolutions that confirm earlier minutes. The meeting's
own records are read whole by :func:`db.snapshot.read_meeting`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from db import models
from db.views import ResolutionView, view_of


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as the command line finds it: by id or by date."""

    id: int
    body_id: int
    body_name: str
    body_short_name: str
    date: datetime.date
    status: str
    minutes_status: str
    approved_at_meeting_id: int | None
    signed_on: datetime.date | None
    previous_meeting_id: int | None


def meeting_ref(session: Session, meeting_id: int) -> MeetingRef | None:
    row = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, col(models.Body.id) == col(models.Meeting.body_id))
        .where(models.Meeting.id == meeting_id)
    ).first()
    return None if row is None else _ref(*row)


def exempt_item_count(session: Session, meeting_id: int) -> int:
    return len(
        session.exec(
            select(models.AgendaItem.id).where(
                models.AgendaItem.meeting_id == meeting_id, col(models.AgendaItem.exempt).is_(True)
            )
        ).all()
    )


def meetings_on(session: Session, day: date) -> list[MeetingRef]:
    rows = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, col(models.Body.id) == col(models.Meeting.body_id))
        .where(models.Meeting.date == day)
        .order_by(col(models.Body.name), col(models.Meeting.scheduled_start))
    ).all()
    return [_ref(m, b) for m, b in rows]


def _ref(meeting: models.Meeting, body: models.Body) -> MeetingRef:
    return MeetingRef(
        id=meeting.id or 0,
        body_id=body.id or 0,
        body_name=body.name,
        body_short_name=body.short_name,
        date=meeting.date,
        status=meeting.status,
        minutes_status=meeting.minutes_status,
        approved_at_meeting_id=meeting.approved_at_meeting_id,
        signed_on=meeting.signed_on,
        previous_meeting_id=meeting.previous_meeting_id,
    )


def minutes_resolutions(session: Session, meeting_id: int) -> list[ResolutionView]:
    """The resolutions recorded under a meeting's previous-minutes items."""
    rows = session.exec(
        select(models.Resolution)
        .join(models.AgendaItem, col(models.AgendaItem.id) == col(models.Resolution.item_id))
        .where(
            models.AgendaItem.meeting_id == meeting_id,
            models.AgendaItem.kind == "previous-minutes",
        )
        .order_by(
            col(models.AgendaItem.position),
            col(models.Resolution.position),
            col(models.Resolution.id),
        )
    ).all()
    return [view_of(ResolutionView, r) for r in rows]


def earlier_meetings(session: Session, body_id: int, before: date) -> list[MeetingRef]:
    """A body's meetings before ``before``, the most recent first."""
    rows = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, col(models.Body.id) == col(models.Meeting.body_id))
        .where(models.Meeting.body_id == body_id, models.Meeting.date < before)
        .order_by(col(models.Meeting.date).desc(), col(models.Meeting.scheduled_start).desc())
    ).all()
    return [_ref(m, b) for m, b in rows]


def later_meetings(session: Session, body_id: int, after: date) -> list[MeetingRef]:
    """A body's meetings after ``after``, the soonest first."""
    rows = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, col(models.Body.id) == col(models.Meeting.body_id))
        .where(models.Meeting.body_id == body_id, models.Meeting.date > after)
        .order_by(col(models.Meeting.date), col(models.Meeting.scheduled_start))
    ).all()
    return [_ref(m, b) for m, b in rows]
