"""Dialogs that move an action on: an update given on it, and its completion (the day and how).

The update is dated by the desk's clock and recorded against the meeting the tracker was opened
from; these dialogs only gather the words (and, for completion, the day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Static

from clerk_tui.desk.tracker import TrackedAction, minute_label
from clerk_tui.errors import ClerkError
from clerk_tui.values import format_date, parse_date
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK


def _about(action: TrackedAction) -> Static:
    """The action being updated, so the clerk can read it while typing."""
    words = " ".join(action.text.split())
    latest = " ".join(action.latest_update.split()) or "none yet"
    return Static(
        f"{minute_label(action)}  {words}\nLatest update: {latest}",
        classes="action-about",
        markup=False,
    )


class ActionUpdateDialog(FormDialog[str]):
    """The words of an update; dismisses with them (stripped), or None."""

    CSS_PATH = "../styles/tracker.tcss"

    def __init__(self, action: TrackedAction, *, given_at: str) -> None:
        super().__init__()
        self.action = action
        self.heading = f"Update on {minute_label(action)} — {given_at}"

    def fields(self) -> ComposeResult:
        yield _about(self.action)
        yield self.row(
            "Update", Input(placeholder="e.g. Report and recommendations sent", id="update-text")
        )

    def value(self) -> str:
        words = text_of(self, "#update-text")
        if not words:
            raise ClerkError("an update needs some words", where="update")
        return words


@dataclass(frozen=True)
class Completion:
    on: date
    update: str


class CompleteDialog(FormDialog[Completion]):
    """The day the action was completed (today unless typed) and how, for the tracker's
    "Completed: ..." update."""

    CSS_PATH = "../styles/tracker.tcss"

    def __init__(self, action: TrackedAction, *, today: date) -> None:
        super().__init__()
        self.action = action
        self.today = today
        self.heading = f"Complete {minute_label(action)}"

    def fields(self) -> ComposeResult:
        yield _about(self.action)
        yield self.row(
            "Completed on",
            Input(
                format_date(self.today), placeholder="2022-03-14", id="complete-on", classes=QUICK
            ),
        )
        yield self.row(
            "How", Input(placeholder="e.g. Presented 18 October 2021", id="complete-update")
        )

    def first_focus(self) -> Widget | None:
        # The day is usually today: start on how it was done, the last field, where enter
        # records.
        return self.query_one("#complete-update", Input)

    def value(self) -> Completion:
        typed = text_of(self, "#complete-on") or "today"  # cleared: the day it is now
        on = parse_date(typed, today=self.today, where="completed on")
        if on > self.today:
            raise ClerkError("an action cannot be completed after today", where="completed on")
        return Completion(on=on, update=text_of(self, "#complete-update"))
