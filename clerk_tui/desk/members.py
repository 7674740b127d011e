"""Who sits on a body, and when: people (one row per human), memberships over time, the roster
of a meeting, appointments, corrections, ends and replacements."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session, select

from clerk_tui.desk.preparation import MembershipFields
from clerk_tui.desk.rows import person_for, person_named, read_meeting
from clerk_tui.desk.store import Store, get
from clerk_tui.errors import ClerkError
from clerk_tui.values import long_date
from db import models, queries
from db.views import MembershipView, PersonView


class MembersService:
    """``desk.members``: the people of each body and their memberships over time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- reads -------------------------------------------------------------------------
    def people(self, containing: str = "", limit: int = 20) -> list[PersonView]:
        with self.store.reading() as session:
            return queries.people(session, containing, limit)

    def memberships(self, body_id: int, on: date | None = None) -> list[MembershipView]:
        """The body's memberships, or those in force on ``on``. Read whole and filtered here
        so that a replacement still names whom they replaced when that one has gone."""
        with self.store.reading() as session:
            views = queries.memberships(session, body_id)
        return [v for v in views if on is None or v.in_force(on)]

    def roster(self, meeting_id: int) -> list[MembershipView]:
        """The memberships in force on the meeting's date: its members, officers and guests."""
        meeting = read_meeting(self.store, meeting_id)
        return self.memberships(meeting.body.id, meeting.date)

    # ---- membership --------------------------------------------------------------------
    def appoint(self, body_id: int, fields: MembershipFields) -> MembershipView:
        """A member, officer or guest of the body from ``fields.start``."""
        fields.check()
        with self.store.recording() as changes:
            body = get(changes.session, models.Body, body_id, "body")
            person = person_for(changes, fields.title, fields.full_name)
            _refuse_overlap(changes.session, body, person, fields.start, fields.end)
            membership = changes.add(
                models.Membership(
                    person_id=person.id or 0,
                    body_id=body_id,
                    role=fields.role,
                    represents=fields.represents.strip(),
                    role_text=fields.role_text.strip(),
                    voting=fields.votes,
                    start_date=fields.start,
                    end_date=fields.end,
                    created_at=changes.at,
                ),
                summary=f"{person.full_name} appointed ({fields.role})",
            )
            membership_id = membership.id or 0
        return self._membership(body_id, membership_id)

    def update_membership(self, membership_id: int, fields: MembershipFields) -> MembershipView:
        """Correct a membership: role, authority, voting, dates, and the person's title and
        name (one row per human, so a corrected name is corrected everywhere)."""
        fields.check()
        with self.store.recording() as changes:
            row = get(changes.session, models.Membership, membership_id, "membership")
            person = get(changes.session, models.Person, row.person_id, "person")
            name = " ".join(fields.full_name.split())
            if name != person.full_name:
                other = person_named(changes, name)
                if other is not None and other.id != person.id:
                    raise ClerkError(
                        f"{other.full_name} is already someone else: appoint them instead",
                        where="name",
                    )
            if (fields.title.strip(), name) != (person.title, person.full_name):
                changes.update(
                    person, f"{name} renamed", title=fields.title.strip(), full_name=name
                )
            body = get(changes.session, models.Body, row.body_id, "body")
            _refuse_overlap(changes.session, body, person, fields.start, fields.end, row.id)
            changes.update(
                row,
                f"membership of {name} edited",
                role=fields.role,
                represents=fields.represents.strip(),
                role_text=fields.role_text.strip(),
                voting=fields.votes,
                start_date=fields.start,
                end_date=fields.end,
            )
            body_id = row.body_id
        return self._membership(body_id, membership_id)

    def end_membership(self, membership_id: int, on: date) -> MembershipView:
        """The last day of a membership (it is in force on ``on``, not after)."""
        with self.store.recording() as changes:
            row = get(changes.session, models.Membership, membership_id, "membership")
            if on < row.start_date:
                raise ClerkError(
                    f"a membership that began on {long_date(row.start_date)} cannot end before it",
                    where="end date",
                )
            changes.update(row, "membership ended", end_date=on)
            body_id = row.body_id
        return self._membership(body_id, membership_id)

    def replace_member(
        self,
        membership_id: int,
        *,
        title: str,
        full_name: str,
        on: date,
        represents: str | None = None,
    ) -> MembershipView:
        """End one membership the day before ``on`` and start the replacement's, linked:
        "Cllr Bob Piper (Sandwell) has been appointed to replace Cllr Carmicheal"."""
        with self.store.recording() as changes:
            old = get(changes.session, models.Membership, membership_id, "membership")
            if on <= old.start_date:
                raise ClerkError(
                    "the replacement must start after the member being replaced began "
                    f"({long_date(old.start_date)})",
                    where="from",
                )
            if old.end_date is not None and old.end_date < on - timedelta(days=1):
                raise ClerkError(
                    f"that membership had already ended on {long_date(old.end_date)}",
                    where="member",
                )
            body = get(changes.session, models.Body, old.body_id, "body")
            person = person_for(changes, title, full_name)
            if person.id == old.person_id:
                raise ClerkError("a member cannot replace themselves", where="name")
            changes.update(old, "membership ended (replaced)", end_date=on - timedelta(days=1))
            _refuse_overlap(changes.session, body, person, on, None)
            new = changes.add(
                models.Membership(
                    person_id=person.id or 0,
                    body_id=old.body_id,
                    role="member" if old.role in ("chair", "vice-chair") else old.role,
                    represents=old.represents if represents is None else represents.strip(),
                    role_text=old.role_text,
                    voting=old.voting,
                    start_date=on,
                    replaces_id=old.id,
                    created_at=changes.at,
                ),
                summary=f"{person.full_name} appointed in place of a member",
            )
            body_id, new_id = old.body_id, new.id or 0
        return self._membership(body_id, new_id)

    def _membership(self, body_id: int, membership_id: int) -> MembershipView:
        for view in self.memberships(body_id):
            if view.id == membership_id:
                return view
        raise ClerkError(f"there is no membership {membership_id}")


def _refuse_overlap(
    session: Session,
    body: models.Body,
    person: models.Person,
    start: date,
    end: date | None,
    ignore: int | None = None,
) -> None:
    """One person holds one membership of a body at a time."""
    rows = session.exec(
        select(models.Membership).where(
            models.Membership.body_id == body.id, models.Membership.person_id == person.id
        )
    ).all()
    for row in rows:
        if row.id == ignore:
            continue
        if row.start_date <= (end or date.max) and start <= (row.end_date or date.max):
            until = f" until {long_date(row.end_date)}" if row.end_date else ""
            raise ClerkError(
                f"{person.full_name} is already on the {body.short_name or body.name} from "
                f"{long_date(row.start_date)}{until}",
                where="name",
            )
