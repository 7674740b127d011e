"""The flow of a paper laid out on pages: lines placed top to bottom inside the margins, a
new page where the next line, row or kept-together group does not fit. Keep-with-next: a
block so marked moves to the next page with the head of what follows it (its first two
lines, a table's header and first row, or the whole of a group that fits on a page), so a
minute heading never stands alone at the foot of a page, nor "RESOLVED: -" without its list;
nor does a paragraph's last line stand alone at the head of a page.
Table rows never split across pages where they fit on one; the header row is repeated on
each page the table runs onto (as an artifact there: read once, printed on every page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from clerk_tui.export.pdf.flow import (
    CELL_PADDING,
    Cell,
    Flow,
    Group,
    Table,
    TextBlock,
    leading,
    wrap,
)
from clerk_tui.export.pdf.fonts import face
from clerk_tui.export.pdf.structure import Content

A4 = (595.28, 841.89)
MARGIN = 72.0  # 2.54 cm
RULE_AT = 36.0  # where a signature line starts, right of its label
BASELINE = 0.8  # where a line's baseline sits, as a fraction of its height from its top


@dataclass(frozen=True)
class Run:
    """Words drawn at (x, y) in a face and size; ``content`` None: an artifact."""

    x: float
    y: float
    text: str
    font: str
    size: float
    content: Content | None


@dataclass(frozen=True)
class Rule:
    """A line drawn (a table border, a signature line): always an artifact."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Page:
    width: float
    height: float
    runs: list[Run] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    """A line of a table cell: its words and the content they belong to."""

    text: str
    font: str
    content: Content


