"""The Word minutes in the council house style (issue 14), read back with python-docx: A4 with
council margins, black Arial, the styles used, nothing parted by a page break that belongs
together, DRAFT once, the signature block, the document's properties."""

from __future__ import annotations

import re
from dataclasses import replace

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_LEADER
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx import render_docx
from clerk_tui.minutes import Minutes, minutes_of
from tests.export.docx_reading import (
    colours,
    near,
    read,
    theme_references,
    visible_text,
    xml_parts,
)
from tests.export.reference_meeting import HEADING, HEADINGS, reference_meeting

INFO = DocumentInfo(
    "Minutes of the West Midlands Police and Crime Panel, 29 November 2021",
    subject="West Midlands Police and Crime Panel",
    author="Sarah Fradgley",
)


def keeps_with_next(paragraph: Paragraph) -> bool:
    """The paragraph's own setting, else its style's (what Word and LibreOffice apply)."""
    own = paragraph.paragraph_format.keep_with_next
    if own is not None:
        return own
    style = paragraph.style
    return bool(isinstance(style, ParagraphStyle) and style.paragraph_format.keep_with_next)


def test_a4_with_council_margins(minutes: Minutes) -> None:
    (section,) = read(render_docx(minutes, INFO)).sections
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert near(section.page_width, 21.0)
    assert near(section.page_height, 29.7)
    for margin in (section.top_margin, section.bottom_margin):
        assert near(margin, 2.54)
    for margin in (section.left_margin, section.right_margin):
        assert near(margin, 2.54)


def test_no_coloured_text_and_no_theme_anywhere(minutes: Minutes) -> None:
    data = render_docx(minutes, INFO)
    assert colours(data) <= {"auto", "000000"}
    assert theme_references(data) == []
    # Word 2010's second copy of the styles (blue and all) is not in the package.
    assert not any("stylesWithEffects" in name for name in xml_parts(data))


def test_one_font_family_in_every_script_slot(minutes: Minutes) -> None:
    styles = xml_parts(render_docx(minutes, INFO))["word/styles.xml"]
    fonts = re.findall(r"<w:rFonts ([^>]*)/>", styles)
    assert fonts
    for attributes in fonts:
        named = dict(re.findall(r'w:(\w+)="([^"]*)"', attributes))
        assert {named.get(slot) for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Arial"}


def test_styles_used_and_defined_in_the_house_style(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO))
    used = {p.style.name for p in document.paragraphs if p.style is not None}
    assert used == {"Normal", "Title", "Heading 1", "List Paragraph", "List Bullet"}
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    assert normal.font.name == "Arial"
    assert normal.font.size is not None and normal.font.size.pt == 11
    for name, size in (("Title", 12), ("Heading 1", 11)):
        style = document.styles[name]
        assert isinstance(style, ParagraphStyle)
        assert style.font.bold is True
        assert style.font.size is not None and style.font.size.pt == size
        assert style.font.name == "Arial"
        assert style.font.color.rgb is None  # no colour: black text
        assert style.paragraph_format.keep_with_next is True
    (title,) = [p for p in document.paragraphs if p.style is not None and p.style.name == "Title"]
    assert title.text == HEADING  # caps as given


def test_british_english_on_the_styles_and_the_properties(minutes: Minutes) -> None:
    data = render_docx(minutes, INFO)
    styles = xml_parts(data)["word/styles.xml"]
    defaults = styles[styles.index("<w:docDefaults>") : styles.index("</w:docDefaults>")]
    assert '<w:lang w:val="en-GB"' in defaults
    assert read(data).core_properties.language == "en-GB"


def test_keep_with_next_on_headings_and_resolutions(minutes: Minutes) -> None:
    paragraphs = read(render_docx(minutes, INFO)).paragraphs
    texts = [p.text for p in paragraphs]
    headings = [p for p in paragraphs if p.text in HEADINGS]
    assert len(headings) == len(HEADINGS)
    assert all(keeps_with_next(p) for p in headings)
    resolved = [i for i, text in enumerate(texts) if text == "RESOLVED: -"]
    assert len(resolved) == 7
    assert all(keeps_with_next(paragraphs[i]) for i in resolved)
    # Minute 617's three resolutions: together, the last one free to end the page.
    at = texts.index("RESOLVED: -", texts.index(HEADINGS[6]))
    listed = paragraphs[at + 1 : at + 4]
    assert [p.text.split("\t")[0] for p in listed] == ["i.", "ii.", "iii."]
    assert [keeps_with_next(p) for p in listed] == [True, True, False]
    assert all(p.paragraph_format.keep_together for p in paragraphs[at : at + 4])


def test_draft_once_in_the_header_and_confidential_beside_it(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO))
    assert visible_text(document).count("DRAFT") == 1
    assert [p.text for p in document.sections[0].header.paragraphs] == ["DRAFT"]
    marked = read(render_docx(replace(minutes, confidential=True), INFO))
    assert [p.text for p in marked.sections[0].header.paragraphs] == ["CONFIDENTIAL – DRAFT"]
    approved = minutes_of(replace(reference_meeting(), minutes_status="approved"))
    assert "DRAFT" not in visible_text(read(render_docx(approved, INFO)))


def test_page_n_of_m_in_the_footer(minutes: Minutes) -> None:
    footer = read(render_docx(minutes, INFO)).sections[0].footer
    (paragraph,) = footer.paragraphs
    assert paragraph.text == "Page 1 of 1"  # the fields' placeholders: Word lays out the rest
    xml = footer._element.xml
    assert " PAGE " in xml
    assert " NUMPAGES " in xml


def test_signature_block_after_the_closing_line(minutes: Minutes) -> None:
    paragraphs = read(render_docx(minutes, INFO)).paragraphs
    closing, chair, dated = paragraphs[-3:]
    assert closing.text == "The meeting ended at 15:30 hours"
    assert [chair.text, dated.text] == ["Chair\t", "Date\t"]
    for line in (chair, dated):
        (stop,) = line.paragraph_format.tab_stops
        assert stop.leader == WD_TAB_LEADER.LINES
        assert stop.position.cm > 5
    # The closing line, the Chair's line and the date stay on one page.
    assert [keeps_with_next(p) for p in (closing, chair, dated)] == [True, True, False]


def test_document_properties_from_the_info(minutes: Minutes) -> None:
    data = render_docx(minutes, INFO)
    props = read(data).core_properties
    assert props.title == INFO.title
    assert props.subject == "West Midlands Police and Crime Panel"
    assert props.author == "Sarah Fradgley"
    assert props.last_modified_by == "Sarah Fradgley"
    assert props.created is None  # not python-docx's 2013
    assert all("python-docx" not in xml for xml in xml_parts(data).values())


def test_blank_author_when_the_body_names_none(minutes: Minutes) -> None:
    props = read(render_docx(minutes, DocumentInfo("Minutes"))).core_properties
    assert props.author == ""
    assert props.title == "Minutes"
