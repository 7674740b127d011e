"""Who came late and who left early: each arrival and departure minuted under the item it
happened during, or the nearest item taken when that one is not minuted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from clerk_tui.minutes.blocks import Paragraph, Source
from clerk_tui.minutes.records import AttendeeRecord, ItemRecord
from clerk_tui.minutes.styles import styled
from clerk_tui.minutes.wording import hours


def _item_at(moment: datetime, items: Sequence[ItemRecord]) -> int | None:
    """The id of the item running at ``moment`` (for a movement recorded without an item)."""
    for item in items:
        if item.actual_start is None or moment < item.actual_start:
            continue
        if item.actual_end is None or moment < item.actual_end:
            return item.id
    return None


def _placed(
    item_id: int | None,
    moment: datetime | None,
    minuted: Sequence[ItemRecord],
    every: Sequence[ItemRecord],
) -> tuple[int, str] | None:
    """Which minuted item a movement goes under, and where it fell against that item: "during"
    it, "before" it or "after" it.

    The item during which it happened, when that item is minuted. Otherwise (the item was then
    deferred or withdrawn; or no item was running, as after the meeting began and before the
    first item) the next item taken after it, or the last one taken before it if none follows.
    """
    ids = {item.id for item in minuted}
    if item_id in ids:
        return item_id, "during"
    if not minuted:
        return None
    recorded = next((item for item in every if item.id == item_id), None)
    if moment is None and recorded is not None:
        moment = recorded.actual_end or recorded.actual_start
    if moment is not None:
        if item_id is None:
            running = _item_at(moment, minuted)
            if running is not None:
                return running, "during"
        started = sorted(
            (item for item in minuted if item.actual_start is not None),
            key=lambda item: item.actual_start or datetime.min,
        )
        following = [item for item in started if (item.actual_start or moment) >= moment]
        if following:
            return following[0].id, "before"
        if started:
            return started[-1].id, "after"
    if recorded is not None:  # no times to go by: the agenda's order
        position = {item.id: n for n, item in enumerate(every)}
        mark = position[recorded.id]
        later = [item for item in minuted if position.get(item.id, -1) > mark]
        if later:
            return min(later, key=lambda item: position[item.id]).id, "before"
        earlier = [item for item in minuted if item.id in position]
        if earlier:
            return max(earlier, key=lambda item: position[item.id]).id, "after"
    return None


def movements(
    attendees: Sequence[AttendeeRecord],
    items: Sequence[ItemRecord],
    meeting_start: datetime | None,
    every: Sequence[ItemRecord] = (),
    styles: dict[str, str] | None = None,
) -> dict[int, list[Paragraph]]:
    """Late arrivals and departures, as sentences, by the id of the minuted item (``items``)
    they go under (see :func:`_placed`); ``every`` is the whole agenda, in agenda order;
    ``styles`` the body's wording of the "arrival" and "departure" sentences."""
    every = every or items
    styles = styles or {}
    out: dict[int, list[Paragraph]] = {}
    for person in attendees:
        if person.status != "present":
            continue
        late = person.arrived_at is not None and (
            meeting_start is None or person.arrived_at > meeting_start
        )
        if person.arrived_item_id is not None or late:
            placed = _placed(person.arrived_item_id, person.arrived_at, items, every)
            if placed is not None:
                item_id, where = placed
                if where == "during":
                    when = "during this item"
                elif person.arrived_at is not None:
                    when = f"at {hours(person.arrived_at)} hours"
                else:
                    when = f"{where} this item"
                out.setdefault(item_id, []).append(
                    Paragraph(
                        styled(
                            styles,
                            "arrival",
                            f"{person.reference} joined the meeting {when}.",
                            name=person.reference,
                            when=when,
                        ),
                        Source("arrival", person.id),
                    )
                )
        if person.left_item_id is not None or person.left_at is not None:
            placed = _placed(person.left_item_id, person.left_at, items, every)
            if placed is not None:
                item_id, where = placed
                if person.left_at is not None:
                    when = f"at {hours(person.left_at)} hours"
                else:
                    when = f"{where} this item"
                out.setdefault(item_id, []).append(
                    Paragraph(
                        styled(
                            styles,
                            "departure",
                            f"{person.reference} left the meeting {when}.",
                            name=person.reference,
                            when=when,
                        ),
                        Source("departure", person.id),
                    )
                )
    return out
