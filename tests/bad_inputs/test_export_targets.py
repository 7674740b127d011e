"""Every odd ``-o`` of ``clerk-tui export``: the database itself (by name, link, hard link), its
-wal / -shm / lock / journal, a backup, a loop, a dangling link, an unsearchable folder, a
device, a pipe, a socket, a path through a file, a missing folder, names too long or unprintable.
Each is refused in one line, exit 2, with the data folder byte for byte as it was — for the
minutes and for the action tracker, and while the app holds the database open."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from clerk_tui.errors import ClerkError
from clerk_tui.export.atomic import check_target
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

WHATS = {
    "minutes": ("export", "minutes", "2021-11-29", "--format", "md"),
    "actions": ("export", "actions", "--format", "md"),
}


@dataclass(frozen=True)
class Odd:
    output: str
    words: str
    unprivileged: bool = False  # a mode that root would ignore
    still: Callable[[], bool] | None = None  # what must still hold afterwards


def _is_char_device(path: Path) -> Callable[[], bool]:
    return lambda: stat.S_ISCHR(os.stat(path).st_mode)


def _kind(path: Path, test: Callable[[int], bool]) -> Callable[[], bool]:
    return lambda: test(os.lstat(path).st_mode)


def _backup(folder: Path, db: Path) -> Path:
    """A backup as backups/ beside the database holds them: a whole SQLite copy."""
    backups = folder / "backups"
    backups.mkdir(exist_ok=True)
    copy = backups / "clerk-2021-11-29-120000.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def _link(folder: Path, name: str, to: Path | str) -> Path:
    link = folder / name
    link.symlink_to(to)
    return link


def _hard_link(to: Path, link: Path) -> Path:
    os.link(to, link)
    return link


def _folder(folder: Path, name: str) -> Path:
    (folder / name).mkdir()
    return folder / name


def _locked(folder: Path, name: str, mode: int) -> Path:
    locked = folder / name
    locked.mkdir()
    locked.chmod(mode)
    return locked


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.md")
    return folder / "pipe.md"


def _device(folder: Path) -> Path:
    node = folder / "null.md"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD")
    return node


def _socket(folder: Path) -> Path:
    path = folder / "socket.md"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the name stays, a socket that nothing answers
    return path


def _orphan_wal(folder: Path, db: Path) -> Path:
    """The -wal of a database no longer beside it: its last pages, nowhere else."""
    wal = folder / "old.db-wal"
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 28)
    return wal


def _file_as_folder(folder: Path) -> Path:
    (folder / "notes.txt").write_text("notes")
    return folder / "notes.txt" / "x.md"


CASES: dict[str, Callable[[Path, Path], Odd]] = {
    "the database": lambda f, db: Odd(str(db), "it is the database in use"),
    "a symlink to the database": lambda f, db: Odd(
        str(_link(f, "minutes.md", db)), "it is the database in use"
    ),
    "a symlink to a symlink to the database": lambda f, db: Odd(
        str(_link(f, "b.md", _link(f, "a.md", db))), "it is the database in use"
    ),
    "a hard link to the database": lambda f, db: Odd(
        str(_hard_link(db, f / "minutes.md")), "it is the database in use"
    ),
    "the database through ../": lambda f, db: Odd(
        str(_folder(f, "sub") / ".." / db.name), "it is the database in use"
    ),
    "its -wal": lambda f, db: Odd(f"{db}-wal", "the database's -wal file"),
    "its -shm": lambda f, db: Odd(f"{db}-shm", "the database's -shm file"),
    "its -journal": lambda f, db: Odd(f"{db}-journal", "the database's -journal file"),
    "its lock file": lambda f, db: Odd(f"{db}.lock", "the database's .lock file"),
    "a symlink to its -wal": lambda f, db: Odd(
        # Dangling while nothing has the database open; the -wal itself while the app does.
        str(_link(f, "w.md", f"{db}-wal")),
        "-wal",
    ),
    "a backup of it": lambda f, db: Odd(str(_backup(f, db)), "it is a database"),
    "a symlink to a backup": lambda f, db: Odd(
        str(_link(f, "b.md", _backup(f, db))), "it is a database"
    ),
    "another SQLite file": lambda f, db: Odd(
        str(shutil.copyfile(db, f / "other.md")), "it is a database"
    ),
    "the -wal of a database that is gone": lambda f, db: Odd(
        str(_orphan_wal(f, db)), "it is a database"
    ),
    "a symlink loop": lambda f, db: Odd(
        str(_link(f, "loop.md", f / "loop.md")), "go round in a loop"
    ),
    "a folder that is a symlink loop": lambda f, db: Odd(
        str(_link(f, "round", f / "round") / "x.md"), "go round in a loop"
    ),
    "a dangling symlink": lambda f, db: Odd(
        str(_link(f, "gone.md", f / "nowhere.md")), "which does not exist"
    ),
    "a folder without search permission": lambda f, db: Odd(
        str(_locked(f, "noexec", 0o600) / "x.md"), "permission denied", unprivileged=True
    ),
    "a folder without write permission": lambda f, db: Odd(
        str(_locked(f, "readonly", 0o500) / "x.md"), "is not writable", unprivileged=True
    ),
    "/dev/null": lambda f, db: Odd(
        "/dev/null", "not an ordinary file", still=_is_char_device(Path("/dev/null"))
    ),
    "a symlink to /dev/null": lambda f, db: Odd(
        str(_link(f, "n.md", "/dev/null")),
        "not an ordinary file",
        still=_is_char_device(Path("/dev/null")),
    ),
    "a device node": lambda f, db: Odd(
        str(node := _device(f)), "not an ordinary file", still=_is_char_device(node)
    ),
    "a FIFO": lambda f, db: Odd(
        str(pipe := _fifo(f)), "not an ordinary file", still=_kind(pipe, stat.S_ISFIFO)
    ),
    "a socket": lambda f, db: Odd(
        str(sock := _socket(f)), "not an ordinary file", still=_kind(sock, stat.S_ISSOCK)
    ),
    "a path through a file": lambda f, db: Odd(str(_file_as_folder(f)), "is a file, not a folder"),
    "a missing folder": lambda f, db: Odd(str(f / "no-such-folder" / "x.md"), "does not exist"),
    "a name over 255 bytes": lambda f, db: Odd(str(f / ("m" * 300 + ".md")), "is too long"),
    "a name of 128 two-byte letters": lambda f, db: Odd(
        str(f / ("é" * 128 + ".md")), "is too long (259 bytes"
    ),
    "a folder name over 255 bytes": lambda f, db: Odd(str(f / ("d" * 256) / "x.md"), "is too long"),
    "a path over 4,096 bytes": lambda f, db: Odd(
        str(f / "/".join(["d" * 200] * 21) / "x.md"), "is too long"
    ),
    "a newline in a missing folder's name": lambda f, db: Odd(
        str(f / "two\nlines" / "x.md"), "two\\x0alines"
    ),
    "an escape sequence in a missing folder's name": lambda f, db: Odd(
        str(f / "\x1b[2J\x1b[31mred" / "x.md"), "\\x1b[2J"
    ),
    # minutes: "the file name is empty"; actions: "." is a folder. Refused, either way.
    "an empty name": lambda f, db: Odd("", ""),
}


@pytest.fixture
def data(tmp_path: Path, demo_path: Path) -> Path:
    """A data folder with the clerk's database in it (the demo's records)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(demo_path, folder / "clerk.db")
    return folder


