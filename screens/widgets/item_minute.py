"""The current item's minute on the live screen: what has been recorded on it so far."""

from __future__ import annotations

from textual.containers import VerticalScroll


class ItemMinute(VerticalScroll):
    """Shows the records of one agenda item; ``load(item_id)`` re-reads them from the Desk."""

    def load(self, item_id: int | None) -> None:
        self.item_id = item_id
