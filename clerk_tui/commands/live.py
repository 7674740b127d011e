"""clerk-tui live [MEETING] [--body NAME]: open the app straight on a meeting's live screen.

MEETING is a meeting's id or its date as a clerk types it (2022-03-14, 14 March 2022, today:
:mod:`clerk_tui.values`); given nothing, today's meeting. When there is no such meeting the one
line of error names the nearest ones.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from clerk_tui import paths
from clerk_tui.errors import ClerkError


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "live",
        help="open straight on a meeting's live screen (default: today's meeting)",
    )
    parser.add_argument(
        "meeting",
        nargs="?",
        metavar="MEETING",
        help="the meeting's id or date (2022-03-14, 14 March 2022, today)",
    )
    parser.add_argument("--body", metavar="NAME", help="the body, where a date is ambiguous")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clerk_tui.cli import make_app, run_app, settled
    from clerk_tui.desk import Desk
    from db import open_database

    path = paths.resolve_db_path(args.db)
    if not path.exists():
        raise ClerkError(f"{path} does not exist: there is no meeting to open")
    # Find the meeting first, on its own connection, so a refusal leaves nothing open.
    database = open_database(path)
    try:
        meeting_id = Desk(database).agenda.find_meeting(
            args.meeting, body=args.body, today=date.today()
        )
    finally:
        database.close()
    app = make_app(path, start_meeting=meeting_id)
    # What the first open found (a database put back after an interrupted restore) is told by
    # the app, which opened the file second.
    app.desk.database.notices[:0] = database.notices
    return run_app(settled(app))
