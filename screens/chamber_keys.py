"""The live screen's chamber keys that move the meeting's agenda without taking a time of their
own: [ goes back to the item taken before (asking first), x defers or withdraws the selected
item, e ends the meeting.

Part of LiveScreen (screens/live.py), which declares the bindings; built on ClockKeys
(screens/clock_keys.py). Each key is one Desk call (one committed transaction) followed by a
redraw from what it read back.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding

from clerk_tui.desk.chamber import CloseResult, LiveView
from screens.base import attempt, desk_of
from screens.clock_keys import ClockKeys
from screens.closing import close_question, not_taken_warning, tell_closed
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.defer import DeferDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.start import AFTER, StartTimeDialog
from screens.going_back import going_back
from screens.widgets.item_header import item_label

# What a closed meeting no longer offers: its footer and palette drop them, and their keys
# are refused in one line (ctrl+t still edits its times, m r v t still tidy its records).
OPEN_ONLY = frozenset({"start", "next_item", "previous_item", "defer", "end_meeting"})


class ChamberKeys(ClockKeys):
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in OPEN_ONLY and self.view is not None and self.view.closed)

    def on_key(self, event: events.Key) -> None:
        """A key hidden because the meeting is closed is refused in words, not ignored."""
        view = self.view
        if view is None or not view.closed:
            return
        for binding in self.BINDINGS:
            if not isinstance(binding, Binding) or binding.action not in OPEN_ONLY:
                continue
            if event.key in binding.key.split(","):
                event.stop()
                self._refuse_closed()
                return

    def action_previous_item(self) -> None:
        """``[``: asks first, naming the item that becomes not yet taken and what it holds (its
        records stay but no minutes carry them until it is taken again)."""
        view = self.view
        if view is None:
            return
        if view.closed:
            self._refuse_closed()
            return
        question = going_back(view)
        desk = desk_of(self)
        if question is None:  # nothing to go back to: the Desk says so in words
            self._record(lambda: desk.chamber.previous_item(self.meeting_id))
            return

        def answered(yes: bool | None) -> None:
            if (
                yes
                and self._record(lambda: desk.chamber.previous_item(self.meeting_id)) is not None
            ):
                self._select_running()

        self.app.push_screen(ConfirmDialog(question.question, question.detail), answered)

    def action_defer(self) -> None:
        """``x``: defer or withdraw the selected item (PRODUCT.md §4): a pending one in advance
        (``]`` then passes it by), the running one ends now. The dialog names it."""
        view = self.view
        line = self._selected_line()
        if view is None or line is None:
            return
        if view.closed:
            self._refuse_closed()
            return
        item_id = line.item.id

        def chosen(state: str | None) -> None:
            if state is not None:
                desk = desk_of(self)
                self._record(lambda: desk.chamber.settle_item(self.meeting_id, item_id, state))

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
        if view.meeting.timing == AFTER:
            self._end_after_the_event(view)
            return
        detail = close_question(view, desk_of(self).now())

        def answered(yes: bool | None) -> None:
            if yes:
                result = attempt(self, lambda: desk_of(self).chamber.close_meeting(self.meeting_id))
                if result is not None:
                    self.refresh_live(view=result.view)
                    tell_closed(self, result)

        self.app.push_screen(ConfirmDialog("End the meeting?", detail), answered)

    def _end_after_the_event(self, view: LiveView) -> None:
        """Minuted after the event, the meeting ends when it did, not by today's clock: e asks
        the time (prefilled from the plan, as s and ] do), saying as the live e does how many
        items were never taken; escape leaves it open."""
        desk = desk_of(self)
        dialog = StartTimeDialog(
            "The meeting ended at", view.suggested_time(None), warning=not_taken_warning(view)
        )

        def closed(result: CloseResult) -> None:
            self.refresh_live(view=result.view)
            tell_closed(self, result)

        ask_and_record(
            self, dialog, lambda at: desk.chamber.close_meeting(self.meeting_id, at=at), closed
        )

    def _refuse_closed(self) -> None:
        self.notify(
            "The meeting is closed: its times change only by ctrl+t or S",
            title="Not recorded",
            severity="warning",
        )
