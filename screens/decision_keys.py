"""The base of the live meeting screen: the keys that record what the meeting decides on the
current item (notes, resolutions, votes, tracker actions) and undo.

The live screen (screens/live.py) subclasses DecisionKeys and provides ``meeting_id``,
``current_item_id`` and ``refresh_live()``; Textual merges these BINDINGS with its own. It
composes an ``ItemMinute`` for the current item, which these keys fill: each record is one
Desk call (one transaction), then ``refresh_live()`` shows it before the next key.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from clerk_tui.desk.decisions import (
    ActionFields,
    ActionView,
    ItemMinuteView,
    NoteFields,
    NoteView,
    ResolutionFields,
    ResolutionView,
    VoteFields,
    VoteView,
)
from clerk_tui.desk.live_action import ReadBack
from clerk_tui.desk.live_view import LiveView
from clerk_tui.desk.unminuted import unminuted
from screens.base import UNDO_BINDING, attempt, desk_of, tell_undone, undo_last
from screens.debate_flow import after_vote, debate_of, take_motion
from screens.dialogs.action import ActionDialog
from screens.dialogs.guarded import ask_and_record
from screens.dialogs.note import NoteDialog
from screens.dialogs.resolution import ResolutionDialog
from screens.dialogs.vote import VoteDialog
from screens.minute_edits import (
    delete_record,
    edit_record,
    move_record,
    restore_sentence,
    reword_sentence,
)
from screens.widgets.item_minute import ItemMinute, item_words, minute_words

# M, which a screen of these keys lists after its everyday ones: the footer drops keys from the
# end of its bindings as it narrows, and a subclass's own bindings come after these (a key bound
# here again would keep this place), so the live screen places it, after "a".
MOTION_BINDING = Binding(
    "M",
    "motion",
    "Motion",
    tooltip="A motion on the current item: moved, seconded, amended (the debate)",
    id="motion",
)


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
        UNDO_BINDING,
    ]

    meeting_id: int
    view: LiveView | None = None  # the meeting as last stored: refresh_live() sets it

    @property
    def current_item_id(self) -> int | None:
        """The item now being taken (or the selected one, when none is running)."""
        raise NotImplementedError

    def refresh_live(self, *, view: LiveView | None = None) -> None:
        """Redraw the agenda, the clock bar and the current item's minute: from ``view`` (what a
        record read back inside its own transaction), else read from the Desk."""
        raise NotImplementedError

    # ---- shared --------------------------------------------------------------------------
    @property
    def item_minute(self) -> ItemMinute | None:
        found = self.query(ItemMinute)
        return found.first() if found else None

    def _current(self) -> ItemMinuteView | None:
        """The current item's minute as last stored, or None (and say why) when there is none."""
        item_id, view = self.current_item_id, self.view
        if item_id is None or view is None:
            self.notify(
                "There is no current item: start one (s) or select one on the agenda",
                severity="warning",
            )
            return None
        line = view.line(item_id)
        reason = None if line is None else unminuted(view.closed, line.item)
        if reason is not None:  # asked before a dialog opens; the Desk asks again
            self.notify(reason, title="Not recorded", severity="warning", markup=False)
            return None
        return attempt(self, lambda: view.minute(item_id))

    def _selected_resolution(self, view: ItemMinuteView) -> ResolutionView | None:
        minute = self.item_minute
        selected = minute.selected_resolution if minute is not None else None
        return selected if selected is not None and selected.item_id == view.item.id else None

    def redraw(self, back: ReadBack) -> None:
        """A record is stored: redraw from the meeting it read back as committed."""
        if back.snapshot is None:
            self.refresh_live()  # recorded with no meeting to read back
        else:
            self.refresh_live(view=back.seen_at(desk_of(self).now()))

    def _shown(self, key: str, back: ReadBack, message: str = "") -> None:
        """A record is stored: highlight it, redraw the screen as committed, say so."""
        minute = self.item_minute
        if minute is not None:
            minute.select_after_load(key)
        self.redraw(back)
        if message:
            self.notify(message, timeout=4, markup=False)

    def show_minute(self, item_id: int | None) -> None:
        """Hand the record pane its slice of the meeting: the item's records and what its
        minutes section says, both from the snapshot the screen holds (no read)."""
        pane = self.item_minute
        view = self.view
        if pane is None:
            return
        if view is None or item_id is None or view.line(item_id) is None:
            pane.show(None, None)
            return
        pane.show(view.minute(item_id), view.section(item_id))

    # ---- the record pane's requests: edit, delete, move -----------------------------------
    def on_item_minute_edit_requested(self, event: ItemMinute.EditRequested) -> None:
        event.stop()
        if event.kind == "speakers":
            # Imported here: the speaker keys build on this class (a cycle at the top).
            from screens.speaker_keys import list_speakers

            list_speakers(self)
        elif self.item_minute is not None:
            edit_record(self, self.item_minute, event.kind, event.record_id, self.redraw)

    def on_item_minute_delete_requested(self, event: ItemMinute.DeleteRequested) -> None:
        event.stop()
        delete_record(self, event.kind, event.record_id, event.detail, self.redraw)

    def on_item_minute_move_requested(self, event: ItemMinute.MoveRequested) -> None:
        event.stop()
        if self.item_minute is not None:
            move_record(
                self, self.item_minute, event.kind, event.record_id, event.offset, self.redraw
            )

    def on_item_minute_reword_requested(self, event: ItemMinute.RewordRequested) -> None:
        event.stop()
        if self.item_minute is not None:
            reword_sentence(self, self.item_minute, event.source, event.sentence, self.redraw)

    def on_item_minute_restore_requested(self, event: ItemMinute.RestoreRequested) -> None:
        event.stop()
        if self.item_minute is not None:
            restore_sentence(self, self.item_minute, event.source, event.sentence, self.redraw)

    # ---- m: minute note ------------------------------------------------------------------
    def action_minute_note(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        back = ReadBack()  # the meeting as this record leaves it

        def record(fields: NoteFields) -> NoteView:
            return desk_of(self).decisions.add_note(item_id, fields, read_back=back)

        ask_and_record(
            self,
            NoteDialog(item_words(view)),
            record,
            lambda note: self._shown(f"note-{note.id}", back),
        )

    # ---- r: resolution -------------------------------------------------------------------
    def action_resolution(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        back = ReadBack()  # the meeting as this record leaves it
        parents = [r for r in view.resolutions if r.parent_id is None]
        dialog = ResolutionDialog(
            item_words(view), parents, parent_id=_likely_parent(self._selected_resolution(view))
        )

        approved: list[date] = []  # the earlier minutes it approves, if it confirms them

        def record(fields: ResolutionFields) -> ResolutionView:
            approved.clear()  # a refused attempt leaves nothing behind for the next
            return desk_of(self).decisions.add_resolution(
                item_id, fields, read_back=back, approved=approved
            )

        ask_and_record(
            self,
            dialog,
            record,
            lambda resolution: self._shown(
                f"resolution-{resolution.id}", back, approval_words(approved)
            ),
        )

    # ---- v: vote -------------------------------------------------------------------------
    def action_vote(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        back = ReadBack()  # the meeting as this record leaves it
        setup = attempt(self, lambda: desk_of(self).decisions.vote_setup(item_id))
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
        debate = debate_of(self, item_id)
        if debate is None:
            return
        dialog = VoteDialog(
            setup,
            motion=_motion(view, resolution) if resolution else "",
            resolution_id=resolution.id if resolution else None,
            resolution_label=resolution.label if resolution else "",
            debate=debate,
        )

        def record(fields: VoteFields) -> tuple[VoteFields, VoteView]:
            # An inquorate meeting's vote is recorded only once the dialog has asked.
            confirmed = dialog.inquorate_confirmed
            vote = desk_of(self).decisions.record_vote(
                item_id, fields, inquorate_confirmed=confirmed, read_back=back
            )
            return fields, vote

        def shown(recorded: tuple[VoteFields, VoteView]) -> None:
            fields, vote = recorded
            key = _vote_key(fields, vote)
            self._shown(key, back, f"Vote recorded: {vote.outcome} {vote.score}")
            # An amendment carried: the clerk confirms the motion's words as amended.
            after_vote(self, item_id, fields.motion_id, vote.carried, self._shown)

        ask_and_record(self, dialog, record, shown)

    # ---- t: tracker action ---------------------------------------------------------------
    def action_tracker_action(self) -> None:
        view = self._current()
        if view is None:
            return
        item_id = view.item.id
        back = ReadBack()  # the meeting as this record leaves it
        resolution = self._selected_resolution(view)
        owners = attempt(self, lambda: desk_of(self).decisions.action_owners(view.body_id)) or []
        dialog = ActionDialog(
            item_words(view),
            minute=minute_words(view),
            text=_action_text(view, resolution),
            owners=owners,
            resolution_id=resolution.id if resolution else None,
            resolution_label=resolution.label if resolution else "",
        )

        def record(fields: ActionFields) -> ActionView:
            return desk_of(self).decisions.add_action(item_id, fields, read_back=back)

        def shown(action: ActionView) -> None:
            owner = f" for {action.owner}" if action.owner else ""
            self._shown(
                f"action-{action.id}",
                back,
                f"Action{owner} added to the tracker (minute {action.minute_label})",
            )

        ask_and_record(self, dialog, record, shown)

    # ---- M: motion --------------------------------------------------------------------------
    def action_motion(self) -> None:
        view = self._current()
        if view is not None:
            take_motion(self, view.item.id, self._shown)

    # ---- ctrl+z: undo --------------------------------------------------------------------
    def action_undo(self) -> None:
        words = undo_last(self, self.meeting_id)
        if words is not None:
            self.refresh_live()
            tell_undone(self, words)


def approval_words(approved: list[date]) -> str:
    """What recording a confirmation changed beyond this meeting (Home's minutes column)."""
    if not approved:
        return ""
    dates = " and ".join(f"{day:%-d %b %Y}" for day in approved)
    return f"Minutes of {dates} approved: Home now shows them as approved"


def _vote_key(fields: VoteFields, vote: VoteView) -> str:
    """The line a vote leaves highlighted. A vote on a resolution keeps the resolution (its
    line shows the outcome), so t can go straight on to the action it asks for; a vote on a
    motion is said in the motion's block."""
    if fields.resolution_id:
        return f"resolution-{fields.resolution_id}"
    if fields.motion_id:
        return f"motion-{fields.motion_id}"
    return f"vote-{vote.id}"


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


def _action_text(view: ItemMinuteView, resolution: ResolutionView | None) -> str:
    """What a tracker action starts from: the selected resolution with its sub-points, each on
    its own line as the minutes list them ("The Commissioner be asked to:" alone says nothing
    to do); a selected sub-point comes with the resolution it completes."""
    if resolution is None:
        return ""
    parent = view.resolution(resolution.parent_id)
    if parent is not None:
        return f"{parent.text}\n{resolution.label} {resolution.text}"
    subs = [f"{r.label} {r.text}" for r in view.resolutions if r.parent_id == resolution.id]
    return "\n".join([resolution.text, *subs])


def _motion(view: ItemMinuteView, resolution: ResolutionView) -> str:
    """The words put to the vote: the resolution, with its sub-points when it has them."""
    parts = [resolution.text]
    parts += [f"{r.label} {r.text}" for r in view.resolutions if r.parent_id == resolution.id]
    return " ".join(parts)
