"""The columns of an item table: the names a header row may give them, and a row's cells by
column."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clerk_tui.agenda_import.cells import Bad

_COLUMN_NAMES: dict[str, str] = {}
for _column, _names in (
    ("number", ("number", "no", "num", "item", "item no", "item number", "#", "item #", "ref")),
    ("title", ("title", "heading", "item title")),
    ("topic", ("topic", "subject", "business", "agenda item")),
    ("description", ("description", "purpose", "details", "detail", "summary")),
    (
        "papers",
        (
            "papers",
            "paper",
            "supporting document",
            "supporting documents",
            "supporting papers",
            "documents",
        ),
    ),
    (
        "time",
        ("time", "approximate time", "approx time", "approximate start", "start time", "start"),
    ),
    ("exempt", ("exempt", "exempt item", "private", "confidential")),
    ("exempt_reason", ("exempt reason", "exemption reason", "reason", "exemption")),
):
    for _name in _names:
        _COLUMN_NAMES[_name] = _column

DEFAULT_TEXT_COLUMNS = {"papers": 0, "number": 1, "topic": 2, "time": 3}
DEFAULT_TEXT_NAMES = ("papers", "item", "topic", "approximate time")


def _column_key(cell: str) -> str:
    text = cell.strip().strip("*_`").replace("_", " ").replace(".", "").casefold()
    return " ".join(text.rstrip(":").split())


@dataclass(frozen=True)
class Layout:
    """Where each column is, from a header row (or the text form's default order)."""

    columns: dict[str, int]
    names: tuple[str, ...]
    ignored: tuple[str, ...] = ()

    @property
    def split_topic(self) -> bool:
        return "title" not in self.columns


def layout_from_header(cells: Sequence[str]) -> Layout | None:
    """The layout a header row describes, or None if the row is not an agenda header."""
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        key = _column_key(cell)
        column = _COLUMN_NAMES.get(key)
        if column is None or column in columns:
            if key:
                ignored.append(cell.strip())
            continue
        columns[column] = index
    if "number" not in columns or not ({"title", "topic"} & columns.keys()):
        return None
    if "title" in columns and "topic" in columns:
        topic = columns.pop("topic")
        if "description" not in columns:
            columns["description"] = topic
    names = tuple(" ".join(cell.split()) for cell in cells)
    while names and not names[-1]:
        names = names[:-1]
    return Layout(columns, names, tuple(ignored))


def row_values(cells: Sequence[str], layout: Layout) -> dict[str, str]:
    """The row's cells by column name; trailing empty cells may be left off."""
    width = max(len(layout.names), max(layout.columns.values()) + 1)
    if len(cells) > width and any(cell.strip() for cell in cells[width:]):
        raise Bad(f"the row has {len(cells)} columns; expected {width} ({', '.join(layout.names)})")
    title_column = "title" if "title" in layout.columns else "topic"
    needed = max(layout.columns["number"], layout.columns[title_column]) + 1
    if len(cells) < needed:
        raise Bad(
            f"the row has {len(cells)} column{'s' if len(cells) != 1 else ''}; expected "
            f"{width} ({', '.join(layout.names)})"
        )
    return {
        column: (cells[index] if index < len(cells) else "")
        for column, index in layout.columns.items()
    }
