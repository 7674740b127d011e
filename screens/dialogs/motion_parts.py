"""The motion dialog's own parts: a member field that finds a name as it is typed ("bra" shows
Paul Bradley; tab or enter takes the first match), and how a motion is named in one line.

A Select would cost the clerk a list to scroll for every mover and seconder; typing three
letters of a name the chair has just called is quicker, and is text, not command keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input, Static, TextArea

from clerk_tui.desk.debate_fields import MotionView
from clerk_tui.errors import ClerkError

Members = Sequence[tuple[str, int]]  # (name as the roster shows it, person id)

STATE_WORDS = {
    "moved": "before the meeting",
    "withdrawn": "withdrawn",
    "carried": "carried",
    "lost": "lost",
    "not-put": "not put",
}


def find_members(members: Members, typed: str) -> list[tuple[str, int]]:
    """The members ``typed`` may mean, best first: the exact name, then names with a word
    starting with it (in roster order), then names holding it anywhere. Case is ignored."""
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return []
    exact = [m for m in members if m[0].casefold() == wanted]
    starts = [
        m
        for m in members
        if m not in exact
        and (m[0].casefold().startswith(wanted) or any(w.startswith(wanted) for w in _words(m[0])))
    ]
    within = [
        m for m in members if m not in exact and m not in starts and wanted in m[0].casefold()
    ]
    return exact + starts + within


def _words(name: str) -> list[str]:
    return [word.strip(".,()") for word in name.casefold().split()]


class MemberInput(Input):
    """A member present, found from part of the name. Tab (and enter, through the dialog)
    takes the first match into the field; a name that matches nobody stays as typed and the
    dialog refuses it in words."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "take_and_go", "Take the name", show=False),
    ]

    def __init__(self, members: Members, value: str = "", *, id: str, what: str) -> None:
        super().__init__(value, placeholder="part of a name, or blank", id=id, compact=True)
        self.members = list(members)
        self.what = what  # "mover", "seconder": how a refusal names the field

    @property
    def matches(self) -> list[tuple[str, int]]:
        return find_members(self.members, self.value)

    def take(self) -> None:
        """The first match's full name in place of what was typed (nothing found: kept)."""
        found = self.matches
        if found and found[0][0] != self.value:
            self.value = found[0][0]
            self.cursor_position = len(self.value)

    def action_take_and_go(self) -> None:
        self.take()
        self.screen.focus_next()

    def person_id(self) -> int | None:
        """The member named (None for a blank field); ClerkError in words for anyone else."""
        typed = " ".join(self.value.split())
        if not typed:
            return None
        found = self.matches
        if not found:
            raise ClerkError(
                f"{typed!r} is not a voting member present (type part of a name)",
                where=self.what,
            )
        return found[0][1]


def match_words(field: MemberInput) -> Text:
    """What the field beside it shows: the member tab takes, and how many others match."""
    typed = " ".join(field.value.split())
    if not typed:
        return Text("")
    found = field.matches
    if not found:
        return Text("no member present has that name", style="bold red")
    if found[0][0] == typed and len(found) == 1:
        return Text("✓", style="green")
    words = Text("→ ", style="dim")
    words.append(found[0][0], style="bold")
    if len(found) > 1:
        words.append(f"  (+{len(found) - 1} more: type more)", style="dim")
    return words


class WordsArea(TextArea):
    """A motion's words, wrapped so the whole of a long motion is in sight as it is typed;
    enter goes on (it posts ``Submitted``) rather than starting a new line, as in a line."""

    class Submitted(Message):
        def __init__(self, area: WordsArea) -> None:
            super().__init__()
            self.area = area

        @property
        def control(self) -> WordsArea:
            return self.area

    def __init__(self, text: str = "", *, id: str, placeholder: str = "") -> None:
        super().__init__(text, id=id, soft_wrap=True, compact=True, placeholder=placeholder)

    @property
    def value(self) -> str:
        """The words on one line, as they are stored."""
        return " ".join(self.text.split())

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs TextArea's own handler after this one unless the default is prevented.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))


class MatchHint(Static):
    """The match shown beside a member field."""


def motion_label(motion: MotionView, motions: Sequence[MotionView]) -> str:
    """ "Motion", "Amendment 2": amendments numbered in the order moved on the item."""
    if not motion.is_amendment:
        return "Motion"
    amendments = [m.id for m in motions if m.is_amendment]
    return f"Amendment {amendments.index(motion.id) + 1}"


def motion_line(motion: MotionView, motions: Sequence[MotionView], width: int = 200) -> str:
    """One line for a motion: its label, state, mover and seconder, and its words."""
    by = []
    if motion.mover is not None:
        by.append(f"moved by {motion.mover.display_name}")
    if motion.seconder is not None:
        by.append(f"seconded by {motion.seconder.display_name}")
    who = f" — {', '.join(by)}" if by else ""
    state = STATE_WORDS.get(motion.state, motion.state)
    line = f"{motion_label(motion, motions)} ({state}){who}: {' '.join(motion.words.split())}"
    return line if len(line) <= width else line[: width - 1] + "…"
