"""The live screen's clock keys: the ones that take a time. s starts the selected item (and the
meeting), ] ends the running item and starts the next, ctrl+t edits the recorded times, S
shifts every recorded time of the meeting by one offset. A meeting started on a day other than
its date asks first whether it is minuted now or after the event; after the event, s and ] ask
their time (prefilled from the plan) instead of reading the clock.

Part of LiveScreen (screens/live.py), which declares the bindings (in footer order) and provides
``view``, ``meeting_id``, ``current_item_id``, ``refresh_live()``, ``_show_item()`` and the agenda
it selects on; ChamberKeys (screens/chamber_keys.py) builds on these. Each key is one Desk call
(one committed transaction) followed by a redraw from what it read back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

from clerk_tui.desk.chamber import AgendaLine, LiveView, TimesFields
from screens.base import attempt, desk_of
from screens.decision_keys import DecisionKeys
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.shift import ShiftDialog, ShiftFields
from screens.dialogs.start import AFTER, NOW, StartTimeDialog, TimingQuestion
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
        meeting = view.meeting
        today = desk_of(self).now().date()
        if view.closed:
            self._start(line)  # refused in words: a closed meeting's times change by ctrl+t
        elif meeting.timing == AFTER:
            self._start_at(view, line, None)
        elif not view.started and meeting.date != today:
            # Started on another day: by the clock, or after the event (then each s and ]
            # asks its time). Asked once: the answer is stored as the meeting opens.
            def answered(timing: str | None) -> None:
                if timing == AFTER:
                    self._start_at(view, line, AFTER)
                elif timing == NOW:
                    self._start(line)

            self.app.push_screen(TimingQuestion(meeting.date, today), answered)
        else:
            self._start(line)

    def _start(self, line: AgendaLine) -> None:
        desk = desk_of(self)
        if self._record(lambda: desk.chamber.start_item(self.meeting_id, line.item.id)) is not None:
            self._started(line)

    def _started(self, line: AgendaLine) -> None:
        self.query_one(AgendaList).select(line.item.id)
        self._show_item()

    def _start_at(self, view: LiveView, line: AgendaLine, timing: str | None) -> None:
        """After the event: the time the item started, asked, prefilled from the plan."""

        def start(at: time) -> LiveView:
            return desk_of(self).chamber.start_item(
                self.meeting_id, line.item.id, at=at, timing=timing
            )

        def then(done: LiveView) -> None:
            self._drawn(done)
            self._started(line)

        heading = f"{_named(line)} started at"
        dialog = StartTimeDialog(heading, view.suggested_time(line.item.id))
        ask_and_record(self, dialog, start, then)

    def action_next_item(self) -> None:
        view = self.view
        desk = desk_of(self)
        if view is not None and view.meeting.timing == AFTER and view.started and not view.closed:
            following = view.next_up()
            running = view.line(view.running_item_id)
            if following is not None:
                heading = f"{_named(following)} started at"
                if running is not None:
                    heading = f"{_named(running)} ended and {_named(following, 'item')} started at"
                prefill = view.suggested_time(following.item.id)
            elif running is not None:
                heading = f"{_named(running)} ended at"
                prefill = view.suggested_time(None)
            else:  # nothing running, nothing to come: refused in words below
                self._next(lambda: desk.chamber.next_item(self.meeting_id))
                return

            def then(done: LiveView) -> None:
                self._drawn(done)
                self._select_running()

            ask_and_record(
                self,
                StartTimeDialog(heading, prefill),
                lambda at: desk.chamber.next_item(self.meeting_id, at=at),
                then,
            )
            return
        self._next(lambda: desk.chamber.next_item(self.meeting_id))

    def _next(self, call: Callable[[], LiveView]) -> None:
        if self._record(call) is not None:
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

        ask_and_record(self, TimesDialog(f"item {line.item.number}", values), edit, self._retimed)

    def action_shift_meeting(self) -> None:
        view = self.view
        if view is None:
            return
        started = view.meeting.actual_start
        if started is None:
            self.notify(
                "The meeting has not started: it has no times to shift",
                title="Not shifted",
                severity="warning",
            )
            return

        def shift(fields: ShiftFields) -> LiveView:
            return desk_of(self).chamber.shift_meeting(
                self.meeting_id, by=fields.by, start_at=fields.start_at
            )

        ask_and_record(self, ShiftDialog(started.time()), shift, self._retimed)

    def _retimed(self, view: LiveView) -> None:
        """Redraw; and flag the items left outside the meeting's own start and end, which the
        chapters refuse, so that the clerk puts them right (one by one, or by a shift)."""
        self._drawn(view)
        outside = view.outside_span()
        if outside:
            names = ", ".join(_named(line) for line in outside[:6])
            more = f" and {len(outside) - 6} more" if len(outside) > 6 else ""
            self.notify(
                f"{names}{more}: outside the meeting's times; ctrl+t on each, or S shifts all",
                title="Times to put right",
                severity="warning",
                timeout=10,
            )


def _named(line: AgendaLine, word: str = "Item") -> str:
    item = line.item
    return f"{word} {item.number}" if item.number else f"“{item.title}”"
