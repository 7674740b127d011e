"""The minutes of a meeting as plain data, in the house style (PRODUCT.md §5).

Pure: standard library only. A service turns the database into the *input* records below
(``MeetingRecord`` and friends); :func:`build_minutes` turns them into :class:`Minutes`, which
every renderer in :mod:`clerk_tui.export` reads. All the wording of the house style lives here,
so a .docx, a Markdown file and a plain text file of the same meeting say the same words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal

# --------------------------------------------------------------------------------------------
# Fixed words of the house style, shared by the renderers.

PRESENT_LABEL = "PRESENT: -"
ALSO_PRESENT_LABEL = "ALSO PRESENT: -"
RESOLVED_LABEL = "RESOLVED: -"
DRAFT_MARKER = "DRAFT"
CONFIDENTIAL_MARKER = "CONFIDENTIAL"
DOTTED_LINE = "....."
CHAIR_LINE = "CHAIR"
EN_DASH = "–"


#: Item states whose items appear in the minutes ("running": the draft of a live meeting).
MINUTED_STATES: frozenset[str] = frozenset({"taken", "running"})

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

# --------------------------------------------------------------------------------------------
# Input: plain records a service builds from the database.

NoteKind = Literal["paragraph", "bullet"]


@dataclass(frozen=True)
class NoteRecord:
    """A minute note: a narrative paragraph or a discussion point (bullet).

    ``after_resolutions`` puts the note after the ``RESOLVED: -`` block (the chair's closing
    words in the last item of the reference minutes); by default notes come first.
    """

    kind: NoteKind
    text: str
    after_resolutions: bool = False


@dataclass(frozen=True)
class DeclarationRecord:
    """A declaration of interest on an item.

    ``person``: display name as it should appear ("Cllr Jones"). ``kind``: one of
    "disclosable-pecuniary", "other-registrable", "non-registrable", "other". ``action``: one of
    "left-room", "stayed-did-not-vote", "dispensation", "spoke-and-voted", or the clerk's own
    words (used as typed), or "".
    """

    person: str
    kind: str
    nature: str = ""
    action: str = ""


@dataclass(frozen=True)
class VoteRecord:
    """A vote, already worded by :mod:`clerk_tui.rules` (``Decision.text``)."""

    sentence: str
    for_names: tuple[str, ...] = ()
    against_names: tuple[str, ...] = ()
    abstain_names: tuple[str, ...] = ()
    did_not_vote_names: tuple[str, ...] = ()
    inquorate: bool = False

    @property
    def recorded(self) -> bool:
        """A recorded (named) vote: at least one name was taken."""
        return bool(
            self.for_names or self.against_names or self.abstain_names or self.did_not_vote_names
        )


@dataclass(frozen=True)
class ResolutionRecord:
    """A resolution as typed, with its sub-points (a., b., ...) in order."""

    text: str
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class AttendeeRecord:
    """One person's attendance at the meeting.

    ``capacity``: "member", "substitute", "officer" or "guest" (officers and guests are
    "also present"). ``status``: "present", "apologies" or "absent". ``short_name``: title and
    surname ("Cllr Jones"), derived from ``title`` and ``name`` when left empty.
    """

    name: str
    capacity: str
    status: str
    title: str = ""
    short_name: str = ""
    represents: str = ""
    role_text: str = ""
    arrived_item_id: int | None = None
    left_item_id: int | None = None
    arrived_at: datetime | None = None
    left_at: datetime | None = None
    substitute_for: str | None = None

    @property
    def display_name(self) -> str:
        """Title and full name: "Cllr Paul Bradley", "Kristina Murphy"."""
        return f"{self.title} {self.name}".strip() if self.title else self.name.strip()

    @property
    def reference(self) -> str:
        """How the minutes refer to the person in a sentence: "Cllr Jones", "Kevin O’Keefe"."""
        if not self.title:
            return self.name.strip()
        if self.short_name:
            return self.short_name.strip()
        surname = self.name.split()[-1] if self.name.split() else ""
        return f"{self.title} {surname}".strip()

    @property
    def is_member(self) -> bool:
        return self.capacity in ("member", "substitute")


@dataclass(frozen=True)
class ItemRecord:
    """An agenda item with everything recorded on it."""

    id: int
    number: str
    title: str
    kind: str = "other"
    state: str = "pending"
    minute_number: int | None = None
    exempt: bool = False
    exempt_reason: str = ""
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    notes: tuple[NoteRecord, ...] = ()
    declarations: tuple[DeclarationRecord, ...] = ()
    votes: tuple[VoteRecord, ...] = ()
    resolutions: tuple[ResolutionRecord, ...] = ()
    papers: str = ""
    description: str = ""
    approximate_time: time | None = None


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting, its attendance and its items (in agenda order)."""

    body_name: str
    venue: str
    date: date
    scheduled_start: time
    body_short_name: str = ""
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    status: str = "planned"
    minutes_status: str = "draft"
    attendees: tuple[AttendeeRecord, ...] = ()
    items: tuple[ItemRecord, ...] = ()


