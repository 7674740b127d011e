"""The tables of PRODUCT.md §2, with the integrity in the schema.

Foreign keys, unique keys and CHECK constraints live here so that a bug anywhere above cannot
store a vote with a negative count or two items under one minute number. Times are naive local
wall-clock times (pydantic's NaiveDatetime, so SQLModel stores them as given): a meeting
happens in one chamber, and the minutes speak in its clock.
"""

from __future__ import annotations

from datetime import date, time

from pydantic import NaiveDatetime
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.constraints import PART_OF as PART_OF  # db.audit reads the mark through db.models
from db.constraints import not_negative, one_of, part_of

# The debate's tables (schema version 6) live in their own module; named here with the rest.
from db.debate_tables import MOTION_KINDS as MOTION_KINDS
from db.debate_tables import MOTION_STATES as MOTION_STATES
from db.debate_tables import SPEAKER_CAPACITIES as SPEAKER_CAPACITIES
from db.debate_tables import Motion as Motion
from db.debate_tables import Speaker as Speaker

# The minutes' own wording as the clerk and the body set it (schema version 4), likewise.
from db.wording_tables import MinuteSentence as MinuteSentence
from db.wording_tables import SentenceStyle as SentenceStyle

Day = date  # the type by another name, for a class that has a column called "date"

# The allowed values of each status-like column, shared with the CHECK constraints so the
# schema and the Python can never disagree.
ROLES = ("chair", "vice-chair", "member", "independent-member", "co-opted", "officer", "guest")
MEETING_STATUSES = ("planned", "live", "closed")
MINUTES_STATUSES = ("draft", "approved", "signed")
PAPERS = ("none", "Attached", "To Follow", "Tabled")
ITEM_KINDS = (
    "notice-of-recording", "apologies", "membership", "declarations", "previous-minutes",
    "public-questions", "report", "update", "urgent-business", "work-programme", "other",
)  # fmt: skip
ITEM_STATES = ("pending", "running", "taken", "deferred", "withdrawn")
CAPACITIES = ("member", "substitute", "officer", "guest")
ATTENDANCE_STATUSES = ("present", "apologies", "absent")
DECLARATION_KINDS = ("disclosable-pecuniary", "other-registrable", "non-registrable", "other")
DECLARATION_ACTIONS = ("left-room", "stayed-did-not-vote", "dispensation", "spoke-and-voted")
NOTE_KINDS = ("paragraph", "bullet")
VOTE_METHODS = ("show-of-hands", "recorded")
MAJORITIES = ("simple", "two-thirds-voting", "two-thirds-membership", "unanimous")
CASTING_VOTES = ("for", "against")
PERSON_CHOICES = ("for", "against", "abstain", "did-not-vote")
ACTION_STATUSES = ("outstanding", "completed")
AUDIT_OPS = ("create", "update", "delete")
# How a meeting's times are taken (schema version 4): from the clock as it happens, or typed
# by the clerk when the meeting is minuted after the event (from notes or the webcast).
TIMINGS = ("live", "after-the-event")


class Body(SQLModel, table=True):
    __table_args__ = (
        CheckConstraint("quorum >= 0", name="quorum_not_negative"),
        CheckConstraint("next_minute_number >= 1", name="next_minute_number_positive"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        not_negative("speaking_time"),
    )
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    short_name: str = ""
    host_authority: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""
    quorum: int = 0
    next_minute_number: int = 1
    created_at: NaiveDatetime
    # Schema version 6. The body's standing orders: whether an amendment may itself be amended,
    # and the time a speaker is given by default, in seconds (0: no limit).
    nested_amendments: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    speaking_time: int = Field(default=180, sa_column_kwargs={"server_default": "180"})


class Person(SQLModel, table=True):
    __table_args__ = (CheckConstraint("length(trim(full_name)) > 0", name="full_name_not_blank"),)
    id: int | None = Field(default=None, primary_key=True)
    title: str = ""
    full_name: str = Field(index=True)
    honours: str = ""
    created_at: NaiveDatetime


class Membership(SQLModel, table=True):
    __table_args__ = (
        one_of("role", ROLES),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
        Index("ix_membership_body_dates", "body_id", "start_date", "end_date"),
    )
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT")
    body_id: int = part_of("body.id")
    role: str = "member"
    represents: str = ""
    role_text: str = ""  # officers: "Chief Executive, OPCC"; independents: "Independent Member"
    voting: bool = True
    start_date: date
    end_date: date | None = None
    replaces_id: int | None = Field(default=None, foreign_key="membership.id", ondelete="SET NULL")
    created_at: NaiveDatetime


class Meeting(SQLModel, table=True):
    __table_args__ = (
        one_of("status", MEETING_STATUSES),
        one_of("minutes_status", MINUTES_STATUSES),
        one_of("timing", TIMINGS),
        # Lets agenda items carry their body in a composite foreign key (see AgendaItem).
        UniqueConstraint("id", "body_id", name="uq_meeting_id_body"),
        CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start",
            name="times_in_order",
        ),
        Index("ix_meeting_body_date", "body_id", "date"),
    )
    id: int | None = Field(default=None, primary_key=True)
    body_id: int = part_of("body.id")
    date: date
    scheduled_start: time
    venue: str = ""
    livestream_url: str = ""
    status: str = "planned"
    actual_start: NaiveDatetime | None = None
    actual_end: NaiveDatetime | None = None
    chair_person_id: int | None = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    minutes_status: str = "draft"
    approved_at_meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL"
    )
    signed_on: Day | None = None  # not "date": in this class that name is the column above
    previous_meeting_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL"
    )
    # Schema version 4. A server default, so the rebuild of a version 3 table fills it.
    timing: str = Field(default="live", sa_column_kwargs={"server_default": "live"})
    created_at: NaiveDatetime


