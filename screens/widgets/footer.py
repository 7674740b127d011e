"""A Footer that rebuilds its keys once per refresh, however often the bindings changed.

Textual's Footer recomposes for every change of the screen's bindings, each time after the next
refresh; opening a screen changes them several times in one go (the screen stacked, a table
focused, its cursor placed), and each rebuild restyles every key. Coalesced, the screen's first
frame pays for one rebuild, and the keys shown are the same: they are read when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.screen import Screen


class KeysFooter(Footer):
    _rebuild_due = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True  # what Footer.bindings_changed sets first
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._rebuild_due:
            self._rebuild_due = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_due = False
        await self.recompose()
