"""Shared by the bad-input corpus: run the real command line; where the test runs as root,
without the capabilities that let root ignore file modes (so read-only really is read-only)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

# util-linux's setpriv: the child keeps uid 0 but loses CAP_DAC_OVERRIDE/READ_SEARCH.
WITHOUT_OVERRIDE = [
    "setpriv",
    "--bounding-set=-dac_override,-dac_read_search",
    "--inh-caps=-dac_override,-dac_read_search",
    "--",
]


def run_clerk(
    *args: str, unprivileged: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, **(env or {}))
    prefix = WITHOUT_OVERRIDE if unprivileged and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "clerk_tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=environment,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its hash: 'the data is as it was'."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_refused(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("clerk-tui: ")
    for word in words:
        assert word in lines[0], lines[0]
