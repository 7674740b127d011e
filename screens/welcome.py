"""First run, on an empty database: import an agenda, create a body, or open the demo."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Static

from screens.base import attempt, desk_of
from screens.navigation import GoHome, UseDesk
from screens.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from clerk_tui.desk.importing import ImportResult

WELCOME = """\
[b]Welcome to clerk-tui[/b]

This database is empty. To begin:

  [b]i[/b]   import an agenda document (text, Markdown table or CSV): the body, the meeting
      and its items in one go
  [b]b[/b]   create the body you clerk for (its name, contact officer, quorum, minute numbers)
  [b]d[/b]   open the demo: the West Midlands Police and Crime Panel, in a separate database

Everything you record is stored the moment you record it: there is nothing to save.
"""


class WelcomeScreen(Screen[None]):
    TITLE = "Welcome"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "i",
            "import_agenda",
            "Import agenda",
            tooltip="Create the body, meeting and agenda from an agenda document",
            id="import",
        ),
        Binding("b", "new_body", "New body", id="new-body"),
        Binding("d", "open_demo", "Open the demo", id="open-demo"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static(WELCOME, id="welcome-text")
            yield Static(f"Database: {desk_of(self).database.path}", classes="hint", markup=False)
        yield KeysFooter()

    def go_home(self) -> None:
        self.post_message(GoHome())

    def action_new_body(self) -> None:
        from screens.dialogs.body import BodyDialog  # dialogs load when first used
        from screens.dialogs.guarded import ask_and_record

        # Recorded while the dialog is open: a refusal keeps the words there.
        ask_and_record(
            self,
            BodyDialog(),
            lambda f: desk_of(self).agenda.create_body(f),
            lambda _: self.go_home(),
        )

    def action_import_agenda(self) -> None:
        from screens.dialogs.import_agenda import ImportAgendaDialog  # loaded when first used

        def imported(result: ImportResult | None) -> None:
            if result is None:
                return
            self.post_message(GoHome(agenda_of=result.meeting.id))
            self.notify(result.summary, timeout=8, markup=False)
            # What the clerk should check ("item 7 mentions 'private'..."), each on its own.
            for caution in result.cautions:
                self.notify(caution, severity="warning", timeout=15, markup=False)

        self.app.push_screen(ImportAgendaDialog(), imported)

    def action_open_demo(self) -> None:
        desk = attempt(self, lambda: desk_of(self).open_demo())
        if desk is not None:
            self.post_message(UseDesk(desk))
