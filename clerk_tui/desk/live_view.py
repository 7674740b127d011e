"""What the live screen shows of a meeting at a moment: the stored meeting (its
``MeetingSnapshot``) plus what the clock makes of it (planned times, lateness, provisional minute
numbers, quorum), recomputed for any moment with ``LiveView.at(now)`` without touching the
database, so the clock bar can tick every second. Each item's record and minutes section are
slices of the same snapshot (``minute``, ``section``): the screen reads nothing more. Pure: the
services that record are :mod:`clerk_tui.desk.chamber` and :mod:`clerk_tui.desk.attendance`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import Protocol, TypeVar

from clerk_tui import numbering, rules, timing
from clerk_tui.desk.meeting_records import item_minute, minute_numbers
from clerk_tui.minutes import MeetingRecord, Section, meeting_record, section_of
from db.chamber_views import AttendeeView, DeclarationView, roster_of
from db.decision_queries import ItemMinuteView
from db.meeting_snapshot import MeetingSnapshot
from db.views import ItemView, MeetingView, SpeakerView

__all__ = [
    "AgendaLine",
    "AttendeeView",
    "CloseResult",
    "DeclarationView",
    "ItemView",
    "LiveView",
    "MeetingView",
    "SpeakerClock",
    "TimesFields",
    "compose_live",
    "provisional_numbers",
]


# ---- read models ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AgendaLine:
    """One agenda item as the live screen shows it at a moment."""

    item: ItemView
    planned: timing.PlannedTime
    minute_number: int | None
    provisional: bool  # computed from the order taken; fixed (stored) once the meeting closes
    ran: timedelta | None  # how long it ran, or has run so far when running
    running: bool
    overrun: bool  # ran longer than planned


@dataclass(frozen=True)
class SpeakerClock:
    """The speaker being heard, at a moment: seconds spoken against the limit (0: none)."""

    speaker: SpeakerView
    spoken: int

    @property
    def limit(self) -> int:
        return self.speaker.time_limit

    @property
    def time_up(self) -> bool:
        return self.limit > 0 and self.spoken > self.limit

    @property
    def left(self) -> int:
        return max(0, self.limit - self.spoken)

    @property
    def over(self) -> int:
        return max(0, self.spoken - self.limit)


def minutes_seconds(seconds: int) -> str:
    """A speaker's time as the chair reads it: 1:42, 12:05."""
    return f"{seconds // 60}:{seconds % 60:02d}"


