"""The sample panel: the West Midlands Police and Crime Panel from its public papers.

Its 29 November 2021 meeting is fully recorded and closed (minutes 611 to 622), the action
tracker of 14 March 2022 is loaded (actions from meetings before the demo keep their minute
number and month), and the 14 March 2022 meeting is planned with its 14 agenda items. The
January 2022 meeting used minutes 623 to 632, so the Panel's next minute number is 633.
The rows are seed data, written in one transaction, not clerk actions: they carry no audit.

The demo is marked in the file itself (``PRAGMA application_id``, set in the same transaction),
and ``open_demo`` opens, rebuilds or deletes nothing else: never the clerk's own database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clerk_tui import paths
from clerk_tui.demo.panel import DEMO_APPLICATION_ID, PANEL, SEEDED_AT
from clerk_tui.errors import ClerkError
from db import Database, open_database
from db.backup import read_only_uri
from db.files import application_id, locate, refuse_orphan_wal, set_aside_files, size_of
from db.maintenance import has_bodies, remove_database
from db.safe_paths import printable

__all__ = ["DEMO_APPLICATION_ID", "PANEL", "open_demo", "refuse_unless_demo"]


def open_demo(path: Path, *, reset: bool = False) -> Database:
    """Open the demo database at ``path``, building it when it is new (or ``reset``).
    Refused in one line, with nothing touched, when ``path`` is not the demo."""
    refuse_unless_demo(path)
    if reset and size_of(locate(path)) is not None:
        remove_database(path)
    database = open_database(path)
    # The builder and its data load only when a demo is built, never for a start on one.
    from clerk_tui.demo.build import build_demo, mark_demo

    try:
        if not has_bodies(database):
            build_demo(database)
        elif application_id(database.path) != DEMO_APPLICATION_ID:
            # An earlier clerk-tui's demo, marked now — only if it is that (a file put back by
            # this open, or anything else, is never taken for the demo).
            if database.notices or not _holds_only_the_sample_panel(database.path):
                raise ClerkError(
                    f"{printable(path)} is not a demo database built by clerk-tui: demo "
                    "leaves it as it is"
                )
            with database.transaction() as session:
                mark_demo(session)
    except BaseException:
        database.close()
        raise
    return database


def refuse_unless_demo(path: Path) -> None:
    """``demo`` and ``demo --reset`` touch only clerk-tui's demo: a missing or empty file (to be
    built as the demo), a file carrying the demo's mark, or — built by an earlier clerk-tui,
    before the mark — the file at the default demo path holding the sample panel and nothing
    else (or no panel at all: a build cut short). Anything else is refused in one line."""
    real = locate(path)  # a loop, a pipe, a name too long...: refused in words here
    if not size_of(real):
        # Missing or empty — but never a -wal holding records without its database, nor a
        # database a restore set aside under this name, which the next open would put back
        # (and the demo would then take for its own).
        refuse_orphan_wal(real)
        aside = [a for a in set_aside_files(real) if application_id(a) != DEMO_APPLICATION_ID]
        if aside:
            raise ClerkError(
                f"{printable(path)} is missing but {printable(aside[0].name)} (a database a "
                "restore set aside) is beside it: demo leaves it alone — open it with "
                f"clerk-tui --db {printable(path)} to put it back"
            )
        return
    if application_id(real) == DEMO_APPLICATION_ID:
        return
    if real == locate(paths.demo_db_path()) and _holds_only_the_sample_panel(real):
        return
    raise ClerkError(
        f"{printable(path)} is not a demo database built by clerk-tui: demo never opens, "
        "rebuilds or deletes any other file (nothing was changed; to open it as it is: "
        f"clerk-tui --db {printable(path)})"
    )


def _holds_only_the_sample_panel(path: Path) -> bool:
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=5)
        try:
            rows = connection.execute("SELECT name, created_at FROM body").fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return False  # damaged, or not clerk-tui's: not recognised, so left alone
    return not rows or (
        len(rows) == 1 and rows[0][0] == PANEL and str(rows[0][1]).startswith(str(SEEDED_AT))
    )
