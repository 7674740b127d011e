"""Import an agenda document (clerk_tui/agenda_import.py reads it) as one clerk action.

One transaction: find the body by name (or create it, with the contact details the header
gives), create the meeting of that date (or fill one that has no items yet), add the items.
Anything refused is refused before a row is written, or rolls the whole import back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, time

from sqlmodel import col, func, select

from clerk_tui.agenda_import import ImportedAgenda, ImportedItem, read_agenda_file
from clerk_tui.desk.preparation import ItemFields, MeetingFields
from clerk_tui.desk.rows import add_item_row, add_meeting_row, read_meeting
from clerk_tui.desk.store import Changes, Store
from clerk_tui.errors import ClerkError
from clerk_tui.values import long_date
from db import models
from db.views import MeetingView


@dataclass(frozen=True)
class ImportOptions:
    """What the clerk says instead of the file's header (None: take the header's)."""

    body: str | None = None
    date: date | None = None
    time: time | None = None
    venue: str | None = None


@dataclass(frozen=True)
class ImportResult:
    meeting: MeetingView
    body_created: bool
    warnings: tuple[str, ...] = ()  # lines and columns skipped
    # What the clerk should check ("line 12: item 7 mentions 'private' ..."): items that may be
    # exempt though imported as public, items made exempt by a heading, characters removed.
    cautions: tuple[str, ...] = ()
    unsure: tuple[str, ...] = ()  # the numbers of the items that may be exempt

    @property
    def all_warnings(self) -> tuple[str, ...]:
        """Every warning and caution, one sentence each, as the command line prints them."""
        return (*self.warnings, *self.cautions)

    @property
    def summary(self) -> str:
        meeting = self.meeting
        created = " (a new body)" if self.body_created else ""
        exempt = [item.number or item.title for item in meeting.items if item.exempt]
        return (
            f"{len(meeting.items)} items imported into the meeting of {meeting.body.name}"
            f"{created} on {long_date(meeting.date)} at {meeting.scheduled_start:%H:%M}"
            + (f"; exempt: {_numbers(exempt)}" if exempt else "")
            + (
                f"; check whether {_numbers(list(self.unsure), verb=True)} exempt"
                if self.unsure
                else ""
            )
        )


def _numbers(labels: list[str], *, verb: bool = False) -> str:
    """ "item 7", "items 7 and 9", "items 7, 8 and 9" (with ``verb``: "item 7 is", "... are")."""
    if len(labels) == 1:
        return f"item {labels[0]}" + (" is" if verb else "")
    return f"items {', '.join(labels[:-1])} and {labels[-1]}" + (" are" if verb else "")


def import_agenda_file(
    store: Store, path: str | os.PathLike[str], options: ImportOptions | None = None
) -> ImportResult:
    """Read the file, then import it; every refusal names the file."""
    agenda = read_agenda_file(path)
    return import_agenda(store, agenda, options, source=os.fspath(path))


def import_agenda(
    store: Store,
    agenda: ImportedAgenda,
    options: ImportOptions | None = None,
    *,
    source: str = "",
) -> ImportResult:
    options = options or ImportOptions()
    where = source or None
    body_name = _choose(options.body, agenda.body_name)
    if not body_name:
        raise ClerkError(
            "the agenda does not name its body: give it (Body, or --body NAME)", where=where
        )
    day = options.date or agenda.date
    if day is None:
        raise ClerkError(
            "the agenda gives no date: give it (Date, or --date YYYY-MM-DD)", where=where
        )
    start = options.time or agenda.start_time or _first_time(agenda.items)
    if start is None:
        raise ClerkError(
            "the agenda gives no start time: give it (Start time, or --time HH:MM)", where=where
        )
    items = tuple(_item_fields(item) for item in agenda.items)
    for item, imported in zip(items, agenda.items, strict=True):
        try:
            item.check()
        except ClerkError as error:
            line = f"{source}:{imported.line}" if source and imported.line else where
            raise ClerkError(f"item {imported.number}: {error.message}", where=line) from None
    fields = MeetingFields(
        date=day,
        scheduled_start=start,
        venue=_choose(options.venue, agenda.venue),
        livestream_url=agenda.livestream_url or "",
        items=items,
    )
    try:
        with store.recording() as changes:
            body, created = _body(changes, body_name, agenda)
            meeting_id = _meeting(changes, body, fields)
    except ClerkError as error:
        # Refusals from inside say what, not where: the file is where.
        raise ClerkError(error.message, where=error.where or where) from None
    unsure = tuple(item.number for item in agenda.items if item.unsure)
    meeting = read_meeting(store, meeting_id)
    return ImportResult(meeting, created, agenda.warnings, agenda.cautions, unsure)


def _choose(option: str | None, header: str | None) -> str:
    return " ".join((option if option is not None else header or "").split())


def _first_time(items: tuple[ImportedItem, ...]) -> time | None:
    """With no start in the header, the meeting starts when its first timed item does."""
    return next((item.approximate_time for item in items if item.approximate_time), None)


def _item_fields(item: ImportedItem) -> ItemFields:
    return ItemFields(
        title=item.title,
        number=item.number,
        description=item.description,
        papers=item.papers,
        approximate_time=item.approximate_time,
        kind=item.kind,
        exempt=item.exempt,
        exempt_reason=item.exempt_reason,
    )


def _body(changes: Changes, name: str, agenda: ImportedAgenda) -> tuple[models.Body, bool]:
    """The body of that name or short name; a new one carries the header's contact details."""
    wanted = name.lower()
    by_name = func.lower(models.Body.name) == wanted
    by_short_name = func.lower(models.Body.short_name) == wanted
    found = changes.session.exec(select(models.Body).where(by_name | by_short_name)).first()
    if found is not None:
        return found, False
    body = changes.add(
        models.Body(
            name=name,
            contact_name=agenda.contact_name or "",
            contact_email=agenda.contact_email or "",
            contact_phone=agenda.contact_phone or "",
            website=agenda.website or "",
            created_at=changes.at,
        ),
        summary=f"body {name} created by an agenda import",
    )
    return body, True


