"""What is recorded on an item, as the record pane reads it (notes, resolutions with their
labels, votes, actions, provisional minute numbers), and the helpers every decision shares: the
item it is filed under and the words the audit trail gives it."""

from __future__ import annotations

from sqlmodel import Session

from clerk_tui.desk.meeting_records import item_minute
from clerk_tui.desk.meeting_records import labelled as labelled_views
from clerk_tui.desk.store import Changes, get
from clerk_tui.errors import ClerkError
from clerk_tui.numbering import NumberingItem, assign_minute_numbers
from db import decision_queries as dq
from db import models
from db.decision_queries import ItemMinuteView, ResolutionView
from db.snapshot import read_meeting


def item_for(changes: Changes, item_id: int) -> models.AgendaItem:
    """The item, and this transaction's audit filed under its meeting."""
    item = get(changes.session, models.AgendaItem, item_id, "agenda item")
    changes.meeting_id = item.meeting_id
    return item


def short(text: str, width: int = 50) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def item_words(item: models.AgendaItem) -> str:
    return f"item {item.number}" if item.number else f"“{short(item.title, 30)}”"


def minute_numbers(session: Session, meeting: models.Meeting) -> dict[int, int]:
    """Each item's minute number: the fixed one where written, else the provisional one
    from the order the items were actually taken (only while the meeting is not closed)."""
    items = dq.meeting_items(session, meeting.id or 0)
    numbers = {i.id or 0: i.minute_number for i in items if i.minute_number is not None}
    if meeting.status != "closed":
        body = get(session, models.Body, meeting.body_id, "body")
        provisional = assign_minute_numbers(
            (NumberingItem(i.id or 0, i.actual_start, i.state) for i in items),
            body.next_minute_number,
        )
        for key, number in provisional.items():
            numbers.setdefault(key, number)
    return numbers


def read_item_minute(session: Session, item_id: int) -> ItemMinuteView:
    """The item's record, from its meeting's snapshot (one read of the whole meeting)."""
    item = get(session, models.AgendaItem, item_id, "agenda item")
    snapshot = read_meeting(session, item.meeting_id)
    assert snapshot is not None  # the item's meeting: a foreign key guarantees it
    return item_minute(snapshot, item_id)


def labelled(session: Session, item_id: int, resolution_id: int) -> ResolutionView:
    for view in label_resolutions(dq.resolutions(session, item_id)):
        if view.id == resolution_id:
            return view
    raise ClerkError(f"there is no resolution {resolution_id}")


def label_resolutions(rows: list[models.Resolution]) -> list[ResolutionView]:
    """The house style's labels (see :func:`clerk_tui.desk.meeting_records.labelled`)."""
    return list(labelled_views(tuple(dq.resolution_view(row) for row in rows)))