@dataclass(frozen=True)
class LiveView:
    snapshot: MeetingSnapshot
    roster: tuple[AttendeeView, ...]
    now: datetime
    lines: tuple[AgendaLine, ...]
    clock: timing.MeetingClock
    quorum: rules.QuorumState

    @property
    def meeting(self) -> MeetingView:
        return self.snapshot.meeting

    @property
    def declarations(self) -> tuple[DeclarationView, ...]:
        return self.snapshot.declarations

    def minute(self, item_id: int) -> ItemMinuteView:
        """Everything recorded on the item, as the record pane lists it."""
        return item_minute(self.snapshot, item_id, self._numbers)

    def section(self, item_id: int) -> Section | None:
        """What the minutes say (or will say) under the item: the blocks the pane shows."""
        return section_of(self._minutes_record, item_id)

    @cached_property
    def _numbers(self) -> dict[int, int]:
        return minute_numbers(self.snapshot)

    @cached_property
    def _minutes_record(self) -> MeetingRecord:
        """The minutes' input, worked out once however many items the screen shows."""
        return meeting_record(self.snapshot)

    @property
    def started(self) -> bool:
        return self.meeting.actual_start is not None

    @property
    def closed(self) -> bool:
        return self.meeting.status == "closed"

    @property
    def running_item_id(self) -> int | None:
        index = self.clock.current_index
        return None if index is None or self.closed else self.lines[index].item.id

    def line(self, item_id: int | None) -> AgendaLine | None:
        return next((line for line in self.lines if line.item.id == item_id), None)

    @property
    def speaker(self) -> SpeakerClock | None:
        """The speaker whose timer runs (one at a time in a meeting), at ``now``; none once
        the meeting is closed."""
        if self.closed:
            return None
        running = next((s for s in self.snapshot.speakers if s.running), None)
        return None if running is None else SpeakerClock(running, running.spoken(self.now))

    def speakers_on(self, item_id: int | None) -> tuple[SpeakerView, ...]:
        return self.snapshot.speakers_on(item_id)

    def declarations_on(self, item_id: int | None) -> list[DeclarationView]:
        return [d for d in self.declarations if d.item_id == item_id]

    def arrivals_on(self, item_id: int | None) -> list[AttendeeView]:
        return [a for a in self.roster if item_id is not None and a.arrived_item_id == item_id]

    def departures_on(self, item_id: int | None) -> list[AttendeeView]:
        return [a for a in self.roster if item_id is not None and a.left_item_id == item_id]

    def counts(self) -> dict[str, int]:
        """How many are in the room, have left, sent apologies, are absent or not marked."""
        out = {"in room": 0, "left": 0, "apologies": 0, "absent": 0, "not marked": 0}
        for attendee in self.roster:
            if attendee.status == "present":
                out["in room" if attendee.in_room else "left"] += 1
            else:
                out[attendee.status or "not marked"] += 1
        return out

    def next_up(self) -> AgendaLine | None:
        """The item ``]`` starts: the next pending one after the running (or last begun) item
        in agenda order, else the first one skipped earlier."""
        item = upcoming(self.meeting.items)
        return None if item is None else self.line(item.id)

    def suggested_time(self, item_id: int | None) -> time:
        """What a meeting minuted after the event offers as the time a clock key acts: the
        item's place in the plan (``item_id`` None: the running item's planned end), unless
        the meeting has already passed it, then the latest time recorded (the item before's
        end or start); the scheduled start before anything is recorded."""
        meeting = self.meeting
        line = self.line(item_id if item_id is not None else self.running_item_id)
        planned = datetime.combine(meeting.date, meeting.scheduled_start)
        if line is not None:
            planned = datetime.combine(meeting.date, line.planned.at)
            if item_id is None:
                planned += line.planned.duration
        planned = planned.replace(second=0, microsecond=0)  # a derived ~13:31:15 offers 13:31
        if meeting.actual_start is None:
            return planned.time()
        return max(planned, latest_recorded(meeting)).time()

    def outside_span(self) -> list[AgendaLine]:
        """Items whose recorded times fall outside the meeting's own start and end (once
        corrected one by one, or shifted): flagged, and refused by the chapters."""
        start, end = self.meeting.actual_start, self.meeting.actual_end
        if start is None:
            return []
        out = []
        for line in self.lines:
            times = [t for t in _times(line.item) if t is not None]
            if any(t < start or (end is not None and t > end) for t in times):
                out.append(line)
        return out

    def at(self, now: datetime) -> LiveView:
        """The same record seen at another moment (the clock bar's tick)."""
        return compose_live(self.snapshot, now, roster=self.roster)


@dataclass(frozen=True)
class TimesFields:
    """Times the clerk edits explicitly after the event (None: no time)."""

    item_start: time | None
    item_end: time | None
    meeting_start: time | None
    meeting_end: time | None


@dataclass(frozen=True)
class CloseResult:
    view: LiveView
    numbered: int  # items given a minute number
    backup: Path | None
    backup_problem: str = ""


