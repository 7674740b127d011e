"""Schema version 3: no ``ON DELETE CASCADE`` anywhere (the database never deletes a row the
audit did not see). A version 1 or 2 file is rebuilt to it in one transaction, every row kept
field by field, to exactly the schema a new file gets and the models declare; an upgrade that
would break a reference is not made at all."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables)
from db import open_database
from db.errors import StorageError
from db.migrations import CURRENT_VERSION

FIXTURE_V1 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "v1-demo.sqlite3"
V2_INDEXES = """
    CREATE INDEX ix_auditevent_group ON auditevent (group_id);
    CREATE INDEX ix_action_item ON action (item_id);
    CREATE INDEX ix_action_meeting ON action (meeting_id);
"""

Master = list[tuple[str, str, str, str]]


def master(connection: sqlite3.Connection) -> Master:
    """sqlite_master without its page numbers, each statement's whitespace made one space."""
    rows = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return sorted((t, n, tn, re.sub(r"\s+", " ", sql or "").strip()) for t, n, tn, sql in rows)


def master_of(path: Path) -> Master:
    with sqlite3.connect(path) as connection:
        return master(connection)


def columns_of(path: Path) -> dict[str, list[str]]:
    with sqlite3.connect(path) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: [r[1] for r in connection.execute(f'PRAGMA table_info("{t}")')] for t in tables}


def everything(path: Path, shape: dict[str, list[str]] | None = None) -> dict[str, list[Any]]:
    """Every row of every table, field by field: of the tables and columns of ``shape`` (an
    older file's), when given, so that columns and tables a later version adds are left out."""
    shape = shape or columns_of(path)
    with sqlite3.connect(path) as connection:
        return {
            t: connection.execute(
                f"SELECT {', '.join(repr(c) for c in cols)} FROM {t!r} ORDER BY id"
            ).fetchall()
            for t, cols in shape.items()
        }


def fresh(tmp_path: Path) -> Path:
    path = tmp_path / "fresh.db"
    open_database(path).close()
    return path


def as_v2(path: Path) -> None:
    """The v1 fixture as version 2 left it: the same tables, version 2's indexes added."""
    shutil.copyfile(FIXTURE_V1, path)
    with sqlite3.connect(path) as connection:
        connection.executescript(V2_INDEXES + "PRAGMA user_version = 2;")


def test_the_current_version_is_6() -> None:
    assert CURRENT_VERSION == 6


def test_a_version_1_file_migrated_has_the_schema_of_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE_V1, path)
    open_database(path).close()
    assert master_of(path) == master_of(fresh(tmp_path))
    assert "CASCADE" not in " ".join(row[3] for row in master_of(path))


def test_every_row_of_a_version_1_file_is_kept_field_by_field(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE_V1, path)
    before, shape = everything(path), columns_of(path)
    database = open_database(path)
    try:
        assert database.upgraded_from == 1
        backup = database.backup_before_upgrade
        with database.engine.connect() as connection:  # the pool's next connection: keys on
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    finally:
        database.close()
    assert everything(path, shape) == before
    assert backup is not None and everything(backup) == before
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_version_2_file_is_migrated_to_the_same_schema(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    as_v2(path)
    before, shape = everything(path), columns_of(path)
    database = open_database(path)
    try:
        assert database.upgraded_from == 2
        assert database.backup_before_upgrade is not None
    finally:
        database.close()
    assert everything(path, shape) == before
    assert master_of(path) == master_of(fresh(tmp_path))


def test_the_models_declare_the_schema_the_ladder_builds(tmp_path: Path) -> None:
    """What SQLModel would create from the models is, statement by statement, what the frozen
    steps build (a table rebuilt by version 3 keeps the quotes SQLite's rename gives it)."""
    engine = create_engine("sqlite://")
    SQLModel.metadata.create_all(engine)
    with engine.connect() as connection:
        declared = master(connection.connection.driver_connection)  # type: ignore[arg-type]
    engine.dispose()
    unquoted = [
        (t, n, tn, re.sub(r'^CREATE TABLE "(\w+)"', r"CREATE TABLE \1", sql))
        for t, n, tn, sql in master_of(fresh(tmp_path))
    ]
    assert unquoted == declared


def test_an_upgrade_that_would_break_a_reference_is_not_made_at_all(tmp_path: Path) -> None:
    """All of versions 2 to 4 in one transaction: a broken reference found before it commits
    leaves the file at version 1, its schema as it was, with the backup taken."""
    path = tmp_path / "old.db"
    shutil.copyfile(FIXTURE_V1, path)
    with sqlite3.connect(path) as connection:  # foreign keys are off in a plain connection
        connection.execute(
            "INSERT INTO minutenote (item_id, position, kind, text, created_at)"
            " VALUES (9999, 0, 'paragraph', 'orphan', '2022-03-14 13:25:00')"
        )
    schema_before = master_of(path)
    with pytest.raises(StorageError, match=r"broken references .*minutenote.*not made"):
        open_database(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    assert master_of(path) == schema_before
    assert list((tmp_path / "backups").glob(f"old-*-before-v{CURRENT_VERSION}.db"))
