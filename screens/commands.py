"""The command palette's provider: every action of the screen it was opened from, by name,
taken from the same bindings the footer and the help screen show."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial

from textual.app import App
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen


def screen_actions(screen: Screen[object]) -> Iterator[tuple[str, str, str, DOMNode]]:
    """(description, key, action, node) for each enabled, described binding of ``screen``."""
    seen: set[str] = set()
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled or binding.action in seen:
            continue
        # A widget's own housekeeping keys (cursor moves, paging) are not the clerk's actions.
        if not binding.show and not isinstance(active.node, Screen | App):
            continue
        seen.add(binding.action)
        yield binding.description, key, binding.action, active.node


class ScreenActionsProvider(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Awaitable[bool]]]]:
        for description, key, action, node in screen_actions(self.screen):
            run = partial(self.app.run_action, action, node)
            yield description, f"key: {key}", run

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
