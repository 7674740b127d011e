"""The minutes' input: a meeting in the house style's terms (who is "Cllr Jones", which note
follows the resolutions), built from a :class:`db.meeting_snapshot.MeetingSnapshot` by
:mod:`clerk_tui.minutes.from_snapshot`, or by hand in a test.

Each record keeps the id of the row it came from (None when made by hand), so every block of
the minutes can say which record it says (:class:`clerk_tui.minutes.blocks.Source`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Literal

NoteKind = Literal["paragraph", "bullet"]


@dataclass(frozen=True)
class NoteRecord:
    """A minute note: a narrative paragraph or a discussion point (bullet).

    ``after_resolutions`` puts the note after the ``RESOLVED: -`` block (the chair's closing
    words in the last item of the reference minutes); by default notes come first.
    """

    kind: NoteKind
    text: str
    after_resolutions: bool = False
    id: int | None = None


@dataclass(frozen=True)
class DeclarationRecord:
    """A declaration of interest on an item.

    ``person``: display name as it should appear ("Cllr Jones"). ``kind``: one of
    "disclosable-pecuniary", "other-registrable", "non-registrable", "other". ``action``: one of
    "left-room", "stayed-did-not-vote", "dispensation", "spoke-and-voted", or the clerk's own
    words (used as typed), or "".
    """

    person: str
    kind: str
    nature: str = ""
    action: str = ""
    id: int | None = None


@dataclass(frozen=True)
class VoteRecord:
    """A vote, already worded by :mod:`clerk_tui.rules` (``Decision.text``)."""

    sentence: str
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()
    did_not_vote_names: tuple[str, ...] = ()
    inquorate: bool = False
    id: int | None = None
    # The count and the motion, for a body's own wording of the vote sentence (STYLES["vote"]).
    for_count: int = 0
    against_count: int = 0
    abstentions: int = 0
    present: int = 0
    carried: bool = False
    motion: str = ""
    # A resolution records what the vote decided: the minutes print that, not the motion.
    resolved: bool = False
    # The motion or amendment the vote was on (MotionRecord.id); None: a vote on its own.
    motion_id: int | None = None
    # The Chair's casting vote on a tie: "for", "against", or None when none was given.
    casting: str | None = None
    # How it was taken: "recorded" (by name) or "show-of-hands"; "" in a record made by hand.
    method: str = ""

    @property
    def recorded(self) -> bool:
        """A recorded (named) vote: at least one name was taken."""
        return bool(
            self.for_names or self.against_names or self.abstain_names or self.did_not_vote_names
        )

    @property
    def by_name(self) -> bool:
        """A recorded vote was requested and taken: every member named, not a show of hands
        with a few names asked for (a record made by hand without a method: any names)."""
        return self.method == "recorded" or (not self.method and self.recorded)


@dataclass(frozen=True)
class MotionRecord:
    """A motion moved on an item, or an amendment to one, as the minutes name its movers.

    ``mover`` / ``seconder``: as a sentence names them ("Cllr Jones"), "" when not recorded.
    ``amends_id``: the MotionRecord an amendment amends. ``state``: "moved", "withdrawn",
    "carried", "lost" or "not-put". ``substantive_text``: the motion's words as the carried
    amendments made them ("" if none was carried). The votes on it are the item's VoteRecords
    whose ``motion_id`` is this ``id``."""

    text: str
    kind: str = "motion"
    mover: str = ""
    seconder: str = ""
    state: str = "moved"
    amends_id: int | None = None
    substantive_text: str = ""
    as_printed: bool = False
    id: int | None = None


@dataclass(frozen=True)
class SpeakerRecord:
    """Someone heard on the item: ``name`` as typed ("Mr X"), ``capacity`` one of
    "public-support", "public-objection", "ward-member", "officer", "applicant", "other";
    ``seconds``: the time they actually spoke (None if never timed); ``started``: their timer
    was started (they have spoken, or are speaking)."""

    name: str
    capacity: str = "other"
    seconds: int | None = None
    id: int | None = None
    started: bool = False


@dataclass(frozen=True)
class ResolutionRecord:
    """A resolution as typed, with its sub-points (a., b., ...) in order; ``child_ids`` are
    the sub-points' ids, in the same order."""

    text: str
    children: tuple[str, ...] = ()
    id: int | None = None
    child_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AttendeeRecord:
    """One person's attendance at the meeting (``id``: the attendance row's).

    ``capacity``: "member", "substitute", "officer" or "guest" (officers and guests are
    "also present"). ``status``: "present", "apologies" or "absent". ``short_name``: title and
    surname ("Cllr Jones"), derived from ``title`` and ``name`` when left empty.
    """

    name: str
    capacity: str
    status: str
    title: str = ""
    short_name: str = ""
    represents: str = ""
    role_text: str = ""
    arrived_item_id: int | None = None
    left_item_id: int | None = None
    arrived_at: datetime | None = None
    left_at: datetime | None = None
    substitute_for: str | None = None
    id: int | None = None

    @property
    def display_name(self) -> str:
        """Title and full name: "Cllr Paul Bradley", "Kristina Murphy"."""
        return f"{self.title} {self.name}".strip() if self.title else self.name.strip()

    @property
    def reference(self) -> str:
        """How the minutes refer to the person in a sentence: "Cllr Jones", "Kevin O’Keefe"."""
        if not self.title:
            return self.name.strip()
        if self.short_name:
            return self.short_name.strip()
        surname = self.name.split()[-1] if self.name.split() else ""
        return f"{self.title} {surname}".strip()

    @property
    def is_member(self) -> bool:
        return self.capacity in ("member", "substitute")


@dataclass(frozen=True)
class ItemRecord:
    """An agenda item with everything recorded on it."""

    id: int
    number: str
    title: str
    kind: str = "other"
    state: str = "pending"
    minute_number: int | None = None
    exempt: bool = False
    exempt_reason: str = ""
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    notes: tuple[NoteRecord, ...] = ()
    declarations: tuple[DeclarationRecord, ...] = ()
    votes: tuple[VoteRecord, ...] = ()
    resolutions: tuple[ResolutionRecord, ...] = ()
    # Schema version 6: the debate, in the order moved / to be heard.
    motions: tuple[MotionRecord, ...] = ()
    speakers: tuple[SpeakerRecord, ...] = ()
    papers: str = ""
    description: str = ""
    approximate_time: time | None = None


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting, its attendance and its items (in agenda order)."""

    body_name: str
    venue: str
    date: date
    scheduled_start: time
    body_short_name: str = ""
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    status: str = "planned"
    minutes_status: str = "draft"
    attendees: tuple[AttendeeRecord, ...] = ()
    items: tuple[ItemRecord, ...] = ()
    # The body's own wording of generated sentences, by kind (clerk_tui.minutes.styles), and
    # the generated sentences the clerk edited, by (item id, the block's Source.key): printed
    # instead of the words the minutes would write.
    styles: dict[str, str] = field(default_factory=dict)
    edited: dict[tuple[int, str], str] = field(default_factory=dict)
