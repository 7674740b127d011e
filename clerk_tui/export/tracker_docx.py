"""The action tracker as a Word file: landscape A4 in the house style, "Outstanding Actions"
and "Completed Actions" each a table ``Minute No. | Date | Action | Update``.

The columns are fitted to what they hold: Minute No. and Date as narrow as their longest entry,
Action and Update sharing the rest by how much each has to say, so an action reads in a few
lines rather than ten. The header row repeats on every page and no row splits across a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from docx.shared import Cm, Length

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.docx_style import HEADING_STYLE, TITLE_STYLE, usable_width
from clerk_tui.export.docx_util import (
    add_bold_paragraph,
    add_paragraph,
    add_table,
    document_bytes,
    new_document,
    set_page_header,
)
from clerk_tui.export.tracker import (
    COLUMNS,
    COMPLETED_TITLE,
    OUTSTANDING_TITLE,
    ActionRow,
    confidential,
    split_rows,
    tracker_title,
)
from clerk_tui.minutes import CONFIDENTIAL_MARKER, long_date

# Arial 11 averages about 0.21 cm a character (bold a little more); a cell has ~0.4 cm of
# padding. Enough to size a narrow column on its longest entry without measuring glyphs.
CHAR_WIDTH_CM = 0.21
CELL_PADDING_CM = 0.45
NARROW = (0, 1)  # Minute No., Date
# Neither wide column narrower than this share of their room, however little it holds.
MIN_SHARE = 0.35


def _fitted(header: str, entries: Sequence[str]) -> float:
    """The width in cm of a column on one line of its longest entry or its header."""
    longest = max((len(t) for t in (header, *entries)), default=0)
    return longest * CHAR_WIDTH_CM + CELL_PADDING_CM


def column_widths(rows: Sequence[ActionRow], room: Length) -> list[Length]:
    """Widths of the four columns for ``rows`` in ``room`` (the width between the margins)."""
    cells = [r.marked_cells for r in rows]
    narrow = [_fitted(COLUMNS[i], [c[i] for c in cells]) for i in NARROW]
    rest = room.cm - sum(narrow)
    action, update = (sum(len(c[i]) for c in cells) for i in (2, 3))
    share = action / (action + update) if action + update else 0.5
    share = min(max(share, MIN_SHARE), 1 - MIN_SHARE)
    return [Cm(narrow[0]), Cm(narrow[1]), Cm(rest * share), Cm(rest * (1 - share))]


def tracker_docx(
    rows: list[ActionRow],
    info: DocumentInfo | None = None,
    *,
    body_name: str = "",
    as_of: date | None = None,
) -> bytes:
    outstanding, completed = split_rows(rows)
    document = new_document(info or DocumentInfo(tracker_title(body_name)), landscape=True)
    widths = column_widths(rows, usable_width(document))
    if confidential(rows):
        set_page_header(document, CONFIDENTIAL_MARKER)
        add_bold_paragraph(document, f"{CONFIDENTIAL_MARKER} — contains exempt information")
    add_paragraph(document, tracker_title(body_name), style=TITLE_STYLE)
    if as_of is not None:
        add_paragraph(document, f"Date {long_date(as_of)}")
    for title, group in ((OUTSTANDING_TITLE, outstanding), (COMPLETED_TITLE, completed)):
        add_paragraph(document, title, style=HEADING_STYLE)
        if group:
            add_table(document, COLUMNS, [r.marked_cells for r in group], widths)
        else:
            add_paragraph(document, "None.")
    return document_bytes(document)