def _meeting(changes: Changes, body: models.Body, fields: MeetingFields) -> int:
    """A new meeting with the items, or the items added to a meeting of that date that has none
    (made with ``n`` before the agenda came); a meeting that has items is never touched."""
    same_day = changes.session.exec(
        select(models.Meeting).where(
            models.Meeting.body_id == body.id, models.Meeting.date == fields.date
        )
    ).all()
    for meeting in same_day:
        count = changes.session.exec(
            select(func.count())
            .select_from(models.AgendaItem)
            .where(models.AgendaItem.meeting_id == meeting.id)
        ).one()
        if count:
            raise ClerkError(
                f"the {body.name} already has a meeting on {long_date(fields.date)} with "
                f"{count} agenda items: nothing imported (edit that agenda, or import with "
                "another date)"
            )
    if not same_day:
        previous = changes.session.exec(
            select(models.Meeting.id)
            .where(models.Meeting.body_id == body.id, models.Meeting.date < fields.date)
            .order_by(col(models.Meeting.date).desc())
        ).first()
        return add_meeting_row(changes, body.id or 0, fields, previous).id or 0
    meeting = same_day[0]
    if meeting.status != "planned":
        raise ClerkError(
            f"the meeting of {long_date(fields.date)} has begun: nothing imported into it"
        )
    changes.meeting_id = meeting.id
    changes.update(
        meeting,
        "meeting details from the agenda",
        scheduled_start=fields.scheduled_start,
        venue=fields.venue or meeting.venue,
        livestream_url=fields.livestream_url or meeting.livestream_url,
    )
    for position, item in enumerate(fields.items):
        add_item_row(changes, meeting, position, item)
    return meeting.id or 0
