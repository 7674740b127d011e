"""clerk-tui export WHAT ... --demo: the demo's papers without naming its file, as
``clerk-tui demo`` opens it; a subprocess, as a clerk runs it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clerk_tui import paths
from tests.test_cli import assert_one_line_error, clerk

NOVEMBER = "2021-11-29"
PAPERS = [
    ("minutes", NOVEMBER, "md"),
    ("agenda", NOVEMBER, "md"),
    ("attendance", NOVEMBER, "csv"),
    ("chapters", NOVEMBER, "txt"),
    ("actions", None, "csv"),
]


@pytest.fixture
def demo(demo_path: Path) -> Path:
    """The demo where ``clerk-tui demo`` keeps it (this test's own data folder)."""
    target = paths.demo_db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_path, target)
    return target


@pytest.mark.parametrize(("what", "meeting", "fmt"), PAPERS)
def test_every_paper_of_the_demo_by_demo(
    demo: Path, tmp_path: Path, what: str, meeting: str | None, fmt: str
) -> None:
    by_demo, by_path = tmp_path / f"demo.{fmt}", tmp_path / f"path.{fmt}"
    where = [meeting] if meeting else []
    result = clerk("export", what, *where, "--demo", "-o", str(by_demo))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(by_demo)
    named = clerk("--db", str(demo), "export", what, *where, "-o", str(by_path))
    assert named.returncode == 0, named.stderr
    assert by_demo.read_bytes() == by_path.read_bytes()


def test_demo_wins_over_the_environment(demo: Path, tmp_path: Path) -> None:
    """CLERK_TUI_DB names the clerk's own database; --demo is asked for by name, so it is read."""
    out = tmp_path / "minutes.md"
    result = clerk(
        "export", "minutes", NOVEMBER, "--demo", "-o", str(out), env_db=tmp_path / "none.db"
    )
    assert result.returncode == 0, result.stderr
    assert "WEST MIDLANDS POLICE AND CRIME PANEL" in out.read_text()


def test_demo_and_db_together_are_refused(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.md"
    result = clerk("--db", str(demo), "export", "minutes", NOVEMBER, "--demo", "-o", str(out))
    assert_one_line_error(result, "--demo and --db")
    assert not out.exists()


@pytest.mark.parametrize(("what", "meeting"), [("minutes", NOVEMBER), ("actions", None)])
def test_no_demo_yet_is_one_line_and_builds_nothing(
    tmp_path: Path, what: str, meeting: str | None
) -> None:
    out = tmp_path / "paper.csv"
    where = [meeting] if meeting else []
    result = clerk("export", what, *where, "--demo", "-o", str(out))
    assert_one_line_error(result, "no demo database", "clerk-tui demo")
    assert not paths.demo_db_path().exists()
    assert not out.exists()
