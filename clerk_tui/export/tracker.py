"""The action tracker, as in the reference tracker: "Outstanding Actions" and "Completed
Actions", each a table ``Minute No. | Date | Action | Update``.

CSV layout (one sheet that sorts and filters cleanly): a single header row
``Minute No., Date, Action, Update, Status`` and one row per action, the outstanding ones first,
``Status`` being "Outstanding" or "Completed". Cells are made formula-safe and the file is UTF-8
with a BOM (see :mod:`clerk_tui.export.spreadsheet`).

Actions raised on exempt items reach a renderer only when the clerk asked for a confidential
copy (the service leaves them out otherwise). Then the copy says so: "CONFIDENTIAL" at the top
and on every Word page, each such action led by "EXEMPT – ", and in CSV an ``Exempt`` column,
added only then so the public sheet keeps its layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clerk_tui.export.document_info import DocumentInfo
from clerk_tui.export.markdown_util import md_escape, md_table
from clerk_tui.export.spreadsheet import csv_bytes
from clerk_tui.minutes import CONFIDENTIAL_MARKER, long_date

#: Month abbreviations of the house style ("Nov 2021", "July 2021", "Sept 2022").
MONTH_LABELS: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "June",
    "July",
    "Aug",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
)

COLUMNS: tuple[str, ...] = ("Minute No.", "Date", "Action", "Update")
CSV_COLUMNS: tuple[str, ...] = (*COLUMNS, "Status")
OUTSTANDING_TITLE = "Outstanding Actions"
COMPLETED_TITLE = "Completed Actions"
STATUSES: tuple[str, ...] = ("outstanding", "completed")
EXEMPT_COLUMN = "Exempt"
EXEMPT_MARK = "EXEMPT – "  # leads the action of an exempt item in a confidential copy


def month_label(day: date) -> str:
    """The tracker's date of an action: ``date(2021, 11, 29)`` → "Nov 2021"."""
    return f"{MONTH_LABELS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class ActionRow:
    """One action of the tracker (plain data the service builds from the database)."""

    minute_number: int | None
    date_label: str  # "Nov 2021": see month_label
    text: str
    owner: str = ""
    due: str = ""
    update: str = ""
    status: str = "outstanding"  # "outstanding" or "completed"
    exempt: bool = False  # raised on an exempt item: only in a confidential copy

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"an action is outstanding or completed, not {self.status!r}")

    @property
    def cells(self) -> list[str]:
        minute = "" if self.minute_number is None else str(self.minute_number)
        return [minute, self.date_label, self.text, self.update]

    @property
    def marked_cells(self) -> list[str]:
        """The cells with an exempt action's text led by "EXEMPT – " (Markdown and Word)."""
        cells = self.cells
        if self.exempt:
            cells[2] = EXEMPT_MARK + cells[2]
        return cells


def confidential(rows: Iterable[ActionRow]) -> bool:
    """Whether the rows hold exempt matter: the copy is then marked and kept private."""
    return any(r.exempt for r in rows)


def split_rows(rows: Iterable[ActionRow]) -> tuple[list[ActionRow], list[ActionRow]]:
    """(outstanding, completed), each in the order given."""
    rows = list(rows)
    return (
        [r for r in rows if r.status == "outstanding"],
        [r for r in rows if r.status == "completed"],
    )


def tracker_title(body_name: str) -> str:
    return f"{body_name} – Action Tracker" if body_name else "Action Tracker"


def render_tracker_csv(rows: Iterable[ActionRow]) -> bytes:
    """The tracker as CSV bytes (see the module's docstring for the layout)."""
    outstanding, completed = split_rows(rows)
    exempt = confidential([*outstanding, *completed])
    table: list[Sequence[object]] = [(*CSV_COLUMNS, EXEMPT_COLUMN) if exempt else CSV_COLUMNS]
    for group, status in ((outstanding, "Outstanding"), (completed, "Completed")):
        for r in group:
            marks = [EXEMPT_COLUMN if r.exempt else ""] if exempt else []
            table.append([*r.cells, status, *marks])
    return csv_bytes(table)


def render_tracker_markdown(
    rows: Iterable[ActionRow], *, body_name: str = "", as_of: date | None = None
) -> str:
    outstanding, completed = split_rows(rows)
    parts: list[str] = []
    if confidential([*outstanding, *completed]):
        parts.append(f"> **{CONFIDENTIAL_MARKER}** — contains exempt information")
    parts.append(f"# {md_escape(tracker_title(body_name))}")
    if as_of is not None:
        parts.append(f"Date {long_date(as_of)}")
    for title, group in ((OUTSTANDING_TITLE, outstanding), (COMPLETED_TITLE, completed)):
        parts.append(f"## {title}")
        if group:
            parts.append(md_table(list(COLUMNS), [r.marked_cells for r in group]))
        else:
            parts.append("None.")
    return "\n\n".join(parts) + "\n"


def render_tracker_docx(
    rows: Iterable[ActionRow],
    info: DocumentInfo | None = None,
    *,
    body_name: str = "",
    as_of: date | None = None,
) -> bytes:
    """The tracker as a Word file: see :mod:`clerk_tui.export.tracker_docx`."""
    # python-docx (and lxml) load only when a Word file is made: not at start-up.
    from clerk_tui.export.tracker_docx import tracker_docx

    return tracker_docx(list(rows), info, body_name=body_name, as_of=as_of)
