"""Text no paper can hold — terminal escape sequences, control characters, lone surrogates,
non-characters — made clean at the door (whatever the Desk records), and every export robust to
such text already in a database from before (put there by raw sqlite3): Word files never fail
"All strings must be XML compatible", no ESC byte reaches a Markdown, text or CSV file."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import docx
import pytest
from textual import events

from clerk_tui.cli import make_app
from clerk_tui.desk import Desk, ItemFields
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields
from clerk_tui.desk.preparation import BodyFields
from clerk_tui.text import clean_text
from tests.bad_inputs.corpus import run_clerk
from tests.conftest import SIZE, FakeClock
from tests.screens.test_failing_database import march_of
from tests.test_decisions import item_id, march_meeting, seat, start

# What was typed or pasted (with "red" in it), each cleaned to "red".
TYPED: dict[str, str] = {
    "an ANSI colour": "\x1b[31mred\x1b[0m",
    "a window title (OSC)": "\x1b]0;owned\x07red",
    "a hyperlink (OSC 8)": "\x1b]8;;http://example.org\x1b\\red\x1b]8;;\x1b\\",
    "a cursor move": "\x1b[2J\x1b[Hred",
    "an 8-bit CSI": "\x9b31mred",
    "U+FFFF": "re\uffffd",
    "U+FFFE": "\ufffered",
    "NUL": "r\x00ed",
    "BEL": "red\x07",
    "backspace": "r\x08ed",
    "DEL": "red\x7f",
    "vertical tab and form feed": "r\x0be\x0cd",
    "a lone surrogate": "r\ud800ed",
    "a non-character U+FDD0": "r\ufdd0ed",
    "the last code point U+10FFFF": "red\U0010ffff",
}
# What a database written before clean text can hold (Python cannot write a lone surrogate).
STORED = {name: raw for name, raw in TYPED.items() if name != "a lone surrogate"}


def every_text(path: Path) -> list[str]:
    """Every text value of every table of the database file, read with sqlite3 alone."""
    connection = sqlite3.connect(path)
    try:
        tables = [
            n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        found: list[str] = []
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                found.extend(v for v in row if isinstance(v, str))
        return found
    finally:
        connection.close()


def assert_clean(text: str) -> None:
    assert clean_text(text) == text, repr([c for c in text if clean_text(c) != c][:5])


@pytest.mark.parametrize("typed", TYPED)
def test_the_desk_records_typed_text_clean(
    typed: str, demo_desk: Desk, demo_path: Path, clock: FakeClock
) -> None:
    raw = TYPED[typed]
    clock.set("13:25")
    seat(demo_desk)
    clock.set("13:30")
    start(demo_desk, "1")
    item = item_id(demo_desk, "1")
    note = demo_desk.decisions.add_note(item, NoteFields(f"Members noted {raw} figures"))
    assert note.text == "Members noted red figures"
    edited = demo_desk.decisions.edit_note(note.id, NoteFields(f"Members welcomed {raw} figures"))
    assert edited.text == "Members welcomed red figures"
    resolution = demo_desk.decisions.add_resolution(
        item, ResolutionFields(f"That the {raw} report be noted")
    )
    assert resolution.text == "That the red report be noted"
    action = demo_desk.decisions.add_action(
        item, ActionFields(f"Circulate the {raw} figures", f"PCC {raw}")
    )
    assert (action.text, action.owner) == ("Circulate the red figures", "PCC red")
    added = demo_desk.agenda.add_item(march_meeting(demo_desk), ItemFields(f"Any {raw} business"))
    assert added.title == "Any red business"
    demo_desk.agenda.create_body(BodyFields(name=f"The {raw} Board"))
    assert "The red Board" in [b.name for b in demo_desk.agenda.bodies()]
    for text in every_text(demo_path):  # the audit's summaries and snapshots included
        assert_clean(text)


def write_unclean(path: Path, raw: str) -> None:
    """Text from before clean text, written straight into the file: a note, an item's title,
    a member's name, the venue, a resolution, an action and its update (and the body's name)."""
    connection = sqlite3.connect(path)
    with connection:
        first = "(SELECT min(id) FROM {})"
        connection.execute(
            f"UPDATE minutenote SET text = text || ? WHERE id = {first.format('minutenote')}",
            (f" {raw} noted",),
        )
        connection.execute("UPDATE agendaitem SET title = title || ?", (f" {raw}",))
        connection.execute("UPDATE person SET full_name = full_name || ?", (f" {raw}",))
        connection.execute("UPDATE meeting SET venue = venue || ?", (f" {raw}",))
        connection.execute("UPDATE resolution SET text = text || ?", (f" {raw}",))
        connection.execute("UPDATE action SET text = text || ?", (f" {raw}",))
        connection.execute("UPDATE actionupdate SET text = text || ?", (f" {raw}",))
        connection.execute("UPDATE body SET name = name || ?", (f" {raw}",))
    connection.close()


def word_text(path: Path) -> str:
    """All the text of a Word file as python-docx reads it: paragraphs and table cells."""
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def assert_word_file_clean(path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                assert_clean(package.read(name).decode("utf-8").replace("\r\n", "\n"))
    assert_clean(word_text(path))


@pytest.mark.parametrize("stored", STORED)
def test_minutes_in_word_from_an_old_database_holding_unclean_text(
    stored: str, demo_path: Path, tmp_path: Path
) -> None:
    write_unclean(demo_path, STORED[stored])
    out = tmp_path / "minutes.docx"
    result = run_clerk("--db", str(demo_path), "export", "minutes", "2021-11-29", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert_word_file_clean(out)
    text = word_text(out)
    assert " red noted" in text  # the note, less what Word cannot hold
    assert "CRIME PANEL RED HELD ON" in text  # the body's name in the heading


PAPERS: dict[str, tuple[str, ...]] = {
    "minutes as Word": ("minutes", "2021-11-29", "--format", "docx"),
    "minutes as Markdown": ("minutes", "2021-11-29", "--format", "md"),
    "minutes as text": ("minutes", "2021-11-29", "--format", "txt"),
    "agenda as Word": ("agenda", "2022-03-14", "--format", "docx"),
    "agenda as Markdown": ("agenda", "2022-03-14", "--format", "md"),
    "attendance register": ("attendance", "2021-11-29", "--format", "csv"),
    "webcast chapters": ("chapters", "2021-11-29", "--format", "txt"),
    "action tracker as Word": ("actions", "--format", "docx"),
    "action tracker as Markdown": ("actions", "--format", "md"),
    "action tracker as CSV": ("actions", "--format", "csv"),
}


@pytest.mark.parametrize("paper", PAPERS)
def test_every_paper_of_an_old_database_holding_unclean_text(
    paper: str, demo_path: Path, tmp_path: Path
) -> None:
    for raw in STORED.values():
        write_unclean(demo_path, raw)
    args = PAPERS[paper]
    out = tmp_path / f"paper.{args[-1]}"
    result = run_clerk("--db", str(demo_path), "export", *args, "-o", str(out))
    assert result.returncode == 0, result.stderr
    if out.suffix == ".docx":
        assert_word_file_clean(out)
        return
    text = out.read_bytes().decode("utf-8-sig")
    assert "\x1b" not in text
    assert_clean(text.replace("\r\n", "\n"))


PASTED = "Members noted \x1b[31mred\x1b[0m figures\uffff,\x00 one \ud800lone surrogate"
CLEAN = "Members noted red figures, one lone surrogate"


async def test_text_pasted_into_a_note_is_recorded_and_exported_clean(
    demo_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march_of(demo_path))
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        clock.set("13:31")
        await pilot.press("s", "m")  # the meeting starts with item 1; a note on it
        await pilot.pause()
        app.post_message(events.Paste(PASTED))  # as the terminal hands over a paste
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = app.desk.decisions.item_minute(item_id(app.desk, "1")).notes
        assert [n.text for n in notes] == [CLEAN]
    word = tmp_path / "minutes.docx"
    markdown = tmp_path / "minutes.md"
    for out in (word, markdown):
        result = run_clerk(
            "--db", str(demo_path), "export", "minutes", "2022-03-14", "-o", str(out)
        )
        assert result.returncode == 0, result.stderr
    assert CLEAN in word_text(word).splitlines()
    assert_word_file_clean(word)
    text = markdown.read_text(encoding="utf-8")
    assert CLEAN in text.splitlines()
    assert_clean(text)
