"""The minutes as plain data: the house style of PRODUCT.md §5, against the reference meeting."""

from __future__ import annotations

import ast
import sys
from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import pytest

import clerk_tui.minutes as minutes_module
from clerk_tui.minutes import (
    AttendeeRecord,
    Bullets,
    DeclarationRecord,
    ItemRecord,
    MeetingRecord,
    Minutes,
    NamedVote,
    NoteRecord,
    NumberedResolution,
    Paragraph,
    ResolutionRecord,
    Resolved,
    Section,
    SubPoint,
    VoteRecord,
    apologies_sentence,
    declaration_sentence,
    exclusion_sentence,
    join_and,
    letter,
    long_date,
    minutes_of,
    number_resolutions,
    roman,
)
from tests.export.exempt_meeting import SENTINEL, exempt_meeting
from tests.export.reference_meeting import (
    ALSO_PRESENT,
    APOLOGIES,
    HEADING,
    HEADINGS,
    PRESENT,
    VOTE_616_SENTENCE,
    at,
    reference_meeting,
)


def section(minutes: Minutes, number: int) -> Section:
    return next(s for s in minutes.sections if s.minute_number == number)


def resolved(sec: Section) -> Resolved:
    return next(b for b in sec.blocks if isinstance(b, Resolved))


def texts(sec: Section) -> list[str]:
    return [b.text for b in sec.blocks if isinstance(b, Paragraph)]


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


def test_none_declared(minutes: Minutes) -> None:
    assert texts(section(minutes, 613)) == ["None declared."]


def test_declarations_are_listed_in_the_declarations_item_only() -> None:
    """A declaration is printed once: under the declarations item, which lists them all."""
    record = reference_meeting()
    declaration = DeclarationRecord(
        "Cllr Bradley", "disclosable-pecuniary", nature="employed by the OPCC", action="left-room"
    )
    items = tuple(
        replace(i, declarations=(declaration,)) if i.minute_number == 621 else i
        for i in record.items
    )
    built = minutes_of(replace(record, items=items))
    # Item 11 is minute 621: the declarations item refers to it by its minute number.
    assert texts(section(built, 613)) == [
        "Cllr Bradley declared a disclosable pecuniary interest in Minute No. 621 (employed by "
        "the OPCC) and left the room during its consideration."
    ]
    assert not [
        t for s in built.sections for t in texts(s) if "declared" in t and s != section(built, 613)
    ]


def test_declarations_are_said_in_their_item_when_no_declarations_item_is_taken() -> None:
    record = reference_meeting()
    declaration = DeclarationRecord(
        "Cllr Bradley", "disclosable-pecuniary", nature="employed by the OPCC", action="left-room"
    )
    items = tuple(
        replace(i, declarations=(declaration,))
        if i.minute_number == 621
        else replace(i, state="withdrawn")
        if i.kind == "declarations"
        else i
        for i in record.items
    )
    built = minutes_of(replace(record, items=items))
    assert (
        "Cllr Bradley declared a disclosable pecuniary interest in this item (employed by the "
        "OPCC) and left the room during its consideration." in texts(section(built, 621))
    )
    assert sum("declared" in t for s in built.sections for t in texts(s)) == 1


def test_the_declarations_item_refers_to_items_by_minute_number() -> None:
    """Minute 613 reads "in Minute No. 620", not "in item 10" (item 10 is minute 620); an item
    with no minute number (deferred) keeps its item number."""
    record = reference_meeting()
    declaration = DeclarationRecord("Cllr Khan", "other", nature="a relative in the force")
    items = tuple(
        replace(i, declarations=(declaration,)) if i.id in (20, 99) else i for i in record.items
    )
    built = minutes_of(replace(record, items=items))
    assert texts(section(built, 613)) == [
        "Cllr Khan declared an interest in Minute No. 620 (a relative in the force).",
        "Cllr Khan declared an interest in item 13 (a relative in the force).",
    ]


