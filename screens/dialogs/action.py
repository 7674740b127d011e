"""A tracker action from the current item: what is to be done, by whom, by when. Its minute
number is the item's — provisional while the meeting is live, fixed when it closes."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static, TextArea

from clerk_tui.desk.decisions import ActionFields, ActionView
from screens.dialogs.form import FormDialog


class ActionDialog(FormDialog[ActionFields]):
    CSS_PATH = "../styles/decisions.tcss"

    def __init__(
        self,
        where: str,
        *,
        minute: str,
        text: str = "",
        owners: Sequence[str] = (),
        resolution_id: int | None = None,
        resolution_label: str = "",
        action: ActionView | None = None,
    ) -> None:
        """``minute``: the minute number in words ("633 (provisional)"); ``text``: the words
        to start from (the selected resolution's); ``owners``: owners to suggest."""
        super().__init__()
        self.action = action
        self.text = action.text if action else text
        self.owners = list(owners)
        self.resolution_id = action.resolution_id if action else resolution_id
        self.heading = f"{'Edit action' if action else 'Tracker action'} — {where}"
        origin = f"minute {minute}"
        if self.resolution_id is not None:
            origin += f", from resolution {resolution_label}".rstrip()
        self.origin = origin

    def fields(self) -> ComposeResult:
        yield Static(
            self.origin.capitalize(), id="action-origin", classes="dialog-note", markup=False
        )
        yield TextArea(self.text, id="action-text", soft_wrap=True)
        yield self.row(
            "Owner",
            Input(
                self.action.owner if self.action else "",
                placeholder="PCC, Panel Chair, OPCC …",
                suggester=SuggestFromList(self.owners, case_sensitive=False),
                id="action-owner",
            ),
        )
        yield self.row(
            "Due",
            Input(
                self.action.due if self.action else "",
                placeholder="September 2022, 31 March 2022, or leave empty",
                id="action-due",
            ),
        )

    def on_mount(self) -> None:
        # FormDialog's on_mount focuses the first field, the text: start at its end.
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.query(".hint").last(Static).update(
            "tab: owner, due   enter on due / ctrl+s: record   escape: cancel"
        )

    def value(self) -> ActionFields:
        fields = ActionFields(
            text=self.query_one("#action-text", TextArea).text,
            owner=self.query_one("#action-owner", Input).value,
            due=self.query_one("#action-due", Input).value,
            resolution_id=self.resolution_id,
        )
        fields.check()
        return fields
