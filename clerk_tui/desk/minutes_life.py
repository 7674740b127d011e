"""The minutes' life: a draft until a later meeting confirms them "as a correct record"
under its minutes item (the clerk marks that resolution so, or it is recognised), then
approved, then signed by the chair. Each step is one clerk action with its audit events, taken
by :class:`clerk_tui.desk.papers.PapersService` in its transaction."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from clerk_tui.desk.store import Changes, get
from clerk_tui.errors import ClerkError
from clerk_tui.values import dates_in, long_date
from db import models, record_queries


@dataclass(frozen=True)
class MinutesState:
    meeting_id: int
    date: date
    status: str  # the meeting's: planned, live, closed
    minutes_status: str  # draft, approved, signed
    approved_at_meeting_id: int | None
    signed_on: datetime.date | None  # the field "date" hides the type within the class

    @property
    def words(self) -> str:
        """ "Minutes of 29 November 2021: signed on 14 March 2022"."""
        text = f"Minutes of {long_date(self.date)}: {self.minutes_status}"
        if self.signed_on is not None:
            text += f" on {long_date(self.signed_on)}"
        return text


def state_of(row: models.Meeting) -> MinutesState:
    return MinutesState(
        meeting_id=row.id or 0,
        date=row.date,
        status=row.status,
        minutes_status=row.minutes_status,
        approved_at_meeting_id=row.approved_at_meeting_id,
        signed_on=row.signed_on,
    )


class MinutesNotApproved(ClerkError):
    """Signing was asked of minutes that no later meeting has confirmed: the screen may offer
    to approve them by hand (for a body whose earlier meetings were not kept here)."""


# "be confirmed as a correct record", "agreed as a true and accurate record", "... records".
CONFIRMED = re.compile(
    r"\b(confirmed|agreed|approved)\s+as\s+(a\s+)?(true\s+and\s+)?(correct|true|accurate)\s+"
    r"records?\b",
    re.IGNORECASE,
)


def confirm(changes: Changes, resolution_id: int, minutes_of: int | None) -> MinutesState:
    """Link the resolution to the minutes it confirms and approve them (see
    :meth:`clerk_tui.desk.papers.PapersService.mark_confirmation`)."""
    session = changes.session
    resolution = get(session, models.Resolution, resolution_id, "resolution")
    item = get(session, models.AgendaItem, resolution.item_id, "agenda item")
    meeting = get(session, models.Meeting, item.meeting_id, "meeting")
    changes.meeting_id = meeting.id
    if minutes_of is None:
        texts = [resolution.text, *_children_texts(session, resolution_id)]
        named = [day for text in texts for day in dates_in(text)]
        targets = _named_meetings(session, meeting, texts) if named else _previous(session, meeting)
        if not targets:
            raise ClerkError(
                f"no meeting of this body was held on {long_date(named[0])}"
                if named
                else "there is no earlier meeting of this body whose minutes it confirms"
            )
        minutes_of = targets[0]
    target = get(session, models.Meeting, minutes_of, "meeting")
    _check_confirmable(target, meeting)
    if resolution.confirms_minutes_of_id != target.id:
        changes.update(
            resolution,
            f"resolution confirms the minutes of {long_date(target.date)}",
            confirms_minutes_of_id=target.id,
        )
    _approve(changes, target, meeting)
    return state_of(target)


def approve_by_hand(changes: Changes, meeting_id: int, at_meeting_id: int | None) -> MinutesState:
    """Approve draft minutes without a confirming resolution, at ``at_meeting_id`` if given."""
    target = get(changes.session, models.Meeting, meeting_id, "meeting")
    later = None
    if at_meeting_id is not None:
        later = get(changes.session, models.Meeting, at_meeting_id, "meeting")
        _check_confirmable(target, later)
    elif target.status != "closed":
        raise ClerkError(_not_closed(target))
    if target.minutes_status != "draft":
        raise ClerkError(
            f"the minutes of {long_date(target.date)} are already {target.minutes_status}"
        )
    _approve(changes, target, later)
    return state_of(target)


def sign(changes: Changes, meeting_id: int, on: date | None) -> MinutesState:
    """The chair's signature on approved minutes, approving them first when a later meeting
    confirmed them unmarked."""
    session = changes.session
    target = get(session, models.Meeting, meeting_id, "meeting")
    day = on or changes.at.date()
    if target.minutes_status == "signed":
        when = f" on {long_date(target.signed_on)}" if target.signed_on else ""
        raise ClerkError(f"the minutes of {long_date(target.date)} were signed{when}")
    if target.minutes_status == "draft":
        for later in record_queries.later_meetings(session, target.body_id, target.date):
            # the same row object (one session), so target sees any approval
            apply_confirmations(changes, later.id)
    if target.minutes_status == "draft":
        raise MinutesNotApproved(
            f"the minutes of {long_date(target.date)} are still a draft: the chair signs "
            "them once a later meeting has confirmed them as a correct record"
        )
    if day < target.date:
        raise ClerkError(
            f"minutes cannot be signed before their meeting ({long_date(target.date)})",
            where="date",
        )
    changes.update(
        target,
        f"minutes of {long_date(target.date)} signed",
        minutes_status="signed",
        signed_on=day,
    )
    return state_of(target)


def apply_confirmations(changes: Changes, meeting_id: int) -> list[models.Meeting]:
    """Within a clerk action's transaction (closing the meeting, recording a resolution):
    link each resolution of the meeting's previous-minutes items that confirms earlier minutes
    "as a correct record" to those minutes, and approve them. A resolution that names dates
    confirms the body's meetings of those dates (and none, if none was held then); one that
    names none confirms the previous meeting. Returns the meetings newly approved."""
    session = changes.session
    meeting = session.get(models.Meeting, meeting_id)
    if meeting is None:
        return []
    approved: list[models.Meeting] = []
    for row in record_queries.minutes_resolutions(session, meeting_id):
        if row.parent_id is not None:
            continue
        if row.confirms_minutes_of_id is not None:
            targets = [row.confirms_minutes_of_id]
        elif CONFIRMED.search(row.text):
            texts = [row.text, *_children_texts(session, row.id)]
            named = any(dates_in(text) for text in texts)
            found = (
                _named_meetings(session, meeting, texts) if named else _previous(session, meeting)
            )
            targets = [
                t
                for t in found
                if _confirmable(get(session, models.Meeting, t, "meeting"), meeting) is None
            ]
            if not targets:
                continue
            resolution = session.get(models.Resolution, row.id)
            assert resolution is not None  # just read in this transaction
            changes.update(
                resolution,
                "resolution recognised as confirming the minutes",
                confirms_minutes_of_id=targets[0],
            )
        else:
            continue
        for target_id in targets:
            target = get(session, models.Meeting, target_id, "meeting")
            if target.minutes_status == "draft" and _confirmable(target, meeting) is None:
                _approve(changes, target, meeting)
                approved.append(target)
    return approved


def _children_texts(session: Session, resolution_id: int) -> list[str]:
    return list(
        session.exec(
            select(models.Resolution.text).where(models.Resolution.parent_id == resolution_id)
        ).all()
    )


def _named_meetings(session: Session, meeting: models.Meeting, texts: list[str]) -> list[int]:
    """The body's earlier meetings on the dates the resolution names, in the order named."""
    earlier = record_queries.earlier_meetings(session, meeting.body_id, meeting.date)
    by_date: dict[date, int] = {}
    for found in reversed(earlier):  # the latest meeting of a day wins
        by_date[found.date] = found.id
    out: list[int] = []
    for text in texts:
        for day in dates_in(text):
            if day in by_date and by_date[day] not in out:
                out.append(by_date[day])
    return out


