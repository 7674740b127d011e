"""What the tracker screen types and shows: an action as the edit dialog gives it, the minute
numbers typed into it (its days and months are read by :mod:`clerk_tui.values`), an action's
labels, the filter, and the name of an exported tracker. Values only; the service is
:mod:`clerk_tui.desk.tracker`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from clerk_tui.errors import ClerkError
from clerk_tui.export.tracker import month_label
from clerk_tui.values import long_date
from db import models
from db.tracker_queries import TrackedAction

STATUS_FILTERS: tuple[str, ...] = ("all", "outstanding", "completed")
EXPORT_FORMATS: tuple[str, ...] = ("csv", "md", "docx", "pdf", "html")
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


def parse_minute(text: str, *, what: str = "minute no.") -> int | None:
    raw = text.strip().rstrip("*")
    if not raw or raw == NO_MINUTE:
        return None
    if not raw.isdigit() or int(raw) < 1:
        raise ClerkError(f"a minute number is a whole number such as 617, not {raw!r}", where=what)
    return int(raw)


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


def tracker_format(fmt: str) -> str:
    """One of EXPORT_FORMATS from what the clerk typed (".MD", "markdown"); refused if none."""
    fmt = fmt.lower().lstrip(".")
    fmt = "md" if fmt == "markdown" else fmt
    if fmt not in EXPORT_FORMATS:
        known = ", ".join(EXPORT_FORMATS[:-1]) + f" or {EXPORT_FORMATS[-1]}"
        raise ClerkError(f"the tracker is exported as {known}, not {fmt!r}")
    return fmt


def completion_words(update: str, on: date) -> str:
    """The tracker's completed update: "Completed: <how>", or "Completed 14 March 2022"."""
    words = " ".join(update.split())
    if not words:
        return f"Completed {long_date(on)}"
    if words.lower().startswith("completed"):
        return words
    return f"Completed: {words}"


def action_name(action: models.Action) -> str:
    """How the audit trail and the messages name an action: by its minute, else its words."""
    if action.minute_number is not None:
        return f"action {action.minute_number}"
    words = action.text.split()
    return "action “" + " ".join(words[:6]) + ("…”" if len(words) > 6 else "”")
