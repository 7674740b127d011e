"""Agenda import: titles, kinds, papers, exempt columns and the cells of each form."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.agenda_import import (
    ITEM_KINDS,
    PAPERS,
    ImportedItem,
    Papers,
    kind_from_title,
    parse_agenda,
    split_topic,
)
from tests.agenda_reference import REFERENCE_BYTES, reference_agenda

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
    # A member equals its stored string (it is stored as typed); through a str so that mypy sees
    # a comparison of two strings, which is what the enum is.
    stored: str = "To Follow"
    assert stored == Papers.TO_FOLLOW
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
    assert parse_agenda(data, source="a.txt") == reference_agenda()
