"""The minutes' frame and apologies: the house style of PRODUCT.md §5, on the reference meeting."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_tui.minutes import (
    AttendeeRecord,
    Minutes,
    NoteRecord,
    apologies_sentence,
    minutes_of,
)
from tests.export.reference_meeting import (
    ALSO_PRESENT,
    APOLOGIES,
    HEADING,
    HEADINGS,
    PRESENT,
    reference_meeting,
)
from tests.minutes_support import section, texts


@pytest.fixture
def minutes() -> Minutes:
    return minutes_of(reference_meeting())


# --- the frame -------------------------------------------------------------------------------


def test_heading_is_the_reference_heading_and_draft_is_a_flag(minutes: Minutes) -> None:
    assert minutes.heading == HEADING
    assert minutes.draft is True
    assert minutes.confidential is False
    approved = minutes_of(replace(reference_meeting(), minutes_status="approved"))
    assert approved.draft is False
    assert approved.heading == HEADING


def test_heading_does_not_double_the_article() -> None:
    record = replace(reference_meeting(), body_name="The Audit Committee", venue="")
    assert minutes_of(record).heading == (
        "MINUTES OF THE MEETING OF THE AUDIT COMMITTEE HELD ON 29 NOVEMBER 2021 AT 14:00 HOURS"
    )


def test_present_members_by_surname_with_dashes_of_the_house_style(minutes: Minutes) -> None:
    assert minutes.present == PRESENT


def test_also_present_officers_in_the_order_given(minutes: Minutes) -> None:
    assert minutes.also_present == ALSO_PRESENT


def test_substitute_is_present_and_says_whom_for() -> None:
    sub = AttendeeRecord(
        name="Bob Piper",
        title="Cllr",
        capacity="substitute",
        status="present",
        represents="Sandwell",
        substitute_for="Cllr Jones",
    )
    record = replace(reference_meeting(), attendees=(*reference_meeting().attendees, sub))
    assert "Cllr Bob Piper – Sandwell (substitute for Cllr Jones)" in minutes_of(record).present


def test_items_taken_in_minute_number_order_only(minutes: Minutes) -> None:
    assert tuple(s.heading for s in minutes.sections) == HEADINGS


def test_items_are_ordered_by_minute_number_not_agenda_order() -> None:
    record = reference_meeting()
    record = replace(record, items=tuple(reversed(record.items)))
    assert tuple(s.heading for s in minutes_of(record).sections) == HEADINGS


def test_closing_and_chair(minutes: Minutes) -> None:
    assert minutes.closing == "The meeting ended at 15:30 hours"
    assert minutes.dotted_line == "....."
    assert minutes.chair_line == "CHAIR"
    running = minutes_of(replace(reference_meeting(), actual_end=None))
    assert running.closing is None


# --- apologies and declarations --------------------------------------------------------------


def test_apologies_sentence_members_first_then_officers(minutes: Minutes) -> None:
    assert texts(section(minutes, 612)) == [APOLOGIES]


def test_no_apologies() -> None:
    assert apologies_sentence(()) == "No apologies were received."


def test_apologies_of_one_and_two() -> None:
    jones = AttendeeRecord(
        name="Ian Jones", title="Cllr", capacity="member", status="apologies", represents="Dudley"
    )
    murphy = AttendeeRecord(
        name="Kristina Murphy",
        capacity="member",
        status="apologies",
        role_text="Independent Member",
    )
    assert apologies_sentence([jones]) == (
        "Apologies for non-attendance were received on behalf of Cllr Jones (Dudley)."
    )
    assert apologies_sentence([murphy, jones]) == (
        "Apologies for non-attendance were received on behalf of Kristina Murphy "
        "(Independent Member) and Cllr Jones (Dudley)."
    )


def test_apologies_item_keeps_the_clerks_notes_after_the_sentence() -> None:
    record = reference_meeting()
    items = tuple(
        replace(i, notes=(NoteRecord("paragraph", "Cllr Jones sent her best wishes."),))
        if i.minute_number == 612
        else i
        for i in record.items
    )
    sec = section(minutes_of(replace(record, items=items)), 612)
    assert texts(sec) == [APOLOGIES, "Cllr Jones sent her best wishes."]
