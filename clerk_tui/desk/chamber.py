"""In the chamber: starting and ending the meeting and its items, and its times.

Every public method that changes something is one clerk action: one transaction (with the
meeting's id, so undo finds it in the meeting's audit trail) that is committed before the
method returns, and returns the meeting as committed, seen now (a ``LiveView``,
:mod:`clerk_tui.desk.live_view`). Attendance and declarations are
:mod:`clerk_tui.desk.attendance`.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

from clerk_tui import numbering
from clerk_tui.desk import retiming
from clerk_tui.desk.live_action import (
    chamber_time,
    item_label,
    item_of,
    latest_recorded,
    live_action,
    running_item,
)
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
    upcoming,
)
from clerk_tui.desk.minutes_life import apply_confirmations
from clerk_tui.desk.speakers import stop_speaker
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
    def start_item(
        self, meeting_id: int, item_id: int, *, at: time | None = None, timing: str | None = None
    ) -> LiveView:
        """``s``: open the meeting if it has not begun, then start this item now; the item
        running until now ends at this moment. A taken item resumes (its start kept); a
        deferred or withdrawn one is taken after all. ``timing`` (as the meeting opens) says
        how it is minuted, stored in the same transaction; after the event ``at`` is the time
        the clerk gives, as no clock is read."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if timing is not None:
                _choose_timing(changes, meeting, timing)
            moment = _moment(changes, meeting, at)
            _open_meeting(changes, meeting, moment)
            item = item_of(changes.session, meeting_id, item_id)
            if item.state == "running":
                raise ClerkError(f"{item_label(item)} is already running")
            _end_running(changes, meeting_id, moment)
            _begin(changes, item, moment)
        return committed.seen_at(self.store.now())

    def next_item(self, meeting_id: int, *, at: time | None = None) -> LiveView:
        """``]``: end the running item and start the next item still pending, in agenda order
        after it (or, if none is left after it, the first one skipped earlier). It never starts
        the meeting: that is ``s``, on the item the chair opens with. After the event ``at``
        is the time the clerk gives."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: press s to start the meeting")
            moment = _moment(changes, meeting, at)
            following = upcoming(queries.items(changes.session, meeting_id))
            ended = _end_running(changes, meeting_id, moment)
            if following is None:
                if ended is None:
                    raise ClerkError("every item has been dealt with: press e to end the meeting")
            else:
                _begin(changes, following, moment)
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
                    stop_speaker(changes, item_id, end)
                changes.update(item, f"{item_label(item)} {state}", state=state, actual_end=end)
        return committed.seen_at(self.store.now())

    def close_meeting(self, meeting_id: int, *, at: time | None = None) -> CloseResult:
        """``e``: end the meeting now, in one transaction: the running item ends, the items
        taken get their minute numbers for good (and so do the tracker actions raised on
        them), the body's counter moves on. Then a backup is taken, as PRODUCT.md §7 asks.
        ``at``: the time it ended, as the clerk gives it after the event (without one, a
        meeting minuted after the event ends at the latest time recorded in it)."""
        with live_action(self.store, meeting_id) as (changes, committed):
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: there is nothing to end")
            ended = chamber_time(meeting, changes) if at is None else _moment(changes, meeting, at)
            ended = max(ended, meeting.actual_start)
            _end_running(changes, meeting_id, ended)
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
                actual_end=ended,
            )
            # A confirmation typed in a way the clerk did not mark is still recognised.
            apply_confirmations(changes, meeting_id)
        backup, problem = self._backup_after_closing()
        return CloseResult(committed.seen_at(self.store.now()), len(numbers), backup, problem)

    def edit_times(self, meeting_id: int, item_id: int | None, fields: TimesFields) -> LiveView:
        """``ctrl+t``: the clerk corrects times explicitly (after the event, or a late key
        press), checked together as they will stand. Minute numbers already fixed by closing
        stay as they are."""
        with live_action(self.store, meeting_id) as (changes, committed):
            retiming.edit_times(changes, meeting_id, item_id, fields)
        return committed.seen_at(self.store.now())

    def shift_meeting(
        self, meeting_id: int, *, by: timedelta | None = None, start_at: time | None = None
    ) -> LiveView:
        """Shift the whole meeting: every time recorded in it moves by one offset (``by``, or
        what takes its start to ``start_at``), in one transaction that one undo takes back."""
        with live_action(self.store, meeting_id) as (changes, committed):
            retiming.shift_meeting(changes, meeting_id, by=by, start_at=start_at)
        return committed.seen_at(self.store.now())

    def _backup_after_closing(self) -> tuple[Path | None, str]:
        from db.backup import backup_database, default_backup_dir, free_backup_path

        source = self.store.database.path
        target = free_backup_path(source, default_backup_dir(source), self.store.now(), "closed")
        try:
            return backup_database(source, target), ""
        except StorageError as error:
            return None, str(error)


def _open_meeting(changes: Changes, meeting: models.Meeting, at: datetime) -> None:
    """The meeting, started at ``at`` if it had not begun (status live)."""
    if meeting.actual_start is None:
        changes.update(meeting, "meeting started", status="live", actual_start=at)


def _choose_timing(changes: Changes, meeting: models.Meeting, timing: str) -> None:
    if timing not in models.TIMINGS:
        raise ClerkError(f"{timing!r} is not a way of minuting: live or after-the-event")
    if timing == meeting.timing:
        return
    if meeting.actual_start is not None:
        raise ClerkError("the meeting has started: how it is minuted was settled then")
    changes.update(meeting, f"minuted {timing.replace('-', ' ')}", timing=timing)


def _moment(changes: Changes, meeting: models.Meeting, at: time | None) -> datetime:
    """When a clock key acts: the chamber clock, or the time the clerk gave (after the event,
    where there is no clock), which may not go back before what is already recorded."""
    if at is None:
        if meeting.timing == "after-the-event":
            raise ClerkError("this meeting is minuted after the event: give the time", where="time")
        return chamber_time(meeting, changes)
    moment = datetime.combine(meeting.date, at)
    if meeting.actual_start is not None:
        latest = latest_recorded(changes.session, meeting)
        if moment < latest:
            raise ClerkError(
                f"{at:%H:%M} is before {latest:%H:%M}, the latest time already recorded: "
                "times go forward (ctrl+t corrects those recorded)",
                where="time",
            )
    return moment


def _end_running(changes: Changes, meeting_id: int, at: datetime) -> models.AgendaItem | None:
    running = None
    for item in queries.items(changes.session, meeting_id):
        if item.state == "running":
            end = max(at, item.actual_start or at)
            changes.update(item, f"{item_label(item)} ended", state="taken", actual_end=end)
            stop_speaker(changes, item.id or 0, end)
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


def _refuse_closed(meeting: models.Meeting) -> None:
    if meeting.status == "closed":
        raise ClerkError("the meeting is closed: its times change only by ctrl+t or S")
