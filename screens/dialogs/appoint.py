"""Dialogs about one membership: appoint (a member, or an officer or guest who attends),
correct one, and the date dialog used to end one or to choose the roster's date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, Static

from clerk_tui.desk import MembershipView
from clerk_tui.desk.preparation import (
    ATTENDER_ROLES,
    MEMBER_ROLES,
    MembershipFields,
    parse_date,
    parse_optional_date,
)
from screens.dialogs.form import FormDialog, text_of
from screens.widgets.person_input import Lookup, PersonInput


def role_label(role: str) -> str:
    return role.replace("-", " ")


class AppointDialog(FormDialog[MembershipFields]):
    """A member of the body (``attender=False``) or an officer or guest who attends it;
    with ``membership``, a correction of that one."""

    CSS_PATH = "../styles/preparation.tcss"

    def __init__(
        self,
        lookup: Lookup,
        today: date,
        *,
        attender: bool = False,
        membership: MembershipView | None = None,
    ) -> None:
        super().__init__()
        self.lookup = lookup
        self.today = today
        self.membership = membership
        self.attender = attender or (membership is not None and membership.role in ATTENDER_ROLES)
        what = "officer or guest" if self.attender else "member"
        if membership is not None:
            self.TITLE = f"Edit {membership.person.display_name}"
        else:
            self.TITLE = f"Appoint a {what}"

    def fields(self) -> ComposeResult:
        m = self.membership
        roles: Sequence[str] = ATTENDER_ROLES if self.attender else MEMBER_ROLES
        yield self.row(
            "Title",
            Input(m.person.title if m else "", placeholder="Cllr, or blank", id="member-title"),
        )
        yield self.row(
            "Name", PersonInput(self.lookup, m.person.full_name if m else "", id="member-name")
        )
        role = m.role if m else ("officer" if self.attender else "member")
        yield self.row(
            "Role",
            Select(
                [(role_label(r), r) for r in roles], value=role, allow_blank=False, id="member-role"
            ),
        )
        if not self.attender:
            yield self.row(
                "Represents",
                Input(m.represents if m else "", placeholder="Dudley", id="member-represents"),
            )
        hint = "Chief Executive, OPCC" if self.attender else "Independent Member (optional)"
        yield self.row(
            "Role text", Input(m.role_text if m else "", placeholder=hint, id="member-role-text")
        )
        if not self.attender:
            yield self.row(
                "", Checkbox("Voting member", m.voting if m else True, id="member-voting")
            )
        start = m.start_date if m else self.today
        yield self.row("From", Input(f"{start:%Y-%m-%d}", id="member-from"))
        end = f"{m.end_date:%Y-%m-%d}" if m and m.end_date else ""
        yield self.row("To", Input(end, placeholder="blank while in office", id="member-to"))
        if m is not None and m.replaces_name:
            yield Static(f"Replaced {m.replaces_name}.", classes="hint", markup=False)

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice made from the list moves on, as enter does in a text field."""
        if event.select.has_focus_within:
            self.focus_next()

    def on_input_changed(self, event: Input.Changed) -> None:
        """A known person's title comes with their name, unless one was typed."""
        if isinstance(event.input, PersonInput):
            person = event.input.known()
            title = self.query_one("#member-title", Input)
            if person is not None and person.title and not title.value.strip():
                title.value = person.title

    def value(self) -> MembershipFields:
        voting = False if self.attender else self.query_one("#member-voting", Checkbox).value
        represents = "" if self.attender else text_of(self, "#member-represents")
        fields = MembershipFields(
            title=text_of(self, "#member-title"),
            full_name=text_of(self, "#member-name"),
            start=parse_date(text_of(self, "#member-from"), "from"),
            role=str(self.query_one("#member-role", Select).value),
            represents=represents,
            role_text=text_of(self, "#member-role-text"),
            voting=voting,
            end=parse_optional_date(text_of(self, "#member-to"), "to"),
        )
        fields.check()
        return fields


class DateDialog(FormDialog[date]):
    """One date, asked in words: the last day of a membership, the date of a roster."""

    CSS_PATH = "../styles/preparation.tcss"

    def __init__(self, title: str, label: str, default: date, note: str = "") -> None:
        super().__init__()
        self.TITLE = title
        self.label = label
        self.default = default
        self.note = note

    def fields(self) -> ComposeResult:
        yield self.row(self.label, Input(f"{self.default:%Y-%m-%d}", id="date-value"))
        if self.note:
            yield Static(self.note, classes="hint", markup=False)

    def value(self) -> date:
        return parse_date(text_of(self, "#date-value"), self.label.lower())
