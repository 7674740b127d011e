"""Undo: the newest clerk action on a meeting, taken back whole from its audit group."""

from __future__ import annotations

import json

from sqlmodel import Session

from clerk_tui.desk.store import Store
from clerk_tui.errors import ClerkError
from db import audit, models

# What the audit's table names mean to a clerk, for undo's words.
_THING = {
    "minutenote": "the note",
    "resolution": "the resolution",
    "vote": "the vote",
    "personvote": "a named vote",
    "action": "the action",
    "actionupdate": "the action's update",
    "attendance": "the attendance record",
    "declaration": "the declaration",
    "agendaitem": "the agenda item",
    "meeting": "the meeting",
    "motion": "the motion",
    "speaker": "the speaker",
}


class UndoService:
    """``desk.undo``: ctrl+z in the chamber."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def undo_last(self, meeting_id: int) -> str | None:
        """Take back the newest clerk action on this meeting not yet undone, whole.

        Returns what was undone, in words, or None when there is nothing left to undo (the
        meeting's own creation is never undone from here). Refused in words, with nothing
        changed, when a row it would put back has been changed since by something else, and
        when it would reopen a closed meeting or move the body's minute counter back (closing
        fixed the minute numbers; the times are corrected with ctrl+t).
        """
        with self.store.recording(meeting_id) as changes:
            session = changes.session
            group = audit.last_undoable_group(session, meeting_id)
            if not group or any(
                e.entity in ("meeting", "body") and e.op != "update" for e in group
            ):
                return None
            words = _undo_words(group)
            _refuse_closing(group)
            _check_still_as_recorded(session, group, words)
            for event in group:  # newest first: dependants go before what they depend on
                audit.revert(session, event)
            return words


def _undo_words(group: list[models.AuditEvent]) -> str:
    """What the clerk action a group records was, in words: its newest event's summary (an
    action's consequences, such as ending the running item, come before the action itself)."""
    for event in group:  # newest first
        if event.summary:
            return event.summary
    return f"a change to {_THING.get(group[0].entity, group[0].entity)}"


def _refuse_closing(group: list[models.AuditEvent]) -> None:
    """Closing a meeting is not undone: a group that takes a meeting into or out of "closed",
    or moves the body's minute counter, is refused in words with nothing changed. (Starting
    the meeting, planned to live, is taken back like any other press of ``s``.)"""
    for event in group:
        before = json.loads(event.before or "{}")
        after = json.loads(event.after or "{}")
        status = before.get("status"), after.get("status")
        reopens = event.entity == "meeting" and status[0] != status[1] and "closed" in status
        counter = event.entity == "body" and before.get("next_minute_number") != after.get(
            "next_minute_number"
        )
        if reopens or counter:
            raise ClerkError(
                "closing the meeting cannot be undone: its minute numbers are fixed and the "
                "body's next minute number has moved on; correct its times with ctrl+t"
            )


def _check_still_as_recorded(session: Session, group: list[models.AuditEvent], words: str) -> None:
    """Refuse to undo over a change made since: each row must still be as the group left it."""
    newest: dict[tuple[str, int], models.AuditEvent] = {}
    for event in group:  # newest first, so the first seen is the row's final state
        newest.setdefault((event.entity, event.entity_id), event)
    for (entity, entity_id), event in newest.items():
        cls = audit.TABLES.get(entity)
        if cls is None:
            raise ClerkError(f"“{words}” cannot be undone here")
        row = session.get(cls, entity_id)
        if event.op == "delete":
            unchanged = row is None
        else:
            unchanged = row is not None and audit.snapshot(row) == json.loads(event.after or "{}")
        if not unchanged:
            raise ClerkError(
                f"“{words}” cannot be undone: {_THING.get(entity, entity)} has changed since "
                "(by a later record or another copy of the app)"
            )
