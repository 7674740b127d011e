"""No keystroke lost in the debate's dialogs (as tests/screens/test_type_ahead.py asks of every
dialog): M and the motion's words, part of a mover's name, tab, a seconder's, typed as a fast
typist (or tmux's send-keys) delivers them, before the dialog has even opened; or pasted. The
name typed in part is taken whole by tab, fast or slow alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from db import open_database
from screens.dialogs.motion import MotionDialog
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.screens.test_type_ahead import (
    MODES,
    WORDS,
    Case,
    Field,
    key_event,
    keys_of,
    post,
    settled,
    typed_ahead,
)
from tests.test_decisions import march_meeting

MOTION = Case(
    MotionDialog,
    LiveScreen,
    "M",
    [
        Field("#motion-text", WORDS, then="enter"),
        Field("#motion-mover", "brad", then="tab", expected="Cllr Paul Bradley"),
        Field("#motion-seconder", "Kristina"),
    ],
    live=True,
)


@pytest.mark.parametrize("mode", list(MODES))
async def test_the_motion_dialog_typed_ahead(demo_path: Path, clock: FakeClock, mode: str) -> None:
    await typed_ahead(MOTION, demo_path, clock, mode)


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
async def test_an_amendment_typed_ahead_through_the_debate(
    demo_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    """M a and the amendment, recorded with enter, in one burst behind the motion: every key
    lands in the dialog it was meant for, and both are recorded as typed."""
    database = open_database(demo_path)
    try:
        desk = Desk(database, clock)
        item = set_room(desk, clock)
        meeting = march_meeting(desk)
    finally:
        database.close()
    app = make_app(demo_path, clock=clock, start_meeting=meeting)
    motion, amendment = "that the report be noted", "to add and commended"
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        post(app, key_event("M"), *keys_of(motion), key_event("enter"))
        post(app, *keys_of("brad"), key_event("tab"), *keys_of("brown"), key_event("enter"))
        post(app, key_event("M"), key_event("a"), *keys_of(amendment), key_event("enter"))
        post(app, *keys_of("khan"), key_event("tab"), *keys_of("murphy"), key_event("enter"))
        await settled(pilot)
        assert isinstance(app.screen, LiveScreen)
        moved = app.desk.debate.debate_setup(item).motions
    assert [(m.text, m.kind) for m in moved] == [(motion, "motion"), (amendment, "amendment")]
    assert [
        (m.mover and m.mover.full_name, m.seconder and m.seconder.full_name) for m in moved
    ] == [
        ("Paul Bradley", "Mick Brown"),
        ("Abdul Khan", "Kristina Murphy"),
    ]
