"""The decision keys through the pilot, keys only: m, r, v, t, ctrl+z on a test harness that
stands in for the live screen (a DecisionKeys screen with a fixed current item), asserting
both the database (through the Desk) and what the screen shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.widgets import Footer, Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.desk import Desk
from clerk_tui.desk.live_view import LiveView
from db import models
from screens.base import desk_of
from screens.decision_keys import DecisionKeys
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.vote import VoteDialog, VoterTable
from screens.widgets.item_minute import ItemMinute, plain_text
from tests.conftest import SIZE, FakeClock
from tests.test_decisions import (
    NINE,
    declare,
    item_id,
    march_meeting,
    require_recorded_vote,
    rows,
    seat,
    start,
)


class Harness(DecisionKeys):
    """The live screen's contract, and nothing else: a fixed current item and its minute."""

    def __init__(self, meeting_id: int, item: int | None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.item = item
        self.refreshed = 0

    @property
    def current_item_id(self) -> int | None:
        return self.item

    def compose(self) -> ComposeResult:
        yield ItemMinute(id="item-minute")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_live()

    def refresh_live(self, *, view: LiveView | None = None) -> None:
        self.refreshed += 1
        self.view = view or desk_of(self).chamber.live(self.meeting_id)
        self.show_minute(self.current_item_id)


def set_room(desk: Desk, clock: FakeClock, names: Iterable[str] = NINE) -> int:
    """Members present, the meeting started at 13:30, item 8 running since 14:30."""
    clock.set("13:25")
    seat(desk, tuple(names))
    clock.set("13:30")
    start(desk, "1")
    clock.set("14:30")
    return start(desk, "8")


async def open_harness(app: ClerkApp, pilot: Pilot[Any], item: int | None) -> Harness:
    await pilot.pause()
    harness = Harness(march_meeting(app.desk), item)
    await app.push_screen(harness)
    await pilot.pause()
    return harness


async def type_text(pilot: Pilot[Any], text: str) -> None:
    await pilot.press(*[{" ": "space", "\n": "enter"}.get(c, c) for c in text])


def shown(app: ClerkApp) -> str:
    """The item minute's lines as the clerk sees them."""
    minute = app.screen.query_one(ItemMinute)
    return "\n".join(plain_text(option.prompt) for option in minute.options)


# ---- m: notes ---------------------------------------------------------------------------


async def test_a_note_and_a_bullet_are_recorded_and_shown(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
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
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
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
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
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
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
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
        # The pane says what the minutes will: the house style's joining punctuation added.
        assert shown(demo_app).splitlines() == [
            "RESOLVED: -",
            "i. That the report be noted; and  (noted)",
            "ii. That the Panel:",
            "    a. asks the PCC to report back;",
            "    b. thanks the officers;",
            "    c. writes to the Minister.",
        ]


# ---- v: votes ---------------------------------------------------------------------------


async def choose(pilot: Pilot[Any], choice_id: str, letter: str) -> None:
    """Tab-free: focus one of the dialog's choices and press the letter its words start with."""
    pilot.app.screen.query_one(f"#{choice_id}").focus()
    await pilot.press(letter)


async def test_the_8_to_1_unanimity_vote_from_a_resolution(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
        await pilot.press("r")
        await type_text(pilot, "That the Panel co-opt a third independent member")
        await pilot.press("ctrl+s", "v")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, VoteDialog)
        motion = dialog.query_one("#vote-motion", Input).value
        assert motion == "That the Panel co-opt a third independent member"
        await type_text(pilot, "8")  # focus starts on "for" when the motion is there
        await pilot.press("tab")
        await type_text(pilot, "1")
        await choose(pilot, "vote-majority", "u")
        outcome = str(dialog.query_one("#vote-outcome", Static).render())
        assert "NOT CARRIED" in outcome and "9 for needed" in outcome
        await pilot.press("ctrl+s")
        await pilot.pause()
        votes = demo_app.desk.decisions.item_minute(item).votes
        assert len(votes) == 1
        vote = votes[0]
        assert (vote.for_count, vote.against_count, vote.majority, vote.carried) == (
            8,
            1,
            "unanimous",
            False,
        )
        resolution = demo_app.desk.decisions.item_minute(item).resolutions[0]
        assert resolution.vote_id == vote.id
        text = shown(demo_app)
        assert "NOT CARRIED 8:1" in text
        assert "However, as a unanimous decision could not be reached" in text
        assert "— vote: not carried 8:1" in text


async def test_impossible_counts_are_refused_beside_the_counts(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
        await pilot.press("v")
        await type_text(pilot, "Budget")
        await pilot.press("enter", "7", "enter", "3")  # motion → for → against

        await pilot.pause()
        error = str(demo_app.screen.query_one("#vote-error", Static).render())
        assert error == "10 votes cast but only 9 members present (7 for, 3 against)."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, VoteDialog)  # still open, nothing stored
        await pilot.press("escape")
        assert demo_app.desk.decisions.item_minute(item).votes == ()


async def test_a_recorded_vote_shows_the_excluded_member_as_did_not_vote(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        desk = demo_app.desk
        item = set_room(desk, clock)
        require_recorded_vote(desk, "8")
        declare(desk, "8", "Abdul Khan", "disclosable-pecuniary", "spoke-and-voted")
        await open_harness(demo_app, pilot, item)
        await pilot.press("v")
        await type_text(pilot, "Budget 2022/23")
        await pilot.pause()
        dialog = demo_app.screen
        assert isinstance(dialog, VoteDialog)
        table = dialog.query_one(VoterTable)
        assert table.display  # the item requires a recorded vote: names, not counts
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        khan = names.index("Cllr Abdul Khan")
        assert str(table.get_row_at(khan)[2]) == "Did not vote"
        table.focus()
        # The names are called in order, Cllr Khan skipped: everyone for but Cllr Brown.
        for name in names:
            if name != "Cllr Abdul Khan":
                await pilot.press("g" if name == "Cllr Mick Brown" else "f")
        await pilot.pause()
        outcome = str(dialog.query_one("#vote-outcome", Static).render())
        assert "CARRIED" in outcome and "7:1" in outcome
        assert "8 of 13 voting members present" in str(dialog.query_one("#vote-room").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        vote = desk.decisions.item_minute(item).votes[0]
        assert (vote.method, vote.for_count, vote.against_count, vote.present) == (
            "recorded",
            7,
            1,
            8,
        )
        assert vote.names("did-not-vote") == ("Cllr Abdul Khan",)
        assert vote.names("against") == ("Cllr Mick Brown",)
        # Named as the minutes name them ("Cllr Khan"), as they will read.
        assert "Did not vote: Cllr Khan" in shown(demo_app)


async def test_an_inquorate_vote_asks_first_and_is_marked(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock, NINE[:4])  # the quorum is 5
        await open_harness(demo_app, pilot, item)
        await pilot.press("v")
        await type_text(pilot, "Adjourn")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(demo_app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert demo_app.desk.decisions.item_minute(item).votes == ()
        await pilot.press("v")
        await type_text(pilot, "Adjourn")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        votes = demo_app.desk.decisions.item_minute(item).votes
        assert len(votes) == 1 and votes[0].inquorate is True
        assert "INQUORATE when taken" in shown(demo_app)


async def test_a_member_asks_for_their_vote_to_be_recorded_after_a_show_of_hands(
    demo_app: ClerkApp, clock: FakeClock
) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
        await pilot.press("v")
        await type_text(pilot, "Precept")
        demo_app.screen.query_one("#vote-for", Input).focus()
        await type_text(pilot, "8")
        await pilot.press("tab")
        await type_text(pilot, "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        demo_app.screen.query_one(ItemMinute).focus()
        await pilot.press("enter")  # the vote just recorded is highlighted
        await pilot.pause()
        table = demo_app.screen.query_one(VoterTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        await pilot.press(*["down"] * names.index("Cllr Mick Brown"), "g", "ctrl+s")
        await pilot.pause()
        vote = demo_app.desk.decisions.item_minute(item).votes[0]
        assert [(n.name, n.choice) for n in vote.named] == [("Cllr Mick Brown", "against")]
        assert "Against: Cllr Brown" in shown(demo_app)  # as the minutes name him


# ---- t: actions -------------------------------------------------------------------------


async def test_an_action_from_the_selected_resolution(demo_app: ClerkApp, clock: FakeClock) -> None:
    async with demo_app.run_test(size=SIZE) as pilot:
        item = set_room(demo_app.desk, clock)
        await open_harness(demo_app, pilot, item)
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
                assert minute.empty and "Nothing minuted yet" in shown(demo_app)
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
