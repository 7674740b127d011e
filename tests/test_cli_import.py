"""clerk-tui import-agenda as a subprocess: the reference agenda in each form, and every bad
input: one line naming the file and line, exit status 2, the database unchanged."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from clerk_tui.demo import PANEL
from clerk_tui.desk import Desk
from db import open_database
from tests.test_importing import FIXTURES, FORMS, REFERENCE, item_rows
from tests.test_preparation import counts

REFERENCE_BYTES = REFERENCE.read_bytes()


def run(tmp_path: Path, db: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLERK_TUI_DB": str(db),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", "import-agenda", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def fingerprint(path: Path) -> tuple[str, dict[str, int]]:
    """The file's bytes and every table's row count: unchanged means both are the same."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), counts(path)


def test_import_the_reference_agenda_into_an_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "clerk.db"
    done = run(tmp_path, db, REFERENCE)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout == (
        f"14 items imported into the meeting of {PANEL} (a new body) on 14 March 2022 at "
        "13:30 (meeting 1)\n"
    )
    database = open_database(db)
    try:
        desk = Desk(database)
        [summary] = desk.agenda.meetings()
        meeting = desk.agenda.meeting(summary.id)
    finally:
        database.close()
    assert (meeting.body.name, meeting.date, meeting.scheduled_start) == (
        PANEL,
        date(2022, 3, 14),
        time(13, 30),
    )
    assert meeting.venue == "Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB"
    assert meeting.livestream_url == "https://civico.net/sandwell"
    assert meeting.body.contact_name == "Sarah Fradgley"
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 15)]
    assert meeting.items[1].kind == "apologies"


@pytest.mark.parametrize("name", FORMS)
def test_every_form_through_the_command_line_gives_the_same_items(
    name: str, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert run(tmp_path, first, REFERENCE).returncode == 0
    assert run(tmp_path, second, FIXTURES / name).returncode == 0
    meetings = []
    for db in (first, second):
        database = open_database(db)
        try:
            meetings.append(Desk(database).agenda.meeting(1))
        finally:
            database.close()
    assert item_rows(meetings[0]) == item_rows(meetings[1])


def test_options_override_the_header(tmp_path: Path, demo_path: Path) -> None:
    done = run(
        tmp_path,
        demo_path,
        REFERENCE,
        "--body",
        "Panel",
        "--date",
        "2022-06-20",
        "--time",
        "2pm",
        "--venue",
        "Online",
    )
    assert done.returncode == 0, done.stderr
    assert "on 20 June 2022 at 14:00" in done.stdout
    assert "(a new body)" not in done.stdout


def reference_with(old: str, new: str) -> bytes:
    assert old.encode() in REFERENCE_BYTES
    return REFERENCE_BYTES.replace(old.encode(), new.encode(), 1)


BAD_INPUTS = [
    pytest.param(b"", ":", "the file is empty", id="empty"),
    pytest.param(b"PK\x03\x04\x14\x00\x00\x00binary", ":", "Word or Excel", id="binary-docx"),
    pytest.param(b"a\nb\x00c\xff\xfe", ":2:", "NUL bytes", id="binary-nul"),
    pytest.param(b"Dear clerk,\nNo table here.\n", ":", "no agenda items", id="no-item-rows"),
    pytest.param(
        reference_with("\t4\tDECLARATIONS", "\t3\tDECLARATIONS"),
        ":23:",
        "item 3 appears twice (lines 22 and 23)",
        id="item-twice",
    ),
    pytest.param(
        reference_with("\t13:35", "\t25:70"),
        ":24:",
        "item 5: the time '25:70' is not a time of day",
        id="time-25:70",
    ),
    pytest.param(
        reference_with("Attached\t8", "Enclosed\t8"),
        ":29:",
        "item 8: papers 'Enclosed' is not one of Attached, To Follow, Tabled",
        id="unknown-papers",
    ),
    pytest.param(
        reference_with("14 March 2022", "14 Smarch 2022"),
        ":3:",
        "cannot read the date '14 Smarch 2022'",
        id="unreadable-date",
    ),
]


@pytest.mark.parametrize(("data", "where", "words"), BAD_INPUTS)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    tmp_path: Path, demo_path: Path, data: bytes, where: str, words: str
) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_bytes(data)
    before = fingerprint(demo_path)
    done = run(tmp_path, demo_path, agenda)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"clerk-tui: {agenda}{where} ")
    assert words in lines[0]
    assert "Traceback" not in done.stderr
    assert fingerprint(demo_path) == before


def test_a_bad_file_never_creates_a_database(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.txt"
    agenda.write_bytes(b"")
    db = tmp_path / "new.db"
    done = run(tmp_path, db, agenda)
    assert done.returncode == 2
    assert not db.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "2022-13-01"), "clerk-tui: --date: '2022-13-01' is not a date"),
        (("--time", "25:70"), "clerk-tui: --time: '25:70' is not a time of day"),
        ((), "already has a meeting on 14 March 2022 with 14 agenda items: nothing imported"),
    ],
)
def test_refusals_after_the_file_is_read_change_nothing(
    tmp_path: Path, demo_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = counts(demo_path)
    done = run(tmp_path, demo_path, REFERENCE, *args)
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1
    assert message in done.stderr
    assert counts(demo_path) == before


def test_a_missing_file(tmp_path: Path) -> None:
    done = run(tmp_path, tmp_path / "clerk.db", tmp_path / "nowhere.txt")
    assert done.returncode == 2
    assert done.stderr == f"clerk-tui: {tmp_path / 'nowhere.txt'}: no such file\n"
