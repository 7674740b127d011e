"""What is recorded on an item, as the record pane reads it (notes, resolutions with their
labels, votes, actions, provisional minute numbers), and the helpers every decision shares: the
item it is filed under and the words the audit trail gives it."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from clerk_tui.desk.store import Changes, get
from clerk_tui.errors import ClerkError
from clerk_tui.minutes import letter, roman
from clerk_tui.numbering import NumberingItem, assign_minute_numbers
from db import decision_queries as dq
from db import models
from db.decision_queries import ActionView, ItemMinuteView, ResolutionView
from db.queries import item_view


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
    item = get(session, models.AgendaItem, item_id, "agenda item")
    meeting = get(session, models.Meeting, item.meeting_id, "meeting")
    numbers = minute_numbers(session, meeting)
    number = numbers.get(item_id)
    actions = tuple(
        replace(dq.action_view(a), provisional_minute=number, exempt=item.exempt)
        for a in dq.item_actions(session, item_id)
    )
    carried: tuple[ActionView, ...] = ()
    if item.kind == "previous-minutes":
        earlier = dq.outstanding_actions(session, item.body_id, before_meeting=meeting.id)
        exempt = dq.exempt_item_ids(session, {a.item_id for a in earlier if a.item_id})
        carried = tuple(replace(dq.action_view(a), exempt=a.item_id in exempt) for a in earlier)
    return ItemMinuteView(
        item=item_view(item),
        meeting_status=meeting.status,
        body_id=item.body_id,
        minute_number=number,
        provisional=item.minute_number is None and number is not None,
        notes=tuple(dq.note_view(n) for n in dq.notes(session, item_id)),
        resolutions=tuple(label_resolutions(dq.resolutions(session, item_id))),
        votes=tuple(dq.vote_views(session, dq.votes(session, item_id))),
        actions=actions,
        carried_forward=carried,
    )


def labelled(session: Session, item_id: int, resolution_id: int) -> ResolutionView:
    for view in label_resolutions(dq.resolutions(session, item_id)):
        if view.id == resolution_id:
            return view
    raise ClerkError(f"there is no resolution {resolution_id}")


def label_resolutions(rows: list[models.Resolution]) -> list[ResolutionView]:
    """The house style's labels: several resolutions are i., ii., iii.; one stands alone;
    sub-points are a., b., c. within their resolution."""
    top = [r for r in rows if r.parent_id is None]
    top_label = {r.id: (f"{roman(n + 1)}." if len(top) > 1 else "") for n, r in enumerate(top)}
    counters: dict[int, int] = {}
    views: list[ResolutionView] = []
    for row in rows:
        if row.parent_id is None:
            label = top_label[row.id]
        else:
            counters[row.parent_id] = counters.get(row.parent_id, 0) + 1
            label = f"{letter(counters[row.parent_id])}."
        views.append(replace(dq.resolution_view(row), label=label))
    return views
