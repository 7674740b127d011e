"""SQL statements per key on the live screen, counted with an engine event listener: a key
that records is one write transaction (BEGIN IMMEDIATE ... COMMIT) in which the meeting is
read back, and no read transaction outside it — the screen draws what was committed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from textual.pilot import Pilot

from clerk_tui.cli import make_app
from tests.conftest import SIZE, FakeClock
from tests.screens.test_live import run_meeting
from tests.screens.test_live_snapshots import march  # noqa: F401  (the fixture)


class Statements:
    def __init__(self) -> None:
        self.seen: list[str] = []

    @property
    def writes(self) -> int:
        return self.seen.count("BEGIN IMMEDIATE")

    @property
    def reads(self) -> int:
        return self.seen.count("BEGIN")

    @property
    def selects(self) -> int:
        return sum(1 for s in self.seen if s.startswith("SELECT"))


@contextmanager
def counted(app: Any) -> Iterator[Statements]:
    counter = Statements()

    def before(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        words = statement.split()
        counter.seen.append(
            " ".join(words[:2]) if words[:2] == ["BEGIN", "IMMEDIATE"] else words[0]
        )

    def committed(_conn: object) -> None:
        counter.seen.append("COMMIT")  # the driver's commit, not a statement of its own

    engine = app.desk.store.database.engine
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "commit", committed)
    try:
        yield counter
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "commit", committed)


async def press(pilot: Pilot[Any], *keys: str) -> Statements:
    with counted(pilot.app) as counter:
        await pilot.press(*keys)
        await pilot.pause()
    return counter


async def test_each_recording_key_is_one_write_transaction_and_no_read(
    demo_path: Path,
    clock: FakeClock,
    march: int,  # noqa: F811
) -> None:
    app = make_app(demo_path, clock=clock, start_meeting=march)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "p", "p", "p", "p", "p", "escape")
        await run_meeting(pilot, clock)  # item 7 running
        clock.set("14:05")
        keys: dict[str, tuple[str, ...]] = {
            "] next item": ("right_square_bracket",),
            "[ previous item": ("left_square_bracket", "y"),  # it asks first (issue 13)
            "m note": ("m", *"Members welcomed it", "ctrl+s"),
            "r resolution": ("r", *"That the report be noted", "ctrl+s"),
        }
        for what, typed in keys.items():
            clock.advance(2)
            counter = await press(pilot, *[{" ": "space"}.get(k, k) for k in typed])
            assert counter.writes == 1, (what, counter.seen)
            assert counter.reads == 0, (what, counter.seen)
            assert counter.seen.count("COMMIT") == 1, what
            # The meeting read back once, inside the write: a handful of SELECTs, not per item
            # (issue 15 added two tables to the read, and ] asks whether a speaker still runs
            # on the item it ends).
            assert counter.selects <= 22, (what, counter.selects)
        # Moving through the agenda reads nothing: the screen holds the meeting.
        counter = await press(pilot, "down", "down", "up")
        assert counter.seen == []
