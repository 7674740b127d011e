"""Create or edit a body: its name, contact officer, quorum and next minute number, its own
Word template (a path typed; the file's bytes are kept in the database, so the field shows the
file name it was set from; blank: none, the house style); its standing orders for debate (the
time a new speaker is given, typed as minutes or m:ss, 0 for no limit; whether an amendment may
itself be amended); and, for a body that exists, its own wording of the sentences the minutes
write (ctrl+o opens screens/dialogs/styles.py, which records that on its own, as one clerk
action)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Checkbox, Input, Static

from clerk_tui.desk import BodyFields, BodyView
from clerk_tui.desk.live_view import minutes_seconds
from clerk_tui.desk.preparation import DEFAULT_SPEAKING_TIME
from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_time_limit
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
    BodyDialog #body-nested_amendments {
        border: none;
        padding: 0;
        margin: 1 0 0 0;
    }
    BodyDialog.-short #body-nested_amendments {
        margin: 0;  /* one row, level with its label, as the short form's fields are */
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
        # Last, after the last text field: enter there records as before, and the tick box is
        # a tab away (a box on the way would take enter as a tick).
        speaking_time = self.body.speaking_time if self.body else DEFAULT_SPEAKING_TIME
        yield self.row(
            "Speaking time",
            Input(
                speaking_words(speaking_time),
                placeholder="minutes (3) or m:ss (2:30); 0: no limit",
                id="body-speaking_time",
                classes=QUICK,
            ),
        )
        yield self.row(
            "Standing orders",
            Checkbox(
                "amendments to amendments allowed",
                self.body.nested_amendments if self.body else False,
                id="body-nested_amendments",
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
            nested_amendments=self.query_one("#body-nested_amendments", Checkbox).value,
            speaking_time=speaking_time_of(text_of(self, "#body-speaking_time")),
        )
        fields.check()
        return fields

    def _template_asked(self) -> str | None:
        """A path to read the template from, "" to clear it, None to keep it as it is."""
        typed = text_of(self, "#body-template")
        if typed == self.template_name:
            return None
        return typed


def speaking_words(seconds: int) -> str:
    """The speaking time as the field shows it: m:ss, or 0 for no limit (0:00 would read as a
    speaker given no time at all)."""
    return minutes_seconds(seconds) if seconds else "0"


def speaking_time_of(typed: str) -> int:
    """Seconds from the speaking time typed; a blank field is refused rather than taken as no
    limit, which a clerk who only cleared the field would not expect."""
    if not typed.strip():
        raise ClerkError(
            "give minutes (3) or minutes:seconds (2:30), or 0 for no limit",
            where="speaking time",
        )
    try:
        return parse_time_limit(typed)
    except ClerkError as refused:
        raise ClerkError(refused.message, where="speaking time") from None
