"""What every dialog the clerk types into shares, so that nothing typed is lost:

- escape on a dialog holding words the clerk typed asks "Discard what you typed?" first (y or
  enter discards, n or escape goes back to the words); an untouched dialog (nothing typed, or
  only what was there when it opened, or only a date, time or number changed) still closes at
  once;
- opened with :func:`ask_and_record`, accepting records through the Desk *while the dialog is
  still open*: a refusal (ClerkError: a rule broken, the database locked or failing) is shown in
  the dialog's error line and the dialog stays open with everything in it; only a record the
  Desk acknowledged closes it;
- keys typed (or a paste) while a dialog opens, or while enter or tab moves between its
  fields, go where they would have gone typed slowly: the App keeps them until the dialog has
  focused its first field, or the focus has moved (screens/type_ahead.py); the dialog records
  what its fields held before the first of them arrives (:meth:`GuardedDialog.opened`);
- f1 shows the dialog's keys (the App's own f1 is not heard past a modal screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, TextArea

from clerk_tui.errors import ClerkError, DatabaseFailed
from screens.base import tell
from screens.dialogs.confirm import ConfirmDialog
from screens.type_ahead import type_ahead

T = TypeVar("T")
R = TypeVar("R")
Typed = events.Key | events.Paste

DISCARD_QUESTION = "Discard what you typed?"
# The class of a field whose value is typed again in a second (a date, a time, a number):
# escape does not ask about it. The question is kept for words, so that a clerk never learns
# to answer it without reading. Number inputs (type="integer") count as quick by themselves.
QUICK = "quick"


class GuardedDialog(ModalScreen[T | None], Generic[T]):
    """Subclasses give ``value()`` (raising ClerkError in words) and ``show_error()``, and call
    :meth:`opened` with their first field in on_mount (FormDialog does)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "app.help", "Keys", tooltip="Show every key of this dialog", id="help"),
    ]

    # The Desk call that records the value while the dialog is open (set by ask_and_record).
    record: Callable[[T], object] | None = None
    # What the fields held when the dialog opened; None until on_mount has run.
    opening: tuple[object, ...] | None = None
    # Once the Desk has acknowledged the record: a second ctrl+s queued behind the first must
    # not record it twice, nor a late escape ask about words already stored.
    closing: bool = False
    # True when the dialog opened with words offered back from a refused record: those are
    # the clerk's typing, not a prefill, and escape asks before it drops them.
    offered: bool = False

    def value(self) -> T:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        raise NotImplementedError

    # ---- what was typed --------------------------------------------------------------------
    def draft(self) -> tuple[object, ...]:
        """The clerk's work as it stands: the words in every text field but the quick ones (a
        dialog with other work, such as votes marked name by name, adds it). Whitespace at the
        ends is no work."""
        lines = [
            field.value
            for field in self.query(Input)
            if field.type == "text" and not field.has_class(QUICK)
        ]
        texts = [area.text for area in self.query(TextArea)]
        return tuple(words.strip() for words in lines + texts)

    def typed(self) -> bool:
        """Has the clerk typed anything (since the dialog opened, or before: offered back)?"""
        if self.opening is None:
            return False
        if self.offered and any(self.draft()):
            return True
        return self.draft() != self.opening

    def opened(self, first: Widget | None) -> None:
        """The dialog is mounted: take what the fields hold as its opening (prefilled words
        are not the clerk's typing: no key can have reached a field yet, as the App keeps
        them while the dialog has no focus) and give ``first`` the focus now (Widget.focus
        waits its turn)."""
        self.opening = self.draft()
        if isinstance(first, TextArea):
            # Words offered in a text area are the start of the clerk's: typing goes on after
            # them, in every dialog alike (a tracker action's edit began before its words).
            first.move_cursor(first.document.end)
        if first is not None:
            self.set_focus(first)

    def on_screen_resume(self) -> None:
        # A subclass that kept FormDialog's on_mount from running (prevent_default) has
        # focused a field of its own by now: what the fields hold is its opening.
        if self.opening is None:
            self.opened(None)

    # ---- escape ----------------------------------------------------------------------------
    def action_cancel(self) -> None:
        if self.closing:
            return
        if not self.typed():
            self.dismiss(None)
            return

        question = DiscardQuestion()

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)
                return
            # Typing on is keeping: what was typed into the question goes on into the words
            # (once the dialog has its focus back), not into the screen below.
            if question.typed_on:
                type_ahead(self.app).give_back(question.typed_on)

        self.app.push_screen(question, answered)

    # ---- accept ----------------------------------------------------------------------------
    def action_accept(self) -> None:
        if self.closing:
            return
        try:
            value = self.value()
        except ClerkError as error:
            self.show_error(str(error))
            return
        self.finish(value)

    def finish(self, value: T) -> None:
        """Record ``value`` (when the dialog records) and close; a refusal keeps it open."""
        if self.closing:
            return
        if self.record is not None:
            try:
                self.record(value)
            except ClerkError as error:
                self.refused(error)
                return
        self.closing = True
        self.dismiss(value)

    def refused(self, error: ClerkError) -> None:
        """The Desk refused the record: say so beside the fields, which keep every word. A
        database that has just failed is announced app-wide too (it refuses every record
        from now on, not only this one)."""
        words = str(error)
        if not words.lower().startswith("not recorded"):
            words = f"Not recorded: {words}"
        self.show_error(words)
        if isinstance(error, DatabaseFailed) and error.first:
            tell(self.app, error)
        else:
            self.app.bell()


class DiscardQuestion(ConfirmDialog):
    """ "Discard what you typed?": y or enter discards, n or escape keeps — and any other key
    keeps too, and goes on into the words. A clerk who pressed escape by mistake and types on
    has not answered: without this, the letters before the first "y" of their sentence were
    dropped, the "y" discarded the note, and the rest ran as the live screen's keys."""

    def __init__(self) -> None:
        super().__init__(
            DISCARD_QUESTION, hint="y / enter: discard it    n / escape, or type on: keep it"
        )
        self.typed_on: list[Typed] = []

    def on_key(self, event: events.Key) -> None:
        # Once typing on has begun, every key is the words' (a fast "and" must keep its "n"),
        # until the question has gone.
        answering = event.key in ("y", "n", "enter", "escape") or not event.is_printable
        if answering and not self.typed_on:
            return  # the bindings answer (and ctrl+q, f1... act as everywhere)
        event.stop()
        event.prevent_default()
        self.typed_on.append(event)
        if len(self.typed_on) == 1:
            self.dismiss(False)

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.typed_on.append(event)
        if len(self.typed_on) == 1:
            self.dismiss(False)


def ask_and_record(
    node: DOMNode,
    dialog: GuardedDialog[T],
    record: Callable[[T], R],
    then: Callable[[R], Any] | None = None,
) -> None:
    """Open ``dialog``; when the clerk accepts, ``record`` (one Desk call) runs while it is still
    open. A refusal is shown in the dialog, which keeps what was typed; once recorded the dialog
    closes and ``then`` gets what ``record`` returned (after the dialog has gone, so it may
    redraw the screen below or open another one)."""
    done: list[R] = []

    def keep(value: T) -> None:
        done.append(record(value))

    def closed(value: T | None) -> None:
        if value is not None and done and then is not None:
            then(done[-1])

    dialog.record = keep
    node.app.push_screen(dialog, closed)
