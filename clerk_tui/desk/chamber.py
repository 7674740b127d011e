"""In the chamber: starting and ending the meeting and its items, and its times.

Every public method that changes something is one clerk action: one transaction (with the
meeting's id, so undo finds it in the meeting's audit trail) that is committed before the
method returns, and returns the meeting as committed, seen now (a ``LiveView``,
:mod:`clerk_tui.desk.live_view`). Attendance and declarations are
:mod:`clerk_tui.desk.attendance`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from clerk_tui import numbering
from clerk_tui.desk.live_action import chamber_time, item_label, item_of, live_action, running_item
from clerk_tui.desk.live_view import (
    AgendaLine,
    AttendeeView,
    CloseResult,
    DeclarationView,
    ItemView,
    LiveView,
    MeetingView,
    TimesFields,
    compose_live,
    provisional_numbers,
)
from clerk_tui.desk.minutes_life import apply_confirmations
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.errors import ClerkError
from db import chamber_queries, models, queries
from db.errors import StorageError
from db.snapshot import read_meeting
from db.views import PersonView

# The read models stay importable from here, where the screens have always found them.
__all__ = [
    "AgendaLine",
    "AttendeeView",
    "ChamberService",
    "CloseResult",
    "DeclarationView",
    "ItemView",
    "LiveView",
    "MeetingView",
    "PersonView",
    "TimesFields",
]

SETTLED = ("deferred", "withdrawn")


class ChamberService:
    """``desk.chamber``: the meeting and its items as the chair takes them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- reads -------------------------------------------------------------------------
    def live(self, meeting_id: int) -> LiveView:
        with self.store.reading() as session:
            snapshot = read_meeting(session, meeting_id)
        if snapshot is None:
            raise ClerkError(f"there is no meeting {meeting_id}")
        return compose_live(snapshot, self.store.now())

    # ---- the meeting and its items -------------------------------------------------------
    def start_item(self, meeting_id: int, item_id: int) -> LiveView:
        """``s``: open the meeting if it has not begun, then start this item now; the item
        running until now ends at this moment. A taken item resumes (its start kept); a
        deferred or withdrawn one is taken after all."""
        with live_action(self.store, meeting_id) as (changes, committed):
            at = chamber_time(_open_meeting(changes, meeting_id), changes)
            item = item_of(changes.session, meeting_id, item_id)
            if item.state == "running":
                raise ClerkError(f"{item_label(item)} is already running")
            _end_running(changes, meeting_id, at)
            _begin(changes, item, at)
        return committed.seen_at(self.store.now())

    def next_item(self, meeting_id: int) -> LiveView:
        """``]``: end the running item and start the next item still pending, in agenda order
        after it (or, if none is left after it, the first one skipped earlier). It never starts
        the meeting: that is ``s``, on the item the chair opens with."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: press s to start the meeting")
            at = chamber_time(meeting, changes)
            items = queries.items(changes.session, meeting_id)
            anchor = _anchor(items)
            after = [it for it in items if anchor is None or it.position > anchor.position]
            before = [it for it in items if anchor is not None and it.position <= anchor.position]
            upcoming = next((it for it in [*after, *before] if it.state == "pending"), None)
            ended = _end_running(changes, meeting_id, at)
            if upcoming is None:
                if ended is None:
                    raise ClerkError("every item has been dealt with: press e to end the meeting")
            else:
                _begin(changes, upcoming, at)
        return committed.seen_at(self.store.now())

    def previous_item(self, meeting_id: int) -> LiveView:
        """``[``: go back to the item taken before the running one, which runs again (its
        start kept). The running item goes back to pending with its times cleared: the chair
        has not dealt with it yet (what was recorded on it stays with it)."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: press s to start it")
            items = queries.items(changes.session, meeting_id)
            running = running_item(items)
            taken = sorted(
                (it for it in items if it.state == "taken" and it.actual_start is not None),
                key=lambda it: (it.actual_start, it.position),
            )
            if running is not None and running.actual_start is not None:
                mark = (running.actual_start, running.position)
                taken = [it for it in taken if (it.actual_start, it.position) < mark]
            if not taken:
                raise ClerkError("no item has been taken before this one")
            back = taken[-1]
            if running is not None:
                changes.update(
                    running,
                    f"{item_label(running)} not yet taken (went back to {item_label(back)})",
                    state="pending",
                    actual_start=None,
                    actual_end=None,
                )
            changes.update(back, f"{item_label(back)} resumed", state="running", actual_end=None)
        return committed.seen_at(self.store.now())

    def settle_item(self, meeting_id: int, item_id: int, state: str) -> LiveView:
        """``x``: defer or withdraw an item (a running one ends now); or put a deferred or
        withdrawn item back ("pending", or "taken" if it had run)."""
        if state not in ("deferred", "withdrawn", "pending"):
            raise ClerkError(f"{state!r} is not something an item can be made")
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            item = item_of(changes.session, meeting_id, item_id)
            if state == "pending":
                if item.state not in SETTLED:
                    raise ClerkError(f"{item_label(item)} is not deferred or withdrawn")
                back = "taken" if item.actual_end is not None else "pending"
                changes.update(item, f"{item_label(item)} back on the agenda", state=back)
            else:
                if item.state == state:
                    raise ClerkError(f"{item_label(item)} is already {state}")
                end = item.actual_end
                if item.state == "running":
                    end = max(chamber_time(meeting, changes), item.actual_start or changes.at)
                changes.update(item, f"{item_label(item)} {state}", state=state, actual_end=end)
        return committed.seen_at(self.store.now())

    def close_meeting(self, meeting_id: int) -> CloseResult:
        """``e``: end the meeting now, in one transaction: the running item ends, the items
        taken get their minute numbers for good (and so do the tracker actions raised on
        them), the body's counter moves on. Then a backup is taken, as PRODUCT.md §7 asks."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: there is nothing to end")
            at = max(chamber_time(meeting, changes), meeting.actual_start)
            _end_running(changes, meeting_id, at)
            body = get(changes.session, models.Body, meeting.body_id, "body")
            items = queries.items(changes.session, meeting_id)
            numbers = provisional_numbers(
                [queries.item_view(it) for it in items], body.next_minute_number
            )
            for item in items:
                if item.minute_number != numbers.get(item.id or 0):
                    changes.update(
                        item,
                        f"{item_label(item)} minute {numbers.get(item.id or 0)}",
                        minute_number=numbers.get(item.id or 0),
                    )
            for action in chamber_queries.actions_of_meeting_items(changes.session, meeting_id):
                number = numbers.get(action.item_id or 0)
                if action.minute_number != number:
                    changes.update(action, f"action minute {number}", minute_number=number)
            changes.update(
                body,
                "next minute number moved on",
                next_minute_number=numbering.next_counter_after(
                    numbers.values(), body.next_minute_number
                ),
            )
            changes.update(
                meeting,
                "meeting closed",
                status="closed",
                actual_end=at,
            )
            # A confirmation typed in a way the clerk did not mark is still recognised.
            apply_confirmations(changes, meeting_id)
        backup, problem = self._backup_after_closing()
        return CloseResult(committed.seen_at(self.store.now()), len(numbers), backup, problem)

    def edit_times(self, meeting_id: int, item_id: int | None, fields: TimesFields) -> LiveView:
        """``ctrl+t``: the clerk corrects times explicitly (after the event, or a late key
        press). Minute numbers already fixed by closing stay as they are."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            day = meeting.date
            start = _on(day, fields.meeting_start)
            end = _on(day, fields.meeting_end)
            if meeting.actual_start is not None and start is None:
                raise ClerkError("the meeting has started: it keeps a start time", where="start")
            if meeting.actual_start is None and start is not None:
                raise ClerkError("the meeting has not started: press s to start it", where="start")
            if meeting.status == "closed" and end is None:
                raise ClerkError("a closed meeting keeps its end time", where="end")
            if meeting.status != "closed" and end is not None:
                raise ClerkError("the meeting has not ended: press e to end it", where="end")
            if start is not None and end is not None and end < start:
                raise ClerkError("the meeting cannot end before it starts", where="end")
            if (start, end) != (meeting.actual_start, meeting.actual_end):
                changes.update(meeting, "meeting times edited", actual_start=start, actual_end=end)
            if item_id is not None:
                _edit_item_times(changes, meeting_id, item_id, fields)
        return committed.seen_at(self.store.now())

    def _backup_after_closing(self) -> tuple[Path | None, str]:
        from db.backup import backup_database, default_backup_dir, free_backup_path

        source = self.store.database.path
        target = free_backup_path(source, default_backup_dir(source), self.store.now(), "closed")
        try:
            return backup_database(source, target), ""
        except StorageError as error:
            return None, str(error)


