"""The theme the clerk chose is the one the next start opens with; a settings file that cannot
be used is ignored with a line in the log, and the app starts all the same."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from clerk_tui import paths
from clerk_tui.cli import make_app
from clerk_tui.errors import log_path
from tests.conftest import FakeClock

DEFAULT = "textual-dark"


async def chosen(demo_path: Path, clock: FakeClock, theme: str | None = None) -> list[str]:
    """Start the app, choose ``theme`` (as the palette's theme picker does), quit; return the
    theme it opened with and the notifications it showed."""
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        opened = app.theme
        if theme is not None:
            app.theme = theme
            await pilot.pause()
        notices = [n.message for n in app._notifications]
    return [opened, *notices]


async def test_the_chosen_theme_is_kept_for_the_next_start(
    demo_path: Path, clock: FakeClock
) -> None:
    assert await chosen(demo_path, clock, "nord") == [DEFAULT]
    assert await chosen(demo_path, clock) == ["nord"]
    settings = paths.settings_path()
    assert json.loads(settings.read_text()) == {"theme": "nord"}
    assert stat.S_IMODE(settings.stat().st_mode) == 0o600
    # Chosen again: the file is replaced, never appended to or left half-written.
    assert await chosen(demo_path, clock, "gruvbox") == ["nord"]
    assert await chosen(demo_path, clock) == ["gruvbox"]
    assert [p.name for p in settings.parent.iterdir() if "settings" in p.name] == ["settings.json"]


async def test_a_first_start_writes_no_settings(demo_path: Path, clock: FakeClock) -> None:
    assert await chosen(demo_path, clock) == [DEFAULT]
    assert not paths.settings_path().exists()


def broken_settings(kind: str) -> None:
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # opened without blocking, and refused: the start never waits
    else:
        path.write_bytes(
            {
                "garbage": b"\x00\xff{theme",
                "a list": b'["nord"]',
                "huge": b'{"theme": "nord", "x": "' + b"x" * 70_000 + b'"}',
            }[kind]
        )


@pytest.mark.parametrize("kind", ["garbage", "a list", "huge", "folder", "fifo"])
async def test_a_broken_settings_file_is_ignored_with_a_log_line(
    demo_path: Path, clock: FakeClock, kind: str
) -> None:
    broken_settings(kind)
    opened, *notices = await chosen(demo_path, clock)
    assert opened == DEFAULT
    assert notices == []
    assert f"reading the settings file {paths.settings_path()}: ignored" in log_path().read_text()


async def test_an_unknown_theme_in_the_file_is_left_for_the_default(
    demo_path: Path, clock: FakeClock
) -> None:
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"theme": "no-such-theme", "kept": 1}')
    assert await chosen(demo_path, clock) == [DEFAULT]
    assert await chosen(demo_path, clock, "nord") == [DEFAULT]
    assert json.loads(path.read_text()) == {"theme": "nord", "kept": 1}


async def test_a_theme_that_cannot_be_written_is_said_in_one_line(
    demo_path: Path, clock: FakeClock
) -> None:
    broken_settings("folder")
    opened, *notices = await chosen(demo_path, clock, "nord")
    assert opened == DEFAULT
    assert len(notices) == 1
    assert "settings.json" in notices[0]
    assert "\n" not in notices[0]
