"""The one read of a whole meeting: :func:`read_meeting` -> :class:`MeetingSnapshot`.

One SELECT per table, each filtered by the meeting (never one per item or per person), all in
the caller's transaction, so the snapshot is the meeting at one moment: a read session's
single ``BEGIN``, or a recording's own write transaction just before it commits. The rows are
read as plain columns, not ORM objects: the live screen reads the meeting after every key
press, and building ORM objects would cost more than the commit before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, select
from sqlmodel import Session, SQLModel, col

from db import models
from db.meeting_snapshot import MeetingSnapshot
from db.views import (
    ActionView,
    AttendanceView,
    BodyView,
    DeclarationView,
    ItemView,
    MeetingView,
    MembershipView,
    NamedVoteView,
    NoteView,
    PersonView,
    ResolutionView,
    VoteView,
    view_of,
)

__all__ = ["MeetingSnapshot", "in_force", "meeting_view", "read_meeting"]


def _columns(table: type[SQLModel], *views: type, also: Iterable[str] = ()) -> list[Any]:
    """The table's columns that the views declare (and ``also``), each once."""
    wanted = set(also)
    for view in views:
        wanted.update(view.__dataclass_fields__)  # type: ignore[attr-defined]
    return [getattr(table, name) for name in table.model_fields if name in wanted]


_PERSON = _columns(models.Person, PersonView)


def _rows(session: Session, query: Any) -> Sequence[Row[Any]]:
    return session.connection().execute(query).all()


def in_force(on: date) -> ColumnElement[bool]:
    """The memberships in force on ``on``: begun by then and not ended before it."""
    end = col(models.Membership.end_date)
    return and_(col(models.Membership.start_date) <= on, end.is_(None) | (end >= on))


def meeting_view(session: Session, meeting_id: int) -> MeetingView | None:
    """The meeting with its body and its items in agenda order; None when there is none."""
    found = _rows(
        session,
        select(*_columns(models.Meeting, MeetingView, also=("body_id",))).where(
            col(models.Meeting.id) == meeting_id
        ),
    )
    if not found:
        return None
    meeting = found[0]
    body = view_of(
        BodyView,
        _rows(
            session,
            select(*_columns(models.Body, BodyView)).where(col(models.Body.id) == meeting.body_id),
        )[0],
    )
    items = tuple(
        view_of(ItemView, row)
        for row in _rows(
            session,
            select(*_columns(models.AgendaItem, ItemView))
            .where(col(models.AgendaItem.meeting_id) == meeting_id)
            .order_by(col(models.AgendaItem.position)),
        )
    )
    return view_of(MeetingView, meeting, body=body, items=items)