# --------------------------------------------------------------------------------------------
# Output: the minutes as plain data.


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class SubPoint:
    label: str  # "a.", "b.", ...
    text: str


@dataclass(frozen=True)
class NumberedResolution:
    label: str  # "i.", "ii.", ... or "" when the resolution stands alone
    text: str
    children: tuple[SubPoint, ...] = ()


@dataclass(frozen=True)
class Resolved:
    """``RESOLVED: -`` and its resolutions, punctuated in the house style."""

    resolutions: tuple[NumberedResolution, ...]


@dataclass(frozen=True)
class NamedVote:
    """How each member voted in a recorded vote: ``(("For", names), ("Against", names), ...)``."""

    rows: tuple[tuple[str, tuple[str, ...]], ...]


Block = Paragraph | Bullets | Resolved | NamedVote


@dataclass(frozen=True)
class Section:
    """One minute: ``611 NOTICE OF RECORDING`` and what follows it."""

    minute_number: int | None
    title: str  # upper case
    blocks: tuple[Block, ...] = ()
    exempt: bool = False
    confidential: bool = False  # exempt and its content included: mark it CONFIDENTIAL

    @property
    def heading(self) -> str:
        return f"{self.minute_number} {self.title}" if self.minute_number else self.title


@dataclass(frozen=True)
class Minutes:
    heading: str  # without the DRAFT marker: renderers put that on its own line above
    draft: bool
    confidential: bool
    present: tuple[str, ...]
    also_present: tuple[str, ...]
    sections: tuple[Section, ...]
    closing: str | None  # "The meeting ended at 15:30 hours"; None while the meeting runs
    chair_line: str = CHAIR_LINE
    dotted_line: str = DOTTED_LINE


# --------------------------------------------------------------------------------------------
# Wording helpers.


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


def apologies_sentence(attendees: Iterable[AttendeeRecord]) -> str:
    """The apologies item's sentence: members first, then officers, each in the order given."""
    sent = [a for a in attendees if a.status == "apologies"]
    ordered = [a for a in sent if a.is_member] + [a for a in sent if not a.is_member]
    if not ordered:
        return "No apologies were received."
    names = join_and([_apology_name(a) for a in ordered])
    return f"Apologies for non-attendance were received on behalf of {names}."


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


def exclusion_sentence(reason: str) -> str:
    """The exclusion of press and public for an exempt item, with its reason."""
    return (
        "Resolved that the press and public be excluded from the meeting for this item on the "
        "grounds that it involves the likely disclosure of exempt information as defined in "
        f"{exempt_reason_text(reason)}."
    )


# --------------------------------------------------------------------------------------------
# Resolutions: numbering and the joining punctuation.

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def roman(number: int) -> str:
    """1 → "i", 4 → "iv", 14 → "xiv"."""
    if number < 1:
        raise ValueError(f"no roman numeral for {number}")
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def letter(number: int) -> str:
    """1 → "a", 26 → "z", 27 → "aa"."""
    if number < 1:
        raise ValueError(f"no letter for {number}")
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


