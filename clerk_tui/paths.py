"""Where clerk-tui keeps its files (platformdirs). Nothing is created at import time."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_documents_path

APP_NAME = "clerk-tui"
DB_ENV = "CLERK_TUI_DB"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    """``--db`` wins over ``CLERK_TUI_DB``, which wins over this."""
    return data_dir() / "clerk.db"


def demo_db_path() -> Path:
    """The demo lives beside the clerk's own database, never in it."""
    return data_dir() / "demo.db"


def settings_path() -> Path:
    """The clerk's choices that outlive a run (the theme), whichever database is open."""
    return data_dir() / "settings.json"


def resolve_db_path(cli_value: str | None) -> Path:
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def documents_dir() -> Path:
    return user_documents_path()
