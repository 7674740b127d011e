"""The agenda front sheet of a stored meeting (the minutes' own records are built by
:mod:`clerk_tui.minutes` from the same snapshot)."""

from __future__ import annotations

from clerk_tui.export.agenda_sheet import AgendaSheet, AgendaSheetItem
from db.meeting_snapshot import MeetingSnapshot


def agenda_sheet(snapshot: MeetingSnapshot, *, include_exempt: bool = False) -> AgendaSheet:
    """The agenda front sheet; an exempt item's description stays out of the public one."""
    meeting = snapshot.meeting
    body = meeting.body
    return AgendaSheet(
        body_name=body.name,
        date=meeting.date,
        start=meeting.scheduled_start,
        venue=meeting.venue,
        body_short_name=body.short_name,
        livestream=meeting.livestream_url,
        website=body.website,
        contact_name=body.contact_name,
        contact_email=body.contact_email,
        contact_phone=body.contact_phone,
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
            for item in meeting.items
        ),
    )


__all__ = ["agenda_sheet"]
