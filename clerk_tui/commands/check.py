"""clerk-tui check: integrity and foreign-key check; prints ``ok`` or what is wrong."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from clerk_tui import paths


def register(commands: Any) -> None:
    parser = commands.add_parser("check", help="integrity check of the database")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from db.maintenance import check_database

    problems = check_database(paths.resolve_db_path(args.db))
    for line in problems:
        print(f"clerk-tui: {line}", file=sys.stderr)
    if problems:
        return 2
    print("ok")
    return 0
