"""One guard for every file clerk-tui writes: exports, backups, restore, the demo, the lock.

``safe_target(path)`` resolves what the clerk named (following links) and refuses, in one line,
anything that is not a regular file or a new name in a writable folder — and above all the
clerk's records: any SQLite database (the one in use, a backup, another clerk-tui file), its
``-wal`` / ``-shm`` / ``-journal`` / ``.lock`` companions, whichever name or link leads there
(hard links included: compared by inode, not by name). The databases this process has open are
registered with ``protect()`` by ``db.engine.open_database``, so the guard knows them without
every caller passing them along.

``temporary_beside(target)`` makes the temporary file a write goes through (``O_EXCL``, 0600,
never following a link) and notes it in a small journal beside the open database, so that a
write killed half-way leaves nothing behind for long: ``remove_leftovers(db_path)`` removes
what a dead process left, at the next start.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from db.errors import StorageError
from db.held import _open_databases, _real
from db.held import protect as protect  # re-exported: the guard's API names them
from db.held import protected as protected
from db.held import read_held as read_held
from db.held import size_held as size_held
from db.held import unprotect as unprotect

SQLITE_MAGIC = b"SQLite format 3\x00"
# A -wal file (either byte order) and a rollback journal: an SQLite database's own pages too.
JOURNAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83", b"\xd9\xd5\x05\xf9")
COMPANIONS = ("-wal", "-shm", "-journal", ".lock")
TEMP_PREFIX = ".clerk-tui-"
TEMP_SUFFIX = ".tmp"
JOURNAL_FOLDER = ".clerk-tui-pending"
_NOTE_NAME = re.compile(r"[0-9]+-[0-9a-f]{8}")  # "<pid>-<token>", as _note names them
NAME_MAX = 255  # bytes in one name, on every file system a clerk's laptop has


# ---- the guard ------------------------------------------------------------------------------
def printable(path: Path | str) -> str:
    """A path as one line of words: a newline, an escape or another control or format
    character in a name (all legal on Linux) is shown as ``\\x0a``, ``\\x1b``, ``\\u202e``...,
    so a refusal stays one line and cannot repaint the clerk's terminal."""
    return "".join(map(_printable_char, str(path)))


def _printable_char(char: str) -> str:
    if unicodedata.category(char)[0] != "C":
        return char
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _subject(what: str, path: Path | str) -> str:
    """ "the backup /x/y" — or just "/x/y" when the caller's own words say what it is."""
    return f"{what} {printable(path)}" if what else printable(path)


def check_name(path: Path) -> None:
    """Refuse a name no file system here can hold, before the OS says "File name too long"
    (or Python "embedded null byte") from deep inside a write."""
    text = str(path)
    if "\x00" in text:
        raise StorageError(f"the name {printable(text)[:60]} contains a NUL character")
    try:
        encoded = os.fsencode(text)
    except UnicodeEncodeError:
        raise StorageError(
            f"the name {printable(text)[:60]} has characters no file name can hold"
        ) from None
    for part in path.parts:
        size = len(os.fsencode(part))
        if size > NAME_MAX:
            shown = printable(part if len(part) <= 40 else f"{part[:37]}...")
            raise StorageError(
                f"the name '{shown}' is too long ({size} bytes; a file name can have at most "
                f"{NAME_MAX})"
            )
    if len(encoded) >= 4096:
        raise StorageError(f"the path {printable(text)[:60]}... is too long (4,096 bytes at most)")


def resolve(path: Path | str, *, what: str = "the file") -> Path:
    """Where ``path`` really leads (an absolute path with its links followed), in words when it
    cannot lead anywhere: a loop of links, a dangling link, a missing or unsearchable folder."""
    given = Path(path).expanduser().absolute()
    check_name(given)
    try:
        if os.path.lexists(given):
            if given.is_symlink() and not given.exists():
                with contextlib.suppress(FileNotFoundError):
                    os.stat(given)  # ELOOP for a loop of links: said in words below
                raise StorageError(
                    f"cannot write {_subject(what, given)}: it is a link to "
                    f"{printable(os.readlink(given))}, which does not exist"
                )
            return Path(os.path.realpath(given, strict=True))
        folder = Path(os.path.realpath(given.parent, strict=True))
    except StorageError:
        raise
    except OSError as error:
        raise StorageError(f"cannot write {_subject(what, given)}: {why(error, given)}") from None
    if not folder.is_dir():
        raise StorageError(
            f"cannot write {_subject(what, given)}: {printable(given.parent)} is a file, "
            "not a folder"
        )
    return folder / given.name


