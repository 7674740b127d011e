"""The action tracker: every action of a body across its meetings, outstanding first, then
completed; filtered as the clerk types; updated, completed, reopened, edited and exported.

Opened from home for a body between meetings, or from a live meeting's "Minutes and action
tracker" item with that meeting's id, so that the updates given there are recorded against it.

An action raised on an exempt item is shown, led by "EXEMPT" in its row and its detail, since
the clerk keeps it up like any other; the export leaves such actions out unless asked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Input, Select, Static

from clerk_tui.desk.tracker import ActionFilter, TrackedAction, TrackedUpdate
from screens.base import attempt, desk_of
from screens.dialogs.guarded import GuardedDialog, ask_and_record
from screens.navigation import OpenMeeting
from screens.widgets.action_detail import ActionDetail, action_name
from screens.widgets.action_table import ActionTable, one_line
from screens.widgets.footer import KeysFooter
from screens.widgets.tracker_filters import FIELDS, TrackerFilters

F = TypeVar("F")  # what a dialog gives: the words of an update, a completion, an action's fields


class TrackerScreen(Screen[None]):
    """The tracker of body ``body_id``; with ``meeting_id``, the updates, completions and
    reopenings made here are recorded against that meeting."""

    TITLE = "Action tracker"
    CSS_PATH = "styles/tracker.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "update", "Update", tooltip="Give an update on the action", id="t-update"),
        Binding("c", "complete", "Complete", tooltip="Mark the action completed", id="t-complete"),
        Binding("o", "reopen", "Reopen", tooltip="Reopen a completed action", id="t-reopen"),
        Binding("e", "edit", "Edit", tooltip="Edit the action, owner, due date", id="t-edit"),
        Binding(
            "n",
            "new",
            "New",
            tooltip="Add an action carried over from an older tracker",
            id="t-new",
        ),
        Binding("i", "open_item", "Source", tooltip="Open the action's source item", id="t-item"),
        Binding("slash", "filter", "Filter", tooltip="Filter by words as you type", id="t-filter"),
        # The filter bar shows the status, owner and meeting chosen; their keys are in the help.
        Binding(
            "s",
            "cycle_status",
            "Status",
            tooltip="All / outstanding / completed",
            id="t-st",
            show=False,
        ),
        Binding("w", "pick('owner')", "Owner", tooltip="Filter by owner", id="t-owner", show=False),
        Binding(
            "m", "pick('meeting')", "Meeting", tooltip="Filter by meeting", id="t-mtg", show=False
        ),
        Binding("x", "export", "Export", tooltip="Write the tracker to a file", id="t-export"),
        Binding("escape", "back", "Back", tooltip="Back to the table, then out", id="t-back"),
        # From the filter box, the arrows still move through the actions.
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def __init__(self, body_id: int, *, meeting_id: int | None = None) -> None:
        super().__init__()
        self.body_id = body_id
        self.meeting_id = meeting_id
        self.actions: list[TrackedAction] = []
        self.outstanding = 0
        # Results of the filters used since the tracker was last read, newest last: typing on
        # narrows the last result, backspace finds its earlier one here.
        self._results: dict[ActionFilter, list[TrackedAction]] = {}
        self._histories: dict[int, list[TrackedUpdate]] = {}
        self.filter = ActionFilter(status="outstanding" if meeting_id else "all")
        self.meeting_date: date | None = None
        self._history_for: int | None = None

    # ---- layout ----------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield TrackerFilters(self.filter.status, self._set_filter, id="tracker-filters")
        yield Static("", id="tracker-count")
        yield ActionTable(id="tracker-table")
        yield ActionDetail("", id="tracker-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        desk = desk_of(self)
        body = attempt(self, lambda: desk.agenda.body(self.body_id))
        if body is None:
            self.app.pop_screen()
            return
        self.title = f"Action tracker — {body.name}"
        if self.meeting_id is not None:
            meeting = attempt(self, lambda: desk.agenda.meeting(self.meeting_id or 0))
            self.meeting_date = meeting.date if meeting else None
        self.reload()
        self.set_focus(self.table)

    # ---- data ------------------------------------------------------------------------------
    @property
    def table(self) -> ActionTable:
        return self.query_one(ActionTable)

    @property
    def selected(self) -> TrackedAction | None:
        return self.table.current

    def reload(self, keep: int | None = None) -> None:
        """Read the tracker again from the database and show it through the filter."""
        self.actions = desk_of(self).tracker.action_tracker(self.body_id)
        self.outstanding = sum(1 for a in self.actions if not a.completed)
        self._results.clear()
        self._histories.clear()
        self.table.forget()
        self._history_for = None
        self.query_one(TrackerFilters).refill(self.actions, self.filter)
        self.apply_filter(keep=keep)

    def apply_filter(self, keep: int | None = None) -> None:
        shown = self._filtered()
        self.table.show(shown, keep=keep)
        completed = len(self.actions) - self.outstanding
        where = (
            f"updates recorded at the meeting of {self.meeting_date:%-d %B %Y}"
            if self.meeting_date
            else "updates recorded between meetings"
        )
        # Fixed-size lines (see tracker.tcss): their new text needs no layout of the screen,
        # which keeps each key typed into the filter within a frame.
        self.query_one("#tracker-count", Static).update(
            f"{self.outstanding} outstanding · {completed} completed · showing {len(shown)}"
            f" — {where}",
            layout=False,
        )
        self.show_detail(self.table.current)

    def _filtered(self) -> list[TrackedAction]:
        wanted = self.filter
        shown = self._results.pop(wanted, None)
        if shown is None:
            base = next(
                (rows for used, rows in reversed(self._results.items()) if wanted.narrows(used)),
                self.actions,
            )
            shown = wanted.apply(base)
        self._results[wanted] = shown
        while len(self._results) > 64:
            del self._results[next(iter(self._results))]
        return shown

    def show_detail(self, action: TrackedAction | None) -> None:
        detail = self.query_one(ActionDetail)
        if action is None:
            self._history_for = None
            detail.show(None, None)
            return
        if self._history_for == action.id:
            return
        self._history_for = action.id
        history = self._histories.get(action.id)
        detail.show(action, history)
        if history is None:
            # Reading the history is the slowest part of a key typed into the filter: paint
            # the rows and the action first, and fill its history in on the next frame.
            self.call_after_refresh(self._show_history, action.id)

    def _show_history(self, action_id: int) -> None:
        action = self.table.current
        if action is None or action.id != action_id:
            return  # the clerk has moved on
        history = self._histories.get(action_id)
        if history is None:
            history = self._histories[action_id] = desk_of(self).tracker.action_history(action_id)
        self.query_one(ActionDetail).show(action, history)

    def on_action_table_highlighted(self, event: ActionTable.Highlighted) -> None:
        self.show_detail(event.action)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "tracker-search":
            self.set_focus(self.table)

    def on_select_changed(self, event: Select.Changed) -> None:
        # The filter bar has applied the choice; a choice made from the keyboard gives the
        # table its focus back.
        if event.select.id not in FIELDS:
            return
        if not event.select.expanded and self.focused is event.select:
            self.set_focus(self.table)

    def _set_filter(self, **changes: str | None) -> None:
        values = {
            "status": self.filter.status,
            "owner": self.filter.owner,
            "source": self.filter.source,
            "text": self.filter.text,
        }
        values.update(changes)
        new = ActionFilter(
            status=values["status"] or "all",
            owner=values["owner"],
            source=values["source"],
            text=values["text"] or "",
        )
        if new != self.filter:
            self.filter = new
            self.apply_filter()

    # ---- keys: moving and filtering ----------------------------------------------------------
    def action_move(self, offset: int) -> None:
        self.table.action_move(offset)

    def action_filter(self) -> None:
        # set_focus now, not focus() (which waits its turn): the words typed straight after
        # the slash must land in the box, not on the table's keys.
        self.set_focus(self.query_one(TrackerFilters).words())

    def action_cycle_status(self) -> None:
        self.query_one(TrackerFilters).cycle_status(self.filter.status)

    def action_pick(self, which: str) -> None:
        self.query_one(TrackerFilters).pick(which)

    def action_back(self) -> None:
        if self.focused is not self.table:
            self.set_focus(self.table)
        else:
            self.app.pop_screen()

    # ---- keys: the clerk's actions -------------------------------------------------------------
    def _chosen(self) -> TrackedAction | None:
        action = self.selected
        if action is None:
            self.notify("No action is selected", severity="warning")
        return action

    def _given_at(self) -> str:
        if self.meeting_date is not None:
            return f"Given at the meeting of {self.meeting_date:%-d %B %Y}"
        return "Given between meetings"

    def _record(
        self,
        dialog: GuardedDialog[F],
        record: Callable[[F], TrackedAction],
        said: Callable[[TrackedAction], str],
    ) -> None:
        """Every change made through a dialog: ``record`` runs while the dialog is open (a
        refusal keeps what was typed); then the tracker is read again with the cursor on the
        action, and ``said`` of it is the one line telling the clerk."""

        def recorded(done: TrackedAction) -> None:
            self.reload(keep=done.id)
            self.notify(said(done), markup=False)

        ask_and_record(self, dialog, record, recorded)

    def action_update(self) -> None:
        action = self._chosen()
        if action is None:
            return
        from screens.dialogs.action_update import ActionUpdateDialog

        desk = desk_of(self)
        self._record(
            ActionUpdateDialog(action, given_at=self._given_at()),
            lambda text: desk.tracker.record_action_update(
                action.id, text, meeting_id=self.meeting_id
            ),
            lambda done: f"Update recorded on {action_name(done)}",
        )

    def action_complete(self) -> None:
        action = self._chosen()
        if action is None:
            return
        if action.completed:
            self.notify(
                f"{action_name(action)} is already completed; o reopens it",
                severity="warning",
                markup=False,
            )
            return
        from screens.dialogs.action_update import CompleteDialog, Completion

        desk = desk_of(self)

        def complete(choice: Completion) -> TrackedAction:
            return desk.tracker.complete_action(
                action.id, on=choice.on, update=choice.update, meeting_id=self.meeting_id
            )

        self._record(
            CompleteDialog(action, today=desk.now().date(), on=self.meeting_date),
            complete,
            lambda done: f"{action_name(done)} completed",
        )

    def action_reopen(self) -> None:
        action = self._chosen()
        if action is None:
            return
        if not action.completed:
            self.notify(
                f"{action_name(action)} is outstanding: there is nothing to reopen",
                severity="warning",
                markup=False,
            )
            return
        from screens.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            done = attempt(
                self,
                lambda: desk_of(self).tracker.reopen_action(action.id, meeting_id=self.meeting_id),
            )
            if done is not None:
                self.reload(keep=action.id)
                self.notify(f"{action_name(done)} reopened", markup=False)

        question = f"Reopen {action_name(action)}?"
        self.app.push_screen(ConfirmDialog(question, one_line(action.text)), answered)

    def action_edit(self) -> None:
        action = self._chosen()
        if action is None:
            return
        from screens.dialogs.action_edit import ActionEditDialog

        desk = desk_of(self)
        self._record(
            ActionEditDialog(action),
            lambda f: desk.tracker.edit_tracked_action(action.id, f, meeting_id=self.meeting_id),
            lambda done: f"{action_name(done)} edited",
        )

    def action_new(self) -> None:
        from screens.dialogs.action_edit import ActionEditDialog

        desk = desk_of(self)

        def added(done: TrackedAction) -> str:
            hidden = "" if done in self.table.rows else " (hidden by the filter)"
            return f"{action_name(done)} added{hidden}"

        self._record(
            ActionEditDialog(None),
            lambda f: desk.tracker.add_carried_over_action(
                self.body_id, f, meeting_id=self.meeting_id
            ),
            added,
        )

    def action_open_item(self) -> None:
        action = self._chosen()
        if action is None:
            return
        if action.item_id is None or action.meeting_id is None:
            self.notify(
                f"{action_name(action)} was carried over from an older tracker: "
                "its item is not in clerk-tui",
                severity="warning",
                markup=False,
            )
            return
        self.post_message(OpenMeeting(action.meeting_id, select_item=action.item_id))

    def action_export(self) -> None:
        from screens.tracker_export import export_tracker  # the export's dialog, when asked

        export_tracker(self, self.body_id, self.actions, self.filter.status)
