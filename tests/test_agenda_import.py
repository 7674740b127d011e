"""Agenda import: the real front sheet in each form, every kind of bad input, and fuzzing."""

from __future__ import annotations

import datetime as dt
import os
import pathlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.agenda_import import (
    ITEM_KINDS,
    MAX_AGENDA_BYTES,
    PAPERS,
    ImportedAgenda,
    ImportedItem,
    Papers,
    kind_from_title,
    parse_agenda,
    read_agenda_file,
    split_topic,
)
from clerk_tui.errors import ClerkError

FIXTURES = Path(__file__).parent / "fixtures" / "agendas"
REFERENCE = FIXTURES / "agenda-2022-03-14.txt"
REFERENCE_BYTES = REFERENCE.read_bytes()
BODY = "West Midlands Police and Crime Panel"

# (number, title, papers, approximate time, kind) for every row of the 14 March 2022 agenda.
EXPECTED_ITEMS = [
    ("1", "NOTICE OF RECORDING AND WEBCASTING", "none", "13:30", "notice-of-recording"),
    ("2", "APOLOGIES", "none", None, "apologies"),
    ("3", "PANEL MEMBERSHIP", "none", None, "membership"),
    ("4", "DECLARATIONS OF INTEREST (IF ANY)", "none", None, "declarations"),
    ("5", "PUBLIC QUESTION TIME", "none", "13:35", "public-questions"),
    ("6", "MINUTES AND LASTEST ACTION TRACKER", "Attached", "13:50", "previous-minutes"),
    (
        "7",
        "SIR DAVID THOMPSON QPM DL - CHIEF CONSTABLE WEST MIDLANDS POLICE",
        "none",
        "13:55",
        "report",
    ),
    ("8", "REBUILDING NEIGHBOURHOOD POLICING", "Attached", "14:30", "report"),
    (
        "9",
        "NATIONAL POLICING PRIORITIES AND POLICE AND CRIME PLAN SCORECARD",
        "Attached",
        "15:00",
        "report",
    ),
    ("10", "POLICE AND CRIME COMMISSIONER UPDATE AND KEY DECISIONS", "none", "15:30", "report"),
    (
        "11",
        "RECRUITMENT PLAN – WEST MIDLANDS POLICE CHIEF CONSTABLE",
        "Attached",
        "15:40",
        "report",
    ),
    (
        "12",
        "WEST MIDLANDS POLICE AND CRIME PANEL BUDGET 2022/23 AND EXPENDITURE 2021/22",
        "Attached",
        "15:45",
        "report",
    ),
    ("13", "ANNUAL REPORT OF COMPLAINT HANDLING", "To Follow", "15:50", "report"),
    ("14", "MEETING DATES 2022/2023 URGENT BUSINESS", "To Follow", "15:55", "urgent-business"),
]


def _time(text: str | None) -> dt.time | None:
    return None if text is None else dt.time.fromisoformat(text)


def _error(data: bytes | str, source: str = "agenda.txt") -> ClerkError:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with pytest.raises(ClerkError) as info:
        parse_agenda(raw, source=source)
    error = info.value
    assert "\n" not in str(error), "an error is one line"
    return error


def _reference() -> ImportedAgenda:
    return parse_agenda(REFERENCE_BYTES, source=REFERENCE.name)


# --------------------------------------------------------------------------------------------
# The reference agenda


def test_reference_header() -> None:
    agenda = _reference()
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
    items = _reference().items
    assert [
        (i.number, i.title, i.papers, i.approximate_time, i.kind, i.exempt, i.exempt_reason)
        for i in items
    ] == [
        (number, title, papers, _time(time), kind, False, "")
        for number, title, papers, time, kind in EXPECTED_ITEMS
    ]
    assert [i.line for i in items] == [20, 21, 22, 23, 24, 27, 28, 29, 30, 31, 32, 33, 34, 35]


