"""The Word minutes built on a council's own template (issue 14): its page setup, headers,
footers and styles by name are honoured, the house style stands in for the styles it lacks,
and bytes that are not a Word document are refused in one line."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from clerk_tui.errors import ClerkError
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx import render_docx
from clerk_tui.minutes import Minutes
from tests.export.docx_reading import near, read
from tests.export.reference_meeting import HEADING, HEADINGS

INFO = DocumentInfo("Minutes", subject="Borsetshire Scrutiny Panel", author="A. Clerk")
LETTERHEAD = "Borsetshire County Council – County Hall, Borchester BO1 1AA"
ADDRESS = "Democratic Services, County Hall, Borchester"
PLUM = RGBColor(0x80, 0x00, 0x40)
SAMPLE = "Sample text of the template, to go"


def _remove_style(document: docx.document.Document, name: str) -> None:
    style = document.styles[name]
    style.element.getparent().remove(style.element)


def _page_field(paragraph: docx.text.paragraph.Paragraph) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    paragraph._p.append(field)


def council_template(*, page_field: bool = False) -> bytes:
    """A council's template as Word would save one: letter-headed, Georgia body text, a plum
    Heading 1, its own margins; no Title and no List Bullet style."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(3)
    section.header.paragraphs[0].text = LETTERHEAD
    footer = section.footer.paragraphs[0]
    footer.text = ADDRESS
    if page_field:
        _page_field(section.footer.add_paragraph("Page "))
    normal = document.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    normal.font.name = "Georgia"
    normal.font.size = Pt(12)
    heading = document.styles["Heading 1"]
    assert isinstance(heading, ParagraphStyle)
    heading.font.color.rgb = PLUM
    heading.font.name = "Georgia"
    _remove_style(document, "Title")
    _remove_style(document, "List Bullet")
    document.add_paragraph(SAMPLE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_templates_header_footer_and_page_setup_are_kept(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO, template=council_template()))
    (section,) = document.sections
    assert near(section.left_margin, 3.0) and near(section.right_margin, 3.0)
    header = [p.text for p in section.header.paragraphs]
    assert header == [LETTERHEAD, "DRAFT"]  # DRAFT once, below the letterhead
    footer = section.footer.paragraphs
    assert footer[0].text == ADDRESS
    assert footer[-1].text.startswith("Page ")  # it had no page number: one is added
    assert " PAGE " in section.footer._element.xml


def test_the_templates_body_goes_and_the_minutes_come(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO, template=council_template()))
    texts = [p.text for p in document.paragraphs]
    assert SAMPLE not in texts
    assert texts[0] == HEADING
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 1"] == list(HEADINGS)
    assert document.core_properties.author == "A. Clerk"
    assert document.core_properties.subject == "Borsetshire Scrutiny Panel"


def test_the_templates_styles_are_used_by_name(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO, template=council_template()))
    normal = document.styles["Normal"]
    heading = document.styles["Heading 1"]
    assert isinstance(normal, ParagraphStyle) and isinstance(heading, ParagraphStyle)
    assert normal.font.name == "Georgia"
    assert normal.font.size is not None and normal.font.size.pt == 12
    assert heading.font.color.rgb == PLUM  # the council's colour, not recoloured
    assert heading.font.name == "Georgia"


def test_styles_the_template_lacks_fall_back_to_the_house_style(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO, template=council_template()))
    title = document.styles["Title"]
    assert isinstance(title, ParagraphStyle)
    assert title.font.name == "Arial"
    assert title.font.bold is True
    assert title.font.size is not None and title.font.size.pt == 12
    assert title.font.color.rgb is None
    assert title.paragraph_format.alignment in (None, WD_ALIGN_PARAGRAPH.LEFT)
    bullet = document.styles["List Bullet"]
    assert bullet.type == WD_STYLE_TYPE.PARAGRAPH
    # A bullet list of its own numbering, so the bullets still show as bullets.
    num_id = bullet.element.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    (num,) = [n for n in numbering.num_lst if n.numId == num_id]
    abstract_id = num.abstractNumId.val
    (abstract,) = [
        a
        for a in numbering.iter(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(abstract_id)
    ]
    assert abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "bullet"
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 8


def test_a_footer_with_its_own_page_number_gets_no_second(minutes: Minutes) -> None:
    document = read(render_docx(minutes, INFO, template=council_template(page_field=True)))
    footer = document.sections[0].footer
    assert [p.text for p in footer.paragraphs] == [ADDRESS, "Page "]
    assert "NUMPAGES" not in footer._element.xml


def _relabelled(data: bytes, old: bytes, new: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(old, new)
            target.writestr(item, content)
    return out.getvalue()


def test_a_dotx_template_works_too(minutes: Minutes) -> None:
    dotx = _relabelled(
        council_template(),
        b"wordprocessingml.document.main+xml",
        b"wordprocessingml.template.main+xml",
    )
    assert b"template.main+xml" in zipfile.ZipFile(io.BytesIO(dotx)).read("[Content_Types].xml")
    data = render_docx(minutes, INFO, template=dotx)
    document = read(data)  # python-docx opens documents only: the result is one
    assert document.sections[0].header.paragraphs[0].text == LETTERHEAD
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml")
    assert b"template.main+xml" not in types


def _replaced(data: bytes, name: str, content: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
            elif content is not None:
                target.writestr(item, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (lambda: b"%PDF-1.7 not a Word file", "it is not a zip archive"),
        (lambda: b"", "it is not a zip archive"),
        (lambda: _replaced(council_template(), "word/document.xml", None), "no word/document.xml"),
        (
            lambda: _replaced(council_template(), "word/document.xml", b"<w:document><w:body>"),
            "it is damaged",
        ),
        (
            lambda: _replaced(council_template(), "word/styles.xml", b"\x00garbage"),
            "it is damaged",
        ),
        (
            lambda: _relabelled(
                council_template(),
                b"wordprocessingml.document.main+xml",
                b"ms-word.document.macroEnabled.main+xml",
            ),
            "macro-enabled",
        ),
    ],
    ids=["pdf", "empty", "no-body", "damaged-body", "damaged-styles", "macros"],
)
def test_not_a_word_document_is_refused_in_one_line(
    minutes: Minutes, make: Callable[[], bytes], why: str
) -> None:
    with pytest.raises(ClerkError) as refused:
        render_docx(minutes, INFO, template=make())
    message = str(refused.value)
    assert message.startswith("not a Word document (.docx): ")
    assert why in message
    assert "\n" not in message
