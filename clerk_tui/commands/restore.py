"""clerk-tui restore BACKUP: put a backup back. Asks first; keeps the replaced file aside."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_tui import paths
from clerk_tui.errors import ClerkError


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "restore", help="put a backup back (asks first, keeps the replaced file aside)"
    )
    parser.add_argument("backup", help="the backup file (see: clerk-tui backup --list)")
    parser.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.maintenance import restore_database

    target = paths.resolve_db_path(args.db).absolute()
    backup = Path(args.backup).expanduser().absolute()
    if not backup.is_file():
        raise ClerkError(f"{backup} does not exist (see: clerk-tui backup --list)")
    if not args.yes:
        question = f"Replace {target} with {backup.name}? The current file is kept aside. [y/N] "
        try:
            answer = input(question)
        except EOFError:
            raise ClerkError(
                "restore asks before replacing the database: answer y, or add --yes"
            ) from None
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing restored")
            return 1
    aside = restore_database(target, backup, datetime.now())
    kept = f"; the replaced file is kept as {aside}" if aside else ""
    print(f"restored {target} from {backup}{kept}")
    return 0
