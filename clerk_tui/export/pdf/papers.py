"""The agenda front sheet and the action tracker as tagged PDF, in the order and words of
their Markdown and Word forms. The tracker is on landscape A4: its Action and Update columns
need the width, and Minute No. and Date are fitted narrow to what they hold."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from clerk_tui.export.agenda_sheet import COLUMNS as AGENDA_COLUMNS
from clerk_tui.export.agenda_sheet import AgendaSheet, header_line, info_lines
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.pdf.building import heading, paragraph, table
from clerk_tui.export.pdf.document import add_pagination, write_pdf
from clerk_tui.export.pdf.flow import Flow
from clerk_tui.export.pdf.paginate import A4, Paginator
from clerk_tui.export.pdf.structure import Element
from clerk_tui.export.tracker import (
    COLUMNS as TRACKER_COLUMNS,
)
from clerk_tui.export.tracker import (
    COMPLETED_TITLE,
    OUTSTANDING_TITLE,
    ActionRow,
    confidential,
    split_rows,
    tracker_title,
)
from clerk_tui.minutes import CONFIDENTIAL_MARKER, long_date

LANDSCAPE_A4 = (A4[1], A4[0])


def _finish(pages: Paginator, document: Element, header: str, info: DocumentInfo) -> bytes:
    add_pagination(pages.pages, header)
    return write_pdf(pages.pages, document, info)


def render_agenda(sheet: AgendaSheet, info: DocumentInfo) -> bytes:
    document = Element("Document")
    pages = Paginator()
    flows: list[Flow] = [heading(document, header_line(sheet), "H1")]
    flows += [paragraph(document, line) for line in info_lines(sheet, markdown=False)]
    flows.append(heading(document, "Agenda", "H2"))
    rows = []
    for item in sheet.items:
        topic = [(item.title.strip().upper(), True)]
        topic += [(extra, False) for extra in (item.description.strip(), item.exempt_note) if extra]
        rows.append(
            [[(item.papers_cell, False)], [(item.number, False)], topic, [(item.time_cell, False)]]
        )
    flows.append(table(document, list(AGENDA_COLUMNS), rows, pages.text_width))
    pages.place(flows)
    return _finish(pages, document, "", info)


def render_tracker(
    rows: Iterable[ActionRow], info: DocumentInfo, *, body_name: str, as_of: date | None
) -> bytes:
    outstanding, completed = split_rows(rows)
    secret = confidential([*outstanding, *completed])
    document = Element("Document")
    pages = Paginator(LANDSCAPE_A4)
    flows: list[Flow] = []
    if secret:
        flows.append(
            paragraph(document, f"{CONFIDENTIAL_MARKER} — contains exempt information", bold=True)
        )
    flows.append(heading(document, tracker_title(body_name), "H1"))
    if as_of is not None:
        flows.append(paragraph(document, f"Date {long_date(as_of)}"))
    for title, group in ((OUTSTANDING_TITLE, outstanding), (COMPLETED_TITLE, completed)):
        flows.append(heading(document, title, "H2"))
        if group:
            cells = [[[(cell, False)] for cell in r.marked_cells] for r in group]
            flows.append(table(document, list(TRACKER_COLUMNS), cells, pages.text_width))
        else:
            flows.append(paragraph(document, "None."))
    pages.place(flows)
    return _finish(pages, document, CONFIDENTIAL_MARKER if secret else "", info)
