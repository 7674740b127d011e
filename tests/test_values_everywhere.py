"""One reading of a typed date or time wherever it is typed: a dialog's field (clerk_tui.values),
an agenda file's time column and header, and the command line's --date and --time. What one
takes, each takes as the same value; what one refuses ("130"), each refuses."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.agenda_import import parse_agenda
from clerk_tui.errors import ClerkError
from clerk_tui.values import format_time, parse_date, parse_time

TIMES = ["13:30", "13.30", "1330", "1.30pm", "1:30 pm", "1.30 p.m.", "2pm", "noon", "9:05"]
DATES = ["21/03/2022", "21/3/22", "2022-03-21", "21 March 2022", "Mon 21 Mar 2022"]


def agenda_with(when: str, item_time: str) -> bytes:
    return (
        f"Police and Crime Panel\nDate: {when}\n\nnumber,title,time\n1,APOLOGIES,{item_time}\n"
    ).encode()


@pytest.mark.parametrize("typed", TIMES)
def test_an_agenda_reads_a_time_as_a_dialog_does(typed: str) -> None:
    agenda = parse_agenda(agenda_with("21 March 2022", typed), source="agenda.csv")
    assert agenda.items[0].approximate_time == parse_time(typed)


@pytest.mark.parametrize("typed", DATES)
def test_an_agenda_reads_a_date_as_a_dialog_does(typed: str) -> None:
    agenda = parse_agenda(agenda_with(typed, "13:30"), source="agenda.csv")
    assert agenda.date == parse_date(typed, today=None) == dt.date(2022, 3, 21)


@given(at=st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_a_time_as_the_dialogs_prefill_it_reads_the_same_in_an_agenda(at: dt.time) -> None:
    agenda = parse_agenda(agenda_with("21 March 2022", format_time(at)), source="agenda.csv")
    assert agenda.items[0].approximate_time == at


def test_130_is_refused_in_an_agenda_with_both_readings() -> None:
    with pytest.raises(ClerkError) as caught:
        parse_agenda(agenda_with("21 March 2022", "130"), source="agenda.csv")
    assert str(caught.value) == (
        "agenda.csv:5: item 1: the time '130' is not a time of day (write 01:30 or 13:30)"
    )
    with pytest.raises(ClerkError, match="'130' is not a time of day: write 01:30 or 13:30"):
        parse_time("130")


def test_a_year_in_a_header_line_is_no_time() -> None:
    agenda = parse_agenda(
        b"Police and Crime Panel - 14 March 2022\n\nnumber,title\n1,APOLOGIES\n", source="a.csv"
    )
    assert (agenda.date, agenda.start_time) == (dt.date(2022, 3, 14), None)


def run_import(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    agenda = tmp_path / "agenda.csv"
    agenda.write_bytes(agenda_with("21 March 2022", "13:30"))
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    database = str(tmp_path / "clerk.db")
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", "--db", database, "import-agenda", str(agenda), *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=60,
    )


def test_the_command_line_reads_a_date_and_time_as_a_dialog_does(tmp_path: Path) -> None:
    done = run_import(tmp_path, "--date", "Mon 4 Apr 2022", "--time", "1.30pm")
    assert done.returncode == 0, done.stderr
    from clerk_tui.desk import Desk
    from db import open_database

    database = open_database(tmp_path / "clerk.db")
    try:
        meetings = Desk(database).agenda.meetings()
    finally:
        database.close()
    assert [(m.date, m.scheduled_start) for m in meetings] == [
        (dt.date(2022, 4, 4), dt.time(13, 30))
    ]


def test_the_command_line_refuses_130_in_one_line(tmp_path: Path) -> None:
    done = run_import(tmp_path, "--time", "130")
    assert done.returncode == 2
    assert done.stderr == "clerk-tui: --time: '130' is not a time of day: write 01:30 or 13:30\n"
    assert not (tmp_path / "clerk.db").exists()
