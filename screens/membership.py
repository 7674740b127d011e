"""Membership: who sits on a body (role, authority, voting, from and to), and the officers and
guests who attend it; appoint, correct, end, replace; the roster of any date."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from clerk_tui.desk import BodyView, MembershipView
from clerk_tui.desk.preparation import ATTENDER_ROLES, MembershipFields
from clerk_tui.values import long_date
from screens.base import attempt, desk_of, marked
from screens.dialogs.appoint import AppointDialog, DateDialog, role_label
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.replace import ReplaceDialog, Replacement
from screens.widgets.fit_table import FitTable, cut
from screens.widgets.footer import KeysFooter


def short_date(day: date | None) -> str:
    return f"{day:%d %b %Y}" if day else ""


class MembershipScreen(Screen[None]):
    TITLE = "Membership"
    CSS_PATH = "styles/preparation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "appoint", "Appoint", tooltip="Appoint a member of the body", id="appoint"),
        Binding(
            "o",
            "appoint_attender",
            "Officer/guest",
            tooltip="Add an officer or guest who attends (e.g. Chief Executive, OPCC)",
            id="appoint-officer",
        ),
        Binding("r", "replace", "Replace", tooltip="Replace the selected member", id="replace"),
        Binding(
            "x", "end", "End", tooltip="End the selected membership on a date", id="end-membership"
        ),
        Binding(
            "e", "edit", "Edit", tooltip="Correct the selected membership", id="edit-membership"
        ),
        Binding("d", "roster_date", "Date", tooltip="The roster of another date", id="roster-date"),
        Binding(
            "h",
            "toggle_history",
            "History",
            tooltip="Show every membership, ended ones too, or only those in force",
            id="history",
        ),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, body_id: int) -> None:
        super().__init__()
        self.body_id = body_id
        self.on_date: date = date.today()
        self.history = False
        self.members: list[MembershipView] = []
        self.attenders: list[MembershipView] = []
        # An appointment the Desk refused, by kind (True: officer or guest), to offer back.
        self.refused_appointment: dict[bool, MembershipFields] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="membership-heading")
        yield Static("Members", id="members-title", classes="pane-title")
        # The free text gives way (cut with "…") so the dates stay in view at 80 columns.
        members: DataTable[str | Text] = FitTable(
            id="members",
            flexible=(("replaced", 8), ("represents", 10), ("role", 8), ("name", 14)),
        )
        members.zebra_stripes = True
        for label in ("Name", "Role", "Represents", "Voting", "From", "To", "Replaced"):
            members.add_column(label, key=label.lower())
        yield members
        yield Static("Officers and guests (also present)", classes="pane-title")
        attenders: DataTable[str | Text] = FitTable(
            id="attenders", flexible=(("role text", 12), ("name", 14))
        )
        for label in ("Name", "Role", "Role text", "From", "To"):
            attenders.add_column(label, key=label.lower())
        yield attenders
        yield KeysFooter()

    def on_mount(self) -> None:
        self.on_date = desk_of(self).now().date()
        self.reload()
        self.query_one("#members", DataTable).focus()

    # ---- data ----------------------------------------------------------------------------
    @property
    def body(self) -> BodyView:
        return desk_of(self).agenda.body(self.body_id)

    def reload(self, keep: int | None = None) -> None:
        desk = desk_of(self)
        body = self.body
        views = desk.members.memberships(self.body_id, None if self.history else self.on_date)
        self.members = [v for v in views if v.role not in ATTENDER_ROLES]
        self.attenders = [v for v in views if v.role in ATTENDER_ROLES]
        self.sub_title = body.name
        voting = sum(1 for v in self.members if v.voting and v.in_force(self.on_date))
        counted = f"{voting} voting members in force on {long_date(self.on_date)}"
        scope = f"every membership, past and present ({counted})" if self.history else counted
        self.query_one("#membership-heading", Static).update(
            marked("[b]$name[/b]$rest", name=body.name, rest=f" — {scope}; quorum {body.quorum}")
        )
        self._fill_members(keep)
        self._fill_attenders(keep)

    def _fill_members(self, keep: int | None) -> None:
        table = self.query_one("#members", DataTable)
        row = table.cursor_row
        table.clear()
        for m in self.members:
            table.add_row(
                cut(m.person.display_name),
                cut(role_label(m.role)),
                cut(m.represents or m.role_text),
                "yes" if m.voting else "no",
                short_date(m.start_date),
                short_date(m.end_date),
                cut(m.replaces_name),
            )
        self._place(table, self.members, keep, row)

    def _fill_attenders(self, keep: int | None) -> None:
        table = self.query_one("#attenders", DataTable)
        row = table.cursor_row
        table.clear()
        for m in self.attenders:
            table.add_row(
                cut(m.person.display_name),
                role_label(m.role),
                cut(m.role_text),
                short_date(m.start_date),
                short_date(m.end_date),
            )
        self._place(table, self.attenders, keep, row)

    @staticmethod
    def _place(
        table: DataTable[str | Text], views: list[MembershipView], keep: int | None, row: int
    ) -> None:
        index = next((i for i, v in enumerate(views) if v.id == keep), None)
        if index is None:
            index = min(row, len(views) - 1)
        if views:
            table.move_cursor(row=max(0, index))

    @property
    def selected(self) -> MembershipView | None:
        """The membership under the cursor of the focused table (members by default)."""
        focused = self.focused
        attenders = isinstance(focused, DataTable) and focused.id == "attenders"
        table = self.query_one("#attenders" if attenders else "#members", DataTable)
        views = self.attenders if attenders else self.members
        if not views:
            return None
        return views[min(table.cursor_row, len(views) - 1)]

    # ---- actions -------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss()

    def action_appoint(self, attender: bool = False) -> None:
        """A refused appointment closes its dialog with the refusal as a notification (what
        tests/screens/test_membership.py holds it to), and keeps what was typed: the next a
        (or o) offers it back. The other dialogs here stay open on a refusal instead."""
        draft = self.refused_appointment.pop(attender, None)

        def appointed(fields: MembershipFields | None) -> None:
            if fields is None:
                return
            view = attempt(self, lambda: desk_of(self).members.appoint(self.body_id, fields))
            if view is None:
                self.refused_appointment[attender] = fields
                return
            self._show(view)
            self.notify(
                f"{view.person.display_name} appointed from {long_date(view.start_date)}",
                markup=False,
            )

        desk = desk_of(self)
        dialog = AppointDialog(
            desk.members.people, desk.now().date(), attender=attender, draft=draft
        )
        self.app.push_screen(dialog, appointed)

    def action_appoint_attender(self) -> None:
        self.action_appoint(attender=True)

    def action_edit(self) -> None:
        membership = self._need()
        if membership is None:
            return

        def edit(fields: MembershipFields) -> MembershipView:
            return desk_of(self).members.update_membership(membership.id, fields)

        def edited(view: MembershipView) -> None:
            self._show(view)
            self.notify(f"{view.person.display_name}: membership corrected", markup=False)

        dialog = AppointDialog(
            desk_of(self).members.people, desk_of(self).now().date(), membership=membership
        )
        ask_and_record(self, dialog, edit, edited)

    def action_replace(self) -> None:
        old = self._need()
        if old is None:
            return

        def replace(new: Replacement) -> MembershipView:
            return desk_of(self).members.replace_member(
                old.id,
                title=new.title,
                full_name=new.full_name,
                on=new.on,
                represents=new.represents,
            )

        def replaced(view: MembershipView) -> None:
            self._show(view)
            where = f" ({view.represents})" if view.represents else ""
            self.notify(
                f"{view.person.display_name}{where} appointed to replace "
                f"{old.person.display_name} from {long_date(view.start_date)}",
                markup=False,
            )

        dialog = ReplaceDialog(old, desk_of(self).members.people, desk_of(self).now().date())
        ask_and_record(self, dialog, replace, replaced)

    def action_end(self) -> None:
        membership = self._need()
        if membership is None:
            return
        name = membership.person.display_name

        def end(on: date) -> tuple[MembershipView, date]:
            return desk_of(self).members.end_membership(membership.id, on), on

        def ended(result: tuple[MembershipView, date]) -> None:
            view, on = result
            self.reload(view.id)
            self.notify(f"{name}'s membership ends on {long_date(on)}", markup=False)

        dialog = DateDialog(
            f"End {name}'s membership",
            "Last day",
            desk_of(self).now().date(),
            note="They stay on the roster of meetings up to and including this day.",
        )
        ask_and_record(self, dialog, end, ended)

    def action_roster_date(self) -> None:
        def chosen(on: date | None) -> None:
            if on is not None:
                self.on_date = on
                self.history = False
                self.reload()

        self.app.push_screen(DateDialog("The roster of a date", "Date", self.on_date), chosen)

    def action_toggle_history(self) -> None:
        self.history = not self.history
        self.reload()

    # ---- helpers -------------------------------------------------------------------------
    def _need(self) -> MembershipView | None:
        membership = self.selected
        if membership is None:
            self.notify("Nobody is selected: press a to appoint someone", severity="warning")
        return membership

    def _show(self, view: MembershipView) -> None:
        """Re-read and put the cursor on ``view``; show it even if it is not in force today."""
        if not view.in_force(self.on_date) and not self.history:
            self.on_date = view.start_date if view.start_date > self.on_date else self.on_date
            if not view.in_force(self.on_date):
                self.history = True
        self.reload(view.id)
        table_id = "#attenders" if view.role in ATTENDER_ROLES else "#members"
        self.query_one(table_id, DataTable).focus()
