"""The action tracker from the reference tracker of 14 March 2022: 7 outstanding, 6 completed."""

from __future__ import annotations

import csv
import io
from datetime import date

import docx
import pytest

from clerk_tui.export.tracker import (
    ActionRow,
    month_label,
    render_tracker_csv,
    render_tracker_docx,
    render_tracker_markdown,
)
from tests.export.conftest import reference_file

HEADER = ["Minute No.", "Date", "Action", "Update"]


def reference_rows() -> list[ActionRow]:
    """The reference file: a title per table, a tab-separated header, then rows."""
    text = reference_file("action-tracker-2022-03-14.txt").read_text(encoding="utf-8")
    rows: list[ActionRow] = []
    status = ""
    for line in text.splitlines():
        if line.startswith("Outstanding Actions"):
            status = "outstanding"
        elif line.startswith("Completed Actions"):
            status = "completed"
        elif "\t" in line and not line.startswith("Minute No."):
            minute, month, action, update = line.split("\t")
            rows.append(ActionRow(int(minute), month, action, update=update, status=status))
    return rows


@pytest.fixture
def rows() -> list[ActionRow]:
    return reference_rows()


def test_reference_has_7_outstanding_and_6_completed(rows: list[ActionRow]) -> None:
    assert [r.status for r in rows].count("outstanding") == 7
    assert [r.status for r in rows].count("completed") == 6


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2021, 11, 29), "Nov 2021"),
        (date(2022, 1, 31), "Jan 2022"),
        (date(2021, 7, 1), "July 2021"),
        (date(2021, 10, 18), "Oct 2021"),
        (date(2022, 9, 1), "Sept 2022"),
        (date(2022, 6, 1), "June 2022"),
    ],
)
def test_month_label(day: date, label: str) -> None:
    assert month_label(day) == label


def test_csv_round_trips(rows: list[ActionRow]) -> None:
    data = render_tracker_csv(rows)
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert table[0] == [*HEADER, "Status"]
    assert len(table) == 1 + 13
    back = [ActionRow(int(m), d, a, update=u, status=s.lower()) for m, d, a, u, s in table[1:]]
    assert back == rows
    assert table[1] == [
        "617",
        "Nov 2021",
        "Panel Inquiry on Public Confidence in Policing finalised and presented to PCC for "
        "response",
        "Report and recommendations sent to PCC seeking response by 31 March 2022",
        "Outstanding",
    ]
    assert table[7][0] == "631" and table[7][3] == ""


def test_csv_outstanding_first_whatever_the_order_given(rows: list[ActionRow]) -> None:
    mixed = rows[7:] + rows[:7]
    data = render_tracker_csv(mixed)
    statuses = [line.split(",")[-1] for line in data.decode("utf-8-sig").splitlines()[1:]]
    assert statuses == ["Outstanding"] * 7 + ["Completed"] * 6


def test_csv_escapes_formulas() -> None:
    data = render_tracker_csv([ActionRow(None, "=cmd", "-drop", update="@x")])
    assert data.decode("utf-8-sig").splitlines()[1] == ",'=cmd,'-drop,'@x,Outstanding"


def test_markdown_tables(rows: list[ActionRow]) -> None:
    text = render_tracker_markdown(
        rows, body_name="West Midlands Police and Crime Panel", as_of=date(2022, 3, 14)
    )
    lines = text.splitlines()
    assert lines[0] == "# West Midlands Police and Crime Panel – Action Tracker"
    assert "Date 14 March 2022" in lines
    outstanding = lines.index("## Outstanding Actions")
    completed = lines.index("## Completed Actions")
    assert lines[outstanding + 2] == "| Minute No. | Date | Action | Update |"

    def data_rows(block: list[str]) -> int:
        return sum(1 for line in block if line.startswith("| ") and line[2].isdigit())

    assert data_rows(lines[outstanding:completed]) == 7
    assert data_rows(lines[completed:]) == 6
    assert "| 631 | Jan 2022 | The Commissioner report back" in text


def test_markdown_empty_group() -> None:
    text = render_tracker_markdown([ActionRow(1, "Nov 2021", "x", status="completed")])
    assert "## Outstanding Actions\n\nNone.\n" in text


def test_docx_real_tables(rows: list[ActionRow]) -> None:
    data = render_tracker_docx(rows, body_name="Panel", as_of=date(2022, 3, 14))
    document = docx.Document(io.BytesIO(data))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == ["Outstanding Actions", "Completed Actions"]
    outstanding, completed = document.tables
    assert [c.text for c in outstanding.rows[0].cells] == HEADER
    assert len(outstanding.rows) == 1 + 7
    assert len(completed.rows) == 1 + 6
    assert [c.text for c in completed.rows[2].cells] == [
        "594",
        "July 2021",
        "The Panel Office present a report on the process for applying to the Secretary of "
        "State to appoint a third independent co-opted member.",
        "Completed: Presented 18 October 2021",
    ]
    assert "PAGE" in document.sections[0].footer._element.xml


def test_action_row_refuses_an_unknown_status() -> None:
    with pytest.raises(ValueError, match="outstanding or completed"):
        ActionRow(1, "Nov 2021", "x", status="done")
