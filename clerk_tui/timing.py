"""Planned times, lateness and projected close for the live screen's clock bar: pure, no I/O.

"Now" is always an argument, never read from the system clock, so the screen can inject a
fake clock in tests and the arithmetic here can be pinned down to the second.

Planning rules (PRODUCT.md §3 "Timings"):

* An item with an approximate time on the agenda is planned at that time ("given").
* Items between two given times share the gap evenly ("derived"). Times are kept to the
  whole second and not rounded to the minute: 13:30, -, -, -, 13:35 plans the middle items
  at 13:31:15, 13:32:30 and 13:33:45, so the spacing stays even and durations add up exactly.
  Screens show HH:MM and mark derived times (e.g. with "~") to tell them apart.
* Items before the first given time are spread from the meeting's scheduled start (or from
  that first time, if it is earlier) up to it.
* Items after the last given time are spread up to the planned close when one is given;
  otherwise each gets ``DEFAULT_SLOT`` (5 minutes) after the one before.
* An item's planned duration runs until the next item's planned start; the last item's runs
  until the planned close when given, otherwise ``DEFAULT_SLOT``.
* Given times out of order never make a negative gap: a derived time never falls before the
  previous anchor and a duration is never negative.

Meetings are assumed to end on the day they start; a derived time past midnight wraps round
in ``PlannedTime.at`` but the datetimes in ``MeetingClock`` stay correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from itertools import pairwise

__all__ = [
    "DEFAULT_SLOT",
    "ItemState",
    "ItemTiming",
    "MeetingClock",
    "PlannedTime",
    "format_duration",
    "format_lateness",
    "format_minutes",
    "meeting_status",
    "planned_times",
]

DEFAULT_SLOT = timedelta(minutes=5)
_DAY_SECONDS = 24 * 60 * 60


class ItemState(StrEnum):
    """Where an agenda item stands during the meeting. Values are what the database stores."""

    PENDING = "pending"  # still to come
    RUNNING = "running"  # the current item
    TAKEN = "taken"  # done; it gets a minute number
    DEFERRED = "deferred"  # put off to a later meeting; no minute number
    WITHDRAWN = "withdrawn"  # dropped; no minute number


@dataclass(frozen=True)
class ItemTiming:
    """One agenda item as the clock sees it, in agenda order."""

    approximate: time | None = None
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    state: ItemState = ItemState.PENDING

    @property
    def running(self) -> bool:
        """Started and not yet ended, deferred or withdrawn: the current item.

        Tolerates a caller that sets the start time but leaves the state at "pending".
        """
        if self.actual_start is None:
            return False
        state = ItemState(self.state)
        return state is ItemState.RUNNING or (
            state is ItemState.PENDING and self.actual_end is None
        )

    @property
    def to_come(self) -> bool:
        """Still ahead of the meeting: counts towards the projected close.

        An item marked running with no start time recorded is treated as not yet begun.
        """
        state = ItemState(self.state)
        return state in (ItemState.PENDING, ItemState.RUNNING) and self.actual_start is None


@dataclass(frozen=True)
class PlannedTime:
    """An item's planned start and duration; ``given`` is False when the time was derived."""

    at: time
    given: bool
    duration: timedelta


def planned_times(
    approximate: Sequence[time | None],
    scheduled_start: time,
    *,
    planned_close: time | None = None,
    default_slot: timedelta = DEFAULT_SLOT,
) -> list[PlannedTime]:
    """Plan every item from the agenda's approximate times (see the module docstring)."""
    starts, durations = _plan_seconds(
        approximate, scheduled_start, planned_close=planned_close, default_slot=default_slot
    )
    return [
        PlannedTime(
            at=_time_of_day(start),
            given=given is not None,
            duration=timedelta(seconds=duration),
        )
        for start, duration, given in zip(starts, durations, approximate, strict=True)
    ]


