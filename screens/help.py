"""The full key map of a screen, generated from its bindings so it can never drift: the
screen's own keys first, in the order they are bound, then the keys every screen has."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from screens.base import plain
from screens.commands import screen_actions

KEY_WIDTH = 10
NAME_WIDTH = 18
# The box is 90 wide, or 95% of a narrower terminal, less its border and padding, the
# table's cell padding and its scroll bar: what is left is for the "what it does" text,
# which wraps (never a sideways scroll).
BOX_WIDTH, BOX_SHARE, BOX_FRAME = 90, 0.95, 4 + 3 * 2 + 2
MIN_DOES_WIDTH = 24
# The box may take 90% of the terminal's height; its border, the title (and the space under
# it) and the hint line take the rest: the table scrolls within what is left, so the hint is
# never pushed off the box at 80x24.
BOX_HEIGHT_SHARE, BOX_ROWS_TAKEN, MIN_TABLE_ROWS = 0.9, 5, 4


def screen_title(screen: Screen[object]) -> str:
    """What the key map is titled by: a dialog's heading text, else the screen's TITLE, else
    its class name — always a string (a heading may be a method, never shown as one)."""
    for title in (getattr(screen, "heading", None), getattr(screen, "TITLE", None)):
        if isinstance(title, str) and title:
            return title
    return type(screen).__name__


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="close-help"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        # (keys, name, what it does) for each action, in the order shown.
        self.rows = [(entry.key_text, entry.name, entry.does) for entry in screen_actions(screen)]
        self.screen_title = screen_title(screen)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(f"Keys — {self.screen_title}", classes="dialog-title", markup=False)
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_column("Key", width=KEY_WIDTH)
            table.add_column("Name", width=NAME_WIDTH)
            table.add_column("What it does", width=self.does_width(), key="does")
            for keys, name, does in self.rows:
                table.add_row(plain(keys), plain(name), Text(does, end=""), height=None)
            yield table
            yield Static("ctrl+p: every action by name   escape: close", classes="hint")

    def on_mount(self) -> None:
        self.fit_table()

    def on_resize(self) -> None:
        self.fit_table()

    def fit_table(self) -> None:
        rows = int(self.app.size.height * BOX_HEIGHT_SHARE) - BOX_ROWS_TAKEN
        self.query_one(DataTable).styles.max_height = max(MIN_TABLE_ROWS, rows)

    def does_width(self) -> int:
        box = min(BOX_WIDTH, int(self.app.size.width * BOX_SHARE))
        return max(MIN_DOES_WIDTH, box - BOX_FRAME - KEY_WIDTH - NAME_WIDTH)
