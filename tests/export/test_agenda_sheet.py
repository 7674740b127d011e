"""The agenda front sheet, in the style of the reference agenda of 14 March 2022."""

from __future__ import annotations

import io
from datetime import date, time

import docx
import pytest

from clerk_tui.export.agenda_sheet import (
    AgendaSheet,
    AgendaSheetItem,
    clock12,
    render_agenda_docx,
    render_agenda_markdown,
)

SHEET = AgendaSheet(
    body_name="West Midlands Police and Crime Panel",
    body_short_name="Panel",
    date=date(2022, 3, 14),
    start=time(13, 30),
    venue="Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB.",
    livestream="https://civico.net/sandwell",
    website="www.westmidlandspcp.co.uk",
    contact_name="Sarah Fradgley",
    contact_email="wmpcp@birmingham.gov.uk",
    contact_phone="0121 303 1727",
    items=(
        AgendaSheetItem(
            "1",
            "Notice of Recording and Webcasting",
            "This meeting will be webcast for live and subsequent broadcast and members of the "
            "press/public may record the meeting.",
            approximate_time=time(13, 30),
        ),
        AgendaSheetItem("2", "Apologies"),
        AgendaSheetItem(
            "6",
            "Minutes and Lastest Action Tracker",
            "To confirm the following minutes and note the latest Action Tracker",
            papers="Attached",
            approximate_time=time(13, 50),
        ),
        AgendaSheetItem(
            "13", "Annual Report of Complaint Handling", papers="To Follow",
            approximate_time=time(15, 50),
        ),
        AgendaSheetItem(
            "15", "Exempt Matter", exempt=True, exempt_reason="paragraph 3 of Schedule 12A",
            papers="none",
        ),
    ),
)  # fmt: skip

HEADER_LINES = [
    "West Midlands Police and Crime Panel – 1:30pm, 14 March 2022",
    "Sandwell Council Chamber, Freeth Street, Oldbury, B69 3DB.",
    "This meeting will be livestreamed at https://civico.net/sandwell",
    "More information about the Panel, including meeting papers and reports, can be found at "
    "www.westmidlandspcp.co.uk",
    "Contact Officer: Sarah Fradgley",
    "Email: wmpcp@birmingham.gov.uk",
    "Tel: 0121 303 1727",
    "Agenda",
]


@pytest.mark.parametrize(
    ("moment", "label"),
    [(time(13, 30), "1:30pm"), (time(12, 0), "12:00pm"), (time(9, 5), "9:05am"),
     (time(0, 15), "12:15am")],
)  # fmt: skip
def test_clock12(moment: time, label: str) -> None:
    assert clock12(moment) == label


def test_markdown_front_sheet() -> None:
    text = render_agenda_markdown(SHEET)
    lines = [line for line in text.splitlines() if line]
    assert lines[0] == "# " + HEADER_LINES[0]
    assert lines[2] == "This meeting will be livestreamed at <https://civico.net/sandwell>"
    assert lines[7] == "## Agenda"
    assert lines[8] == "| Supporting Document | Item | Topic | Approximate time |"
    assert lines[10].startswith("|  | 1 | **NOTICE OF RECORDING AND WEBCASTING**<br>This meeting")
    assert lines[10].endswith("| 13:30 |")
    assert lines[11] == "|  | 2 | **APOLOGIES** |  |"
    assert lines[13] == "| To Follow | 13 | **ANNUAL REPORT OF COMPLAINT HANDLING** | 15:50 |"
    assert lines[14] == (
        "|  | 15 | **EXEMPT MATTER**<br>Not for publication: exempt information as defined in "
        "paragraph 3 of Schedule 12A to the Local Government Act 1972. |  |"
    )


def test_docx_front_sheet() -> None:
    document = docx.Document(io.BytesIO(render_agenda_docx(SHEET)))
    assert [p.text for p in document.paragraphs if p.text] == HEADER_LINES
    (table,) = document.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Supporting Document", "Item", "Topic", "Approximate time"]
    assert cells[3] == [
        "Attached",
        "6",
        "MINUTES AND LASTEST ACTION TRACKER\nTo confirm the following minutes and note the "
        "latest Action Tracker",
        "13:50",
    ]
    assert len(cells) == 1 + 5
    assert table.rows[1].cells[2].paragraphs[0].runs[0].bold is True
