"""A long history must not slow the clerk down: a body with 15 years of meetings (150 meetings,
2,500 items, 10,000 notes, 5,000 actions) against one with 1 year of the same shape, timed for
opening home, opening a meeting's live screen, opening the tracker, and exporting (the newest
minutes as Word; and the whole tracker as CSV, which holds 15 times the rows). Goal: each at
most 1.5x its 1-year figure.

    python bench/history.py [--runs 5]
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
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from clerk_tui.cli import make_app  # noqa: E402
from db import models, open_database  # noqa: E402

SIZE = (120, 40)
PER_YEAR = {"meetings": 10, "items": 167, "notes": 667, "actions": 333}


def generate(path: Path, years: int, seed: int = 1) -> None:
    """A body with ``years`` of closed meetings, then one planned meeting; seed data, no audit."""
    rng = random.Random(seed)
    database = open_database(path)
    now = datetime(2022, 1, 1, 9, 0)
    meetings = PER_YEAR["meetings"] * years
    items_per = round(PER_YEAR["items"] * years / meetings)
    notes_per = round(PER_YEAR["notes"] / PER_YEAR["items"])
    actions_every = round(PER_YEAR["items"] / PER_YEAR["actions"])
    with database.transaction() as session:
        body = models.Body(name="History Panel", short_name="Panel", quorum=5, created_at=now)
        session.add(body)
        session.flush()
        people = []
        for n in range(15):
            person = models.Person(
                title="Cllr", full_name=f"Member {n:02d} Surname{n}", created_at=now
            )
            session.add(person)
            session.flush()
            people.append(person)
            session.add(
                models.Membership(
                    person_id=person.id or 0, body_id=body.id or 0, represents=f"Ward {n}",
                    start_date=date(2000, 1, 1), created_at=now,
                )
            )  # fmt: skip
        minute = 1
        first = date(2022, 1, 10) - timedelta(days=36 * meetings)
        for m in range(meetings + 1):
            day = first + timedelta(days=36 * m)
            planned = m == meetings
            start = datetime.combine(day, clock_time(14, 0))
            meeting = models.Meeting(
                body_id=body.id or 0, date=day, scheduled_start=clock_time(14, 0),
                venue="Council House", status="planned" if planned else "closed",
                actual_start=None if planned else start,
                actual_end=None if planned else start + timedelta(hours=2),
                created_at=now,
            )  # fmt: skip
            session.add(meeting)
            session.flush()
            for person in people:
                session.add(
                    models.Attendance(
                        meeting_id=meeting.id or 0, person_id=person.id or 0,
                        status="present" if rng.random() < 0.8 else "apologies",
                        represents="Ward", created_at=now,
                    )
                )  # fmt: skip
            for position in range(items_per):
                item = models.AgendaItem(
                    meeting_id=meeting.id or 0, body_id=body.id or 0, position=position,
                    number=str(position + 1), title=f"REPORT {position + 1} OF MEETING {m}",
                    approximate_time=(start + timedelta(minutes=7 * position)).time(),
                    state="pending" if planned else "taken",
                    actual_start=None if planned else start + timedelta(minutes=7 * position),
                    actual_end=None if planned else start + timedelta(minutes=7 * position + 6),
                    minute_number=None if planned else minute, created_at=now,
                )  # fmt: skip
                session.add(item)
                session.flush()
                if planned:
                    continue
                for n in range(notes_per):
                    session.add(
                        models.MinuteNote(
                            item_id=item.id or 0, position=n, kind="paragraph",
                            text=f"The Panel discussed point {n} of report {position}. " * 4,
                            created_at=now,
                        )
                    )  # fmt: skip
                session.add(
                    models.Resolution(
                        item_id=item.id or 0, position=0, text="That the report be noted.",
                        created_at=now,
                    )
                )  # fmt: skip
                if position % actions_every == 0:
                    session.add(
                        models.Action(
                            body_id=body.id or 0, meeting_id=meeting.id, item_id=item.id,
                            minute_number=minute, source_date=day,
                            text=f"Officers report back on item {position} of meeting {m}.",
                            owner=rng.choice(["PCC", "OPCC", "Panel Officers", "Chair"]),
                            status="outstanding" if rng.random() < 0.2 else "completed",
                            latest_update="Update given", created_at=now,
                        )
                    )  # fmt: skip
                minute += 1
        body.next_minute_number = minute
        session.add(body)
    database.close()


async def measure(path: Path) -> dict[str, float]:
    """One pass of the four timings, each from the key press to the screen drawn."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        times["open home"] = time.perf_counter() - started
        started = time.perf_counter()
        await pilot.press("enter")  # the newest (planned) meeting, on the live screen
        await pilot.pause()
        times["open a meeting"] = time.perf_counter() - started
        assert type(app.screen).__name__ == "LiveScreen", app.screen
        await pilot.press("escape")
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("t")
        await pilot.pause()
        times["open the tracker"] = time.perf_counter() - started
        assert type(app.screen).__name__ == "TrackerScreen", app.screen
        desk = app.desk
        closed = next(m for m in desk.agenda.meetings() if m.status == "closed")
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            desk.papers.export_paper(closed.id, "minutes", "docx", Path(folder) / "m.docx")
            times["export minutes"] = time.perf_counter() - started
            # The whole tracker: every action of the body, so it grows with the history.
            started = time.perf_counter()
            desk.tracker.export_tracker(closed.body_id, "csv", Path(folder) / "t.csv")
            times["export tracker"] = time.perf_counter() - started
    return times


def median_of(runs: int, path: Path) -> dict[str, float]:
    samples = [asyncio.run(measure(path)) for _ in range(runs)]
    return {key: statistics.median(s[key] for s in samples) for key in samples[0]}


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> dict[str, float]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        one, fifteen = Path(folder) / "one.db", Path(folder) / "fifteen.db"
        generate(one, 1)
        generate(fifteen, 15)
        median_of(1, one)  # warm-up: imports, caches
        small, large = median_of(args.runs, one), median_of(args.runs, fifteen)
    out(f"history: 15 years against 1 year, median of {args.runs} runs (goal: each <= 1.5x)")
    ratios = {}
    for key in small:
        ratios[key] = large[key] / small[key]
        out(f"  {key:<17}: 1 year {small[key] * 1000:7.1f} ms   15 years "
            f"{large[key] * 1000:7.1f} ms   ratio {ratios[key]:.2f}x")  # fmt: skip
    return ratios


if __name__ == "__main__":
    main()
