"""The attendance screen through the pilot at a laptop's 80x24 and a large 140x45: the reorder
keys (stored, audited, undone, in the minutes' ALSO PRESENT), type-to-find, the keys one apology
takes from the live screen, every column in view without scrolling, and SVG snapshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from screens.attendance import AttendanceScreen
from screens.live import LiveScreen
from screens.widgets.item_minute import ItemMinute
from screens.widgets.roster_find import RosterFind
from tests.conftest import FakeClock
from tests.screens.test_attendance import march, record, roster  # noqa: F401  (march: fixture)
from tests.screens.test_live import select_item, stored
from tests.test_pane_agrees import option_words

SIZES = pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])


@pytest.fixture
def app(demo_path: Path, clock: FakeClock, march: int) -> ClerkApp:  # noqa: F811
    return make_app(demo_path, clock=clock, start_meeting=march)


def selected(app: ClerkApp) -> str:
    return roster(app).get_row_at(roster(app).cursor_row)[0].plain


def rows(app: ClerkApp) -> list[str]:
    table = roster(app)
    return [table.get_row_at(i)[0].plain for i in range(table.row_count)]


def detail(app: ClerkApp) -> str:
    return str(app.screen.query_one("#attendance-detail", Static).content)


async def find(pilot: Pilot[int], letters: str) -> None:
    await pilot.press("slash", *[{" ": "space"}.get(k, k) for k in letters], "enter")


def also_present_lines(app: ClerkApp, meeting: int) -> list[str]:
    lines = app.desk.papers.render_paper(meeting, "minutes", "txt").decode().splitlines()
    start = lines.index("ALSO PRESENT: -") + 2
    return [line.split(" – ")[0] for line in lines[start : lines.index("", start)]]


@SIZES
async def test_reorder_keys_move_an_officer_in_also_present(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "a")  # started: the meeting has minutes to read
        for name in ("Simon Foster", "Jonathan Jardine", "Mark Kenyon"):
            await find(pilot, name)
            assert selected(app) == name
            await pilot.press("p")
        await find(pilot, "kenyon")
        await pilot.press("shift+up")
        assert rows(app)[rows(app).index("Mark Kenyon") + 1] == "Jonathan Jardine"
        assert selected(app) == "Mark Kenyon"  # the cursor moves with the person
        assert "order 2 of 3" in detail(app)
        await pilot.press("ctrl+up")  # the agenda's other spelling of the same key
        assert "order 1 of 3" in detail(app)
        assert also_present_lines(app, march) == ["Mark Kenyon", "Simon Foster", "Jonathan Jardine"]
        assert record(app, march, "Mark Kenyon").attendance_id is not None

        # A member is not put in order: refused in one line, nothing changed.
        await find(pilot, "bradley")
        await pilot.press("shift+down")
        assert app._notifications
        message = list(app._notifications)[-1].message
        assert "PRESENT lists the members by surname" in message and "\n" not in message
        assert rows(app)[-7:-4] == ["Mark Kenyon", "Simon Foster", "Jonathan Jardine"]

        # Undo, from the live screen, takes the last move back.
        await pilot.press("escape", "ctrl+z")
        assert isinstance(app.screen, LiveScreen)
        assert also_present_lines(app, march) == ["Simon Foster", "Mark Kenyon", "Jonathan Jardine"]
        await pilot.press("a")
        assert rows(app)[-7:-4] == ["Simon Foster", "Mark Kenyon", "Jonathan Jardine"]


@SIZES
async def test_a_guest_added_goes_after_the_selected_row(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("s", "a")
        for name in ("foster", "jardine"):
            await find(pilot, name)
            await pilot.press("p")
        await find(pilot, "simon")
        await pilot.press("o", *"Tom McNeil", "enter", "enter", *"Adviser", "enter")
        assert isinstance(app.screen, AttendanceScreen)
        assert also_present_lines(app, march) == ["Simon Foster", "Tom McNeil", "Jonathan Jardine"]
        names = rows(app)
        assert names[names.index("Simon Foster") + 1] == "Tom McNeil"


@SIZES
async def test_type_to_find_jumps_to_the_first_name_or_surname(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a")
        field = app.screen.query_one(RosterFind)
        assert not field.display
        await pilot.press("slash", "p", "i")
        assert field.display and field.has_focus
        assert selected(app) == "Cllr Bob Piper"  # "pi": the surname
        await pilot.press("backspace", "backspace", *"kris")
        assert selected(app) == "Kristina Murphy"  # a first name
        await pilot.press("backspace", "backspace", "backspace", "backspace", "j")
        first = selected(app)
        await pilot.press("down")  # the next one whose name has a word starting "j"
        assert selected(app) != first and "j" in selected(app).casefold()
        await pilot.press("up")
        assert selected(app) == first
        await pilot.press("z", "z", "z")  # nobody: the field says so, the selection stays
        assert field.has_class("-none")
        assert selected(app) == first
        await pilot.press("escape")  # ends the search, stays on the screen
        assert isinstance(app.screen, AttendanceScreen)
        assert not field.display and roster(app).has_focus
        await pilot.press("slash")
        assert field.value == ""  # a fresh buffer each time
        await pilot.press(*"ian j", "enter", "a")
        assert record(app, march, "Ian Jones").status == "apologies"


@SIZES
async def test_one_apology_in_a_handful_of_keys(
    app: ClerkApp,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    """From the live screen with the apologies item selected to the apology in its record
    pane: a (roster), / and three letters, enter, a (apologies), escape (back): 8 keys for
    anyone on the roster. Before, it was a, one down per row above them, a and escape: 11 for
    Cllr Piper (the 9th row), 23 for the last officer."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await select_item(pilot, "2")
        pane = app.screen.query_one(ItemMinute)
        assert "Piper" not in option_words(pane.options)
        keys = ["a", "slash", "p", "i", "p", "enter", "a", "escape"]
        await pilot.press(*keys)
        assert isinstance(app.screen, LiveScreen)
        said = option_words(app.screen.query_one(ItemMinute).options)
        assert "Apologies for non-attendance were received on behalf of Cllr Piper" in said
        assert [a.person.full_name for a in stored(app, march).roster].index("Bob Piper") == 8


