"""The minutes as a Word document (python-docx).

The heading in the Title style ("DRAFT" above it and in the document title while a draft), a
Heading 1 per minute, bullets in the List Bullet style, resolutions as list paragraphs with
their labels (i., ii., a.) written out and a hanging indent, so the labels survive any reading
of the text; recorded votes as tables; "Page N of M" in the footer; "CONFIDENTIAL" (and
"DRAFT") in the header of every page.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Cm, Pt

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx_util import (
    add_bold_paragraph,
    add_heading,
    add_paragraph,
    add_table,
    document_bytes,
    new_document,
    set_page_header,
    word_text,
)
from clerk_tui.minutes import (
    ALSO_PRESENT_LABEL,
    CONFIDENTIAL_MARKER,
    DRAFT_MARKER,
    PRESENT_LABEL,
    RESOLVED_LABEL,
    Block,
    Bullets,
    Minutes,
    NamedVote,
    Paragraph,
    Resolved,
    Section,
)

LIST_INDENT = Cm(1.27)
LIST_STYLE = "List Paragraph"
BULLET_STYLE = "List Bullet"


def _labelled(document: Document, label: str, text: str, level: int) -> None:
    indent = Cm(1.27 * level)
    paragraph = add_paragraph(document, f"{label}\t{text}", style=LIST_STYLE)
    fmt = paragraph.paragraph_format
    fmt.left_indent = indent
    fmt.first_line_indent = -LIST_INDENT
    fmt.tab_stops.add_tab_stop(indent)
    fmt.space_after = Pt(6)


def _lines(document: Document, lines: tuple[str, ...]) -> None:
    for line in lines:
        add_paragraph(document, line).paragraph_format.space_after = Pt(0)
    document.add_paragraph()


def add_block(document: Document, block: Block) -> None:
    match block:
        case Paragraph(text=text):
            add_paragraph(document, text)
        case Bullets(items=items):
            for item in items:
                add_paragraph(document, item, style=BULLET_STYLE)
        case Resolved(resolutions=resolutions):
            add_bold_paragraph(document, RESOLVED_LABEL)
            for resolution in resolutions:
                if resolution.label:
                    _labelled(document, resolution.label, resolution.text, 1)
                else:
                    add_paragraph(document, resolution.text)
                child_level = 2 if resolution.label else 1
                for sub in resolution.children:
                    _labelled(document, sub.label, sub.text, child_level)
        case NamedVote(rows=rows):
            add_table(document, ["Vote", "Members"], [[n, ", ".join(v) or "None"] for n, v in rows])
            document.add_paragraph()
        case _:  # pragma: no cover
            raise TypeError(f"unknown block {block!r}")


def add_section(document: Document, section: Section) -> None:
    add_heading(document, section.heading, level=1)
    if section.confidential:
        add_bold_paragraph(document, CONFIDENTIAL_MARKER)
    for block in section.blocks:
        add_block(document, block)


def build_document(minutes: Minutes, info: DocumentInfo) -> Document:
    document = new_document(title=info.title)
    marks = [
        m
        for m, on in ((CONFIDENTIAL_MARKER, minutes.confidential), (DRAFT_MARKER, minutes.draft))
        if on
    ]
    if marks:
        set_page_header(document, " – ".join(marks))
    if minutes.draft:
        add_bold_paragraph(document, DRAFT_MARKER, style="Title")
    heading = document.add_paragraph(style="Title")
    run = heading.add_run(word_text(minutes.heading))
    run.bold = True
    run.font.size = Pt(14)
    add_bold_paragraph(document, PRESENT_LABEL)
    _lines(document, minutes.present)
    if minutes.also_present:
        add_bold_paragraph(document, ALSO_PRESENT_LABEL)
        _lines(document, minutes.also_present)
    for section in minutes.sections:
        add_section(document, section)
    if minutes.closing:
        add_paragraph(document, minutes.closing)
    add_paragraph(document, minutes.dotted_line)
    add_bold_paragraph(document, minutes.chair_line)
    return document


def render_docx(
    minutes: Minutes, info: DocumentInfo | None = None, *, template: bytes | None = None
) -> bytes:
    """The minutes as the bytes of a .docx file (on ``template``, a Word file's bytes, when
    given: not yet honoured, see issue 14)."""
    if info is None:
        title = f"{DRAFT_MARKER} {minutes.heading}" if minutes.draft else minutes.heading
        info = DocumentInfo(title)
    return document_bytes(build_document(minutes, info))
