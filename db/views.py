"""Read models: plain frozen data handed up to the services and screens, never live ORM rows.

One view per table, each built by :func:`view_of` from a row (an ORM object or a row of
columns): the view's fields are copied from the row by name, so a view and its table cannot
drift apart. Labels and display names are properties here, defined once. Standard library
only: the pure core (the minutes) reads these views and nothing else of ``db``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime, time
from typing import Any, TypeVar

V = TypeVar("V")
_ABSENT = object()
# Each view's field names, worked out once: a snapshot builds a few hundred views per key.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def view_of(cls: type[V], row: object, **extra: Any) -> V:
    """The ``cls`` view of ``row``: each field the view declares copied from the row by name,
    unless given in ``extra``; a field the row lacks keeps the view's default."""
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))  # type: ignore[arg-type]
    values = dict(extra)
    for name in names:
        if name not in values:
            value = getattr(row, name, _ABSENT)
            if value is not _ABSENT:
                values[name] = value
    return cls(**values)


def surname_order(name: str) -> tuple[str, str]:
    """How the roster, the votes and the minutes order people: by surname, then whole name."""
    words = name.split()
    return (words[-1].lower() if words else "", name.lower())


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
    # Schema version 6: the body's standing orders for debate.
    nested_amendments: bool = False
    speaking_time: int = 180  # seconds a speaker is given by default; 0: no limit


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

    @property
    def label(self) -> str:
        """How the clerk's screens name it: "item 8 REBUILDING NEIGHBOURHOOD POLICING"."""
        return f"item {self.number} {self.title}" if self.number else self.title


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
    timing: str = "live"  # or "after-the-event": each start asks its time (schema version 4)


@dataclass(frozen=True)
class AttendanceView:
    """One person's attendance row, with the person (and whom a substitute sits for)."""

    id: int
    person: PersonView
    capacity: str  # member, substitute, officer, guest
    status: str  # present, apologies, absent
    represents: str
    role_text: str
    voting: bool
    substitute_for_id: int | None
    substitute_for: PersonView | None
    arrived_at: datetime | None
    arrived_item_id: int | None
    left_at: datetime | None
    left_item_id: int | None
    position: int = 0  # the clerk's order (lowest first, then id): schema version 4

    @property
    def is_member(self) -> bool:
        return self.capacity in ("member", "substitute")


@dataclass(frozen=True)
class DeclarationView:
    id: int
    item_id: int
    person: PersonView
    kind: str
    nature: str
    action: str
    created_at: datetime


@dataclass(frozen=True)
class SentenceView:
    """A generated sentence as the clerk edited it: ``source`` is its block's Source.key."""

    id: int
    item_id: int
    source: str
    text: str


@dataclass(frozen=True)
class SentenceStyleView:
    """A body's own wording for one kind of generated sentence."""

    id: int
    kind: str
    wording: str


@dataclass(frozen=True)
class NoteView:
    id: int
    item_id: int
    position: int
    kind: str  # "paragraph" or "bullet"
    text: str
    created_at: datetime


@dataclass(frozen=True)
class NamedVoteView:
    """One member's part in a vote, by name."""

    id: int
    vote_id: int
    person: PersonView
    choice: str  # "for", "against", "abstain", "did-not-vote"

    @property
    def person_id(self) -> int:
        return self.person.id

    @property
    def name(self) -> str:
        return self.person.display_name


@dataclass(frozen=True)
class VoteView:
    id: int
    item_id: int
    motion: str
    method: str  # "show-of-hands" or "recorded"
    majority: str
    for_count: int
    against_count: int
    abstentions: int
    present: int
    membership: int
    casting_vote: str | None
    carried: bool
    outcome_text: str
    inquorate: bool
    recorded_at: datetime
    named: tuple[NamedVoteView, ...] = ()
    motion_id: int | None = None  # schema version 6: the motion or amendment voted on

    @property
    def outcome(self) -> str:
        return "carried" if self.carried else "not carried"

    @property
    def score(self) -> str:
        """How the hands fell, as the chamber says it: "8:1", "6:3 (2 abstaining)"."""
        text = f"{self.for_count}:{self.against_count}"
        if self.abstentions:
            text += f" ({self.abstentions} abstaining)"
        return text

    def names(self, choice: str) -> tuple[str, ...]:
        return tuple(n.name for n in self.named if n.choice == choice)


@dataclass(frozen=True)
class MotionView:
    """A motion on an item or an amendment to one (schema version 6), with who moved and
    seconded it. ``amends_id``: for an amendment, the motion (or amendment) it amends."""

    id: int
    item_id: int
    position: int
    kind: str  # "motion" or "amendment"
    amends_id: int | None
    text: str
    substantive_text: str  # a motion's words as carried amendments made them; "" if none
    as_printed: bool
    state: str  # "moved", "withdrawn", "carried", "lost", "not-put"
    created_at: datetime
    mover: PersonView | None = None
    seconder: PersonView | None = None

    @property
    def is_amendment(self) -> bool:
        return self.kind == "amendment"

    @property
    def words(self) -> str:
        """What is now before the meeting: the substantive words once amended, else as moved."""
        return self.substantive_text.strip() or self.text.strip()


@dataclass(frozen=True)
class SpeakerView:
    """Someone heard on an item (schema version 6), and the time they took."""

    id: int
    item_id: int
    position: int
    name: str
    capacity: str  # "public-support", "public-objection", "ward-member", "officer", ...
    time_limit: int  # seconds; 0: no limit
    started_at: datetime | None
    ended_at: datetime | None

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def heard(self) -> bool:
        return self.ended_at is not None

    def spoken(self, now: datetime) -> int:
        """Seconds spoken by ``now`` (the whole time once stopped); 0 before the start."""
        if self.started_at is None:
            return 0
        end = self.ended_at or now
        return max(0, int((end - self.started_at).total_seconds()))


@dataclass(frozen=True)
class ResolutionView:
    id: int
    item_id: int
    position: int
    text: str
    parent_id: int | None
    vote_id: int | None
    noted: bool
    created_at: datetime
    confirms_minutes_of_id: int | None = None  # the minutes it confirms as a correct record
    label: str = ""  # "i.", "a.", or "" when it stands alone: set by the services


@dataclass(frozen=True)
class ActionView:
    id: int
    body_id: int
    meeting_id: int | None
    item_id: int | None
    resolution_id: int | None
    minute_number: int | None  # fixed when the meeting closes; None while it is live
    source_date: date | None
    text: str
    owner: str
    due: str
    status: str
    latest_update: str
    created_at: datetime
    provisional_minute: int | None = None  # the item's minute number while the meeting is live
    exempt: bool = False  # raised on an exempt item: marked wherever it is shown

    @property
    def minute(self) -> int | None:
        return self.minute_number if self.minute_number is not None else self.provisional_minute

    @property
    def minute_label(self) -> str:
        if self.minute_number is not None:
            return str(self.minute_number)
        if self.provisional_minute is not None:
            return f"{self.provisional_minute} (provisional)"
        return "no minute yet"
