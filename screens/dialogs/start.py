"""Starting a meeting minuted after the event: the question asked when a meeting is started on
a day other than its date (now, by the clock, or after the event), and the time asked at each
``s`` and ``]`` of such a meeting, prefilled from the plan, typed like every time field."""

from __future__ import annotations

from datetime import date, time
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from clerk_tui.values import format_time, parse_time
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK

NOW = "live"
AFTER = "after-the-event"


class TimingQuestion(ModalScreen[str | None]):
    """Dismisses with "live" (the clock), "after-the-event" or None (not started)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "choose('live')", "Now", id="timing-now"),
        Binding("a", "choose('after-the-event')", "After the event", id="timing-after"),
        Binding("escape", "choose('')", "Cancel", id="timing-cancel"),
    ]

    def __init__(self, meeting_date: date, today: date) -> None:
        super().__init__()
        self.meeting_date = meeting_date
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"This meeting is dated {self.meeting_date:%-d %B %Y}; today is "
                f"{self.today:%-d %B %Y}.",
                classes="dialog-title",
            )
            yield Static(
                "Minuting it after the event (from notes or the webcast)? Then each s and ] "
                "asks the time instead of reading the clock."
            )
            yield Static(
                "a: after the event    n: now, by the clock    escape: not yet", classes="hint"
            )

    def action_choose(self, timing: str) -> None:
        self.dismiss(timing or None)


class StartTimeDialog(FormDialog[time]):
    """The time a clock key acts at, after the event: one field, prefilled from the plan."""

    TITLE = "At what time?"

    def __init__(self, heading: str, prefill: time, *, warning: str = "") -> None:
        super().__init__(heading)
        self.prefill = prefill
        self.warning = warning  # what the key about to act leaves out ("3 item(s) not taken…")

    def fields(self) -> ComposeResult:
        if self.warning:
            yield Static(self.warning, id="start-warning", markup=False)
        field = Input(format_time(self.prefill), placeholder="HH:MM", id="start-time")
        field.add_class(QUICK)
        yield self.row("Time", field)

    def value(self) -> time:
        return parse_time(text_of(self, "#start-time"), where="time")
