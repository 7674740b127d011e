"""The agenda front sheet and the action tracker as tagged PDF, read back with pypdf."""

from __future__ import annotations

from datetime import date

import pytest

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.pdf import render_agenda_pdf, render_tracker_pdf
from clerk_tui.export.tracker import ActionRow
from tests.export.pdf_support import page_lines, read, structure_tags, structure_text, words
from tests.export.test_agenda_sheet import HEADER_LINES, SHEET
from tests.export.test_tracker import reference_rows

A4 = (595.28, 841.89)
BODY = "West Midlands Police and Crime Panel"


def test_agenda_front_sheet() -> None:
    reader = read(render_agenda_pdf(SHEET, DocumentInfo(HEADER_LINES[0], subject=BODY)))
    page = reader.pages[0]
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4)
    text = " ".join(words(reader))
    assert text.startswith(" ".join(HEADER_LINES).replace("  ", " "))
    assert "Supporting Document Item Topic Approximate time" in text
    assert "Attached 6 MINUTES AND LASTEST ACTION TRACKER To confirm the following" in text
    assert "15 EXEMPT MATTER Not for publication: exempt information" in text
    assert " ".join(structure_text(reader)).split() == words(reader)
    tags = structure_tags(reader)
    assert tags.count("H1") == 1
    assert tags.count("H2") == 1
    assert tags.count("TR") == len(SHEET.items) + 1
    assert tags.count("TH") == 4
    assert reader.metadata is not None
    assert reader.metadata.title == HEADER_LINES[0]
    xs: dict[str, float] = {}

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        xs.setdefault(text.strip(), tm[4])

    page.extract_text(visitor_text=visit)
    # The headers wrap at their spaces so the topics get the width: over half the line.
    assert xs["Approximate"] - xs["Topic"] > (A4[0] - 144) / 2
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def long_tracker() -> list[ActionRow]:
    action = (
        "The Commissioner to provide the Panel with a written briefing on the number of "
        "officers recruited through National Uplift, by force area and by month, with the "
        "retention figures for the same period"
    )
    return [
        ActionRow(600 + n, "Nov 2021", f"{action} ({n}).", update=f"Update {n}: in hand.")
        for n in range(60)
    ]


def test_tracker_is_landscape_with_its_header_on_every_page() -> None:
    reader = read(render_tracker_pdf(long_tracker(), body_name=BODY, as_of=date(2022, 3, 14)))
    assert len(reader.pages) > 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (width, height) == pytest.approx((A4[1], A4[0]))
        text = " ".join(page.extract_text().split())  # "Minute No." may wrap in its cell
        assert text.count("Minute No. Date Action Update") == 1
    lines = page_lines(reader)
    assert lines[0][:2] == [f"{BODY} – Action Tracker", "Date 14 March 2022"]
    # The header read once (the repeats are artifacts): one TH row in the structure.
    assert structure_tags(reader).count("TH") == 4


def test_tracker_structure_reads_each_action_once_in_order() -> None:
    rows = [*long_tracker(), ActionRow(599, "Oct 2021", "Done already", status="completed")]
    reader = read(render_tracker_pdf(rows, body_name=BODY, as_of=date(2022, 3, 14)))
    header = ["Minute No.", "Date", "Action", "Update"]
    expected = [f"{BODY} – Action Tracker", "Date 14 March 2022", "Outstanding Actions", *header]
    for row in rows[:-1]:
        expected += row.cells
    expected += ["Completed Actions", *header, "599", "Oct 2021", "Done already", ""]
    assert " ".join(structure_text(reader)).split() == " ".join(expected).split()


def test_tracker_rows_not_split_across_pages() -> None:
    pages = [" ".join(page) for page in page_lines(read(render_tracker_pdf(long_tracker())))]
    for n in range(60):
        holding = [p for p in pages if f"({n})." in p]
        assert len(holding) == 1
        assert f"{600 + n} Nov 2021 The Commissioner to provide" in holding[0]
        assert f"Update {n}: in hand." in holding[0]


def test_tracker_columns_fitted_to_content() -> None:
    reader = read(render_tracker_pdf(long_tracker()))
    page = reader.pages[0]
    xs: list[float] = []

    def visit(text: str, cm: object, tm: list[float], *_: object) -> None:
        if text.strip() in {"Minute", "Date", "Action", "Update"}:
            xs.append(tm[4])

    page.extract_text(visitor_text=visit)
    minute, day, action, update = xs[:4]
    assert day - minute < 70  # "Minute No." and "Nov 2021" need no more
    assert action - day < 60
    assert update - action > 250  # the action's words get the width


def test_reference_tracker_says_none_for_an_empty_group() -> None:
    outstanding = [r for r in reference_rows() if r.status == "outstanding"]
    reader = read(render_tracker_pdf(outstanding, body_name=BODY))
    lines = [line for page in page_lines(reader) for line in page]
    assert lines[-2:] == ["Completed Actions", "None."]
    assert structure_tags(reader).count("H2") == 2


def test_confidential_tracker_marks_every_page() -> None:
    rows = [*long_tracker(), ActionRow(700, "Mar 2022", "Settle the claim", exempt=True)]
    reader = read(render_tracker_pdf(rows, body_name=BODY))
    for page in reader.pages:
        assert page.extract_text().splitlines()[0] == "CONFIDENTIAL"
    assert "EXEMPT – Settle the claim" in " ".join(words(reader))
