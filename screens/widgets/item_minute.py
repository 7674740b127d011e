"""The current item's minute on the live screen: what its minutes section says so far.

The pane lists the very blocks the minutes print for the item (:func:`clerk_tui.minutes.
item_section`), line by line through the text export's own renderer (:func:`clerk_tui.export.
text.section_pieces`): the clerk's notes, votes and resolutions, and the sentences the minutes
write from other records (apologies, "None declared.", declarations, arrivals and departures,
the exclusion of press and public). Each line is an option keyed by the record it says
("note-5", "resolution-3", "apologies"), so enter edits, delete deletes (asking first) and
ctrl+up / ctrl+down move the record behind it. A vote or a resolution also says, beside the
minutes' words, how the vote went. Below: the tracker actions raised on the item and, for the
previous minutes item, the body's outstanding actions carried forward (read only).

The widget never calls the Desk: it is handed what to show (``show``) and posts a message for
each edit, deletion or move, which the screen carries out.
"""

from __future__ import annotations

import io
from typing import ClassVar

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from clerk_tui.desk.decisions import ActionView, ItemMinuteView, ResolutionView
from clerk_tui.export.text import BULLET, Piece, section_pieces
from clerk_tui.minutes import Section

HINT = "Nothing minuted yet — m note · r resolution · v vote · t action"
# What the clerk changes for a sentence the minutes write from other records.
WRITTEN_FROM = {
    "apologies": "The apologies sentence is written from the attendance: press a to change it",
    "none-declared": "“None declared.” gives way to the declarations recorded (d)",
    "declaration": "A declaration is taken back with ctrl+z, or corrected by declaring again (d)",
    "arrival": "Arrivals are recorded in the attendance: press a to change them",
    "departure": "Departures are recorded in the attendance: press a to change them",
    "exclusion": "The exclusion follows the item's exempt mark, set on the agenda screen",
}
EDITABLE = ("note", "resolution", "vote", "action")
MOVABLE = ("note", "resolution")


def item_words(view: ItemMinuteView) -> str:
    """How dialogs name the item: "item 8 REBUILDING NEIGHBOURHOOD POLICING"."""
    return view.item.label


def minute_words(view: ItemMinuteView) -> str:
    if view.minute_number is None:
        return "— no number until the item starts"
    return f"{view.minute_number} (provisional)" if view.provisional else str(view.minute_number)


