"""The minutes' output as plain data: sections of blocks, each block saying which record it
came from (its :class:`Source`), so the record pane can show the very blocks the minutes print
and still edit, delete or move the record behind each one. Plus the fixed words of the house
style that every renderer shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PRESENT_LABEL = "PRESENT: -"
ALSO_PRESENT_LABEL = "ALSO PRESENT: -"
RESOLVED_LABEL = "RESOLVED: -"
# Before the motion of a vote that no resolution records (as typed, its own paragraph): the
# minutes say what was put to the vote ("motion", "recommendation" or "amendment") once.
MOTION_LABEL = "The following was put to the vote: -"
DRAFT_MARKER = "DRAFT"
CONFIDENTIAL_MARKER = "CONFIDENTIAL"
DOTTED_LINE = "....."
CHAIR_LINE = "CHAIR"
EN_DASH = "–"

# What a block can come from: a record the clerk made (its id with it), or a sentence the
# minutes write themselves from other records.
RECORD_KINDS = ("note", "resolution", "vote", "declaration", "motion")
# "speakers": who spoke on the item; "substantive" (a motion's id): the motion as its carried
# amendments made it; "motion-outcome" (a motion's id): withdrawn, not put, or decided without
# a count.
SENTENCE_KINDS = (
    "apologies",
    "none-declared",
    "arrival",
    "departure",
    "exclusion",
    "speakers",
    "substantive",
    "motion-outcome",
)
# The sources of the sentences the clerk may edit in place (a declaration's, a vote's and a
# motion's "It was moved …" among them): a minutesentence row's source is one of these, with
# its id if any.
EDITABLE_SENTENCES = (*SENTENCE_KINDS, "declaration", "vote", "motion")


@dataclass(frozen=True)
class Source:
    """Where a block's words come from: ``Source("note", 12)``; ``Source("apologies")``.

    For an arrival or a departure ``id`` is the attendance row's."""

    kind: str
    id: int | None = None

    @property
    def key(self) -> str:
        """ "note-12", "apologies", "arrival-3": unique within an item's section."""
        return self.kind if self.id is None else f"{self.kind}-{self.id}"

    @classmethod
    def from_key(cls, key: str) -> Source:
        """The source a key names: "vote-5" → vote 5; "none-declared" → none-declared (a
        kind may hold a hyphen: only a trailing number is an id)."""
        kind, dash, number = key.rpartition("-")
        if dash and kind and number.isdigit():
            return cls(kind, int(number))
        return cls(key)


# A block's source is not part of its words (compare=False): blocks saying the same are equal.
@dataclass(frozen=True)
class Paragraph:
    """A paragraph. For a sentence the minutes write themselves (the apologies, a vote's
    sentence...) ``written`` holds the words they would write, and ``edited`` says that
    ``text`` is the clerk's edit of them instead (no longer following the records)."""

    text: str
    source: Source | None = field(default=None, compare=False)
    written: str | None = field(default=None, compare=False)
    edited: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]
    sources: tuple[Source, ...] = field(default=(), compare=False)  # one per item


@dataclass(frozen=True)
class SubPoint:
    label: str  # "a.", "b.", ...
    text: str
    source: Source | None = field(default=None, compare=False)


@dataclass(frozen=True)
class NumberedResolution:
    label: str  # "i.", "ii.", ... or "" when the resolution stands alone
    text: str
    children: tuple[SubPoint, ...] = ()
    source: Source | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Resolved:
    """``RESOLVED: -`` and its resolutions, punctuated in the house style."""

    resolutions: tuple[NumberedResolution, ...]


@dataclass(frozen=True)
class NamedVote:
    """How each member voted in a recorded vote: ``(("For", names), ("Against", names), ...)``."""

    rows: tuple[tuple[str, tuple[str, ...]], ...]
    source: Source | None = field(default=None, compare=False)


Block = Paragraph | Bullets | Resolved | NamedVote


@dataclass(frozen=True)
class Section:
    """One minute: ``611 NOTICE OF RECORDING`` and what follows it."""

    minute_number: int | None
    title: str  # upper case
    blocks: tuple[Block, ...] = ()
    exempt: bool = False
    confidential: bool = False  # exempt and its content included: mark it CONFIDENTIAL
    item_id: int | None = field(default=None, compare=False)

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

    def section_of(self, item_id: int) -> Section | None:
        return next((s for s in self.sections if s.item_id == item_id), None)
