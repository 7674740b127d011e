"""The papers as one self-contained, semantic HTML page each.

INTERFACE ONLY, to be built by the html slice of issue 14."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from clerk_tui.export.agenda_sheet import AgendaSheet
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.tracker import ActionRow
from clerk_tui.minutes import Minutes


def render_minutes_html(minutes: Minutes, info: DocumentInfo | None = None) -> str:
    raise NotImplementedError


def render_agenda_html(sheet: AgendaSheet, info: DocumentInfo | None = None) -> str:
    raise NotImplementedError


def render_tracker_html(
    rows: Iterable[ActionRow],
    info: DocumentInfo | None = None,
    *,
    body_name: str = "",
    as_of: date | None = None,
) -> str:
    raise NotImplementedError
