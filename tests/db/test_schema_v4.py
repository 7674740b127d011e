"""Schema version 4: the meeting's ``timing``, the attendance's ``position``, the clerk's edited
sentences and the bodies' sentence styles. A version 3 file is upgraded in one transaction to
exactly the schema a new file gets, every row kept field by field, each attendance row in the
order it was made and each meeting timed live."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from db import open_database
from db.migrations import STEPS
from tests.db.test_schema_v3 import FIXTURE_V1, columns_of, everything, fresh, master_of


def as_v3(path: Path) -> None:
    """The v1 fixture as version 3 left it: versions 2 and 3's own steps run on it."""
    shutil.copyfile(FIXTURE_V1, path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.connection.cursor().execute("PRAGMA foreign_keys = OFF")
        with connection.begin():
            STEPS[2](connection)
            STEPS[3](connection)
            connection.exec_driver_sql("PRAGMA user_version = 3")
    engine.dispose()


def test_a_version_3_file_is_upgraded_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    as_v3(path)
    before, shape = everything(path), columns_of(path)
    database = open_database(path)
    try:
        assert database.upgraded_from == 3
        assert database.backup_before_upgrade is not None
    finally:
        database.close()
    assert everything(path, shape) == before
    assert master_of(path) == master_of(fresh(tmp_path))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        positions = connection.execute("SELECT id, position FROM attendance").fetchall()
        timings = {r[0] for r in connection.execute("SELECT timing FROM meeting")}
        new_rows = [
            connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("minutesentence", "sentencestyle")
        ]
    assert positions and all(row_id == position for row_id, position in positions)
    assert timings == {"live"}
    assert new_rows == [0, 0]


def test_the_new_columns_refuse_what_they_cannot_hold(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    as_v3(path)
    open_database(path).close()
    statements = {
        "timing_allowed": "UPDATE meeting SET timing = 'tomorrow'",
        "FOREIGN KEY": "INSERT INTO minutesentence (item_id, source, text, created_at)"
        " VALUES (9999, 'apologies', 'x', '2026-01-01 00:00:00')",
        "source_not_blank": "INSERT INTO minutesentence (item_id, source, text, created_at)"
        " SELECT id, ' ', 'x', '2026-01-01 00:00:00' FROM agendaitem LIMIT 1",
        "UNIQUE": "INSERT INTO sentencestyle (body_id, kind, wording, created_at)"
        " SELECT id, 'vote', 'x', '2026-01-01 00:00:00' FROM body"
        " UNION ALL SELECT id, 'vote', 'y', '2026-01-01 00:00:00' FROM body",
    }
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        for expected, statement in statements.items():
            with pytest.raises(sqlite3.IntegrityError, match=expected):
                connection.execute(statement)
