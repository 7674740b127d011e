"""One writer per database (db.lock): the lock file is never followed through a link or written
through a second name, and a second writer is refused — naming the holder — even when the lock
file has been deleted, because the first also holds a lock on the database file itself."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from db import StorageError, open_database
from db.backup import take_backup
from db.maintenance import remove_database, restore_database
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

HOLDER = """
import sys
from db import open_database
database = open_database(sys.argv[1])
if len(sys.argv) > 2:
    # Open and close another descriptor of the file, as a backup's header check or any
    # library would: a plain POSIX lock would be dropped by this; the OFD lock is not.
    import os
    os.close(os.open(sys.argv[1], os.O_RDONLY))
print("held", flush=True)
sys.stdin.readline()
database.close()
"""


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def holder(demo_path: Path, request: pytest.FixtureRequest) -> Iterator[subprocess.Popen[str]]:
    """A child process that opens the demo as its writer and waits (until its stdin closes)."""
    extra = ["close-another-descriptor"] if getattr(request, "param", False) else []
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_path), *extra],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    yield child
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=60)


def lock_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def test_a_lock_file_that_is_a_link_is_refused_and_its_target_untouched(
    demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("the clerk's notes\n")
    lock_of(demo_path).symlink_to(target)
    before = fingerprint(demo_path.parent)
    with pytest.raises(StorageError, match="is a symbolic link: clerk-tui never follows it"):
        open_database(demo_path)
    assert target.read_text() == "the clerk's notes\n"
    assert lock_of(demo_path).is_symlink()
    assert fingerprint(demo_path.parent) == before


def test_a_dangling_lock_link_creates_nothing_at_its_target(
    demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "would-be-created"
    lock_of(demo_path).symlink_to(target)
    result = run_clerk("--db", str(demo_path), "backup", str(tmp_path / "b.db"))
    assert result.returncode == 0  # a backup takes no lock: the link is not its business
    result = run_clerk("--db", str(demo_path))
    assert_refused(result, "symbolic link")
    assert not os.path.lexists(target)


def test_a_lock_file_that_is_a_second_name_of_another_file_is_refused(
    demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("not a lock\n")
    os.link(other, lock_of(demo_path))
    with pytest.raises(StorageError, match="second name of another file"):
        open_database(demo_path)
    assert other.read_text() == "not a lock\n"


def test_a_lock_file_that_is_a_pipe_is_refused_without_hanging(demo_path: Path) -> None:
    os.mkfifo(lock_of(demo_path))
    result = run_clerk("--db", str(demo_path))
    assert_refused(result, "lock file", "not an ordinary file")


def test_a_second_writer_is_refused_naming_the_holder(
    demo_path: Path, holder: subprocess.Popen[str]
) -> None:
    before = fingerprint(demo_path.parent)
    result = run_clerk("--db", str(demo_path))
    assert_refused(result, "in use by another copy of clerk-tui", f"process {holder.pid}")
    assert fingerprint(demo_path.parent) == before


def test_deleting_the_lock_file_lets_no_second_writer_in(
    demo_path: Path, holder: subprocess.Popen[str]
) -> None:
    lock_of(demo_path).unlink()
    before = fingerprint(demo_path.parent)
    with pytest.raises(
        StorageError, match=f"in use by another copy of clerk-tui .process {holder.pid}"
    ):
        open_database(demo_path)
    result = run_clerk("--db", str(demo_path))
    assert_refused(result, "in use by another copy of clerk-tui", f"process {holder.pid}")
    assert fingerprint(demo_path.parent) == before  # no lock file left behind by the refused
    assert not lock_of(demo_path).exists()


@pytest.mark.parametrize("holder", [True], indirect=True)
def test_the_holder_keeps_its_lock_when_another_descriptor_of_the_file_is_closed(
    demo_path: Path, holder: subprocess.Popen[str]
) -> None:
    lock_of(demo_path).unlink()
    with pytest.raises(StorageError, match=f"process {holder.pid}"):
        open_database(demo_path)


def test_restore_and_demo_reset_are_refused_while_held_even_without_the_lock_file(
    demo_path: Path, holder: subprocess.Popen[str]
) -> None:
    backup = take_backup(demo_path, datetime(2022, 3, 14, 9, 0))
    lock_of(demo_path).unlink()
    before = sha(demo_path)
    with pytest.raises(StorageError, match="in use by another copy"):
        restore_database(demo_path, backup, datetime(2022, 3, 14, 10, 0))
    with pytest.raises(StorageError, match="in use by another copy"):
        remove_database(demo_path)
    assert sha(demo_path) == before
    assert not list(demo_path.parent.glob("*.replaced-*"))


def test_once_the_holder_has_gone_the_file_opens_again(demo_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(demo_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    lock_of(demo_path).unlink()
    child.kill()  # no clean end: its locks die with it
    child.wait(timeout=60)
    database = open_database(demo_path)
    try:
        assert lock_of(demo_path).read_text().split()[0] == str(os.getpid())
    finally:
        database.close()
    assert not lock_of(demo_path).exists()


def test_a_refused_open_keeps_a_stale_lock_file(tmp_path: Path) -> None:
    """An unclean end's lock file still tells the next start to check the file, even when an
    open in between was refused for another reason."""
    path = tmp_path / "clerk.db"
    path.write_bytes(os.urandom(8192))
    lock_of(path).write_text("12345 elsewhere\n")
    with pytest.raises(StorageError, match="not a clerk-tui database"):
        open_database(path)
    assert lock_of(path).read_text() == "12345 elsewhere\n"
