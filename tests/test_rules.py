"""Votes: the decision under each majority rule, pinned to real cases (PRODUCT.md §3), and the
refusals of impossible counts and casting votes."""

from __future__ import annotations

import pytest

from clerk_tui.rules import Majority, decide

REFERENCE_616 = (
    "A vote of Panel Members present resulted in an 8:1 majority in favour of the "
    "recommendation. However, as a unanimous decision could not be reached the "
    "recommendation was not carried."
)


def test_co_option_needs_unanimity_reference_minute_616() -> None:
    decision = decide(
        8,
        1,
        0,
        majority=Majority.UNANIMOUS,
        present=9,
        membership=15,
        noun="recommendation",
        who="Panel Members",
    )
    assert decision.carried is False
    assert decision.needed == 9
    assert decision.tie is False
    assert decision.text == REFERENCE_616
    assert decision.outcome == "not carried"


def test_co_option_default_words_say_motion_and_members() -> None:
    decision = decide(8, 1, 0, majority="unanimous", present=9, membership=15)
    assert decision.text == (
        "A vote of Members present resulted in an 8:1 majority in favour of the motion. "
        "However, as a unanimous decision could not be reached the motion was not carried."
    )


# for, against, abstentions, majority, present, membership, casting, carried, needed, tie
CASES = [
    # Simple majority: abstentions do not count.
    (6, 3, 1, Majority.SIMPLE, 10, 15, None, True, 4, False),
    (3, 2, 5, Majority.SIMPLE, 10, 15, None, True, 3, False),
    (2, 3, 5, Majority.SIMPLE, 10, 15, None, False, 4, False),
    (1, 0, 8, Majority.SIMPLE, 9, 15, None, True, 1, False),
    (0, 0, 9, Majority.SIMPLE, 9, 15, None, False, 1, False),
    # Simple majority ties: the chair's casting vote, or lost without one.
    (4, 4, 1, Majority.SIMPLE, 9, 15, "for", True, 5, True),
    (4, 4, 1, Majority.SIMPLE, 9, 15, "against", False, 5, True),
    (4, 4, 1, Majority.SIMPLE, 9, 15, None, False, 5, True),
    (4, 4, 0, Majority.SIMPLE, 9, 15, "FOR", True, 5, True),  # case does not matter
    # Two thirds of those voting: abstentions do not count.
    (6, 3, 0, Majority.TWO_THIRDS_VOTING, 9, 15, None, True, 6, False),
    (6, 3, 3, Majority.TWO_THIRDS_VOTING, 12, 15, None, True, 6, False),
    (5, 3, 0, Majority.TWO_THIRDS_VOTING, 9, 15, None, False, 6, False),
    (2, 0, 7, Majority.TWO_THIRDS_VOTING, 9, 15, None, True, 1, False),
    (0, 0, 9, Majority.TWO_THIRDS_VOTING, 9, 15, None, False, 1, False),
    (4, 4, 0, Majority.TWO_THIRDS_VOTING, 8, 15, None, False, 8, False),
    # A panel veto: two thirds of a membership of 15, whoever is present.
    (10, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 10, 15, None, True, 10, False),
    (10, 5, 0, Majority.TWO_THIRDS_MEMBERSHIP, 15, 15, None, True, 10, False),
    (9, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 9, 15, None, False, 10, False),
    (9, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 12, 15, None, False, 10, False),
    (6, 1, 0, Majority.TWO_THIRDS_MEMBERSHIP, 7, 9, None, True, 6, False),
    # Two thirds of 10 is 6.67: it takes 7.
    (6, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 8, 10, None, False, 7, False),
    (7, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 8, 10, None, True, 7, False),
    # A body of one or two: two thirds of 1 is one vote, of 2 both.
    (1, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 1, 1, None, True, 1, False),
    (1, 0, 0, Majority.TWO_THIRDS_MEMBERSHIP, 2, 2, None, False, 2, False),
    # Unanimity of those present.
    (9, 0, 0, Majority.UNANIMOUS, 9, 15, None, True, 9, False),
    (8, 0, 1, Majority.UNANIMOUS, 9, 15, None, False, 9, False),
    (8, 0, 0, Majority.UNANIMOUS, 9, 15, None, False, 9, False),  # one sat silent
    (0, 0, 0, Majority.UNANIMOUS, 0, 15, None, False, 1, False),
]


@pytest.mark.parametrize(
    (
        "for_votes",
        "against",
        "abstentions",
        "majority",
        "present",
        "membership",
        "casting",
        "carried",
        "needed",
        "tie",
    ),
    CASES,
)
def test_decide_table(
    for_votes: int,
    against: int,
    abstentions: int,
    majority: Majority,
    present: int,
    membership: int,
    casting: str | None,
    carried: bool,
    needed: int,
    tie: bool,
) -> None:
    decision = decide(
        for_votes,
        against,
        abstentions,
        majority=majority,
        present=present,
        membership=membership,
        casting_vote=casting,
    )
    assert (decision.carried, decision.needed, decision.tie) == (carried, needed, tie)
    assert decision.majority is majority
    assert (decision.for_votes, decision.against, decision.abstentions) == (
        for_votes,
        against,
        abstentions,
    )
    assert decision.casting_vote == (casting.lower() if casting else None)
    # The sentence must agree with the outcome, whatever else it says.
    assert decision.text.endswith("was carried." if carried else "was not carried.")


