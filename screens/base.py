"""What every screen shares: the way to the Desk, and one place where a refused action turns
into a notification instead of a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast

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
        node.app.notify(str(error), title="Not recorded", severity="error", timeout=6)
        return None
