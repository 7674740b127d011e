"""The bar across the top of the live screen: where the meeting stands against the clock.

Clock · the speaker being heard and the time left (or TIME UP, over by how much) · time
since the start · late or early · projected close against the planned close · quorum.
Everything comes from a ``LiveView`` (computed by clerk_tui.timing and rules from the
Desk's clock); the bar only words it and colours it. Too narrow for every part in full (an
80-column terminal), the parts shorten and give way by priority (``fit_parts``) rather than
run into each other.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.dom import DOMNode
from textual.widgets import Static

from clerk_tui.desk.chamber import LiveView
from clerk_tui.desk.live_view import SpeakerClock, minutes_seconds
from clerk_tui.timing import format_duration

# Part, and how it gives way when the bar is too narrow for every part in full: in this order
# the estimate of the close and the time since the start shorten, then go; the speaker's name
# shortens to the surname, then the lateness goes, then the speaker's name; the clock, the
# speaker's time and the quorum stay whatever the width (the chair watches those).
GIVE_WAY = (
    ("bar-close", 1),
    ("bar-elapsed", 1),
    ("bar-close", None),
    ("bar-elapsed", None),
    ("bar-speaker", 1),
    ("bar-lateness", None),
    ("bar-speaker", 2),
)
MARKS = ("late", "early", "inquorate", "quorate", "speaking", "overtime")
PADDING = 2  # each part's "padding: 0 1" (live.tcss)


def fit_parts(parts: dict[str, list[str]], room: int) -> dict[str, str | None]:
    """The words of each part that fit ``room`` columns together: ``parts`` maps each part to
    its wordings, longest first; a part given way entirely maps to None."""
    chosen: dict[str, str | None] = {part: words[0] for part, words in parts.items()}

    def width() -> int:
        return sum(len(words) + PADDING for words in chosen.values() if words is not None)

    for part, wording in GIVE_WAY:
        if width() <= room:
            break
        if part not in chosen:
            continue
        if wording is None:
            chosen[part] = None
        elif wording < len(parts[part]):
            chosen[part] = parts[part][wording]
    return chosen


class ClockBar(Horizontal):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts: dict[str, list[str]] = {}
        self._marks: dict[str, dict[str, bool]] = {}

    def compose(self) -> ComposeResult:
        yield Static("", id="bar-clock")
        # The speaker's name is typed text: shown as typed, never as markup.
        yield Static("", id="bar-speaker", markup=False)
        yield Static("", id="bar-elapsed")
        yield Static("", id="bar-lateness")
        yield Static("", id="bar-close")
        yield Static("", id="bar-quorum")

    def show(self, view: LiveView) -> None:
        clock = view.clock
        meeting = view.meeting
        self._part("bar-clock", [f"{view.now:%H:%M:%S}"])
        speaker = view.speaker
        if speaker is None:
            self._parts.pop("bar-speaker", None)
            self.query_one("#bar-speaker", Static).display = False
        else:
            self._part(
                "bar-speaker",
                speaker_words(speaker),
                speaking=not speaker.time_up,
                overtime=speaker.time_up,
            )
        if view.closed and meeting.actual_start and meeting.actual_end:
            span = f"{meeting.actual_start:%H:%M}–{meeting.actual_end:%H:%M}"
            took = format_duration(meeting.actual_end - meeting.actual_start)[:-3]
            elapsed = [f"closed · {span} ({took})", f"closed {span}"]
        elif view.started and meeting.actual_start:
            running = format_duration(clock.elapsed)
            elapsed = [f"started {meeting.actual_start:%H:%M} · {running}", running]
        else:
            elapsed = [
                f"not started · due {meeting.scheduled_start:%H:%M}",
                f"due {meeting.scheduled_start:%H:%M}",
            ]
        self._part("bar-elapsed", elapsed)
        self._part(
            "bar-lateness",
            [clock.lateness_text],
            late=clock.lateness_minutes > 0,
            early=clock.lateness_minutes < 0,
        )
        if view.closed:
            close = [f"planned close {clock.planned_close:%H:%M}"]
        else:
            projected = f"close ~{clock.projected_close:%H:%M}"
            close = [f"{projected} (planned {clock.planned_close:%H:%M})", projected]
        self._part(
            "bar-close",
            close,
            late=not view.closed and clock.projected_close > clock.planned_close,
        )
        quorum = view.quorum
        # Before the roll call, "INQUORATE 0/5" would only be noise: say it quietly.
        loud = view.started and not view.closed
        text = quorum.text if loud or quorum.quorate else f"quorum {quorum.present}/{quorum.quorum}"
        self._part(
            "bar-quorum",
            [text],
            inquorate=loud and not quorum.quorate,
            quorate=quorum.quorate,
        )
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _part(self, part: str, wordings: list[str], **classes: bool) -> None:
        self._parts[part] = wordings
        self._marks[part] = classes

    def _fit(self) -> None:
        """Write each part in the words that fit the bar's width (all in full before the bar
        has a width), so no part runs into the next."""
        if not self._parts:
            return
        room = self.size.width or sum(len(w[0]) + PADDING for w in self._parts.values())
        for part, words in fit_parts(self._parts, room).items():
            widget = self.query_one(f"#{part}", Static)
            widget.display = words is not None
            set_text(widget, words or "")
            for name in MARKS:
                widget.set_class(self._marks[part].get(name, False), f"-{name}")


def speaker_words(clock: SpeakerClock) -> list[str]:
    """The running speaker as the bar words it, longest first: "Mr X Hale 1:42 left", then
    the surname alone ("Hale 1:42"), then the time alone; once over the limit, plainly
    "TIME UP +0:12" in every wording; with no limit, the time spoken so far."""
    name = " ".join(clock.speaker.name.split())
    surname = name.rsplit(" ", 1)[-1]
    if clock.limit == 0:
        spoken = minutes_seconds(clock.spoken)
        return [f"{name} {spoken} spoken", f"{surname} {spoken}", spoken]
    if clock.time_up:
        over = f"TIME UP +{minutes_seconds(clock.over)}"
        return [f"{name} {over}", f"{surname} {over}", over]
    left = minutes_seconds(clock.left)
    return [f"{name} {left} left", f"{surname} {left}", f"{left} left"]


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
