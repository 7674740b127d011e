"""The action tracker across meetings: updates, completion, reopening, editing, filters, and the
tracker exported in the house style.

Exempt stays exempt: an action raised on an exempt item (and so its updates) is the clerk's to
see on the tracker screen, marked, but an export carries it only when the clerk asks for exempt
items. Such a copy is named "-CONFIDENTIAL", marked so inside, and written readable by its owner
alone (0600), whatever file it replaces.

Each clerk action is one method, one transaction, with its audit events recorded against the
meeting in which it happened (``meeting_id``), or none when the tracker is kept up between
meetings. The method names carry "action"/"tracker" so they cannot clash with the other
services that Desk also inherits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sqlmodel import Session

from clerk_tui import paths
from clerk_tui.desk.base import Changes, DeskBase
from clerk_tui.desk.exporting import ExportTarget, target_of, write_export
from clerk_tui.errors import ClerkError
from clerk_tui.export.tracker import (
    ActionRow,
    confidential,
    month_label,
    render_tracker_csv,
    render_tracker_docx,
    render_tracker_markdown,
)
from clerk_tui.minutes import long_date
from clerk_tui.numbering import NumberingItem, assign_minute_numbers
from db import models, tracker_queries
from db.tracker_queries import TrackedAction, TrackedUpdate

STATUS_FILTERS: tuple[str, ...] = ("all", "outstanding", "completed")
EXPORT_FORMATS: tuple[str, ...] = ("csv", "md", "docx")
NO_MINUTE = "—"


# ---- what the clerk types ------------------------------------------------------------------
@dataclass(frozen=True)
class TrackerActionFields:
    """An action as the edit dialog gives it. The minute number and the month are the clerk's
    to set only for an action carried over from before clerk-tui; one made at a meeting takes
    both from its item."""

    text: str
    owner: str = ""
    due: str = ""
    minute_number: int | None = None
    source_date: date | None = None

    def check(self) -> None:
        if not self.text.strip():
            raise ClerkError("an action needs its words", where="action")
        if self.minute_number is not None and self.minute_number < 1:
            raise ClerkError("a minute number is 1 or more", where="minute no.")


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}


def parse_day(text: str, *, today: date, what: str = "date") -> date:
    """A day as a clerk types it: "today", "14/03/2022", "14 March 2022", "2022-03-14"."""
    raw = " ".join(text.replace(",", " ").split())
    if not raw or raw.lower() == "today":
        return today
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
        year, month, day = (int(p) for p in raw.split("-"))
        return _day(year, month, day, raw, what)
    if match := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", raw):
        return _day(int(match[3]), int(match[2]), int(match[1]), raw, what)
    if match := re.fullmatch(r"(\d{1,2}) ([A-Za-z]+) (\d{4})", raw):
        month = _MONTHS.get(match[2].lower())
        if month is not None:
            return _day(int(match[3]), month, int(match[1]), raw, what)
    raise ClerkError(f"{raw!r} is not a date: write it as 14/03/2022 or 14 March 2022", where=what)


def parse_month(text: str, *, what: str = "date") -> date | None:
    """The month an action came from, as the tracker writes it ("Nov 2021", "July 2021") or
    as a day (then that day is kept). Blank means unknown."""
    raw = " ".join(text.replace(",", " ").split())
    if not raw or raw == NO_MINUTE:
        return None
    if match := re.fullmatch(r"([A-Za-z]+)\.? (\d{4})", raw):
        month = _MONTHS.get(match[1].lower())
        if month is not None:
            return _day(int(match[2]), month, 1, raw, what)
    if match := re.fullmatch(r"(\d{4})-(\d{1,2})", raw):
        return _day(int(match[1]), int(match[2]), 1, raw, what)
    if match := re.fullmatch(r"(\d{1,2})/(\d{4})", raw):
        return _day(int(match[2]), int(match[1]), 1, raw, what)
    try:
        return parse_day(raw, today=date.min, what=what)
    except ClerkError:
        raise ClerkError(
            f"{raw!r} is not a month: write it as Nov 2021 (or a date)", where=what
        ) from None


def parse_minute(text: str, *, what: str = "minute no.") -> int | None:
    raw = text.strip().rstrip("*")
    if not raw or raw == NO_MINUTE:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ClerkError(f"a minute number is a whole number such as 617, not {raw!r}", where=what)
    return int(raw)


def _day(year: int, month: int, day: int, raw: str, what: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ClerkError(f"{raw!r} is not a day of the calendar", where=what) from None


# ---- how the tracker shows an action -------------------------------------------------------
def minute_label(action: TrackedAction) -> str:
    """ "617", "633*" while its meeting is open (provisional), or "—" when it has none."""
    if action.minute_number is None:
        return NO_MINUTE
    return f"{action.minute_number}*" if action.provisional else str(action.minute_number)


def date_label(action: TrackedAction) -> str:
    return month_label(action.source_date) if action.source_date else NO_MINUTE


def source_key(action: TrackedAction) -> str:
    """What the meeting filter groups by: the source meeting, or the month it came from."""
    if action.meeting_id is not None:
        return f"meeting:{action.meeting_id}"
    if action.source_date is not None:
        return f"month:{action.source_date:%Y-%m}"
    return "unknown"


def source_label(action: TrackedAction) -> str:
    if action.meeting_id is not None and action.source_date is not None:
        return f"meeting of {action.source_date.day} {month_label(action.source_date)}"
    if action.source_date is not None:
        return f"{month_label(action.source_date)} (carried over)"
    return "no date"


def source_choices(actions: Iterable[TrackedAction]) -> list[tuple[str, str]]:
    """(label, key) of every source among ``actions``, newest first."""
    found: dict[str, tuple[date, str]] = {}
    for action in actions:
        found.setdefault(source_key(action), (action.source_date or date.min, source_label(action)))
    ordered = sorted(found.items(), key=lambda kv: kv[1][0], reverse=True)
    return [(label, key) for key, (_, label) in ordered]


def owner_choices(actions: Iterable[TrackedAction]) -> list[str]:
    return sorted({a.owner for a in actions if a.owner}, key=str.lower)


@dataclass(frozen=True)
class ActionFilter:
    """Which actions the tracker shows. ``text`` matches when every word of it appears in the
    minute number, month, action, owner, due or latest update (in any case)."""

    status: str = "all"
    owner: str | None = None
    source: str | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUS_FILTERS:
            raise ClerkError(
                f"status must be outstanding, completed or all, not {self.status!r}",
                where="status",
            )

    def apply(self, actions: Sequence[TrackedAction]) -> list[TrackedAction]:
        # This runs on every key typed into the filter, over thousands of actions: each test
        # is one list comprehension over plain attributes, narrowing the list as it goes
        # (a generator per action, as all() would need, costs more than the test itself).
        chosen = list(actions)
        if self.status != "all":
            chosen = [a for a in chosen if a.status == self.status]
        if self.owner is not None:
            chosen = [a for a in chosen if a.owner == self.owner]
        if self.source is not None:
            chosen = [a for a in chosen if source_key(a) == self.source]
        for word in self.text.lower().split():
            chosen = [a for a in chosen if word in a.search_text]
        return chosen

    def narrows(self, wider: ActionFilter) -> bool:
        """Whether every action this filter keeps is among those ``wider`` keeps, so it can
        be applied to ``wider``'s result instead of the whole tracker: the same choices, and
        the words typed so far followed by more (each earlier word is part of a later one)."""
        return (self.status, self.owner, self.source) == (
            wider.status,
            wider.owner,
            wider.source,
        ) and self.text.lower().startswith(wider.text.lower())


def export_file_name(body_name: str, on: date, fmt: str, *, confidential: bool = False) -> str:
    """ "west-midlands-police-and-crime-panel-action-tracker-2022-03-14.docx"; a copy with
    exempt actions says so in its name ("...-2022-03-14-CONFIDENTIAL.docx"), as the papers do."""
    slug = re.sub(r"[^a-z0-9]+", "-", body_name.lower()).strip("-") or "body"
    secret = "-CONFIDENTIAL" if confidential else ""
    return f"{slug}-action-tracker-{on:%Y-%m-%d}{secret}.{fmt}"


class TrackerDesk(DeskBase):
    # ---- reads -------------------------------------------------------------------------
    def action_tracker(self, body_id: int) -> list[TrackedAction]:
        """Every action of the body, outstanding first, then completed."""
        with self.reading() as session:
            self.get(session, models.Body, body_id, "body")
            actions = tracker_queries.tracked_actions(session, body_id)
            return _with_provisional_minutes(session, body_id, actions)

    def tracked_action(self, action_id: int) -> TrackedAction:
        with self.reading() as session:
            view = tracker_queries.tracked_action(session, action_id)
            if view is None:
                raise ClerkError(f"there is no action {action_id}")
            return _with_provisional_minutes(session, view.body_id, [view])[0]

    def action_history(self, action_id: int) -> list[TrackedUpdate]:
        """The updates behind the action's latest update, newest first."""
        with self.reading() as session:
            return tracker_queries.action_history(session, action_id)

    # ---- clerk actions -------------------------------------------------------------------
    def record_action_update(
        self, action_id: int, text: str, *, meeting_id: int | None = None
    ) -> TrackedAction:
        """An update given on the action today (at ``meeting_id`` when given there): kept in
        its history and shown as its latest update."""
        words = " ".join(text.split())
        if not words:
            raise ClerkError("an update needs some words", where="update")
        with self.recording(meeting_id) as changes:
            action = self.get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            _add_update(changes, action, words, meeting_id)
            changes.update(action, f"{_name(action)}: update given", latest_update=words)
        return self.tracked_action(action_id)

    def complete_action(
        self,
        action_id: int,
        *,
        on: date | None = None,
        update: str = "",
        meeting_id: int | None = None,
    ) -> TrackedAction:
        """Mark the action completed on ``on`` (today by default). The update says how, in the
        tracker's words: "Completed: Presented 18 October 2021"."""
        today = self.now().date()
        day = on or today
        with self.recording(meeting_id) as changes:
            action = self.get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            if action.status == "completed":
                done = f" on {long_date(action.completed_on)}" if action.completed_on else ""
                raise ClerkError(f"{_name(action)} is already completed{done}")
            if day > today:
                raise ClerkError(
                    f"an action cannot be completed after today ({long_date(today)})",
                    where="completed on",
                )
            started = _source_date(changes.session, action)
            if started is not None and day < started.replace(day=1):
                raise ClerkError(
                    f"{_name(action)} dates from {month_label(started)}: it cannot have been "
                    f"completed before then",
                    where="completed on",
                )
            words = _completion_words(update, day)
            _add_update(changes, action, words, meeting_id, on=day)
            changes.update(
                action,
                f"{_name(action)}: completed",
                status="completed",
                completed_on=day,
                latest_update=words,
            )
        return self.tracked_action(action_id)

    def reopen_action(self, action_id: int, *, meeting_id: int | None = None) -> TrackedAction:
        """Put a completed action back among the outstanding ones (the history says so)."""
        with self.recording(meeting_id) as changes:
            action = self.get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            if action.status != "completed":
                raise ClerkError(
                    f"{_name(action)} is outstanding already: there is nothing to reopen"
                )
            _add_update(changes, action, "Reopened", meeting_id)
            changes.update(
                action,
                f"{_name(action)}: reopened",
                status="outstanding",
                completed_on=None,
                latest_update="Reopened",
            )
        return self.tracked_action(action_id)

    def edit_tracked_action(
        self, action_id: int, fields: TrackerActionFields, *, meeting_id: int | None = None
    ) -> TrackedAction:
        fields.check()
        with self.recording(meeting_id) as changes:
            action = self.get(changes.session, models.Action, action_id, "action")
            _check_meeting(changes.session, meeting_id, action.body_id)
            values: dict[str, object] = {
                "text": fields.text.strip(),
                "owner": fields.owner.strip(),
                "due": fields.due.strip(),
            }
            if action.item_id is None:
                values["minute_number"] = fields.minute_number
                values["source_date"] = fields.source_date
            elif fields.minute_number not in (
                None,
                action.minute_number,
            ) and fields.minute_number != _item_minute(changes.session, action):
                raise ClerkError(
                    "an action made at a meeting takes its minute number from its item",
                    where="minute no.",
                )
            changed = {k: v for k, v in values.items() if getattr(action, k) != v}
            if changed:
                changes.update(action, f"{_name(action)}: edited", **changed)
        return self.tracked_action(action_id)

    def add_carried_over_action(
        self, body_id: int, fields: TrackerActionFields, *, meeting_id: int | None = None
    ) -> TrackedAction:
        """An outstanding action from before the body's meetings were kept in clerk-tui: its
        minute number and month, typed from the old tracker."""
        fields.check()
        with self.recording(meeting_id) as changes:
            self.get(changes.session, models.Body, body_id, "body")
            _check_meeting(changes.session, meeting_id, body_id)
            action = changes.add(
                models.Action(
                    body_id=body_id,
                    minute_number=fields.minute_number,
                    source_date=fields.source_date,
                    text=fields.text.strip(),
                    owner=fields.owner.strip(),
                    due=fields.due.strip(),
                    created_at=changes.at,
                ),
                summary="carried-over action added",
            )
            action_id = action.id or 0
        return self.tracked_action(action_id)

    # ---- export --------------------------------------------------------------------------
    def exempt_action_count(self, body_id: int) -> int:
        """How many of the body's actions come from exempt items (what the export offers)."""
        with self.reading() as session:
            return tracker_queries.exempt_action_count(session, body_id)

    def tracker_rows(
        self, body_id: int, status: str = "all", *, include_exempt: bool = False
    ) -> list[ActionRow]:
        """The tracker as the renderers take it, outstanding first, then completed; actions of
        exempt items only with ``include_exempt``."""
        chosen = ActionFilter(status=status).apply(self.action_tracker(body_id))
        if not include_exempt:
            chosen = [a for a in chosen if not a.exempt]
        return [
            ActionRow(
                minute_number=a.minute_number,
                date_label=month_label(a.source_date) if a.source_date else "",
                text=a.text,
                owner=a.owner,
                due=a.due,
                update=a.latest_update,
                status=a.status,
                exempt=a.exempt,
            )
            for a in chosen
        ]

    def tracker_export_path(self, body_id: int, fmt: str, *, include_exempt: bool = False) -> Path:
        """The default file: in the documents folder, named from the body and today's date
        (and "-CONFIDENTIAL" when exempt actions are asked for and there are some)."""
        body = self._tracker_body_name(body_id)
        secret = include_exempt and self.exempt_action_count(body_id) > 0
        name = export_file_name(body, self.now().date(), fmt, confidential=secret)
        return paths.documents_dir() / name

    def tracker_export_target(
        self,
        body_id: int,
        fmt: str,
        path: Path | str | None = None,
        *,
        status: str = "all",
        include_exempt: bool = False,
    ) -> ExportTarget:
        """The file an export of the tracker to ``path`` would write (a file; a name ending in
        "/": a folder to put it in; None: the documents folder), checked by the guard before
        anything is rendered or asked; ``replaces``: whether a file is there."""
        fmt = _tracker_format(fmt)
        rows = self.tracker_rows(body_id, status, include_exempt=include_exempt)
        body = self._tracker_body_name(body_id)
        name = export_file_name(body, self.now().date(), fmt, confidential=confidential(rows))
        return target_of(path, name, into_folders=False)

    def export_tracker(
        self,
        body_id: int,
        fmt: str,
        path: Path | str | None = None,
        *,
        status: str = "all",
        include_exempt: bool = False,
    ) -> Path:
        """Write the tracker as CSV, Markdown or Word to ``path`` (as
        :meth:`tracker_export_target` reads it), atomically; return the file written. Actions
        of exempt items only with ``include_exempt``: that copy is private (0600)."""
        fmt = _tracker_format(fmt)
        target = self.tracker_export_target(
            body_id, fmt, path, status=status, include_exempt=include_exempt
        ).path
        rows = self.tracker_rows(body_id, status, include_exempt=include_exempt)
        body = self._tracker_body_name(body_id)
        today = self.now().date()
        data: bytes | str
        if fmt == "csv":
            data = render_tracker_csv(rows)
        elif fmt == "md":
            data = render_tracker_markdown(rows, body_name=body, as_of=today)
        else:
            data = render_tracker_docx(rows, body_name=body, as_of=today)
        # A confidential copy is its owner's alone, even over a file others could read.
        return write_export(target, data, private=confidential(rows))

    def _tracker_body_name(self, body_id: int) -> str:
        with self.reading() as session:
            return self.get(session, models.Body, body_id, "body").name


