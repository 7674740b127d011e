"""The footer of every screen: its keys by priority, the help key always, and one rebuild per
refresh however often the bindings changed.

Textual's Footer lays every shown key in one row and lets the rest run off the right edge, so at
80 columns the help key (f1, which lists them all) is the first to go. This one measures the keys
and hides those that do not fit, keeping them in the order they are shown: the help key first,
then the screen's keys in the order of its bindings (the order is the priority: a screen lists
its everyday keys first), quitting and the command palette last. A hidden key still works and
is still listed by f1 and in the palette.

Textual's Footer also recomposes for every change of the screen's bindings, each time after the
next refresh; opening a screen changes them several times in one go (the screen stacked, a
table focused, its cursor placed), and each rebuild restyles every key. Coalesced, the screen's
first frame pays for one rebuild, and the keys shown are the same: they are read when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.screen import Screen

# Kept whatever the width: the key that lists every other key.
ALWAYS = frozenset({"help", "app.help"})
# Dropped first: known to everyone, and in the key map (f1).
LAST = frozenset({"quit", "app.quit", "command_palette", "app.command_palette"})


def key_width(key: FooterKey) -> int:
    """The columns a key takes in the row: its words and their padding, the key's own padding
    and border (the command palette's rule), and its margin."""
    return key.render().cell_len + key.styles.gutter.width + key.styles.margin.width


def keys_to_show(widths: list[tuple[str, int]], room: int) -> set[int]:
    """Which keys fit in ``room`` columns, by priority: ``widths`` is (action, width) in the
    order shown; the indexes kept are returned."""
    order = sorted(
        range(len(widths)),
        key=lambda i: (
            0 if widths[i][0] in ALWAYS else 2 if widths[i][0] in LAST else 1,
            i,
        ),
    )
    kept: set[int] = set()
    used = 0
    for index in order:
        width = widths[index][1]
        if used + width <= room or widths[index][0] in ALWAYS:
            kept.add(index)
            used += width
    return kept


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
        self.fit_keys()

    def on_resize(self, event: events.Resize) -> None:
        self.fit_keys()

    def fit_keys(self) -> None:
        """Show the keys that fit the footer's width, by priority (see the module's words)."""
        keys = list(self.query_children(FooterKey))
        if not keys or not self.size.width:
            return
        widths = [(key.action, key_width(key)) for key in keys]
        kept = keys_to_show(widths, self.size.width)
        for index, key in enumerate(keys):
            key.display = index in kept
