"""Read models of the chamber: the roster of a meeting and its declarations of interest.

Plain frozen data, like db/views.py, so the live and attendance screens never hold a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from db.views import DeclarationView, MeetingView, PersonView

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


@dataclass(frozen=True)
class ChamberRecord:
    """Everything stored about a meeting that the chamber screens show, read at one moment."""

    meeting: MeetingView
    roster: tuple[AttendeeView, ...]
    declarations: tuple[DeclarationView, ...]