@SIZES
async def test_every_column_in_view_without_scrolling(
    app: ClerkApp,
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "p")
        await pilot.press("escape")
        clock.set("13:31")
        await pilot.press("s", "a")
        await find(pilot, "brown")
        clock.set("13:40")
        await pilot.press("l")
        table = roster(app)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        labels = [column.label.plain for column in table.columns.values()]
        assert len(labels) == 6  # name, for / role, as, status, arrived, left
        brown = table.get_row_at(table.cursor_row)
        arrived = brown[4].plain
        assert arrived == ("13:40" if size[0] < 100 else "13:40 (item 1)")
        assert "arrived 13:40 (item 1)" in detail(app)  # the item, whatever the width
        for cell, column in zip(brown, table.columns.values(), strict=True):
            assert cell.cell_len <= column.width
        scade = table.get_row_at(rows(app).index("Christian Scade"))[1].plain
        role = "Interim Head of Scrutiny and Committee Services, BCC"
        assert scade == role or (scade.endswith("…") and role.startswith(scade[:-1]))
        assert stored(app, march).roster  # the screen read nothing the Desk did not hand it


@SIZES
def test_attendance_snapshot(
    snap_compare,
    demo_path: Path,
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)

    async def run_before(pilot: Pilot[int]) -> None:
        await pilot.pause()
        await pilot.press("a", "p", "p", "a", "p", "p", "n")
        await pilot.press("escape")
        clock.set("13:31")
        await pilot.press("s", "a")
        await find(pilot, "khan")
        clock.set("13:40")
        await pilot.press("l")
        for name in ("jardine", "foster"):
            await find(pilot, name)
            await pilot.press("p")
        await pilot.press("up", "shift+up")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
