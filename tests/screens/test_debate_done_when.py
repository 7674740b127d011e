"""Issue 15's "Done when", tried as a new clerk would: on a Planning Committee set up through
the Desk (twelve voting members present, quorum 4, one application running), three public
speakers listed (K) and timed (k … k), a motion moved and seconded (M), an amendment lost on a
show of hands, a second carried (its substantive wording confirmed), and the substantive motion
carried on a recorded vote by name: every key pressed on the live screen, the command keys
counted (typed words and counts aside) and held under the issue's budget of 60. Then the rows
stored and the item's minutes exported as plain text, compared line by line with the text a
council's minutes would print, written by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.preparation import BodyFields, ItemFields, MeetingFields, MembershipFields
from db import open_database
from screens.dialogs.motion import MotionDialog, SubstantiveDialog
from screens.dialogs.motion_parts import WordsArea
from screens.dialogs.speakers import SpeakersDialog
from screens.dialogs.vote import VoteDialog, VoterTable
from screens.live import LiveScreen
from screens.widgets.item_minute import ItemMinute, plain_text
from tests.conftest import FakeClock
from tests.screens.decision_harness import top_screen, type_text

TITLE = "Land at Mill Lane, Ashby: erection of 40 dwellings (24/0113/FUL)"
# The committee, chair first: title, full name. All twelve present and voting.
MEMBERS = (
    ("Cllr", "Priya Patel"),
    ("Cllr", "Owen Evans"),
    ("Cllr", "Gareth Hughes"),
    ("Cllr", "Sian Jones"),
    ("Cllr", "Tom Ward"),
    ("Cllr", "Nadia Ahmed"),
    ("Cllr", "Ruth Baker"),
    ("Cllr", "Ian Clarke"),
    ("Cllr", "Megan Davies"),
    ("Cllr", "Alan Foster"),
    ("Cllr", "Lucy Grant"),
    ("Cllr", "Ben Harris"),
)
# The speakers as listed: name, the capacity letter (nothing: the one before's kept), what is
# stored, and how long each spoke (seconds on the fake clock between k and k).
SPEAKERS = (
    ("Mr Peter Green", "o", "public-objection", 178),
    ("Mrs Ann Black", "", "public-objection", 192),
    ("Ms Carol White", "s", "public-support", 165),
)
MOTION = "that planning permission be granted subject to the conditions in the report"
LOST = 'to delete "granted" and insert "refused on the grounds of highway safety"'
CARRIED = 'to add "and a condition requiring a construction management plan"'
SUBSTANTIVE = f"{MOTION} and a condition requiring a construction management plan"


# Every command key of the scenario, by step (tab takes the name found; enter records).
STEPS = {
    "speakers listed (K)": ["K", "enter", "o", "enter", "enter", "enter", "enter", "s", "enter",
                            "escape"],
    "speakers timed (k … k)": ["k", "k", "k", "k", "k", "k"],
    "motion moved (M)": ["M", "enter", "tab", "enter"],
    "amendment 1 moved (M a)": ["M", "a", "enter", "tab", "enter"],
    "amendment 1 lost (v)": ["v", "enter", "ctrl+s"],
    "amendment 2 moved (M a)": ["M", "a", "enter", "tab", "enter"],
    "amendment 2 carried, wording confirmed (v)": ["v", "enter", "ctrl+s", "enter"],
    "substantive motion, recorded vote (v ctrl+r)": ["v", "ctrl+r", "g", "g", "b", "F",
                                                     "ctrl+s"],
}  # fmt: skip

# The item as a council's minutes print it, by hand (the minute number is the body's next).
EXPECTED = """\
42 LAND AT MILL LANE, ASHBY: ERECTION OF 40 DWELLINGS (24/0113/FUL)

Mr Peter Green spoke in objection to the application; Mrs Ann Black spoke in objection to the \
application; Ms Carol White spoke in support of the application.

It was moved by Cllr Patel and seconded by Cllr Evans that planning permission be granted \
subject to the conditions in the report.

An amendment was moved by Cllr Hughes and seconded by Cllr Ward to delete "granted" and insert \
"refused on the grounds of highway safety".

On being put to the vote the amendment was lost (4 for, 8 against).

An amendment was moved by Cllr Ward and seconded by Cllr Patel to add "and a condition \
requiring a construction management plan".

On being put to the vote the amendment was carried (9 for, 3 against).

The amended motion then became the substantive motion: that planning permission be granted \
subject to the conditions in the report and a condition requiring a construction management \
plan.

The substantive motion was then put and carried (9 for, 2 against, 1 abstention).

A recorded vote having been requested, the voting was as follows:

