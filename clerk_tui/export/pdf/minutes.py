"""The minutes as a tagged PDF: the same blocks in the same order as the Word and Markdown
minutes. The heading (H1), "PRESENT: -" and the members, an H2 per minute, paragraphs,
bullets and resolutions as lists (their labels i., ii., a. as Lbl), recorded votes as tables,
the closing line and the signature block ("Chair" and "Date", each with a line to sign on).
"DRAFT" and "CONFIDENTIAL" are printed once, in the page header of every page."""

from __future__ import annotations

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.pdf.building import (
    bullets,
    heading,
    list_item,
    new_list,
    paragraph,
    table,
)
from clerk_tui.export.pdf.document import add_pagination, write_pdf
from clerk_tui.export.pdf.flow import Flow, Group, TextBlock
from clerk_tui.export.pdf.paginate import Paginator
from clerk_tui.export.pdf.structure import Element
from clerk_tui.minutes import (
    ALSO_PRESENT_LABEL,
    CONFIDENTIAL_MARKER,
    DRAFT_MARKER,
    EN_DASH,
    PRESENT_LABEL,
    RESOLVED_LABEL,
    Block,
    Bullets,
    Minutes,
    NamedVote,
    NumberedResolution,
    Paragraph,
    Resolved,
    Section,
)

SIGNATURE_RULE = 283.46  # 10 cm from the margin, as the Word minutes' tab leader
SIGNATURE_LABELS = ("Chair", "Date")


def _names(parent: Element, label: str, names: tuple[str, ...]) -> list[Flow]:
    """ "PRESENT: -" and the names, one a line, kept together where they fit on a page.
    (The label is made first: the structure tree reads in the order its elements are made.)"""
    heading = paragraph(parent, label, bold=True, keep_with_next=True)
    lines = [paragraph(parent, name, space_after=0.0) for name in names]
    if lines:
        lines[-1].space_after = 8.0
    return [heading, Group(list(lines))]


def _resolution(items: Element, resolution: NumberedResolution, level: int) -> list[TextBlock]:
    block, body = list_item(items, resolution.label, resolution.text, level=level)
    blocks = [block]
    if resolution.children:
        subs = new_list(body, "LowerAlpha")
        for sub in resolution.children:
            blocks.append(list_item(subs, sub.label, sub.text, level=level + 1)[0])
    return blocks


def _resolved(parent: Element, resolved: Resolved) -> list[Flow]:
    label = paragraph(parent, RESOLVED_LABEL, bold=True, keep_with_next=True)
    kept: list[TextBlock] = []
    items: Element | None = None  # the list the labelled resolutions make, one L for all
    for resolution in resolved.resolutions:
        if resolution.label:
            items = items or new_list(parent, "LowerRoman")
            kept.extend(_resolution(items, resolution, level=1))
            continue
        items = None
        # A resolution standing alone: its words a paragraph, its sub-points a list under it.
        kept.append(paragraph(parent, resolution.text, space_after=6.0))
        if resolution.children:
            subs = new_list(parent, "LowerAlpha")
            kept.extend(list_item(subs, s.label, s.text)[0] for s in resolution.children)
    if kept:
        kept[-1].space_after = 8.0
    return [label, Group(list(kept))]


def _block(parent: Element, block: Block, width: float) -> list[Flow]:
    match block:
        case Paragraph(text=text):
            return [paragraph(parent, text)]
        case Bullets(items=items):
            return list(bullets(parent, items))
        case Resolved():
            return _resolved(parent, block)
        case NamedVote(rows=rows):
            cells = [
                [[(vote, True)], [(", ".join(names) or "None", False)]] for vote, names in rows
            ]
            return [table(parent, ["Vote", "Members"], cells, width)]
    raise TypeError(f"unknown block {block!r}")  # pragma: no cover


def _section(document: Element, section: Section, width: float) -> list[Flow]:
    flows: list[Flow] = [heading(document, section.heading, "H2")]
    if section.confidential:
        flows.append(paragraph(document, CONFIDENTIAL_MARKER, bold=True, keep_with_next=True))
    for block in section.blocks:
        flows.extend(_block(document, block, width))
    return flows


def _signature(document: Element) -> Group:
    lines = [paragraph(document, label, space_after=0.0) for label in SIGNATURE_LABELS]
    for line in lines:
        line.rule_to = SIGNATURE_RULE
        line.space_before = 24.0
    return Group(list(lines))


def minutes_flow(minutes: Minutes, document: Element, width: float) -> list[Flow]:
    """The minutes' blocks, in order, as the flow of the paper."""
    flows: list[Flow] = [heading(document, minutes.heading, "H1")]
    flows += _names(document, PRESENT_LABEL, minutes.present)
    if minutes.also_present:
        flows += _names(document, ALSO_PRESENT_LABEL, minutes.also_present)
    for section in minutes.sections:
        flows += _section(document, section, width)
    if minutes.closing:
        flows.append(paragraph(document, minutes.closing, keep_with_next=True))
    flows.append(_signature(document))
    return flows


def page_marks(minutes: Minutes) -> str:
    """What the head of every page says: "DRAFT", "CONFIDENTIAL", both, or nothing."""
    marks = [
        mark
        for mark, on in ((CONFIDENTIAL_MARKER, minutes.confidential), (DRAFT_MARKER, minutes.draft))
        if on
    ]
    return f" {EN_DASH} ".join(marks)


def render_minutes(minutes: Minutes, info: DocumentInfo) -> bytes:
    document = Element("Document")
    pages = Paginator()
    pages.place(minutes_flow(minutes, document, pages.text_width))
    add_pagination(pages.pages, page_marks(minutes))
    return write_pdf(pages.pages, document, info)
