"""After the meeting: the minutes and the other papers of a meeting, rendered and written.

The meeting is read whole (:func:`db.snapshot.read_meeting`), becomes the minutes' plain
records (:mod:`clerk_tui.minutes`), and each format is a renderer of :mod:`clerk_tui.export`.
Files are written atomically (:func:`clerk_tui.export.atomic.write_atomic`), so a failed export
leaves nothing behind, and through the one guard for every file written
(:func:`db.safe_paths.safe_target`): never over the database, its companions or a backup.
The minutes' life (approve, sign) is in :mod:`clerk_tui.desk.minutes_life`, which this desk
extends.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from clerk_tui import paths
from clerk_tui.desk.meeting_records import agenda_sheet
from clerk_tui.desk.minutes_life import MinutesLifeDesk, MinutesState
from clerk_tui.errors import ClerkError
from clerk_tui.export.agenda_sheet import (
    AgendaSheet,
    render_agenda_docx,
    render_agenda_markdown,
)
from clerk_tui.export.atomic import check_target, write_atomic
from clerk_tui.export.attendance import COLUMNS as ATTENDANCE_COLUMNS
from clerk_tui.export.attendance import attendance_rows, render_attendance_csv
from clerk_tui.export.chapters import render_chapters
from clerk_tui.export.markdown import render_markdown
from clerk_tui.export.markdown_util import md_table
from clerk_tui.export.text import render_text
from clerk_tui.minutes import MeetingRecord, long_date, meeting_record, minutes_of
from db import record_queries
from db.errors import StorageError
from db.meeting_snapshot import MeetingSnapshot
from db.safe_paths import check_name, printable
from db.snapshot import read_meeting

# --------------------------------------------------------------------------------------------
# What can be exported, and how. The first format of each is the default.


@dataclass(frozen=True)
class Paper:
    what: str  # "minutes": the word on the command line and in the file name
    label: str  # "Minutes": what the export screen shows
    formats: tuple[str, ...]
    exempt_matters: bool = True  # whether "include exempt items" changes anything


PAPERS: dict[str, Paper] = {
    "minutes": Paper("minutes", "Minutes", ("docx", "md", "txt")),
    "agenda": Paper("agenda", "Agenda sheet", ("md", "docx")),
    "attendance": Paper("attendance", "Attendance register", ("csv",), exempt_matters=False),
    "chapters": Paper("chapters", "Webcast chapters", ("txt",)),
}
FORMAT_LABELS: dict[str, str] = {
    "docx": "Word (.docx)",
    "md": "Markdown (.md)",
    "txt": "Plain text (.txt)",
    "csv": "Spreadsheet (.csv)",
}


def paper(what: str) -> Paper:
    found = PAPERS.get(what)
    if found is None:
        raise ClerkError(f"there is no paper called {what!r}: choose {', '.join(PAPERS)}")
    return found


def check_format(what: str, fmt: str) -> str:
    """``fmt`` (".docx" or "DOCX" as well) if ``what`` can be written so; ClerkError if not."""
    chosen = paper(what)
    fmt = fmt.strip().lower().lstrip(".")
    if fmt == "markdown":
        fmt = "md"
    if fmt not in chosen.formats:
        raise ClerkError(
            f"{chosen.what} can be exported as {_or(chosen.formats)}, not {fmt or 'nothing'}",
            where="--format",
        )
    return fmt


def _or(words: Iterable[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


@dataclass(frozen=True)
class ExportTarget:
    """Where an export would go, checked by the guard: the file (a folder given has had the
    paper's name added) and whether writing it replaces a file already there."""

    path: Path
    replaces: bool


def file_stem(name: str) -> str:
    """A body's name as a safe part of a file name: "Panel", "West-Midlands-Police-..."."""
    return re.sub(r"[^\w.-]+", "-", name.strip()).strip("-.") or "meeting"


# --------------------------------------------------------------------------------------------
# The desk.


class ExportDesk(MinutesLifeDesk):
    # ---- reads ---------------------------------------------------------------------------
    def _rows(self, meeting_id: int) -> MeetingSnapshot:
        with self.reading() as session:
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
        with self.reading() as session:
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
        self, meeting_id: int, what: str, fmt: str, *, include_exempt: bool = False
    ) -> bytes:
        """The bytes of a paper of the meeting, as its file would hold them."""
        fmt = check_format(what, fmt)
        rows = self._rows(meeting_id)
        if what == "agenda":
            sheet = agenda_sheet(rows, include_exempt=include_exempt)
            if fmt == "docx":
                return render_agenda_docx(sheet)
            return render_agenda_markdown(sheet).encode("utf-8")
        record = meeting_record(rows)
        if what == "attendance":
            return render_attendance_csv(record)
        if what == "chapters":
            return _chapters_text(record, include_exempt).encode("utf-8")
        _check_minutes(record)
        minutes = minutes_of(record, include_exempt=include_exempt)
        if fmt == "docx":
            from clerk_tui.export.docx import render_docx  # python-docx loads only now

            return render_docx(minutes)
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
        with self.reading() as session:
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
    ) -> Path:
        """Write a paper of the meeting to ``path`` (as :meth:`export_target` reads it)
        atomically, and return where it went. A paper with exempt matter is written 0600
        whatever file it replaces."""
        fmt = check_format(what, fmt)
        # The target is checked before the paper is rendered: a refusal is at once, and the
        # same words whatever the paper.
        target = self.export_target(meeting_id, what, fmt, path, include_exempt=include_exempt).path
        data = self.render_paper(meeting_id, what, fmt, include_exempt=include_exempt)
        private = self.is_confidential(meeting_id, what, include_exempt=include_exempt)
        return write_export(target, data, private=private)


