"""Filtering the action tracker as the clerk types, over 5,000 generated actions (goal: within
one frame, 16 ms). Through the pilot at 120x40, for each key typed into the filter box:

* key to frame: wall time from the key being sent to the app until the first frame painted
  (the app's _display call) after the filter ran: the frame that shows the result. It
  includes Textual's own frame scheduling;
* work per key: the CPU time the process spent on that key (handling it, the filter, the
  table, the count and detail lines, layout and paint), the pilot's idle waiting excluded;
* handler: the screen's apply_filter alone (filter, table, count, detail).

The pilot's own round trip is not a measure of the app: it sleeps at least 2 x 20 ms waiting
for the app to go idle. Prints median, p95 and worst of each.

    python bench/tracker_filter.py [--actions 5000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from clerk_tui.cli import make_app
from clerk_tui.desk import BodyFields, Desk
from db import models, open_database
from screens.tracker import TrackerScreen

SIZE = (120, 40)
NOW = datetime(2022, 3, 14, 13, 25)
VOCABULARY = (
    "panel commissioner report back budget precept police crime plan firearm seizures victims "
    "survey review estates strategy recruitment fairness belonging publicity communications "
    "members briefing visit performance monitoring inquiry confidence response recommendation "
    "council tax leaflet forces similar medium term financial september meeting programme "
    "officers opcc lloyd house mobile technology control room custody detention stop search "
    "outcomes criminal justice domestic abuse knife youth violence reduction partnership"
)
WORDS = tuple(VOCABULARY.split())
OWNERS = (
    "PCC",
    "OPCC",
    "Panel Chair",
    "Panel Officers",
    "Panel Office",
    "Chief Constable",
    "Victims Commissioner",
    "Chief Finance Officer",
)
# What is typed into the filter box, key by key: words that narrow, then taken back to the
# full list (the worst case: every row is a match again).
TYPED: tuple[str, ...] = (
    *"firearm",
    *["backspace"] * 7,
    *"pcc budget",
    *["backspace"] * 10,
    *"report",
    *["backspace"] * 6,
)


def build(path: Path, count: int) -> int:
    """A body with ``count`` actions, written in one transaction (seed data, not clerk work)."""
    database = open_database(path)
    try:
        body = Desk(database, lambda: NOW).agenda.create_body(BodyFields(name="Benchmark Panel"))
        rng = random.Random(7)
        with database.transaction() as session:
            for index in range(count):
                completed = rng.random() < 0.6
                source = date(rng.randint(2012, 2022), rng.randint(1, 12), 1)
                session.add(
                    models.Action(
                        body_id=body.id,
                        minute_number=100 + index // 3,
                        source_date=source,
                        text=" ".join(rng.choices(WORDS, k=rng.randint(12, 30))).capitalize(),
                        owner=rng.choice(OWNERS),
                        due=rng.choice(("", "", "September 2022", "To be programmed")),
                        status="completed" if completed else "outstanding",
                        latest_update=" ".join(rng.choices(WORDS, k=rng.randint(3, 12))),
                        completed_on=date(2022, 2, 1) if completed else None,
                        created_at=NOW,
                    )
                )
        return body.id
    finally:
        database.close()


def timing(label: str, samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{label:<30} median {statistics.median(ordered):6.2f} ms   p95 {p95:6.2f} ms   "
        f"worst {ordered[-1]:6.2f} ms   ({len(ordered)} keys)"
    )


async def measure(path: Path, body_id: int, rounds: int) -> dict[str, list[float]]:
    app = make_app(path, clock=lambda: NOW)
    found: dict[str, list[float]] = {"frame": [], "cpu": [], "handler": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(TrackerScreen(body_id))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TrackerScreen)
        shown = len(screen.table.rows)

        painted: list[float] = []
        display = app._display

        def timed_display(*args: Any, **kwargs: Any) -> None:
            display(*args, **kwargs)
            painted.append(time.perf_counter())

        app._display = timed_display  # type: ignore[method-assign]
        apply_filter: Callable[..., None] = screen.apply_filter

        handled_at: list[float] = []

        def timed_apply(*args: Any, **kwargs: Any) -> None:
            start = time.perf_counter()
            apply_filter(*args, **kwargs)
            handled_at.append(time.perf_counter())
            found["handler"].append((handled_at[-1] - start) * 1000)

        screen.apply_filter = timed_apply  # type: ignore[method-assign]
        await pilot.press("slash")
        for _ in range(rounds):
            for key in TYPED:
                handled = len(found["handler"])
                painted.clear()
                cpu, sent = time.process_time(), time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                found["cpu"].append((time.process_time() - cpu) * 1000)
                assert len(found["handler"]) == handled + 1, "the key did not reach the filter"
                # The first frame painted once the filter had run: the one showing the result.
                shown_at = next(t for t in painted if t >= handled_at[-1])
                found["frame"].append((shown_at - sent) * 1000)
        assert len(screen.table.rows) == shown  # back to the whole list
        found["shown"] = [float(shown)]
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--actions", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        body_id = build(path, args.actions)
        found = asyncio.run(measure(path, body_id, args.rounds))
    shown = int(found["shown"][0])
    print(f"tracker filter over {shown} actions, {SIZE[0]}x{SIZE[1]}, typing {len(TYPED)} keys")
    print(timing("key to frame painted", found["frame"]))
    print(timing("work per key (CPU)", found["cpu"]))
    print(timing("handler (filter+table+detail)", found["handler"]))
    within = sum(1 for t in found["frame"] if t <= 16.0) / len(found["frame"])
    print(f"keys painted within one frame (16 ms): {within:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
