"""The tracker's export dialog offers every format the desk writes — Word, PDF, web page, CSV,
Markdown — the file name following the one chosen, and writes PDF and HTML too."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from clerk_tui.app import ClerkApp
from clerk_tui.desk.tracker import EXPORT_FORMATS
from screens.dialogs.tracker_export import TrackerExportDialog
from tests.screens.test_tracker_screen import open_tracker, panel_id

SIZES = [(80, 24), (140, 45)]
SIZE_IDS = ["80x24", "140x45"]


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_every_format_is_offered_and_the_name_follows(
    demo_app: ClerkApp, size: tuple[int, int]
) -> None:
    async with demo_app.run_test(size=size) as pilot:
        await open_tracker(demo_app, pilot)
        await pilot.press("x")
        dialog = demo_app.screen
        assert isinstance(dialog, TrackerExportDialog)
        select = dialog.query_one("#export-format", Select)
        offered = [value for _, value in select._options]
        assert offered == ["docx", "csv", "md", "pdf", "html"]
        assert set(offered) == set(EXPORT_FORMATS)
        assert select.value == "docx"
        path_input = dialog.query_one("#export-path", Input)
        for fmt in ("pdf", "html", "docx"):
            select.value = fmt
            await pilot.pause()
            assert path_input.value.endswith(f"-2022-03-14.{fmt}")
            assert dialog.query_one("#export-format").region.right <= size[0]


@pytest.mark.parametrize(
    ("fmt", "starts"),
    [("pdf", b"%PDF"), ("html", b"<")],
    ids=["pdf", "html"],
)
async def test_pdf_and_html_are_written(demo_app: ClerkApp, fmt: str, starts: bytes) -> None:
    async with demo_app.run_test(size=SIZES[0]) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.press("x")
        dialog = demo_app.screen
        assert isinstance(dialog, TrackerExportDialog)
        dialog.query_one("#export-format", Select).value = fmt
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_app.screen is screen
    written = demo_app.desk.tracker.tracker_export_path(panel_id(demo_app), fmt)
    assert written.read_bytes().lstrip().startswith(starts)
