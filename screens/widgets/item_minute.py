"""The current item's minute on the live screen: what has been recorded on it so far.

One line (or paragraph) per record — notes, votes, resolutions, actions — in the order the
minutes will give them. The clerk moves through them with up / down and edits (enter), deletes
(delete, asks first) or moves (ctrl+up / ctrl+down) the highlighted one. For the previous
minutes item the body's outstanding actions are listed too, read only: what is carried forward.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import ClassVar

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from clerk_tui.desk.decisions import (
    ActionView,
    ItemMinuteView,
    NoteView,
    ResolutionView,
    VoteView,
)
from screens.base import attempt, desk_of
from screens.dialogs.action import ActionDialog
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.vote import CHOICE_WORDS, NamedVotesDialog

HINT = "Nothing minuted yet — m note · r resolution · v vote · t action"


def item_words(view: ItemMinuteView) -> str:
    """How dialogs name the item: "item 8 REBUILDING NEIGHBOURHOOD POLICING"."""
    item = view.item
    return f"item {item.number} {item.title}" if item.number else item.title


def minute_words(view: ItemMinuteView) -> str:
    if view.minute_number is None:
        return "— no number until the item starts"
    return f"{view.minute_number} (provisional)" if view.provisional else str(view.minute_number)


class ItemMinute(OptionList):
    """Shows the records of one agenda item; ``load(item_id)`` re-reads them from the Desk."""

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

    class Changed(Message):
        """A record on the item was edited, deleted or moved here: the screen should redraw."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.item_id: int | None = None
        self.view: ItemMinuteView | None = None
        self._select_next: str | None = None
        self.border_title = "Minute"

    # ---- reading -------------------------------------------------------------------------
    def load(self, item_id: int | None) -> None:
        """Re-read the item's records; keep the highlight on the same record where it still
        exists (or move it to the one just recorded, see ``select_after_load``)."""
        wanted, self._select_next = self._select_next, None
        keep = wanted or (self._highlighted_id() if item_id == self.item_id else None)
        self.item_id = item_id
        self.view = None
        if item_id is not None:
            self.view = attempt(self, lambda: desk_of(self).decisions.item_minute(item_id))
        self.set_options(self._build_options())
        self._title()
        index = self._index_of(keep)
        self.highlighted = index

    def select_after_load(self, key: str) -> None:
        """Highlight the record ``key`` ("note-5", "resolution-3" ...) at the next load."""
        self._select_next = key

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

    # ---- what it shows -------------------------------------------------------------------
    def _build_options(self) -> list[Option | None]:
        view = self.view
        if view is None:
            return [
                Option(Text("No current item: start or select one on the agenda."), disabled=True)
            ]
        options: list[Option | None] = []
        for note in view.notes:
            options.append(Option(_note(note), id=f"note-{note.id}"))
        for vote in view.votes:
            options.append(Option(_vote(vote), id=f"vote-{vote.id}"))
        if view.resolutions:
            options.append(Option(Text("RESOLVED: -", style="bold"), disabled=True))
            for resolution in view.resolutions:
                vote = view.vote(resolution.vote_id)
                options.append(
                    Option(_resolution(resolution, vote), id=f"resolution-{resolution.id}")
                )
        if view.actions:
            options.append(Option(Text("ACTIONS FOR THE TRACKER", style="bold"), disabled=True))
            for action in view.actions:
                options.append(Option(_action(action, view), id=f"action-{action.id}"))
        if view.empty:
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

    # ---- editing -------------------------------------------------------------------------
    def _record(self) -> tuple[str, int] | None:
        key = self._highlighted_id()
        if key is None or self.view is None:
            self.notify("Highlight a record first (up / down)", severity="warning")
            return None
        kind, _, number = key.partition("-")
        return kind, int(number)

    def _done(self, key: str | None = None) -> None:
        """A record changed: show it at once, then let the screen redraw the rest."""
        if key is not None:
            self.select_after_load(key)
        self.load(self.item_id)
        self.post_message(self.Changed())

    def _edited(self, _: object) -> None:
        self._done()

    def action_edit(self) -> None:
        """Each edit records while its dialog is open: a refusal keeps the words there."""
        record = self._record()
        if record is None or self.view is None:
            return
        kind, record_id = record
        view = self.view
        where = item_words(view)
        desk = desk_of(self)
        if kind == "note":
            note = next(n for n in view.notes if n.id == record_id)
            dialog = NoteDialog(where, note)
            ask_and_record(
                self, dialog, lambda f: desk.decisions.edit_note(note.id, f), self._edited
            )
        elif kind == "resolution":
            resolution = view.resolution(record_id)
            if resolution is None:
                return
            parents = [r for r in view.resolutions if r.parent_id is None]
            edit = ResolutionDialog(where, parents, resolution)
            ask_and_record(
                self, edit, lambda f: desk.decisions.edit_resolution(record_id, f), self._edited
            )
        elif kind == "vote":
            self._name_votes(record_id)
        elif kind == "action":
            action = next(a for a in view.actions if a.id == record_id)
            owners = attempt(self, lambda: desk.decisions.action_owners(view.body_id)) or []
            source = view.resolution(action.resolution_id)
            form = ActionDialog(
                where,
                minute=action.minute_label,
                owners=owners,
                resolution_label=source.label if source else "",
                action=action,
            )
            ask_and_record(
                self, form, lambda f: desk.decisions.edit_action(action.id, f), self._edited
            )

    def _name_votes(self, vote_id: int) -> None:
        """After a show of hands, the members who ask for their own vote to be recorded."""
        view = self.view
        vote = view.vote(vote_id) if view else None
        if view is None or vote is None:
            return
        if vote.method == "recorded":
            self.notify(
                "A recorded vote names everyone already: delete it and take it again to correct it",
                severity="warning",
            )
            return
        desk = desk_of(self)
        setup = attempt(self, lambda: desk.decisions.vote_setup(view.item.id))
        if setup is None:
            return
        dialog = NamedVotesDialog(setup, vote)
        ask_and_record(
            self, dialog, lambda c: desk.decisions.record_named_votes(vote_id, c), self._edited
        )

    def action_delete_record(self) -> None:
        record = self._record()
        if record is None or self.view is None:
            return
        kind, record_id = record
        desk = desk_of(self)
        deletes: dict[str, tuple[str, Callable[[int], None]]] = {
            "note": ("this note", desk.decisions.delete_note),
            "resolution": (
                "this resolution (and its sub-points)",
                desk.decisions.delete_resolution,
            ),
            "vote": ("this vote", desk.decisions.delete_vote),
            "action": ("this action (it leaves the tracker too)", desk.decisions.delete_action),
        }
        what, delete = deletes[kind]
        option = self.highlighted_option
        detail = plain_text(option.prompt, 80) if option is not None else ""

        def answered(yes: bool | None) -> None:
            if yes and _did(self, lambda: delete(record_id)):
                self._done()

        self.app.push_screen(ConfirmDialog(f"Delete {what}?", _clip(detail, 300)), answered)

    def action_move(self, offset: int) -> None:
        record = self._record()
        if record is None:
            return
        kind, record_id = record
        desk = desk_of(self)
        moves: dict[str, Callable[[int, int], None]] = {
            "note": desk.decisions.move_note,
            "resolution": desk.decisions.move_resolution,
        }
        move = moves.get(kind)
        if move is None:
            self.notify("Only notes and resolutions can be moved", severity="warning")
            return
        if _did(self, lambda: move(record_id, offset)):
            self._done(f"{kind}-{record_id}")


