"""The checks of bench/crash_trials.py, run by the parent after each kill: every acknowledged
record is still there, every vote has its tally, the file is whole, nothing temporary is left
and every backup verifies.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import open_database
from db.backup import verify
from db.files import set_aside_files

MEETING_DATE = "2022-03-14"
RESTORED = "restored"  # the backup's short name: the restored database tells itself apart

# ---- the checks ----------------------------------------------------------------------------
TABLES = {"N": ("minutenote", "text"), "R": ("resolution", "text"),
          "V": ("vote", "motion"), "T": ("action", "text")}  # fmt: skip


def _missing(connection: sqlite3.Connection, lines: list[str]) -> list[str]:
    """Every acknowledged record that is not in this database."""
    problems: list[str] = []
    planned: dict[str, str] = {}
    acked_status: dict[str, str] = {}
    for line in lines:
        kind, *rest = line.split(" ", 2)
        if kind in TABLES:
            table, column = TABLES[kind]
            row = connection.execute(
                f"SELECT {column} FROM {table} WHERE id = ?", (int(rest[0]),)
            ).fetchone()
            if row is None or row[0] != rest[1]:
                problems.append(f"acknowledged {table} {rest[0]} is missing")
        elif kind == "a":
            planned[rest[0]] = rest[1]
        elif kind == "A":
            acked_status[rest[0]] = rest[1]
            planned.pop(rest[0], None)
        elif kind == "S":
            row = connection.execute(
                "SELECT actual_start FROM agendaitem WHERE id = ?", (int(rest[0]),)
            ).fetchone()
            if row is None or row[0] is None:
                problems.append(f"acknowledged start of item {rest[0]} is missing")
    for person, status in acked_status.items():
        row = connection.execute(
            "SELECT a.status FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
            "WHERE a.person_id = ? AND m.date = ?",
            (int(person), MEETING_DATE),
        ).fetchone()
        if row is None or row[0] not in {status, planned.get(person, status)}:
            problems.append(f"person {person}: acknowledged {status}, found {row} (missing)")
    return problems


def _whole(connection: sqlite3.Connection) -> list[str]:
    problems = []
    untallied = connection.execute(
        "SELECT count(*) FROM vote WHERE outcome_text = '' OR "
        "(method = 'recorded' AND for_count + against_count + abstentions != "
        "(SELECT count(*) FROM personvote p WHERE p.vote_id = vote.id "
        "AND p.choice != 'did-not-vote'))"
    ).fetchone()[0]
    if untallied:
        problems.append(f"{untallied} votes without their tally")
    integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if integrity != "ok":
        problems.append(f"integrity_check: {integrity}")
    broken = connection.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        problems.append(f"foreign_key_check: {broken[:3]}")
    return problems


def verify_after_kill(path: Path, lines: list[str]) -> list[str]:
    try:
        database = open_database(path)  # the app's own start after the kill
        database.close()
    except Exception as error:  # the report says what the app would have said
        return [f"the app refuses the file after the kill: {error}"]
    problems: list[str] = []
    connection = sqlite3.connect(path)
    try:
        problems += _whole(connection)
        body = connection.execute("SELECT short_name FROM body").fetchone()
        restored = body is not None and body[0] == RESTORED
        if restored:  # the restore got as far as its last rename: the old one is set aside
            aside = set_aside_files(path)
            if not aside:
                return [*problems, "restored, and the replaced database is missing"]
            with sqlite3.connect(aside[0]) as replaced:
                problems += _missing(replaced, lines)
            replaced.close()
        else:
            problems += _missing(connection, lines)
            if "x" in lines:
                problems.append("the restore was acknowledged but the old database is in place")
    finally:
        connection.close()
    return problems + _leftovers(path.parent)


def _leftovers(folder: Path) -> list[str]:
    """No temporary file after the start; every backup whole."""
    problems = []
    for entry in [*folder.iterdir(), *(folder / "backups").glob("*")]:
        name = entry.name
        if name.endswith((".tmp", "-journal")) or name.startswith(".backup-"):
            problems.append(f"left over after the next start: {name}")
        elif entry.parent.name == "backups" and not verify(entry):
            problems.append(f"a backup that is not whole: {name}")
    return problems
