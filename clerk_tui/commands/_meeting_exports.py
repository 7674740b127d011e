"""The papers of one meeting from the command line — a helper of the ``export`` subcommand:

    clerk-tui export minutes|agenda|attendance|chapters MEETING [--format F] [-o FILE]
                     [--include-exempt] [--body NAME] [--template FILE.docx | --no-template]

MEETING is a meeting's id or its date (2022-03-14, 14 March 2022, today); ``--body`` says which
body's meeting where a date is shared. Without ``-o`` the file goes to the documents folder,
named from the body and the date ("Panel-2022-03-14-minutes.docx"); ``-o`` takes a file or a
folder. The format is ``--format``, else the ending of ``-o FILE``, else the paper's usual one
(Word for minutes). The Word minutes are built on ``--template FILE.docx``, else on the body's
own template if its details name one, ``--no-template`` the house style. The path written is
printed. Bad input raises ClerkError, which ``cli.main`` prints as one line with exit status 2;
nothing is half-written.

Two ways in, the same work: ``run_minutes(args)`` and friends (open the database, write, print,
return the exit status), and ``write_paper(what, args, desk)`` for the ``export`` subcommand's
table of WHATs, which opens the database and prints itself.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui import paths
from clerk_tui.errors import ClerkError

if TYPE_CHECKING:  # the desk is imported only when a command runs (a fast --help)
    from clerk_tui.desk import Desk

Handler = Callable[[argparse.Namespace], int]
WHATS: tuple[str, ...] = ("minutes", "agenda", "attendance", "chapters")
HELP: dict[str, str] = {
    "minutes": "a meeting's draft minutes in the house style (docx, pdf, html, md, txt)",
    "agenda": "a meeting's agenda front sheet (md, docx, pdf, html)",
    "attendance": "a meeting's attendance register (csv)",
    "chapters": "webcast chapters: HH:MM:SS and item, from the actual start times (txt)",
}


def add_arguments(parser: argparse.ArgumentParser, what: str | None = None) -> None:
    """The arguments every paper of a meeting takes (``what`` only shapes the help)."""
    from clerk_tui.desk.exporting import PAPERS

    formats = ", ".join(PAPERS[what].formats) if what in PAPERS else "docx, md, txt, csv"
    # "text" is the clerk's word for txt (the spec says "plain text"): the help says so.
    formats = formats.replace("txt", "txt (or text)")
    default = f" (default: {PAPERS[what].formats[0]})" if what in PAPERS else ""
    parser.add_argument(
        "meeting",
        metavar="MEETING",
        help="the meeting's id or its date (2022-03-14, 14 March 2022, today)",
    )
    parser.add_argument(
        "-f",
        "--format",
        metavar="FORMAT",
        help=f"{formats}{default}; also taken from the ending of -o FILE",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file or folder to write "
        "(default: your documents folder, named from the body and the date)",
    )
    parser.add_argument(
        "--include-exempt",
        action="store_true",
        help="include the content of exempt items (the copy is marked CONFIDENTIAL)",
    )
    parser.add_argument("--body", metavar="NAME", help="the body, where a date is ambiguous")
    if what == "minutes":
        add_template(parser)


def add_template(parser: argparse.ArgumentParser) -> None:
    """The Word minutes' template: a file, or none; without either, the body's own if set."""
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--template",
        metavar="FILE.docx",
        help="build the Word minutes on this Word file: its page setup, headers and footers "
        "and its styles (default: the body's own template, if its details name one)",
    )
    chosen.add_argument(
        "--no-template",
        action="store_true",
        help="the house style, even where the body has a template of its own",
    )


def run_minutes(args: argparse.Namespace) -> int:
    return _run("minutes", args)


def run_agenda(args: argparse.Namespace) -> int:
    return _run("agenda", args)


def run_attendance(args: argparse.Namespace) -> int:
    return _run("attendance", args)


def run_chapters(args: argparse.Namespace) -> int:
    return _run("chapters", args)


#: WHAT → handler, for the ``export`` subcommand's dispatch table.
HANDLERS: dict[str, Handler] = {
    "minutes": run_minutes,
    "agenda": run_agenda,
    "attendance": run_attendance,
    "chapters": run_chapters,
}


def _run(what: str, args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        written = write_paper(what, args, desk)
    print(written)
    return 0


def write_paper(what: str, args: argparse.Namespace, desk: Desk) -> Path:
    """Write the paper the arguments ask for; return the file written."""
    output: str | None = getattr(args, "output", None)
    fmt = choose_format(what, getattr(args, "format", None), output)
    template = template_of(args, fmt)
    meeting_id = desk.agenda.find_meeting(
        args.meeting, body=getattr(args, "body", None), today=date.today()
    )
    return desk.papers.export_paper(
        meeting_id,
        what,
        fmt,
        output,
        include_exempt=bool(getattr(args, "include_exempt", False)),
        template=template,
    )


def template_of(args: argparse.Namespace, fmt: str) -> str | None:
    """--template FILE, "" for --no-template (the house style), None for the body's own."""
    template: str | None = getattr(args, "template", None)
    if template is not None:
        if fmt != "docx":
            raise ClerkError(f"--template is for Word (.docx) minutes, not {fmt}")
        if not template.strip():
            raise ClerkError("--template names no file: give a Word file (.docx)")
        return template
    return "" if getattr(args, "no_template", False) else None


