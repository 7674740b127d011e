"""The live screen's clock keys: the ones that take a time. s starts the selected item (and the
meeting), ] ends the running item and starts the next, ctrl+t edits the recorded times.

Part of LiveScreen (screens/live.py), which declares the bindings (in footer order) and provides
``view``, ``meeting_id``, ``current_item_id``, ``refresh_live()``, ``_show_item()`` and the agenda
it selects on; ChamberKeys (screens/chamber_keys.py) builds on these. Each key is one Desk call
(one committed transaction) followed by a redraw from what it read back.
"""

from __future__ import annotations

from collections.abc import Callable

from clerk_tui.desk.chamber import AgendaLine, LiveView, TimesFields
from screens.base import attempt, desk_of
from screens.decision_keys import DecisionKeys
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.times import TimesDialog
from screens.widgets.agenda_list import AgendaList


class ClockKeys(DecisionKeys):
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

    def _select_running(self) -> None:
        if self.view is not None and self.view.running_item_id is not None:
            self.query_one(AgendaList).select(self.view.running_item_id)
        self._show_item()

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
