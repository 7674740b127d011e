"""Who is in the room: attendance marks, late arrivals and departures, substitutes, officers and
guests also present, and declarations of interest. Each method is one clerk action that returns
the meeting as committed, seen now (see :mod:`clerk_tui.desk.live_action`)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from clerk_tui import rules
from clerk_tui.desk import roster_order
from clerk_tui.desk.live_action import (
    chamber_time,
    item_label,
    item_of,
    live_action,
    running_item,
)
from clerk_tui.desk.live_view import LiveView
from clerk_tui.desk.rows import person_for
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.errors import ClerkError
from db import chamber_queries, models, queries

ATTENDANCE_MARKS = ("present", "apologies", "absent")


class AttendanceService:
    """``desk.attendance``: the roster of a meeting as the clerk marks it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def mark(self, meeting_id: int, person_id: int, status: str) -> LiveView:
        """``p`` / ``a`` / ``n``: present, apologies or absent. Present again after leaving
        means they came back; apologies or absent wipe any arrival or departure. The mark they
        already have changes nothing and writes nothing: a roll call marking down the roster
        passes over the rows already marked so, without stopping on them."""
        if status not in ATTENDANCE_MARKS:
            raise ClerkError(f"{status!r} is not an attendance mark")
        with live_action(self.store, meeting_id) as (changes, committed):
            row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
            if row is None:
                # The first mark creates the row, already marked.
                _attendance(changes, meeting_id, person_id, status=status)
            else:
                _remark(changes, row, status)
        return committed.seen_at(self.store.now())

    def arrived_now(self, meeting_id: int, person_id: int) -> LiveView:
        """``l``: arrived late: present from now, during the running item."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = _live_meeting(changes.session, meeting_id, "arrived late")
            row = _attendance(changes, meeting_id, person_id)
            name = _name(changes.session, person_id)
            if row.status == "present" and row.left_at is None:
                raise ClerkError(f"{name} is already here")
            running = running_item(queries.items(changes.session, meeting_id))
            changes.update(
                row,
                f"{name} arrived",
                status="present",
                arrived_at=max(chamber_time(meeting, changes), meeting.actual_start or changes.at),
                arrived_item_id=running.id if running else None,
                left_at=None,
                left_item_id=None,
            )
        return committed.seen_at(self.store.now())

    def left_now(self, meeting_id: int, person_id: int) -> LiveView:
        """``g``: left the meeting now, during the running item."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = _live_meeting(changes.session, meeting_id, "left")
            row = _attendance(changes, meeting_id, person_id)
            name = _name(changes.session, person_id)
            if row.status != "present" or row.left_at is not None:
                raise ClerkError(f"{name} is not in the meeting: only someone present can leave")
            running = running_item(queries.items(changes.session, meeting_id))
            changes.update(
                row,
                f"{name} left",
                left_at=max(chamber_time(meeting, changes), row.arrived_at or changes.at),
                left_item_id=running.id if running else None,
            )
        return committed.seen_at(self.store.now())

    def substitute(self, meeting_id: int, member_id: int, title: str, full_name: str) -> LiveView:
        """``s`` on the roster: someone sits (and votes) for a member, who is marked as having
        sent apologies. A person already known is reused, never duplicated."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            member = _attendance(changes, meeting_id, member_id)
            member_name = _name(changes.session, member_id)
            if member.capacity != "member":
                raise ClerkError(f"{member_name} is not a member: only a member has a substitute")
            person = person_for(changes, title, full_name)
            if person.id == member_id:
                raise ClerkError("a member cannot substitute for themselves", where="name")
            sitting = chamber_queries.membership_of(
                changes.session, meeting.body_id, person.id or 0, meeting.date
            )
            if sitting is not None and sitting.role not in ("officer", "guest"):
                raise ClerkError(
                    f"{person.full_name} is already a member of the body in their own right",
                    where="name",
                )
            values: dict[str, Any] = {
                "capacity": "substitute",
                "status": "present",
                "represents": member.represents,
                "role_text": member.role_text,
                "voting": True,
                "substitute_for_id": member_id,
            }
            summary = f"{person.full_name} substitutes for {member_name}"
            row = chamber_queries.attendance_of(changes.session, meeting_id, person.id or 0)
            if row is None:
                changes.add(
                    models.Attendance(
                        meeting_id=meeting_id,
                        person_id=person.id or 0,
                        created_at=changes.at,
                        **values,
                    ),
                    summary,
                )
            else:
                changes.update(row, summary, **values)
            if member.status != "apologies":
                changes.update(
                    member,
                    f"{member_name} apologies (substituted)",
                    status="apologies",
                    arrived_at=None,
                    arrived_item_id=None,
                    left_at=None,
                    left_item_id=None,
                )
        return committed.seen_at(self.store.now())

    def add_also_present(
        self,
        meeting_id: int,
        *,
        title: str,
        full_name: str,
        role_text: str,
        capacity: str = "officer",
        after: int | None = None,
    ) -> LiveView:
        """``o``: an officer or guest "also present", with the role the minutes give them; in
        ALSO PRESENT just after the person ``after`` when they are one of those also present,
        else last (someone already marked keeps their place)."""
        if capacity not in ("officer", "guest"):
            raise ClerkError(f"{capacity!r}: someone also present is an officer or a guest")
        if not role_text.strip():
            raise ClerkError("say their role, e.g. Chief Executive, OPCC", where="role")
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            person = person_for(changes, title, full_name)
            sitting = chamber_queries.membership_of(
                changes.session, meeting.body_id, person.id or 0, meeting.date
            )
            if sitting is not None and sitting.role not in ("officer", "guest"):
                raise ClerkError(
                    f"{person.full_name} is a member: mark them present with p", where="name"
                )
            values: dict[str, Any] = {
                "capacity": capacity,
                "status": "present",
                "role_text": " ".join(role_text.split()),
                "voting": False,
            }
            row = chamber_queries.attendance_of(changes.session, meeting_id, person.id or 0)
            summary = f"{person.full_name} also present"
            if row is None:
                index = roster_order.after(changes.session, meeting_id, after)
                changes.add(
                    models.Attendance(
                        meeting_id=meeting_id,
                        person_id=person.id or 0,
                        created_at=changes.at,
                        position=roster_order.opening(changes, meeting_id, index, summary),
                        **values,
                    ),
                    summary,
                )
            elif row.capacity in ("member", "substitute"):
                raise ClerkError(f"{person.full_name} is already on the roster as a member")
            else:
                changes.update(row, summary, **values)
        return committed.seen_at(self.store.now())

    def move(self, meeting_id: int, person_id: int, offset: int) -> LiveView:
        """``shift+up`` / ``shift+down``: move an officer or guest up (-1) or down (+1) the
        order of ALSO PRESENT. At either end nothing moves and nothing is written."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
            name = _name(changes.session, person_id)
            sitting = chamber_queries.membership_of(
                changes.session, meeting.body_id, person_id, meeting.date
            )
            capacity = row.capacity if row else sitting.role if sitting else "member"
            if capacity not in roster_order.ALSO_PRESENT:
                raise ClerkError(
                    f"{name} is a member: PRESENT lists the members by surname; "
                    "only officers and guests are put in order"
                )
            if row is None:
                raise ClerkError(f"{name} is not marked yet: mark them (p, a or n) first")
            where = "up" if offset < 0 else "down"
            roster_order.moved(changes, meeting_id, row, offset, f"{name} moved {where}")
        return committed.seen_at(self.store.now())

    # ---- declarations --------------------------------------------------------------------
    def declare(
        self,
        meeting_id: int,
        item_id: int,
        person_id: int,
        *,
        kind: str,
        nature: str,
        action: str,
    ) -> LiveView:
        """``d``: a declaration of interest by a member present, on this item."""
        if kind not in set(rules.DeclarationKind):
            known = ", ".join(rules.DeclarationKind)
            raise ClerkError(f"{kind!r} is not a kind of interest: one of {known}", where="kind")
        if action not in set(rules.DeclarationAction):
            known = ", ".join(rules.DeclarationAction)
            raise ClerkError(
                f"{action!r} is not what a member can do: one of {known}", where="member then"
            )
        if not nature.strip():
            raise ClerkError("say what the interest is", where="nature")
        with live_action(self.store, meeting_id) as (changes, committed):
            item = item_of(changes.session, meeting_id, item_id)
            # On an item a closed meeting never took, no minutes would carry the declaration.
            from clerk_tui.desk.unminuted import refuse_unminuted

            refuse_unminuted(changes.session, item)
            row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
            name = _name(changes.session, person_id)
            if row is not None and row.capacity not in ("member", "substitute"):
                raise ClerkError(f"{name} is not a member at this meeting", where="member")
            if row is None or row.status != "present":
                raise ClerkError(f"{name} is not marked present", where="member")
            changes.add(
                models.Declaration(
                    meeting_id=meeting_id,
                    item_id=item_id,
                    person_id=person_id,
                    kind=kind,
                    nature=" ".join(nature.split()),
                    action=action,
                    created_at=changes.at,
                ),
                f"{name} declared an interest in {item_label(item)}",
            )
        return committed.seen_at(self.store.now())