def test_reference_times_and_papers_as_the_brief_lists_them() -> None:
    by_number = {item.number: item for item in _reference().items}
    timed = ["1", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14"]
    times = ["13:30", "13:35", "13:50", "13:55", "14:30", "15:00"]
    times += ["15:30", "15:40", "15:45", "15:50", "15:55"]
    assert [by_number[n].approximate_time for n in timed] == [_time(t) for t in times]
    assert [by_number[n].approximate_time for n in ("2", "3", "4")] == [None, None, None]
    assert by_number["2"].title == "APOLOGIES"
    assert by_number["2"].kind == "apologies"
    assert by_number["8"].title == "REBUILDING NEIGHBOURHOOD POLICING"
    assert by_number["8"].papers == "Attached"
    assert by_number["13"].papers == "To Follow"


def test_reference_descriptions() -> None:
    by_number = {item.number: item for item in _reference().items}
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
    reference = _reference()
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
    assert parse_agenda(data, source="a.txt") == _reference()


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


# --------------------------------------------------------------------------------------------
# Titles, kinds, papers, exempt


@pytest.mark.parametrize(
    ("topic", "title", "description"),
    [
        ("APOLOGIES", "APOLOGIES", ""),
        ("PANEL MEMBERSHIP To note that", "PANEL MEMBERSHIP", "To note that"),
        (
            "DECLARATIONS OF INTEREST (IF ANY) Members are",
            "DECLARATIONS OF INTEREST (IF ANY)",
            "Members are",
        ),
        ("BUDGET 2022/23 & PLAN Report of", "BUDGET 2022/23 & PLAN", "Report of"),
        ("SIR A B QPM DL - CHIEF The Chief", "SIR A B QPM DL - CHIEF", "The Chief"),
        ("PLAN – WEST Report of", "PLAN – WEST", "Report of"),
        ("APOLOGIES A report to note", "APOLOGIES", "A report to note"),
        ("PLAN A Report of the", "PLAN A", "Report of the"),
        ("WORK PROGRAMME – To note", "WORK PROGRAMME", "To note"),
        ("Apologies for absence", "Apologies for absence", ""),
        ("", "", ""),
    ],
)
def test_split_topic(topic: str, title: str, description: str) -> None:
    assert split_topic(topic) == (title, description)


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("NOTICE OF RECORDING AND WEBCASTING", "notice-of-recording"),
        ("Notice of webcasting", "notice-of-recording"),
        ("APOLOGIES", "apologies"),
        ("Apologies for absence", "apologies"),
        ("PANEL MEMBERSHIP", "membership"),
        ("Committee membership", "membership"),
        ("DECLARATIONS OF INTEREST (IF ANY)", "declarations"),
        ("Declarations of interests", "declarations"),
        ("MINUTES AND LASTEST ACTION TRACKER", "previous-minutes"),
        ("Minutes of the last meeting", "previous-minutes"),
        ("PUBLIC QUESTION TIME", "public-questions"),
        ("Public questions", "public-questions"),
        ("URGENT BUSINESS", "urgent-business"),
        ("MEETING DATES 2022/2023 URGENT BUSINESS", "urgent-business"),
        ("WORK PROGRAMME", "work-programme"),
        ("Work programme 2022/23", "work-programme"),
        ("REBUILDING NEIGHBOURHOOD POLICING", "report"),
        ("POLICE AND CRIME COMMISSIONER UPDATE AND KEY DECISIONS", "report"),
        ("EXCLUSION OF THE PRESS AND PUBLIC", "other"),
    ],
)
def test_kind_from_title(title: str, kind: str) -> None:
    assert kind_from_title(title) == kind
    assert kind in ITEM_KINDS


def test_vocabularies() -> None:
    assert PAPERS == ("none", "Attached", "To Follow", "Tabled")
    assert Papers.TO_FOLLOW == "To Follow"
    assert set(ITEM_KINDS) == {
        "notice-of-recording",
        "apologies",
        "membership",
        "declarations",
        "previous-minutes",
        "public-questions",
        "report",
        "update",
        "urgent-business",
        "work-programme",
        "other",
    }


def test_papers_values_are_normalised() -> None:
    data = b"number,title,papers\n1,A,attached\n2,B,TO FOLLOW\n3,C,Tabled\n4,D,\n5,E,None\n"
    items = parse_agenda(data, source="a.csv").items
    assert [i.papers for i in items] == ["Attached", "To Follow", "Tabled", "none", "none"]


def test_exempt_column_values_and_reasons() -> None:
    data = (
        b"number,title,exempt,exempt_reason\n"
        b"1,A,yes,\n2,B,no,\n3,C,TRUE,\n4,D,false,\n5,E,1,\n6,F,0,\n7,G,y,\n8,H,n,\n9,I,,\n"
        b"10,J,paragraph 3 of Schedule 12A,\n11,K,yes,paragraph 1 of Schedule 12A\n"
        b"12,L,,paragraph 2 of Schedule 12A\n"
    )
    items = parse_agenda(data, source="a.csv").items
    assert [i.exempt for i in items[:8]] == [True, False, True, False, True, False, True, False]
    assert [i.exempt for i in items[8:]] == [False, True, True, True]
    assert [i.exempt_reason for i in items[9:]] == [
        "paragraph 3 of Schedule 12A",
        "paragraph 1 of Schedule 12A",
        "paragraph 2 of Schedule 12A",
    ]


