"""Crash trials: nothing acknowledged is ever lost.

Each trial forks a child that records a realistic stream — attendance changes, item starts,
notes, resolutions, votes and actions — through the same Desk services the screens call, on a
real database file, writing an acknowledgement down a pipe after each commit returns. The
parent kills the child with SIGKILL at a random moment, then checks: every acknowledged record
is there, no vote is without its tally, `PRAGMA integrity_check` is ok, `foreign_key_check` is
empty, and the app's own open (which sees the crash's stale lock and runs quick_check) accepts it.

    python bench/crash_trials.py [--trials 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from clerk_tui.demo import open_demo  # noqa: E402
from clerk_tui.desk import Desk  # noqa: E402
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields  # noqa: E402
from db import open_database  # noqa: E402

MEETING_DATE = "2022-03-14"
STEPS = 120  # far more than a child lives to record before its kill


@dataclass
class Trial:
    acks: list[list[str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class Report:
    trials: int = 0
    acknowledged: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _child(path: Path, seed: int, pipe: int) -> None:  # pragma: no cover - runs in the fork
    rng = random.Random(seed)
    desk = Desk(open_database(path))
    meeting = next(m for m in desk.meetings() if str(m.date) == MEETING_DATE)
    view = desk.meeting(meeting.id)
    members = [a.person for a in desk.memberships(view.body.id, view.date) if a.voting]
    items = [i.id for i in view.items]

    def ack(*words: object) -> None:
        os.write(pipe, (" ".join(map(str, words)) + "\n").encode())

    for person in members:
        desk.mark(meeting.id, person.id, "present")
        ack("A", person.id, "present")
    current = items[0]
    desk.start_item(meeting.id, current)
    ack("S", current)
    status = {p.id: "present" for p in members}
    for step in range(STEPS):
        kind = rng.choice("NNNRRVTAS")
        text = f"trial {seed} step {step}"
        if kind == "N":
            note = desk.add_note(current, NoteFields(text, rng.choice(["paragraph", "bullet"])))
            ack("N", note.id, text)
        elif kind == "R":
            resolution = desk.add_resolution(current, ResolutionFields(text))
            ack("R", resolution.id, text)
        elif kind == "V":
            present = sum(1 for s in status.values() if s == "present")
            against = rng.randint(0, max(0, present - 1))
            vote = desk.record_vote(
                current,
                VoteFields(text, for_count=present - against, against_count=against),
                inquorate_confirmed=True,
            )
            ack("V", vote.id, text)
        elif kind == "T":
            action = desk.add_action(current, ActionFields(text, owner="PCC", due="June 2022"))
            ack("T", action.id, text)
        elif kind == "A":
            person = rng.choice(members).id
            new = "apologies" if status[person] == "present" else "present"
            ack("a", person, new)  # planned: it may be committed without its acknowledgement
            desk.mark(meeting.id, person, new)
            status[person] = new
            ack("A", person, new)
        elif kind == "S" and current != items[-1]:
            current = items[items.index(current) + 1]
            desk.start_item(meeting.id, current)
            ack("S", current)
    os._exit(0)


def _verify(path: Path, lines: list[str]) -> list[str]:
    problems: list[str] = []
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {"N": ("minutenote", "text"), "R": ("resolution", "text"),
                  "V": ("vote", "motion"), "T": ("action", "text")}  # fmt: skip
        planned: dict[str, str] = {}
        acked_status: dict[str, str] = {}
        for line in lines:
            kind, key, *rest = line.split(" ", 2)
            if kind in tables:
                table, column = tables[kind]
                row = connection.execute(
                    f"SELECT {column} FROM {table} WHERE id = ?", (int(key),)
                ).fetchone()
                if row is None or row[0] != rest[0]:
                    problems.append(f"acknowledged {table} {key} is missing")
            elif kind == "a":
                planned[key] = rest[0]
            elif kind == "A":
                acked_status[key] = rest[0]
                planned.pop(key, None)
            elif kind == "S":
                row = connection.execute(
                    "SELECT actual_start FROM agendaitem WHERE id = ?", (int(key),)
                ).fetchone()
                if row is None or row[0] is None:
                    problems.append(f"acknowledged start of item {key} is missing")
        for person, status in acked_status.items():
            row = connection.execute(
                "SELECT a.status FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
                "WHERE a.person_id = ? AND m.date = ?",
                (int(person), MEETING_DATE),
            ).fetchone()
            allowed = {status, planned.get(person, status)}
            if row is None or row[0] not in allowed:
                problems.append(f"person {person}: acknowledged {status}, found {row}")
        untallied = connection.execute(
            "SELECT count(*) FROM vote WHERE outcome_text = '' OR "
            "(method = 'recorded' AND for_count + against_count + abstentions != "
            "(SELECT count(*) FROM personvote p WHERE p.vote_id = vote.id "
            "AND p.choice != 'did-not-vote'))"
        ).fetchone()[0]
        if untallied:
            problems.append(f"{untallied} votes without their tally")
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            problems.append(f"foreign_key_check: {broken[:3]}")
    finally:
        connection.close()
    try:
        open_database(path).close()  # the app's own open after a crash
    except Exception as error:  # the report says what the app would have said
        problems.append(f"the app refuses the file after the crash: {error}")
    return problems


def trial(template: Path, folder: Path, seed: int, kill_after: float) -> tuple[int, list[str]]:
    path = folder / f"trial-{seed}.db"
    shutil.copyfile(template, path)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        try:
            _child(path, seed, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    time.sleep(kill_after)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    text = b"".join(chunks).decode()
    # A line cut by the kill was never acknowledged: only whole lines count.
    lines = text.split("\n")[:-1]
    problems = _verify(path, lines)
    for suffix in ("", "-wal", "-shm", ".lock"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return sum(1 for line in lines if line[:1] in "NRVTAS"), problems


def run_trials(trials: int, seed: int = 1, *, max_kill_after: float = 0.6) -> Report:
    rng = random.Random(seed)
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = folder / "template.db"
        open_demo(template).close()
        for number in range(trials):
            acknowledged, problems = trial(
                template, folder, seed * 100_000 + number, rng.uniform(0.0, max_kill_after)
            )
            report.trials += 1
            report.acknowledged += acknowledged
            report.lost += sum(1 for p in problems if "missing" in p or "person" in p)
            report.problems += [f"trial {number}: {p}" for p in problems]
    report.seconds = time.perf_counter() - started
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    report = run_trials(args.trials, args.seed)
    print(f"crash trials: {report.trials} kills with SIGKILL at random moments")
    print(f"  acknowledged records : {report.acknowledged}")
    print(f"  lost                 : {report.lost}")
    print(f"  other problems       : {len(report.problems) - report.lost}")
    print(f"  time                 : {report.seconds:.0f} s")
    for problem in report.problems[:20]:
        print(f"  - {problem}")
    sys.exit(1 if report.problems else 0)


if __name__ == "__main__":
    main()
