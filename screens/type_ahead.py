"""Keys typed ahead go where they would have gone, typed slowly.

Textual hands each key to the widget focused *when the App reads it*, by posting it to that
widget's own queue; every widget works through its queue in its own task. A fast typist (or
tmux's send-keys) is read in one burst, so every key of the burst reaches the widget focused
before the first of them has done anything: "a enter Apologies" on the agenda went to its table
(which opens the item dialog for "a", then reads "Apologies" as its own keys), and "Two tab
Three" in a form went all into the first field, or split as the focus moved ("TwoT" / "hree").

So the App asks :func:`holds` about every key and paste before Textual routes it. A printable
key into a text field goes on at once (it cannot move the focus, and a field keeps its own keys
in order). Any other key or a paste — enter, tab, escape, a screen's letter key — may move the
focus or open a screen: it goes on, and the keys after it wait until everything it set moving has
finished (every queue of the App and its widgets worked through: a dialog mounted, its first
field focused, a Submitted message bubbled up to the form that moves the focus). Then they are
routed in order, each as if just read, to whatever is focused by then. Keys read while the
screen on top has no focus yet (a dialog still mounting) wait the same way.
"""

from __future__ import annotations

import sys
from asyncio import Queue
from collections import deque
from collections.abc import Iterable
from typing import Any
from weakref import WeakKeyDictionary

from textual import events
from textual._context import active_message_pump
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input

Typed = events.Key | events.Paste

# However busy the app stays (an animation, a handler awaiting something that never comes),
# waiting keys go on after this long: late, never lost. Longer than the slowest screen takes
# to open on a loaded laptop (the export screen: most of a second), or its keys would go on
# before it has a field to take them.
GIVE_UP_SECONDS = 3.0
# Counted in ticks of the event loop's own clock, not read off the wall: a tick the loop missed
# (the process paused for a garbage collection, the laptop suspended) is skipped, not counted,
# so a pause never gives up a wait the app was still working through.
GIVE_UP_TICKS = 30


