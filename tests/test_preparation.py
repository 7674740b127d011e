"""Before the meeting, through the Desk against a real SQLite file: bodies, membership over
time, meetings (new, and from the previous one) and the agenda. Every refusal leaves the data
as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from clerk_tui.demo import PANEL
from clerk_tui.desk import Desk, MembershipView
from clerk_tui.desk.preparation import (
    BodyFields,
    ItemFields,
    MeetingFields,
    MembershipFields,
    parse_date,
    parse_time,
)
from clerk_tui.errors import ClerkError
from db import open_database
from tests.conftest import FakeClock

MARCH = date(2022, 3, 14)


@pytest.fixture
def desk(empty_path: Path, clock: FakeClock) -> Iterator[Desk]:
    database = open_database(empty_path)
    yield Desk(database, clock)
    database.close()


def counts(path: Path) -> dict[str, int]:
    """Rows in every table: what "the data is unchanged" means."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def audit(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT entity, op, summary FROM auditevent ORDER BY id"
        ).fetchall()


def member(name: str, start: date = date(2022, 5, 25), **values: object) -> MembershipFields:
    title = str(values.pop("title", "Cllr"))
    return MembershipFields(title=title, full_name=name, start=start, **values)  # type: ignore[arg-type]


def panel(desk: Desk) -> int:
    body = desk.agenda.find_body(PANEL)
    assert body is not None
    return body.id


def by_name(desk: Desk, body_id: int, name: str, on: date | None = None) -> list[MembershipView]:
    return [m for m in desk.members.memberships(body_id, on) if m.person.full_name == name]


# ---- typed values --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2022-03-14", MARCH),
        ("14/03/2022", MARCH),
        ("14 March 2022", MARCH),
        (" 14 Mar 2022 ", MARCH),
    ],
)
def test_dates_as_a_clerk_types_them(text: str, value: date) -> None:
    assert parse_date(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("13:30", time(13, 30)),
        ("1330", time(13, 30)),
        ("13.30", time(13, 30)),
        ("1:30pm", time(13, 30)),
        ("1.30 p.m.", time(13, 30)),
        ("9:05", time(9, 5)),
        ("2pm", time(14, 0)),
    ],
)
def test_times_as_a_clerk_types_them(text: str, value: time) -> None:
    assert parse_time(text) == value


@pytest.mark.parametrize("text", ["25:70", "130", "soon", "13:3O"])
def test_a_time_that_is_no_time_is_refused_in_words(text: str) -> None:
    with pytest.raises(ClerkError, match="is not a time of day") as caught:
        parse_time(text, "start time")
    assert caught.value.where == "start time"


def test_a_date_that_is_no_date_is_refused_in_words() -> None:
    with pytest.raises(ClerkError, match="'31/02/2022' is not a date: write it as YYYY-MM-DD"):
        parse_date("31/02/2022")
    with pytest.raises(ClerkError, match="give a date"):
        parse_date("  ")


# ---- bodies --------------------------------------------------------------------------------


def test_create_and_edit_a_body_with_its_audit(desk: Desk, empty_path: Path) -> None:
    body = desk.agenda.create_body(
        BodyFields("Licensing Committee", quorum=3, next_minute_number=40)
    )
    assert (body.name, body.quorum, body.next_minute_number) == ("Licensing Committee", 3, 40)
    edited = desk.agenda.update_body(
        body.id,
        BodyFields(
            "Licensing Committee",
            short_name="Committee",
            contact_name="Sarah Fradgley",
            contact_email="wmpcp@birmingham.gov.uk",
            contact_phone="0121 303 1727",
            website="www.example.org",
            quorum=4,
            next_minute_number=41,
        ),
    )
    assert desk.agenda.body(body.id) == edited
    assert (edited.short_name, edited.contact_phone, edited.quorum) == (
        "Committee",
        "0121 303 1727",
        4,
    )
    assert [(e, op) for e, op, _ in audit(empty_path)] == [("body", "create"), ("body", "update")]