# ---- one record, as the minutes will read it ---------------------------------------------


def _hanging(prefix: str, body: Text) -> RenderableType:
    """``prefix`` then ``body``, its wrapped lines kept clear of the prefix (a. b., bullets)."""
    grid = Table.grid()
    grid.add_column(no_wrap=True, width=len(prefix))
    grid.add_column(ratio=1)
    grid.add_row(Text(prefix), body)
    return grid


def _note(note: NoteView) -> RenderableType:
    if note.kind == "bullet":
        return _hanging("• ", Text(note.text))
    return Text(note.text)


def _vote(vote: VoteView) -> RenderableType:
    head = Text.assemble(
        ("VOTE ", "bold"),
        (f"on “{vote.motion}” — ", ""),
        (vote.outcome.upper(), "bold green" if vote.carried else "bold red"),
        f" {vote.score}",
        (" · recorded vote" if vote.method == "recorded" else " · show of hands", "dim"),
    )
    lines: list[RenderableType] = [head]
    if vote.inquorate:
        lines.append(Text("INQUORATE when taken (the minutes will say so)", style="bold red"))
    lines.append(Text(vote.outcome_text, style="italic"))
    for choice, words in CHOICE_WORDS.items():
        if vote.names(choice):
            lines.append(Text.assemble((f"{words}: ", "bold"), ", ".join(vote.names(choice))))
    return Group(*lines)


def _resolution(resolution: ResolutionView, vote: VoteView | None) -> RenderableType:
    text = Text(resolution.text)
    if resolution.noted:
        text.append("  (noted)", style="dim")
    if vote is not None:
        text.append(f"  — vote: {vote.outcome} {vote.score}", style="bold")
    if resolution.parent_id is not None:
        return _hanging(f"    {resolution.label} ", text)
    return _hanging(f"{resolution.label} ", text) if resolution.label else text


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


def _did(node: ItemMinute, call: Callable[[], None]) -> bool:
    """Run a Desk call that returns nothing; True when it was recorded."""
    return attempt(node, lambda: (call(), True)[1]) is True


def plain_text(prompt: object, width: int = 200) -> str:
    """A record's prompt as the plain words it shows (for the delete question, and tests)."""
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(prompt)
    return "\n".join(line.rstrip() for line in console.export_text().rstrip().splitlines())


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
