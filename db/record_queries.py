"""The reads behind the papers of a meeting: everything recorded on it, as plain rows.

``db`` imports nothing above it, so these are db-level frozen dataclasses; the export desk turns
them into the minutes' input records. Each read is a handful of queries for the whole meeting
(one per table, filtered by the meeting's items), never one query per item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlmodel import Session, col, select

from db import models


@dataclass(frozen=True)
class PersonRow:
    id: int
    title: str
    full_name: str


@dataclass(frozen=True)
class AttendanceRow:
    """An attendance with what the person's membership in force on the day adds to it."""

    person: PersonRow
    capacity: str
    status: str
    represents: str
    role_text: str
    substitute_for: PersonRow | None
    arrived_at: datetime | None
    arrived_item_id: int | None
    left_at: datetime | None
    left_item_id: int | None
    membership_role: str = ""
    membership_represents: str = ""
    membership_role_text: str = ""


@dataclass(frozen=True)
class NoteRow:
    kind: str
    text: str
    created_at: datetime


@dataclass(frozen=True)
class ResolutionRow:
    id: int
    text: str
    parent_id: int | None
    created_at: datetime
    confirms_minutes_of_id: int | None


@dataclass(frozen=True)
class VoteRow:
    id: int
    outcome_text: str
    inquorate: bool
    # (choice, person) for a recorded vote, in the order the names were taken.
    choices: tuple[tuple[str, PersonRow], ...] = ()


@dataclass(frozen=True)
class DeclarationRow:
    person: PersonRow
    kind: str
    nature: str
    action: str


@dataclass(frozen=True)
class ItemRow:
    id: int
    number: str
    title: str
    description: str
    papers: str
    approximate_time: time | None
    kind: str
    exempt: bool
    exempt_reason: str
    state: str
    actual_start: datetime | None
    actual_end: datetime | None
    minute_number: int | None
    notes: tuple[NoteRow, ...] = ()
    resolutions: tuple[ResolutionRow, ...] = ()
    votes: tuple[VoteRow, ...] = ()
    declarations: tuple[DeclarationRow, ...] = ()


