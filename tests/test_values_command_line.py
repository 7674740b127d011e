"""The command line reads a meeting's date as every dialog does (clerk_tui.values), as a
subprocess: "today", "14 March 2022", "29/11/2021"; a date shaped right but naming none is
refused in values' one line, and words that are no date keep the command line's own."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.preparation import MeetingFields
from clerk_tui.values import long_date
from tests.test_cli_live import NEAREST


def clerk_tui(db: Path, *argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLERK_TUI_DB": str(db),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_DOCUMENTS_DIR": str(home / "Documents"),
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *argv],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def refusal(result: subprocess.CompletedProcess[str]) -> str:
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def written(result: subprocess.CompletedProcess[str]) -> Path:
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return Path(result.stdout.strip())


def panel_id(desk: Desk) -> int:
    return next(m.body_id for m in desk.agenda.meetings())


@pytest.mark.parametrize("typed", ["29 November 2021", "29/11/2021", "Mon 29 Nov 2021"])
def test_export_minutes_of_a_date_written_out(demo_path: Path, tmp_path: Path, typed: str) -> None:
    by_iso = written(
        clerk_tui(
            demo_path,
            "export",
            "minutes",
            "2021-11-29",
            "-f",
            "md",
            "-o",
            str(tmp_path / "iso.md"),
            home=tmp_path,
        )
    )
    by_words = written(
        clerk_tui(
            demo_path,
            "export",
            "minutes",
            typed,
            "-f",
            "md",
            "-o",
            str(tmp_path / "words.md"),
            home=tmp_path,
        )
    )
    assert by_words.read_text(encoding="utf-8") == by_iso.read_text(encoding="utf-8")


def test_export_minutes_of_14_march_2022_is_that_meeting(demo_path: Path, tmp_path: Path) -> None:
    # The demo's March meeting is planned: found by its date, then refused for having no minutes.
    line = refusal(clerk_tui(demo_path, "export", "minutes", "14 March 2022", home=tmp_path))
    assert "14 March 2022 has not started" in line


def test_export_the_agenda_of_today(demo_desk: Desk, demo_path: Path, tmp_path: Path) -> None:
    today = date.today()
    if today in (date(2021, 11, 29), date(2022, 3, 14)):
        pytest.skip("today is one of the demo's meeting days")
    demo_desk.agenda.create_meeting(
        panel_id(demo_desk), MeetingFields(date=today, scheduled_start=time(13, 30))
    )
    path = written(
        clerk_tui(demo_path, "export", "agenda", "today", "-o", str(tmp_path), home=tmp_path)
    )
    assert path.name == f"Panel-{today.isoformat()}-agenda.md"
    assert long_date(today) in path.read_text(encoding="utf-8")


def test_live_today_is_the_meeting_of_today(demo_path: Path, tmp_path: Path) -> None:
    if date.today() in (date(2021, 11, 29), date(2022, 3, 14)):
        pytest.skip("today is one of the demo's meeting days")
    line = refusal(clerk_tui(demo_path, "live", "today", home=tmp_path))
    assert line == f"clerk-tui: there is no meeting today ({long_date(date.today())}); {NEAREST}"
    assert refusal(clerk_tui(demo_path, "live", home=tmp_path)) == line


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Tue 14 Mar 2022", "'Tue 14 Mar 2022' is not a date: 14 March 2022 is a Monday"),
        ("31/02/2022", "'31/02/2022' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"),
        ("soon", "'soon' is neither a meeting id nor a date like 2022-03-14"),
    ],
)
def test_live_refuses_what_is_no_date_in_one_line(
    demo_path: Path, tmp_path: Path, typed: str, said: str
) -> None:
    assert refusal(clerk_tui(demo_path, "live", typed, home=tmp_path)) == f"clerk-tui: {said}"


def test_the_desk_finds_a_meeting_by_a_date_as_typed(demo_desk: Desk) -> None:
    march = next(m.id for m in demo_desk.agenda.meetings() if m.date == date(2022, 3, 14))
    for typed in ("today", "14 March 2022", "14/03/2022", "14 Mar", "Mon 14 Mar 2022"):
        assert demo_desk.agenda.find_meeting(typed, today=date(2022, 3, 14)) == march
