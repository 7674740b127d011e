"""From the database's rows to the plain records the renderers read: the minutes' input
(:class:`clerk_tui.minutes.MeetingRecord`) and the agenda front sheet.

No session here: :mod:`db.record_queries` has read the rows; this is only their translation
into the house style's terms (who is "Cllr Jones", which note follows the resolutions).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from clerk_tui.export.agenda_sheet import AgendaSheet, AgendaSheetItem
from clerk_tui.minutes import (
    AttendeeRecord,
    DeclarationRecord,
    ItemRecord,
    MeetingRecord,
    NoteRecord,
    ResolutionRecord,
    VoteRecord,
)
from db.record_queries import AttendanceRow, ItemRow, MeetingRows, PersonRow


def _reference(person: PersonRow, taken: Counter[str]) -> str:
    """How the minutes name a person in a sentence: "Cllr Jones" (title and surname), or the
    full name when there is no title or two people present would share the short one."""
    short = _short(person)
    if taken[short] > 1:
        return f"{person.title} {person.full_name}".strip()
    return short


def _short(person: PersonRow) -> str:
    if not person.title:
        return person.full_name.strip()
    words = person.full_name.split()
    return f"{person.title} {words[-1] if words else ''}".strip()


ROLE_WORDS = {"independent-member": "Independent Member", "co-opted": "Co-opted Member"}


def _attendee(row: AttendanceRow, taken: Counter[str]) -> AttendeeRecord:
    represents = row.represents.strip() or row.membership_represents.strip()
    role_text = (
        row.role_text.strip()
        or row.membership_role_text.strip()
        or ("" if represents else ROLE_WORDS.get(row.membership_role, ""))
    )
    return AttendeeRecord(
        name=row.person.full_name,
        capacity=row.capacity,
        status=row.status,
        title=row.person.title,
        short_name=_reference(row.person, taken) if row.person.title else "",
        represents=represents,
        role_text=role_text,
        arrived_item_id=row.arrived_item_id,
        left_item_id=row.left_item_id,
        arrived_at=row.arrived_at,
        left_at=row.left_at,
        substitute_for=_reference(row.substitute_for, taken) if row.substitute_for else None,
    )


def _resolutions(item: ItemRow) -> tuple[ResolutionRecord, ...]:
    children: dict[int, list[str]] = {}
    for row in item.resolutions:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(row.text)
    return tuple(
        ResolutionRecord(row.text, tuple(children.get(row.id, ())))
        for row in item.resolutions
        if row.parent_id is None
    )


def _item(item: ItemRow, taken: Counter[str]) -> ItemRecord:
    # A note recorded after the item's last resolution is minuted after RESOLVED (the chair's
    # closing words); the others come before it, as notes lead to the decision.
    last_resolved: datetime | None = max((r.created_at for r in item.resolutions), default=None)
    notes = tuple(
        NoteRecord(
            "bullet" if note.kind == "bullet" else "paragraph",
            note.text,
            after_resolutions=last_resolved is not None and note.created_at > last_resolved,
        )
        for note in item.notes
    )
    votes = tuple(
        VoteRecord(
            sentence=vote.outcome_text,
            for_names=_names(vote.choices, "for", taken),
            against_names=_names(vote.choices, "against", taken),
            abstain_names=_names(vote.choices, "abstain", taken),
            did_not_vote_names=_names(vote.choices, "did-not-vote", taken),
            inquorate=vote.inquorate,
        )
        for vote in item.votes
    )
    declarations = tuple(
        DeclarationRecord(_reference(d.person, taken), d.kind, d.nature, d.action)
        for d in item.declarations
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
        votes=votes,
        resolutions=_resolutions(item),
        papers=item.papers,
        description=item.description,
        approximate_time=item.approximate_time,
    )


def _names(
    choices: tuple[tuple[str, PersonRow], ...], choice: str, taken: Counter[str]
) -> tuple[str, ...]:
    return tuple(_reference(person, taken) for made, person in choices if made == choice)


def meeting_record(rows: MeetingRows) -> MeetingRecord:
    """The minutes' input record of a meeting read from the database."""
    people: dict[int, PersonRow] = {a.person.id: a.person for a in rows.attendance}
    for item in rows.items:
        people.update((d.person.id, d.person) for d in item.declarations)
        for vote in item.votes:
            people.update((p.id, p) for _, p in vote.choices)
    taken = Counter(_short(p) for p in people.values())
    return MeetingRecord(
        body_name=rows.body_name,
        venue=rows.venue,
        date=rows.date,
        scheduled_start=rows.scheduled_start,
        body_short_name=rows.body_short_name,
        actual_start=rows.actual_start,
        actual_end=rows.actual_end,
        status=rows.status,
        minutes_status=rows.minutes_status,
        attendees=tuple(_attendee(a, taken) for a in rows.attendance),
        items=tuple(_item(i, taken) for i in rows.items),
    )


def agenda_sheet(rows: MeetingRows, *, include_exempt: bool = False) -> AgendaSheet:
    """The agenda front sheet; an exempt item's description stays out of the public one."""
    return AgendaSheet(
        body_name=rows.body_name,
        date=rows.date,
        start=rows.scheduled_start,
        venue=rows.venue,
        body_short_name=rows.body_short_name,
        livestream=rows.livestream_url,
        website=rows.website,
        contact_name=rows.contact_name,
        contact_email=rows.contact_email,
        contact_phone=rows.contact_phone,
        items=tuple(
            AgendaSheetItem(
                number=item.number,
                title=item.title,
                description=item.description if include_exempt or not item.exempt else "",
                papers=item.papers,
                approximate_time=item.approximate_time,
                exempt=item.exempt,
                exempt_reason=item.exempt_reason,
            )
            for item in rows.items
        ),
    )


__all__ = ["agenda_sheet", "meeting_record"]
