"""ClerkApp: thin. It holds the Desk and the clock, sets the CSS and the command palette, and
pushes the first screen. Build it only through ``clerk_tui.cli.make_app``.

It is also the last guard: no error ends the app with a traceback. A refusal in words (a
ClerkError or StorageError) that escapes a screen's handler becomes a notification and the
screen goes on; anything else is written in full to the log file in the data folder and the
app ends cleanly, leaving one line (:attr:`ClerkApp.fatal_line`) for the command line to print.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.message import Message
from textual.message_pump import MessagePump
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.worker import Worker, WorkerFailed, WorkerState

from clerk_tui import paste
from clerk_tui.desk.settings import remember_theme, remembered_theme
from clerk_tui.errors import ClerkError, log_unexpected, unexpected_line
from db.errors import StorageError
from screens import type_ahead
from screens.base import tell
from screens.navigation import (
    GoHome,
    OpenAgenda,
    OpenAttendance,
    OpenExport,
    OpenMeeting,
    OpenMembership,
    OpenTracker,
    UseDesk,
)

if TYPE_CHECKING:
    from clerk_tui.desk import Desk

Dispatch = Callable[[Message], Awaitable[None]]
# Warnings that tell the clerk something happened, not that a key was refused.
NEWS_TITLES = frozenset(
    {
        "Quorum lost",
        "Quorate",
        "Times to put right",
        "Backup failed",
        "Background task failed",
        "Database put back",
        "The database has failed",
    }
)


def _screen_actions() -> type[Provider]:
    # The command palette's provider, loaded when the palette first opens.
    from screens.commands import ScreenActionsProvider

    return ScreenActionsProvider


class ClerkApp(App[int]):
    TITLE = "clerk-tui"
    CSS_PATH = "../screens/styles/app.tcss"
    # Every screen carries "-narrow" below 110 columns (a laptop's 80x24 among them) and "-short"
    # below 30 rows: the stylesheets stack or trim panes on those classes instead of squeezing.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]
    COMMANDS = App.COMMANDS | {_screen_actions}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", tooltip="Quit: everything is already stored", id="quit"),
        Binding(
            "f1,question_mark", "help", "Keys", tooltip="Show every key of this screen", id="help"
        ),
    ]

    def __init__(self, desk: Desk, *, start_meeting: int | None = None) -> None:
        super().__init__()
        paste.install()  # a paste holding escape characters arrives whole and in order
        self.desk = desk
        self.start_meeting = start_meeting
        # Set when an unexpected error ended the app: what the command line prints.
        self.fatal_line: str | None = None
        # The theme chosen at the last run (ctrl+p, "Change theme"), kept in the data folder.
        self.saved_theme = remembered_theme(self.available_themes)
        if self.saved_theme is not None:
            self.theme = self.saved_theme

    def watch_theme(self, theme: str) -> None:
        if theme == self.saved_theme:
            return
        try:
            remember_theme(theme)
        except ClerkError as error:
            self.notify(str(error), title="Theme not remembered", severity="warning")
            return
        self.saved_theme = theme

    def on_mount(self) -> None:
        # A backup at the first start of each day, off the UI thread and after the first screen
        # is up: the clerk never waits for it.
        self.call_after_refresh(self._daily_backup)
        # Each screen's module is imported when it is first opened: start-up loads only this one.
        bodies = self.desk.agenda.bodies()
        if bodies:
            from screens.home import HomeScreen

            self.push_screen(HomeScreen(bodies))
        else:
            from screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen())
        if self.start_meeting is not None:
            self.on_open_meeting(OpenMeeting(self.start_meeting))
        for notice in self.desk.database.notices:  # e.g. a database put back at this start
            self.notify(
                notice, title="Database put back", severity="warning", timeout=60, markup=False
            )

    async def on_event(self, event: events.Event) -> None:
        # A key read while the one before it is still moving the focus or opening a screen
        # waits its turn, and goes where it would have gone typed slowly (screens/type_ahead.py).
        if not type_ahead.holds(self, event):
            await super().on_event(event)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        # A refusal sets aside the keys typed behind the refused key (screens/type_ahead.py):
        # meant for a dialog that never opened, they must not run as this screen's commands.
        # News that is no refusal (quorum, a backup, times to check) leaves them to go on.
        if severity != "information" and title not in NEWS_TITLES:
            unused = type_ahead.set_aside(self)
            if unused:
                message += f" (the {unused} key{'s' if unused > 1 else ''} typed after it not used)"
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def _daily_backup(self) -> None:
        self.run_worker(
            self.desk.backups.daily_backup, thread=True, exit_on_error=False, name="backup"
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Background work fails in one place, as a notification (what nobody foresaw is
        logged too: the backup going wrong must not end the meeting)."""
        error = event.worker.error
        if event.state != WorkerState.ERROR or error is None:
            return
        if isinstance(error, ClerkError | StorageError):
            message = str(error)
        else:
            message = unexpected_line(error, log_unexpected(error, "in background work"))
            message = message.removeprefix("clerk-tui: ")
        self.notify(message, title="Background task failed", severity="error", markup=False)

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def replace_desk(self, desk: Desk) -> None:
        """Move to another database (the demo, from the first-run screen)."""
        if desk is not self.desk:
            self.desk.database.close()
            self.desk = desk

    # ---- navigation: screens ask by message (screens/navigation.py), the App opens ----------
    def on_open_meeting(self, message: OpenMeeting) -> None:
        from screens.live import LiveScreen

        self.push_screen(LiveScreen(message.meeting_id, select_item=message.select_item))

    def on_open_agenda(self, message: OpenAgenda) -> None:
        from screens.agenda import AgendaScreen

        self.push_screen(AgendaScreen(message.meeting_id))

    def on_open_attendance(self, message: OpenAttendance) -> None:
        from screens.attendance import AttendanceScreen

        self.push_screen(AttendanceScreen(message.meeting_id))

    def on_open_membership(self, message: OpenMembership) -> None:
        from screens.membership import MembershipScreen

        self.push_screen(MembershipScreen(message.body_id))

    def on_open_tracker(self, message: OpenTracker) -> None:
        from screens.tracker import TrackerScreen

        self.push_screen(TrackerScreen(message.body_id, meeting_id=message.meeting_id))

    def on_open_export(self, message: OpenExport) -> None:
        from screens.export import ExportScreen

        self.push_screen(ExportScreen(message.meeting_id))

    def on_go_home(self, message: GoHome) -> None:
        from screens.home import HomeScreen

        self.switch_screen(HomeScreen())
        if message.agenda_of is not None:
            self.on_open_agenda(OpenAgenda(message.agenda_of))

    def on_use_desk(self, message: UseDesk) -> None:
        self.replace_desk(message.desk)
        self.on_go_home(GoHome())

    def on_unmount(self) -> None:
        self.desk.database.close()

    # ---- the last guard -------------------------------------------------------------------
    # Textual ends the app on any exception in a handler (App._handle_exception), and the
    # message loop of the widget or screen that raised it stops for good before that is called:
    # a screen whose on_screen_resume met a failed database would never draw again. So a
    # refusal in words is caught where each message is dispatched, for the app itself (its
    # loop runs the key bindings' actions) and for every widget and screen as it is registered;
    # _handle_exception sees the rest.
    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)
        except (ClerkError, StorageError) as error:
            self._tell(error)

    def _register(self, parent: Any, *widgets: Widget, **options: Any) -> list[Widget]:
        for widget in widgets:
            self._guard(widget)
        return super()._register(parent, *widgets, **options)

    def _guard(self, pump: MessagePump) -> None:
        if "_dispatch_message" in vars(pump):
            return  # already guarded (a widget registered again)
        dispatch: Dispatch = pump._dispatch_message

        async def guarded(message: Message) -> None:
            try:
                await dispatch(message)
            except (ClerkError, StorageError) as error:
                self._tell(error)

        pump._dispatch_message = guarded  # type: ignore[method-assign]

    def _handle_exception(self, error: Exception) -> None:
        found: BaseException = error
        if isinstance(error, WorkerFailed):
            found = error.error
        if isinstance(found, ClerkError | StorageError):
            self._tell(found)
            return
        logged = log_unexpected(found, context="in the app")
        self.fatal_line = unexpected_line(found, logged)
        self._return_code = 2
        # As Textual does: a test driving the app through the pilot still sees the error.
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()

    def _tell(self, error: ClerkError | StorageError) -> None:
        tell(self, error if isinstance(error, ClerkError) else ClerkError(str(error)))
