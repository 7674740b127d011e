"""The command line (PRODUCT.md §6) and make_app, the one way to build a ClerkApp.

Every error a person can cause ends here as one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import pkgutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, NoReturn

from clerk_tui import __version__, paths
from clerk_tui.errors import ClerkError, log_unexpected, unexpected_line

# The desk, the database and SQLModel load only when a command needs them: --help, --version
# and a usage error start no SQLAlchemy.
if TYPE_CHECKING:
    from clerk_tui.app import ClerkApp
    from clerk_tui.desk.store import Clock

EXIT_USAGE = 2


def make_app(
    db_path: Path | str,
    clock: Clock | None = None,
    *,
    start_meeting: int | None = None,
) -> ClerkApp:
    """Open the database and build the app on it (on the system clock unless ``clock`` is
    given). Raises StorageError/ClerkError in words."""
    from clerk_tui.app import ClerkApp
    from clerk_tui.desk import Desk
    from clerk_tui.desk.store import system_clock
    from db import open_database

    database = open_database(Path(db_path))
    for notice in database.notices:  # also in the app; this line stays after it closes
        print(f"clerk-tui: {notice}", file=sys.stderr)
    try:
        return ClerkApp(Desk(database, clock or system_clock), start_meeting=start_meeting)
    except BaseException:
        database.close()  # else the lock stays and the next start reports an unclean end
        raise


def settled(app: ClerkApp) -> ClerkApp:
    """The app about to run in this process, with everything loaded to build it (Textual,
    SQLAlchemy, the tables, the desk) frozen out of the garbage collector's scans: those objects
    live as long as the process, and scanning them again on every full collection cost about a
    fifth of the CPU to the first frame (bench/startup.py). Only for a process that runs the
    app; the tests build many apps in one process and never call it."""
    gc.freeze()
    return app


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit 2 (argparse prints the whole usage)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"clerk-tui: {message} (see clerk-tui --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="clerk-tui",
        description="Minute formal public meetings live, keyboard only, offline.",
    )
    parser.add_argument("--version", action="version", version=f"clerk-tui {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help=f"use this database file (also ${paths.DB_ENV}; default: {paths.default_db_path()})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    for module in command_modules():
        module.register(commands)
    return parser


def command_modules() -> list[ModuleType]:
    """Each subcommand lives in its own module of ``clerk_tui.commands`` with a
    ``register(subparsers)`` function; they are found, not listed, so adding one touches no
    other file. Imported only when the command line is parsed."""
    import clerk_tui.commands as package

    names = sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")  # helpers shared by commands, not commands
    )
    return [importlib.import_module(f"clerk_tui.commands.{name}") for name in names]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; whatever goes wrong ends as one line on stderr and exit 2."""
    try:
        args = build_parser().parse_args(argv)
        handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _open)
        return _flushed(_run(handler, args))
    except BrokenPipeError:  # the reader went away (| head -1): the work itself is done
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: details to the log, one line to the clerk
        if isinstance(error, OSError) and _stdout_failing():  # a print met a broken stdout
            why = (error.strerror or str(error)).lower()
            print(f"clerk-tui: cannot write to standard output: {why}", file=sys.stderr)
            _quiet_stdout()
            return EXIT_USAGE
        print(unexpected_line(error, log_unexpected(error, "on the command line")), file=sys.stderr)
        return EXIT_USAGE


def _flushed(status: int) -> int:
    """What was printed is written now, inside the guard, rather than at exit where a failing
    standard output would print a traceback of Python's own."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
    except OSError as error:
        why = (error.strerror or str(error)).lower()
        print(f"clerk-tui: cannot write to standard output: {why}", file=sys.stderr)
        _quiet_stdout()
        return EXIT_USAGE
    return status


def _stdout_failing() -> bool:
    """Does standard output refuse what is written to it (what is left in its buffer, or one
    newline)?"""
    try:
        sys.stdout.flush()
        sys.stdout.write("\n")
        sys.stdout.flush()
    except OSError:
        return True
    return False


def _quiet_stdout() -> None:
    """Standard output can no longer be written: point it at /dev/null, so that nothing left
    in its buffer is tried again (and fails again) as the interpreter exits."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except Exception as error:
        if _is_refusal(error):
            print(f"clerk-tui: {error}{_backup_offer(error, args)}", file=sys.stderr)
            return EXIT_USAGE
        words = _database_words(error, args)
        if words is None:
            raise
        print(f"clerk-tui: {words}", file=sys.stderr)
        return EXIT_USAGE


def _is_refusal(error: Exception) -> bool:
    """A refusal in words: a ClerkError, or a StorageError — which only a loaded ``db`` can
    have raised, so db is never imported to ask."""
    storage = sys.modules.get("db.errors")
    return isinstance(error, ClerkError) or (
        storage is not None and isinstance(error, storage.StorageError)
    )


def _database_words(error: Exception, args: argparse.Namespace) -> str | None:
    """A database error no Desk turned into words (SQLAlchemy's or sqlite3's), in words; None
    for anything else. sqlalchemy is never imported for this: it is loaded if it raised."""
    import sqlite3

    sqlalchemy_exc = sys.modules.get("sqlalchemy.exc")
    known: tuple[type[BaseException], ...] = (sqlite3.Error,)
    if sqlalchemy_exc is not None:
        known += (sqlalchemy_exc.DBAPIError,)
    if not isinstance(error, known):
        return None
    from clerk_tui.desk.store import database_error_line

    return database_error_line(error, _db_path(args).absolute())


def _db_path(args: argparse.Namespace) -> Path:
    demo = getattr(args, "demo", False)  # export ... --demo
    if demo or (getattr(args, "command", None) == "demo" and not getattr(args, "db", None)):
        return paths.demo_db_path()
    return paths.resolve_db_path(getattr(args, "db", None))


def _backup_offer(error: Exception, args: argparse.Namespace) -> str:
    """For a damaged database, the newest good backup and how to put it back."""
    if not getattr(error, "damaged", False) or getattr(args, "command", None) == "restore":
        return ""
    from db.backup import newest_good_backup

    backup = newest_good_backup(_db_path(args).absolute())
    if backup is None:
        return ""
    return (
        f" — the newest good backup is {backup.path} (taken {backup.taken:%d %b %Y %H:%M}): "
        f"restore it with: clerk-tui restore {backup.path}"
    )


def run_app(app: ClerkApp) -> int:
    """Run the app; an unexpected error that ended it leaves one line (it is logged)."""
    app.run()
    if app.fatal_line is not None:
        print(app.fatal_line, file=sys.stderr)
        return EXIT_USAGE
    return app.return_code or 0


def _open(args: argparse.Namespace) -> int:
    return run_app(settled(make_app(paths.resolve_db_path(args.db))))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
