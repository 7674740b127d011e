"""A minute note on the current item: a narrative paragraph or a discussion point (bullet).

Multi-line, so enter makes a new line; ctrl+s records, ctrl+b switches paragraph / bullet.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static, TextArea

from clerk_tui.desk.decisions import NoteFields, NoteView
from screens.dialogs.form import FormDialog

KIND_WORDS = {
    "paragraph": "Paragraph — narrative (ctrl+b: make it a discussion point)",
    "bullet": "• Discussion point (ctrl+b: make it a paragraph)",
}


class NoteDialog(FormDialog[NoteFields]):
    CSS_PATH = "../styles/decisions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+b", "toggle_kind", "Paragraph / bullet", id="note-kind"),
    ]

    def __init__(
        self, where: str, note: NoteView | None = None, *, kind: str = "paragraph"
    ) -> None:
        super().__init__()
        self.note = note
        self.kind = note.kind if note else kind
        self.heading = f"{'Edit note' if note else 'Note'} — {where}"

    def fields(self) -> ComposeResult:
        yield Static(KIND_WORDS[self.kind], id="note-kind")
        yield TextArea(self.note.text if self.note else "", id="note-text", soft_wrap=True)

    def on_mount(self) -> None:
        # FormDialog's on_mount focuses the first field, the text: start at its end.
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.query(".hint").last(Static).update(
            "ctrl+s: record   ctrl+b: paragraph / bullet   escape: cancel"
        )

    def action_toggle_kind(self) -> None:
        self.kind = "bullet" if self.kind == "paragraph" else "paragraph"
        self.query_one("#note-kind", Static).update(KIND_WORDS[self.kind])

    def value(self) -> NoteFields:
        fields = NoteFields(self.query_one("#note-text", TextArea).text, self.kind)
        fields.check()
        return fields
