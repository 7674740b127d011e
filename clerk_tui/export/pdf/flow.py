"""What a paper is made of before it is paginated: text blocks (a paragraph, a heading, a
list item with its hanging label), tables, and groups kept together where they fit. Each
block holds the structure content its words are marked as, and says how it binds to what
follows (keep-with-next)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from clerk_tui.export.pdf.fonts import BOLD, REGULAR, face
from clerk_tui.export.pdf.structure import Content

BODY_SIZE = 11.0
TABLE_SIZE = 10.0
LINE_SPACING = 1.15  # a line's height for its size: the font's own (Arial's too), as in Word
CELL_PADDING = 4.0


def leading(size: float) -> float:
    return size * LINE_SPACING


def _pieces(word: str, font: str, size: float, width: float) -> list[str]:
    """A word cut between characters into pieces no wider than ``width`` (a character a
    piece at least), measured as it goes: a pasted URL of thousands of characters is cut in
    one pass."""
    metrics = face(font)
    pieces: list[str] = []
    piece, used = "", 0.0
    for ch in word:
        advance = metrics.width(ch, size)
        if piece and used + advance > width:
            pieces.append(piece)
            piece, used = "", 0.0
        piece += ch
        used += advance
    return [*pieces, piece]


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a word wider than a line
    is broken between its characters). Each line but the last keeps the space that ends it,
    so that text read out of the file has its spaces between lines' words."""
    metrics = face(font)
    space = metrics.width(" ", size)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0.0  # the line so far and its width, summed as words join it
        for word in paragraph.split(" "):
            extent = metrics.width(word, size)
            joined = used + space + extent if line else extent
            if joined <= width:
                line, used = (f"{line} {word}" if line else word), joined
                continue
            if line:
                lines.append(line + " ")
            *whole, line = _pieces(word, font, size, width)
            lines.extend(whole)
            used = metrics.width(line, size)
        lines.append(line)
    return lines


@dataclass(eq=False)
class TextBlock:
    """A paragraph: its words, font and size; its left indent; a hanging label (a list's
    "i.", "a.", "•") drawn ``hang`` points left of the text; space before and after."""

    text: str
    content: Content
    font: str = REGULAR
    size: float = BODY_SIZE
    indent: float = 0.0
    label: str = ""
    label_content: Content | None = None
    hang: float = 0.0
    space_before: float = 0.0
    space_after: float = 6.0
    keep_with_next: bool = False
    rule_to: float = 0.0  # a signature line after the words, to this far from the margin
    _wrapped: dict[float, list[str]] = field(default_factory=dict, repr=False)

    def lines(self, width: float) -> list[str]:
        """The words wrapped to ``width`` (once: pagination asks again as it looks ahead)."""
        if width not in self._wrapped:
            self._wrapped[width] = wrap(self.text, self.font, self.size, width - self.indent)
        return self._wrapped[width]

    @property
    def leading(self) -> float:
        return leading(self.size)


@dataclass(frozen=True)
class CellText:
    text: str
    content: Content
    bold: bool = False

    @property
    def font(self) -> str:
        return BOLD if self.bold else REGULAR


Cell = tuple[CellText, ...]


@dataclass(eq=False)
class Table:
    """A table: a header row (repeated at the top of each page it runs onto) and rows, never
    split across pages where a row fits on one. ``widths`` in points, one a column."""

    header: tuple[Cell, ...]
    rows: list[tuple[Cell, ...]]
    widths: list[float]
    size: float = TABLE_SIZE
    space_after: float = 8.0
    keep_with_next: bool = False


@dataclass(eq=False)
class Group:
    """Blocks kept on one page where they fit on one (a resolution list, the signature)."""

    items: list[TextBlock | Table | Group] = field(default_factory=list)
    keep_with_next: bool = False


Flow = TextBlock | Table | Group


def _longest_word(text: str, font: str, size: float) -> float:
    return max((face(font).width(word, size) for word in text.split()), default=0.0)


def fit_widths(
    header: list[CellText], columns: list[list[CellText]], total: float, size: float = TABLE_SIZE
) -> list[float]:
    """Column widths fitted to their content (``header``, one cell a column, over the body's
    ``columns``), summing to ``total``. When every column fits on one line, header and all,
    each gets its natural width and the widest the spare space. Otherwise a header may wrap
    at its spaces ("Supporting / Document"); a column narrower than its fair share (Minute
    No., Date) keeps its natural width, and the wide ones share what is left: each its longest
    word, and the rest in proportion to what it would need more to sit on one line."""
    pad = 2 * CELL_PADDING + 1

    def widest(cells: list[CellText], measure: Callable[[CellText], float]) -> float:
        return max((measure(c) for c in cells), default=0.0) + pad

    def line(cell: CellText) -> float:
        return face(cell.font).width(cell.text, size)

    def word(cell: CellText) -> float:
        return _longest_word(cell.text, cell.font, size)

    full = [widest([h, *cells], line) for h, cells in zip(header, columns, strict=True)]
    if sum(full) <= total:
        # The spare width to the widest column (Members, Action, Topic): the narrow stay so.
        widths = list(full)
        widths[full.index(max(full))] += total - sum(full)
        return widths
    natural = [
        max(widest(cells, line), widest([h], word))
        for h, cells in zip(header, columns, strict=True)
    ]
    least = [widest([h, *cells], word) for h, cells in zip(header, columns, strict=True)]
    widths = list(natural)
    wide = list(range(len(columns)))
    room = total
    while True:
        share = room / len(wide)
        narrow = [n for n in wide if natural[n] <= share]
        if not narrow:
            break
        room -= sum(natural[n] for n in narrow)
        wide = [n for n in wide if n not in narrow]
    floor = sum(least[n] for n in wide)
    wants = sum(natural[n] - least[n] for n in wide)
    for n in wide:
        if floor >= room:
            widths[n] = room * least[n] / floor
        else:
            widths[n] = least[n] + (room - floor) * (natural[n] - least[n]) / wants
    return widths