class Paginator:
    def __init__(self, size: tuple[float, float] = A4, margin: float = MARGIN) -> None:
        self.width, self.height = size
        self.margin = margin
        self.text_width = self.width - 2 * margin
        self.body_height = self.height - 2 * margin
        self.pages: list[Page] = []
        self.y = 0.0  # the top of the next line on the current page
        self._new_page()

    # The page ------------------------------------------------------------------------------

    @property
    def top(self) -> float:
        return self.height - self.margin

    @property
    def at_top(self) -> bool:
        return self.y >= self.top

    @property
    def room(self) -> float:
        return self.y - self.margin

    def _new_page(self) -> None:
        self.pages.append(Page(self.width, self.height))
        self.y = self.top

    def _break(self) -> None:
        if not self.at_top:
            self._new_page()

    # Heights -------------------------------------------------------------------------------

    def _block_height(self, block: TextBlock, lines: int | None = None) -> float:
        count = len(block.lines(self.text_width)) if lines is None else lines
        return block.space_before + count * block.leading + block.space_after

    def _rows(self, table: Table, row: Sequence[Cell]) -> list[list[_Line]]:
        """Each cell of a row as its lines."""
        cells: list[list[_Line]] = []
        for cell, width in zip(row, table.widths, strict=True):
            inner = width - 2 * CELL_PADDING
            cells.append(
                [
                    _Line(line, part.font, part.content)
                    for part in cell
                    for line in wrap(part.text, part.font, table.size, inner)
                ]
            )
        return cells

    def _row_height(self, table: Table, cells: list[list[_Line]]) -> float:
        return max((len(c) for c in cells), default=1) * leading(table.size) + 2 * CELL_PADDING

    def _full(self, item: Flow) -> float:
        if isinstance(item, TextBlock):
            return self._block_height(item)
        if isinstance(item, Table):
            rows = (item.header, *item.rows)
            return sum(self._row_height(item, self._rows(item, r)) for r in rows) + item.space_after
        return sum(self._full(kid) for kid in item.items)

    def _head(self, items: Sequence[Flow], index: int) -> float:
        """The height that must fit on the page for ``items[index]`` to start on it."""
        item = items[index]
        if isinstance(item, Group):
            whole = self._full(item)
            head = whole if whole <= self.body_height else self._head(item.items, 0)
        elif isinstance(item, TextBlock):
            count = len(item.lines(self.text_width))
            head = self._block_height(item, min(count, 2)) - (item.space_after if count > 2 else 0)
        else:
            header = self._row_height(item, self._rows(item, item.header))
            first = self._row_height(item, self._rows(item, item.rows[0])) if item.rows else 0.0
            head = header + first
        if item.keep_with_next and index + 1 < len(items):
            return self._full(item) + self._head(items, index + 1)
        return head

    # Placing -------------------------------------------------------------------------------

    def place(self, items: Sequence[Flow]) -> None:
        for index, item in enumerate(items):
            if self._head(items, index) > self.room:
                self._break()
            if isinstance(item, TextBlock):
                self._text(item)
            elif isinstance(item, Table):
                self._table(item)
            else:
                self.place(item.items)

    def _text(self, block: TextBlock) -> None:
        if not self.at_top:
            self.y -= block.space_before
        left = self.margin + block.indent
        lines = block.lines(self.text_width)
        for number, line in enumerate(lines):
            # A widow: the last line alone at the head of the next page. The line before goes
            # over with it, where two lines stay behind (the head rule kept two here).
            widow = len(lines) - number == 2 and number >= 2 and self.room < 2 * block.leading
            if self.room < block.leading or widow:
                self._new_page()
            baseline = self.y - block.leading * BASELINE
            page = self.pages[-1]
            if number == 0 and block.label:
                page.runs.append(
                    Run(
                        left - block.hang,
                        baseline,
                        block.label + " ",
                        block.font,
                        block.size,
                        block.label_content,
                    )
                )
            page.runs.append(Run(left, baseline, line, block.font, block.size, block.content))
            if block.rule_to:
                # The lines start level ("Chair", "Date"), clear of the longest label.
                start = left + max(face(block.font).width(line, block.size) + 6, RULE_AT)
                end = self.margin + block.rule_to
                page.rules.append(Rule(start, baseline - 2, end, baseline - 2))
            self.y -= block.leading
        self.y = max(self.y - block.space_after, self.margin)

    def _table(self, table: Table) -> None:
        header = self._rows(table, table.header)
        self._row(table, header, artifact=False)
        for row in table.rows:
            cells = self._rows(table, row)
            height = self._row_height(table, cells)
            if height > self.room:
                self._new_page()
                self._row(table, header, artifact=True)
            while self._row_height(table, cells) > self.room:
                # Taller than a page: as many lines of each cell as fit here, the rest on.
                fits = max(int((self.room - 2 * CELL_PADDING) / leading(table.size)), 1)
                self._row(table, [c[:fits] for c in cells], artifact=False)
                cells = [c[fits:] for c in cells]
                self._new_page()
                self._row(table, header, artifact=True)
            self._row(table, cells, artifact=False)
        self.y = max(self.y - table.space_after, self.margin)

    def _row(self, table: Table, cells: list[list[_Line]], *, artifact: bool) -> None:
        page = self.pages[-1]
        height = self._row_height(table, cells)
        step = leading(table.size)
        x = self.margin
        right = self.margin + sum(table.widths)
        bottom = self.y - height
        page.rules.append(Rule(x, self.y, right, self.y))
        page.rules.append(Rule(x, bottom, right, bottom))
        for lines, width in zip(cells, table.widths, strict=True):
            page.rules.append(Rule(x, self.y, x, bottom))
            for number, line in enumerate(lines):
                if not line.text:
                    continue  # an empty cell: a TD with nothing to read, nor to draw
                baseline = self.y - CELL_PADDING - number * step - step * BASELINE
                content = None if artifact else line.content
                run = Run(x + CELL_PADDING, baseline, line.text, line.font, table.size, content)
                page.runs.append(run)
            x += width
        page.rules.append(Rule(right, self.y, right, bottom))
        self.y = bottom
