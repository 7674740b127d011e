"""A question with a yes and a no: y or enter for yes, n or escape for no."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Yes", id="yes"),
        Binding("n,escape", "answer(False)", "No", id="no"),
    ]

    def __init__(
        self, question: str, detail: str = "", *, hint: str = "y / enter: yes    n / escape: no"
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # The question and detail quote the clerk's words: shown as typed, never markup.
            yield Static(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Static(self.detail, markup=False)
            yield Static(self.hint, classes="hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
