"""The command palette's provider: every action of the screen it was opened from, by name,
taken from the same bindings the footer and the help screen show."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.markup import escape
from textual.screen import Screen

# Keys whose names the clerk does not type as such.
KEY_LABELS = {
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "slash": "/",
}


def key_label(key: str) -> str:
    return KEY_LABELS.get(key, key)


@dataclass(frozen=True)
class KeyAction:
    """One action of a screen as the clerk meets it: its keys, its name, what it does."""

    keys: tuple[str, ...]  # as typed: ("f1", "?")
    name: str  # the binding's description, as the footer shows it
    does: str  # the binding's tooltip (Textual's own keys have none)
    action: str
    node: DOMNode
    app_wide: bool  # the same on every screen (tab, copy, quit, help, the palette)

    @property
    def key_text(self) -> str:
        return " / ".join(self.keys)


def _app_wide(node: DOMNode, action: str) -> bool:
    """Keys that Textual's Screen or the App give every screen, rather than this one's own."""
    return isinstance(node, App) or any(
        isinstance(b, Binding) and b.action == action for b in Screen.BINDINGS
    )


def screen_actions(screen: Screen[object]) -> list[KeyAction]:
    """Each enabled, described binding of ``screen``, one per action: the screen's own (and
    its widgets' shown ones) first in their binding order, then the app-wide ones."""
    found: dict[str, KeyAction] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        if key.startswith("super+"):  # a terminal never sends the Mac's command key
            continue
        # A widget's own housekeeping keys (cursor moves, paging) are not the clerk's actions.
        if not binding.show and not isinstance(active.node, Screen | App):
            continue
        known = found.get(binding.action)
        if known is not None:  # a second key for the same action: f1 and ?
            found[binding.action] = replace(known, keys=(*known.keys, key_label(key)))
            continue
        name = binding.description[:1].upper() + binding.description[1:]
        found[binding.action] = KeyAction(
            keys=(key_label(key),),
            name=name,
            does=binding.tooltip,
            action=binding.action,
            node=active.node,
            app_wide=_app_wide(active.node, binding.action),
        )
    # sorted() is stable: within each group the binding order stays.
    return sorted(found.values(), key=lambda entry: entry.app_wide)


class ScreenActionsProvider(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable[[], Awaitable[bool]]]]:
        for entry in screen_actions(self.screen):
            run = partial(self.app.run_action, entry.action, entry.node)
            # The palette reads both as markup: "[" (the previous-item key) must stay a "[".
            help_text = f"{entry.key_text} — {entry.does}" if entry.does else entry.key_text
            yield escape(entry.name), escape(help_text), run

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
