"""The action tracker exported: the rows the renderers take (actions of exempt items only when
the clerk asks for them), the file an export goes to, and the write, in CSV, Markdown, Word, PDF
or a web page. The part of ``desk.tracker`` (:class:`~clerk_tui.desk.tracker.TrackerService`)
that writes files, kept apart so that each module has one job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui import paths
from clerk_tui.desk.exporting import ExportTarget, target_of, write_export
from clerk_tui.desk.store import Store, get
from clerk_tui.desk.tracker_fields import ActionFilter, export_file_name, tracker_format
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.html import render_tracker_html
from clerk_tui.export.tracker import (
    ActionRow,
    confidential,
    month_label,
    render_tracker_csv,
    render_tracker_docx,
    render_tracker_markdown,
    tracker_title,
)
from db import models, tracker_queries

if TYPE_CHECKING:
    from db.tracker_queries import TrackedAction


class TrackerExportMixin:
    """The export methods of ``desk.tracker``."""

    store: Store

    if TYPE_CHECKING:  # TrackerService's own read, which the rows are made from

        def action_tracker(self, body_id: int) -> list[TrackedAction]: ...

    def exempt_action_count(self, body_id: int) -> int:
        """How many of the body's actions come from exempt items (what the export offers)."""
        with self.store.reading() as session:
            return tracker_queries.exempt_action_count(session, body_id)

    def tracker_rows(
        self, body_id: int, status: str = "all", *, include_exempt: bool = False
    ) -> list[ActionRow]:
        """The tracker as the renderers take it, outstanding first, then completed; actions of
        exempt items only with ``include_exempt``."""
        chosen = ActionFilter(status=status).apply(self.action_tracker(body_id))
        if not include_exempt:
            chosen = [a for a in chosen if not a.exempt]
        return [
            ActionRow(
                minute_number=a.minute_number,
                date_label=month_label(a.source_date) if a.source_date else "",
                text=a.text,
                owner=a.owner,
                due=a.due,
                update=a.latest_update,
                status=a.status,
                exempt=a.exempt,
            )
            for a in chosen
        ]

    def tracker_export_path(self, body_id: int, fmt: str, *, include_exempt: bool = False) -> Path:
        """The default file: in the documents folder, named from the body and today's date
        (and "-CONFIDENTIAL" when exempt actions are asked for and there are some)."""
        body = self._body_name(body_id)
        secret = include_exempt and self.exempt_action_count(body_id) > 0
        name = export_file_name(body, self.store.now().date(), fmt, confidential=secret)
        return paths.documents_dir() / name

    def tracker_export_target(
        self,
        body_id: int,
        fmt: str,
        path: Path | str | None = None,
        *,
        status: str = "all",
        include_exempt: bool = False,
    ) -> ExportTarget:
        """The file an export of the tracker to ``path`` would write (a file; a name ending in
        "/": a folder to put it in; None: the documents folder), checked by the guard before
        anything is rendered or asked; ``replaces``: whether a file is there."""
        fmt = tracker_format(fmt)
        rows = self.tracker_rows(body_id, status, include_exempt=include_exempt)
        body = self._body_name(body_id)
        name = export_file_name(body, self.store.now().date(), fmt, confidential=confidential(rows))
        return target_of(path, name, into_folders=False)

    def export_tracker(
        self,
        body_id: int,
        fmt: str,
        path: Path | str | None = None,
        *,
        status: str = "all",
        include_exempt: bool = False,
    ) -> Path:
        """Write the tracker as CSV, Markdown or Word to ``path`` (as
        :meth:`tracker_export_target` reads it), atomically; return the file written. Actions
        of exempt items only with ``include_exempt``: that copy is private (0600)."""
        fmt = tracker_format(fmt)
        target = self.tracker_export_target(
            body_id, fmt, path, status=status, include_exempt=include_exempt
        ).path
        rows = self.tracker_rows(body_id, status, include_exempt=include_exempt)
        body = self._body_name(body_id)
        today = self.store.now().date()
        data: bytes | str
        info = self._info(body_id)
        if fmt == "csv":
            data = render_tracker_csv(rows)
        elif fmt == "md":
            data = render_tracker_markdown(rows, body_name=body, as_of=today)
        elif fmt == "docx":
            data = render_tracker_docx(rows, info, body_name=body, as_of=today)
        elif fmt == "pdf":
            from clerk_tui.export.pdf import render_tracker_pdf  # loads only now

            data = render_tracker_pdf(rows, info, body_name=body, as_of=today)
        else:
            data = render_tracker_html(rows, info, body_name=body, as_of=today)
        # A confidential copy is its owner's alone, even over a file others could read.
        return write_export(target, data, private=confidential(rows))

    def _info(self, body_id: int) -> DocumentInfo:
        with self.store.reading() as session:
            body = get(session, models.Body, body_id, "body")
            return DocumentInfo(tracker_title(body.name), body.name, body.contact_name)

    def _body_name(self, body_id: int) -> str:
        with self.store.reading() as session:
            return get(session, models.Body, body_id, "body").name
