"""Before the meeting, through the Desk against a real SQLite file: meetings (new, and from the
previous one) and their agenda. Every refusal leaves the data as it was."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.preparation import (
    BodyFields,
    ItemFields,
    MeetingFields,
)
from clerk_tui.errors import ClerkError
from db import open_database
from tests.conftest import FakeClock
from tests.test_preparation import (
    MARCH,
    counts,
    panel,
)


@pytest.fixture
def desk(empty_path: Path, clock: FakeClock) -> Iterator[Desk]:
    database = open_database(empty_path)
    yield Desk(database, clock)
    database.close()


# ---- meetings ------------------------------------------------------------------------------


def test_create_a_meeting_and_refuse_a_duplicate(desk: Desk, empty_path: Path) -> None:
    body = desk.agenda.create_body(BodyFields("Licensing Committee"))
    fields = MeetingFields(date=MARCH, scheduled_start=time(10), venue=" Room 1 ")
    meeting = desk.agenda.create_meeting(body.id, fields)
    assert (meeting.date, meeting.scheduled_start, meeting.venue, meeting.items) == (
        MARCH,
        time(10),
        "Room 1",
        (),
    )
    before = counts(empty_path)
    with pytest.raises(ClerkError, match="already a meeting at 10:00 on 14 March 2022"):
        desk.agenda.create_meeting(body.id, fields)
    assert counts(empty_path) == before
    # The same day at another time is another meeting (an extraordinary one, say).
    later = desk.agenda.create_meeting(body.id, MeetingFields(date=MARCH, scheduled_start=time(14)))
    assert later.id


def test_new_meeting_from_the_previous_one(demo_desk: Desk) -> None:
    body_id = panel(demo_desk)
    [march] = [m for m in demo_desk.agenda.meetings(body_id) if m.date == MARCH]
    outstanding = demo_desk.agenda.body(body_id).outstanding_actions
    meeting = demo_desk.agenda.create_meeting_from_previous(
        march.id,
        MeetingFields(
            date=date(2022, 6, 20),
            scheduled_start=time(13, 30),
            venue="Sandwell Council Chamber",
            livestream_url="https://civico.net/sandwell",
        ),
    )
    assert meeting.previous_meeting_id == march.id
    assert [(i.number, i.title, i.kind) for i in meeting.items] == [
        ("1", "NOTICE OF RECORDING AND WEBCASTING", "notice-of-recording"),
        ("2", "APOLOGIES", "apologies"),
        ("3", "DECLARATIONS OF INTEREST", "declarations"),
        ("4", "MINUTES AND ACTION TRACKER", "previous-minutes"),
    ]
    minutes = meeting.items[3]
    assert "the meeting held on 14 March 2022" in minutes.description
    assert minutes.papers == "Attached"
    # The tracker belongs to the body: its outstanding actions are there for the new meeting.
    assert demo_desk.agenda.body(body_id).outstanding_actions == outstanding == 7
    # The roster is whoever is in force on the new date.
    roster = [m.person.full_name for m in demo_desk.members.roster(meeting.id)]
    assert "Bob Piper" in roster and "Steve Carmicheal" not in roster
    assert len([m for m in demo_desk.members.roster(meeting.id) if m.voting]) == 13


def test_a_meeting_from_the_previous_one_must_come_after_it(
    demo_desk: Desk, demo_path: Path
) -> None:
    [march] = [m for m in demo_desk.agenda.meetings(panel(demo_desk)) if m.date == MARCH]
    before = counts(demo_path)
    with pytest.raises(ClerkError, match="must come after the one of 14 March 2022"):
        demo_desk.agenda.create_meeting_from_previous(
            march.id, MeetingFields(date=MARCH, scheduled_start=time(13, 30))
        )
    assert counts(demo_path) == before


def test_update_and_delete_a_planned_meeting(demo_desk: Desk, demo_path: Path) -> None:
    body_id = panel(demo_desk)
    [march, november] = demo_desk.agenda.meetings(body_id)
    changed = demo_desk.agenda.update_meeting(
        march.id, MeetingFields(date=date(2022, 3, 15), scheduled_start=time(14), venue="Online")
    )
    assert (changed.date, changed.scheduled_start, changed.venue) == (
        date(2022, 3, 15),
        time(14),
        "Online",
    )
    with pytest.raises(ClerkError, match="has begun: it cannot be deleted"):
        demo_desk.agenda.delete_meeting(november.id)
    before = counts(demo_path)
    demo_desk.agenda.delete_meeting(march.id)
    after = counts(demo_path)
    assert (before["meeting"] - after["meeting"], before["agendaitem"] - after["agendaitem"]) == (
        1,
        14,
    )
    assert [m.id for m in demo_desk.agenda.meetings(body_id)] == [november.id]


# ---- agenda --------------------------------------------------------------------------------


def march_meeting(desk: Desk) -> int:
    return next(m.id for m in desk.agenda.meetings(panel(desk)) if m.date == MARCH)


def numbers(desk: Desk, meeting_id: int) -> list[str]:
    return [i.number for i in desk.agenda.meeting(meeting_id).items]


def test_add_an_item_after_another_and_at_the_top(demo_desk: Desk) -> None:
    meeting_id = march_meeting(demo_desk)
    items = demo_desk.agenda.meeting(meeting_id).items
    added = demo_desk.agenda.add_item(
        meeting_id,
        ItemFields(
            "EXCLUSION OF THE PUBLIC",
            number="7a",
            kind="other",
            exempt=True,
            exempt_reason="paragraph 3 of Schedule 12A",
            recorded_vote_required=True,
            presenter="Chair",
            approximate_time=time(14, 25),
        ),
        after=items[6].id,
    )
    assert numbers(demo_desk, meeting_id)[6:9] == ["7", "7a", "8"]
    assert (added.exempt, added.exempt_reason, added.recorded_vote_required) == (
        True,
        "paragraph 3 of Schedule 12A",
        True,
    )
    demo_desk.agenda.add_item(meeting_id, ItemFields("PRAYERS", number="0"), after=0)
    assert numbers(demo_desk, meeting_id)[:2] == ["0", "1"]
    assert [i.position for i in demo_desk.agenda.meeting(meeting_id).items] == list(range(16))


def test_edit_move_renumber_and_delete_items(demo_desk: Desk, demo_path: Path) -> None:
    meeting_id = march_meeting(demo_desk)
    items = demo_desk.agenda.meeting(meeting_id).items
    edited = demo_desk.agenda.update_item(
        items[12].id, replace(ItemFields.of(items[12]), papers="Attached")
    )
    assert edited.papers == "Attached"
    assert demo_desk.agenda.cycle_papers(items[12].id).papers == "To Follow"
    assert demo_desk.agenda.cycle_papers(items[12].id).papers == "Tabled"
    assert demo_desk.agenda.cycle_papers(items[12].id).papers == "none"

    demo_desk.agenda.move_item(items[0].id, +1)
    assert numbers(demo_desk, meeting_id)[:3] == ["2", "1", "3"]
    demo_desk.agenda.move_item(items[0].id, -5)  # beyond the top stays at the top
    assert numbers(demo_desk, meeting_id)[:3] == ["1", "2", "3"]

    demo_desk.agenda.delete_item(items[2].id)
    assert numbers(demo_desk, meeting_id)[:3] == ["1", "2", "4"]
    renumbered = demo_desk.agenda.renumber_items(meeting_id)
    assert [i.number for i in renumbered.items] == [str(n) for n in range(1, 14)]
    assert [i.title for i in renumbered.items][:3] == [
        "NOTICE OF RECORDING AND WEBCASTING",
        "APOLOGIES",
        "DECLARATIONS OF INTEREST (IF ANY)",
    ]


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (ItemFields(" "), "an item needs a title"),
        (ItemFields("X", papers="Enclosed"), "papers must be one of none, Attached"),
        (ItemFields("X", kind="gossip"), "'gossip' is not a kind of item"),
        (ItemFields("X", exempt=True), "an exempt item needs its reason"),
        (ItemFields("X", exempt_reason="paragraph 3"), "only an exempt item has"),
    ],
)
def test_bad_items_are_refused_in_words(
    demo_desk: Desk, demo_path: Path, fields: ItemFields, words: str
) -> None:
    before = counts(demo_path)
    with pytest.raises(ClerkError, match=words):
        demo_desk.agenda.add_item(march_meeting(demo_desk), fields)
    assert counts(demo_path) == before


def test_a_closed_meetings_agenda_cannot_change(demo_desk: Desk, demo_path: Path) -> None:
    november = next(m for m in demo_desk.agenda.meetings(panel(demo_desk)) if m.status == "closed")
    item = demo_desk.agenda.meeting(november.id).items[0]
    before = counts(demo_path)
    for change in (
        lambda: demo_desk.agenda.add_item(november.id, ItemFields("LATE ITEM")),
        lambda: demo_desk.agenda.move_item(item.id, 1),
        lambda: demo_desk.agenda.delete_item(item.id),
        lambda: demo_desk.agenda.renumber_items(november.id),
    ):
        with pytest.raises(ClerkError, match="the meeting of 29 November 2021 is closed"):
            change()
    assert counts(demo_path) == before


def test_undo_of_a_reorder_restores_the_old_order(demo_desk) -> None:  # type: ignore[no-untyped-def]
    meeting = next(m for m in demo_desk.agenda.meetings() if m.status == "planned")
    before = [i.id for i in demo_desk.agenda.meeting(meeting.id).items]
    demo_desk.agenda.move_item(before[2], +1)
    assert [i.id for i in demo_desk.agenda.meeting(meeting.id).items][2:4] == [before[3], before[2]]
    assert demo_desk.undo.undo_last(meeting.id) is not None
    assert [i.id for i in demo_desk.agenda.meeting(meeting.id).items] == before
