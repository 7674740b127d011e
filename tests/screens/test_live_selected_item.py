"""Issue 13, "the selected item": [ asks before it un-takes an item, and a closed meeting's
footer offers only what applies, refusing the rest in one line. At 80x24 and 140x45."""

from __future__ import annotations

import pytest
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from clerk_tui.app import ClerkApp
from screens.dialogs.confirm import ConfirmDialog
from screens.live import LiveScreen
from tests.conftest import FakeClock
from tests.screens.test_live import (
    live_app,  # noqa: F401  (the fixture)
    live_screen,
    march,  # noqa: F401  (the fixture)
    notifications,
    run_meeting,
    select_item,
    stored,
)

SIZES = pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])


def states(app: ClerkApp, march: int, count: int = 3) -> list[str]:  # noqa: F811
    return [line.item.state for line in stored(app, march).lines[:count]]


@SIZES
async def test_going_back_asks_naming_the_item_and_what_it_holds(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        clock.set("13:30")
        await pilot.press("s")
        clock.set("13:33")
        await pilot.press("right_square_bracket")  # item 2 runs
        await pilot.press("m", *"Noted", "ctrl+s")
        before = stored(live_app, march)

        await pilot.press("left_square_bracket")
        dialog = live_app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith("Go back to Item 1 — ")
        assert dialog.detail.startswith("Item 2 — ")
        assert dialog.detail.endswith(
            "becomes not yet taken (its times are cleared). What is recorded on it (1 note) "
            "stays, unminuted until it is taken again."
        )
        # The whole question is readable on the screen.
        shown = [str(s.content) for s in dialog.query(Static)]
        assert dialog.detail in shown
        await pilot.press("n")  # no: everything as it was
        assert isinstance(live_app.screen, LiveScreen)
        assert stored(live_app, march).snapshot == before.snapshot
        await pilot.press("left_square_bracket", "escape")
        assert stored(live_app, march).snapshot == before.snapshot

        await pilot.press("left_square_bracket", "enter")  # yes
        assert states(live_app, march) == ["running", "pending", "pending"]
        assert live_screen(live_app).current_item_id == stored(live_app, march).lines[0].item.id
        # The note stays with item 2.
        two = stored(live_app, march).lines[1].item.id
        assert [n.text for n in stored(live_app, march).minute(two).notes] == ["Noted"]


async def test_going_back_with_nothing_recorded_says_so(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    async with live_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        clock.set("13:30")
        await pilot.press("s", "right_square_bracket", "left_square_bracket")
        dialog = live_app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.detail.endswith("Nothing is recorded on it yet.")
        await pilot.press("y")
        assert states(live_app, march) == ["running", "pending", "pending"]
        # With nothing before item 1, [ asks nothing and says why.
        await pilot.press("left_square_bracket")
        assert isinstance(live_app.screen, LiveScreen)
        assert notifications(live_app)[-1] == "no item has been taken before this one"


def footer_actions(app: ClerkApp) -> set[str]:
    return {key.action for key in app.screen.query(FooterKey)}


@SIZES
async def test_a_closed_meeting_offers_only_what_applies(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = footer_actions(live_app)
        if size == (140, 45):  # the wide footer shows them all while the meeting is open
            assert {"start", "next_item", "defer", "end_meeting"} <= shown
        await run_meeting(pilot, clock)
        clock.set("14:20")
        await pilot.press("e", "y")
        await pilot.pause()
        open_only = {"start", "next_item", "previous_item", "defer", "end_meeting"}
        actions = {b.binding.action for b in live_app.screen.active_bindings.values()}
        assert not actions & open_only
        assert not footer_actions(live_app) & open_only
        assert {"minute_note", "attendance", "export"} <= actions
        before = stored(live_app, march)
        told = len(notifications(live_app))
        for key in ("s", "right_square_bracket", "left_square_bracket", "x", "e"):
            await pilot.press(key)
            assert isinstance(live_app.screen, LiveScreen), key  # no dialog
        assert stored(live_app, march).snapshot == before.snapshot
        refusals = notifications(live_app)[told:]
        assert refusals == ["The meeting is closed: its times change only by ctrl+t or S"] * 5
        # ctrl+t still opens (its times can be put right).
        await pilot.press("ctrl+t")
        assert type(live_app.screen).__name__ == "TimesDialog"


@SIZES
async def test_a_closed_meeting_refuses_records_on_an_item_it_never_took(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
    size: tuple[int, int],
) -> None:
    async with live_app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("a", "p", "p", "escape")
        await run_meeting(pilot, clock)
        clock.set("14:20")
        await pilot.press("e", "y")
        before = stored(live_app, march)
        await select_item(pilot, "8")
        for key in ("m", "r", "v", "t", "d"):
            await pilot.press(key)
            assert isinstance(live_app.screen, LiveScreen), key  # no dialog opened
            assert notifications(live_app)[-1] == (
                "item 8 was not taken before the meeting closed, so no minutes would carry "
                "this: record it on the item where it was dealt with"
            )
        assert stored(live_app, march).snapshot == before.snapshot
        # An item it took still opens its dialog, for tidying.
        await select_item(pilot, "5")
        await pilot.press("m")
        assert type(live_app.screen).__name__ == "NoteDialog"


async def test_going_back_with_nothing_running_resumes_the_last_item_taken(
    live_app: ClerkApp,  # noqa: F811
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    async with live_app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        clock.set("13:30")
        await pilot.press("s", "right_square_bracket", "x", "w")  # item 2 withdrawn: none runs
        assert states(live_app, march) == ["taken", "withdrawn", "pending"]
        await pilot.press("left_square_bracket")
        dialog = live_app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith("Go back to Item 1 — ")
        assert dialog.detail == "It runs again from its start; its end time is cleared."
        await pilot.press("y")
        assert states(live_app, march) == ["running", "withdrawn", "pending"]