def test_majority_accepted_as_its_stored_string() -> None:
    decision = decide(10, 2, 0, majority="two-thirds-membership", present=12, membership=15)
    assert decision.majority is Majority.TWO_THIRDS_MEMBERSHIP
    assert decision.carried


def test_unknown_majority_rule_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="Unknown majority rule 'three-quarters'"):
        decide(1, 0, 0, majority="three-quarters", present=1, membership=1)


@pytest.mark.parametrize(
    ("args", "kwargs", "words"),
    [
        ((8, 4, 0), {"present": 9, "membership": 15}, "12 votes cast but only 9 members present"),
        ((8, 1, 2), {"present": 9, "membership": 15}, "9 votes cast and 2 abstentions"),
        ((1, 0, 0), {"present": 0, "membership": 15}, "only 0 members present"),
        (
            (1, 0, 0),
            {"present": 16, "membership": 15},
            "16 members present but the body has only 15",
        ),
        ((0, 0, 0), {"present": 0, "membership": 0}, "at least one voting member"),
        ((-1, 0, 0), {"present": 9, "membership": 15}, "votes for cannot be negative"),
        ((0, -2, 0), {"present": 9, "membership": 15}, "votes against cannot be negative"),
        ((0, 0, -3), {"present": 9, "membership": 15}, "abstentions cannot be negative"),
        ((0, 0, 0), {"present": -1, "membership": 15}, "members present cannot be negative"),
    ],
)
def test_impossible_counts_raise_value_error_in_words(
    args: tuple[int, int, int], kwargs: dict[str, int], words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        decide(
            *args,
            majority=Majority.SIMPLE,
            present=kwargs["present"],
            membership=kwargs["membership"],
        )


def test_unknown_majority_rule_names_the_rules_there_are() -> None:
    with pytest.raises(ValueError) as refused:
        decide(1, 0, 0, majority="three-quarters", present=1, membership=1)
    assert str(refused.value) == (
        "Unknown majority rule 'three-quarters': use one of simple, two-thirds-voting, "
        "two-thirds-membership, unanimous."
    )


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        (
            (1, 0, 0),
            {"present": 16, "membership": 15},
            "16 members present but the body has only 15 voting members.",
        ),
        (
            (8, 1, 2),
            {"present": 9, "membership": 15},
            "9 votes cast and 2 abstentions but only 9 members present "
            "(8 for, 1 against, 2 abstentions).",
        ),
        (
            (8, 4, 0),
            {"present": 9, "membership": 15},
            "12 votes cast but only 9 members present (8 for, 4 against).",
        ),
    ],
)
def test_impossible_counts_are_refused_in_one_whole_sentence(
    args: tuple[int, int, int], kwargs: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError) as refused:
        decide(
            *args,
            majority=Majority.SIMPLE,
            present=kwargs["present"],
            membership=kwargs["membership"],
        )
    assert str(refused.value) == message


def test_one_vote_and_one_member_read_in_the_singular() -> None:
    with pytest.raises(ValueError, match=r"^2 votes cast but only 1 member present"):
        decide(1, 1, 0, majority=Majority.SIMPLE, present=1, membership=3)


@pytest.mark.parametrize(
    "majority",
    [Majority.TWO_THIRDS_VOTING, Majority.TWO_THIRDS_MEMBERSHIP, Majority.UNANIMOUS],
)
def test_casting_vote_under_another_rule_is_an_error(majority: Majority) -> None:
    with pytest.raises(ValueError, match="no casting vote"):
        decide(4, 4, 0, majority=majority, present=8, membership=15, casting_vote="for")


def test_casting_vote_under_another_rule_says_why_in_words() -> None:
    with pytest.raises(ValueError) as refused:
        decide(4, 4, 0, majority="unanimous", present=8, membership=15, casting_vote="for")
    assert str(refused.value) == (
        "The chair has no casting vote when the motion needs a unanimous decision; "
        "a casting vote only breaks a tie under a simple majority."
    )


def test_casting_vote_without_a_tie_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"only when the votes are tied \(here 5 for and 4"):
        decide(5, 4, 0, majority=Majority.SIMPLE, present=9, membership=15, casting_vote="for")


def test_casting_vote_when_nobody_voted_is_an_error() -> None:
    with pytest.raises(ValueError, match="only when the votes are tied"):
        decide(0, 0, 5, majority=Majority.SIMPLE, present=5, membership=15, casting_vote="for")


def test_unknown_casting_vote_is_an_error() -> None:
    with pytest.raises(ValueError, match="'for' or 'against', not 'abstain'"):
        decide(4, 4, 0, majority=Majority.SIMPLE, present=8, membership=15, casting_vote="abstain")