class ItemMinute(OptionList):
    """Shows one agenda item's minute; ``show(view, section)`` draws what it is handed."""

    DEFAULT_CSS = """
    ItemMinute {
        height: 1fr;
        max-height: 100%;
    }
    ItemMinute > .option-list--option-disabled {
        color: $text;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "Edit", tooltip="Edit the highlighted record", id="minute-edit"),
        Binding(
            "delete",
            "delete_record",
            "Delete",
            tooltip="Delete the highlighted record (asks first)",
            id="minute-delete",
        ),
        Binding("ctrl+up", "move(-1)", "Move up", tooltip="Move it up", id="minute-up"),
        Binding("ctrl+down", "move(1)", "Move down", tooltip="Move it down", id="minute-down"),
    ]

    class EditRequested(Message):
        """The clerk asked to edit a record of the item (``kind``: note, resolution...)."""

        def __init__(self, kind: str, record_id: int) -> None:
            super().__init__()
            self.kind = kind
            self.record_id = record_id

    class DeleteRequested(Message):
        """The clerk asked to delete a record; ``detail``: its words, for the question."""

        def __init__(self, kind: str, record_id: int, detail: str) -> None:
            super().__init__()
            self.kind = kind
            self.record_id = record_id
            self.detail = detail

    class MoveRequested(Message):
        def __init__(self, kind: str, record_id: int, offset: int) -> None:
            super().__init__()
            self.kind = kind
            self.record_id = record_id
            self.offset = offset

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.item_id: int | None = None
        self.view: ItemMinuteView | None = None
        self.section: Section | None = None
        self._select_next: str | None = None
        self.border_title = "Minute"

    # ---- what it is handed -----------------------------------------------------------------
    def show(self, view: ItemMinuteView | None, section: Section | None) -> None:
        """Draw the item's minute; keep the highlight on the same record where it still
        exists (or move it to the one just recorded, see ``select_after_load``)."""
        item_id = view.item.id if view is not None else None
        wanted, self._select_next = self._select_next, None
        keep = wanted or (self._highlighted_id() if item_id == self.item_id else None)
        self.item_id = item_id
        self.view = view
        self.section = section
        self.set_options(pane_options(view, section))
        self._title()
        self.highlighted = self._index_of(keep)

    def select_after_load(self, key: str) -> None:
        """Highlight the record ``key`` ("note-5", "resolution-3" ...) when next shown."""
        self._select_next = key

    def minute_text(self) -> str:
        """The minutes' words the pane shows, line by line as the text export writes them."""
        if self.section is None:
            return ""
        return "\n".join(piece.line for piece in section_pieces(self.section))

    @property
    def selected_resolution(self) -> ResolutionView | None:
        key = self._highlighted_id()
        if self.view is None or key is None or not key.startswith("resolution-"):
            return None
        return self.view.resolution(int(key.split("-")[1]))

    @property
    def selected_resolution_id(self) -> int | None:
        resolution = self.selected_resolution
        return resolution.id if resolution else None

    def _highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def _index_of(self, key: str | None) -> int | None:
        if key is None:
            return None
        for index, option in enumerate(self.options):
            if option.id == key:
                return index
        return None

    def _title(self) -> None:
        if self.view is None:
            self.border_title = "Minute"
            self.border_subtitle = ""
            return
        # The live screen names the item above; the frame says what the minutes will number it.
        self.border_title = f"Minute {minute_words(self.view)}"
        self.border_subtitle = "enter edit · delete · ctrl+↑/↓ move"

    # ---- the keys: each becomes a message for the screen -----------------------------------
    def _record(self, kinds: tuple[str, ...]) -> tuple[str, int] | None:
        key = self._highlighted_id()
        if key is None or self.view is None:
            self.notify("Highlight a record first (up / down)", severity="warning")
            return None
        kind, _, number = key.partition("-")
        if kind in WRITTEN_FROM:
            self.notify(WRITTEN_FROM[kind], severity="warning")
            return None
        if kind not in kinds:
            self.notify("Only notes and resolutions can be moved", severity="warning")
            return None
        return kind, int(number)

    def action_edit(self) -> None:
        record = self._record(EDITABLE)
        if record is not None:
            self.post_message(self.EditRequested(*record))

    def action_delete_record(self) -> None:
        record = self._record(EDITABLE)
        if record is None:
            return
        option = self.highlighted_option
        detail = plain_text(option.prompt, 80) if option is not None else ""
        self.post_message(self.DeleteRequested(*record, detail))

    def action_move(self, offset: int) -> None:
        record = self._record(MOVABLE)
        if record is not None:
            self.post_message(self.MoveRequested(*record, offset))


# ---- the options: the minutes' lines, grouped by the record they say ------------------------


def pane_options(view: ItemMinuteView | None, section: Section | None) -> list[Option | None]:
    """The pane's options for an item: the minutes' lines, then its tracker actions."""
    if view is None:
        return [Option(Text("No current item: start or select one on the agenda."), disabled=True)]
    options: list[Option | None] = []
    seen: set[str] = set()
    for group in _grouped(section_pieces(section) if section is not None else []):
        source = group[0].source
        if source is None:  # "RESOLVED: -": a heading of the minutes, not a record
            options.append(Option(Text(group[0].line, style="bold"), disabled=True))
            continue
        key = source.key if source.key not in seen else None
        seen.add(source.key)
        options.append(Option(_prompt(group, view), id=key))
    if view.actions:
        options.append(Option(Text("ACTIONS FOR THE TRACKER", style="bold"), disabled=True))
        for action in view.actions:
            options.append(Option(_action(action, view), id=f"action-{action.id}"))
    if view.empty:  # the clerk has recorded nothing on it yet (the minutes may say something)
        options.append(Option(Text(HINT, style="dim"), disabled=True))
    if view.carried_forward:
        options.append(None)
        options.append(
            Option(
                Text(
                    f"OUTSTANDING ACTIONS CARRIED FORWARD ({len(view.carried_forward)}, "
                    "read only — the tracker updates them)",
                    style="bold",
                ),
                disabled=True,
            )
        )
        for action in view.carried_forward:
            options.append(Option(_carried(action, action.exempt), disabled=True))
    return options


