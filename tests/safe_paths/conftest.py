"""The database both halves of the guard's tests write beside."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from db import open_database


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    """A clerk-tui database open in this process, as the app (or an export) has it."""
    path = tmp_path / "clerk.db"
    database = open_database(path)
    yield path
    database.close()
