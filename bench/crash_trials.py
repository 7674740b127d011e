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

from clerk_tui.demo import open_demo  # noqa: E402
from clerk_tui.desk import Desk  # noqa: E402
from clerk_tui.desk.decisions import ActionFields, NoteFields, ResolutionFields, VoteFields  # noqa: E402
from db import open_database  # noqa: E402
from db.backup import backup_database, verify  # noqa: E402
from db.files import set_aside_files  # noqa: E402
from db.maintenance import restore_database  # noqa: E402

MEETING_DATE = "2022-03-14"
STEPS = 120  # far more than a child lives to record before its kill
BACKUP_EVERY = 5  # steps between the recording child's backups
RESTORED = "restored"  # the backup's short name: the restored database tells itself apart
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


# ---- the checks ----------------------------------------------------------------------------
TABLES = {"N": ("minutenote", "text"), "R": ("resolution", "text"),
          "V": ("vote", "motion"), "T": ("action", "text")}  # fmt: skip


def _missing(connection: sqlite3.Connection, lines: list[str]) -> list[str]:
    """Every acknowledged record that is not in this database."""
    problems: list[str] = []
    planned: dict[str, str] = {}
    acked_status: dict[str, str] = {}
    for line in lines:
        kind, *rest = line.split(" ", 2)
        if kind in TABLES:
            table, column = TABLES[kind]
            row = connection.execute(
                f"SELECT {column} FROM {table} WHERE id = ?", (int(rest[0]),)
            ).fetchone()
            if row is None or row[0] != rest[1]:
                problems.append(f"acknowledged {table} {rest[0]} is missing")
        elif kind == "a":
            planned[rest[0]] = rest[1]
        elif kind == "A":
            acked_status[rest[0]] = rest[1]
            planned.pop(rest[0], None)
        elif kind == "S":
            row = connection.execute(
                "SELECT actual_start FROM agendaitem WHERE id = ?", (int(rest[0]),)
            ).fetchone()
            if row is None or row[0] is None:
                problems.append(f"acknowledged start of item {rest[0]} is missing")
    for person, status in acked_status.items():
        row = connection.execute(
            "SELECT a.status FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
            "WHERE a.person_id = ? AND m.date = ?",
            (int(person), MEETING_DATE),
        ).fetchone()
        if row is None or row[0] not in {status, planned.get(person, status)}:
            problems.append(f"person {person}: acknowledged {status}, found {row} (missing)")
    return problems


def _whole(connection: sqlite3.Connection) -> list[str]:
    problems = []
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
    return problems


def _verify(path: Path, lines: list[str]) -> list[str]:
    try:
        database = open_database(path)  # the app's own start after the kill
        database.close()
    except Exception as error:  # the report says what the app would have said
        return [f"the app refuses the file after the kill: {error}"]
    problems: list[str] = []
    connection = sqlite3.connect(path)
    try:
        problems += _whole(connection)
        body = connection.execute("SELECT short_name FROM body").fetchone()
        restored = body is not None and body[0] == RESTORED
        if restored:  # the restore got as far as its last rename: the old one is set aside
            aside = set_aside_files(path)
            if not aside:
                return [*problems, "restored, and the replaced database is missing"]
            with sqlite3.connect(aside[0]) as replaced:
                problems += _missing(replaced, lines)
            replaced.close()
        else:
            problems += _missing(connection, lines)
            if "x" in lines:
                problems.append("the restore was acknowledged but the old database is in place")
    finally:
        connection.close()
    return problems + _leftovers(path.parent)


def _leftovers(folder: Path) -> list[str]:
    """No temporary file after the start; every backup whole."""
    problems = []
    for entry in [*folder.iterdir(), *(folder / "backups").glob("*")]:
        name = entry.name
        if name.endswith((".tmp", "-journal")) or name.startswith(".backup-"):
            problems.append(f"left over after the next start: {name}")
        elif entry.parent.name == "backups" and not verify(entry):
            problems.append(f"a backup that is not whole: {name}")
    return problems


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
    problems = _verify(path, lines)
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
