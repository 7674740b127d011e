"""The selected action in full under the tracker's table, with the history behind its latest
update; and the way the tracker names an action in what it says to the clerk."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from clerk_tui.desk.tracker import TrackedAction, TrackedUpdate, minute_label, source_label
from screens.widgets.action_table import one_line

NOTHING_MATCHES = "No action matches. Press / to change the filter, or n to add one."


def action_name(action: TrackedAction) -> str:
    """The action as the tracker names it to the clerk: by its minute ("Action 617"), or for one
    carried over without a minute, by its first words."""
    if action.minute_number is not None:
        return f"Action {minute_label(action)}"
    words = action.text.split()
    return "Action “" + " ".join(words[:5]) + ("…”" if len(words) > 5 else "”")


class ActionDetail(Static):
    """Shows what it is handed (the screen reads the history); fixed in size by tracker.tcss,
    so new text needs no layout of the screen (``layout=False``): each key typed into the
    filter stays within a frame."""

    def show(self, action: TrackedAction | None, history: list[TrackedUpdate] | None) -> None:
        """``action`` with its ``history``; None while the history is still to be read."""
        if action is None:
            self.update(NOTHING_MATCHES, layout=False)
        else:
            self.update(detail(action, history), layout=False)


def detail(action: TrackedAction, history: list[TrackedUpdate] | None) -> Text:
    """The selected action in full, and the history behind its latest update."""
    text = Text()
    state = (
        f"Completed {action.completed_on:%-d %B %Y}"
        if action.completed and action.completed_on
        else action.status.capitalize()
    )
    text.append(f"{minute_label(action)} · {state}", style="bold")
    text.append(f" · {source_label(action)}")
    if action.item_title:
        text.append(f" · item: {one_line(action.item_title)}")
    if action.exempt:
        reason = f" ({one_line(action.exempt_reason)})" if action.exempt_reason.strip() else ""
        text.append(f" · EXEMPT{reason}: left out of public exports", style="bold")
    if action.provisional:
        text.append(" · minute number provisional until the meeting closes")
    text.append("\n")
    text.append(one_line(action.text) + "\n")
    text.append(f"Owner: {action.owner or '—'}    Due: {action.due or '—'}\n", style="italic")
    if history is None:
        return text  # its history follows on the next frame
    if not history:
        text.append("No updates yet: press u to give one.", style="dim")
    for update in history:
        where = f" (meeting of {update.meeting_date:%-d %b %Y})" if update.meeting_date else ""
        text.append(f"{update.date:%-d %b %Y}{where}: ", style="bold")
        text.append(one_line(update.text) + "\n")
    return text
