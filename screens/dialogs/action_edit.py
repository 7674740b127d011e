"""Edit an action of the tracker, or add one carried over from an older tracker.

An action made at a meeting takes its minute number and date from its item, so those two fields
are shown but locked; for a carried-over action the clerk types them from the old tracker."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.events import Key
from textual.widgets import Input, TextArea

from clerk_tui.desk.tracker import (
    NO_MINUTE,
    TrackedAction,
    TrackerActionFields,
    minute_label,
    parse_minute,
)
from clerk_tui.errors import ClerkError
from clerk_tui.values import format_month, parse_month
from screens.dialogs.form import FormDialog, text_of, today_of
from screens.dialogs.guarded import QUICK


class ParagraphArea(TextArea):
    """Wrapped over several lines so the whole action can be read, but one paragraph: enter
    moves to the next field, as it does everywhere else in the form."""

    async def _on_key(self, event: Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.screen.focus_next()
            return
        await super()._on_key(event)


class ActionEditDialog(FormDialog[TrackerActionFields]):
    CSS_PATH = "../styles/tracker.tcss"

    def __init__(self, action: TrackedAction | None) -> None:
        super().__init__()
        self.action = action
        self.linked = action is not None and action.item_id is not None
        self.heading = (
            f"Edit action {minute_label(action)}"
            if action
            else "New action carried over from an older tracker"
        )

    def fields(self) -> ComposeResult:
        action = self.action
        text = ParagraphArea(
            action.text if action else "",
            soft_wrap=True,
            show_line_numbers=False,
            tab_behavior="focus",
            id="action-text",
        )
        yield self.row("Action", text)
        yield self.row(
            "Owner", Input(action.owner if action else "", placeholder="PCC", id="action-owner")
        )
        yield self.row(
            "Due",
            Input(action.due if action else "", placeholder="September 2022", id="action-due"),
        )
        minute = "" if action is None or action.minute_number is None else str(action.minute_number)
        yield self.row(
            "Minute No.",
            Input(
                minute, placeholder="617", id="action-minute", classes=QUICK, disabled=self.linked
            ),
        )
        month = (
            "" if action is None or action.source_date is None else format_month(action.source_date)
        )
        yield self.row(
            "Date (month)",
            Input(
                month,
                placeholder="Nov 2021",
                id="action-month",
                classes=QUICK,
                disabled=self.linked,
            ),
        )

    def value(self) -> TrackerActionFields:
        text = " ".join(self.query_one("#action-text", ParagraphArea).text.split())
        if not text:
            raise ClerkError("an action needs its words", where="action")
        action = self.action
        if self.linked and action is not None:
            # Locked fields: the desk keeps the item's number and the meeting's date.
            minute, source = None, None
        else:
            minute = parse_minute(text_of(self, "#action-minute"))
            source = self.source_date(text_of(self, "#action-month"))
        fields = TrackerActionFields(
            text=text,
            owner=text_of(self, "#action-owner"),
            due=text_of(self, "#action-due"),
            minute_number=minute,
            source_date=source,
        )
        fields.check()
        return fields

    def source_date(self, month: str) -> date | None:
        """The date the action came from: kept to the day while its month is left as shown
        (the field shows only the month), else the month or date typed; blank for none."""
        before = self.action.source_date if self.action is not None else None
        if before is not None and month == format_month(before):
            return before
        if month in ("", NO_MINUTE):
            return None
        return parse_month(month, today=today_of(self), where="date (month)")
