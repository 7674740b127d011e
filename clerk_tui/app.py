"""ClerkApp: thin. It holds the Desk and the clock, sets the CSS and the command palette, and
pushes the first screen. Build it only through ``clerk_tui.cli.make_app``."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker, WorkerState

from clerk_tui.desk import Desk
from screens.commands import ScreenActionsProvider
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.welcome import WelcomeScreen


class ClerkApp(App[int]):
    TITLE = "clerk-tui"
    CSS_PATH = "../screens/styles/app.tcss"
    COMMANDS = App.COMMANDS | {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit: everything is already stored", id="quit"),
        Binding(
            "f1,question_mark", "help", "Keys", tooltip="Show every key of this screen", id="help"
        ),
    ]

    def __init__(self, desk: Desk, *, start_meeting: int | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.start_meeting = start_meeting

    def on_mount(self) -> None:
        # A backup at the first start of each day, off the UI thread and after the first screen
        # is up: the clerk never waits for it.
        self.call_after_refresh(self._daily_backup)
        if self.desk.bodies():
            self.push_screen(HomeScreen())
        else:
            self.push_screen(WelcomeScreen())
        if self.start_meeting is not None:
            self.screen.open_meeting(self.start_meeting)  # type: ignore[attr-defined]

    def _daily_backup(self) -> None:
        self.run_worker(self.desk.daily_backup, thread=True, exit_on_error=False, name="backup")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Background work fails in one place, as a notification."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(str(event.worker.error), title="Background task failed", severity="error")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def replace_desk(self, desk: Desk) -> None:
        """Move to another database (the demo, from the first-run screen)."""
        if desk is not self.desk:
            self.desk.database.close()
            self.desk = desk

    def on_unmount(self) -> None:
        self.desk.database.close()
