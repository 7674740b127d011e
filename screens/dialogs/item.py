"""An agenda item: number, title, description, papers, approximate time, presenter, kind,
whether a recorded vote is required, and whether it is exempt (with the reason)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from clerk_tui.agenda_import import ITEM_KINDS, PAPERS, kind_from_title
from clerk_tui.desk.preparation import ItemFields
from clerk_tui.errors import ClerkError
from clerk_tui.values import format_time, parse_optional_time
from screens.dialogs.form import FormDialog, text_of
from screens.dialogs.guarded import QUICK

# The kind a new item gets unless the clerk picks one: recognised from its title.
FROM_TITLE = "from-title"


def kind_label(kind: str) -> str:
    return kind.replace("-", " ")


class ItemDialog(FormDialog[ItemFields]):
    CSS_PATH = "../styles/preparation.tcss"

    def __init__(self, item: ItemFields | None = None, *, title: str = "") -> None:
        super().__init__()
        self.item = item
        self.heading = title or ("Edit item" if item else "New agenda item")

    def fields(self) -> ComposeResult:
        item = self.item or ItemFields(title="", kind=FROM_TITLE)
        yield self.row(
            "Number", Input(item.number, placeholder="6 or 6a", id="item-number", classes=QUICK)
        )
        yield self.row(
            "Title",
            Input(item.title, placeholder="REBUILDING NEIGHBOURHOOD POLICING", id="item-title"),
        )
        yield self.row(
            "Description",
            Input(
                item.description,
                placeholder="Report of the Police and Crime Commissioner",
                id="item-description",
            ),
        )
        papers = [(p, p) for p in PAPERS]
        yield self.row(
            "Papers", Select(papers, value=item.papers, allow_blank=False, id="item-papers")
        )
        clock = format_time(item.approximate_time) if item.approximate_time else ""
        yield self.row(
            "Approx. time",
            Input(
                clock,
                placeholder="HH:MM, or blank to plan it between",
                id="item-time",
                classes=QUICK,
            ),
        )
        yield self.row(
            "Presenter", Input(item.presenter, placeholder="who presents it", id="item-presenter")
        )
        kinds = [("recognise from the title", FROM_TITLE)]
        kinds += [(kind_label(k), k) for k in ITEM_KINDS]
        yield self.row("Kind", Select(kinds, value=item.kind, allow_blank=False, id="item-kind"))
        yield self.row(
            "",
            Checkbox(
                "Recorded (named) vote required",
                item.recorded_vote_required,
                id="item-recorded-vote",
            ),
        )
        yield self.row("", Checkbox("Exempt item", item.exempt, id="item-exempt"))
        yield self.row(
            "Exempt because",
            Input(
                item.exempt_reason,
                placeholder="paragraph 3 of Schedule 12A",
                id="item-exempt-reason",
            ),
        )

    def on_select_changed(self, event: Select.Changed) -> None:
        """A choice made from the list moves on, as enter does in a text field."""
        if event.select.has_focus_within:
            self.focus_next()

    def value(self) -> ItemFields:
        title = text_of(self, "#item-title")
        kind = self.query_one("#item-kind", Select).value
        reason = text_of(self, "#item-exempt-reason")
        exempt = self.query_one("#item-exempt", Checkbox).value
        fields = ItemFields(
            title=title,
            number=text_of(self, "#item-number"),
            description=text_of(self, "#item-description"),
            papers=str(self.query_one("#item-papers", Select).value),
            approximate_time=parse_optional_time(text_of(self, "#item-time"), where="approx. time"),
            presenter=text_of(self, "#item-presenter"),
            kind=kind_from_title(title) if kind == FROM_TITLE else str(kind),
            exempt=exempt,
            exempt_reason=reason,
            recorded_vote_required=self.query_one("#item-recorded-vote", Checkbox).value,
        )
        if not fields.title:
            raise ClerkError("an item needs a title", where="title")
        fields.check()
        return fields
