"""python-docx helpers shared by the Word renderers: the document, page numbers, the page
header marking, real tables, bytes out.

Word files are XML, and lxml refuses a control character, a lone surrogate or U+FFFF with
"All strings must be XML compatible": a database from before text was cleaned at the door may
still hold one. So every string goes into the document through :func:`word_text` (here, and in
the renderers: ``add_paragraph`` and ``add_heading`` below, not the Document's own)."""

from __future__ import annotations

import io
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from clerk_tui.text import clean_text

FONT_NAME = "Arial"
FONT_SIZE = Pt(11)


def word_text(value: str) -> str:
    """``value`` as a Word document can hold it (the same rule as text typed at the door)."""
    return clean_text(value)


def add_paragraph(document: Document, text: str = "", style: str | None = None) -> Paragraph:
    return document.add_paragraph(word_text(text), style=style)


def add_heading(document: Document, text: str, level: int = 1) -> Paragraph:
    heading: Paragraph = document.add_heading(word_text(text), level=level)  # untyped upstream
    return heading


def new_document(*, title: str = "") -> Document:
    """A blank document in Arial 11 with page numbers in the footer."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = FONT_SIZE
    if title:
        document.core_properties.title = word_text(title)
    add_page_number_footer(document)
    return document


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A complex field (``PAGE``, ``NUMPAGES``) that Word updates as it lays out the pages."""

    def fld_char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    fld_char("separate")
    paragraph.add_run(placeholder)
    fld_char("end")


def add_page_number_footer(document: Document) -> None:
    """ "Page N of M" centred in the footer of every page."""
    for section in document.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        add_field(paragraph, "NUMPAGES")


def set_page_header(document: Document, text: str) -> None:
    """``text`` (e.g. "CONFIDENTIAL") in bold, centred in the header of every page."""
    for section in document.sections:
        header = section.header
        header.is_linked_to_previous = False
        paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(word_text(text)).bold = True


def add_bold_paragraph(document: Document, text: str, style: str | None = None) -> Paragraph:
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(word_text(text)).bold = True
    return paragraph


def _repeat_as_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def add_table(document: Document, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A real table with a bold header row, repeated at the top of each page."""
    table: Table = document.add_table(rows=1, cols=len(header), style="Table Grid")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(word_text(text)).bold = True
    _repeat_as_header(table)
    for values in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, text in zip(cells, values, strict=True):
            if text:
                cell.text = word_text(text)
    return table


def document_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
