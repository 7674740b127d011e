"""The Store every service holds: the database, the clock, and one transaction per clerk action
with its audit events; typed text made clean on its way in; and a database that fails under
the app told in words, once, after which nothing more is recorded."""

from __future__ import annotations

import contextlib
import os
import shlex
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session, SQLModel

from clerk_tui.errors import ClerkError, DatabaseFailed
from clerk_tui.text import clean_text
from db import Database, audit
from db.errors import StorageError

Clock = Callable[[], datetime]
Row = TypeVar("Row", bound=SQLModel)

# SQLite's primary result codes that mean the file itself has failed (not one statement):
# what each says to the clerk, and whether a backup is the way back.
_FAILED_CODES: dict[int, tuple[str, bool]] = {
    3: ("permission to write it was taken away", False),  # SQLITE_PERM
    8: ("it has become read-only", False),  # SQLITE_READONLY (also a moved file)
    10: ("the disk reported an error reading or writing it", True),  # SQLITE_IOERR
    11: ("it is damaged", True),  # SQLITE_CORRUPT
    13: ("the disk is full", False),  # SQLITE_FULL
    14: ("it can no longer be opened", True),  # SQLITE_CANTOPEN
    26: ("it is damaged", True),  # SQLITE_NOTADB
}
# The same by SQLite's words, for an error that arrives without its code.
_FAILED_WORDS: dict[str, int] = {
    "malformed": 11,
    "file is not a database": 26,
    "disk i/o error": 10,
    "database or disk is full": 13,
    "readonly database": 8,
    "unable to open database file": 14,
}


def system_clock() -> datetime:
    """Wall-clock time to the second: what the minutes and the chamber clock show."""
    return datetime.now().replace(microsecond=0)


