"""Crash trials: nothing acknowledged is ever lost — killed while recording, while backing up,
or while restoring a backup.

Each trial forks a child on a real database file that writes an acknowledgement down a pipe
after each step returns, and kills it with SIGKILL. A recording child records a realistic
stream (attendance, item starts, notes, resolutions, votes, actions) through the same Desk
services the screens call, with a backup (desk.backups.backup_now, between "B" and "b") every few
steps; it is killed at a random moment. A restoring child adds a few notes, closes the
database and runs ``restore_database`` (between "X" and "x"); it is killed at a random moment
of its restore, or pinned just after one of its renames.

Then the parent starts as the app does (``open_database``) and checks: every acknowledged record
is there (in the database, or in the file the old one was set aside as once the backup is in
place); every vote has its tally; the file whole; no temporary file left; every backup whole.

    python bench/crash_trials.py [--kills 1000] [--seed 1]
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
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.crash_checks import MEETING_DATE, RESTORED, verify_after_kill  # noqa: E402
from clerk_tui.demo import open_demo  # noqa: E402
from clerk_tui.desk import Desk  # noqa: E402
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields  # noqa: E402
from db import open_database  # noqa: E402
from db.backup import backup_database  # noqa: E402
from db.maintenance import restore_database  # noqa: E402

STEPS = 120  # far more than a child lives to record before its kill
BACKUP_EVERY = 5  # steps between the recording child's backups
PHASES = ("recording", "backup", "restore")


@dataclass
class Report:
    trials: int = 0
    kills: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PHASES, 0))
    finished: int = 0  # children that ended before their kill came
    pinned: int = 0  # restores killed between their renames
    acknowledged: int = 0
    lost: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def killed(self) -> int:
        return sum(self.kills.values())


# ---- the children --------------------------------------------------------------------------
def _acker(pipe: int) -> Callable[..., None]:
    return lambda *words: os.write(pipe, (" ".join(map(str, words)) + "\n").encode())


def _record(path: Path, seed: int, pipe: int) -> None:  # pragma: no cover - runs in the fork
    rng = random.Random(seed)
    ack = _acker(pipe)
    desk = Desk(open_database(path))
    meeting = next(m for m in desk.agenda.meetings() if str(m.date) == MEETING_DATE)
    view = desk.agenda.meeting(meeting.id)
    members = [a.person for a in desk.members.memberships(view.body.id, view.date) if a.voting]
    items = [i.id for i in view.items]
    for person in members:
        desk.attendance.mark(meeting.id, person.id, "present")
        ack("A", person.id, "present")
    current = items[0]
    desk.chamber.start_item(meeting.id, current)
    ack("S", current)
    status = {p.id: "present" for p in members}
    for step in range(STEPS):
        if step % BACKUP_EVERY == BACKUP_EVERY - 1:
            ack("B")
            desk.backups.backup_now("trial")
            ack("b")
        kind = rng.choice("NNNRRVTAS")
        text = f"trial {seed} step {step}"
        if kind == "N":
            note = desk.decisions.add_note(
                current, NoteFields(text, rng.choice(["paragraph", "bullet"]))
            )
            ack("N", note.id, text)
        elif kind == "R":
            resolution = desk.decisions.add_resolution(current, ResolutionFields(text))
            ack("R", resolution.id, text)
        elif kind == "V":
            present = sum(1 for s in status.values() if s == "present")
            against = rng.randint(0, max(0, present - 1))
            vote = desk.decisions.record_vote(
                current,
                VoteFields(text, for_count=present - against, against_count=against),
                inquorate_confirmed=True,
            )
            ack("V", vote.id, text)
        elif kind == "T":
            action = desk.decisions.add_action(
                current, ActionFields(text, owner="PCC", due="June 2022")
            )
            ack("T", action.id, text)
        elif kind == "A":
            person = rng.choice(members).id
            new = "apologies" if status[person] == "present" else "present"
            ack("a", person, new)  # planned: it may be committed without its acknowledgement
            desk.attendance.mark(meeting.id, person, new)
            status[person] = new
            ack("A", person, new)
        elif kind == "S" and current != items[-1]:
            current = items[items.index(current) + 1]
            desk.chamber.start_item(meeting.id, current)
            ack("S", current)
    os._exit(0)


def _restore(path: Path, backup: Path, seed: int, pipe: int, pin: int = 0) -> None:
    ack, database = _acker(pipe), open_database(path)
    desk = Desk(database)
    meeting = next(m for m in desk.agenda.meetings() if str(m.date) == MEETING_DATE)
    item = desk.agenda.meeting(meeting.id).items[0].id
    desk.chamber.start_item(meeting.id, item)
    ack("S", item)
    for step in range(random.Random(seed).randint(1, 3)):
        text = f"trial {seed} note {step}"
        ack("N", desk.decisions.add_note(item, NoteFields(text, "paragraph")).id, text)
    database.close()
    ack("X")  # the restore begins (its lines are "X"/"x": "R" is a resolution)
    if pin:
        _pin_after_rename(pin, ack)
    restore_database(path, backup, datetime.now())
    ack("x")
    os._exit(0)


def _pin_after_rename(pin: int, ack: Callable[..., None]) -> None:  # pragma: no cover
    """Hold the child just after the restore's ``pin``-th rename (1: the database set aside,
    the copy not yet in place; 2: the copy in place, not yet acknowledged) until its kill: a
    random moment would rarely land in a gap of microseconds. The renames themselves run."""
    done = 0

    def pinned(real: Callable[[str, str], None]) -> Callable[[str, str], None]:
        def rename(source: str, target: str) -> None:
            nonlocal done
            real(source, target)
            done += 1
            if done == pin:
                ack("M", done)
                signal.pause()  # the parent's SIGKILL arrives here

        return rename

    os.rename, os.replace = pinned(os.rename), pinned(os.replace)  # type: ignore[assignment]


# ---- a trial -------------------------------------------------------------------------------
def trial(
    template: Path,
    backup: Path | None,
    folder: Path,
    seed: int,
    kill_after: float,
    pin: int = 0,
    aim: bytes = b"",
) -> tuple[str, int, list[str]]:
    """One child killed ``kill_after`` seconds in — or after its line ``aim`` (the start of a
    backup or a restore, a pinned rename): (phase of the kill or "finished", acknowledged
    records, problems)."""
    folder.mkdir()
    path = folder / "clerk.db"
    shutil.copyfile(template, path)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        os.close(read_end)
        try:
            if backup is None:
                _record(path, seed, write_end)
            else:
                _restore(path, backup, seed, write_end, pin)
        finally:
            os._exit(1)
    os.close(write_end)
    chunks = []
    while aim and aim not in b"".join(chunks) and (chunk := os.read(read_end, 65536)):
        chunks.append(chunk)
    time.sleep(kill_after)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        chunks.append(chunk)
    os.close(read_end)
    # A line cut by the kill was never acknowledged: only whole lines count.
    lines = b"".join(chunks).decode().split("\n")[:-1]
    problems = verify_after_kill(path, lines)
    shutil.rmtree(folder)
    code = None if os.WIFSIGNALED(status) else os.waitstatus_to_exitcode(status)
    if code or (code == 0 and backup is not None and "x" not in lines):
        problems.append(f"the child failed by itself (exit {code}) before its kill")
    last = ([line for line in lines if line in ("B", "b", "X", "x")] or [""])[-1]
    phase = {"X": "restore", "B": "backup"}.get(last, "recording") if code is None else "finished"
    return phase, sum(1 for line in lines if line[:1] in "NRVTAS"), problems


def _make_backup(template: Path, folder: Path) -> Path:
    """The backup the restoring children put back: the demo, told apart by its short name."""
    source = folder / "source.db"
    shutil.copyfile(template, source)
    with sqlite3.connect(source) as connection:
        connection.execute("UPDATE body SET short_name = ?", (RESTORED,))
    connection.close()
    return backup_database(source, folder / "backup.db")


def _seconds(template: Path, backup: Path, folder: Path) -> tuple[float, float]:
    """How long one restore and one backup take here: the windows aimed kills land in."""
    shutil.copyfile(template, folder / "timing.db")
    started = time.perf_counter()
    restore_database(folder / "timing.db", backup, datetime.now())
    middle = time.perf_counter()
    backup_database(folder / "timing.db", folder / "timing-backup.db")
    return middle - started, time.perf_counter() - middle


def run_trials(kills: int, seed: int = 1, *, max_kill_after: float = 0.6) -> Report:
    """Trials until ``kills`` children have been killed; every third one restores."""
    rng = random.Random(seed)
    report = Report()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        template = folder / "template.db"
        open_demo(template).close()
        backup = _make_backup(template, folder)
        restore_window, backup_window = _seconds(template, backup, folder)
        while report.killed < kills:
            number = report.trials
            restoring, at_backup = number % 3 == 2, number % 3 == 1 and number % 2
            # A third restore: the kill timed from the restore's start, or (every other one)
            # pinned just after one of its renames. Of the others, every other one is timed
            # from the start of the child's first backup; the rest at random.
            pin = 1 + number // 3 % 4 if restoring and number // 3 % 4 < 2 else 0
            aim = b"\nM " if pin else b"\nX\n" if restoring else b"\nB\n" if at_backup else b""
            window = restore_window if restoring else backup_window if at_backup else max_kill_after
            when = 0.0 if pin else rng.uniform(0.0, window)
            report.pinned += bool(pin)
            phase, acknowledged, problems = trial(
                template,
                backup if restoring else None,
                folder / f"trial-{number}",
                seed * 100_000 + number,
                when,
                pin,
                aim,
            )
            report.trials += 1
            if phase == "finished":
                report.finished += 1
            else:
                report.kills[phase] += 1
            report.acknowledged += acknowledged
            report.lost += sum(1 for p in problems if "missing" in p)
            report.problems += [f"trial {number} ({phase}): {p}" for p in problems]
    report.seconds = time.perf_counter() - started
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    r = run_trials(args.kills, args.seed)
    print(f"crash trials: {r.trials} trials, {r.killed} kills with SIGKILL, {r.seconds:.0f} s")
    print("  killed during " + ", ".join(f"{p}: {n}" for p, n in r.kills.items()))
    print(f"  (restores pinned between their renames: {r.pinned}; ended before the kill: "
          f"{r.finished})")  # fmt: skip
    print(f"  acknowledged records: {r.acknowledged}, lost: {r.lost}, other problems: "
          f"{len(r.problems) - r.lost}")  # fmt: skip
    for problem in r.problems[:20]:
        print(f"  - {problem}")
    sys.exit(1 if r.problems else 0)


if __name__ == "__main__":
    main()
