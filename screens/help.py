"""The full key map of a screen, generated from its bindings so it can never drift."""

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


def key_label(key: str) -> str:
    names = {
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "slash": "/",
    }
    return names.get(key, key)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,question_mark,q", "dismiss", "Close", id="close-help"),
    ]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.rows = [(key_label(key), name) for name, key, _, _ in screen_actions(screen)]
        # A dialog titled by what it edits carries that as its heading; a screen, its TITLE.
        heading = getattr(screen, "heading", None)
        title = heading if isinstance(heading, str) else getattr(screen, "TITLE", None)
        self.screen_title = title or type(screen).__name__

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(f"Keys — {self.screen_title}", classes="dialog-title", markup=False)
            table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "Does")
            for key, name in self.rows:
                table.add_row(plain(key), plain(name))
            yield table
            yield Static("ctrl+p: every action by name   escape: close", classes="hint")
