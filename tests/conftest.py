"""Shared fixtures: the user's data folder is never touched, time is a fake clock, and a demo
database is built once per session and copied for each test that needs one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.demo import open_demo
from clerk_tui.desk import Desk
from db import open_database

SIZE = (120, 40)  # every pilot and snapshot test runs at this terminal size


class FakeClock:
    """A clock the test sets and moves; the app reads it through make_app(clock=...)."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def set(self, hh_mm: str) -> None:
        hours, minutes = map(int, hh_mm.split(":"))
        self.current = self.current.replace(hour=hours, minute=minutes, second=0)

    def advance(self, minutes: float) -> None:
        self.current += timedelta(minutes=minutes)


@pytest.fixture(autouse=True)
def _isolate_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test out of the real user data and documents folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("CLERK_TUI_DB", raising=False)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2022, 3, 14, 13, 25))


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    open_demo(path).close()
    return path


@pytest.fixture
def demo_path(_demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo database for this test."""
    path = tmp_path / "demo.db"
    shutil.copyfile(_demo_template, path)
    return path


@pytest.fixture
def demo_desk(demo_path: Path, clock: FakeClock) -> Iterator[Desk]:
    database = open_database(demo_path)
    yield Desk(database, clock)
    database.close()


@pytest.fixture
def demo_app(demo_path: Path, clock: FakeClock) -> ClerkApp:
    return make_app(demo_path, clock=clock)


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    return tmp_path / "clerk.db"
