"""Agenda: a meeting's items in order. Add, edit, reorder, delete; papers, approximate times
(a time the agenda does not give is planned between its neighbours and shown as "~13:31"),
kind, presenter, exempt items and recorded votes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from clerk_tui.desk import ItemView, MeetingView
from clerk_tui.desk.preparation import ItemFields, MeetingFields
from clerk_tui.timing import PlannedTime, planned_times
from clerk_tui.values import long_date
from screens.base import attempt, desk_of, marked, plain
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.item import ItemDialog, kind_label
from screens.dialogs.meeting import MeetingDialog
from screens.widgets.fit_table import FitTable, cut
from screens.widgets.footer import KeysFooter


def time_text(planned: PlannedTime) -> str:
    """A given time as the agenda prints it; a planned one marked with "~"."""
    return f"{planned.at:%H:%M}" if planned.given else f"~{planned.at:%H:%M}"


def flags(item: ItemView) -> str:
    marks = []
    if item.exempt:
        marks.append("EXEMPT")
    if item.recorded_vote_required:
        marks.append("recorded vote")
    if item.state != "pending":
        marks.append(item.state)
    return ", ".join(marks)


class AgendaScreen(Screen[None]):
    TITLE = "Agenda"
    CSS_PATH = "styles/preparation.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add an item after the selected one", id="add-item"),
        Binding("e", "edit", "Edit", tooltip="Edit the selected item", id="edit-item"),
        Binding(
            "shift+up,ctrl+up",
            "move(-1)",
            "Item up",
            tooltip="Move the selected item up the agenda",
            id="move-up",
        ),
        Binding(
            "shift+down,ctrl+down",
            "move(1)",
            "Item down",
            tooltip="Move the selected item down the agenda",
            id="move-down",
        ),
        Binding(
            "p",
            "papers",
            "Papers",
            tooltip="Papers of the selected item: none → Attached → To Follow → Tabled",
            id="cycle-papers",
        ),
        Binding(
            "x,delete", "delete", "Delete", tooltip="Delete the selected item", id="delete-item"
        ),
        Binding(
            "n",
            "renumber",
            "Renumber",
            tooltip="Number the items 1, 2, 3… in their order",
            id="renumber",
            show=False,  # seldom needed: in the key map (?) and the palette
        ),
        Binding(
            "m",
            "meeting",
            "Meeting",
            tooltip="The meeting's date, start time, venue and livestream",
            id="meeting-details",
        ),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.items: tuple[ItemView, ...] = ()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="agenda-heading")
        # The kind, the presenter, then the title give way (cut with "…"), so every column
        # stays in view at 80 columns.
        table: DataTable[str | Text] = FitTable(
            id="agenda-items", flexible=(("kind", 10), ("presenter", 9), ("title", 20))
        )
        table.zebra_stripes = True
        table.add_column("No.", key="number")
        table.add_column("Item", key="title")
        table.add_column("Papers", key="papers")
        table.add_column("Time", key="time")
        table.add_column("Kind", key="kind")
        table.add_column("Presenter", key="presenter")
        table.add_column("", key="flags")
        yield table
        yield Static("", id="agenda-detail")
        yield Static("~ a time planned between the times the agenda gives", classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#agenda-items", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    # ---- data ----------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        """Re-read the meeting and show it; the cursor stays on ``keep`` (or where it was)."""
        meeting = desk_of(self).agenda.meeting(self.meeting_id)
        self.items = meeting.items
        self.sub_title = meeting.body.name
        self.query_one("#agenda-heading", Static).update(self.heading(meeting))
        table = self.query_one("#agenda-items", DataTable)
        row = table.cursor_row
        table.clear()
        planned = planned_times([i.approximate_time for i in self.items], meeting.scheduled_start)
        for item, when in zip(self.items, planned, strict=True):
            table.add_row(
                plain(item.number),
                cut(item.title),
                "" if item.papers == "none" else item.papers,
                time_text(when),
                cut(kind_label(item.kind)),
                cut(item.presenter),
                flags(item),
                key=str(item.id),
            )
        index = next((i for i, it in enumerate(self.items) if it.id == keep), None)
        if index is None:
            index = min(row, len(self.items) - 1)
        if self.items:
            table.move_cursor(row=max(0, index))
        self.show_detail()

    @staticmethod
    def heading(meeting: MeetingView) -> Content:
        where = f" — {meeting.venue}" if meeting.venue else ""
        stream = f"\nLivestream: {meeting.livestream_url}" if meeting.livestream_url else ""
        count = len(meeting.items)
        rest = (
            f" — {meeting.date:%A} {long_date(meeting.date)} at "
            f"{meeting.scheduled_start:%H:%M}{where}{stream}\n"
            f"{count} item{'' if count == 1 else 's'} · {meeting.status}"
        )
        return marked("[b]$body[/b]$rest", body=meeting.body.name, rest=rest)

    @property
    def selected(self) -> ItemView | None:
        if not self.items:
            return None
        table = self.query_one("#agenda-items", DataTable)
        return self.items[min(table.cursor_row, len(self.items) - 1)]

    def show_detail(self) -> None:
        item = self.selected
        text = Content("")
        if item is not None:
            lines = []
            if item.description:
                lines.append(item.description)
            if item.exempt:
                lines.append(f"Exempt: {item.exempt_reason}")
            rest = "".join(f"\n{line}" for line in lines)
            text = marked("[b]$item[/b]$rest", item=f"{item.number} {item.title}", rest=rest)
        self.query_one("#agenda-detail", Static).update(text)

    def on_data_table_row_highlighted(self, _: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_data_table_row_selected(self, _: DataTable.RowSelected) -> None:
        self.action_edit()

    # ---- actions -------------------------------------------------------------------------
    def action_back(self) -> None:
        self.dismiss()

    def _need(self) -> ItemView | None:
        item = self.selected
        if item is None:
            self.notify("The agenda is empty: press a to add an item", severity="warning")
        return item

    def action_add(self) -> None:
        after = self.selected
        after_id = after.id if after else None

        def add(fields: ItemFields) -> ItemView:
            return desk_of(self).agenda.add_item(self.meeting_id, fields, after=after_id)

        def added(view: ItemView) -> None:
            self.reload(view.id)
            self.notify(f"Item {view.number} {view.title} added", markup=False)

        number = _next_number(after, self.items)
        dialog = ItemDialog(
            ItemFields(title="", number=number, kind="from-title"), title="New item"
        )
        ask_and_record(self, dialog, add, added)

    def action_edit(self) -> None:
        item = self._need()
        if item is None:
            return

        ask_and_record(
            self,
            ItemDialog(ItemFields.of(item)),
            lambda fields: desk_of(self).agenda.update_item(item.id, fields),
            lambda _: self.reload(item.id),
        )

    def action_move(self, offset: int) -> None:
        item = self._need()
        if item is None:
            return
        if attempt(self, lambda: desk_of(self).agenda.move_item(item.id, offset)) is not None:
            self.reload(item.id)

    def action_papers(self) -> None:
        item = self._need()
        if item is None:
            return
        view = attempt(self, lambda: desk_of(self).agenda.cycle_papers(item.id))
        if view is not None:
            self.reload(item.id)

    def action_delete(self) -> None:
        item = self._need()
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and attempt(self, lambda: desk_of(self).agenda.delete_item(item.id)):
                self.reload()
                self.notify(f"Item {item.number} {item.title} deleted", markup=False)

        self.app.push_screen(
            ConfirmDialog(f"Delete item {item.number} {item.title}?", item.description[:200]),
            answered,
        )

    def action_renumber(self) -> None:
        count = len(self.items)
        if not count:
            return
        keep = self.selected.id if self.selected else None

        def answered(yes: bool | None) -> None:
            if yes and attempt(self, lambda: desk_of(self).agenda.renumber_items(self.meeting_id)):
                self.reload(keep)

        self.app.push_screen(
            ConfirmDialog(f"Number the items 1 to {count} in their agenda order?"), answered
        )

    def action_meeting(self) -> None:
        meeting = desk_of(self).agenda.meeting(self.meeting_id)
        current = MeetingFields(
            date=meeting.date,
            scheduled_start=meeting.scheduled_start,
            venue=meeting.venue,
            livestream_url=meeting.livestream_url,
        )

        ask_and_record(
            self,
            MeetingDialog("Meeting details", current),
            lambda fields: desk_of(self).agenda.update_meeting(self.meeting_id, fields),
            lambda _: self.reload(),
        )


def _next_number(after: ItemView | None, items: tuple[ItemView, ...]) -> str:
    """A guess at the new item's number: one more than the last item's, when it goes at the
    end and that is a plain number ("14" → "15"); in the middle, nothing (type "6a", or
    renumber with n)."""
    if after is None or not items:
        return "1" if not items else ""
    if after.id == items[-1].id and after.number.isdigit():
        return str(int(after.number) + 1)
    return ""
