"""Building the minutes from a :class:`MeetingRecord`: one section per item taken, in minute
number order, each a list of blocks that name the record they say."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from clerk_tui.minutes.blocks import Block, Bullets, Minutes, Paragraph, Section, Source
from clerk_tui.minutes.debate import debate_blocks, loose_votes, speaker_blocks
from clerk_tui.minutes.movements import movements
from clerk_tui.minutes.records import ItemRecord, MeetingRecord, NoteRecord
from clerk_tui.minutes.resolutions import number_resolutions
from clerk_tui.minutes.said import said, vote_blocks
from clerk_tui.minutes.styles import styled
from clerk_tui.minutes.wording import (
    also_present_line,
    apologies_sentence,
    declaration_sentence,
    exclusion_sentence,
    hours,
    make_heading,
    present_line,
)

#: Item states whose items appear in the minutes ("running": the draft of a live meeting).
MINUTED_STATES: frozenset[str] = frozenset({"taken", "running"})


def _note_blocks(notes: Iterable[NoteRecord]) -> list[Block]:
    blocks: list[Block] = []
    bullets: list[str] = []
    sources: list[Source] = []
    for note in notes:
        text = note.text.strip()
        if not text:
            continue
        source = Source("note", note.id)
        if note.kind == "bullet":
            bullets.append(text)
            sources.append(source)
            continue
        if bullets:
            blocks.append(Bullets(tuple(bullets), tuple(sources)))
            bullets, sources = [], []
        blocks.extend(Paragraph(p.strip(), source) for p in re.split(r"\n\s*\n", text) if p.strip())
    if bullets:
        blocks.append(Bullets(tuple(bullets), tuple(sources)))
    return blocks


def minuted_items(items: Sequence[ItemRecord]) -> list[ItemRecord]:
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


def _declaration_item_blocks(
    lister: ItemRecord, record: MeetingRecord, include_exempt: bool
) -> list[Block]:
    """The declarations item's list: every declaration of the meeting, or "None declared."."""
    lines: list[Block] = []
    for item in record.items:
        hidden = item.exempt and not include_exempt
        for declaration in item.declarations:
            sentence = declaration_sentence(
                declaration,
                item_label=item.number.strip() or None,
                public_only=hidden,
                minute_number=item.minute_number,
            )
            source = Source("declaration", declaration.id)
            if hidden:
                # The clerk's rewording may carry the exempt matter the public sentence leaves
                # out: the public minutes keep the generated words.
                lines.append(Paragraph(sentence, source))
            else:
                lines.append(said(record, lister.id, source, sentence))
    none = styled(record.styles, "none-declared", "None declared.")
    return lines or [said(record, lister.id, Source("none-declared"), none)]


def build_section(
    item: ItemRecord,
    record: MeetingRecord,
    *,
    include_exempt: bool = False,
    movements: dict[int, list[Paragraph]] | None = None,
    lists_declarations: bool = False,
    declared_here: bool = True,
) -> Section:
    """The section of ``item``. ``lists_declarations``: this is the meeting's declarations
    item, listing every declaration. ``declared_here``: the item's own declarations are said
    under it (when no declarations item lists them: a declaration is never printed twice)."""
    title = item.title.strip().upper()
    moves = [
        said(record, item.id, p.source, p.text) if p.source is not None else p
        for p in (movements or {}).get(item.id, ())
    ]
    exclusion = said(
        record, item.id, Source("exclusion"), exclusion_sentence(item.exempt_reason, record.styles)
    )
    if item.exempt and not include_exempt:
        # Who came and went is not exempt content: the public minutes keep it.
        return Section(item.minute_number, title, (exclusion, *moves), True, item_id=item.id)
    blocks: list[Block] = []
    if item.exempt:
        blocks.append(exclusion)
    if item.kind == "apologies":
        apologies = apologies_sentence(record.attendees, record.styles)
        blocks.append(said(record, item.id, Source("apologies"), apologies))
    if lists_declarations:
        blocks.extend(_declaration_item_blocks(item, record, include_exempt))
    blocks.extend(_note_blocks(n for n in item.notes if not n.after_resolutions))
    if declared_here:
        blocks.extend(
            said(
                record,
                item.id,
                Source("declaration", d.id),
                declaration_sentence(d, item_label=None),
            )
            for d in item.declarations
        )
    blocks.extend(moves)
    # The debate (issue 15): who spoke, then each motion with its amendments and their votes.
    blocks.extend(speaker_blocks(item, record))
    blocks.extend(debate_blocks(item, record))
    for vote in loose_votes(item):
        blocks.extend(vote_blocks(vote, record, item.id))
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
        item_id=item.id,
    )


def _surname(name: str) -> str:
    words = name.split()
    return words[-1] if words else ""


def minutes_of(record: MeetingRecord, *, include_exempt: bool = False) -> Minutes:
    """The minutes of ``record`` in the house style.

    ``include_exempt`` False (the public minutes): an exempt item gives its heading and the
    exclusion of press and public, nothing more. True: its content too, and the minutes are
    marked confidential (when any exempt item was taken).
    """
    sections = tuple(sections_of(record, include_exempt=include_exempt))
    members = [a for a in record.attendees if a.is_member and a.status == "present"]
    members.sort(key=lambda a: (_surname(a.name).casefold(), a.name.casefold()))
    officers = [a for a in record.attendees if not a.is_member and a.status == "present"]
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


def sections_of(
    record: MeetingRecord, *, include_exempt: bool = False, also: int | None = None
) -> list[Section]:
    """The sections of the items taken, in minute order; with ``also``, that item's section
    too (last) when it is not taken: what the record pane shows for an item not yet minuted
    is what its section would say."""
    items = minuted_items(record.items)
    moves = movements(record.attendees, items, record.actual_start, record.items, record.styles)
    # The first declarations item taken lists every declaration; the others say nothing of
    # them, and no item repeats its own.
    lister = next((i.id for i in items if i.kind == "declarations"), None)
    extra = [i for i in record.items if i.id == also and i not in items]
    return [
        build_section(
            item,
            record,
            include_exempt=include_exempt,
            movements=moves,
            lists_declarations=item.id == lister,
            declared_here=lister is None,
        )
        for item in (*items, *extra)
    ]


def section_of(record: MeetingRecord, item_id: int) -> Section | None:
    """What the minutes say (or will say, once it is taken) under one item, exempt content
    included: the blocks the record pane shows. None when there is no such item."""
    for section in sections_of(record, include_exempt=True, also=item_id):
        if section.item_id == item_id:
            return section
    return None
