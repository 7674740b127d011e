"""db.safe_paths, the one guard for every file clerk-tui writes, as functions: what it refuses
(and in which words, on one line), what it lets through, the temporary files it makes, and
what a write killed half-way leaves — removed at the next start."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import open_database, safe_paths
from db.errors import StorageError
from db.safe_paths import (
    JOURNAL_FOLDER,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    check_name,
    printable,
    protect,
    protected,
    remove_leftovers,
    resolve,
    safe_target,
    temporary_beside,
    unprotect,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    """A clerk-tui database open in this process, as the app (or an export) has it."""
    path = tmp_path / "clerk.db"
    database = open_database(path)
    yield path
    database.close()


def refused(path: Path | str, *words: str, **options: object) -> str:
    with pytest.raises(StorageError) as caught:
        safe_target(path, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "\x1b" not in message
    for word in words:
        assert word in message, message
    return message


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(TEMP_PREFIX))


# ---- what it lets through --------------------------------------------------------------------
def test_a_new_name_in_a_writable_folder(tmp_path: Path) -> None:
    assert safe_target(tmp_path / "minutes.md") == tmp_path.resolve() / "minutes.md"


def test_an_ordinary_file_and_a_link_to_one(tmp_path: Path) -> None:
    real = tmp_path / "minutes.md"
    real.write_text("old")
    (tmp_path / "link.md").symlink_to(real)
    assert safe_target(real) == real.resolve()
    assert safe_target(tmp_path / "link.md") == real.resolve()


def test_a_relative_name_is_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert safe_target("m.md") == tmp_path.resolve() / "m.md"


# ---- the clerk's records -------------------------------------------------------------------
def test_open_databases_register_themselves(db: Path) -> None:
    assert db.resolve() in protected()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal", ".lock"])
def test_the_database_and_each_companion_by_name(db: Path, suffix: str) -> None:
    kind = "the database in use" if not suffix else f"the database's {suffix} file"
    refused(f"{db}{suffix}", kind, what="the export")


def test_the_database_by_a_hard_link_a_symlink_and_a_detour(db: Path) -> None:
    os.link(db, db.parent / "minutes.md")
    (db.parent / "link.md").symlink_to(db)
    (db.parent / "sub").mkdir()
    refused(db.parent / "minutes.md", "it is the database in use")
    refused(db.parent / "link.md", "it is the database in use")
    refused(db.parent / "sub" / ".." / "clerk.db", "it is the database in use")


def test_a_hard_link_to_the_wal_by_inode(db: Path, tmp_path: Path) -> None:
    wal = Path(f"{db}-wal")
    wal.touch()
    os.link(wal, tmp_path / "notes.md")
    refused(tmp_path / "notes.md", "the database's -wal file")


def test_a_closed_database_is_still_an_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    assert path.resolve() not in protected()
    refused(path, "it is a database", "never writes over a database")
    refused(f"{path}-wal", "it belongs to the database")


def test_a_wal_whose_database_is_gone(tmp_path: Path) -> None:
    wal = tmp_path / "gone.db-wal"
    wal.write_bytes(b"\x37\x7f\x06\x83" + bytes(28))
    refused(wal, "it is a database")


def test_protect_unprotect_and_also_protect(tmp_path: Path) -> None:
    path = tmp_path / "new.db"  # not made yet: only its name can be protected
    safe_target(path)
    protect(path)
    try:
        refused(path, "the database in use")
        refused(f"{path}-shm", "-shm file")
    finally:
        unprotect(path)
    safe_target(path)
    refused(f"{path}.lock", ".lock file", also_protect=[path])


# ---- what is not an ordinary file ----------------------------------------------------------
def test_a_folder(tmp_path: Path) -> None:
    refused(tmp_path, "it is a folder")


def test_devices_pipes_sockets(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    server.close()
    for path in ("/dev/null", "/dev/zero", tmp_path / "pipe", tmp_path / "sock"):
        refused(path, "not an ordinary file")
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)


def test_a_device_node_made_here(tmp_path: Path) -> None:
    try:
        os.mknod(tmp_path / "node", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD")
    refused(tmp_path / "node", "not an ordinary file")


# ---- paths that lead nowhere ----------------------------------------------------------------
def test_links_that_lead_nowhere(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    refused(tmp_path / "loop", "its links go round in a loop")
    refused(tmp_path / "loop" / "x.md", "its links go round in a loop")
    refused(tmp_path / "gone", "it is a link to", "which does not exist")


def test_folders_that_are_missing_or_files(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "x.md"
    assert refused(missing, what="") == (
        f"cannot write {missing}: the folder {missing.parent} does not exist"
    )
    (tmp_path / "notes.txt").write_text("")
    refused(tmp_path / "notes.txt" / "x.md", "is a file, not a folder")
    refused(tmp_path / "notes.txt" / "deeper" / "x.md", "is a file, not a folder")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("m" * 256, "is too long (256 bytes"),
        ("é" * 128, "is too long (256 bytes"),
        ("a\x00b", "contains a NUL character"),
        ("lone \ud800 surrogate", "no file name can hold"),
    ],
    ids=["256 bytes", "128 two-byte letters", "NUL", "lone surrogate"],
)
def test_names_no_file_system_holds(tmp_path: Path, name: str, words: str) -> None:
    refused(tmp_path / name, words)
    with pytest.raises(StorageError, match=words.replace("(", r"\(")):
        check_name(tmp_path / name)


def test_a_name_of_255_bytes_is_allowed_and_a_path_of_4096_is_not(tmp_path: Path) -> None:
    check_name(tmp_path / ("m" * 255))
    with pytest.raises(StorageError, match="is too long"):
        check_name(tmp_path.joinpath(*["d" * 200] * 21))


def test_resolve_follows_links_and_keeps_a_new_name(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "via").symlink_to(tmp_path / "real")
    assert resolve(tmp_path / "via" / "new.md") == (tmp_path / "real").resolve() / "new.md"


def test_control_characters_are_shown_not_sent(tmp_path: Path) -> None:
    assert printable("a\nb\x1b[2J\u202ec") == "a\\x0ab\\x1b[2J\\u202ec"
    message = refused(tmp_path / "two\nlines" / "x.md", "two\\x0alines", "does not exist")
    assert "\n" not in message


def test_an_unwritable_folder_is_refused_where_modes_count(tmp_path: Path) -> None:
    """os.access as a process without the capability that lets root write anywhere."""
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    script = (
        "import sys\n"
        "from db.errors import StorageError\n"
        "from db.safe_paths import safe_target\n"
        "try:\n"
        "    safe_target(sys.argv[1])\n"
        "except StorageError as error:\n"
        "    print(error)\n"
    )
    from tests.bad_inputs.corpus import WITHOUT_OVERRIDE

    prefix = WITHOUT_OVERRIDE if os.geteuid() == 0 else []
    result = subprocess.run(
        [*prefix, sys.executable, "-c", script, str(folder / "x.md")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "is not writable" in result.stdout, result.stderr


# ---- temporary files -------------------------------------------------------------------------
def test_a_temporary_file_is_new_private_noted_and_gone_after(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    journal = db.parent / JOURNAL_FOLDER
    with temporary_beside(out / "minutes.md") as temp:
        assert temp.parent == out
        assert temp.name.startswith(TEMP_PREFIX) and temp.name.endswith(TEMP_SUFFIX)
        assert stat.S_IMODE(temp.stat().st_mode) == 0o600
        assert temp.read_bytes() == b""
        notes = list(journal.iterdir())
        assert [os.fsdecode(n.read_bytes()) for n in notes] == [str(temp)]
    assert not temp.exists()
    assert not journal.exists()  # the journal goes when it is empty


def test_a_temporary_name_fits_whatever_the_target_name(tmp_path: Path) -> None:
    target = tmp_path / ("é" * 127 + ".")  # 255 bytes
    with temporary_beside(target) as temp:
        assert len(os.fsencode(temp.name)) <= 255
        assert temp.exists()


def test_a_running_writers_temporary_file_is_kept(db: Path, tmp_path: Path) -> None:
    with temporary_beside(tmp_path / "m.md") as temp:
        assert remove_leftovers(db) == []
        assert temp.exists()


def test_an_hour_old_note_is_a_dead_writers_even_under_a_live_number(
    db: Path, tmp_path: Path
) -> None:
    with temporary_beside(tmp_path / "m.md") as temp:
        (note,) = (db.parent / JOURNAL_FOLDER).iterdir()
        old = time.time() - 2 * 3_600
        os.utime(note, (old, old))
        assert remove_leftovers(db) == [temp]
        assert not temp.exists()


def test_stale_temporary_files_in_the_folders_given(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    stale = folder / f"{TEMP_PREFIX}x.1234{TEMP_SUFFIX}"
    fresh = folder / f"{TEMP_PREFIX}y.5678{TEMP_SUFFIX}"
    kept = folder / "clerk-2022-03-14.db"
    for path in (stale, fresh, kept):
        path.write_bytes(b"x")
    old = time.time() - 2 * 3_600
    os.utime(stale, (old, old))
    os.utime(kept, (old, old))
    link = folder / f"{TEMP_PREFIX}link.1{TEMP_SUFFIX}"
    link.symlink_to(kept)
    assert remove_leftovers(tmp_path / "clerk.db", [folder]) == [stale]
    assert fresh.exists() and kept.exists() and link.is_symlink()


# ---- a write killed half-way -----------------------------------------------------------------
KILLED_MID_WRITE = """
import os, sys
from pathlib import Path
from db import open_database
from db.safe_paths import temporary_beside

