"""Databases beside each other (clerk.db, clerk.sqlite, clerk, clerk.db.old...) share one
backups/ folder and nothing else: each one's backups are named for its whole file name, and
its rotation, ``backup --list`` and the damaged-database offer see its own backups only. The
names a ``.db`` database's backups have always had are still its own."""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.backup import (
    KEEP_LAST,
    backup_name,
    default_backup_dir,
    list_backups,
    newest_good_backup,
    take_backup,
)
from tests.bad_inputs.corpus import fingerprint, run_clerk

MORNING = datetime(2022, 3, 14, 9, 0)
# Every one of these beside the others, each with its own backups.
NAMES = (
    "clerk.db",
    "clerk.sqlite",
    "clerk",
    "clerk.db.old",
    "clerk.DB",
    "clerk-20220314-090000.db",
    "clerk-x.db",
    ".db",
)


@pytest.fixture
def beside(demo_path: Path, tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "stem"
    folder.mkdir()
    return {name: Path(shutil.copyfile(demo_path, folder / name)) for name in NAMES}


def test_the_names_as_they_were_for_a_db_file_and_whole_for_the_rest() -> None:
    assert backup_name(Path("clerk.db"), MORNING) == "clerk-20220314-090000.db"
    assert backup_name(Path("clerk.db"), MORNING, "closed") == "clerk-20220314-090000-closed.db"
    assert backup_name(Path("clerk.sqlite"), MORNING) == "clerk.sqlite.20220314-090000.db"
    assert backup_name(Path("clerk.db.old"), MORNING) == "clerk.db.old.20220314-090000.db"
    assert backup_name(Path("clerk"), MORNING, "daily") == "clerk.20220314-090000-daily.db"


def test_each_database_lists_its_own_backups_only(beside: dict[str, Path]) -> None:
    taken: dict[str, Path] = {}
    for n, (name, db) in enumerate(beside.items()):
        taken[name] = take_backup(db, MORNING + timedelta(minutes=n), "closed")
    for name, db in beside.items():
        assert [b.path for b in list_backups(db)] == [taken[name]], name


def test_rotating_one_database_never_deletes_anothers(beside: dict[str, Path]) -> None:
    """The issue as found: three backups of clerk.db, then ten of clerk.sqlite beside it."""
    db, other = beside["clerk.db"], beside["clerk.sqlite"]
    mine = [take_backup(db, MORNING + timedelta(seconds=n)) for n in range(3)]
    later = MORNING + timedelta(days=1)
    others = [take_backup(other, later + timedelta(seconds=n)) for n in range(KEEP_LAST + 3)]
    assert all(p.exists() for p in mine)
    assert sorted(b.path for b in list_backups(db)) == sorted(mine)
    # clerk.sqlite's own rotation still works: its last ten, and the newest of its day.
    assert len(list_backups(other)) == KEEP_LAST
    assert list_backups(other)[0].path == others[-1]


@pytest.mark.parametrize("name", [n for n in NAMES if n != "clerk.db"])
def test_no_backup_of_another_database_is_clerk_dbs(beside: dict[str, Path], name: str) -> None:
    take_backup(beside[name], MORNING)
    take_backup(beside[name], MORNING, "closed")
    take_backup(beside[name], MORNING)  # the same second: -2
    assert list_backups(beside["clerk.db"]) == []


def test_backups_named_before_are_still_recognised(demo_path: Path, tmp_path: Path) -> None:
    db = Path(shutil.copyfile(demo_path, tmp_path / "clerk.db"))
    folder = default_backup_dir(db)
    folder.mkdir()
    old = ["clerk-20220301-090000.db", "clerk-20220302-090000-closed.db"]
    old += ["clerk-20220303-090000-before-v3.db", "clerk-20220303-090000-2.db"]
    for name in old:
        shutil.copyfile(demo_path, folder / name)
    found = {b.path.name: b.reason for b in list_backups(db)}
    assert found == {old[0]: "", old[1]: "closed", old[2]: "before-v3", old[3]: "2"}


def test_names_that_only_look_like_backups_are_left_alone(demo_path: Path, tmp_path: Path) -> None:
    db = Path(shutil.copyfile(demo_path, tmp_path / "clerk.db"))
    folder = default_backup_dir(db)
    folder.mkdir()
    odd = ["clerk-20221399-250000.db", "clerk-20220314-090000.sqlite", "clerk-2022031-090000.db"]
    odd += ["clerk-٢٠٢٢٠٣١٤-090000.db", "clerk-20220314-090000-.db", "clerk-20220314-090000"]
    for name in odd:
        shutil.copyfile(demo_path, folder / name)
    assert list_backups(db) == []
    before = fingerprint(folder)
    take_backup(db, datetime(2022, 6, 1, 9, 0))  # a rotation: it deletes nothing of these
    assert {k: v for k, v in fingerprint(folder).items() if k in odd} == before


def test_the_second_backup_of_a_second_is_the_newer(demo_path: Path) -> None:
    first = take_backup(demo_path, MORNING)
    second = take_backup(demo_path, MORNING)
    third = take_backup(demo_path, MORNING)
    assert [b.path for b in list_backups(demo_path)] == [third, second, first]
    assert second.name.endswith("-2.db") and third.name.endswith("-3.db")


def test_a_damaged_database_is_offered_its_own_backup(beside: dict[str, Path]) -> None:
    db = beside["clerk.db"]
    own = take_backup(db, MORNING)
    newer = take_backup(beside["clerk.sqlite"], MORNING + timedelta(days=1))
    take_backup(beside["clerk"], MORNING + timedelta(days=2))
    backup = newest_good_backup(db)
    assert backup is not None and backup.path == own
    data = db.read_bytes()
    db.write_bytes(data[:100] + os.urandom(len(data) - 100))
    result = run_clerk("--db", str(db), "export", "actions", "--format", "csv", "-o", "x.csv")
    assert result.returncode == 2
    assert f"clerk-tui restore {own}" in result.stderr
    assert str(newer) not in result.stderr


def test_backup_list_shows_this_databases_backups_only(beside: dict[str, Path]) -> None:
    db = beside["clerk.db"]
    own = take_backup(db, MORNING)
    for name in ("clerk.sqlite", "clerk", "clerk.db.old"):
        take_backup(beside[name], MORNING + timedelta(hours=1))
    result = run_clerk("--db", str(db), "backup", "--list")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [
        line for line in result.stdout.strip().splitlines() if str(own) in line
    ]
    assert len(result.stdout.strip().splitlines()) == 1
    other = run_clerk("--db", str(beside["clerk.sqlite"]), "backup", "--list")
    assert str(own) not in other.stdout and len(other.stdout.strip().splitlines()) == 1


def test_the_command_line_backups_of_one_keep_the_others(beside: dict[str, Path]) -> None:
    """More than ten command-line backups of clerk.sqlite: clerk.db's three stay."""
    db = beside["clerk.db"]
    mine = [take_backup(db, MORNING + timedelta(seconds=n)) for n in range(3)]
    for _ in range(KEEP_LAST + 1):
        result = run_clerk("--db", str(beside["clerk.sqlite"]), "backup")
        assert result.returncode == 0, result.stderr
    assert all(p.exists() for p in mine)
    assert len(list_backups(beside["clerk.sqlite"])) == KEEP_LAST


# ---- any two file names: the backups of one are never the other's ---------------------------
PARTS = ["clerk", ".", "-", "db", "sqlite", "20220314", "090000", "2", "x", "closed"]
A_NAME = st.lists(st.sampled_from(PARTS), min_size=1, max_size=6).map("".join)
REASONS = st.sampled_from(["", "closed", "daily", "before-v3", "2", "closed-2", "daily-3"])


@settings(max_examples=300, deadline=None)
@given(st.lists(A_NAME, min_size=2, max_size=4, unique=True), REASONS, REASONS)
def test_no_two_names_share_a_backup(names: list[str], reason: str, other_reason: str) -> None:
    names = [n for n in names if n not in (".", "..") and "/" not in n]
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        made: dict[str, set[str]] = {}
        for name in names:
            made[name] = {
                backup_name(Path(name), MORNING, reason),
                backup_name(Path(name), MORNING + timedelta(days=400), other_reason),
            }
            for backup in made[name]:
                (folder / backup).touch()
        every = [backup for made_of_one in made.values() for backup in made_of_one]
        assert len(every) == len(set(every)), "two databases' backups have the same name"
        for name in names:
            found = {b.path.name for b in list_backups(Path(name), folder)}
            assert found == made[name], (name, found)
