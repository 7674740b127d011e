"""The short version of bench/crash_trials.py: 50 SIGKILLs at random moments, nothing
acknowledged lost, the file whole."""

from __future__ import annotations

from bench.crash_trials import run_trials


def test_fifty_kills_lose_nothing_acknowledged() -> None:
    report = run_trials(50, seed=7, max_kill_after=0.4)
    assert report.trials == 50
    assert report.acknowledged > 100  # the children got well into their streams
    assert report.problems == []
