"""Schema version 5: each body's own Word template, its bytes kept in the database. A version 4
file is upgraded in one transaction to exactly the schema a new file gets, every row kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from db import open_database
from db.migrations import STEPS
from tests.db.test_schema_v3 import columns_of, everything, fresh, master_of
from tests.db.test_schema_v4 import as_v3


def as_v4(path: Path) -> None:
    """The v1 fixture as version 4 left it."""
    as_v3(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.connection.cursor().execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            STEPS[4](connection)
            connection.exec_driver_sql("PRAGMA user_version = 4")
    engine.dispose()


def test_a_version_4_file_is_upgraded_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    as_v4(path)
    before, shape = everything(path), columns_of(path)
    database = open_database(path)
    try:
        assert database.upgraded_from == 4
        assert database.backup_before_upgrade is not None
    finally:
        database.close()
    assert everything(path, shape) == before
    assert master_of(path) == master_of(fresh(tmp_path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("SELECT count(*) FROM bodytemplate").fetchone()[0] == 0


def test_the_template_table_refuses_what_it_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    as_v4(path)
    open_database(path).close()
    row = (
        "SELECT id, {name}, x'504b', {size}, '2026-01-01 00:00:00' FROM body"
        " WHERE id = (SELECT min(id) FROM body)"
    )
    insert = "INSERT INTO bodytemplate (body_id, file_name, data, size, set_at) "
    statements = {
        "FOREIGN KEY": insert + "VALUES (9999, 'a.docx', x'504b', 2, '2026-01-01 00:00:00')",
        "file_name_not_blank": insert + row.format(name="' '", size=2),
        "size_not_negative": insert + row.format(name="'a.docx'", size=-1),
        "UNIQUE": insert
        + row.format(name="'a.docx'", size=2)
        + " UNION ALL "
        + row.format(name="'b.docx'", size=2),
    }
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for expected, statement in statements.items():
            with pytest.raises(sqlite3.IntegrityError, match=expected):
                connection.execute(statement)
