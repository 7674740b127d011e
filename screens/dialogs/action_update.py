"""Dialogs that move an action on: an update given on it, and its completion (the day and how).

The update is dated by the desk's clock and recorded against the meeting the tracker was opened
from; these dialogs only gather the words (and, for completion, the day)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
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
    """The day the action was completed and how, for the tracker's "Completed: ..." update.

    The day offered is ``on`` — the date of the meeting the updates are recorded at, when the
    tracker was opened from one: completions reported at a meeting are minuted as of it, even
    when the clerk types them up days later — and the machine's ``today`` otherwise (or when
    that meeting is still to come: nothing is completed after today)."""

    CSS_PATH = "../styles/tracker.tcss"

    def __init__(self, action: TrackedAction, *, today: date, on: date | None = None) -> None:
        super().__init__()
        self.action = action
        self.today = today
        self.offered_day = on if on is not None and on <= today else today
        self.heading = f"Complete {minute_label(action)}"

    def fields(self) -> ComposeResult:
        yield _about(self.action)
        # The fields in the order they are read, focus on the first: the day (typed over in
        # one go: it is a quick field), then how.
        yield self.row(
            "Completed on",
            Input(
                format_date(self.offered_day),
                placeholder="2022-03-14",
                id="complete-on",
                classes=QUICK,
            ),
        )
        yield self.row(
            "How", Input(placeholder="e.g. Presented 18 October 2021", id="complete-update")
        )

    def value(self) -> Completion:
        typed = text_of(self, "#complete-on") or format_date(
            self.offered_day
        )  # cleared: the day offered
        on = parse_date(typed, today=self.today, where="completed on")
        if on > self.today:
            raise ClerkError("an action cannot be completed after today", where="completed on")
        return Completion(on=on, update=text_of(self, "#complete-update"))
