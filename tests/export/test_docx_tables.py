"""The Word tracker and agenda sheet in the house style (issue 14): the tracker landscape A4
with its columns fitted to what they hold, each table's header row repeated on every page and
no row split across pages, in black rules; the agenda sheet on portrait A4."""

from __future__ import annotations

from datetime import date

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.table import Table

from clerk_tui.export.agenda_sheet import render_agenda_docx
from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.tracker import ActionRow, render_tracker_docx
from tests.export.docx_reading import colours, near, read, theme_references
from tests.export.test_agenda_sheet import SHEET
from tests.export.test_tracker import reference_rows

INFO = DocumentInfo("Action Tracker", subject="Panel", author="Sarah Fradgley")
LANDSCAPE_ROOM_CM = 29.7 - 2 * 2.54
PORTRAIT_ROOM_CM = 21.0 - 2 * 2.54


def grid_widths(table: Table) -> list[float]:
    """The tblGrid's column widths in cm (what LibreOffice lays out by)."""
    cols = table._tbl.tblGrid.findall(qn("w:gridCol"))
    return [Twips(int(c.get(qn("w:w")))).cm for c in cols]


def cell_widths(table: Table) -> list[list[float]]:
    """Each row's cell widths (tcW) in cm (what Word lays out by)."""
    return [[c.width.cm if c.width is not None else 0.0 for c in row.cells] for row in table.rows]


def row_flags(table: Table, tag: str) -> list[bool]:
    return [
        row._tr.trPr is not None and row._tr.trPr.find(qn(tag)) is not None for row in table.rows
    ]


def tracker() -> list[Table]:
    data = render_tracker_docx(reference_rows(), INFO, body_name="Panel", as_of=date(2022, 3, 14))
    return read(data).tables


def test_tracker_is_landscape_a4_black() -> None:
    data = render_tracker_docx(reference_rows(), INFO, body_name="Panel", as_of=date(2022, 3, 14))
    (section,) = read(data).sections
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert near(section.page_width, 29.7) and near(section.page_height, 21.0)
    assert near(section.left_margin, 2.54) and near(section.top_margin, 2.54)
    assert colours(data) <= {"auto", "000000"}
    assert theme_references(data) == []
    assert read(data).core_properties.author == "Sarah Fradgley"


def test_tracker_columns_fitted_to_content_on_grid_and_cells() -> None:
    for table in tracker():
        grid = grid_widths(table)
        minute, when, action, update = grid
        assert minute < 3.0 and when < 3.0  # Minute No. and Date narrow
        assert action > 8.0 and update > 6.0  # Action and Update wide
        assert abs(sum(grid) - LANDSCAPE_ROOM_CM) < 0.05  # the width between the margins
        for row in cell_widths(table):
            assert [round(w, 3) for w in row] == [round(w, 3) for w in grid]
        layout = table._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout is not None and layout.get(qn("w:type")) == "fixed"


def test_tracker_action_gets_more_room_when_it_says_more() -> None:
    long_action = [ActionRow(1, "Nov 2021", "word " * 80, update="Done")]
    (table,) = read(render_tracker_docx(long_action, INFO)).tables
    _, _, action, update = grid_widths(table)
    assert action > update
    long_update = [ActionRow(1, "Nov 2021", "Write", update="word " * 80)]
    (table,) = read(render_tracker_docx(long_update, INFO)).tables
    _, _, action, update = grid_widths(table)
    assert update > action


def test_tracker_header_repeats_and_rows_do_not_split() -> None:
    for table in tracker():
        assert table.style is not None and table.style.name == "Table Grid"
        assert row_flags(table, "w:tblHeader") == [True] + [False] * (len(table.rows) - 1)
        assert all(row_flags(table, "w:cantSplit"))
        assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)


def test_agenda_sheet_in_the_house_style() -> None:
    data = render_agenda_docx(SHEET, DocumentInfo("Agenda", subject="Panel"))
    document = read(data)
    (section,) = document.sections
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert near(section.page_width, 21.0) and near(section.page_height, 29.7)
    assert colours(data) <= {"auto", "000000"}
    assert theme_references(data) == []
    styles = [p.style.name for p in document.paragraphs if p.style is not None and p.text]
    assert styles[0] == "Title" and "Heading 1" in styles
    (table,) = document.tables
    supporting, item, topic, when = grid_widths(table)
    assert topic > max(supporting, item, when)
    assert abs(supporting + item + topic + when - PORTRAIT_ROOM_CM) < 0.05
    assert row_flags(table, "w:tblHeader")[0]
    assert all(row_flags(table, "w:cantSplit"))
    assert document.core_properties.title == "Agenda"
