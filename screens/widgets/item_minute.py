"""The current item's minute on the live screen: what its minutes section says so far.

The pane lists the very blocks the minutes print for the item (:func:`clerk_tui.minutes.
item_section`), line by line through the text export's own renderer (:func:`clerk_tui.export.
text.section_pieces`): the clerk's notes, votes and resolutions, and the sentences the minutes
write from other records (apologies, "None declared.", declarations, arrivals and departures,
the exclusion of press and public). Each line is an option keyed by the record it says
("note-5", "resolution-3", "apologies"), so enter edits, delete deletes (asking first) and
ctrl+up / ctrl+down move the record behind it. A sentence the minutes write is reworded with
enter (or w, which also rewords a vote's sentence): the clerk's words are then kept in its
place, marked as no longer following the records, and delete goes back to the generated
words. A vote or a resolution also says, beside the minutes' words, how the vote went.
Below: the tracker actions raised on the item and, for the previous minutes item, the body's
outstanding actions carried forward (read only). The lines are drawn by
screens/widgets/minute_lines.py.

The widget never calls the Desk: it is handed what to show (``show``) and posts a message for
each edit, deletion or move, which the screen carries out.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from clerk_tui.desk.decisions import ItemMinuteView, ResolutionView
from clerk_tui.export.text import section_pieces
from clerk_tui.minutes import Paragraph, Section, Source
from screens.widgets.minute_lines import pane_options, plain_text

# What the clerk changes for a sentence the minutes write from other records (delete on it
# while it follows them: there is no record of its own to delete).
WRITTEN_FROM = {
    "apologies": "The apologies sentence follows the attendance (a); enter rewords it",
    "none-declared": "“None declared.” gives way to the declarations (d); enter rewords it",
    "declaration": "A declaration is taken back with ctrl+z, or declared again (d); enter rewords",
    "arrival": "Arrivals are recorded in the attendance (a); enter rewords the sentence",
    "departure": "Departures are recorded in the attendance (a); enter rewords the sentence",
    "exclusion": "The exclusion follows the item's exempt mark (agenda screen); enter rewords it",
    # The debate's sentences beside a motion's own line (which enter opens and delete deletes).
    "substantive": "The substantive motion follows its confirmed words (M); enter rewords it",
    "motion-outcome": "The motion's outcome follows its state or vote (M); enter rewords it",
    "speakers": "The speakers sentence follows the list of speakers (K); w rewords it",
}
EDITABLE = ("note", "resolution", "vote", "action", "motion")
MOVABLE = ("note", "resolution")
# What each key answers on a line it does not apply to (a heading; a sentence's place).
EDIT_REFUSAL = "Enter edits a note, a resolution, a vote, an action, a motion or the speakers"
DELETE_REFUSAL = "Delete removes a note, a resolution, a vote, an action or a motion"
MOVE_REFUSAL = "Only notes and resolutions can be moved"


def item_words(view: ItemMinuteView) -> str:
    """How dialogs name the item: "item 8 REBUILDING NEIGHBOURHOOD POLICING"."""
    return view.item.label


def minute_words(view: ItemMinuteView) -> str:
    if view.minute_number is None:
        return "— no number until the item starts"
    return f"{view.minute_number} (provisional)" if view.provisional else str(view.minute_number)


class ItemMinute(OptionList):
    """Shows one agenda item's minute; ``show(view, section)`` draws what it is handed."""

    DEFAULT_CSS = """
    ItemMinute {
        height: 1fr;
        max-height: 100%;
    }
    ItemMinute > .option-list--option-disabled {
        color: $text;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "Edit", tooltip="Edit the highlighted record", id="minute-edit"),
        Binding(
            "delete",
            "delete_record",
            "Delete",
            tooltip="Delete the highlighted record (asks first)",
            id="minute-delete",
        ),
        Binding("ctrl+up", "move(-1)", "Move up", tooltip="Move it up", id="minute-up"),
        Binding("ctrl+down", "move(1)", "Move down", tooltip="Move it down", id="minute-down"),
        Binding(
            "w",
            "reword",
            "Reword",
            tooltip="Reword the sentence the minutes write here (a vote's too)",
            id="minute-reword",
            show=False,  # in the key map (f1) and the palette: the footer keeps its room
        ),
    ]

    class EditRequested(Message):
        """The clerk asked to edit a record of the item (``kind``: note, resolution...)."""

        def __init__(self, kind: str, record_id: int) -> None:
            super().__init__()
            self.kind = kind
            self.record_id = record_id

    class DeleteRequested(Message):
        """The clerk asked to delete a record; ``detail``: its words, for the question."""

        def __init__(self, kind: str, record_id: int, detail: str) -> None:
            super().__init__()
            self.kind = kind
            self.record_id = record_id
            self.detail = detail

    class MoveRequested(Message):
        def __init__(self, kind: str, record_id: int, offset: int) -> None:
            super().__init__()
            self.kind = kind
            self.record_id = record_id
            self.offset = offset

    class RewordRequested(Message):
        """The clerk asked to reword a generated sentence (``source``: its Source.key)."""

        def __init__(self, source: str, sentence: Paragraph) -> None:
            super().__init__()
            self.source = source
            self.sentence = sentence

    class RestoreRequested(Message):
        """The clerk asked for the generated words back in place of their edit."""

        def __init__(self, source: str, sentence: Paragraph) -> None:
            super().__init__()
            self.source = source
            self.sentence = sentence

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.item_id: int | None = None
        self.view: ItemMinuteView | None = None
        self.section: Section | None = None
        self._select_next: str | None = None
        self.border_title = "Minute"

    # ---- what it is handed -----------------------------------------------------------------
    def show(self, view: ItemMinuteView | None, section: Section | None) -> None:
        """Draw the item's minute; keep the highlight on the same record where it still
        exists (or move it to the one just recorded, see ``select_after_load``)."""
        item_id = view.item.id if view is not None else None
        wanted, self._select_next = self._select_next, None
        keep = wanted or (self._highlighted_id() if item_id == self.item_id else None)
        self.item_id = item_id
        self.view = view
        self.section = section
        self.set_options(pane_options(view, section))
        self._title()
        self.highlighted = self._index_of(keep)
        if self.highlighted is None and self.has_focus:
            self.action_first()  # the next enter or delete acts at once, on the top line

    def on_focus(self) -> None:
        """Tab into the pane highlights its first line, so the first key is not wasted."""
        if self.highlighted is None:
            self.action_first()

    def select_after_load(self, key: str) -> None:
        """Highlight the record ``key`` ("note-5", "resolution-3" ...) when next shown."""
        self._select_next = key

    def minute_text(self) -> str:
        """The minutes' words the pane shows, line by line as the text export writes them."""
        if self.section is None:
            return ""
        return "\n".join(piece.line for piece in section_pieces(self.section))

    @property
    def selected_resolution(self) -> ResolutionView | None:
        key = self._highlighted_id()
        if self.view is None or key is None or not key.startswith("resolution-"):
            return None
        return self.view.resolution(Source.from_key(key).id)

    @property
    def selected_resolution_id(self) -> int | None:
        resolution = self.selected_resolution
        return resolution.id if resolution else None

    def _highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def _index_of(self, key: str | None) -> int | None:
        if key is None:
            return None
        for index, option in enumerate(self.options):
            if option.id == key:
                return index
        return None

    def _title(self) -> None:
        if self.view is None:
            self.border_title = "Minute"
            self.border_subtitle = ""
            return
        # The live screen names the item above; the frame says what the minutes will number it.
        self.border_title = f"Minute {minute_words(self.view)}"
        self.border_subtitle = "enter edit · w reword · delete · ctrl+↑/↓ move"

    def sentence(self, key: str | None) -> Paragraph | None:
        """The generated sentence the option ``key`` says ("apologies", "vote-5"), if any."""
        if key is None or self.section is None:
            return None
        return next(
            (
                block
                for block in self.section.blocks
                if isinstance(block, Paragraph)
                and block.written is not None
                and block.source is not None
                and block.source.key == key
            ),
            None,
        )

    # ---- the keys: each becomes a message for the screen -----------------------------------
    def _source(self) -> tuple[str, Source] | None:
        """The highlighted line's key and the source it names ("none-declared" is one kind,
        "vote-5" vote 5), or None, saying so."""
        key = self._highlighted_id()
        if key is None or self.view is None:
            self.notify("Highlight a record first (up / down)", severity="warning")
            return None
        return key, Source.from_key(key)

    def _record(
        self, source: Source, kinds: tuple[str, ...], refusal: str
    ) -> tuple[str, int] | None:
        """The record behind ``source`` when the key applies to its kind, else say ``refusal``."""
        if source.kind in kinds and source.id is not None:
            return source.kind, source.id
        self.notify(refusal, severity="warning")
        return None

    def action_edit(self) -> None:
        highlighted = self._source()
        if highlighted is None:
            return
        key, source = highlighted
        if source.kind == "speakers":  # who was heard: their list (K); w rewords the sentence
            self.post_message(self.EditRequested("speakers", 0))
            return
        sentence = self.sentence(key)
        if sentence is not None and source.kind in WRITTEN_FROM:
            self.post_message(self.RewordRequested(key, sentence))
            return
        refusal = WRITTEN_FROM.get(source.kind, EDIT_REFUSAL)
        record = self._record(source, EDITABLE, refusal)
        if record is not None:
            self.post_message(self.EditRequested(*record))

    def action_reword(self) -> None:
        key = self._highlighted_id()
        sentence = self.sentence(key)
        if key is None or sentence is None:
            self.notify(
                "Only a sentence the minutes write is reworded (w): enter edits a record",
                severity="warning",
            )
            return
        self.post_message(self.RewordRequested(key, sentence))

    def action_delete_record(self) -> None:
        highlighted = self._source()
        if highlighted is None:
            return
        key, source = highlighted
        sentence = self.sentence(key)
        # Any reworded sentence (a motion's "It was moved…" too) gets its generated words back:
        # delete never takes a record away from under the clerk's words. A vote's edit says
        # "w: reword or go back" instead, and delete there deletes the vote, as it always has.
        if sentence is not None and sentence.edited and source.kind != "vote":
            self.post_message(self.RestoreRequested(key, sentence))
            return
        # A sentence that follows the records has nothing of its own to delete: say what does.
        record = self._record(source, EDITABLE, WRITTEN_FROM.get(source.kind, DELETE_REFUSAL))
        if record is None:
            return
        option = self.highlighted_option
        detail = plain_text(option.prompt, 80) if option is not None else ""
        self.post_message(self.DeleteRequested(*record, detail))

    def action_move(self, offset: int) -> None:
        highlighted = self._source()
        record = self._record(highlighted[1], MOVABLE, MOVE_REFUSAL) if highlighted else None
        if record is not None:
            self.post_message(self.MoveRequested(*record, offset))


__all__ = ["ItemMinute", "item_words", "minute_words", "pane_options", "plain_text"]
