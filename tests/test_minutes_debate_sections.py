"""The debate in an item's section (issue 15): where it falls, each motion with its amendments
and then its vote, which record each block names, the clerk's edit and a body's wording of
its sentences, exempt items. Pure: hand-made records."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from clerk_tui.minutes import (
    MOTION_LABEL,
    AttendeeRecord,
    DeclarationRecord,
    ItemRecord,
    MeetingRecord,
    NamedVote,
    NoteRecord,
    Paragraph,
    ResolutionRecord,
    Resolved,
    Section,
    Source,
    section_of,
)
from clerk_tui.minutes.blocks import EDITABLE_SENTENCES
from clerk_tui.minutes.debate import (
    moved_sentence,
)
from clerk_tui.minutes.records import MotionRecord, SpeakerRecord
from clerk_tui.minutes.said import RECORDED_VOTE
from clerk_tui.minutes.sections import minutes_of
from clerk_tui.minutes.styles import STYLES, check_wording
from tests.test_minutes_debate import AMENDMENT, MOTION, vote_record

# ---- in the item's section -----------------------------------------------------------------

ITEM = ItemRecord(
    id=5,
    number="4",
    title="Budget",
    state="taken",
    minute_number=30,
    actual_start=datetime(2026, 12, 1, 18, 40),
    notes=(NoteRecord("paragraph", "The Chair introduced the report.", id=1),),
    declarations=(DeclarationRecord("Cllr E", "other", id=1),),
    speakers=(SpeakerRecord("Mr X", "public-objection", 170, id=1),),
    motions=(MOTION, AMENDMENT, replace(MOTION, text="That the budget be set", id=3)),
    votes=(
        vote_record(9, 4, id=12, motion_id=2, for_names=("Cllr A",), against_names=("Cllr B",)),
        vote_record(10, 3, id=11, motion_id=1, motion="That the report be noted"),
        vote_record(8, 1, id=13, motion="A vote on its own"),
    ),
    resolutions=(ResolutionRecord("That the report be noted.", id=1),),
)
RECORD = MeetingRecord(
    "Council",
    "Chamber",
    date(2026, 12, 1),
    time(18, 30),
    actual_start=datetime(2026, 12, 1, 18, 30),
    attendees=(
        AttendeeRecord(
            "F Late", "member", "present", title="Cllr", arrived_at=datetime(2026, 12, 1, 18, 50)
        ),
    ),
    items=(ITEM,),
)


def _section(record: MeetingRecord = RECORD) -> Section:
    found = section_of(record, ITEM.id)
    assert found is not None
    return found


def _keys(section: Section) -> list[str]:
    """The source of each paragraph and named vote, in order (RESOLVED left out)."""
    return [
        b.source.key if b.source else "-"
        for b in section.blocks
        if isinstance(b, Paragraph | NamedVote)
    ]


def test_the_debate_falls_after_the_movements_each_motion_with_its_amendments_then_its_vote() -> (
    None
):
    section = _section()
    assert _keys(section) == [
        "note-1",
        "declaration-1",
        "arrival",
        "speakers",
        "motion-1",
        "motion-2",
        *["vote-12"] * 3,  # a recorded vote: its sentence, introduced, the names
        "vote-11",
        "motion-3",  # moved, not yet voted on
        *["vote-13"] * 3,
    ]
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert texts[texts.index(RECORDED_VOTE) - 1] == (
        "On being put to the vote the amendment was carried (9 for, 4 against)."
    )
    named = next(b for b in section.blocks if isinstance(b, NamedVote))
    assert named.rows[:2] == (("For", ("Cllr A",)), ("Against", ("Cllr B",)))
    # The motion a carried amendment changed is put as the substantive motion.
    assert "The substantive motion was then put and carried (10 for, 3 against)." in texts
    # A vote on no motion is minuted as ever: its motion, then the rules' sentence.
    assert texts[-3:] == [MOTION_LABEL, "A vote on its own", "The rules' sentence."]
    assert isinstance(section.blocks[-1], Resolved)


def test_every_debate_sentence_is_one_the_clerk_may_reword() -> None:
    for block in _section().blocks:
        if isinstance(block, Paragraph) and block.written is not None:
            assert block.source is not None and block.source.kind in EDITABLE_SENTENCES


def test_a_withdrawn_motion_and_a_not_put_amendment_say_so_and_have_no_vote() -> None:
    item = replace(
        ITEM,
        motions=(replace(MOTION, state="withdrawn"), replace(AMENDMENT, state="not-put")),
        votes=(),
        speakers=(),
        notes=(),
        declarations=(),
        resolutions=(),
    )
    section = _section(replace(RECORD, items=(item,), attendees=()))
    assert [(b.source, b.text) for b in section.blocks if isinstance(b, Paragraph)] == [
        (Source("motion", 1), moved_sentence(MOTION)),
        (Source("motion", 2), moved_sentence(AMENDMENT)),
        (Source("motion-outcome", 2), "The amendment was not put."),
        (Source("motion-outcome", 1), "The motion was withdrawn."),
    ]


def test_an_amendment_to_an_amendment_is_voted_before_the_amendment_it_amends() -> None:
    nested = MotionRecord("to add “at once”", "amendment", "Cllr E", "Cllr F", amends_id=2, id=4)
    item = replace(
        ITEM,
        motions=(MOTION, AMENDMENT, nested),
        votes=(vote_record(3, 8, id=21, motion_id=4), vote_record(8, 3, id=22, motion_id=2)),
        speakers=(),
        notes=(),
        declarations=(),
        resolutions=(),
    )
    section = _section(replace(RECORD, items=(item,), attendees=()))
    assert _keys(section) == ["motion-1", "motion-2", "motion-4", "vote-21", "vote-22"]


def test_the_confirmed_substantive_words_come_after_the_amendments_and_before_the_vote() -> None:
    motion = replace(MOTION, substantive_text="That the report be noted and referred to Cabinet")
    item = replace(ITEM, motions=(motion, AMENDMENT), speakers=(), notes=(), declarations=())
    keys = _keys(_section(replace(RECORD, items=(item,), attendees=())))
    assert keys.index("vote-12") < keys.index("substantive-1") < keys.index("vote-11")


def test_the_clerks_edit_of_each_new_sentence_is_printed_and_keeps_the_generated_words() -> None:
    motion = replace(MOTION, substantive_text="That it be noted", state="withdrawn")
    item = replace(ITEM, motions=(motion,), votes=())
    edits = {
        "speakers": "Mr X addressed the Council.",
        "motion-1": "Cllr A moved the report.",
        "substantive-1": "The motion as amended read: noted.",
        "motion-outcome-1": "Cllr A withdrew the motion.",
    }
    record = replace(RECORD, items=(item,), edited={(5, k): v for k, v in edits.items()})
    printed = {
        b.source.key: b
        for b in _section(record).blocks
        if isinstance(b, Paragraph) and b.source is not None
    }
    for key, words in edits.items():
        assert printed[key].text == words and printed[key].edited
        assert printed[key].written not in (None, words)


def test_a_bodys_vote_wording_and_its_speakers_subject_apply_to_the_debate() -> None:
    styles = {"vote": "{sentence} [{motion}: {for}-{against}]", "speakers": "the proposal"}
    texts = [
        b.text for b in _section(replace(RECORD, styles=styles)).blocks if isinstance(b, Paragraph)
    ]
    assert "Mr X spoke in objection to the proposal." in texts
    assert (
        "On being put to the vote the amendment was carried (9 for, 4 against). "
        "[to add “and referred to Cabinet”: 9-4]"
    ) in texts
    assert check_wording("speakers", " the planning application ") == "the planning application"
    assert STYLES["speakers"].placeholders == {}


def test_an_exempt_item_keeps_its_debate_out_of_the_public_minutes() -> None:
    exempt = replace(RECORD, items=(replace(ITEM, exempt=True, exempt_reason="paragraph 3"),))
    public = minutes_of(exempt).sections[0]
    assert _keys(public) == ["exclusion", "arrival"]
    confidential = minutes_of(exempt, include_exempt=True).sections[0]
    assert "motion-2" in _keys(confidential) and "speakers" in _keys(confidential)


def test_a_vote_on_a_motion_not_on_the_item_is_minuted_as_a_vote_on_its_own() -> None:
    item = replace(ITEM, motions=(), speakers=(), votes=(vote_record(8, 1, id=9, motion_id=99),))
    texts = [
        b.text for b in _section(replace(RECORD, items=(item,))).blocks if isinstance(b, Paragraph)
    ]
    assert "The rules' sentence." in texts


def test_only_a_vote_taken_by_name_is_introduced_as_a_recorded_vote() -> None:
    def blocks(method: str) -> list[str]:
        named = vote_record(9, 1, id=12, motion_id=1, against_names=("Cllr B",), method=method)
        item = replace(
            ITEM,
            motions=(MOTION,),
            votes=(named,),
            speakers=(),
            notes=(),
            declarations=(),
            resolutions=(),
        )
        found = _section(replace(RECORD, items=(item,), attendees=()))
        return [b.text if isinstance(b, Paragraph) else "names" for b in found.blocks[1:]]

    put = "On being put to the vote the motion was carried (9 for, 1 against)."
    assert blocks("recorded") == [put, RECORDED_VOTE, "names"]
    # A show of hands where one member asked for their vote to be recorded: the name only.
    assert blocks("show-of-hands") == [put, "names"]
