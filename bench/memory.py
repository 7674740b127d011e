"""Peak memory against the floor: the maximum resident set of `clerk-tui demo` up to its first
frame, against the bare Textual app of bench/startup.py (which imports sqlmodel and opens a
SQLite file). Goal: at most 1.5x.

    python bench/memory.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from startup import CLERK, FLOOR

MEASURE = """
import resource, subprocess, sys
subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_kib(code: str, env: dict[str, str], *args: str) -> int:
    """The child's own peak (a fresh parent per run, so no other child's peak is mixed in)."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, code, *args],
        env=env, check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return int(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, XDG_DATA_HOME=folder)
        floor_db = str(Path(folder) / "floor.db")
        clerk = [peak_kib(CLERK, env) for _ in range(runs)]
        floor = [peak_kib(FLOOR, env, floor_db) for _ in range(runs)]
    c, f = statistics.median(clerk), statistics.median(floor)
    print(f"peak memory, median of {runs} runs (maximum resident set to the first frame):")
    print(f"  clerk-tui demo {c / 1024:6.1f} MiB   floor {f / 1024:6.1f} MiB   "
          f"ratio {c / f:.2f}x   (goal <= 1.5x)")  # fmt: skip


if __name__ == "__main__":
    main()
