"""The ways from one screen to another, as messages the App handles (ClerkApp.on_open_...).

A screen asks for another by posting one of these (``self.post_message(OpenTracker(body_id))``);
it bubbles from the screen to the App, which imports the screen asked for and pushes it. So no
screen imports another screen's module, there is no cycle between them, and start-up loads
only the first screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from clerk_tui.desk import Desk


class OpenMeeting(Message):
    """The live screen of a meeting, with ``select_item`` selected when given."""

    def __init__(self, meeting_id: int, *, select_item: int | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.select_item = select_item


class OpenAgenda(Message):
    """The agenda of a meeting, to prepare it."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id


class OpenAttendance(Message):
    """The attendance of a meeting."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id


class OpenMembership(Message):
    """The membership of a body."""

    def __init__(self, body_id: int) -> None:
        super().__init__()
        self.body_id = body_id


class OpenTracker(Message):
    """The action tracker of a body; with ``meeting_id``, the updates given there are recorded
    against that meeting."""

    def __init__(self, body_id: int, *, meeting_id: int | None = None) -> None:
        super().__init__()
        self.body_id = body_id
        self.meeting_id = meeting_id


class OpenExport(Message):
    """The papers of a meeting, to export."""

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id


class GoHome(Message):
    """Home in place of the current screen (the first-run screen's way out); then the agenda of
    meeting ``agenda_of``, when given (a meeting just imported)."""

    def __init__(self, *, agenda_of: int | None = None) -> None:
        super().__init__()
        self.agenda_of = agenda_of


class UseDesk(Message):
    """Work on another database from now on (the demo, opened from the first-run screen), and
    go home on it."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
