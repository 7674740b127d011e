"""clerk-tui backup [PATH]: a consistent, verified copy of the database, taken while in use."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_tui import paths
from clerk_tui.errors import ClerkError


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "backup", help="a consistent copy of the database, taken while it is in use"
    )
    parser.add_argument(
        "path", nargs="?", help="file or folder to write it to (default: backups/ beside it)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.backup import backup_database, backup_name, default_backup_dir

    source = paths.resolve_db_path(args.db).absolute()
    if not source.exists():
        raise ClerkError(f"{source} does not exist: there is nothing to back up")
    name = backup_name(source, datetime.now())
    target = Path(args.path).expanduser() if args.path else default_backup_dir(source) / name
    if target.is_dir():
        target = target / name
    print(backup_database(source, target))
    return 0
