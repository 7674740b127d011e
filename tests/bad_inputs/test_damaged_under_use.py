"""Databases that open but fail when read (pages overwritten with garbage where the data lives,
not the header), and data no clerk-tui wrote (a date column holding words): every export says
so in one line, exit 2, writes nothing and leaves the database as it was; what nobody foresaw
is logged in full in the data folder and told in one line, never as a traceback."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from clerk_tui.desk.store import database_error_line
from clerk_tui.errors import log_path
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk
from tests.faults import damage

HEADLESS = {"TEXTUAL_DRIVER": "textual.drivers.headless_driver:HeadlessDriver"}

# Every table the minutes of a meeting are read from, and those the action tracker needs.
MINUTES_TABLES = (
    "body",
    "person",
    "meeting",
    "membership",
    "agendaitem",
    "attendance",
    "declaration",
    "minutenote",
    "vote",
    "personvote",
    "resolution",
)
TRACKER_TABLES = ("body", "meeting", "agendaitem", "action", "actionupdate")
PAPERS: dict[str, tuple[str, ...]] = {
    "minutes as Markdown": ("minutes", "2021-11-29", "--format", "md"),
    "minutes as Word": ("minutes", "2021-11-29", "--format", "docx"),
    "minutes as text": ("minutes", "2021-11-29", "--format", "txt"),
    "agenda as Markdown": ("agenda", "2022-03-14", "--format", "md"),
    "agenda as Word": ("agenda", "2022-03-14", "--format", "docx"),
    "attendance register": ("attendance", "2021-11-29", "--format", "csv"),
    "webcast chapters": ("chapters", "2021-11-29", "--format", "txt"),
    "action tracker as CSV": ("actions", "--format", "csv"),
    "action tracker as Markdown": ("actions", "--format", "md"),
    "action tracker as Word": ("actions", "--format", "docx"),
}


def copy_of(demo_path: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "clerk.db"
    shutil.copyfile(demo_path, path)
    return path


def export(path: Path, *paper: str) -> tuple[Path, list[str]]:
    out = path.parent.parent / "out"
    out.mkdir(exist_ok=True)
    return out, ["--db", str(path), "export", *paper, "-o", str(out / "paper")]


def assert_damage_told(path: Path, *paper: str) -> None:
    before = fingerprint(path.parent)
    out, args = export(path, *paper)
    result = run_clerk(*args)
    assert_refused(result, f"the database {path} cannot be read: it is damaged", "malformed")
    assert "check" in result.stderr
    assert list(out.iterdir()) == []
    assert fingerprint(path.parent) == before


@pytest.mark.parametrize("paper", PAPERS)
def test_every_paper_of_a_damaged_database_is_one_line(
    paper: str, demo_path: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_path, tmp_path)
    damage(path)
    assert_damage_told(path, *PAPERS[paper])


@pytest.mark.parametrize("table", MINUTES_TABLES)
def test_minutes_with_one_damaged_table_are_one_line(
    table: str, demo_path: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_path, tmp_path)
    damage(path, [table])
    assert_damage_told(path, *PAPERS["minutes as Markdown"])


@pytest.mark.parametrize("table", TRACKER_TABLES)
def test_the_tracker_with_one_damaged_table_is_one_line(
    table: str, demo_path: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_path, tmp_path)
    damage(path, [table])
    assert_damage_told(path, *PAPERS["action tracker as CSV"])


def words_for_a_date(path: Path) -> None:
    """A meeting date no clerk-tui wrote: SQLite keeps it, SQLAlchemy cannot read it back."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE meeting SET date = 'the ides of March'")
    connection.close()


UNEXPECTED: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "export minutes": (("export", "minutes", "2021-11-29", "--format", "md", "-o", "x.md"), {}),
    "export actions": (("export", "actions", "--format", "csv", "-o", "x.csv"), {}),
    "the app": ((), HEADLESS),
}


@pytest.mark.parametrize("case", UNEXPECTED)
def test_an_unexpected_error_is_logged_and_told_in_one_line(
    case: str, demo_path: Path, tmp_path: Path
) -> None:
    path = copy_of(demo_path, tmp_path)
    words_for_a_date(path)
    before = fingerprint(path.parent)
    args, env = UNEXPECTED[case]
    result = run_clerk("--db", str(path), *args, env=env)
    log = log_path()
    assert_refused(
        result, "clerk-tui: unexpected error: ValueError: Invalid isoformat string: 'the ides"
    )
    assert result.stderr.strip().endswith(f"(details in {log})")
    assert log.stat().st_mode & 0o777 == 0o600
    text = log.read_text()
    assert text.startswith("---- 20")  # the time it happened
    assert "Traceback (most recent call last)" in text
    assert "ValueError: Invalid isoformat string: 'the ides of March'" in text
    assert fingerprint(path.parent) == before


def test_a_second_unexpected_error_is_appended_to_the_log(demo_path: Path, tmp_path: Path) -> None:
    path = copy_of(demo_path, tmp_path)
    words_for_a_date(path)
    args, _ = UNEXPECTED["export minutes"]
    for _ in range(2):
        assert_refused(run_clerk("--db", str(path), *args), "unexpected error")
    assert log_path().read_text().count("Traceback (most recent call last)") == 2


def test_an_unexpected_error_where_no_log_can_be_written(demo_path: Path, tmp_path: Path) -> None:
    path = copy_of(demo_path, tmp_path)
    words_for_a_date(path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the data folder would be\n")
    args, _ = UNEXPECTED["export minutes"]
    result = run_clerk("--db", str(path), *args, env={"XDG_DATA_HOME": str(blocked)})
    assert_refused(result, "unexpected error: ValueError", "(no log could be written)")


def test_a_database_error_outside_any_desk_is_in_words(demo_path: Path, tmp_path: Path) -> None:
    """The command line's own words for an sqlite3 error that no Desk met first."""
    path = copy_of(demo_path, tmp_path)
    damage(path, ["meeting"])
    connection = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError) as raised:
            connection.execute("SELECT count(*) FROM meeting").fetchone()
    finally:
        connection.close()
    line = database_error_line(raised.value, path)
    assert line.startswith(f"the database {path} cannot be used: it is damaged (database disk")
    assert "there is no good backup of it" in line
    assert "\n" not in line


def test_an_error_escaping_the_app_itself_is_one_line(demo_path: Path, tmp_path: Path) -> None:
    """An error before the app's message loop runs (here Textual cannot load the terminal
    driver it is told to use) escapes App.run: the command line's guard takes it."""
    path = copy_of(demo_path, tmp_path)
    result = run_clerk("--db", str(path), env={"TEXTUAL_DRIVER": "no_such_module:Driver"})
    assert_refused(result, "clerk-tui: unexpected error: ModuleNotFoundError: No module named")
    assert "no_such_module" in log_path().read_text()
