"""Putting a meeting's times right: ``ctrl+t`` (the meeting's and one item's times, checked
together as they will stand) and the shift of the whole meeting (every recorded time moved
by one offset). Each is one clerk action inside the caller's transaction (``Changes``), so
one undo takes it back whole. The chamber service (:mod:`clerk_tui.desk.chamber`) calls these.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlmodel import SQLModel, col, select

from clerk_tui.desk.live_action import item_label, item_of
from clerk_tui.desk.live_view import TimesFields
from clerk_tui.desk.store import Changes, get
from clerk_tui.errors import ClerkError
from db import models, queries

Span = tuple[datetime | None, datetime | None]


def edit_times(changes: Changes, meeting_id: int, item_id: int | None, fields: TimesFields) -> None:
    """The meeting's start and end and (``item_id``) one item's, checked all together as they
    will stand once stored: which field the clerk typed first does not matter. Items not
    edited that fall outside the new span are left for the screen to flag
    (``LiveView.outside_span``): refusing them would stop the clerk correcting them one by one.
    """
    meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
    span = (_on(meeting.date, fields.meeting_start), _on(meeting.date, fields.meeting_end))
    _check_meeting(meeting, span)
    item = None if item_id is None else item_of(changes.session, meeting_id, item_id)
    times: Span = (None, None)
    if item is not None:
        times = (_on(meeting.date, fields.item_start), _on(meeting.date, fields.item_end))
        _check_item(item, times, span)
    if span != (meeting.actual_start, meeting.actual_end):
        changes.update(meeting, "meeting times edited", actual_start=span[0], actual_end=span[1])
    if item is not None and item.actual_start is not None and times != _span(item):
        changes.update(
            item, f"{item_label(item)} times edited", actual_start=times[0], actual_end=times[1]
        )


def _check_meeting(meeting: models.Meeting, span: Span) -> None:
    start, end = span
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


def _check_item(item: models.AgendaItem, times: Span, meeting: Span) -> None:
    start, end = times
    label = item_label(item)
    if item.actual_start is None:
        if start is not None or end is not None:
            raise ClerkError(f"{label} was not taken: it has no times to edit")
        return
    if start is None:
        raise ClerkError(f"{label} was taken: it keeps a start time", where="item start")
    if item.state == "running" and end is not None:
        raise ClerkError(f"{label} is still running: start the next item to end it")
    if item.state != "running" and item.actual_end is not None and end is None:
        raise ClerkError(f"{label} has ended: it keeps an end time", where="item end")
    if end is not None and end < start:
        raise ClerkError("an item cannot end before it starts", where="item end")
    opened, closed = meeting
    if opened is not None and start < opened:
        raise ClerkError(f"{label} cannot start before the meeting did ({opened:%H:%M})")
    if closed is not None and (end or start) > closed:
        raise ClerkError(f"{label} cannot run past the end of the meeting ({closed:%H:%M})")


def shift_meeting(
    changes: Changes, meeting_id: int, *, by: timedelta | None, start_at: time | None
) -> timedelta:
    """Move every time recorded in the chamber (the meeting's start and end, each item's,
    arrivals and departures, and votes recorded on the meeting's day) by one offset: ``by``,
    or what takes the meeting's start to ``start_at``. Returns the offset."""
    meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
    if meeting.actual_start is None:
        raise ClerkError("the meeting has not started: it has no times to shift")
    if (by is None) == (start_at is None):
        raise ClerkError("give one: how far to shift, or the time it started")
    if by is not None:
        offset = by
    else:
        assert start_at is not None  # one of the two, checked just above
        offset = datetime.combine(meeting.date, start_at) - meeting.actual_start
    if not offset:
        raise ClerkError(f"that moves nothing: the meeting started at {meeting.actual_start:%H:%M}")
    words = f"shifted {shift_text(offset)}"
    rows: list[tuple[SQLModel, str, dict[str, datetime]]] = []
    rows.append((meeting, "meeting", _moved(meeting, ("actual_start", "actual_end"), offset)))
    for item in queries.items(changes.session, meeting_id):
        rows.append((item, item_label(item), _moved(item, ("actual_start", "actual_end"), offset)))
    for seat in _attendance(changes, meeting_id):
        rows.append(
            (seat, "an arrival or departure", _moved(seat, ("arrived_at", "left_at"), offset))
        )
    for vote in _votes(changes, meeting_id):
        if vote.recorded_at.date() == meeting.date:
            rows.append((vote, "a vote", _moved(vote, ("recorded_at",), offset)))
    off_day = [
        (moment, _deed(what, name))
        for _row, what, moved in rows
        for name, moment in moved.items()
        if moment.date() != meeting.date
    ]
    if off_day:
        # The time pushed farthest off the day: the end for a shift later, the start for one
        # earlier. Said without the field's name, which would read "shift by: shifting ...".
        # The meeting's own time first where an item's is the same (rows are in that order).
        farthest = max if offset > timedelta(0) else min
        moment, deed = farthest(off_day, key=lambda pair: pair[0])
        raise ClerkError(
            f"{shift_text(offset)} would {deed} at {moment:%H:%M} {_day_of(moment, meeting.date)}"
        )
    for row, _what, moved in rows:
        if moved:
            changes.update(row, words, **moved)
    return offset


#: (what, field) → what the shift would do with that time, for its refusal.
_DEEDS = {
    "actual_start": "start {what}",
    "actual_end": "end {what}",
    "arrived_at": "put an arrival",
    "left_at": "put a departure",
    "recorded_at": "put a vote",
}


def _deed(what: str, field: str) -> str:
    return _DEEDS[field].format(what="the meeting" if what == "meeting" else what)


def _day_of(moment: datetime, day: date) -> str:
    """The day ``moment`` falls on, said against the meeting's own ``day`` (short: one line)."""
    if moment.date() == day + timedelta(days=1):
        return "the next day"
    if moment.date() == day - timedelta(days=1):
        return "the day before"
    return f"on {moment:%-d %b %Y}"


def shift_text(offset: timedelta) -> str:
    """timedelta(hours=5, minutes=43) → "+5h43"; a negative one → "-0h30"."""
    minutes = int(abs(offset) / timedelta(minutes=1))
    sign = "-" if offset < timedelta(0) else "+"
    return f"{sign}{minutes // 60}h{minutes % 60:02d}"


def _moved(row: SQLModel, names: tuple[str, ...], offset: timedelta) -> dict[str, datetime]:
    moved = {}
    for name in names:
        moment = getattr(row, name)
        if moment is not None:
            moved[name] = moment + offset
    return moved


def _attendance(changes: Changes, meeting_id: int) -> list[models.Attendance]:
    query = select(models.Attendance).where(models.Attendance.meeting_id == meeting_id)
    return list(changes.session.exec(query.order_by(col(models.Attendance.id))).all())


def _votes(changes: Changes, meeting_id: int) -> list[models.Vote]:
    query = (
        select(models.Vote)
        .join(models.AgendaItem, col(models.Vote.item_id) == col(models.AgendaItem.id))
        .where(models.AgendaItem.meeting_id == meeting_id)
    )
    return list(changes.session.exec(query.order_by(col(models.Vote.id))).all())


def _span(item: models.AgendaItem) -> Span:
    return item.actual_start, item.actual_end


def _on(day: date, moment: time | None) -> datetime | None:
    return None if moment is None else datetime.combine(day, moment)
