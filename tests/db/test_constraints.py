"""Each rule of the record is kept by the schema itself: a bad row is refused by SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import open_database


@pytest.fixture
def connection(demo_path: Path) -> Iterator[sqlite3.Connection]:
    open_database(demo_path).close()  # makes sure it is current
    connection = sqlite3.connect(demo_path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    yield connection
    connection.close()


def one(connection: sqlite3.Connection, sql: str) -> int:
    return connection.execute(sql).fetchone()[0]


BAD_ROWS = [
    pytest.param(
        "UPDATE agendaitem SET minute_number = 611 WHERE minute_number = 612",
        id="minute number used twice in a body",
    ),
    pytest.param(
        "UPDATE agendaitem SET position = 0 WHERE position = 1 AND meeting_id = 1",
        id="two items at one position",
    ),
    pytest.param("UPDATE vote SET for_count = -1", id="negative vote count"),
    pytest.param("UPDATE vote SET for_count = 50", id="more votes than members present"),
    pytest.param("UPDATE vote SET present = 99", id="more present than members"),
    pytest.param("UPDATE meeting SET status = 'adjourned'", id="unknown meeting status"),
    pytest.param("UPDATE agendaitem SET papers = 'Lost'", id="unknown papers"),
    pytest.param("UPDATE attendance SET status = 'asleep'", id="unknown attendance status"),
    pytest.param("UPDATE action SET status = 'maybe'", id="unknown action status"),
    pytest.param("UPDATE body SET quorum = -2", id="negative quorum"),
    pytest.param("UPDATE body SET next_minute_number = 0", id="minute counter below 1"),
    pytest.param("UPDATE agendaitem SET meeting_id = 999", id="item of a missing meeting"),
    pytest.param(
        "UPDATE agendaitem SET body_id = body_id + 1 WHERE id = 1",
        id="item's body differs from its meeting's",
    ),
    pytest.param(
        "INSERT INTO attendance (meeting_id, person_id, capacity, status, represents, role_text,"
        " voting, created_at) SELECT meeting_id, person_id, capacity, status, represents,"
        " role_text, voting, created_at FROM attendance LIMIT 1",
        id="a person twice on one roster",
    ),
    pytest.param(
        "UPDATE membership SET end_date = '2000-01-01' WHERE id = 1", id="membership ends first"
    ),
    pytest.param("UPDATE personvote SET choice = 'maybe'", id="unknown personal vote"),
    pytest.param("DELETE FROM person WHERE id = 1", id="a person still referenced"),
]


@pytest.mark.parametrize("statement", BAD_ROWS)
def test_the_schema_refuses(connection: sqlite3.Connection, statement: str) -> None:
    if statement.startswith("UPDATE personvote"):
        connection.execute(
            "INSERT INTO personvote (vote_id, person_id, choice) VALUES (1, 1, 'for')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(statement)
