"""Decisions on the spot, through the Desk against a real SQLite file (the demo's copy):
notes, resolutions, votes under the statutory majorities, tracker actions, undo.

The helpers at the top set the room for the 14 March 2022 meeting the way the chamber's
services do — each a clerk action through ``desk.store.recording`` with its audit — so undo sees
attendance, declarations and item starts exactly as it will on the live screen.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, time

import pytest
from sqlmodel import col, select

from clerk_tui.desk import Desk, ItemFields, MeetingFields
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields
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


# ---- votes ------------------------------------------------------------------------------


def test_the_co_option_vote_8_to_1_is_not_carried_under_unanimity(
    demo_desk: Desk, room: int
) -> None:
    vote = demo_desk.decisions.record_vote(
        room,
        VoteFields(
            CO_OPTION,
            majority="unanimous",
            for_count=8,
            against_count=1,
            noun="recommendation",
        ),
    )
    assert vote.carried is False
    assert (vote.present, vote.membership) == (9, 13)  # 13 voting members on 14 March 2022
    assert vote.outcome_text == (
        "A vote of Panel Members present resulted in an 8:1 majority in favour of the "
        "recommendation. However, as a unanimous decision could not be reached the "
        "recommendation was not carried."
    )
    assert vote.inquorate is False
    stored = rows(demo_desk, models.Vote)[-1]
    assert (stored["for_count"], stored["against_count"], stored["majority"]) == (8, 1, "unanimous")


def test_impossible_counts_are_refused_in_words_and_nothing_is_stored(
    demo_desk: Desk, room: int
) -> None:
    before = rows(demo_desk, models.Vote)
    with pytest.raises(ClerkError, match="10 votes cast but only 9 members present"):
        demo_desk.decisions.record_vote(room, VoteFields("x", for_count=7, against_count=3))
    with pytest.raises(ClerkError, match="casting vote only when the votes are tied"):
        demo_desk.decisions.record_vote(
            room, VoteFields("x", for_count=5, against_count=3, casting_vote="for")
        )
    with pytest.raises(ClerkError, match="needs the motion"):
        demo_desk.decisions.record_vote(room, VoteFields("  ", for_count=5))
    assert rows(demo_desk, models.Vote) == before


def test_a_tie_is_carried_on_the_chairs_casting_vote(demo_desk: Desk, room: int) -> None:
    vote = demo_desk.decisions.record_vote(
        room, VoteFields("x", for_count=4, against_count=4, abstentions=1, casting_vote="for")
    )
    assert vote.carried and vote.casting_vote == "for"


def test_a_recorded_vote_names_everyone_and_the_excluded_member_did_not_vote(
    demo_desk: Desk, room: int
) -> None:
    declare(demo_desk, "8", "Abdul Khan", "disclosable-pecuniary", "spoke-and-voted")
    setup = demo_desk.decisions.vote_setup(room)
    khan = person_id(demo_desk, "Abdul Khan")
    assert setup.present == 8
    assert [v.name for v in setup.voters if v.excluded] == ["Cllr Abdul Khan"]
    choices = tuple(
        (v.person_id, "against" if v.name.endswith("Brown") else "for") for v in setup.eligible
    )
    vote = demo_desk.decisions.record_vote(
        room, VoteFields("Budget", majority="simple", method="recorded", choices=choices)
    )
    assert (vote.for_count, vote.against_count, vote.abstentions, vote.present) == (7, 1, 0, 8)
    assert vote.names("against") == ("Cllr Mick Brown",)
    assert vote.names("did-not-vote") == ("Cllr Abdul Khan",)
    assert {n.person_id: n.choice for n in vote.named}[khan] == "did-not-vote"
    assert len(vote.named) == 9


def test_a_recorded_vote_with_names_missing_or_an_excluded_voter_is_refused(
    demo_desk: Desk, room: int
) -> None:
    declare(demo_desk, "8", "Abdul Khan", "disclosable-pecuniary", "left-room")
    setup = demo_desk.decisions.vote_setup(room)
    some = tuple((v.person_id, "for") for v in setup.eligible[:3])
    with pytest.raises(ClerkError, match="no vote marked for"):
        demo_desk.decisions.record_vote(room, VoteFields("x", method="recorded", choices=some))
    everyone = tuple((v.person_id, "for") for v in setup.voters)
    with pytest.raises(ClerkError, match="Abdul Khan left the room, having declared an interest"):
        demo_desk.decisions.record_vote(room, VoteFields("x", method="recorded", choices=everyone))
    assert rows(demo_desk, models.Vote)[-1]["item_id"] != room


def test_an_inquorate_vote_needs_confirmation_and_is_marked(
    demo_desk: Desk, clock: FakeClock
) -> None:
    seat(demo_desk, NINE[:4])  # quorum is 5
    clock.set("13:30")
    item = start(demo_desk, "8")
    with pytest.raises(ClerkError, match=r"inquorate .*confirm"):
        demo_desk.decisions.record_vote(item, VoteFields("x", for_count=3, against_count=1))
    vote = demo_desk.decisions.record_vote(
        item, VoteFields("x", for_count=3, against_count=1), inquorate_confirmed=True
    )
    assert vote.inquorate is True


def test_no_vote_without_anyone_present(demo_desk: Desk) -> None:
    with pytest.raises(ClerkError, match="record the attendance"):
        demo_desk.decisions.record_vote(item_id(demo_desk, "8"), VoteFields("x", for_count=1))


def test_named_votes_after_a_show_of_hands_stay_within_the_count(
    demo_desk: Desk, room: int
) -> None:
    vote = demo_desk.decisions.record_vote(room, VoteFields("x", for_count=8, against_count=1))
    brown, khan = person_id(demo_desk, "Mick Brown"), person_id(demo_desk, "Abdul Khan")
    vote = demo_desk.decisions.record_named_votes(vote.id, {brown: "against"})
    assert vote.names("against") == ("Cllr Mick Brown",)
    with pytest.raises(ClerkError, match="2 members named as voting against but only 1"):
        demo_desk.decisions.record_named_votes(vote.id, {brown: "against", khan: "against"})
    vote = demo_desk.decisions.record_named_votes(vote.id, {khan: "for"})
    assert [(n.name, n.choice) for n in vote.named] == [("Cllr Abdul Khan", "for")]


def test_a_vote_is_attached_to_its_resolution_and_deleting_it_detaches(
    demo_desk: Desk, room: int
) -> None:
    resolution = demo_desk.decisions.add_resolution(room, ResolutionFields(CO_OPTION))
    vote = demo_desk.decisions.record_vote(
        room, VoteFields(CO_OPTION, for_count=9, resolution_id=resolution.id)
    )
    assert demo_desk.decisions.item_minute(room).resolutions[0].vote_id == vote.id
    demo_desk.decisions.delete_vote(vote.id)
    minute = demo_desk.decisions.item_minute(room)
    assert minute.votes == () and minute.resolutions[0].vote_id is None


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


# ---- undo -------------------------------------------------------------------------------


def test_undo_walks_back_through_every_kind_of_record(demo_desk: Desk, room: int) -> None:
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


def test_undo_of_a_recorded_vote_takes_its_named_votes_too(demo_desk: Desk, room: int) -> None:
    setup = demo_desk.decisions.vote_setup(room)
    choices = tuple((v.person_id, "for") for v in setup.eligible)
    demo_desk.decisions.record_vote(room, VoteFields("x", method="recorded", choices=choices))
    assert len(rows(demo_desk, models.PersonVote)) == 9
    demo_desk.undo.undo_last(march_meeting(demo_desk))
    assert (
        rows(demo_desk, models.PersonVote) == []
        and rows(demo_desk, models.Vote)[-1]["item_id"] != room
    )


def test_undo_puts_an_edit_back_exactly(demo_desk: Desk, room: int) -> None:
    note = demo_desk.decisions.add_note(room, NoteFields("Frist draft"))
    before = rows(demo_desk, models.MinuteNote)
    demo_desk.decisions.edit_note(note.id, NoteFields("First draft", "bullet"))
    assert (
        demo_desk.undo.undo_last(march_meeting(demo_desk)) == "edit of a discussion point on item 8"
    )
    assert rows(demo_desk, models.MinuteNote) == before


def test_undo_is_refused_when_the_row_changed_since(demo_desk: Desk, room: int) -> None:
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
    demo_desk: Desk, room: int, clock: FakeClock
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


def test_an_undone_group_is_marked_in_the_audit(demo_desk: Desk, room: int) -> None:
    demo_desk.decisions.add_note(room, NoteFields("A note"))
    demo_desk.undo.undo_last(march_meeting(demo_desk))
    with demo_desk.store.reading() as session:
        event = session.exec(
            select(models.AuditEvent).where(models.AuditEvent.entity == "minutenote")
        ).one()
    assert event.undone is True
    assert json.loads(event.after or "{}")["text"] == "A note"
