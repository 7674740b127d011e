"""clerk-tui live as a subprocess: a meeting that cannot be found is one line and exit 2."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest


def run(*args: str, db: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLERK_TUI_DB": str(db),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "HOME": str(tmp_path),
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", "live", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


NEAREST = (
    "the nearest: 2021-11-29 West Midlands Police and Crime Panel (id 1), "
    "2022-03-14 West Midlands Police and Crime Panel (id 2)"
)


def test_no_meeting_today_names_the_nearest(demo_path: Path, tmp_path: Path) -> None:
    if date.today() in (date(2021, 11, 29), date(2022, 3, 14)):
        pytest.skip("today is one of the demo's meeting days")
    line = one_line(run(db=demo_path, tmp_path=tmp_path))
    today = f"{date.today():%d %B %Y}".lstrip("0")
    assert line == f"clerk-tui: there is no meeting today ({today}); {NEAREST}"


def test_an_unknown_meeting_id(demo_path: Path, tmp_path: Path) -> None:
    line = one_line(run("99", db=demo_path, tmp_path=tmp_path))
    assert line == f"clerk-tui: there is no meeting 99; {NEAREST}"


def test_a_date_without_a_meeting(demo_path: Path, tmp_path: Path) -> None:
    line = one_line(run("2022-03-15", db=demo_path, tmp_path=tmp_path))
    assert line == f"clerk-tui: there is no meeting on 15 March 2022; {NEAREST}"


def test_nonsense_and_an_unknown_body(demo_path: Path, tmp_path: Path) -> None:
    line = one_line(run("soon", db=demo_path, tmp_path=tmp_path))
    assert line == "clerk-tui: 'soon' is neither a meeting id nor a date like 2022-03-14"
    line = one_line(run("2022-03-14", "--body", "Parish", db=demo_path, tmp_path=tmp_path))
    assert line == "clerk-tui: there is no body called 'Parish'"


def test_no_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "clerk.db"
    line = one_line(run(db=missing, tmp_path=tmp_path))
    assert line == f"clerk-tui: {missing} does not exist: there is no meeting to open"
    assert not missing.exists()


def test_a_refusal_leaves_the_database_free(demo_path: Path, tmp_path: Path) -> None:
    """The lookup closed its connection: another command can take the database at once."""
    one_line(run("99", db=demo_path, tmp_path=tmp_path))
    assert not demo_path.with_name(demo_path.name + ".lock").exists()


def test_live_builds_the_app_on_the_meeting(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In process (the app itself needs a terminal): the command finds the meeting by date
    and hands make_app its id, so the app opens on the live screen (see tests/screens)."""
    from clerk_tui import cli

    built: list[object] = []

    def keep(app: object) -> int:
        built.append(app)
        app.desk.database.close()  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(cli, "run_app", keep)
    assert cli.main(["--db", str(demo_path), "live", "2022-03-14"]) == 0
    (app,) = built
    assert app.start_meeting == 2  # type: ignore[attr-defined]
