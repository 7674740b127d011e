"""Start-up against the floor: whole-process time of `clerk-tui demo` until its first screen is
drawn and the app exits, headless, against a bare Textual app that imports sqlmodel and opens a
SQLite file, with the same Header and Footer. Runs alternate (app, floor, app, floor...) in one
run; the median of each is printed with their ratio and the median of the paired ratios (goal
<= 1.25 for both, wall and CPU).

    python bench/startup.py [--runs 11]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The real command line, with only the final app.run made headless and quitting after the
# first frame (auto_pilot runs once the first screen is on display).
CLERK = """
import clerk_tui.cli as cli

def run_app(app):
    async def first_frame(pilot):
        await pilot.pause()
        pilot.app.exit()
    app.run(headless=True, size=(120, 40), auto_pilot=first_frame)
    return 0

cli.run_app = run_app
raise SystemExit(cli.main(["demo"]))
"""

FLOOR = """
import sqlite3, sys
import sqlmodel
from textual.app import App
from textual.widgets import Footer, Header, Static

class Floor(App):
    def compose(self):
        yield Header()
        yield Static("floor")
        yield Footer()

    def on_mount(self):
        sqlite3.connect(sys.argv[1]).execute("select count(*) from sqlite_master").fetchone()

async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()

Floor().run(headless=True, size=(120, 40), auto_pilot=first_frame)
"""


def timed(code: str, env: dict[str, str], *args: str) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], env=env, check=True, timeout=120)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    runs = max(5, parser.parse_args().runs)
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, XDG_DATA_HOME=folder)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        floor_db = Path(folder) / "floor.db"
        timed(CLERK, env)  # builds demo.db once and warms the caches, as a second start would
        timed(FLOOR, env, str(floor_db))
        clerk, floor = [], []
        for _ in range(runs):
            clerk.append(timed(CLERK, env))
            floor.append(timed(FLOOR, env, str(floor_db)))
    print(f"start-up, median of {runs} alternating runs (whole process, headless, first frame):")
    for label, index in (("wall", 0), ("cpu", 1)):
        c = statistics.median(run[index] for run in clerk)
        f = statistics.median(run[index] for run in floor)
        paired = statistics.median(a[index] / b[index] for a, b in zip(clerk, floor, strict=True))
        print(f"  {label:<4} clerk-tui demo {c * 1000:6.0f} ms   floor {f * 1000:6.0f} ms   "
              f"ratio {c / f:.2f}x   paired {paired:.2f}x   (goal <= 1.25x)")  # fmt: skip


if __name__ == "__main__":
    main()
