"""clerk-tui backup [PATH] | --list: a consistent, verified copy of the database, taken while
it is in use; or the backups kept beside it."""

from __future__ import annotations

import argparse
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_tui import paths


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "backup", help="a consistent copy of the database, taken while it is in use"
    )
    parser.add_argument(
        "path", nargs="?", help="file or folder to write it to (default: backups/ beside it)"
    )
    parser.add_argument("--list", action="store_true", help="list the backups kept beside it")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clerk_tui.desk.exporting import typed_folder
    from db.backup import backup_database, free_backup_path, list_backups, take_backup
    from db.files import locate
    from db.safe_paths import check_name, printable

    # An odd --db (a loop of links, a pipe, a name too long...) is refused here in words.
    source = locate(paths.resolve_db_path(args.db))
    if args.list:
        backups = list_backups(source)
        if not backups:
            print(f"no backups of {printable(source)} yet")
        for backup in backups:
            reason = f"  ({backup.reason})" if backup.reason else ""
            print(
                f"{backup.taken:%Y-%m-%d %H:%M:%S}  {backup.size:>10,} bytes  "
                f"{printable(backup.path)}{reason}"
            )
        return 0
    now = datetime.now()
    if not args.path:
        print(printable(take_backup(source, now)))
        return 0
    # A name ending in "/" is a folder that must exist (Path() would drop the "/" and write
    # a file of that name); a folder gets the dated name, -2, -3... within the same second.
    folder = typed_folder(args.path)
    target = Path(args.path).expanduser()
    check_name(target.absolute())
    if folder is not None or os.path.isdir(target):
        target = free_backup_path(source, folder or target, now)
    print(printable(backup_database(source, target)))
    return 0