class TypeAhead:
    """The keys one App has read but not yet routed, and the wait that holds them."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.held: deque[Typed] = deque()
        self.settling = False
        self._pending = 0  # queues yet to reach the marker of the current round
        self._round = 0  # which round a marker belongs to (a late marker of an old one is void)
        self._timer: Timer | None = None
        self._ticks = 0  # of the give-up wait

    # ---- what the App asks ---------------------------------------------------------------
    def holds(self, event: events.Event) -> bool:
        """True when ``event`` (a key or paste the App has just read) is kept for later."""
        if not isinstance(event, Typed) or event.is_forwarded:
            return False
        # Behind keys already waiting, or nothing to take it yet (a dialog mounting): it waits.
        if self.settling or self.held or self.app.focused is None:
            self.held.append(event)
            self.settle()
            return True
        if self.moves_on(event):
            self.settle()  # the key goes on now; the ones after it wait for what it does
        return False

    def set_aside(self) -> int:
        """Drop the keys still waiting; how many there were. For a refusal: the keys typed
        behind a key that was refused (``v`` with nobody present, then the motion's words) were
        meant for a dialog that never opened, and routed on they would be the screen's own
        commands (T the tracker, e end the meeting, x defer). A slow typist would have stopped
        at the refusal; the fast one is told how many keys were not used."""
        count = len(self.held)
        self.held.clear()
        return count

    def give_back(self, typed: Iterable[Typed]) -> None:
        """Keys a screen took but were meant for what comes after it (typing on past the
        "Discard what you typed?" question): they go first, once the dust has settled."""
        self.held.extendleft(reversed([fresh(event, self.app) for event in typed]))
        self.settle()

    def moves_on(self, event: Typed) -> bool:
        """May ``event`` change where the next key goes? Only a printable key into a text
        field surely cannot. A paste may: a text area takes the focus back to itself after
        one (Widget.focus, which waits its turn: after a tab read behind the paste)."""
        if isinstance(event, events.Paste):
            return True
        return not (_is_text_field(self.app.focused) and event.is_printable)

    # ---- waiting until everything a key set moving has finished ---------------------------
    def settle(self) -> None:
        if self.settling:
            return
        self.settling = True
        self._ticks = 0
        self._timer = self.app.set_interval(
            GIVE_UP_SECONDS / GIVE_UP_TICKS, self._tick, name="type-ahead"
        )
        # First look after the App has finished with the message at hand (the key that set
        # this going is routed only once holds() has returned).
        self.app.call_later(self._look)

    def _look(self) -> None:
        if not self.settling:
            return  # a look left over from a wait that gave up
        self._round += 1
        busy = self._busy()
        if busy:
            round_ = self._round
            self._pending = sum(pump.call_later(self._reached, round_) for pump in busy)
            if self._pending:
                return
        screen = self.app.screen
        if screen._callbacks:  # work waiting for the next repaint (a focus moved after it)
            screen.call_after_refresh(self._look)
            return
        self.app.call_later(self._drain, self._round)

    def _reached(self, round_: int) -> None:
        if round_ != self._round:
            return
        self._pending -= 1
        if self._pending == 0:
            self._look()

    def _busy(self) -> list[MessagePump]:
        """The App and every widget and screen with a message waiting or in hand. A pump at
        rest is its task waiting on its empty queue; one handling a message (perhaps awaiting
        its children's mounting) is not waiting there. The pump running this look is at work
        only on the marker that called it."""
        current = active_message_pump.get(None)
        busy: list[MessagePump] = []
        for pump in (self.app, *self.app._registry):
            if pump._closing or pump._closed:
                continue
            queue: Queue[Message | None] = pump._message_queue
            waiting = queue.qsize() or pump._pending_message is not None or pump._next_callbacks
            at_rest = pump is current or bool(getattr(queue, "_getters", True))
            if waiting or not at_rest:
                busy.append(pump)
        return busy

    def _tick(self) -> None:
        self._ticks += 1
        if self._ticks >= GIVE_UP_TICKS:
            self._give_up()

    def _give_up(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.settling:
            self._round += 1  # markers and a drain still on their way are void
            self.app.call_later(self._drain, self._round)

    async def _drain(self, round_: int) -> None:
        """Route the waiting keys in order, in the App's own task as the App routes what it
        reads, until one of them may move the focus again."""
        if not self.settling or round_ != self._round:
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.settling = False
        try:
            while self.held and not self.settling:
                event = fresh(self.held.popleft(), self.app)
                if self.app.focused is None or self.moves_on(event):
                    self.settle()
                await App.on_event(self.app, event)
        finally:
            # A key whose action was refused (the App tells the clerk) leaves the rest
            # waiting: they still go on.
            if self.held:
                self.settle()


def fresh(event: Typed, sender: App[Any]) -> Typed:
    """A copy of ``event`` as the App reads it from the terminal: not yet forwarded."""
    copy: Typed
    if isinstance(event, events.Key):
        copy = events.Key(event.key, event.character)
    else:
        copy = events.Paste(event.text)
    copy.set_sender(sender)
    return copy


_of: WeakKeyDictionary[App[Any], TypeAhead] = WeakKeyDictionary()


def type_ahead(app: App[Any]) -> TypeAhead:
    """The App's one TypeAhead."""
    found = _of.get(app)
    if found is None:
        found = _of[app] = TypeAhead(app)
    return found


def set_aside(app: App[Any]) -> int:
    """For a refusal the App shows: the keys waiting behind it are dropped; how many."""
    return type_ahead(app).set_aside()


def holds(app: App[Any], event: events.Event) -> bool:
    """For the App's ``on_event``: True when ``event`` is kept, to be routed later in order."""
    return type_ahead(app).holds(event)


def _is_text_field(widget: Widget | None) -> bool:
    """An Input or a TextArea. TextArea's module (and the document and tree-sitter modules it
    brings) is not imported for this: start-up shows no text area, and until one is made its
    module is not loaded, so no widget can be one."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)
