"""The base of the live meeting screen: the keys that record what the meeting decides on the
current item (notes, resolutions, votes, tracker actions) and undo.

The live screen (screens/live.py) subclasses DecisionKeys and provides ``meeting_id``,
``current_item_id`` and ``refresh_live()``; Textual merges these BINDINGS with its own. It
composes an ``ItemMinute`` for the current item, which these keys fill: each record is one
Desk call (one transaction), then ``refresh_live()`` shows it before the next key.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from clerk_tui.desk.decisions import (
    ActionFields,
    ItemMinuteView,
    NoteFields,
    ResolutionFields,
    ResolutionView,
    VoteFields,
    VoteSetup,
)
from clerk_tui.errors import ClerkError
from screens.base import attempt, desk_of
from screens.dialogs.action import ActionDialog
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.vote import VoteDialog
from screens.widgets.item_minute import ItemMinute, item_words, minute_words


class DecisionKeys(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "m",
            "minute_note",
            "Note",
            tooltip="Minute a paragraph or discussion point on the current item",
            id="minute-note",
        ),
        Binding(
            "r",
            "resolution",
            "Resolution",
            tooltip="Record what was resolved on the current item",
            id="resolution",
        ),
        Binding("v", "vote", "Vote", tooltip="Record a vote on the current item", id="vote"),
        Binding(
            "t",
            "tracker_action",
            "Action",
            tooltip="Create a tracker action from the current item (and selected resolution)",
            id="tracker-action",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            tooltip="Take back the last record of this meeting",
            id="undo",
        ),
    ]

    meeting_id: int

    @property
    def current_item_id(self) -> int | None:
        """The item now being taken (or the selected one, when none is running)."""
        raise NotImplementedError

    def refresh_live(self) -> None:
        """Redraw the agenda, the clock bar and the current item's minute from the Desk."""
        raise NotImplementedError

    # ---- shared --------------------------------------------------------------------------
    @property
    def item_minute(self) -> ItemMinute | None:
        found = self.query(ItemMinute)
        return found.first() if found else None

    def _current(self) -> ItemMinuteView | None:
        """The current item's minute as stored, or None (and say why) when there is none."""
        item_id = self.current_item_id
        if item_id is None:
            self.notify(
                "There is no current item: start one (s) or select one on the agenda",
                severity="warning",
            )
            return None
        return attempt(self, lambda: desk_of(self).item_minute(item_id))

    def _selected_resolution(self, view: ItemMinuteView) -> ResolutionView | None:
        minute = self.item_minute
        selected = minute.selected_resolution if minute is not None else None
        return selected if selected is not None and selected.item_id == view.item.id else None

    def _shown(self, key: str, message: str = "") -> None:
        """A record is stored: highlight it, redraw the screen from the Desk, say so."""
        minute = self.item_minute
        if minute is not None:
            minute.select_after_load(key)
        self.refresh_live()
        if message:
            self.notify(message, timeout=4, markup=False)

    def on_item_minute_changed(self, event: ItemMinute.Changed) -> None:
        self.refresh_live()

    # ---- m: minute note ------------------------------------------------------------------
    def action_minute_note(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id

        def recorded(fields: NoteFields | None) -> None:
            if fields is None:
                return
            note = attempt(self, lambda: desk_of(self).add_note(item_id, fields))
            if note is not None:
                self._shown(f"note-{note.id}")

        self.app.push_screen(NoteDialog(item_words(view)), recorded)

    # ---- r: resolution -------------------------------------------------------------------
    def action_resolution(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        parents = [r for r in view.resolutions if r.parent_id is None]
        dialog = ResolutionDialog(
            item_words(view), parents, parent_id=_likely_parent(self._selected_resolution(view))
        )

        def recorded(fields: ResolutionFields | None) -> None:
            if fields is None:
                return
            resolution = attempt(self, lambda: desk_of(self).add_resolution(item_id, fields))
            if resolution is not None:
                self._shown(f"resolution-{resolution.id}")

        self.app.push_screen(dialog, recorded)

    # ---- v: vote -------------------------------------------------------------------------
    def action_vote(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        setup = attempt(self, lambda: desk_of(self).vote_setup(item_id))
        if setup is None:
            return
        if not setup.voters:
            self.notify(
                "No voting members are marked present: record the attendance (a) first",
                severity="warning",
            )
            return
        resolution = self._selected_resolution(view)
        if resolution is not None and resolution.parent_id is not None:
            # A sub-point is not put to the vote alone: the resolution it belongs to is.
            resolution = view.resolution(resolution.parent_id)
        dialog = VoteDialog(
            setup,
            motion=_motion(view, resolution) if resolution else "",
            resolution_id=resolution.id if resolution else None,
            resolution_label=resolution.label if resolution else "",
        )

        def counted(fields: VoteFields | None) -> None:
            if fields is None:
                return
            if setup.quorate:
                self._record_vote(item_id, fields, confirmed=False)
                return
            self.app.push_screen(
                ConfirmDialog(
                    "The meeting is inquorate. Record the vote anyway?",
                    _inquorate_words(setup),
                ),
                lambda yes: self._record_vote(item_id, fields, confirmed=True) if yes else None,
            )

        self.app.push_screen(dialog, counted)

    def _record_vote(self, item_id: int, fields: VoteFields, *, confirmed: bool) -> None:
        vote = attempt(
            self,
            lambda: desk_of(self).record_vote(item_id, fields, inquorate_confirmed=confirmed),
        )
        if vote is not None:
            # A vote on a resolution keeps the resolution highlighted (its line shows the
            # outcome), so t can go straight on to the action it asks for.
            key = (
                f"resolution-{fields.resolution_id}" if fields.resolution_id else f"vote-{vote.id}"
            )
            self._shown(key, f"Vote recorded: {vote.outcome} {vote.score}")

    # ---- t: tracker action ---------------------------------------------------------------
    def action_tracker_action(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        resolution = self._selected_resolution(view)
        owners = attempt(self, lambda: desk_of(self).action_owners(view.body_id)) or []
        dialog = ActionDialog(
            item_words(view),
            minute=minute_words(view),
            text=resolution.text if resolution else "",
            owners=owners,
            resolution_id=resolution.id if resolution else None,
            resolution_label=resolution.label if resolution else "",
        )

        def recorded(fields: ActionFields | None) -> None:
            if fields is None:
                return
            action = attempt(self, lambda: desk_of(self).add_action(item_id, fields))
            if action is not None:
                owner = f" for {action.owner}" if action.owner else ""
                self._shown(
                    f"action-{action.id}",
                    f"Action{owner} added to the tracker (minute {action.minute_label})",
                )

        self.app.push_screen(dialog, recorded)

    # ---- ctrl+z: undo --------------------------------------------------------------------
    def action_undo(self) -> None:
        try:
            words = desk_of(self).undo_last(self.meeting_id)
        except ClerkError as error:
            self.notify(str(error), title="Not undone", severity="error", timeout=8, markup=False)
            return
        if words is None:
            self.notify("Nothing more to undo at this meeting", severity="warning")
            return
        self.refresh_live()
        self.notify(f"Undone: {words}", title="Undo", timeout=5, markup=False)


def _likely_parent(selected: ResolutionView | None) -> int | None:
    """The resolution a new one probably hangs from: the one the clerk is listing sub-points
    of (a selected sub-point's parent, or a selected resolution ending "…:" / "- ")."""
    if selected is None:
        return None
    if selected.parent_id is not None:
        return selected.parent_id
    if selected.text.rstrip().endswith((":", "-", "–")):
        return selected.id
    return None


def _motion(view: ItemMinuteView, resolution: ResolutionView) -> str:
    """The words put to the vote: the resolution, with its sub-points when it has them."""
    parts = [resolution.text]
    parts += [f"{r.label} {r.text}" for r in view.resolutions if r.parent_id == resolution.id]
    return " ".join(parts)


def _inquorate_words(setup: VoteSetup) -> str:
    return (
        f"{setup.present} voting members are present for this item and the quorum is "
        f"{setup.quorum}. The vote will be marked as taken while inquorate, and the minutes "
        "will say so."
    )
