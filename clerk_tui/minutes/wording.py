"""The sentences of the house style (PRODUCT.md §5): dates and hours, the heading, the lines
of those present, and the sentences the minutes write from the records (apologies,
declarations, the exclusion of press and public)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time

from clerk_tui.minutes.blocks import EN_DASH
from clerk_tui.minutes.records import AttendeeRecord, DeclarationRecord, MeetingRecord
from clerk_tui.minutes.styles import styled

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_LGA_1972 = "the Local Government Act 1972"


def long_date(day: date) -> str:
    """29 November 2021."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def hours(moment: time | datetime) -> str:
    """14:00 (the minutes write "14:00 hours")."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def join_and(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" — no Oxford comma."""
    parts = [p for p in parts if p]
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0]
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else ""


def make_heading(record: MeetingRecord) -> str:
    body = record.body_name.strip()
    if body.lower().startswith("the "):
        body = body[4:]
    text = (
        f"MINUTES OF THE MEETING OF THE {body.upper()} HELD ON {long_date(record.date).upper()}"
        f" AT {hours(record.scheduled_start)} HOURS"
    )
    if record.venue.strip():
        text += f" {EN_DASH} {record.venue.strip().upper()}"
    return text


def present_line(person: AttendeeRecord) -> str:
    """``Cllr Paul Bradley – Dudley`` (authority: en dash); ``Kristina Murphy - Independent
    Member`` (role of a member who represents no authority: hyphen)."""
    line = person.display_name
    if person.represents.strip():
        line += f" {EN_DASH} {person.represents.strip()}"
    elif person.role_text.strip():
        line += f" - {person.role_text.strip()}"
    if person.capacity == "substitute" and person.substitute_for:
        line += f" (substitute for {person.substitute_for.strip()})"
    return line


def also_present_line(person: AttendeeRecord) -> str:
    """``Simon Foster – West Midlands Police and Crime Commissioner``."""
    role = person.role_text.strip() or person.represents.strip()
    return f"{person.display_name} {EN_DASH} {role}" if role else person.display_name


def _apology_name(person: AttendeeRecord) -> str:
    if person.title:
        extra = person.represents.strip() or person.role_text.strip()
        ref = person.reference
    else:
        extra = person.role_text.strip() or person.represents.strip()
        ref = person.name.strip()
    return f"{ref} ({extra})" if extra else ref


def apologies_sentence(
    attendees: Iterable[AttendeeRecord], styles: dict[str, str] | None = None
) -> str:
    """The apologies item's sentence: members first, then officers, each in the order given;
    in the body's wording (``styles``: "apologies" with {names}, "no-apologies") where set."""
    sent = [a for a in attendees if a.status == "apologies"]
    ordered = [a for a in sent if a.is_member] + [a for a in sent if not a.is_member]
    if not ordered:
        return styled(styles or {}, "no-apologies", "No apologies were received.")
    names = join_and([_apology_name(a) for a in ordered])
    generated = f"Apologies for non-attendance were received on behalf of {names}."
    return styled(styles or {}, "apologies", generated, names=names)


_DECLARATION_KINDS: dict[str, str] = {
    "disclosable-pecuniary": "a disclosable pecuniary interest",
    "other-registrable": "an other registrable interest",
    "non-registrable": "a non-registrable interest",
    "other": "an interest",
}

_DECLARATION_ACTIONS: dict[str, str] = {
    "left-room": "left the room during its consideration",
    "left-the-room": "left the room during its consideration",
    "stayed-did-not-vote": "remained in the room but did not vote",
    "stayed-but-did-not-vote": "remained in the room but did not vote",
    "did-not-vote": "remained in the room but did not vote",
    "dispensation": "took part under a dispensation",
    "dispensation-held": "took part under a dispensation",
    "spoke-and-voted": "spoke and voted",
}


def _slug(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower())


def declaration_sentence(
    declaration: DeclarationRecord,
    *,
    item_label: str | None,
    public_only: bool = False,
    minute_number: int | None = None,
) -> str:
    """``Cllr X declared a disclosable pecuniary interest in Minute No. 640 (nature) and left
    the room during its consideration.`` The item is referred to by its minute number where it
    has one (the minutes are numbered by minute, not by agenda item), else as "item 8" from
    ``item_label``; with neither it is "this item".

    ``public_only`` (a declaration on an exempt item, in the public minutes): the nature and any
    action in the clerk's own words are left out, since they may disclose the exempt matter.
    """
    kind = _slug(declaration.kind).removesuffix("-interest")
    kind_words = _DECLARATION_KINDS.get(kind, "an interest")
    if minute_number is not None:
        where = f"Minute No. {minute_number}"
    else:
        where = f"item {item_label}" if item_label else "this item"
    text = f"{declaration.person.strip()} declared {kind_words} in {where}"
    if declaration.nature.strip() and not public_only:
        text += f" ({declaration.nature.strip().rstrip('.')})"
    action = declaration.action.strip()
    if action:
        known = _DECLARATION_ACTIONS.get(_slug(action))
        if known:
            text += f" and {known}"
        elif not public_only:
            text += f" and {action.rstrip('.')}"
    return text + "."


def exempt_reason_text(reason: str) -> str:
    """The statutory ground in full: "paragraph 3 of Schedule 12A" → "paragraph 3 of Schedule
    12A to the Local Government Act 1972"; nothing given → "Schedule 12A to the ... Act 1972"."""
    reason = reason.strip().rstrip(".")
    if not reason:
        return f"Schedule 12A to {_LGA_1972}"
    if "schedule 12a" in reason.lower() and "local government act" not in reason.lower():
        return f"{reason} to {_LGA_1972}"
    return reason


def exclusion_sentence(reason: str, styles: dict[str, str] | None = None) -> str:
    """The exclusion of press and public for an exempt item, with its reason (in the body's
    "exclusion" wording, with {reason}, where set)."""
    ground = exempt_reason_text(reason)
    generated = (
        "Resolved that the press and public be excluded from the meeting for this item on the "
        "grounds that it involves the likely disclosure of exempt information as defined in "
        f"{ground}."
    )
    return styled(styles or {}, "exclusion", generated, reason=ground)
