"""The papers as tagged, accessible PDF (A4): the minutes, the agenda sheet and the tracker.

The engine is a small pure-Python PDF writer (this package) working from the same minutes
blocks as every other renderer, so `--format pdf` works after a plain `pip install` on any
machine, with no office suite: the fonts (Liberation Sans, metric-compatible with Arial) ship
in the package and fontTools subsets them. The layout, fonts and writer modules load only
when a PDF is made, never at start-up."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from clerk_tui.export.agenda_sheet import AgendaSheet, header_line
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.tracker import ActionRow, tracker_title
from clerk_tui.minutes import DRAFT_MARKER, Minutes


def render_minutes_pdf(minutes: Minutes, info: DocumentInfo | None = None) -> bytes:
    from clerk_tui.export.pdf.minutes import render_minutes

    title = f"{DRAFT_MARKER} {minutes.heading}" if minutes.draft else minutes.heading
    return render_minutes(minutes, info or DocumentInfo(title))


def render_agenda_pdf(sheet: AgendaSheet, info: DocumentInfo | None = None) -> bytes:
    from clerk_tui.export.pdf.papers import render_agenda

    return render_agenda(sheet, info or DocumentInfo(header_line(sheet)))


def render_tracker_pdf(
    rows: Iterable[ActionRow],
    info: DocumentInfo | None = None,
    *,
    body_name: str = "",
    as_of: date | None = None,
) -> bytes:
    from clerk_tui.export.pdf.papers import render_tracker

    info = info or DocumentInfo(tracker_title(body_name), subject=body_name)
    return render_tracker(rows, info, body_name=body_name, as_of=as_of)
