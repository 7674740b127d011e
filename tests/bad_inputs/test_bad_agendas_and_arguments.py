"""Agenda files and command-line arguments that cannot be used: each gets one line naming
what is wrong (and where), exit status 2, no traceback, and the database exactly as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk

REFERENCE = Path(__file__).resolve().parent.parent / "fixtures" / "agendas"
HEADER = "number,title,description,papers,time,exempt\n"


def write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return make


def big(folder: Path) -> Path:
    path = folder / "huge.txt"
    with path.open("wb") as handle:  # 50 MB of agenda-looking text
        line = b"\t1\tAPOLOGIES\t13:30\n"
        handle.write(line * (50 * 1024 * 1024 // len(line)))
    return path


def reference_with(old: str, new: str) -> Callable[[Path], Path]:
    text = (REFERENCE / "agenda-2022-03-14.txt").read_text(encoding="utf-8")
    assert old in text
    return write("agenda.txt", text.replace(old, new, 1))


AGENDAS: dict[str, tuple[Callable[[Path], Path], tuple[str, ...]]] = {
    "empty file": (write("empty.txt", b""), ("empty.txt", "empty")),
    "only blank lines": (write("blank.txt", "\n\n  \n\t\n"), ("blank.txt",)),
    "binary file": (write("photo.txt", bytes(range(256)) * 64), ("photo.txt",)),
    "NUL bytes in text": (
        write("nul.txt", b"Agenda\n\t1\tAPOLOGIES\x00\x00\t13:30\n"),
        ("nul.txt",),
    ),
    "invalid UTF-8": (write("bad.txt", b"\t1\tAPOLOGIES \x81\x8d\x8f\t13:30\n"), ("bad.txt",)),
    "a Word document": (write("agenda.docx", b"PK\x03\x04" + os.urandom(200)), ("agenda.docx",)),
    "a PDF": (write("agenda.pdf", b"%PDF-1.7\n" + os.urandom(200)), ("agenda.pdf",)),
    "50 MB": (big, ("huge.txt",)),
    "no item rows": (write("noitems.csv", HEADER), ("noitems.csv",)),
    "CSV missing the title column": (
        write("cols.csv", "number,papers\n1,Attached\n"),
        ("cols.csv",),
    ),
    "CSV row with no title": (
        write("notitle.csv", HEADER + "1,,,none,13:30,no\n"),
        ("notitle.csv", "2"),
    ),
    "duplicate item numbers": (
        write("dup.csv", HEADER + "1,APOLOGIES,,,13:30,\n2,MINUTES,,,13:35,\n1,AGAIN,,,13:40,\n"),
        ("dup.csv", "twice"),
    ),
    "time 25:70": (write("time.csv", HEADER + "1,APOLOGIES,,,25:70,\n"), ("time.csv", "25:70")),
    "time 12:61pm": (write("time2.csv", HEADER + "1,APOLOGIES,,,12:61pm,\n"), ("time2.csv",)),
    "unknown papers": (write("papers.csv", HEADER + "1,APOLOGIES,,Lost,13:30,\n"), ("Lost",)),
    "unreadable date in the header": (
        reference_with("1:30pm, 14 March 2022", "1:30pm, 31 Febtember 2022"),
        ("agenda.txt", "1"),
    ),
    "impossible date 30 February": (
        reference_with("14 March 2022", "30 February 2022"),
        ("agenda.txt",),
    ),
    "weekday that does not match": (
        reference_with("1:30pm, 14 March 2022", "1:30pm, Tuesday 14 March 2022"),
        ("agenda.txt", "Monday"),
    ),
    "Markdown table without items": (
        write("table.md", "| number | title |\n|---|---|\n"),
        ("table.md",),
    ),
}


@pytest.mark.parametrize("case", AGENDAS)
def test_bad_agenda_file(case: str, tmp_path: Path, demo_path: Path) -> None:
    make, words = AGENDAS[case]
    source = make(tmp_path)
    data = demo_path.parent
    before = fingerprint(data)
    result = run_clerk("--db", str(demo_path), "import-agenda", str(source), "--body", "Panel")
    assert_refused(result, *words)
    assert fingerprint(data) == before


def test_formula_like_text_is_kept_as_text(tmp_path: Path, demo_path: Path) -> None:
    """Not an error: "=HYPERLINK(...)" is a title like any other, escaped only in CSV exports."""
    source = tmp_path / "formula.csv"
    source.write_text(HEADER + '1,"=HYPERLINK(""http://x"")",,,13:30,\n2,+SUM(A1),,,13:40,\n')
    result = run_clerk(
        "--db", str(demo_path), "import-agenda", str(source), "--body", "Panel",
        "--date", "2022-06-20", "--time", "13:30",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    exported = tmp_path / "agenda.md"
    result = run_clerk(
        "--db", str(demo_path), "export", "agenda", "2022-06-20", "--format", "md",
        "-o", str(exported),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "HYPERLINK" in exported.read_text(encoding="utf-8")


ARGUMENTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "unknown meeting id": (("live", "9999"), ("no meeting 9999",)),
    "meeting date with none": (("live", "2030-01-01"), ("no meeting",)),
    "a date that is no date": (("live", "2022-02-30"), ("2022-02-30",)),
    "a word for a meeting": (("export", "minutes", "soon", "-o", "x.md"), ("soon",)),
    # "yesterday" is a date now, as in every dialog (clerk_tui.values): refused as no meeting.
    "yesterday with no meeting": (
        ("export", "minutes", "yesterday", "-o", "x.md"),
        ("no meeting on",),
    ),
    "export of an unknown meeting": (("export", "minutes", "4242", "-o", "x.md"), ("4242",)),
    "chapters of a meeting never started": (
        ("export", "chapters", "2022-03-14", "-o", "c.txt"),
        ("never started",),
    ),
    "an unknown format": (("export", "minutes", "2021-11-29", "--format", "odt"), ("odt",)),
    "an unknown body": (
        ("export", "actions", "--body", "Nowhere Council", "-o", "a.csv"),
        ("Nowhere",),
    ),
    "an unknown status": (("export", "actions", "--status", "late", "-o", "a.csv"), ("late",)),
    "export into a missing folder": (
        ("export", "minutes", "2021-11-29", "-o", "/nonexistent/folder/m.docx"),
        ("/nonexistent/folder",),
    ),
    "a missing agenda file": (
        ("import-agenda", "/nonexistent/agenda.txt"),
        ("/nonexistent/agenda.txt",),
    ),
    "an import date that is no date": (
        ("import-agenda", str(REFERENCE / "agenda-2022-03-14.txt"), "--date", "2022-13-45"),
        ("2022-13-45",),
    ),
    "an import time that is no time": (
        ("import-agenda", str(REFERENCE / "agenda-2022-03-14.txt"), "--time", "25:00"),
        ("25:00",),
    ),
    "a missing backup to restore": (
        ("restore", "/nonexistent/b.db", "--yes"),
        ("/nonexistent/b.db",),
    ),
    "an unknown option": (("check", "--frobnicate"), ("--frobnicate",)),
    "an unknown command": (("minute-it",), ("minute-it",)),
}


@pytest.mark.parametrize("case", ARGUMENTS)
def test_bad_arguments(case: str, demo_path: Path, tmp_path: Path) -> None:
    args, words = ARGUMENTS[case]
    before = fingerprint(demo_path.parent)
    os.chdir(tmp_path)
    result = run_clerk("--db", str(demo_path), *args)
    assert_refused(result, *words)
    assert fingerprint(demo_path.parent) == before
