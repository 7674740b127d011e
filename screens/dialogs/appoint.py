"""Dialogs about one membership: appoint (a member, or an officer or guest who attends),
correct one, and the date dialog used to end one or to choose the roster's date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select, Static

from clerk_tui.desk import MembershipView
from clerk_tui.desk.preparation import ATTENDER_ROLES, MEMBER_ROLES, MembershipFields
from clerk_tui.values import format_date, parse_date, parse_optional_date
from screens.dialogs.form import FormDialog, text_of, today_of
from screens.dialogs.guarded import QUICK
from screens.widgets.person_input import Lookup, PersonInput


def role_label(role: str) -> str:
    return role.replace("-", " ")


class AppointDialog(FormDialog[MembershipFields]):
    """A member of the body (``attender=False``) or an officer or guest who attends it;
    with ``membership``, a correction of that one; with ``draft``, an appointment the Desk
    refused, offered back with every word as it was typed."""

    CSS_PATH = "../styles/preparation.tcss"

    def __init__(
        self,
        lookup: Lookup,
        today: date,
        *,
        attender: bool = False,
        membership: MembershipView | None = None,
        draft: MembershipFields | None = None,
    ) -> None:
        super().__init__()
        self.lookup = lookup
        self.today = today
        self.membership = membership
        self.attender = attender or (membership is not None and membership.role in ATTENDER_ROLES)
        # The article with its word: "an officer", "a member".
        what = "an officer or guest" if self.attender else "a member"
        if membership is not None:
            self.heading = f"Edit {membership.person.display_name}"
        else:
            self.heading = f"Appoint {what}"
        self.start = (
            draft
            or _fields_of(membership)
            or MembershipFields(
                title="",
                full_name="",
                start=today,
                role="officer" if self.attender else "member",
            )
        )
        self.offered = draft is not None

    def fields(self) -> ComposeResult:
        s = self.start
        roles: Sequence[str] = ATTENDER_ROLES if self.attender else MEMBER_ROLES
        yield self.row("Title", Input(s.title, placeholder="Cllr, or blank", id="member-title"))
        yield self.row("Name", PersonInput(self.lookup, s.full_name, id="member-name"))
        yield self.row(
            "Role",
            Select(
                [(role_label(r), r) for r in roles],
                value=s.role,
                allow_blank=False,
                id="member-role",
            ),
        )
        if not self.attender:
            yield self.row(
                "Represents", Input(s.represents, placeholder="Dudley", id="member-represents")
            )
        hint = "Chief Executive, OPCC" if self.attender else "Independent Member (optional)"
        yield self.row("Role text", Input(s.role_text, placeholder=hint, id="member-role-text"))
        if not self.attender:
            yield self.row("", Checkbox("Voting member", s.voting, id="member-voting"))
        yield self.row("From", Input(format_date(s.start), id="member-from", classes=QUICK))
        end = format_date(s.end) if s.end else ""
        yield self.row(
            "To", Input(end, placeholder="blank while in office", id="member-to", classes=QUICK)
        )
        m = self.membership
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
            start=parse_date(text_of(self, "#member-from"), today=self.today, where="from"),
            role=str(self.query_one("#member-role", Select).value),
            represents=represents,
            role_text=text_of(self, "#member-role-text"),
            voting=voting,
            end=parse_optional_date(text_of(self, "#member-to"), today=self.today, where="to"),
        )
        fields.check()
        return fields


def _fields_of(membership: MembershipView | None) -> MembershipFields | None:
    if membership is None:
        return None
    return MembershipFields(
        title=membership.person.title,
        full_name=membership.person.full_name,
        start=membership.start_date,
        role=membership.role,
        represents=membership.represents,
        role_text=membership.role_text,
        voting=membership.voting,
        end=membership.end_date,
    )


class DateDialog(FormDialog[date]):
    """One date, asked in words: the last day of a membership, the date of a roster."""

    CSS_PATH = "../styles/preparation.tcss"

    def __init__(self, title: str, label: str, default: date, note: str = "") -> None:
        super().__init__()
        self.heading = title
        self.label = label
        self.default = default
        self.note = note

    def fields(self) -> ComposeResult:
        yield self.row(self.label, Input(format_date(self.default), id="date-value", classes=QUICK))
        if self.note:
            yield Static(self.note, classes="hint", markup=False)

    def value(self) -> date:
        return parse_date(
            text_of(self, "#date-value"), today=today_of(self), where=self.label.lower()
        )
