"""What a meeting's papers can be exported as, and where an export goes: the papers and their
formats, the file a typed path means (a name ending in "/" is a folder), and the write itself,
atomic (:func:`clerk_tui.export.atomic.write_atomic`, so a failed export leaves nothing behind)
and through the one guard for every file written (:func:`db.safe_paths.safe_target`): never over
the database, its companions or a backup. Rendering is :mod:`clerk_tui.desk.papers`; the action
tracker's export goes through here too.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from clerk_tui import paths
from clerk_tui.errors import ClerkError
from clerk_tui.export.atomic import check_target, write_atomic
from db.errors import StorageError
from db.safe_paths import check_name, printable

# --------------------------------------------------------------------------------------------
# What can be exported, and how. The first format of each is the default.


@dataclass(frozen=True)
class Paper:
    what: str  # "minutes": the word on the command line and in the file name
    label: str  # "Minutes": what the export screen shows
    formats: tuple[str, ...]
    exempt_matters: bool = True  # whether "include exempt items" changes anything


PAPERS: dict[str, Paper] = {
    "minutes": Paper("minutes", "Minutes", ("docx", "pdf", "html", "md", "txt")),
    "agenda": Paper("agenda", "Agenda sheet", ("md", "docx", "pdf", "html")),
    "attendance": Paper("attendance", "Attendance register", ("csv",), exempt_matters=False),
    "chapters": Paper("chapters", "Webcast chapters", ("txt",)),
}
FORMAT_LABELS: dict[str, str] = {
    "docx": "Word (.docx)",
    "pdf": "PDF, accessible (.pdf)",
    "html": "Web page (.html)",
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


def file_ending(name: str) -> str:
    """The format a file's name says, lower case without the dot: "x.PDF" → "pdf"; a name that
    is only an ending (".pdf", which Path calls a hidden file with none) says it too."""
    path = Path(name)
    ending = path.suffix or (path.name if path.name.startswith(".") else "")
    return ending.lower().lstrip(".")


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
# Helpers.


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


__all__ = [
    "FORMAT_LABELS",
    "PAPERS",
    "ExportTarget",
    "Paper",
    "check_format",
    "names_a_folder",
    "paper",
    "target_of",
    "typed_folder",
    "write_export",
]
