"""Import an agenda document: the file, and what to say instead of its header. The import
runs when the clerk accepts; a refusal stays in the dialog, beside the fields, with the file
and line, and nothing is written. Dismisses with the ImportResult."""

from __future__ import annotations

import os
from pathlib import Path

from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Input, Static

from clerk_tui.desk.importing import ImportOptions, ImportResult
from clerk_tui.errors import ClerkError
from clerk_tui.values import parse_optional_date, parse_optional_time
from screens.base import desk_of
from screens.dialogs.form import FormDialog, text_of, today_of
from screens.dialogs.guarded import QUICK

AGENDA_SUFFIXES = (".txt", ".md", ".csv", ".text", ".markdown")


class PathSuggester(Suggester):
    """Completes a file or folder name from what is on disk, as a shell's tab would."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        typed = os.path.expanduser(value)
        folder, stem = os.path.split(typed)
        try:
            names = sorted(os.listdir(folder or "."))
        except OSError:
            return None
        for name in names:
            if not name.startswith(stem) or name == stem or name.startswith("."):
                continue
            full = os.path.join(folder, name)
            if os.path.isdir(full):
                name += os.sep
            elif not name.lower().endswith(AGENDA_SUFFIXES):
                continue
            return value[: len(value) - len(stem)] + name
        return None


class ImportAgendaDialog(FormDialog[ImportResult]):
    TITLE = "Import an agenda"
    CSS_PATH = "../styles/preparation.tcss"

    def fields(self) -> ComposeResult:
        yield self.row(
            "Agenda file",
            Input(
                placeholder="~/Documents/agenda-2022-03-14.txt (text, Markdown or CSV)",
                suggester=PathSuggester(),
                id="import-path",
            ),
        )
        yield Static("Leave these blank to take them from the agenda's header:", classes="hint")
        yield self.row(
            "Body", Input(placeholder="name or short name, as the agenda says", id="import-body")
        )
        yield self.row("Date", Input(placeholder="YYYY-MM-DD", id="import-date", classes=QUICK))
        yield self.row("Start time", Input(placeholder="HH:MM", id="import-time", classes=QUICK))
        yield self.row("Venue", Input(id="import-venue"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter imports, from any field: the options below the path are seldom needed."""
        event.stop()
        event.prevent_default()  # not FormDialog's "enter moves to the next field"
        self.action_accept()

    def value(self) -> ImportResult:
        path = text_of(self, "#import-path")
        if not path:
            raise ClerkError("which file? type its path", where="agenda file")
        options = ImportOptions(
            body=text_of(self, "#import-body") or None,
            date=parse_optional_date(
                text_of(self, "#import-date"), today=today_of(self), where="date"
            ),
            time=parse_optional_time(text_of(self, "#import-time"), where="start time"),
            venue=text_of(self, "#import-venue") or None,
        )
        return desk_of(self).agenda.import_agenda_file(Path(path).expanduser(), options)