_ENDS_WITH_JOINER = re.compile(r"\b(and|or)$", re.IGNORECASE)
_FINAL_STOP = (".", "!", "?")


def _end_list_item(text: str) -> str:
    """A point that is neither last nor last but one ends with ";" (unless it has its own)."""
    text = text.rstrip()
    if text.endswith(";") or _ENDS_WITH_JOINER.search(text) or text.endswith(":"):
        return text
    if text.endswith((".", ",")):
        text = text[:-1].rstrip()
    return f"{text};"


def _end_last_but_one(text: str) -> str:
    """The point before the last ends with "; and" unless the clerk joined it already."""
    text = text.rstrip()
    if _ENDS_WITH_JOINER.search(text) or text.endswith(":"):
        return text
    text = text.rstrip(" .,;").rstrip()
    return f"{text}; and"


def _end_last(text: str) -> str:
    """The last point ends with a full stop."""
    text = text.rstrip()
    if text.endswith(_FINAL_STOP) or text.endswith(":"):
        return text
    text = text.rstrip(" ,;").rstrip()
    return f"{text}."


def _ending(index: int, count: int) -> str:
    if index == count - 1:
        return "last"
    if index == count - 2:
        return "last-but-one"
    return "other"


_ENDERS = {"last": _end_last, "last-but-one": _end_last_but_one, "other": _end_list_item}


def number_resolutions(resolutions: Sequence[ResolutionRecord]) -> Resolved:
    """Number and punctuate resolutions in the house style.

    One resolution stands alone (no label); several are labelled i., ii., iii. Their endings:
    the last ends with ".", the last but one with "; and", the others with ";" — each only
    where the clerk did not type it. A resolution with sub-points keeps its own text as typed
    (it introduces them); its sub-points a., b. end with ";" and the last takes the ending
    the resolution would have had.
    """
    kept = [r for r in resolutions if r.text.strip() or any(c.strip() for c in r.children)]
    count = len(kept)
    out: list[NumberedResolution] = []
    for index, resolution in enumerate(kept):
        ending = _ENDERS[_ending(index, count)]
        label = f"{roman(index + 1)}." if count > 1 else ""
        children = [c.strip() for c in resolution.children if c.strip()]
        if children:
            subs = tuple(
                SubPoint(
                    f"{letter(n + 1)}.",
                    ending(child) if n == len(children) - 1 else _end_list_item(child),
                )
                for n, child in enumerate(children)
            )
            out.append(NumberedResolution(label, resolution.text.strip(), subs))
        else:
            out.append(NumberedResolution(label, ending(resolution.text.strip())))
    return Resolved(tuple(out))


# --------------------------------------------------------------------------------------------
# Building the minutes.