# Module functions rather than methods: Desk inherits every service, and a private method of
# the same name in another one would silently replace these.
def _tracker_format(fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    fmt = "md" if fmt == "markdown" else fmt
    if fmt not in EXPORT_FORMATS:
        raise ClerkError(f"the tracker is exported as csv, md or docx, not {fmt!r}")
    return fmt


def _check_meeting(session: Session, meeting_id: int | None, body_id: int) -> None:
    """Updates given at a meeting are recorded against it: it must be this body's."""
    if meeting_id is None:
        return
    meeting = session.get(models.Meeting, meeting_id)
    if meeting is None:
        raise ClerkError(f"there is no meeting {meeting_id}")
    if meeting.body_id != body_id:
        raise ClerkError("that meeting is of another body: its tracker is not this one")


def _add_update(
    changes: Changes,
    action: models.Action,
    text: str,
    meeting_id: int | None,
    *,
    on: date | None = None,
) -> None:
    changes.add(
        models.ActionUpdate(
            action_id=action.id or 0,
            date=on or changes.at.date(),
            meeting_id=meeting_id,
            text=text,
            created_at=changes.at,
        ),
        summary=f"{_name(action)}: {text}",
    )


def _source_date(session: Session, action: models.Action) -> date | None:
    meeting_id = action.meeting_id
    if meeting_id is None and action.item_id is not None:
        item = session.get(models.AgendaItem, action.item_id)
        meeting_id = item.meeting_id if item else None
    meeting = session.get(models.Meeting, meeting_id) if meeting_id is not None else None
    return meeting.date if meeting is not None else action.source_date


def _with_provisional_minutes(
    session: Session, body_id: int, actions: list[TrackedAction]
) -> list[TrackedAction]:
    """Give an action raised at a meeting still open the minute number its item has so far
    (worked out from the order the items were taken); it is written for good at closing."""
    waiting = [a for a in actions if a.minute_number is None and a.item_id is not None]
    if not waiting:
        return actions
    numbers: dict[int, int] = {}
    start = tracker_queries.next_minute_number(session, body_id)
    for items in tracker_queries.open_meeting_items(session, body_id).values():
        numbers.update(
            assign_minute_numbers(
                (NumberingItem(key, started, state) for key, started, state in items), start
            )
        )
    return [
        replace(
            a,
            minute_number=numbers[a.item_id],
            provisional=True,
            search_text=f"{numbers[a.item_id]} {a.search_text}",
        )
        if a.minute_number is None and a.item_id in numbers
        else a
        for a in actions
    ]


def _item_minute(session: Session, action: models.Action) -> int | None:
    item = session.get(models.AgendaItem, action.item_id) if action.item_id else None
    return item.minute_number if item else None


def _name(action: models.Action) -> str:
    """How the audit trail and the messages name an action: by its minute, else its words."""
    if action.minute_number is not None:
        return f"action {action.minute_number}"
    words = action.text.split()
    return "action “" + " ".join(words[:6]) + ("…”" if len(words) > 6 else "”")


def _completion_words(update: str, on: date) -> str:
    """The tracker's completed update: "Completed: <how>", or "Completed 14 March 2022"."""
    words = " ".join(update.split())
    if not words:
        return f"Completed {long_date(on)}"
    if words.lower().startswith("completed"):
        return words
    return f"Completed: {words}"


__all__ = [
    "EXPORT_FORMATS",
    "STATUS_FILTERS",
    "ActionFilter",
    "TrackedAction",
    "TrackedUpdate",
    "TrackerActionFields",
    "date_label",
    "minute_label",
    "owner_choices",
    "parse_day",
    "parse_minute",
    "parse_month",
    "source_choices",
    "source_key",
    "source_label",
]
