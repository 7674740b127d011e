"""A database that fails under the Desk, for real (pages overwritten on the disk, a full tmpfs,
the file deleted or replaced): one DatabaseFailed in words saying what to do, every record
after it refused without touching the file, reads that still work going on; a refusal of one
record (a constraint) is not a failure."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.preparation import BodyFields
from clerk_tui.errors import ClerkError, DatabaseFailed
from db import open_database
from tests.bad_inputs.corpus import run_clerk
from tests.conftest import FakeClock
from tests.faults import damage, fill, hashes, read_again, small_disk


def new_body(desk: Desk, name: str = "Audit Committee") -> None:
    desk.agenda.create_body(BodyFields(name=name, quorum=3))


def test_a_damaged_table_fails_every_record_in_words_and_reads_go_on(
    demo_desk: Desk, demo_path: Path
) -> None:
    backup = demo_desk.backups.backup_now("test")
    before = [b.name for b in demo_desk.agenda.bodies()]
    damage(demo_path, ["auditevent"])  # every record writes its audit event
    read_again(demo_path)
    with pytest.raises(DatabaseFailed) as failed:
        new_body(demo_desk)
    words = str(failed.value)
    assert failed.value.first
    assert words.startswith("the database can no longer be written: it is damaged")
    assert "database disk image is malformed" in words
    assert f"--db {demo_path} check" in words
    assert f"restore {backup}" in words
    # What is on screen can still be read: the bodies do not live in the damaged pages.
    assert [b.name for b in demo_desk.agenda.bodies()] == before
    with pytest.raises(DatabaseFailed) as again:
        new_body(demo_desk, "Another Committee")
    assert not again.value.first
    assert str(again.value).startswith("not recorded — the database can no longer be written")


def test_a_failure_found_by_a_read_refuses_the_next_record_too(
    demo_desk: Desk, demo_path: Path
) -> None:
    demo_desk.agenda.bodies()
    damage(demo_path)
    read_again(demo_path)
    with pytest.raises(DatabaseFailed) as failed:
        demo_desk.agenda.meetings()
    assert failed.value.first
    assert "there is no good backup of it" in str(failed.value)
    left = hashes(demo_path)
    with pytest.raises(DatabaseFailed, match=r"^not recorded — "):
        new_body(demo_desk)
    assert hashes(demo_path) == left


def test_a_full_disk_fails_the_record_and_nothing_is_tried_once_space_is_back(
    tmp_path: Path, demo_path: Path, clock: FakeClock
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = disk / "clerk.db"
        shutil.copyfile(demo_path, path)
        database = open_database(path)
        try:
            desk = Desk(database, clock)
            new_body(desk, "Recorded Before")
            filler = fill(disk)
            with pytest.raises(DatabaseFailed) as failed:
                new_body(desk)
            assert failed.value.first
            assert "the disk is full" in str(failed.value)
            assert "free some space on that disk" in str(failed.value)
            filler.unlink()  # space again: the Desk still records nothing until restarted
            left = hashes(path)
            with pytest.raises(DatabaseFailed, match=r"^not recorded — .*the disk is full"):
                new_body(desk, "Another Committee")
            assert hashes(path) == left
            assert "Recorded Before" in [b.name for b in desk.agenda.bodies()]
        finally:
            database.close()
        reopened = open_database(path)
        try:
            names = [b.name for b in Desk(reopened).agenda.bodies()]
        finally:
            reopened.close()
        assert "Recorded Before" in names
        assert "Audit Committee" not in names


def test_a_deleted_database_is_told_and_never_made_again(demo_desk: Desk, demo_path: Path) -> None:
    shown = [m.id for m in demo_desk.agenda.meetings()]
    demo_path.unlink()
    with pytest.raises(DatabaseFailed) as failed:
        new_body(demo_desk)
    assert "the file was deleted or moved while clerk-tui had it open" in str(failed.value)
    assert not demo_path.exists()  # no new, empty database in its place
    assert [m.id for m in demo_desk.agenda.meetings()] == shown  # the open file still reads


def test_a_replaced_database_is_told_and_the_new_file_left_as_it_is(
    demo_desk: Desk, demo_path: Path, _demo_template: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    shutil.copyfile(_demo_template, other)
    os.replace(other, demo_path)
    left = hashes(demo_path)
    with pytest.raises(DatabaseFailed, match="the file was replaced by another"):
        new_body(demo_desk)
    with pytest.raises(DatabaseFailed, match=r"^not recorded — "):
        new_body(demo_desk)
    assert hashes(demo_path) == left


def test_a_constraint_is_a_refusal_of_one_record_not_a_failure(demo_desk: Desk) -> None:
    name = demo_desk.agenda.bodies()[0].name
    with pytest.raises(ClerkError, match="a body with that name already exists") as refused:
        new_body(demo_desk, name)
    assert not isinstance(refused.value, DatabaseFailed)
    assert demo_desk.failure is None
    new_body(demo_desk, "Audit Committee")
    assert "Audit Committee" in [b.name for b in demo_desk.agenda.bodies()]


def test_a_reader_on_a_damaged_file_says_it_cannot_be_read(
    demo_path: Path, clock: FakeClock
) -> None:
    database = open_database(demo_path)
    try:
        Desk(database, clock).backups.backup_now("test")
    finally:
        database.close()
    damage(demo_path, ["meeting"])
    reader = open_database(demo_path, writer=False)
    try:
        with pytest.raises(DatabaseFailed) as failed:
            Desk(reader, clock).agenda.meetings()
    finally:
        reader.close()
    words = str(failed.value)
    assert words.startswith(f"the database {demo_path} cannot be read: it is damaged")
    assert f"taken {datetime(2022, 3, 14, 13, 25):%d %b %Y %H:%M}" in words


def test_a_deleted_database_is_rescued_whole_and_can_be_put_back(
    demo_path: Path, clock: FakeClock
) -> None:
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        new_body(desk, "Recorded Before")  # acknowledged: it must survive the deletion
        for suffix in ("", "-wal", "-shm"):  # the whole database removed by hand
            demo_path.with_name(demo_path.name + suffix).unlink(missing_ok=True)
        with pytest.raises(DatabaseFailed) as failed:
            new_body(desk)
        words = str(failed.value)
        rescued = sorted(demo_path.parent.glob(f"{demo_path.name}.rescued-*.db"))
        assert len(rescued) == 1
        assert f"Everything recorded up to now is safe in {rescued[0]}" in words
        assert f"restore {rescued[0]}" in words
        assert not demo_path.exists()
    finally:
        database.close()
    result = run_clerk("--db", str(demo_path), "restore", str(rescued[0]), "--yes")
    assert result.returncode == 0, result.stderr
    reopened = open_database(demo_path)
    try:
        names = [b.name for b in Desk(reopened).agenda.bodies()]
    finally:
        reopened.close()
    assert "Recorded Before" in names
    assert "Audit Committee" not in names  # refused, so not there
