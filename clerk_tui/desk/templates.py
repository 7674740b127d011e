"""The Word template the minutes are built on: a file the clerk names, read safely and checked,
or the body's own, kept in the database (``bodytemplate``, schema version 5) so that it travels
with the database and its backups. :class:`TemplatesMixin` is the part of ``desk.papers`` that
reads and keeps them; the rendering on a template is :mod:`clerk_tui.export.docx`'s.

A template is only ever read: a name that is the database in use, its -wal or the export's own
output file is read like any other file (and refused as no Word file, or built on), never
written. Every refusal is one line naming the file, and nothing is written.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from sqlmodel import Session, col, select

from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.errors import ClerkError
from db import models
from db.safe_paths import printable

MAX_TEMPLATE_MB = 20  # a council's template with its logo is well under 1 MB
MAX_TEMPLATE_BYTES = MAX_TEMPLATE_MB * 1024 * 1024


class TemplateRefused(ClerkError):
    """The renderer could not build the minutes on a template: the caller, who knows which
    file it was, says so in one line with the file's name."""


@dataclass(frozen=True)
class TemplateInfo:
    """A body's own template as the body's details show it (its bytes are not read)."""

    file_name: str
    size: int
    set_at: datetime


@dataclass(frozen=True)
class Template:
    """A template ready to build on: what to call it in a refusal, and its bytes."""

    shown: str
    data: bytes


# ---- a file named by the clerk --------------------------------------------------------------
def read_template(template: Path | str) -> Template:
    """The bytes of the Word file ``template`` names, checked to be one; ClerkError in one line
    naming the file if it is missing, a folder, a pipe or device, a loop of links, empty,
    larger than 20 MB, unreadable, or not a Word document (.docx)."""
    path = Path(template).expanduser()
    shown = printable(path)
    # stat first, following links (a link to a regular file is fine): a FIFO is never opened,
    # a folder or a device never read.
    try:
        info = os.stat(path)
    except FileNotFoundError:
        gone = "is a link to nothing" if os.path.islink(path) else "does not exist"
        raise ClerkError(f"{shown} {gone}") from None
    except OSError as error:
        raise ClerkError(f"cannot read {shown}: {_why(error)}") from None
    _check_kind(shown, info)
    data = _read_regular(path, shown)
    check_word(shown, data)
    return Template(shown, data)


