"""Issue 13: a closed meeting's minutes carry only the items it took, so a new note,
resolution, vote, action or declaration on an item it never took is refused in one line
(saying where it belongs), while its taken items still take records for tidying."""

from __future__ import annotations

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
from clerk_tui.errors import ClerkError
from tests.conftest import FakeClock
from tests.test_decisions import NINE, item_id, march_meeting, person_id, seat

REFUSAL = (
    "item 8 was not taken before the meeting closed, so no minutes would carry this: "
    "record it on the item where it was dealt with"
)


def close_after_item_1(desk: Desk, clock: FakeClock) -> int:
    meeting = march_meeting(desk)
    seat(desk)
    clock.set("13:30")
    desk.chamber.start_item(meeting, item_id(desk, "1"))
    clock.set("13:40")
    desk.chamber.close_meeting(meeting)
    return meeting


def test_records_on_an_item_a_closed_meeting_never_took_are_refused(
    demo_desk: Desk, clock: FakeClock
) -> None:
    meeting = close_after_item_1(demo_desk, clock)
    eight = item_id(demo_desk, "8")
    before = demo_desk.chamber.live(meeting).snapshot
    decisions = demo_desk.decisions
    attempts = [
        lambda: decisions.add_note(eight, NoteFields("Members asked about overtime")),
        lambda: decisions.add_resolution(eight, ResolutionFields("That the report be noted")),
        lambda: decisions.record_vote(eight, VoteFields("x", for_count=9)),
        lambda: decisions.add_action(eight, ActionFields("Report back", owner="PCC")),
        lambda: demo_desk.attendance.declare(
            meeting,
            eight,
            person_id(demo_desk, NINE[0]),
            kind="other-registrable",
            nature="a contract with the force",
            action="spoke-and-voted",
        ),
    ]
    for attempt in attempts:
        with pytest.raises(ClerkError) as refused:
            attempt()
        assert str(refused.value) == REFUSAL
    assert demo_desk.chamber.live(meeting).snapshot == before

    # The item it took still takes a record (tidying after the meeting).
    one = item_id(demo_desk, "1")
    note = decisions.add_note(one, NoteFields("The Chair welcomed everyone"))
    assert note.item_id == one


def test_an_open_meeting_takes_records_on_items_not_yet_taken(
    demo_desk: Desk, clock: FakeClock
) -> None:
    seat(demo_desk)
    eight = item_id(demo_desk, "8")
    note = demo_desk.decisions.add_note(eight, NoteFields("Written ahead of the item"))
    assert note.item_id == eight
