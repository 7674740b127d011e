"""The action tracker across meetings: updates, completion, reopening, editing, filters, and the
tracker exported in the house style.

Exempt stays exempt: an action raised on an exempt item (and so its updates) is the clerk's to
see on the tracker screen, marked, but an export carries it only when the clerk asks for exempt
items. Such a copy is named "-CONFIDENTIAL", marked so inside, and written readable by its owner
alone (0600), whatever file it replaces.

Each clerk action is one method, one transaction, with its audit events recorded against the
meeting in which it happened (``meeting_id``), or none when the tracker is kept up between
meetings. What the screen types and shows is :mod:`clerk_tui.desk.tracker_fields`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlmodel import Session

from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.desk.tracker_export import TrackerExportMixin
from clerk_tui.desk.tracker_fields import (
    EXPORT_FORMATS,
    NO_MINUTE,
    STATUS_FILTERS,
    ActionFilter,
    TrackerActionFields,
    action_name,
    completion_words,
    date_label,
    minute_label,
    owner_choices,
    parse_minute,
    source_choices,
    source_key,
    source_label,
)
from clerk_tui.errors import ClerkError
from clerk_tui.export.tracker import month_label
from clerk_tui.minutes import long_date
from clerk_tui.numbering import NumberingItem, assign_minute_numbers
from db import models, tracker_queries
from db.tracker_queries import TrackedAction, TrackedUpdate


class TrackerService(TrackerExportMixin):
    """``desk.tracker``: the body's actions between and during meetings, and the tracker
    exported (:class:`~clerk_tui.desk.tracker_export.TrackerExportMixin`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- reads -------------------------------------------------------------------------
    def action_tracker(self, body_id: int) -> list[TrackedAction]:
        """Every action of the body, outstanding first, then completed."""
        with self.store.reading() as session:
            get(session, models.Body, body_id, "body")
            actions = tracker_queries.tracked_actions(session, body_id)
            return _with_provisional_minutes(session, body_id, actions)

    def tracked_action(self, action_id: int) -> TrackedAction:
        with self.store.reading() as session:
            view = tracker_queries.tracked_action(session, action_id)
            if view is None:
                raise ClerkError(f"there is no action {action_id}")
            return _with_provisional_minutes(session, view.body_id, [view])[0]

    def action_history(self, action_id: int) -> list[TrackedUpdate]:
        """The updates behind the action's latest update, newest first."""
        with self.store.reading() as session:
            return tracker_queries.action_history(session, action_id)

    # ---- clerk actions -------------------------------------------------------------------
    def record_action_update(
        self, action_id: int, text: str, *, meeting_id: int | None = None
    ) -> TrackedAction:
        """An update given on the action today (at ``meeting_id`` when given there): kept in
        its history and shown as its latest update."""
        words = " ".join(text.split())
        if not words:
            raise ClerkError("an update needs some words", where="update")
        with self.store.recording(meeting_id) as changes:
            action = get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            _add_update(changes, action, words, meeting_id)
            changes.update(action, f"{action_name(action)}: update given", latest_update=words)
        return self.tracked_action(action_id)

    def complete_action(
        self,
        action_id: int,
        *,
        on: date | None = None,
        update: str = "",
        meeting_id: int | None = None,
    ) -> TrackedAction:
        """Mark the action completed on ``on`` (today by default). The update says how, in the
        tracker's words: "Completed: Presented 18 October 2021"."""
        today = self.store.now().date()
        day = on or today
        with self.store.recording(meeting_id) as changes:
            action = get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            if action.status == "completed":
                done = f" on {long_date(action.completed_on)}" if action.completed_on else ""
                raise ClerkError(f"{action_name(action)} is already completed{done}")
            if day > today:
                raise ClerkError(
                    f"an action cannot be completed after today ({long_date(today)})",
                    where="completed on",
                )
            started = _source_date(changes.session, action)
            if started is not None and day < started.replace(day=1):
                raise ClerkError(
                    f"{action_name(action)} dates from {month_label(started)}: it cannot have been "
                    f"completed before then",
                    where="completed on",
                )
            words = completion_words(update, day)
            _add_update(changes, action, words, meeting_id, on=day)
            changes.update(
                action,
                f"{action_name(action)}: completed",
                status="completed",
                completed_on=day,
                latest_update=words,
            )
        return self.tracked_action(action_id)

    def reopen_action(self, action_id: int, *, meeting_id: int | None = None) -> TrackedAction:
        """Put a completed action back among the outstanding ones (the history says so)."""
        with self.store.recording(meeting_id) as changes:
            action = get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            if action.status != "completed":
                raise ClerkError(
                    f"{action_name(action)} is outstanding already: there is nothing to reopen"
                )
            _add_update(changes, action, "Reopened", meeting_id)
            changes.update(
                action,
                f"{action_name(action)}: reopened",
                status="outstanding",
                completed_on=None,
                latest_update="Reopened",
            )
        return self.tracked_action(action_id)

    def edit_tracked_action(
        self, action_id: int, fields: TrackerActionFields, *, meeting_id: int | None = None
    ) -> TrackedAction:
        fields.check()
        with self.store.recording(meeting_id) as changes:
            action = get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            values: dict[str, object] = {
                "text": fields.text.strip(),
                "owner": fields.owner.strip(),
                "due": fields.due.strip(),
            }
            if action.item_id is None:
                values["minute_number"] = fields.minute_number
                values["source_date"] = fields.source_date
            elif fields.minute_number not in (
                None,
                action.minute_number,
            ) and fields.minute_number != _item_minute(changes.session, action):
                raise ClerkError(
                    "an action made at a meeting takes its minute number from its item",
                    where="minute no.",
                )
            changed = {k: v for k, v in values.items() if getattr(action, k) != v}
            if changed:
                changes.update(action, f"{action_name(action)}: edited", **changed)
        return self.tracked_action(action_id)

    def add_carried_over_action(
        self, body_id: int, fields: TrackerActionFields, *, meeting_id: int | None = None
    ) -> TrackedAction:
        """An outstanding action from before the body's meetings were kept in clerk-tui: its
        minute number and month, typed from the old tracker."""
        fields.check()
        with self.store.recording(meeting_id) as changes:
            get(changes.session, models.Body, body_id, "body")
            _check_meeting(changes.session, meeting_id, body_id)
            action = changes.add(
                models.Action(
                    body_id=body_id,
                    minute_number=fields.minute_number,
                    source_date=fields.source_date,
                    text=fields.text.strip(),
                    owner=fields.owner.strip(),
                    due=fields.due.strip(),
                    created_at=changes.at,
                ),
                summary="carried-over action added",
            )
            action_id = action.id or 0
        return self.tracked_action(action_id)


def _check_meeting(session: Session, meeting_id: int | None, body_id: int) -> None:
    """Updates given at a meeting are recorded against it: it must be this body's."""
    if meeting_id is None:
        return
    meeting = get(session, models.Meeting, meeting_id, "meeting")
    if meeting.body_id != body_id:
        raise ClerkError("that meeting is of another body: its tracker is not this one")


def _add_update(
    changes: Changes,
    action: models.Action,
    text: str,
    meeting_id: int | None,
    *,
    on: date | None = None,
) -> None:
    changes.add(
        models.ActionUpdate(
            action_id=action.id or 0,
            date=on or changes.at.date(),
            meeting_id=meeting_id,
            text=text,
            created_at=changes.at,
        ),
        summary=f"{action_name(action)}: {text}",
    )


def _source_date(session: Session, action: models.Action) -> date | None:
    meeting_id = action.meeting_id
    if meeting_id is None and action.item_id is not None:
        item = session.get(models.AgendaItem, action.item_id)
        meeting_id = item.meeting_id if item else None
    meeting = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    return meeting.date if meeting is not None else action.source_date


def _with_provisional_minutes(
    session: Session, body_id: int, actions: list[TrackedAction]
) -> list[TrackedAction]:
    """Give an action raised at a meeting still open the minute number its item has so far
    (worked out from the order the items were taken); it is written for good at closing."""
    waiting = [a for a in actions if a.minute_number is None and a.item_id is not None]
    if not waiting:
        return actions
    numbers: dict[int, int] = {}
    start = tracker_queries.next_minute_number(session, body_id)
    for items in tracker_queries.open_meeting_items(session, body_id).values():
        numbers.update(
            assign_minute_numbers(
                (NumberingItem(key, started, state) for key, started, state in items), start
            )
        )
    return [
        replace(
            a,
            minute_number=numbers[a.item_id],
            provisional=True,
            search_text=f"{numbers[a.item_id]} {a.search_text}",
        )
        if a.minute_number is None and a.item_id in numbers
        else a
        for a in actions
    ]


def _item_minute(session: Session, action: models.Action) -> int | None:
    item = session.get(models.AgendaItem, action.item_id) if action.item_id else None
    return item.minute_number if item else None


# The fields and labels stay importable from here, where the screens have found them.
__all__ = [
    "EXPORT_FORMATS",
    "NO_MINUTE",
    "STATUS_FILTERS",
    "ActionFilter",
    "TrackedAction",
    "TrackedUpdate",
    "TrackerActionFields",
    "TrackerService",
    "date_label",
    "minute_label",
    "owner_choices",
    "parse_minute",
    "source_choices",
    "source_key",
    "source_label",
]
