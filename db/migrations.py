"""The schema's version ladder, kept in ``PRAGMA user_version`` (as Anki, Calibre and Zotero do).

Each step is one function that takes the database from version N-1 to N. An upgrade runs every
step it needs in ONE transaction with the new user_version, foreign keys off (a table rebuilt is
dropped while other tables still point at it) and ``foreign_key_check`` empty before it commits:
a file is at its old version or at the current one, never between. A backup is taken first when
the file already held data. The schema of each version is frozen here (version 1 is
``schema_v1.sql``, the tables version 3 rebuilds are ``schema_v3.sql``, those version 4
rebuilds or adds are ``schema_v4.sql``, version 5's table is ``schema_v5.sql``, version 6's
debate is ``schema_v6.sql``, the rest are the steps below), never derived from the models at
run time, so an old file is upgraded to exactly what a new one is created with: a new file
simply climbs the whole ladder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
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
    _execute_script(connection, _script("schema_v1.sql"))


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


def to_v3(connection: Connection) -> None:
    """Every ``ON DELETE CASCADE`` becomes ``RESTRICT``: the database took a deleted item's
    notes, resolutions and votes behind the audit's back, so undo brought the item back empty.
    Now a row's dependents are deleted first, each through the audit (db.audit.dependents),
    and the database refuses a delete that would leave any behind."""
    for name, create in _tables(_script("schema_v3.sql")):
        _rebuild(connection, name, create)


def to_v4(connection: Connection) -> None:
    """What issue 13 needs stored: the meeting's ``timing`` (live, or minuted after the event,
    where each start asks its time), the attendance's ``position`` (the clerk's order of the
    roster and of PRESENT / ALSO PRESENT, a version 3 row keeping the order it was made in: its
    id), and two new tables — the sentences the clerk edited (``minutesentence``) and each
    body's own wording of them (``sentencestyle``). The two tables that gain a column are
    rebuilt from ``schema_v4.sql``, as version 3 did, so that an upgraded file has exactly the
    shape a new one gets."""
    for name, create in _tables(_script("schema_v4.sql")):
        if name in ("meeting", "attendance"):
            _rebuild(connection, name, create)
        else:
            connection.exec_driver_sql(create)
    connection.exec_driver_sql("UPDATE attendance SET position = id")


def to_v5(connection: Connection) -> None:
    """What issue 14 needs stored: each body's own Word template (``bodytemplate``), the
    file's bytes themselves, so that it travels with the database and its backups."""
    _execute_script(connection, _script("schema_v5.sql"))


def to_v6(connection: Connection) -> None:
    """What issue 15 needs stored: the debate. Motions and the amendments to them
    (``motion``), the speakers heard on an item (``speaker``), the motion a vote was on
    (``vote.motion_id``) and two of a body's standing orders (``body.nested_amendments``,
    ``body.speaking_time``). The two tables that gain a column are rebuilt from
    ``schema_v6.sql`` (their new columns nullable or with a server default), as version 4 did,
    so that an upgraded file has exactly the shape a new one gets."""
    for statement in _script("schema_v6.sql").split(";"):
        found = re.match(r"\s*CREATE TABLE (\w+) \(", statement)
        if found and found.group(1) in ("body", "vote"):
            _rebuild(connection, found.group(1), statement.strip())
        elif statement.strip():
            connection.exec_driver_sql(statement)


def _script(name: str) -> str:
    return resources.files("db").joinpath(name).read_text()


def _tables(script: str) -> Iterator[tuple[str, str]]:
    """(name, CREATE TABLE statement) for each table of a frozen script."""
    for statement in script.split(";"):
        found = re.match(r"\s*CREATE TABLE (\w+) \(", statement)
        if found:
            yield found.group(1), statement.strip()


def _rebuild(connection: Connection, name: str, create: str) -> None:
    """SQLite's twelve-step ALTER TABLE (https://sqlite.org/lang_altertable.html#otheralter)
    for one table, steps 4 to 8 (the caller holds the transaction, foreign keys off, and the
    foreign_key_check): the new shape made under another name, the rows copied with their ids,
    the old table dropped, the new one renamed in its place, and the old table's own indexes
    (version 2's among them) made again — dropping a table drops them."""
    indexes = (
        connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master"
            " WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
            (name,),
        )
        .scalars()
        .all()
    )
    columns = ", ".join(
        f'"{row[1]}"' for row in connection.exec_driver_sql(f'PRAGMA table_info("{name}")')
    )
    temporary = f"new_{name}"
    connection.exec_driver_sql(
        create.replace(f"CREATE TABLE {name} (", f"CREATE TABLE {temporary} (", 1)
    )
    connection.exec_driver_sql(
        f'INSERT INTO "{temporary}" ({columns}) SELECT {columns} FROM "{name}"'
    )
    connection.exec_driver_sql(f'DROP TABLE "{name}"')
    connection.exec_driver_sql(f'ALTER TABLE "{temporary}" RENAME TO "{name}"')
    for index in indexes:
        connection.exec_driver_sql(index)


STEPS: dict[int, Step] = {1: to_v1, 2: to_v2, 3: to_v3, 4: to_v4, 5: to_v5, 6: to_v6}
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
    with engine.connect() as connection:
        # Set outside the transaction: inside one, SQLite ignores it.
        connection.connection.cursor().execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                for target in range(version + 1, CURRENT_VERSION + 1):
                    STEPS[target](connection)
                connection.exec_driver_sql(f"PRAGMA user_version = {CURRENT_VERSION}")
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise StorageError(
                        f"{path}: the upgrade to version {CURRENT_VERSION} would leave "
                        f"{len(problems)} broken references (first in table {problems[0][0]}), "
                        f"so it was not made: the file is as it was; the backup is {backup}"
                    )
        finally:
            # Never back into the pool with its foreign keys off: the next connection is a
            # new one, with every pragma set and read back (db.engine).
            connection.invalidate()
    return backup
