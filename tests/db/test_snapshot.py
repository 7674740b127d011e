"""The one read of a whole meeting (db.snapshot.read_meeting), against the demo's database:
what it holds agrees with the Desk's other reads, and it costs one transaction and a fixed
handful of SELECTs however many items, people and records the meeting has."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import FrozenInstanceError

import pytest
from sqlalchemy import event

from clerk_tui.desk import Desk
from clerk_tui.desk.meeting_records import item_minute, minute_numbers
from clerk_tui.errors import ClerkError
from db.chamber_views import roster_of
from db.meeting_snapshot import MeetingSnapshot
from db.snapshot import read_meeting
from tests.conftest import FakeClock


def _november(desk: Desk) -> int:
    return next(m.id for m in desk.agenda.meetings() if m.date.isoformat() == "2021-11-29")


def _read(desk: Desk, meeting_id: int) -> MeetingSnapshot:
    with desk.store.reading() as session:
        snapshot = read_meeting(session, meeting_id)
    assert snapshot is not None
    return snapshot


@contextmanager
def _statements(desk: Desk) -> Iterator[list[str]]:
    seen: list[str] = []

    def before(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        seen.append(statement.split()[0].upper())

    engine = desk.database.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)


def test_the_snapshot_holds_what_the_desk_reads_item_by_item(demo_desk: Desk) -> None:
    meeting_id = _november(demo_desk)
    snapshot = _read(demo_desk, meeting_id)
    assert snapshot.meeting.items == demo_desk.agenda.meeting(meeting_id).items
    assert snapshot.body.name == demo_desk.agenda.meeting(meeting_id).body.name
    recorded = 0
    for item in snapshot.items:
        minute = demo_desk.decisions.item_minute(item.id)
        assert snapshot.notes_on(item.id) == minute.notes
        assert [r.id for r in snapshot.resolutions_on(item.id)] == [
            r.id for r in minute.resolutions
        ]
        assert [r.text for r in snapshot.resolutions_on(item.id)] == [
            r.text for r in minute.resolutions
        ]
        assert [(v.id, v.outcome_text) for v in snapshot.votes_on(item.id)] == [
            (v.id, v.outcome_text) for v in minute.votes
        ]
        assert [a.id for a in snapshot.actions_on(item.id)] == [a.id for a in minute.actions]
        recorded += len(minute.notes) + len(minute.resolutions) + len(minute.votes)
    assert recorded > 20  # the demo's November meeting is fully minuted
    live = demo_desk.chamber.live(meeting_id)
    assert [d.id for d in snapshot.declarations] == sorted(d.id for d in live.declarations)
    marked = {a.person.id: a.status for a in live.roster if a.attendance_id is not None}
    assert {a.person.id: a.status for a in snapshot.attendance} == marked
    assert {m.person.id for m in snapshot.memberships} >= {
        a.person.id for a in live.roster if a.attendance_id is None
    }


def _count(desk: Desk, meeting_id: int) -> list[str]:
    with _statements(desk) as seen, desk.store.reading() as session:
        read_meeting(session, meeting_id)
    return seen


def test_one_transaction_and_a_fixed_handful_of_selects(demo_desk: Desk) -> None:
    november = _count(demo_desk, _november(demo_desk))
    assert november.count("BEGIN") == 1
    assert set(november) == {"BEGIN", "SELECT"}
    # One per table (meeting, body, items, attendance, memberships, people, declarations,
    # votes, named votes, notes, resolutions, actions, carried actions, the clerk's edited
    # sentences, the body's sentence styles, motions, speakers): not one per item.
    assert november.count("SELECT") <= 17
    # The March meeting has other items and hardly any records: the same statements.
    march = next(m.id for m in demo_desk.agenda.meetings() if m.date.isoformat() == "2022-03-14")
    assert len(_read(demo_desk, march).items) != len(_read(demo_desk, _november(demo_desk)).items)
    assert _count(demo_desk, march) == november


def test_no_such_meeting(demo_desk: Desk) -> None:
    with demo_desk.store.reading() as session:
        assert read_meeting(session, 999_999) is None


def test_the_snapshot_is_frozen_and_named_votes_keep_the_order_taken(demo_desk: Desk) -> None:
    snapshot = _read(demo_desk, _november(demo_desk))
    with pytest.raises(FrozenInstanceError):
        snapshot.notes = ()  # type: ignore[misc]
    for vote in snapshot.votes:
        assert [n.id for n in vote.named] == sorted(n.id for n in vote.named)
        assert all(n.person.full_name for n in vote.named)
    for attendance in snapshot.attendance:
        if attendance.substitute_for_id is not None:
            assert attendance.substitute_for is not None
            assert attendance.substitute_for.id == attendance.substitute_for_id


def test_the_roster_worked_out_from_the_snapshot_is_the_roster_read(
    demo_desk: Desk, clock: FakeClock
) -> None:
    """Both meetings, and the March one after marks of every kind: an apology, a late
    arrival, a departure, a substitute, an officer also present."""
    march = next(m.id for m in demo_desk.agenda.meetings() if m.date.isoformat() == "2022-03-14")
    live = demo_desk.chamber.live(march)
    members = [a.person.id for a in live.roster if a.is_member]
    demo_desk.attendance.mark(march, members[0], "present")
    demo_desk.attendance.mark(march, members[1], "apologies")
    demo_desk.attendance.mark(march, members[2], "present")
    demo_desk.chamber.start_item(march, live.lines[0].item.id)  # the meeting begins
    demo_desk.attendance.left_now(march, members[2])
    clock.advance(5)
    demo_desk.attendance.arrived_now(march, members[3])
    demo_desk.attendance.substitute(march, members[1], "Cllr", "Stand In")
    demo_desk.attendance.add_also_present(
        march, title="", full_name="Ann Officer", role_text="Clerk to the Panel"
    )
    for meeting_id in (_november(demo_desk), march):
        assert roster_of(_read(demo_desk, meeting_id)) == demo_desk.chamber.live(meeting_id).roster


def test_an_items_record_worked_out_from_the_snapshot_is_the_one_read_item_by_item(
    demo_desk: Desk, clock: FakeClock
) -> None:
    """Labels, provisional and fixed minute numbers, actions and those carried forward: the
    record pane's view of every item, from one snapshot, as the item-by-item read gives it."""
    march = next(m.id for m in demo_desk.agenda.meetings() if m.date.isoformat() == "2022-03-14")
    lines = demo_desk.chamber.live(march).lines
    demo_desk.chamber.start_item(march, lines[0].item.id)
    clock.advance(5)
    demo_desk.chamber.start_item(march, lines[3].item.id)  # taken out of order
    for meeting_id in (_november(demo_desk), march):
        snapshot = _read(demo_desk, meeting_id)
        numbers = minute_numbers(snapshot)
        for item in snapshot.items:
            assert item_minute(snapshot, item.id, numbers) == demo_desk.decisions.item_minute(
                item.id
            )
    with pytest.raises(ClerkError, match="there is no agenda item 999999"):
        item_minute(_read(demo_desk, march), 999_999)