def _seconds(moment: time) -> int:
    """Seconds since midnight, dropping microseconds: agendas are minute-level anyway."""
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _time_of_day(seconds: int) -> time:
    seconds %= _DAY_SECONDS
    return time(seconds // 3600, seconds // 60 % 60, seconds % 60)


def _spread(left: int, right: int, steps: int) -> list[int]:
    """``steps - 1`` evenly spaced points strictly between left and right (never backwards)."""
    gap = max(0, right - left)
    return [left + gap * k // steps for k in range(1, steps)]


def _plan_seconds(
    approximate: Sequence[time | None],
    scheduled_start: time,
    *,
    planned_close: time | None,
    default_slot: timedelta,
) -> tuple[list[int], list[int]]:
    """Planned starts and durations in seconds since midnight of the meeting day."""
    count = len(approximate)
    if count == 0:
        return [], []
    slot = int(default_slot.total_seconds())
    start = _seconds(scheduled_start)
    close = _seconds(planned_close) if planned_close is not None else None
    anchors = [(i, _seconds(t)) for i, t in enumerate(approximate) if t is not None]

    starts: list[int] = [0] * count
    for i, seconds in anchors:
        starts[i] = seconds

    if not anchors:
        # Nothing given: start on time and spread to the close, or a slot each.
        if close is not None:
            starts[:] = [start, *_spread(start, close, count)]
        else:
            starts[:] = [start + slot * i for i in range(count)]
    else:
        first_index, first_seconds = anchors[0]
        if first_index > 0:
            left = min(start, first_seconds)
            starts[:first_index] = [left, *_spread(left, first_seconds, first_index)]
        for (a, a_seconds), (b, b_seconds) in pairwise(anchors):
            starts[a + 1 : b] = _spread(a_seconds, b_seconds, b - a)
        last_index, last_seconds = anchors[-1]
        tail = count - 1 - last_index
        if tail:
            if close is not None:
                starts[last_index + 1 :] = _spread(last_seconds, close, tail + 1)
            else:
                starts[last_index + 1 :] = [last_seconds + slot * k for k in range(1, tail + 1)]

    durations = [max(0, after - before) for before, after in pairwise(starts)]
    durations.append(max(0, close - starts[-1]) if close is not None else slot)
    return starts, durations


@dataclass(frozen=True)
class MeetingClock:
    """Everything the clock bar shows, computed for one moment ``now``.

    ``lateness`` is positive when the meeting runs late. It compares the current item's actual
    start with its planned start; between items, now with the next item's planned start (as if
    it started now); once every item is settled, the last item's actual end with its planned
    end; before the meeting opens, now with the scheduled start (never "early": a meeting that
    has not started is at best on time).

    ``projected_close`` is now (or the scheduled start, if that is later and the meeting has
    not begun) plus what is left of the current item's plan plus the planned durations of the
    items still to come; taken, deferred and withdrawn items add nothing.
    """

    now: datetime
    started: bool
    elapsed: timedelta  # since the actual start; zero before it
    current_index: int | None
    current_elapsed: timedelta | None  # how long the current item has run
    current_planned: timedelta | None  # its planned duration
    overrun: bool  # the current item has run longer than planned
    lateness: timedelta
    lateness_minutes: int  # whole minutes, towards zero: 59 seconds late is "on time"
    projected_close: datetime
    planned_close: datetime
    planned: tuple[PlannedTime, ...]
    planned_starts: tuple[datetime, ...]
    # False when nothing recorded says how late the meeting runs and "now" is no measure of it
    # (minuted after the event, closed, or not begun on another day): then there is no claim.
    judged: bool = True
    # True once the meeting has closed: then ``lateness`` is how its end stood to the planned
    # close (what it was), not how late its last item ran.
    ended: bool = False

    @property
    def overrun_by(self) -> timedelta:
        """How far the current item is past its plan (zero when within it or none running)."""
        if self.current_elapsed is None or self.current_planned is None:
            return timedelta(0)
        return max(timedelta(0), self.current_elapsed - self.current_planned)

    @property
    def lateness_text(self) -> str:
        if self.ended:
            return format_ended(self.lateness_minutes)
        return format_lateness(self.lateness_minutes) if self.judged else ""


def meeting_status(
    items: Sequence[ItemTiming],
    *,
    scheduled_start: datetime,
    actual_start: datetime | None,
    now: datetime,
    planned_close: time | None = None,
    default_slot: timedelta = DEFAULT_SLOT,
    against_now: bool = True,
    ended: datetime | None = None,
) -> MeetingClock:
    """The clock bar's figures for ``now``; ``items`` in agenda order. ``against_now`` False:
    ``now`` is no wall clock (a meeting minuted after the event, or closed), so lateness is
    measured only from recorded times, and not claimed where only "now" could measure it.
    ``ended``: the closed meeting's end, which its lateness is then measured by."""
    starts, durations = _plan_seconds(
        [item.approximate for item in items],
        scheduled_start.time(),
        planned_close=planned_close,
        default_slot=default_slot,
    )
    midnight = datetime.combine(scheduled_start.date(), time(0), tzinfo=scheduled_start.tzinfo)
    planned_starts = [midnight + timedelta(seconds=s) for s in starts]
    planned_lengths = [timedelta(seconds=d) for d in durations]
    planned_end = planned_starts[-1] + planned_lengths[-1] if items else scheduled_start

    current = _current_index(items)
    current_elapsed = current_planned = None
    remainder = timedelta(0)
    if current is not None:
        began = items[current].actual_start
        assert began is not None  # a running item has started
        current_elapsed = max(timedelta(0), now - began)
        current_planned = planned_lengths[current]
        remainder = max(timedelta(0), current_planned - current_elapsed)

    to_come = sum(
        (length for item, length in zip(items, planned_lengths, strict=True) if item.to_come),
        timedelta(0),
    )
    base = now if actual_start is not None else max(now, scheduled_start)
    if actual_start is None and not against_now:
        base = scheduled_start  # no clock to count from: as if it opened on time
    lateness = _lateness(
        items,
        current=current,
        planned_starts=planned_starts,
        planned_lengths=planned_lengths,
        scheduled_start=scheduled_start,
        actual_start=actual_start,
        now=now if against_now else None,
    )
    if ended is not None:
        lateness = ended - planned_end
    return MeetingClock(
        now=now,
        started=actual_start is not None,
        elapsed=max(timedelta(0), now - actual_start) if actual_start else timedelta(0),
        current_index=current,
        current_elapsed=current_elapsed,
        current_planned=current_planned,
        overrun=current_elapsed is not None
        and current_planned is not None
        and current_elapsed > current_planned,
        lateness=lateness or timedelta(0),
        lateness_minutes=int((lateness or timedelta(0)) / timedelta(minutes=1)),
        projected_close=base + remainder + to_come,
        planned_close=planned_end,
        planned=tuple(
            PlannedTime(_time_of_day(s), item.approximate is not None, length)
            for s, item, length in zip(starts, items, planned_lengths, strict=True)
        ),
        planned_starts=tuple(planned_starts),
        judged=lateness is not None,
        ended=ended is not None,
    )


def _current_index(items: Sequence[ItemTiming]) -> int | None:
    """The running item; if the data shows more than one, the one started last."""
    running = [i for i, item in enumerate(items) if item.running]
    if not running:
        return None
    return max(running, key=lambda i: (items[i].actual_start, i))


def _lateness(
    items: Sequence[ItemTiming],
    *,
    current: int | None,
    planned_starts: Sequence[datetime],
    planned_lengths: Sequence[timedelta],
    scheduled_start: datetime,
    actual_start: datetime | None,
    now: datetime | None,
) -> timedelta | None:
    """How late the meeting runs; None when only ``now`` could say and it is no measure."""
    if actual_start is None:
        return None if now is None else max(timedelta(0), now - scheduled_start)
    if current is not None:
        began = items[current].actual_start
        assert began is not None
        return began - planned_starts[current]
    upcoming = [i for i, item in enumerate(items) if item.to_come]
    if upcoming and now is not None:
        return now - planned_starts[upcoming[0]]
    finished = [i for i, item in enumerate(items) if item.actual_end is not None]
    if finished:
        last = max(finished, key=lambda i: (items[i].actual_end, i))
        ended = items[last].actual_end
        assert ended is not None
        return ended - (planned_starts[last] + planned_lengths[last])
    return timedelta(0) if now is not None else None


# --------------------------------------------------------------------------------------------
# Text for the clock bar
# --------------------------------------------------------------------------------------------


def format_lateness(minutes: int) -> str:
    """'12 min late', '3 min early' or 'on time'."""
    if minutes > 0:
        return f"{minutes} min late"
    if minutes < 0:
        return f"{-minutes} min early"
    return "on time"


def format_ended(minutes: int) -> str:
    """A closed meeting against its planned close: 'ended 68 min before plan' and the like."""
    if minutes > 0:
        return f"ended {minutes} min after plan"
    if minutes < 0:
        return f"ended {-minutes} min before plan"
    return "ended as planned"


def format_duration(duration: timedelta) -> str:
    """A running clock: '1:05:30', '0:04:09'; negative durations get a leading '-'."""
    total = int(duration.total_seconds())  # whole seconds, towards zero
    sign = "-" if total < 0 else ""
    total = abs(total)
    return f"{sign}{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}"


def format_minutes(duration: timedelta) -> str:
    """Whole minutes for an item against its plan: '12 min', '65 min'."""
    return f"{int(duration / timedelta(minutes=1))} min"