def test_exempt_in_markdown() -> None:
    text = (
        "| number | title | exempt |\n|---|---|---|\n"
        "| 1 | APOLOGIES | |\n| 2 | CONTRACT AWARD | paragraph 3 of Schedule 12A |\n"
    )
    items = parse_agenda(text.encode(), source="a.md").items
    assert items[1] == ImportedItem(
        "2", "CONTRACT AWARD", exempt=True, exempt_reason="paragraph 3 of Schedule 12A"
    )


def test_formula_like_text_is_kept_as_text() -> None:
    data = b'number,title,description\n1,=HYPERLINK("x"),+1\n2,@SUM(A1),-2\n3,-MINUS,=cmd|x\n'
    items = parse_agenda(data, source="a.csv").items
    assert [(i.title, i.description) for i in items] == [
        ('=HYPERLINK("x")', "+1"),
        ("@SUM(A1)", "-2"),
        ("-MINUS", "=cmd|x"),
    ]


def test_markdown_escaped_pipes_emphasis_and_topic_column() -> None:
    text = (
        "| Item | Topic | Approximate time |\n|:--|:--|--:|\n"
        "| 1 | **APOLOGIES** To receive apologies | 2pm |\n"
        "| 2 | A \\| B REVIEW Report of the chair | |\n"
    )
    items = parse_agenda(text.encode(), source="a.md").items
    assert [(i.title, i.description, i.approximate_time) for i in items] == [
        ("APOLOGIES", "To receive apologies", dt.time(14)),
        ("A | B REVIEW", "Report of the chair", None),
    ]


def test_csv_semicolons_quotes_and_multiline_cells() -> None:
    data = b'number;title;description\n1;"A; B";"line one\nline two"\n2;C;\n'
    items = parse_agenda(data, source="a.csv").items
    assert [(i.title, i.description, i.line) for i in items] == [
        ("A; B", "line one\nline two", 2),
        ("C", "", 4),
    ]


def test_item_number_labels() -> None:
    data = b"number,title\n6,A\n6a,B\n6.1,C\n7(b),D\nItem 8,E\n9.,F\n"
    items = parse_agenda(data, source="a.csv").items
    assert [i.number for i in items] == ["6", "6a", "6.1", "7(b)", "8", "9"]


def test_text_continuation_lines_and_skipped_lines() -> None:
    data = (
        b"Panel\n\n\t1\tAPOLOGIES\t\nTo receive apologies.\n\n"
        b"\t2\tMINUTES To confirm\t14:00\n\nPublished 4 March 2022\n"
    )
    agenda = parse_agenda(data, source="a.txt")
    assert [(i.title, i.description) for i in agenda.items] == [
        ("APOLOGIES", "To receive apologies."),
        ("MINUTES", "To confirm"),
    ]
    assert agenda.warnings == ("line 8: skipped 'Published 4 March 2022' (not a table row)",)


def test_trailing_empty_cells_may_be_left_off() -> None:
    data = REFERENCE_BYTES.replace(b"\t2\tAPOLOGIES\t\n", b"\t2\tAPOLOGIES\n")
    assert parse_agenda(data, source="a.txt") == _reference()


# --------------------------------------------------------------------------------------------
# Bad input: one line, naming the file, the line and what is wrong


