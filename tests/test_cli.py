"""The command line as a clerk meets it: a subprocess, one line of error, exit status 2."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from clerk_tui import __version__


def clerk(*args: str, env_db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if env_db is not None:
        env["CLERK_TUI_DB"] = str(env_db)
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def test_version() -> None:
    result = clerk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"clerk-tui {__version__}"


def test_help_names_the_commands() -> None:
    result = clerk("--help")
    assert result.returncode == 0
    for command in ("demo", "check", "backup"):
        assert command in result.stdout


def test_an_unknown_command_is_one_line() -> None:
    assert_one_line_error(clerk("frobnicate"), "invalid choice")


def test_check_on_a_good_database(demo_path: Path) -> None:
    result = clerk("--db", str(demo_path), "check")
    assert result.returncode == 0
    assert result.stdout.strip() == "ok"


def test_check_on_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "clerk.db"
    path.write_bytes(os.urandom(4096))
    assert_one_line_error(clerk("--db", str(path), "check"), str(path), "not a clerk-tui database")


def test_check_on_a_truncated_file(tmp_path: Path, demo_path: Path) -> None:
    path = tmp_path / "cut.db"
    path.write_bytes(demo_path.read_bytes()[: 8192 + 17])
    assert_one_line_error(clerk("--db", str(path), "check"), "damaged")


def test_check_on_a_missing_file_uses_the_environment(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.db"
    assert_one_line_error(clerk("check", env_db=missing), "does not exist")


def test_backup_gives_a_file_that_opens_and_holds_the_same_rows(
    demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "copies" / "panel.db"
    result = clerk("--db", str(demo_path), "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == target
    assert counts(target) == counts(demo_path)
    assert clerk("--db", str(target), "check").stdout.strip() == "ok"


def test_backup_by_default_goes_beside_the_database(demo_path: Path) -> None:
    result = clerk("--db", str(demo_path), "backup")
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == demo_path.parent / "backups"
    assert counts(written) == counts(demo_path)


def test_backup_into_an_unwritable_place(demo_path: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert_one_line_error(
        clerk("--db", str(demo_path), "backup", str(blocker / "x.db")), "cannot write the backup"
    )


def test_backup_of_a_missing_database(tmp_path: Path) -> None:
    assert_one_line_error(clerk("--db", str(tmp_path / "no.db"), "backup"), "nothing to back up")
