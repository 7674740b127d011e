"""What ``[`` asks before it un-takes an item: which item goes back to "not yet taken", what is
recorded on it (it stays, but no minutes carry it until the item is taken again), and which item
runs again.

The item ``[`` goes back to is worked out as ChamberService.previous_item does (the taken item
begun last before the running one), from the meeting the screen holds: the question is asked
before anything is written, and the Desk call that follows refuses in words if it disagrees.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.desk.chamber import AgendaLine, LiveView
from screens.widgets.item_header import item_label


@dataclass(frozen=True)
class GoingBack:
    question: str
    detail: str


def going_back(view: LiveView) -> GoingBack | None:
    """The question for ``[``, or None when there is no item to go back to (the Desk says
    why)."""
    running = view.line(view.running_item_id)
    taken = sorted(
        (line for line in view.lines if line.item.state == "taken" and line.item.actual_start),
        key=lambda line: (line.item.actual_start, line.item.position),
    )
    if running is not None and running.item.actual_start is not None:
        mark = (running.item.actual_start, running.item.position)
        taken = [line for line in taken if (line.item.actual_start, line.item.position) < mark]
    if not taken:
        return None
    back = taken[-1]
    if running is None:
        return GoingBack(
            f"Go back to {item_label(back)}?",
            "It runs again from its start; its end time is cleared.",
        )
    held = holdings(view, running)
    if held:
        kept = f"What is recorded on it ({held}) stays, unminuted until it is taken again."
    else:
        kept = "Nothing is recorded on it yet."
    return GoingBack(
        f"Go back to {item_label(back)}?",
        f"{item_label(running)} becomes not yet taken (its times are cleared). {kept}",
    )


def holdings(view: LiveView, line: AgendaLine) -> str:
    """What is recorded on an item, in words: "1 note, 2 resolutions and 1 declaration"."""
    minute = view.minute(line.item.id)
    motions = minute.motions
    counts = (
        (len(minute.notes), "note"),
        (len(minute.resolutions), "resolution"),
        (len(minute.votes), "vote"),
        (len(minute.actions), "tracker action"),
        (len(view.declarations_on(line.item.id)), "declaration"),
        (sum(not m.is_amendment for m in motions), "motion"),
        (sum(m.is_amendment for m in motions), "amendment"),
        (len(minute.speakers), "speaker"),
    )
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts if n]
    if len(parts) > 1:
        return f"{', '.join(parts[:-1])} and {parts[-1]}"
    return parts[0] if parts else ""
