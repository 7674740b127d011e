"""The reads behind decisions on the spot: an item's notes, resolutions, votes and actions, and
the roster a vote is taken from. Plain frozen read models out, never live rows.

The rules (who may vote, quorum, provisional minute numbers, resolution labels) live above the
ground floor; these reads hand up the facts and leave room in the read models (``label``,
``provisional_minute``, ``excluded``) for the services to fill.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from db import models
from db.snapshot import in_force
from db.views import (
    ActionView,
    ItemView,
    MotionView,
    NamedVoteView,
    NoteView,
    PersonView,
    ResolutionView,
    SpeakerView,
    VoteView,
    surname_order,
    view_of,
)

# --------------------------------------------------------------------------------------------
# Read models


@dataclass(frozen=True)
class ItemMinuteView:
    """Everything recorded on one agenda item, in the order the minutes will give it."""

    item: ItemView
    meeting_status: str
    body_id: int
    minute_number: int | None
    provisional: bool  # the minute number may still change (the meeting is live)
    notes: tuple[NoteView, ...]
    resolutions: tuple[ResolutionView, ...]  # each parent followed by its sub-points
    votes: tuple[VoteView, ...]
    actions: tuple[ActionView, ...]
    carried_forward: tuple[ActionView, ...] = ()  # previous-minutes items: outstanding actions
    # The debate (schema version 6): motions and amendments in the order moved, and speakers.
    motions: tuple[MotionView, ...] = ()
    speakers: tuple[SpeakerView, ...] = ()

    def vote(self, vote_id: int | None) -> VoteView | None:
        return next((v for v in self.votes if v.id == vote_id), None)

    def resolution(self, resolution_id: int | None) -> ResolutionView | None:
        return next((r for r in self.resolutions if r.id == resolution_id), None)

    @property
    def empty(self) -> bool:
        return not (
            self.notes
            or self.resolutions
            or self.votes
            or self.actions
            or self.motions
            or self.speakers
        )


@dataclass(frozen=True)
class VoterView:
    """A voting member in the room for an item, and whether a declaration keeps them out."""

    person_id: int
    name: str
    represents: str
    capacity: str
    excluded: bool = False  # set by the services from the item's declarations
    reason: str = ""  # "declared a disclosable pecuniary interest", ...


@dataclass(frozen=True)
class VoteSetup:
    """What the vote dialog needs to count a vote on an item, as the room stands now."""

    item_id: int
    meeting_id: int
    item_label: str
    recorded_required: bool
    voters: tuple[VoterView, ...]  # present voting members, the excluded ones among them
    membership: int  # voting members of the body in force on the meeting date
    quorum: int
    who: str  # "Panel Members": how the minutes name those voting

    @property
    def eligible(self) -> tuple[VoterView, ...]:
        return tuple(v for v in self.voters if not v.excluded)

    @property
    def present(self) -> int:
        """Voting members present for this item (an excluded member is not present for it)."""
        return len(self.eligible)

    @property
    def quorate(self) -> bool:
        return self.present >= self.quorum


@dataclass(frozen=True)
class DeclarationFact:
    person_id: int
    kind: str
    action: str


# --------------------------------------------------------------------------------------------
# Converters


def note_view(row: models.MinuteNote) -> NoteView:
    return view_of(NoteView, row)


def resolution_view(row: models.Resolution) -> ResolutionView:
    return view_of(ResolutionView, row)


def action_view(row: models.Action) -> ActionView:
    return view_of(ActionView, row)


def vote_view(session: Session, row: models.Vote) -> VoteView:
    return vote_views(session, [row])[0]


def vote_views(session: Session, rows: list[models.Vote]) -> list[VoteView]:
    """Votes with their named votes, in one query for all of them (not one per vote)."""
    named: dict[int, list[NamedVoteView]] = {row.id or 0: [] for row in rows}
    if named:
        found = session.exec(
            select(models.PersonVote, models.Person)
            .join(models.Person, col(models.Person.id) == col(models.PersonVote.person_id))
            .where(col(models.PersonVote.vote_id).in_(list(named)))
        ).all()
        for pv, person in found:
            named[pv.vote_id].append(view_of(NamedVoteView, pv, person=view_of(PersonView, person)))

    # By surname, as the roster lists members.
    def order(n: NamedVoteView) -> tuple[str, str]:
        return surname_order(n.name)

    return [_vote_view(row, tuple(sorted(named[row.id or 0], key=order))) for row in rows]


def motion_views(session: Session, rows: list[models.Motion]) -> list[MotionView]:
    """Motions with their movers and seconders, in one query for all of them."""
    ids = {i for row in rows for i in (row.mover_id, row.seconder_id) if i is not None}
    people = {
        person.id or 0: view_of(PersonView, person)
        for person in session.exec(select(models.Person).where(col(models.Person.id).in_(ids)))
    }
    return [
        view_of(
            MotionView,
            row,
            mover=people.get(row.mover_id or 0),
            seconder=people.get(row.seconder_id or 0),
        )
        for row in rows
    ]


def _vote_view(row: models.Vote, named: tuple[NamedVoteView, ...]) -> VoteView:
    return view_of(VoteView, row, named=named)


# --------------------------------------------------------------------------------------------
# Reads


def notes(session: Session, item_id: int) -> list[models.MinuteNote]:
    return list(
        session.exec(
            select(models.MinuteNote)
            .where(models.MinuteNote.item_id == item_id)
            .order_by(col(models.MinuteNote.position), col(models.MinuteNote.id))
        ).all()
    )


def resolutions(session: Session, item_id: int) -> list[models.Resolution]:
    """An item's resolutions, each top-level one followed by its sub-points, in order."""
    rows = session.exec(
        select(models.Resolution)
        .where(models.Resolution.item_id == item_id)
        .order_by(col(models.Resolution.position), col(models.Resolution.id))
    ).all()
    children: dict[int, list[models.Resolution]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(row)
    ordered: list[models.Resolution] = []
    for row in rows:
        if row.parent_id is None:
            ordered.append(row)
            ordered.extend(children.pop(row.id or 0, []))
    for orphans in children.values():  # a parent on another item: never by our writes
        ordered.extend(orphans)
    return ordered


def siblings(session: Session, item_id: int, parent_id: int | None) -> list[models.Resolution]:
    """The item's resolutions under ``parent_id`` (None: the top level), in order."""
    parent = col(models.Resolution.parent_id)
    return list(
        session.exec(
            select(models.Resolution)
            .where(
                models.Resolution.item_id == item_id,
                parent.is_(None) if parent_id is None else parent == parent_id,
            )
            .order_by(col(models.Resolution.position), col(models.Resolution.id))
        ).all()
    )


def action_owners(session: Session, body_id: int) -> list[str]:
    """Every owner the body's actions have had, most used first: suggestions for a new one."""
    rows = session.exec(
        select(models.Action.owner, func.count())
        .where(models.Action.body_id == body_id, models.Action.owner != "")
        .group_by(col(models.Action.owner))
        .order_by(func.count().desc(), col(models.Action.owner))
    ).all()
    return [owner for owner, _ in rows]


def present_voters(session: Session, meeting_id: int) -> list[VoterView]:
    """Voting members (and substitutes) marked present and not yet gone, by surname."""
    rows = session.exec(
        select(models.Attendance, models.Person)
        .join(models.Person, col(models.Person.id) == col(models.Attendance.person_id))
        .where(
            models.Attendance.meeting_id == meeting_id,
            col(models.Attendance.voting).is_(True),
            col(models.Attendance.capacity).in_(("member", "substitute")),
            models.Attendance.status == "present",
            col(models.Attendance.left_at).is_(None),
        )
    ).all()
    voters = [
        VoterView(
            person_id=person.id or 0,
            name=view_of(PersonView, person).display_name,
            represents=attendance.represents or attendance.role_text,
            capacity=attendance.capacity,
        )
        for attendance, person in rows
    ]
    return sorted(voters, key=lambda v: surname_order(v.name))


def declarations(session: Session, item_id: int) -> list[DeclarationFact]:
    rows = session.exec(
        select(models.Declaration).where(models.Declaration.item_id == item_id)
    ).all()
    return [DeclarationFact(person_id=d.person_id, kind=d.kind, action=d.action) for d in rows]


def voting_membership(session: Session, body_id: int, on: date) -> int:
    """Voting members of the body in force on ``on`` (officers and guests never vote)."""
    return session.exec(
        select(func.count())
        .select_from(models.Membership)
        .where(
            models.Membership.body_id == body_id,
            col(models.Membership.voting).is_(True),
            col(models.Membership.role).not_in(("officer", "guest")),
            in_force(on),
        )
    ).one()


def meeting_items(session: Session, meeting_id: int) -> list[models.AgendaItem]:
    return list(
        session.exec(
            select(models.AgendaItem)
            .where(models.AgendaItem.meeting_id == meeting_id)
            .order_by(col(models.AgendaItem.position))
        ).all()
    )


def actions_of_resolution(session: Session, resolution_id: int) -> list[models.Action]:
    return list(
        session.exec(select(models.Action).where(models.Action.resolution_id == resolution_id))
    )


def resolutions_of_vote(session: Session, vote_id: int) -> list[models.Resolution]:
    return list(session.exec(select(models.Resolution).where(models.Resolution.vote_id == vote_id)))


def motions(session: Session, item_id: int) -> list[models.Motion]:
    """An item's motions and amendments in the order moved."""
    return list(
        session.exec(
            select(models.Motion)
            .where(models.Motion.item_id == item_id)
            .order_by(col(models.Motion.position), col(models.Motion.id))
        ).all()
    )


def votes_on_motions(session: Session, item_id: int) -> list[models.Vote]:
    """An item's votes on its motions and amendments (votes on bare words left out)."""
    return list(
        session.exec(
            select(models.Vote)
            .where(models.Vote.item_id == item_id, col(models.Vote.motion_id).is_not(None))
            .order_by(col(models.Vote.id))
        ).all()
    )


def before_vote(session: Session, vote_id: int, entity: str, entity_id: int) -> dict[str, Any]:
    """A row as it was before the clerk action that recorded ``vote_id`` changed it (read
    from that action's audit events): {} when that action left the row alone."""
    created = session.exec(
        select(models.AuditEvent)
        .where(
            models.AuditEvent.entity == "vote",
            models.AuditEvent.entity_id == vote_id,
            models.AuditEvent.op == "create",
            col(models.AuditEvent.undone).is_(False),
        )
        .order_by(col(models.AuditEvent.id).desc())
    ).first()
    if created is None:
        return {}
    changed = session.exec(
        select(models.AuditEvent)
        .where(
            models.AuditEvent.group_id == created.group_id,
            models.AuditEvent.entity == entity,
            models.AuditEvent.entity_id == entity_id,
            models.AuditEvent.op == "update",
        )
        .order_by(col(models.AuditEvent.id))
    ).first()
    before: dict[str, Any] = json.loads(changed.before or "{}") if changed is not None else {}
    return before


def person_votes(session: Session, vote_id: int) -> list[models.PersonVote]:
    return list(session.exec(select(models.PersonVote).where(models.PersonVote.vote_id == vote_id)))


def action_updates(session: Session, action_id: int) -> list[models.ActionUpdate]:
    return list(
        session.exec(select(models.ActionUpdate).where(models.ActionUpdate.action_id == action_id))
    )


__all__ = [
    "ActionView",
    "DeclarationFact",
    "ItemMinuteView",
    "MotionView",
    "NamedVoteView",
    "NoteView",
    "ResolutionView",
    "VoteSetup",
    "VoteView",
    "VoterView",
]
