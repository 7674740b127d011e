"""What the screens and papers read of a stored meeting, worked out from its snapshot with no
read of its own: an item's record as the record pane lists it (labels and minute numbers given
by the house style's rules) and the agenda front sheet. The minutes themselves are built from
the same snapshot by :mod:`clerk_tui.minutes`."""

from __future__ import annotations

from dataclasses import replace

from clerk_tui.errors import ClerkError
from clerk_tui.export.agenda_sheet import AgendaSheet, AgendaSheetItem
from clerk_tui.minutes import letter, roman
from clerk_tui.numbering import NumberingItem, assign_minute_numbers
from db.decision_queries import ItemMinuteView
from db.meeting_snapshot import MeetingSnapshot
from db.views import ResolutionView, VoteView, surname_order


def minute_numbers(snapshot: MeetingSnapshot) -> dict[int, int]:
    """Each item's minute number: the fixed one where written, else the provisional one from
    the order the items were actually taken (only while the meeting is not closed)."""
    items = snapshot.items
    numbers = {i.id: i.minute_number for i in items if i.minute_number is not None}
    if snapshot.meeting.status != "closed":
        provisional = assign_minute_numbers(
            (NumberingItem(i.id, i.actual_start, i.state) for i in items),
            snapshot.body.next_minute_number,
        )
        for key, number in provisional.items():
            numbers.setdefault(key, number)
    return numbers


def labelled(resolutions: tuple[ResolutionView, ...]) -> tuple[ResolutionView, ...]:
    """The house style's labels: several resolutions are i., ii., iii.; one stands alone;
    sub-points are a., b., c. within their resolution."""
    top = [r for r in resolutions if r.parent_id is None]
    top_label = {r.id: (f"{roman(n + 1)}." if len(top) > 1 else "") for n, r in enumerate(top)}
    counters: dict[int, int] = {}
    out: list[ResolutionView] = []
    for row in resolutions:
        if row.parent_id is None:
            label = top_label[row.id]
        else:
            counters[row.parent_id] = counters.get(row.parent_id, 0) + 1
            label = f"{letter(counters[row.parent_id])}."
        out.append(replace(row, label=label))
    return tuple(out)


def _by_surname(vote: VoteView) -> VoteView:
    """The names of a vote as the roster lists members (the minutes keep the order taken)."""
    return replace(vote, named=tuple(sorted(vote.named, key=lambda n: surname_order(n.name))))


def item_minute(
    snapshot: MeetingSnapshot, item_id: int, numbers: dict[int, int] | None = None
) -> ItemMinuteView:
    """Everything recorded on an item, with labels and (provisional) minute numbers."""
    item = snapshot.item(item_id)
    if item is None:
        raise ClerkError(f"there is no agenda item {item_id}")
    number = (minute_numbers(snapshot) if numbers is None else numbers).get(item_id)
    return ItemMinuteView(
        item=item,
        meeting_status=snapshot.meeting.status,
        body_id=snapshot.body.id,
        minute_number=number,
        provisional=item.minute_number is None and number is not None,
        notes=snapshot.notes_on(item_id),
        resolutions=labelled(snapshot.resolutions_on(item_id)),
        votes=tuple(_by_surname(v) for v in snapshot.votes_on(item_id)),
        actions=tuple(
            replace(a, provisional_minute=number, exempt=item.exempt)
            for a in snapshot.actions_on(item_id)
        ),
        carried_forward=snapshot.carried_forward if item.kind == "previous-minutes" else (),
        motions=snapshot.motions_on(item_id),
        speakers=snapshot.speakers_on(item_id),
    )


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


__all__ = ["agenda_sheet", "item_minute", "labelled", "minute_numbers"]
