"""Shift the whole meeting: every time recorded in it moves by one offset, given as a length
("+5h43", "-30", "1h") or as the time the meeting really started ("14:00"). One or the other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time, timedelta

from textual.app import ComposeResult
from textual.widgets import Input, Static

from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_duration, parse_optional_time
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK


@dataclass(frozen=True)
class ShiftFields:
    by: timedelta | None
    start_at: time | None


class ShiftDialog(FormDialog[ShiftFields]):
    TITLE = "Shift the whole meeting"

    def __init__(self, started: time) -> None:
        super().__init__()
        self.started = started

    def fields(self) -> ComposeResult:
        yield Static(
            f"It started at {self.started:%H:%M}. Every time recorded in it moves by the same "
            "offset; one undo puts them all back.",
            markup=False,
        )
        yield self.row("Shift by", Input(placeholder="+5h43 or -30", id="shift-by", classes=QUICK))
        yield self.row("or it started at", Input(placeholder="HH:MM", id="shift-to", classes=QUICK))

    def value(self) -> ShiftFields:
        return ShiftFields(
            by=signed_length(text_of(self, "#shift-by")),
            start_at=parse_optional_time(text_of(self, "#shift-to"), where="started at"),
        )


def signed_length(text: str) -> timedelta | None:
    """ "+5h43" → 5 h 43 min later; "-30" → half an hour earlier; blank → None."""
    raw = text.strip()
    if not raw:
        return None
    sign = -1 if raw[0] in "-−" else 1
    body = raw[1:].strip() if raw[0] in "+-−" else raw
    if not body:
        raise ClerkError("give a length after the sign, e.g. +5h43", where="shift by")
    return sign * parse_duration(body, where="shift by")
