"""The rules of order as pure functions: the amendment before the motion it amends, a carried
amendment making the substantive motion, a withdrawn motion having no vote, nested amendments
refused unless standing orders allow them, and the amended wording proposed for each form of
amendment."""

from __future__ import annotations

import pytest

from clerk_tui import rules
from clerk_tui.rules import MotionFact

MOTION = MotionFact(1, "motion", None, "moved", mover="Cllr Paul Bradley")


def amendment(
    motion_id: int, state: str = "moved", amends: int = 1, *, voted: bool = False, mover: str = ""
) -> MotionFact:
    return MotionFact(motion_id, "amendment", amends, state, has_vote=voted, mover=mover)


# ---- the order of voting ------------------------------------------------------------------


def test_the_latest_amendment_is_voted_before_the_motion() -> None:
    debate = [MOTION, amendment(2, mover="Cllr Abdul Khan"), amendment(3, mover="Cllr Suky Samra")]
    assert rules.next_to_vote(debate) == 3
    assert rules.vote_refusal(debate, 1) == (
        "the amendment moved by Cllr Suky Samra must be voted on or withdrawn first"
    )
    assert rules.vote_refusal(debate, 3) is None
    # The chair may take the amendments in another order: only the motion must wait.
    assert rules.vote_refusal(debate, 2) is None


def test_once_the_amendments_are_decided_the_motion_is_next() -> None:
    debate = [MOTION, amendment(2, "lost", voted=True), amendment(3, "withdrawn")]
    assert rules.next_to_vote(debate) == 1
    assert rules.vote_refusal(debate, 1) is None


def test_with_nested_amendments_the_innermost_goes_first() -> None:
    debate = [MOTION, amendment(2), amendment(3, amends=2), amendment(4)]
    assert rules.next_to_vote(debate) == 4
    assert rules.next_to_vote(debate[:3]) == 3
    assert rules.vote_refusal(debate, 2) == "the amendment must be voted on or withdrawn first"


def test_nothing_waits_for_a_vote() -> None:
    assert rules.next_to_vote([]) is None
    assert rules.next_to_vote([MotionFact(1, "motion", None, "carried", has_vote=True)]) is None


# ---- what has no vote ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "words"),
    [
        (MotionFact(1, "motion", None, "withdrawn"), "a withdrawn motion has no vote"),
        (MotionFact(1, "motion", None, "not-put"), "a motion not put has no vote"),
        (amendment(1, amends=9, state="withdrawn"), "a withdrawn amendment has no vote"),
        (
            MotionFact(1, "motion", None, "carried", has_vote=True),
            "the motion has been voted on already: delete that vote to take it again",
        ),
    ],
)
def test_what_has_no_vote(fact: MotionFact, words: str) -> None:
    assert rules.vote_refusal([fact], 1) == words


def test_an_amendment_to_a_withdrawn_motion_falls() -> None:
    debate = [MotionFact(1, "motion", None, "withdrawn", mover="Cllr A"), amendment(2)]
    assert rules.vote_refusal(debate, 2) == (
        "the motion moved by Cllr A is no longer before the meeting, so this amendment falls"
    )


def test_a_motion_not_on_the_item() -> None:
    assert rules.vote_refusal([MOTION], 7) == "that motion is not on this item"


# ---- what may be moved, withdrawn, moved again --------------------------------------------


def test_a_new_motion_waits_for_the_one_before_the_meeting() -> None:
    assert rules.motion_refusal([MOTION]) == (
        "the motion moved by Cllr Paul Bradley is still before the meeting: put it to the vote "
        "or withdraw it first"
    )
    assert rules.motion_refusal([MotionFact(1, "motion", None, "lost", has_vote=True)]) is None


def test_an_amendment_only_to_a_motion_still_before_the_meeting() -> None:
    assert rules.amendment_refusal([MOTION], 1, nested=False) is None
    voted = MotionFact(1, "motion", None, "carried", has_vote=True)
    assert rules.amendment_refusal([voted], 1, nested=False) == (
        "an amendment can be moved only to a motion still before the meeting: it was voted on"
    )
    withdrawn = MotionFact(1, "motion", None, "withdrawn")
    assert rules.amendment_refusal([withdrawn], 1, nested=False) == (
        "an amendment can be moved only to a motion still before the meeting: it was withdrawn"
    )
    assert rules.amendment_refusal([MOTION], 5, nested=False) == (
        "the motion to amend is not on this item"
    )


def test_nested_amendments_refused_unless_standing_orders_allow() -> None:
    debate = [MOTION, amendment(2)]
    assert rules.amendment_refusal(debate, 2, nested=False, body="Panel") == (
        "Panel's standing orders do not allow an amendment to an amendment: "
        "change it in the body's details"
    )
    assert rules.amendment_refusal(debate, 2, nested=True, body="Panel") is None


