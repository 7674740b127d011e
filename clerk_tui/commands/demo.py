"""clerk-tui demo [--reset]: open a separate demo database with the sample panel."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from clerk_tui import paths


def register(commands: Any) -> None:
    parser = commands.add_parser("demo", help="open a separate demo database with the sample panel")
    parser.add_argument("--reset", action="store_true", help="rebuild the demo database")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from clerk_tui.cli import make_app, run_app
    from clerk_tui.demo import open_demo

    # The demo never touches the clerk's own database: only an explicit --db moves it.
    path = Path(args.db).expanduser() if args.db else paths.demo_db_path()
    if args.reset or not path.is_file() or path.stat().st_size == 0:
        open_demo(path, reset=args.reset).close()
    # An existing demo is opened (and checked) once, by the app itself.
    return run_app(make_app(path))
