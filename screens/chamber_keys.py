"""The live screen's chamber keys that move the meeting's agenda without taking a time of their
own: [ goes back to the item taken before, x defers or withdraws an item, e ends the meeting.

Part of LiveScreen (screens/live.py), which declares the bindings; built on ClockKeys
(screens/clock_keys.py). Each key is one Desk call (one committed transaction) followed by a
redraw from what it read back.
"""

from __future__ import annotations

from screens.base import attempt, desk_of
from screens.clock_keys import ClockKeys
from screens.closing import close_question, tell_closed
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.defer import DeferDialog
from screens.widgets.item_header import item_label


class ChamberKeys(ClockKeys):
    def action_previous_item(self) -> None:
        desk = desk_of(self)
        if self._record(lambda: desk.chamber.previous_item(self.meeting_id)) is not None:
            self._select_running()

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

    def _refuse_closed(self) -> None:
        self.notify(
            "The meeting is closed: its times change only through ctrl+t (edit times)",
            title="Not recorded",
            severity="warning",
        )