def read_meeting(session: Session, meeting_id: int) -> MeetingSnapshot | None:
    """The meeting as stored now; None when there is no such meeting."""
    meeting = meeting_view(session, meeting_id)
    if meeting is None:
        return None
    body, items = meeting.body, meeting.items
    on_items = select(col(models.AgendaItem.id)).where(
        col(models.AgendaItem.meeting_id) == meeting_id
    )

    attendance = _rows(
        session,
        select(*_columns(models.Attendance, AttendanceView, also=("person_id",)))
        .where(col(models.Attendance.meeting_id) == meeting_id)
        .order_by(col(models.Attendance.id)),
    )
    memberships = _rows(
        session,
        select(*_columns(models.Membership, MembershipView, also=("person_id",)))
        .where(col(models.Membership.body_id) == body.id, in_force(meeting.date))
        .order_by(col(models.Membership.start_date), col(models.Membership.id)),
    )
    declarations = _rows(
        session,
        select(*_columns(models.Declaration, DeclarationView, also=("person_id",)))
        .where(col(models.Declaration.meeting_id) == meeting_id)
        .order_by(col(models.Declaration.created_at), col(models.Declaration.id)),
    )
    votes = _rows(
        session,
        select(*_columns(models.Vote, VoteView))
        .where(col(models.Vote.item_id).in_(on_items))
        .order_by(col(models.Vote.recorded_at), col(models.Vote.id)),
    )
    named = _rows(
        session,
        select(*_columns(models.PersonVote, NamedVoteView, also=("person_id",)))
        .join(models.Vote, col(models.Vote.id) == col(models.PersonVote.vote_id))
        .where(col(models.Vote.item_id).in_(on_items))
        .order_by(col(models.PersonVote.id)),  # the order the names were taken
    )
    people = _people(
        session,
        {row.person_id for row in (*attendance, *memberships, *declarations, *named)}
        | {row.substitute_for_id for row in attendance if row.substitute_for_id is not None},
    )
    by_vote: dict[int, list[NamedVoteView]] = {}
    for row in named:
        by_vote.setdefault(row.vote_id, []).append(
            view_of(NamedVoteView, row, person=people[row.person_id])
        )
    exempt = {item.id for item in items if item.exempt}
    return MeetingSnapshot(
        meeting=meeting,
        attendance=tuple(
            view_of(
                AttendanceView,
                row,
                person=people[row.person_id],
                substitute_for=people.get(row.substitute_for_id or 0),
            )
            for row in attendance
        ),
        memberships=tuple(
            view_of(MembershipView, row, person=people[row.person_id]) for row in memberships
        ),
        declarations=tuple(
            view_of(DeclarationView, row, person=people[row.person_id]) for row in declarations
        ),
        notes=tuple(
            view_of(NoteView, row)
            for row in _rows(
                session,
                select(*_columns(models.MinuteNote, NoteView))
                .where(col(models.MinuteNote.item_id).in_(on_items))
                .order_by(col(models.MinuteNote.position), col(models.MinuteNote.id)),
            )
        ),
        resolutions=_parents_then_children(
            view_of(ResolutionView, row)
            for row in _rows(
                session,
                select(*_columns(models.Resolution, ResolutionView))
                .where(col(models.Resolution.item_id).in_(on_items))
                .order_by(col(models.Resolution.position), col(models.Resolution.id)),
            )
        ),
        votes=tuple(view_of(VoteView, row, named=tuple(by_vote.get(row.id, ()))) for row in votes),
        actions=tuple(
            view_of(ActionView, row, exempt=row.item_id in exempt)
            for row in _rows(
                session,
                select(*_columns(models.Action, ActionView))
                .where(col(models.Action.item_id).in_(on_items))
                .order_by(col(models.Action.id)),
            )
        ),
        carried_forward=(
            _carried_forward(session, body.id, meeting_id)
            if any(item.kind == "previous-minutes" for item in items)
            else ()
        ),
    )


def _people(session: Session, ids: set[int]) -> dict[int, PersonView]:
    if not ids:
        return {}
    rows = _rows(session, select(*_PERSON).where(col(models.Person.id).in_(ids)))
    return {row.id: view_of(PersonView, row) for row in rows}


def _parents_then_children(rows: Iterable[ResolutionView]) -> tuple[ResolutionView, ...]:
    """Each item's top-level resolutions in order, each followed by its sub-points."""
    rows = list(rows)
    children: dict[int, list[ResolutionView]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(row)
    ordered: list[ResolutionView] = []
    for row in rows:
        if row.parent_id is None:
            ordered.append(row)
            ordered.extend(children.pop(row.id, []))
    for orphans in children.values():  # a parent on another item: never by our writes
        ordered.extend(orphans)
    return tuple(ordered)


def _carried_forward(session: Session, body_id: int, meeting_id: int) -> tuple[ActionView, ...]:
    """The body's outstanding actions made elsewhere, oldest minute first, each marked exempt
    when raised on an exempt item."""
    action = models.Action
    made_here = col(action.meeting_id)
    query = (
        select(*_columns(action, ActionView), col(models.AgendaItem.exempt).label("exempt"))
        .join(
            models.AgendaItem,
            col(models.AgendaItem.id) == col(action.item_id),
            isouter=True,
        )
        .where(
            col(action.body_id) == body_id,
            col(action.status) == "outstanding",
            made_here.is_(None) | (made_here != meeting_id),
        )
        .order_by(col(action.minute_number).is_(None), col(action.minute_number), col(action.id))
    )
    return tuple(view_of(ActionView, row, exempt=bool(row.exempt)) for row in _rows(session, query))
