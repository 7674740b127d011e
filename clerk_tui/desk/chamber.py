"""In the chamber: starting and ending the meeting and its items, attendance, declarations.

Every public method that changes something is one clerk action: one transaction (with the
meeting's id, so undo finds it in the meeting's audit trail) that is committed before the
method returns. Reads return a ``LiveView``: the stored record plus what the clock makes of it
(planned times, lateness, provisional minute numbers, quorum), recomputed for any moment with
``LiveView.at(now)`` without touching the database, so the clock bar can tick every second.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlmodel import Session

from clerk_tui import numbering, rules, timing
from clerk_tui.desk.base import Changes, DeskBase
from clerk_tui.desk.minutes_life import apply_confirmations
from clerk_tui.errors import ClerkError
from db import chamber_queries, models, queries
from db.chamber_views import AttendeeView, ChamberRecord, DeclarationView
from db.errors import StorageError
from db.views import ItemView, MeetingSummary, MeetingView, PersonView

__all__ = [
    "AgendaLine",
    "AttendeeView",
    "ChamberDesk",
    "CloseResult",
    "DeclarationView",
    "ItemView",
    "LiveView",
    "MeetingView",
    "PersonView",
    "TimesFields",
]

ATTENDANCE_MARKS = ("present", "apologies", "absent")
SETTLED = ("deferred", "withdrawn")


# ---- read models ---------------------------------------------------------------------------
@dataclass(frozen=True)
class AgendaLine:
    """One agenda item as the live screen shows it at a moment."""

    item: ItemView
    planned: timing.PlannedTime
    minute_number: int | None
    provisional: bool  # computed from the order taken; fixed (stored) once the meeting closes
    ran: timedelta | None  # how long it ran, or has run so far when running
    running: bool
    overrun: bool  # ran longer than planned


@dataclass(frozen=True)
class LiveView:
    record: ChamberRecord
    now: datetime
    lines: tuple[AgendaLine, ...]
    clock: timing.MeetingClock
    quorum: rules.QuorumState

    @property
    def meeting(self) -> MeetingView:
        return self.record.meeting

    @property
    def roster(self) -> tuple[AttendeeView, ...]:
        return self.record.roster

    @property
    def declarations(self) -> tuple[DeclarationView, ...]:
        return self.record.declarations

    @property
    def started(self) -> bool:
        return self.meeting.actual_start is not None

    @property
    def closed(self) -> bool:
        return self.meeting.status == "closed"

    @property
    def running_item_id(self) -> int | None:
        index = self.clock.current_index
        return None if index is None or self.closed else self.lines[index].item.id

    def line(self, item_id: int | None) -> AgendaLine | None:
        return next((line for line in self.lines if line.item.id == item_id), None)

    def declarations_on(self, item_id: int | None) -> list[DeclarationView]:
        return [d for d in self.declarations if d.item_id == item_id]

    def arrivals_on(self, item_id: int | None) -> list[AttendeeView]:
        return [a for a in self.roster if item_id is not None and a.arrived_item_id == item_id]

    def departures_on(self, item_id: int | None) -> list[AttendeeView]:
        return [a for a in self.roster if item_id is not None and a.left_item_id == item_id]

    def counts(self) -> dict[str, int]:
        """How many are in the room, have left, sent apologies, are absent or not marked."""
        out = {"in room": 0, "left": 0, "apologies": 0, "absent": 0, "not marked": 0}
        for attendee in self.roster:
            if attendee.status == "present":
                out["in room" if attendee.in_room else "left"] += 1
            else:
                out[attendee.status or "not marked"] += 1
        return out

    def at(self, now: datetime) -> LiveView:
        """The same record seen at another moment (the clock bar's tick)."""
        return compose_live(self.record, now)


@dataclass(frozen=True)
class TimesFields:
    """Times the clerk edits explicitly after the event (None: no time)."""

    item_start: time | None
    item_end: time | None
    meeting_start: time | None
    meeting_end: time | None


@dataclass(frozen=True)
class CloseResult:
    view: LiveView
    numbered: int  # items given a minute number
    backup: Path | None
    backup_problem: str = ""


def compose_live(record: ChamberRecord, now: datetime) -> LiveView:
    """What the clock makes of a stored meeting at ``now``: pure arithmetic, no I/O."""
    meeting = record.meeting
    items = meeting.items
    now = datetime.combine(meeting.date, now.time())  # the chamber clock, see _chamber_time
    clock = timing.meeting_status(
        [
            timing.ItemTiming(
                approximate=item.approximate_time,
                actual_start=item.actual_start,
                actual_end=item.actual_end,
                state=timing.ItemState(item.state),
            )
            for item in items
        ],
        scheduled_start=datetime.combine(meeting.date, meeting.scheduled_start),
        actual_start=meeting.actual_start,
        # A closed meeting's clock stops at its end, so its figures no longer move.
        now=meeting.actual_end if meeting.status == "closed" and meeting.actual_end else now,
    )
    closed = meeting.status == "closed"
    numbers = (
        {item.id: item.minute_number for item in items if item.minute_number is not None}
        if closed
        else provisional_numbers(items, meeting.body.next_minute_number)
    )
    lines = []
    for index, (item, planned) in enumerate(zip(items, clock.planned, strict=True)):
        running = index == clock.current_index and not closed
        ran = None
        if item.actual_start is not None:
            end = item.actual_end or (clock.now if running else None)
            ran = end - item.actual_start if end is not None else None
        lines.append(
            AgendaLine(
                item=item,
                planned=planned,
                minute_number=numbers.get(item.id),
                provisional=not closed,
                ran=ran,
                running=running,
                overrun=ran is not None and ran > planned.duration,
            )
        )
    present = sum(1 for attendee in record.roster if attendee.counts_for_quorum)
    return LiveView(
        record=record,
        now=now,
        lines=tuple(lines),
        clock=clock,
        quorum=rules.quorum_state(present, meeting.body.quorum),
    )


def provisional_numbers(items: Iterable[ItemView], next_number: int) -> dict[int, int]:
    return numbering.assign_minute_numbers(
        [numbering.NumberingItem(item.id, item.actual_start, item.state) for item in items],
        next_number,
    )


# ---- the services --------------------------------------------------------------------------
class ChamberDesk(DeskBase):
    _read_back: ChamberRecord | None = None

    # ---- reads -------------------------------------------------------------------------
    def live(self, meeting_id: int) -> LiveView:
        with self.reading() as session:
            record = chamber_queries.chamber_record(session, meeting_id)
        if record is None:
            raise ClerkError(f"there is no meeting {meeting_id}")
        return compose_live(record, self.now())

    def find_meeting(self, spec: str | None, *, body: str | None = None, today: date) -> int:
        """The meeting a command line names: an id, a date (YYYY-MM-DD) or, given nothing,
        today's. Refused in one line that names the nearest meetings when there is none."""
        with self.reading() as session:
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
            day, named = today, f"today ({today:%d %B %Y})".replace("(0", "(")
        else:
            try:
                day = date.fromisoformat(spec.strip())
            except ValueError:
                raise ClerkError(
                    f"{spec!r} is neither a meeting id nor a date like 2022-03-14"
                ) from None
            named = f"on {day:%d %B %Y}".replace(" 0", " ")
        found = [s for s in summaries if s.date == day]
        if not found:
            raise ClerkError(f"there is no meeting {named}{_nearest(summaries, day)}")
        if len(found) > 1:
            names = "; ".join(f"{s.body_name} (id {s.id})" for s in found)
            raise ClerkError(
                f"{len(found)} meetings {named}: {names} — say which with --body NAME or the id"
            )
        return found[0].id

    # ---- the meeting and its items -------------------------------------------------------
    def start_item(self, meeting_id: int, item_id: int) -> LiveView:
        """``s``: open the meeting if it has not begun, then start this item now; the item
        running until now ends at this moment. A taken item resumes (its start kept); a
        deferred or withdrawn one is taken after all."""
        with self._action(meeting_id) as changes:
            at = _chamber_time(self._open_meeting(changes, meeting_id), changes)
            item = self._item(changes.session, meeting_id, item_id)
            if item.state == "running":
                raise ClerkError(f"{_label(item)} is already running")
            self._end_running(changes, meeting_id, at)
            self._begin(changes, item, at)
        return self._after()

    def next_item(self, meeting_id: int) -> LiveView:
        """``]``: end the running item and start the next item still pending, in agenda order
        after it (or, if none is left after it, the first one skipped earlier). It never starts
        the meeting: that is ``s``, on the item the chair opens with."""
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: press s to start the meeting")
            at = _chamber_time(meeting, changes)
            items = queries.items(changes.session, meeting_id)
            anchor = _anchor(items)
            after = [it for it in items if anchor is None or it.position > anchor.position]
            before = [it for it in items if anchor is not None and it.position <= anchor.position]
            upcoming = next((it for it in [*after, *before] if it.state == "pending"), None)
            ended = self._end_running(changes, meeting_id, at)
            if upcoming is None:
                if ended is None:
                    raise ClerkError("every item has been dealt with: press e to end the meeting")
            else:
                self._begin(changes, upcoming, at)
        return self._after()

    def previous_item(self, meeting_id: int) -> LiveView:
        """``[``: go back to the item taken before the running one, which runs again (its
        start kept). The running item goes back to pending with its times cleared: the chair
        has not dealt with it yet (what was recorded on it stays with it)."""
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: press s to start it")
            items = queries.items(changes.session, meeting_id)
            running = _running(items)
            taken = sorted(
                (it for it in items if it.state == "taken" and it.actual_start is not None),
                key=lambda it: (it.actual_start, it.position),
            )
            if running is not None and running.actual_start is not None:
                mark = (running.actual_start, running.position)
                taken = [it for it in taken if (it.actual_start, it.position) < mark]
            if not taken:
                raise ClerkError("no item has been taken before this one")
            back = taken[-1]
            if running is not None:
                changes.update(
                    running,
                    f"{_label(running)} not yet taken (went back to {_label(back)})",
                    state="pending",
                    actual_start=None,
                    actual_end=None,
                )
            changes.update(back, f"{_label(back)} resumed", state="running", actual_end=None)
        return self._after()

    def settle_item(self, meeting_id: int, item_id: int, state: str) -> LiveView:
        """``x``: defer or withdraw an item (a running one ends now); or put a deferred or
        withdrawn item back ("pending", or "taken" if it had run)."""
        if state not in ("deferred", "withdrawn", "pending"):
            raise ClerkError(f"{state!r} is not something an item can be made")
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            item = self._item(changes.session, meeting_id, item_id)
            if state == "pending":
                if item.state not in SETTLED:
                    raise ClerkError(f"{_label(item)} is not deferred or withdrawn")
                back = "taken" if item.actual_end is not None else "pending"
                changes.update(item, f"{_label(item)} back on the agenda", state=back)
            else:
                if item.state == state:
                    raise ClerkError(f"{_label(item)} is already {state}")
                end = item.actual_end
                if item.state == "running":
                    end = max(_chamber_time(meeting, changes), item.actual_start or changes.at)
                changes.update(item, f"{_label(item)} {state}", state=state, actual_end=end)
        return self._after()

    def close_meeting(self, meeting_id: int) -> CloseResult:
        """``e``: end the meeting now, in one transaction: the running item ends, the items
        taken get their minute numbers for good (and so do the tracker actions raised on
        them), the body's counter moves on. Then a backup is taken, as PRODUCT.md §7 asks."""
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            _refuse_closed(meeting)
            if meeting.actual_start is None:
                raise ClerkError("the meeting has not started: there is nothing to end")
            at = max(_chamber_time(meeting, changes), meeting.actual_start)
            self._end_running(changes, meeting_id, at)
            body = self.get(changes.session, models.Body, meeting.body_id, "body")
            items = queries.items(changes.session, meeting_id)
            numbers = provisional_numbers(
                [queries.item_view(it) for it in items], body.next_minute_number
            )
            for item in items:
                if item.minute_number != numbers.get(item.id or 0):
                    changes.update(
                        item,
                        f"{_label(item)} minute {numbers.get(item.id or 0)}",
                        minute_number=numbers.get(item.id or 0),
                    )
            for action in chamber_queries.actions_of_meeting_items(changes.session, meeting_id):
                number = numbers.get(action.item_id or 0)
                if action.minute_number != number:
                    changes.update(action, f"action minute {number}", minute_number=number)
            changes.update(
                body,
                "next minute number moved on",
                next_minute_number=numbering.next_counter_after(
                    numbers.values(), body.next_minute_number
                ),
            )
            changes.update(
                meeting,
                "meeting closed",
                status="closed",
                actual_end=at,
            )
            # A confirmation typed in a way the clerk did not mark is still recognised.
            apply_confirmations(changes, meeting_id)
        backup, problem = self._backup_after_closing()
        return CloseResult(self._after(), len(numbers), backup, problem)

    def edit_times(self, meeting_id: int, item_id: int | None, fields: TimesFields) -> LiveView:
        """``ctrl+t``: the clerk corrects times explicitly (after the event, or a late key
        press). Minute numbers already fixed by closing stay as they are."""
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            day = meeting.date
            start = _on(day, fields.meeting_start)
            end = _on(day, fields.meeting_end)
            if meeting.actual_start is not None and start is None:
                raise ClerkError("the meeting has started: it keeps a start time", where="start")
            if meeting.actual_start is None and start is not None:
                raise ClerkError("the meeting has not started: press s to start it", where="start")
            if meeting.status == "closed" and end is None:
                raise ClerkError("a closed meeting keeps its end time", where="end")
            if meeting.status != "closed" and end is not None:
                raise ClerkError("the meeting has not ended: press e to end it", where="end")
            if start is not None and end is not None and end < start:
                raise ClerkError("the meeting cannot end before it starts", where="end")
            if (start, end) != (meeting.actual_start, meeting.actual_end):
                changes.update(meeting, "meeting times edited", actual_start=start, actual_end=end)
            if item_id is not None:
                self._edit_item_times(changes, meeting_id, item_id, fields)
        return self._after()

    # ---- attendance ----------------------------------------------------------------------
    def mark(self, meeting_id: int, person_id: int, status: str) -> LiveView:
        """``p`` / ``a`` / ``n``: present, apologies or absent. Present again after leaving
        means they came back; apologies or absent wipe any arrival or departure."""
        if status not in ATTENDANCE_MARKS:
            raise ClerkError(f"{status!r} is not an attendance mark")
        with self._action(meeting_id) as changes:
            row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
            if row is None:
                # The first mark creates the row, already marked.
                self._attendance(changes, meeting_id, person_id, status=status)
            else:
                self._remark(changes, row, status)
        return self._after()

    def _remark(self, changes: Changes, row: models.Attendance, status: str) -> None:
        name = self._name(changes.session, row.person_id)
        if row.status == status and (status != "present" or row.left_at is None):
            raise ClerkError(f"{name} is already marked {status}")
        values: dict[str, object] = {"status": status, "left_at": None, "left_item_id": None}
        if status != "present":
            values |= {"arrived_at": None, "arrived_item_id": None}
        changes.update(row, f"{name} {status}", **values)

    def arrived_now(self, meeting_id: int, person_id: int) -> LiveView:
        """``l``: arrived late: present from now, during the running item."""
        with self._action(meeting_id) as changes:
            meeting = self._live_meeting(changes.session, meeting_id, "arrived late")
            row = self._attendance(changes, meeting_id, person_id)
            name = self._name(changes.session, person_id)
            if row.status == "present" and row.left_at is None:
                raise ClerkError(f"{name} is already here")
            running = _running(queries.items(changes.session, meeting_id))
            changes.update(
                row,
                f"{name} arrived",
                status="present",
                arrived_at=max(_chamber_time(meeting, changes), meeting.actual_start or changes.at),
                arrived_item_id=running.id if running else None,
                left_at=None,
                left_item_id=None,
            )
        return self._after()

    def left_now(self, meeting_id: int, person_id: int) -> LiveView:
        """``g``: left the meeting now, during the running item."""
        with self._action(meeting_id) as changes:
            meeting = self._live_meeting(changes.session, meeting_id, "left")
            row = self._attendance(changes, meeting_id, person_id)
            name = self._name(changes.session, person_id)
            if row.status != "present" or row.left_at is not None:
                raise ClerkError(f"{name} is not in the meeting: only someone present can leave")
            running = _running(queries.items(changes.session, meeting_id))
            changes.update(
                row,
                f"{name} left",
                left_at=max(_chamber_time(meeting, changes), row.arrived_at or changes.at),
                left_item_id=running.id if running else None,
            )
        return self._after()

    def substitute(self, meeting_id: int, member_id: int, title: str, full_name: str) -> LiveView:
        """``s`` on the roster: someone sits (and votes) for a member, who is marked as having
        sent apologies. A person already known is reused, never duplicated."""
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            member = self._attendance(changes, meeting_id, member_id)
            member_name = self._name(changes.session, member_id)
            if member.capacity != "member":
                raise ClerkError(f"{member_name} is not a member: only a member has a substitute")
            person = self._person(changes, title, full_name)
            if person.id == member_id:
                raise ClerkError("a member cannot substitute for themselves", where="name")
            sitting = chamber_queries.membership_of(
                changes.session, meeting.body_id, person.id or 0, meeting.date
            )
            if sitting is not None and sitting.role not in ("officer", "guest"):
                raise ClerkError(
                    f"{person.full_name} is already a member of the body in their own right",
                    where="name",
                )
            values = {
                "capacity": "substitute",
                "status": "present",
                "represents": member.represents,
                "role_text": member.role_text,
                "voting": True,
                "substitute_for_id": member_id,
            }
            summary = f"{person.full_name} substitutes for {member_name}"
            row = chamber_queries.attendance_of(changes.session, meeting_id, person.id or 0)
            if row is None:
                changes.add(
                    models.Attendance(
                        meeting_id=meeting_id,
                        person_id=person.id or 0,
                        created_at=changes.at,
                        **values,
                    ),
                    summary,
                )
            else:
                changes.update(row, summary, **values)
            if member.status != "apologies":
                changes.update(
                    member,
                    f"{member_name} apologies (substituted)",
                    status="apologies",
                    arrived_at=None,
                    arrived_item_id=None,
                    left_at=None,
                    left_item_id=None,
                )
        return self._after()

    def add_also_present(
        self,
        meeting_id: int,
        *,
        title: str,
        full_name: str,
        role_text: str,
        capacity: str = "officer",
    ) -> LiveView:
        """``o``: an officer or guest "also present", with the role the minutes give them."""
        if capacity not in ("officer", "guest"):
            raise ClerkError(f"{capacity!r}: someone also present is an officer or a guest")
        if not role_text.strip():
            raise ClerkError("say their role, e.g. Chief Executive, OPCC", where="role")
        with self._action(meeting_id) as changes:
            meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
            person = self._person(changes, title, full_name)
            sitting = chamber_queries.membership_of(
                changes.session, meeting.body_id, person.id or 0, meeting.date
            )
            if sitting is not None and sitting.role not in ("officer", "guest"):
                raise ClerkError(
                    f"{person.full_name} is a member: mark them present with p", where="name"
                )
            values = {
                "capacity": capacity,
                "status": "present",
                "role_text": " ".join(role_text.split()),
                "voting": False,
            }
            row = chamber_queries.attendance_of(changes.session, meeting_id, person.id or 0)
            summary = f"{person.full_name} also present"
            if row is None:
                changes.add(
                    models.Attendance(
                        meeting_id=meeting_id,
                        person_id=person.id or 0,
                        created_at=changes.at,
                        **values,
                    ),
                    summary,
                )
            elif row.capacity in ("member", "substitute"):
                raise ClerkError(f"{person.full_name} is already on the roster as a member")
            else:
                changes.update(row, summary, **values)
        return self._after()

    # ---- declarations --------------------------------------------------------------------
    def declare(
        self,
        meeting_id: int,
        item_id: int,
        person_id: int,
        *,
        kind: str,
        nature: str,
        action: str,
    ) -> LiveView:
        """``d``: a declaration of interest by a member present, on this item."""
        if kind not in set(rules.DeclarationKind):
            known = ", ".join(rules.DeclarationKind)
            raise ClerkError(f"{kind!r} is not a kind of interest: one of {known}", where="kind")
        if action not in set(rules.DeclarationAction):
            known = ", ".join(rules.DeclarationAction)
            raise ClerkError(
                f"{action!r} is not what a member can do: one of {known}", where="member then"
            )
        if not nature.strip():
            raise ClerkError("say what the interest is", where="nature")
        with self._action(meeting_id) as changes:
            item = self._item(changes.session, meeting_id, item_id)
            row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
            name = self._name(changes.session, person_id)
            if row is not None and row.capacity not in ("member", "substitute"):
                raise ClerkError(f"{name} is not a member at this meeting", where="member")
            if row is None or row.status != "present":
                raise ClerkError(f"{name} is not marked present", where="member")
            changes.add(
                models.Declaration(
                    meeting_id=meeting_id,
                    item_id=item_id,
                    person_id=person_id,
                    kind=kind,
                    nature=" ".join(nature.split()),
                    action=action,
                    created_at=changes.at,
                ),
                f"{name} declared an interest in {_label(item)}",
            )
        return self._after()

    # ---- helpers -------------------------------------------------------------------------
    @contextlib.contextmanager
    def _action(self, meeting_id: int) -> Iterator[Changes]:
        """One clerk action (DeskBase.recording: one transaction, committed on leaving) that
        also reads the meeting back at its end, inside the same transaction: what the screen
        then shows is exactly what was committed, without a second transaction to read it."""
        self._read_back = None
        with self.recording(meeting_id) as changes:
            yield changes
            self._read_back = chamber_queries.chamber_record(changes.session, meeting_id)

    def _after(self) -> LiveView:
        """The meeting as the last action committed it, seen now."""
        record, self._read_back = self._read_back, None
        assert record is not None  # set by _action once its block has run to the end
        return compose_live(record, self.now())

    def _open_meeting(self, changes: Changes, meeting_id: int) -> models.Meeting:
        """The meeting, started now if it had not begun (status live)."""
        meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
        _refuse_closed(meeting)
        if meeting.actual_start is None:
            changes.update(
                meeting,
                "meeting started",
                status="live",
                actual_start=_chamber_time(meeting, changes),
            )
        return meeting

    def _item(self, session: Session, meeting_id: int, item_id: int) -> models.AgendaItem:
        item = self.get(session, models.AgendaItem, item_id, "agenda item")
        if item.meeting_id != meeting_id:
            raise ClerkError(f"{_label(item)} belongs to another meeting")
        return item

    def _end_running(
        self, changes: Changes, meeting_id: int, at: datetime
    ) -> models.AgendaItem | None:
        running = None
        for item in queries.items(changes.session, meeting_id):
            if item.state == "running":
                end = max(at, item.actual_start or at)
                changes.update(item, f"{_label(item)} ended", state="taken", actual_end=end)
                running = item
        return running

    def _begin(self, changes: Changes, item: models.AgendaItem, at: datetime) -> None:
        if item.state == "taken" and item.actual_start is not None:
            changes.update(item, f"{_label(item)} resumed", state="running", actual_end=None)
        else:
            changes.update(
                item,
                f"{_label(item)} started",
                state="running",
                actual_start=at,
                actual_end=None,
            )

    def _edit_item_times(
        self, changes: Changes, meeting_id: int, item_id: int, fields: TimesFields
    ) -> None:
        item = self._item(changes.session, meeting_id, item_id)
        meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
        start = _on(meeting.date, fields.item_start)
        end = _on(meeting.date, fields.item_end)
        if item.actual_start is None:
            if start is not None or end is not None:
                raise ClerkError(
                    f"{_label(item)} was not taken: it has no times to edit", where="item start"
                )
            return
        if start is None:
            raise ClerkError(f"{_label(item)} was taken: it keeps a start time", where="item start")
        if item.state == "running" and end is not None:
            raise ClerkError(
                f"{_label(item)} is still running: start the next item to end it",
                where="item end",
            )
        if item.state != "running" and item.actual_end is not None and end is None:
            raise ClerkError(f"{_label(item)} has ended: it keeps an end time", where="item end")
        if end is not None and end < start:
            raise ClerkError("an item cannot end before it starts", where="item end")
        # The meeting's times were set first, in the same transaction: the item sits inside.
        if meeting.actual_start is not None and start < meeting.actual_start:
            raise ClerkError(
                f"{_label(item)} cannot start before the meeting did "
                f"({meeting.actual_start:%H:%M})",
                where="item start",
            )
        if meeting.actual_end is not None and (end or start) > meeting.actual_end:
            raise ClerkError(
                f"{_label(item)} cannot run past the end of the meeting "
                f"({meeting.actual_end:%H:%M})",
                where="item end",
            )
        if (start, end) != (item.actual_start, item.actual_end):
            changes.update(item, f"{_label(item)} times edited", actual_start=start, actual_end=end)

    def _attendance(
        self, changes: Changes, meeting_id: int, person_id: int, *, status: str = "absent"
    ) -> models.Attendance:
        """The person's attendance row, created from their membership on the first mark."""
        row = chamber_queries.attendance_of(changes.session, meeting_id, person_id)
        if row is not None:
            return row
        meeting = self.get(changes.session, models.Meeting, meeting_id, "meeting")
        membership = chamber_queries.membership_of(
            changes.session, meeting.body_id, person_id, meeting.date
        )
        if membership is None:
            name = self._name(changes.session, person_id)
            raise ClerkError(f"{name} is not on this meeting's roster")
        officer = membership.role in ("officer", "guest")
        return changes.add(
            models.Attendance(
                meeting_id=meeting_id,
                person_id=person_id,
                capacity=membership.role if officer else "member",
                status=status,
                represents=membership.represents,
                role_text=membership.role_text,
                voting=membership.voting and not officer,
                created_at=changes.at,
            ),
            f"{self._name(changes.session, person_id)} {status}",
        )

    def _live_meeting(self, session: Session, meeting_id: int, what: str) -> models.Meeting:
        meeting = self.get(session, models.Meeting, meeting_id, "meeting")
        if meeting.status == "closed":
            raise ClerkError(
                f"the meeting is closed: “{what} now” would be after it ended "
                "(mark p, a or n instead)"
            )
        if meeting.actual_start is None:
            raise ClerkError(
                f"the meeting has not started: nobody has {what} yet (mark p, a or n instead)"
            )
        return meeting

    def _name(self, session: Session, person_id: int) -> str:
        person = self.get(session, models.Person, person_id, "person")
        return f"{person.title} {person.full_name}".strip()

    def _person(self, changes: Changes, title: str, full_name: str) -> models.Person:
        """The one row for this human: reused when the name is known, created when not."""
        name = " ".join(full_name.split())
        if not name:
            raise ClerkError("a person needs a name", where="name")
        found = chamber_queries.person_named(changes.session, name)
        if found is not None:
            if title.strip() and not found.title:
                changes.update(found, f"{name}: title {title}", title=title.strip())
            return found
        return changes.add(
            models.Person(title=title.strip(), full_name=name, created_at=changes.at),
            f"{name} added",
        )

    def _backup_after_closing(self) -> tuple[Path | None, str]:
        from db.backup import backup_database, default_backup_dir, free_backup_path

        source = self.database.path
        target = free_backup_path(source, default_backup_dir(source), self.now(), "closed")
        try:
            return backup_database(source, target), ""
        except StorageError as error:
            return None, str(error)


# ---- small pure helpers ----------------------------------------------------------------------
def _chamber_time(meeting: models.Meeting, changes: Changes) -> datetime:
    """The chamber clock: the time of day now, on the meeting's own date.

    A meeting happens on its date and its minutes speak in that day's clock, so every time
    recorded in the chamber is stamped on that date (the demo's 2022 meeting can be run today).
    """
    return datetime.combine(meeting.date, changes.at.time())


def _label(item: models.AgendaItem) -> str:
    return f"item {item.number}" if item.number else f"“{item.title}”"


def _refuse_closed(meeting: models.Meeting) -> None:
    if meeting.status == "closed":
        raise ClerkError("the meeting is closed: its times change only through ctrl+t (edit times)")


def _running(items: list[models.AgendaItem]) -> models.AgendaItem | None:
    return next((it for it in items if it.state == "running"), None)


def _anchor(items: list[models.AgendaItem]) -> models.AgendaItem | None:
    """Where ``]`` counts "next" from: the running item, else the item begun most recently."""
    running = _running(items)
    if running is not None:
        return running
    begun = [it for it in items if it.actual_start is not None]
    return max(begun, key=lambda it: (it.actual_start, it.position)) if begun else None


def _on(day: date, moment: time | None) -> datetime | None:
    return None if moment is None else datetime.combine(day, moment)


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
