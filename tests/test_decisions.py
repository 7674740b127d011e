"""Decisions on the spot, through the Desk against a real SQLite file (the demo's copy):
notes, resolutions, votes under the statutory majorities, tracker actions, undo.

The helpers at the top set the room for the 14 March 2022 meeting the way the chamber's
services do — each a clerk action through ``desk.store.recording`` with its audit — so undo sees
attendance, declarations and item starts exactly as it will on the live screen.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields
from clerk_tui.errors import ClerkError
from db import models
from tests.conftest import FakeClock

# The nine members present on 14 March 2022 in these tests (the Panel's quorum is 5).
NINE = (
    "Paul Bradley",
    "Mick Brown",
    "Yvonne Clements",
    "Jasbir Jaspal",
    "Abdul Khan",
    "Kristina Murphy",
    "Waheed Rasab",
    "Suky Samra",
    "Lionel Walker",
)
CO_OPTION = "That the Panel apply to the Secretary of State to co-opt a third independent member"


# ---- setting the room (as the chamber's services record it) -----------------------------


def march_meeting(desk: Desk) -> int:
    return next(m.id for m in desk.agenda.meetings() if m.date.isoformat() == "2022-03-14")


def item_id(desk: Desk, number: str) -> int:
    meeting = desk.agenda.meeting(march_meeting(desk))
    return next(i.id for i in meeting.items if i.number == number)


def person_id(desk: Desk, full_name: str) -> int:
    with desk.store.reading() as session:
        person = session.exec(
            select(models.Person).where(models.Person.full_name == full_name)
        ).one()
        return person.id or 0


def seat(desk: Desk, names: Sequence[str] = NINE) -> None:
    """Mark these members present, one clerk action each (as the attendance roster does)."""
    meeting_id = march_meeting(desk)
    for name in names:
        who = person_id(desk, name)
        with desk.store.recording(meeting_id) as changes:
            changes.add(
                models.Attendance(
                    meeting_id=meeting_id,
                    person_id=who,
                    capacity="member",
                    status="present",
                    voting=True,
                    created_at=changes.at,
                ),
                f"{name} present",
            )


def start(desk: Desk, number: str) -> int:
    """Start an item now (the meeting too, if it had not begun): one clerk action."""
    meeting_id = march_meeting(desk)
    wanted = item_id(desk, number)
    with desk.store.recording(meeting_id) as changes:
        meeting = changes.session.get(models.Meeting, meeting_id)
        assert meeting is not None
        if meeting.status == "planned":
            changes.update(meeting, "meeting started", status="live", actual_start=changes.at)
        for running in changes.session.exec(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id == meeting_id, models.AgendaItem.state == "running"
            )
        ).all():
            changes.update(running, "item ended", state="taken", actual_end=changes.at)
        item = changes.session.get(models.AgendaItem, wanted)
        assert item is not None
        changes.update(item, f"item {number} started", state="running", actual_start=changes.at)
        return item.id or 0


def declare(desk: Desk, number: str, name: str, kind: str, action: str) -> None:
    meeting_id = march_meeting(desk)
    item, who = item_id(desk, number), person_id(desk, name)
    with desk.store.recording(meeting_id) as changes:
        changes.add(
            models.Declaration(
                meeting_id=meeting_id,
                item_id=item,
                person_id=who,
                kind=kind,
                nature="a contract with the force",
                action=action,
                created_at=changes.at,
            ),
            f"{name} declared an interest",
        )


def require_recorded_vote(desk: Desk, number: str) -> None:
    wanted = item_id(desk, number)
    with desk.store.recording(march_meeting(desk)) as changes:
        item = changes.session.get(models.AgendaItem, wanted)
        assert item is not None
        changes.update(item, "recorded vote required", recorded_vote_required=True)


def rows(desk: Desk, cls: type[models.SQLModel]) -> list[dict[str, object]]:
    """Every row of a table, as plain data (to compare before and after)."""
    with desk.store.reading() as session:
        return [r.model_dump() for r in session.exec(select(cls).order_by(col(cls.id))).all()]  # type: ignore[attr-defined]


@pytest.fixture
def room(demo_desk: Desk, clock: FakeClock) -> int:
    """Nine members present, the meeting started at 13:30 and item 8 running since 14:30."""
    clock.set("13:25")
    seat(demo_desk)
    clock.set("13:30")
    start(demo_desk, "1")
    clock.set("14:30")
    return start(demo_desk, "8")


# ---- notes ------------------------------------------------------------------------------


def test_notes_are_recorded_in_order_with_their_audit(demo_desk: Desk, room: int) -> None:
    first = demo_desk.decisions.add_note(room, NoteFields("The PCC presented the report."))
    second = demo_desk.decisions.add_note(
        room, NoteFields("  Members asked about response times. ", "bullet")
    )
    minute = demo_desk.decisions.item_minute(room)
    assert [(n.kind, n.text) for n in minute.notes] == [
        ("paragraph", "The PCC presented the report."),
        ("bullet", "Members asked about response times."),
    ]
    assert (first.position, second.position) == (0, 1)
    with demo_desk.store.reading() as session:
        event = session.exec(
            select(models.AuditEvent).order_by(col(models.AuditEvent.id).desc())
        ).first()
    assert event is not None and event.entity == "minutenote" and event.op == "create"
    assert event.meeting_id == march_meeting(demo_desk)
    assert event.summary == "discussion point on item 8"


def test_notes_are_edited_moved_and_deleted(demo_desk: Desk, room: int) -> None:
    a = demo_desk.decisions.add_note(room, NoteFields("A"))
    b = demo_desk.decisions.add_note(room, NoteFields("B", "bullet"))
    c = demo_desk.decisions.add_note(room, NoteFields("C"))
    demo_desk.decisions.edit_note(b.id, NoteFields("B, corrected", "paragraph"))
    demo_desk.decisions.move_note(c.id, -1)
    demo_desk.decisions.move_note(a.id, -1)  # already first: nothing changes
    assert [n.text for n in demo_desk.decisions.item_minute(room).notes] == [
        "A",
        "C",
        "B, corrected",
    ]
    demo_desk.decisions.delete_note(a.id)
    assert [n.text for n in demo_desk.decisions.item_minute(room).notes] == ["C", "B, corrected"]


def test_a_blank_note_is_refused_in_words(demo_desk: Desk, room: int) -> None:
    with pytest.raises(ClerkError, match="a note needs some text"):
        demo_desk.decisions.add_note(room, NoteFields("   \n "))
    assert demo_desk.decisions.item_minute(room).notes == ()


# ---- resolutions ------------------------------------------------------------------------


def test_resolutions_carry_the_house_labels(demo_desk: Desk, room: int) -> None:
    noted = demo_desk.decisions.add_resolution(
        room, ResolutionFields("That the report be noted", noted=True)
    )
    assert noted.label == ""  # one resolution stands alone
    panel = demo_desk.decisions.add_resolution(room, ResolutionFields("That the Panel:"))
    for text in ("asks the PCC to report back", "thanks the officers", "writes to the Minister"):
        demo_desk.decisions.add_resolution(room, ResolutionFields(text, parent_id=panel.id))
    minute = demo_desk.decisions.item_minute(room)
    assert [(r.label, r.text) for r in minute.resolutions] == [
        ("i.", "That the report be noted"),
        ("ii.", "That the Panel:"),
        ("a.", "asks the PCC to report back"),
        ("b.", "thanks the officers"),
        ("c.", "writes to the Minister"),
    ]
    assert minute.resolutions[0].noted is True


def test_sub_points_move_among_themselves_and_stay_one_level_deep(
    demo_desk: Desk, room: int
) -> None:
    panel = demo_desk.decisions.add_resolution(room, ResolutionFields("That the Panel:"))
    a = demo_desk.decisions.add_resolution(room, ResolutionFields("first", parent_id=panel.id))
    b = demo_desk.decisions.add_resolution(room, ResolutionFields("second", parent_id=panel.id))
    demo_desk.decisions.move_resolution(b.id, -1)
    assert [r.text for r in demo_desk.decisions.item_minute(room).resolutions] == [
        "That the Panel:",
        "second",
        "first",
    ]
    with pytest.raises(ClerkError, match="cannot have sub-points of its own"):
        demo_desk.decisions.add_resolution(room, ResolutionFields("deeper", parent_id=a.id))
    with pytest.raises(ClerkError, match="has sub-points of its own"):
        other = demo_desk.decisions.add_resolution(room, ResolutionFields("Another"))
        demo_desk.decisions.edit_resolution(
            panel.id, ResolutionFields("That the Panel:", parent_id=other.id)
        )


def test_deleting_a_resolution_takes_its_sub_points_and_undo_brings_all_back(
    demo_desk: Desk, room: int
) -> None:
    panel = demo_desk.decisions.add_resolution(room, ResolutionFields("That the Panel:"))
    sub = demo_desk.decisions.add_resolution(
        room, ResolutionFields("asks for a report", parent_id=panel.id)
    )
    action = demo_desk.decisions.add_action(
        room, ActionFields("Report back", "PCC", resolution_id=sub.id)
    )
    before = (rows(demo_desk, models.Resolution), rows(demo_desk, models.Action))
    demo_desk.decisions.delete_resolution(panel.id)
    assert demo_desk.decisions.item_minute(room).resolutions == ()
    assert (
        demo_desk.decisions.item_minute(room).actions[0].resolution_id is None
    )  # the action stays
    words = demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert words == "deletion of resolution “That the Panel:” on item 8"
    assert (rows(demo_desk, models.Resolution), rows(demo_desk, models.Action)) == before
    assert demo_desk.decisions.item_minute(room).actions[0].id == action.id


# ---- tracker actions --------------------------------------------------------------------


def test_an_action_from_a_resolution_is_linked_for_its_minute_number(
    demo_desk: Desk, room: int, clock: FakeClock
) -> None:
    resolution = demo_desk.decisions.add_resolution(
        room, ResolutionFields("That the PCC present his Medium-Term Financial Plan")
    )
    action = demo_desk.decisions.add_action(
        room,
        ActionFields(resolution.text, " PCC ", "September 2022", resolution_id=resolution.id),
    )
    # Items 1 and 8 have started: 633 and 634, provisional while the meeting is live.
    assert action.minute_number is None
    assert action.provisional_minute == 634
    assert action.minute_label == "634 (provisional)"
    stored = rows(demo_desk, models.Action)[-1]
    assert stored["item_id"] == room and stored["meeting_id"] == march_meeting(demo_desk)
    assert stored["resolution_id"] == resolution.id
    assert (stored["owner"], stored["due"], stored["status"]) == (
        "PCC",
        "September 2022",
        "outstanding",
    )
    assert stored["body_id"] == demo_desk.agenda.meeting(march_meeting(demo_desk)).body.id
    # The chair takes item 6 next: the provisional numbers follow the order taken.
    clock.set("14:45")
    start(demo_desk, "6")
    assert demo_desk.decisions.item_minute(room).actions[0].minute_label == "634 (provisional)"
    assert demo_desk.decisions.item_minute(item_id(demo_desk, "6")).minute_number == 635


def test_the_previous_minutes_item_shows_the_outstanding_actions_carried_forward(
    demo_desk: Desk, room: int
) -> None:
    demo_desk.decisions.add_action(room, ActionFields("Made today"))
    carried = demo_desk.decisions.item_minute(item_id(demo_desk, "6")).carried_forward
    assert [a.minute_number for a in carried] == [617, 620, 629, 630, 630, 630, 631]
    assert all(a.status == "outstanding" for a in carried)


def test_an_action_needs_its_words(demo_desk: Desk, room: int) -> None:
    with pytest.raises(ClerkError, match="an action needs to say"):
        demo_desk.decisions.add_action(room, ActionFields("  ", "PCC"))
