"""The entry points: an agenda file, or its bytes, into an :class:`ImportedAgenda`, or one
:class:`~clerk_tui.errors.ClerkError` saying what is wrong."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from clerk_tui.agenda_import.cells import Located
from clerk_tui.agenda_import.decoding import clean_lines, decode
from clerk_tui.agenda_import.forms import (
    csv_rows,
    find_table,
    markdown_rows,
    no_table_message,
    preamble,
    text_rows,
)
from clerk_tui.agenda_import.header import read_header
from clerk_tui.agenda_import.items import Sections, finish_all
from clerk_tui.agenda_import.model import MAX_AGENDA_BYTES, ImportedAgenda
from clerk_tui.errors import ClerkError


def parse_agenda(data: bytes, *, source: str) -> ImportedAgenda:
    """Read an agenda document's bytes; ``source`` names the file in error messages.

    Raises :class:`ClerkError` (``where`` = ``source`` or ``source:line``) for anything that is
    not a readable agenda, and for nothing else.
    """
    data = bytes(data)
    if len(data) > MAX_AGENDA_BYTES:
        raise ClerkError(_too_large(len(data)), where=source)
    if not data:
        raise ClerkError("the file is empty", where=source)
    text = decode(data, source)
    if not text.strip():
        raise ClerkError("the file has only blank lines", where=source)
    warnings: list[str] = []
    cautions: list[str] = []
    lines = clean_lines(text, cautions)
    found = find_table(lines)
    if found is None:
        raise ClerkError(no_table_message(lines), where=source)
    sections = Sections(cautions)
    try:
        header = read_header(preamble(lines, found), warnings)
        if found.form == "markdown":
            drafts = markdown_rows(lines, found, warnings, sections)
        elif found.form == "csv":
            drafts = csv_rows(lines, found, sections)
        else:
            drafts = text_rows(lines, found, warnings, sections)
        items = finish_all(drafts, cautions)
    except Located as located:
        raise ClerkError(located.message, where=f"{source}:{located.line}") from None
    if not items:
        raise ClerkError(
            f"no agenda items found under the header row on line {found.start + 1}",
            where=f"{source}:{found.start + 1}",
        )
    if found.layout.ignored:
        warnings.insert(0, f"columns ignored: {', '.join(found.layout.ignored)}")
    return ImportedAgenda(
        body_name=header.body_name,
        date=header.date,
        start_time=header.start_time,
        venue=header.venue,
        livestream_url=header.livestream_url,
        website=header.website,
        contact_name=header.contact_name,
        contact_email=header.contact_email,
        contact_phone=header.contact_phone,
        items=tuple(items),
        form=found.form,
        warnings=_capped(warnings),
        cautions=_capped(sorted(cautions, key=_line_number), more="cautions"),
    )


def _line_number(sentence: str) -> int:
    """The N of "line N: ...", to put the cautions in the file's order."""
    match = re.match(r"line (\d+)", sentence)
    return int(match[1]) if match else 0


def _capped(
    warnings: Sequence[str], limit: int = 20, *, more: str = "lines skipped"
) -> tuple[str, ...]:
    if len(warnings) <= limit:
        return tuple(warnings)
    return (*warnings[:limit], f"... and {len(warnings) - limit} more {more}")


def _too_large(size: int) -> str:
    return (
        f"the file is {size / 1024 / 1024:.1f} MB; an agenda file can be at most "
        f"{MAX_AGENDA_BYTES // 1024 // 1024} MB (is this the right file?)"
    )


def read_agenda_file(path: str | os.PathLike[str]) -> ImportedAgenda:
    """Read and parse an agenda file; every failure is a :class:`ClerkError` naming the file."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
    except FileNotFoundError:
        raise ClerkError("no such file", where=name) from None
    except NotADirectoryError:
        raise ClerkError("no such file (a folder in the path is a file)", where=name) from None
    except PermissionError:
        raise ClerkError("cannot be read: permission denied", where=name) from None
    except (OSError, ValueError) as error:
        raise ClerkError(f"cannot be read: {_os_reason(error)}", where=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise ClerkError("is a folder, not an agenda file", where=name)
    if not stat.S_ISREG(info.st_mode):
        raise ClerkError("is not a regular file", where=name)
    if info.st_size > MAX_AGENDA_BYTES:
        raise ClerkError(_too_large(info.st_size), where=name)
    try:
        with Path(name).open("rb") as handle:
            data = handle.read(MAX_AGENDA_BYTES + 1)
    except PermissionError:
        raise ClerkError("cannot be read: permission denied", where=name) from None
    except OSError as error:
        raise ClerkError(f"cannot be read: {_os_reason(error)}", where=name) from None
    return parse_agenda(data, source=name)


def _os_reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error) or type(error).__name__
