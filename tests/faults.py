"""Real faults for real SQLite files: pages of a database overwritten with garbage as a failing
disk leaves them, and a small disk that fills up (a tmpfs, where the tests run as root)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

# Not a b-tree page of any kind (0xA5 is no page type), so SQLite calls it malformed.
GARBAGE = b"\xa5"


def damage(path: Path, tables: Iterable[str] = ()) -> list[int]:
    """Overwrite every page of ``tables`` (and of their indexes; every table when none is
    named) in the database file with garbage; the schema's own pages are left, so the file
    still opens and the damage is met by the first statement that reads those pages. Whatever
    the write-ahead log held is first put into the file, so the damage is what SQLite reads.
    Returns the page numbers overwritten."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        assert busy == 0, "the app held a transaction open while the test damaged the file"
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        names = list(tables) or [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        marks = ", ".join("?" for _ in names)
        objects = [
            name
            for (name,) in connection.execute(
                f"SELECT name FROM sqlite_master WHERE rootpage > 0 AND tbl_name IN ({marks})",
                names,
            )
        ]
        pages = sorted(
            {
                page
                for name in objects
                for (page,) in connection.execute(
                    "SELECT pageno FROM dbstat WHERE name = ?", (name,)
                )
            }
        )
    assert pages, f"no pages found for {names}"
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(GARBAGE * page_size)
        handle.flush()
        os.fsync(handle.fileno())
    return pages


def read_again(path: Path) -> None:
    """Make a running app read the file from the disk again, as it does after any other
    program commits to it. In WAL mode SQLite keeps the pages it has read in memory for as long
    as nobody else commits, so damage under a connection that has read everything would go
    unseen until the app next started; a commit by another connection (here the schema version
    written back as it was) is what sends it to the disk again."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        connection.execute(f"PRAGMA user_version = {int(version)}")


def hashes(path: Path) -> dict[str, str | None]:
    """The database file and its write-ahead log, hashed ('nothing was written to either')."""
    out: dict[str, str | None] = {}
    for name in (path.name, path.name + "-wal"):
        found = path.with_name(name)
        out[name] = hashlib.sha256(found.read_bytes()).hexdigest() if found.exists() else None
    return out


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``folder`` for the test; skipped where that cannot be."""
    if os.geteuid() != 0:
        pytest.skip("a small disk (tmpfs) can only be mounted as root")
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip() or mounted.returncode}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill(folder: Path) -> Path:
    """Fill the disk holding ``folder`` to the last byte; the filler file is returned, so the
    test can free the space again."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for chunk in (65536, 4096, 512, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * chunk)
    finally:
        os.close(fd)
    return filler
