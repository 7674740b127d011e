"""Notes, votes and movements in the minutes: PRODUCT.md §5, against the reference meeting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_tui.minutes import (
    Bullets,
    ItemRecord,
    Minutes,
    NamedVote,
    NoteRecord,
    Paragraph,
    Resolved,
    VoteRecord,
    minutes_of,
)
from tests.export.reference_meeting import (
    VOTE_616_SENTENCE,
    at,
    reference_meeting,
)
from tests.minutes_support import section, texts


@pytest.fixture
def minutes() -> Minutes:
    return minutes_of(reference_meeting())


# --- notes, votes, movements -----------------------------------------------------------------


def test_bullets_follow_the_clerks_introduction_and_are_grouped(minutes: Minutes) -> None:
    sec = section(minutes, 618)
    kinds = [type(b).__name__ for b in sec.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Bullets", "Resolved"]
    intro = sec.blocks[2]
    assert isinstance(intro, Paragraph)
    assert intro.text == "During the course of the discussion the following points were raised: -"
    bullets = sec.blocks[3]
    assert isinstance(bullets, Bullets)
    assert len(bullets.items) == 8
    assert bullets.items[0].startswith("Reflecting on the recent HMICFRS Peel Inspection")


def test_vote_sentence_and_no_resolution_on_616(minutes: Minutes) -> None:
    sec = section(minutes, 616)
    assert texts(sec)[-1] == VOTE_616_SENTENCE
    assert not any(isinstance(b, Resolved) for b in sec.blocks)


def test_recorded_vote_names_and_inquorate() -> None:
    vote = VoteRecord(
        "The motion was carried.",
        for_names=("Cllr A", "Cllr B"),
        against_names=(),
        abstain_names=("Cllr C",),
        did_not_vote_names=("Cllr D",),
        inquorate=True,
    )
    record = reference_meeting()
    items = tuple(replace(i, votes=(vote,)) if i.minute_number == 619 else i for i in record.items)
    sec = section(minutes_of(replace(record, items=items)), 619)
    named = next(b for b in sec.blocks if isinstance(b, NamedVote))
    assert named.rows == (
        ("For", ("Cllr A", "Cllr B")),
        ("Against", ()),
        ("Abstained", ("Cllr C",)),
        ("Did not vote", ("Cllr D",)),
    )
    paragraphs = texts(sec)
    inquorate = paragraphs.index("The meeting was inquorate when this vote was taken.")
    assert paragraphs[inquorate + 1] == "The motion was carried."


def test_show_of_hands_vote_has_no_names(minutes: Minutes) -> None:
    assert not any(isinstance(b, NamedVote) for b in section(minutes, 616).blocks)


def test_late_arrival_and_early_departure_appear_in_their_items() -> None:
    record = reference_meeting()
    attendees = tuple(
        replace(a, arrived_item_id=14, arrived_at=at("14:04"))
        if a.name == "Paul Bradley"
        else replace(a, left_at=at("15:12"))  # no item recorded: placed by time, in 621
        if a.name == "Kristina Murphy"
        else a
        for a in record.attendees
    )
    built = minutes_of(replace(record, attendees=attendees))
    assert "Cllr Bradley joined the meeting during this item." in texts(section(built, 614))
    assert "Kristina Murphy left the meeting at 15:12 hours." in texts(section(built, 621))
    others = [t for s in built.sections if s.minute_number not in (614, 621) for t in texts(s)]
    assert not [t for t in others if "joined the meeting" in t or "left the meeting" in t]
    # Those who arrived late or left early are still among those present.
    assert "Cllr Paul Bradley – Dudley" in built.present


def test_movements_during_a_deferred_item_go_to_the_next_item_taken() -> None:
    """Item 13 began at 15:25 and was deferred at 15:27; item 12 (minute 622) followed."""
    record = reference_meeting()
    items = tuple(
        replace(i, actual_start=at("15:25"), actual_end=at("15:27"))
        if i.id == 99
        else replace(i, actual_start=at("15:27"))
        if i.id == 22
        else i
        for i in record.items
    )
    attendees = tuple(
        replace(a, arrived_item_id=99, arrived_at=at("15:26"))
        if a.name == "Abdul Khan"
        else replace(a, left_item_id=99, left_at=at("15:26"))
        if a.name == "Mick Brown"
        else a
        for a in record.attendees
    )
    built = minutes_of(replace(record, items=items, attendees=attendees))
    minute_622 = texts(section(built, 622))
    assert "Cllr Khan joined the meeting at 15:26 hours." in minute_622
    assert "Cllr Brown left the meeting at 15:26 hours." in minute_622


def test_movements_before_the_first_item_or_after_the_last_are_kept() -> None:
    """The meeting opened at 13:55 and item 1 began at 14:00; it ended at 15:40, ten minutes
    after the last item: who came before the first item is minuted under it, who left after
    the last one under that."""
    record = replace(reference_meeting(), actual_start=at("13:55"), actual_end=at("15:40"))
    attendees = tuple(
        replace(a, arrived_at=at("13:57"))  # no item was running: none recorded
        if a.name == "Abdul Khan"
        else replace(a, left_at=at("15:35"))
        if a.name == "Mick Brown"
        else a
        for a in record.attendees
    )
    built = minutes_of(replace(record, attendees=attendees))
    assert "Cllr Khan joined the meeting at 13:57 hours." in texts(section(built, 611))
    assert "Cllr Brown left the meeting at 15:35 hours." in texts(section(built, 622))


def test_arrival_by_time_before_the_start_is_not_late() -> None:
    record = reference_meeting()
    attendees = tuple(
        replace(a, arrived_at=at("13:55")) if a.name == "Mick Brown" else a
        for a in record.attendees
    )
    built = minutes_of(replace(record, attendees=attendees))
    assert not [t for s in built.sections for t in texts(s) if "joined" in t]


def test_note_after_resolutions(minutes: Minutes) -> None:
    sec = section(minutes, 622)
    assert isinstance(sec.blocks[0], Resolved)
    assert sec.blocks[1] == Paragraph(
        "Drawing the meeting to a close the Chair wished everyone a safe Christmas and happy New "
        "Year."
    )


def test_blank_notes_are_dropped_and_blank_lines_split_paragraphs() -> None:
    item = ItemRecord(
        id=1,
        number="1",
        title="Other",
        state="taken",
        minute_number=1,
        notes=(NoteRecord("paragraph", "  "), NoteRecord("paragraph", "One.\n\nTwo.")),
    )
    record = replace(reference_meeting(), items=(item,))
    assert texts(minutes_of(record).sections[0]) == ["One.", "Two."]
