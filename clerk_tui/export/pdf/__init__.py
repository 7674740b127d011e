"""The papers as tagged, accessible PDF (A4): the minutes, the agenda sheet and the tracker.

INTERFACE ONLY, to be built by the pdf slice of issue 14."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from clerk_tui.export.agenda_sheet import AgendaSheet
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.tracker import ActionRow
from clerk_tui.minutes import Minutes


def render_minutes_pdf(minutes: Minutes, info: DocumentInfo | None = None) -> bytes:
    raise NotImplementedError


def render_agenda_pdf(sheet: AgendaSheet, info: DocumentInfo | None = None) -> bytes:
    raise NotImplementedError


def render_tracker_pdf(
    rows: Iterable[ActionRow],
    info: DocumentInfo | None = None,
    *,
    body_name: str = "",
    as_of: date | None = None,
) -> bytes:
    raise NotImplementedError
