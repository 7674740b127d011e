"""Edit times explicitly: the selected item's actual start and end and the meeting's own.
The only way a closed meeting's times change; blank means "no time"."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input

from clerk_tui.desk.chamber import TimesFields
from clerk_tui.values import format_time, parse_optional_time
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK

FIELDS = (
    ("item_start", "Item start"),
    ("item_end", "Item end"),
    ("meeting_start", "Meeting start"),
    ("meeting_end", "Meeting end"),
)


class TimesDialog(FormDialog[TimesFields]):
    TITLE = "Edit times"

    def __init__(self, item_label: str, values: dict[str, datetime | None]) -> None:
        super().__init__()
        self.heading = f"Edit times — {item_label} and the meeting"
        self.values = values

    def fields(self) -> ComposeResult:
        for name, label in FIELDS:
            at = self.values.get(name)
            value = "" if at is None else format_time(at.time())
            yield self.row(
                label, Input(value, placeholder="HH:MM", id=f"times-{name}", classes=QUICK)
            )

    def value(self) -> TimesFields:
        return TimesFields(
            **{
                name: parse_optional_time(text_of(self, f"#times-{name}"), where=label.lower())
                for name, label in FIELDS
            }
        )
