"""Agenda import: bad input is one line, naming the file, the line and what is wrong; reading
the file refuses what is missing, too large, unreadable or not text."""

from __future__ import annotations

import os
import pathlib
from pathlib import Path

import pytest

from clerk_tui.agenda_import import MAX_AGENDA_BYTES, read_agenda_file
from clerk_tui.errors import ClerkError
from tests.agenda_reference import REFERENCE, REFERENCE_BYTES, reference_agenda, refusal

# --------------------------------------------------------------------------------------------
# Bad input: one line, naming the file, the line and what is wrong


def _ref(old: str, new: str) -> bytes:
    assert old.encode() in REFERENCE_BYTES
    return REFERENCE_BYTES.replace(old.encode(), new.encode(), 1)


@pytest.mark.parametrize(
    ("data", "where", "words"),
    [
        pytest.param(b"", "agenda.txt", "the file is empty", id="empty"),
        pytest.param(b" \r\n\n\t\n", "agenda.txt", "only blank lines", id="blank"),
        pytest.param(b"a\nb\x00c", "agenda.txt:2", "NUL bytes", id="nul"),
        pytest.param(b"Panel\n\xe9t\x81\n", "agenda.txt:2", "byte 0x81", id="undefined-cp1252"),
        pytest.param(b"a\x01b\n", "agenda.txt:1", "control character", id="control"),
        pytest.param(b"PK\x03\x04\x14\x00", "agenda.txt", "Word or Excel", id="docx"),
        pytest.param(b"%PDF-1.7\n", "agenda.txt", "PDF", id="pdf"),
        pytest.param(b"\xff\xfeA\x00\x00\xd8", "agenda.txt", "UTF-16", id="bad-utf16"),
        pytest.param(b"Just a letter.\nNo table.\n", "agenda.txt", "no agenda items", id="prose"),
        pytest.param(b"number,title\n", "agenda.txt:1", "no agenda items", id="header-only"),
        pytest.param(
            b"| a | b |\n|---|---|\n| 1 | x |\n",
            "agenda.txt",
            "the Markdown table on line 1 has no 'number' and 'title' columns",
            id="markdown-wrong-columns",
        ),
        pytest.param(
            _ref("\t4\tDECLARATIONS", "\t3\tDECLARATIONS"),
            "agenda.txt:23",
            "item 3 appears twice (lines 22 and 23)",
            id="duplicate",
        ),
        pytest.param(
            b"number,title\n3,A\n4,B\n3a,C\n3,D\n",
            "agenda.txt:5",
            "item 3 appears twice (lines 2 and 5)",
            id="duplicate-csv",
        ),
        pytest.param(
            _ref("\t13:35", "\t25:70"),
            "agenda.txt:24",
            "item 5: the time '25:70' is not a time of day",
            id="time-25:70",
        ),
        pytest.param(
            b"number,title,time\n1,A,13pm\n",
            "agenda.txt:2",
            "item 1: the time '13pm' is not a time of day",
            id="time-13pm",
        ),
        pytest.param(
            b"number,title,time\n1,A,soon\n",
            "agenda.txt:2",
            "item 1: cannot read the time 'soon'",
            id="time-words",
        ),
        pytest.param(
            _ref("Attached\t8", "Enclosed\t8"),
            "agenda.txt:29",
            "item 8: papers 'Enclosed' is not one of Attached, To Follow, Tabled",
            id="papers",
        ),
        pytest.param(
            _ref("14 March 2022", "31 February 2022"),
            "agenda.txt:3",
            "the date '31 February 2022' is not a real date",
            id="date-31-feb",
        ),
        pytest.param(
            _ref("14 March 2022", "14 Smarch 2022"),
            "agenda.txt:3",
            "cannot read the date '14 Smarch 2022': no month is called 'Smarch'",
            id="date-month",
        ),
        pytest.param(
            _ref("14 March 2022", "Tuesday 14 March 2022"),
            "agenda.txt:3",
            "14 March 2022 is a Monday",
            id="date-weekday",
        ),
        pytest.param(
            _ref("1:30pm, 14 March 2022", "1:30pm, 14/3"),
            "agenda.txt:3",
            "cannot read the date or time '14/3'",
            id="date-partial",
        ),
        pytest.param(
            _ref("1:30pm", "25:30"),
            "agenda.txt:3",
            "the time '25:30' is not a time of day",
            id="header-time",
        ),
        pytest.param(
            b"Date: next Tuesday\n\nnumber,title\n1,A\n",
            "agenda.txt:1",
            "cannot read the date 'next Tuesday'",
            id="date-key",
        ),
        pytest.param(
            _ref("\t2\tAPOLOGIES\t", "\t2"),
            "agenda.txt:21",
            "the row has 2 columns; expected 4 (Supporting Document, Item, Topic, Approximate",
            id="missing-columns-text",
        ),
        pytest.param(
            b"number,title,time\n1,A,13:00\n2\n",
            "agenda.txt:3",
            "the row has 1 column; expected 3 (number, title, time)",
            id="missing-columns-csv",
        ),
        pytest.param(
            b"| number | title |\n|---|---|\n| 1 | A | extra |\n",
            "agenda.txt:3",
            "the row has 3 columns; expected 2 (number, title)",
            id="extra-columns-markdown",
        ),
        pytest.param(
            _ref("\t2\tAPOLOGIES\t", "\t2\t\t"),
            "agenda.txt:21",
            "item 2 has no title",
            id="no-title-text",
        ),
        pytest.param(
            b"| number | title |\n|---|---|\n| 1 | A |\n| 2 |  |\n",
            "agenda.txt:4",
            "item 2 has no title",
            id="no-title-markdown",
        ),
        pytest.param(
            b"number,title\n,A\n", "agenda.txt:2", "the row has no item number", id="no-number"
        ),
        pytest.param(
            b"number,title\nfirst,A\n",
            "agenda.txt:2",
            "item number 'first' is not a number like 6, 6a or 6.1",
            id="bad-number",
        ),
        pytest.param(
            b'number,title\n1,"A\n2,B\n',
            "agenda.txt:2",
            "a quoted cell is never closed",
            id="csv-open-quote",
        ),
        pytest.param(
            b"number,title,exempt,exempt_reason\n1,A,no,paragraph 3\n",
            "agenda.txt:2",
            "item 1 is marked not exempt ('no') but has a reason",
            id="exempt-conflict",
        ),
    ],
)
def test_bad_input_is_one_clear_line(data: bytes, where: str, words: str) -> None:
    error = refusal(data)
    assert error.where == where
    assert words in error.message
    assert str(error).startswith(f"{where}: ")