def _grouped(pieces: list[Piece]) -> list[list[Piece]]:
    """Consecutive lines saying the same record make one option (a vote's sentence and its
    names; a note of several paragraphs)."""
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups and piece.source is not None and groups[-1][0].source == piece.source:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return groups


def _hanging(prefix: str, body: Text) -> RenderableType:
    """``prefix`` then ``body``, its wrapped lines kept clear of the prefix (a. b., bullets)."""
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=len(prefix))
    grid.add_column(ratio=1)
    grid.add_row(Text(prefix), body)
    return grid


def _line(piece: Piece, style: str = "") -> RenderableType:
    """One line of the minutes as the text export writes it (a bullet drawn as "• ")."""
    body = Text(piece.text, style=style)
    if piece.prefix == BULLET:
        return _hanging("• ", body)
    if piece.prefix.endswith(": "):  # a named vote's row: "For: names"
        return Text.assemble((piece.prefix, "bold"), body)
    return _hanging(piece.prefix, body) if piece.prefix else body


def _prompt(group: list[Piece], view: ItemMinuteView) -> RenderableType:
    source = group[0].source
    assert source is not None
    if source.kind == "vote":
        vote = view.vote(source.id)
        lines: list[RenderableType] = [_vote_head(view, source.id)] if vote else []
        return Group(*lines, *(_line(p) for p in group))
    if source.kind == "resolution":
        resolution = view.resolution(source.id)
        piece = group[0]
        body = Text(piece.text)
        if resolution is not None and resolution.noted:
            body.append("  (noted)", style="dim")
        vote = view.vote(resolution.vote_id) if resolution is not None else None
        if vote is not None:
            body.append(f"  — vote: {vote.outcome} {vote.score}", style="bold")
        return _hanging(piece.prefix, body) if piece.prefix else body
    # Sentences the minutes write from other records, in italics: not typed on this item.
    style = "" if source.kind == "note" else "italic"
    lines = [_line(p, style) for p in group]
    return lines[0] if len(lines) == 1 else Group(*lines)


def _vote_head(view: ItemMinuteView, vote_id: int | None) -> Text:
    """How the vote went, for the clerk (the minutes give only its sentence)."""
    vote = view.vote(vote_id)
    assert vote is not None
    head = Text.assemble(
        ("VOTE ", "bold"),
        (f"on “{vote.motion}” — ", ""),
        (vote.outcome.upper(), "bold green" if vote.carried else "bold red"),
        f" {vote.score}",
        (" · recorded vote" if vote.method == "recorded" else " · show of hands", "dim"),
    )
    if vote.inquorate:
        head.append(" · INQUORATE when taken", style="bold red")
    return head


def _action(action: ActionView, view: ItemMinuteView) -> Text:
    text = Text("→ ", style="bold")
    text.append(f"{action.minute_label}  ", style="dim")
    text.append(action.text)
    who = ", ".join(p for p in (action.owner, f"due {action.due}" if action.due else "") if p)
    if who:
        text.append(f" — {who}", style="bold")
    resolution = view.resolution(action.resolution_id)
    if resolution is not None and resolution.label:
        text.append(f" (from resolution {resolution.label})", style="dim")
    return text


def _carried(action: ActionView, exempt: bool) -> Text:
    month = f" {action.source_date:%b %Y}" if action.source_date else ""
    text = Text(f"{action.minute_number or '—'}{month}  ", style="dim")
    if exempt:  # in words, not colour: confidential, whatever the terminal shows
        text.append("EXEMPT ", style="bold")
    text.append(action.text)
    if action.owner:
        text.append(f" — {action.owner}", style="bold")
    if action.latest_update:
        text.append(f" · {action.latest_update}", style="dim italic")
    return text


def plain_text(prompt: object, width: int = 200) -> str:
    """A record's prompt as the plain words it shows (for the delete question, and tests)."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(prompt)
    return "\n".join(line.rstrip() for line in console.export_text().rstrip().splitlines())
