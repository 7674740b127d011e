"""No keystroke lost (issue 13, build 2): every dialog a clerk types into, opened by its real key
on its real screen, typed into as the terminal delivers a fast typist (or tmux's send-keys):
the key that opens the dialog and then every key of every field, tab or enter between them,
posted to the App back to back before the dialog has even been pushed. Every character of every
field must be what was typed — the same as typed slowly, one key at a time, and the same as
pasted, one paste a field.

A prefilled field behaves the same fast or slow: a line (Input) selects its words when the
focus comes to it, so what is typed replaces them; a text area starts at the end of its words,
so what is typed follows them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Select, TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.agenda import AgendaScreen
from screens.attendance import AlsoPresentDialog, AttendanceScreen
from screens.dialogs.action import ActionDialog
from screens.dialogs.action_edit import ActionEditDialog
from screens.dialogs.action_update import ActionUpdateDialog, CompleteDialog
from screens.dialogs.appoint import AppointDialog, DateDialog
from screens.dialogs.body import BodyDialog
from screens.dialogs.declaration import DeclarationDialog
from screens.dialogs.import_agenda import ImportAgendaDialog
from screens.dialogs.item import ItemDialog
from screens.dialogs.meeting import MeetingDialog
from screens.dialogs.note import NoteDialog
from screens.dialogs.replace import ReplaceDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.shift import ShiftDialog
from screens.dialogs.sign import SignDialog
from screens.dialogs.styles import StylesDialog
from screens.dialogs.times import TimesDialog
from screens.dialogs.tracker_export import TrackerExportDialog
from screens.dialogs.vote import VoteDialog
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.live import LiveScreen
from screens.membership import MembershipScreen
from screens.tracker import TrackerScreen
from screens.type_ahead import type_ahead
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.test_decisions import march_meeting

SIZES = [(80, 24), (140, 45)]
# Words with what a quick hand trips over: capitals (T is the live screen's tracker key),
# spaces, punctuation, digits, a pound sign, markup-like brackets.
WORDS = "Two, Three: the Panel's 4/5 [b]items[/b] at £12.50 — agreed?"


@dataclass(frozen=True)
class Field:
    """One field in the focus order: what is typed into it (nothing: passed over by tab),
    what it must hold after (None: what was typed), and the key that leaves it."""

    selector: str
    typed: str = ""
    then: str = "tab"
    expected: str | None = None

    @property
    def holds(self) -> str:
        return self.typed if self.expected is None else self.expected


@dataclass(frozen=True)
class Case:
    """A dialog, the screen it opens on, how that screen is reached (slowly, before the test
    proper), and the key that opens it."""

    dialog: type[Screen[Any]]
    screen: type[Screen[Any]]
    key: str
    fields: Sequence[Field]
    reach: Sequence[str] = ()
    live: bool = False  # the app opens on the live screen, the room seated, item 8 running
    paste: bool = True  # does a paste make sense in every typed field (the vote counts do not)


CASES = {
    "note": Case(
        NoteDialog,
        LiveScreen,
        "m",
        [Field("#note-text", f"{WORDS}\nA second line, after enter.")],
        live=True,
    ),
    "resolution": Case(
        ResolutionDialog,
        LiveScreen,
        "r",
        [Field("#resolution-text", "That the report be noted; and")],
        live=True,
    ),
    "vote": Case(
        VoteDialog,
        LiveScreen,
        "v",
        [
            Field("#vote-motion", "That the Panel Chair's report be approved", then="enter"),
            Field("#vote-for", "12", then="enter"),
            Field("#vote-against", "0", then="enter"),
            Field("#vote-abstentions", "1"),
        ],
        live=True,
        paste=False,
    ),
    "action": Case(
        ActionDialog,
        LiveScreen,
        "t",
        [
            Field("#action-text", WORDS),
            Field("#action-owner", "Chief Executive, OPCC", then="enter"),
            Field("#action-due", "September 2022"),
        ],
        live=True,
    ),
    "declaration": Case(
        DeclarationDialog,
        LiveScreen,
        "d",
        [
            Field("#declaration-member"),
            Field("#declaration-item"),
            Field("#declaration-kind"),
            Field("#declaration-action"),
            Field("#declaration-nature", "Trustee of Victim Support (West Midlands)"),
        ],
        live=True,
    ),
    "also present": Case(
        AlsoPresentDialog,
        AttendanceScreen,
        "o",
        [
            Field("#person-name", "Simon Foster", then="enter"),
            Field("#person-title", "Mr", then="enter"),
            Field("#person-role", "Police and Crime Commissioner"),
        ],
        reach=("a",),
        live=True,
    ),
    "times": Case(
        TimesDialog,
        LiveScreen,
        "ctrl+t",
        [
            Field("#times-item_start", "14:31", then="enter"),
            Field("#times-item_end", "14:52", then="enter"),
            Field("#times-meeting_start", "13:31", then="enter"),
            Field("#times-meeting_end", "16:15"),
        ],
        live=True,
    ),
    "shift": Case(
        ShiftDialog,
        LiveScreen,
        "S",
        [Field("#shift-by", "+5h43", then="enter"), Field("#shift-to", "14:00")],
        live=True,
    ),
    "sentence styles": Case(
        StylesDialog,
        BodyDialog,
        "ctrl+o",
        [
            Field(
                "#style-vote",
                "Following a vote of members present, it was: {sentence}",
                then="enter",
            ),
            Field("#style-apologies", "Apologies: {names}.", then="enter"),
            Field("#style-no-apologies", "There were no apologies."),
        ],
        reach=("e",),
    ),
    "item": Case(
        ItemDialog,
        AgendaScreen,
        "a",
        [
            Field("#item-number", "5a", then="enter"),
            Field("#item-title", "Apologies", then="enter"),
            Field("#item-description", WORDS, then="enter"),
            Field("#item-papers"),
            Field("#item-time", "14:05", then="enter"),
            Field("#item-presenter", "Panel Chair, Cllr Bob Sleigh"),
        ],
        reach=("g",),
    ),
    "meeting (new)": Case(
        MeetingDialog,
        HomeScreen,
        "n",
        [
            Field("#meeting-date", "2022-04-11", then="enter"),
            Field("#meeting-time", "10:00", then="enter"),
            Field("#meeting-venue", "Committee Room 1 [/ Zoom]", then="enter"),
            Field("#meeting-livestream", "https://civico.net/sandwell/2022-04-11"),
        ],
    ),
    "meeting (details)": Case(
        MeetingDialog,
        AgendaScreen,
        "m",
        [
            Field("#meeting-date", "2022-03-15", then="enter"),
            Field("#meeting-time", "14:00", then="enter"),
            Field("#meeting-venue", "Council House, Committee Room 6", then="enter"),
            Field("#meeting-livestream", "https://example.org/live"),
        ],
        reach=("g",),
    ),
    "body (new)": Case(
        BodyDialog,
        HomeScreen,
        "b",
        [
            Field("#body-name", "Staffordshire Police, Fire and Crime Panel", then="enter"),
            Field("#body-short_name", "Panel", then="enter"),
            Field("#body-host_authority", "Staffordshire County Council", then="enter"),
            Field("#body-contact_name", "Mandy Pattinson", then="enter"),
            Field("#body-contact_email", "mandy.pattinson@staffordshire.gov.uk", then="enter"),
            Field("#body-contact_phone", "01785 278502", then="enter"),
            Field("#body-website", "www.staffordshire.gov.uk", then="enter"),
            Field("#body-quorum", "6", then="enter"),
            Field("#body-next_minute_number", "120"),
        ],
    ),
    "body (edit)": Case(
        BodyDialog,
        HomeScreen,
        "e",
        [
            Field("#body-name", "West Midlands Police & Crime Panel", then="enter"),
            Field("#body-short_name", "PCP"),
        ],
    ),
    "appoint": Case(
        AppointDialog,
        MembershipScreen,
        "a",
        [
            Field("#member-title", "Cllr", then="enter"),
            Field("#member-name", "Jane O'Neill-Smith", then="enter"),
            Field("#member-role"),
            Field("#member-represents", "Walsall", then="enter"),
            Field("#member-role-text", "Vice-Chair", then="enter"),
            Field("#member-voting"),
            Field("#member-from", "2022-03-15", then="enter"),
            Field("#member-to", "2023-05-20"),
        ],
        reach=("m",),
    ),
    "replace": Case(
        ReplaceDialog,
        MembershipScreen,
        "r",
        [
            Field("#replace-title", "Mr", then="enter"),
            Field("#replace-name", "Ken Taylor", then="enter"),
            Field("#replace-represents", "Coventry", then="enter"),
            Field("#replace-from", "2022-03-21"),
        ],
        reach=("m",),
    ),
    "roster date": Case(
        DateDialog, MembershipScreen, "d", [Field("#date-value", "2021-06-01")], reach=("m",)
    ),
    "sign": Case(SignDialog, HomeScreen, "s", [Field("#sign-date", "2022-03-15")], reach=("down",)),
    "import agenda": Case(
        ImportAgendaDialog,
        HomeScreen,
        "i",
        [
            Field("#import-path", "~/Documents/agenda 14-03-2022.docx"),
            Field("#import-body", "Panel"),
            Field("#import-date", "2022-03-14"),
            Field("#import-time", "13:30"),
            Field("#import-venue", "Council Chamber, Oldbury"),
        ],
    ),
    "tracker export": Case(
        TrackerExportDialog,
        TrackerScreen,
        "x",
        [Field("#export-path", "~/Documents/tracker, March 2022.docx")],
        reach=("t",),
    ),
    "action (new)": Case(
        ActionEditDialog,
        TrackerScreen,
        "n",
        [
            Field("#action-text", WORDS, then="enter"),
            Field("#action-owner", "PCC", then="enter"),
            Field("#action-due", "31 March 2022", then="enter"),
            Field("#action-minute", "633", then="enter"),
            Field("#action-month", "March 2022"),
        ],
        reach=("t",),
    ),
    "action (edit)": Case(
        ActionEditDialog,
        TrackerScreen,
        "e",
        [
            Field(
                "#action-text",
                " — and sent to the OPCC",
                then="enter",
                expected="Panel Inquiry on Public Confidence in Policing finalised and "
                "presented to PCC for response — and sent to the OPCC",
            ),
            Field("#action-owner", "Panel Chair and PCC", then="enter"),
            Field("#action-due", "30 June 2022"),
        ],
        reach=("t",),
    ),
    "action update": Case(
        ActionUpdateDialog,
        TrackerScreen,
        "u",
        [Field("#update-text", "Report sent 2 March; response due 16/03.")],
        reach=("t",),
    ),
    "action complete": Case(
        CompleteDialog,
        TrackerScreen,
        "c",
        [
            Field("#complete-on", "2022-03-15", then="enter"),
            Field("#complete-update", "Presented 14 March 2022"),
        ],
        reach=("t",),
    ),
}


def key_event(name: str) -> events.Key:
    """A key as the terminal driver makes it: a character's own name ("comma", "space"), or a
    named key with no character (enter is "\\r", as a terminal sends it)."""
    if name == "enter":
        return events.Key("enter", "\r")
    if len(name) == 1:
        return events.Key(name if name.isalnum() else _character_to_key(name), name)
    return events.Key(name, None)


def keys_of(text: str) -> list[events.Key]:
    return [key_event("enter" if c == "\n" else c) for c in text]


def burst(case: Case, *, paste: bool) -> list[events.Key | events.Paste]:
    """The key that opens the dialog, then each field's words (typed, or one paste), the key
    that leaves each field after it."""
    typed: list[events.Key | events.Paste] = [key_event(case.key)]
    for number, spec in enumerate(case.fields):
        if spec.typed:
            typed += [events.Paste(spec.typed)] if paste else keys_of(spec.typed)
        if number < len(case.fields) - 1:
            typed.append(key_event(spec.then))
    return typed


def post(app: ClerkApp, *typed: events.Key | events.Paste) -> None:
    """Events sent as the terminal driver sends them (the App's queue), none waiting."""
    for event in typed:
        event.set_sender(app)
        app.post_message(event)


async def settled(pilot: Pilot[Any]) -> None:
    """Until the keys kept back have all gone on and the app has done with them."""
    waiting = type_ahead(pilot.app)
    for _ in range(200):
        await pilot.pause()
        if not (waiting.settling or waiting.held):
            break
    await pilot.pause()


def value_of(screen: Screen[Any], selector: str) -> object:
    widget = screen.query_one(selector)
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input | Select):
        return widget.value
    return getattr(widget, "value", None)


