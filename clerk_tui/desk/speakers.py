"""``desk.speakers``: who is heard on an item, in what capacity, for how long; ``k``'s timer.

Each public method that writes is one clerk action (one transaction with its audit events, so
``desk.undo.undo_last`` takes it back whole: a start or a stop of the timer included);
given a ``read_back``, the meeting is read into it inside that transaction.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from clerk_tui.desk.debate_fields import CAPACITY_WORDS, SpeakerFields, SpeakerView
from clerk_tui.desk.item_record import item_for, item_words
from clerk_tui.desk.live_action import ReadBack, chamber_time, recording, running_item
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.desk.unminuted import refuse_unminuted
from clerk_tui.errors import ClerkError
from db import models, queries
from db.views import view_of

Back = ReadBack | None


class SpeakerService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def speakers(self, item_id: int) -> list[SpeakerView]:
        """The item's speakers in the order they are to be heard."""
        with self.store.reading() as session:
            return [view_of(SpeakerView, row) for row in _listed(session, item_id)]

    def add_speaker(
        self, item_id: int, fields: SpeakerFields, *, read_back: Back = None
    ) -> SpeakerView:
        fields.check()
        with recording(self.store, read_back) as changes:
            item = item_for(changes, item_id)
            refuse_unminuted(changes.session, item)
            body = get(changes.session, models.Body, item.body_id, "body")
            listed = _listed(changes.session, item_id)
            row = changes.add(
                models.Speaker(
                    item_id=item_id,
                    position=1 + max((s.position for s in listed), default=-1),
                    name=fields.name.strip(),
                    capacity=fields.capacity,
                    time_limit=body.speaking_time
                    if fields.time_limit is None
                    else fields.time_limit,
                    created_at=changes.at,
                ),
                summary=f"speaker {_words(fields.name, fields.capacity)} on {item_words(item)}",
            )
            return view_of(SpeakerView, row)

    def edit_speaker(
        self, speaker_id: int, fields: SpeakerFields, *, read_back: Back = None
    ) -> SpeakerView:
        """The name, capacity and limit as listed (the times stay as the timer took them)."""
        fields.check()
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.Speaker, speaker_id, "speaker")
            item = item_for(changes, row.item_id)
            values: dict[str, object] = {"name": fields.name.strip(), "capacity": fields.capacity}
            if fields.time_limit is not None:
                values["time_limit"] = fields.time_limit
            changes.update(
                row,
                f"edit of speaker {_words(fields.name, fields.capacity)} on {item_words(item)}",
                **values,
            )
            return view_of(SpeakerView, row)

    def delete_speaker(self, speaker_id: int, *, read_back: Back = None) -> None:
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.Speaker, speaker_id, "speaker")
            item = item_for(changes, row.item_id)
            changes.delete(
                row, f"deletion of speaker {_words(row.name, row.capacity)} on {item_words(item)}"
            )

    def move_speaker(self, speaker_id: int, step: int, *, read_back: Back = None) -> None:
        """Move a speaker earlier (-1) or later (+1) in the order to be heard: the speaker
        changes place with the neighbour there (nothing moves past either end)."""
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.Speaker, speaker_id, "speaker")
            item = item_for(changes, row.item_id)
            listed = _listed(changes.session, row.item_id)
            index = next(i for i, s in enumerate(listed) if s.id == row.id)
            target = index + (1 if step > 0 else -1)
            if step == 0 or not 0 <= target < len(listed):
                return
            other = listed[target]
            summary = f"reordering of the speakers on {item_words(item)}"
            # Positions carry no unique key, so the two simply trade (undo trades them back).
            mine, theirs = row.position, other.position
            if mine == theirs:  # never by our writes, but a tie would not move anyone
                theirs = mine + (1 if step > 0 else -1)
            changes.update(row, summary, position=theirs)
            changes.update(other, summary, position=mine)

    def toggle_timer(self, item_id: int, *, read_back: Back = None) -> SpeakerView | None:
        """``k``: stop the speaker running (on any item of the meeting: one runs at a time),
        else start the item's next speaker not yet heard; None when there is nobody left to
        hear (the screen says so). Times are the chamber's clock, as every chamber time is."""
        with recording(self.store, read_back) as changes:
            session = changes.session
            item = item_for(changes, item_id)
            meeting = get(session, models.Meeting, item.meeting_id, "meeting")
            if meeting.status == "closed":
                raise ClerkError("the meeting is closed: no speaker can be timed now")
            if meeting.timing == "after-the-event":
                raise ClerkError(
                    "this meeting is minuted after the event: there is no clock to time a "
                    "speaker by (K lists who spoke)"
                )
            now = chamber_time(meeting, changes)
            running = _running(session, meeting.id or 0)
            if running is not None:
                changes.update(
                    running,
                    f"end of speaker {_words(running.name, running.capacity)}",
                    ended_at=max(now, running.started_at or now),
                )
                return view_of(SpeakerView, running)
            refuse_unminuted(session, item)
            taken = running_item(queries.items(session, meeting.id or 0))
            if taken is not None and taken.id != item_id:
                raise ClerkError(
                    f"{item_words(taken)} is being taken: a speaker is timed on the item "
                    "being taken"
                )
            waiting = [s for s in _listed(session, item_id) if s.started_at is None]
            if not waiting:
                return None
            speaker = waiting[0]
            changes.update(
                speaker,
                f"start of speaker {_words(speaker.name, speaker.capacity)} on {item_words(item)}",
                started_at=now,
            )
            return view_of(SpeakerView, speaker)


def stop_speaker(changes: Changes, item_id: int, at: datetime) -> None:
    """The item ends (``]``, ``x``, ``e``): a speaker still timed on it has stopped by then, or
    the clock bar would go on counting their time into the next item."""
    for speaker in _listed(changes.session, item_id):
        if speaker.started_at is not None and speaker.ended_at is None:
            changes.update(
                speaker,
                f"end of speaker {_words(speaker.name, speaker.capacity)}",
                ended_at=max(at, speaker.started_at),
            )


def _listed(session: Session, item_id: int) -> list[models.Speaker]:
    return list(
        session.exec(
            select(models.Speaker)
            .where(models.Speaker.item_id == item_id)
            .order_by(col(models.Speaker.position), col(models.Speaker.id))
        ).all()
    )


def _running(session: Session, meeting_id: int) -> models.Speaker | None:
    return session.exec(
        select(models.Speaker)
        .join(models.AgendaItem, col(models.AgendaItem.id) == col(models.Speaker.item_id))
        .where(
            models.AgendaItem.meeting_id == meeting_id,
            col(models.Speaker.started_at).is_not(None),
            col(models.Speaker.ended_at).is_(None),
        )
    ).first()


def _words(name: str, capacity: str) -> str:
    return f"{' '.join(name.split())} ({CAPACITY_WORDS.get(capacity, capacity).lower()})"
