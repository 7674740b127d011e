"""What the chamber and attendance services share: one clerk action in the chamber, which reads
the meeting back inside its own transaction, and the chamber's clock and words for an item."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import datetime

from sqlmodel import Session

from clerk_tui.desk.live_view import LiveView, compose_live
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.errors import ClerkError
from db import models, queries
from db.meeting_snapshot import MeetingSnapshot
from db.snapshot import read_meeting


class ReadBack:
    """The meeting as a chamber action left it, read inside its transaction before the commit:
    what the screen then shows is exactly what was committed, without a second transaction."""

    def __init__(self) -> None:
        self.snapshot: MeetingSnapshot | None = None

    def seen_at(self, now: datetime) -> LiveView:
        assert self.snapshot is not None  # set by live_action once its block has run to the end
        return compose_live(self.snapshot, now)


@contextlib.contextmanager
def live_action(store: Store, meeting_id: int) -> Iterator[tuple[Changes, ReadBack]]:
    """One clerk action (Store.recording: one transaction, committed on leaving) on the
    meeting, with the meeting read back at its end into the ReadBack yielded beside it."""
    back = ReadBack()
    with store.recording(meeting_id) as changes:
        yield changes, back
        back.snapshot = read_meeting(changes.session, meeting_id)


@contextlib.contextmanager
def recording(store: Store, back: ReadBack | None) -> Iterator[Changes]:
    """One clerk action on an item's records (Store.recording); given ``back``, the item's
    meeting is read into it at the end, inside the same transaction, for the screen to show
    what was committed. The decision, debate and speaker services record through it."""
    with store.recording() as changes:
        yield changes
        if back is not None and changes.meeting_id is not None:
            back.snapshot = read_meeting(changes.session, changes.meeting_id)


def chamber_time(meeting: models.Meeting, changes: Changes) -> datetime:
    """The chamber clock: the time of day now, on the meeting's own date.

    A meeting happens on its date and its minutes speak in that day's clock, so every time
    recorded in the chamber is stamped on that date (the demo's 2022 meeting can be run today).
    A meeting minuted after the event has no clock to read: what happens without a typed time
    (an arrival, a deferral, the close) happens at the latest time recorded in it.
    """
    if meeting.timing == "after-the-event":
        return latest_recorded(changes.session, meeting)
    return datetime.combine(meeting.date, changes.at.time())


def latest_recorded(session: Session, meeting: models.Meeting) -> datetime:
    """The meeting's start or any item's start or end, whichever is latest; else its
    scheduled start."""
    moments = [meeting.actual_start]
    for item in queries.items(session, meeting.id or 0):
        moments += [item.actual_start, item.actual_end]
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else datetime.combine(meeting.date, meeting.scheduled_start)


def item_label(item: models.AgendaItem) -> str:
    return f"item {item.number}" if item.number else f"“{item.title}”"


def item_of(session: Session, meeting_id: int, item_id: int) -> models.AgendaItem:
    """The agenda item, refused when it is another meeting's."""
    item = get(session, models.AgendaItem, item_id, "agenda item")
    if item.meeting_id != meeting_id:
        raise ClerkError(f"{item_label(item)} belongs to another meeting")
    return item


def running_item(items: list[models.AgendaItem]) -> models.AgendaItem | None:
    return next((it for it in items if it.state == "running"), None)
