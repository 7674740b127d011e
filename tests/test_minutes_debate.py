"""The debate's sentences (issue 15) one by one, where they fall in an item's section and which
record each names, a body's wording and the clerk's edit of them, exempt items; and through a
real database, a motion's sentence reworded and undone."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest

from clerk_tui.desk import Desk
from clerk_tui.desk.debate_fields import AS_PRINTED
from clerk_tui.desk.decisions import VoteFields
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
    VoteRecord,
    section_of,
)
from clerk_tui.minutes.blocks import EDITABLE_SENTENCES
from clerk_tui.minutes.debate import (
    finished,
    moved_sentence,
    speakers_sentence,
    state_sentence,
    substantive_sentence,
    vote_sentence,
)
from clerk_tui.minutes.records import MotionRecord, SpeakerRecord
from clerk_tui.minutes.said import RECORDED_VOTE
from clerk_tui.minutes.sections import minutes_of
from clerk_tui.minutes.styles import STYLES, check_wording
from db import models
from tests.conftest import FakeClock
from tests.screens.decision_harness import set_room
from tests.test_decisions import march_meeting, person_id

MOTION = MotionRecord("That the report be noted", mover="Cllr A", seconder="Cllr B", id=1)
AMENDMENT = MotionRecord(
    "to add “and referred to Cabinet”", "amendment", "Cllr C", "Cllr D", amends_id=1, id=2
)


def _vote(for_count: int, against: int, abstentions: int = 0, **more: object) -> VoteRecord:
    carried = bool(more.pop("carried", for_count > against))
    return VoteRecord(
        "The rules' sentence.",
        for_count=for_count,
        against_count=against,
        abstentions=abstentions,
        carried=carried,
        **more,  # type: ignore[arg-type]
    )


# ---- each sentence -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("the report be noted", "the report be noted."),
        ("the report be noted.", "the report be noted."),
        ("the report be noted;", "the report be noted;"),
        ("is this agreed?", "is this agreed?"),
        ("insert “band D.”", "insert “band D.”"),
        ("insert “band D”", "insert “band D”."),
        ("approve (as amended)", "approve (as amended)."),
        ("  spaced  ", "spaced."),
    ],
)
def test_the_clerks_own_final_stop_is_kept_and_one_added_only_where_none(
    typed: str, printed: str
) -> None:
    assert finished(typed) == printed


@pytest.mark.parametrize(
    ("motion", "sentence"),
    [
        (MOTION, "It was moved by Cllr A and seconded by Cllr B that the report be noted."),
        (replace(MOTION, seconder=""), "It was moved by Cllr A that the report be noted."),
        (replace(MOTION, mover="", seconder=""), "It was moved that the report be noted."),
        (
            replace(MOTION, mover=""),
            "It was moved, and seconded by Cllr B, that the report be noted.",
        ),
        (
            replace(MOTION, text="the Panel approves the budget!"),
            "It was moved by Cllr A and seconded by Cllr B that the Panel approves the budget!",
        ),
        (
            replace(MOTION, text=AS_PRINTED, as_printed=True),
            f"It was moved by Cllr A and seconded by Cllr B that {AS_PRINTED}.",
        ),
        (
            AMENDMENT,
            "An amendment was moved by Cllr C and seconded by Cllr D to add “and referred to "
            "Cabinet”.",
        ),
        (
            replace(AMENDMENT, text="To delete “noted” and insert “approved”"),
            "An amendment was moved by Cllr C and seconded by Cllr D to delete “noted” and "
            "insert “approved”.",
        ),
        (
            replace(AMENDMENT, text="That the word “noted” be deleted."),
            "An amendment was moved by Cllr C and seconded by Cllr D that the word “noted” be "
            "deleted.",
        ),
        (
            replace(AMENDMENT, text="Delete paragraph 2", mover="", seconder=""),
            "An amendment was moved as follows: Delete paragraph 2.",
        ),
    ],
)
def test_a_motion_or_amendment_as_moved(motion: MotionRecord, sentence: str) -> None:
    assert moved_sentence(motion) == sentence


@pytest.mark.parametrize(
    ("motion", "vote", "amended", "sentence"),
    [
        (
            AMENDMENT,
            _vote(4, 9),
            False,
            "On being put to the vote the amendment was lost (4 for, 9 against).",
        ),
        (
            AMENDMENT,
            _vote(9, 4, 1),
            False,
            "On being put to the vote the amendment was carried (9 for, 4 against, 1 abstention).",
        ),
        (
            MOTION,
            _vote(9, 0, 2),
            False,
            "On being put to the vote the motion was carried (9 for, 0 against, 2 abstentions).",
        ),
        (
            MOTION,
            _vote(3, 1, 1),
            True,
            "The substantive motion was then put and carried (3 for, 1 against, 1 abstention).",
        ),
        (
            MOTION,
            _vote(5, 5, carried=True, casting="for"),
            True,
            "The substantive motion was then put and carried on the Chair's casting vote "
            "(5 for, 5 against).",
        ),
        (
            AMENDMENT,
            _vote(5, 5, casting="against"),
            False,
            "On being put to the vote the amendment was lost on the Chair's casting vote "
            "(5 for, 5 against).",
        ),
        (
            MOTION,
            _vote(5, 5),
            False,
            "On being put to the vote the motion was lost, the votes being equal (5 for, 5 "
            "against).",
        ),
        (
            MOTION,
            _vote(8, 5, carried=False),
            False,
            "On being put to the vote the motion was lost, the majority it required not having "
            "been reached (8 for, 5 against).",
        ),
        (
            AMENDMENT,
            _vote(6, 2),
            True,
            "The amendment as amended was then put and carried (6 for, 2 against).",
        ),
    ],
)
def test_the_vote_on_a_motion_or_amendment(
    motion: MotionRecord, vote: VoteRecord, amended: bool, sentence: str
) -> None:
    assert vote_sentence(motion, vote, amended=amended) == sentence


def test_how_a_motion_ends_without_a_count() -> None:
    assert state_sentence(replace(MOTION, state="withdrawn")) == "The motion was withdrawn."
    assert state_sentence(replace(AMENDMENT, state="not-put")) == "The amendment was not put."
    assert state_sentence(replace(AMENDMENT, state="lost")) == "The amendment was lost."
    carried = replace(MOTION, state="carried")
    assert state_sentence(carried) == "The motion was carried."
    assert (
        state_sentence(carried, amended=True) == "The substantive motion was then put and carried."
    )
    assert state_sentence(MOTION) is None  # still before the meeting


def test_the_substantive_motion_is_said_once_the_clerk_confirms_its_words() -> None:
    assert substantive_sentence(MOTION) is None
    confirmed = replace(MOTION, substantive_text="That the report be noted and referred to Cabinet")
    assert substantive_sentence(confirmed) == (
        "The amended motion then became the substantive motion: That the report be noted and "
        "referred to Cabinet."
    )


def test_each_capacity_a_speaker_is_heard_in() -> None:
    speakers = [
        SpeakerRecord("Mr X", "public-objection"),
        SpeakerRecord("Ms Y", "public-support"),
        SpeakerRecord("Cllr Z", "ward-member"),
        SpeakerRecord("Ms O", "officer"),
        SpeakerRecord("Mr P", "applicant"),
        SpeakerRecord("Dr Q", "other"),
    ]
    assert speakers_sentence(speakers) == (
        "Mr X spoke in objection to the application; Ms Y spoke in support of the application; "
        "Cllr Z spoke as ward member; Ms O spoke as an officer; Mr P spoke as the applicant; "
        "Dr Q spoke."
    )
    assert speakers_sentence(speakers[:1], "the proposal") == (
        "Mr X spoke in objection to the proposal."
    )
    assert speakers_sentence([]) is None


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
        _vote(9, 4, id=12, motion_id=2, for_names=("Cllr A",), against_names=("Cllr B",)),
        _vote(10, 3, id=11, motion_id=1, motion="That the report be noted"),
        _vote(8, 1, id=13, motion="A vote on its own"),
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
        votes=(_vote(3, 8, id=21, motion_id=4), _vote(8, 3, id=22, motion_id=2)),
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
    item = replace(ITEM, motions=(), speakers=(), votes=(_vote(8, 1, id=9, motion_id=99),))
    texts = [
        b.text for b in _section(replace(RECORD, items=(item,))).blocks if isinstance(b, Paragraph)
    ]
    assert "The rules' sentence." in texts


# ---- through the database ------------------------------------------------------------------


def test_a_stored_motion_is_minuted_and_its_sentence_reworded_and_undone(
    demo_desk: Desk, clock: FakeClock
) -> None:
    item = set_room(demo_desk, clock)
    meeting = march_meeting(demo_desk)
    mover, seconder = person_id(demo_desk, "Paul Bradley"), person_id(demo_desk, "Yvonne Clements")
    with demo_desk.store.recording(meeting) as changes:
        row = models.Motion(
            item_id=item,
            position=0,
            text="That the update be noted",
            mover_id=mover,
            seconder_id=seconder,
            state="carried",
            created_at=changes.at,
        )
        changes.add(row, "motion on item 8")
        changes.session.flush()
        motion = row.id
        changes.add(
            models.Speaker(
                item_id=item,
                position=0,
                name="Mr Green",
                capacity="public-support",
                started_at=datetime(2022, 3, 14, 14, 31),
                ended_at=datetime(2022, 3, 14, 14, 33),
                created_at=changes.at,
            ),
            "speaker on item 8",
        )
    vote = demo_desk.decisions.record_vote(item, VoteFields("x", for_count=8, against_count=1))
    with demo_desk.store.recording(meeting) as changes:
        stored = changes.session.get(models.Vote, vote.id)
        assert stored is not None
        changes.update(stored, "vote on the motion", motion_id=motion)

    def text() -> str:
        return demo_desk.papers.render_paper(meeting, "minutes", "txt").decode()

    minutes = text()
    said = "It was moved by Cllr Bradley and seconded by Cllr Clements that the update be noted."
    assert f"Mr Green spoke in support of the application.\n\n{said}\n\n" in minutes
    assert "On being put to the vote the motion was carried (8 for, 1 against).\n" in minutes
    assert vote.outcome_text not in minutes and MOTION_LABEL not in minutes.split(said)[1]

    demo_desk.sentences.edit_sentence(item, f"motion-{motion}", "Cllr Bradley moved the update.")
    assert "\nCllr Bradley moved the update.\n" in text() and said not in text()
    words = demo_desk.undo.undo_last(meeting)
    assert words is not None and "a motion's sentence" in words
    assert said in text()
