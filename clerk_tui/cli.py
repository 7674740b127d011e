"""The command line (PRODUCT.md §6) and make_app, the one way to build a ClerkApp.

Every error a person can cause ends here as one line on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from clerk_tui import __version__, paths
from clerk_tui.desk.base import Clock, system_clock
from clerk_tui.errors import ClerkError
from db.errors import StorageError

if TYPE_CHECKING:
    from clerk_tui.app import ClerkApp

EXIT_USAGE = 2


def make_app(
    db_path: Path | str,
    clock: Clock = system_clock,
    *,
    start_meeting: int | None = None,
) -> ClerkApp:
    """Open the database and build the app on it. Raises StorageError/ClerkError in words."""
    from clerk_tui.app import ClerkApp
    from clerk_tui.desk import Desk
    from db import open_database

    database = open_database(Path(db_path))
    return ClerkApp(Desk(database, clock), start_meeting=start_meeting)


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

    demo = commands.add_parser("demo", help="open a separate demo database with the sample panel")
    demo.add_argument("--reset", action="store_true", help="rebuild the demo database")
    demo.set_defaults(handler=_demo)

    check = commands.add_parser("check", help="integrity check of the database")
    check.set_defaults(handler=_check)

    backup = commands.add_parser(
        "backup", help="a consistent copy of the database, taken while it is in use"
    )
    backup.add_argument("path", nargs="?", help="where to write it (default: backups/ beside it)")
    backup.set_defaults(handler=_backup)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", _open)
    try:
        return handler(args)
    except (ClerkError, StorageError) as error:
        print(f"clerk-tui: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _run(app: ClerkApp) -> int:
    app.run()
    return app.return_code or 0


def _open(args: argparse.Namespace) -> int:
    return _run(make_app(paths.resolve_db_path(args.db)))


def _demo(args: argparse.Namespace) -> int:
    from clerk_tui.demo import open_demo

    # The demo never touches the clerk's own database: only an explicit --db moves it.
    path = Path(args.db).expanduser() if args.db else paths.demo_db_path()
    open_demo(path, reset=args.reset).close()
    return _run(make_app(path))


def _check(args: argparse.Namespace) -> int:
    from db.maintenance import check_database

    problems = check_database(paths.resolve_db_path(args.db))
    if problems:
        for line in problems:
            print(f"clerk-tui: {line}", file=sys.stderr)
        return EXIT_USAGE
    print("ok")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from db.backup import backup_database, backup_name, default_backup_dir

    source = paths.resolve_db_path(args.db).absolute()
    if not source.exists():
        raise ClerkError(f"{source} does not exist: there is nothing to back up")
    target = Path(args.path).expanduser() if args.path else None
    name = backup_name(source, datetime.now())
    if target is None:
        target = default_backup_dir(source) / name
    elif target.is_dir():
        target = target / name
    written = backup_database(source, target)
    print(written)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