def safe_target(
    path: Path | str, *, what: str = "the file", also_protect: Iterable[Path] = ()
) -> Path:
    """The real file to write for ``path``, or a StorageError in one line.

    Refused: the database in use (and any SQLite file), its companions, a folder, a device, a
    pipe or a socket, a dangling link, a folder that is missing or cannot be written.
    """
    target = resolve(path, what=what)
    shown = Path(path).expanduser()
    _refuse_records(target, shown, what, [*_open_databases, *map(_real, also_protect)])
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise StorageError(f"cannot write {_subject(what, shown)}: {why(error, shown)}") from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise StorageError(f"cannot write {_subject(what, shown)}: it is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise StorageError(
                f"cannot write {_subject(what, shown)}: it is not an ordinary file "
                "(a device, a pipe or a socket)"
            )
        if _is_database(target):
            raise StorageError(
                f"cannot write over {_subject(what, shown)}: it is a database — "
                "clerk-tui never writes over a database (choose another file name)"
            )
    folder = target.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"cannot write {_subject(what, shown)}: the folder {printable(folder)} is not writable"
        )
    return target


def _refuse_records(target: Path, shown: Path, what: str, databases: list[Path]) -> None:
    """The database and its companions, by name and by inode (a hard link is the same file)."""
    try:
        target_id = _inode(target)
    except OSError:
        target_id = None
    for database in databases:
        for suffix in ("", *COMPANIONS):
            companion = database.with_name(database.name + suffix)
            same_name = companion == target
            try:
                same_file = target_id is not None and _inode(companion) == target_id
            except OSError:
                same_file = False
            if same_name or same_file:
                kind = "the database in use" if not suffix else f"the database's {suffix} file"
                raise StorageError(
                    f"cannot write over {_subject(what, shown)}: it is {kind} "
                    f"({printable(database)}) — choose another file name"
                )
    name = target.name
    for suffix in COMPANIONS:
        base = target.with_name(name[: -len(suffix)]) if name.endswith(suffix) else None
        if base is not None and _is_database(base):
            raise StorageError(
                f"cannot write over {_subject(what, shown)}: it belongs to the database "
                f"{printable(base)}"
            )


