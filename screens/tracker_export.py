"""Writing the action tracker to a file, from its screen: the export dialog (format, status,
file, the exempt actions or not), the guard's word on the file before anything else is asked,
"Replace ...?" when it is there already, then the file and one line saying where it went."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.screen import Screen

from clerk_tui.desk.tracker import EXPORT_FORMATS, TrackedAction
from screens.base import attempt, desk_of
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.tracker_export import ExportChoice, TrackerExportDialog

R = TypeVar("R")


def export_tracker(
    screen: Screen[None], body_id: int, actions: list[TrackedAction], status: str
) -> None:
    """Ask how to export the tracker of ``body_id`` (``status`` chosen to begin with: the one the
    screen filters by) and write it; ``actions`` say whether there are exempt ones to offer."""
    desk = desk_of(screen)
    defaults = {fmt: desk.tracker.tracker_export_path(body_id, fmt) for fmt in EXPORT_FORMATS}
    exempt = sum(1 for a in actions if a.exempt)
    secret = {
        fmt: desk.tracker.tracker_export_path(body_id, fmt, include_exempt=True)
        for fmt in (EXPORT_FORMATS if exempt else ())
    }

    def as_chosen(call: Callable[..., R], choice: ExportChoice) -> R | None:
        # The same words for the guard's look at the file and for writing it.
        return attempt(
            screen,
            lambda: call(
                body_id,
                choice.fmt,
                choice.path,
                status=choice.status,
                include_exempt=choice.include_exempt,
            ),
        )

    def write(choice: ExportChoice) -> None:
        path = as_chosen(desk.tracker.export_tracker, choice)
        if path is not None:
            kind = "Confidential tracker" if choice.include_exempt and exempt else "Tracker"
            screen.notify(f"{kind} written to {path}", title="Exported", timeout=10, markup=False)

    def chosen(choice: ExportChoice | None) -> None:
        if choice is None:
            return
        # The file it would write, checked by the guard before anything is asked (a folder
        # typed with "/" gets the tracker's name; the database, a device... are refused).
        target = as_chosen(desk.tracker.tracker_export_target, choice)
        if target is None:
            return
        if not target.replaces:
            write(choice)
            return
        screen.app.push_screen(
            ConfirmDialog(f"Replace {target.path.name}?", str(target.path)),
            lambda yes: write(choice) if yes else None,
        )

    dialog = TrackerExportDialog(defaults, status, exempt_count=exempt, confidential_paths=secret)
    screen.app.push_screen(dialog, chosen)
