"""Undo of decisions through the Desk against a real SQLite file (the demo's copy): every kind of
record walked back, edits put back exactly, refusals when the row changed since, and the meeting
itself never deleted or reopened. The room is set by the helpers in tests/test_decisions.py.
"""

from __future__ import annotations

import json
from datetime import date, time

import pytest
from sqlmodel import select

from clerk_tui.desk import Desk, ItemFields, MeetingFields
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock
from tests.test_decisions import (
    NINE,
    declare,
    march_meeting,
    room,  # noqa: F401  (the fixture)
    rows,
)

# ---- undo -------------------------------------------------------------------------------


def test_undo_walks_back_through_every_kind_of_record(demo_desk: Desk, room: int) -> None:  # noqa: F811
    meeting_id = march_meeting(demo_desk)
    declare(demo_desk, "8", "Abdul Khan", "other-registrable", "spoke-and-voted")
    demo_desk.decisions.add_note(room, NoteFields("A note"))
    resolution = demo_desk.decisions.add_resolution(
        room, ResolutionFields("That the report be noted")
    )
    demo_desk.decisions.record_vote(room, VoteFields("x", for_count=8, resolution_id=resolution.id))
    demo_desk.decisions.add_action(room, ActionFields("Report back", "PCC"))

    assert demo_desk.undo.undo_last(meeting_id) == "action “Report back” for PCC"
    assert rows(demo_desk, models.Action)[-1]["text"] != "Report back"
    assert demo_desk.undo.undo_last(meeting_id) == "vote on “x” (carried 8:0)"
    assert demo_desk.decisions.item_minute(room).votes == ()
    assert demo_desk.decisions.item_minute(room).resolutions[0].vote_id is None
    assert demo_desk.undo.undo_last(meeting_id) == "resolution “That the report be noted” on item 8"
    assert demo_desk.undo.undo_last(meeting_id) == "note on item 8"
    assert demo_desk.decisions.item_minute(room).empty
    assert demo_desk.undo.undo_last(meeting_id) == "Abdul Khan declared an interest"
    assert rows(demo_desk, models.Declaration) == []
    assert demo_desk.undo.undo_last(meeting_id) == "item 8 started"
    items = demo_desk.agenda.meeting(meeting_id).items
    assert (items[7].state, items[0].state) == ("pending", "running")  # item 1 runs again
    assert demo_desk.undo.undo_last(meeting_id) == "item 1 started"
    assert demo_desk.agenda.meeting(meeting_id).status == "planned"
    for name in reversed(NINE):
        assert demo_desk.undo.undo_last(meeting_id) == f"{name} present"
    assert demo_desk.decisions.vote_setup(room).voters == ()
    assert demo_desk.undo.undo_last(meeting_id) is None  # the demo's meeting is seed data


def test_undo_of_a_recorded_vote_takes_its_named_votes_too(demo_desk: Desk, room: int) -> None:  # noqa: F811
    setup = demo_desk.decisions.vote_setup(room)
    choices = tuple((v.person_id, "for") for v in setup.eligible)
    demo_desk.decisions.record_vote(room, VoteFields("x", method="recorded", choices=choices))
    assert len(rows(demo_desk, models.PersonVote)) == 9
    demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert (
        rows(demo_desk, models.PersonVote) == []
        and rows(demo_desk, models.Vote)[-1]["item_id"] != room
    )


def test_undo_puts_an_edit_back_exactly(demo_desk: Desk, room: int) -> None:  # noqa: F811
    note = demo_desk.decisions.add_note(room, NoteFields("Frist draft"))
    before = rows(demo_desk, models.MinuteNote)
    demo_desk.decisions.edit_note(note.id, NoteFields("First draft", "bullet"))
    assert (
        demo_desk.undo.undo_last(march_meeting(demo_desk)) == "edit of a discussion point on item 8"
    )
    assert rows(demo_desk, models.MinuteNote) == before


def test_undo_is_refused_when_the_row_changed_since(demo_desk: Desk, room: int) -> None:  # noqa: F811
    note = demo_desk.decisions.add_note(room, NoteFields("Ours"))
    # Another copy of the app (or a change outside this meeting) edits the same note.
    with demo_desk.store.recording() as changes:
        row = changes.session.get(models.MinuteNote, note.id)
        assert row is not None
        changes.update(row, "edited elsewhere", text="Theirs")
    before = rows(demo_desk, models.MinuteNote)
    with pytest.raises(ClerkError, match="cannot be undone: the note has changed since"):
        demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert rows(demo_desk, models.MinuteNote) == before


def test_undo_never_deletes_the_meeting_itself(demo_desk: Desk) -> None:
    body_id = demo_desk.agenda.bodies()[0].id
    meeting = demo_desk.agenda.create_meeting(
        body_id,
        MeetingFields(date(2022, 6, 20), time(13, 30), items=(ItemFields("APOLOGIES"),)),
    )
    assert demo_desk.undo.undo_last(meeting.id) is None
    assert len(demo_desk.agenda.meeting(meeting.id).items) == 1


def test_undo_never_reopens_a_closed_meeting_but_takes_back_its_tidying(
    demo_desk: Desk,
    room: int,  # noqa: F811
    clock: FakeClock,
) -> None:
    meeting_id = march_meeting(demo_desk)
    note = demo_desk.decisions.add_note(room, NoteFields("Frist draft"))
    clock.set("15:00")
    demo_desk.chamber.close_meeting(meeting_id)
    body_id = demo_desk.agenda.meeting(meeting_id).body.id
    closed = rows(demo_desk, models.AgendaItem), rows(demo_desk, models.Meeting)
    counter = demo_desk.agenda.body(body_id).next_minute_number
    assert counter == 635  # items 1 and 8 were minuted: 633 and 634

    with pytest.raises(ClerkError, match=r"closing the meeting cannot be undone.*ctrl\+t"):
        demo_desk.undo.undo_last(meeting_id)
    assert (rows(demo_desk, models.AgendaItem), rows(demo_desk, models.Meeting)) == closed
    assert demo_desk.agenda.body(body_id).next_minute_number == counter

    # Tidying a closed meeting's record is undone as ever, back to the close and no further.
    demo_desk.decisions.edit_note(note.id, NoteFields("First draft"))
    assert demo_desk.undo.undo_last(meeting_id) == "edit of a note on item 8"
    assert demo_desk.decisions.item_minute(room).notes[0].text == "Frist draft"
    with pytest.raises(ClerkError, match="closing the meeting cannot be undone"):
        demo_desk.undo.undo_last(meeting_id)
    assert demo_desk.agenda.meeting(meeting_id).status == "closed"


def test_an_undone_group_is_marked_in_the_audit(demo_desk: Desk, room: int) -> None:  # noqa: F811
    demo_desk.decisions.add_note(room, NoteFields("A note"))
    demo_desk.undo.undo_last(march_meeting(demo_desk))
    with demo_desk.store.reading() as session:
        event = session.exec(
            select(models.AuditEvent).where(models.AuditEvent.entity == "minutenote")
        ).one()
    assert event.undone is True
    assert json.loads(event.after or "{}")["text"] == "A note"
