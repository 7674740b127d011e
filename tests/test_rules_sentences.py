"""Votes: the minutes sentence for each outcome, its articles, ties and unanimity (§3)."""

from __future__ import annotations

import pytest

from clerk_tui.rules import Majority, decide


@pytest.mark.parametrize(
    ("counts", "majority", "present", "casting", "text"),
    [
        (
            (9, 0, 0),
            "unanimous",
            9,
            None,
            "A vote of Members present was unanimous (9:0) in favour of the motion. "
            "The motion was carried.",
        ),
        (
            (6, 3, 1),
            "simple",
            10,
            None,
            "A vote of Members present resulted in a 6:3 majority in favour of the motion, "
            "with 1 abstention. The motion was carried.",
        ),
        (
            (3, 6, 2),
            "simple",
            11,
            None,
            "A vote of Members present resulted in a 6:3 majority against the motion, "
            "with 2 abstentions. The motion was not carried.",
        ),
        (
            (4, 4, 0),
            "simple",
            9,
            "for",
            "A vote of Members present was tied, 4 for and 4 against. "
            "On the Chair's casting vote in favour, the motion was carried.",
        ),
        (
            (4, 4, 0),
            "simple",
            9,
            "against",
            "A vote of Members present was tied, 4 for and 4 against. "
            "On the Chair's casting vote against, the motion was not carried.",
        ),
        (
            (4, 4, 0),
            "simple",
            9,
            None,
            "A vote of Members present was tied, 4 for and 4 against. "
            "As the votes were equal and no casting vote was given, the motion was not carried.",
        ),
        (
            (0, 0, 3),
            "simple",
            9,
            None,
            "No votes were cast for or against the motion, with 3 abstentions. "
            "The motion was not carried.",
        ),
        (
            (10, 2, 0),
            "two-thirds-membership",
            12,
            None,
            "A vote of Members present resulted in a 10:2 majority in favour of the motion. "
            "Having achieved a two-thirds majority of the whole membership (10 of 15), "
            "the motion was carried.",
        ),
        (
            (9, 0, 0),
            "two-thirds-membership",
            9,
            None,
            "A vote of Members present was unanimous (9:0) in favour of the motion. "
            "However, as a two-thirds majority of the whole membership (10 of 15) could not "
            "be reached the motion was not carried.",
        ),
        (
            (5, 3, 2),
            "two-thirds-voting",
            10,
            None,
            "A vote of Members present resulted in a 5:3 majority in favour of the motion, "
            "with 2 abstentions. However, as a two-thirds majority of the votes cast could "
            "not be reached the motion was not carried.",
        ),
        (
            (6, 3, 0),
            "two-thirds-voting",
            9,
            None,
            "A vote of Members present resulted in a 6:3 majority in favour of the motion. "
            "Having achieved a two-thirds majority of the votes cast, the motion was carried.",
        ),
        (
            (2, 7, 0),
            "unanimous",
            9,
            None,
            "A vote of Members present resulted in a 7:2 majority against the motion. "
            "As a unanimous decision could not be reached the motion was not carried.",
        ),
        (
            (11, 1, 0),
            "simple",
            12,
            None,
            "A vote of Members present resulted in an 11:1 majority in favour of the motion. "
            "The motion was carried.",
        ),
        (
            (1, 1, 0),
            "simple",
            3,
            "for",
            "A vote of Members present was tied, 1 for and 1 against. "
            "On the Chair's casting vote in favour, the motion was carried.",
        ),
        (
            (3, 8, 0),
            "simple",
            11,
            None,
            "A vote of Members present resulted in an 8:3 majority against the motion. "
            "The motion was not carried.",
        ),
        (
            (4, 4, 0),
            "two-thirds-voting",
            8,
            None,
            "A vote of Members present was tied, 4 for and 4 against. "
            "As a two-thirds majority of the votes cast could not be reached the motion was "
            "not carried.",
        ),
        (
            (0, 0, 0),
            "simple",
            5,
            None,
            "No votes were cast for or against the motion. The motion was not carried.",
        ),
    ],
)
def test_minutes_sentence_for_each_outcome(
    counts: tuple[int, int, int], majority: str, present: int, casting: str | None, text: str
) -> None:
    decision = decide(
        *counts, majority=majority, present=present, membership=15, casting_vote=casting
    )
    assert decision.text == text


@pytest.mark.parametrize(
    ("for_votes", "against", "words"),
    [
        (18, 2, "an 18:2 majority in favour"),
        (2, 18, "an 18:2 majority against"),
        (110, 1, "a 110:1 majority"),  # one hundred and ten
        (1800, 1, "a 1800:1 majority"),  # one thousand eight hundred
        (11000, 1, "an 11000:1 majority"),  # eleven thousand
        (18000, 1, "an 18000:1 majority"),  # eighteen thousand
        (180000, 1, "a 180000:1 majority"),  # one hundred and eighty thousand
    ],
)
def test_the_article_is_the_one_the_number_takes_said_aloud(
    for_votes: int, against: int, words: str
) -> None:
    members = for_votes + against
    decision = decide(
        for_votes, against, 0, majority=Majority.SIMPLE, present=members, membership=members
    )
    assert f" {words} " in decision.text


def test_a_one_one_tie_is_a_tie_the_chair_can_break() -> None:
    decision = decide(1, 1, 1, majority=Majority.SIMPLE, present=3, membership=5)
    assert decision.tie
    assert not decision.carried
    broken = decide(1, 1, 1, majority=Majority.SIMPLE, present=3, membership=5, casting_vote="for")
    assert broken.tie and broken.carried and broken.casting_vote == "for"


def test_the_decision_keeps_who_was_present_and_the_membership() -> None:
    decision = decide(6, 2, 1, majority=Majority.SIMPLE, present=9, membership=15)
    assert (decision.present, decision.membership) == (9, 15)


@pytest.mark.parametrize(
    ("counts", "present", "unanimous", "opening"),
    [
        ((1, 0, 0), 1, True, "A vote of Members present was unanimous (1:0)"),
        ((0, 0, 0), 5, False, "No votes were cast"),
        ((0, 0, 0), 0, False, "No votes were cast"),
        ((3, 0, 0), 4, False, "A vote of Members present resulted in a 3:0 majority"),
    ],
)
def test_unanimous_means_everyone_present_voted_for(
    counts: tuple[int, int, int], present: int, unanimous: bool, opening: str
) -> None:
    decision = decide(*counts, majority=Majority.SIMPLE, present=present, membership=15)
    assert decision.unanimous is unanimous
    assert decision.text.startswith(opening)
