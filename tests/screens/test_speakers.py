"""``K`` on the live screen: the current item's speakers listed by keys, as few as the issue's
budget asks (K, then each speaker's name, enter, a capacity letter, enter; escape), typed
slowly, in one burst (a fast typist, tmux's send-keys) and pasted; edited, deleted and moved
from the list; a capacity it does not know refused in words beside the fields."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_time_limit
from db import open_database
from screens.dialogs.speakers import SpeakersDialog, capacity_of
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.screens.test_type_ahead import key_event, keys_of, post, settled
from tests.test_decisions import march_meeting

SIZES = [(80, 24), (140, 45)]
# Three public speakers as the clerk lists them: name, the capacity letter (nothing: the one
# before's, kept), and what is stored.
THREE = (
    ("Mr Xavier Hale", "o", "public-objection"),
    ("Mrs Dora Quint", "", "public-objection"),
    ("Ms Ada Price", "s", "public-support"),
)


@asynccontextmanager
async def live(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> AsyncIterator[tuple[ClerkApp, Pilot[None], LiveScreen]]:
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        set_room(desk, clock)
        meeting = march_meeting(desk)
    finally:
        database.close()
    app = make_app(demo_path, clock=clock, start_meeting=meeting)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        yield app, pilot, screen  # type: ignore[misc]


def stored(app: ClerkApp, screen: LiveScreen) -> list[tuple[str, str, int]]:
    return [
        (s.name, s.capacity, s.time_limit)
        for s in app.desk.speakers.speakers(screen.current_item_id or 0)
    ]


def typed_keys(paste: bool) -> tuple[list[events.Key | events.Paste], int]:
    """K, then for each speaker: the name (typed, or one paste), enter, its letter, enter;
    escape to close. With them, how many are command keys (all but the names' letters)."""
    typed: list[events.Key | events.Paste] = [key_event("K")]
    commands = 1
    for name, letter, _ in THREE:
        typed += [events.Paste(name)] if paste else keys_of(name)
        typed += [key_event("enter"), *keys_of(letter), key_event("enter")]
        commands += 2 + len(letter)
    typed.append(key_event("escape"))
    return typed, commands + 1


MODES = {"slowly": (140, 45), "fast-80x24": (80, 24), "fast-140x45": (140, 45), "pasted": (80, 24)}


@pytest.mark.parametrize("mode", list(MODES))
async def test_three_speakers_are_listed_in_few_keys_however_they_are_typed(
    demo_path: Path, clock: FakeClock, mode: str
) -> None:
    async with live(demo_path, clock, MODES[mode]) as (app, pilot, screen):
        typed, commands = typed_keys(paste=mode == "pasted")
        if mode == "slowly":
            for event in typed:
                post(app, event)
                await settled(pilot)
        else:
            post(app, *typed)
            await settled(pilot)
        assert app.screen is screen  # escape closed the list: nothing typed was left in it
        assert stored(app, screen) == [(name, capacity, 180) for name, _, capacity in THREE]
    # K; enter o enter; enter enter (the capacity kept); enter s enter; escape.
    assert commands == 10


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
async def test_the_list_edits_moves_and_deletes_a_speaker(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    async with live(demo_path, clock, size) as (app, pilot, screen):
        post(app, *typed_keys(paste=True)[0][:-1])  # the three listed, the dialog left open
        await settled(pilot)
        dialog = app.screen
        assert isinstance(dialog, SpeakersDialog)
        assert dialog.query_one("#speaker-name", Input).value == ""
        assert dialog.query_one("#speaker-capacity", Input).value == "s"  # kept for the next
        await pilot.press("shift+tab")  # to the list, on the one just listed
        await pilot.press("ctrl+up")
        assert [name for name, *_ in stored(app, screen)] == [
            "Mr Xavier Hale",
            "Ms Ada Price",
            "Mrs Dora Quint",
        ]
        await pilot.press("enter")  # edit Ms Price: her words in the form
        assert dialog.query_one("#speaker-name", Input).value == "Ms Ada Price"
        await pilot.press(*"Ms Ada Pryce", "enter", "t", "tab", "2", ":", "3", "0")
        await pilot.press("enter")
        assert stored(app, screen)[1] == ("Ms Ada Pryce", "other", 150)
        await pilot.press("shift+tab", "up", "up", "delete")
        assert [name for name, *_ in stored(app, screen)] == ["Ms Ada Pryce", "Mrs Dora Quint"]
        assert "ctrl+z" in str(dialog.query_one("#speakers-doing", Static).content)
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("ctrl+z")  # the deletion taken back
        assert len(stored(app, screen)) == 3


async def test_a_capacity_it_does_not_know_is_refused_beside_the_fields(
    demo_path: Path, clock: FakeClock
) -> None:
    async with live(demo_path, clock, (80, 24)) as (app, pilot, screen):
        await pilot.press("K", *"Mr Hale", "enter", "z", "enter")
        dialog = app.screen
        assert isinstance(dialog, SpeakersDialog)
        error = str(dialog.query_one("#form-error", Static).content)
        assert "'z' is no capacity" in error and "o objection" in error
        assert dialog.query_one("#speaker-name", Input).value == "Mr Hale"  # kept
        assert stored(app, screen) == []
        await pilot.press("backspace", *"ward", "enter")
        assert stored(app, screen) == [("Mr Hale", "ward-member", 180)]


def test_a_capacity_is_one_letter_or_the_start_of_its_words() -> None:
    assert [capacity_of(t) for t in ("s", "O", "w", "f", "a", "t")] == [
        "public-support",
        "public-objection",
        "ward-member",
        "officer",
        "applicant",
        "other",
    ]
    assert capacity_of("objection") == "public-objection"
    assert capacity_of("ward") == "ward-member"
    assert capacity_of("z") is None and capacity_of("") is None


def test_a_time_limit_is_minutes_or_minutes_and_seconds() -> None:
    assert [parse_time_limit(t) for t in ("3:00", "2:30", "3", "0", "", " 10 ")] == [
        180,
        150,
        180,
        0,
        0,
        600,
    ]
    for wrong in ("2:75", "three", "-1", "1:2"):
        with pytest.raises(ClerkError, match="a time limit is minutes"):
            parse_time_limit(wrong)