def _check_kind(shown: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise ClerkError(f"{shown} is a folder, not a Word file (.docx)")
    if not stat.S_ISREG(info.st_mode):
        kind = "a pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a device or a socket"
        raise ClerkError(f"{shown} is {kind}, not a Word file (.docx)")
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise ClerkError(
            f"{shown} is too large for a Word template "
            f"({info.st_size / 1024 / 1024:.0f} MB; at most {MAX_TEMPLATE_MB} MB)"
        )


def _read_regular(path: Path, shown: str) -> bytes:
    """The file's bytes. O_NONBLOCK: were it swapped for a pipe since the stat, the open does
    not wait for a writer, and the fstat below refuses it."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise ClerkError(f"cannot read {shown}: {_why(error)}") from None
    try:
        _check_kind(shown, os.fstat(fd))
        chunks: list[bytes] = []
        left = MAX_TEMPLATE_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise ClerkError(f"cannot read {shown}: {_why(error)}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ClerkError(
            f"{shown} grew past {MAX_TEMPLATE_MB} MB while it was read: not a Word template"
        )
    return data


def check_word(shown: str, data: bytes) -> None:
    """ClerkError in one line naming the file unless ``data`` is a Word document (.docx) or
    template (.dotx) the minutes can be built on: opened as the renderer opens it."""
    if not data:
        raise ClerkError(f"{shown} is not a Word file (.docx): it is empty")
    from clerk_tui.export.docx_template import NOT_WORD, open_template  # python-docx: now

    try:
        open_template(data)
    except ClerkError as error:
        why = " ".join(str(error).split()).removeprefix(f"{NOT_WORD}: ")
        raise ClerkError(f"{shown} is not a Word file (.docx): {why}") from None


def _why(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "its links go round in a loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOTDIR:
        return "part of its path is a file, not a folder"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


# ---- the body's own -------------------------------------------------------------------------
def _stored(session: Session, body_id: int) -> models.BodyTemplate | None:
    return session.exec(
        select(models.BodyTemplate).where(col(models.BodyTemplate.body_id) == body_id)
    ).first()


@dataclass(frozen=True)
class NewTemplate:
    """A Word file read and checked, to become a body's own template."""

    file_name: str
    data: bytes


# What a body's template field asks: a file read and checked, "clear" or "keep" (as it is).
TemplateChange = NewTemplate | Literal["clear", "keep"]


def template_change(typed: str | None) -> TemplateChange:
    """What a body's ``template`` field asks (a path, "" to clear, None to keep), the file read
    and checked before any transaction begins."""
    if typed is None:
        return "keep"
    if not typed.strip():
        return "clear"
    return NewTemplate(Path(typed.strip()).name, read_template(typed.strip()).data)


def apply_template(changes: Changes, body: models.Body, change: TemplateChange) -> None:
    """The body's own template set, cleared or kept, through the audit; the same file again
    records nothing."""
    if change == "keep":
        return
    assert body.id is not None
    row = _stored(changes.session, body.id)
    if change == "clear":
        if row is not None:
            changes.delete(row, f"{body.name}: Word template {row.file_name} cleared")
        return
    summary = f"{body.name}: Word template {change.file_name}"
    name, data, size = change.file_name, change.data, len(change.data)
    if row is None:
        new = models.BodyTemplate(
            body_id=body.id, file_name=name, data=data, size=size, set_at=changes.at
        )
        changes.add(new, summary)
    elif (row.file_name, row.data) != (name, data):
        changes.update(row, summary, file_name=name, data=data, size=size, set_at=changes.at)


class TemplatesMixin:
    """The Word templates of ``desk.papers``: the body's own (set, cleared, shown) and the
    bytes an export of a meeting is built on."""

    store: Store

    def body_template(self, body_id: int) -> TemplateInfo | None:
        """The body's own Word template (its name, size and when it was set), None if none."""
        with self.store.reading() as session:
            get(session, models.Body, body_id, "body")
            found = session.exec(
                select(
                    models.BodyTemplate.file_name,
                    models.BodyTemplate.size,
                    models.BodyTemplate.set_at,
                ).where(col(models.BodyTemplate.body_id) == body_id)
            ).first()
        return None if found is None else TemplateInfo(*found)

    def set_body_template(self, body_id: int, path: Path | str) -> TemplateInfo:
        """Make the Word file ``path`` the body's own template: its bytes are read, checked and
        kept in the database, in one clerk action (refused in one line, nothing kept, as
        :func:`read_template` says)."""
        if not str(path).strip():
            raise ClerkError("say which Word file (.docx) to use: the file name is empty")
        change = template_change(str(path))
        with self.store.recording() as changes:
            apply_template(changes, get(changes.session, models.Body, body_id, "body"), change)
        found = self.body_template(body_id)
        assert found is not None  # just kept, in the transaction above
        return found

    def clear_body_template(self, body_id: int) -> None:
        """The body's Word minutes in the house style from now on (its template forgotten)."""
        with self.store.recording() as changes:
            apply_template(changes, get(changes.session, models.Body, body_id, "body"), "clear")

    def default_template_name(self, meeting_id: int) -> str | None:
        """The file name of the body's own Word template, None when it has none."""
        with self.store.reading() as session:
            meeting = get(session, models.Meeting, meeting_id, "meeting")
            return session.exec(
                select(models.BodyTemplate.file_name).where(
                    col(models.BodyTemplate.body_id) == meeting.body_id
                )
            ).first()

    def template_of(self, meeting_id: int, template: Path | str | None) -> Template | None:
        """The template an export of the meeting is built on: ``template`` a file to read and
        check; None the body's own, if it has one; "" none (the house style)."""
        if template is not None:
            return read_template(template) if str(template) else None
        with self.store.reading() as session:
            meeting = get(session, models.Meeting, meeting_id, "meeting")
            row = _stored(session, meeting.body_id)
            if row is None:
                return None
            body = get(session, models.Body, meeting.body_id, "body")
            return Template(f"{body.name}'s Word template {row.file_name}", row.data)

    def template_bytes(self, meeting_id: int, template: Path | str | None) -> bytes | None:
        """The bytes of the template an export of the meeting is built on (see template_of)."""
        found = self.template_of(meeting_id, template)
        return None if found is None else found.data


def refused_on(template: Template, error: ClerkError) -> ClerkError:
    """The renderer's refusal of a template, in one line that names the file."""
    text = " ".join(str(error).split())
    return ClerkError(text if template.shown in text else f"{template.shown}: {text}")


__all__ = [
    "MAX_TEMPLATE_BYTES",
    "Template",
    "TemplateInfo",
    "TemplateRefused",
    "TemplatesMixin",
    "check_word",
    "read_template",
    "refused_on",
]