def test_read_agenda_file_reads_the_reference() -> None:
    assert read_agenda_file(REFERENCE) == reference_agenda()
    assert read_agenda_file(str(REFERENCE)) == reference_agenda()


def test_read_agenda_file_missing(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert str(info.value) == f"{path}: no such file"


def test_read_agenda_file_folder(tmp_path: Path) -> None:
    with pytest.raises(ClerkError) as info:
        read_agenda_file(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a folder, not an agenda file"


def test_read_agenda_file_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_AGENDA_BYTES + 1)  # sparse: no need to write 5 MB
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert info.value.where == str(path)
    assert "an agenda file can be at most 5 MB" in info.value.message


def test_parse_agenda_too_large() -> None:
    error = refusal(b"x" * (MAX_AGENDA_BYTES + 1))
    assert error.where == "agenda.txt"
    assert "at most 5 MB" in error.message


def test_read_agenda_file_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(REFERENCE_BYTES)

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # chmod 000 does not stop root, so make the open itself fail.
    monkeypatch.setattr(pathlib.Path, "open", refuse)
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert str(info.value) == f"{path}: cannot be read: permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs mkfifo")
def test_read_agenda_file_not_a_regular_file(tmp_path: Path) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)  # must not block waiting for a writer
    assert str(info.value) == f"{path}: is not a regular file"


def test_read_agenda_file_binary(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ClerkError) as info:
        read_agenda_file(path)
    assert info.value.where == f"{path}:3"
    assert "not a text file" in info.value.message
