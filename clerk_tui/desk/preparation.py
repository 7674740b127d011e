"""Before the meeting, what a clerk types: bodies, membership over time, meetings and their
agenda items as the dialogs hand them in, and the dates and times typed into them. Values only:
the services that record them are :mod:`clerk_tui.desk.agenda` and :mod:`clerk_tui.desk.members`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

from clerk_tui.errors import ClerkError
from db import models
from db.views import ItemView

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
