"""The agenda front sheet in the style of the reference agenda (14 March 2022).

A header block (body – time, date; venue; livestream; where to find the papers; contact
officer, email, telephone), then "Agenda" and a table
``Supporting Document | Item | Topic | Approximate time``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.markdown_util import md_escape, md_table
from clerk_tui.minutes import exempt_reason_text, hours, long_date

COLUMNS: tuple[str, ...] = ("Supporting Document", "Item", "Topic", "Approximate time")
NO_PAPERS = frozenset({"", "none"})


@dataclass(frozen=True)
class AgendaSheetItem:
    number: str  # "6", "6a"
    title: str
    description: str = ""
    papers: str = ""  # "Attached", "To Follow", "Tabled"; "" or "none" for no papers
    approximate_time: time | None = None
    exempt: bool = False
    exempt_reason: str = ""

    @property
    def papers_cell(self) -> str:
        return "" if self.papers.strip().lower() in NO_PAPERS else self.papers.strip()

    @property
    def time_cell(self) -> str:
        return hours(self.approximate_time) if self.approximate_time else ""

    @property
    def exempt_note(self) -> str:
        if not self.exempt:
            return ""
        return (
            "Not for publication: exempt information as defined in "
            f"{exempt_reason_text(self.exempt_reason)}."
        )


@dataclass(frozen=True)
class AgendaSheet:
    body_name: str
    date: date
    start: time
    venue: str
    body_short_name: str = ""  # "Panel": "More information about the Panel ..."
    livestream: str = ""  # URL
    website: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    items: tuple[AgendaSheetItem, ...] = ()


def clock12(moment: time) -> str:
    """13:30 → "1:30pm", 12:00 → "12:00pm", 09:05 → "9:05am"."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}{'am' if moment.hour < 12 else 'pm'}"


def header_line(sheet: AgendaSheet) -> str:
    """ "West Midlands Police and Crime Panel – 1:30pm, 14 March 2022"."""
    return f"{sheet.body_name} – {clock12(sheet.start)}, {long_date(sheet.date)}"


def info_lines(sheet: AgendaSheet, *, markdown: bool) -> list[str]:
    esc = md_escape if markdown else (lambda text: text)
    lines: list[str] = []
    if sheet.venue.strip():
        lines.append(esc(sheet.venue.strip()))
    link = sheet.livestream.strip()
    if link:
        shown = f"<{link}>" if markdown and link.startswith(("http://", "https://")) else esc(link)
        lines.append(f"This meeting will be livestreamed at {shown}")
    if sheet.website.strip():
        who = sheet.body_short_name.strip() or sheet.body_name.strip()
        lines.append(
            esc(
                f"More information about the {who}, including meeting papers and reports, "
                f"can be found at {sheet.website.strip()}"
            )
        )
    for label, value in (
        ("Contact Officer", sheet.contact_name),
        ("Email", sheet.contact_email),
        ("Tel", sheet.contact_phone),
    ):
        if value.strip():
            lines.append(f"{label}: {esc(value.strip())}")
    return lines


def render_agenda_markdown(sheet: AgendaSheet) -> str:
    parts = [f"# {md_escape(header_line(sheet))}", *info_lines(sheet, markdown=True), "## Agenda"]
    rows: list[list[str]] = []
    for item in sheet.items:
        topic = f"**{md_escape(item.title.strip().upper(), table=True)}**"
        for extra in (item.description.strip(), item.exempt_note):
            if extra:
                topic += "<br>" + md_escape(extra, table=True)
        rows.append(
            [
                md_escape(item.papers_cell, table=True),
                md_escape(item.number, table=True),
                topic,
                item.time_cell,
            ]
        )
    parts.append(md_table(list(COLUMNS), rows, escape=False))
    return "\n\n".join(parts) + "\n"


def render_agenda_docx(sheet: AgendaSheet, info: DocumentInfo | None = None) -> bytes:
    """The front sheet as a Word file in the house style (A4, black Arial): the header block,
    "Agenda", and the table, its Topic column the wide one."""
    # python-docx (and lxml) load only when a Word file is made: not at start-up.
    from docx.shared import Cm

    from clerk_tui.export.docx_style import HEADING_STYLE, TITLE_STYLE, usable_width
    from clerk_tui.export.docx_util import (
        add_paragraph,
        add_table,
        document_bytes,
        new_document,
        word_text,
    )

    document = new_document(info or DocumentInfo(header_line(sheet)))
    add_paragraph(document, header_line(sheet), style=TITLE_STYLE)
    for line in info_lines(sheet, markdown=False):
        add_paragraph(document, line)
    add_paragraph(document, "Agenda", style=HEADING_STYLE)
    # Supporting Document, Item and Approximate time hold a word or two each: Topic the rest.
    # "Approximate" in bold Arial 11 needs 3.1 cm not to break inside the word.
    narrow = [Cm(3.0), Cm(1.3), Cm(3.1)]
    topic = Cm(usable_width(document).cm - sum(w.cm for w in narrow))
    table = add_table(
        document,
        COLUMNS,
        [[i.papers_cell, i.number, "", i.time_cell] for i in sheet.items],
        [narrow[0], narrow[1], topic, narrow[2]],
    )
    for row, item in zip(table.rows[1:], sheet.items, strict=True):
        cell = row.cells[2]
        cell.paragraphs[0].add_run(word_text(item.title.strip().upper())).bold = True
        for extra in (item.description.strip(), item.exempt_note):
            if extra:
                cell.add_paragraph(word_text(extra))
    return document_bytes(document)
