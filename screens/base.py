"""What every screen shares: the way to the Desk, one place where a refused action turns into a
notification instead of a traceback, and the clerk's words shown exactly as typed.

Textual parses a str given to a DataTable cell, an Option or Select prompt, a Static or a
notification as markup: a venue "Room 1 [/ Zoom]" would raise MarkupError and end the app,
"[hybrid]" would vanish. Escaping is not enough (Textual's parser also takes "[Zoom]" and
"[$accent]" as tags, which ``escape`` leaves alone), so the clerk's words go in as
:func:`plain` Text, as a ``$name`` value of :func:`marked`, to a ``Static(markup=False)``, or
to ``notify(..., markup=False)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from clerk_tui.errors import ClerkError, DatabaseFailed

if TYPE_CHECKING:
    from clerk_tui.desk import Desk

T = TypeVar("T")


@runtime_checkable
class _HoldsDesk(Protocol):
    desk: Desk


def desk_of(node: DOMNode) -> Desk:
    """The app's Desk (screens never import the app module, so ask the node's app)."""
    app = node.app
    if not isinstance(app, _HoldsDesk):
        raise TypeError(f"{type(app).__name__} holds no Desk: build it with make_app")
    return app.desk


def attempt(node: DOMNode, call: Callable[[], T]) -> T | None:
    """Run a Desk call; a ClerkError becomes one line of notification and None."""
    try:
        return call()
    except ClerkError as error:
        tell(node.app, error)
        return None


# A failed database is announced until the clerk has surely seen it (an hour, or a click);
# each record refused after that is a short reminder, not another hour-long banner.
FAILED_TIMEOUT = 3600.0
REFUSED_TIMEOUT = 6.0


def tell(app: App[Any], error: ClerkError) -> None:
    """The one way a refusal reaches the clerk: one notification in words, never markup.

    A DatabaseFailed that found the failure is announced once, prominently; the records
    refused after it each get a short reminder."""
    if isinstance(error, DatabaseFailed) and error.first:
        app.bell()
        app.notify(
            str(error),
            title="The database has failed",
            severity="error",
            timeout=FAILED_TIMEOUT,
            markup=False,
        )
        return
    app.notify(
        str(error), title="Not recorded", severity="error", timeout=REFUSED_TIMEOUT, markup=False
    )


def plain(value: object) -> Text:
    """``value`` as it was typed, for a DataTable cell or an Option / Select prompt. Drawn as a
    one-line DataTable cell draws a str (no wrapping, nothing after it), minus the markup."""
    return Text(str(value), end="", no_wrap=True)


def marked(template: str, **values: object) -> Content:
    """``template``'s own markup ("[b]$name[/b]") with each ``$name`` filled by the value
    given, shown as typed (never read as markup)."""
    return Content.from_markup(template, **{name: str(v) for name, v in values.items()})


# ctrl+z on every screen of a meeting (live, attendance): the meeting's last record taken back.
UNDO_BINDING = Binding(
    "ctrl+z", "undo", "Undo", tooltip="Take back the last record of this meeting", id="undo"
)


def undo_last(node: Widget | Screen[Any], meeting_id: int) -> str | None:
    """ctrl+z on a meeting's screens: the meeting's last record taken back, in words; None when
    nothing was (refused, or nothing left: the clerk is told which)."""
    try:
        words = desk_of(node).undo.undo_last(meeting_id)
    except ClerkError as error:
        node.notify(str(error), title="Not undone", severity="error", timeout=8, markup=False)
        return None
    if words is None:
        node.notify("Nothing more to undo at this meeting", severity="warning")
    return words


def tell_undone(node: Widget | Screen[Any], words: str) -> None:
    node.notify(f"Undone: {words}", title="Undo", timeout=5, markup=False)
