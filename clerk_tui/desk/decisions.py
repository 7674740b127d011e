"""Decisions on the spot: minute notes, resolutions, votes and tracker actions on an item.

Each public method that writes is one clerk action: one transaction (``Store.recording``) with
its audit events, so ``desk.undo.undo_last`` can take the whole action back at once; given a
``read_back``, it reads the meeting into it inside that transaction, so the live screen shows
what was committed without a second one. The rules
come from ``clerk_tui.rules`` (votes, quorum, declarations) and ``clerk_tui.numbering``
(provisional minute numbers); the reads from ``db.decision_queries``. Screens import the fields
and read models from here, never from ``db``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from sqlmodel import Session

from clerk_tui.desk import motion_votes, votes
from clerk_tui.desk.decision_fields import ActionFields, NoteFields, ResolutionFields, VoteFields
from clerk_tui.desk.item_record import (
    item_for,
    item_words,
    labelled,
    minute_numbers,
    read_item_minute,
    short,
)
from clerk_tui.desk.live_action import ReadBack, recording
from clerk_tui.desk.reordering import reorder
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.desk.unminuted import refuse_unminuted
from clerk_tui.errors import ClerkError
from db import decision_queries as dq
from db import models
from db.decision_queries import (
    ActionView,
    ItemMinuteView,
    NamedVoteView,
    NoteView,
    ResolutionView,
    VoterView,
    VoteSetup,
    VoteView,
)

# Where a recording also hands back the meeting as committed (live_action.recording).
Back = ReadBack | None


class DecisionService:
    """``desk.decisions``: what is recorded on an agenda item as the meeting decides it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- reads ---------------------------------------------------------------------------
    def item_minute(self, item_id: int) -> ItemMinuteView:
        """Everything recorded on an item, with labels and (provisional) minute numbers."""
        with self.store.reading() as session:
            return read_item_minute(session, item_id)

    def vote_setup(self, item_id: int) -> VoteSetup:
        """Who may vote on the item now, the membership and the quorum."""
        with self.store.reading() as session:
            item = get(session, models.AgendaItem, item_id, "agenda item")
            return votes.vote_setup(session, item)

    def action_owners(self, body_id: int) -> list[str]:
        with self.store.reading() as session:
            return dq.action_owners(session, body_id)

    # ---- minute notes --------------------------------------------------------------------
    def add_note(self, item_id: int, fields: NoteFields, *, read_back: Back = None) -> NoteView:
        fields.check()
        with recording(self.store, read_back) as changes:
            item = item_for(changes, item_id)
            refuse_unminuted(changes.session, item)
            position = 1 + max((n.position for n in dq.notes(changes.session, item_id)), default=-1)
            row = changes.add(
                models.MinuteNote(
                    item_id=item_id,
                    position=position,
                    kind=fields.kind,
                    text=fields.text.strip(),
                    created_at=changes.at,
                ),
                summary=f"{_note_word(fields.kind)} on {item_words(item)}",
            )
            return dq.note_view(row)

    def edit_note(self, note_id: int, fields: NoteFields, *, read_back: Back = None) -> NoteView:
        fields.check()
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.MinuteNote, note_id, "note")
            item = item_for(changes, row.item_id)
            changes.update(
                row,
                f"edit of a {_note_word(fields.kind)} on {item_words(item)}",
                kind=fields.kind,
                text=fields.text.strip(),
            )
            return dq.note_view(row)

    def delete_note(self, note_id: int, *, read_back: Back = None) -> None:
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.MinuteNote, note_id, "note")
            item = item_for(changes, row.item_id)
            changes.delete(row, f"deletion of a {_note_word(row.kind)} on {item_words(item)}")

    def move_note(self, note_id: int, offset: int, *, read_back: Back = None) -> None:
        """Move a note up (-1) or down (+1) among its item's notes."""
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.MinuteNote, note_id, "note")
            item = item_for(changes, row.item_id)
            reorder(
                changes,
                dq.notes(changes.session, row.item_id),
                row,
                offset,
                f"reordering of the notes on {item_words(item)}",
            )

    # ---- resolutions ---------------------------------------------------------------------
    def add_resolution(
        self,
        item_id: int,
        fields: ResolutionFields,
        *,
        read_back: Back = None,
        approved: list[date] | None = None,
    ) -> ResolutionView:
        """Given ``approved``, the dates of the earlier minutes this resolution approves (one
        "confirmed as a correct record" under the minutes item) are put in it, so the screen
        can say so: the approval changes another meeting, which the live screen does not show."""
        fields.check()
        with recording(self.store, read_back) as changes:
            item = item_for(changes, item_id)
            refuse_unminuted(changes.session, item)
            _check_parent(changes.session, item_id, fields.parent_id, None)
            siblings = dq.siblings(changes.session, item_id, fields.parent_id)
            row = changes.add(
                models.Resolution(
                    item_id=item_id,
                    position=1 + max((s.position for s in siblings), default=-1),
                    text=fields.text.strip(),
                    parent_id=fields.parent_id,
                    noted=fields.noted,
                    created_at=changes.at,
                ),
                summary=f"resolution “{short(fields.text)}” on {item_words(item)}",
            )
            resolution_id = row.id or 0
            confirmed = _recognise_confirmation(changes, item)
            if approved is not None:
                approved.extend(meeting.date for meeting in confirmed)
            return labelled(changes.session, item_id, resolution_id)

    def edit_resolution(
        self, resolution_id: int, fields: ResolutionFields, *, read_back: Back = None
    ) -> ResolutionView:
        fields.check()
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.Resolution, resolution_id, "resolution")
            item = item_for(changes, row.item_id)
            _check_parent(changes.session, row.item_id, fields.parent_id, row)
            values: dict[str, object] = {"text": fields.text.strip(), "noted": fields.noted}
            if fields.parent_id != row.parent_id:
                siblings = dq.siblings(changes.session, row.item_id, fields.parent_id)
                values["parent_id"] = fields.parent_id
                values["position"] = 1 + max((s.position for s in siblings), default=-1)
            changes.update(
                row, f"edit of resolution “{short(fields.text)}” on {item_words(item)}", **values
            )
            _recognise_confirmation(changes, item)
            return labelled(changes.session, row.item_id, resolution_id)

    def delete_resolution(self, resolution_id: int, *, read_back: Back = None) -> None:
        """Delete a resolution with its sub-points; actions made from it stay, unlinked."""
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.Resolution, resolution_id, "resolution")
            item = item_for(changes, row.item_id)
            summary = f"deletion of resolution “{short(row.text)}” on {item_words(item)}"
            # Every dependent row is changed explicitly (not left to ON DELETE), so the audit
            # holds it and undo puts it all back.
            doomed = [
                r for r in dq.resolutions(changes.session, row.item_id) if r.parent_id == row.id
            ]
            doomed.append(row)
            for each in doomed:
                for action in dq.actions_of_resolution(changes.session, each.id or 0):
                    changes.update(action, summary, resolution_id=None)
            for each in doomed:
                changes.delete(each, summary)

    def move_resolution(self, resolution_id: int, offset: int, *, read_back: Back = None) -> None:
        """Move a resolution up (-1) or down (+1) among its siblings (sub-points stay with it)."""
        with recording(self.store, read_back) as changes:
            row = get(changes.session, models.Resolution, resolution_id, "resolution")
            item = item_for(changes, row.item_id)
            reorder(
                changes,
                dq.siblings(changes.session, row.item_id, row.parent_id),
                row,
                offset,
                f"reordering of the resolutions on {item_words(item)}",
            )

    # ---- votes ---------------------------------------------------------------------------
    def record_vote(
        self,
        item_id: int,
        fields: VoteFields,
        *,
        inquorate_confirmed: bool = False,
        read_back: Back = None,
    ) -> VoteView:
        """Count and store a vote on an item, with its sentence for the minutes.

        The room is read again inside the transaction, so the vote is counted against who is
        present when it is stored. A vote while inquorate is refused unless the clerk has
        confirmed it, and is then marked inquorate.
        """
        if fields.motion_id is None:  # a motion's words are read inside the transaction
            fields.check()
        with recording(self.store, read_back) as changes:
            return votes.record(changes, item_id, fields, inquorate_confirmed=inquorate_confirmed)

    def record_named_votes(
        self, vote_id: int, choices: Mapping[int, str], *, read_back: Back = None
    ) -> VoteView:
        """After a show of hands, record by name the votes of members who asked for it.

        ``choices`` is the whole set of named votes wanted (a member left out loses theirs);
        no more names for a side than the hands counted for it.
        """
        with recording(self.store, read_back) as changes:
            return votes.record_named(changes, vote_id, choices)

    def delete_vote(self, vote_id: int, *, read_back: Back = None) -> None:
        with recording(self.store, read_back) as changes:
            session = changes.session
            vote = get(session, models.Vote, vote_id, "vote")
            item = item_for(changes, vote.item_id)
            on = motion_votes.called(session, vote)
            summary = f"deletion of the vote on {on} on {item_words(item)}"
            motion_votes.unsettle(changes, vote, summary)
            for resolution in dq.resolutions_of_vote(session, vote_id):
                if motion_votes.made_by(session, resolution, vote):
                    changes.delete(resolution, summary)
                else:
                    changes.update(resolution, summary, vote_id=None)
            for person_vote in dq.person_votes(session, vote_id):
                changes.delete(person_vote, summary)
            changes.delete(vote, summary)

    # ---- tracker actions -----------------------------------------------------------------
    def add_action(
        self, item_id: int, fields: ActionFields, *, read_back: Back = None
    ) -> ActionView:
        """A tracker action from an item (and a resolution on it). Its minute number is the
        item's: left empty while the meeting is live, written when the meeting closes."""
        fields.check()
        with recording(self.store, read_back) as changes:
            session = changes.session
            item = item_for(changes, item_id)
            refuse_unminuted(session, item)
            meeting = get(session, models.Meeting, item.meeting_id, "meeting")
            if fields.resolution_id is not None:
                resolution = get(session, models.Resolution, fields.resolution_id, "resolution")
                if resolution.item_id != item_id:
                    raise ClerkError("that resolution belongs to another item", where="resolution")
            row = changes.add(
                models.Action(
                    body_id=item.body_id,
                    meeting_id=item.meeting_id,
                    item_id=item_id,
                    resolution_id=fields.resolution_id,
                    # Only a closed meeting's numbers are fixed; while live the number stays
                    # empty and closing the meeting writes it.
                    minute_number=item.minute_number if meeting.status == "closed" else None,
                    text=fields.text.strip(),
                    owner=fields.owner.strip(),
                    due=fields.due.strip(),
                    created_at=changes.at,
                ),
                summary=f"action “{short(fields.text)}” for {fields.owner.strip() or 'no owner'}",
            )
            numbers = minute_numbers(session, meeting)
            return replace(dq.action_view(row), provisional_minute=numbers.get(item_id))

    def edit_action(
        self, action_id: int, fields: ActionFields, *, read_back: Back = None
    ) -> ActionView:
        fields.check()
        with recording(self.store, read_back) as changes:
            session = changes.session
            row = get(session, models.Action, action_id, "action")
            if row.meeting_id is not None:
                changes.meeting_id = row.meeting_id
            changes.update(
                row,
                f"edit of action “{short(fields.text)}”",
                text=fields.text.strip(),
                owner=fields.owner.strip(),
                due=fields.due.strip(),
            )
            numbers = {}
            if row.meeting_id is not None:
                meeting = get(session, models.Meeting, row.meeting_id, "meeting")
                numbers = minute_numbers(session, meeting)
            return replace(dq.action_view(row), provisional_minute=numbers.get(row.item_id or 0))

    def delete_action(self, action_id: int, *, read_back: Back = None) -> None:
        with recording(self.store, read_back) as changes:
            session = changes.session
            row = get(session, models.Action, action_id, "action")
            if row.meeting_id is not None:
                changes.meeting_id = row.meeting_id
            summary = f"deletion of action “{short(row.text)}”"
            for update in dq.action_updates(session, action_id):
                changes.delete(update, summary)
            changes.delete(row, summary)


