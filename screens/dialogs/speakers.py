"""``K``: the speakers on the current item, and the form that lists the next one.

Built for few keys: it opens on a new speaker's name; enter goes on to the capacity, a letter
there chooses it (s support, o objection, w ward member, f officer, a applicant, t other, or
the start of its words) and enter records, leaving the form ready for the next name with the
same capacity and the body's time limit; enter on the empty name (or escape) closes.
shift+tab reaches the list, where enter edits the speaker highlighted, delete deletes them,
ctrl+up / ctrl+down move them in the order to be heard, n goes back to a new one. Each record
is one Desk call made by the screen that opened the dialog (``SpeakerActions``); the list shows
what it read back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Protocol

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Static

from clerk_tui.desk.debate_fields import CAPACITY_WORDS, SpeakerFields, SpeakerView
from clerk_tui.desk.live_view import minutes_seconds
from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_time_limit
from screens.base import plain
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK

# One letter a capacity: the first of its words where it is free ("officer" takes f, as o is
# the objectors'; "other" takes t).
LETTERS: dict[str, str] = {
    "s": "public-support",
    "o": "public-objection",
    "w": "ward-member",
    "f": "officer",
    "a": "applicant",
    "t": "other",
}
LETTER_OF = {capacity: letter for letter, capacity in LETTERS.items()}
# A time limit as typed: whole minutes ("3") or minutes and seconds ("2:30").
LEGEND = "s support · o objection · w ward · f officer · a applicant · t other"
LIST_KEYS = "the list: enter edit · delete · ctrl+↑/↓ move · n new speaker"


class SpeakerActions(Protocol):
    """What the dialog asks of the screen that opened it: each one clerk action, returning the
    item's speakers as committed (raising ClerkError, in words, when refused)."""

    def add(self, fields: SpeakerFields) -> tuple[SpeakerView, ...]: ...
    def edit(self, speaker_id: int, fields: SpeakerFields) -> tuple[SpeakerView, ...]: ...
    def delete(self, speaker_id: int) -> tuple[SpeakerView, ...]: ...
    def move(self, speaker_id: int, step: int) -> tuple[SpeakerView, ...]: ...


def capacity_of(typed: str) -> str | None:
    """The capacity a clerk means by ``typed``: its letter, else the first capacity whose
    words hold it ("obj", "ward", "planning officer" no); None when none does."""
    words = " ".join(typed.lower().split())
    if not words:
        return None
    if words in LETTERS:
        return LETTERS[words]
    for capacity, name in CAPACITY_WORDS.items():
        if words in name.lower() or words in capacity:
            return capacity
    return None


def taken_words(speaker: SpeakerView) -> str:
    """The time a speaker took, as the list shows it."""
    if speaker.ended_at is not None:
        return minutes_seconds(speaker.spoken(speaker.ended_at))
    return "speaking" if speaker.running else "—"


ActionCall = Callable[[], tuple[SpeakerView, ...]]


