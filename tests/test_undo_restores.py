"""Undo restores what a delete took, field by field: every delete a clerk can make, through the
Desk against a copy of the demo database, then ``undo_last``, then every table (but the audit's
own) compared row by row with what it held before. The rows a deleted row held (an item's
notes, resolutions, votes, declarations; a vote's named votes) are each an event of the same
audit group, and the database refuses a delete that would take any behind the audit's back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from db import audit, models
from tests.conftest import FakeClock

MARCH = 2  # the demo's planned meeting of 14 March 2022
ITEM_7, ITEM_8 = 19, 20  # two of its reports


Tables = dict[str, list[tuple[Any, ...]]]


def everything(desk: Desk) -> Tables:
    """Every row of every table but the audit's own, every column, in id order."""
    with desk.store.reading() as session:
        connection = session.connection()
        names = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'auditevent'"
        ).scalars()
        return {
            name: [
                tuple(r) for r in connection.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY id')
            ]
            for name in names
        }


def newest_group(session: Session) -> list[models.AuditEvent]:
    """The newest audit group's events, newest first (the order undo takes them back)."""
    event_id = col(models.AuditEvent.id)
    newest = session.exec(select(models.AuditEvent).order_by(event_id.desc()).limit(1)).one()
    return list(
        session.exec(
            select(models.AuditEvent)
            .where(models.AuditEvent.group_id == newest.group_id)
            .order_by(event_id.desc())
        ).all()
    )


def last_group(desk: Desk) -> list[tuple[str, str]]:
    """(table, op) of each event in the newest audit group, oldest first."""
    with desk.store.reading() as session:
        return [(e.entity, e.op) for e in reversed(newest_group(session))]


def voters(desk: Desk, count: int) -> list[int]:
    return [m.person.id for m in desk.members.roster(MARCH) if m.voting][:count]


@pytest.fixture
def room(demo_desk: Desk, clock: FakeClock) -> Iterator[Desk]:
    """The March meeting live: five voting members present, item 7 taken, item 8 running."""
    for person in voters(demo_desk, 5):
        demo_desk.attendance.mark(MARCH, person, "present")
    demo_desk.chamber.start_item(MARCH, ITEM_7)
    clock.advance(5)
    demo_desk.chamber.start_item(MARCH, ITEM_8)
    clock.advance(5)
    yield demo_desk


def full_item(desk: Desk, clock: FakeClock) -> dict[str, int]:
    """Item 8 holding one of everything: an arrival and a declaration during it, a note, a
    resolution with a sub-point, and a vote on the resolution with a member's vote named."""
    late, first, second = voters(desk, 6)[5], *voters(desk, 2)
    desk.attendance.arrived_now(MARCH, late)
    desk.attendance.declare(
        MARCH, ITEM_8, first, kind="other-registrable", nature="a governor", action="left-room"
    )
    note = desk.decisions.add_note(ITEM_8, NoteFields("Members discussed the report."))
    resolution = desk.decisions.add_resolution(ITEM_8, ResolutionFields("That the report be noted"))
    sub = desk.decisions.add_resolution(
        ITEM_8, ResolutionFields("with thanks to the officers", parent_id=resolution.id)
    )
    clock.advance(1)
    vote = desk.decisions.record_vote(
        ITEM_8,
        VoteFields(
            "That the report be noted",
            for_count=3,
            against_count=1,
            choices=((second, "against"),),
            resolution_id=resolution.id,
        ),
    )
    return {"note": note.id, "resolution": resolution.id, "sub": sub.id, "vote": vote.id}


def undone(desk: Desk, before: Tables) -> None:
    assert desk.undo.undo_last(MARCH) is not None
    after = everything(desk)
    for table, rows in before.items():
        assert after[table] == rows, table


def test_a_pending_item_deleted_with_all_it_held_comes_back_whole(
    room: Desk, clock: FakeClock
) -> None:
    full_item(room, clock)
    room.chamber.previous_item(MARCH)  # item 8 goes back to pending, all it holds kept
    before = everything(room)
    room.agenda.delete_item(ITEM_8)
    gone = everything(room)
    assert not [r for r in gone["minutenote"] if r[1] == ITEM_8]
    assert not [r for r in gone["resolution"] if r[1] == ITEM_8]
    assert len(gone["vote"]) == len(before["vote"]) - 1
    assert len(gone["personvote"]) == len(before["personvote"]) - 1
    assert gone["declaration"] == []
    events = last_group(room)
    for table in ("minutenote", "personvote", "vote", "declaration", "agendaitem"):
        assert (table, "delete") in events, table
    assert events.count(("resolution", "delete")) == 2
    assert ("attendance", "update") in events  # the arrival during it, unlinked
    undone(room, before)


