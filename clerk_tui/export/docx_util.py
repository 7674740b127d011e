"""python-docx helpers shared by the Word renderers: the document (in the house style, or on a
council's template), page numbers, the page header marking, real tables, bytes out.

Word files are XML, and lxml refuses a control character, a lone surrogate or U+FFFF with
"All strings must be XML compatible": a database from before text was cleaned at the door may
still hold one. So every string goes into the document through :func:`word_text` (here, and in
the renderers: ``add_paragraph`` below, not the Document's own)."""

from __future__ import annotations

import io
import weakref
from collections.abc import Sequence

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import _Footer, _Header
from docx.shared import Length, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx_style import (
    TABLE_STYLE,
    apply_house_style,
    ensure_styles,
    set_page,
    set_properties,
)
from clerk_tui.export.docx_template import open_template
from clerk_tui.text import clean_text


def word_text(value: str) -> str:
    """``value`` as a Word document can hold it (the same rule as text typed at the door)."""
    return clean_text(value)


# python-docx looks a style up by name through every style of the document, twice, for each
# paragraph given one: two thirds of the time of a 30-item meeting. Each document's style ids
# are looked up once instead (keyed weakly on its part, which lives as long as it does).
_STYLE_IDS: weakref.WeakKeyDictionary[object, dict[str, str]] = weakref.WeakKeyDictionary()


def _style_id(document: Document, name: str) -> str:
    ids = _STYLE_IDS.setdefault(document.part, {})
    if name not in ids:
        ids[name] = document.styles[name].style_id
    return ids[name]


def add_paragraph(document: Document, text: str = "", style: str | None = None) -> Paragraph:
    paragraph = document.add_paragraph(word_text(text))
    if style is not None:
        paragraph._p.style = _style_id(document, style)
    return paragraph


def new_document(
    info: DocumentInfo, *, template: bytes | None = None, landscape: bool = False
) -> Document:
    """A blank document with ``info`` as its properties and "Page N of M" in the footer: in the
    house style (A4, portrait or ``landscape``), or on ``template`` (a Word file's bytes: its
    page setup, headers, footers and styles; ClerkError if it is not a Word file)."""
    if template is None:
        document = docx.Document()
        apply_house_style(document, info)
        set_page(document, landscape=landscape)
    else:
        document = open_template(template)
        ensure_styles(document, info)
    set_properties(document, info)
    if not any(_has_page_field(f) for f in _footers(document)):
        add_page_number_footer(document)
    return document


def _headers(document: Document) -> list[_Header]:
    """The headers a reader sees: the first page's and the even pages' too where set."""
    return _seen(document, "header")  # type: ignore[return-value]


def _footers(document: Document) -> list[_Footer]:
    """The footers a reader sees, as :func:`_headers`."""
    return _seen(document, "footer")  # type: ignore[return-value]


def _seen(document: Document, part: str) -> list[_Header | _Footer]:
    """Each section's ``part`` ("header" or "footer"), with its first page's and even pages'
    own where the document sets them: one walk for both."""
    found: list[_Header | _Footer] = []
    even = document.settings.odd_and_even_pages_header_footer
    for section in document.sections:
        found.append(getattr(section, part))
        if section.different_first_page_header_footer:
            found.append(getattr(section, f"first_page_{part}"))
        if even:
            found.append(getattr(section, f"even_page_{part}"))
    return found


def _has_page_field(footer: _Footer) -> bool:
    """Whether a (template's) footer numbers its pages already: a PAGE field, complex or
    simple. A footer linked to the previous section has no part of its own: no field."""
    if footer.is_linked_to_previous:
        return False
    element = footer._element
    instructions = [t.text or "" for t in element.iter(qn("w:instrText"))]
    instructions += [f.get(qn("w:instr"), "") for f in element.iter(qn("w:fldSimple"))]
    return any("PAGE" in i.split() for i in instructions)


def _last_paragraph(part: _Header | _Footer) -> Paragraph:
    """The paragraph to write in: the empty one a new header holds, else a new one after what
    a template put there (logo, address)."""
    paragraphs: list[Paragraph] = part.paragraphs  # untyped upstream
    if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0].runs:
        return paragraphs[0]
    added: Paragraph = part.add_paragraph()  # untyped upstream
    return added


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
    for footer in _footers(document):
        footer.is_linked_to_previous = False
        paragraph = _last_paragraph(footer)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run("Page ")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        add_field(paragraph, "NUMPAGES")


def set_page_header(document: Document, text: str) -> None:
    """``text`` (e.g. "DRAFT") in bold, centred in the header of every page, once: below what a
    template's header holds."""
    for header in _headers(document):
        header.is_linked_to_previous = False
        paragraph = _last_paragraph(header)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(word_text(text)).bold = True


def add_bold_paragraph(document: Document, text: str, style: str | None = None) -> Paragraph:
    paragraph = add_paragraph(document, style=style)
    paragraph.add_run(word_text(text)).bold = True
    return paragraph


def _row_flag(table: Table, row: int, tag: str) -> None:
    tr_pr = table.rows[row]._tr.get_or_add_trPr()
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def add_table(
    document: Document,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[Length] | None = None,
) -> Table:
    """A real table with a bold header row repeated at the top of each page, no row split
    across pages, in black rules; ``widths`` fixes its columns (see :func:`fix_widths`)."""
    table: Table = document.add_table(rows=1, cols=len(header), style=TABLE_STYLE)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(word_text(text)).bold = True
    for values in rows:
        cells = table.add_row().cells  # type: ignore[no-untyped-call]
        for cell, text in zip(cells, values, strict=True):
            if text:
                cell.text = word_text(text)
    _row_flag(table, 0, "w:tblHeader")
    for index in range(len(table.rows)):
        _row_flag(table, index, "w:cantSplit")
    if widths is not None:
        fix_widths(table, widths)
    return table


def fix_widths(table: Table, widths: Sequence[Length]) -> None:
    """Column widths on the grid AND on every cell, the layout fixed: Word reads the cells',
    LibreOffice the grid's, and autofit would let either redistribute them."""
    # Whole twips, the unit both are stored in, so the grid and the cells agree exactly.
    widths = [Twips(round(w.twips)) for w in widths]
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(w.twips for w in widths)))


def document_bytes(document: Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
