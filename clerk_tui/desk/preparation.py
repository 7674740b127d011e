"""Before the meeting: bodies, people, membership over time, meetings and their agenda."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlmodel import Session, col, func, select

from clerk_tui.desk.base import Changes, DeskBase
from clerk_tui.errors import ClerkError
from db import models, queries
from db.views import BodyView, ItemView, MeetingSummary, MeetingView, MembershipView, PersonView

if TYPE_CHECKING:
    from clerk_tui.agenda_import import ImportedAgenda
    from clerk_tui.desk.importing import ImportOptions, ImportResult

# Roles of the people who sit on a body, and of those who attend it without a seat.
MEMBER_ROLES = ("chair", "vice-chair", "member", "independent-member", "co-opted")
ATTENDER_ROLES = ("officer", "guest")


# ---- values typed by a clerk ------------------------------------------------------------------

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%a %d %b %Y")
_TIME_FORMATS = ("%H:%M", "%H.%M", "%H%M", "%I:%M%p", "%I.%M%p", "%I%p")
_AM_PM = re.compile(r"([AP])\.?M\.?$")


def parse_date(text: str, what: str = "date") -> date:
    """A date as a clerk types it: 2022-03-14, 14/03/2022 or 14 March 2022 (day first)."""
    raw = " ".join(text.split())
    if not raw:
        raise ClerkError("give a date, e.g. 2022-03-14", where=what)
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(raw, form).date()
        except ValueError:
            continue
    raise ClerkError(f"{raw!r} is not a date: write it as YYYY-MM-DD, e.g. 2022-03-14", where=what)


def parse_time(text: str, what: str = "time") -> time:
    """A time of day: 13:30, 1330, 13.30 or 1:30pm."""
    raw = _AM_PM.sub(r"\1M", "".join(text.split()).upper())
    if not raw:
        raise ClerkError("give a time, e.g. 13:30", where=what)
    for form in _TIME_FORMATS:
        if raw.isdigit() and len(raw) != 4:
            break  # "130" could be 1:30 or 13:00: ask rather than guess
        try:
            return datetime.strptime(raw, form).time()
        except ValueError:
            continue
    raise ClerkError(f"{text.strip()!r} is not a time of day: write it as HH:MM", where=what)


def parse_optional_time(text: str, what: str = "time") -> time | None:
    return parse_time(text, what) if text.strip() else None


def parse_optional_date(text: str, what: str = "date") -> date | None:
    return parse_date(text, what) if text.strip() else None


def long_date(day: date) -> str:
    """'14 March 2022', as the minutes and agendas write it (no leading zero)."""
    return f"{day.day} {day:%B %Y}"


# ---- fields of a clerk action -----------------------------------------------------------------


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
class MembershipFields:
    """Who sits (or attends), in what role, for whom, from when to when."""

    title: str
    full_name: str
    start: date
    role: str = "member"
    represents: str = ""
    role_text: str = ""
    voting: bool = True
    end: date | None = None

    def check(self) -> None:
        if not " ".join(self.full_name.split()):
            raise ClerkError("a person needs a name", where="name")
        if self.role not in models.ROLES:
            raise ClerkError(f"{self.role!r} is not a role", where="role")
        if self.end is not None and self.end < self.start:
            raise ClerkError(
                f"the membership cannot end ({long_date(self.end)}) before it begins "
                f"({long_date(self.start)})",
                where="to",
            )
        if self.role in ATTENDER_ROLES and not self.role_text.strip():
            raise ClerkError(
                f"an {self.role} needs a role text, e.g. Chief Executive, OPCC", where="role text"
            )

    @property
    def votes(self) -> bool:
        """Officers and guests never vote, whatever the box says."""
        return self.voting and self.role not in ATTENDER_ROLES


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

    @classmethod
    def of(cls, item: ItemView) -> ItemFields:
        """The fields of an item as stored, to edit one of them."""
        return cls(
            title=item.title,
            number=item.number,
            description=item.description,
            papers=item.papers,
            approximate_time=item.approximate_time,
            presenter=item.presenter,
            kind=item.kind,
            exempt=item.exempt,
            exempt_reason=item.exempt_reason,
            recorded_vote_required=item.recorded_vote_required,
        )

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
        if not self.exempt and self.exempt_reason.strip():
            raise ClerkError("only an exempt item has an exemption reason", where="exempt reason")


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
PREVIOUS_MINUTES_TITLE = "MINUTES AND ACTION TRACKER"
PAPERS_CYCLE = dict(zip(models.PAPERS, (*models.PAPERS[1:], models.PAPERS[0]), strict=True))


def previous_minutes_item(previous: date) -> ItemFields:
    """The item that confirms the last meeting's minutes and reviews the tracker."""
    return ItemFields(
        PREVIOUS_MINUTES_TITLE,
        description=(
            f"To confirm the minutes of the meeting held on {long_date(previous)} "
            "and note the latest action tracker."
        ),
        papers="Attached",
        kind="previous-minutes",
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
        """The body's memberships, or those in force on ``on``. Read whole and filtered here
        so that a replacement still names whom they replaced when that one has gone."""
        with self.reading() as session:
            views = queries.memberships(session, body_id)
        return [v for v in views if on is None or v.in_force(on)]

    def roster(self, meeting_id: int) -> list[MembershipView]:
        """The memberships in force on the meeting's date: its members, officers and guests."""
        meeting = self.meeting(meeting_id)
        return self.memberships(meeting.body.id, meeting.date)

    def people(self, containing: str = "", limit: int = 20) -> list[PersonView]:
        with self.reading() as session:
            return queries.people(session, containing, limit)

    def find_body(self, name: str) -> BodyView | None:
        wanted = name.strip().lower()
        for body in self.bodies():
            if wanted in (body.name.lower(), body.short_name.lower()):
                return body
        return None

    def previous_meeting(self, body_id: int, before: date | None = None) -> MeetingSummary | None:
        """The body's newest meeting (before ``before``, when given)."""
        for meeting in self.meetings(body_id):  # newest first
            if before is None or meeting.date < before:
                return meeting
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
        return self.body(body_id)

    # ---- people and membership ---------------------------------------------------------
    def person_for(self, changes: Changes, title: str, full_name: str) -> models.Person:
        """The one row for this human: reused when the name is known, created when not."""
        name = " ".join(full_name.split())
        if not name:
            raise ClerkError("a person needs a name", where="name")
        found = _person_named(changes.session, name)
        if found is not None:
            if title.strip() and not found.title:
                changes.update(found, f"{name}: title {title}", title=title.strip())
            return found
        return changes.add(
            models.Person(title=title.strip(), full_name=name, created_at=changes.at),
            summary=f"{name} added",
        )

    def appoint(self, body_id: int, fields: MembershipFields) -> MembershipView:
        """A member, officer or guest of the body from ``fields.start``."""
        fields.check()
        with self.recording() as changes:
            body = self.get(changes.session, models.Body, body_id, "body")
            person = self.person_for(changes, fields.title, fields.full_name)
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
        with self.recording() as changes:
            row = self.get(changes.session, models.Membership, membership_id, "membership")
            person = self.get(changes.session, models.Person, row.person_id, "person")
            name = " ".join(fields.full_name.split())
            if name != person.full_name:
                other = _person_named(changes.session, name)
                if other is not None and other.id != person.id:
                    raise ClerkError(
                        f"{other.full_name} is already someone else: appoint them instead",
                        where="name",
                    )
            if (fields.title.strip(), name) != (person.title, person.full_name):
                changes.update(
                    person, f"{name} renamed", title=fields.title.strip(), full_name=name
                )
            body = self.get(changes.session, models.Body, row.body_id, "body")
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
        with self.recording() as changes:
            row = self.get(changes.session, models.Membership, membership_id, "membership")
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
        with self.recording() as changes:
            old = self.get(changes.session, models.Membership, membership_id, "membership")
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
            body = self.get(changes.session, models.Body, old.body_id, "body")
            person = self.person_for(changes, title, full_name)
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

    # ---- meetings ----------------------------------------------------------------------
    def create_meeting(self, body_id: int, fields: MeetingFields) -> MeetingView:
        for item in fields.items:
            item.check()
        with self.recording() as changes:
            self.get(changes.session, models.Body, body_id, "body")
            meeting = self.add_meeting_row(changes, body_id, fields)
            meeting_id = meeting.id or 0
        return self.meeting(meeting_id)

    def create_meeting_from_previous(self, previous_id: int, fields: MeetingFields) -> MeetingView:
        """The next meeting of the same body: the standard opening items and an item to confirm
        the previous meeting's minutes and review the tracker. The tracker's outstanding actions
        belong to the body, so they carry over by themselves; the roster is whoever is in force
        on the new date (see ``roster``)."""
        with self.recording() as changes:
            previous = self.get(changes.session, models.Meeting, previous_id, "meeting")
            if fields.date <= previous.date:
                raise ClerkError(
                    f"the new meeting must come after the one of {long_date(previous.date)}",
                    where="date",
                )
            items = (*STANDARD_OPENING, previous_minutes_item(previous.date))
            numbered = tuple(
                ItemFields(**{**item.__dict__, "number": str(n)})
                for n, item in enumerate(items, start=1)
            )
            meeting = self.add_meeting_row(
                changes,
                previous.body_id,
                MeetingFields(
                    date=fields.date,
                    scheduled_start=fields.scheduled_start,
                    venue=fields.venue,
                    livestream_url=fields.livestream_url,
                    items=numbered,
                ),
                previous=previous.id,
            )
            meeting_id = meeting.id or 0
        return self.meeting(meeting_id)

    def add_meeting_row(
        self, changes: Changes, body_id: int, fields: MeetingFields, previous: int | None = None
    ) -> models.Meeting:
        """Write a meeting and its items inside the caller's transaction."""
        clash = changes.session.exec(
            select(models.Meeting).where(
                models.Meeting.body_id == body_id,
                models.Meeting.date == fields.date,
                models.Meeting.scheduled_start == fields.scheduled_start,
            )
        ).first()
        if clash is not None:
            raise ClerkError(
                f"there is already a meeting at {fields.scheduled_start:%H:%M} on "
                f"{long_date(fields.date)}",
                where="date",
            )
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
            summary=f"meeting of {long_date(fields.date)} created",
        )
        changes.meeting_id = meeting.id
        for position, item in enumerate(fields.items):
            self.add_item_row(changes, meeting, position, item)
        return meeting

    def add_item_row(
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

    def update_meeting(self, meeting_id: int, fields: MeetingFields) -> MeetingView:
        """Correct a meeting's date, start, venue or livestream link (its items stay)."""
        with self.recording(meeting_id) as changes:
            row = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            if row.status != "planned" and fields.date != row.date:
                raise ClerkError("a meeting that has begun keeps its date", where="date")
            changes.update(
                row,
                "meeting details edited",
                date=fields.date,
                scheduled_start=fields.scheduled_start,
                venue=fields.venue.strip(),
                livestream_url=fields.livestream_url.strip(),
            )
        return self.meeting(meeting_id)

    def delete_meeting(self, meeting_id: int) -> BodyView:
        """Remove a planned meeting made by mistake, with its agenda; returns its body."""
        # Logged without the meeting's id: the events outlive the row they would point at.
        with self.recording() as changes:
            row = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            if row.status != "planned":
                raise ClerkError(
                    f"the meeting of {long_date(row.date)} has begun: it cannot be deleted"
                )
            items = queries.items(changes.session, meeting_id)
            for item in items:
                _refuse_tracked(changes.session, item, "its meeting cannot be deleted")
            for item in items:
                changes.delete(item, f"item {item.number} {item.title} deleted")
            changes.delete(row, f"meeting of {long_date(row.date)} deleted")
            body_id = row.body_id
        return self.body(body_id)

    # ---- agenda ------------------------------------------------------------------------
    def add_item(
        self, meeting_id: int, fields: ItemFields, *, after: int | None = None
    ) -> ItemView:
        """Add an item at the end, or just after the item whose id is ``after``
        (``after=0`` puts it first)."""
        fields.check()
        with self.recording(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            items = queries.items(changes.session, meeting_id)
            index = len(items)
            if after == 0:
                index = 0
            elif after is not None:
                index = next((i + 1 for i, it in enumerate(items) if it.id == after), len(items))
            row = self.add_item_row(changes, meeting, _free_position(changes.session), fields)
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

    def cycle_papers(self, item_id: int) -> ItemView:
        """none → Attached → To Follow → Tabled → none: the papers arrive as the day nears."""
        with self.recording() as changes:
            row = self.get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            papers = PAPERS_CYCLE[row.papers]
            changes.update(row, f"item {row.number}: papers {papers}", papers=papers)
            return queries.item_view(row)

    def move_item(self, item_id: int, offset: int) -> MeetingView:
        """Move an item up (offset -1) or down (+1) the agenda."""
        with self.recording() as changes:
            row = self.get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            _refuse_closed(self.get(changes.session, models.Meeting, row.meeting_id, "meeting"))
            items = queries.items(changes.session, row.meeting_id)
            index = next(i for i, it in enumerate(items) if it.id == item_id)
            target = max(0, min(len(items) - 1, index + offset))
            items.insert(target, items.pop(index))
            self._renumber(changes, items)
            meeting_id = row.meeting_id
        return self.meeting(meeting_id)

    def renumber_items(self, meeting_id: int) -> MeetingView:
        """Label the items 1, 2, 3... in their agenda order."""
        with self.recording(meeting_id) as changes:
            _refuse_closed(self.get(changes.session, models.Meeting, meeting_id, "meeting"))
            for n, item in enumerate(queries.items(changes.session, meeting_id), start=1):
                if item.number != str(n):
                    changes.update(item, f"item {item.number} renumbered {n}", number=str(n))
        return self.meeting(meeting_id)

    def delete_item(self, item_id: int) -> MeetingView:
        with self.recording() as changes:
            row = self.get(changes.session, models.AgendaItem, item_id, "agenda item")
            _refuse_closed(self.get(changes.session, models.Meeting, row.meeting_id, "meeting"))
            if row.state in ("running", "taken"):
                raise ClerkError(
                    "an item that has been taken cannot be deleted; withdraw it instead"
                )
            _refuse_tracked(changes.session, row, "it cannot be deleted; withdraw it instead")
            changes.meeting_id = meeting_id = row.meeting_id
            changes.delete(row, f"item {row.number} {row.title} deleted")
            self._renumber(changes, queries.items(changes.session, meeting_id))
        return self.meeting(meeting_id)

    def _renumber(self, changes: Changes, items: list[models.AgendaItem]) -> None:
        """Give ``items`` positions 0..n-1 in list order without ever breaking the unique key:
        first park the moved ones beyond every position in use, then set them. Both steps are
        audited, so undo walks back through the parking to the old order."""
        moved = [(i, it) for i, it in enumerate(items) if it.position != i]
        if not moved:
            return
        park = _free_position(changes.session)
        for offset, (_, item) in enumerate(moved):
            changes.update(item, "agenda reordered", position=park + offset)
        for index, item in moved:
            changes.update(item, "agenda reordered", position=index)

    # ---- agenda import (clerk_tui/desk/importing.py) -----------------------------------
    # The Desk is composed in clerk_tui/desk/__init__.py; the importer keeps its own module and
    # is reached through these two methods (imported here, late, because it builds on this one).
    def import_agenda(
        self, agenda: ImportedAgenda, options: ImportOptions | None = None, *, source: str = ""
    ) -> ImportResult:
        from clerk_tui.desk import importing

        return importing.import_agenda(self, agenda, options, source=source)

    def import_agenda_file(
        self, path: str | os.PathLike[str], options: ImportOptions | None = None
    ) -> ImportResult:
        from clerk_tui.desk import importing

        return importing.import_agenda_file(self, path, options)


def _person_named(session: Session, name: str) -> models.Person | None:
    return session.exec(
        select(models.Person).where(func.lower(models.Person.full_name) == name.lower())
    ).first()


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


def _refuse_closed(meeting: models.Meeting) -> None:
    if meeting.status == "closed":
        raise ClerkError(
            f"the meeting of {long_date(meeting.date)} is closed: its agenda cannot change"
        )


def _free_position(session: Session) -> int:
    """A position above every one in use, anywhere (so parking never collides)."""
    highest = session.exec(select(func.max(col(models.AgendaItem.position)))).one()
    return (highest or 0) + 1


def _clean(values: dict[str, object]) -> dict[str, object]:
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def _refuse_tracked(session: Session, item: models.AgendaItem, outcome: str) -> None:
    """An item's tracker actions would lose it (the schema sets their item to nothing) — and
    with it what says they are exempt, so an exempt item's actions would turn public."""
    count = session.exec(
        select(func.count()).select_from(models.Action).where(models.Action.item_id == item.id)
    ).one()
    if count:
        actions = "a tracker action" if count == 1 else f"{count} tracker actions"
        raise ClerkError(f"item {item.number} has {actions}: {outcome}")