def choose_format(what: str, given: str | None, output: str | None) -> str:
    """--format, else the ending of -o FILE, else the paper's default; they must agree."""
    from clerk_tui.desk.exporting import (
        FORMAT_LABELS,
        check_format,
        file_ending,
        paper,
        typed_folder,
    )

    ending = ""
    # A folder has no format: one named with a "/" must be there (said first, in its words);
    # os.path.isdir: False, never an OSError, for a name too long or a loop of links (the
    # guard says those in words when the file is written).
    if output and typed_folder(output) is None and not os.path.isdir(Path(output).expanduser()):
        ending = file_ending(output)
    if given:
        fmt = check_format(what, _spelled(given))
        if ending in FORMAT_LABELS and ending != fmt:
            raise ClerkError(f"{output} ends in .{ending} but the format asked for is {fmt}")
        return fmt
    if ending in FORMAT_LABELS or ending == "markdown":
        return check_format(what, ending)
    if ending:
        formats = paper(what).formats
        raise ClerkError(f"cannot tell the format of {output}: give --format {' | '.join(formats)}")
    return paper(what).formats[0]


def _spelled(given: str) -> str:
    """``given`` with "text" read as txt, the one format a clerk may name in words."""
    return "txt" if given.strip().lower().lstrip(".") == "text" else given


@contextlib.contextmanager
def _desk(args: argparse.Namespace) -> Iterator[Desk]:
    """A Desk that only reads: exporting works while the app has the database open."""
    from clerk_tui.desk import Desk
    from db import open_database
    from db.files import set_aside_files
    from db.safe_paths import check_name, printable

    path = database_path(args).absolute()
    check_name(path)  # a name too long is said in words, not met as an OSError
    wal = path.with_name(path.name + "-wal")
    if not os.path.lexists(path) and not os.path.lexists(wal) and not set_aside_files(path):
        raise ClerkError(f"there is no database at {printable(path)}{_demo_hint(args)}")
    # Else open_database says what is there: a -wal alone, or a database a restore set aside.
    database = open_database(path, writer=False)
    try:
        yield Desk(database)
    finally:
        database.close()


def add_demo(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo",
        action="store_true",
        help="read the demo database (the one clerk-tui demo opens) instead of your own",
    )


def database_path(args: argparse.Namespace) -> Path:
    """--demo: the demo's database, as ``clerk-tui demo`` opens it; else --db, $CLERK_TUI_DB
    or the clerk's own. Both --demo and --db name two databases: refused in words."""
    if getattr(args, "demo", False):
        if getattr(args, "db", None):
            raise ClerkError("--demo and --db name two databases: give one of them")
        return paths.demo_db_path()
    return paths.resolve_db_path(getattr(args, "db", None))


def _demo_hint(args: argparse.Namespace) -> str:
    return " (clerk-tui demo builds it)" if getattr(args, "demo", False) else ""
