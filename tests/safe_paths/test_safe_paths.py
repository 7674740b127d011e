"""db.safe_paths, the one guard for every file clerk-tui writes, as functions: what it refuses
(and in which words, on one line) and what it lets through. The temporary files it makes and
what a write killed half-way leaves are in test_safe_paths_temporary."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from db.errors import StorageError
from db.safe_paths import check_name, printable, protect, protected, resolve, safe_target, unprotect


def refused(path: Path | str, *words: str, **options: object) -> str:
    with pytest.raises(StorageError) as caught:
        safe_target(path, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and "\x1b" not in message
    for word in words:
        assert word in message, message
    return message


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