def _inode(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _is_database(path: Path) -> bool:
    """An SQLite file — a database, or the -wal / journal holding its latest pages — by its
    first bytes (without blocking on anything odd)."""
    held = read_held(path, 16)
    if held is not None:  # a database open here: never a second descriptor of it
        return held == SQLITE_MAGIC
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.pread(fd, 16, 0)
        return head == SQLITE_MAGIC or head[:4] in JOURNAL_MAGICS
    except OSError:
        return False
    finally:
        os.close(fd)


def why(error: OSError, path: Path, *, writing: bool = True) -> str:
    """An OSError met on the way to ``path``, in words (for writing to it, or for reading)."""
    if error.errno == errno.ELOOP:
        return "its links go round in a loop"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long"
    folder = printable(path.parent)
    if error.errno == errno.ENOENT and writing:
        return f"the folder {folder} does not exist"
    if error.errno == errno.ENOTDIR:
        return f"part of {folder} is a file, not a folder"
    if error.errno in (errno.EACCES, errno.EPERM):
        if writing:
            return f"permission denied (the folder {folder} cannot be searched or written)"
        return f"permission denied (a folder on the way to it, {folder}, cannot be searched)"
    text = error.strerror or str(error)
    return text[:1].lower() + text[1:]


# ---- temporary files, and what a killed write leaves ---------------------------------------
@contextlib.contextmanager
def temporary_beside(target: Path) -> Iterator[Path]:
    """A new, empty temporary file (0600) in ``target``'s folder, for a write that ends with
    ``os.replace(temp, target)``. Removed on leaving if still there; noted in the journal of
    every open database while it exists, so a kill cannot leave it behind for good."""
    folder = target.parent
    # At most 100 bytes of the target's name (not characters: "é" is two), so the temporary
    # name is never longer than the 255 bytes a name may have.
    stem = os.fsencode(target.name)[:100].decode("utf-8", "ignore")
    temp = folder / f"{TEMP_PREFIX}{stem}.{secrets.token_hex(4)}{TEMP_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    # Noted before it exists: a kill between the two leaves a note for nothing, never a file
    # that no note names.
    notes = _note(temp)
    try:
        fd = os.open(temp, flags, 0o600)  # OSError: the caller says it in words
        os.close(fd)
        yield temp
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        for note in notes:
            with contextlib.suppress(OSError):
                note.unlink()
            with contextlib.suppress(OSError):
                note.parent.rmdir()  # the journal goes when empty: no clutter beside the database


def _note(temp: Path) -> list[Path]:
    notes = []
    for database in _open_databases:
        journal = database.parent / JOURNAL_FOLDER
        note = journal / f"{os.getpid()}-{secrets.token_hex(4)}"
        for _attempt in range(3):
            try:
                journal.mkdir(mode=0o700, exist_ok=True)
                note.write_bytes(os.fsencode(temp))  # bytes: any name, whitespace and all
            except FileNotFoundError:
                continue  # another write tidied the empty journal away just now: make it again
            except OSError:
                break  # a read-only folder: the temporary file is still removed on leaving
            notes.append(note)
            break
    return notes


def remove_leftovers(db_path: Path, folders: Iterable[Path] = ()) -> list[Path]:
    """Remove the temporary files that writes killed half-way left: those the journal beside
    ``db_path`` names for processes no longer alive, and any of clerk-tui's own temporary
    files in ``folders`` (the backups folder) untouched for an hour. Returns
    what was removed."""
    removed: list[Path] = []
    journal = _real(db_path).parent / JOURNAL_FOLDER
    try:
        notes = list(journal.iterdir()) if journal.is_dir() and not journal.is_symlink() else []
    except OSError:
        notes = []  # an unreadable journal: a start must go on, the files wait for the next
    for note in notes:
        if not _NOTE_NAME.fullmatch(note.name) or _writer_alive(note):
            continue  # not a note (nothing of clerk-tui's names it so), or still being written
        with contextlib.suppress(OSError):
            temp = Path(os.fsdecode(note.read_bytes()))
            if temp.name.startswith(TEMP_PREFIX) and temp.name.endswith(TEMP_SUFFIX):
                temp.unlink()
                removed.append(temp)
        with contextlib.suppress(OSError):
            note.unlink()
    with contextlib.suppress(OSError):
        journal.rmdir()  # only when empty
    for folder in folders:
        with contextlib.suppress(OSError):
            for entry in Path(folder).iterdir():
                if _is_stale_temp(entry):
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        removed.append(entry)
    return removed


def _is_stale_temp(entry: Path) -> bool:
    name = entry.name
    ours = name.startswith(TEMP_PREFIX) or name.startswith(".backup-")
    if not ours or not name.endswith(TEMP_SUFFIX) or entry.is_symlink() or not entry.is_file():
        return False
    # No journal says who made it: only one untouched for an hour can no longer be in use.
    return time.time() - entry.stat().st_mtime > 3_600


def _writer_alive(note: Path) -> bool:
    """Whether the process that wrote ``note`` may still be writing: alive, and the note
    younger than an hour (no export or backup takes that long; an older one is a dead
    writer's whose number another process now has)."""
    pid = note.name.split("-", 1)[0]
    if not pid.isdigit() or not _alive(int(pid)):
        return False
    try:
        return time.time() - note.stat().st_mtime < 3_600
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
