"""The export screen through the pilot: enter writes the draft minutes in Word; w, f, x and o
change what, format, exempt and file; an existing file is replaced only after a yes; a bad
folder is refused in words with nothing written."""

from __future__ import annotations

import io
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import ClassVar

import docx
import pytest
from sqlmodel import select
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from clerk_tui import paths
from clerk_tui.app import ClerkApp
from clerk_tui.desk import Desk
from db import models
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.sign import SignDialog, sign_minutes
from screens.export import ExportScreen
from tests.conftest import SIZE
from tests.export.reference_meeting import HEADINGS
from tests.test_exporting import (
    CONFIRMING,
    MARCH,
    NOVEMBER,
    SENTINEL,
    add_exempt_item,
    add_minutes_resolution,
    docx_text,
)


def november_id(app: ClerkApp) -> int:
    return next(m.id for m in app.desk.agenda.meetings() if m.date == NOVEMBER)


async def open_export(pilot: Pilot[int], meeting_id: int) -> ExportScreen:
    await pilot.pause()
    # The start-up backup is written by a worker; a test that fingerprints the folder
    # must not catch it half-written.
    await pilot.app.workers.wait_for_complete()
    screen = ExportScreen(meeting_id)
    await pilot.app.push_screen(screen)
    await pilot.pause()
    return screen


def path_of(screen: ExportScreen) -> str:
    return screen.query_one("#export-path", Input).value


def status_of(screen: ExportScreen) -> str:
    return str(screen.query_one("#export-status", Static).render())