@dataclass(frozen=True)
class MeetingRows:
    id: int
    body_id: int
    body_name: str
    body_short_name: str
    website: str
    contact_name: str
    contact_email: str
    contact_phone: str
    date: date
    scheduled_start: time
    venue: str
    livestream_url: str
    status: str
    minutes_status: str
    actual_start: datetime | None
    actual_end: datetime | None
    items: tuple[ItemRow, ...]
    attendance: tuple[AttendanceRow, ...]


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as the command line finds it: by id or by date."""

    id: int
    body_id: int
    body_name: str
    body_short_name: str
    date: date
    status: str
    minutes_status: str
    approved_at_meeting_id: int | None
    signed_on: date | None
    previous_meeting_id: int | None


def _person(row: models.Person) -> PersonRow:
    return PersonRow(id=row.id or 0, title=row.title, full_name=row.full_name)


def _grouped(pairs: Iterable[tuple[int, object]]) -> dict[int, list[object]]:
    out: dict[int, list[object]] = defaultdict(list)
    for key, value in pairs:
        out[key].append(value)
    return out


def meeting_ref(session: Session, meeting_id: int) -> MeetingRef | None:
    row = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, models.Body.id == models.Meeting.body_id)
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
        .join(models.Body, models.Body.id == models.Meeting.body_id)
        .where(models.Meeting.date == day)
        .order_by(models.Body.name, models.Meeting.scheduled_start)
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


def meeting_rows(session: Session, meeting_id: int) -> MeetingRows | None:
    """Everything recorded on a meeting, items in agenda order; None if there is no such."""
    found = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, models.Body.id == models.Meeting.body_id)
        .where(models.Meeting.id == meeting_id)
    ).first()
    if found is None:
        return None
    meeting, body = found
    items = list(
        session.exec(
            select(models.AgendaItem)
            .where(models.AgendaItem.meeting_id == meeting_id)
            .order_by(models.AgendaItem.position)
        ).all()
    )
    ids = [item.id for item in items]
    notes = _grouped(
        (n.item_id, NoteRow(kind=n.kind, text=n.text, created_at=n.created_at))
        for n in session.exec(
            select(models.MinuteNote)
            .where(col(models.MinuteNote.item_id).in_(ids))
            .order_by(models.MinuteNote.position, models.MinuteNote.id)
        ).all()
    )
    resolutions = _grouped(
        (
            r.item_id,
            ResolutionRow(
                id=r.id or 0,
                text=r.text,
                parent_id=r.parent_id,
                created_at=r.created_at,
                confirms_minutes_of_id=r.confirms_minutes_of_id,
            ),
        )
        for r in session.exec(
            select(models.Resolution)
            .where(col(models.Resolution.item_id).in_(ids))
            .order_by(models.Resolution.position, models.Resolution.id)
        ).all()
    )
    declarations = _grouped(
        (d.item_id, DeclarationRow(_person(p), d.kind, d.nature, d.action))
        for d, p in session.exec(
            select(models.Declaration, models.Person)
            .join(models.Person, models.Person.id == models.Declaration.person_id)
            .where(models.Declaration.meeting_id == meeting_id)
            .order_by(models.Declaration.created_at, models.Declaration.id)
        ).all()
    )
    votes = _votes(session, ids)
    return MeetingRows(
        id=meeting.id or 0,
        body_id=body.id or 0,
        body_name=body.name,
        body_short_name=body.short_name,
        website=body.website,
        contact_name=body.contact_name,
        contact_email=body.contact_email,
        contact_phone=body.contact_phone,
        date=meeting.date,
        scheduled_start=meeting.scheduled_start,
        venue=meeting.venue,
        livestream_url=meeting.livestream_url,
        status=meeting.status,
        minutes_status=meeting.minutes_status,
        actual_start=meeting.actual_start,
        actual_end=meeting.actual_end,
        items=tuple(
            ItemRow(
                id=item.id or 0,
                number=item.number,
                title=item.title,
                description=item.description,
                papers=item.papers,
                approximate_time=item.approximate_time,
                kind=item.kind,
                exempt=item.exempt,
                exempt_reason=item.exempt_reason,
                state=item.state,
                actual_start=item.actual_start,
                actual_end=item.actual_end,
                minute_number=item.minute_number,
                notes=tuple(notes.get(item.id or 0, ())),  # type: ignore[arg-type]
                resolutions=tuple(resolutions.get(item.id or 0, ())),  # type: ignore[arg-type]
                votes=tuple(votes.get(item.id or 0, ())),
                declarations=tuple(declarations.get(item.id or 0, ())),  # type: ignore[arg-type]
            )
            for item in items
        ),
        attendance=tuple(_attendance(session, meeting)),
    )


def _votes(session: Session, item_ids: list[int | None]) -> dict[int, list[VoteRow]]:
    rows = session.exec(
        select(models.Vote)
        .where(col(models.Vote.item_id).in_(item_ids))
        .order_by(models.Vote.recorded_at, models.Vote.id)
    ).all()
    choices: dict[int, list[tuple[str, PersonRow]]] = defaultdict(list)
    for person_vote, person in session.exec(
        select(models.PersonVote, models.Person)
        .join(models.Person, models.Person.id == models.PersonVote.person_id)
        .where(col(models.PersonVote.vote_id).in_([v.id for v in rows]))
        .order_by(models.PersonVote.id)
    ).all():
        choices[person_vote.vote_id].append((person_vote.choice, _person(person)))
    out: dict[int, list[VoteRow]] = defaultdict(list)
    for vote in rows:
        out[vote.item_id].append(
            VoteRow(
                id=vote.id or 0,
                outcome_text=vote.outcome_text,
                inquorate=vote.inquorate,
                choices=tuple(choices.get(vote.id or 0, ())),
            )
        )
    return out


def _attendance(session: Session, meeting: models.Meeting) -> list[AttendanceRow]:
    """The meeting's attendance in the order it was recorded, with each person's membership
    of the body in force on the day (where the attendance itself leaves a field empty)."""
    rows = session.exec(
        select(models.Attendance, models.Person)
        .join(models.Person, models.Person.id == models.Attendance.person_id)
        .where(models.Attendance.meeting_id == meeting.id)
        .order_by(models.Attendance.id)
    ).all()
    memberships: dict[int, models.Membership] = {}
    for membership in session.exec(
        select(models.Membership)
        .where(
            models.Membership.body_id == meeting.body_id,
            models.Membership.start_date <= meeting.date,
            col(models.Membership.end_date).is_(None)
            | (models.Membership.end_date >= meeting.date),
        )
        .order_by(models.Membership.start_date)
    ).all():
        memberships[membership.person_id] = membership  # the latest one started wins
    substitutes = {
        p.id: _person(p)
        for p in session.exec(
            select(models.Person).where(
                col(models.Person.id).in_(
                    [a.substitute_for_id for a, _ in rows if a.substitute_for_id is not None]
                )
            )
        ).all()
    }
    out = []
    for attendance, person in rows:
        membership = memberships.get(person.id or 0)
        out.append(
            AttendanceRow(
                person=_person(person),
                capacity=attendance.capacity,
                status=attendance.status,
                represents=attendance.represents,
                role_text=attendance.role_text,
                substitute_for=substitutes.get(attendance.substitute_for_id),
                arrived_at=attendance.arrived_at,
                arrived_item_id=attendance.arrived_item_id,
                left_at=attendance.left_at,
                left_item_id=attendance.left_item_id,
                membership_role=membership.role if membership else "",
                membership_represents=membership.represents if membership else "",
                membership_role_text=membership.role_text if membership else "",
            )
        )
    return out


def minutes_resolutions(session: Session, meeting_id: int) -> list[ResolutionRow]:
    """The resolutions recorded under a meeting's previous-minutes items."""
    rows = session.exec(
        select(models.Resolution)
        .join(models.AgendaItem, models.AgendaItem.id == models.Resolution.item_id)
        .where(
            models.AgendaItem.meeting_id == meeting_id,
            models.AgendaItem.kind == "previous-minutes",
        )
        .order_by(models.AgendaItem.position, models.Resolution.position, models.Resolution.id)
    ).all()
    return [
        ResolutionRow(
            id=r.id or 0,
            text=r.text,
            parent_id=r.parent_id,
            created_at=r.created_at,
            confirms_minutes_of_id=r.confirms_minutes_of_id,
        )
        for r in rows
    ]


def earlier_meetings(session: Session, body_id: int, before: date) -> list[MeetingRef]:
    """A body's meetings before ``before``, the most recent first."""
    rows = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, models.Body.id == models.Meeting.body_id)
        .where(models.Meeting.body_id == body_id, models.Meeting.date < before)
        .order_by(col(models.Meeting.date).desc(), col(models.Meeting.scheduled_start).desc())
    ).all()
    return [_ref(m, b) for m, b in rows]


def later_meetings(session: Session, body_id: int, after: date) -> list[MeetingRef]:
    """A body's meetings after ``after``, the soonest first."""
    rows = session.exec(
        select(models.Meeting, models.Body)
        .join(models.Body, models.Body.id == models.Meeting.body_id)
        .where(models.Meeting.body_id == body_id, models.Meeting.date > after)
        .order_by(models.Meeting.date, models.Meeting.scheduled_start)
    ).all()
    return [_ref(m, b) for m, b in rows]
