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
from typing import TYPE_CHECKING, Any, TypeVar, cast

from rich.text import Text
from textual.content import Content
from textual.dom import DOMNode

from clerk_tui.errors import ClerkError

if TYPE_CHECKING:
    from clerk_tui.desk import Desk

T = TypeVar("T")


def desk_of(node: DOMNode) -> Desk:
    """The app's Desk (screens never import the app module, so ask the node's app)."""
    return cast("Desk", cast(Any, node.app).desk)


def attempt(node: DOMNode, call: Callable[[], T]) -> T | None:
    """Run a Desk call; a ClerkError becomes one line of notification and None."""
    try:
        return call()
    except ClerkError as error:
        node.app.notify(str(error), title="Not recorded", severity="error", timeout=6, markup=False)
        return None


def plain(value: object) -> Text:
    """``value`` as it was typed, for a DataTable cell or an Option / Select prompt. Drawn as a
    one-line DataTable cell draws a str (no wrapping, nothing after it), minus the markup."""
    return Text(str(value), end="", no_wrap=True)


def marked(template: str, **values: object) -> Content:
    """``template``'s own markup ("[b]$name[/b]") with each ``$name`` filled by the value
    given, shown as typed (never read as markup)."""
    return Content.from_markup(template, **{name: str(v) for name, v in values.items()})