def _recognise_confirmation(changes: Changes, item: models.AgendaItem) -> list[models.Meeting]:
    """ "That the minutes of ... be confirmed as a correct record" under the minutes item
    approves those minutes, in the same transaction (and so the same undo). Returns the
    meetings whose minutes it approved just now."""
    if item.kind != "previous-minutes":
        return []
    from clerk_tui.desk.minutes_life import apply_confirmations

    return apply_confirmations(changes, item.meeting_id)


def _check_parent(
    session: Session,
    item_id: int,
    parent_id: int | None,
    row: models.Resolution | None,
) -> None:
    if parent_id is None:
        return
    parent = get(session, models.Resolution, parent_id, "resolution")
    if parent.item_id != item_id:
        raise ClerkError("a sub-point must belong to a resolution on the same item")
    if parent.parent_id is not None:
        raise ClerkError("a sub-point cannot have sub-points of its own", where="sub-point of")
    if row is not None:
        if parent.id == row.id:
            raise ClerkError("a resolution cannot be a sub-point of itself")
        if any(r.parent_id == row.id for r in dq.resolutions(session, item_id)):
            raise ClerkError(
                "this resolution has sub-points of its own, so it cannot become one",
                where="sub-point of",
            )


def _note_word(kind: str) -> str:
    return "discussion point" if kind == "bullet" else "note"


# The fields and read models stay importable from here, where the screens have found them.
__all__ = [
    "ActionFields",
    "ActionView",
    "DecisionService",
    "ItemMinuteView",
    "NamedVoteView",
    "NoteFields",
    "NoteView",
    "ResolutionFields",
    "ResolutionView",
    "VoteFields",
    "VoteSetup",
    "VoteView",
    "VoterView",
]
