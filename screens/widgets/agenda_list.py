"""The agenda down the side of the live screen: each item against the clock.

Columns: a marker (▶ running, ✓ taken, ↷ deferred, ✗ withdrawn), number, title, planned time
("13:30" given on the agenda, "~13:31" derived), actual start, how long it ran, and its minute
number (provisional, in italics, while the meeting is live). An item running over its plan is
shown in the error colour. Rows are keyed by item id and updated in place, so the cursor and
the scroll position survive every redraw. The title takes the width the other columns leave
(stacked above the record on a narrow terminal, the terminal's width less theirs); a few rows
high, the rows either side of the cursor stay in view with it.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.geometry import Region, Spacing
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey, RowKey

from clerk_tui.desk.chamber import AgendaLine, LiveView

MARKERS = {"running": "▶", "taken": "✓", "deferred": "↷", "withdrawn": "✗", "pending": " "}
# (key, label, width); the title takes what the others leave.
COLUMNS = (
    ("mark", "", 1),
    ("number", "No.", 3),
    ("title", "Item", 0),
    ("plan", "Plan", 6),
    ("start", "Start", 5),
    ("ran", "Ran", 4),
    ("minute", "Min.", 4),
)
TITLE_WIDTH = 26  # in the side pane (66 columns) beside the record
MIN_TITLE_WIDTH = 12
# What the columns other than the title take: their widths, a cell's padding either side, and
# the vertical scrollbar.
OTHER_WIDTH = sum(width for _, _, width in COLUMNS) + 2 * len(COLUMNS) + 2


def ran_text(ran: timedelta | None) -> str:
    """'12m', '1h05' — how long an item took, short enough for a narrow column."""
    if ran is None:
        return ""
    minutes = int(ran.total_seconds()) // 60
    return f"{minutes}m" if minutes < 100 else f"{minutes // 60}h{minutes % 60:02d}"


def cells(line: AgendaLine, width: int = TITLE_WIDTH) -> dict[str, Text]:
    item = line.item
    settled = item.state in ("deferred", "withdrawn")
    row_style = "bold" if line.running else ("dim strike" if settled else "")
    title = item.title if len(item.title) <= width else item.title[: width - 1] + "…"
    plan = f"{line.planned.at:%H:%M}" if line.planned.given else f"~{line.planned.at:%H:%M}"
    start = f"{item.actual_start:%H:%M}" if item.actual_start else ""
    minute = "" if line.minute_number is None else str(line.minute_number)
    return {
        "mark": Text(MARKERS.get(item.state, " "), style="bold" if line.running else ""),
        "number": Text(item.number, style=row_style),
        "title": Text(title, style=row_style),
        "plan": Text(plan, style="" if line.planned.given else "italic"),
        "start": Text(start),
        "ran": Text(ran_text(line.ran), style="bold red" if line.overrun else ""),
        "minute": Text(minute, style="italic" if line.provisional else "bold"),
    }


class AgendaList(DataTable[Text]):
    """``show(view)`` draws the agenda; ``item_id`` is the selected item."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.item_ids: list[int] = []
        self.title_width = TITLE_WIDTH
        self._view: LiveView | None = None

    def on_mount(self) -> None:
        for key, label, width in COLUMNS:
            self.add_column(label, key=key, width=width or TITLE_WIDTH)

    def on_resize(self) -> None:
        width = max(MIN_TITLE_WIDTH, self.size.width - OTHER_WIDTH)
        if width == self.title_width:
            return
        self.title_width = width
        self.columns[ColumnKey("title")].width = width
        if self._view is not None:
            keep = self.item_id
            self.item_ids = []  # every title is cut anew: draw the rows again
            self.show(self._view)
            self.select(keep)

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        # DataTable scrolls just enough to show the cursor's row; keep one row either side in
        # view too where the table has room, so the clerk sees the item before and the next.
        top, _, _, left = self._get_fixed_offset()
        _, y, width, height = self._get_row_region(self.cursor_row)
        context = 1 if self.scrollable_content_region.height - top >= 3 else 0
        self.scroll_to_region(
            Region(int(self.scroll_x) + left, y, width - left, height),
            animate=animate,
            spacing=Spacing(top + context, 0, context, left),
            force=True,
        )

    @property
    def item_id(self) -> int | None:
        if not self.item_ids:
            return None
        return self.item_ids[min(self.cursor_row, len(self.item_ids) - 1)]

    def select(self, item_id: int | None) -> None:
        if item_id in self.item_ids:
            self.move_cursor(row=self.item_ids.index(item_id))

    def show(self, view: LiveView) -> None:
        self._view = view
        ids = [line.item.id for line in view.lines]
        if ids != self.item_ids:
            keep = self.item_id
            self.clear()
            self.item_ids = ids
            for line in view.lines:
                row = cells(line, self.title_width)
                self.add_row(*(row[key] for key, _, _ in COLUMNS), key=str(line.item.id))
            self.select(keep)
            return
        for line in view.lines:
            self.update_line(line)

    def update_line(self, line: AgendaLine) -> None:
        """Rewrite one row where it differs (the tick calls this for the running item)."""
        update_row(self, str(line.item.id), cells(line, self.title_width))


def update_row(table: DataTable[Text], row_key: str, values: dict[str, Text]) -> None:
    """Write the cells of one row that differ and repaint that row only.

    DataTable.update_cell repaints the whole table, every visible cell through Rich, which
    takes longer than storing the record did; a key press must show within a frame. So this
    writes the cell where DataTable keeps it, bumps its cache counter as update_cell does, and
    refreshes the one row (Textual is pinned exactly in pyproject.toml, so these stay put).
    """
    key = RowKey(row_key)
    row = table._data[key]
    changed = False
    for column, value in values.items():
        column_key = ColumnKey(column)
        old = row[column_key]
        # Text equality ignores the base style, which is what marks an overrun.
        if (old.plain, old.style) != (value.plain, value.style):
            row[column_key] = value
            changed = True
    if changed:
        table._update_count += 1
        table.refresh_row(table.get_row_index(key))
