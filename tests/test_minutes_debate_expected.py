"""The minutes of a debated item, compared line by line with the text a council's minutes would
print (issue 15): three public speakers, a motion, an amendment lost, an amendment carried, the
substantive motion confirmed and carried on a recorded vote. Pure: records built by hand,
rendered by the plain-text export."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from clerk_tui.export.text import render_text
from clerk_tui.minutes import (
    AttendeeRecord,
    ItemRecord,
    MeetingRecord,
    ResolutionRecord,
    VoteRecord,
    minutes_of,
)
from clerk_tui.minutes.records import MotionRecord, SpeakerRecord

MOTION = MotionRecord(
    "That planning permission be granted subject to the conditions in the report",
    mover="Cllr Patel",
    seconder="Cllr Evans",
    state="carried",
    substantive_text=(
        "That planning permission be granted subject to the conditions in the report and an "
        "additional condition requiring a construction management plan to be approved before "
        "work starts."
    ),
    id=1,
)
LOST = MotionRecord(
    "to delete “granted” and insert “refused on the grounds of highway safety”",
    kind="amendment",
    mover="Cllr Hughes",
    seconder="Cllr Ward",
    state="lost",
    amends_id=1,
    id=2,
)
CARRIED = MotionRecord(
    "To add “and an additional condition requiring a construction management plan to be "
    "approved before work starts”",
    kind="amendment",
    mover="Cllr Ward",
    seconder="Cllr Patel",
    state="carried",
    amends_id=1,
    id=3,
)
MEMBERS = ("Cllr Evans", "Cllr Hughes", "Cllr Jones", "Cllr Patel", "Cllr Ward")

ITEM = ItemRecord(
    id=7,
    number="5",
    title="Land at Mill Lane, Ashby: erection of 40 dwellings (24/0113/FUL)",
    kind="other",
    state="taken",
    minute_number=42,
    speakers=(
        SpeakerRecord("Mr Green", "public-objection", seconds=178, id=1, started=True),
        SpeakerRecord("Ms Black", "public-support", seconds=165, id=2, started=True),
        SpeakerRecord("Cllr Jones", "ward-member", seconds=180, id=3, started=True),
    ),
    motions=(MOTION, LOST, CARRIED),
    votes=(
        VoteRecord(
            "A vote of Members present resulted in a 9:4 majority against the amendment.",
            id=11,
            for_count=4,
            against_count=9,
            present=13,
            motion_id=2,
        ),
        VoteRecord(
            "A vote of Members present resulted in a 9:4 majority in favour of the amendment.",
            id=12,
            for_count=9,
            against_count=4,
            abstentions=1,
            present=14,
            carried=True,
            motion_id=3,
        ),
        VoteRecord(
            "A vote of Members present resulted in a 3:1 majority in favour of the motion.",
            for_names=("Cllr Evans", "Cllr Patel", "Cllr Ward"),
            against_names=("Cllr Hughes",),
            abstain_names=("Cllr Jones",),
            id=13,
            for_count=3,
            against_count=1,
            abstentions=1,
            present=5,
            carried=True,
            resolved=True,
            motion_id=1,
        ),
    ),
    resolutions=(
        ResolutionRecord(
            "That planning permission be granted subject to the conditions in the report and a "
            "condition requiring a construction management plan.",
            id=21,
        ),
    ),
)

RECORD = MeetingRecord(
    body_name="Planning Committee",
    venue="Council Chamber",
    date=date(2026, 12, 1),
    scheduled_start=time(18, 30),
    status="closed",
    minutes_status="approved",
    attendees=tuple(
        AttendeeRecord(f"{initial} {name.split()[1]}", "member", "present", title="Cllr")
        for initial, name in zip("ABCDE", MEMBERS, strict=True)
    ),
    items=(ITEM,),
)

# As a council's minutes say it, by hand.
EXPECTED = """\
42 LAND AT MILL LANE, ASHBY: ERECTION OF 40 DWELLINGS (24/0113/FUL)

Mr Green spoke in objection to the application; Ms Black spoke in support of the application; \
Cllr Jones spoke as ward member.

It was moved by Cllr Patel and seconded by Cllr Evans that planning permission be granted \
subject to the conditions in the report.

An amendment was moved by Cllr Hughes and seconded by Cllr Ward to delete “granted” and insert \
“refused on the grounds of highway safety”.

On being put to the vote the amendment was lost (4 for, 9 against).

An amendment was moved by Cllr Ward and seconded by Cllr Patel to add “and an additional \
condition requiring a construction management plan to be approved before work starts”.

On being put to the vote the amendment was carried (9 for, 4 against, 1 abstention).

The amended motion then became the substantive motion: That planning permission be granted \
subject to the conditions in the report and an additional condition requiring a construction \
management plan to be approved before work starts.

The substantive motion was then put and carried (3 for, 1 against, 1 abstention).

A recorded vote having been requested, the voting was as follows:

For: Cllr Evans, Cllr Patel, Cllr Ward
Against: Cllr Hughes
Abstained: Cllr Jones

RESOLVED: -

That planning permission be granted subject to the conditions in the report and a condition \
requiring a construction management plan.
"""


def _item_text(record: MeetingRecord) -> list[str]:
    """The item's lines in the plain-text minutes, from its heading to the closing dots."""
    text = render_text(minutes_of(record))
    start = text.index("42 LAND AT MILL LANE")
    return text[start:].split("\n.....\n", 1)[0].rstrip("\n").splitlines()


def test_the_debated_item_reads_as_a_councils_minutes_line_by_line() -> None:
    lines = _item_text(RECORD)
    expected = EXPECTED.rstrip("\n").splitlines()
    for number, (got, wanted) in enumerate(zip(lines, expected, strict=False), 1):
        assert got == wanted, f"line {number}"
    assert len(lines) == len(expected)


def test_the_clerks_edit_of_a_debate_sentence_is_printed_in_its_place() -> None:
    edited = {
        (7, "motion-1"): "It was moved by Cllr Patel, seconded by Cllr Evans, that permission "
        "be granted.",
        (7, "vote-11"): "The amendment fell, 4 votes to 9.",
        (7, "speakers"): "The Committee heard from Mr Green, Ms Black and Cllr Jones.",
    }
    lines = _item_text(replace(RECORD, edited=edited))
    assert lines[2] == "The Committee heard from Mr Green, Ms Black and Cllr Jones."
    assert lines[4] == edited[(7, "motion-1")]
    assert lines[8] == "The amendment fell, 4 votes to 9."
    # The sentences not edited still follow the records.
    assert lines[12] == (
        "On being put to the vote the amendment was carried (9 for, 4 against, 1 abstention)."
    )
