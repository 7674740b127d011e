"""Create or edit a body: its name, contact officer, quorum and next minute number, its own
Word template (a path typed; the file's bytes are kept in the database, so the field shows the
file name it was set from; blank: none, the house style); and, for a body that exists, its own
wording of the sentences the minutes write (ctrl+o opens
screens/dialogs/styles.py, which records that on its own, as one clerk action)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from clerk_tui.desk import BodyFields, BodyView
from screens.base import attempt, desk_of
from screens.dialogs.form import FormDialog, int_of, text_of
from screens.dialogs.guarded import QUICK, ask_and_record
from screens.dialogs.styles import StylesDialog, styles_summary

FIELDS = (
    ("name", "Name", "West Midlands Police and Crime Panel"),
    ("short_name", "Short name", "Panel"),
    ("host_authority", "Host authority", "Birmingham City Council"),
    ("contact_name", "Contact officer", ""),
    ("contact_email", "Email", ""),
    ("contact_phone", "Telephone", ""),
    ("website", "Website", ""),
)


class BodyDialog(FormDialog[BodyFields]):
    DEFAULT_CSS = """
    BodyDialog #body-styles {
        color: $text-muted;
        padding: 1 0 0 0;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "styles", "Wording of the minutes' sentences", id="body-styles"),
    ]

    def __init__(self, body: BodyView | None = None) -> None:
        super().__init__()
        self.body = body
        self.heading = f"Edit {body.name}" if body else "New body"
        self.wordings: dict[str, str] = {}
        self.template_name = ""  # as the field opened: unchanged, the template is kept

    def fields(self) -> ComposeResult:
        for name, label, placeholder in FIELDS:
            value = str(getattr(self.body, name)) if self.body else ""
            yield self.row(label, Input(value, placeholder=placeholder, id=f"body-{name}"))
        quorum = str(self.body.quorum) if self.body else ""
        yield self.row(
            "Quorum",
            Input(quorum, placeholder="voting members needed", id="body-quorum", classes=QUICK),
        )
        next_number = str(self.body.next_minute_number) if self.body else "1"
        yield self.row(
            "Next minute no.", Input(next_number, id="body-next_minute_number", classes=QUICK)
        )
        yield self.row(
            "Word template",
            Input(
                self._template_name(),
                placeholder="a .docx or .dotx file (blank: the house style)",
                id="body-template",
            ),
        )
        if self.body is not None:
            yield Static("", id="body-styles", markup=False)

    def _template_name(self) -> str:
        """The file name the body's own template was set from, "" when it has none."""
        body = self.body
        if body is None:
            return ""
        found = attempt(self, lambda: desk_of(self).papers.body_template(body.id))
        self.template_name = found.file_name if found else ""
        return self.template_name

    def on_mount(self) -> None:
        body = self.body
        if body is not None:
            self.wordings = attempt(self, lambda: desk_of(self).sentences.styles(body.id)) or {}
            self.query_one("#body-styles", Static).update(styles_summary(self.wordings))

    def action_styles(self) -> None:
        """ctrl+o: the body's own wording of the minutes' sentences, recorded at once."""
        body = self.body
        if body is None:
            self.show_error("Create the body first: its wording is set once it exists")
            return

        def record(wordings: dict[str, str]) -> dict[str, str]:
            return desk_of(self).sentences.set_styles(body.id, wordings)

        def recorded(styles: dict[str, str]) -> None:
            self.wordings = styles
            self.query_one("#body-styles", Static).update(styles_summary(styles))
            self.notify(f"{body.name}: wording of the minutes' sentences saved", markup=False)

        ask_and_record(self, StylesDialog(body, self.wordings), record, recorded)

    def value(self) -> BodyFields:
        fields = BodyFields(
            **{name: text_of(self, f"#body-{name}") for name, _, _ in FIELDS},
            quorum=int_of(self, "#body-quorum", "quorum"),
            next_minute_number=int_of(self, "#body-next_minute_number", "next minute number"),
            template=self._template_asked(),
        )
        fields.check()
        return fields

    def _template_asked(self) -> str | None:
        """A path to read the template from, "" to clear it, None to keep it as it is."""
        typed = text_of(self, "#body-template")
        if typed == self.template_name:
            return None
        return typed
