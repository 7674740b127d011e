"""The attendance roster: members in force on the meeting date (each substitute under the member
they sit for), then the officers and guests "also present". Rows keyed by person id and updated
in place, so the cursor stays where the clerk is working."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import DataTable

from clerk_tui.desk.chamber import AttendeeView, LiveView
from screens.widgets.agenda_list import update_row

STATUS_STYLE = {"present": "bold green", "apologies": "yellow", "absent": "red"}
CAPACITY = {"member": "member", "substitute": "substitute", "officer": "officer", "guest": "guest"}
COLUMNS = (
    ("name", "Name", 24),
    ("for", "For / role", 28),
    ("as", "As", 10),
    ("status", "Status", 9),
    ("arrived", "Arrived", 15),
    ("left", "Left", 15),
)


def _moment(at: datetime | None, item_id: int | None, view: LiveView) -> str:
    if at is None:
        return ""
    line = view.line(item_id)
    during = f" (item {line.item.number})" if line is not None and line.item.number else ""
    return f"{at:%H:%M}{during}"


def cells(attendee: AttendeeView, view: LiveView) -> dict[str, Text]:
    where = attendee.where
    if attendee.capacity == "substitute" and attendee.substitute_for_name:
        where = f"for {attendee.substitute_for_name}"
    role = attendee.role.replace("-", " ")
    as_text = CAPACITY.get(attendee.capacity, attendee.capacity)
    if attendee.role in ("chair", "vice-chair"):
        as_text = role
    status = attendee.status or "—"
    if attendee.status == "present" and attendee.left_at is not None:
        status = "left"
    return {
        "name": Text(attendee.person.display_name),
        "for": Text(where),
        "as": Text(as_text, style="" if attendee.voting else "dim"),
        "status": Text(status, style=STATUS_STYLE.get(status, "dim")),
        "arrived": Text(_moment(attendee.arrived_at, attendee.arrived_item_id, view)),
        "left": Text(_moment(attendee.left_at, attendee.left_item_id, view)),
    }


class Roster(DataTable[Text]):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.person_ids: list[int] = []

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width)

    @property
    def person_id(self) -> int | None:
        if not self.person_ids:
            return None
        return self.person_ids[min(self.cursor_row, len(self.person_ids) - 1)]

    def select(self, person_id: int | None) -> None:
        if person_id in self.person_ids:
            self.move_cursor(row=self.person_ids.index(person_id))

    def show(self, view: LiveView) -> None:
        ids = [attendee.person.id for attendee in view.roster]
        if ids != self.person_ids:
            keep = self.person_id
            self.clear()
            self.person_ids = ids
            for attendee in view.roster:
                row = cells(attendee, view)
                self.add_row(*(row[key] for key, _, _ in COLUMNS), key=str(attendee.person.id))
            self.select(keep)
            return
        for attendee in view.roster:
            update_row(self, str(attendee.person.id), cells(attendee, view))
