"""Defer or withdraw an item (the one selected on the agenda, which the title names): one key
says which. A deferred or withdrawn item can be put back on the agenda from the same dialog."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class DeferDialog(ModalScreen[str | None]):
    """Dismisses with "deferred", "withdrawn", "pending" (put back) or None."""

    TITLE = "Defer or withdraw"  # the key map's title (f1)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "choose('deferred')", "Defer", id="defer"),
        Binding("w", "choose('withdrawn')", "Withdraw", id="withdraw"),
        Binding("p", "choose('pending')", "Put back", id="reinstate"),
        Binding("escape,n", "choose('')", "Cancel", id="cancel"),
        Binding("f1", "app.help", "Keys", tooltip="Show every key of this dialog", id="help"),
    ]

    def __init__(self, item_label: str, state: str) -> None:
        super().__init__()
        self.item_label = item_label
        self.state = state

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.item_label, classes="dialog-title", markup=False)
            if self.state in ("deferred", "withdrawn"):
                yield Static(f"This item is {self.state}.")
                yield Static("p: put it back on the agenda    escape: leave it", classes="hint")
            else:
                if self.state == "running":
                    yield Static("It is running: it ends now and gets no minute number.")
                elif self.state == "pending":
                    yield Static("Not yet taken: deferred or withdrawn now, ] passes it by.")
                yield Static(
                    "d: defer to a later meeting    w: withdraw    escape: neither",
                    classes="hint",
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Only the choices that make sense for the item's state answer.
        if action == "choose" and parameters and parameters[0]:
            settled = self.state in ("deferred", "withdrawn")
            return (parameters[0] == "pending") == settled
        return True

    def action_choose(self, state: str) -> None:
        self.dismiss(state or None)
