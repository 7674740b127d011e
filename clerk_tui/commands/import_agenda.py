"""clerk-tui import-agenda FILE: create a meeting and its agenda from an agenda document."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from clerk_tui import paths


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import-agenda",
        help="create a meeting from an agenda document (text, Markdown table, CSV)",
        description=(
            "Create a meeting and its agenda from an agenda document: the front sheet as text, "
            "a Markdown table or a CSV file. The header's body, date, time and venue are used "
            "unless an option says otherwise; a body not yet known is created."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the agenda document")
    parser.add_argument("--body", metavar="NAME", help="the body (name or short name)")
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the meeting's date (also 14/03/2022, 14 March 2022)"
    )
    parser.add_argument("--time", metavar="HH:MM", help="the meeting's start time (also 1.30pm)")
    parser.add_argument("--venue", metavar="TEXT", help="where the meeting is held")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clerk_tui.agenda_import import read_agenda_file
    from clerk_tui.desk import Desk
    from clerk_tui.desk.importing import ImportOptions
    from clerk_tui.values import parse_date, parse_time
    from db import open_database

    # The command line's "today" is the computer's: the app's clock is not running yet.
    day = None if args.date is None else parse_date(args.date, today=date.today(), where="--date")
    options = ImportOptions(
        body=args.body,
        date=day,
        time=None if args.time is None else parse_time(args.time, where="--time"),
        venue=args.venue,
    )
    # Read the file before opening the database: a bad file never creates or touches one.
    agenda = read_agenda_file(args.file)
    database = open_database(paths.resolve_db_path(args.db))
    for notice in database.notices:  # a database put back after an interrupted restore
        print(f"clerk-tui: {notice}", file=sys.stderr)
    try:
        result = Desk(database).agenda.import_agenda(agenda, options, source=args.file)
    finally:
        database.close()
    # Warnings do not stop the import (exit status 0): one line each, beside the refusals.
    for warning in result.all_warnings:
        print(f"clerk-tui: {args.file}: {warning}", file=sys.stderr)
    print(f"{result.summary} (meeting {result.meeting.id})")
    return 0
