"""clerk-tui export WHAT ...: a paper of the database, written atomically to a file.

Each WHAT (actions now; minutes, agenda, attendance, chapters to come) is one entry of
``EXPORTS``: its help, its own arguments and the function that writes it. Adding a WHAT adds an
entry; nothing else here changes. Options every WHAT shares (``--format``, ``-o``, ``--body``)
are added by the entry itself through the helpers below, so each says which formats it knows.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_tui.commands import _meeting_exports as meeting_papers
from clerk_tui.errors import ClerkError

if TYPE_CHECKING:
    from clerk_tui.desk import Desk


@dataclass(frozen=True)
class Export:
    """One WHAT of ``clerk-tui export``."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    # Writes the file from the parsed arguments and an open Desk; returns the path written.
    write: Callable[[argparse.Namespace, Desk], Path]


# ---- shared options and look-ups --------------------------------------------------------
def add_format_and_output(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    parser.add_argument(
        "--format",
        choices=formats,
        help=f"{' | '.join(formats)} (default: from the file's extension)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="the file to write (default: in your documents folder, named from the body and date)",
    )


def add_body(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--body",
        metavar="NAME",
        help="the body's name or short name (needed when there are several)",
    )


def chosen_format(args: argparse.Namespace, formats: tuple[str, ...]) -> str:
    """--format, or the output file's extension, in words when neither says."""
    from clerk_tui.desk.exporting import file_ending, typed_folder

    # A folder named with a "/" must be there, whatever --format says (said first, in its
    # words), and its name is no format.
    folder = typed_folder(args.output) if args.output else None
    suffix = file_ending(args.output) if args.output and not folder else ""
    suffix = "md" if suffix == "markdown" else suffix
    if args.format:
        # The file's name and the format must agree: "-o a.docx --format pdf" would write a
        # PDF that Word is then asked to open.
        if suffix in formats and suffix != args.format:
            raise ClerkError(
                f"{args.output} ends in .{suffix} but the format asked for is {args.format}"
            )
        return str(args.format)
    if args.output and folder is None:
        if suffix in formats:
            return suffix
        raise ClerkError(
            f"cannot tell the format of {args.output}: give --format {' | '.join(formats)}"
        )
    raise ClerkError(f"give --format {' | '.join(formats)} (or -o FILE with that extension)")


def body_id_of(desk: Desk, name: str | None) -> int:
    """The body named (by name or short name), or the only one when none is named."""
    bodies = desk.agenda.bodies()
    if name:
        body = desk.agenda.find_body(name)
        if body is None:
            known = ", ".join(b.name for b in bodies) or "none yet"
            raise ClerkError(f"there is no body called {name!r} (bodies: {known})")
        return body.id
    if not bodies:
        raise ClerkError("there is no body in this database yet")
    if len(bodies) > 1:
        names = "; ".join(b.name for b in bodies)
        raise ClerkError(f"there are {len(bodies)} bodies: say which with --body NAME ({names})")
    return bodies[0].id


@contextmanager
def reading_desk(args: argparse.Namespace) -> Iterator[Desk]:
    """A Desk on the database, opened to read: an export works while the app is open on it."""
    from clerk_tui.desk import Desk
    from db import open_database
    from db.safe_paths import check_name

    path = meeting_papers.database_path(args)
    check_name(path.absolute())  # a name too long is said in words, not met as an OSError
    if args.demo and not path.exists():
        raise ClerkError(f"there is no demo database yet at {path} (clerk-tui demo builds it)")
    database = open_database(path, writer=False)
    try:
        yield Desk(database)
    finally:
        database.close()


# ---- actions ----------------------------------------------------------------------------
ACTION_FORMATS = ("csv", "md", "docx", "pdf", "html")
ACTION_STATUSES = ("outstanding", "completed", "all")


def _action_arguments(parser: argparse.ArgumentParser) -> None:
    add_body(parser)
    parser.add_argument(
        "--status",
        choices=ACTION_STATUSES,
        default="all",
        help="which actions (default: all, outstanding first then completed)",
    )
    parser.add_argument(
        "--include-exempt",
        action="store_true",
        help="include the actions of exempt items (the copy is marked CONFIDENTIAL, 0600)",
    )
    add_format_and_output(parser, ACTION_FORMATS)


def _write_actions(args: argparse.Namespace, desk: Desk) -> Path:
    fmt = chosen_format(args, ACTION_FORMATS)
    body_id = body_id_of(desk, args.body)
    return desk.tracker.export_tracker(
        body_id, fmt, args.output, status=args.status, include_exempt=args.include_exempt
    )


EXPORTS: dict[str, Export] = {
    **{
        what: Export(
            help=meeting_papers.HELP[what],
            add_arguments=partial(meeting_papers.add_arguments, what=what),
            write=partial(meeting_papers.write_paper, what),
        )
        for what in meeting_papers.WHATS
    },
    "actions": Export(
        help="the action tracker: Outstanding and Completed Actions (csv, md, docx, pdf, html)",
        add_arguments=_action_arguments,
        write=_write_actions,
    ),
}


# ---- the subcommand -----------------------------------------------------------------------
def register(commands: Any) -> None:
    parser = commands.add_parser(
        "export",
        help="write " + " | ".join(EXPORTS) + " to a file",
        description="Write a paper of the database to a file (never half-written). "
        "It reads the database only, so it works while the app is open on it.",
    )
    # Nested parsers of the same class, so a wrong WHAT or option is still one line, exit 2.
    whats = parser.add_subparsers(
        dest="what", metavar="WHAT", required=True, parser_class=type(parser)
    )
    for name, export in EXPORTS.items():
        sub = whats.add_parser(name, help=export.help)
        export.add_arguments(sub)
        meeting_papers.add_demo(sub)  # every WHAT, as ``clerk-tui demo`` has it
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    export = EXPORTS[args.what]
    with reading_desk(args) as desk:
        path = export.write(args, desk)
    print(path)
    return 0
