"""`--format text` is the clerk's word for txt (tryer's F8): the same file, every old spelling
still taken, and --help names both."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli_export_minutes import needs_cli, run_handler


@pytest.mark.parametrize("spelling", ["text", "TEXT", ".text", "txt", ".TXT"])
def test_text_is_written_as_txt(demo_path: Path, tmp_path: Path, spelling: str) -> None:
    assert run_handler(demo_path, "minutes", "2021-11-29", "-f", spelling, "-o", str(tmp_path)) == 0
    written = tmp_path / "Panel-2021-11-29-minutes.txt"
    assert written.read_text(encoding="utf-8").startswith("DRAFT")


def test_text_with_a_txt_file_agrees(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "m.txt"
    assert run_handler(demo_path, "minutes", "2021-11-29", "-f", "text", "-o", str(target)) == 0
    assert target.exists()


@needs_cli
def test_help_names_text_as_well(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clerk_tui", "export", "minutes", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "txt (or text)" in " ".join(result.stdout.split())
