"""Files that ``restore`` must not put in place, and files ``demo`` / ``demo --reset`` must not
touch: each gets one line, exit 2, and the data folder exactly as it was — the clerk's database
above all."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from clerk_tui.demo import PANEL
from db import open_database
from db.migrations import CURRENT_VERSION
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

# ---- restore -----------------------------------------------------------------------------
# Each makes, in ``folder`` beside the database ``db``, the file to restore: (path, words).
Made = tuple[Path, str]


def sqlite_file(path: Path, *statements: str) -> Path:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()
    return path


def copy_of(db: Path, folder: Path, name: str = "copy.db") -> Path:
    """A whole copy (its pages in one file, rollback mode), as a backup would be."""
    target = folder / name
    source, copy = sqlite3.connect(db), sqlite3.connect(target)
    source.backup(copy)
    copy.execute("PRAGMA journal_mode=DELETE")
    source.close()
    copy.close()
    return target


def a_wal_file(db: Path, name: str) -> Path:
    """A real -wal holding a change (its writer never checkpointed)."""
    code = (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA journal_mode=WAL')\n"
        "c.execute(\"UPDATE body SET short_name = 'in the wal'\")\n"
        "c.commit()\n"
        "os._exit(0)\n"
    )
    scratch = db.parent.parent / "scratch"
    scratch.mkdir(exist_ok=True)
    shutil.copyfile(db, scratch / "w.db")
    subprocess.run([sys.executable, "-c", code, str(scratch / "w.db")], check=True, timeout=60)
    target = db.parent / name
    shutil.copyfile(scratch / "w.db-wal", target)
    return target


def empty(db: Path, folder: Path) -> Made:
    (folder / "empty.db").write_bytes(b"")
    return folder / "empty.db", "is empty"


def random_bytes(db: Path, folder: Path) -> Made:
    (folder / "noise.db").write_bytes(os.urandom(16384))
    return folder / "noise.db", "not a clerk-tui database"


def text_file(db: Path, folder: Path) -> Made:
    (folder / "minutes.db").write_text("Minutes of the meeting\n" * 300)
    return folder / "minutes.db", "not a clerk-tui database"


def truncated(db: Path, folder: Path) -> Made:
    (folder / "cut.db").write_bytes(copy_of(db, folder).read_bytes()[: 4096 * 3 + 100])
    return folder / "cut.db", "damaged"


def damaged_inside(db: Path, folder: Path) -> Made:
    path = copy_of(db, folder, "inside.db")
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 12] = os.urandom(4096 * 9)  # the header whole, pages scrambled
    path.write_bytes(bytes(data))
    return path, "cannot be restored"


def foreign(db: Path, folder: Path) -> Made:
    path = sqlite_file(
        folder / "other.db", "CREATE TABLE recipe (name TEXT)", "INSERT INTO recipe VALUES ('soup')"
    )
    return path, "not a clerk-tui database"


def same_names_other_columns(db: Path, folder: Path) -> Made:
    path = copy_of(db, folder, "altered.db")
    sqlite_file(path, "ALTER TABLE body DROP COLUMN website")
    return path, "not a clerk-tui database"


def no_records(db: Path, folder: Path) -> Made:
    open_database(folder / "fresh.db").close()
    return folder / "fresh.db", "holds no records"


def newer(db: Path, folder: Path) -> Made:
    path = copy_of(db, folder, "newer.db")
    sqlite_file(path, f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    return path, "newer clerk-tui"


def itself(db: Path, folder: Path) -> Made:
    return db, "is the database itself"


def hard_link(db: Path, folder: Path) -> Made:
    os.link(db, folder / "same.db")
    return folder / "same.db", "is the database itself"


def symbolic_link(db: Path, folder: Path) -> Made:
    (folder / "link.db").symlink_to(db)
    return folder / "link.db", "is the database itself"


def its_wal(db: Path, folder: Path) -> Made:
    return a_wal_file(db, db.name + "-wal"), "-wal file"


def a_wal_renamed(db: Path, folder: Path) -> Made:
    wal = a_wal_file(db, "spare.db")
    return wal, "-wal file"


def a_pipe(db: Path, folder: Path) -> Made:
    os.mkfifo(folder / "pipe.db")
    return folder / "pipe.db", "not an ordinary file"


def a_device(db: Path, folder: Path) -> Made:
    return Path("/dev/zero"), "not an ordinary file"


def a_folder(db: Path, folder: Path) -> Made:
    (folder / "dir.db").mkdir()
    return folder / "dir.db", "is a folder"


def missing(db: Path, folder: Path) -> Made:
    return folder / "never-taken.db", "does not exist"


def dangling(db: Path, folder: Path) -> Made:
    (folder / "gone.db").symlink_to(folder / "deleted.db")
    return folder / "gone.db", "which does not exist"


def loop(db: Path, folder: Path) -> Made:
    (folder / "x.db").symlink_to(folder / "y.db")
    (folder / "y.db").symlink_to(folder / "x.db")
    return folder / "x.db", "loop"


def long_name(db: Path, folder: Path) -> Made:
    return folder / ("b" * 260 + ".db"), "too long"


RESTORE_CASES: dict[str, Callable[[Path, Path], Made]] = {
    "an empty file": empty,
    "random bytes": random_bytes,
    "a text file": text_file,
    "a truncated backup": truncated,
    "a backup damaged inside": damaged_inside,
    "another program's SQLite file": foreign,
    "clerk-tui's table names with other columns": same_names_other_columns,
    "a clerk-tui database with no records": no_records,
    "a newer schema": newer,
    "the database itself": itself,
    "a hard link to the database": hard_link,
    "a symbolic link to the database": symbolic_link,
    "the database's own -wal": its_wal,
    "a -wal under another name": a_wal_renamed,
    "a pipe": a_pipe,
    "a device": a_device,
    "a folder": a_folder,
    "a missing file": missing,
    "a dangling link": dangling,
    "a loop of links": loop,
    "a name over 255 bytes": long_name,
}


@pytest.mark.parametrize("case", RESTORE_CASES)
def test_restore_refuses(case: str, demo_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    backup, words = RESTORE_CASES[case](demo_path, folder)
    before = fingerprint(tmp_path)
    result = run_clerk("--db", str(demo_path), "restore", str(backup), "--yes")
    assert_refused(result, words)
    assert fingerprint(tmp_path) == before
    assert not list(tmp_path.glob("*.replaced-*"))


# ---- demo ---------------------------------------------------------------------------------
def the_clerks_own(folder: Path, demo: Path) -> Path:
    """Records of the clerk's own: the sample panel's rows, but not built as the demo."""
    path = folder / "clerk.db"
    shutil.copyfile(demo, path)
    sqlite_file(path, "PRAGMA application_id = 0", "UPDATE body SET name = 'Audit Committee'")
    return path


def an_unmarked_demo_elsewhere(folder: Path, demo: Path) -> Path:
    """An earlier clerk-tui's demo is recognised only at the default demo path."""
    path = folder / "old-demo.db"
    shutil.copyfile(demo, path)
    sqlite_file(path, "PRAGMA application_id = 0")
    return path


