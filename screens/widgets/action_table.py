"""The tracker's table of actions, drawn line by line (only the rows on screen are rendered)."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding, BindingType
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from clerk_tui.desk.tracker import TrackedAction, date_label, minute_label

EXEMPT_MARK = "EXEMPT "  # leads an exempt action's row: seen without relying on colour


def one_line(text: str) -> str:
    return " ".join(text.split())


def _fit(text: str, width: int) -> str:
    """``text`` cut or padded to exactly ``width`` cells, with an ellipsis where cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    return set_cell_size(text, width - 1) + "…"


class ActionTable(ScrollView, can_focus=True):
    """A table drawn line by line (Textual's Line API): only the rows on screen are ever
    rendered, so showing a new filter over thousands of actions costs the same as over ten.
    (DataTable measures every cell of every row it is given, which is too slow to refill on
    each key typed.)"""

    HEADINGS = ("Min.", "Date", "Action", "Owner", "Due", "Latest update")
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "action-table--header",
        "action-table--cursor",
        "action-table--completed",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "move_to(0)", "First", show=False),
        Binding("end", "move_to(-1)", "Last", show=False),
    ]

    class Highlighted(Message):
        """The selected action changed (None when the table is empty)."""

        def __init__(self, action: TrackedAction | None) -> None:
            super().__init__()
            self.action = action

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[TrackedAction] = []
        self.cursor = 0
        self._lines: dict[int, str] = {}  # action id → its drawn line at the current width
        self._widths: tuple[int, ...] = ()

    # ---- data ------------------------------------------------------------------------------
    @property
    def current(self) -> TrackedAction | None:
        return self.rows[self.cursor] if self.rows else None

    def show(self, rows: list[TrackedAction], *, keep: int | None = None) -> None:
        """Show ``rows``, keeping the cursor on action ``keep`` (or the same one) if shown."""
        before = self.current
        wanted = keep if keep is not None else (before.id if before else None)
        self.rows = rows
        index = next((i for i, a in enumerate(rows) if a.id == wanted), None)
        self.cursor = index if index is not None else min(self.cursor, max(len(rows) - 1, 0))
        # The row count changes on every key typed into the filter. Setting virtual_size the
        # usual way asks for a layout of the whole screen, yet the table keeps its size and
        # only scrolls further or less: set it quietly and repaint the table alone.
        self.set_reactive(ActionTable.virtual_size, Size(0, len(rows) + 1))
        self._scroll_to_cursor()
        self.refresh()
        if self.current is not before:
            self.post_message(self.Highlighted(self.current))

    def forget(self) -> None:
        """Drop the drawn lines (after the actions were read again)."""
        self._lines.clear()

    # ---- keys ------------------------------------------------------------------------------
    def action_move(self, offset: int) -> None:
        self.move_to(self.cursor + offset)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(self.scrollable_content_region.height - 2, 1))

    def action_move_to(self, index: int) -> None:
        self.move_to(index if index >= 0 else len(self.rows) - 1)

    def move_to(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor:
            return
        self.cursor = index
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def on_click(self, event: Click) -> None:
        row = event.y - 1 + round(self.scroll_y)
        if event.y >= 1 and 0 <= row < len(self.rows):
            self.move_to(row)

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor < top:
            top = self.cursor
        elif self.cursor >= top + visible:
            top = self.cursor - visible + 1
        top = max(0, min(top, len(self.rows) + 1 - visible - 1))
        self.set_scroll(None, top)

    # ---- drawing ---------------------------------------------------------------------------
    def on_resize(self, _: Resize) -> None:
        self._widths = ()
        self._lines.clear()
        self._scroll_to_cursor()

    def _column_widths(self, width: int) -> tuple[int, ...]:
        """Fixed columns for minute, date, owner and due; action and update share the rest.
        Below 100 columns (a laptop's 80) the owner and due give up a little and the action
        takes two thirds of the rest: it is what the clerk reads the row by."""
        if not self._widths or sum(self._widths) + len(self._widths) != width:
            narrow = width < 100
            fixed = (5, 9, 12, 12) if narrow else (5, 9, 14, 14)
            rest = max(width - sum(fixed) - 6, 20)
            action = rest * 2 // 3 if narrow else rest * 11 // 20
            self._widths = (fixed[0], fixed[1], action, fixed[2], fixed[3], rest - action)
        return self._widths

    def _line(self, cells: tuple[str, ...], width: int) -> str:
        widths = self._column_widths(width)
        text = " " + " ".join(_fit(c, w) for c, w in zip(cells, widths, strict=True))
        return _fit(text, width)

    def _line_of(self, action: TrackedAction, width: int) -> str:
        line = self._lines.get(action.id)
        if line is None:
            cells = (
                minute_label(action),
                date_label(action),
                (EXEMPT_MARK if action.exempt else "") + one_line(action.text),
                action.owner,
                action.due,
                one_line(action.latest_update),
            )
            line = self._lines[action.id] = self._line(cells, width)
        return line

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            heading = base + self.get_component_rich_style("action-table--header")
            return Strip([Segment(self._line(self.HEADINGS, width), heading)], width)
        index = round(self.scroll_y) + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        action = self.rows[index]
        style: Style = base
        if action.completed:
            style += self.get_component_rich_style("action-table--completed")
        if index == self.cursor:
            style += self.get_component_rich_style("action-table--cursor")
        return Strip([Segment(self._line_of(action, width), style)], width)
