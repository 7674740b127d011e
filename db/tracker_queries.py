"""The reads of the action tracker: every action of a body across its meetings, and the history
of updates behind an action's latest update. Each returns frozen read models."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from db import models


@dataclass(frozen=True)
class TrackedAction:
    """One row of the tracker, with what the screen and the exports need already resolved."""

    id: int
    body_id: int
    # The minute number as the tracker shows it: the action's own (fixed) number, or while
    # its meeting is still open, the provisional number of the item it was made under.
    minute_number: int | None
    provisional: bool
    # The date of the meeting it came from; for an action carried over from before clerk-tui,
    # the month it was recorded in (source_date).
    source_date: date | None
    meeting_id: int | None  # the source meeting, when it is in this database
    item_id: int | None  # the source item, when it is in this database
    item_title: str
    text: str
    owner: str
    due: str
    status: str
    latest_update: str
    completed_on: date | None
    last_update_on: date | None
    # Lower-cased text the filter searches, built once per read so typing stays cheap.
    search_text: str
    # Raised on an exempt item: confidential, kept out of every public export of the tracker.
    # (A carried-over action, or one whose item is no longer here, has nothing to say it is.)
    exempt: bool = False
    exempt_reason: str = ""

    @property
    def completed(self) -> bool:
        return self.status == "completed"


@dataclass(frozen=True)
class TrackedUpdate:
    """One entry of an action's history: what was said, on which day, at which meeting."""

    id: int
    action_id: int
    # dt.date: below its own field ``date``, the class body no longer sees the type by that name
    date: dt.date
    meeting_id: int | None
    meeting_date: dt.date | None
    text: str


def _source_meeting(
    action: models.Action, items: dict[int, models.AgendaItem]
) -> tuple[int | None, models.AgendaItem | None]:
    item = items.get(action.item_id) if action.item_id is not None else None
    meeting_id = action.meeting_id
    if meeting_id is None and item is not None:
        meeting_id = item.meeting_id
    return meeting_id, item


def tracked_actions(
    session: Session, body_id: int, action_id: int | None = None
) -> list[TrackedAction]:
    """The body's actions, outstanding first then completed, each group in the order the
    reference tracker keeps: by the date of the source meeting, then as recorded."""
    query = select(models.Action).where(models.Action.body_id == body_id)
    if action_id is not None:
        query = query.where(models.Action.id == action_id)
    actions = list(session.exec(query).all())
    item_ids = {a.item_id for a in actions if a.item_id is not None}
    items: dict[int, models.AgendaItem] = {}
    if item_ids:
        rows = session.exec(
            select(models.AgendaItem).where(col(models.AgendaItem.id).in_(item_ids))
        ).all()
        items = {row.id or 0: row for row in rows}
    meetings = {
        m.id or 0: m
        for m in session.exec(select(models.Meeting).where(models.Meeting.body_id == body_id))
    }
    last_updates = _last_update_dates(session, body_id, action_id)

    views: list[TrackedAction] = []
    for action in actions:
        meeting_id, item = _source_meeting(action, items)
        meeting = meetings.get(meeting_id) if meeting_id is not None else None
        minute = action.minute_number
        provisional = False
        if minute is None and item is not None and item.minute_number is not None:
            minute = item.minute_number
            provisional = meeting is None or meeting.status != "closed"
        source = meeting.date if meeting is not None else action.source_date
        exempt = item is not None and item.exempt
        views.append(
            TrackedAction(
                id=action.id or 0,
                body_id=action.body_id,
                minute_number=minute,
                provisional=provisional,
                source_date=source,
                meeting_id=meeting_id,
                item_id=action.item_id,
                item_title=item.title if item is not None else "",
                text=action.text,
                owner=action.owner,
                due=action.due,
                status=action.status,
                latest_update=action.latest_update,
                completed_on=action.completed_on,
                last_update_on=last_updates.get(action.id or 0),
                search_text=" ".join(
                    (
                        "" if minute is None else str(minute),
                        # "nov november 2021": the date column whichever way it is typed
                        f"{source:%b %B %Y}" if source is not None else "",
                        action.text,
                        action.owner,
                        action.due,
                        action.latest_update,
                        "exempt" if exempt else "",  # typing "exempt" finds them
                    )
                ).lower(),
                exempt=exempt,
                exempt_reason=item.exempt_reason if item is not None and exempt else "",
            )
        )
    views.sort(
        key=lambda v: (v.status != "outstanding", v.source_date or date.max, v.id),
    )
    return views


def _last_update_dates(session: Session, body_id: int, action_id: int | None) -> dict[int, date]:
    query = (
        select(models.ActionUpdate.action_id, func.max(models.ActionUpdate.date))
        .join(models.Action, col(models.Action.id) == models.ActionUpdate.action_id)
        .where(models.Action.body_id == body_id)
        .group_by(col(models.ActionUpdate.action_id))
    )
    if action_id is not None:
        query = query.where(models.ActionUpdate.action_id == action_id)
    # A group has at least one update and an update always has a date: no max is NULL.
    return {row[0]: row[1] for row in session.exec(query).all()}


def tracked_action(session: Session, action_id: int) -> TrackedAction | None:
    row = session.get(models.Action, action_id)
    if row is None:
        return None
    found = tracked_actions(session, row.body_id, action_id)
    return found[0] if found else None


def action_history(session: Session, action_id: int) -> list[TrackedUpdate]:
    """The action's updates, newest first."""
    rows = session.exec(
        select(models.ActionUpdate, col(models.Meeting.date))
        .join(
            models.Meeting,
            col(models.Meeting.id) == models.ActionUpdate.meeting_id,
            isouter=True,
        )
        .where(models.ActionUpdate.action_id == action_id)
        .order_by(col(models.ActionUpdate.date).desc(), col(models.ActionUpdate.id).desc())
    ).all()
    return [
        TrackedUpdate(
            id=update.id or 0,
            action_id=update.action_id,
            date=update.date,
            meeting_id=update.meeting_id,
            meeting_date=meeting_date,
            text=update.text,
        )
        for update, meeting_date in rows
    ]


def open_meeting_items(
    session: Session, body_id: int
) -> dict[int, list[tuple[int, datetime | None, str]]]:
    """For each of the body's meetings not yet closed, its items in agenda order as (id,
    actual start, state): what provisional minute numbers are worked out from."""
    rows = session.exec(
        select(models.AgendaItem)
        .join(models.Meeting, col(models.Meeting.id) == models.AgendaItem.meeting_id)
        .where(models.Meeting.body_id == body_id, models.Meeting.status != "closed")
        .order_by(col(models.AgendaItem.meeting_id), col(models.AgendaItem.position))
    ).all()
    found: dict[int, list[tuple[int, datetime | None, str]]] = {}
    for item in rows:
        found.setdefault(item.meeting_id, []).append((item.id or 0, item.actual_start, item.state))
    return found


def exempt_action_count(session: Session, body_id: int) -> int:
    """How many of the body's actions were raised on exempt items (one count, no rows read)."""
    return session.exec(
        select(func.count())
        .select_from(models.Action)
        .join(models.AgendaItem, col(models.AgendaItem.id) == models.Action.item_id)
        .where(models.Action.body_id == body_id, col(models.AgendaItem.exempt).is_(True))
    ).one()


def next_minute_number(session: Session, body_id: int) -> int:
    body = session.get(models.Body, body_id)
    return body.next_minute_number if body is not None else 1