class AgendaItem(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("meeting_id", "position", name="uq_item_position"),
        # Minute numbers run on across a body's meetings and never repeat.
        UniqueConstraint("body_id", "minute_number", name="uq_body_minute_number"),
        ForeignKeyConstraint(
            ["meeting_id", "body_id"],
            ["meeting.id", "meeting.body_id"],
            ondelete="RESTRICT",
            info={PART_OF: True},
        ),
        one_of("papers", PAPERS),
        one_of("kind", ITEM_KINDS),
        one_of("state", ITEM_STATES),
        not_negative("position"),
        CheckConstraint("minute_number IS NULL OR minute_number >= 1", name="minute_positive"),
        CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start",
            name="item_times_in_order",
        ),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
    )
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(index=True)
    body_id: int
    position: int
    number: str = ""
    title: str
    description: str = ""
    papers: str = "none"
    approximate_time: time | None = None
    presenter: str = ""
    kind: str = "report"
    exempt: bool = False
    exempt_reason: str = ""
    recorded_vote_required: bool = False
    state: str = "pending"
    actual_start: NaiveDatetime | None = None
    actual_end: NaiveDatetime | None = None
    minute_number: int | None = None
    created_at: NaiveDatetime


class Attendance(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", name="uq_attendance_person"),
        one_of("capacity", CAPACITIES),
        one_of("status", ATTENDANCE_STATUSES),
        CheckConstraint(
            "left_at IS NULL OR arrived_at IS NULL OR left_at >= arrived_at",
            name="arrival_before_departure",
        ),
    )
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = part_of("meeting.id", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT")
    capacity: str = "member"
    status: str = "absent"
    represents: str = ""
    role_text: str = ""
    voting: bool = True
    substitute_for_id: int | None = Field(
        default=None, foreign_key="person.id", ondelete="SET NULL"
    )
    arrived_at: NaiveDatetime | None = None
    arrived_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="SET NULL"
    )
    left_at: NaiveDatetime | None = None
    left_item_id: int | None = Field(default=None, foreign_key="agendaitem.id", ondelete="SET NULL")
    # Schema version 4: the clerk's order of the roster and of PRESENT / ALSO PRESENT (lowest
    # first, then the row's id); a version 3 file's rows take their id, the order they were made.
    position: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: NaiveDatetime


