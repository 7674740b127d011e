"""Importing an agenda document through the Desk: the reference agenda into an empty database,
the same agenda in every form, options over the header, and refusals that write nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from clerk_tui.agenda_import import parse_agenda
from clerk_tui.demo import PANEL
from clerk_tui.desk import Desk, MeetingView
from clerk_tui.desk.importing import ImportOptions
from clerk_tui.desk.preparation import BodyFields, MeetingFields
from clerk_tui.errors import ClerkError
from clerk_tui.timing import planned_times
from db import open_database
from tests.conftest import FakeClock
from tests.test_preparation import counts

FIXTURES = Path(__file__).parent / "fixtures" / "agendas"
REFERENCE = FIXTURES / "agenda-2022-03-14.txt"
FORMS = ["agenda-2022-03-14.md", "agenda-2022-03-14.csv", "agenda-2022-03-14-cp1252-crlf.txt"]
VENUE = "Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB"
# Approximate times the agenda gives, by item number (items 2 to 4 have none).
GIVEN_TIMES = {
    "1": "13:30", "5": "13:35", "6": "13:50", "7": "13:55", "8": "14:30", "9": "15:00",
    "10": "15:30", "11": "15:40", "12": "15:45", "13": "15:50", "14": "15:55",
}  # fmt: skip


@pytest.fixture
def desk(empty_path: Path, clock: FakeClock) -> Iterator[Desk]:
    database = open_database(empty_path)
    yield Desk(database, clock)
    database.close()


def item_rows(meeting: MeetingView) -> list[tuple[object, ...]]:
    return [
        (i.number, i.title, i.description, i.papers, i.approximate_time, i.kind, i.exempt)
        for i in meeting.items
    ]


def test_the_reference_agenda_into_an_empty_database(desk: Desk) -> None:
    result = desk.agenda.import_agenda_file(REFERENCE)
    meeting = result.meeting
    assert result.body_created
    body = meeting.body
    assert body.name == PANEL
    assert (body.contact_name, body.contact_email, body.contact_phone, body.website) == (
        "Sarah Fradgley",
        "wmpcp@birmingham.gov.uk",
        "0121 303 1727",
        "www.westmidlandspcp.co.uk",
    )
    assert (meeting.date, meeting.scheduled_start, meeting.venue) == (
        date(2022, 3, 14),
        time(13, 30),
        VENUE,
    )
    assert meeting.livestream_url == "https://civico.net/sandwell"
    assert meeting.status == "planned"
    items = meeting.items
    assert [i.number for i in items] == [str(n) for n in range(1, 15)]
    assert (items[1].title, items[1].kind) == ("APOLOGIES", "apologies")
    assert (items[7].title, items[7].papers) == ("REBUILDING NEIGHBOURHOOD POLICING", "Attached")
    assert items[12].papers == "To Follow"
    given = {i.number: f"{i.approximate_time:%H:%M}" for i in items if i.approximate_time}
    assert given == GIVEN_TIMES
    # Items 2 to 4 have no time: they are planned between 13:30 and 13:35, marked as planned.
    planned = planned_times([i.approximate_time for i in items], meeting.scheduled_start)
    between = planned[1:4]
    assert all(not p.given for p in between)
    assert all(time(13, 30) < p.at < time(13, 35) for p in between)
    assert [p.at for p in between] == sorted(p.at for p in between)
    assert planned[0].given and planned[4].given
    assert result.summary == (
        f"14 items imported into the meeting of {PANEL} (a new body) on 14 March 2022 at 13:30"
    )


@pytest.mark.parametrize("name", FORMS)
def test_every_form_of_the_agenda_gives_the_same_items(
    name: str, tmp_path: Path, clock: FakeClock
) -> None:
    reference_db = open_database(tmp_path / "reference.db")
    other_db = open_database(tmp_path / "other.db")
    try:
        reference = Desk(reference_db, clock).agenda.import_agenda_file(REFERENCE).meeting
        other = Desk(other_db, clock).agenda.import_agenda_file(FIXTURES / name).meeting
    finally:
        reference_db.close()
        other_db.close()
    assert item_rows(other) == item_rows(reference)
    assert (other.date, other.scheduled_start, other.venue, other.body.name) == (
        reference.date,
        reference.scheduled_start,
        reference.venue,
        reference.body.name,
    )


def test_options_override_the_header_and_a_known_body_is_reused(demo_desk: Desk) -> None:
    before = len(demo_desk.agenda.bodies())
    result = demo_desk.agenda.import_agenda_file(
        REFERENCE,
        ImportOptions(body="panel", date=date(2022, 6, 20), time=time(14), venue="Online"),
    )
    meeting = result.meeting
    assert not result.body_created and len(demo_desk.agenda.bodies()) == before
    assert (meeting.body.name, meeting.date, meeting.scheduled_start, meeting.venue) == (
        PANEL,
        date(2022, 6, 20),
        time(14),
        "Online",
    )
    # Its previous meeting is the body's last one before it (whose minutes it confirms).
    march = next(m for m in demo_desk.agenda.meetings() if m.date == date(2022, 3, 14))
    assert meeting.previous_meeting_id == march.id


def test_a_meeting_that_already_has_items_is_never_touched(
    demo_desk: Desk, demo_path: Path
) -> None:
    before = counts(demo_path)
    with pytest.raises(ClerkError) as caught:
        demo_desk.agenda.import_agenda_file(REFERENCE)
    assert caught.value.where == str(REFERENCE)
    assert caught.value.message == (
        f"the {PANEL} already has a meeting on 14 March 2022 with 14 agenda items: nothing "
        "imported (edit that agenda, or import with another date)"
    )
    assert counts(demo_path) == before


def test_a_meeting_made_before_the_agenda_came_is_filled(desk: Desk) -> None:
    body = desk.agenda.create_body(BodyFields(PANEL, short_name="Panel"))
    empty = desk.agenda.create_meeting(body.id, MeetingFields(date(2022, 3, 14), time(14)))
    result = desk.agenda.import_agenda_file(FIXTURES / "agenda-2022-03-14.csv")
    assert result.meeting.id == empty.id
    assert len(result.meeting.items) == 14
    assert result.meeting.scheduled_start == time(13, 30)
    assert len(desk.agenda.meetings()) == 1


@pytest.mark.parametrize(
    ("data", "options", "words"),
    [
        (b"number,title\n1,A\n", ImportOptions(date=date(2022, 1, 1)), "does not name its body"),
        (b"number,title\n1,A\n", ImportOptions(body="X"), "gives no date"),
        (
            b"number,title\n1,A\n",
            ImportOptions(body="X", date=date(2022, 1, 1)),
            "gives no start time",
        ),
    ],
)
def test_what_the_agenda_does_not_say_must_be_given(
    desk: Desk, empty_path: Path, data: bytes, options: ImportOptions, words: str
) -> None:
    before = counts(empty_path)
    with pytest.raises(ClerkError, match=words) as caught:
        desk.agenda.import_agenda(parse_agenda(data, source="a.csv"), options, source="a.csv")
    assert caught.value.where == "a.csv"
    assert counts(empty_path) == before


def test_without_a_start_time_the_first_timed_item_starts_the_meeting(desk: Desk) -> None:
    data = b"number,title,time\n1,APOLOGIES,\n2,REPORT,10:15\n"
    agenda = parse_agenda(data, source="a.csv")
    meeting = desk.agenda.import_agenda(
        agenda, ImportOptions(body="Board", date=date(2022, 1, 1))
    ).meeting
    assert meeting.scheduled_start == time(10, 15)
    assert [i.kind for i in meeting.items] == ["apologies", "report"]


# Printable text of any script (control characters are the parser's own tests' business).
CELL = st.text(st.characters(whitelist_categories=("L", "N", "P", "S", "Zs")), max_size=12)
ROW = st.tuples(
    st.one_of(st.integers(1, 40).map(str), st.sampled_from(["6a", "6.1", "12(b)"])),
    st.one_of(CELL, st.text(st.characters(whitelist_categories=("L", "Zs")), min_size=1)),
    st.sampled_from(["", "Attached", "To Follow", "Tabled", "to follow", "n/a"]),
    st.sampled_from(["", "13:30", "1:30pm", "9.05", "12 noon", "1330 hours"]),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(ROW, min_size=1, max_size=6, unique_by=lambda row: row[0]),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
)
def test_whatever_the_rows_the_import_stores_them_or_refuses_in_words(
    desk: Desk, empty_path: Path, rows: list[tuple[str, str, str, str]], day: date
) -> None:
    """Agenda-shaped text with arbitrary cells: items stored, or a ClerkError and no rows."""
    lines = ["number,title,papers,time"]
    lines += [",".join('"' + cell.replace('"', '""') + '"' for cell in row) for row in rows]
    try:
        agenda = parse_agenda("\n".join(lines).encode(), source="fuzz.csv")
    except ClerkError:
        event("refused by the parser")
        return
    before = counts(empty_path)
    options = ImportOptions(body="Fuzz Committee", date=day, time=time(10))
    try:
        meeting = desk.agenda.import_agenda(agenda, options, source="fuzz.csv").meeting
    except ClerkError as error:
        event("refused by the import")
        assert str(error)
        assert counts(empty_path) == before
    else:
        event("stored")
        assert [i.title for i in meeting.items] == [i.title for i in agenda.items]
