"""The decision keys through the pilot, keys only: m, r, t, ctrl+z on a test harness that
stands in for the live screen (a DecisionKeys screen with a fixed current item), asserting
both the database (through the Desk) and what the screen shows. The vote key, v, is in
test_vote_dialogs."""

from __future__ import annotations

from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from db import models
from screens.dialogs.confirm import ConfirmDialog
from screens.widgets.item_minute import ItemMinute
from tests.conftest import SIZE, FakeClock
from tests.screens.decision_harness import (
    Harness,
    open_harness,
    seated,
    set_room,
    shown,
    type_text,
)
from tests.test_decisions import declare, item_id, march_meeting, rows

# ---- m: notes ---------------------------------------------------------------------------


async def test_a_note_and_a_bullet_are_recorded_and_shown(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("m")
        await type_text(pilot, "The PCC presented the report.\nMembers welcomed it.")
        await pilot.press("ctrl+s")
        await pilot.press("m", "ctrl+b")
        await type_text(pilot, "Concern about 101 waiting times")
        await pilot.press("ctrl+s")
        await pilot.pause()
        notes = demo_app.desk.decisions.item_minute(item).notes
        assert [(n.kind, n.text) for n in notes] == [
            ("paragraph", "The PCC presented the report.\nMembers welcomed it."),
            ("bullet", "Concern about 101 waiting times"),
        ]
        assert "• Concern about 101 waiting times" in shown(demo_app)
        assert "The PCC presented the report." in shown(demo_app)


async def test_a_blank_note_is_refused_beside_the_field(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("m", "space", "ctrl+s")
        await pilot.pause()
        assert "a note needs some text" in str(
            demo_app.screen.query_one("#form-error", Static).render()
        )
        await pilot.press("escape")
        assert demo_app.desk.decisions.item_minute(item).notes == ()


async def test_notes_are_edited_moved_and_deleted_from_the_keyboard(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        for text in ("First", "Second", "Third"):
            await pilot.press("m")
            await type_text(pilot, text)
            await pilot.press("ctrl+s")
        await pilot.pause()
        minute = demo_app.screen.query_one(ItemMinute)
        minute.focus()
        # The last recorded note is highlighted: move it up, then edit it, then delete "First".
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert [n.text for n in demo_app.desk.decisions.item_minute(item).notes] == [
            "First",
            "Third",
            "Second",
        ]
        await pilot.press("enter", "end")
        await type_text(pilot, ", amended")
        await pilot.press("ctrl+s")
        await pilot.press("home", "delete")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert [n.text for n in demo_app.desk.decisions.item_minute(item).notes] == [
            "Third, amended",
            "Second",
        ]
        assert shown(demo_app).splitlines() == ["Third, amended", "Second"]


# ---- r: resolutions ---------------------------------------------------------------------


async def test_a_three_part_resolution_from_the_keyboard(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("r")
        await type_text(pilot, "That the report be noted")
        await pilot.press("tab", "tab", "space", "ctrl+s")  # tab to "Noted", tick it
        await pilot.press("r")
        await type_text(pilot, "That the Panel:")
        await pilot.press("ctrl+s")
        # With "That the Panel:" highlighted, the next ones are its sub-points by default.
        for text in (
            "asks the PCC to report back",
            "thanks the officers",
            "writes to the Minister",
        ):
            await pilot.press("r")
            await type_text(pilot, text)
            await pilot.press("ctrl+s")
        await pilot.pause()
        resolutions = demo_app.desk.decisions.item_minute(item).resolutions
        assert [(r.label, r.text, r.noted) for r in resolutions] == [
            ("i.", "That the report be noted", True),
            ("ii.", "That the Panel:", False),
            ("a.", "asks the PCC to report back", False),
            ("b.", "thanks the officers", False),
            ("c.", "writes to the Minister", False),
        ]
        # The pane says what the minutes will: the words as typed, no joiner added.
        assert shown(demo_app).splitlines() == [
            "RESOLVED: -",
            "i. That the report be noted  (noted)",
            "ii. That the Panel:",
            "    a. asks the PCC to report back",
            "    b. thanks the officers",
            "    c. writes to the Minister",
        ]


async def test_the_joining_punctuation_is_offered_in_the_dialog(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("r")
        hints = str(demo_app.screen.query_one("#resolution-endings", Static).render())
        assert "ctrl+n “; and”" in hints and "ctrl+l “.”" in hints
        await type_text(pilot, "That the report be noted.")
        await pilot.press("ctrl+n", "ctrl+s")  # the stop gives way to "; and"
        await pilot.press("r")
        await type_text(pilot, "That the accounts 2021/2022 be approved")
        await pilot.press("ctrl+o", "ctrl+l", "ctrl+s")
        await pilot.pause()
        resolutions = demo_app.desk.decisions.item_minute(item).resolutions
        assert [r.text for r in resolutions] == [
            "That the report be noted; and",
            "That the accounts 2021/2022 be approved.",
        ]


# ---- t: actions -------------------------------------------------------------------------


async def test_an_action_from_the_selected_resolution(demo_app: ClerkApp, clock: FakeClock) -> None:
    async with seated(demo_app, clock) as (pilot, item, _):
        await pilot.press("r")
        await type_text(pilot, "That the PCC present his Medium-Term Financial Plan")
        await pilot.press("ctrl+s", "t")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "PCC")
        await pilot.press("enter")
        await type_text(pilot, "September 2022")
        await pilot.press("enter")
        await pilot.pause()
        minute = demo_app.desk.decisions.item_minute(item)
        action = minute.actions[0]
        assert action.text == "That the PCC present his Medium-Term Financial Plan"
        assert (action.owner, action.due) == ("PCC", "September 2022")
        assert action.resolution_id == minute.resolutions[0].id
        # Linked to the item, so closing the meeting writes the item's minute number on it.
        stored = rows(demo_app.desk, models.Action)[-1]
        assert (stored["item_id"], stored["minute_number"]) == (item, None)
        assert "634 (provisional)" in shown(demo_app)
        assert "— PCC, due September 2022" in shown(demo_app)


# ---- ctrl+z: undo -----------------------------------------------------------------------


async def test_undo_takes_back_each_kind_of_record_and_says_so(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        desk = demo_app.desk
        item = set_room(desk, clock)
        declare(desk, "8", "Abdul Khan", "other-registrable", "spoke-and-voted")
        harness = await open_harness(demo_app, pilot, item)
        await pilot.press("m")
        await type_text(pilot, "A note")
        await pilot.press("ctrl+s", "r")
        await type_text(pilot, "That the report be noted")
        await pilot.press("ctrl+s", "v")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "9")
        await pilot.press("ctrl+s", "t")  # the resolution stays highlighted: its words come in
        await pilot.press("tab")
        await type_text(pilot, "PCC")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "→ 634 (provisional)" in shown(demo_app)

        expected = [
            ("action", "Undone: action “That the report be noted” for PCC"),
            ("vote", "Undone: vote on “That the report be noted” (carried 9:0)"),
            ("resolution", "Undone: resolution “That the report be noted” on item 8"),
            ("note", "Undone: note on item 8"),
            ("declaration", "Undone: Abdul Khan declared an interest"),
            ("start", "Undone: item 8 started"),
            ("opening", "Undone: item 1 started"),
            ("attendance", "Undone: Lionel Walker present"),
        ]
        for kind, words in expected:
            before = harness.refreshed
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert harness.refreshed == before + 1  # shown at once
            messages = [n.message for n in demo_app._notifications]
            if words is not None:
                assert messages[-1] == words, kind
            minute = desk.decisions.item_minute(item)
            if kind == "action":
                assert minute.actions == () and "→" not in shown(demo_app)
            elif kind == "vote":
                assert minute.votes == () and "VOTE" not in shown(demo_app)
            elif kind == "resolution":
                assert minute.resolutions == () and "RESOLVED" not in shown(demo_app)
            elif kind == "note":
                # The declaration's sentence is minuted: the hint offers the keys, not
                # "Nothing minuted yet" (issue 13).
                assert minute.empty and "m note · r resolution" in shown(demo_app)
                assert "Nothing minuted yet" not in shown(demo_app)
            elif kind == "declaration":
                assert rows(desk, models.Declaration) == []
            elif kind == "start":
                assert desk.agenda.meeting(march_meeting(desk)).items[7].state == "pending"
                assert "no number until the item starts" in str(
                    demo_app.screen.query_one(ItemMinute).border_title
                )
            elif kind == "opening":
                assert desk.agenda.meeting(march_meeting(desk)).status == "planned"
            else:
                assert len(desk.decisions.vote_setup(item).voters) == 8


async def test_undo_with_nothing_left_says_so(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_harness(demo_app, pilot, item_id(demo_app.desk, "8"))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert demo_app._notifications
        assert list(demo_app._notifications)[-1].message == "Nothing more to undo at this meeting"


async def test_the_keys_say_so_when_there_is_no_current_item(demo_app: ClerkApp) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        await open_harness(demo_app, pilot, None)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(demo_app.screen, Harness)
        assert "There is no current item" in list(demo_app._notifications)[-1].message
        assert "No current item" in shown(demo_app)
