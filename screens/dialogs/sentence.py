"""Reword a sentence the minutes write themselves (the apologies, "None declared.", a
declaration, an arrival or departure, a vote's sentence, the exclusion of press and public, the
debate's: a motion as moved, its outcome, the substantive motion, the speakers).

The clerk's words are then printed in its place and no longer follow the records; the
minutes' own words are shown beneath an edit for reference. ctrl+s keeps the words; ctrl+r (once
edited) goes back to the minutes' own words, as delete does on the record pane.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, TextArea

from clerk_tui.errors import ClerkError
from clerk_tui.minutes import Source
from screens.dialogs.form import FormDialog

# How the dialog names each kind of sentence (the source key's kind).
SENTENCE_WORDS = {
    "apologies": "the apologies sentence",
    "none-declared": "“None declared.”",
    "declaration": "the declaration's sentence",
    "arrival": "the arrival's sentence",
    "departure": "the departure's sentence",
    "exclusion": "the exclusion of press and public",
    "vote": "the vote's sentence",
    "motion": "the motion as moved",
    "substantive": "the substantive motion",
    "motion-outcome": "the motion's outcome",
    "speakers": "the speakers",
}
# The same sentences said of an amendment (a motion's kinds: an amendment is a motion too).
AMENDMENT_WORDS = {
    "motion": "the amendment as moved",
    "substantive": "the amendment as amended",
    "motion-outcome": "the amendment's outcome",
}


def sentence_words(source: str, *, amendment: bool = False) -> str:
    """How the clerk is told which sentence a source key names ("none-declared", "vote-5");
    ``amendment``: the motion the key names is an amendment."""
    kind = Source.from_key(source).kind
    if amendment and kind in AMENDMENT_WORDS:
        return AMENDMENT_WORDS[kind]
    return SENTENCE_WORDS.get(kind, "the sentence")


FOLLOWS = "Follows the records: the minutes write it from what is recorded."
EDITED = "Edited — no longer follows the records (ctrl+r: back to the minutes' own words)."


@dataclass(frozen=True)
class SentenceEdit:
    """What the clerk chose: these words (``text``), or the minutes' own again (None)."""

    text: str | None


class SentenceDialog(FormDialog[SentenceEdit]):
    CSS_PATH = "../styles/decisions.tcss"
    DEFAULT_CSS = """
    SentenceDialog TextArea {
        height: 6;
        margin: 0 0 1 0;
    }
    SentenceDialog #sentence-state {
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "restore", "Back to the generated words", id="sentence-restore"),
    ]

    def __init__(
        self,
        where: str,
        source: str,
        text: str,
        written: str,
        edited: bool,
        *,
        amendment: bool = False,
    ) -> None:
        """``text``: the sentence as the minutes now print it; ``written``: the minutes' own
        words for it; ``edited``: ``text`` is the clerk's edit; ``amendment``: the sentence is
        an amendment's (see sentence_words)."""
        super().__init__()
        self.text = text
        self.written = written
        self.edited = edited
        self.heading = f"Reword {sentence_words(source, amendment=amendment)} — {where}"

    def fields(self) -> ComposeResult:
        yield TextArea(self.text, id="sentence-text", soft_wrap=True)
        yield Static(EDITED if self.edited else FOLLOWS, id="sentence-state", markup=False)
        if self.edited:  # else the words above are the minutes' own
            # The clerk's names and titles are in these words: never markup.
            own = f"The minutes' own words: {self.written}"
            yield Static(own, classes="dialog-note", markup=False)

    def on_mount(self) -> None:
        # FormDialog's on_mount focuses the first field, the words: start at their end.
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        back = "   ctrl+r: back to the minutes' own words" if self.edited else ""
        self.query(".hint").last(Static).update(
            f"ctrl+s: keep these words   f7: select all{back}   escape: cancel"
        )

    def action_restore(self) -> None:
        if not self.edited:
            self.show_error("It follows the records already: there is no edit to take back")
            return
        self.finish(SentenceEdit(None))

    def value(self) -> SentenceEdit:
        text = self.query_one("#sentence-text", TextArea).text
        if not text.strip():
            raise ClerkError("the sentence needs some words (ctrl+r: the minutes' own words)")
        return SentenceEdit(text)
