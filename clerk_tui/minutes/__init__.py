"""The minutes of a meeting as plain data, in the house style (PRODUCT.md §5).

Pure: the standard library, and the frozen views of a stored meeting (:mod:`db.views`,
:mod:`db.meeting_snapshot`), nothing else. :func:`build_minutes` turns a
:class:`MeetingSnapshot` into :class:`Minutes`, which every renderer in
:mod:`clerk_tui.export` reads, and :func:`item_section` gives the record pane the very blocks
of one item. All the wording of the house style lives here, so a .docx, a Markdown file, a
plain text file and the screen say the same words.

records        the input, in the house style's terms (MeetingRecord...)
blocks         the output: sections of blocks, each naming its source record
wording        the sentences (apologies, declarations, exclusion, the heading...)
resolutions    numbering (i., a.); the words and their punctuation are as typed
movements      late arrivals and early departures, placed under their item
said           a generated sentence or the clerk's edit of it; a vote's blocks
debate         who spoke, motions and amendments as moved, each with its vote
sections       minutes_of(record): the sections in minute order
from_snapshot  build_minutes(snapshot), item_section(snapshot, item_id)
"""

from __future__ import annotations

from clerk_tui.minutes.blocks import (
    ALSO_PRESENT_LABEL,
    CHAIR_LINE,
    CONFIDENTIAL_MARKER,
    DOTTED_LINE,
    DRAFT_MARKER,
    EN_DASH,
    MOTION_LABEL,
    PRESENT_LABEL,
    RESOLVED_LABEL,
    Block,
    Bullets,
    Minutes,
    NamedVote,
    NumberedResolution,
    Paragraph,
    Resolved,
    Section,
    Source,
    SubPoint,
)
from clerk_tui.minutes.from_snapshot import build_minutes, item_section, meeting_record
from clerk_tui.minutes.records import (
    AttendeeRecord,
    DeclarationRecord,
    ItemRecord,
    MeetingRecord,
    MotionRecord,
    NoteKind,
    NoteRecord,
    ResolutionRecord,
    SpeakerRecord,
    VoteRecord,
)
from clerk_tui.minutes.resolutions import ENDINGS, end_with, letter, number_resolutions, roman
from clerk_tui.minutes.sections import MINUTED_STATES, build_section, minutes_of, section_of
from clerk_tui.minutes.wording import (
    MONTHS,
    also_present_line,
    apologies_sentence,
    declaration_sentence,
    exclusion_sentence,
    exempt_reason_text,
    hours,
    join_and,
    long_date,
    make_heading,
    present_line,
)

__all__ = [
    "ALSO_PRESENT_LABEL",
    "CHAIR_LINE",
    "CONFIDENTIAL_MARKER",
    "DOTTED_LINE",
    "DRAFT_MARKER",
    "ENDINGS",
    "EN_DASH",
    "MINUTED_STATES",
    "MONTHS",
    "MOTION_LABEL",
    "PRESENT_LABEL",
    "RESOLVED_LABEL",
    "AttendeeRecord",
    "Block",
    "Bullets",
    "DeclarationRecord",
    "ItemRecord",
    "MeetingRecord",
    "Minutes",
    "MotionRecord",
    "NamedVote",
    "NoteKind",
    "NoteRecord",
    "NumberedResolution",
    "Paragraph",
    "ResolutionRecord",
    "Resolved",
    "Section",
    "Source",
    "SpeakerRecord",
    "SubPoint",
    "VoteRecord",
    "also_present_line",
    "apologies_sentence",
    "build_minutes",
    "build_section",
    "declaration_sentence",
    "end_with",
    "exclusion_sentence",
    "exempt_reason_text",
    "hours",
    "item_section",
    "join_and",
    "letter",
    "long_date",
    "make_heading",
    "meeting_record",
    "minutes_of",
    "number_resolutions",
    "present_line",
    "roman",
    "section_of",
]
