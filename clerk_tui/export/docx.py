"""The minutes as a Word document (python-docx), in the council house style (A4, black Arial,
see :mod:`clerk_tui.export.docx_style`) or on the council's own template.

The heading in the Title style, a Heading 1 per minute, bullets in the List Bullet style,
resolutions as list paragraphs with their labels (i., ii., a.) written out and a hanging indent,
so the labels survive any reading of the text; recorded votes as tables; "DRAFT" once, in the
header of every page until the minutes are approved ("CONFIDENTIAL" with it when exempt matter
is in); "Page N of M" in the footer; a signature block for the Chair at the end.

Nothing a reader needs to see together is parted by a page break: a minute heading stays with
its first paragraph, "RESOLVED: -" with its resolutions, a list of resolutions together where it
fits on a page, the last paragraph with the signature block.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph as WordParagraph

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx_style import BULLET_STYLE, HEADING_STYLE, LIST_STYLE, TITLE_STYLE
from clerk_tui.export.docx_util import (
    add_bold_paragraph,
    add_paragraph,
    add_table,
    document_bytes,
    new_document,
    set_page_header,
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
#: The signature block: each label, then a rule (a tab's underline leader) to sign or date on.
SIGNATURE_LABELS = ("Chair", "Date")
SIGNATURE_RULE = Cm(10)


def _keep(paragraph: WordParagraph, *, with_next: bool) -> WordParagraph:
    fmt = paragraph.paragraph_format
    fmt.keep_together = True
    fmt.keep_with_next = with_next
    return paragraph


def _labelled(document: Document, label: str, text: str, level: int) -> WordParagraph:
    indent = Cm(1.27 * level)
    paragraph = add_paragraph(document, f"{label}\t{text}", style=LIST_STYLE)
    fmt = paragraph.paragraph_format
    fmt.left_indent = indent
    fmt.first_line_indent = -LIST_INDENT
    fmt.tab_stops.add_tab_stop(indent)
    fmt.space_after = Pt(6)
    return paragraph


def _lines(document: Document, lines: tuple[str, ...]) -> None:
    for line in lines:
        add_paragraph(document, line).paragraph_format.space_after = Pt(0)
    document.add_paragraph()


def _resolved(document: Document, block: Resolved) -> None:
    """ "RESOLVED: -" and its resolutions, kept together: each paragraph but the last keeps
    with the next, none splits."""
    paragraphs = [add_bold_paragraph(document, RESOLVED_LABEL)]
    for resolution in block.resolutions:
        if resolution.label:
            paragraphs.append(_labelled(document, resolution.label, resolution.text, 1))
        else:
            paragraphs.append(add_paragraph(document, resolution.text))
        child_level = 2 if resolution.label else 1
        for sub in resolution.children:
            paragraphs.append(_labelled(document, sub.label, sub.text, child_level))
    for paragraph in paragraphs:
        _keep(paragraph, with_next=paragraph is not paragraphs[-1])


def add_block(document: Document, block: Block) -> None:
    match block:
        case Paragraph(text=text):
            add_paragraph(document, text)
        case Bullets(items=items):
            for item in items:
                add_paragraph(document, item, style=BULLET_STYLE)
        case Resolved():
            _resolved(document, block)
        case NamedVote(rows=rows):
            add_table(document, ["Vote", "Members"], [[n, ", ".join(v) or "None"] for n, v in rows])
            document.add_paragraph()
        case _:  # pragma: no cover
            raise TypeError(f"unknown block {block!r}")


def add_section(document: Document, section: Section) -> None:
    _keep(add_paragraph(document, section.heading, style=HEADING_STYLE), with_next=True)
    if section.confidential:
        _keep(add_bold_paragraph(document, CONFIDENTIAL_MARKER), with_next=True)
    for block in section.blocks:
        add_block(document, block)


def add_signature_block(document: Document) -> None:
    """ "Chair ____" and "Date ____", kept together, the rules drawn by a tab's leader so a
    reading of the text finds the words alone."""
    for label in SIGNATURE_LABELS:
        paragraph = add_paragraph(document, f"{label}\t")
        fmt = paragraph.paragraph_format
        fmt.space_before = Pt(24)
        fmt.tab_stops.add_tab_stop(SIGNATURE_RULE, WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
        _keep(paragraph, with_next=label != SIGNATURE_LABELS[-1])


def build_document(minutes: Minutes, info: DocumentInfo, template: bytes | None) -> Document:
    document = new_document(info, template=template)
    marks = [
        m
        for m, on in ((CONFIDENTIAL_MARKER, minutes.confidential), (DRAFT_MARKER, minutes.draft))
        if on
    ]
    if marks:
        set_page_header(document, " – ".join(marks))
    _keep(add_paragraph(document, minutes.heading, style=TITLE_STYLE), with_next=True)
    _keep(add_bold_paragraph(document, PRESENT_LABEL), with_next=True)
    _lines(document, minutes.present)
    if minutes.also_present:
        _keep(add_bold_paragraph(document, ALSO_PRESENT_LABEL), with_next=True)
        _lines(document, minutes.also_present)
    for section in minutes.sections:
        add_section(document, section)
    if minutes.closing:
        _keep(add_paragraph(document, minutes.closing), with_next=True)
    add_signature_block(document)
    return document


def render_docx(
    minutes: Minutes, info: DocumentInfo | None = None, *, template: bytes | None = None
) -> bytes:
    """The minutes as the bytes of a .docx file: in the house style, or built on ``template``
    (a .docx or .dotx file's bytes; ClerkError in one line if it is not a Word document)."""
    if info is None:
        title = f"{DRAFT_MARKER} {minutes.heading}" if minutes.draft else minutes.heading
        info = DocumentInfo(title)
    return document_bytes(build_document(minutes, info, template))