For: Cllr Davies, Cllr Evans, Cllr Foster, Cllr Grant, Cllr Harris, Cllr Hughes, Cllr Jones, \
Cllr Patel, Cllr Ward
Against: Cllr Ahmed, Cllr Baker
Abstained: Cllr Clarke

RESOLVED: -

that planning permission be granted subject to the conditions in the report and a condition \
requiring a construction management plan
"""


class Keys:
    """The pilot's keys: every command key counted, by step; typed words and counts not."""

    def __init__(self, pilot: Pilot[Any]) -> None:
        self.pilot = pilot
        self.steps: dict[str, list[str]] = {}
        self.step = ""

    @property
    def count(self) -> int:
        return sum(len(keys) for keys in self.steps.values())

    def begin(self, step: str) -> None:
        self.step = step
        self.steps[step] = []

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.steps[self.step].append(key)
            await self.pilot.press(key)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await type_text(self.pilot, text)
        await self.pilot.pause()


def committee(path: Path, clock: FakeClock) -> tuple[int, int]:
    """The Planning Committee, its meeting of 14 March 2022 at 18:30, every member marked
    present and the application running since 18:35: the meeting's id and the item's."""
    database = open_database(path)
    try:
        desk = Desk(database, clock)
        body = desk.agenda.create_body(
            BodyFields("Planning Committee", short_name="Planning", quorum=4,
                       next_minute_number=42)
        )  # fmt: skip
        for n, (title, name) in enumerate(MEMBERS):
            role = "chair" if n == 0 else "member"
            desk.members.appoint(body.id, MembershipFields(title, name, date(2021, 5, 1), role))
        meeting = desk.agenda.create_meeting(
            body.id,
            MeetingFields(
                date=date(2022, 3, 14),
                scheduled_start=time(18, 30),
                venue="Council Chamber",
                items=(ItemFields(TITLE, kind="report"),),
            ),
        )
        clock.set("18:25")
        for person in desk.members.roster(meeting.id):
            desk.attendance.mark(meeting.id, person.person.id, "present")
        clock.set("18:35")
        (item,) = desk.agenda.meeting(meeting.id).items
        desk.chamber.start_item(meeting.id, item.id)
        return meeting.id, item.id
    finally:
        database.close()


def closed_minutes(path: Path, clock: FakeClock, meeting: int) -> str:
    """The meeting closed at 19:20 through the Desk, and its minutes exported as plain text."""
    database = open_database(path)
    try:
        desk = Desk(database, clock)
        clock.set("19:20")
        desk.chamber.close_meeting(meeting)
        return desk.papers.render_paper(meeting, "minutes", "txt").decode("utf-8")
    finally:
        database.close()


def bar(app: ClerkApp) -> str:
    """The clock bar's speaker part as shown: the running speaker and the time left."""
    part = app.screen.query_one("#bar-speaker", Static)
    return str(part.content) if part.display else ""


def item_lines(text: str) -> list[str]:
    """The item's lines in the plain-text minutes: from its heading to the meeting's end."""
    start = text.index("42 LAND AT MILL LANE")
    return text[start : text.index("The meeting ended")].rstrip("\n").splitlines()


@asynccontextmanager
async def live(
    path: Path, clock: FakeClock, size: tuple[int, int]
) -> AsyncIterator[tuple[ClerkApp, Keys, LiveScreen, int, int]]:
    meeting, item = committee(path, clock)
    app = make_app(path, clock=clock, start_meeting=meeting)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        assert screen.current_item_id == item
        yield app, Keys(pilot), screen, meeting, item


async def move(keys: Keys, words: str, mover: str, seconder: str) -> None:
    """The open motion dialog, on its words: the words, enter, part of the mover's name, tab
    (takes the one found), part of the seconder's, enter (takes it and records)."""
    await keys.type(words)
    await keys.press("enter")
    await keys.type(mover)
    await keys.press("tab")
    await keys.type(seconder)
    await keys.press("enter")


async def show_of_hands(keys: Keys, for_: str, against: str) -> None:
    """The vote dialog, on the count for: for, enter, against, ctrl+s (records)."""
    await keys.type(for_)
    await keys.press("enter")
    await keys.type(against)
    await keys.press("ctrl+s")