database = open_database(sys.argv[1], writer=False)  # as an export opens it
with temporary_beside(Path(sys.argv[2])) as temp:
    with open(temp, "wb") as handle:
        handle.write(b"half of the minutes")
        handle.flush()
        print(temp, flush=True)
        sys.stdin.read()  # killed here
"""

KILLED_IN_WRITE_ATOMIC = """
import os, sys
from db import open_database
from clerk_tui.export import atomic

database = open_database(sys.argv[1], writer=False)

def stuck(fd):
    print("writing", flush=True)
    sys.stdin.read()  # killed during the fsync

atomic.os.fsync = stuck
atomic.write_atomic(sys.argv[2], b"the new minutes")
"""


def killed_child(script: str, db: Path, target: Path) -> str:
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(db), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    said = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    assert child.wait(timeout=60) == -signal.SIGKILL
    return said


@pytest.fixture
def closed_db(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "clerk.db"
    path.parent.mkdir()
    open_database(path).close()
    return path


def test_a_killed_write_is_removed_by_remove_leftovers(closed_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "Documents"
    out.mkdir()
    temp = Path(killed_child(KILLED_MID_WRITE, closed_db, out / "minutes.md"))
    assert temp.read_bytes() == b"half of the minutes"  # the kill left it
    assert list((closed_db.parent / JOURNAL_FOLDER).iterdir())
    assert remove_leftovers(closed_db) == [temp]
    assert temps(out) == []
    assert not (closed_db.parent / JOURNAL_FOLDER).exists()


def test_a_killed_export_is_removed_at_the_next_start(closed_db: Path, tmp_path: Path) -> None:
    """The export killed inside write_atomic; the next start (open_database) tidies up."""
    out = tmp_path / "Documents"
    out.mkdir()
    target = out / "minutes.md"
    target.write_bytes(b"the old minutes")
    assert killed_child(KILLED_IN_WRITE_ATOMIC, closed_db, target) == "writing"
    (left,) = temps(out)
    assert left.read_bytes() == b"the new minutes"
    assert target.read_bytes() == b"the old minutes"  # never half-written
    database = open_database(closed_db)
    try:
        assert temps(out) == []
        assert not (closed_db.parent / JOURNAL_FOLDER).exists()
    finally:
        database.close()
    assert target.read_bytes() == b"the old minutes"


def test_guard_keeps_its_signatures() -> None:
    """Another engineer's backups, restore, demo and lock import these: they stay callable so."""
    import inspect

    assert list(inspect.signature(safe_paths.safe_target).parameters) == [
        "path",
        "what",
        "also_protect",
    ]
    assert list(inspect.signature(safe_paths.remove_leftovers).parameters) == [
        "db_path",
        "folders",
    ]
    assert list(inspect.signature(safe_paths.temporary_beside).parameters) == ["target"]


def test_only_notes_are_read_from_the_journal(db: Path, tmp_path: Path) -> None:
    """A file that is not a note (a clerk's export written into the journal folder) stays."""
    journal = db.parent / JOURNAL_FOLDER
    journal.mkdir()
    stranger = journal / "minutes.md"
    stranger.write_text(str(tmp_path / f"{TEMP_PREFIX}x.1{TEMP_SUFFIX}"))
    assert remove_leftovers(db) == []
    assert stranger.exists()
