"""The words above the record pane on the live screen: the current item and where it stands
against the clock, and what the chamber did during it (declarations, arrivals, departures)."""

from __future__ import annotations

from clerk_tui.desk.chamber import AgendaLine, LiveView
from clerk_tui.timing import format_minutes

KIND_WORDS = {
    "disclosable-pecuniary": "disclosable pecuniary interest",
    "other-registrable": "other registrable interest",
    "non-registrable": "non-registrable interest",
    "other": "interest",
}
ACTION_WORDS = {
    "left-room": "left the room",
    "stayed-did-not-vote": "stayed, did not vote",
    "dispensation": "dispensation held",
    "spoke-and-voted": "spoke and voted",
}


def item_label(line: AgendaLine) -> str:
    number = f"Item {line.item.number} — " if line.item.number else ""
    return f"{number}{line.item.title}"


def header_text(line: AgendaLine | None) -> str:
    """ "Item 7 — TITLE" and its state: running (and how far over), taken, deferred..."""
    if line is None:
        return "No agenda items: add them on the agenda screen"
    state = line.item.state
    if line.running and line.ran is not None:
        planned = format_minutes(line.planned.duration)
        over = line.ran - line.planned.duration
        status = f"▶ running {format_minutes(line.ran)} of {planned}"
        if line.overrun:
            status += f" — {format_minutes(over)} over"
        status += f" · began {line.item.actual_start:%H:%M}"
    elif state == "taken" and line.item.actual_start and line.item.actual_end:
        status = (
            f"✓ taken {line.item.actual_start:%H:%M}–{line.item.actual_end:%H:%M}"
            f" ({format_minutes(line.ran or line.planned.duration)})"
        )
    elif state in ("deferred", "withdrawn"):
        status = f"{state}"
    else:
        status = f"not started · planned {line.planned.at:%H:%M}"
    return f"{item_label(line)}\n{status}"


def chamber_text(view: LiveView, item_id: int | None) -> str:
    """The declarations and the comings and goings recorded on this item, as the room saw
    them (the record pane below says where the minutes put each)."""
    lines: list[str] = []
    for declaration in view.declarations_on(item_id):
        lines.append(
            f"Declaration: {declaration.person.display_name} — "
            f"{KIND_WORDS.get(declaration.kind, declaration.kind)}: {declaration.nature} "
            f"({ACTION_WORDS.get(declaration.action, declaration.action)})"
        )
    for attendee in view.arrivals_on(item_id):
        at = f" at {attendee.arrived_at:%H:%M}" if attendee.arrived_at else ""
        lines.append(f"Arrived: {attendee.person.display_name}{at}")
    for attendee in view.departures_on(item_id):
        at = f" at {attendee.left_at:%H:%M}" if attendee.left_at else ""
        lines.append(f"Left: {attendee.person.display_name}{at}")
    return "\n".join(lines)
