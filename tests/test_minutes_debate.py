"""The debate's sentences (issue 15) one by one, from hand-made records: a motion and an
amendment as moved, the vote on each, how a motion ends without a count, the substantive
motion, and who spoke in what capacity."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clerk_tui.desk.debate_fields import AS_PRINTED
from clerk_tui.minutes import (
    VoteRecord,
)
from clerk_tui.minutes.debate import (
    finished,
    moved_sentence,
    speakers_sentence,
    state_sentence,
    substantive_sentence,
    vote_sentence,
)
from clerk_tui.minutes.records import MotionRecord, SpeakerRecord

MOTION = MotionRecord("That the report be noted", mover="Cllr A", seconder="Cllr B", id=1)
AMENDMENT = MotionRecord(
    "to add “and referred to Cabinet”", "amendment", "Cllr C", "Cllr D", amends_id=1, id=2
)


def vote_record(for_count: int, against: int, abstentions: int = 0, **more: object) -> VoteRecord:
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
            vote_record(4, 9),
            False,
            "On being put to the vote the amendment was lost (4 for, 9 against).",
        ),
        (
            AMENDMENT,
            vote_record(9, 4, 1),
            False,
            "On being put to the vote the amendment was carried (9 for, 4 against, 1 abstention).",
        ),
        (
            MOTION,
            vote_record(9, 0, 2),
            False,
            "On being put to the vote the motion was carried (9 for, 0 against, 2 abstentions).",
        ),
        (
            MOTION,
            vote_record(3, 1, 1),
            True,
            "The substantive motion was then put and carried (3 for, 1 against, 1 abstention).",
        ),
        (
            MOTION,
            vote_record(5, 5, carried=True, casting="for"),
            True,
            "The substantive motion was then put and carried on the Chair's casting vote "
            "(5 for, 5 against).",
        ),
        (
            AMENDMENT,
            vote_record(5, 5, casting="against"),
            False,
            "On being put to the vote the amendment was lost on the Chair's casting vote "
            "(5 for, 5 against).",
        ),
        (
            MOTION,
            vote_record(5, 5),
            False,
            "On being put to the vote the motion was lost, the votes being equal (5 for, 5 "
            "against).",
        ),
        (
            MOTION,
            vote_record(8, 5, carried=False),
            False,
            "On being put to the vote the motion was lost, the majority it required not having "
            "been reached (8 for, 5 against).",
        ),
        (
            AMENDMENT,
            vote_record(6, 2),
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


def test_once_speakers_are_timed_the_minutes_name_those_heard_not_those_waiting() -> None:
    heard = SpeakerRecord("Mr X", "public-objection", seconds=170, started=True)
    speaking = SpeakerRecord("Ms Y", "public-support", started=True)  # the timer is running
    waiting = SpeakerRecord("Cllr Z", "ward-member")
    assert speakers_sentence([heard, speaking, waiting]) == (
        "Mr X spoke in objection to the application; Ms Y spoke in support of the application."
    )
    # Nobody timed (minuted after the event, from notes): the list is who spoke.
    assert speakers_sentence([waiting]) == "Cllr Z spoke as ward member."


def test_an_amendment_to_an_amendment_is_said_so() -> None:
    amendment = MotionRecord("to add “in full”", kind="amendment", mover="Cllr C", amends_id=1)
    assert moved_sentence(amendment, to_amendment=True) == (
        "An amendment to the amendment was moved by Cllr C to add “in full”."
    )
    assert moved_sentence(amendment).startswith("An amendment was moved by Cllr C")