def _ref(old: str, new: str) -> bytes:
    assert old.encode() in REFERENCE_BYTES
    return REFERENCE_BYTES.replace(old.encode(), new.encode(), 1)


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        pytest.param(b"", "agenda.txt", "the file is empty", id="empty"),
        pytest.param(b" \r\n\n\t\n", "agenda.txt", "only blank lines", id="blank"),
        pytest.param(b"a\nb\x00c", "agenda.txt:2", "NUL bytes", id="nul"),
        pytest.param(b"Panel\n\xe9t\x81\n", "agenda.txt:2", "byte 0x81", id="undefined-cp1252"),
        pytest.param(b"a\x01b\n", "agenda.txt:1", "control character", id="control"),
        pytest.param(b"PK\x03\x04\x14\x00", "agenda.txt", "Word or Excel", id="docx"),
        pytest.param(b"%PDF-1.7\n", "agenda.txt", "PDF", id="pdf"),
        pytest.param(b"\xff\xfeA\x00\x00\xd8", "agenda.txt", "UTF-16", id="bad-utf16"),
        pytest.param(b"Just a letter.\nNo table.\n", "agenda.txt", "no agenda items", id="prose"),
        pytest.param(b"number,title\n", "agenda.txt:1", "no agenda items", id="header-only"),
        pytest.param(
            b"| a | b |\n|---|---|\n| 1 | x |\n",
            "agenda.txt",
            "the Markdown table on line 1 has no 'number' and 'title' columns",
            id="markdown-wrong-columns",
        ),
        pytest.param(
            _ref("\t4\tDECLARATIONS", "\t3\tDECLARATIONS"),
            "agenda.txt:23",
            "item 3 appears twice (lines 22 and 23)",
            id="duplicate",
        ),
        pytest.param(
            b"number,title\n3,A\n4,B\n3a,C\n3,D\n",
            "agenda.txt:5",
            "item 3 appears twice (lines 2 and 5)",
            id="duplicate-csv",
        ),
        pytest.param(
            _ref("\t13:35", "\t25:70"),
            "agenda.txt:24",
            "item 5: the time '25:70' is not a time of day",
            id="time-25:70",
        ),
        pytest.param(
            b"number,title,time\n1,A,13pm\n",
            "agenda.txt:2",
            "item 1: the time '13pm' is not a time of day",
            id="time-13pm",
        ),
        pytest.param(
            b"number,title,time\n1,A,soon\n",
            "agenda.txt:2",
            "item 1: cannot read the time 'soon'",
            id="time-words",
        ),
        pytest.param(
            _ref("Attached\t8", "Enclosed\t8"),
            "agenda.txt:29",
            "item 8: papers 'Enclosed' is not one of Attached, To Follow, Tabled",
            id="papers",
        ),
        pytest.param(
            _ref("14 March 2022", "31 February 2022"),
            "agenda.txt:3",
            "the date '31 February 2022' is not a real date",
            id="date-31-feb",
        ),
        pytest.param(
            _ref("14 March 2022", "14 Smarch 2022"),
            "agenda.txt:3",
            "cannot read the date '14 Smarch 2022': no month is called 'Smarch'",
            id="date-month",
        ),
        pytest.param(
            _ref("14 March 2022", "Tuesday 14 March 2022"),
            "agenda.txt:3",
            "14 March 2022 is a Monday",
            id="date-weekday",
        ),
        pytest.param(
            _ref("1:30pm, 14 March 2022", "1:30pm, 14/3"),
            "agenda.txt:3",
            "cannot read the date or time '14/3'",
            id="date-partial",
        ),
        pytest.param(
            _ref("1:30pm", "25:30"),
            "agenda.txt:3",
            "the time '25:30' is not a time of day",
            id="header-time",
        ),
        pytest.param(
            b"Date: next Tuesday\n\nnumber,title\n1,A\n",
            "agenda.txt:1",
            "cannot read the date 'next Tuesday'",
            id="date-key",
        ),
        pytest.param(
            _ref("\t2\tAPOLOGIES\t", "\t2"),
            "agenda.txt:21",
            "the row has 2 columns; expected 4 (Supporting Document, Item, Topic, Approximate",
            id="missing-columns-text",
        ),
        pytest.param(
            b"number,title,time\n1,A,13:00\n2\n",
            "agenda.txt:3",
            "the row has 1 column; expected 3 (number, title, time)",
            id="missing-columns-csv",
        ),
        pytest.param(
            b"| number | title |\n|---|---|\n| 1 | A | extra |\n",
            "agenda.txt:3",
            "the row has 3 columns; expected 2 (number, title)",
            id="extra-columns-markdown",
        ),
        pytest.param(
            _ref("\t2\tAPOLOGIES\t", "\t2\t\t"),
            "agenda.txt:21",
            "item 2 has no title",
            id="no-title-text",
        ),
        pytest.param(
            b"| number | title |\n|---|---|\n| 1 | A |\n| 2 |  |\n",
            "agenda.txt:4",
            "item 2 has no title",
            id="no-title-markdown",
        ),
        pytest.param(
            b"number,title\n,A\n", "agenda.txt:2", "the row has no item number", id="no-number"
        ),
        pytest.param(
            b"number,title\nfirst,A\n",
            "agenda.txt:2",
            "item number 'first' is not a number like 6, 6a or 6.1",
            id="bad-number",
        ),
        pytest.param(
            b'number,title\n1,"A\n2,B\n',
            "agenda.txt:2",
            "a quoted cell is never closed",
            id="csv-open-quote",
        ),
        pytest.param(
            b"number,title,exempt,exempt_reason\n1,A,no,paragraph 3\n",
            "agenda.txt:2",
            "item 1 is marked not exempt ('no') but has a reason",
            id="exempt-conflict",
        ),
    ],
)
def test_bad_input_is_one_clear_line(data: bytes, where: str, words: str) -> None:
    error = _error(data)
    assert error.where == where
    assert words in error.message
    assert str(error).startswith(f"{where}: ")