class SpeakerList(DataTable[object]):
    """The speakers in the order to be heard; its keys act on the one highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.edit", "Edit", tooltip="Edit the speaker highlighted"),
        Binding("delete", "screen.delete", "Delete", tooltip="Delete the speaker highlighted"),
        Binding("ctrl+up", "screen.move(-1)", "Earlier", tooltip="Hear them earlier"),
        Binding("ctrl+down", "screen.move(1)", "Later", tooltip="Hear them later"),
        Binding("n", "screen.new", "New", tooltip="List a new speaker"),
    ]


class SpeakersDialog(FormDialog[SpeakerFields]):
    CSS_PATH = "../styles/speakers.tcss"

    def __init__(
        self,
        where: str,
        speakers: tuple[SpeakerView, ...],
        actions: SpeakerActions,
        *,
        speaking_time: int,
    ) -> None:
        super().__init__(f"Speakers — {where}")
        self.speakers = speakers
        self.actions = actions
        self.speaking_time = speaking_time
        self.editing: int | None = None  # the speaker the form holds, None: a new one
        # A new speaker is most often heard in the capacity of the one listed before.
        self.capacity = speakers[-1].capacity if speakers else ""

    # ---- layout ----------------------------------------------------------------------------
    def fields(self) -> ComposeResult:
        table = SpeakerList(id="speakers-list", cursor_type="row", zebra_stripes=True)
        table.add_columns("", "Name", "Capacity", "Limit", "Taken")
        yield table
        yield Static(LIST_KEYS, id="speakers-keys", classes="hint")
        yield Static("", id="speakers-doing", classes="dialog-note")
        yield self.row("Name", Input(placeholder="e.g. Mr J Hale", id="speaker-name"))
        capacity = Input(LETTER_OF.get(self.capacity, ""), id="speaker-capacity", classes=QUICK)
        yield Horizontal(
            Label("Capacity", classes="field-label"),
            capacity,
            Static("", id="speaker-capacity-words", markup=False),
            classes="field-row",
        )
        yield Static(LEGEND, id="speaker-legend", classes="hint")
        limit = Input(minutes_seconds(self.speaking_time), id="speaker-limit", classes=QUICK)
        yield self.row("Time limit", limit)

    def on_mount(self) -> None:
        self.query(".hint").last(Static).update(
            "enter: next / record (no name: done)   shift+tab: the list   escape: close"
        )
        self._show_list()
        self._show_capacity()

    def first_focus(self) -> Input:
        return self.query_one("#speaker-name", Input)

    def _show_list(self, select: int | None = None) -> None:
        table = self.query_one(SpeakerList)
        table.clear()
        for number, speaker in enumerate(self.speakers, start=1):
            limit = minutes_seconds(speaker.time_limit) if speaker.time_limit else "none"
            table.add_row(
                str(number),
                plain(speaker.name),
                CAPACITY_WORDS.get(speaker.capacity, speaker.capacity),
                limit,
                taken_words(speaker),
                key=str(speaker.id),
            )
        table.display = bool(self.speakers)
        self.query_one("#speakers-keys", Static).display = bool(self.speakers)
        if select is not None:
            row = next((i for i, s in enumerate(self.speakers) if s.id == select), None)
            if row is not None:
                table.move_cursor(row=row)
        self._show_doing()

    def _show_doing(self) -> None:
        speaker = self._speaker(self.editing)
        doing = f"Editing {speaker.name}" if speaker else f"Speaker {len(self.speakers) + 1}"
        if not self.speakers:
            doing = "Nobody listed yet: the first speaker"
        self.query_one("#speakers-doing", Static).update(doing)

    def _show_capacity(self) -> None:
        typed = self.query_one("#speaker-capacity", Input).value
        capacity = capacity_of(typed)
        words = CAPACITY_WORDS[capacity] if capacity else ("?" if typed.strip() else "")
        self.query_one("#speaker-capacity-words", Static).update(words)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "speaker-capacity":
            self._show_capacity()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter on the name goes on to the capacity; on the capacity or the limit, records
        (the limit, prefilled, is passed over unless the clerk tabs to it). Enter on an empty
        name for a new speaker closes: the listing is done, every speaker already recorded (and
        one enter too many after the last speaker no longer sends the next name typed into the
        capacity)."""
        event.stop()
        event.prevent_default()  # not FormDialog's "enter moves to the next field"
        if event.input.id == "speaker-name":
            if self.editing is None and not event.value.strip():
                if not self.closing:
                    self.dismiss(None)
                return
            self.query_one("#speaker-capacity", Input).focus()
        else:
            self.action_accept()

    # ---- the form --------------------------------------------------------------------------
    def value(self) -> SpeakerFields:
        typed = text_of(self, "#speaker-capacity")
        capacity = capacity_of(typed)
        if capacity is None:
            raise ClerkError(
                f"{typed!r} is no capacity: {LEGEND}" if typed else f"choose a capacity: {LEGEND}",
                where="capacity",
            )
        fields = SpeakerFields(
            text_of(self, "#speaker-name"),
            capacity,
            parse_time_limit(text_of(self, "#speaker-limit")),
        )
        fields.check()
        return fields

    def finish(self, value: SpeakerFields) -> None:
        """Record the speaker and stay open, the form ready for the next one (a refusal keeps
        every word)."""
        editing = self.editing
        try:
            if editing is None:
                self.speakers = self.actions.add(value)
            else:
                self.speakers = self.actions.edit(editing, value)
        except ClerkError as error:
            self.refused(error)
            return
        self.capacity = value.capacity
        self.show_error("")
        self._new(select=editing if editing is not None else self.speakers[-1].id)

    def _new(self, *, select: int | None = None) -> None:
        """The form emptied for a new speaker, keeping the capacity last recorded."""
        self.editing = None
        self.query_one("#speaker-name", Input).value = ""
        self.query_one("#speaker-capacity", Input).value = LETTER_OF.get(self.capacity, "")
        self.query_one("#speaker-limit", Input).value = minutes_seconds(self.speaking_time)
        self._show_list(select)
        self.query_one("#speaker-name", Input).focus()
        self.opening = self.draft()

    def _speaker(self, speaker_id: int | None) -> SpeakerView | None:
        return next((s for s in self.speakers if s.id == speaker_id), None)

    def _highlighted(self) -> SpeakerView | None:
        table = self.query_one(SpeakerList)
        if not self.speakers or table.cursor_row >= len(self.speakers):
            return None
        return self.speakers[table.cursor_row]

    # ---- the list's keys -------------------------------------------------------------------
    def action_new(self) -> None:
        self._new()

    def action_edit(self) -> None:
        speaker = self._highlighted()
        if speaker is None:
            return
        self.editing = speaker.id
        self.query_one("#speaker-name", Input).value = speaker.name
        self.query_one("#speaker-capacity", Input).value = LETTER_OF.get(speaker.capacity, "")
        limit = minutes_seconds(speaker.time_limit) if speaker.time_limit else "0"
        self.query_one("#speaker-limit", Input).value = limit
        self._show_doing()
        self.query_one("#speaker-name", Input).focus()

    def action_delete(self) -> None:
        speaker = self._highlighted()
        if speaker is None:
            return
        if self._act(lambda: self.actions.delete(speaker.id), None):
            self.query_one("#speakers-doing", Static).update(
                f"Deleted {speaker.name}: ctrl+z on the live screen brings them back"
            )

    def action_move(self, step: int) -> None:
        speaker = self._highlighted()
        if speaker is not None:
            self._act(lambda: self.actions.move(speaker.id, step), speaker.id)

    def _act(self, call: ActionCall, select: int | None) -> bool:
        """A change to the list (delete, move), shown as committed; False when refused."""
        try:
            self.speakers = call()
        except ClerkError as error:
            self.refused(error)
            return False
        if self.editing is not None and self._speaker(self.editing) is None:
            self.editing = None  # the speaker being edited has just been deleted
        self._show_list(select)
        return True
