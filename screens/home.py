"""Home: the bodies and their meetings (newest and upcoming first), the outstanding actions."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from clerk_tui.desk import BodyFields, BodyView, MeetingSummary
from screens.base import attempt, desk_of
from screens.dialogs.body import BodyDialog

STATUS = {"planned": "planned", "live": "● live", "closed": "closed"}


class HomeScreen(Screen[None]):
    TITLE = "Home"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "new_body", "New body", tooltip="Create a body", id="new-body"),
        Binding("e", "edit_body", "Edit body", tooltip="Edit the selected body", id="edit-body"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bodies: list[BodyView] = []
        self.meetings: list[MeetingSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="bodies-pane"):
                yield Static("Bodies", classes="pane-title")
                bodies: DataTable[str] = DataTable(id="bodies", cursor_type="row")
                bodies.add_columns("Body", "Next min.", "Actions due")
                yield bodies
            with Vertical(id="meetings-pane"):
                yield Static("Meetings", id="meetings-title", classes="pane-title")
                meetings: DataTable[str] = DataTable(id="meetings", cursor_type="row")
                meetings.add_columns("Date", "Start", "Venue", "Status", "Minutes", "Items")
                yield meetings
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#meetings", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    # ---- data ----------------------------------------------------------------------------
    @property
    def body(self) -> BodyView | None:
        table = self.query_one("#bodies", DataTable)
        if not self.bodies:
            return None
        return self.bodies[min(table.cursor_row, len(self.bodies) - 1)]

    @property
    def meeting(self) -> MeetingSummary | None:
        table = self.query_one("#meetings", DataTable)
        if not self.meetings:
            return None
        return self.meetings[min(table.cursor_row, len(self.meetings) - 1)]

    def reload(self, body_id: int | None = None) -> None:
        keep = body_id if body_id is not None else (self.body.id if self.body else None)
        self.bodies = desk_of(self).bodies()
        table = self.query_one("#bodies", DataTable)
        table.clear()
        for body in self.bodies:
            table.add_row(body.name, str(body.next_minute_number), str(body.outstanding_actions))
        index = next((i for i, b in enumerate(self.bodies) if b.id == keep), 0)
        if self.bodies:
            table.move_cursor(row=index)
        self.show_meetings()

    def show_meetings(self, keep_meeting: int | None = None) -> None:
        body = self.body
        self.meetings = desk_of(self).meetings(body.id) if body else []
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for m in self.meetings:
            table.add_row(
                f"{m.date:%a %d %b %Y}",
                f"{m.scheduled_start:%H:%M}",
                m.venue,
                STATUS.get(m.status, m.status),
                m.minutes_status,
                str(m.item_count),
            )
        title = f"Meetings — {body.name}" if body else "Meetings"
        self.query_one("#meetings-title", Static).update(title)
        index = next((i for i, m in enumerate(self.meetings) if m.id == keep_meeting), None)
        if index is not None:
            table.move_cursor(row=index)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "bodies":
            self.show_meetings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "bodies":
            self.query_one("#meetings", DataTable).focus()
        elif self.meeting is not None:
            self.open_meeting(self.meeting.id)

    # ---- actions -------------------------------------------------------------------------
    def open_meeting(self, meeting_id: int) -> None:
        from screens.live import LiveScreen

        self.app.push_screen(LiveScreen(meeting_id))

    def action_new_body(self) -> None:
        def created(fields: BodyFields | None) -> None:
            if fields is not None:
                body = attempt(self, lambda: desk_of(self).create_body(fields))
                if body is not None:
                    self.reload(body.id)
                    self.notify(f"{body.name} created")

        self.app.push_screen(BodyDialog(), created)

    def action_edit_body(self) -> None:
        body = self.body
        if body is None:
            self.notify("There is no body yet: press b to create one", severity="warning")
            return

        def edited(fields: BodyFields | None) -> None:
            if fields is not None and attempt(
                self, lambda: desk_of(self).update_body(body.id, fields)
            ):
                self.reload(body.id)
                self.notify(f"{fields.name} saved")

        self.app.push_screen(BodyDialog(body), edited)