def compose_live(
    snapshot: MeetingSnapshot, now: datetime, *, roster: tuple[AttendeeView, ...] | None = None
) -> LiveView:
    """What the clock makes of a stored meeting at ``now``: pure arithmetic, no I/O
    (``roster``: the snapshot's, when already worked out)."""
    meeting = snapshot.meeting
    roster = roster_of(snapshot) if roster is None else roster
    items = meeting.items
    closed = meeting.status == "closed"
    after_the_event = meeting.timing == "after-the-event"
    # Lateness against the wall clock only where the wall clock is the meeting's: live, not
    # closed, and begun (or due) today; a 2022 meeting opened in 2026 is not "82 min late".
    against_now = (
        not after_the_event
        and not closed
        and (meeting.actual_start is not None or now.date() == meeting.date)
    )
    now = datetime.combine(meeting.date, now.time())  # the chamber clock, see chamber_time
    if closed and meeting.actual_end:
        clock_now = meeting.actual_end  # a closed meeting's clock stops: its figures stay put
    elif after_the_event:
        clock_now = latest_recorded(meeting)  # no clock to read: the last time the clerk gave
    else:
        clock_now = now
    clock = timing.meeting_status(
        [
            timing.ItemTiming(
                approximate=item.approximate_time,
                actual_start=item.actual_start,
                actual_end=item.actual_end,
                state=timing.ItemState(item.state),
            )
            for item in items
        ],
        scheduled_start=datetime.combine(meeting.date, meeting.scheduled_start),
        actual_start=meeting.actual_start,
        now=clock_now,
        against_now=against_now,
        ended=meeting.actual_end if closed else None,
    )
    numbers = (
        {item.id: item.minute_number for item in items if item.minute_number is not None}
        if closed
        else provisional_numbers(items, meeting.body.next_minute_number)
    )
    lines = []
    for index, (item, planned) in enumerate(zip(items, clock.planned, strict=True)):
        running = index == clock.current_index and not closed
        ran = None
        if item.actual_start is not None:
            end = item.actual_end or (clock.now if running else None)
            ran = end - item.actual_start if end is not None else None
        lines.append(
            AgendaLine(
                item=item,
                planned=planned,
                minute_number=numbers.get(item.id),
                provisional=not closed,
                ran=ran,
                running=running,
                overrun=ran is not None and ran > planned.duration,
            )
        )
    present = sum(1 for attendee in roster if attendee.counts_for_quorum)
    return LiveView(
        snapshot=snapshot,
        roster=roster,
        now=now,
        lines=tuple(lines),
        clock=clock,
        quorum=rules.quorum_state(present, meeting.body.quorum),
    )


class Placed(Protocol):
    """An agenda item as the next-item rule sees it (a stored row or its read model)."""

    @property
    def position(self) -> int: ...
    @property
    def state(self) -> str: ...
    @property
    def actual_start(self) -> datetime | None: ...


P = TypeVar("P", bound=Placed)


def upcoming(items: Sequence[P]) -> P | None:
    """The item ``]`` starts: the next pending one after the anchor (the running item, else
    the one begun most recently) in agenda order, else the first pending one before it."""
    items = sorted(items, key=lambda it: it.position)
    anchor = next((it for it in items if it.state == "running"), None)
    if anchor is None:
        begun = [it for it in items if it.actual_start is not None]
        anchor = max(begun, key=lambda it: (it.actual_start, it.position)) if begun else None
    after = [it for it in items if anchor is None or it.position > anchor.position]
    before = [it for it in items if anchor is not None and it.position <= anchor.position]
    return next((it for it in [*after, *before] if it.state == "pending"), None)


def latest_recorded(meeting: MeetingView) -> datetime:
    """The latest time recorded in the meeting (its start, any item's start or end), or its
    scheduled start: where a meeting minuted after the event stands, with no clock to read."""
    moments = [meeting.actual_start, *(t for it in meeting.items for t in _times(it))]
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else datetime.combine(meeting.date, meeting.scheduled_start)


def _times(item: ItemView) -> tuple[datetime | None, datetime | None]:
    return item.actual_start, item.actual_end


def provisional_numbers(items: Iterable[ItemView], next_number: int) -> dict[int, int]:
    return numbering.assign_minute_numbers(
        [numbering.NumberingItem(item.id, item.actual_start, item.state) for item in items],
        next_number,
    )
