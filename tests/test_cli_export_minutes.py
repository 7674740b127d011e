"""clerk-tui export minutes|agenda|attendance|chapters MEETING ...

Two layers: the handlers of clerk_tui/commands/_meeting_exports.py called directly (always), and
the real command line as a subprocess (once ``export`` has these WHATs wired in; skipped with
the reason until then). Every error: one line, exit 2, nothing written."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import subprocess
import sys
from datetime import time
from functools import cache
from pathlib import Path

import docx
import pytest

from clerk_tui.commands import _meeting_exports as meeting_papers
from clerk_tui.desk import Desk, MeetingFields
from clerk_tui.desk.preparation import BodyFields
from clerk_tui.errors import ClerkError
from tests.export.reference_meeting import HEADINGS
from tests.test_exporting import (
    MARCH,
    NOVEMBER,
    SENTINEL,
    add_exempt_item,
    docx_text,
    meeting_id,
)


@cache
def export_minutes_is_wired() -> bool:
    from clerk_tui.cli import build_parser

    with contextlib.redirect_stderr(io.StringIO()):
        try:
            build_parser().parse_args(["export", "minutes", "1"])
        except SystemExit:
            return False
    return True


needs_cli = pytest.mark.skipif(
    not export_minutes_is_wired(),
    reason="`clerk-tui export minutes` is not registered yet in clerk_tui/commands/export.py",
)


def parse(what: str, *argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    meeting_papers.add_arguments(parser, what)
    return parser.parse_args(list(argv))


def run_handler(db: Path, what: str, *argv: str) -> int:
    return meeting_papers.HANDLERS[what](parse(what, "--db", str(db), *argv))


def cli(db: Path, *argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CLERK_TUI_DB": str(db),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_DOCUMENTS_DIR": str(home / "Documents"),
    }
    return subprocess.run(
        [sys.executable, "-m", "clerk_tui", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()} if folder.exists() else set()


@pytest.fixture
def second_body_on_march(demo_desk: Desk) -> None:
    """Another body meeting on 14 March 2022, so that the date alone is ambiguous."""
    body = demo_desk.agenda.create_body(BodyFields("Audit Committee", short_name="Audit"))
    demo_desk.agenda.create_meeting(body.id, MeetingFields(date=MARCH, scheduled_start=time(10, 0)))


# --------------------------------------------------------------------------------------------
# The handlers, directly.


def test_minutes_default_to_word_in_the_documents_folder(
    demo_desk: Desk, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_handler(demo_path, "minutes", "2021-11-29") == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.name == "Panel-2021-11-29-minutes.docx"
    document = docx.Document(str(written))
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == list(HEADINGS)


def test_format_from_the_file_name_and_by_id(
    demo_desk: Desk, demo_path: Path, tmp_path: Path
) -> None:
    november = meeting_id(demo_desk, NOVEMBER)
    assert run_handler(demo_path, "minutes", str(november), "-o", str(tmp_path / "m.md")) == 0
    assert (tmp_path / "m.md").read_text(encoding="utf-8").startswith("**DRAFT**")
    assert run_handler(demo_path, "agenda", "2022-03-14", "-f", "docx", "-o", str(tmp_path)) == 0
    assert (tmp_path / "Panel-2022-03-14-agenda.docx").exists()


def test_include_exempt_through_the_handler(
    demo_desk: Desk, demo_path: Path, tmp_path: Path
) -> None:
    add_exempt_item(demo_desk.database, meeting_id(demo_desk, NOVEMBER))
    public, secret = tmp_path / "public.txt", tmp_path / "secret.txt"
    run_handler(demo_path, "minutes", "2021-11-29", "-o", str(public))
    run_handler(demo_path, "minutes", "2021-11-29", "-o", str(secret), "--include-exempt")
    assert SENTINEL not in public.read_text(encoding="utf-8")
    assert SENTINEL in secret.read_text(encoding="utf-8")


ERRORS = [
    (("minutes", "999"), "there is no meeting 999"),
    (("minutes", "2020-01-01"), "there is no meeting on 1 January 2020"),
    (("minutes", "someday"), "neither a meeting id nor a date"),
    (("agenda", "2022-03-14"), "say which with --body"),
    (("chapters", "2022-03-14", "--body", "Panel"), "never started"),
    (("minutes", "2022-03-14", "--body", "Panel"), "has not started"),
    (
        ("minutes", "2021-11-29", "-f", "csv"),
        "minutes can be exported as docx, pdf, html, md or txt",
    ),
    (("minutes", "2021-11-29", "-o", "{tmp}/minutes.odt"), "cannot tell the format"),
    (("minutes", "2021-11-29", "-o", "{tmp}/missing/m.docx"), "does not exist"),
    (("minutes", "2021-11-29", "-o", "{tmp}/a-file/m.docx"), "is a file, not a folder"),
    (("agenda", "2022-03-14", "--body", "Nobody"), "there is no body called 'Nobody'"),
]


@pytest.mark.usefixtures("second_body_on_march")
@pytest.mark.parametrize(("argv", "words"), ERRORS)
def test_handler_errors_are_one_line_and_write_nothing(
    demo_path: Path, tmp_path: Path, argv: tuple[str, ...], words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a-file").write_text("x")
    before = files_under(out) | files_under(Path(os.environ["XDG_DOCUMENTS_DIR"]))
    args = [a.replace("{tmp}", str(out)) for a in argv]
    with pytest.raises(ClerkError) as caught:
        run_handler(demo_path, args[0], *args[1:])
    assert words in str(caught.value)
    assert "\n" not in str(caught.value)
    assert files_under(out) | files_under(Path(os.environ["XDG_DOCUMENTS_DIR"])) == before


def test_handler_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(ClerkError, match="there is no database at"):
        run_handler(tmp_path / "none.db", "minutes", "1")
    assert not (tmp_path / "none.db").exists()


# --------------------------------------------------------------------------------------------
# The real command line.


@needs_cli
def test_cli_writes_the_minutes(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "minutes.docx"
    result = cli(demo_path, "export", "minutes", "2021-11-29", "-o", str(target), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(target)
    document = docx.Document(str(target))
    # Issue 14: "DRAFT" once, in the page header.
    assert [p.text for p in document.sections[0].header.paragraphs] == ["DRAFT"]


@needs_cli
@pytest.mark.parametrize(
    ("what", "fmt"),
    [("minutes", "docx"), ("minutes", "md"), ("minutes", "txt"), ("agenda", "md"),
     ("agenda", "docx"), ("attendance", "csv"), ("chapters", "txt")],
)  # fmt: skip
def test_cli_sentinel_only_with_include_exempt(
    demo_desk: Desk, demo_path: Path, tmp_path: Path, what: str, fmt: str
) -> None:
    add_exempt_item(demo_desk.database, meeting_id(demo_desk, NOVEMBER))
    for include in (False, True):
        target = tmp_path / f"{what}-{include}.{fmt}"
        argv = ["export", what, "2021-11-29", "--format", fmt, "-o", str(target)]
        result = cli(demo_path, *argv, *(["--include-exempt"] if include else []), home=tmp_path)
        assert result.returncode == 0, result.stderr
        data = target.read_bytes()
        text = docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")
        expected = include and what in ("minutes", "agenda")
        assert (SENTINEL in text) is expected, (what, fmt, include)


@needs_cli
@pytest.mark.usefixtures("second_body_on_march")
@pytest.mark.parametrize(("argv", "words"), ERRORS)
def test_cli_errors_are_one_line_exit_2_nothing_written(
    demo_path: Path, tmp_path: Path, argv: tuple[str, ...], words: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a-file").write_text("x")
    before = files_under(out) | files_under(tmp_path / "Documents")
    args = [a.replace("{tmp}", str(out)) for a in argv]
    result = cli(demo_path, "export", *args, home=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("clerk-tui: "), result.stderr
    assert words in lines[0]
    assert files_under(out) | files_under(tmp_path / "Documents") == before


@needs_cli
def test_cli_exports_while_the_app_holds_the_database(demo_path: Path, tmp_path: Path) -> None:
    from db import open_database

    writer = open_database(demo_path)  # as the app would: the writer's lock is held
    try:
        result = cli(
            demo_path, "export", "chapters", "2021-11-29", "-o", str(tmp_path), home=tmp_path
        )
    finally:
        writer.close()
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "Panel-2021-11-29-chapters.txt").read_text().startswith("00:00:00 ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_handler_refuses_an_unwritable_folder(demo_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(ClerkError, match="not writable"):
        run_handler(demo_path, "minutes", "2021-11-29", "-o", str(folder / "m.docx"))
    assert list(folder.iterdir()) == []
