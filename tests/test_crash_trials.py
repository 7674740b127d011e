"""The short version of bench/crash_trials.py: 50 SIGKILLs at random moments — while recording,
while backing up, while restoring — and nothing acknowledged lost, the file whole, nothing
left over after the next start."""

from __future__ import annotations

from bench.crash_trials import run_trials


def test_fifty_kills_lose_nothing_acknowledged() -> None:
    report = run_trials(50, seed=7, max_kill_after=0.4)
    assert report.killed == 50
    assert report.problems == []
    assert report.lost == 0
    assert report.acknowledged > 100  # the children got well into their streams
    # Every kind of kill happened (aimed at, so even a slow machine lands some in each).
    assert all(report.kills[phase] > 0 for phase in ("recording", "backup", "restore")), report