def a_new_clerk_database(folder: Path, demo: Path) -> Path:
    open_database(folder / "clerk.db").close()
    return folder / "clerk.db"


def other_application(folder: Path, demo: Path) -> Path:
    return sqlite_file(folder / "clerk.db", "PRAGMA application_id = 7", "CREATE TABLE t (x)")


def noise(folder: Path, demo: Path) -> Path:
    (folder / "clerk.db").write_bytes(os.urandom(8192))
    return folder / "clerk.db"


def words(folder: Path, demo: Path) -> Path:
    (folder / "notes.db").write_text("the clerk's notes\n")
    return folder / "notes.db"


DEMO_CASES: dict[str, Callable[[Path, Path], Path]] = {
    "the clerk's own database": the_clerks_own,
    "an earlier demo copied elsewhere": an_unmarked_demo_elsewhere,
    "a new clerk-tui database": a_new_clerk_database,
    "another application's database": other_application,
    "random bytes": noise,
    "a text file": words,
}


@pytest.mark.parametrize("reset", [False, True], ids=["demo", "demo --reset"])
@pytest.mark.parametrize("case", DEMO_CASES)
def test_demo_touches_nothing_but_a_demo(
    case: str, reset: bool, demo_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    path = DEMO_CASES[case](folder, demo_path)
    before = fingerprint(folder)
    result = run_clerk("--db", str(path), "demo", *(["--reset"] if reset else []))
    assert_refused(result, "is not a demo database built by clerk-tui", "nothing was changed")
    assert fingerprint(folder) == before


@pytest.mark.parametrize("extra", ["a second body", "another body only"])
@pytest.mark.parametrize("reset", [False, True], ids=["demo", "demo --reset"])
def test_an_unmarked_file_at_the_demo_path_with_other_records_is_not_the_demo(
    extra: str, reset: bool, demo_path: Path, tmp_path: Path
) -> None:
    data = tmp_path / "xdg"
    path = data / "clerk-tui" / "demo.db"
    path.parent.mkdir(parents=True)
    shutil.copyfile(demo_path, path)
    change = (
        f"INSERT INTO body (name, short_name, host_authority, contact_name, contact_email, "
        f"contact_phone, website, quorum, next_minute_number, created_at) SELECT "
        f"'Licensing Committee', '', host_authority, contact_name, contact_email, contact_phone, "
        f"website, quorum, 1, created_at FROM body WHERE name = '{PANEL}'"
        if extra == "a second body"
        else "UPDATE body SET name = 'Licensing Committee'"
    )
    sqlite_file(path, "PRAGMA application_id = 0", change)
    before = fingerprint(data)
    result = run_clerk("demo", *(["--reset"] if reset else []), env={"XDG_DATA_HOME": str(data)})
    assert_refused(result, "is not a demo database built by clerk-tui")
    assert fingerprint(data) == before


@pytest.mark.parametrize("reset", [False, True], ids=["demo", "demo --reset"])
def test_demo_on_odd_paths(reset: bool, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.db")
    (tmp_path / "gone.db").symlink_to(tmp_path / "nowhere.db")
    for path, said in (
        (tmp_path / "pipe.db", "not an ordinary file"),
        (tmp_path / "gone.db", "which does not exist"),
        (tmp_path / ("d" * 300), "too long"),
    ):
        result = run_clerk("--db", str(path), "demo", *(["--reset"] if reset else []))
        assert_refused(result, said)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gone.db", "pipe.db"]
