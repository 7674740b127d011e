"""A DataTable whose columns fit its width: the long free-text columns give way, cut with "…".

A DataTable sizes each column to its longest cell and scrolls sideways past its right edge, so
at 80 columns one long venue hid Home's status, minutes and item count. Here the columns named
``flexible`` (free text: a venue, a name, a title) give up width in that order, each down to
its minimum, until the table fits; the others keep their natural width. A cell cut short ends
in "…" when it is written through :func:`cut` (the screens write their free text that way).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, CursorType, RowKey

CellType = TypeVar("CellType")
SCROLLBAR = 2  # kept free for the vertical scrollbar, shown or not, so widths do not jump


def cut(value: object) -> Text:
    """A free-text cell that ends in "…" where its column is narrower than it."""
    return Text(str(value), end="", no_wrap=True, overflow="ellipsis")


def share_widths(natural: list[int], flexible: list[tuple[int, int]], room: int) -> list[int]:
    """The width of each column: ``natural`` their content widths, ``flexible`` the (index,
    minimum) of those that may give way, first first; ``room`` what the columns may take."""
    widths = list(natural)
    excess = sum(widths) - room
    for index, minimum in flexible:
        if excess <= 0:
            break
        give = min(excess, max(0, widths[index] - minimum))
        widths[index] -= give
        excess -= give
    return widths


class FitTable(DataTable[CellType]):
    """``flexible``: (column key, minimum width) in the order they give way."""

    def __init__(
        self,
        *,
        flexible: tuple[tuple[str, int], ...],
        id: str | None = None,
        cursor_type: CursorType = "row",
    ) -> None:
        super().__init__(id=id, cursor_type=cursor_type)
        self.flexible = flexible

    def on_resize(self) -> None:
        self.fit_columns()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        # Where DataTable measures new rows: widen or narrow the columns to what they hold now.
        super()._update_dimensions(new_rows)
        self.fit_columns()

    def fit_columns(self) -> None:
        if not self.size.width or not self.columns:
            return
        columns = self.ordered_columns
        keys = [column.key for column in columns]
        padding = 2 * self.cell_padding
        natural = [max(column.content_width, column.label.cell_len) for column in columns]
        flexible = [
            (keys.index(ColumnKey(key)), minimum)
            for key, minimum in self.flexible
            if ColumnKey(key) in keys
        ]
        room = self.size.width - SCROLLBAR - padding * len(columns)
        widths = share_widths(natural, flexible, room)
        changed = False
        for column, width, full in zip(columns, widths, natural, strict=True):
            auto = width == full
            if column.auto_width != auto or (not auto and column.width != width):
                column.auto_width = auto
                column.width = width
                changed = True
        if changed:
            self._require_update_dimensions = True
            self.refresh()
