"""Word minutes, read back with python-docx."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
from docx.document import Document

from clerk_tui.export.docx import render_docx
from clerk_tui.minutes import Minutes, VoteRecord, minutes_of
from tests.export.reference_meeting import HEADING, HEADINGS, PRESENT, reference_meeting


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


def test_docx_headings_title_and_draft(minutes: Minutes) -> None:
    # Issue 14: "DRAFT" is in the page header only (see test_docx_header_marks_draft...), not
    # a Title paragraph of its own above the heading.
    document = read(render_docx(minutes))
    titles = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Title"
    ]
    assert titles == [HEADING]
    assert "DRAFT" not in [p.text for p in document.paragraphs]
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == list(HEADINGS)
    assert document.core_properties.title == f"DRAFT {HEADING}"
    texts = [p.text for p in document.paragraphs]
    for line in PRESENT:
        assert line in texts
    # Issue 14: a signature block ("Chair", a rule; "Date", a rule) in place of "....." CHAIR.
    assert texts[-3:] == ["The meeting ended at 15:30 hours", "Chair\t", "Date\t"]


def test_docx_resolutions_keep_their_labels(minutes: Minutes) -> None:
    document = read(render_docx(minutes))
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    at_617 = texts.index(HEADINGS[6])
    resolved = texts.index("RESOLVED: -", at_617)
    labelled = [p.text.split("\t") for p in paragraphs[resolved + 1 : resolved + 4]]
    assert [label for label, _ in labelled] == ["i.", "ii.", "iii."]
    assert labelled[1][1].endswith("to make final comments; and")
    assert all(p.style.name == "List Paragraph" for p in paragraphs[resolved + 1 : resolved + 4])
    single = texts[texts.index("RESOLVED: -", texts.index(HEADINGS[3])) + 1]
    assert single.startswith("That the minutes of the meeting held on 18 October 2021")


def test_docx_bullets_are_list_paragraphs(minutes: Minutes) -> None:
    document = read(render_docx(minutes))
    bullets = [p.text for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert len(bullets) == 8
    assert bullets[0].startswith("Reflecting on the recent HMICFRS")


def test_docx_footer_has_a_page_field(minutes: Minutes) -> None:
    document = read(render_docx(minutes))
    footer = document.sections[0].footer
    xml = footer._element.xml
    assert "fldChar" in xml
    assert " PAGE " in xml
    assert footer.paragraphs[0].text.startswith("Page ")


def test_docx_header_marks_draft_only_when_draft(minutes: Minutes) -> None:
    document = read(render_docx(minutes))
    assert [p.text for p in document.sections[0].header.paragraphs] == ["DRAFT"]
    approved = minutes_of(replace(reference_meeting(), minutes_status="approved"))
    document = read(render_docx(approved))
    assert "DRAFT" not in "".join(p.text for p in document.sections[0].header.paragraphs)
    assert document.core_properties.title == HEADING


def test_docx_recorded_vote_is_a_table() -> None:
    record = reference_meeting()
    vote = VoteRecord("Carried.", for_names=("Cllr A", "Cllr B"), against_names=("Cllr C",))
    items = tuple(replace(i, votes=(vote,)) if i.minute_number == 619 else i for i in record.items)
    document = read(render_docx(minutes_of(replace(record, items=items))))
    (table,) = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Vote", "Members"],
        ["For", "Cllr A, Cllr B"],
        ["Against", "Cllr C"],
        ["Abstained", "None"],
    ]