async def test_enter_writes_the_draft_minutes_in_word(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        expected = paths.documents_dir() / "Panel-2021-11-29-minutes.docx"
        assert path_of(screen) == str(expected)
        assert screen.preview_text.startswith("**DRAFT**")
        await pilot.press("enter")
        await pilot.pause()
        document = docx.Document(str(expected))
        headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
        assert headings == list(HEADINGS)
        assert status_of(screen) == f"Written: {expected}"
        assert pilot.app.screen is screen
        # Exporting records nothing: the minutes are still the draft they were.
        assert demo_app.desk.papers.minutes_state(november_id(demo_app)).minutes_status == "draft"


async def test_keys_change_what_format_and_file_name(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("f")
        await pilot.pause()
        assert path_of(screen).endswith("Panel-2021-11-29-minutes.pdf")
        await pilot.press("w")
        await pilot.pause()
        assert path_of(screen).endswith("Panel-2021-11-29-agenda.md")
        assert "## Agenda" in screen.preview_text
        await pilot.press("f")
        await pilot.pause()
        assert path_of(screen).endswith("Panel-2021-11-29-agenda.docx")
        for _ in range(3):  # attendance, chapters, back to minutes (its format remembered)
            await pilot.press("w")
            await pilot.pause()
        assert path_of(screen).endswith("Panel-2021-11-29-minutes.pdf")
        assert (screen.what, screen.fmt) == ("minutes", "pdf")


async def test_keys_typed_at_once_act_in_order(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("w", "w", "enter")  # no pause: each key sees the one before
        await pilot.pause()
        assert (screen.what, screen.fmt) == ("attendance", "csv")
        assert screen.preview_text.startswith("| Name | Capacity |")
    written = paths.documents_dir() / "Panel-2021-11-29-attendance.csv"
    assert written.read_bytes().decode("utf-8-sig").startswith("Name,Capacity,")


async def test_a_click_picks_a_choice(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.click("#export-what", offset=(3, 3))  # the fourth line: chapters
        await pilot.pause()
        assert screen.what == "chapters"
        assert path_of(screen).endswith("Panel-2021-11-29-chapters.txt")
        assert "00:00:00 NOTICE OF RECORDING" in screen.preview_text


async def test_x_writes_a_confidential_copy_with_the_exempt_content(demo_app: ClerkApp) -> None:
    add_exempt_item(demo_app.desk.database, november_id(demo_app))
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        assert SENTINEL not in screen.preview_text
        await pilot.press("x")
        await pilot.pause()
        assert SENTINEL in screen.preview_text
        await pilot.press("enter")
        await pilot.pause()
    written = paths.documents_dir() / "Panel-2021-11-29-minutes-CONFIDENTIAL.docx"
    assert SENTINEL in docx_text(written.read_bytes())
    assert not (paths.documents_dir() / "Panel-2021-11-29-minutes.docx").exists()


async def test_an_existing_file_is_replaced_only_after_yes(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("enter")
        await pilot.pause()
        target = Path(path_of(screen))
        target.write_bytes(b"edited in Word")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_bytes() == b"edited in Word"
        assert pilot.app.screen is screen
        await pilot.press("enter", "y")
        await pilot.pause()
        assert target.read_bytes()[:2] == b"PK"


async def test_a_typed_missing_folder_is_refused(demo_app: ClerkApp, tmp_path: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("o")
        assert screen.query_one("#export-path", Input).has_focus
        await pilot.press("ctrl+u", *str(tmp_path / "nowhere" / "m.docx"), "enter")
        await pilot.pause()
        assert status_of(screen).startswith("Not written: cannot write")
        assert "does not exist" in status_of(screen)
        assert not (tmp_path / "nowhere").exists()
        assert not paths.documents_dir().exists()


async def test_a_folder_typed_takes_the_proposed_name(demo_app: ClerkApp, tmp_path: Path) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("o", "ctrl+u", *str(tmp_path), "enter")
        await pilot.pause()
        assert (tmp_path / "Panel-2021-11-29-minutes.docx").exists()
        assert status_of(screen) == f"Written: {tmp_path / 'Panel-2021-11-29-minutes.docx'}"


async def test_escape_leaves_the_file_then_the_screen(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, november_id(demo_app))
        await pilot.press("o", "escape")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert not screen.query_one("#export-path", Input).has_focus
        await pilot.press("escape")
        await pilot.pause()
        assert pilot.app.screen is not screen
        assert not paths.documents_dir().exists()


async def test_a_planned_meeting_offers_its_agenda(demo_app: ClerkApp) -> None:
    march = next(m.id for m in demo_app.desk.agenda.meetings() if m.date == MARCH)
    async with demo_app.run_test(size=SIZE) as pilot:
        screen = await open_export(pilot, march)
        assert screen.what == "agenda"
        await pilot.press("enter")
        await pilot.pause()
    text = (paths.documents_dir() / "Panel-2022-03-14-agenda.md").read_text(encoding="utf-8")
    assert "REBUILDING NEIGHBOURHOOD POLICING" in text


def close_march(desk: Desk) -> int:
    """The March meeting as the live screen leaves it when closed: items taken, numbered."""
    march = next(m.id for m in desk.agenda.meetings() if m.date == MARCH)
    with desk.database.transaction() as session:
        meeting = session.get(models.Meeting, march)
        assert meeting is not None
        meeting.status = "closed"
        meeting.actual_start = datetime(2022, 3, 14, 13, 30)
        meeting.actual_end = datetime(2022, 3, 14, 16, 5)
        session.add(meeting)
        items = session.exec(
            select(models.AgendaItem).where(models.AgendaItem.meeting_id == march)
        ).all()
        for n, item in enumerate(sorted(items, key=lambda i: i.position)):
            item.state, item.minute_number = "taken", 633 + n
            item.actual_start = datetime(2022, 3, 14, 13, 30 + 2 * n)
            session.add(item)
    return march


async def test_closed_march_meeting_to_word_in_one_key(demo_app: ClerkApp) -> None:
    march = close_march(demo_app.desk)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_export(pilot, march)
        await pilot.press("enter")
        await pilot.pause()
    document = docx.Document(
        io.BytesIO((paths.documents_dir() / "Panel-2022-03-14-minutes.docx").read_bytes())
    )
    titles = [p.text for p in document.paragraphs if p.style and p.style.name == "Title"]
    # Issue 14: "DRAFT" once, in the page header; the Title is the heading alone.
    assert [p.text for p in document.sections[0].header.paragraphs] == ["DRAFT"]
    assert titles[0].startswith(
        "MINUTES OF THE MEETING OF THE WEST MIDLANDS POLICE AND CRIME PANEL"
    )


def test_export_screen_snapshot(
    snap_compare: Callable[..., bool], demo_app: ClerkApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fixed documents folder, so the proposed path is the same on every machine.
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", "/home/clerk/Documents")

    async def run_before(pilot: Pilot[int]) -> None:
        await open_export(pilot, november_id(demo_app))
        await pilot.pause()

    before: Callable[[Pilot[int]], Awaitable[None]] = run_before
    assert snap_compare(demo_app, terminal_size=SIZE, run_before=before)


# --------------------------------------------------------------------------------------------
# Signing the minutes (the flow behind the home screen's key).


class SignHost(Screen[None]):
    """Stands in for the home screen: one key that runs the signing flow on a meeting."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("s", "sign", "Sign minutes")]

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.reloads = 0

    def compose(self) -> ComposeResult:
        yield Static("host")

    def action_sign(self) -> None:
        sign_minutes(self, self.meeting_id, then=self.reloaded)

    def reloaded(self) -> None:
        self.reloads += 1


async def open_host(pilot: Pilot[int], meeting_id: int) -> SignHost:
    await pilot.pause()
    host = SignHost(meeting_id)
    await pilot.app.push_screen(host)
    await pilot.pause()
    return host


async def test_sign_recognises_the_confirmation_and_takes_the_date(demo_app: ClerkApp) -> None:
    november = november_id(demo_app)
    march = next(m.id for m in demo_app.desk.agenda.meetings() if m.date == MARCH)
    add_minutes_resolution(demo_app.desk.database, march, CONFIRMING)
    async with demo_app.run_test(size=SIZE) as pilot:
        host = await open_host(pilot, november)
        await pilot.press("s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, SignDialog)
        assert dialog.query_one("#sign-date", Input).value == "2022-03-14"  # the clock's day
        await pilot.press("ctrl+u", *"2022-03-15", "enter")
        await pilot.pause()
        assert pilot.app.screen is host
        assert host.reloads == 1
    state = demo_app.desk.papers.minutes_state(november)
    assert (state.minutes_status, state.signed_on) == ("signed", date(2022, 3, 15))
    assert state.approved_at_meeting_id == march


async def test_sign_a_draft_asks_to_approve_it_first(demo_app: ClerkApp) -> None:
    november = november_id(demo_app)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_host(pilot, november)
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert demo_app.desk.papers.minutes_state(november).minutes_status == "draft"
        await pilot.press("s", "enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    state = demo_app.desk.papers.minutes_state(november)
    assert (state.minutes_status, state.signed_on) == ("signed", date(2022, 3, 14))


async def test_sign_refuses_a_date_that_is_not_one(demo_app: ClerkApp) -> None:
    november = november_id(demo_app)
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_host(pilot, november)
        await pilot.press("s", "ctrl+u", *"someday", "enter")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, SignDialog)
        error = str(dialog.query_one("#form-error", Static).render())
        assert error == "date: 'someday' is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14"
        await pilot.press("escape")
        await pilot.pause()
    assert demo_app.desk.papers.minutes_state(november).minutes_status == "draft"