def _open_meeting(changes: Changes, meeting_id: int) -> models.Meeting:
    """The meeting, started now if it had not begun (status live)."""
    meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
    _refuse_closed(meeting)
    if meeting.actual_start is None:
        changes.update(
            meeting,
            "meeting started",
            status="live",
            actual_start=chamber_time(meeting, changes),
        )
    return meeting


def _end_running(changes: Changes, meeting_id: int, at: datetime) -> models.AgendaItem | None:
    running = None
    for item in queries.items(changes.session, meeting_id):
        if item.state == "running":
            end = max(at, item.actual_start or at)
            changes.update(item, f"{item_label(item)} ended", state="taken", actual_end=end)
            running = item
    return running


def _begin(changes: Changes, item: models.AgendaItem, at: datetime) -> None:
    if item.state == "taken" and item.actual_start is not None:
        changes.update(item, f"{item_label(item)} resumed", state="running", actual_end=None)
    else:
        changes.update(
            item,
            f"{item_label(item)} started",
            state="running",
            actual_start=at,
            actual_end=None,
        )


def _edit_item_times(changes: Changes, meeting_id: int, item_id: int, fields: TimesFields) -> None:
    item = item_of(changes.session, meeting_id, item_id)
    meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
    start = _on(meeting.date, fields.item_start)
    end = _on(meeting.date, fields.item_end)
    if item.actual_start is None:
        if start is not None or end is not None:
            raise ClerkError(
                f"{item_label(item)} was not taken: it has no times to edit", where="item start"
            )
        return
    if start is None:
        raise ClerkError(f"{item_label(item)} was taken: it keeps a start time", where="item start")
    if item.state == "running" and end is not None:
        raise ClerkError(
            f"{item_label(item)} is still running: start the next item to end it",
            where="item end",
        )
    if item.state != "running" and item.actual_end is not None and end is None:
        raise ClerkError(f"{item_label(item)} has ended: it keeps an end time", where="item end")
    if end is not None and end < start:
        raise ClerkError("an item cannot end before it starts", where="item end")
    # The meeting's times were set first, in the same transaction: the item sits inside.
    if meeting.actual_start is not None and start < meeting.actual_start:
        raise ClerkError(
            f"{item_label(item)} cannot start before the meeting did "
            f"({meeting.actual_start:%H:%M})",
            where="item start",
        )
    if meeting.actual_end is not None and (end or start) > meeting.actual_end:
        raise ClerkError(
            f"{item_label(item)} cannot run past the end of the meeting "
            f"({meeting.actual_end:%H:%M})",
            where="item end",
        )
    if (start, end) != (item.actual_start, item.actual_end):
        changes.update(item, f"{item_label(item)} times edited", actual_start=start, actual_end=end)


def _refuse_closed(meeting: models.Meeting) -> None:
    if meeting.status == "closed":
        raise ClerkError("the meeting is closed: its times change only through ctrl+t (edit times)")


def _anchor(items: list[models.AgendaItem]) -> models.AgendaItem | None:
    """Where ``]`` counts "next" from: the running item, else the item begun most recently."""
    running = running_item(items)
    if running is not None:
        return running
    begun = [it for it in items if it.actual_start is not None]
    return max(begun, key=lambda it: (it.actual_start, it.position)) if begun else None


def _on(day: date, moment: time | None) -> datetime | None:
    return None if moment is None else datetime.combine(day, moment)