def _note_blocks(notes: Iterable[NoteRecord]) -> list[Block]:
    blocks: list[Block] = []
    bullets: list[str] = []
    for note in notes:
        text = note.text.strip()
        if not text:
            continue
        if note.kind == "bullet":
            bullets.append(text)
            continue
        if bullets:
            blocks.append(Bullets(tuple(bullets)))
            bullets = []
        blocks.extend(Paragraph(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip())
    if bullets:
        blocks.append(Bullets(tuple(bullets)))
    return blocks


def _vote_blocks(vote: VoteRecord) -> list[Block]:
    blocks: list[Block] = []
    if vote.inquorate:
        blocks.append(Paragraph("The meeting was inquorate when this vote was taken."))
    if vote.sentence.strip():
        blocks.append(Paragraph(vote.sentence.strip()))
    if vote.recorded:
        rows: list[tuple[str, tuple[str, ...]]] = [
            ("For", vote.for_names),
            ("Against", vote.against_names),
            ("Abstained", vote.abstain_names),
        ]
        if vote.did_not_vote_names:
            rows.append(("Did not vote", vote.did_not_vote_names))
        blocks.append(NamedVote(tuple(rows)))
    return blocks


def _item_at(moment: datetime, items: Sequence[ItemRecord]) -> int | None:
    """The id of the item running at ``moment`` (for a movement recorded without an item)."""
    for item in items:
        if item.actual_start is None or moment < item.actual_start:
            continue
        if item.actual_end is None or moment < item.actual_end:
            return item.id
    return None


def _placed(
    item_id: int | None,
    moment: datetime | None,
    minuted: Sequence[ItemRecord],
    every: Sequence[ItemRecord],
) -> tuple[int, str] | None:
    """Which minuted item a movement goes under, and where it fell against that item: "during"
    it, "before" it or "after" it.

    The item during which it happened, when that item is minuted. Otherwise (the item was then
    deferred or withdrawn; or no item was running, as after the meeting began and before the
    first item) the next item taken after it, or the last one taken before it if none follows.
    """
    ids = {item.id for item in minuted}
    if item_id in ids:
        return item_id, "during"
    if not minuted:
        return None
    recorded = next((item for item in every if item.id == item_id), None)
    if moment is None and recorded is not None:
        moment = recorded.actual_end or recorded.actual_start
    if moment is not None:
        if item_id is None:
            running = _item_at(moment, minuted)
            if running is not None:
                return running, "during"
        started = sorted(
            (item for item in minuted if item.actual_start is not None),
            key=lambda item: item.actual_start or datetime.min,
        )
        following = [item for item in started if (item.actual_start or moment) >= moment]
        if following:
            return following[0].id, "before"
        if started:
            return started[-1].id, "after"
    if recorded is not None:  # no times to go by: the agenda's order
        position = {item.id: n for n, item in enumerate(every)}
        mark = position[recorded.id]
        later = [item for item in minuted if position.get(item.id, -1) > mark]
        if later:
            return min(later, key=lambda item: position[item.id]).id, "before"
        earlier = [item for item in minuted if item.id in position]
        if earlier:
            return max(earlier, key=lambda item: position[item.id]).id, "after"
    return None


def _movements(
    attendees: Sequence[AttendeeRecord],
    items: Sequence[ItemRecord],
    meeting_start: datetime | None,
    every: Sequence[ItemRecord] = (),
) -> dict[int, list[str]]:
    """Late arrivals and departures, as sentences, by the id of the minuted item (``items``)
    they go under (see :func:`_placed`); ``every`` is the whole agenda, in agenda order."""
    every = every or items
    out: dict[int, list[str]] = {}
    for person in attendees:
        if person.status != "present":
            continue
        late = person.arrived_at is not None and (
            meeting_start is None or person.arrived_at > meeting_start
        )
        if person.arrived_item_id is not None or late:
            placed = _placed(person.arrived_item_id, person.arrived_at, items, every)
            if placed is not None:
                item_id, where = placed
                if where == "during":
                    when = "during this item"
                elif person.arrived_at is not None:
                    when = f"at {hours(person.arrived_at)} hours"
                else:
                    when = f"{where} this item"
                out.setdefault(item_id, []).append(f"{person.reference} joined the meeting {when}.")
        if person.left_item_id is not None or person.left_at is not None:
            placed = _placed(person.left_item_id, person.left_at, items, every)
            if placed is not None:
                item_id, where = placed
                if person.left_at is not None:
                    when = f"at {hours(person.left_at)} hours"
                else:
                    when = f"{where} this item"
                out.setdefault(item_id, []).append(f"{person.reference} left the meeting {when}.")
    return out


def _minuted_items(items: Sequence[ItemRecord]) -> list[ItemRecord]:
    taken = [i for i in items if i.state in MINUTED_STATES]
    # In minute-number order; items not yet numbered follow, in the order they were taken.
    return sorted(
        taken,
        key=lambda i: (
            i.minute_number is None,
            i.minute_number or 0,
            i.actual_start or datetime.max,
        ),
    )


def _declaration_item_blocks(items: Sequence[ItemRecord], include_exempt: bool) -> list[Block]:
    lines: list[Block] = []
    for item in items:
        hidden = item.exempt and not include_exempt
        for declaration in item.declarations:
            sentence = declaration_sentence(
                declaration,
                item_label=item.number.strip() or None,
                public_only=hidden,
                minute_number=item.minute_number,
            )
            lines.append(Paragraph(sentence))
    return lines or [Paragraph("None declared.")]


def build_section(
    item: ItemRecord,
    record: MeetingRecord,
    *,
    include_exempt: bool = False,
    movements: dict[int, list[str]] | None = None,
) -> Section:
    title = item.title.strip().upper()
    moves = [Paragraph(line) for line in (movements or {}).get(item.id, ())]
    if item.exempt and not include_exempt:
        # Who came and went is not exempt content: the public minutes keep it.
        return Section(
            item.minute_number,
            title,
            (Paragraph(exclusion_sentence(item.exempt_reason)), *moves),
            exempt=True,
        )
    blocks: list[Block] = []
    if item.exempt:
        blocks.append(Paragraph(exclusion_sentence(item.exempt_reason)))
    if item.kind == "apologies":
        blocks.append(Paragraph(apologies_sentence(record.attendees)))
    if item.kind == "declarations":
        blocks.extend(_declaration_item_blocks(record.items, include_exempt))
    blocks.extend(_note_blocks(n for n in item.notes if not n.after_resolutions))
    blocks.extend(Paragraph(declaration_sentence(d, item_label=None)) for d in item.declarations)
    blocks.extend(moves)
    for vote in item.votes:
        blocks.extend(_vote_blocks(vote))
    resolved = number_resolutions(item.resolutions)
    if resolved.resolutions:
        blocks.append(resolved)
    blocks.extend(_note_blocks(n for n in item.notes if n.after_resolutions))
    return Section(
        item.minute_number,
        title,
        tuple(blocks),
        exempt=item.exempt,
        confidential=item.exempt,
    )


def build_minutes(record: MeetingRecord, *, include_exempt: bool = False) -> Minutes:
    """The minutes of ``record`` in the house style.

    ``include_exempt`` False (the public minutes): an exempt item gives its heading and the
    exclusion of press and public, nothing more. True: its content too, and the minutes are
    marked confidential (when any exempt item was taken).
    """
    members = [a for a in record.attendees if a.is_member and a.status == "present"]
    members.sort(key=lambda a: (_surname(a.name).casefold(), a.name.casefold()))
    officers = [a for a in record.attendees if not a.is_member and a.status == "present"]
    items = _minuted_items(record.items)
    movements = _movements(record.attendees, items, record.actual_start, record.items)
    sections = tuple(
        build_section(item, record, include_exempt=include_exempt, movements=movements)
        for item in items
    )
    closing = (
        f"The meeting ended at {hours(record.actual_end)} hours"
        if record.actual_end is not None
        else None
    )
    return Minutes(
        heading=make_heading(record),
        draft=record.minutes_status == "draft",
        confidential=include_exempt and any(s.exempt for s in sections),
        present=tuple(present_line(a) for a in members),
        also_present=tuple(also_present_line(a) for a in officers),
        sections=sections,
        closing=closing,
    )


__all__ = [
    "ALSO_PRESENT_LABEL",
    "CHAIR_LINE",
    "CONFIDENTIAL_MARKER",
    "DOTTED_LINE",
    "DRAFT_MARKER",
    "PRESENT_LABEL",
    "RESOLVED_LABEL",
    "AttendeeRecord",
    "Block",
    "Bullets",
    "DeclarationRecord",
    "ItemRecord",
    "MeetingRecord",
    "Minutes",
    "NamedVote",
    "NoteRecord",
    "NumberedResolution",
    "Paragraph",
    "ResolutionRecord",
    "Resolved",
    "Section",
    "SubPoint",
    "VoteRecord",
    "apologies_sentence",
    "build_minutes",
    "declaration_sentence",
    "exclusion_sentence",
    "exempt_reason_text",
    "long_date",
    "number_resolutions",
]
