"""The app makes no network connection, ever: a whole pilot session with every way out of the
machine made to fail (connect, DNS) still passes."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest

from clerk_tui.cli import make_app
from tests.conftest import SIZE, FakeClock


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args[:2]))
        raise NetworkUsed(f"network use attempted: {args[:2]!r}")

    # asyncio's own socketpair (its wake-up pipe) stays; anything reaching out does not.
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket.socket, "sendto", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    return attempts


async def test_a_whole_session_runs_with_the_network_cut(
    no_network: list[str], demo_path: Path, clock: FakeClock
) -> None:
    app = make_app(demo_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("f1", "escape", "e", "escape")
        await pilot.press("enter")  # open the newest meeting on the live screen
        await pilot.pause()
        await pilot.press("a")  # attendance
        await pilot.press("p", "down", "a", "escape")
        await pilot.press("s")  # start the meeting
        await pilot.press("m")  # a minute note
        await pilot.press(*"Noted.", "ctrl+s")
        await pilot.press("ctrl+z", "escape")
        await pilot.pause()
    assert no_network == []
