"""Edit times explicitly: the selected item's actual start and end and the meeting's own.
The only way a closed meeting's times change; blank means "no time"."""

from __future__ import annotations

from datetime import datetime, time

from textual.app import ComposeResult
from textual.widgets import Input

from clerk_tui.desk.chamber import TimesFields
from clerk_tui.errors import ClerkError
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK

FIELDS = (
    ("item_start", "Item start"),
    ("item_end", "Item end"),
    ("meeting_start", "Meeting start"),
    ("meeting_end", "Meeting end"),
)


def time_text(at: datetime | None) -> str:
    if at is None:
        return ""
    return f"{at:%H:%M:%S}" if at.second else f"{at:%H:%M}"


def parse_time(raw: str, what: str) -> time | None:
    """'14:05', '14:05:30', '1405' or blank."""
    text = raw.strip().replace(".", ":")
    if not text:
        return None
    if text.isdigit() and len(text) in (3, 4):
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        return time.fromisoformat(text if len(text.split(":")[0]) == 2 else "0" + text)
    except ValueError:
        raise ClerkError(f"{raw.strip()!r} is not a time like 14:05", where=what) from None


class TimesDialog(FormDialog[TimesFields]):
    TITLE = "Edit times"

    def __init__(self, item_label: str, values: dict[str, datetime | None]) -> None:
        super().__init__()
        self.TITLE = f"Edit times — {item_label} and the meeting"
        self.values = values

    def fields(self) -> ComposeResult:
        for name, label in FIELDS:
            value = time_text(self.values.get(name))
            yield self.row(
                label, Input(value, placeholder="HH:MM", id=f"times-{name}", classes=QUICK)
            )

    def value(self) -> TimesFields:
        return TimesFields(
            **{
                name: parse_time(text_of(self, f"#times-{name}"), label.lower())
                for name, label in FIELDS
            }
        )
