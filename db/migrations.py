"""The schema's version ladder, kept in ``PRAGMA user_version`` (as Anki, Calibre and Zotero do).

Each step is one function that takes the database from version N-1 to N inside one
transaction, together with the new user_version; a backup is taken before the first step of an
upgrade of an existing database, and ``foreign_key_check`` must be empty after the last.
The schema of each version is frozen here (version 1 is ``schema_v1.sql``, later versions are
the steps below it), never derived from the models at run time, so an old file is upgraded to
exactly what a new one is created with: a new file simply climbs the whole ladder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine

from db.backup import backup_database, backup_name, default_backup_dir
from db.errors import StorageError

Step = Callable[[Connection], None]


def _execute_script(connection: Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            connection.exec_driver_sql(statement)


def to_v1(connection: Connection) -> None:
    """The first schema: every table of PRODUCT.md §2."""
    _execute_script(connection, resources.files("db").joinpath("schema_v1.sql").read_text())


def to_v2(connection: Connection) -> None:
    """Indexes a long history needs: undo finds an action's whole group by ``group_id``, and
    an item's tracker actions are found by ``item_id`` (both were full scans in version 1,
    growing with every record the body ever made)."""
    _execute_script(
        connection,
        """
        CREATE INDEX ix_auditevent_group ON auditevent (group_id);
        CREATE INDEX ix_action_item ON action (item_id);
        CREATE INDEX ix_action_meeting ON action (meeting_id);
        """,
    )


STEPS: dict[int, Step] = {1: to_v1, 2: to_v2}
CURRENT_VERSION = max(STEPS)


def newer_version_error(path: Path, version: int) -> StorageError:
    return StorageError(
        f"{path} was written by a newer clerk-tui (schema version {version}; this one knows up "
        f"to {CURRENT_VERSION}): upgrade clerk-tui to open it — the file was not touched"
    )


def has_tables(engine: Engine) -> bool:
    with engine.connect() as connection:
        count = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).scalar_one()
    return bool(count)


def upgrade(
    engine: Engine, path: Path, version: int, *, backup_dir: Path | None = None
) -> Path | None:
    """Run every step above ``version``; back up first when the file already held data."""
    backup: Path | None = None
    if version > 0 or has_tables(engine):
        folder = backup_dir or default_backup_dir(path)
        backup = backup_database(
            path, folder / backup_name(path, datetime.now(), f"before-v{CURRENT_VERSION}")
        )
    for target in range(version + 1, CURRENT_VERSION + 1):
        with engine.begin() as connection:
            STEPS[target](connection)
            connection.exec_driver_sql(f"PRAGMA user_version = {target}")
    with engine.connect() as connection:
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise StorageError(
            f"{path}: the upgrade to version {CURRENT_VERSION} left {len(problems)} broken "
            f"references (first in table {problems[0][0]}); the backup is {backup}"
        )
    return backup
