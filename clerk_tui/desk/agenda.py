"""Before the meeting: bodies, meetings and their agenda, and the import of an agenda document
(:mod:`clerk_tui.desk.importing`, loaded only when an agenda is imported). People and membership
are :mod:`clerk_tui.desk.members`; what the dialogs hand in is :mod:`clerk_tui.desk.preparation`."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, func, select

from clerk_tui.desk.preparation import (
    PAPERS_CYCLE,
    STANDARD_OPENING,
    BodyFields,
    ItemFields,
    MeetingFields,
    previous_minutes_item,
)
from clerk_tui.desk.rows import add_item_row, add_meeting_row, read_meeting, stripped
from clerk_tui.desk.store import Changes, Store, get
from clerk_tui.desk.templates import apply_template, template_change
from clerk_tui.errors import ClerkError
from clerk_tui.values import long_date, try_date
from db import models, queries
from db.views import BodyView, ItemView, MeetingSummary, MeetingView

if TYPE_CHECKING:
    from clerk_tui.agenda_import import ImportedAgenda
    from clerk_tui.desk.importing import ImportOptions, ImportResult


class AgendaService:
    """``desk.agenda``: bodies, meetings and agenda items, one clerk action per method."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- reads -------------------------------------------------------------------------
    def bodies(self) -> list[BodyView]:
        with self.store.reading() as session:
            return queries.bodies(session)

    def body(self, body_id: int) -> BodyView:
        with self.store.reading() as session:
            view = queries.body(session, body_id)
        if view is None:
            raise ClerkError(f"there is no body {body_id}")
        return view

    def meetings(self, body_id: int | None = None) -> list[MeetingSummary]:
        with self.store.reading() as session:
            return queries.meetings(session, body_id)

    def meeting(self, meeting_id: int) -> MeetingView:
        return read_meeting(self.store, meeting_id)

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

    def find_meeting(self, spec: str | None, *, body: str | None = None, today: date) -> int:
        """The meeting a command line names: an id, a date as a clerk types it ("2022-03-14",
        "14 March 2022", "today": :mod:`clerk_tui.values`) or, given nothing, today's. Refused
        in one line that names the nearest meetings when there is none."""
        with self.store.reading() as session:
            summaries = queries.meetings(session)
        if body:
            wanted = body.strip().lower()
            summaries = [s for s in summaries if wanted in s.body_name.lower()]
            if not summaries:
                raise ClerkError(f"there is no body called {body!r}")
        if spec is not None and spec.strip().isdigit():
            meeting_id = int(spec)
            if not any(s.id == meeting_id for s in summaries):
                raise ClerkError(f"there is no meeting {meeting_id}{_nearest(summaries, today)}")
            return meeting_id
        if spec is None:
            day, named = today, f"today ({long_date(today)})"
        else:
            # Shaped like a date but naming none (31/02/2022, the wrong weekday): the values'
            # own refusal, which says why; not shaped like one at all: it may have been an id.
            found_day = try_date(spec, today=today, where=None)
            if found_day is None:
                raise ClerkError(f"{spec!r} is neither a meeting id nor a date like 2022-03-14")
            day = found_day
            named = f"today ({long_date(day)})" if day == today else f"on {long_date(day)}"
        found = [s for s in summaries if s.date == day]
        if not found:
            raise ClerkError(f"there is no meeting {named}{_nearest(summaries, day)}")
        if len(found) > 1:
            names = "; ".join(f"{s.body_name} (id {s.id})" for s in found)
            raise ClerkError(
                f"{len(found)} meetings {named}: {names} — say which with --body NAME or the id"
            )
        return found[0].id

    # ---- bodies ------------------------------------------------------------------------
    def create_body(self, fields: BodyFields) -> BodyView:
        """A new body, with its own Word template when ``fields.template`` names one (read and
        checked first: a file that is no Word file refuses the whole record)."""
        fields.check()
        template = template_change(fields.template)
        with self.store.recording() as changes:
            row = changes.add(
                models.Body(**_body_columns(fields), created_at=changes.at),
                summary=f"body {fields.name} created",
            )
            apply_template(changes, row, template)
            return queries.body_view(row)

    def update_body(self, body_id: int, fields: BodyFields) -> BodyView:
        """The body's details, and its Word template as ``fields.template`` says, in one
        clerk action."""
        fields.check()
        template = template_change(fields.template)
        with self.store.recording() as changes:
            row = get(changes.session, models.Body, body_id, "body")
            changes.update(row, f"body {fields.name} edited", **_body_columns(fields))
            apply_template(changes, row, template)
        return self.body(body_id)

    # ---- meetings ----------------------------------------------------------------------
    def create_meeting(self, body_id: int, fields: MeetingFields) -> MeetingView:
        for item in fields.items:
            item.check()
        with self.store.recording() as changes:
            get(changes.session, models.Body, body_id, "body")
            meeting = add_meeting_row(changes, body_id, fields)
            meeting_id = meeting.id or 0
        return self.meeting(meeting_id)

    def create_meeting_from_previous(self, previous_id: int, fields: MeetingFields) -> MeetingView:
        """The next meeting of the same body: the standard opening items and an item to confirm
        the previous meeting's minutes and review the tracker. The tracker's outstanding actions
        belong to the body, so they carry over by themselves; the roster is whoever is in force
        on the new date (see ``roster``)."""
        with self.store.recording() as changes:
            previous = get(changes.session, models.Meeting, previous_id, "meeting")
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
            meeting = add_meeting_row(
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

    def update_meeting(self, meeting_id: int, fields: MeetingFields) -> MeetingView:
        """Correct a meeting's date, start, venue or livestream link (its items stay)."""
        with self.store.recording(meeting_id) as changes:
            row = get(changes.session, models.Meeting, meeting_id, "meeting")
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
        with self.store.recording() as changes:
            row = get(changes.session, models.Meeting, meeting_id, "meeting")
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
        with self.store.recording(meeting_id) as changes:
            meeting = get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            items = queries.items(changes.session, meeting_id)
            index = len(items)
            if after == 0:
                index = 0
            elif after is not None:
                index = next((i + 1 for i, it in enumerate(items) if it.id == after), len(items))
            row = add_item_row(changes, meeting, _free_position(changes.session), fields)
            items.insert(index, row)
            _renumber(changes, items)
            return queries.item_view(row)

    def update_item(self, item_id: int, fields: ItemFields) -> ItemView:
        fields.check()
        with self.store.recording() as changes:
            row = get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            changes.update(
                row, f"item {fields.number} {fields.title} edited", **stripped(fields.__dict__)
            )
            return queries.item_view(row)

    def cycle_papers(self, item_id: int) -> ItemView:
        """none → Attached → To Follow → Tabled → none: the papers arrive as the day nears."""
        with self.store.recording() as changes:
            row = get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            papers = PAPERS_CYCLE[row.papers]
            changes.update(row, f"item {row.number}: papers {papers}", papers=papers)
            return queries.item_view(row)

    def move_item(self, item_id: int, offset: int) -> MeetingView:
        """Move an item up (offset -1) or down (+1) the agenda."""
        with self.store.recording() as changes:
            row = get(changes.session, models.AgendaItem, item_id, "agenda item")
            changes.meeting_id = row.meeting_id
            _refuse_closed(get(changes.session, models.Meeting, row.meeting_id, "meeting"))
            items = queries.items(changes.session, row.meeting_id)
            index = next(i for i, it in enumerate(items) if it.id == item_id)
            target = max(0, min(len(items) - 1, index + offset))
            items.insert(target, items.pop(index))
            _renumber(changes, items)
            meeting_id = row.meeting_id
        return self.meeting(meeting_id)

    def renumber_items(self, meeting_id: int) -> MeetingView:
        """Label the items 1, 2, 3... in their agenda order."""
        with self.store.recording(meeting_id) as changes:
            _refuse_closed(get(changes.session, models.Meeting, meeting_id, "meeting"))
            for n, item in enumerate(queries.items(changes.session, meeting_id), start=1):
                if item.number != str(n):
                    changes.update(item, f"item {item.number} renumbered {n}", number=str(n))
        return self.meeting(meeting_id)

    def delete_item(self, item_id: int) -> MeetingView:
        with self.store.recording() as changes:
            row = get(changes.session, models.AgendaItem, item_id, "agenda item")
            _refuse_closed(get(changes.session, models.Meeting, row.meeting_id, "meeting"))
            if row.state in ("running", "taken"):
                raise ClerkError(
                    "an item that has been taken cannot be deleted; withdraw it instead"
                )
            _refuse_tracked(changes.session, row, "it cannot be deleted; withdraw it instead")
            changes.meeting_id = meeting_id = row.meeting_id
            changes.delete(row, f"item {row.number} {row.title} deleted")
            _renumber(changes, queries.items(changes.session, meeting_id))
        return self.meeting(meeting_id)

    # ---- agenda import -------------------------------------------------------------------
    # The importer and the document reader load only when a clerk imports an agenda.
    def import_agenda(
        self, agenda: ImportedAgenda, options: ImportOptions | None = None, *, source: str = ""
    ) -> ImportResult:
        from clerk_tui.desk import importing

        return importing.import_agenda(self.store, agenda, options, source=source)

    def import_agenda_file(
        self, path: str | os.PathLike[str], options: ImportOptions | None = None
    ) -> ImportResult:
        from clerk_tui.desk import importing

        return importing.import_agenda_file(self.store, path, options)


def _body_columns(fields: BodyFields) -> dict[str, Any]:
    columns = stripped(fields.__dict__)
    del columns["template"]  # the bodytemplate table's, not the body's
    return columns


def _renumber(changes: Changes, items: list[models.AgendaItem]) -> None:
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


def _refuse_closed(meeting: models.Meeting) -> None:
    if meeting.status == "closed":
        raise ClerkError(
            f"the meeting of {long_date(meeting.date)} is closed: its agenda cannot change"
        )


def _free_position(session: Session) -> int:
    """A position above every one in use, anywhere (so parking never collides)."""
    highest = session.exec(select(func.max(col(models.AgendaItem.position)))).one()
    return (highest or 0) + 1


def _refuse_tracked(session: Session, item: models.AgendaItem, outcome: str) -> None:
    """An item's tracker actions would lose it (the schema sets their item to nothing) — and
    with it what says they are exempt, so an exempt item's actions would turn public."""
    count = session.exec(
        select(func.count()).select_from(models.Action).where(models.Action.item_id == item.id)
    ).one()
    if count:
        actions = "a tracker action" if count == 1 else f"{count} tracker actions"
        raise ClerkError(f"item {item.number} has {actions}: {outcome}")


def _nearest(meetings: list[MeetingSummary], day: date) -> str:
    """ "; the nearest: ..." — up to three meetings closest to ``day``."""
    if not meetings:
        return " (there are no meetings in this database)"
    nearest = sorted(meetings, key=lambda s: (abs((s.date - day).days), s.date))[:3]
    listed = ", ".join(
        f"{s.date.isoformat()} {s.body_name} (id {s.id})"
        for s in sorted(nearest, key=lambda s: s.date)
    )
    return f"; the nearest: {listed}"
