"""The base of the live meeting screen: the keys that record what the meeting decides on the
current item (notes, resolutions, votes, tracker actions) and undo.

The live screen (screens/live.py) subclasses DecisionKeys and provides ``meeting_id``,
``current_item_id`` and ``refresh_live()``; Textual merges these BINDINGS with its own.
"""

from __future__ import annotations

from textual.screen import Screen


class DecisionKeys(Screen[None]):
    meeting_id: int

    @property
    def current_item_id(self) -> int | None:
        """The item now being taken (or the selected one, when none is running)."""
        raise NotImplementedError

    def refresh_live(self) -> None:
        """Redraw the agenda, the clock bar and the current item's minute from the Desk."""
        raise NotImplementedError
