"""The reads of the chamber: a meeting's roster (memberships in force merged with attendance),
its declarations, and the rows the chamber services change."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, func, select

from db import models, queries
from db.chamber_views import AttendeeView, ChamberRecord
from db.snapshot import in_force, meeting_view
from db.views import DeclarationView, PersonView, view_of

# Where a capacity sits in the roster: members, then officers, then guests.
_CAPACITY_ORDER = {"member": 0, "substitute": 0, "officer": 1, "guest": 2}


def chamber_record(session: Session, meeting_id: int) -> ChamberRecord | None:
    meeting = meeting_view(session, meeting_id)
    if meeting is None:
        return None
    return ChamberRecord(
        meeting=meeting,
        roster=roster(session, meeting_id, meeting.body.id, meeting.date),
        declarations=declarations(session, meeting_id),
    )


def attendance_rows(session: Session, meeting_id: int) -> list[models.Attendance]:
    return list(
        session.exec(
            select(models.Attendance)
            .where(models.Attendance.meeting_id == meeting_id)
            .order_by(col(models.Attendance.id))
        ).all()
    )


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


def person_named(session: Session, full_name: str) -> models.Person | None:
    """The one row for a human, found by full name whatever its capitals."""
    return session.exec(
        select(models.Person).where(func.lower(models.Person.full_name) == full_name.lower())
    ).first()


def roster(session: Session, meeting_id: int, body_id: int, on: date) -> tuple[AttendeeView, ...]:
    """The memberships in force on the meeting date, each with its attendance row when marked,
    each substitute just after the member they sit for, then the officers and guests.

    Read as plain columns, not ORM rows: the roster is re-read after every key press on the
    live and attendance screens, and building a few dozen ORM objects costs more than the
    commit before it."""
    rows = [
        _Row(*row)
        for row in session.exec(_ATTENDANCE.where(models.Attendance.meeting_id == meeting_id)).all()
    ]
    sitting = [
        _Member(*row)
        for row in session.exec(
            _MEMBERSHIPS.where(
                models.Membership.body_id == body_id,
                in_force(on),
            )
        ).all()
    ]
    sitting.sort(key=_roster_order)
    people = {row.person.id: row.person for row in rows} | {m.person.id: m.person for m in sitting}
    missing = {r.substitute_for_id for r in rows if r.substitute_for_id} - people.keys()
    if missing:
        for person in session.exec(
            select(models.Person).where(col(models.Person.id).in_(missing))
        ).all():
            people[person.id or 0] = queries.person_view(person)

    unplaced = {row.person.id: row for row in rows}
    substitutes: dict[int, list[_Row]] = {}
    for row in rows:
        if row.capacity == "substitute" and row.substitute_for_id is not None:
            substitutes.setdefault(row.substitute_for_id, []).append(row)

    lines: list[AttendeeView] = []
    seen: set[int] = set()
    for member in sitting:
        person_id = member.person.id
        if person_id in seen:
            continue  # two memberships in force at once: one roster line is enough
        seen.add(person_id)
        found: _Row | None = unplaced.pop(person_id) if person_id in unplaced else None
        lines.append(member.line(found, people))
        for sub in substitutes.get(person_id, []):
            if unplaced.pop(sub.person.id, None) is not None:
                seen.add(sub.person.id)
                lines.append(sub.line(people))
    rest = sorted(unplaced.values(), key=lambda r: (_CAPACITY_ORDER.get(r.capacity, 3), r.id))
    lines.extend(row.line(people) for row in rest)
    # Officers from the membership list sit with the other officers, after every member.
    return tuple(sorted(lines, key=lambda line: 0 if line.is_member else 1))


_PERSON = (models.Person.id, models.Person.title, models.Person.full_name, models.Person.honours)
_ATTENDANCE = (
    select(  # type: ignore[call-overload, misc]
        models.Attendance.id,
        models.Attendance.capacity,
        models.Attendance.status,
        models.Attendance.represents,
        models.Attendance.role_text,
        models.Attendance.voting,
        models.Attendance.substitute_for_id,
        models.Attendance.arrived_at,
        models.Attendance.arrived_item_id,
        models.Attendance.left_at,
        models.Attendance.left_item_id,
        *_PERSON,
    )
    .join(models.Person, col(models.Person.id) == col(models.Attendance.person_id))
    .order_by(col(models.Attendance.id))
)
_MEMBERSHIPS = select(  # type: ignore[call-overload]
    models.Membership.role,
    models.Membership.represents,
    models.Membership.role_text,
    models.Membership.voting,
    *_PERSON,
).join(models.Person, col(models.Person.id) == col(models.Membership.person_id))


class _Row:
    """An attendance row read as columns (see ``roster``)."""

    def __init__(
        self,
        id: int,
        capacity: str,
        status: str,
        represents: str,
        role_text: str,
        voting: bool,
        substitute_for_id: int | None,
        arrived_at: datetime | None,
        arrived_item_id: int | None,
        left_at: datetime | None,
        left_item_id: int | None,
        *person: Any,
    ) -> None:
        self.id = id
        self.capacity = capacity
        self.status = status
        self.represents = represents
        self.role_text = role_text
        self.voting = voting
        self.substitute_for_id = substitute_for_id
        self.arrived_at = arrived_at
        self.arrived_item_id = arrived_item_id
        self.left_at = left_at
        self.left_item_id = left_item_id
        self.person = PersonView(*person)

    def line(self, people: dict[int, PersonView], role: str | None = None) -> AttendeeView:
        stood_in_for = people.get(self.substitute_for_id or 0)
        return AttendeeView(
            person=self.person,
            attendance_id=self.id,
            capacity=self.capacity,
            status=self.status,
            role=role or self.capacity,
            represents=self.represents,
            role_text=self.role_text,
            voting=self.voting,
            substitute_for_id=self.substitute_for_id,
            substitute_for_name=stood_in_for.display_name if stood_in_for else "",
            arrived_at=self.arrived_at,
            arrived_item_id=self.arrived_item_id,
            left_at=self.left_at,
            left_item_id=self.left_item_id,
        )


class _Member:
    """A membership in force, read as columns (see ``roster``)."""

    def __init__(
        self, role: str, represents: str, role_text: str, voting: bool, *person: Any
    ) -> None:
        self.role = role
        self.represents = represents
        self.role_text = role_text
        self.voting = voting
        self.person = PersonView(*person)

    def line(self, row: _Row | None, people: dict[int, PersonView]) -> AttendeeView:
        if row is not None:
            return row.line(people, role=self.role)
        officer = self.role in ("officer", "guest")
        return AttendeeView(
            person=self.person,
            attendance_id=None,
            capacity=self.role if officer else "member",
            status=None,
            role=self.role,
            represents=self.represents,
            role_text=self.role_text,
            voting=self.voting and not officer,
        )


def _roster_order(member: _Member) -> tuple[bool, int, str, str]:
    """As queries.memberships orders them: chair, vice-chair, members by surname; officers."""
    order = {"chair": 0, "vice-chair": 1}
    return (
        member.role in ("officer", "guest"),
        order.get(member.role, 2),
        member.person.surname.lower(),
        member.person.full_name.lower(),
    )


def declarations(session: Session, meeting_id: int) -> tuple[DeclarationView, ...]:
    rows = session.exec(
        select(models.Declaration, models.Person)
        .join(models.Person, col(models.Person.id) == col(models.Declaration.person_id))
        .where(models.Declaration.meeting_id == meeting_id)
        .order_by(col(models.Declaration.id))
    ).all()
    return tuple(
        view_of(DeclarationView, declaration, person=queries.person_view(person))
        for declaration, person in rows
    )


def actions_of_meeting_items(session: Session, meeting_id: int) -> list[models.Action]:
    """Tracker actions raised on any item of this meeting (their minute number follows it)."""
    item_ids = select(models.AgendaItem.id).where(models.AgendaItem.meeting_id == meeting_id)
    return list(
        session.exec(select(models.Action).where(col(models.Action.item_id).in_(item_ids))).all()
    )