def app_for(case: Case, demo_path: Path, clock: FakeClock) -> ClerkApp:
    meeting = None
    if case.live:
        database = open_database(demo_path)
        try:
            desk = Desk(database, clock)
            set_room(desk, clock)
            meeting = march_meeting(desk)
        finally:
            database.close()
    return make_app(demo_path, clock=clock, start_meeting=meeting)


async def reach(pilot: Pilot[Any], case: Case) -> None:
    await pilot.pause()
    for key in case.reach:
        await pilot.press(key)
        await settled(pilot)
    assert isinstance(pilot.app.screen, case.screen)


async def check(pilot: Pilot[Any], case: Case) -> None:
    dialog = pilot.app.screen
    assert isinstance(dialog, case.dialog)
    found = {spec.selector: value_of(dialog, spec.selector) for spec in case.fields if spec.typed}
    wanted = {spec.selector: spec.holds for spec in case.fields if spec.typed}
    assert found == wanted


# How it is typed, and at which terminal size: one key at a time, each done with before the
# next; the burst at both sizes; one paste a field.
MODES = {
    "slowly": (140, 45),
    "fast-80x24": (80, 24),
    "fast-140x45": (140, 45),
    "pasted": (80, 24),
}


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("name", list(CASES))
async def test_every_key_typed_ahead_reaches_its_field(
    demo_path: Path, clock: FakeClock, name: str, mode: str
) -> None:
    case = CASES[name]
    if mode == "pasted" and not case.paste:
        pytest.skip("counts are typed, not pasted")
    await typed_ahead(case, demo_path, clock, mode)