def _previous(session: Session, meeting: models.Meeting) -> list[int]:
    if meeting.previous_meeting_id is not None:
        return [meeting.previous_meeting_id]
    earlier = record_queries.earlier_meetings(session, meeting.body_id, meeting.date)
    closed = [m.id for m in earlier if m.status == "closed"]
    return closed[:1]


def _not_closed(target: models.Meeting) -> str:
    return (
        f"the meeting of {long_date(target.date)} has not been closed: "
        "its minutes cannot be approved yet"
    )


def _confirmable(target: models.Meeting, later: models.Meeting) -> str | None:
    """Why ``later`` cannot confirm the minutes of ``target``, or None if it can."""
    if target.id == later.id:
        return "a meeting cannot confirm its own minutes"
    if target.body_id != later.body_id:
        return "a meeting can only confirm the minutes of its own body's meetings"
    if target.date >= later.date:
        return f"the meeting of {long_date(later.date)} is not later than {long_date(target.date)}"
    if target.status != "closed":
        return _not_closed(target)
    return None


def _check_confirmable(target: models.Meeting, later: models.Meeting) -> None:
    why = _confirmable(target, later)
    if why is not None:
        raise ClerkError(why)


def _approve(changes: Changes, target: models.Meeting, later: models.Meeting | None) -> None:
    if target.minutes_status != "draft":
        return
    at = f" at the meeting of {long_date(later.date)}" if later is not None else ""
    changes.update(
        target,
        f"minutes of {long_date(target.date)} approved{at}",
        minutes_status="approved",
        approved_at_meeting_id=later.id if later is not None else None,
    )


__all__ = [
    "CONFIRMED",
    "MinutesNotApproved",
    "MinutesState",
    "apply_confirmations",
    "approve_by_hand",
    "confirm",
    "sign",
    "state_of",
]
