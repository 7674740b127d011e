"""A resolution on the current item: what was resolved, optionally a sub-point (a., b.) of
another resolution, optionally marked "noted". ctrl+s records.

The minutes print the words exactly as typed, so the house style's joining punctuation is
the clerk's to type, and offered here: ctrl+n ends the text "; and", ctrl+o ";", ctrl+l "."
(each in place of whatever ending it had)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Checkbox, Select, Static, TextArea

from clerk_tui.desk.decisions import ResolutionFields, ResolutionView
from clerk_tui.minutes import ENDINGS, end_with
from screens.base import plain
from screens.dialogs.form import FormDialog

HINT = "ctrl+s: record   tab: sub-point of / noted   escape: cancel"
ENDING_HINT = "end the text with: ctrl+n “; and”   ctrl+o “;”   ctrl+l “.”"


class ResolutionDialog(FormDialog[ResolutionFields]):
    CSS_PATH = "../styles/decisions.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "end('and')", "End “; and”", id="end-and"),
        Binding("ctrl+o", "end('next')", "End “;”", id="end-next"),
        Binding("ctrl+l", "end('last')", "End “.”", id="end-last"),
    ]

    def __init__(
        self,
        where: str,
        parents: Sequence[ResolutionView] = (),
        resolution: ResolutionView | None = None,
        *,
        parent_id: int | None = None,
    ) -> None:
        """``parents``: the item's top-level resolutions a sub-point may hang from;
        ``parent_id``: the one to offer first (the clerk is typing a list of sub-points)."""
        super().__init__()
        self.resolution = resolution
        self.parents = [p for p in parents if resolution is None or p.id != resolution.id]
        self.parent_id = resolution.parent_id if resolution else parent_id
        self.heading = f"{'Edit resolution' if resolution else 'Resolution'} — {where}"

    def fields(self) -> ComposeResult:
        yield TextArea(
            self.resolution.text if self.resolution else "", id="resolution-text", soft_wrap=True
        )
        # The minutes print the words as typed: the house style's endings are offered here.
        yield Static(ENDING_HINT, id="resolution-endings", classes="dialog-note")
        options = [(plain(_parent_words(p)), p.id) for p in self.parents]
        known = {p.id for p in self.parents}
        yield self.row(
            "Sub-point of",
            Select(
                options,
                prompt="none — a resolution of its own",
                allow_blank=True,
                value=self.parent_id if self.parent_id in known else Select.NULL,
                id="resolution-parent",
                compact=True,
            ),
        )
        yield self.row(
            "",
            Checkbox(
                "Noted (the report or update is noted)",
                value=self.resolution.noted if self.resolution else False,
                id="resolution-noted",
                compact=True,
            ),
        )

    def on_mount(self) -> None:
        # FormDialog's on_mount focuses the first field, the text: start at its end.
        area = self.query_one(TextArea)
        area.move_cursor(area.document.end)
        self.query(".hint").last(Static).update(HINT)

    def action_end(self, ending: str) -> None:
        """Put the joining punctuation at the end of the text, the cursor after it."""
        area = self.query_one("#resolution-text", TextArea)
        area.text = end_with(area.text, ENDINGS[ending])
        area.move_cursor(area.document.end)
        area.focus()

    def value(self) -> ResolutionFields:
        parent = self.query_one("#resolution-parent", Select).value
        fields = ResolutionFields(
            text=self.query_one("#resolution-text", TextArea).text,
            parent_id=parent if isinstance(parent, int) else None,
            noted=self.query_one("#resolution-noted", Checkbox).value,
        )
        fields.check()
        return fields


def _parent_words(resolution: ResolutionView) -> str:
    text = " ".join(resolution.text.split())
    if len(text) > 60:
        text = text[:59] + "…"
    return f"{resolution.label} {text}".strip()