def _remark(changes: Changes, row: models.Attendance, status: str) -> None:
    if row.status == status and (status != "present" or row.left_at is None):
        return
    name = _name(changes.session, row.person_id)
    values: dict[str, object] = {"status": status, "left_at": None, "left_item_id": None}
    if status != "present":
        values |= {"arrived_at": None, "arrived_item_id": None}
    changes.update(row, f"{name} {status}", **values)


def _attendance(
    changes: Changes, meeting_id: int, person_id: int, *, status: str = "absent"
) -> models.Attendance:
    """The person's attendance row, created from their membership on the first mark."""
    row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
    if row is not None:
        return row
    meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
    membership = chamber_queries.membership_of(
        changes.session, meeting.body_id, person_id, meeting.date
    )
    if membership is None:
        name = _name(changes.session, person_id)
        raise ClerkError(f"{name} is not on this meeting's roster")
    officer = membership.role in roster_order.ALSO_PRESENT
    summary = f"{_name(changes.session, person_id)} {status}"
    # An officer first marked takes their place in the body's officer order.
    place = roster_order.body_place(changes.session, meeting, person_id) if officer else None
    return changes.add(
        models.Attendance(
            meeting_id=meeting_id,
            person_id=person_id,
            capacity=membership.role if officer else "member",
            status=status,
            represents=membership.represents,
            role_text=membership.role_text,
            voting=membership.voting and not officer,
            position=roster_order.opening(changes, meeting_id, place, summary) if officer else 0,
            created_at=changes.at,
        ),
        summary,
    )


def _live_meeting(session: Session, meeting_id: int, what: str) -> models.Meeting:
    meeting = get(session, models.Meeting, meeting_id, "meeting")
    if meeting.status == "closed":
        raise ClerkError(
            f"the meeting is closed: “{what} now” would be after it ended (mark p, a or n instead)"
        )
    if meeting.actual_start is None:
        raise ClerkError(
            f"the meeting has not started: nobody has {what} yet (mark p, a or n instead)"
        )
    return meeting


def _name(session: Session, person_id: int) -> str:
    person = get(session, models.Person, person_id, "person")
    return f"{person.title} {person.full_name}".strip()
