"""``clerk-tui export actions`` as a subprocess on a copy of the demo: the reference's rows out,
and every bad input one line on stderr, exit status 2, no traceback, nothing written."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import docx
import pytest

from clerk_tui.desk import BodyFields, Desk
from db import open_database

OUTSTANDING = ["617", "620", "629", "630", "630", "630", "631"]
COMPLETED = ["596", "594", "596", "606", "620", "621"]


def clerk(db: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "CLERK_TUI_DB": str(db),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_DOCUMENTS_DIR": str(home / "Documents"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("clerk-tui: ")
    assert words in lines[0]
    assert "Traceback" not in result.stderr


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_csv_has_the_reference_minutes_in_order(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.csv"
    result = clerk(demo_path, tmp_path, "export", "actions", "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    rows = csv_rows(out)
    assert rows[0] == ["Minute No.", "Date", "Action", "Update", "Status"]
    assert [r[0] for r in rows[1:]] == OUTSTANDING + COMPLETED
    assert rows[7][:2] == ["631", "Jan 2022"] and rows[7][3] == ""
    assert rows[9][1:] == [
        "July 2021",
        "The Panel Office present a report on the process for applying to the Secretary of "
        "State to appoint a third independent co-opted member.",
        "Completed: Presented 18 October 2021",
        "Completed",
    ]


def test_status_and_body_and_format_from_the_file_name(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "outstanding.md"
    result = clerk(
        demo_path, tmp_path, "export", "actions", "--body", "Panel", "--status", "outstanding",
        "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    outstanding = text.split("## Outstanding Actions")[1].split("## Completed Actions")[0]
    assert [line.split(" | ")[0][2:] for line in outstanding.splitlines() if line[:3] == "| 6"] == (
        OUTSTANDING
    )
    assert "| 596 |" not in text


def test_docx_read_back_has_the_two_tables(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "tracker.docx"
    result = clerk(demo_path, tmp_path, "export", "actions", "-o", str(out))
    assert result.returncode == 0, result.stderr
    outstanding, completed = docx.Document(str(out)).tables
    assert [row.cells[0].text for row in outstanding.rows] == ["Minute No.", *OUTSTANDING]
    assert [row.cells[0].text for row in completed.rows] == ["Minute No.", *COMPLETED]


def test_without_output_the_file_goes_to_the_documents_folder(
    demo_path: Path, tmp_path: Path
) -> None:
    result = clerk(demo_path, tmp_path, "export", "actions", "--format", "csv")
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip())
    assert written.parent == tmp_path / "home" / "Documents"
    assert written.name == f"west-midlands-police-and-crime-panel-action-tracker-{date.today()}.csv"
    assert len(csv_rows(written)) == 14


def test_export_works_while_the_app_holds_the_database(demo_path: Path, tmp_path: Path) -> None:
    database = open_database(demo_path)  # the writer, as the running app would be
    try:
        out = tmp_path / "t.csv"
        result = clerk(demo_path, tmp_path, "export", "actions", "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.is_file()
    finally:
        database.close()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (
            ["--body", "Audit Committee", "--format", "csv"],
            "there is no body called 'Audit Committee'",
        ),
        (["--status", "done", "--format", "csv"], "argument --status: invalid choice: 'done'"),
        (["--format", "xls"], "argument --format: invalid choice: 'xls'"),
        (["-o", "tracker.txt"], "cannot tell the format of tracker.txt"),
        (
            ["--format", "pdf", "-o", "a.docx"],
            "a.docx ends in .docx but the format asked for is pdf",
        ),
        (["--format", "csv", "-o", "a.md"], "a.md ends in .md but the format asked for is csv"),
        ([], "give --format csv | md | docx"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    demo_path: Path, tmp_path: Path, args: list[str], words: str
) -> None:
    one_line_error(clerk(demo_path, tmp_path, "export", "actions", *args), words)
    assert not (tmp_path / "home" / "Documents").exists()


def test_unwritable_path_is_one_line_and_nothing_is_left(demo_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "t.csv"
    one_line_error(
        clerk(demo_path, tmp_path, "export", "actions", "-o", str(missing)),
        f"cannot write {missing}: the folder {missing.parent} does not exist",
    )
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    one_line_error(
        clerk(demo_path, tmp_path, "export", "actions", "-o", str(blocker / "t.csv")),
        "is a file, not a folder",
    )
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    one_line_error(
        clerk(demo_path, tmp_path, "export", "actions", "-o", str(folder)), "it is a folder"
    )
    assert list(folder.iterdir()) == []
    assert not list(tmp_path.rglob("*.tmp"))


def test_unknown_what_and_missing_database(demo_path: Path, tmp_path: Path) -> None:
    one_line_error(clerk(demo_path, tmp_path, "export", "budget"), "invalid choice: 'budget'")
    missing = tmp_path / "none.db"
    one_line_error(clerk(missing, tmp_path, "export", "actions", "--format", "csv"), str(missing))
    assert not missing.exists()


def test_several_bodies_need_body(demo_path: Path, tmp_path: Path) -> None:
    database = open_database(demo_path)
    try:
        desk = Desk(database)
        audit = desk.agenda.create_body(BodyFields(name="Audit Committee", short_name="Audit"))
        assert audit.id
    finally:
        database.close()
    one_line_error(
        clerk(demo_path, tmp_path, "export", "actions", "--format", "csv"),
        "there are 2 bodies: say which with --body NAME",
    )
    out = tmp_path / "audit.csv"
    result = clerk(demo_path, tmp_path, "export", "actions", "--body", "audit", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert csv_rows(out) == [["Minute No.", "Date", "Action", "Update", "Status"]]


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_the_tracker_as_pdf_and_a_web_page_from_the_command_line(
    demo_path: Path, tmp_path: Path, fmt: str
) -> None:
    """The same rows as every other format: each outstanding and completed action's minute."""
    out = tmp_path / f"tracker.{fmt}"
    result = clerk(demo_path, tmp_path, "export", "actions", "-o", str(out))
    assert result.returncode == 0, result.stderr
    if fmt == "pdf":
        import pypdf

        reader = pypdf.PdfReader(str(out))
        text = "\n".join(page.extract_text() for page in reader.pages)
        assert "/StructTreeRoot" in reader.trailer["/Root"]
    else:
        text = out.read_text(encoding="utf-8")
        assert text.count("<table") >= 1
    for minute in {*OUTSTANDING, *COMPLETED}:
        assert minute in text
    assert "Outstanding" in text and "Completed" in text
