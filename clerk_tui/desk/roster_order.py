"""The clerk's order of those "also present" (officers and guests): ``attendance.position``.

The snapshot reads attendance in that order, so the roster, the minutes' ALSO PRESENT and every
export follow it. The officers and guests marked are numbered 0, 1, 2… and each action that
changes the order renumbers them all, writing only the rows whose place changed (each audited,
so undo takes a move back). Members have no place in it: PRESENT lists them by surname, as the
house style does.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from clerk_tui.desk.store import Changes
from db import models
from db.chamber_views import ALSO_PRESENT
from db.snapshot import in_force

__all__ = ["ALSO_PRESENT", "after", "also_present_rows", "body_place", "moved", "opening"]


def also_present_rows(session: Session, meeting_id: int) -> list[models.Attendance]:
    """The officers and guests marked at the meeting, in the clerk's order."""
    return list(
        session.exec(
            select(models.Attendance)
            .where(
                models.Attendance.meeting_id == meeting_id,
                col(models.Attendance.capacity).in_(ALSO_PRESENT),
            )
            .order_by(col(models.Attendance.position), col(models.Attendance.id))
        ).all()
    )


def renumber(changes: Changes, rows: list[models.Attendance], summary: str) -> None:
    """Positions 0..n-1 in list order (no unique key on position: no parking needed)."""
    for index, row in enumerate(rows):
        if row.position != index:
            changes.update(row, summary, position=index)


def opening(changes: Changes, meeting_id: int, index: int | None, summary: str) -> int:
    """Make room at ``index`` among those also present (None: last) and return the position a
    new row takes there."""
    rows = also_present_rows(changes.session, meeting_id)
    at = len(rows) if index is None else max(0, min(len(rows), index))
    for place, row in enumerate(rows):
        wanted = place if place < at else place + 1
        if row.position != wanted:
            changes.update(row, summary, position=wanted)
    return at


def after(session: Session, meeting_id: int, person_id: int | None) -> int | None:
    """The index just after ``person_id`` among those also present; None (last) when they are
    not one of them: a guest added "after the selected row", or at the end."""
    rows = also_present_rows(session, meeting_id)
    return next((i + 1 for i, row in enumerate(rows) if row.person_id == person_id), None)


def body_place(session: Session, meeting: models.Meeting, person_id: int) -> int | None:
    """Where an officer of the body first marked goes: in the body's officer order (the order
    of the officers' memberships in force, oldest first), just after the last one marked who
    comes before them in it, else first (so a guest added before the roll call stays below the
    officers); None (last) for someone who is not one of the body's officers."""
    officers = session.exec(
        select(models.Membership.person_id)
        .where(
            models.Membership.body_id == meeting.body_id,
            col(models.Membership.role).in_(ALSO_PRESENT),
            in_force(meeting.date),
        )
        .order_by(col(models.Membership.start_date), col(models.Membership.id))
    ).all()
    rank: dict[int, int] = {}
    for place, officer in enumerate(officers):
        rank.setdefault(officer, place)
    mine = rank.get(person_id)
    if mine is None:
        return None
    rows = also_present_rows(session, meeting.id or 0)
    before = [i for i, row in enumerate(rows) if rank.get(row.person_id, mine) < mine]
    return before[-1] + 1 if before else 0


def moved(
    changes: Changes, meeting_id: int, row: models.Attendance, offset: int, summary: str
) -> bool:
    """Move ``row`` ``offset`` places among those also present; False when it is already at
    that end (nothing written)."""
    rows = also_present_rows(changes.session, meeting_id)
    index = next(i for i, other in enumerate(rows) if other.id == row.id)
    target = max(0, min(len(rows) - 1, index + offset))
    if target == index:
        return False
    rows.insert(target, rows.pop(index))
    renumber(changes, rows, summary)
    return True
