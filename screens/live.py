"""The chamber screen: the agenda against the clock, the current item's record, quorum.

Each key that records something calls one Desk method (one committed transaction) and then
redraws from what was stored, before the next key is handled. The clock bar ticks every
second from the Desk's clock without reading the database; tests call ``tick()`` themselves.

Its keys are all declared here, in footer order. The decision keys m, r, v, t and ctrl+z are
handled by DecisionKeys (screens/decision_keys.py); the clock keys s, ] and ctrl+t by ClockKeys
(screens/clock_keys.py); [, x and e by ChamberKeys (screens/chamber_keys.py); k and K by the
speaker keys (screens/speaker_keys.py); this screen handles up/down select, a attendance,
d declaration, ctrl+e export, T tracker and escape back to the meetings.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Static

from clerk_tui.desk.chamber import LiveView
from clerk_tui.desk.unminuted import unminuted
from screens.base import attempt, desk_of
from screens.chamber_keys import ChamberKeys
from screens.decision_keys import MOTION_BINDING
from screens.dialogs.declaration import DeclarationDialog, DeclarationFields
from screens.dialogs.guarded import ask_and_record
from screens.speaker_keys import list_speakers, time_speaker
from screens.widgets.agenda_list import AgendaList
from screens.widgets.clock_bar import ClockBar, announce_quorum, set_text
from screens.widgets.footer import KeysFooter
from screens.widgets.item_header import chamber_text, header_text, item_label
from screens.widgets.item_minute import ItemMinute


class LiveScreen(ChamberKeys):
    TITLE = "Live meeting"
    # The decision dialogs' styles load with the screen, not on the first dialog.
    CSS_PATH = ["styles/live.tcss", "styles/decisions.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start", tooltip="Start the selected item now", id="start"),
        Binding(
            "right_square_bracket",
            "next_item",
            "Next",
            tooltip="End the running item and start the next one",
            id="next-item",
        ),
        Binding(
            "left_square_bracket",
            "previous_item",
            "Prev",
            tooltip="Go back to the item taken before this one (asks first)",
            id="previous-item",
            show=False,  # rare; in the key map (f1) and the palette, not the crowded footer
        ),
        # The agenda moves its own cursor when focused (tab moves between it and the minute,
        # whose up/down walk through the records); these catch the keys anywhere else.
        Binding("up", "select(-1)", "Up", show=False, id="select-up"),
        Binding("down", "select(1)", "Down", show=False, id="select-down"),
        Binding(
            "a",
            "attendance",
            "Roster",
            tooltip="Attendance: present, apologies, late arrivals, departures, substitutes",
            id="attendance",
        ),
        # The debate's keys, after the everyday ones: shown where the footer has room (140
        # columns), the first dropped as it narrows (80 columns keeps m r v t ^z s ] a f1).
        MOTION_BINDING,
        Binding(
            "k",
            "time_speaker",
            "Timer",
            tooltip="Start or stop the current item's speaker's timer (nobody listed: add one)",
            id="time-speaker",
        ),
        Binding(
            "d", "declare", "Declare", tooltip="Record a declaration of interest", id="declare"
        ),
        Binding(
            "x",
            "defer",
            "Defer",
            tooltip="Defer or withdraw the selected item (a pending one in advance; the running "
            "one ends)",
            id="defer",
        ),
        Binding(
            "e", "end_meeting", "End", tooltip="End the meeting (asks first)", id="end-meeting"
        ),
        Binding(
            "ctrl+t",
            "edit_times",
            "Times",
            tooltip="Edit the actual times of the selected item and the meeting",
            id="edit-times",
            show=False,  # for tidying after the event; in the key map (f1) and the palette
        ),
        Binding(
            "S",
            "shift_meeting",
            "Shift times",
            tooltip="Shift the whole meeting: every recorded time moves by one offset",
            id="shift-meeting",
            show=False,  # for tidying after the event; in the key map (f1) and the palette
        ),
        Binding(
            "ctrl+e",
            "export",
            "Export",
            tooltip="Minutes, agenda, attendance or chapters to a file",
            id="export",
        ),
        # Not in the crowded footer (whose keys stay as they were at every width): both are
        # in the key map (f1) and the palette, and the clock bar shows the speaker timed.
        Binding(
            "K",
            "speakers",
            "Speakers",
            tooltip="The current item's speakers: add, edit, delete, reorder",
            id="speakers",
            show=False,
        ),
        Binding(
            "T",
            "tracker",
            "Tracker",
            tooltip="The action tracker: updates given now are recorded against this meeting",
            id="tracker",
            show=False,
        ),
        Binding("escape", "back", "Back to meetings", show=False, id="back"),
    ]

    def __init__(self, meeting_id: int, *, select_item: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.select_item = select_item
        self.view: LiveView | None = None
        self.was_quorate: bool | None = None
        self.left_for_dialog = False

    # ---- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield ClockBar(id="clock-bar")
        with Horizontal(id="live-body"):
            with Vertical(id="agenda-pane"):
                yield AgendaList(id="agenda")
                yield Static("", id="selected-hint", classes="hint")
            with Vertical(id="item-pane"):
                # Typed text (titles, names, natures) is shown as typed: no markup here.
                yield Static("", id="item-header", markup=False)
                yield Static("", id="item-chamber", markup=False)
                yield ItemMinute(id="item-minute")
        yield KeysFooter(compact=True)  # a dozen keys: all from 120 columns, by priority below

    def on_mount(self) -> None:
        self.refresh_live(announce=False)
        agenda = self.query_one(AgendaList)
        view = self.view
        if view is not None:
            agenda.select(self.select_item or view.running_item_id or _first_pending(view))
        agenda.focus()
        self._show_item()
        self.set_interval(1, self.tick, name="live-clock")

    def on_screen_suspend(self) -> None:
        self.left_for_dialog = isinstance(self.app.screen, ModalScreen)

    def on_screen_resume(self) -> None:
        # A dialog's record was drawn from what it read back in its own transaction; back from
        # attendance, the tracker or an export, read again (what changed was announced there).
        if not self.left_for_dialog:
            self.refresh_live(announce=False)
        self.left_for_dialog = False

    # ---- the contract with DecisionKeys -----------------------------------------------------
    @property
    def current_item_id(self) -> int | None:
        """The running item, else the selected one."""
        view = self.view
        if view is not None and view.running_item_id is not None:
            return view.running_item_id
        return self.query_one(AgendaList).item_id

    def refresh_live(self, *, announce: bool = True, view: LiveView | None = None) -> None:
        """Re-read the meeting from the Desk and redraw all of it (or draw ``view``: what a
        Desk action just read back after committing, so it is not read twice)."""
        if view is None:
            view = attempt(self, lambda: desk_of(self).chamber.live(self.meeting_id))
        if view is None:
            return
        if self.view is None or self.view.closed != view.closed:
            self.refresh_bindings()  # a closed meeting's footer offers only what applies
        self.view = view
        meeting = view.meeting
        self.title = f"{meeting.body.short_name or meeting.body.name} — {meeting.date:%a %d %b %Y}"
        self.sub_title = "closed: tidying" if view.closed else meeting.venue
        self.query_one(AgendaList).show(view)
        self.query_one(ClockBar).show(view)
        self._show_item()
        self.was_quorate = (
            announce_quorum(self, view, self.was_quorate) if announce else view.quorum.quorate
        )

    def tick(self) -> None:
        """Move the clock on (every second): no database read, only the arithmetic."""
        if self.view is None or self.view.closed:
            return
        view = self.view.at(desk_of(self).now())
        self.view = view
        self.query_one(ClockBar).show(view)
        running = view.line(view.running_item_id)
        if running is not None:
            self.query_one(AgendaList).update_line(running)
            self._show_header(view)

    # ---- what the right-hand pane shows ----------------------------------------------------
    def _show_item(self) -> None:
        view = self.view
        if view is None:
            return
        self._show_header(view)
        item_id = self.current_item_id
        chamber = self.query_one("#item-chamber", Static)
        chamber.display = bool(words := chamber_text(view, item_id))
        set_text(chamber, words)
        self.show_minute(item_id)
        selected = self.query_one(AgendaList).item_id
        hint = ""
        if selected is not None and selected != item_id:
            line = view.line(selected)
            if line is not None:
                hint = f"selected: item {line.item.number}{_selected_keys(view, line.item.state)}"
        set_text(self.query_one("#selected-hint", Static), hint)

    def _show_header(self, view: LiveView) -> None:
        line = view.line(self.current_item_id)
        header = self.query_one("#item-header", Static)
        header.set_class(bool(line and line.overrun and line.running), "-overrun")
        set_text(header, header_text(line))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_item()

    # ---- actions ---------------------------------------------------------------------------
    def action_select(self, step: int) -> None:
        agenda = self.query_one(AgendaList)
        agenda.move_cursor(row=max(0, min(agenda.row_count - 1, agenda.cursor_row + step)))

    def action_attendance(self) -> None:
        from screens.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(self.meeting_id))

    def action_declare(self) -> None:
        view = self.view
        item_id = self.current_item_id
        line = None if view is None else view.line(item_id)
        if view is None or line is None:
            return
        reason = unminuted(view.closed, line.item)
        if reason is not None:  # the Desk refuses it too, but before the dialog is kinder
            self.notify(reason, title="Not recorded", severity="warning", markup=False)
            return
        members = [
            (a.person.display_name, a.person.id)
            for a in view.roster
            if a.is_member and a.status == "present"
        ]
        if not members:
            self.notify(
                "Nobody is marked present yet: press a for attendance first",
                title="Not recorded",
                severity="warning",
            )
            return
        items = [(item_label(line)[:60], line.item.id) for line in view.lines]

        def declare(fields: DeclarationFields) -> LiveView:
            return desk_of(self).attendance.declare(
                self.meeting_id,
                fields.item_id,
                fields.person_id,
                kind=fields.kind,
                nature=fields.nature,
                action=fields.action,
            )

        ask_and_record(self, DeclarationDialog(members, items, line.item.id), declare, self._drawn)

    def action_time_speaker(self) -> None:
        time_speaker(self)

    def action_speakers(self) -> None:
        list_speakers(self)

    def action_export(self) -> None:
        from screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.meeting_id))

    def action_tracker(self) -> None:
        """Under "Minutes and action tracker" the clerk brings the carried actions up to date."""
        from screens.tracker import TrackerScreen

        if self.view is not None:
            body_id = self.view.meeting.body.id
            self.app.push_screen(TrackerScreen(body_id, meeting_id=self.meeting_id))

    def action_back(self) -> None:
        self.app.pop_screen()


def _first_pending(view: LiveView) -> int | None:
    for line in view.lines:
        if line.item.state == "pending":
            return line.item.id
    return view.lines[0].item.id if view.lines else None


def _selected_keys(view: LiveView, state: str) -> str:
    """What the keys do to the selected item, as its state and the meeting's allow."""
    if view.closed:
        return ""
    if state in ("deferred", "withdrawn"):
        return f" ({state}) — s takes it after all"
    if state == "taken":
        return " — s takes it up again"
    return " — s starts it, x defers it"
