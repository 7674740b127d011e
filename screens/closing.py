"""Ending the meeting from the live screen (e): the question asked first, and what is told
once it is closed (the minutes numbered, the closing backup or why it failed)."""

from __future__ import annotations

from datetime import datetime

from textual.screen import Screen

from clerk_tui.desk.chamber import CloseResult, LiveView


def close_question(view: LiveView, now: datetime) -> str:
    detail = f"The clock stops at {now:%H:%M}; minute numbers become final."
    not_taken = not_taken_warning(view)
    return f"{detail} {not_taken}" if not_taken else detail


def not_taken_warning(view: LiveView) -> str:
    """What ending now leaves out, said live and after the event alike ("" when nothing)."""
    pending = sum(1 for line in view.lines if line.item.state == "pending")
    said = [f"{pending} item(s) not taken will get no minute number."] if pending else []
    # A motion or amendment still "moved" is minuted with no outcome: the chair may have
    # forgotten to put it (the clerk records the vote, or marks it not put, first).
    waiting = [m for m in view.snapshot.motions if m.state == "moved"]
    if waiting:
        said.append(f"{len(waiting)} motion(s) or amendment(s) were never put to the vote.")
    return " ".join(said)


def tell_closed(screen: Screen[None], result: CloseResult) -> None:
    message = f"Meeting closed: {result.numbered} minute(s) numbered"
    if result.backup is not None:
        message += f"; backup {result.backup.name}"
    screen.notify(message, title="Closed", markup=False)
    if result.backup_problem:
        screen.notify(result.backup_problem, title="Backup failed", severity="error", markup=False)