async def typed_ahead(case: Case, demo_path: Path, clock: FakeClock, mode: str) -> None:
    """The dialog of ``case`` opened by its key, its fields typed as ``mode`` says (slowly, a
    burst, pasted), and every character checked where it was meant to land."""
    app = app_for(case, demo_path, clock)
    async with app.run_test(size=MODES[mode]) as pilot:
        await reach(pilot, case)
        typed = burst(case, paste=mode == "pasted")
        if mode == "slowly":
            for event in typed:
                post(app, event)
                await settled(pilot)
        else:
            post(app, *typed)
            await settled(pilot)
        await check(pilot, case)


# ---- beyond one dialog --------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
async def test_a_burst_through_two_dialogs_records_both_as_typed(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """A note recorded with ctrl+s, then a resolution, in one burst: the keys after the first
    record go to the live screen (r opens the resolution), not into the closing note."""
    app = app_for(CASES["note"], demo_path, clock)
    note, resolution = "The Chair welcomed Members.", "That the report be noted."
    async with app.run_test(size=size) as pilot:
        await reach(pilot, CASES["note"])
        post(app, key_event("m"), *keys_of(note), key_event("ctrl+s"))
        post(app, key_event("r"), *keys_of(resolution), key_event("ctrl+s"))
        await settled(pilot)
        assert isinstance(app.screen, LiveScreen)
        minute = app.desk.decisions.item_minute(app.screen.current_item_id or 0)
    assert [n.text for n in minute.notes][-1:] == [note]
    assert [r.text for r in minute.resolutions][-1:] == [resolution]


async def test_x_then_d_typed_at_once_defers_the_item(demo_path: Path, clock: FakeClock) -> None:
    """The defer dialog takes one key: typed straight after x, it still reaches the dialog."""
    app = app_for(CASES["note"], demo_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(pilot, CASES["note"])
        running = app.screen.current_item_id
        assert isinstance(app.screen, LiveScreen) and running is not None
        post(app, key_event("x"), key_event("d"))
        await settled(pilot)
        assert isinstance(app.screen, LiveScreen)
        assert app.desk.decisions.item_minute(running).item.state == "deferred"


async def test_the_tracker_filter_takes_words_typed_straight_after_the_slash(
    demo_path: Path, clock: FakeClock
) -> None:
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await settled(pilot)
        assert isinstance(app.screen, TrackerScreen)
        post(app, key_event("slash"), *keys_of("Public Confidence"))
        await settled(pilot)
        assert app.screen.query_one("#tracker-search", Input).value == "Public Confidence"


@pytest.mark.parametrize("name", ["note", "vote", "item", "body (new)"])
async def test_f1_in_a_dialog_shows_its_keys(demo_path: Path, clock: FakeClock, name: str) -> None:
    case = CASES[name]
    app = app_for(case, demo_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(pilot, case)
        post(app, key_event(case.key), key_event("f1"))
        await settled(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        keys = {key: name for key, name, *_ in help_screen.rows}
        assert keys["escape"] == "Cancel" and keys["f1"] == "Keys"
        await pilot.press("escape")
        assert isinstance(app.screen, case.dialog)  # back to the dialog, as it was


async def test_f1_in_the_defer_dialog_shows_its_keys(demo_path: Path, clock: FakeClock) -> None:
    app = app_for(CASES["note"], demo_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(pilot, CASES["note"])
        post(app, key_event("x"), key_event("f1"))
        await settled(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.screen_title == "Defer or withdraw"
        assert {key: name for key, name, *_ in help_screen.rows}["d"] == "Defer"


@pytest.mark.parametrize("mode", ["slowly", "fast"])
async def test_an_action_from_the_resolution_just_recorded_keeps_its_words_and_the_typing(
    demo_path: Path, clock: FakeClock, mode: str
) -> None:
    """r, the resolution, ctrl+s, then t at once: the action opens with the resolution's words
    (the one just recorded is the one selected) and what is typed follows them, all of it."""
    app = app_for(CASES["note"], demo_path, clock)
    resolution = "That the Commissioner be asked to report back to the Panel in June 2022"
    typed = [
        key_event("r"),
        *keys_of(resolution),
        key_event("ctrl+s"),
        key_event("t"),
        *keys_of(" on recruitment."),
        key_event("tab"),
        *keys_of("PCC"),
    ]
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(pilot, CASES["note"])
        if mode == "slowly":
            for event in typed:
                post(app, event)
                await settled(pilot)
        else:
            post(app, *typed)
            await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, ActionDialog)
        assert value_of(dialog, "#action-text") == f"{resolution} on recruitment."
        assert value_of(dialog, "#action-owner") == "PCC"