@pytest.fixture(autouse=True)
def _the_machines_dev_null() -> Iterator[None]:
    """Should the guard ever let /dev/null through, put the machine's node back (and fail)."""
    yield
    if not stat.S_ISCHR(os.lstat("/dev/null").st_mode):
        os.unlink("/dev/null")
        os.mknod("/dev/null", stat.S_IFCHR | 0o666, os.makedev(1, 3))
        os.chmod("/dev/null", 0o666)
        pytest.fail("/dev/null was replaced by a regular file (put back)")


def _gate_system_paths(output: str) -> None:
    """A node outside the test's folder is only handed to the command line once the same
    guard, asked here first, refuses it: a broken guard fails here, not on the machine."""
    if not os.path.realpath(output).startswith("/dev/"):
        return
    with pytest.raises(ClerkError, match="not an ordinary file"):
        check_target(output)


def _refused_without_a_trace(
    data: Path, what: str, case: str, exclude: tuple[str, ...] = ()
) -> None:
    db = data / "clerk.db"
    odd = CASES[case](data, db)
    _gate_system_paths(odd.output)
    before = fingerprint(data)
    result = run_clerk(
        "--db", str(db), *WHATS[what], "-o", odd.output, unprivileged=odd.unprivileged
    )
    after = fingerprint(data)
    assert_refused(result, odd.words)
    assert "\x1b" not in result.stderr
    for name in exclude:
        before.pop(name, None)
        after.pop(name, None)
    assert after == before
    if odd.still is not None:
        assert odd.still()


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("what", WHATS)
def test_odd_output_is_refused_in_one_line(data: Path, what: str, case: str) -> None:
    _refused_without_a_trace(data, what, case)


@pytest.fixture
def app_holding(data: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the database open for writing, as the running app has it."""
    script = (
        "import sys\n"
        "from db import open_database\n"
        "database = open_database(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
        "database.close()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(data / "clerk.db")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "ready"
    assert (data / "clerk.db.lock").exists()
    yield holder
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=60)


HELD = [
    "the database",
    "a symlink to the database",
    "a hard link to the database",
    "its -wal",
    "its -shm",
    "its lock file",
    "a symlink to its -wal",
]


@pytest.mark.usefixtures("app_holding")
@pytest.mark.parametrize("case", HELD)
@pytest.mark.parametrize("what", WHATS)
def test_refused_while_the_app_has_the_database_open(data: Path, what: str, case: str) -> None:
    # -shm is SQLite's shared memory, not records: a reader may note itself there.
    _refused_without_a_trace(data, what, case, exclude=("clerk.db-shm",))


def test_the_issue_as_reported_relative_names(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """clerk-tui --db clerk.db export minutes 2021-11-29 --format md -o clerk.db"""
    monkeypatch.chdir(data)
    before = fingerprint(data)
    result = run_clerk(
        "--db", "clerk.db", "export", "minutes", "2021-11-29", "--format", "md", "-o", "clerk.db"
    )
    assert_refused(result, "cannot write over clerk.db: it is the database in use")
    assert fingerprint(data) == before


# ---- what still works -------------------------------------------------------------------
def test_a_folder_given_gets_the_file_inside(data: Path) -> None:
    out = data / "out"
    out.mkdir()
    result = run_clerk("--db", str(data / "clerk.db"), *WHATS["minutes"], "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = out / "Panel-2021-11-29-minutes.md"
    assert result.stdout.strip() == str(written)
    assert written.read_text(encoding="utf-8").startswith("**DRAFT**")


def test_a_symlink_to_an_export_writes_through_it(data: Path) -> None:
    real = data / "real.md"
    real.write_text("old")
    link = _link(data, "link.md", real)
    result = run_clerk("--db", str(data / "clerk.db"), *WHATS["actions"], "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink()
    assert "old" not in real.read_text(encoding="utf-8")
    assert not [p for p in data.iterdir() if p.name.endswith(".tmp")]
