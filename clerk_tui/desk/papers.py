"""After the meeting: the minutes' life (confirmed, approved, signed) and the papers of a meeting
rendered and written. The meeting is read whole (:func:`db.snapshot.read_meeting`), becomes the
minutes' plain records (:mod:`clerk_tui.minutes`), and each format is a renderer of
:mod:`clerk_tui.export`;
where a file goes is :mod:`clerk_tui.desk.exporting`, the rules of confirmation
:mod:`clerk_tui.desk.minutes_life`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from clerk_tui import paths
from clerk_tui.desk import minutes_life
from clerk_tui.desk.exporting import (
    ExportTarget,
    check_format,
    file_stem,
    paper,
    target_of,
    write_export,
)
from clerk_tui.desk.meeting_records import agenda_sheet
from clerk_tui.desk.minutes_life import MinutesState, apply_confirmations, state_of
from clerk_tui.desk.store import Store, get
from clerk_tui.desk.templates import TemplateRefused, TemplatesMixin, refused_on
from clerk_tui.errors import ClerkError
from clerk_tui.export.agenda_sheet import (
    AgendaSheet,
    header_line,
    render_agenda_docx,
    render_agenda_markdown,
)
from clerk_tui.export.atomic import check_target
from clerk_tui.export.attendance import COLUMNS as ATTENDANCE_COLUMNS
from clerk_tui.export.attendance import attendance_rows, render_attendance_csv
from clerk_tui.export.chapters import render_chapters
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.html import render_agenda_html, render_minutes_html
from clerk_tui.export.markdown import render_markdown
from clerk_tui.export.markdown_util import md_table
from clerk_tui.export.text import render_text
from clerk_tui.minutes import (
    DRAFT_MARKER,
    MeetingRecord,
    Minutes,
    long_date,
    meeting_record,
    minutes_of,
)
from db import models, record_queries
from db.meeting_snapshot import MeetingSnapshot
from db.snapshot import read_meeting


class PapersService(TemplatesMixin):
    """``desk.papers``: the minutes' life and the papers of each meeting, and the Word
    templates the minutes are built on (:class:`~clerk_tui.desk.templates.TemplatesMixin`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- the minutes' life -----------------------------------------------------------------
    def minutes_state(self, meeting_id: int) -> MinutesState:
        with self.store.reading() as session:
            return state_of(get(session, models.Meeting, meeting_id, "meeting"))

    def mark_confirmation(self, resolution_id: int, minutes_of: int | None = None) -> MinutesState:
        """Record that a resolution confirms the minutes of an earlier meeting (the one it
        names by date, else the meeting's previous one), which are thereby approved."""
        with self.store.recording() as changes:
            return minutes_life.confirm(changes, resolution_id, minutes_of)

    def recognise_confirmations(self, meeting_id: int) -> tuple[MinutesState, ...]:
        """Approve the earlier minutes that this meeting's minutes item confirmed (a
        resolution "... be confirmed as a correct record"); what was approved, if anything."""
        with self.store.recording(meeting_id) as changes:
            get(changes.session, models.Meeting, meeting_id, "meeting")
            return tuple(state_of(m) for m in apply_confirmations(changes, meeting_id))

    def approve_minutes(self, meeting_id: int, at_meeting_id: int | None = None) -> MinutesState:
        """Approve a meeting's draft minutes by hand (at the later meeting ``at_meeting_id``)."""
        with self.store.recording(meeting_id) as changes:
            return minutes_life.approve_by_hand(changes, meeting_id, at_meeting_id)

    def sign_minutes(self, meeting_id: int, on: date | None = None) -> MinutesState:
        """Record that the chair signed the approved minutes (on ``on``, today by default).

        A later meeting whose minutes item confirmed them, without anyone marking it so,
        approves them first, in the same transaction."""
        with self.store.recording(meeting_id) as changes:
            return minutes_life.sign(changes, meeting_id, on)

    # ---- reads ---------------------------------------------------------------------------
    def _rows(self, meeting_id: int) -> MeetingSnapshot:
        with self.store.reading() as session:
            rows = read_meeting(session, meeting_id)
        if rows is None:
            raise ClerkError(f"there is no meeting {meeting_id}")
        return rows

    def meeting_record(self, meeting_id: int) -> MeetingRecord:
        """Everything recorded on a meeting, as the minutes' plain input record."""
        return meeting_record(self._rows(meeting_id))

    def agenda_sheet(self, meeting_id: int, *, include_exempt: bool = False) -> AgendaSheet:
        return agenda_sheet(self._rows(meeting_id), include_exempt=include_exempt)

    # ---- rendering -----------------------------------------------------------------------
    def export_file_name(
        self, meeting_id: int, what: str, fmt: str, *, include_exempt: bool = False
    ) -> str:
        """ "Panel-2022-03-14-minutes.docx"; a copy with exempt items says so in its name."""
        fmt = check_format(what, fmt)
        with self.store.reading() as session:
            found = record_queries.meeting_ref(session, meeting_id)
            exempt = record_queries.exempt_item_count(session, meeting_id)
        if found is None:
            raise ClerkError(f"there is no meeting {meeting_id}")
        stem = file_stem(found.body_short_name or found.body_name)
        secret = "-CONFIDENTIAL" if _confidential(what, include_exempt, exempt) else ""
        return f"{stem}-{found.date:%Y-%m-%d}-{what}{secret}.{fmt}"

    def default_export_path(
        self, meeting_id: int, what: str, fmt: str, *, include_exempt: bool = False
    ) -> Path:
        """The file in the clerk's documents folder (platformdirs)."""
        name = self.export_file_name(meeting_id, what, fmt, include_exempt=include_exempt)
        return paths.documents_dir() / name

    def render_paper(
        self,
        meeting_id: int,
        what: str,
        fmt: str,
        *,
        include_exempt: bool = False,
        template: bytes | None = None,
    ) -> bytes:
        """The bytes of a paper of the meeting, as its file would hold them. ``template``: the
        bytes of a Word file whose page setup, headers and styles the Word minutes are built on
        (ClerkError in one line if it is not a Word file)."""
        fmt = check_format(what, fmt)
        rows = self._rows(meeting_id)
        if what == "agenda":
            sheet = agenda_sheet(rows, include_exempt=include_exempt)
            info = _info(rows, header_line(sheet))
            if fmt == "docx":
                return render_agenda_docx(sheet, info)
            if fmt == "pdf":
                from clerk_tui.export.pdf import render_agenda_pdf  # loads only now

                return render_agenda_pdf(sheet, info)
            if fmt == "html":
                return render_agenda_html(sheet, info).encode("utf-8")
            return render_agenda_markdown(sheet).encode("utf-8")
        record = meeting_record(rows)
        if what == "attendance":
            return render_attendance_csv(record)
        if what == "chapters":
            return _chapters_text(record, include_exempt).encode("utf-8")
        _check_minutes(record)
        minutes = minutes_of(record, include_exempt=include_exempt)
        info = _info(rows, minutes_title(minutes))
        if fmt == "docx":
            from clerk_tui.export.docx import render_docx  # python-docx loads only now

            try:
                return render_docx(minutes, info, template=template)
            except ClerkError as error:
                if template is None:
                    raise
                # Only the caller knows which file the template was: it says so.
                raise TemplateRefused(str(error)) from None
        if fmt == "pdf":
            from clerk_tui.export.pdf import render_minutes_pdf  # loads only now

            return render_minutes_pdf(minutes, info)
        if fmt == "html":
            return render_minutes_html(minutes, info).encode("utf-8")
        if fmt == "md":
            return render_markdown(minutes).encode("utf-8")
        return render_text(minutes).encode("utf-8")

    def preview(self, meeting_id: int, what: str, *, include_exempt: bool = False) -> str:
        """The paper as Markdown, for the export screen to show before writing."""
        rows = self._rows(meeting_id)
        if what == "agenda":
            return render_agenda_markdown(agenda_sheet(rows, include_exempt=include_exempt))
        record = meeting_record(rows)
        if what == "attendance":
            table = attendance_rows(record)
            if not table:
                return "No attendance has been recorded for this meeting yet.\n"
            # The preview is narrow: leave out the columns nobody has a value in.
            keep = [n for n in range(len(ATTENDANCE_COLUMNS)) if any(row[n] for row in table)]
            header = [ATTENDANCE_COLUMNS[n] for n in keep]
            return md_table(header, [[row[n] for n in keep] for row in table]) + "\n"
        if what == "chapters":
            return "```text\n" + _chapters_text(record, include_exempt) + "```\n"
        paper(what)
        _check_minutes(record)
        return render_markdown(minutes_of(record, include_exempt=include_exempt))

    def is_confidential(self, meeting_id: int, what: str, *, include_exempt: bool) -> bool:
        """Whether the paper holds exempt matter: its file is then written 0600."""
        with self.store.reading() as session:
            exempt = record_queries.exempt_item_count(session, meeting_id)
        return _confidential(what, include_exempt, exempt)

    # ---- where it goes -------------------------------------------------------------------
    def check_export_target(self, path: Path | str) -> Path:
        """The real file ``path`` leads to, if an export may be written there; ClerkError in
        one line if not: the database in use or any SQLite file (a backup), its -wal, -shm or
        lock, a folder, a device, a pipe, a dangling link or a loop, a name too long, a missing
        or unwritable folder."""
        return check_target(path)

    def export_target(
        self,
        meeting_id: int,
        what: str,
        fmt: str,
        path: Path | str | None = None,
        *,
        include_exempt: bool = False,
    ) -> ExportTarget:
        """The file an export of ``path`` (a file, a folder to put it in — a name ending in "/"
        is one — or None for the documents folder) would write, checked before anything is
        rendered or asked."""
        fmt = check_format(what, fmt)
        name = self.export_file_name(meeting_id, what, fmt, include_exempt=include_exempt)
        return target_of(path, name)

    def export_paper(
        self,
        meeting_id: int,
        what: str,
        fmt: str,
        path: Path | str | None = None,
        *,
        include_exempt: bool = False,
        template: Path | str | None = None,
    ) -> Path:
        """Write a paper of the meeting to ``path`` (as :meth:`export_target` reads it)
        atomically, and return where it went. A paper with exempt matter is written 0600
        whatever file it replaces. ``template`` (Word minutes only): a .docx file to build on;
        None: the body's own template if it has one (:meth:`default_template_name`); "": none,
        the house style."""
        fmt = check_format(what, fmt)
        # The target is checked before the paper is rendered: a refusal is at once, and the
        # same words whatever the paper.
        target = self.export_target(meeting_id, what, fmt, path, include_exempt=include_exempt).path
        # Read before anything is written: a template named as the output file is the old one.
        chosen = (
            self.template_of(meeting_id, template) if (what, fmt) == ("minutes", "docx") else None
        )
        try:
            data = self.render_paper(
                meeting_id,
                what,
                fmt,
                include_exempt=include_exempt,
                template=chosen.data if chosen else None,
            )
        except TemplateRefused as error:
            assert chosen is not None  # only a template is refused so
            raise refused_on(chosen, error) from None
        private = self.is_confidential(meeting_id, what, include_exempt=include_exempt)
        return write_export(target, data, private=private)


def _info(rows: MeetingSnapshot, title: str) -> DocumentInfo:
    body = rows.body
    return DocumentInfo(title=title, subject=body.name, author=body.contact_name)


def minutes_title(minutes: Minutes) -> str:
    """The document title of the minutes: "DRAFT" leads it while they are a draft."""
    return f"{DRAFT_MARKER} {minutes.heading}" if minutes.draft else minutes.heading


def _confidential(what: str, include_exempt: bool, exempt_items: int) -> bool:
    return include_exempt and exempt_items > 0 and paper(what).exempt_matters


def _check_minutes(record: MeetingRecord) -> None:
    if record.actual_start is None and not any(
        i.state in ("taken", "running") for i in record.items
    ):
        raise ClerkError(
            f"the meeting of {long_date(record.date)} has not started, so it has no minutes yet "
            "(its agenda can be exported)"
        )


def _chapters_text(record: MeetingRecord, include_exempt: bool) -> str:
    text = render_chapters(_public_chapters(record, include_exempt))
    if not text:
        raise ClerkError(
            f"no item of the meeting of {long_date(record.date)} has started yet, "
            "so there are no chapters"
        )
    return text


def _public_chapters(record: MeetingRecord, include_exempt: bool) -> MeetingRecord:
    """The webcast stops while the press and public are excluded: no chapter for that."""
    if include_exempt:
        return record
    return replace(record, items=tuple(i for i in record.items if not i.exempt))
