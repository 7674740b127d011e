"""Key press to record, committed and on screen, for the debate's keys (issue 15): a speaker
added in the K list (enter), k starting and k stopping their timer, M's motion recorded
(ctrl+s) and a vote on that motion (ctrl+s), headless at 120x40 on a real database file.

Measured as bench/keystroke.py measures (its Frames, its poll until the record shows and a
frame is painted after, the raw sqlite3 check that the record was committed): a Planning
Committee of twelve members present, a meeting with one item per repetition; each repetition
takes the next item (]) and on it lists a speaker, times them, moves a motion and votes on it,
so every record is the first of its kind on a fresh item. Only the recording key is timed: the
keys that open a dialog and the words typed into it are not.

    python bench/debate.py [--reps 40]

Goal (as issue #4's): median within one frame (16 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.keystroke import Frames, press_and_wait, summary
from clerk_tui.cli import make_app
from clerk_tui.desk import Desk
from clerk_tui.desk.preparation import BodyFields, ItemFields, MeetingFields, MembershipFields
from db import open_database
from screens.dialogs.motion import MotionDialog
from screens.dialogs.speakers import SpeakerList, SpeakersDialog
from screens.dialogs.vote import VoteDialog
from screens.live import LiveScreen
from screens.widgets.item_minute import ItemMinute, plain_text

SIZE = (120, 40)
MEMBERS = ("Priya Patel", "Owen Evans", "Gareth Hughes", "Sian Jones", "Tom Ward",
           "Nadia Ahmed", "Ruth Baker", "Ian Clarke", "Megan Davies", "Alan Foster", "Lucy Grant",
           "Ben Harris")  # fmt: skip
DAY = date(2022, 3, 14)
SPEAKER = "SELECT count(*) FROM speaker WHERE item_id = ?"
VOTED = (
    "SELECT count(*) FROM vote JOIN motion ON vote.motion_id = motion.id WHERE motion.item_id = ?"
)
KEYS = (
    "speaker added in K (enter)",
    "k: the speaker's timer started",
    "k: the speaker's timer stopped",
    "M: the motion recorded (ctrl+s)",
    "v: a vote on the motion recorded (ctrl+s)",
)


def committee(path: Path, items: int, clock: Callable[[], datetime]) -> tuple[int, list[int]]:
    """The committee, its meeting with ``items`` applications, every member present and the
    meeting started on the first: the meeting's id and the items' ids."""
    database = open_database(path)
    try:
        desk = Desk(database, clock)
        body = desk.agenda.create_body(BodyFields("Planning Committee", quorum=4))
        for n, name in enumerate(MEMBERS):
            role = "chair" if n == 0 else "member"
            desk.members.appoint(body.id, MembershipFields("Cllr", name, date(2021, 5, 1), role))
        fields = tuple(
            ItemFields(f"Land at plot {n} (24/{n:04}/FUL)", kind="report")
            for n in range(1, items + 1)
        )
        meeting = desk.agenda.create_meeting(
            body.id, MeetingFields(date=DAY, scheduled_start=datetime.min.time(), items=fields)
        )
        for person in desk.members.roster(meeting.id):
            desk.attendance.mark(meeting.id, person.person.id, "present")
        ids = [item.id for item in desk.agenda.meeting(meeting.id).items]
        desk.chamber.start_item(meeting.id, ids[0])
        return meeting.id, ids
    finally:
        database.close()


async def typed(pilot: Any, text: str) -> None:
    """Words typed into the open field, untimed."""
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])
    await pilot.pause()


async def bench(folder: Path, reps: int) -> None:
    db_path = folder / "debate.db"
    # The chamber's clock on the meeting's day, running in real time (as bench/keystroke.py).
    opened, began = datetime.combine(DAY, datetime.min.time()), time.monotonic()

    def clock() -> datetime:
        return opened + timedelta(seconds=time.monotonic() - began)

    meeting, items = committee(db_path, reps, clock)
    check = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)  # an outside reader

    def stored(sql: str, item: int) -> int:
        return int(check.execute(sql, (item,)).fetchone()[0])

    timings: dict[str, tuple[list[float], list[float]]] = {key: ([], []) for key in KEYS}
    app = make_app(db_path, clock, start_meeting=meeting)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        frames = Frames(app)
        live = app.screen
        assert isinstance(live, LiveScreen)
        pane = live.query_one(ItemMinute)
        bar = live.query_one("#bar-speaker")

        def top() -> object:
            """The screen on top, unnarrowed by the isinstance checks before it."""
            return app.screen

        def running() -> bool:
            return bool(bar.display)

        def stopped() -> bool:
            return not bar.display

        def moved() -> bool:
            return app.screen is live and any(
                (o.id or "").startswith("motion-") for o in pane.options
            )

        def voted() -> bool:
            return app.screen is live and any(
                "9 for, 3 against" in plain_text(o.prompt) for o in pane.options
            )

        async def timed(
            key: str, label: str, shown: Callable[[], bool], committed: Callable[[], bool]
        ) -> None:
            widget, frame = await press_and_wait(app, frames, key, shown)
            if not committed():
                raise RuntimeError(f"{label}: shown but not committed")
            timings[label][0].append(widget)
            timings[label][1].append(frame)

        for n, item in enumerate(items):
            if n:
                await pilot.press("right_square_bracket")
                await pilot.pause()
            if live.current_item_id != item:
                raise RuntimeError(f"item {n + 1} did not start")

            def count(sql: str, item: int = item) -> Callable[[], bool]:
                """Committed: the outside reader finds exactly one such row on the item."""
                return lambda: stored(sql, item) == 1

            # K: a speaker listed; enter on the capacity records.
            await pilot.press("K")
            await pilot.pause()
            speakers = app.screen
            assert isinstance(speakers, SpeakersDialog)
            table = speakers.query_one(SpeakerList)
            await typed(pilot, f"Mr Speaker {n}")
            await pilot.press("enter", "o")
            await pilot.pause()

            def listed(table: SpeakerList = table) -> bool:
                return table.row_count == 1

            await timed("enter", KEYS[0], listed, count(SPEAKER))
            await pilot.press("escape")
            await pilot.pause()

            # k, k: the timer started, then stopped.
            await timed("k", KEYS[1], running, count(f"{SPEAKER} AND started_at IS NOT NULL"))
            await timed("k", KEYS[2], stopped, count(f"{SPEAKER} AND ended_at IS NOT NULL"))

            # M: the motion's words, mover and seconder typed; ctrl+s records.
            await pilot.press("M")
            await pilot.pause()
            if not isinstance(top(), MotionDialog):
                raise RuntimeError("M did not open the motion dialog")
            await typed(pilot, "that the application be approved")
            await pilot.press("enter")
            await typed(pilot, "patel")
            await pilot.press("tab")
            await typed(pilot, "evans")
            await timed(
                "ctrl+s", KEYS[3], moved, count("SELECT count(*) FROM motion WHERE item_id = ?")
            )

            # v: on the motion, a show of hands; ctrl+s records.
            await pilot.press("v")
            await pilot.pause()
            if not isinstance(top(), VoteDialog):
                raise RuntimeError("v did not open the vote dialog")
            await typed(pilot, "9")
            await pilot.press("enter")
            await typed(pilot, "3")
            await timed("ctrl+s", KEYS[4], voted, count(VOTED))

    print(f"clerk-tui debate keystroke benchmark — {reps} repetitions of each key, headless")
    print(f"  database: {db_path} (WAL, synchronous=FULL); one fresh item per repetition")
    for label in KEYS:
        print(f"  {label}")
        print("    " + summary("key -> committed and in its widget", timings[label][0]))
        print("    " + summary("key -> committed and painted (next frame)", timings[label][1]))
    medians = [statistics.median(timings[label][1]) for label in KEYS]
    verdict = "met" if max(medians) <= 0.016 else "not met"
    print(f"  goal, every key's median key -> painted within one frame (16 ms): {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=40, help="repetitions of each key")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="clerk-debate-") as folder:
        asyncio.run(bench(Path(folder), args.reps))


if __name__ == "__main__":
    main()