@pytest.mark.parametrize(
    ("kind", "action", "expected"),
    [
        ("other-registrable", "stayed-did-not-vote",
         "Cllr X declared an other registrable interest in item 8 (n) and remained in the room "
         "but did not vote."),
        ("non-registrable", "spoke-and-voted",
         "Cllr X declared a non-registrable interest in item 8 (n) and spoke and voted."),
        ("other", "dispensation",
         "Cllr X declared an interest in item 8 (n) and took part under a dispensation."),
        ("disclosable pecuniary", "",
         "Cllr X declared a disclosable pecuniary interest in item 8 (n)."),
        ("other", "withdrew from the debate",
         "Cllr X declared an interest in item 8 (n) and withdrew from the debate."),
    ],
)  # fmt: skip
def test_declaration_wording(kind: str, action: str, expected: str) -> None:
    declaration = DeclarationRecord("Cllr X", kind, nature="n", action=action)
    assert declaration_sentence(declaration, item_label="8") == expected


def test_declaration_on_an_exempt_item_keeps_its_nature_out_of_public_minutes() -> None:
    declaration = DeclarationRecord("Cllr X", "other", nature="secret", action="private words")
    text = declaration_sentence(declaration, item_label="8", public_only=True)
    assert text == "Cllr X declared an interest in item 8."


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


# --- resolutions -----------------------------------------------------------------------------


def test_single_resolution_stands_alone(minutes: Minutes) -> None:
    assert resolved(section(minutes, 614)).resolutions == (
        NumberedResolution(
            "",
            "That the minutes of the meeting held on 18 October 2021 be confirmed as a correct "
            "record.",
        ),
    )


def test_joining_punctuation_added_where_the_clerk_left_it_out(minutes: Minutes) -> None:
    got = resolved(section(minutes, 617)).resolutions
    assert [r.label for r in got] == ["i.", "ii.", "iii."]
    assert got[0].text.endswith("inquiry report be noted;")
    assert got[1].text.endswith("to make final comments; and")
    assert got[2].text.endswith("the Panel Lead Officer.")


def test_joining_punctuation_typed_by_the_clerk_is_left_alone(minutes: Minutes) -> None:
    got = resolved(section(minutes, 618)).resolutions
    assert got[0].text.endswith("Annual Report 2020-2021 be received; and")
    assert not got[0].text.endswith("; and; and")
    got = resolved(section(minutes, 620)).resolutions
    assert got[0].text == "That the report be noted;"
    assert got[1].text.endswith("on performance monitoring; and")
    assert got[2].text.endswith("Belonging Plan and Recruitment.")


def test_last_resolution_gets_its_full_stop(minutes: Minutes) -> None:
    assert resolved(section(minutes, 621)).resolutions[-1].text.endswith("the West Midlands.")
    assert resolved(section(minutes, 622)).resolutions == (
        NumberedResolution("", "That the Panel work programme be received and noted."),
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (["A", "B"], ["A; and", "B."]),
        (["A.", "B,", "C"], ["A;", "B; and", "C."]),
        (["A;", "B; and", "C."], ["A;", "B; and", "C."]),
        (["A", "B and", "C!"], ["A;", "B and", "C!"]),
        (["A", "B; or", "C;"], ["A;", "B; or", "C."]),
        (["A", "", "B"], ["A; and", "B."]),
    ],
)
def test_number_resolutions_endings(typed: list[str], expected: list[str]) -> None:
    got = number_resolutions([ResolutionRecord(t) for t in typed]).resolutions
    assert [r.text for r in got] == expected
    assert [r.label for r in got] == [f"{roman(n + 1)}." for n in range(len(expected))]


def test_sub_points_are_lettered_and_the_last_takes_the_ending() -> None:
    got = number_resolutions(
        [
            ResolutionRecord("That the Panel:", children=("note the report", "thank the PCC")),
            ResolutionRecord("That the matter be closed"),
        ]
    ).resolutions
    assert got[0] == NumberedResolution(
        "i.",
        "That the Panel:",
        (SubPoint("a.", "note the report;"), SubPoint("b.", "thank the PCC; and")),
    )
    assert got[1] == NumberedResolution("ii.", "That the matter be closed.")


def test_no_resolutions_no_block(minutes: Minutes) -> None:
    assert not any(isinstance(b, Resolved) for b in section(minutes, 611).blocks)


# --- exempt items ----------------------------------------------------------------------------


