"""The reads the screens need, each returning read models (db/views.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, select

from db import models
from db.snapshot import in_force
from db.views import (
    BodyView,
    ItemView,
    MeetingSummary,
    MembershipView,
    PersonView,
    view_of,
)


def body_view(body: models.Body, outstanding: int = 0) -> BodyView:
    return view_of(BodyView, body, outstanding_actions=outstanding)


def person_view(person: models.Person) -> PersonView:
    return view_of(PersonView, person)


def item_view(item: models.AgendaItem) -> ItemView:
    return view_of(ItemView, item)


def bodies(session: Session) -> list[BodyView]:
    counts = dict(
        session.exec(
            select(models.Action.body_id, func.count())
            .where(models.Action.status == "outstanding")
            .group_by(col(models.Action.body_id))
        ).all()
    )
    rows = session.exec(select(models.Body).order_by(col(models.Body.name))).all()
    return [body_view(body, counts.get(body.id or 0, 0)) for body in rows]


def body(session: Session, body_id: int) -> BodyView | None:
    row = session.get(models.Body, body_id)
    if row is None:
        return None
    outstanding = session.exec(
        select(func.count())
        .select_from(models.Action)
        .where(models.Action.body_id == body_id, models.Action.status == "outstanding")
    ).one()
    return body_view(row, outstanding)


def meetings(session: Session, body_id: int | None = None) -> list[MeetingSummary]:
    """Meetings, newest date first (upcoming ones are the newest)."""
    item_counts = (
        select(models.AgendaItem.meeting_id, func.count().label("n"))
        .group_by(col(models.AgendaItem.meeting_id))
        .subquery()
    )
    query = (
        select(models.Meeting, models.Body.name, item_counts.c.n)
        .join(models.Body, col(models.Body.id) == col(models.Meeting.body_id))
        .join(item_counts, item_counts.c.meeting_id == col(models.Meeting.id), isouter=True)
        .order_by(col(models.Meeting.date).desc(), col(models.Meeting.scheduled_start).desc())
    )
    if body_id is not None:
        query = query.where(models.Meeting.body_id == body_id)
    return [
        MeetingSummary(
            id=meeting.id or 0,
            body_id=meeting.body_id,
            body_name=body_name,
            date=meeting.date,
            scheduled_start=meeting.scheduled_start,
            venue=meeting.venue,
            status=meeting.status,
            minutes_status=meeting.minutes_status,
            item_count=count or 0,
        )
        for meeting, body_name, count in session.exec(query).all()
    ]


def items(session: Session, meeting_id: int) -> list[models.AgendaItem]:
    return list(
        session.exec(
            select(models.AgendaItem)
            .where(models.AgendaItem.meeting_id == meeting_id)
            .order_by(col(models.AgendaItem.position))
        ).all()
    )


def memberships(session: Session, body_id: int, on: date | None = None) -> list[MembershipView]:
    """A body's memberships (those in force on ``on`` when given), chair first, then by name."""
    query = (
        select(models.Membership, models.Person)
        .join(models.Person, col(models.Person.id) == col(models.Membership.person_id))
        .where(models.Membership.body_id == body_id)
    )
    if on is not None:
        query = query.where(in_force(on))
    rows = session.exec(query).all()
    names = {m.id: p for m, p in rows}
    order = {"chair": 0, "vice-chair": 1}
    views = [
        MembershipView(
            id=m.id or 0,
            person=person_view(p),
            body_id=m.body_id,
            role=m.role,
            represents=m.represents,
            role_text=m.role_text,
            voting=m.voting,
            start_date=m.start_date,
            end_date=m.end_date,
            replaces_id=m.replaces_id,
            replaces_name=(
                person_view(names[m.replaces_id]).display_name if m.replaces_id in names else ""
            ),
        )
        for m, p in rows
    ]
    return sorted(
        views,
        key=lambda v: (
            v.role in ("officer", "guest"),
            order.get(v.role, 2),
            v.person.surname.lower(),
            v.person.full_name.lower(),
        ),
    )


def people(session: Session, starting: str = "", limit: int = 20) -> list[PersonView]:
    query = select(models.Person).order_by(col(models.Person.full_name)).limit(limit)
    if starting:
        pattern = f"%{starting}%"
        query = query.where(col(models.Person.full_name).ilike(pattern))
    return [person_view(p) for p in session.exec(query).all()]
