"""The live screen's chamber keys: what moves the meeting through its agenda against the clock.

s starts the selected item (and the meeting), ] ends the running item and starts the next,
[ goes back to the item taken before, x defers or withdraws an item, e ends the meeting, ctrl+t
edits the recorded times. The bindings are declared on LiveScreen (screens/live.py), whose
footer order they set; the handlers live here, each one Desk call (one committed transaction)
followed by a redraw from what it read back. LiveScreen provides ``view``, ``meeting_id``,
``current_item_id``, ``refresh_live()`` and the agenda it selects on.
"""

from __future__ import annotations

from collections.abc import Callable

from clerk_tui.desk.chamber import AgendaLine, LiveView, TimesFields
from screens.base import attempt, desk_of
from screens.closing import close_question, tell_closed
from screens.decision_keys import DecisionKeys
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.defer import DeferDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.times import TimesDialog
from screens.widgets.agenda_list import AgendaList
from screens.widgets.item_header import item_label


class ChamberKeys(DecisionKeys):
    def _record(self, call: Callable[[], LiveView]) -> LiveView | None:
        view = attempt(self, call)
        if view is not None:
            self._drawn(view)
        return view

    def _drawn(self, view: LiveView) -> None:
        self.refresh_live(view=view)

    def _show_item(self) -> None:
        """Redraw the current item's pane (LiveScreen draws it)."""
        raise NotImplementedError

    def _selected_line(self) -> AgendaLine | None:
        view = self.view
        return None if view is None else view.line(self.query_one(AgendaList).item_id)

    def action_start(self) -> None:
        view = self.view
        if view is None:
            return
        if not view.lines:
            self.notify(
                "The agenda has no items: add them on the agenda screen (g from home)",
                title="Not started",
                severity="warning",
            )
            return
        line = self._selected_line()
        if line is None:
            return
        desk = desk_of(self)
        if self._record(lambda: desk.chamber.start_item(self.meeting_id, line.item.id)) is not None:
            self.query_one(AgendaList).select(line.item.id)
            self._show_item()

    def action_next_item(self) -> None:
        desk = desk_of(self)
        if self._record(lambda: desk.chamber.next_item(self.meeting_id)) is not None:
            self._select_running()

    def action_previous_item(self) -> None:
        desk = desk_of(self)
        if self._record(lambda: desk.chamber.previous_item(self.meeting_id)) is not None:
            self._select_running()

    def _select_running(self) -> None:
        if self.view is not None and self.view.running_item_id is not None:
            self.query_one(AgendaList).select(self.view.running_item_id)
        self._show_item()

    def action_defer(self) -> None:
        """``x``: defer or withdraw the current item (PRODUCT.md §4), as d, m, r, v and t act
        on it: the running item, else the selected one. The dialog names it."""
        view = self.view
        line = None if view is None else view.line(self.current_item_id)
        if view is None or line is None:
            return
        if view.closed:
            self._refuse_closed()
            return

        def chosen(state: str | None) -> None:
            if state is not None:
                self._record(
                    lambda: desk_of(self).chamber.settle_item(self.meeting_id, line.item.id, state)
                )

        self.app.push_screen(DeferDialog(item_label(line), line.item.state), chosen)

    def action_end_meeting(self) -> None:
        view = self.view
        if view is None:
            return
        if view.closed:
            self._refuse_closed()
            return
        if not view.started:
            self.notify(
                "The meeting has not started: there is nothing to end",
                title="Not recorded",
                severity="warning",
            )
            return
        detail = close_question(view, desk_of(self).now())

        def answered(yes: bool | None) -> None:
            if yes:
                result = attempt(self, lambda: desk_of(self).chamber.close_meeting(self.meeting_id))
                if result is not None:
                    self.refresh_live(view=result.view)
                    tell_closed(self, result)

        self.app.push_screen(ConfirmDialog("End the meeting?", detail), answered)

    def action_edit_times(self) -> None:
        view = self.view
        line = self._selected_line()
        if view is None or line is None:
            return
        values = {
            "item_start": line.item.actual_start,
            "item_end": line.item.actual_end,
            "meeting_start": view.meeting.actual_start,
            "meeting_end": view.meeting.actual_end,
        }

        def edit(fields: TimesFields) -> LiveView:
            return desk_of(self).chamber.edit_times(self.meeting_id, line.item.id, fields)

        ask_and_record(self, TimesDialog(f"item {line.item.number}", values), edit, self._drawn)

    def _refuse_closed(self) -> None:
        self.notify(
            "The meeting is closed: its times change only through ctrl+t (edit times)",
            title="Not recorded",
            severity="warning",
        )
