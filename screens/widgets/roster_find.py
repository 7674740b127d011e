"""Type-to-find on the attendance roster: ``/``, then a few letters of a name.

The roster jumps, as each letter is typed, to the first person whose name (or surname: any word
of it) begins with what has been typed; ``down`` / ``up`` go to the next / previous one who
matches; ``enter`` or ``escape`` ends the search, the person found stays selected and the
letters are marking keys again (``a``: their apologies). The field is the short-lived search
buffer: it is emptied each time it opens.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class RosterFind(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "done", "Done", tooltip="Stop finding: the person stays selected"),
        Binding("down", "step(1)", "Next", tooltip="The next person who matches"),
        Binding("up", "step(-1)", "Previous", tooltip="The previous person who matches"),
    ]

    class Done(Message):
        """The search is over (enter or escape)."""

    class Step(Message):
        """Go to the next (+1) or previous (-1) person who matches."""

        def __init__(self, offset: int) -> None:
            super().__init__()
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="find: a few letters of a name, enter to mark", id=id)

    def open(self) -> None:
        """Show the field, empty, with the keys going to it."""
        self.value = ""
        self.remove_class("-none")
        self.display = True
        self.focus()

    def action_done(self) -> None:
        self.post_message(self.Done())

    def action_step(self, offset: int) -> None:
        self.post_message(self.Step(offset))

    async def action_submit(self) -> None:
        self.post_message(self.Done())