def test_a_second_body_of_the_same_name_is_refused(desk: Desk, empty_path: Path) -> None:
    desk.agenda.create_body(BodyFields("Licensing Committee"))
    before = counts(empty_path)
    with pytest.raises(ClerkError, match="a body with that name already exists"):
        desk.agenda.create_body(BodyFields("Licensing Committee"))
    with pytest.raises(ClerkError, match="a body needs a name"):
        desk.agenda.create_body(BodyFields("  "))
    assert counts(empty_path) == before


# ---- membership ----------------------------------------------------------------------------


def test_appoint_a_member_and_an_officer(desk: Desk) -> None:
    body = desk.agenda.create_body(BodyFields("Licensing Committee"))
    cllr = desk.members.appoint(body.id, member("Paul Bradley", represents="Dudley"))
    officer = desk.members.appoint(
        body.id,
        member("Jonathan Jardine", title="", role="officer", role_text="Chief Executive, OPCC"),
    )
    assert (cllr.person.display_name, cllr.represents, cllr.voting) == (
        "Cllr Paul Bradley",
        "Dudley",
        True,
    )
    # An officer never votes, whatever the form said.
    assert (officer.role, officer.role_text, officer.voting) == (
        "officer",
        "Chief Executive, OPCC",
        False,
    )
    assert [m.person.full_name for m in desk.members.memberships(body.id, date(2022, 6, 1))] == [
        "Paul Bradley",
        "Jonathan Jardine",
    ]
    assert desk.members.memberships(body.id, date(2022, 5, 24)) == []


def test_one_person_is_one_row_reused_across_bodies(desk: Desk, empty_path: Path) -> None:
    first = desk.agenda.create_body(BodyFields("Licensing Committee"))
    second = desk.agenda.create_body(BodyFields("Planning Committee"))
    a = desk.members.appoint(first.id, member("Paul Bradley", title=""))
    b = desk.members.appoint(second.id, member("paul  BRADLEY", title="Cllr"))
    assert a.person.id == b.person.id
    assert desk.members.people("Brad") == [desk.members.people("Paul")[0]]
    assert desk.members.people("Brad")[0].title == "Cllr"  # a title learnt later is kept


def test_the_same_person_cannot_hold_two_memberships_at_once(desk: Desk, empty_path: Path) -> None:
    body = desk.agenda.create_body(BodyFields("Licensing Committee", short_name="Committee"))
    desk.members.appoint(body.id, member("Paul Bradley", end=date(2022, 12, 31)))
    before = counts(empty_path)
    with pytest.raises(ClerkError, match="Paul Bradley is already on the Committee from 25 May"):
        desk.members.appoint(body.id, member("Paul Bradley", start=date(2022, 6, 1)))
    assert counts(empty_path) == before
    # After the first one ends, they may come back.
    again = desk.members.appoint(body.id, member("Paul Bradley", start=date(2023, 1, 1)))
    assert again.start_date == date(2023, 1, 1)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        (member(""), "a person needs a name"),
        (member("A B", role="mayor"), "'mayor' is not a role"),
        (member("A B", end=date(2022, 1, 1)), r"cannot end \(1 January 2022\) before it begins"),
        (member("A B", role="officer"), "needs a role text"),
    ],
)
def test_bad_appointments_are_refused_in_words(
    desk: Desk, empty_path: Path, fields: MembershipFields, words: str
) -> None:
    body = desk.agenda.create_body(BodyFields("Licensing Committee"))
    before = counts(empty_path)
    with pytest.raises(ClerkError, match=words):
        desk.members.appoint(body.id, fields)
    assert counts(empty_path) == before


