"""The type-ahead wait gives up on an app that never settles (keys go on late, never lost),
and counts only the ticks the event loop ran: a pause of the whole process (a garbage
collection, a suspended laptop) is not the app being stuck."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input

from screens import type_ahead


class Busy(Input):
    """A field whose enter sets it to work that goes on until told to stop (an animation):
    its queue is never empty, so the wait cannot settle."""

    def __init__(self) -> None:
        super().__init__(id="busy")
        self.spinning = False

    async def action_submit(self) -> None:
        self.spinning = True
        self.call_later(self.spin)

    async def spin(self) -> None:
        await asyncio.sleep(0.01)  # at work, and the loop runs on meanwhile
        if self.spinning:
            self.call_later(self.spin)


class TypeAheadApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Busy()

    async def on_event(self, event: events.Event) -> None:
        if not type_ahead.holds(self, event):
            await super().on_event(event)


def post(app: App[Any], *keys: str) -> None:
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app.post_message(event)


async def enter_then_ok(app: TypeAheadApp) -> tuple[Busy, type_ahead.TypeAhead]:
    """enter sets the field to work that never settles; "o" and "k" typed behind it wait."""
    busy = app.query_one(Busy)
    post(app, "enter", "o", "k")
    await asyncio.sleep(0.05)
    waiting = type_ahead.type_ahead(app)
    assert busy.spinning and waiting.settling
    return busy, waiting


async def test_keys_behind_a_wait_that_never_settles_go_on_late(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(type_ahead, "GIVE_UP_SECONDS", 0.2)
    app = TypeAheadApp()
    async with app.run_test() as pilot:
        busy, waiting = await enter_then_ok(app)
        assert [e.key for e in waiting.held] == ["o", "k"]
        for _ in range(100):
            await asyncio.sleep(0.05)
            if not waiting.held:
                break
        await asyncio.sleep(0.05)
        busy.spinning = False
        await pilot.pause()
        assert busy.value == "ok"


async def test_a_pause_of_the_whole_process_counts_as_one_tick(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(type_ahead, "GIVE_UP_SECONDS", 0.5)
    app = TypeAheadApp()
    async with app.run_test() as pilot:
        busy, waiting = await enter_then_ok(app)
        time.sleep(0.7)  # the loop itself stops: longer than the whole give-up wait
        await asyncio.sleep(0.1)
        held = [e.key for e in waiting.held]
        busy.spinning = False
        await pilot.pause()
        assert held == ["o", "k"], "a pause of the process gave the wait up"
