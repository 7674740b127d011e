"""The one read of a whole meeting: :func:`read_meeting` -> :class:`MeetingSnapshot`.

One SELECT per table, each filtered by the meeting (never one per item or per person), all in
the caller's transaction, so the snapshot is the meeting at one moment: a read session's
single ``BEGIN``, or a recording's own write transaction just before it commits. The rows are
read as plain columns, not ORM objects, by statements built once (only their parameters change
from one read to the next): the meeting is read back after every key press, and building ORM
objects or statements each time would cost more than the commit before it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Row, and_, bindparam, select
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
    MotionView,
    NamedVoteView,
    NoteView,
    PersonView,
    ResolutionView,
    SentenceStyleView,
    SentenceView,
    SpeakerView,
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


def in_force(on: date | BindParameter[date]) -> ColumnElement[bool]:
    """The memberships in force on ``on``: begun by then and not ended before it."""
    end = col(models.Membership.end_date)
    return and_(col(models.Membership.start_date) <= on, end.is_(None) | (end >= on))


# ---- the statements, built once; :meeting, :body and :on are bound at each read ----------
_MEETING: BindParameter[int] = bindparam("meeting")
_ON_ITEMS = select(col(models.AgendaItem.id)).where(col(models.AgendaItem.meeting_id) == _MEETING)
_A, _M, _D = models.Attendance, models.Membership, models.Declaration
_V, _PV, _N, _R, _ACT = (
    models.Vote,
    models.PersonVote,
    models.MinuteNote,
    models.Resolution,
    models.Action,
)
_MEETING_ROW = select(*_columns(models.Meeting, MeetingView, also=("body_id",))).where(
    col(models.Meeting.id) == _MEETING
)
_BODY = select(*_columns(models.Body, BodyView)).where(col(models.Body.id) == bindparam("body"))
_ITEMS = (
    select(*_columns(models.AgendaItem, ItemView))
    .where(col(models.AgendaItem.meeting_id) == _MEETING)
    .order_by(col(models.AgendaItem.position))
)
_ATTENDANCE = (
    select(*_columns(_A, AttendanceView, also=("person_id",)))
    .where(col(_A.meeting_id) == _MEETING)
    .order_by(col(_A.position), col(_A.id))
)
_MEMBERSHIPS = (
    select(*_columns(_M, MembershipView, also=("person_id",)))
    .where(col(_M.body_id) == bindparam("body"), in_force(bindparam("on")))
    .order_by(col(_M.start_date), col(_M.id))
)
_DECLARATIONS = (
    select(*_columns(_D, DeclarationView, also=("person_id",)))
    .where(col(_D.meeting_id) == _MEETING)
    .order_by(col(_D.created_at), col(_D.id))
)
_VOTES = (
    select(*_columns(_V, VoteView))
    .where(col(_V.item_id).in_(_ON_ITEMS))
    .order_by(col(_V.recorded_at), col(_V.id))
)
_NAMED = (
    select(*_columns(_PV, NamedVoteView, also=("person_id",)))
    .join(_V, col(_V.id) == col(_PV.vote_id))
    .where(col(_V.item_id).in_(_ON_ITEMS))
    .order_by(col(_PV.id))  # the order the names were taken
)
_NOTES = (
    select(*_columns(_N, NoteView))
    .where(col(_N.item_id).in_(_ON_ITEMS))
    .order_by(col(_N.position), col(_N.id))
)
_RESOLUTIONS = (
    select(*_columns(_R, ResolutionView))
    .where(col(_R.item_id).in_(_ON_ITEMS))
    .order_by(col(_R.position), col(_R.id))
)
_ACTIONS = (
    select(*_columns(_ACT, ActionView))
    .where(col(_ACT.item_id).in_(_ON_ITEMS))
    .order_by(col(_ACT.id))
)
_CARRIED = (
    select(*_columns(_ACT, ActionView), col(models.AgendaItem.exempt).label("exempt"))
    .join(models.AgendaItem, col(models.AgendaItem.id) == col(_ACT.item_id), isouter=True)
    .where(
        col(_ACT.body_id) == bindparam("body"),
        col(_ACT.status) == "outstanding",
        col(_ACT.meeting_id).is_(None) | (col(_ACT.meeting_id) != _MEETING),
    )
    .order_by(col(_ACT.minute_number).is_(None), col(_ACT.minute_number), col(_ACT.id))
)
_SENTENCES = (
    select(*_columns(models.MinuteSentence, SentenceView))
    .where(col(models.MinuteSentence.item_id).in_(_ON_ITEMS))
    .order_by(col(models.MinuteSentence.item_id), col(models.MinuteSentence.source))
)
_STYLES = (
    select(*_columns(models.SentenceStyle, SentenceStyleView))
    .where(col(models.SentenceStyle.body_id) == bindparam("body"))
    .order_by(col(models.SentenceStyle.kind))
)
_MOTIONS = (
    select(*_columns(models.Motion, MotionView, also=("mover_id", "seconder_id")))
    .where(col(models.Motion.item_id).in_(_ON_ITEMS))
    .order_by(col(models.Motion.position), col(models.Motion.id))
)
_SPEAKERS = (
    select(*_columns(models.Speaker, SpeakerView))
    .where(col(models.Speaker.item_id).in_(_ON_ITEMS))
    .order_by(col(models.Speaker.position), col(models.Speaker.id))
)
_PEOPLE = select(*_columns(models.Person, PersonView)).where(
    col(models.Person.id).in_(bindparam("ids", expanding=True))
)


def _rows(session: Session, query: Any, **values: Any) -> Sequence[Row[Any]]:
    return session.connection().execute(query, values).all()


def meeting_view(session: Session, meeting_id: int) -> MeetingView | None:
    """The meeting with its body and its items in agenda order; None when there is none."""
    found = _rows(session, _MEETING_ROW, meeting=meeting_id)
    if not found:
        return None
    meeting = found[0]
    body = view_of(BodyView, _rows(session, _BODY, body=meeting.body_id)[0])
    items = tuple(view_of(ItemView, row) for row in _rows(session, _ITEMS, meeting=meeting_id))
    return view_of(MeetingView, meeting, body=body, items=items)


def read_meeting(session: Session, meeting_id: int) -> MeetingSnapshot | None:
    """The meeting as stored now; None when there is no such meeting."""
    meeting = meeting_view(session, meeting_id)
    if meeting is None:
        return None
    body, items = meeting.body, meeting.items
    attendance = _rows(session, _ATTENDANCE, meeting=meeting_id)
    memberships = _rows(session, _MEMBERSHIPS, body=body.id, on=meeting.date)
    declarations = _rows(session, _DECLARATIONS, meeting=meeting_id)
    votes = _rows(session, _VOTES, meeting=meeting_id)
    named = _rows(session, _NAMED, meeting=meeting_id)
    motions = _rows(session, _MOTIONS, meeting=meeting_id)
    people = _people(
        session,
        {row.person_id for row in (*attendance, *memberships, *declarations, *named)}
        | {row.substitute_for_id for row in attendance if row.substitute_for_id is not None}
        | {i for row in motions for i in (row.mover_id, row.seconder_id) if i is not None},
    )
    by_vote: dict[int, list[NamedVoteView]] = {}
    for row in named:
        by_vote.setdefault(row.vote_id, []).append(
            view_of(NamedVoteView, row, person=people[row.person_id])
        )
    exempt = {item.id for item in items if item.exempt}
    carried = (
        tuple(
            view_of(ActionView, row, exempt=bool(row.exempt))
            for row in _rows(session, _CARRIED, body=body.id, meeting=meeting_id)
        )
        if any(item.kind == "previous-minutes" for item in items)
        else ()
    )
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
        notes=tuple(view_of(NoteView, row) for row in _rows(session, _NOTES, meeting=meeting_id)),
        resolutions=_parents_then_children(
            view_of(ResolutionView, row) for row in _rows(session, _RESOLUTIONS, meeting=meeting_id)
        ),
        votes=tuple(view_of(VoteView, row, named=tuple(by_vote.get(row.id, ()))) for row in votes),
        actions=tuple(
            view_of(ActionView, row, exempt=row.item_id in exempt)
            for row in _rows(session, _ACTIONS, meeting=meeting_id)
        ),
        carried_forward=carried,
        sentences=tuple(
            view_of(SentenceView, row) for row in _rows(session, _SENTENCES, meeting=meeting_id)
        ),
        styles=tuple(
            view_of(SentenceStyleView, row) for row in _rows(session, _STYLES, body=body.id)
        ),
        motions=tuple(
            view_of(
                MotionView,
                row,
                mover=people.get(row.mover_id or 0),
                seconder=people.get(row.seconder_id or 0),
            )
            for row in motions
        ),
        speakers=tuple(
            view_of(SpeakerView, row) for row in _rows(session, _SPEAKERS, meeting=meeting_id)
        ),
    )


def _people(session: Session, ids: set[int]) -> dict[int, PersonView]:
    if not ids:
        return {}
    return {row.id: view_of(PersonView, row) for row in _rows(session, _PEOPLE, ids=list(ids))}


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
