"""The tracker screen and exempt items, through the pilot: an action raised on an exempt item is
shown marked EXEMPT; the export leaves it out unless the clerk includes exempt actions, and then
writes a CONFIDENTIAL copy, 0600 even over a file others could read."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

from textual.widgets import Input, Select, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from screens.dialogs.tracker_export import TrackerExportDialog
from screens.tracker import TrackerScreen
from screens.widgets.action_table import ActionTable
from tests.bad_inputs.exempt_actions import (
    PUBLIC_ACTION,
    SECRET_ACTION,
    SECRET_DONE,
    SECRETS,
    make_exempt,
)
from tests.conftest import SIZE, FakeClock


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


async def test_exempt_actions_are_marked_on_the_screen(demo_path: Path, clock: FakeClock) -> None:
    make_exempt(demo_path)
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.desk.agenda.find_body("Panel")
        assert panel is not None
        await app.push_screen(TrackerScreen(panel.id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        table = screen.query_one(ActionTable)
        lines = [table.render_line(y).text for y in range(1, len(table.rows) + 1)]
        secret_lines = [line for line in lines if "QUOKKA" in line]
        assert len(secret_lines) == 2  # the outstanding and the completed one, both shown
        assert all("EXEMPT QUOKKA" in line for line in secret_lines)
        assert not any("EXEMPT" in line for line in lines if "QUOKKA" not in line)

        # Selected, the detail says why and where it will not go.
        await pilot.press("home")
        while screen.selected is not None and SECRET_ACTION not in screen.selected.text:
            await pilot.press("down")
        await pilot.pause()
        shown = str(screen.query_one("#tracker-detail", Static).content)
        assert "EXEMPT (paragraph 3 of Schedule 12A): left out of public exports" in shown

        # Typing "exempt" in the filter finds exactly them.
        await pilot.press("slash", *"exempt")
        await pilot.pause()
        assert {a.text.split()[0] for a in table.rows} == {SECRET_ACTION, SECRET_DONE}


async def test_export_leaves_them_out_unless_included(
    demo_path: Path, clock: FakeClock, tmp_path: Path
) -> None:
    make_exempt(demo_path)
    app = make_app(demo_path, clock=clock)
    public = tmp_path / "public.csv"
    secret = tmp_path / "secret.csv"
    secret.write_text("an old public copy", encoding="utf-8")
    secret.chmod(0o644)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.desk.agenda.find_body("Panel")
        assert panel is not None
        await app.push_screen(TrackerScreen(panel.id))
        await pilot.pause()

        # x: the choice is there, "leave them out" by default.
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, TrackerExportDialog)
        assert dialog.query_one("#export-exempt", Select).value == "no"
        dialog.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith("-2022-03-14.csv")
        path_input.value = str(public)
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = public.read_text(encoding="utf-8-sig")
        assert PUBLIC_ACTION in text and not any(s in text for s in SECRETS)

        # Included: the default name says CONFIDENTIAL, and the copy over a 0644 file is 0600.
        await pilot.press("x")
        dialog = app.screen
        assert isinstance(dialog, TrackerExportDialog)
        dialog.query_one("#export-format", Select).value = "csv"
        dialog.query_one("#export-exempt", Select).value = "yes"
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value.endswith("-2022-03-14-CONFIDENTIAL.csv")
        path_input.value = str(secret)
        await pilot.press("ctrl+s")
        await pilot.press("y")  # replace the old copy
        await pilot.pause()
        rows = rows_of(secret)
        assert rows[0][-1] == "Exempt"
        assert {r[2].split()[0] for r in rows[1:] if r[-1] == "Exempt"} == {
            SECRET_ACTION,
            SECRET_DONE,
        }
        assert stat.S_IMODE(secret.stat().st_mode) == 0o600


async def test_no_exempt_choice_where_there_is_nothing_exempt(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = demo_app.desk.agenda.find_body("Panel")
        assert panel is not None
        await demo_app.push_screen(TrackerScreen(panel.id))
        await pilot.pause()
        await pilot.press("x")
        dialog = demo_app.screen
        assert isinstance(dialog, TrackerExportDialog)
        assert not dialog.query("#export-exempt")
