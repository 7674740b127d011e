"""clerk-tui restore BACKUP: put a backup back. The backup is checked first (a whole clerk-tui
database, not newer, not the database itself); asks; keeps the replaced file aside."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_tui import paths


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "restore", help="put a backup back (asks first, keeps the replaced file aside)"
    )
    parser.add_argument("backup", help="the backup file (see: clerk-tui backup --list)")
    parser.add_argument("--yes", action="store_true", help="do not ask (for scripts)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clerk_tui.errors import ClerkError
    from db.files import locate
    from db.maintenance import restore_database, validate_backup
    from db.safe_paths import printable

    target = locate(paths.resolve_db_path(args.db))
    # Checked before asking: a file that cannot be restored is refused, not offered.
    backup = validate_backup(target, args.backup)
    _refuse_the_demo_over_records(target, backup)
    if not args.yes:
        question = (
            f"Replace {printable(target)} with {printable(backup.name)}? "
            "The current file is kept aside. [y/N] "
        )
        try:
            answer = input(question)
        except (EOFError, OSError, RuntimeError):  # no answer: stdin at its end, or closed
            raise ClerkError(
                "restore asks before replacing the database: answer y, or add --yes"
            ) from None
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing restored")
            return 1
    aside = restore_database(target, backup, datetime.now())
    kept = f"; the replaced file is kept as {printable(aside)}" if aside else ""
    print(f"restored {printable(target)} from {printable(backup)}{kept}")
    return 0


def _refuse_the_demo_over_records(target: Path, backup: Path) -> None:
    """The sample panel put over a clerk's own records is never what was meant (and would make
    their database look like the demo, which demo --reset may rebuild)."""
    from clerk_tui.demo import DEMO_APPLICATION_ID
    from clerk_tui.errors import ClerkError
    from db.files import application_id, size_of
    from db.safe_paths import printable

    if application_id(backup) != DEMO_APPLICATION_ID or not size_of(target):
        return
    if application_id(target) != DEMO_APPLICATION_ID:
        raise ClerkError(
            f"{printable(backup.name)} is a copy of the demo: it is not restored over "
            f"{printable(target)}, which is not the demo (nothing was changed)"
        )
