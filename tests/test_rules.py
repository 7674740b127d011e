"""Votes, quorum and declarations: the rules in PRODUCT.md §3, pinned to real cases."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from clerk_tui.rules import (
    Decision,
    DeclarationAction,
    DeclarationKind,
    Majority,
    PersonChoice,
    decide,
    excluded_from_vote,
    quorum_state,
    tally,
)

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


# --------------------------------------------------------------------------------------------
# Properties over every possible count
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """One possible show of hands, and the same vote with some counts changed."""

    for_votes: int
    against: int
    abstentions: int
    majority: Majority
    present: int
    membership: int

    def decide(self) -> Decision:
        return decide(
            self.for_votes,
            self.against,
            self.abstentions,
            majority=self.majority,
            present=self.present,
            membership=self.membership,
        )

    def fits(self) -> bool:
        return self.for_votes + self.against + self.abstentions <= self.present


@st.composite
def possible_votes(draw: st.DrawFn) -> Counts:
    """Counts that can happen: nobody votes twice, nobody is present who is not a member."""
    membership = draw(st.integers(min_value=1, max_value=60))
    present = draw(st.integers(min_value=0, max_value=membership))
    for_votes = draw(st.integers(min_value=0, max_value=present))
    against = draw(st.integers(min_value=0, max_value=present - for_votes))
    abstentions = draw(st.integers(min_value=0, max_value=present - for_votes - against))
    majority = draw(st.sampled_from(list(Majority)))
    return Counts(for_votes, against, abstentions, majority, present, membership)


@given(possible_votes())
def test_every_possible_count_is_decided_and_its_sentence_agrees(counts: Counts) -> None:
    decision = counts.decide()
    assert decision.text.endswith("was carried." if decision.carried else "was not carried.")
    assert decision.needed >= 1


@given(possible_votes())
def test_carried_matches_each_rule_as_the_spec_writes_it(counts: Counts) -> None:
    for_votes, against = counts.for_votes, counts.against
    expected = {
        Majority.SIMPLE: for_votes > against,
        Majority.TWO_THIRDS_VOTING: for_votes > 0
        and Fraction(for_votes) >= Fraction(2, 3) * (for_votes + against),
        Majority.TWO_THIRDS_MEMBERSHIP: Fraction(for_votes) >= Fraction(2, 3) * counts.membership,
        Majority.UNANIMOUS: counts.present > 0 and for_votes == counts.present,
    }[counts.majority]
    assert counts.decide().carried is expected


@given(possible_votes())
def test_one_more_vote_for_never_loses_a_carried_motion(counts: Counts) -> None:
    more = replace(counts, for_votes=counts.for_votes + 1)
    assume(more.fits())
    if counts.decide().carried:
        assert more.decide().carried


@given(possible_votes())
def test_needed_votes_carry_and_one_fewer_never_does(counts: Counts) -> None:
    needed = counts.decide().needed
    enough = replace(counts, for_votes=needed)
    assume(enough.fits())
    assert enough.decide().carried
    assert not replace(counts, for_votes=needed - 1).decide().carried


@given(possible_votes(), st.integers(min_value=1, max_value=5))
def test_more_votes_than_members_present_is_always_refused(counts: Counts, extra: int) -> None:
    room_left = counts.present - counts.for_votes - counts.against
    with pytest.raises(ValueError, match="but only"):
        replace(counts, abstentions=room_left + extra).decide()


@given(possible_votes())
def test_abstentions_never_change_a_simple_or_two_thirds_voting_result(counts: Counts) -> None:
    assume(counts.majority in (Majority.SIMPLE, Majority.TWO_THIRDS_VOTING))
    with_them, without = counts.decide(), replace(counts, abstentions=0).decide()
    assert (with_them.carried, with_them.needed) == (without.carried, without.needed)


# --------------------------------------------------------------------------------------------
# Quorum, declarations, recorded votes
# --------------------------------------------------------------------------------------------


def test_quorate_and_inquorate() -> None:
    quorate = quorum_state(9, 5)
    assert (quorate.quorate, quorate.text, quorate.short_by) == (True, "Quorate 9/5", 0)
    exactly = quorum_state(5, 5)
    assert exactly.quorate and exactly.text == "Quorate 5/5"
    inquorate = quorum_state(3, 5)
    assert (inquorate.quorate, inquorate.text, inquorate.short_by) == (False, "INQUORATE 3/5", 2)


def test_an_empty_room_and_a_body_with_no_quorum() -> None:
    empty = quorum_state(0, 3)
    assert (empty.quorate, empty.text, empty.short_by) == (False, "INQUORATE 0/3", 3)
    # A body with no quorum set (0) is quorate whoever is there, even nobody.
    assert quorum_state(4, 0).text == "Quorate 4/0"
    assert quorum_state(0, 0).quorate


def test_quorum_refuses_negative_numbers() -> None:
    with pytest.raises(ValueError, match="voting members present cannot be negative"):
        quorum_state(-1, 5)
    with pytest.raises(ValueError, match="quorum cannot be negative"):
        quorum_state(3, -5)


@pytest.mark.parametrize(
    ("kind", "action", "excluded"),
    [
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.SPOKE_AND_VOTED, True),
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.DISPENSATION, False),
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.LEFT_ROOM, True),
        (DeclarationKind.DISCLOSABLE_PECUNIARY, DeclarationAction.STAYED_DID_NOT_VOTE, True),
        (DeclarationKind.OTHER_REGISTRABLE, DeclarationAction.SPOKE_AND_VOTED, False),
        (DeclarationKind.OTHER_REGISTRABLE, DeclarationAction.LEFT_ROOM, True),
        (DeclarationKind.NON_REGISTRABLE, DeclarationAction.STAYED_DID_NOT_VOTE, True),
        (DeclarationKind.NON_REGISTRABLE, DeclarationAction.DISPENSATION, False),
        (DeclarationKind.OTHER, DeclarationAction.SPOKE_AND_VOTED, False),
        ("disclosable-pecuniary", "spoke-and-voted", True),  # stored strings work too
    ],
)
def test_excluded_from_vote(
    kind: DeclarationKind | str, action: DeclarationAction | str, excluded: bool
) -> None:
    assert excluded_from_vote(kind, action) is excluded


def test_excluded_from_vote_refuses_unknown_words() -> None:
    with pytest.raises(ValueError):
        excluded_from_vote("financial", DeclarationAction.LEFT_ROOM)


def test_tally_counts_a_recorded_vote() -> None:
    choices = [
        PersonChoice.FOR,
        PersonChoice.FOR,
        PersonChoice.AGAINST,
        PersonChoice.ABSTAIN,
        PersonChoice.DID_NOT_VOTE,
        "for",
    ]
    assert tally(choices) == (3, 1, 1)
    assert tally(["against", "abstain", "against", "abstain", "abstain"]) == (0, 2, 3)
    assert tally([]) == (0, 0, 0)
    with pytest.raises(ValueError):
        tally(["maybe"])


def test_a_recorded_vote_with_a_pecuniary_interest_feeds_decide() -> None:
    """Nine in the room, one with a DPI and no dispensation: eight count as present."""
    in_room = 9
    excluded = sum(
        excluded_from_vote(DeclarationKind.DISCLOSABLE_PECUNIARY, action)
        for action in [DeclarationAction.SPOKE_AND_VOTED]
    )
    choices = [PersonChoice.FOR] * 8 + [PersonChoice.DID_NOT_VOTE]
    decision = decide(
        *tally(choices), majority=Majority.UNANIMOUS, present=in_room - excluded, membership=15
    )
    assert decision.carried
