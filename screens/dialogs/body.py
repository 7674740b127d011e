"""Create or edit a body: its name, contact officer, quorum and next minute number."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from clerk_tui.desk import BodyFields, BodyView
from screens.dialogs.form import FormDialog, int_of, text_of
from screens.dialogs.guarded import QUICK

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
    def __init__(self, body: BodyView | None = None) -> None:
        super().__init__()
        self.body = body
        self.heading = f"Edit {body.name}" if body else "New body"

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

    def value(self) -> BodyFields:
        fields = BodyFields(
            **{name: text_of(self, f"#body-{name}") for name, _, _ in FIELDS},
            quorum=int_of(self, "#body-quorum", "quorum"),
            next_minute_number=int_of(self, "#body-next_minute_number", "next minute number"),
        )
        fields.check()
        return fields