def test_a_deleted_note_comes_back(room: Desk, clock: FakeClock) -> None:
    ids = full_item(room, clock)
    before = everything(room)
    room.decisions.delete_note(ids["note"])
    assert len(everything(room)["minutenote"]) == len(before["minutenote"]) - 1
    undone(room, before)


def test_a_deleted_resolution_comes_back_with_its_sub_points_and_actions(
    room: Desk, clock: FakeClock
) -> None:
    ids = full_item(room, clock)
    room.decisions.add_action(
        ITEM_8,
        ActionFields("Report back in June", owner="Chief Executive", resolution_id=ids["sub"]),
    )
    room.decisions.add_action(
        ITEM_8, ActionFields("Publish the report", resolution_id=ids["resolution"])
    )
    before = everything(room)
    room.decisions.delete_resolution(ids["resolution"])
    assert len(everything(room)["resolution"]) == len(before["resolution"]) - 2
    undone(room, before)


def test_a_deleted_vote_comes_back_with_its_named_votes_and_its_resolution(
    room: Desk, clock: FakeClock
) -> None:
    ids = full_item(room, clock)
    before = everything(room)
    room.decisions.delete_vote(ids["vote"])
    after = everything(room)
    assert len(after["personvote"]) == len(before["personvote"]) - 1
    assert next(r for r in after["resolution"] if r[0] == ids["resolution"])[5] is None
    undone(room, before)


def test_named_votes_taken_away_come_back(room: Desk, clock: FakeClock) -> None:
    ids = full_item(room, clock)
    before = everything(room)
    room.decisions.record_named_votes(ids["vote"], {})
    assert len(everything(room)["personvote"]) == len(before["personvote"]) - 1
    undone(room, before)


def test_a_deleted_action_comes_back_with_its_updates(room: Desk, clock: FakeClock) -> None:
    action = room.decisions.add_action(
        ITEM_8, ActionFields("Write to the Home Office", owner="Chair")
    )
    room.tracker.record_action_update(action.id, "Letter drafted", meeting_id=MARCH)
    clock.advance(1)
    room.tracker.record_action_update(action.id, "Letter sent", meeting_id=MARCH)
    before = everything(room)
    room.decisions.delete_action(action.id)
    assert len(everything(room)["actionupdate"]) == len(before["actionupdate"]) - 2
    assert last_group(room)[:2] == [("actionupdate", "delete")] * 2
    undone(room, before)


def test_a_deleted_planned_meeting_takes_its_whole_agenda_through_the_audit(
    demo_desk: Desk,
) -> None:
    """The meeting with its roster, items and a note on one: every row an event of the
    group (undo_last never takes back a meeting's deletion, but the audit can)."""
    for person in voters(demo_desk, 3):
        demo_desk.attendance.mark(MARCH, person, "apologies")
    demo_desk.decisions.add_note(ITEM_7, NoteFields("To be taken with item 8."))
    before = everything(demo_desk)
    demo_desk.agenda.delete_meeting(MARCH)
    after = everything(demo_desk)
    assert [r for r in after["meeting"] if r[0] == MARCH] == []
    assert [r for r in after["attendance"] if r[1] == MARCH] == []
    events = last_group(demo_desk)
    assert events.count(("attendance", "delete")) == 3
    assert events.count(("agendaitem", "delete")) == 14
    assert ("minutenote", "delete") in events
    with demo_desk.store.recording() as changes:
        for event in newest_group(changes.session):
            audit.revert(changes.session, event)
    assert everything(demo_desk) == before


def test_the_database_refuses_a_delete_behind_the_audits_back(room: Desk, clock: FakeClock) -> None:
    full_item(room, clock)
    with pytest.raises(IntegrityError), room.database.transaction() as session:
        item = session.get(models.AgendaItem, ITEM_8)
        session.delete(item)
        session.flush()


def test_a_person_is_not_part_of_what_they_voted_on(room: Desk, clock: FakeClock) -> None:
    """A reference that is not a part (a member's named vote, their attendance) is never
    deleted with what it points at: the delete is refused in words, nothing changed."""
    full_item(room, clock)
    before = everything(room)
    with pytest.raises(ClerkError), room.store.recording(MARCH) as changes:
        person = changes.session.get(models.Person, voters(room, 2)[1])
        assert person is not None
        changes.delete(person)
    assert everything(room) == before
