"""The export screen against the clerk's own records: the database's path typed after ``o`` (or a
link to it, its -wal, a backup, a device, a loop, a name too long) is refused in words before
anyone is asked "Replace ...?", the app stays up and the database stays byte for byte as it
was — even if a file asked about is swapped for a link to the database before ``y``."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from clerk_tui.app import ClerkApp
from screens.dialogs.confirm import ConfirmDialog
from tests.conftest import SIZE
from tests.screens.test_export_screen import november_id, open_export, status_of


def records(db: Path) -> dict[str, str]:
    """The database and its -wal, hashed: what holds the clerk's records (-shm is an index)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (db, db.with_name(db.name + "-wal"))
        if p.exists()
    }


def notices(app: ClerkApp) -> list[str]:
    return [n.message for n in app._notifications]


async def type_path(pilot: Pilot[int], path: str) -> None:
    await pilot.press("o", "ctrl+u", *path, "enter")
    await pilot.pause()


def backup_of(db: Path) -> Path:
    folder = db.parent / "backups"
    folder.mkdir()
    copy = folder / "demo-2021-11-29-120000.db"
    with sqlite3.connect(db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def link(at: Path, to: Path | str) -> Path:
    at.symlink_to(to)
    return at


def device(folder: Path) -> Path:
    node = folder / "null.docx"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs CAP_MKNOD")
    return node


TYPED: dict[str, tuple[Callable[[Path], Path | str], str]] = {
    "the database": (lambda db: db, "it is the database in use"),
    "a link to the database": (lambda db: link(db.parent / "m.docx", db), "the database in use"),
    "its -wal": (lambda db: f"{db}-wal", "the database's -wal file"),
    "its lock file": (lambda db: f"{db}.lock", "the database's .lock file"),
    "a backup of it": (backup_of, "it is a database"),
    "a device node": (lambda db: device(db.parent), "not an ordinary file"),
    "a loop of links": (lambda db: link(db.parent / "l.docx", db.parent / "l.docx"), "a loop"),
    "a name over 255 bytes": (lambda db: db.parent / ("m" * 300 + ".docx"), "is too long"),
    "a folder name over 255 bytes": (lambda db: db.parent / ("d" * 256) / "m.docx", "too long"),
}


@pytest.mark.parametrize("case", TYPED)
async def test_refused_in_words_before_replace_is_asked(
    demo_app: ClerkApp, demo_path: Path, case: str
) -> None:
    make, words = TYPED[case]
    typed = str(make(demo_path))
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        before = records(demo_path)
        await type_path(pilot, typed)
        assert not isinstance(pilot.app.screen, ConfirmDialog)
        assert pilot.app.screen is screen
        assert status_of(screen).startswith("Not written: ")
        assert words in status_of(screen)
        assert words in notices(demo_app)[-1]
        assert "\n" not in notices(demo_app)[-1]
        # "y" as the clerk would press it to a "Replace ...?" that never came: nothing happens.
        await pilot.press("escape", "y")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert records(demo_path) == before
        # The app is alive and well: the next export goes where it should.
        good = demo_path.parent / "minutes.docx"
        await type_path(pilot, str(good))
        assert status_of(screen) == f"Written: {good}"
        assert records(demo_path) == before


async def test_a_file_swapped_for_a_link_to_the_database_before_yes(
    demo_app: ClerkApp, demo_path: Path
) -> None:
    """Asked "Replace minutes.docx?" about an ordinary file; before the clerk says yes, the
    file becomes a link to the database. The write checks again and refuses."""
    target = demo_path.parent / "minutes.docx"
    target.write_bytes(b"edited in Word")
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        before = records(demo_path)
        await type_path(pilot, str(target))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        target.unlink()
        target.symlink_to(demo_path)
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert "it is the database in use" in status_of(screen)
        assert records(demo_path) == before
        assert target.is_symlink()


async def test_an_ordinary_file_is_still_asked_about_and_replaced(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.docx"
    target.write_bytes(b"edited in Word")
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await type_path(pilot, str(target))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert target.read_bytes()[:2] == b"PK"
        assert status_of(screen) == f"Written: {target}"


async def test_a_confidential_copy_over_a_0644_file_is_0600(
    demo_app: ClerkApp, tmp_path: Path
) -> None:
    from tests.test_exporting import add_exempt_item

    add_exempt_item(demo_app.desk.database, november_id(demo_app))
    target = tmp_path / "minutes.md"
    target.write_text("public copy")
    target.chmod(0o644)
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("x", "f", "f", "f")  # Word, PDF, web page, Markdown
        await type_path(pilot, str(target))
        await pilot.press("y")
        await pilot.pause()
        assert status_of(screen) == f"Written: {target}"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