class Declaration(SQLModel, table=True):
    __table_args__ = (one_of("kind", DECLARATION_KINDS), one_of("action", DECLARATION_ACTIONS))
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = part_of("meeting.id", index=True)
    item_id: int = part_of("agendaitem.id", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT")
    kind: str
    nature: str = ""
    action: str
    created_at: NaiveDatetime


class BodyTemplate(SQLModel, table=True):
    """A body's own Word template (one at most; schema v5). Its bytes, not a path: they travel
    with the database and its backups, where a path would name nothing on another laptop."""

    __table_args__ = (
        not_negative("size"),
        CheckConstraint("length(trim(file_name)) > 0", name="file_name_not_blank"),
    )
    id: int | None = Field(default=None, primary_key=True)
    body_id: int = part_of("body.id", unique=True)
    file_name: str  # the name the clerk chose it by ("Council minutes.docx"), shown back
    data: bytes
    size: int  # of data, in bytes: shown without reading the blob
    set_at: NaiveDatetime


class MinuteNote(SQLModel, table=True):
    __table_args__ = (one_of("kind", NOTE_KINDS), not_negative("position"))
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = part_of("agendaitem.id", index=True)
    position: int
    kind: str = "paragraph"
    text: str
    created_at: NaiveDatetime


class Vote(SQLModel, table=True):
    __table_args__ = (
        one_of("method", VOTE_METHODS),
        one_of("majority", MAJORITIES),
        one_of("casting_vote", CASTING_VOTES, nullable=True),
        not_negative("for_count"),
        not_negative("against_count"),
        not_negative("abstentions"),
        not_negative("present"),
        CheckConstraint(
            "for_count + against_count + abstentions <= present", name="votes_within_present"
        ),
        CheckConstraint("present <= membership", name="present_within_membership"),
    )
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = part_of("agendaitem.id", index=True)
    motion: str
    method: str = "show-of-hands"
    majority: str = "simple"
    for_count: int = 0
    against_count: int = 0
    abstentions: int = 0
    present: int = 0
    membership: int = 0
    casting_vote: str | None = None
    carried: bool
    outcome_text: str
    inquorate: bool = False
    recorded_at: NaiveDatetime
    # Schema version 6: the motion or amendment the vote was on (None: a vote on the item's
    # words alone, as before). Part of it: deleting the motion deletes its votes first.
    motion_id: int | None = part_of("motion.id", default=None, index=True)


class PersonVote(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("vote_id", "person_id", name="uq_person_vote"),
        one_of("choice", PERSON_CHOICES),
    )
    id: int | None = Field(default=None, primary_key=True)
    vote_id: int = part_of("vote.id", index=True)
    person_id: int = Field(foreign_key="person.id", ondelete="RESTRICT")
    choice: str


class Resolution(SQLModel, table=True):
    __table_args__ = (not_negative("position"),)
    id: int | None = Field(default=None, primary_key=True)
    item_id: int = part_of("agendaitem.id", index=True)
    position: int
    text: str
    parent_id: int | None = part_of("resolution.id", default=None)  # a sub-point of it
    vote_id: int | None = Field(default=None, foreign_key="vote.id", ondelete="SET NULL")
    noted: bool = False
    confirms_minutes_of_id: int | None = Field(
        default=None, foreign_key="meeting.id", ondelete="SET NULL"
    )
    created_at: NaiveDatetime


class Action(SQLModel, table=True):
    __table_args__ = (
        one_of("status", ACTION_STATUSES),
        CheckConstraint("minute_number IS NULL OR minute_number >= 1", name="action_minute"),
        CheckConstraint("length(trim(text)) > 0", name="action_text_not_blank"),
        Index("ix_action_body_status", "body_id", "status"),
        Index("ix_action_item", "item_id"),  # schema version 2
        Index("ix_action_meeting", "meeting_id"),  # schema version 2
    )
    id: int | None = Field(default=None, primary_key=True)
    body_id: int = part_of("body.id")
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", ondelete="SET NULL")
    item_id: int | None = Field(default=None, foreign_key="agendaitem.id", ondelete="SET NULL")
    resolution_id: int | None = Field(
        default=None, foreign_key="resolution.id", ondelete="SET NULL"
    )
    minute_number: int | None = None
    # For actions carried over from before clerk-tui: the month of the meeting they came from.
    source_date: date | None = None
    text: str
    owner: str = ""
    due: str = ""
    status: str = "outstanding"
    latest_update: str = ""
    completed_on: date | None = None
    created_at: NaiveDatetime


class ActionUpdate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    action_id: int = part_of("action.id", index=True)
    date: date
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", ondelete="SET NULL")
    text: str
    created_at: NaiveDatetime


class AuditEvent(SQLModel, table=True):
    __table_args__ = (
        one_of("op", AUDIT_OPS),
        Index("ix_audit_meeting", "meeting_id", "id"),
        Index("ix_auditevent_group", "group_id"),  # schema version 2
    )
    id: int | None = Field(default=None, primary_key=True)
    at: NaiveDatetime
    meeting_id: int | None = Field(default=None, foreign_key="meeting.id", ondelete="SET NULL")
    entity: str
    entity_id: int
    op: str
    before: str | None = None  # JSON of the row before, for undo
    after: str | None = None  # JSON of the row after
    summary: str = ""
    undone: bool = False
    # Several rows written by one clerk action share a group, so undo takes them back together.
    group_id: int | None = None
