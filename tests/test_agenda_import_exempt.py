"""Agenda import and exempt items: a clear mark in an item's words (or a Part II heading above
it) makes it exempt with its reason; a word that only hints leaves it public with a caution;
the importer's text rule is clerk_tui.text's, so nothing it keeps can stop a Word export."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui.agenda_import import ImportedAgenda, exempt_marks, parse_agenda
from clerk_tui.errors import ClerkError
from clerk_tui.text import clean_text, first_unwanted

HEAD = "Panel – 1:30pm, 14 March 2022\n\nSupporting Document\tItem\tTopic\tApproximate time\n"
PARA_3 = "paragraph 3 of Schedule 12A"
DEFAULT = "Schedule 12A"  # no paragraph named: the minutes cite the Schedule itself


def text_agenda(*topics: str) -> ImportedAgenda:
    rows = "".join(f"\t{n}\t{topic}\t13:{30 + n}\n" for n, topic in enumerate(topics, 1))
    return parse_agenda((HEAD + rows).encode("utf-8"), source="agenda.txt")


def only_item(agenda: ImportedAgenda) -> tuple[bool, str, str]:
    [item] = agenda.items
    return item.exempt, item.exempt_reason, item.title


# ---- clear marks: exempt, with the reason, and the mark off the title ------------------------
@pytest.mark.parametrize(
    ("topic", "reason", "title"),
    [
        ("LAND AT HIGH STREET (EXEMPT) Report of the Director", DEFAULT, "LAND AT HIGH STREET"),
        ("LAND SALE [EXEMPT]", DEFAULT, "LAND SALE"),
        ("EXEMPT: STAFFING MATTER", DEFAULT, "STAFFING MATTER"),
        ("EXEMPT ITEM – STAFFING MATTER", DEFAULT, "STAFFING MATTER"),
        ("STAFFING MATTER – CONFIDENTIAL", DEFAULT, "STAFFING MATTER"),
        ("STAFFING MATTER (PRIVATE) To consider a report", DEFAULT, "STAFFING MATTER"),
        ("STAFFING MATTER (PRIVATE AND CONFIDENTIAL)", DEFAULT, "STAFFING MATTER"),
        ("STAFFING MATTER (NOT FOR PUBLICATION)", DEFAULT, "STAFFING MATTER"),
        ("STAFFING MATTER NOT FOR PUBLICATION", DEFAULT, "STAFFING MATTER"),
        ("LAND SALE (Part II)", DEFAULT, "LAND SALE"),
        ("LAND SALE (Exempt)", DEFAULT, "LAND SALE"),
        ("COMPLAINT (Exempt – paragraph 1)", "paragraph 1 of Schedule 12A", "COMPLAINT"),
        ("COMPLAINT (EXEMPT BY VIRTUE OF PARAGRAPH 1)", "paragraph 1 of Schedule 12A", "COMPLAINT"),
        ("CONTRACT AWARD (PARAGRAPH 3 OF SCHEDULE 12A)", PARA_3, "CONTRACT AWARD"),
        (
            "CONTRACT AWARD Not for publication by virtue of paragraph 3 of Part 1 of Schedule "
            "12A to the Local Government Act 1972.",
            PARA_3,
            "CONTRACT AWARD",
        ),
        ("CONTRACT AWARD Schedule 12A paragraph 3", PARA_3, "CONTRACT AWARD"),
        ("CONTRACT AWARD Schedule 12A, para. 3.", PARA_3, "CONTRACT AWARD"),
        (
            "SALE OF DEPOT Report of the Director. This report contains exempt information as "
            "defined in paragraphs 1 and 2 of Schedule 12A.",
            "paragraphs 1 and 2 of Schedule 12A",
            "SALE OF DEPOT",
        ),
        ("SALE OF DEPOT Exempt under Schedule 12A.", DEFAULT, "SALE OF DEPOT"),
        ("SALE OF DEPOT Private", DEFAULT, "SALE OF DEPOT"),
        ("SALE OF DEPOT Exempt item.", DEFAULT, "SALE OF DEPOT"),
        # Abbreviations, the power the exclusion is made under, look-alike characters.
        ("SETTLEMENT Sch 12A para 1", "paragraph 1 of Schedule 12A", "SETTLEMENT"),
        ("SETTLEMENT Sched. 12A para 1", "paragraph 1 of Schedule 12A", "SETTLEMENT"),
        ("SETTLEMENT (Sch.12A paragraph 3)", PARA_3, "SETTLEMENT"),
        ("SETTLEMENT Excluded under s100A(4)", DEFAULT, "SETTLEMENT"),
        ("STAFFING MATTER (ＥＸＥＭＰＴ)", DEFAULT, "STAFFING MATTER"),
    ],
)
def test_a_clear_mark_makes_the_item_exempt(topic: str, reason: str, title: str) -> None:
    agenda = text_agenda(topic)
    assert only_item(agenda) == (True, reason, title)
    assert agenda.cautions == ()


@pytest.mark.parametrize(
    ("form", "data"),
    [
        ("csv", "number,title,description\n1,Land sale (EXEMPT),Report of the Director\n"),
        ("csv", "number,title,description\n1,Land sale,Not for publication\n"),
        ("csv", "number,title,exempt\n1,Land sale (EXEMPT),\n"),
        ("markdown", "| Number | Title |\n|---|---|\n| 1 | Land sale – private |\n"),
        ("markdown", "| Number | Title |\n|---|---|\n| 1 | **LAND SALE (EXEMPT)** |\n"),
    ],
)
def test_marks_count_in_csv_and_markdown_too(form: str, data: str) -> None:
    agenda = parse_agenda(data.encode("utf-8"), source="agenda")
    assert agenda.form == form
    assert only_item(agenda)[:2] == (True, DEFAULT)
    assert agenda.items[0].title.lower() == "land sale"


# ---- words that are not marks: public, and no noise ------------------------------------------
@pytest.mark.parametrize(
    "topic",
    [
        "APOLOGIES",
        "PRIVATE SECTOR HOUSING STRATEGY Report of the Director of Housing",
        "PRIVATE HIRE LICENSING POLICY Report on private hire vehicles",
        "NOTICE OF RECORDING AND WEBCASTING The whole of the meeting will be filmed except where "
        "there are confidential or exempt items.",
        "EXCLUSION OF THE PRESS AND PUBLIC To resolve that the press and public be excluded for "
        "the following item as it involves exempt information under paragraph 3 of Schedule 12A.",
        "CORPORATE PLAN See paragraph 3.2 of the report.",
        "BUDGET 2022/23 Report of the Treasurer",
    ],
)
def test_words_that_are_not_marks_leave_it_public_quietly(topic: str) -> None:
    agenda = text_agenda(topic)
    assert only_item(agenda)[:2] == (False, "")
    assert agenda.cautions == ()
    assert not agenda.items[0].unsure


# ---- words that only hint: public, with a caution --------------------------------------------
@pytest.mark.parametrize(
    ("topic", "words"),
    [
        ("LEISURE CONTRACT Report on the sale to a private company.", "mentions 'private'"),
        (
            "BUDGET Report of the Treasurer. Appendix 2 is exempt under paragraph 3 of "
            "Schedule 12A.",
            "says an appendix is exempt",
        ),
        ("BUDGET Report of the Treasurer (Appendix B not for publication)", "appendix"),
        ("FEES AND CHARGES Charities are exempt from the fee.", "mentions 'exempt'"),
        ("PERFORMANCE A confidential briefing will follow.", "mentions 'confidential'"),
        ("REVIEW To be taken in private if members wish.", "mentions 'private'"),
        ("PART II REVIEW OF FEES", "mentions 'PART II'"),
        (
            "DEBT RECOVERY Information relating to the financial or business affairs of any "
            "particular person.",
            "financial or business affairs",
        ),
        ("LEGAL ADVICE Subject to legal professional privilege.", "legal professional privilege"),
    ],
)
def test_a_hint_leaves_it_public_with_a_caution(topic: str, words: str) -> None:
    agenda = text_agenda(topic)
    assert only_item(agenda)[:2] == (False, "")
    [caution] = agenda.cautions
    assert caution.startswith("line 4: item 1 ")
    assert words in caution and "imported as not exempt" in caution
    assert agenda.items[0].unsure
    assert agenda.warnings == ()  # nothing was skipped


# ---- headings over a group of items ----------------------------------------------------------
@pytest.mark.parametrize(
    "heading",
    [
        "PART II – NOT FOR PUBLICATION",
        "PART 2 - EXEMPT ITEMS",
        "Part B: items to be considered in private",
        "Exempt items",
        "ITEMS NOT FOR PUBLICATION (PARAGRAPH 3 OF SCHEDULE 12A)",
    ],
)
def test_items_under_a_part_ii_heading_are_exempt(heading: str) -> None:
    data = (
        f"{HEAD}\t1\tAPOLOGIES\t13:30\n\t2\tEXCLUSION OF THE PRESS AND PUBLIC\t13:35\n\n"
        f"{heading}\n\n\t3\tSTAFFING MATTER Report of the Chief Executive\t13:40\n"
        "\t4\tLAND SALE\t13:45\n"
    )
    agenda = parse_agenda(data.encode("utf-8"), source="agenda.txt")
    assert [i.exempt for i in agenda.items] == [False, False, True, True]
    reason = PARA_3 if "12A" in heading else DEFAULT
    assert {i.exempt_reason for i in agenda.items[2:]} == {reason}
    [caution] = agenda.cautions
    assert caution.startswith("line 7: the items under") and "imported as exempt" in caution
    assert agenda.warnings == ()


def test_a_part_i_heading_ends_the_private_part() -> None:
    data = f"{HEAD}PART II\n\t1\tLAND SALE\t13:30\nPART I – PUBLIC ITEMS\n\t2\tAPOLOGIES\t13:35\n"
    agenda = parse_agenda(data.encode("utf-8"), source="agenda.txt")
    assert [i.exempt for i in agenda.items] == [True, False]


@pytest.mark.parametrize(
    "data",
    [
        "| Number | Title |\n|---|---|\n| 1 | Apologies |\n\n## Part II – exempt items\n\n"
        "| Number | Title |\n|---|---|\n| 2 | Land sale |\n",
        "| Number | Title |\n|---|---|\n| 1 | Apologies |\n"
        "| | **PART II - NOT FOR PUBLICATION** |\n| 2 | Land sale |\n",
        "number,title\n1,Apologies\n,PART II - NOT FOR PUBLICATION\n2,Land sale\n",
    ],
    ids=["markdown-heading", "markdown-row", "csv-row"],
)
def test_headings_in_markdown_and_csv(data: str) -> None:
    agenda = parse_agenda(data.encode("utf-8"), source="agenda")
    assert [(i.title, i.exempt) for i in agenda.items] == [
        ("Apologies", False),
        ("Land sale", True),
    ]


def test_a_sentence_that_starts_like_a_heading_is_not_one() -> None:
    data = (
        f"{HEAD}\t1\tBUDGET Report of the Treasurer\t13:30\n"
        "Part 2 of the report sets out the capital programme for the next three years.\n"
        "\t2\tAPOLOGIES\t13:35\n"
    )
    agenda = parse_agenda(data.encode("utf-8"), source="agenda.txt")
    assert [i.exempt for i in agenda.items] == [False, False]
    assert "Part 2 of the report" in agenda.items[0].description


# ---- the file's own exempt column wins, and a disagreement is said ---------------------------
def test_an_exempt_column_saying_no_is_kept_with_a_caution() -> None:
    data = "number,title,exempt\n1,Land sale (EXEMPT),no\n"
    agenda = parse_agenda(data.encode("utf-8"), source="a.csv")
    assert only_item(agenda) == (False, "", "Land sale (EXEMPT)")
    [caution] = agenda.cautions
    assert "'(EXEMPT)'" in caution and "exempt column says 'no'" in caution


def test_an_exempt_column_saying_yes_takes_the_paragraph_from_the_words() -> None:
    data = "number,title,description,exempt\n1,Land sale (EXEMPT),Paragraph 3 of Schedule 12A,yes\n"
    agenda = parse_agenda(data.encode("utf-8"), source="a.csv")
    assert only_item(agenda) == (True, PARA_3, "Land sale")
    assert agenda.cautions == ()


def test_an_exempt_column_saying_yes_with_no_reason_cites_the_schedule() -> None:
    data = "number,title,exempt\n1,Land sale,yes\n"
    agenda = parse_agenda(data.encode("utf-8"), source="a.csv")
    assert only_item(agenda) == (True, DEFAULT, "Land sale")
    assert agenda.cautions == (
        "line 2: item 1 is exempt but gives no reason: imported citing Schedule 12A (name the "
        "paragraph on the agenda screen)",
    )


def test_an_item_after_the_exclusion_with_no_mark_is_cautioned() -> None:
    agenda = text_agenda("APOLOGIES", "EXCLUSION OF THE PRESS AND PUBLIC", "STAFFING MATTER")
    assert [i.exempt for i in agenda.items] == [False, False, False]
    [caution] = agenda.cautions
    assert caution.startswith("line 6: item 3 follows the exclusion of the press and public")
    assert [i.unsure for i in agenda.items] == [False, False, True]


def test_exempt_marks_directly() -> None:
    marks = exempt_marks("LAND (EXEMPT)", "")
    assert (marks.exempt, marks.title, marks.evidence) == (True, "LAND", "(EXEMPT)")
    assert exempt_marks("(EXEMPT)").title == "(EXEMPT)"  # never an empty title


# ---- characters: the shared rule of clerk_tui.text -------------------------------------------
@pytest.mark.parametrize(
    ("raw", "title", "caution"),
    [
        ("WHEEL\x1b[31mIE\x1b[0m BINS", "WHEELIE BINS", "U+001B"),
        ("WHEELIE BINS\x1b]0;title\x1b\\", "WHEELIE BINS", "U+001B"),
        ("WHEELIE\x1b BINS", "WHEELIE BINS", "U+001B"),
        ("WHEELIE BINS\uffff", "WHEELIE BINS", "U+FFFF"),
        ("WHEELIE\ufffe BINS", "WHEELIE BINS", "U+FFFE"),
        ("WHEELIE BINS\ufdd0", "WHEELIE BINS", "U+FDD0"),
        ("WHEELIE BINS\U0010ffff", "WHEELIE BINS", "U+10FFFF"),
        ("WHEELIE BINS\x85", "WHEELIE BINS…", None),  # Windows-1252's … through Latin-1
        ("OFFICERS\x92 REPORT", "OFFICERS’ REPORT", None),
        ("WHEELIE BINS\x9d", "WHEELIE BINS", "U+009D"),  # no Windows-1252 character
    ],
)
def test_characters_no_paper_can_hold_are_removed(
    raw: str, title: str, caution: str | None
) -> None:
    data = f"number,title,description\n1,{raw},Report of the Director{raw[-1]}\n"
    agenda = parse_agenda(data.encode("utf-8"), source="a.csv")
    item = agenda.items[0]
    assert item.title == title
    assert first_unwanted(item.description) is None
    if caution is None:
        assert agenda.cautions == ()
    else:
        [said] = agenda.cautions
        assert said == f"line 2: removed characters no paper can hold ({caution})"


def test_the_caution_counts_the_other_lines() -> None:
    data = "number,title\n1,A\uffff\n2,B\uffff\n3,C\uffff\n"
    agenda = parse_agenda(data.encode("utf-8"), source="a.csv")
    assert agenda.cautions == (
        "line 2 and 2 more lines: removed characters no paper can hold (U+FFFF)",
    )


def test_an_unfinished_escape_sequence_never_takes_the_lines_after_it() -> None:
    data = "number,title\n1,APOLOGIES \x1b]8;;http://x\n2,MINUTES\n3,REPORTS\n"
    agenda = parse_agenda(data.encode("utf-8"), source="a.csv")
    assert [i.title for i in agenda.items] == ["APOLOGIES", "MINUTES", "REPORTS"]


@pytest.mark.parametrize(
    ("data", "where", "character"),
    [
        (b"number,title\n1,A\x01B\n", "a.csv:2", "U+0001"),
        (b"number,title\n1,A\x08B\n", "a.csv:2", "U+0008"),
        (b"number,title\n1,AB\n2,C\x1aD\n", "a.csv:3", "U+001A"),
        (b"number,title\n1,A\x7fB\n", "a.csv:2", "U+007F"),
        (b"number,title\n1,A\x1fB\n", "a.csv:2", "U+001F"),
    ],
)
def test_control_characters_of_a_binary_file_are_refused_with_the_line(
    data: bytes, where: str, character: str
) -> None:
    with pytest.raises(ClerkError) as info:
        parse_agenda(data, source="a.csv")
    assert info.value.where == where
    assert info.value.message == f"not a text file: it contains the control character {character}"


def test_a_dos_end_of_file_mark_is_not_binary() -> None:
    agenda = parse_agenda(b"number,title\r\n1,APOLOGIES\r\n\x1a", source="a.csv")
    assert [i.title for i in agenda.items] == ["APOLOGIES"]


_FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(st.text(max_size=60), st.text(max_size=60))
def test_whatever_is_imported_is_clean(title: str, description: str) -> None:
    row = [title.replace('"', '""'), description.replace('"', '""')]
    data = f'number,title,description\n1,"{row[0]}","{row[1]}"\n'.encode("utf-8", "surrogatepass")
    try:
        agenda = parse_agenda(data, source="fuzz.csv")
    except ClerkError as error:
        assert "\n" not in str(error)
        return
    for item in agenda.items:
        for text in (item.title, item.description, item.exempt_reason):
            assert clean_text(text) == text
        assert not item.exempt or item.exempt_reason
