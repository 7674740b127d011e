"""Replace a member: who comes in, from when, for whom. One flow: the desk ends the old
membership the day before and starts the new one, linked to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.widgets import Input, Static

from clerk_tui.desk import MembershipView
from clerk_tui.errors import ClerkError
from clerk_tui.values import format_date, long_date, parse_date
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK
from screens.widgets.person_input import Lookup, PersonInput


@dataclass(frozen=True)
class Replacement:
    title: str
    full_name: str
    represents: str
    on: date


class ReplaceDialog(FormDialog[Replacement]):
    CSS_PATH = "../styles/preparation.tcss"

    def __init__(self, membership: MembershipView, lookup: Lookup, today: date) -> None:
        super().__init__()
        self.membership = membership
        self.lookup = lookup
        self.today = today
        # The first day the new member can sit: the old membership needs a day of its own.
        self.first_day = max(today, membership.start_date + timedelta(days=1))
        where = f" ({membership.represents})" if membership.represents else ""
        self.heading = f"Replace {membership.person.display_name}{where}"

    def fields(self) -> ComposeResult:
        yield self.row(
            "Title",
            Input(
                "Cllr" if self.membership.person.title else "",
                placeholder="Cllr, or blank",
                id="replace-title",
            ),
        )
        yield self.row("New member", PersonInput(self.lookup, id="replace-name"))
        yield self.row("Represents", Input(self.membership.represents, id="replace-represents"))
        yield self.row("From", Input(format_date(self.first_day), id="replace-from", classes=QUICK))
        yield Static(
            f"{self.membership.person.display_name}'s membership ends the day before.",
            id="replace-note",
            classes="hint",
            markup=False,
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, PersonInput):
            person = event.input.known()
            if person is not None:
                self.query_one("#replace-title", Input).value = person.title
        elif event.input.id == "replace-from":
            self.show_end()

    def show_end(self) -> None:
        """Say the last day of the old membership as the date is typed."""
        name = self.membership.person.display_name
        try:
            on = parse_date(text_of(self, "#replace-from"), today=self.today)
        except ClerkError:  # half-typed: say it in general terms
            text = f"{name}'s membership ends the day before."
        else:
            text = f"{name}'s membership ends on {long_date(on - timedelta(days=1))}."
        self.query_one("#replace-note", Static).update(text)

    def value(self) -> Replacement:
        if not text_of(self, "#replace-name"):
            raise ClerkError("who replaces them? type the new member's name", where="new member")
        return Replacement(
            title=text_of(self, "#replace-title"),
            full_name=text_of(self, "#replace-name"),
            represents=text_of(self, "#replace-represents"),
            on=parse_date(text_of(self, "#replace-from"), today=self.today, where="from"),
        )