def test_read_agenda_file_reads_the_reference() -> None:
    assert read_agenda_file(REFERENCE) == _reference()
    assert read_agenda_file(str(REFERENCE)) == _reference()


def test_read_agenda_file_missing(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert str(info.value) == f"{path}: no such file"


def test_read_agenda_file_folder(tmp_path: Path) -> None:
    with pytest.raises(ClerkError) as info:
        read_agenda_file(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a folder, not an agenda file"


def test_read_agenda_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_AGENDA_BYTES + 1)  # sparse: no need to write 5 MB
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert info.value.where == str(path)
    assert "an agenda file can be at most 5 MB" in info.value.message


def test_parse_agenda_too_large() -> None:
    error = _error(b"x" * (MAX_AGENDA_BYTES + 1))
    assert error.where == "agenda.txt"
    assert "at most 5 MB" in error.message


def test_read_agenda_file_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(REFERENCE_BYTES)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # chmod 000 does not stop root, so make the open itself fail.
    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert str(info.value) == f"{path}: cannot be read: permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_read_agenda_file_not_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)  # must not block waiting for a writer
    assert str(info.value) == f"{path}: is not a regular file"


def test_read_agenda_file_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert info.value.where == f"{path}:3"
    assert "not a text file" in info.value.message


# --------------------------------------------------------------------------------------------
# Whatever the bytes: an ImportedAgenda or a ClerkError, nothing else


def _parses_or_refuses(data: bytes) -> None:
    try:
        agenda = parse_agenda(data, source="fuzz.txt")
    except ClerkError as error:
        assert error.where is not None and error.where.startswith("fuzz.txt")
        assert "\n" not in str(error)
        return
    assert isinstance(agenda, ImportedAgenda)
    assert agenda.items
    assert all(item.title and item.papers in PAPERS for item in agenda.items)
    assert all(item.kind in ITEM_KINDS for item in agenda.items)


_FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_arbitrary_bytes(data: bytes) -> None:
    _parses_or_refuses(data)


@_FUZZ
@given(st.text(max_size=2000))
def test_fuzz_arbitrary_text(text: str) -> None:
    _parses_or_refuses(text.encode("utf-8"))


_AGENDA_ALPHABET = st.sampled_from(
    [*'0123456789:.,;|\t\n\r -–"#*_<>/()aApPmMxTAF', "Attached", "To Follow", "number", "title"]
)


@_FUZZ
@given(st.lists(_AGENDA_ALPHABET, max_size=300).map("".join))
def test_fuzz_agenda_like_text(text: str) -> None:
    _parses_or_refuses(text.encode("utf-8"))
    _parses_or_refuses(("number,title,papers,time,exempt\n" + text).encode("utf-8"))
    _parses_or_refuses(("| number | title | time |\n|---|---|---|\n" + text).encode("utf-8"))


@_FUZZ
@given(
    st.sampled_from(
        [REFERENCE_BYTES]
        + [
            (FIXTURES / name).read_bytes()
            for name in ("agenda-2022-03-14.md", "agenda-2022-03-14.csv")
        ]
    ),
    st.lists(
        st.tuples(st.integers(0, 4000), st.integers(0, 40), st.binary(max_size=8)), max_size=6
    ),
)
def test_fuzz_damaged_fixtures(data: bytes, edits: list[tuple[int, int, bytes]]) -> None:
    damaged = bytearray(data)
    for start, length, insert in edits:
        at = start % (len(damaged) + 1)
        damaged[at : at + length] = insert
    _parses_or_refuses(bytes(damaged))
