"""Read models of the chamber: the roster of a meeting and its declarations of interest.

Plain frozen data, like db/views.py, so the live and attendance screens never hold a row; the
roster is worked out from a meeting's snapshot (:func:`roster_of`), no read of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.meeting_snapshot import MeetingSnapshot
from db.views import AttendanceView, DeclarationView, MembershipView, PersonView

# Capacities that sit and vote as members; officers and guests are "also present".
MEMBER_CAPACITIES = ("member", "substitute")


@dataclass(frozen=True)
class AttendeeView:
    """One line of a meeting's roster: a membership in force, an attendance row, or both.

    ``attendance_id`` is None (and ``status`` None) until the clerk first marks the person:
    the row is created on the first mark, not when the meeting is made.
    """

    person: PersonView
    attendance_id: int | None
    capacity: str  # member, substitute, officer, guest
    status: str | None  # present, apologies, absent; None: not marked yet
    role: str  # the membership's role (chair, member, officer...) or the capacity
    represents: str
    role_text: str
    voting: bool
    substitute_for_id: int | None = None
    substitute_for_name: str = ""
    arrived_at: datetime | None = None
    arrived_item_id: int | None = None
    left_at: datetime | None = None
    left_item_id: int | None = None

    @property
    def is_member(self) -> bool:
        return self.capacity in MEMBER_CAPACITIES

    @property
    def in_room(self) -> bool:
        """Marked present and not since gone."""
        return self.status == "present" and self.left_at is None

    @property
    def counts_for_quorum(self) -> bool:
        return self.in_room and self.voting and self.is_member

    @property
    def where(self) -> str:
        """What follows the name in the minutes: the authority, or the role."""
        return self.represents or self.role_text


# Capacities "also present": in the clerk's order (attendance.position), after every member.
ALSO_PRESENT = ("officer", "guest")
_ROLE_ORDER = {"chair": 0, "vice-chair": 1}


def _marked(row: AttendanceView, role: str | None = None) -> AttendeeView:
    stood_in_for = row.substitute_for
    return AttendeeView(
        person=row.person,
        attendance_id=row.id,
        capacity=row.capacity,
        status=row.status,
        role=role or row.capacity,
        represents=row.represents,
        role_text=row.role_text,
        voting=row.voting,
        substitute_for_id=row.substitute_for_id,
        substitute_for_name=stood_in_for.display_name if stood_in_for else "",
        arrived_at=row.arrived_at,
        arrived_item_id=row.arrived_item_id,
        left_at=row.left_at,
        left_item_id=row.left_item_id,
    )


def _unmarked(member: MembershipView) -> AttendeeView:
    officer = member.role in ("officer", "guest")
    return AttendeeView(
        person=member.person,
        attendance_id=None,
        capacity=member.role if officer else "member",
        status=None,
        role=member.role,
        represents=member.represents,
        role_text=member.role_text,
        voting=member.voting and not officer,
    )


def _sitting_order(member: MembershipView) -> tuple[int, str, str]:
    """Chair, vice-chair, then the members by surname."""
    return (
        _ROLE_ORDER.get(member.role, 2),
        member.person.surname.lower(),
        member.person.full_name.lower(),
    )


def roster_of(snapshot: MeetingSnapshot) -> tuple[AttendeeView, ...]:
    """The members in force on the meeting date, each with its attendance row when marked and
    each substitute just after the member they sit for; then those also present as ALSO PRESENT
    will list them: the officers and guests marked, in the clerk's order (the snapshot reads
    attendance by position), then the body's officers not yet marked, in the order of their
    memberships."""
    unplaced = {row.person.id: row for row in snapshot.attendance}
    substitutes: dict[int, list[AttendanceView]] = {}
    for row in snapshot.attendance:
        if row.capacity == "substitute" and row.substitute_for_id is not None:
            substitutes.setdefault(row.substitute_for_id, []).append(row)
    members = [m for m in snapshot.memberships if m.role not in ALSO_PRESENT]
    lines: list[AttendeeView] = []
    seen: set[int] = set()
    for member in sorted(members, key=_sitting_order):
        person_id = member.person.id
        if person_id in seen:
            continue  # two memberships in force at once: one roster line is enough
        seen.add(person_id)
        if person_id in unplaced:
            lines.append(_marked(unplaced.pop(person_id), member.role))
        else:
            lines.append(_unmarked(member))
        for sub in substitutes.get(person_id, []):
            if sub.person.id in unplaced:
                del unplaced[sub.person.id]
                seen.add(sub.person.id)
                lines.append(_marked(sub))
    roles = {m.person.id: m.role for m in reversed(snapshot.memberships)}
    rest = list(unplaced.values())  # in the snapshot's order: the clerk's
    for also_present in (False, True):  # members no longer in force, then those also present
        for row in rest:
            if (row.capacity in ALSO_PRESENT) == also_present:
                lines.append(_marked(row, roles.get(row.person.id)))
    seen.update(unplaced)
    for officer in snapshot.memberships:
        if officer.role in ALSO_PRESENT and officer.person.id not in seen:
            seen.add(officer.person.id)
            lines.append(_unmarked(officer))
    return tuple(lines)


# DeclarationView is the chamber's too (its services import it from here).
__all__ = ["MEMBER_CAPACITIES", "AttendeeView", "DeclarationView", "roster_of"]
