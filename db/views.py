"""Read models: plain frozen data handed up to the services and screens, never live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class BodyView:
    id: int
    name: str
    short_name: str
    host_authority: str
    contact_name: str
    contact_email: str
    contact_phone: str
    website: str
    quorum: int
    next_minute_number: int
    outstanding_actions: int = 0


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    body_id: int
    body_name: str
    date: date
    scheduled_start: time
    venue: str
    status: str
    minutes_status: str
    item_count: int


@dataclass(frozen=True)
class PersonView:
    id: int
    title: str
    full_name: str
    honours: str

    @property
    def display_name(self) -> str:
        return f"{self.title} {self.full_name}".strip()

    @property
    def surname(self) -> str:
        return self.full_name.split()[-1] if self.full_name.split() else ""


@dataclass(frozen=True)
class MembershipView:
    id: int
    person: PersonView
    body_id: int
    role: str
    represents: str
    role_text: str
    voting: bool
    start_date: date
    end_date: date | None
    replaces_id: int | None
    replaces_name: str = ""

    def in_force(self, on: date) -> bool:
        return self.start_date <= on and (self.end_date is None or self.end_date >= on)


@dataclass(frozen=True)
class ItemView:
    id: int
    meeting_id: int
    position: int
    number: str
    title: str
    description: str
    papers: str
    approximate_time: time | None
    presenter: str
    kind: str
    exempt: bool
    exempt_reason: str
    recorded_vote_required: bool
    state: str
    actual_start: datetime | None
    actual_end: datetime | None
    minute_number: int | None


@dataclass(frozen=True)
class MeetingView:
    id: int
    body: BodyView
    date: date
    scheduled_start: time
    venue: str
    livestream_url: str
    status: str
    minutes_status: str
    actual_start: datetime | None
    actual_end: datetime | None
    previous_meeting_id: int | None
    items: tuple[ItemView, ...]
