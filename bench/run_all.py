"""Run every benchmark and write bench/RESULTS.md with the date, the machine and every figure.

    python bench/run_all.py [--quick]

--quick runs fewer repetitions and 100 crash trials instead of 1,000 (for a first look).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benches(quick: bool) -> list[tuple[str, list[str]]]:
    return [
        ("Start-up against the floor", ["startup.py", "--runs", "5" if quick else "9"]),
        ("Peak memory against the floor", ["memory.py", "--runs", "2" if quick else "3"]),
        ("Key press to committed and shown", ["keystroke.py"]),
        ("Debate keys to committed and shown", ["debate.py", "--reps", "15" if quick else "40"]),
        ("Tracker filter over 5,000 actions", ["tracker_filter.py"]),
        ("A 15-year history against 1 year", ["history.py", "--runs", "3" if quick else "5"]),
        ("Export of a 30-item meeting", ["export_formats.py", "--runs", "3" if quick else "5"]),
        ("Crash trials", ["crash_trials.py", "--trials", "100" if quick else "1000"]),
    ]


def machine() -> str:
    try:
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    except (OSError, StopIteration):
        model = platform.processor() or "unknown processor"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({model}), "
        f"Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    quick = parser.parse_args().quick
    sections = [
        "# Benchmark results",
        "",
        f"- date: {datetime.datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: {machine()}",
        f"- command: `python bench/run_all.py{' --quick' if quick else ''}`",
        "",
    ]
    failed = False
    for title, command in benches(quick):
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, str(HERE / command[0]), *command[1:]],
            capture_output=True, text=True, cwd=HERE.parent, timeout=3600,
        )  # fmt: skip
        seconds = time.perf_counter() - started
        output = (result.stdout + result.stderr).strip()
        failed |= result.returncode != 0
        status = "" if result.returncode == 0 else f" — exit status {result.returncode}"
        sections += [f"## {title}{status}", "", "```", output, "```", f"({seconds:.0f} s)", ""]
        print(f"{title}: done in {seconds:.0f} s{status}", flush=True)
    (HERE / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    print(f"written {HERE / 'RESULTS.md'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