# --------------------------------------------------------------------------------------------
# Where an export goes, for the papers and the action tracker alike.


def target_of(path: Path | str | None, name: str, *, into_folders: bool = True) -> ExportTarget:
    """The file to write for ``path`` as typed, checked by the guard: None is ``name`` in the
    documents folder; a name ending in "/" (which must be a folder) gets ``name`` inside it,
    and so does a folder named without one, ``into_folders`` (else the guard refuses it: the
    tracker's ``-o`` is a file); anything else is the file itself."""
    if path is None:
        target = paths.documents_dir() / name
    else:
        if not str(path).strip():
            raise ClerkError("say which file to write: the file name is empty")
        folder = typed_folder(path) if isinstance(path, str) else None
        target = Path(path).expanduser()
        # os.path.isdir, not Path.is_dir: it is False (never an OSError) for a name too
        # long, a loop or an unsearchable folder, which the guard then says in words.
        if folder is not None or (into_folders and os.path.isdir(target)):
            target = (folder or target) / name
    if _documents_to_make(target):
        # Nothing is in a folder not made yet: only the name can be wrong.
        check_target_name(target)
        return ExportTarget(target, replaces=False)
    real = check_target(target)
    return ExportTarget(target, replaces=os.path.lexists(real))


def write_export(target: Path, data: bytes | str, *, private: bool) -> Path:
    """``data`` written atomically to ``target`` (from :func:`target_of`); 0600 if private."""
    if _documents_to_make(target):
        # The documents folder is the one folder made on the clerk's behalf: the default
        # file goes there and a fresh account may not have one yet. A folder the clerk
        # typed that does not exist is more likely a slip, and is refused in words.
        try:
            target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise ClerkError(
                f"cannot create the folder {printable(target.parent)}: {error.strerror or error}"
            ) from None
    return write_atomic(target, data, private=private)


def names_a_folder(typed: str) -> bool:
    """Whether a typed path ends as only a folder's name can: in "/" (or "/." or "/..").
    Path() drops that ending, and a file would then be written where a folder was meant."""
    return typed.endswith(os.sep) or os.path.basename(typed) in (".", "..")


def typed_folder(typed: str) -> Path | None:
    """The folder a typed name ending in "/" means, or None for a name that does not end so;
    ClerkError in one line when there is no such folder: "the folder ... does not exist",
    "... is a file, not a folder" (never a file written under that name instead)."""
    if not names_a_folder(typed):
        return None
    folder = Path(typed).expanduser()
    check_target_name(folder)
    shown = printable(folder)
    try:
        info = os.stat(folder)
    except FileNotFoundError:
        raise ClerkError(f"the folder {shown} does not exist") from None
    except OSError as error:
        raise ClerkError(f"cannot use the folder {shown}: {_folder_why(error)}") from None
    if stat.S_ISREG(info.st_mode):
        raise ClerkError(f"{shown} is a file, not a folder")
    if not stat.S_ISDIR(info.st_mode):
        raise ClerkError(f"{shown} is not a folder (a device, a pipe or a socket)")
    return folder


def _folder_why(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "its links go round in a loop"
    if error.errno == errno.ENOTDIR:
        return "part of it is a file, not a folder"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (a folder on the way cannot be searched)"
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------------------------
# Helpers of the desk.


def _confidential(what: str, include_exempt: bool, exempt_items: int) -> bool:
    return include_exempt and exempt_items > 0 and paper(what).exempt_matters


def _documents_to_make(target: Path) -> bool:
    """The default file's folder, not made yet (os.path: never an OSError)."""
    return target.parent == paths.documents_dir() and not os.path.lexists(target.parent)


def check_target_name(target: Path) -> None:
    """A name no file system can hold, refused in words (a folder not made yet has nothing
    else in it to check)."""
    try:
        check_name(target.absolute())
    except StorageError as error:
        raise ClerkError(str(error)) from None


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


__all__ = [
    "FORMAT_LABELS",
    "PAPERS",
    "ExportDesk",
    "ExportTarget",
    "MinutesState",
    "Paper",
    "check_format",
    "names_a_folder",
    "paper",
    "target_of",
    "typed_folder",
    "write_export",
]