def _clean(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


class Changes:
    """The audit side of one transaction: every row it touches, logged under one group so that
    undo takes the whole clerk action back at once. Every row the Desk writes passes here, so
    this is the door where typed text is made clean (:func:`clerk_tui.text.clean_text`): the
    database never holds what a Word file or a terminal cannot take."""

    def __init__(self, session: Session, at: datetime, meeting_id: int | None) -> None:
        self.session = session
        self.at = at
        self.meeting_id = meeting_id
        self.group_id: int | None = None

    def _log(self, op: str, row: SQLModel, before: dict[str, Any] | None, summary: str) -> None:
        event = audit.log(
            self.session,
            at=self.at,
            op=op,
            row=row,
            before=before,
            meeting_id=self.meeting_id,
            summary=clean_text(summary),  # summaries quote typed words (undo shows them)
            group_id=self.group_id,
        )
        self.group_id = event.group_id

    def add(self, row: Row, summary: str = "") -> Row:
        for name in type(row).model_fields:
            value = getattr(row, name, None)
            if isinstance(value, str) and clean_text(value) != value:
                setattr(row, name, clean_text(value))
        self.session.add(row)
        self.session.flush()
        self._log("create", row, None, summary)
        return row

    def update(self, row: Row, summary: str = "", **values: Any) -> Row:
        before = audit.snapshot(row)
        for name, value in values.items():
            setattr(row, name, _clean(value))
        self.session.add(row)
        self.session.flush()
        self._log("update", row, before, summary)
        return row

    def delete(self, row: SQLModel, summary: str = "") -> None:
        # Its parts first, and references to them unlinked, each an event of this group:
        # the schema never deletes behind the audit's back (it refuses), so undo puts all back.
        for step in [*audit.dependents(self.session, row), audit.Dependent(row)]:
            if step.unlink:
                self.update(step.row, summary, **step.unlink)
                continue
            before = audit.snapshot(step.row)
            self.session.delete(step.row)
            self.session.flush()
            self._log("delete", step.row, before, summary)


class Store:
    """What the services share, one per Desk: they hold it, never inherit from it."""

    def __init__(self, database: Database, clock: Clock = system_clock) -> None:
        self.database = database
        self.clock = clock
        # Set once the file has failed under us: every record after that is refused at once.
        self.failure: DatabaseFailed | None = None
        # The file as opened, to notice it deleted or replaced while we hold it: SQLite would
        # go on writing into the unlinked file, and everything recorded would vanish on close.
        self._identity = _identity(database.path)

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session to read in. A failed database is told in words (a DatabaseFailed); a read
        that still works goes on working after a failure, so what is on screen stays."""
        try:
            with self.database.session() as session:
                yield session
        except (DBAPIError, sqlite3.Error) as error:
            raise self._database_error(error, "read") from None
        except StorageError as error:
            raise ClerkError(str(error)) from None

    @contextlib.contextmanager
    def recording(self, meeting_id: int | None = None) -> Iterator[Changes]:
        """One clerk action: one IMMEDIATE transaction, committed with synchronous=FULL when
        the block ends. A constraint the data breaks becomes a ClerkError in words; a database
        that has failed becomes a DatabaseFailed, and from then on nothing is attempted."""
        if self.failure is not None:
            raise self._refusal("record")
        self._check_file()
        try:
            with self.database.transaction() as session:
                yield Changes(session, self.now(), meeting_id)
        except IntegrityError as error:
            raise ClerkError(_integrity_words(error)) from None
        except (DBAPIError, sqlite3.Error) as error:
            raise self._database_error(error, "record") from None
        except StorageError as error:
            raise ClerkError(str(error)) from None
        # Committed: but if the file went while we wrote, the record went with it.
        self._check_file()

    # ---- a database that fails -----------------------------------------------------------
    def _database_error(self, error: DBAPIError | sqlite3.Error, doing: str) -> ClerkError:
        """The error in words: a DatabaseFailed when the file itself has failed (remembered,
        so nothing more is recorded), else a ClerkError for this one action."""
        original = error.orig if isinstance(error, DBAPIError) else error
        found = failure_kind(original)
        if self.failure is not None:
            return self._refusal(doing)
        if found is None:
            try:
                self._check_file()  # "no such table": perhaps another file is there now
            except DatabaseFailed as failed:
                return failed
            verb = "record that" if doing == "record" else "be read"
            return ClerkError(f"the database could not {verb}: {original}")
        cause, restore = found
        return self._fail(f"{cause} ({original})", restore=restore)

    def _check_file(self) -> None:
        """Raise DatabaseFailed when the file we opened is no longer the one at its path."""
        if self._identity is None or self.failure is not None:
            return
        now = _identity(self.database.path)
        if now == self._identity:
            return
        cause = (
            "the file was deleted or moved while clerk-tui had it open"
            if now is None
            else "the file was replaced by another while clerk-tui had it open"
        )
        raise self._fail(cause, restore=True, gone=now is None)

    def _fail(self, cause: str, *, restore: bool, gone: bool = False) -> DatabaseFailed:
        """Remember the failure and word it: what happened and what the clerk can do."""
        path = self.database.path
        app = self.database.writer  # a reader is a command that ends by itself: no "Quit"
        # The records may all still be readable through the connections this process holds
        # open (a file deleted, replaced, made unwritable): copied out first, quitting cannot
        # lose them, and a backup from before this session is not the way back.
        rescued = self.database.rescue() if restore and app else None
        if rescued is not None:
            put_back = _command(path, f"restore {shlex.quote(str(rescued))}")
            self.failure = DatabaseFailed(
                f"the database can no longer be written: {cause}. Everything recorded up to now "
                f"is safe in {rescued}; nothing more will be recorded in this session. Quit, "
                f"then put it back with: {put_back}",
                cause=cause,
            )
            return self.failure
        advice = (
            _restore_advice(path, gone=gone, app=app)
            if restore
            else _restart_advice(path, cause, app=app)
        )
        if app:
            message = (
                f"the database can no longer be written: {cause}. Nothing more will be recorded "
                f"in this session; what is on screen stays readable. {advice}"
            )
        else:
            message = f"the database {path} cannot be read: {cause}. {advice}"
        self.failure = DatabaseFailed(message, cause=cause)
        return self.failure

    def _refusal(self, doing: str = "record") -> DatabaseFailed:
        """What each action after the failure meets: the same words, not announced again."""
        assert self.failure is not None
        refused = "not recorded" if doing == "record" else "could not read that"
        return DatabaseFailed(
            f"{refused} — {self.failure.message}", cause=self.failure.cause, first=False
        )


def get(session: Session, cls: type[Row], row_id: int, what: str) -> Row:
    """The row, or the refusal every service words the same way: "there is no meeting 7"."""
    row = session.get(cls, row_id)
    if row is None:
        raise ClerkError(f"there is no {what} {row_id}")
    return row


def failure_kind(error: BaseException | None) -> tuple[str, bool] | None:
    """(what happened to the file, whether restoring a backup is the way back) when ``error``
    says the database file itself has failed; None for a refusal of one statement."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _FAILED_CODES:
        return _FAILED_CODES[code & 0xFF]
    text = str(error).lower()
    for words, primary in _FAILED_WORDS.items():
        if words in text:
            return _FAILED_CODES[primary]
    return None


def database_error_line(error: BaseException, path: Path) -> str:
    """A database error that reached the command line outside any Desk, in words."""
    original = error.orig if isinstance(error, DBAPIError) else error
    found = failure_kind(original)
    if found is None:
        return f"the database {path} could not be used: {original}"
    cause, restore = found
    advice = (
        _restore_advice(path, app=False) if restore else _restart_advice(path, cause, app=False)
    )
    return f"the database {path} cannot be used: {cause} ({original}). {advice}"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def _command(path: Path, rest: str) -> str:
    """ "clerk-tui check", with --db when the database is not the one clerk-tui finds alone."""
    from clerk_tui import paths

    if path == paths.resolve_db_path(None).absolute():
        return f"clerk-tui {rest}"
    return f"clerk-tui --db {shlex.quote(str(path))} {rest}"


def _restore_advice(path: Path, *, app: bool, gone: bool = False) -> str:
    from db.backup import newest_good_backup

    check = _command(path, "check")
    backup = None
    with contextlib.suppress(OSError, StorageError):
        backup = newest_good_backup(path)
    first = "Quit, then" if app else "Then"
    if backup is None:
        if gone:
            return f"{first} look for a copy: there is no good backup of it to restore."
        lead = f"Quit, run {check}" if app else f"Run {check}"
        return f"{lead}, and keep a copy of the file: there is no good backup of it."
    restore = _command(path, f"restore {shlex.quote(str(backup.path))}")
    if not gone:
        first = f"Quit, run {check}, then" if app else f"Run {check}, then"
    taken = f"{backup.taken:%d %b %Y %H:%M}"
    return (
        f"{first} restore the newest backup (taken {taken}: anything recorded after that is "
        f"not in it, so keep a copy of the file first) with: {restore}"
    )


def _restart_advice(path: Path, cause: str, *, app: bool) -> str:
    check = _command(path, "check")
    fix = "free some space on that disk" if "full" in cause else "make the file writable again"
    if app:
        return f"Quit, {fix}, run {check}, then start clerk-tui again."
    return f"{fix[0].upper()}{fix[1:]}, run {check}, then try again."


def _integrity_words(error: IntegrityError) -> str:
    text = str(error.orig)
    if "uq_body_minute_number" in text or "agendaitem.body_id, agendaitem.minute_number" in text:
        return "that minute number is already used by this body"
    if "uq_item_position" in text or "agendaitem.meeting_id, agendaitem.position" in text:
        return "two agenda items cannot share a position"
    if "body.name" in text:
        return "a body with that name already exists"
    if "uq_attendance_person" in text or "attendance.meeting_id, attendance.person_id" in text:
        return "that person is already on this meeting's roster"
    if "FOREIGN KEY" in text:
        return "that refers to something that no longer exists"
    if "CHECK constraint failed" in text:
        rule = text.split(":", 1)[-1].strip().replace("_", " ")
        return f"that breaks a rule of the record: {rule}"
    return f"that could not be recorded: {text}"


__all__ = [
    "Changes",
    "Clock",
    "Row",
    "Store",
    "database_error_line",
    "failure_kind",
    "get",
    "system_clock",
]
