"""The pieces every PDF paper is built from, each a block of the flow and its element in the
structure tree at once: headings, paragraphs, lists with hanging labels, tables."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from clerk_tui.export.pdf.flow import TABLE_SIZE, CellText, Table, TextBlock, fit_widths
from clerk_tui.export.pdf.fonts import BOLD, REGULAR
from clerk_tui.export.pdf.objects import Name
from clerk_tui.export.pdf.structure import Element
from clerk_tui.text import clean_text

# The Word minutes' house style (export/docx_style.py), so the two papers look alike.
TITLE_SIZE = 12.0
HEADING_SIZE = 11.0
LIST_INDENT = 36.0  # 1.27 cm, Word's list indent: the labels hang in it
BULLET = "•"
BULLET_HANG = 18.0


def printed(text: str) -> str:
    """``text`` as the page prints it: clean (as at the door), a tab a space, and no
    invisible format character (a zero-width space, a soft hyphen), which a font draws as a
    box or a hyphen mid-line."""
    text = clean_text(text).replace("\t", " ")
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def heading(parent: Element, text: str, tag: str) -> TextBlock:
    """An H1 (the paper's heading) or H2 (a minute's): bold, kept with what follows."""
    size = TITLE_SIZE if tag == "H1" else HEADING_SIZE
    return TextBlock(
        printed(text),
        parent.leaf(tag),
        font=BOLD,
        size=size,
        space_before=12.0 if tag == "H2" else 0.0,
        space_after=12.0 if tag == "H1" else 6.0,
        keep_with_next=True,
    )


def paragraph(
    parent: Element,
    text: str,
    *,
    bold: bool = False,
    space_after: float = 8.0,
    keep_with_next: bool = False,
    indent: float = 0.0,
) -> TextBlock:
    return TextBlock(
        printed(text),
        parent.leaf("P"),
        font=BOLD if bold else REGULAR,
        space_after=space_after,
        keep_with_next=keep_with_next,
        indent=indent,
    )


def list_item(
    items: Element, label: str, text: str, *, level: int = 1, space_after: float = 4.0
) -> tuple[TextBlock, Element]:
    """An LI of the list ``items``: its Lbl hanging left of its LBody. Returns the block and
    the LBody (where a nested list of sub-points goes, after the words)."""
    item = items.add("LI")
    label_content = item.leaf("Lbl")
    body = item.add("LBody")
    hang = BULLET_HANG if label == BULLET else LIST_INDENT
    block = TextBlock(
        printed(text),
        body.content(),
        indent=LIST_INDENT * (level - 1) + hang,
        label=printed(label),
        label_content=label_content,
        hang=hang,
        space_after=space_after,
    )
    return block, body


def new_list(parent: Element, numbering: str) -> Element:
    """An L, saying how its items are labelled ("Disc", "LowerRoman", "LowerAlpha")."""
    return parent.add("L", {"O": Name("List"), "ListNumbering": Name(numbering)})


def bullets(parent: Element, texts: Sequence[str]) -> list[TextBlock]:
    items = new_list(parent, "Disc")
    blocks = [list_item(items, BULLET, text)[0] for text in texts]
    if blocks:
        blocks[-1].space_after = 8.0
    return blocks


def table(
    parent: Element,
    header: Sequence[str],
    rows: Sequence[Sequence[Sequence[tuple[str, bool]]]],
    width: float,
    size: float = TABLE_SIZE,
) -> Table:
    """A Table of TH header cells (scope Column) and rows of TD cells; each cell a sequence
    of (text, bold) paragraphs. Column widths fitted to the content within ``width``."""
    element = parent.add("Table")
    head_row = element.add("TR")
    head = tuple(
        (
            CellText(
                printed(h),
                head_row.add("TH", {"O": Name("Table"), "Scope": Name("Column")}).content(),
                bold=True,
            ),
        )
        for h in header
    )
    body: list[tuple[tuple[CellText, ...], ...]] = []
    for row in rows:
        tr = element.add("TR")
        cells: list[tuple[CellText, ...]] = []
        for cell in row:
            td = tr.add("TD")
            cells.append(tuple(CellText(printed(t), td.content(), bold=b) for t, b in cell))
        body.append(tuple(cells))
    columns = [[part for row in body for part in row[n]] for n in range(len(header))]
    widths = fit_widths([cell[0] for cell in head], columns, width, size)
    return Table(head, body, widths, size=size)
