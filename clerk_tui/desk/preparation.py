"""Before the meeting, what a clerk types: bodies, membership over time, meetings and their
agenda items as the dialogs hand them in (their dates and times already read by
:mod:`clerk_tui.values`). Values only: the services that record them are
:mod:`clerk_tui.desk.agenda` and :mod:`clerk_tui.desk.members`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from clerk_tui.errors import ClerkError
from clerk_tui.values import long_date
from db import models
from db.views import ItemView

# Roles of the people who sit on a body, and of those who attend it without a seat.
MEMBER_ROLES = ("chair", "vice-chair", "member", "independent-member", "co-opted")
ATTENDER_ROLES = ("officer", "guest")
# The time a new body gives each speaker, and the longest it may give (seconds; 0: no limit).
DEFAULT_SPEAKING_TIME = 3 * 60
MAX_SPEAKING_TIME = 60 * 60


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
    # The body's own Word template (kept as bytes, not as this path): a Word file to make it,
    # "" to clear it, None to leave it as it is.
    template: str | None = None
    # Standing orders for debate: whether an amendment may itself be amended, and the seconds
    # a new speaker is given (0: no limit).
    nested_amendments: bool = False
    speaking_time: int = DEFAULT_SPEAKING_TIME

    def check(self) -> None:
        if not self.name.strip():
            raise ClerkError("a body needs a name", where="name")
        if self.quorum < 0:
            raise ClerkError("the quorum cannot be negative", where="quorum")
        if self.next_minute_number < 1:
            raise ClerkError("the next minute number must be 1 or more", where="next minute")
        if self.speaking_time < 0:
            raise ClerkError("the speaking time cannot be negative", where="speaking time")
        if self.speaking_time > MAX_SPEAKING_TIME:
            # An hour is no speaker's turn: most likely seconds typed as minutes (150 for 2:30).
            raise ClerkError(
                f"{self.speaking_time // 60} minutes is more than an hour: type minutes (3) or "
                "minutes:seconds (2:30), or 0 for no limit",
                where="speaking time",
            )


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
