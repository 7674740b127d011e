"""The command line where its surroundings fail (found by trying it as an adversary): a reader
that goes away (| head -1), a standard output that cannot be written (/dev/full), a disk full
before the app starts, a log file that is really a database — each one line or none, never
"unexpected error", and the data as it was."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_tui import paths
from tests.bad_inputs.corpus import assert_refused, fingerprint, run_clerk
from tests.faults import fill, small_disk

CLI = [sys.executable, "-m", "clerk_tui"]


@pytest.mark.parametrize(
    "command",
    [("backup", "--list"), ("check",), ("export", "agenda", "2022-03-14", "--format", "md")],
    ids=["backup-list", "check", "export"],
)
def test_a_reader_that_goes_away_is_no_error(
    command: tuple[str, ...], demo_path: Path, tmp_path: Path
) -> None:
    extra = ("-o", str(tmp_path / "agenda.md")) if command[0] == "export" else ()
    for _ in range(3):  # some backups, so the listing has lines to print
        assert run_clerk("--db", str(demo_path), "backup").returncode == 0
    shell = subprocess.run(
        ["bash", "-c", '"$@" | true; echo "status=${PIPESTATUS[0]}" >&2', "_", *CLI,
         "--db", str(demo_path), *command, *extra],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert "unexpected error" not in shell.stderr
    assert "Traceback" not in shell.stderr
    assert "status=0" in shell.stderr, shell.stderr
    if extra:
        assert (tmp_path / "agenda.md").is_file()  # the paper was written all the same


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this machine")
def test_a_standard_output_that_cannot_be_written_is_one_line(demo_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*CLI, "--db", str(demo_path), "check"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
    assert_refused(result, "cannot write to standard output", "no space left on device")


def test_a_disk_full_before_the_start_is_said_in_words(demo_path: Path, tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.csv"
    agenda.write_text("number,title\n1,Apologies\n", encoding="utf-8")
    with small_disk(tmp_path / "disk") as disk:
        existing = disk / "clerk.db"
        shutil.copyfile(demo_path, existing)
        filler = fill(disk)
        before = fingerprint(disk)
        for db in (existing, disk / "new.db"):
            result = run_clerk(
                "--db", str(db), "import-agenda", str(agenda), "--body", "Panel",
                "--date", "2031-01-06", "--time", "14:00",
            )  # fmt: skip
            assert_refused(result)
            assert "unexpected error" not in result.stderr
            assert "no space left on device" in result.stderr.lower()
        assert fingerprint(disk) == before  # nothing left behind, not even an empty new.db
        filler.unlink()


def test_the_log_is_never_written_into_a_database(demo_path: Path, tmp_path: Path) -> None:
    env = {"XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    log = tmp_path / "data" / paths.APP_NAME / "clerk-tui.log"
    log.parent.mkdir(parents=True)
    shutil.copyfile(demo_path, log)  # a database where the log would be
    before = fingerprint(log.parent)
    # An error nobody foresaw: a table the export reads is gone from a database.
    broken = tmp_path / "broken.db"
    shutil.copyfile(demo_path, broken)
    with sqlite3.connect(broken) as connection:
        connection.execute("DROP TABLE actionupdate")
    connection.close()
    result = run_clerk("--db", str(broken), "export", "actions", "--format", "csv",
                       "-o", str(tmp_path / "a.csv"), env=env)  # fmt: skip
    assert_refused(result)
    assert fingerprint(log.parent) == before
