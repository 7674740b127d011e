"""Every screen at a laptop's 80x24 (and the live screen at 60x20): nothing the clerk works from
narrower than what it holds, no column pushed off the edge, the help key always in the footer.
SVG snapshots of the main screens at 80x24 and 140x45."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Checkbox, DataTable, Input, Static
from textual.widgets._footer import FooterKey

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.widgets.clock_bar import fit_parts
from screens.widgets.fit_table import share_widths
from screens.widgets.footer import LAST, keys_to_show
from tests.conftest import FakeClock
from tests.screens.test_export_screen import november_id, open_export
from tests.screens.test_live_snapshots import _mid_meeting
from tests.screens.test_tracker_screen import open_tracker

SMALL = (80, 24)


@pytest.fixture
def march(demo_path: Path) -> int:
    database = open_database(demo_path)
    try:
        return next(m.id for m in Desk(database).agenda.meetings() if m.date == date(2022, 3, 14))
    finally:
        database.close()


SIZES = [(80, 24), (140, 45)]
SIZE_IDS = ["80x24", "140x45"]


def shown_keys(app: ClerkApp) -> list[str]:
    return [key.key_display for key in app.screen.query(FooterKey) if key.display]


def footer_fits(app: ClerkApp) -> None:
    keys = [key for key in app.screen.query(FooterKey) if key.display]
    assert "f1" in [key.key_display for key in keys]
    right = max(key.region.right for key in keys)
    assert right <= app.size.width  # nothing drawn past the edge, f1 included


def columns_in_view(table: DataTable[object]) -> None:
    """Every column of the table starts and ends inside it: no sideways scrolling needed."""
    assert table.virtual_size.width <= table.size.width
    assert table.scroll_x == 0


# ---- the live screen -----------------------------------------------------------------------
async def test_live_stacks_at_80x24_with_a_record_pane_60_wide(
    demo_path: Path, clock: FakeClock, march: int
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=SMALL) as pilot:
        await _mid_meeting(pilot, clock)
        screen = app.screen
        record = screen.query_one("#item-pane").region
        agenda = screen.query_one("#agenda-pane").region
        assert record.width >= 60
        assert agenda.bottom <= record.y  # the agenda above, the record below
        assert screen.query_one("#item-minute").region.height >= 6
        # The running item (7) is in the agenda's few rows, with the item after it.
        table = screen.query_one("#agenda", DataTable)
        top = int(table.scroll_y)
        visible = range(top, top + table.size.height - 1)
        assert table.cursor_row in visible and table.cursor_row + 1 in visible
        assert str(table.get_row_at(table.cursor_row)[1]) == "7"
        columns_in_view(table)
        footer_fits(app)


async def test_live_keeps_its_record_pane_at_60x20(
    demo_path: Path, clock: FakeClock, march: int
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=(60, 20)) as pilot:
        await _mid_meeting(pilot, clock)
        minute = app.screen.query_one("#item-minute").region
        assert minute.width >= 55 and minute.height >= 4
        columns_in_view(app.screen.query_one("#agenda", DataTable))
        footer_fits(app)


async def test_live_is_side_by_side_at_140x45(
    demo_path: Path, clock: FakeClock, march: int
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=(140, 45)) as pilot:
        await _mid_meeting(pilot, clock)
        agenda = app.screen.query_one("#agenda-pane").region
        record = app.screen.query_one("#item-pane").region
        assert agenda.width == 66 and record.x >= agenda.right and record.y == agenda.y
        # Wide enough for every key of the meeting, the debate's M and k among them: only
        # quitting and the palette (dropped first, both in the key map) may give way.
        keys = list(app.screen.query(FooterKey))
        assert {k.key for k in keys if k.display} >= {"M", "k"}
        assert {k.action for k in keys if not k.display} <= LAST


async def test_the_selection_survives_a_resize_across_the_breakpoint(
    demo_path: Path, clock: FakeClock, march: int
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=SMALL) as pilot:
        await _mid_meeting(pilot, clock)
        table = app.screen.query_one("#agenda", DataTable)
        await pilot.press("down", "down")  # item 9, while 7 runs
        selected = table.cursor_row
        assert str(table.get_row_at(selected)[1]) == "9"
        await pilot.resize_terminal(140, 45)
        await pilot.pause()
        assert table.cursor_row == selected
        assert str(table.get_row_at(selected)[2]).startswith("NATIONAL POLICING PRIORIT")
        assert "selected: item 9" in str(app.screen.query_one("#selected-hint", Static).content)


@pytest.mark.parametrize("size", [(80, 24), (60, 20), (140, 45)], ids=["80", "60", "140"])
async def test_the_clock_bar_never_runs_its_parts_together(
    demo_path: Path, clock: FakeClock, march: int, size: tuple[int, int]
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=size) as pilot:
        await _mid_meeting(pilot, clock)
        parts: list[Widget] = [p for p in app.screen.query("#clock-bar > Static") if p.display]
        regions = sorted((p.region for p in parts), key=lambda r: r.x)
        for left, right in pairwise(regions):
            assert left.right <= right.x
        assert regions[-1].right <= size[0]
        shown = {p.id: str(p.content) for p in parts if isinstance(p, Static)}
        # Clock, lateness and quorum always; the estimate of the close gives way first.
        assert shown["bar-clock"] == "14:40:00"
        assert shown["bar-lateness"] == "3 min late"
        assert shown["bar-quorum"] == "Quorate 5/5"
        if size[0] >= 110:
            assert shown["bar-close"] == "close ~16:10 (planned 16:00)"
        else:
            assert shown["bar-close"] == "close ~16:10"


# ---- the other screens ---------------------------------------------------------------------
async def test_home_at_80x24_shows_status_minutes_and_items(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        table = demo_app.screen.query_one("#meetings", DataTable)
        columns_in_view(table)
        labels = [str(c.label) for c in table.ordered_columns]
        assert labels[-3:] == ["Status", "Minutes", "Items"]
        venue = table.get_row_at(0)[2]
        assert venue.overflow == "ellipsis"  # type: ignore[attr-defined]
        columns_in_view(demo_app.screen.query_one("#bodies", DataTable))
        footer_fits(demo_app)


@pytest.mark.parametrize(
    ("key", "tables"),
    [("g", ["#agenda-items"]), ("m", ["#members", "#attenders"])],
    ids=["agenda", "membership"],
)
async def test_preparation_screens_at_80x24_need_no_sideways_scroll(
    demo_app: ClerkApp, key: str, tables: list[str]
) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        for table in tables:
            columns_in_view(demo_app.screen.query_one(table, DataTable))
        footer_fits(demo_app)


async def test_tracker_at_80x24_keeps_f1(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        screen = await open_tracker(demo_app, pilot)
        await pilot.pause()
        assert screen.query_one("#tracker-table").region.width == 80
        footer_fits(demo_app)


@pytest.mark.parametrize("keys", [("b",), ("m", "a"), ("g", "a")], ids=["body", "appoint", "item"])
async def test_a_form_fits_80x24_without_scrolling(
    demo_app: ClerkApp, keys: tuple[str, ...]
) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        dialog = demo_app.screen.query_one(".dialog").region
        assert dialog.height <= SMALL[1] and dialog.width <= SMALL[0]
        fields = list(demo_app.screen.query(Input))
        assert fields
        for field in fields:  # every field on screen at once, inside the dialog
            assert field.region.height == 1 and dialog.contains_region(field.region)


async def test_a_tick_box_says_its_state_plainly(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("m", "a")  # appoint: the voting box
        await pilot.pause()
        box = demo_app.screen.query_one(Checkbox)
        box.value = False
        await pilot.pause()
        off = box.get_component_rich_style("toggle--button")
        assert off.color == off.bgcolor  # unticked: the X in the box's own colour, unseen
        box.value = True
        await pilot.pause()
        on = box.get_component_rich_style("toggle--button")
        assert on.color != on.bgcolor and on.bold


# ---- the pure parts ------------------------------------------------------------------------
def test_the_help_key_is_kept_and_the_rest_by_order() -> None:
    widths = [("note", 7), ("vote", 6), ("start", 7), ("quit", 7), ("help", 7)]
    assert keys_to_show(widths, 21) == {0, 1, 4}
    assert keys_to_show(widths, 5) == {4}
    assert keys_to_show(widths, 100) == {0, 1, 2, 3, 4}


def test_the_clock_bar_gives_way_by_priority() -> None:
    parts = {
        "bar-clock": ["14:40:00"],
        "bar-elapsed": ["started 13:31 · 1:09:00", "1:09:00"],
        "bar-lateness": ["3 min late"],
        "bar-close": ["close ~16:10 (planned 16:00)", "close ~16:10"],
        "bar-quorum": ["Quorate 5/5"],
    }
    assert fit_parts(parts, 120)["bar-close"] == "close ~16:10 (planned 16:00)"
    assert fit_parts(parts, 80)["bar-close"] == "close ~16:10"
    narrow = fit_parts(parts, 40)
    assert narrow["bar-close"] is None and narrow["bar-elapsed"] is None
    assert narrow["bar-quorum"] == "Quorate 5/5" and narrow["bar-lateness"] == "3 min late"


def test_free_text_columns_give_way_in_order_down_to_their_minimum() -> None:
    assert share_widths([10, 40, 20], [(1, 8), (2, 6)], 100) == [10, 40, 20]
    assert share_widths([10, 40, 20], [(1, 8), (2, 6)], 50) == [10, 20, 20]
    assert share_widths([10, 40, 20], [(1, 8), (2, 6)], 20) == [10, 8, 6]


# ---- snapshots -----------------------------------------------------------------------------
Before = Callable[[Pilot[int]], Awaitable[None]]


def _press(*keys: str) -> Before:
    async def before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return before


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("screen", ["home", "agenda", "membership"])
def test_preparation_snapshots(
    snap_compare: Callable[..., bool],
    demo_path: Path,
    clock: FakeClock,
    screen: str,
    size: tuple[int, int],
) -> None:
    before = {"home": _press(), "agenda": _press("g"), "membership": _press("m")}[screen]
    app = make_app(demo_path, clock=clock)
    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_tracker_snapshots(
    snap_compare: Callable[..., bool], demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(demo_path, clock=clock)

    async def before(pilot: Pilot[int]) -> None:
        await open_tracker(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_export_snapshots(
    snap_compare: Callable[..., bool],
    demo_app: ClerkApp,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", "/home/clerk/Documents")

    async def before(pilot: Pilot[int]) -> None:
        await open_export(pilot, november_id(demo_app))
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=before)