@pytest.mark.parametrize("size", [(80, 24), (140, 45)], ids=["80x24", "140x45"])
async def test_the_issues_item_minuted_in_under_60_command_keys(
    tmp_path: Path, clock: FakeClock, size: tuple[int, int]
) -> None:
    path = tmp_path / "planning.db"
    async with live(path, clock, size) as (app, keys, screen, meeting, item):
        # Three public speakers listed: K, then each name, enter, its capacity letter, enter.
        keys.begin("speakers listed (K)")
        await keys.press("K")
        assert isinstance(top_screen(app), SpeakersDialog)
        for name, letter, _, _ in SPEAKERS:
            await keys.type(name)
            await keys.press("enter")
            await keys.press(*letter, "enter")
        await keys.press("escape")
        assert top_screen(app) is screen

        # Each heard against the clock: k starts the next speaker, k stops them.
        keys.begin("speakers timed (k … k)")
        for name, _, _, seconds in SPEAKERS:
            await keys.press("k")
            assert bar(app) == f"{name} 3:00 left"
            clock.current += timedelta(seconds=seconds)
            screen.tick()
            await keys.pilot.pause()
            over = seconds - 180  # the body's speaking time
            left = f"TIME UP +0:{over:02}" if over > 0 else f"{-over // 60}:{-over % 60:02} left"
            assert bar(app) == f"{name} {left}"
            await keys.press("k")
            assert bar(app) == ""

        # The motion, moved and seconded: M opens the motion dialog on its words.
        keys.begin("motion moved (M)")
        await keys.press("M")
        assert isinstance(top_screen(app), MotionDialog)
        await move(keys, MOTION, "patel", "evans")
        assert top_screen(app) is screen

        # The first amendment: M, a (amend the motion before the meeting); lost on hands.
        keys.begin("amendment 1 moved (M a)")
        await keys.press("M", "a")
        assert isinstance(top_screen(app), MotionDialog)
        await move(keys, LOST, "hugh", "ward")
        keys.begin("amendment 1 lost (v)")
        await keys.press("v")
        assert isinstance(top_screen(app), VoteDialog)
        await show_of_hands(keys, "4", "8")
        assert top_screen(app) is screen

        # The second, carried; the clerk confirms the motion as it now reads.
        keys.begin("amendment 2 moved (M a)")
        await keys.press("M", "a")
        await move(keys, CARRIED, "ward", "patel")
        keys.begin("amendment 2 carried, wording confirmed (v)")
        await keys.press("v")
        await show_of_hands(keys, "9", "3")
        confirm = app.screen
        assert isinstance(confirm, SubstantiveDialog)
        assert confirm.query_one("#substantive-text", WordsArea).value == SUBSTANTIVE
        await keys.press("enter")
        assert top_screen(app) is screen

        # The substantive motion: a recorded vote requested (ctrl+r); the chair calls the
        # names down the table: two against, one abstaining, every other member for (F).
        keys.begin("substantive motion, recorded vote (v ctrl+r)")
        await keys.press("v")
        vote = app.screen
        assert isinstance(vote, VoteDialog)
        assert vote.query_one("#vote-motion", Input).value == SUBSTANTIVE
        await keys.press("ctrl+r")
        table = vote.query_one(VoterTable)
        assert app.focused is table
        await keys.press("g", "g", "b", "F")
        assert len(table.choices) == len(MEMBERS) and not table.unmarked
        await keys.press("ctrl+s")
        assert top_screen(app) is screen
        pane = "\n".join(plain_text(o.prompt) for o in screen.query_one(ItemMinute).options)
        assert (
            "The substantive motion was then put and carried (9 for, 2 against, 1 abstention)."
            in pane
        )
        rows = app.desk.debate.debate_setup(item)
        votes = app.desk.decisions.item_minute(item).votes
        speakers = app.desk.speakers.speakers(item)

    # The issue's budget: under 60 command keys for the whole item.
    assert keys.steps == STEPS
    assert keys.count == 44 < 60
    assert [(m.kind, m.state) for m in rows.motions] == [
        ("motion", "carried"),
        ("amendment", "lost"),
        ("amendment", "carried"),
    ]
    motion, lost, carried = rows.motions
    assert (motion.substantive_text, lost.amends_id, carried.amends_id) == (
        SUBSTANTIVE,
        motion.id,
        motion.id,
    )
    assert [(s.name, s.capacity, s.time_limit, s.spoken(datetime.max)) for s in speakers] == [
        (name, capacity, 180, seconds) for name, _, capacity, seconds in SPEAKERS
    ]
    assert [(v.motion_id, v.method, v.for_count, v.against_count, v.carried) for v in votes] == [
        (lost.id, "show-of-hands", 4, 8, False),
        (carried.id, "show-of-hands", 9, 3, True),
        (motion.id, "recorded", 9, 2, True),
    ]
    recorded = votes[-1]
    assert (recorded.abstentions, recorded.present) == (1, len(MEMBERS))

    lines = item_lines(closed_minutes(path, clock, meeting))
    expected = EXPECTED.rstrip("\n").splitlines()
    for number, (got, wanted) in enumerate(zip(lines, expected, strict=False), 1):
        assert got == wanted, f"line {number}"
    assert len(lines) == len(expected)