def test_states_set_by_hand() -> None:
    debate = [MOTION, amendment(2, mover="Cllr B")]
    assert rules.state_refusal(debate, 1, "carried") == (
        "a motion is carried or lost by its vote: record the vote instead"
    )
    assert rules.state_refusal(debate, 1, "adjourned") == (
        "'adjourned' is not what can become of a motion"
    )
    assert rules.state_refusal(debate, 1, "withdrawn") == (
        "the amendment moved by Cllr B must be voted on or withdrawn first"
    )
    assert rules.state_refusal(debate, 2, "withdrawn") is None
    voted = [MotionFact(1, "motion", None, "lost", has_vote=True)]
    assert rules.state_refusal(voted, 1, "withdrawn") == (
        "the motion has a vote: delete the vote first to change what became of it"
    )


def test_moved_again_only_where_it_could_be_moved_now() -> None:
    withdrawn = MotionFact(1, "motion", None, "withdrawn")
    other = MotionFact(2, "motion", None, "moved", mover="Cllr C")
    assert rules.state_refusal([withdrawn], 1, "moved") is None
    assert rules.state_refusal([withdrawn, other], 1, "moved") == (
        "the motion moved by Cllr C is still before the meeting: put it to the vote or "
        "withdraw it first"
    )
    fallen = [MotionFact(1, "motion", None, "lost", has_vote=True), amendment(2, "withdrawn")]
    assert rules.state_refusal(fallen, 2, "moved") == (
        "an amendment can be moved only to a motion still before the meeting: it was voted on"
    )


def test_a_carried_amendments_vote_waits_for_one_carried_since() -> None:
    first = MotionFact(2, "amendment", 1, "carried", has_vote=True, voted=5)
    second = MotionFact(3, "amendment", 1, "carried", has_vote=True, mover="Cllr D", voted=7)
    debate = [MOTION, first, second]
    assert rules.unvote_refusal(debate, 2) == (
        "the amendment moved by Cllr D was carried since, on the words this one made: "
        "delete that vote first"
    )
    assert rules.unvote_refusal(debate, 3) is None
    lost = MotionFact(4, "amendment", 1, "lost", has_vote=True, voted=3)
    assert rules.unvote_refusal([*debate, lost], 4) is None


def test_a_vote_is_deleted_only_while_the_motion_it_amended_has_none() -> None:
    debate = [MotionFact(1, "motion", None, "carried", has_vote=True, mover="Cllr A")]
    debate.append(amendment(2, "carried", voted=True))
    assert rules.unvote_refusal(debate, 2) == (
        "the motion moved by Cllr A has been voted on since: delete that vote first"
    )
    assert rules.unvote_refusal(debate, 1) is None
    debate.append(MotionFact(3, "motion", None, "moved", mover="Cllr C"))
    assert rules.unvote_refusal(debate, 1) == (
        "the motion moved by Cllr C is before the meeting now: put it to the vote or "
        "withdraw it first"
    )


# ---- after the vote -----------------------------------------------------------------------


def test_the_state_follows_the_decision() -> None:
    decision = rules.decide(7, 2, 0, majority="simple", present=9, membership=12)
    assert rules.state_after(decision.carried) == "carried"
    assert (
        rules.state_after(
            rules.decide(2, 7, 0, majority="simple", present=9, membership=12).carried
        )
        == "lost"
    )


def test_the_noun_of_the_vote() -> None:
    assert rules.vote_noun([MOTION], 1) == "motion"
    assert rules.vote_noun([MOTION, amendment(2, "lost", voted=True)], 1) == "motion"
    assert rules.vote_noun([MOTION, amendment(2, "lost", voted=True)], 2) == "amendment"
    carried = [MOTION, amendment(2, "carried", voted=True)]
    assert rules.vote_noun(carried, 1) == "substantive motion"


@pytest.mark.parametrize(
    ("amendment_text", "expected"),
    [
        (
            "to add “and asks for a report in six months”",
            "That the report be noted and asks for a report in six months.",
        ),
        ("To add and circulated", "That the report be noted and circulated."),
        (
            "to delete “noted” and insert “approved”",
            "That the report be approved.",
        ),
        ("to delete 'be noted' and insert 'be approved'", "That the report be approved."),
        ("to leave out “the report” and insert “it”", "That it be noted."),
        ("to delete “the report ”", "That be noted."),
        ("to delete REPORT and insert paper", "That the paper be noted."),
        # Not in the motion: the motion's words come back, for the clerk to amend by hand.
        ("to delete “minutes” and insert “notes”", "That the report be noted."),
        ("That the report be rejected.", "That the report be rejected."),
        ("to add the words “and circulated.”", "That the report be noted and circulated."),
        (
            "to insert “be circulated and” after “report”",
            "That the report be circulated and be noted.",
        ),
        ("to insert the word “now” before “noted”", "That the report be now noted."),
        ("to insert “now” after “minutes”", "That the report be noted."),
    ],
)
def test_the_amended_wording(amendment_text: str, expected: str) -> None:
    assert rules.amended_words("That the report be noted.", amendment_text) == expected


def test_the_amended_wording_replaces_once_and_keeps_a_motion_without_a_stop() -> None:
    assert rules.amended_words("to note, to note", "to delete note and insert read") == (
        "to read, to note"
    )
    assert rules.amended_words("That it be noted", "to add today") == "That it be noted today"
    assert rules.amended_words("That it be noted, and filed.", "to delete “and filed”") == (
        "That it be noted."
    )
