"""Home: the bodies and their meetings (newest and upcoming first), the outstanding actions;
from here a clerk makes bodies and meetings, imports agendas, and opens everything else."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from clerk_tui.values import long_date
from screens.base import attempt, desk_of
from screens.navigation import OpenAgenda, OpenExport, OpenMeeting, OpenMembership, OpenTracker
from screens.widgets.fit_table import FitTable, cut
from screens.widgets.footer import KeysFooter

# The dialogs are imported by the keys that open them: home is the first screen, and its
# first frame needs none of them.
if TYPE_CHECKING:
    from clerk_tui.desk import BodyFields, BodyView, MeetingFields, MeetingSummary, MeetingView
    from clerk_tui.desk.importing import ImportResult

STATUS = {"planned": "planned", "live": "● live", "closed": "closed"}


class HomeScreen(Screen[None]):
    TITLE = "Home"
    CSS_PATH = "styles/preparation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "new_body", "New body", tooltip="Create a body", id="new-body"),
        Binding("e", "edit_body", "Edit body", tooltip="Edit the selected body", id="edit-body"),
        Binding("m", "membership", "Members", tooltip="Membership of the body", id="membership"),
        Binding("n", "new_meeting", "New meeting", tooltip="A new meeting", id="new-meeting"),
        Binding(
            "f",
            "from_previous",
            "From previous",
            tooltip="A new meeting from the selected (or newest) one: opening items, "
            "the minutes and tracker, the roster of its date",
            id="meeting-from-previous",
        ),
        Binding("g", "agenda", "Agenda", tooltip="The selected meeting's agenda", id="agenda"),
        Binding("i", "import_agenda", "Import", tooltip="Import an agenda document", id="import"),
        Binding("t", "tracker", "Tracker", tooltip="The body's action tracker", id="tracker"),
        Binding(
            "s",
            "sign_minutes",
            "Sign minutes",
            tooltip="Record that the chair signed the selected meeting's minutes",
            id="sign-minutes",
        ),
        Binding(
            "ctrl+e",
            "export",
            "Export",
            tooltip="Minutes, agenda, attendance or chapters of the selected meeting",
            id="export",
        ),
        Binding(
            "x",
            "delete_meeting",
            "Delete meeting",
            tooltip="Delete the selected meeting, if it has not begun (asks first)",
            id="delete-meeting",
            show=False,
        ),
    ]

    def __init__(self, bodies: list[BodyView] | None = None) -> None:
        super().__init__()
        self.bodies: list[BodyView] = []
        # The bodies the app has just read to choose this screen: the first fill uses them
        # rather than reading them again.
        self._read_bodies = bodies
        self._just_filled = False
        self.meetings: list[MeetingSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home-panes"):
            with Vertical(id="bodies-pane"):
                yield Static("Bodies", classes="pane-title")
                bodies: DataTable[str | Text] = FitTable(id="bodies", flexible=(("body", 12),))
                bodies.add_column("Body", key="body")
                bodies.add_columns("Next min.", "Actions due")
                yield bodies
            with Vertical(id="meetings-pane"):
                yield Static("Meetings", id="meetings-title", classes="pane-title", markup=False)
                # At 80 columns the venue gives way, so status, minutes and items stay in view.
                meetings: DataTable[str | Text] = FitTable(id="meetings", flexible=(("venue", 8),))
                meetings.add_columns("Date", "Start")
                meetings.add_column("Venue", key="venue")
                meetings.add_columns("Status", "Minutes", "Items")
                yield meetings
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#meetings", DataTable).focus()
        # Textual resumes a screen it has just pushed (after its mount, which filled it): that
        # first resume need not read it all again.
        self._just_filled = True

    def on_screen_resume(self) -> None:
        if self._just_filled:
            self._just_filled = False
            return
        self.reload(keep_meeting=self.meeting.id if self.meeting else None)

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

    def reload(self, body_id: int | None = None, keep_meeting: int | None = None) -> None:
        keep = body_id if body_id is not None else (self.body.id if self.body else None)
        self.bodies = self._read_bodies or desk_of(self).agenda.bodies()
        self._read_bodies = None
        table = self.query_one("#bodies", DataTable)
        table.clear()
        for body in self.bodies:
            table.add_row(
                cut(body.name), str(body.next_minute_number), str(body.outstanding_actions)
            )
        index = next((i for i, b in enumerate(self.bodies) if b.id == keep), 0)
        if self.bodies:
            table.move_cursor(row=index)
        self.show_meetings(keep_meeting)

    def show_meetings(self, keep_meeting: int | None = None) -> None:
        body = self.body
        self.meetings = desk_of(self).agenda.meetings(body.id) if body else []
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for m in self.meetings:
            table.add_row(
                f"{m.date:%a %d %b %Y}",
                f"{m.scheduled_start:%H:%M}",
                cut(m.venue),
                STATUS.get(m.status, m.status),
                m.minutes_status,
                str(m.item_count),
            )
        title = f"Meetings — {body.name}" if body else "Meetings"
        self.query_one("#meetings-title", Static).update(title)
        index = next((i for i, m in enumerate(self.meetings) if m.id == keep_meeting), None)
        if index is not None:
            table.move_cursor(row=index)

    def show_meeting(self, body_id: int, meeting_id: int) -> None:
        """Re-read everything with the cursor on this body and meeting."""
        self.reload(body_id)
        self.show_meetings(meeting_id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "bodies":
            self.show_meetings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "bodies":
            self.query_one("#meetings", DataTable).focus()
        elif self.meeting is not None:
            self.open_meeting(self.meeting.id)

    def _need_body(self) -> BodyView | None:
        body = self.body
        if body is None:
            self.notify("There is no body yet: press b to create one", severity="warning")
        return body

    def _need_meeting(self) -> MeetingSummary | None:
        meeting = self.meeting
        if meeting is None:
            self.notify("This body has no meeting yet: press n to make one", severity="warning")
        return meeting

    # ---- actions -------------------------------------------------------------------------
    def open_meeting(self, meeting_id: int) -> None:
        self.post_message(OpenMeeting(meeting_id))

    def open_agenda(self, meeting_id: int) -> None:
        self.post_message(OpenAgenda(meeting_id))

    def action_new_body(self) -> None:
        from screens.dialogs.body import BodyDialog
        from screens.dialogs.guarded import ask_and_record

        def create(fields: BodyFields) -> BodyView:
            return desk_of(self).agenda.create_body(fields)

        def created(body: BodyView) -> None:
            self.reload(body.id)
            self.notify(f"{body.name} created: press m for its members", markup=False)

        ask_and_record(self, BodyDialog(), create, created)

    def action_edit_body(self) -> None:
        body = self._need_body()
        if body is None:
            return
        from screens.dialogs.body import BodyDialog
        from screens.dialogs.guarded import ask_and_record

        def edit(fields: BodyFields) -> BodyFields:
            desk_of(self).agenda.update_body(body.id, fields)
            return fields

        def edited(fields: BodyFields) -> None:
            self.reload(body.id)
            self.notify(f"{fields.name} saved", markup=False)

        ask_and_record(self, BodyDialog(body), edit, edited)

    def action_membership(self) -> None:
        body = self._need_body()
        if body is not None:
            self.post_message(OpenMembership(body.id))

    def action_new_meeting(self) -> None:
        body = self._need_body()
        if body is None:
            return
        from screens.dialogs.guarded import ask_and_record
        from screens.dialogs.meeting import MeetingDialog

        def create(fields: MeetingFields) -> MeetingView:
            return desk_of(self).agenda.create_meeting(body.id, fields)

        def created(meeting: MeetingView) -> None:
            self.show_meeting(body.id, meeting.id)
            self.notify(f"Meeting of {long_date(meeting.date)} created: add its items")
            self.open_agenda(meeting.id)

        ask_and_record(self, MeetingDialog(f"New meeting of {body.name}"), create, created)

    def action_from_previous(self) -> None:
        body = self._need_body()
        if body is None:
            return
        desk = desk_of(self)
        chosen = self.meeting or desk.agenda.previous_meeting(body.id)
        if chosen is None:
            self.notify(
                "There is no previous meeting: press n for a new one, or i to import an agenda",
                severity="warning",
            )
            return
        from clerk_tui.desk import MeetingFields
        from screens.dialogs.guarded import ask_and_record
        from screens.dialogs.meeting import MeetingDialog, next_meeting_note

        previous = desk.agenda.meeting(chosen.id)
        start = MeetingFields(
            date=previous.date,
            scheduled_start=previous.scheduled_start,
            venue=previous.venue,
            livestream_url=previous.livestream_url,
        )

        def create(fields: MeetingFields) -> MeetingView:
            return desk.agenda.create_meeting_from_previous(previous.id, fields)

        def created(meeting: MeetingView) -> None:
            roster = desk.members.roster(meeting.id)
            members = sum(1 for m in roster if m.role not in ("officer", "guest"))
            self.show_meeting(body.id, meeting.id)
            self.notify(
                f"Meeting of {long_date(meeting.date)} created from {long_date(previous.date)}: "
                f"{len(meeting.items)} items, {members} members in force, "
                f"{desk.agenda.body(body.id).outstanding_actions} outstanding actions carried",
                markup=False,
            )
            self.open_agenda(meeting.id)

        dialog = MeetingDialog(
            f"Next meeting after {long_date(previous.date)}",
            start,
            keep_date=False,
            note=next_meeting_note(previous.date, body.outstanding_actions),
        )
        ask_and_record(self, dialog, create, created)

    def action_agenda(self) -> None:
        meeting = self._need_meeting()
        if meeting is not None:
            self.open_agenda(meeting.id)

    def action_import_agenda(self) -> None:
        def imported(result: ImportResult | None) -> None:
            if result is None:
                return
            meeting = result.meeting
            self.show_meeting(meeting.body.id, meeting.id)
            skipped = f"; {len(result.warnings)} lines skipped" if result.warnings else ""
            self.notify(f"{result.summary}{skipped}", timeout=8, markup=False)
            # What the clerk should check ("item 7 mentions 'private'..."), each on its own.
            for caution in result.cautions:
                self.notify(caution, severity="warning", timeout=15, markup=False)
            self.open_agenda(meeting.id)

        from screens.dialogs.import_agenda import ImportAgendaDialog

        self.app.push_screen(ImportAgendaDialog(), imported)

    def action_tracker(self) -> None:
        body = self._need_body()
        if body is not None:
            self.post_message(OpenTracker(body.id))

    def action_sign_minutes(self) -> None:
        meeting = self._need_meeting()
        if meeting is not None:
            from screens.dialogs.sign import sign_minutes

            sign_minutes(self, meeting.id, then=lambda: self.show_meetings(meeting.id))

    def action_export(self) -> None:
        meeting = self._need_meeting()
        if meeting is not None:
            self.post_message(OpenExport(meeting.id))

    def action_delete_meeting(self) -> None:
        meeting = self._need_meeting()
        if meeting is None:
            return
        body_id = meeting.body_id
        from screens.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes and attempt(self, lambda: desk_of(self).agenda.delete_meeting(meeting.id)):
                self.reload(body_id)
                self.notify(f"Meeting of {long_date(meeting.date)} deleted")

        self.app.push_screen(
            ConfirmDialog(
                f"Delete the meeting of {long_date(meeting.date)}?",
                f"It has {meeting.item_count} agenda items; they go with it.",
            ),
            answered,
        )
