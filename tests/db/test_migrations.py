"""The user_version ladder: old files are upgraded (after a backup) to exactly the schema a new
file gets; the schema matches the tables the code declares."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables)
from db import open_database
from db.migrations import CURRENT_VERSION


def make_v0(path: Path, *, with_table: bool) -> None:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA page_size = 4096")
    if with_table:
        connection.execute("CREATE TABLE scratch (note TEXT)")
        connection.execute("INSERT INTO scratch VALUES ('kept')")
    connection.execute("VACUUM")
    connection.close()


def schema(path: Path) -> dict[str, list[tuple[str, str, int]]]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name != 'scratch'"
            )
        ]
        return {
            t: [(c[1], c[2], c[3]) for c in connection.execute(f"PRAGMA table_info({t})")]
            for t in sorted(tables)
        }
    finally:
        connection.close()


def test_a_version_0_file_is_upgraded_to_the_current_schema(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    make_v0(old, with_table=False)
    database = open_database(old)
    try:
        assert database.upgraded_from == 0
    finally:
        database.close()
    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert schema(old) == schema(fresh)
    with sqlite3.connect(old) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_an_upgrade_of_a_file_with_data_takes_a_backup_first(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    make_v0(old, with_table=True)
    database = open_database(old)
    try:
        backup = database.backup_before_upgrade
    finally:
        database.close()
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 0
        assert connection.execute("SELECT note FROM scratch").fetchall() == [("kept",)]


def test_the_frozen_schema_matches_the_declared_tables(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    open_database(path).close()
    on_disk = schema(path)
    declared = {
        name: sorted(column.name for column in table.columns)
        for name, table in SQLModel.metadata.tables.items()
    }
    assert {t: sorted(c[0] for c in cols) for t, cols in on_disk.items()} == declared


FIXTURE_V1 = Path(__file__).resolve().parent.parent / "fixtures" / "db" / "v1-demo.sqlite3"


def indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }


def rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_a_version_1_database_is_upgraded_to_version_2(tmp_path: Path) -> None:
    """The demo as version 1 wrote it: upgraded after a backup, every row kept, the new
    indexes there, no broken reference, and the same schema a new file gets."""
    path = tmp_path / "clerk.db"
    shutil.copyfile(FIXTURE_V1, path)
    before = rows(path)
    database = open_database(path)
    try:
        assert database.upgraded_from == 1
        backup = database.backup_before_upgrade
    finally:
        database.close()
    assert backup is not None and rows(backup) == before
    # Every row kept; the tables later versions add (version 4's sentences) start empty.
    after = rows(path)
    assert {t: after[t] for t in before} == before
    assert {t: n for t, n in after.items() if t not in before} == {
        "minutesentence": 0,
        "sentencestyle": 0,
        "bodytemplate": 0,
        "motion": 0,
        "speaker": 0,
    }
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION == 6
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert {"ix_auditevent_group", "ix_action_item", "ix_action_meeting"} <= indexes(path)
    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert schema(path) == schema(fresh)
    assert indexes(path) == indexes(fresh)


def test_the_schema_and_the_pure_modules_share_one_vocabulary() -> None:
    from clerk_tui.vocabulary import ITEM_KINDS
    from db.models import ITEM_KINDS as SCHEMA_ITEM_KINDS

    assert ITEM_KINDS == SCHEMA_ITEM_KINDS
