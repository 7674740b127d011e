"""Time to export each format of a 30-item meeting (the minutes, the agenda sheet and the
body's action tracker), through the desk as the command line and the export screen do: the
first export of each format in a fresh process (it loads python-docx, fontTools …) and the
median of the next runs, with the file's size.

    python bench/export_formats.py [--runs 5] [--items 30]
"""

from __future__ import annotations

import argparse
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

from clerk_tui.desk import Desk  # noqa: E402
from clerk_tui.desk.exporting import PAPERS  # noqa: E402
from clerk_tui.desk.tracker_fields import EXPORT_FORMATS  # noqa: E402
from db import models, open_database  # noqa: E402

SENTENCE = (
    "Responding to a question from Cllr Łukasz Nowak about the estates strategy, the "
    "Commissioner said the review of front counters would report in the new year. "
)


def generate(path: Path, items: int) -> int:
    """One closed meeting of ``items`` items, each with four paragraphs, a resolution (a list
    of three with sub-points every third item) and an action every other item; its id."""
    database = open_database(path)
    now = datetime(2022, 3, 1, 9, 0)
    day = date(2022, 3, 14)
    start = datetime.combine(day, clock_time(14, 0))
    with database.transaction() as session:
        body = models.Body(
            name="Bench Police and Crime Panel", short_name="Panel", quorum=5,
            contact_name="A. Clerk", created_at=now,
        )  # fmt: skip
        session.add(body)
        session.flush()
        body_id = body.id or 0
        meeting = models.Meeting(
            body_id=body_id, date=day, scheduled_start=clock_time(14, 0), venue="Council House",
            status="closed", actual_start=start, actual_end=start + timedelta(hours=3),
            created_at=now,
        )  # fmt: skip
        session.add(meeting)
        session.flush()
        meeting_id = meeting.id or 0
        for n in range(12):
            name = f"Member {n:02d} Surname{n}"
            person = models.Person(title="Cllr", full_name=name, created_at=now)
            session.add(person)
            session.flush()
            session.add(
                models.Membership(
                    person_id=person.id or 0, body_id=body_id, represents=f"Ward {n}",
                    start_date=date(2020, 1, 1), created_at=now,
                )
            )  # fmt: skip
            session.add(
                models.Attendance(
                    meeting_id=meeting_id, person_id=person.id or 0,
                    status="present" if n < 10 else "apologies", represents=f"Ward {n}",
                    created_at=now,
                )
            )  # fmt: skip
        for position in range(items):
            at = start + timedelta(minutes=6 * position)
            item = models.AgendaItem(
                meeting_id=meeting_id, body_id=body_id, position=position,
                number=str(position + 1), title=f"Report {position + 1}: estates and finance",
                approximate_time=at.time(), state="taken", actual_start=at,
                actual_end=at + timedelta(minutes=5), minute_number=600 + position,
                created_at=now,
            )  # fmt: skip
            session.add(item)
            session.flush()
            item_id = item.id or 0
            for n in range(4):
                session.add(
                    models.MinuteNote(
                        item_id=item_id, position=n, kind="paragraph", text=SENTENCE * 3,
                        created_at=now,
                    )
                )  # fmt: skip
            for r in range(3):
                resolution = models.Resolution(
                    item_id=item_id, position=r, created_at=now,
                    text=f"That the Panel note part {r + 1} of the report and ask the "
                    "Commissioner to report back on the matters raised.",
                )  # fmt: skip
                session.add(resolution)
                session.flush()
                if position % 3 == 0 and r == 2:
                    for s in range(2):
                        session.add(
                            models.Resolution(
                                item_id=item_id, position=s, parent_id=resolution.id,
                                text=f"sub-point {s + 1} of the request;", created_at=now,
                            )
                        )  # fmt: skip
            if position % 2 == 0:
                session.add(
                    models.Action(
                        body_id=body_id, meeting_id=meeting_id, item_id=item_id,
                        minute_number=600 + position, source_date=day,
                        text=f"The Commissioner to report back on item {position + 1}.",
                        owner="PCC", created_at=now,
                    )
                )  # fmt: skip
    database.close()
    return meeting_id


def timed(work: Callable[[], Path], runs: int) -> tuple[float, float, int]:
    """(first, median of the next ``runs``) in seconds, and the size of the file written."""
    started = time.perf_counter()
    written = work()
    first = time.perf_counter() - started
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return first, statistics.median(samples), written.stat().st_size


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--items", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        meeting_id = generate(path, args.items)
        database = open_database(path)
        desk = Desk(database)
        body_id = desk.agenda.bodies()[0].id
        out(f"export of a {args.items}-item meeting: first in the process, then the median of "
            f"{args.runs} runs, and the file's size")  # fmt: skip
        jobs: list[tuple[str, str, Callable[[], Path]]] = []
        for what in ("minutes", "agenda"):
            for fmt in PAPERS[what].formats:
                target = Path(folder) / f"{what}.{fmt}"

                def paper(what: str = what, fmt: str = fmt, target: Path = target) -> Path:
                    return desk.papers.export_paper(meeting_id, what, fmt, target)

                jobs.append((what, fmt, paper))
        for fmt in EXPORT_FORMATS:
            target = Path(folder) / f"tracker.{fmt}"

            def tracker(fmt: str = fmt, target: Path = target) -> Path:
                return desk.tracker.export_tracker(body_id, fmt, target)

            jobs.append(("tracker", fmt, tracker))
        try:
            for what, fmt, work in jobs:
                first, median, size = timed(work, args.runs)
                out(f"  {what:<8} {fmt:<5} first {first * 1000:7.1f} ms   median "
                    f"{median * 1000:7.1f} ms   {size / 1024:8.1f} KiB")  # fmt: skip
        finally:
            database.close()


if __name__ == "__main__":
    main()
