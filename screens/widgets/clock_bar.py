"""The bar across the top of the live screen: where the meeting stands against the clock.

Clock · time since the start · late or early · projected close against the planned close ·
quorum. Everything comes from a ``LiveView`` (computed by clerk_tui.timing and rules from the
Desk's clock); the bar only words it and colours it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.widgets import Static

from clerk_tui.desk.chamber import LiveView
from clerk_tui.timing import format_duration


class ClockBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static("", id="bar-clock")
        yield Static("", id="bar-elapsed")
        yield Static("", id="bar-lateness")
        yield Static("", id="bar-close")
        yield Static("", id="bar-quorum")

    def show(self, view: LiveView) -> None:
        clock = view.clock
        meeting = view.meeting
        self._set("#bar-clock", f"{view.now:%H:%M:%S}")
        if view.closed and meeting.actual_start and meeting.actual_end:
            elapsed = (
                f"closed · {meeting.actual_start:%H:%M}–{meeting.actual_end:%H:%M} "
                f"({format_duration(meeting.actual_end - meeting.actual_start)[:-3]})"
            )
        elif view.started and meeting.actual_start:
            elapsed = f"started {meeting.actual_start:%H:%M} · {format_duration(clock.elapsed)}"
        else:
            elapsed = f"not started · due {meeting.scheduled_start:%H:%M}"
        self._set("#bar-elapsed", elapsed)
        self._set(
            "#bar-lateness",
            clock.lateness_text,
            late=clock.lateness_minutes > 0,
            early=clock.lateness_minutes < 0,
        )
        if view.closed:
            close = f"planned close {clock.planned_close:%H:%M}"
        else:
            close = f"close ~{clock.projected_close:%H:%M} (planned {clock.planned_close:%H:%M})"
        self._set(
            "#bar-close",
            close,
            late=not view.closed and clock.projected_close > clock.planned_close,
        )
        quorum = view.quorum
        # Before the roll call, "INQUORATE 0/5" would only be noise: say it quietly.
        loud = view.started and not view.closed
        text = quorum.text if loud or quorum.quorate else f"quorum {quorum.present}/{quorum.quorum}"
        self._set(
            "#bar-quorum",
            text,
            inquorate=loud and not quorum.quorate,
            quorate=quorum.quorate,
        )

    def _set(self, selector: str, text: str, **classes: bool) -> None:
        set_text(self.query_one(selector, Static), text)
        widget = self.query_one(selector, Static)
        for name in ("late", "early", "inquorate", "quorate"):
            widget.set_class(classes.get(name, False), f"-{name}")


def set_text(widget: Static, text: str) -> None:
    """Update a Static only when its words change, and lay the screen out again only when
    their length does: a layout of the whole screen costs more than the record itself."""
    old = widget.content
    if old == text:
        return
    widget.update(text, layout=not isinstance(old, str) or len(old) != len(text))


def announce_quorum(node: DOMNode, view: LiveView, was_quorate: bool | None) -> bool:
    """Say so the moment quorum is lost or regained during the meeting (the bar shows it too,
    but a clerk typing a note may not be looking at the bar). Returns the state to remember."""
    quorum = view.quorum
    live = view.started and not view.closed
    if live and was_quorate is not None and quorum.quorate != was_quorate:
        if quorum.quorate:
            node.app.notify(
                f"{quorum.present} voting members present, quorum {quorum.quorum}",
                title="Quorate",
            )
        else:
            node.app.notify(
                f"{quorum.text}: {quorum.short_by} more voting member(s) needed",
                title="Quorum lost",
                severity="error",
                timeout=10,
            )
    return quorum.quorate
