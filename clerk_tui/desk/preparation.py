"""Before the meeting: bodies, people, membership over time, meetings and their agenda."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from sqlmodel import Session, col, func, select

from clerk_tui.desk.base import Changes, DeskBase
from clerk_tui.errors import ClerkError
from db import models, queries
from db.views import BodyView, ItemView, MeetingSummary, MeetingView, MembershipView, PersonView


@dataclass(frozen=True)
class BodyFields:
    name: str
    short_name: str = ""
    host_authority: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""
    quorum: int = 0
    next_minute_number: int = 1

    def check(self) -> None:
        if not self.name.strip():
            raise ClerkError("a body needs a name", where="name")
        if self.quorum < 0:
            raise ClerkError("the quorum cannot be negative", where="quorum")
        if self.next_minute_number < 1:
            raise ClerkError("the next minute number must be 1 or more", where="next minute")


@dataclass(frozen=True)
class ItemFields:
    title: str
    number: str = ""
    description: str = ""
    papers: str = "none"
    approximate_time: time | None = None
    presenter: str = ""
    kind: str = "report"
    exempt: bool = False
    exempt_reason: str = ""
    recorded_vote_required: bool = False

    def check(self) -> None:
        if not self.title.strip():
            raise ClerkError("an item needs a title", where="title")
        if self.papers not in models.PAPERS:
            raise ClerkError(
                f"papers must be one of {', '.join(models.PAPERS)}, not {self.papers!r}",
                where="papers",
            )
        if self.kind not in models.ITEM_KINDS:
            raise ClerkError(f"{self.kind!r} is not a kind of item", where="kind")
        if self.exempt and not self.exempt_reason.strip():
            raise ClerkError(
                "an exempt item needs its reason, e.g. paragraph 3 of Schedule 12A",
                where="exempt reason",
            )


@dataclass(frozen=True)
class MeetingFields:
    date: date
    scheduled_start: time
    venue: str = ""
    livestream_url: str = ""
    items: tuple[ItemFields, ...] = field(default_factory=tuple)


# The items every meeting opens with, for a meeting made from the previous one.
STANDARD_OPENING = (
    ItemFields("NOTICE OF RECORDING AND WEBCASTING", kind="notice-of-recording"),
    ItemFields("APOLOGIES", kind="apologies"),
    ItemFields("DECLARATIONS OF INTEREST", kind="declarations"),
)


class PreparationDesk(DeskBase):
    # ---- reads -------------------------------------------------------------------------
    def bodies(self) -> list[BodyView]:
        with self.reading() as session:
            return queries.bodies(session)

    def body(self, body_id: int) -> BodyView:
        with self.reading() as session:
            view = queries.body(session, body_id)
        if view is None:
            raise ClerkError(f"there is no body {body_id}")
        return view

    def meetings(self, body_id: int | None = None) -> list[MeetingSummary]:
        with self.reading() as session:
            return queries.meetings(session, body_id)

    def meeting(self, meeting_id: int) -> MeetingView:
        with self.reading() as session:
            view = queries.meeting(session, meeting_id)
        if view is None:
            raise ClerkError(f"there is no meeting {meeting_id}")
        return view

    def memberships(self, body_id: int, on: date | None = None) -> list[MembershipView]:
        with self.reading() as session:
            return queries.memberships(session, body_id, on)

    def people(self, containing: str = "", limit: int = 20) -> list[PersonView]:
        with self.reading() as session:
            return queries.people(session, containing, limit)

    def find_body(self, name: str) -> BodyView | None:
        wanted = name.strip().lower()
        for body in self.bodies():
            if wanted in (body.name.lower(), body.short_name.lower()):
                return body
        return None

    # ---- bodies ------------------------------------------------------------------------
    def create_body(self, fields: BodyFields) -> BodyView:
        fields.check()
        with self.recording() as changes:
            row = changes.add(
                models.Body(**_clean(fields.__dict__), created_at=changes.at),
                summary=f"body {fields.name} created",
            )
            return queries.body_view(row)

    def update_body(self, body_id: int, fields: BodyFields) -> BodyView:
        fields.check()
        with self.recording() as changes:
            row = self.get(changes.session, models.Body, body_id, "body")
            changes.update(row, f"body {fields.name} edited", **_clean(fields.__dict__))
            return queries.body_view(row)

    # ---- people and membership ---------------------------------------------------------
    def person_for(self, changes: Changes, title: str, full_name: str) -> models.Person:
        """The one row for this human: reused when the name is known, created when not."""
        name = " ".join(full_name.split())
        if not name:
            raise ClerkError("a person needs a name", where="name")
        found = changes.session.exec(
            select(models.Person).where(func.lower(models.Person.full_name) == name.lower())
        ).first()
        if found is not None:
            if title and not found.title:
                changes.update(found, f"{name}: title {title}", title=title)
            return found
        return changes.add(
            models.Person(title=title.strip(), full_name=name, created_at=changes.at),
            summary=f"{name} added",
        )

    def appoint(
        self,
        body_id: int,
        *,
        title: str,
        full_name: str,
        role: str = "member",
        represents: str = "",
        role_text: str = "",
        voting: bool = True,
        start: date,
        replaces_id: int | None = None,
    ) -> MembershipView:
        if role not in models.ROLES:
            raise ClerkError(f"{role!r} is not a role", where="role")
        with self.recording() as changes:
            self.get(changes.session, models.Body, body_id, "body")
            person = self.person_for(changes, title, full_name)
            membership = changes.add(
                models.Membership(
                    person_id=person.id or 0,
                    body_id=body_id,
                    role=role,
                    represents=represents.strip(),
                    role_text=role_text.strip(),
                    voting=voting and role not in ("officer", "guest"),
                    start_date=start,
                    replaces_id=replaces_id,
                    created_at=changes.at,
                ),
                summary=f"{person.full_name} appointed",
            )
            membership_id = membership.id or 0
        return self._membership(body_id, membership_id)

    def end_membership(self, membership_id: int, on: date) -> MembershipView:
        with self.recording() as changes:
            row = self.get(changes.session, models.Membership, membership_id, "membership")
            if on < row.start_date:
                raise ClerkError(
                    f"a membership that began on {row.start_date:%d %B %Y} cannot end before it",
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
        """End one membership the day before ``on`` and start the replacement's, linked."""
        with self.recording() as changes:
            old = self.get(changes.session, models.Membership, membership_id, "membership")
            if on <= old.start_date:
                raise ClerkError(
                    "the replacement must start after the member being replaced began",
                    where="date",
                )
            if old.end_date is not None and old.end_date < on - timedelta(days=1):
                raise ClerkError("that membership had already ended", where="member")
            changes.update(old, "membership ended (replaced)", end_date=on - timedelta(days=1))
            person = self.person_for(changes, title, full_name)
            new = changes.add(
                models.Membership(
                    person_id=person.id or 0,
                    body_id=old.body_id,
                    role="member" if old.role in ("chair", "vice-chair") else old.role,
                    represents=old.represents if represents is None else represents,
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

    # ---- meetings and agenda -----------------------------------------------------------
    def create_meeting(self, body_id: int, fields: MeetingFields) -> MeetingView:
        for item in fields.items:
            item.check()
        with self.recording() as changes:
            self.get(changes.session, models.Body, body_id, "body")
            meeting = self._add_meeting(changes, body_id, fields)
            meeting_id = meeting.id or 0
        return self.meeting(meeting_id)

    def _add_meeting(
        self, changes: Changes, body_id: int, fields: MeetingFields, previous: int | None = None
    ) -> models.Meeting:
        meeting = changes.add(
            models.Meeting(
                body_id=body_id,
                date=fields.date,
                scheduled_start=fields.scheduled_start,
                venue=fields.venue.strip(),
                livestream_url=fields.livestream_url.strip(),
                previous_meeting_id=previous,
                created_at=changes.at,
            ),
            summary=f"meeting of {fields.date:%d %B %Y} created",
        )
        changes.meeting_id = meeting.id
        for position, item in enumerate(fields.items):
            self._add_item_row(changes, meeting, position, item)
        return meeting

    def _add_item_row(
        self, changes: Changes, meeting: models.Meeting, position: int, item: ItemFields
    ) -> models.AgendaItem:
        return changes.add(
            models.AgendaItem(
                meeting_id=meeting.id or 0,
                body_id=meeting.body_id,
                position=position,
                **_clean(item.__dict__),
                created_at=changes.at,
            ),
            summary=f"item {item.number} {item.title} added",
        )

    def update_meeting(
        self,
        meeting_id: int,
        *,
        date_: date,
        scheduled_start: time,
        venue: str,
        livestream_url: str,
    ) -> MeetingView:
        with self.recording(meeting_id) as changes:
            row = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            changes.update(
                row,
                "meeting details edited",
                date=date_,
                scheduled_start=scheduled_start,
                venue=venue.strip(),
                livestream_url=livestream_url.strip(),
            )
        return self.meeting(meeting_id)

    def add_item(
        self, meeting_id: int, fields: ItemFields, *, after: int | None = None
    ) -> ItemView:
        """Add an item at the end, or just after the item whose id is ``after``."""
        fields.check()
        with self.recording(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            items = queries.items(changes.session, meeting_id)
            index = len(items)
            if after is not None:
                index = next((i + 1 for i, it in enumerate(items) if it.id == after), len(items))
            row = self._add_item_row(changes, meeting, _free_position(changes.session), fields)
            items.insert(index, row)
            self._renumber(changes, items)
            return queries.item_view(row)

    def update_item(self, item_id: int, fields: ItemFields) -> ItemView:
        fields.check()
        with self.recording() as changes:
            row = self.get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            changes.update(
                row, f"item {fields.number} {fields.title} edited", **_clean(fields.__dict__)
            )
            return queries.item_view(row)

    def move_item(self, item_id: int, offset: int) -> MeetingView:
        """Move an item up (offset -1) or down (+1) the agenda."""
        with self.recording() as changes:
            row = self.get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            items = queries.items(changes.session, row.meeting_id)
            index = next(i for i, it in enumerate(items) if it.id == item_id)
            target = max(0, min(len(items) - 1, index + offset))
            items.insert(target, items.pop(index))
            self._renumber(changes, items)
            meeting_id = row.meeting_id
        return self.meeting(meeting_id)

    def delete_item(self, item_id: int) -> MeetingView:
        with self.recording() as changes:
            row = self.get(changes.session, models.AgendaItem, item_id, "agenda item")
            if row.state in ("running", "taken"):
                raise ClerkError(
                    "an item that has been taken cannot be deleted; withdraw it instead"
                )
            changes.meeting_id = meeting_id = row.meeting_id
            changes.delete(row, f"item {row.number} {row.title} deleted")
            self._renumber(changes, queries.items(changes.session, meeting_id))
        return self.meeting(meeting_id)

    def _renumber(self, changes: Changes, items: list[models.AgendaItem]) -> None:
        """Give ``items`` positions 0..n-1 in list order without ever breaking the unique key:
        first park the moved ones beyond every position in use, then set them."""
        moved = [(i, it) for i, it in enumerate(items) if it.position != i]
        if not moved:
            return
        park = _free_position(changes.session)
        for offset, (_, item) in enumerate(moved):
            item.position = park + offset
            changes.session.add(item)
        changes.session.flush()
        for index, item in moved:
            changes.update(item, "agenda reordered", position=index)


def _free_position(session: Session) -> int:
    """A position above every one in use, anywhere (so parking never collides)."""
    highest = session.exec(select(func.max(col(models.AgendaItem.position)))).one()
    return (highest or 0) + 1


def _clean(values: dict[str, object]) -> dict[str, object]:
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
