"""clerk-tui demo [--reset]: open a separate demo database with the sample panel. Only ever a
demo built by clerk-tui (clerk_tui.demo.refuse_unless_demo): never the clerk's own database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from clerk_tui import paths


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="open a separate demo database with the sample panel")
    parser.add_argument("--reset", action="store_true", help="rebuild the demo database")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clerk_tui.cli import make_app, run_app, settled
    from clerk_tui.demo import open_demo, refuse_unless_demo
    from db.files import locate, size_of

    # The demo never touches the clerk's own database: only an explicit --db moves it, and
    # then only onto a demo (or a new file).
    path = Path(args.db).expanduser() if args.db else paths.demo_db_path()
    refuse_unless_demo(path)
    if args.reset or not size_of(locate(path)):
        database = open_demo(path, reset=args.reset)
        for notice in database.notices:  # e.g. a demo put back after an interrupted restore
            print(f"clerk-tui: {notice}", file=sys.stderr)
        database.close()
    # An existing demo is opened (and checked) once, by the app itself.
    return run_app(settled(make_app(path)))
