"""The shape every form dialog shares: labelled inputs, an error line beside them, enter to
accept (from the last field, or ctrl+s anywhere), escape to cancel. Typed: ``dismiss(value)``.

Escape asks before it throws typed words away, and a dialog opened with
``guarded.ask_and_record`` records while still open, so a refusal keeps the words (see
screens/dialogs/guarded.py)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.dom import DOMNode
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from clerk_tui.errors import ClerkError
from screens.base import desk_of
from screens.dialogs.guarded import GuardedDialog

T = TypeVar("T")


class FormDialog(GuardedDialog[T], Generic[T]):
    """Subclasses give ``TITLE`` (or a ``heading`` of their own), ``fields()`` and ``value()``
    (raising ClerkError in words)."""

    TITLE = "Form"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
        Binding("ctrl+s", "accept", "Record", id="accept"),
    ]

    def __init__(self, heading: str | None = None) -> None:
        super().__init__()
        # The words atop the dialog: the class's TITLE, or one naming the record at hand.
        self.heading = heading or self.TITLE or ""

    def fields(self) -> ComposeResult:
        raise NotImplementedError

    def value(self) -> T:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        scroll = VerticalScroll(classes="dialog")
        scroll.can_focus = False  # the first field, not the frame, takes the keys
        with scroll:
            # Titles and errors carry the clerk's words ("Edit Room 1 [/ Zoom]"): never markup.
            yield Static(self.heading, classes="dialog-title", markup=False)
            yield from self.fields()
            yield Static("", id="form-error", classes="form-error", markup=False)
            yield Static("enter: next / record   ctrl+s: record   escape: cancel", classes="hint")

    def on_mount(self) -> None:
        self.opened(self.first_focus())

    def first_focus(self) -> Widget | None:
        """The field that takes the first key (Textual runs every class's on_mount, so a
        subclass chooses here rather than in its own on_mount)."""
        return self.focus_chain[0] if self.focus_chain else None

    def row(self, label: str, widget: Widget) -> Horizontal:
        return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves to the next field; on the last one it records."""
        event.stop()
        inputs = [w for w in self.query(Input) if w.display and not w.disabled]
        if inputs and event.input is not inputs[-1]:
            self.focus_next()
        else:
            self.action_accept()

    def show_error(self, message: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(message)
        # A long form scrolls (the body's details below 45 rows): the refusal under its
        # fields is brought into view, or the clerk would press ctrl+s and see nothing happen.
        if message:
            error.call_after_refresh(error.scroll_visible, animate=False)


def text_of(screen: DOMNode, selector: str) -> str:
    return screen.query_one(selector, Input).value.strip()


def today_of(node: DOMNode) -> date:
    """The day "today" (and "tomorrow", "14 Mar") is read against: the Desk's clock, as
    everything recorded is dated by it."""
    return desk_of(node).now().date()


def int_of(screen: DOMNode, selector: str, what: str) -> int:
    raw = text_of(screen, selector)
    try:
        return int(raw or "0")
    except ValueError:
        raise ClerkError(f"{what} must be a whole number, not {raw!r}", where=what) from None
