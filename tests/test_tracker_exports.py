"""The action tracker exported against a real SQLite file (the demo panel): CSV, Markdown and
Word compared with the reference tracker, formula injection, and refused paths."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import docx
import pytest
from docx.table import Table

from clerk_tui.desk import Desk
from clerk_tui.desk.tracker import (
    TrackerActionFields,
)
from clerk_tui.errors import ClerkError
from tests.test_tracker import (
    COMPLETED_MINUTES,
    OUTSTANDING_MINUTES,
    body_id,
    reference_rows,
    words,
)


# ---- exports ------------------------------------------------------------------------------------
def test_csv_export_gives_the_reference_rows(demo_desk: Desk, tmp_path: Path) -> None:
    path = demo_desk.tracker.export_tracker(body_id(demo_desk), "csv", tmp_path / "tracker.csv")
    table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert table[0] == ["Minute No.", "Date", "Action", "Update", "Status"]
    rows = [[words(c) for c in row] for row in table[1:]]
    reference = reference_rows()
    assert [r[:4] for r in rows if r[4] == "Outstanding"] == reference["outstanding"]
    assert [r[:4] for r in rows if r[4] == "Completed"] == reference["completed"]
    assert [r[0] for r in rows] == OUTSTANDING_MINUTES + COMPLETED_MINUTES


def test_markdown_export_gives_the_reference_rows(demo_desk: Desk, tmp_path: Path) -> None:
    path = demo_desk.tracker.export_tracker(body_id(demo_desk), "md", tmp_path / "tracker.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# West Midlands Police and Crime Panel – Action Tracker\n")
    assert "Date 14 March 2022" in text
    outstanding, completed = text.split("## Outstanding Actions")[1].split("## Completed Actions")

    def table(block: str) -> list[list[str]]:
        lines = [line for line in block.splitlines() if line.startswith("| ")][2:]
        return [
            [words(re.sub(r"\\(.)", r"\1", cell)) for cell in line[2:-2].split(" | ")]
            for line in lines
        ]

    reference = reference_rows()
    assert table(outstanding) == reference["outstanding"]
    assert table(completed) == reference["completed"]


def test_docx_export_has_the_two_tables(demo_desk: Desk, tmp_path: Path) -> None:
    path = demo_desk.tracker.export_tracker(body_id(demo_desk), "docx", tmp_path / "tracker.docx")
    document = docx.Document(str(path))
    outstanding, completed = document.tables

    def cells(table: Table) -> list[list[str]]:
        return [[words(c.text) for c in row.cells] for row in table.rows]

    assert cells(outstanding)[0] == ["Minute No.", "Date", "Action", "Update"]
    reference = reference_rows()
    assert cells(outstanding)[1:] == reference["outstanding"]
    assert cells(completed)[1:] == reference["completed"]


def test_csv_export_escapes_formula_injection(demo_desk: Desk, tmp_path: Path) -> None:
    action = demo_desk.tracker.add_carried_over_action(
        body_id(demo_desk),
        TrackerActionFields(text='=HYPERLINK("http://evil.example","click")', owner="x"),
    )
    demo_desk.tracker.record_action_update(action.id, "+cmd|' /C calc'!A0")
    path = demo_desk.tracker.export_tracker(
        body_id(demo_desk), "csv", tmp_path / "t.csv", status="outstanding"
    )
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    row = next(r for r in rows if "HYPERLINK" in r[2])
    assert row[2] == '\'=HYPERLINK("http://evil.example","click")'
    assert row[3] == "'+cmd|' /C calc'!A0"
    assert [r[4] for r in rows[1:]] == ["Outstanding"] * 8


def test_export_refuses_a_bad_path_or_format_and_writes_nothing(
    demo_desk: Desk, tmp_path: Path
) -> None:
    body = body_id(demo_desk)
    with pytest.raises(ClerkError, match=r"the folder .* does not exist"):
        demo_desk.tracker.export_tracker(body, "csv", tmp_path / "missing" / "t.csv")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ClerkError, match="is a file, not a folder"):
        demo_desk.tracker.export_tracker(body, "csv", blocker / "t.csv")
    with pytest.raises(ClerkError, match="csv, md, docx, pdf or html"):
        demo_desk.tracker.export_tracker(body, "xls", tmp_path / "t.xls")
    left = [p.name for p in tmp_path.rglob("*") if p.name.endswith((".tmp", ".csv", ".xls"))]
    assert left == []


def test_export_default_file_goes_to_the_documents_folder(demo_desk: Desk) -> None:
    path = demo_desk.tracker.export_tracker(body_id(demo_desk), "docx")
    assert path.name == "west-midlands-police-and-crime-panel-action-tracker-2022-03-14.docx"
    assert path.parent == demo_desk.tracker.tracker_export_path(body_id(demo_desk), "docx").parent
    assert path.is_file()
