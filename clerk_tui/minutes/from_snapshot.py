"""From a stored meeting (:class:`db.meeting_snapshot.MeetingSnapshot`) to the minutes: its
translation into the house style's terms (who is "Cllr Jones", which note follows the
resolutions), then :func:`clerk_tui.minutes.sections.minutes_of`.

The record pane and every paper read the same snapshot through these functions, so what the
clerk sees for an item is, in words, what its minutes section says.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from clerk_tui.minutes.blocks import Minutes, Section
from clerk_tui.minutes.records import (
    AttendeeRecord,
    DeclarationRecord,
    ItemRecord,
    MeetingRecord,
    MotionRecord,
    NoteRecord,
    ResolutionRecord,
    SpeakerRecord,
    VoteRecord,
)
from clerk_tui.minutes.sections import minutes_of, section_of
from db.meeting_snapshot import MeetingSnapshot
from db.views import AttendanceView, ItemView, PersonView, VoteView

ROLE_WORDS = {"independent-member": "Independent Member", "co-opted": "Co-opted Member"}


def build_minutes(snapshot: MeetingSnapshot, *, include_exempt: bool = False) -> Minutes:
    """The minutes of the stored meeting (see :func:`minutes_of`)."""
    return minutes_of(meeting_record(snapshot), include_exempt=include_exempt)


def item_section(snapshot: MeetingSnapshot, item_id: int) -> Section | None:
    """The section of one item as the record pane shows it (see :func:`section_of`)."""
    return section_of(meeting_record(snapshot), item_id)


def _short(person: PersonView) -> str:
    if not person.title:
        return person.full_name.strip()
    words = person.full_name.split()
    return f"{person.title} {words[-1] if words else ''}".strip()


class _Names:
    """How the minutes name a person in a sentence: "Cllr Jones" (title and surname), or the
    full name when there is no title or two people the meeting names would share the short
    one."""

    def __init__(self, people: dict[int, PersonView]) -> None:
        self.taken = Counter(_short(p) for p in people.values())

    def __call__(self, person: PersonView) -> str:
        short = _short(person)
        if self.taken[short] > 1:
            return person.display_name
        return short


def _attendee(row: AttendanceView, snapshot: MeetingSnapshot, names: _Names) -> AttendeeRecord:
    membership = snapshot.membership(row.person.id)
    represents = row.represents.strip() or (membership.represents.strip() if membership else "")
    role_text = (
        row.role_text.strip()
        or (membership.role_text.strip() if membership else "")
        or ("" if represents or membership is None else ROLE_WORDS.get(membership.role, ""))
    )
    return AttendeeRecord(
        name=row.person.full_name,
        capacity=row.capacity,
        status=row.status,
        title=row.person.title,
        short_name=names(row.person) if row.person.title else "",
        represents=represents,
        role_text=role_text,
        arrived_item_id=row.arrived_item_id,
        left_item_id=row.left_item_id,
        arrived_at=row.arrived_at,
        left_at=row.left_at,
        substitute_for=names(row.substitute_for) if row.substitute_for else None,
        id=row.id,
    )


def _resolutions(snapshot: MeetingSnapshot, item_id: int) -> tuple[ResolutionRecord, ...]:
    rows = snapshot.resolutions_on(item_id)
    children: dict[int, list[tuple[str, int]]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append((row.text, row.id))
    return tuple(
        ResolutionRecord(
            row.text,
            tuple(text for text, _ in children.get(row.id, ())),
            id=row.id,
            child_ids=tuple(child for _, child in children.get(row.id, ())),
        )
        for row in rows
        if row.parent_id is None
    )


def _vote(vote: VoteView, names: _Names, decided: set[int]) -> VoteRecord:
    def named(choice: str) -> tuple[str, ...]:
        return tuple(names(n.person) for n in vote.named if n.choice == choice)

    return VoteRecord(
        sentence=vote.outcome_text,
        for_names=named("for"),
        against_names=named("against"),
        abstain_names=named("abstain"),
        did_not_vote_names=named("did-not-vote"),
        inquorate=vote.inquorate,
        id=vote.id,
        for_count=vote.for_count,
        against_count=vote.against_count,
        abstentions=vote.abstentions,
        present=vote.present,
        carried=vote.carried,
        motion=vote.motion,
        resolved=vote.id in decided,
        motion_id=vote.motion_id,
        casting=vote.casting_vote,
        method=vote.method,
    )


def _item(item: ItemView, snapshot: MeetingSnapshot, names: _Names) -> ItemRecord:
    # A note recorded after the item's last resolution is minuted after RESOLVED (the chair's
    # closing words); the others come before it, as notes lead to the decision.
    resolutions = snapshot.resolutions_on(item.id)
    last_resolved: datetime | None = max((r.created_at for r in resolutions), default=None)
    notes = tuple(
        NoteRecord(
            "bullet" if note.kind == "bullet" else "paragraph",
            note.text,
            after_resolutions=last_resolved is not None and note.created_at > last_resolved,
            id=note.id,
        )
        for note in snapshot.notes_on(item.id)
    )
    decided = {r.vote_id for r in resolutions if r.vote_id is not None}
    declarations = tuple(
        DeclarationRecord(names(d.person), d.kind, d.nature, d.action, id=d.id)
        for d in snapshot.declarations_on(item.id)
    )
    return ItemRecord(
        id=item.id,
        number=item.number,
        title=item.title,
        kind=item.kind,
        state=item.state,
        minute_number=item.minute_number,
        exempt=item.exempt,
        exempt_reason=item.exempt_reason,
        actual_start=item.actual_start,
        actual_end=item.actual_end,
        notes=notes,
        declarations=declarations,
        votes=tuple(_vote(v, names, decided) for v in snapshot.votes_on(item.id)),
        resolutions=_resolutions(snapshot, item.id),
        motions=tuple(
            MotionRecord(
                m.text,
                kind=m.kind,
                mover=names(m.mover) if m.mover is not None else "",
                seconder=names(m.seconder) if m.seconder is not None else "",
                state=m.state,
                amends_id=m.amends_id,
                substantive_text=m.substantive_text,
                as_printed=m.as_printed,
                id=m.id,
            )
            for m in snapshot.motions_on(item.id)
        ),
        speakers=tuple(
            SpeakerRecord(
                s.name,
                s.capacity,
                seconds=s.spoken(s.ended_at) if s.ended_at is not None else None,
                id=s.id,
                started=s.started_at is not None,
            )
            for s in snapshot.speakers_on(item.id)
        ),
        papers=item.papers,
        description=item.description,
        approximate_time=item.approximate_time,
    )


def meeting_record(snapshot: MeetingSnapshot) -> MeetingRecord:
    """The minutes' input record of a stored meeting."""
    # Those the minutes name in a sentence: the attendance, declarations and named votes.
    people = {a.person.id: a.person for a in snapshot.attendance}
    people.update((d.person.id, d.person) for d in snapshot.declarations)
    for vote in snapshot.votes:
        people.update((n.person.id, n.person) for n in vote.named)
    for motion in snapshot.motions:
        people.update((p.id, p) for p in (motion.mover, motion.seconder) if p is not None)
    names = _Names(people)
    meeting = snapshot.meeting
    return MeetingRecord(
        body_name=meeting.body.name,
        venue=meeting.venue,
        date=meeting.date,
        scheduled_start=meeting.scheduled_start,
        body_short_name=meeting.body.short_name,
        actual_start=meeting.actual_start,
        actual_end=meeting.actual_end,
        status=meeting.status,
        minutes_status=meeting.minutes_status,
        attendees=tuple(_attendee(a, snapshot, names) for a in snapshot.attendance),
        items=tuple(_item(i, snapshot, names) for i in meeting.items),
        styles={style.kind: style.wording for style in snapshot.styles},
        edited={(s.item_id, s.source): s.text for s in snapshot.sentences},
    )
