"""Agenda import: the real front sheet in each form, its encodings, and the header line."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.agenda_import import ImportedAgenda, ImportedItem, parse_agenda, read_agenda_file
from tests.agenda_reference import (
    BODY,
    EXPECTED_ITEMS,
    FIXTURES,
    REFERENCE_BYTES,
    as_time,
    reference_agenda,
)

# --------------------------------------------------------------------------------------------
# The reference agenda


def test_reference_header() -> None:
    agenda = reference_agenda()
    assert agenda.form == "text"
    assert agenda.body_name == BODY
    assert agenda.date == dt.date(2022, 3, 14)
    assert agenda.start_time == dt.time(13, 30)
    assert agenda.venue == "Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB"
    assert agenda.livestream_url == "https://civico.net/sandwell"
    assert agenda.website == "www.westmidlandspcp.co.uk"
    assert agenda.contact_name == "Sarah Fradgley"
    assert agenda.contact_email == "wmpcp@birmingham.gov.uk"
    assert agenda.contact_phone == "0121 303 1727"
    assert agenda.warnings == ()


def test_reference_items_every_row() -> None:
    items = reference_agenda().items
    assert [
        (i.number, i.title, i.papers, i.approximate_time, i.kind, i.exempt, i.exempt_reason)
        for i in items
    ] == [
        (number, title, papers, as_time(time), kind, False, "")
        for number, title, papers, time, kind in EXPECTED_ITEMS
    ]
    assert [i.line for i in items] == [20, 21, 22, 23, 24, 27, 28, 29, 30, 31, 32, 33, 34, 35]


def test_reference_times_and_papers_as_the_brief_lists_them() -> None:
    by_number = {item.number: item for item in reference_agenda().items}
    timed = ["1", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]
    times = ["13:30", "13:35", "13:50", "13:55", "14:30", "15:00"]
    times += ["15:30", "15:40", "15:45", "15:50", "15:55"]
    assert [by_number[n].approximate_time for n in timed] == [as_time(t) for t in times]
    assert [by_number[n].approximate_time for n in ("2", "3", "4")] == [None, None, None]
    assert by_number["2"].title == "APOLOGIES"
    assert by_number["2"].kind == "apologies"
    assert by_number["8"].title == "REBUILDING NEIGHBOURHOOD POLICING"
    assert by_number["8"].papers == "Attached"
    assert by_number["13"].papers == "To Follow"


def test_reference_descriptions() -> None:
    by_number = {item.number: item for item in reference_agenda().items}
    assert by_number["2"].description == ""
    assert by_number["3"].description.startswith("To note that Councillor Bob Piper (Sandwell)")
    assert by_number["4"].description.startswith("Members are reminded that they must declare")
    assert by_number["6"].description == (
        "To confirm the following minutes and note the latest Action Tracker "
        "29 November 2022 31 January 2022"
    )
    assert (
        by_number["7"].description == "The Chief Constable has been invited to address the Panel."
    )
    assert by_number["11"].description == "Report of the Police and Crime Commissioner"
    assert by_number["12"].description == "Report of the Panel Lead Officer"
    assert by_number["14"].description.startswith("To consider any items of business")
    assert by_number["14"].description.endswith("are matters of urgency.")
    assert by_number["5"].description.endswith("to wmpcp@birmingham.gov.uk")


@pytest.mark.parametrize(
    "name",
    ["agenda-2022-03-14.md", "agenda-2022-03-14.csv", "agenda-2022-03-14-cp1252-crlf.txt"],
)
def test_fixture_forms_give_the_same_agenda(name: str) -> None:
    agenda = read_agenda_file(FIXTURES / name)
    reference = reference_agenda()
    assert agenda.items == reference.items
    assert agenda == reference  # the header too: each fixture carries the same header block
    assert agenda.form == {"md": "markdown", "csv": "csv", "txt": "text"}[name.rsplit(".")[-1]]
    assert agenda.warnings == ()


def test_cp1252_crlf_fixture_is_the_reference_as_word_saves_it() -> None:
    text = REFERENCE_BYTES.decode("utf-8")
    generated = text.replace("\n", "\r\n").encode("cp1252")
    assert (FIXTURES / "agenda-2022-03-14-cp1252-crlf.txt").read_bytes() == generated
    assert b"\x96" in generated  # the en dash, in Windows-1252
    with pytest.raises(UnicodeDecodeError):
        generated.decode("utf-8")


@pytest.mark.parametrize(
    "transform",
    [
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf8-bom"),
        pytest.param(lambda t: t.replace("\n", "\r").encode("utf-8"), id="cr-only"),
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: t.encode("utf-16"), id="utf16-bom"),
        pytest.param(lambda t: t.replace(" ", "\xa0", 3).encode("cp1252"), id="nbsp-cp1252"),
    ],
)
def test_encodings_and_line_endings(transform: object) -> None:
    assert callable(transform)
    data = transform(REFERENCE_BYTES.decode("utf-8"))
    assert parse_agenda(data, source="a.txt") == reference_agenda()


# --------------------------------------------------------------------------------------------
# The header line


@pytest.mark.parametrize(
    ("when", "date", "time"),
    [
        ("1:30pm, 14 March 2022", dt.date(2022, 3, 14), dt.time(13, 30)),
        ("1.30 pm, 14 March 2022", dt.date(2022, 3, 14), dt.time(13, 30)),
        ("13:30, 14th March 2022", dt.date(2022, 3, 14), dt.time(13, 30)),
        ("2pm, Monday 14 March 2022", dt.date(2022, 3, 14), dt.time(14, 0)),
        ("2 pm, Monday, 14 March 2022", dt.date(2022, 3, 14), dt.time(14, 0)),
        ("Monday 14 March 2022 at 10.00am", dt.date(2022, 3, 14), dt.time(10, 0)),
        ("14 March 2022", dt.date(2022, 3, 14), None),
        ("March 14, 2022, 1:30 p.m.", dt.date(2022, 3, 14), dt.time(13, 30)),
        ("12 noon, 1 Sept 2022", dt.date(2022, 9, 1), dt.time(12, 0)),
        ("12am, 2022-03-14", dt.date(2022, 3, 14), dt.time(0, 0)),
        ("1330 hours, 14/03/2022", dt.date(2022, 3, 14), dt.time(13, 30)),
    ],
)
def test_title_line_time_and_date(when: str, date: dt.date, time: dt.time | None) -> None:
    data = REFERENCE_BYTES.replace(b"1:30pm, 14 March 2022", when.encode())
    agenda = parse_agenda(data, source="a.txt")
    assert (agenda.body_name, agenda.date, agenda.start_time) == (BODY, date, time)


def test_body_name_with_hyphens_and_no_date() -> None:
    agenda = parse_agenda(b"Stoke-on-Trent Audit - Risk Panel\n\n\t1\tAPOLOGIES\t\n", source="a")
    assert agenda.body_name == "Stoke-on-Trent Audit - Risk Panel"
    assert agenda.date is None
    assert agenda.start_time is None
    assert agenda.venue is None


def test_key_value_header_lines_in_a_markdown_file() -> None:
    text = (
        "Committee: Audit Committee\nDate: Tuesday 5 July 2022\nTime: 10am\nVenue: Room 1.\n"
        "Webcast: https://example.org/live\nWebsite: https://example.org\n"
        "Contact: A Clerk\nE-mail: a@example.org\nTelephone: 01234 567890\n\n"
        "| No. | Title |\n| --- | --- |\n| 1 | APOLOGIES |\n"
    )
    agenda = parse_agenda(text.encode(), source="a.md")
    assert agenda == ImportedAgenda(
        body_name="Audit Committee",
        date=dt.date(2022, 7, 5),
        start_time=dt.time(10, 0),
        venue="Room 1",
        livestream_url="https://example.org/live",
        website="https://example.org",
        contact_name="A Clerk",
        contact_email="a@example.org",
        contact_phone="01234 567890",
        items=(ImportedItem("1", "APOLOGIES", kind="apologies"),),
    )


def test_csv_without_header_block_has_no_header_fields() -> None:
    agenda = parse_agenda(b"Number,Title\n1,APOLOGIES\n", source="a.csv")
    assert agenda == ImportedAgenda(items=(ImportedItem("1", "APOLOGIES", kind="apologies"),))