def test_exempt_item_in_public_minutes_is_heading_and_exclusion_only() -> None:
    built = minutes_of(exempt_meeting())
    sec = section(built, 623)
    assert sec.heading == "623 COMPLAINT AGAINST THE COMMISSIONER"
    assert sec.exempt and not sec.confidential
    assert sec.blocks == (
        Paragraph(
            "Resolved that the press and public be excluded from the meeting for this item on the "
            "grounds that it involves the likely disclosure of exempt information as defined in "
            "paragraph 3 of Schedule 12A to the Local Government Act 1972."
        ),
        # Who came and went is not exempt content: it stays in the public minutes.
        Paragraph("Cllr Samra left the meeting at 15:29 hours."),
    )
    assert built.confidential is False
    assert SENTINEL not in repr(built)
    # The declarations on it are still declared in public, without their nature.
    assert texts(section(built, 613)) == [
        "Cllr Brown declared a disclosable pecuniary interest in Minute No. 623 and left the "
        "room during its consideration.",
        "Cllr Samra declared an interest in Minute No. 623.",
    ]


def test_exempt_item_with_exempt_content_is_confidential() -> None:
    built = minutes_of(exempt_meeting(), include_exempt=True)
    sec = section(built, 623)
    assert built.confidential is True
    assert sec.confidential is True
    assert SENTINEL in repr(sec)
    assert "Cllr Samra left the meeting at 15:29 hours." in texts(sec)
    assert texts(sec)[0].startswith("Resolved that the press and public be excluded")


def test_include_exempt_without_exempt_items_is_not_confidential(minutes: Minutes) -> None:
    assert minutes_of(reference_meeting(), include_exempt=True).confidential is False


@pytest.mark.parametrize(
    ("reason", "ground"),
    [
        ("", "Schedule 12A to the Local Government Act 1972"),
        ("paragraph 1 of Schedule 12A.",
         "paragraph 1 of Schedule 12A to the Local Government Act 1972"),
        ("section 100A(4) of the Local Government Act 1972",
         "section 100A(4) of the Local Government Act 1972"),
    ],
)  # fmt: skip
def test_exclusion_reason(reason: str, ground: str) -> None:
    assert exclusion_sentence(reason).endswith(f"as defined in {ground}.")


# --- helpers and purity ----------------------------------------------------------------------


def test_helpers() -> None:
    assert join_and([]) == ""
    assert join_and(["a"]) == "a"
    assert join_and(["a", "b", "c"]) == "a, b and c"
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40)] == [
        "i",
        "ii",
        "iii",
        "iv",
        "ix",
        "xiv",
        "xl",
    ]
    assert [letter(n) for n in (1, 2, 26, 27)] == ["a", "b", "z", "aa"]
    assert long_date(date(2022, 3, 1)) == "1 March 2022"
    with pytest.raises(ValueError):
        roman(0)


def test_short_name_is_derived_from_title_and_surname() -> None:
    person = AttendeeRecord(name="Mick Brown", title="Cllr", capacity="member", status="present")
    assert person.reference == "Cllr Brown"
    assert person.display_name == "Cllr Mick Brown"


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    return imported


def _stdlib(name: str) -> bool:
    return name.split(".")[0] in set(sys.stdlib_module_names) | {"__future__"}


def test_minutes_modules_import_only_the_standard_library_and_the_meeting_views() -> None:
    """The pure core reads a stored meeting through its frozen views, nothing else of db."""
    views = {"db.views", "db.meeting_snapshot"}
    package = Path(minutes_module.__file__).parent
    for module in package.glob("*.py"):
        for name in _imported(module):
            assert _stdlib(name) or name.startswith("clerk_tui.minutes") or name in views, (
                module.name,
                name,
            )
    # ... and those views are themselves standard library only.
    for name in views:
        path = Path(minutes_module.__file__).parents[2] / (name.replace(".", "/") + ".py")
        assert {n for n in _imported(path) if not _stdlib(n)} <= views


def test_records_are_frozen() -> None:
    record = MeetingRecord(
        body_name="B", venue="V", date=date(2022, 1, 1), scheduled_start=time(10, 0)
    )
    with pytest.raises(AttributeError):
        record.venue = "W"  # type: ignore[misc]
    assert minutes_of(record).sections == ()
    assert isinstance(datetime.now(), datetime)
