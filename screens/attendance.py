"""Attendance: the roster in force on the meeting date plus officers and guests.

p present, a apologies, n absent (each moves down a row, for a quick roll call), l arrived now,
g left now (both record the time and the running item), s a substitute for the selected member,
o someone "also present" with their role (placed after the selected one), shift+up / shift+down
move an officer or guest in ALSO PRESENT's order, / finds a person by a few letters of their
name, ctrl+z takes back the meeting's last record (a mark on the wrong row). Counts and quorum
update with every key; the moment quorum is lost the screen says so.
The two small forms it asks are here too: they belong to this screen alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widgets import Header, Input, Select, Static

from clerk_tui.desk.chamber import LiveView
from clerk_tui.errors import ClerkError
from clerk_tui.values import short_date
from screens.base import UNDO_BINDING, attempt, desk_of, tell_undone, undo_last
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import ask_and_record
from screens.widgets.clock_bar import ClockBar, announce_quorum, set_text
from screens.widgets.footer import KeysFooter
from screens.widgets.roster import Roster, detail
from screens.widgets.roster_find import RosterFind


@dataclass(frozen=True)
class PersonFields:
    title: str
    full_name: str
    role_text: str = ""
    capacity: str = "officer"


class _PersonDialog(FormDialog[PersonFields]):
    """A name (suggesting people already known, so one human stays one row) and a title."""

    def __init__(self, known: list[str]) -> None:
        super().__init__()
        self.known = known

    def name_fields(self) -> ComposeResult:
        yield self.row(
            "Name",
            Input(
                placeholder="full name, e.g. Bob Piper",
                suggester=SuggestFromList(self.known, case_sensitive=False),
                id="person-name",
            ),
        )
        yield self.row("Title", Input(placeholder="Cllr, or blank", id="person-title"))

    def person(self) -> tuple[str, str]:
        name = text_of(self, "#person-name")
        if not name:
            raise ClerkError("say who it is", where="name")
        return text_of(self, "#person-title"), name


class SubstituteDialog(_PersonDialog):
    def __init__(self, member: str, known: list[str]) -> None:
        super().__init__(known)
        self.heading = f"Substitute for {member}"

    def fields(self) -> ComposeResult:
        yield from self.name_fields()

    def value(self) -> PersonFields:
        title, name = self.person()
        return PersonFields(title, name)


class AlsoPresentDialog(_PersonDialog):
    TITLE = "Also present"

    def fields(self) -> ComposeResult:
        yield from self.name_fields()
        yield self.row("Role", Input(placeholder="e.g. Chief Executive, OPCC", id="person-role"))
        yield self.row(
            "As",
            Select(
                [("officer", "officer"), ("guest", "guest")],
                value="officer",
                allow_blank=False,
                id="person-capacity",
            ),
        )

    def value(self) -> PersonFields:
        title, name = self.person()
        role = text_of(self, "#person-role")
        if not role:
            raise ClerkError("say their role, e.g. Chief Executive, OPCC", where="role")
        capacity = str(self.query_one("#person-capacity", Select).value)
        return PersonFields(title, name, role, capacity)


class AttendanceScreen(Screen[None]):
    TITLE = "Attendance"
    CSS_PATH = ["styles/live.tcss", "styles/attendance.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "mark('present')", "Present", tooltip="Mark present", id="present"),
        Binding("a", "mark('apologies')", "Apologies", tooltip="Apologies sent", id="apologies"),
        Binding("n", "mark('absent')", "Absent", tooltip="Absent, no apologies", id="absent"),
        # Find next to the marks: at 80 columns the footer shows only its first keys.
        Binding("slash", "find", "Find", tooltip="Find a person: type a few letters", id="find"),
        # A mark on the wrong row is put right where it was made, as on the live screen.
        UNDO_BINDING,
        Binding(
            "l",
            "arrived",
            "Arrived",
            tooltip="Arrived late: now, during the running item",
            id="arrived",
        ),
        Binding(
            "g", "left", "Left", tooltip="Left the meeting: now, during the running item", id="left"
        ),
        Binding(
            "s", "substitute", "Substitute", tooltip="A substitute for the member", id="substitute"
        ),
        Binding(
            "o",
            "also_present",
            "Also present",
            tooltip="Add an officer or guest",
            id="also-present",
        ),
        Binding(
            "shift+up,ctrl+up",
            "move(-1)",
            "Move up",
            tooltip="Move the officer or guest up ALSO PRESENT",
            id="also-present-up",
        ),
        Binding(
            "shift+down,ctrl+down",
            "move(1)",
            "Move down",
            tooltip="Move the officer or guest down ALSO PRESENT",
            id="also-present-down",
        ),
        Binding("escape", "back", "Back", tooltip="Back to the live meeting", id="back"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.view: LiveView | None = None
        self.was_quorate: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield ClockBar(id="clock-bar")
        yield Static("", id="attendance-counts")
        yield Roster(id="roster")
        yield Static("", id="attendance-detail", markup=False)  # names as typed
        yield RosterFind(id="roster-find")
        yield Static(
            "p a n mark and move down · l g arrived, left now · / find · shift+↑↓ order",
            id="attendance-hint",
            classes="hint",
        )
        yield KeysFooter(compact=True)

    def on_mount(self) -> None:
        self.reload(announce=False)
        self.query_one(Roster).focus()
        self.set_interval(1, self.tick, name="attendance-clock")

    def tick(self) -> None:
        """Keep the clock bar moving (arithmetic only, as on the live screen)."""
        if self.view is not None and not self.view.closed:
            self.view = self.view.at(desk_of(self).now())
            self.query_one(ClockBar).show(self.view)

    def reload(self, *, announce: bool = True, view: LiveView | None = None) -> None:
        """Re-read the roster and redraw (or draw ``view``, just read back by the Desk)."""
        if view is None:
            view = attempt(self, lambda: desk_of(self).chamber.live(self.meeting_id))
        if view is None:
            return
        self.view = view
        meeting = view.meeting
        self.title = f"Attendance — {meeting.body.short_name or meeting.body.name}"
        self.sub_title = short_date(meeting.date)
        self.query_one(ClockBar).show(view)
        self.query_one(Roster).show(view)
        self._show_detail()
        self._show_counts()
        self.was_quorate = (
            announce_quorum(self, view, self.was_quorate) if announce else view.quorum.quorate
        )

    def _show_counts(self) -> None:
        """The counts and the quorum, in short words where the full ones would be cut."""
        view = self.view
        if view is None:
            return
        counts = " · ".join(f"{name} {count}" for name, count in view.counts().items())
        voting = sum(1 for a in view.roster if a.is_member and a.voting)
        text = (
            f"{counts[0].upper()}{counts[1:]}  —  voting members in the room "
            f"{view.quorum.present} of {voting}, quorum {view.quorum.quorum}"
        )
        widget = self.query_one("#attendance-counts", Static)
        if widget.size.width and len(text) > widget.size.width:
            # Short: the counts that are not nought (those in the room always).
            counts = " · ".join(
                f"{name} {count}"
                for name, count in view.counts().items()
                if count or name == "in room"
            )
            text = (
                f"{counts[0].upper()}{counts[1:]} — voting {view.quorum.present}/{voting}, "
                f"quorum {view.quorum.quorum}"
            )
        set_text(widget, text)

    def on_resize(self) -> None:
        self._show_counts()

    def _show_detail(self) -> None:
        roster = self.query_one(Roster)
        attendee = roster.attendee
        text = "" if attendee is None or self.view is None else detail(attendee, self.view)
        set_text(self.query_one("#attendance-detail", Static), text)

    @on(Roster.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_detail()

    # ---- type-to-find ----------------------------------------------------------------------
    def action_find(self) -> None:
        self.query_one("#attendance-hint").display = False
        self.query_one(RosterFind).open()

    @on(RosterFind.Changed)
    def _typed(self, event: RosterFind.Changed) -> None:
        found = self.query_one(Roster).find(event.value) or not event.value.strip()
        event.input.set_class(not found, "-none")

    @on(RosterFind.Step)
    def _step(self, event: RosterFind.Step) -> None:
        roster = self.query_one(Roster)
        typed = self.query_one(RosterFind).value
        roster.find(typed, start=roster.cursor_row + event.offset, step=event.offset)

    @on(RosterFind.Done)
    def _found(self) -> None:
        self.query_one(RosterFind).display = False
        self.query_one("#attendance-hint").display = True
        self.query_one(Roster).focus()

    # ---- actions ---------------------------------------------------------------------------
    def _person_id(self) -> int | None:
        return self.query_one(Roster).person_id

    def _record(self, call: Callable[[], LiveView]) -> bool:
        view = attempt(self, call)
        if view is None:
            return False
        self.reload(view=view)
        return True

    def _show_recorded(self, view: LiveView) -> None:
        """A dialog's record is stored: draw what the Desk read back with it."""
        self.reload(view=view)

    def action_mark(self, status: str) -> None:
        person_id = self._person_id()
        if person_id is None:
            return
        desk = desk_of(self)
        if self._record(lambda: desk.attendance.mark(self.meeting_id, person_id, status)):
            roster = self.query_one(Roster)
            roster.move_cursor(row=min(roster.row_count - 1, roster.cursor_row + 1))

    def action_undo(self) -> None:
        """The live screen's ctrl+z: the meeting's last record taken back, whatever it was."""
        words = undo_last(self, self.meeting_id)
        if words is None:
            return
        before = {a.person.id: a for a in self.view.roster} if self.view else {}
        self.reload()
        # On to the row put back (the mark meant for someone else): the next key marks it again.
        after = self.view.roster if self.view else ()
        changed = next((a.person.id for a in after if before.get(a.person.id) != a), None)
        self.query_one(Roster).select(changed)
        tell_undone(self, words)

    def action_move(self, offset: int) -> None:
        person_id = self._person_id()
        if person_id is not None:
            desk = desk_of(self)
            self._record(lambda: desk.attendance.move(self.meeting_id, person_id, offset))

    def action_arrived(self) -> None:
        person_id = self._person_id()
        if person_id is not None:
            desk = desk_of(self)
            self._record(lambda: desk.attendance.arrived_now(self.meeting_id, person_id))

    def action_left(self) -> None:
        person_id = self._person_id()
        if person_id is not None:
            desk = desk_of(self)
            self._record(lambda: desk.attendance.left_now(self.meeting_id, person_id))

    def _known_names(self) -> list[str]:
        return [person.full_name for person in desk_of(self).members.people(limit=500)]

    def action_substitute(self) -> None:
        view = self.view
        person_id = self._person_id()
        if view is None or person_id is None:
            return
        attendee = next(a for a in view.roster if a.person.id == person_id)
        if attendee.capacity != "member":
            self.notify(
                f"{attendee.person.display_name} is not a member: choose the member "
                "the substitute sits for",
                title="Not recorded",
                severity="warning",
                markup=False,
            )
            return

        def substitute(fields: PersonFields) -> LiveView:
            return desk_of(self).attendance.substitute(
                self.meeting_id, person_id, fields.title, fields.full_name
            )

        dialog = SubstituteDialog(attendee.person.display_name, self._known_names())
        ask_and_record(self, dialog, substitute, self._show_recorded)

    def action_also_present(self) -> None:
        after = self._person_id()

        def add(fields: PersonFields) -> LiveView:
            return desk_of(self).attendance.add_also_present(
                self.meeting_id,
                title=fields.title,
                full_name=fields.full_name,
                role_text=fields.role_text,
                capacity=fields.capacity,
                after=after,
            )

        ask_and_record(self, AlsoPresentDialog(self._known_names()), add, self._show_recorded)

    def action_back(self) -> None:
        self.app.pop_screen()
