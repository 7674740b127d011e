"""A meeting's date, start time, venue and livestream link: for a new meeting, one made from
the previous meeting, or a correction."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Static

from clerk_tui.desk.preparation import MeetingFields
from clerk_tui.values import format_date, format_time, long_date, parse_date, parse_time
from screens.dialogs.form import FormDialog, text_of, today_of
from screens.dialogs.guarded import QUICK


class MeetingDialog(FormDialog[MeetingFields]):
    """``start`` prefills the fields (the meeting being edited, or the previous one);
    ``keep_date`` says whether its date is prefilled too (not for the next meeting)."""

    CSS_PATH = "../styles/preparation.tcss"

    def __init__(
        self,
        title: str,
        start: MeetingFields | None = None,
        *,
        keep_date: bool = True,
        note: str = "",
    ) -> None:
        super().__init__()
        self.heading = title
        self.start = start
        self.keep_date = keep_date
        self.note = note

    def fields(self) -> ComposeResult:
        start = self.start
        day = format_date(start.date) if start and self.keep_date else ""
        yield self.row(
            "Date",
            Input(day, placeholder="YYYY-MM-DD, e.g. 2022-03-14", id="meeting-date", classes=QUICK),
        )
        clock = format_time(start.scheduled_start) if start else ""
        yield self.row(
            "Start time", Input(clock, placeholder="HH:MM", id="meeting-time", classes=QUICK)
        )
        yield self.row(
            "Venue",
            Input(start.venue if start else "", placeholder="Council Chamber", id="meeting-venue"),
        )
        yield self.row(
            "Livestream",
            Input(
                start.livestream_url if start else "",
                placeholder="https://...",
                id="meeting-livestream",
            ),
        )
        if self.note:
            yield Static(self.note, classes="hint", markup=False)

    def value(self) -> MeetingFields:
        return MeetingFields(
            date=parse_date(text_of(self, "#meeting-date"), today=today_of(self), where="date"),
            scheduled_start=parse_time(text_of(self, "#meeting-time"), where="start time"),
            venue=text_of(self, "#meeting-venue"),
            livestream_url=text_of(self, "#meeting-livestream"),
        )


def next_meeting_note(previous_date: date, outstanding: int) -> str:
    """What 'from the previous one' will bring along, said before the clerk accepts."""
    day = long_date(previous_date)
    return (
        "The agenda starts with the notice of recording, apologies, declarations of interest "
        f"and the minutes of {day} with the action tracker ({outstanding} outstanding "
        "actions); the roster is whoever is in force on the new date."
    )
