"""Before the meeting, through the Desk against a real SQLite file: bodies, membership over
time, meetings (new, and from the previous one) and the agenda. Every refusal leaves the data
as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest

from clerk_tui.demo import PANEL
from clerk_tui.desk import Desk, MembershipView
from clerk_tui.desk.preparation import (
    BodyFields,
    MembershipFields,
)
from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_date, parse_time
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
    assert parse_date(text, today=MARCH) == value


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
        parse_time(text, where="start time")
    assert caught.value.where == "start time"


def test_a_date_that_is_no_date_is_refused_in_words() -> None:
    with pytest.raises(ClerkError, match="'31/02/2022' is not a date: write it as YYYY-MM-DD"):
        parse_date("31/02/2022", today=MARCH)
    with pytest.raises(ClerkError, match="give a date"):
        parse_date("  ", today=MARCH)


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