def test_end_a_membership(demo_desk: Desk) -> None:
    body_id = panel(demo_desk)
    [walker] = by_name(demo_desk, body_id, "Lionel Walker")
    ended = demo_desk.members.end_membership(walker.id, date(2022, 3, 31))
    assert ended.end_date == date(2022, 3, 31)
    assert by_name(demo_desk, body_id, "Lionel Walker", date(2022, 3, 31))
    assert not by_name(demo_desk, body_id, "Lionel Walker", date(2022, 4, 1))
    with pytest.raises(ClerkError, match="cannot end before it"):
        demo_desk.members.end_membership(walker.id, date(2020, 1, 1))


def test_correct_a_membership_and_the_persons_name(demo_desk: Desk) -> None:
    body_id = panel(demo_desk)
    [murphy] = by_name(demo_desk, body_id, "Kristina Murphy")
    fields = MembershipFields(
        title="",
        full_name="Kristina Murphy-Jones",
        start=date(2021, 5, 25),
        role="co-opted",
        role_text="Independent Member",
        voting=True,
    )
    view = demo_desk.members.update_membership(murphy.id, fields)
    assert (view.person.full_name, view.role) == ("Kristina Murphy-Jones", "co-opted")
    assert view.person.id == murphy.person.id
    with pytest.raises(ClerkError, match="Paul Bradley is already someone else"):
        demo_desk.members.update_membership(
            murphy.id,
            MembershipFields(title="", full_name="Paul Bradley", start=date(2021, 5, 25)),
        )


def test_replace_a_member_ends_one_and_starts_the_other_linked(
    demo_desk: Desk, demo_path: Path
) -> None:
    body_id = panel(demo_desk)
    [piper] = by_name(demo_desk, body_id, "Bob Piper")
    new = demo_desk.members.replace_member(
        piper.id,
        title="Cllr",
        full_name="Jane Smith",
        on=date(2022, 6, 1),
    )
    assert (new.person.display_name, new.represents, new.start_date) == (
        "Cllr Jane Smith",
        "Sandwell",
        date(2022, 6, 1),
    )
    assert new.replaces_id == piper.id
    assert new.replaces_name == "Cllr Bob Piper"
    [old] = by_name(demo_desk, body_id, "Bob Piper")
    assert old.end_date == date(2022, 5, 31)
    on_june = [m.person.full_name for m in demo_desk.members.memberships(body_id, date(2022, 6, 1))]
    assert "Jane Smith" in on_june and "Bob Piper" not in on_june
    # The roster of a date names whom a replacement replaced, even after that one has gone.
    [jane] = by_name(demo_desk, body_id, "Jane Smith", date(2022, 6, 1))
    assert jane.replaces_name == "Cllr Bob Piper"
    # One clerk action, one audit group: the end and the appointment are undone together.
    with sqlite3.connect(demo_path) as connection:
        groups = connection.execute(
            "SELECT count(DISTINCT group_id), count(*) FROM auditevent"
        ).fetchone()
    assert groups == (1, 3)  # Piper's end, Jane Smith the person, her membership


def test_a_refused_replacement_changes_nothing(demo_desk: Desk, demo_path: Path) -> None:
    body_id = panel(demo_desk)
    [piper] = by_name(demo_desk, body_id, "Bob Piper")
    before = counts(demo_path)
    with pytest.raises(ClerkError, match="Mick Brown is already on the Panel"):
        demo_desk.members.replace_member(
            piper.id, title="Cllr", full_name="Mick Brown", on=date(2022, 6, 1)
        )
    with pytest.raises(ClerkError, match="cannot replace themselves"):
        demo_desk.members.replace_member(
            piper.id, title="Cllr", full_name="Bob Piper", on=date(2022, 6, 1)
        )
    with pytest.raises(ClerkError, match="must start after the member being replaced began"):
        demo_desk.members.replace_member(
            piper.id, title="", full_name="Jane Smith", on=date(2022, 2, 1)
        )
    assert counts(demo_path) == before
    [still] = by_name(demo_desk, body_id, "Bob Piper")
    assert still.end_date is None


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
    assert desk.agenda.create_meeting(body.id, MeetingFields(date=MARCH, scheduled_start=time(14)))


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
